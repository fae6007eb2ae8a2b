/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-connection.h"

G_BEGIN_DECLS

/* The connection's own copy of its token, for the session to save it in the keyring.  Never
 * copied further than that call. */
const char          *_gh_connection_peek_token          (GhConnection        *self);

/* Shared by the connection's files: the check (gh-connection-check.c) and the writes that
 * fix an account (gh-connection-actions.c). */

/* The fields the check reads of every account it finds: enough to name it and its owner. */
#define GH_CONNECTION_ACCOUNT_FIELDS "id,name,owner_business_info,account_review_status"

/* IDs go into URL paths: anything but digits would change what is asked. */
gboolean             _gh_connection_is_graph_id         (const char          *id);
/* A string member Meta may send as a number (IDs beyond 2^53 are strings, older answers
 * used numbers); NULL when absent or of another type. */
char                *_gh_connection_dup_id              (JsonObject          *object,
                                                         const char          *member);
GhGraphBatchRequest *_gh_connection_get_request         (const char          *relative_url);
/* The answer's object, NULL when the operation failed. */
JsonObject          *_gh_connection_result_object       (GhGraphBatchResult  *result);
/* Keeps @report as the last one (notifying "report") and writes what it found into the
 * saved connection. */
void                 _gh_connection_set_report          (GhConnection        *self,
                                                         GhCheckReport       *report);

/* What readiness needs besides the account's own fields: its health and phone numbers
 * (one operation) and the apps subscribed to its webhooks (another), appended to
 * @requests in that order. */
void                 _gh_connection_add_readiness_requests (GPtrArray        *requests,
                                                            const char       *waba_id);
/* Copies the health and phone number members of @details' answer into @account's answer,
 * when both are objects about the same account. */
void                 _gh_connection_merge_details       (GhGraphBatchResult  *account,
                                                         GhGraphBatchResult  *details);
/* The subscribed apps of an answer, or NULL with @error. */
GPtrArray           *_gh_connection_parse_apps          (GhGraphBatchResult  *result,
                                                         GError             **error);

/* One round trip: the account, its health, numbers and subscriptions, judged with what the
 * last check knows about the token. */
void                 _gh_connection_read_readiness_async  (GhConnection       *self,
                                                           const char         *waba_id,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
GhAccountReadiness  *_gh_connection_read_readiness_finish (GhConnection       *self,
                                                           GAsyncResult       *result,
                                                           GError            **error);

/* Adds the prefetched account's requests (if any) to the check's first batch; returns how
 * many. */
guint                _gh_connection_add_prefetch_requests (GhConnection     *self,
                                                           GPtrArray        *requests);
/* The account whose overview rides in the check's first batch, NULL when none does; its
 * readiness answers are the third and fourth of the prefetched requests. */
const char          *_gh_connection_get_prefetch_waba_id (GhConnection    *self);
/* Keeps @count answers from @offset of @results for the prefetched account. */
void                 _gh_connection_keep_prefetched     (GhConnection        *self,
                                                         GPtrArray           *results,
                                                         guint                offset,
                                                         guint                count);

G_END_DECLS
