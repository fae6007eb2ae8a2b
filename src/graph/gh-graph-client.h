/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gh-graph-redact.h"

G_BEGIN_DECLS

#define GH_TYPE_GRAPH_CLIENT (gh_graph_client_get_type ())
G_DECLARE_FINAL_TYPE (GhGraphClient, gh_graph_client, GH, GRAPH_CLIENT, GObject)

#define GH_GRAPH_DEFAULT_VERSION "v25.0"
#define GH_GRAPH_MAX_BATCH 50
/* Pages one gh_graph_client_get_pages_async may read: half of Meta's default 200 calls an
 * hour per WhatsApp Business account, which leaves the other half for the check, the
 * overview and edits.  At 100 items a page that is 10,000 assigned users. */
#define GH_GRAPH_DEFAULT_PAGE_BUDGET 100

/* Called once per page while following cursors.  @items is the page's "data" array,
 * @total is summary.total_count when the server sent one, else -1. */
typedef void (*GhGraphPageFunc) (JsonArray *items,
                                 gint64     total,
                                 gpointer   user_data);

/* One operation of a batch request.  relative_url has no version ("me?fields=id,name"). */
typedef struct
{
  char *method;        /* "GET", "POST", "DELETE" */
  char *relative_url;
  char *name;          /* nullable; its answer is still sent (omit_response_on_success) */
  char *body;          /* nullable, form-encoded, for POST */
} GhGraphBatchRequest;

GhGraphBatchRequest *gh_graph_batch_request_new  (const char *method,
                                                  const char *relative_url);
void                 gh_graph_batch_request_free (GhGraphBatchRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhGraphBatchRequest, gh_graph_batch_request_free)

/* One answer of a batch, in request order.  Exactly one of body / error is set. */
typedef struct
{
  guint     code;      /* HTTP status of the operation, 0 when the item was null */
  JsonNode *body;      /* the parsed body, an object */
  GError   *error;     /* GH_GRAPH_ERROR when the item failed or was null (timed out) */
} GhGraphBatchResult;

void                 gh_graph_batch_result_free  (GhGraphBatchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhGraphBatchResult, gh_graph_batch_result_free)

/* @base_url: NULL for Meta's server.  Anything but https://graph.facebook.com or a loopback
 * http(s) URL (127.0.0.0/8, ::1, localhost) is refused with GH_GRAPH_ERROR_REFUSED_URL.
 * @api_version: NULL for GH_GRAPH_DEFAULT_VERSION. */
GhGraphClient *gh_graph_client_new                (const char     *base_url,
                                                   const char     *api_version,
                                                   GError        **error);
/* Reads GATEHOUSE_GRAPH_URL (same rules as above). */
GhGraphClient *gh_graph_client_new_from_environment (const char   *api_version,
                                                     GError      **error);

/* The token is kept in memory only, sent only in the Authorization header. */
void           gh_graph_client_set_token          (GhGraphClient  *self,
                                                   const char     *token);
gboolean       gh_graph_client_has_token          (GhGraphClient  *self);

/* The most pages gh_graph_client_get_pages_async reads for one list (the "page-budget"
 * property); 0 sets GH_GRAPH_DEFAULT_PAGE_BUDGET. */
void           gh_graph_client_set_page_budget    (GhGraphClient  *self,
                                                   guint           pages);
/* The highest percentage of any limit in Meta's latest usage headers (X-Business-Use-Case-
 * Usage, X-App-Usage), 0 before any; "usage-percent" notifies when it changes.  From 80 the
 * client spaces reads out; from 100 it makes no call until the wait is over. */
guint          gh_graph_client_get_usage_percent  (GhGraphClient  *self);
/* Minutes until the client makes calls again, 0 when it makes them now; "wait-minutes"
 * notifies when a wait starts, grows or ends.  While it runs every call fails at once with
 * GH_GRAPH_ERROR_RATE_LIMITED carrying the time left. */
guint          gh_graph_client_get_wait_minutes   (GhGraphClient  *self);
/* Lets calls go again before the wait is over, for a person who chose to try now.  If Meta
 * still limits calls, its answer starts a new wait. */
void           gh_graph_client_end_wait           (GhGraphClient  *self);

/* @path: relative to <base>/<version>/, e.g. "me" or "123/assigned_users".
 * @params: nullable, NULL-terminated key, value, key, value …  GET/DELETE put them in the
 * query, POST sends them form-encoded.  The result is the response's root node (an object).
 * A GET that fails for a passing reason (Meta's codes 1, 2 and 131000, is_transient, HTTP
 * 5xx, a dropped connection) is sent up to three times in all; POST and DELETE only once:
 * after an error, read back what Meta holds.  Each attempt must be over within a minute,
 * and an answer over 16 MiB or nested over 64 levels is refused unread. */
void           gh_graph_client_request_async      (GhGraphClient       *self,
                                                   const char          *method,
                                                   const char          *path,
                                                   const char * const  *params,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
JsonNode      *gh_graph_client_request_finish     (GhGraphClient       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Convenience wrappers around request for GET. */
void           gh_graph_client_get_async          (GhGraphClient       *self,
                                                   const char          *path,
                                                   const char * const  *params,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
JsonNode      *gh_graph_client_get_finish         (GhGraphClient       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Follows paging.next (same origin only, access_token stripped) until there is none, calling
 * @page_func on the main context for each page.  Returns the number of items seen.  Stops
 * with GH_GRAPH_ERROR_PAGE_BUDGET when the list needs more pages than the page budget, and
 * with GH_GRAPH_ERROR_MALFORMED_RESPONSE when a next link repeats a page already read; the
 * pages read before either have been handed to @page_func. */
void           gh_graph_client_get_pages_async    (GhGraphClient       *self,
                                                   const char          *path,
                                                   const char * const  *params,
                                                   GhGraphPageFunc      page_func,
                                                   gpointer             page_data,
                                                   GDestroyNotify       page_data_destroy,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gint64         gh_graph_client_get_pages_finish   (GhGraphClient       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* @requests: GhGraphBatchRequest*, at most GH_GRAPH_MAX_BATCH.  One POST to <base>/<version>/.
 * Result: GPtrArray of GhGraphBatchResult* (free func set), same order.  A batch of GETs only
 * is retried like a GET, and the operations Meta answered null for go once more in a batch
 * of their own; a batch holding any write is sent once. */
void           gh_graph_client_batch_async        (GhGraphClient       *self,
                                                   GPtrArray           *requests,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray     *gh_graph_client_batch_finish       (GhGraphClient       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
