/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One code per thing a person can do something about; the Graph details ride along in the
 * error's private data (see gh_graph_error_get_*). */
#define GH_GRAPH_ERROR (gh_graph_error_quark ())

typedef enum
{
  GH_GRAPH_ERROR_NETWORK,             /* could not reach the server, connection dropped */
  GH_GRAPH_ERROR_TIMEOUT,
  GH_GRAPH_ERROR_TLS,
  GH_GRAPH_ERROR_INVALID_TOKEN,       /* 190 and its subcodes other than 463 */
  GH_GRAPH_ERROR_TOKEN_EXPIRED,       /* 190/463 */
  GH_GRAPH_ERROR_PERMISSION,          /* 10, 200–299 */
  GH_GRAPH_ERROR_RATE_LIMITED,        /* 4, 17, 32, 613, 80007, 80008 */
  GH_GRAPH_ERROR_INVALID_PARAMETER,   /* 100, 33 */
  GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED, /* 415/2859009 */
  GH_GRAPH_ERROR_ACCOUNT_RESTRICTED,  /* 368, 131031 */
  GH_GRAPH_ERROR_SERVER,              /* 1, 2, 131000, HTTP 5xx, other transient */
  GH_GRAPH_ERROR_MALFORMED_RESPONSE,  /* not JSON, truncated, wrong shape */
  GH_GRAPH_ERROR_REFUSED_URL,         /* base URL override that is not loopback */
  GH_GRAPH_ERROR_UNKNOWN,             /* a Graph error we cannot classify */
  GH_GRAPH_ERROR_PAGE_BUDGET,         /* a list needs more pages than the client may read */
} GhGraphErrorCode;

/* The wait when Meta limits calls without saying for how long. */
#define GH_GRAPH_DEFAULT_WAIT_MINUTES 5

GQuark       gh_graph_error_quark              (void);

/* Builds an error from a Graph error object ({"message": …, "code": …, …}, the value of the
 * top-level "error" member).  Never fails: odd shapes give GH_GRAPH_ERROR_UNKNOWN. */
GError      *gh_graph_error_new_from_json      (JsonObject   *error_object,
                                                guint         http_status);
GError      *gh_graph_error_new_literal        (GhGraphErrorCode code,
                                                const char   *message);
GhGraphErrorCode gh_graph_error_code_from_graph (gint64       graph_code,
                                                 gint64       graph_subcode,
                                                 guint        http_status);

/* Accessors: return 0 / NULL when the error is not a GH_GRAPH_ERROR or the field is absent. */
gint64       gh_graph_error_get_graph_code     (const GError *error);
const char  *gh_graph_error_get_graph_message  (const GError *error);
const char  *gh_graph_error_get_user_title     (const GError *error);
const char  *gh_graph_error_get_user_message   (const GError *error);
const char  *gh_graph_error_get_fbtrace_id     (const GError *error);
/* Seconds to wait before calling again (from the usage headers), 0 when unknown. */
guint        gh_graph_error_get_retry_after    (const GError *error);
void         gh_graph_error_set_retry_after    (GError       *error,
                                                guint         seconds);

/* Minutes to wait before calling Meta again: for GH_GRAPH_ERROR_RATE_LIMITED the retry
 * time rounded up (GH_GRAPH_DEFAULT_WAIT_MINUTES when Meta did not say), 0 for any other
 * error. */
guint        gh_graph_error_get_wait_minutes   (const GError *error);

/* A plain sentence and one next step for a person, translated.  Never contains the token.
 * These say what the code means in general; gh_graph_error_describe says more. */
const char  *gh_graph_error_code_to_summary    (GhGraphErrorCode code);
const char  *gh_graph_error_code_to_next_step  (GhGraphErrorCode code);
/* Multi-line technical details (code, subcode, Graph message, fbtrace_id) for an expander. */
char        *gh_graph_error_format_details     (const GError *error);

/* Everything a person is told about an error, translated, in the words both the window and
 * `gatehouse --check` use. */
typedef struct
{
  char  *summary;       /* one plain sentence: what happened */
  char  *next_step;     /* one instruction: what to do now */
  guint  wait_minutes;  /* how long Meta wants Gatehouse to wait; 0 when it does not */
  char  *wait;          /* "Try again in 5 minutes.", NULL when wait_minutes is 0 */
  char  *details;       /* technical details (code, subcode, type, fbtrace_id, Meta's
                         * message), redacted, for a copyable expander */
} GhGraphErrorText;

/* Works for any error: a GH_GRAPH_ERROR says what Meta's code, subcode or the connection
 * meant; an error of another domain keeps its own message as the summary. */
GhGraphErrorText *gh_graph_error_describe      (const GError     *error);
void              gh_graph_error_text_free     (GhGraphErrorText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhGraphErrorText, gh_graph_error_text_free)
/* The summary, the next step and the wait of gh_graph_error_describe in one line, for a
 * message under a field, in a row or in a toast. */
char             *gh_graph_error_dup_sentence  (const GError     *error);

G_END_DECLS
