/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-token-info.h"

G_BEGIN_DECLS

gint64 _gh_token_info_get_data_access_expires_at (GhTokenInfo *self);

G_END_DECLS
