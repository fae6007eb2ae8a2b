/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "gh-task.h"

G_BEGIN_DECLS

/* One entry of GET /{waba-id}/assigned_users: who, and which tasks (known flags plus the
 * wire strings of tasks the app does not know). */
#define GH_TYPE_ASSIGNED_USER (gh_assigned_user_get_type ())
G_DECLARE_FINAL_TYPE (GhAssignedUser, gh_assigned_user, GH, ASSIGNED_USER, GObject)

/* @items: a page's "data" array; returns GPtrArray of GhAssignedUser, bad items skipped. */
GPtrArray          *gh_assigned_user_parse_array      (JsonArray      *items);

const char         *gh_assigned_user_get_id           (GhAssignedUser *self);
/* As sent; may be blank (" ").  The "display-name" property is what to show people. */
const char         *gh_assigned_user_get_name         (GhAssignedUser *self);
gboolean            gh_assigned_user_is_system_user   (GhAssignedUser *self);
GhTaskFlags         gh_assigned_user_get_tasks        (GhAssignedUser *self);
const char * const *gh_assigned_user_get_unknown_tasks (GhAssignedUser *self);

G_END_DECLS
