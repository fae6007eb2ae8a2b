/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gh-access-check.h"
#include "gh-graph-client.h"
#include "gh-saved-connection.h"
#include "gh-waba.h"

G_BEGIN_DECLS

/* One connection to Meta with one token: runs the check (discovering the WABAs the token
 * reaches, never asking for IDs) and loads an account's details, each within the round-trip
 * budget (one batch where possible). */
#define GH_TYPE_CONNECTION (gh_connection_get_type ())
G_DECLARE_FINAL_TYPE (GhConnection, gh_connection, GH, CONNECTION, GObject)

/* A connection with a client of its own for @base_url (NULL: Meta's server, or
 * GATEHOUSE_GRAPH_URL; only loopback overrides are accepted) and @api_version (NULL: the
 * default).  The client sends @token in the Authorization header; the connection keeps one
 * copy, wiped on finalize, for debug_token, which inspects the token from inside a batch
 * POST body.  @saved: nullable (a token not yet saved).  NULL with an error when the URL is
 * refused. */
GhConnection      *gh_connection_new                (const char         *base_url,
                                                     const char         *api_version,
                                                     const char         *token,
                                                     GhSavedConnection  *saved,
                                                     GError            **error);
GhGraphClient     *gh_connection_get_client         (GhConnection       *self);
GhSavedConnection *gh_connection_get_saved          (GhConnection       *self);
void               gh_connection_set_saved          (GhConnection       *self,
                                                     GhSavedConnection  *saved);
/* The last report, NULL before the first check. */
GhCheckReport     *gh_connection_get_report         (GhConnection       *self);

/* At most 2 sequential round trips: batch(debug_token, me, me/assigned WABAs) then
 * batch(each WABA's basic fields, the business's system users for the role).  Fails only
 * when nothing could be asked (network, malformed); an invalid token gives a report. */
void               gh_connection_check_async        (GhConnection       *self,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GhCheckReport     *gh_connection_check_finish       (GhConnection       *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);

/* One round trip: the WABA with every detail field, phone_numbers and the templates summary
 * by field expansion. */
void               gh_connection_load_waba_async    (GhConnection       *self,
                                                     const char         *waba_id,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
GhWaba            *gh_connection_load_waba_finish   (GhConnection       *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);

G_END_DECLS
