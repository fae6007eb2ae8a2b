/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-timezone.h"

G_BEGIN_DECLS

/* The IANA name ("America/Los_Angeles"), NULL for an unknown or malformed id. */
const char *_gh_timezone_get_iana_name (const char *meta_id);

G_END_DECLS
