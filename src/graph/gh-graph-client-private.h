/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libsoup/soup.h>

#include "gh-graph-client.h"
#include "gh-graph-error-private.h"

G_BEGIN_DECLS

/* The client is one object over several files, each with one job: gh-graph-client.c (the
 * object, its settings and the rate-limit state), gh-graph-send.c (one request, made safe),
 * gh-graph-url.c (which URLs may be used), gh-graph-usage.c (Meta's usage headers),
 * gh-graph-pages.c (following cursors) and gh-graph-batch.c (batch requests). */
struct _GhGraphClient
{
  GObject      parent_instance;

  SoupSession *session;
  GUri        *base_uri;
  char        *base_url;
  char        *api_version;
  char        *token;

  guint        page_budget;

  /* What Meta last said about the rate limits, and what Gatehouse does about it. */
  guint        usage_percent;
  gint64       blocked_until;     /* monotonic µs; 0 while calls may go */
  guint        unblock_id;        /* ends the block and says so (notify::wait-minutes) */
  gint64       next_read_at;      /* monotonic µs: earliest start of the next spaced read */
  guint        n_spaced;

  /* Settable for tests, so that they wait milliseconds instead of minutes. */
  guint        deadline_ms;
  guint        backoff_ms;
  guint        spacing_ms;        /* per percent of usage above the slow-down threshold */
};

/* The largest answer Gatehouse reads; Meta's largest pages are a few hundred kilobytes. */
#define GH_GRAPH_MAX_BODY (16 * 1024 * 1024)
/* How many times a read is sent before its error is returned. */
#define GH_GRAPH_MAX_ATTEMPTS 3
/* Usage at which reads are spaced out, and at which calls stop until Meta's wait is over. */
#define GH_GRAPH_SLOW_DOWN_PERCENT 80
#define GH_GRAPH_STOP_PERCENT 100
#define GH_GRAPH_DEFAULT_DEADLINE_MS (60 * 1000)
#define GH_GRAPH_DEFAULT_BACKOFF_MS 1000
#define GH_GRAPH_DEFAULT_SPACING_MS 500

/* gh-graph-url.c */
/* TRUE for an http(s) URL on a loopback address (127.0.0.0/8, ::1, localhost). */
gboolean    _gh_graph_client_is_loopback_url  (const char          *url);
GUri       *_gh_graph_url_parse_http          (const char          *url);
gboolean    _gh_graph_url_is_meta             (GUri                *uri);
gboolean    _gh_graph_url_is_loopback         (GUri                *uri);
/* Scheme, host, port and path without trailing slashes; no user info, query or fragment. */
char       *_gh_graph_url_normalize_base      (GUri                *uri);
/* NULL-terminated key, value, … as a form / query string; NULL when there are none. */
char       *_gh_graph_url_encode_params       (const char * const  *params);
char       *_gh_graph_url_build               (const char          *base_url,
                                               const char          *api_version,
                                               const char          *path,
                                               const char          *query);
/* @next on the origin of @base (scheme, host, port) with any access_token dropped from its
 * query; NULL when it is on another origin or not an http(s) URL. */
char       *_gh_graph_url_sanitize_next       (GUri                *base,
                                               const char          *next);
/* The value of the "after" cursor in @url's query, NULL when there is none. */
char       *_gh_graph_url_dup_cursor          (const char          *url);

/* gh-graph-usage.c */
typedef struct
{
  gboolean seen;           /* a usage header was there */
  guint    percent;        /* the highest percentage in any of them */
  guint    wait_minutes;   /* the longest estimated_time_to_regain_access */
} GhGraphUsage;

/* X-Business-Use-Case-Usage: {"<id>": [{"call_count": …, "estimated_time_to_regain_access":
 * …}, …], …}; merged into @usage (highest values win). */
void        _gh_graph_usage_add_business      (GhGraphUsage        *usage,
                                               const char          *value);
/* X-App-Usage: {"call_count": …, "total_time": …, "total_cputime": …}. */
void        _gh_graph_usage_add_app           (GhGraphUsage        *usage,
                                               const char          *value);
/* Both, from every header whose name matches in any case and spelling Meta uses. */
void        _gh_graph_usage_read_headers      (GhGraphUsage        *usage,
                                               SoupMessageHeaders  *headers);
/* Seconds from a Retry-After header (a number or an HTTP date), 0 when absent. */
guint       _gh_graph_usage_retry_after       (SoupMessageHeaders  *headers);

/* gh-graph-client.c: the rate-limit state */
/* Takes in what an answer said; may start or lengthen the wait. */
void        _gh_graph_client_note_usage       (GhGraphClient       *self,
                                               const GhGraphUsage  *usage);
/* Meta refused a call for the rate limit: no call goes for @seconds (the default wait when
 * 0).  Returns the seconds the wait now has left. */
guint       _gh_graph_client_note_rate_limited (GhGraphClient      *self,
                                                guint               seconds);
/* Seconds until calls may go again, 0 when they may go now. */
guint       _gh_graph_client_get_wait_seconds (GhGraphClient       *self);
/* A GH_GRAPH_ERROR_RATE_LIMITED carrying the wait, or NULL when calls may go. */
GError     *_gh_graph_client_check_wait       (GhGraphClient       *self);
/* Milliseconds a read starting now must wait so that reads are spaced out near the limit;
 * books its slot. */
guint       _gh_graph_client_book_read        (GhGraphClient       *self);

/* Only for tests. */
void        _gh_graph_client_set_timing       (GhGraphClient       *self,
                                               guint                deadline_ms,
                                               guint                backoff_ms,
                                               guint                spacing_ms);
/* How many reads were held back to space them out. */
guint       _gh_graph_client_get_n_spaced     (GhGraphClient       *self);
const char *_gh_graph_client_get_base_url     (GhGraphClient       *self);
const char *_gh_graph_client_get_api_version  (GhGraphClient       *self);
/* NULL or anything that is not a plain path segment gives GH_GRAPH_DEFAULT_VERSION. */
void        _gh_graph_client_set_api_version  (GhGraphClient       *self,
                                               const char          *api_version);

/* gh-graph-send.c */
/* Sends one request with the token and every guard: the wait, the spacing of reads, the
 * deadline, the size and depth limits, and retries for reads.  The task (with @source_tag)
 * returns the answer's root node, of type @expect. */
void        _gh_graph_client_send_async       (GhGraphClient       *self,
                                               const char          *method,
                                               const char          *url,
                                               const char          *form,
                                               JsonNodeType         expect,
                                               gboolean             is_read,
                                               gpointer             source_tag,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
JsonNode   *_gh_graph_client_send_finish      (GhGraphClient       *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* gh-graph-batch.c */
/* The form body of a batch POST. */
char       *_gh_graph_batch_encode            (GPtrArray           *requests);
/* One GhGraphBatchResult per request from the answer's array, in request order. */
GPtrArray  *_gh_graph_batch_parse_answer      (JsonArray           *items,
                                               guint                n_requests);

G_END_DECLS
