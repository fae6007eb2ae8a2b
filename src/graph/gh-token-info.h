/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What debug_token says about a token: its kind, owner, app, expiry and permissions. */
#define GH_TYPE_TOKEN_INFO (gh_token_info_get_type ())
G_DECLARE_FINAL_TYPE (GhTokenInfo, gh_token_info, GH, TOKEN_INFO, GObject)

typedef enum
{
  GH_TOKEN_KIND_UNKNOWN,
  GH_TOKEN_KIND_SYSTEM_USER,
  GH_TOKEN_KIND_USER,
  GH_TOKEN_KIND_PAGE,
  GH_TOKEN_KIND_APP,
} GhTokenKind;

/* @node: the whole debug_token response ({"data": {...}}) or its "data" object.
 * Fails with GH_GRAPH_ERROR_MALFORMED_RESPONSE when it has no usable data. */
GhTokenInfo *gh_token_info_parse               (JsonNode     *node,
                                                GError      **error);

gboolean     gh_token_info_get_is_valid        (GhTokenInfo  *self);
GhTokenKind  gh_token_info_get_kind            (GhTokenInfo  *self);
const char  *gh_token_info_get_kind_string     (GhTokenInfo  *self);  /* as sent: "SYSTEM_USER" */
const char  *gh_token_info_get_app_id          (GhTokenInfo  *self);
const char  *gh_token_info_get_application     (GhTokenInfo  *self);
const char  *gh_token_info_get_user_id         (GhTokenInfo  *self);
/* Unix seconds; 0 means never. */
gint64       gh_token_info_get_expires_at      (GhTokenInfo  *self);
gint64       gh_token_info_get_issued_at       (GhTokenInfo  *self);
const char * const *gh_token_info_get_scopes   (GhTokenInfo  *self);
gboolean     gh_token_info_has_scope           (GhTokenInfo  *self,
                                                const char   *scope);
/* target_ids of a granular scope; NULL when the scope covers every asset (or is absent). */
const char * const *gh_token_info_get_target_ids (GhTokenInfo *self,
                                                  const char  *scope);
/* data.error.code of the inspected token, 0 when none. */
gint64       gh_token_info_get_error_code      (GhTokenInfo  *self);
gint64       gh_token_info_get_error_subcode   (GhTokenInfo  *self);

G_END_DECLS
