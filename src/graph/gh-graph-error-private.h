/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-graph-error.h"

G_BEGIN_DECLS

/* What went wrong when it was not Meta's error object that said so: the connection, an
 * answer Gatehouse refused to read, or a limit of its own.  It picks the sentence a person
 * reads; the code stays what callers branch on. */
typedef enum
{
  GH_GRAPH_CAUSE_NONE,
  GH_GRAPH_CAUSE_CONNECTION_REFUSED,   /* nothing listens at the address */
  GH_GRAPH_CAUSE_HOST_NOT_FOUND,       /* the name did not resolve */
  GH_GRAPH_CAUSE_CONNECTION_LOST,      /* reset or closed before the answer was whole */
  GH_GRAPH_CAUSE_DEADLINE,             /* the whole request took longer than allowed */
  GH_GRAPH_CAUSE_TOO_LARGE,            /* the answer is over the size cap */
  GH_GRAPH_CAUSE_TOO_DEEP,             /* the answer nests deeper than the depth limit */
  GH_GRAPH_CAUSE_NOT_JSON,             /* not JSON at all, or cut off */
  GH_GRAPH_CAUSE_WRONG_SHAPE,          /* JSON, but not what the request answers with */
  GH_GRAPH_CAUSE_REDIRECT,             /* sent elsewhere; never followed */
  GH_GRAPH_CAUSE_BATCH_ITEM_MISSING,   /* the batch answer has fewer items than requests */
  GH_GRAPH_CAUSE_BATCH_ITEM_TIMED_OUT, /* Meta answered null for one operation */
  GH_GRAPH_CAUSE_NEXT_ELSEWHERE,       /* paging.next points to another server */
  GH_GRAPH_CAUSE_NEXT_REPEATED,        /* paging.next repeats a page already read */
  GH_GRAPH_CAUSE_WAITING,              /* refused here while Meta's wait is not over */
  GH_GRAPH_CAUSE_BAD_REQUEST,          /* Gatehouse asked for something it cannot send */
} GhGraphErrorCause;

/* For the client: errors that did not come from a Graph error object but still carry the
 * technical text (already redacted) and the HTTP status for the details expander. */
GError *_gh_graph_error_new_full      (GhGraphErrorCode  code,
                                       guint             http_status,
                                       gboolean          is_transient,
                                       const char       *technical_message);
/* The same with the cause that decides the sentence; transient when a retry may help. */
GError *_gh_graph_error_new_cause     (GhGraphErrorCode  code,
                                       GhGraphErrorCause cause,
                                       guint             http_status,
                                       const char       *technical_message);
/* Turns a transport error from libsoup/GIO into a GH_GRAPH_ERROR; cancellation is kept. */
GError *_gh_graph_error_new_from_transport (const GError *transport_error);

/* Accessors for the details: 0 / NULL when the error is not a GH_GRAPH_ERROR or the field
 * is absent. */
gint64      _gh_graph_error_get_graph_subcode (const GError *error);
const char *_gh_graph_error_get_graph_type    (const GError *error);
const char *_gh_graph_error_get_error_data    (const GError *error);
guint       _gh_graph_error_get_http_status   (const GError *error);
gboolean    _gh_graph_error_is_transient      (const GError *error);
GhGraphErrorCause _gh_graph_error_get_cause   (const GError *error);
/* How many times the request was sent (0: not recorded). */
guint       _gh_graph_error_get_attempts      (const GError *error);
void        _gh_graph_error_set_attempts      (GError       *error,
                                               guint         attempts);
/* For GH_GRAPH_ERROR_PAGE_BUDGET: how many pages were read before stopping. */
guint       _gh_graph_error_get_pages         (const GError *error);
void        _gh_graph_error_set_pages         (GError       *error,
                                               guint         pages);
/* TRUE when sending the same read again may work: Meta's transient codes and is_transient,
 * HTTP 5xx, a dropped connection.  Never for a rate limit or a refused answer. */
gboolean    _gh_graph_error_is_retryable      (const GError *error);

G_END_DECLS
