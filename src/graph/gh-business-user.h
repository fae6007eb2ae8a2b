/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Someone of the business who could be assigned to a WABA: from /{business}/system_users
 * or /{business}/business_users. */
#define GH_TYPE_BUSINESS_USER (gh_business_user_get_type ())
G_DECLARE_FINAL_TYPE (GhBusinessUser, gh_business_user, GH, BUSINESS_USER, GObject)

/* @node: one element of system_users.data or business_users.data.  Needs at least "id". */
GhBusinessUser *gh_business_user_parse            (JsonNode       *node,
                                                   gboolean        is_system_user,
                                                   GError        **error);
/* @node: {"data": [...]}; GPtrArray of GhBusinessUser, bad items skipped. */
GPtrArray      *gh_business_user_parse_list       (JsonNode       *node,
                                                   gboolean        is_system_user,
                                                   GError        **error);

const char     *gh_business_user_get_id           (GhBusinessUser *self);
const char     *gh_business_user_get_name         (GhBusinessUser *self);
const char     *gh_business_user_get_display_name (GhBusinessUser *self);
const char     *gh_business_user_get_email        (GhBusinessUser *self);
gboolean        gh_business_user_is_system_user   (GhBusinessUser *self);
gboolean        gh_business_user_is_admin         (GhBusinessUser *self);
/* As Meta sends them when fields= asks for them (NULL otherwise): whether the person turned
 * on two-factor authentication (an open string, such as "enabled"), and the address an
 * invitation not accepted yet went to (NULL or empty once they joined). */
const char     *gh_business_user_get_two_fac_status (GhBusinessUser *self);
const char     *gh_business_user_get_pending_email  (GhBusinessUser *self);

G_END_DECLS
