/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gh-access-check.h"
#include "gh-account-action.h"
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

/* At most 2 sequential round trips: batch(debug_token, me, me/assigned WABAs), then
 * batch(each WABA's fields, its health and phone numbers, its subscribed apps, and the
 * business's system users for the role — chained to the first account's owner with a
 * dependent operation when the business is not known yet).  Only reads: the check never
 * writes.  A further page of the account list, or a batch item Meta answered with null, costs
 * one more round trip each.  Fails only when nothing could be asked (network, malformed); an
 * invalid token gives a report. */
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

/* The same round trip (the account's details, plus its health, phone numbers and
 * subscriptions), judged: what the overview shows.  The account is
 * gh_account_readiness_get_waba (). */
void               gh_connection_load_account_async   (GhConnection       *self,
                                                       const char         *waba_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GhAccountReadiness *gh_connection_load_account_finish (GhConnection       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* Subscribes the token's app to @waba_id's webhooks: one POST /{waba-id}/subscribed_apps,
 * never retried, then one read of what Meta holds.  Call it only after the person confirmed.
 * The result says in plain words what happened; it fails only when cancelled or for an
 * @waba_id that is not an ID (nothing sent). */
void               gh_connection_subscribe_app_async  (GhConnection       *self,
                                                       const char         *waba_id,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
GhAccountAction   *gh_connection_subscribe_app_finish (GhConnection       *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);

/* Registers @phone_id (a number of @waba_id) for Cloud API with its two-step verification
 * @pin: one POST /{phone-id}/register, never retried, then one read of the account.  A PIN
 * that is not six digits is refused before anything is sent (GH_GRAPH_ERROR_INVALID_PARAMETER
 * with gh_register_pin_problem()'s sentence). */
void               gh_connection_register_phone_async  (GhConnection       *self,
                                                        const char         *waba_id,
                                                        const char         *phone_id,
                                                        const char         *pin,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
GhAccountAction   *gh_connection_register_phone_finish (GhConnection       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

/* Before a check: asks for @waba_id's overview, and the first page of its people at
 * @people_path (nullable; a relative URL such as gh_assignment_editor_dup_first_page_path()
 * gives), in the check's first round trip, so that a saved connection opens on its account
 * without waiting for another.  gh_connection_load_account_async() then answers from what
 * was read, once. */
void               gh_connection_prefetch_account   (GhConnection       *self,
                                                     const char         *waba_id,
                                                     const char         *people_path);
/* The first page of @waba_id's people read with the check (an "assigned_users" answer), or
 * NULL when it was not asked for, not answered, or already taken. */
JsonNode          *gh_connection_take_people_page   (GhConnection       *self,
                                                     const char         *waba_id);

G_END_DECLS
