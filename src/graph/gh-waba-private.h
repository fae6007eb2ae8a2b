/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-waba.h"

G_BEGIN_DECLS

const char         *_gh_waba_get_status (GhWaba *self);

G_END_DECLS
