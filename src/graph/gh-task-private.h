/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-task.h"

G_BEGIN_DECLS

/* One flag → "MANAGE"; NULL for anything but a single known flag. */
const char  *_gh_task_to_string   (GhTaskFlags  task);

G_END_DECLS
