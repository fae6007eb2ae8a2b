/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-assigned-user.h"

G_BEGIN_DECLS

/* @node: one element of assigned_users.data.  Needs at least "id". */
GhAssignedUser *_gh_assigned_user_parse            (JsonNode        *node,
                                                    GError         **error);
/* The name stripped, or the ID when the name is blank. */
const char     *_gh_assigned_user_get_display_name (GhAssignedUser  *self);
const char     *_gh_assigned_user_get_user_type    (GhAssignedUser  *self);  /* SYSTEM_USER … */

G_END_DECLS
