/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-error"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-graph-error-private.h"
#include "gh-graph-redact.h"
#include "gh-json-private.h"

typedef struct
{
  gint64    graph_code;
  gint64    graph_subcode;
  char     *graph_message;
  char     *graph_type;
  char     *user_title;
  char     *user_message;
  char     *fbtrace_id;
  char     *error_data;
  guint     http_status;
  guint     retry_after;
  guint     attempts;
  guint     pages;
  guint     cause;        /* GhGraphErrorCause */
  gboolean  is_transient;
} GhGraphErrorPrivate;

static void
gh_graph_error_private_init (GhGraphErrorPrivate *priv)
{
  memset (priv, 0, sizeof *priv);
}

static void
gh_graph_error_private_copy (const GhGraphErrorPrivate *src,
                             GhGraphErrorPrivate       *dest)
{
  dest->graph_code = src->graph_code;
  dest->graph_subcode = src->graph_subcode;
  dest->graph_message = g_strdup (src->graph_message);
  dest->graph_type = g_strdup (src->graph_type);
  dest->user_title = g_strdup (src->user_title);
  dest->user_message = g_strdup (src->user_message);
  dest->fbtrace_id = g_strdup (src->fbtrace_id);
  dest->error_data = g_strdup (src->error_data);
  dest->http_status = src->http_status;
  dest->retry_after = src->retry_after;
  dest->attempts = src->attempts;
  dest->pages = src->pages;
  dest->cause = src->cause;
  dest->is_transient = src->is_transient;
}

static void
gh_graph_error_private_clear (GhGraphErrorPrivate *priv)
{
  g_clear_pointer (&priv->graph_message, g_free);
  g_clear_pointer (&priv->graph_type, g_free);
  g_clear_pointer (&priv->user_title, g_free);
  g_clear_pointer (&priv->user_message, g_free);
  g_clear_pointer (&priv->fbtrace_id, g_free);
  g_clear_pointer (&priv->error_data, g_free);
}

G_DEFINE_EXTENDED_ERROR (GhGraphError, gh_graph_error)

/* The generated getter insists on our domain; callers may hand us any error. */
static GhGraphErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != GH_GRAPH_ERROR)
    return NULL;

  return gh_graph_error_get_private (error);
}

/* Meta's strings may quote the request back, token included: keep them only redacted. */
static char *
dup_redacted (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return gh_graph_redact (text);
}

GhGraphErrorCode
gh_graph_error_code_from_graph (gint64 graph_code,
                                gint64 graph_subcode,
                                guint  http_status)
{
  if (graph_subcode == 2859009 || graph_code == 415)
    return GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED;

  switch (graph_code)
    {
    case 190:
      return graph_subcode == 463 ? GH_GRAPH_ERROR_TOKEN_EXPIRED : GH_GRAPH_ERROR_INVALID_TOKEN;

    case 10:
      return GH_GRAPH_ERROR_PERMISSION;

    case 4:
    case 17:
    case 32:
    case 613:
    case 80007:
    case 80008:
      return GH_GRAPH_ERROR_RATE_LIMITED;

    case 33:   /* the object does not exist, or cannot be seen with this token */
    case 100:
      return GH_GRAPH_ERROR_INVALID_PARAMETER;

    case 368:
    case 131031:
      return GH_GRAPH_ERROR_ACCOUNT_RESTRICTED;

    case 1:
    case 2:
    case 131000:
      return GH_GRAPH_ERROR_SERVER;

    default:
      break;
    }

  if (graph_code >= 200 && graph_code <= 299)
    return GH_GRAPH_ERROR_PERMISSION;

  if (http_status >= 500 && http_status <= 599)
    return GH_GRAPH_ERROR_SERVER;

  return GH_GRAPH_ERROR_UNKNOWN;
}

GError *
gh_graph_error_new_from_json (JsonObject *error_object,
                              guint       http_status)
{
  GhGraphErrorPrivate *priv;
  GhGraphErrorCode code;
  JsonNode *error_data;
  GError *error;
  gint64 graph_code;
  gint64 graph_subcode;
  gboolean is_transient;

  graph_code = _gh_json_object_get_int (error_object, "code", 0);
  graph_subcode = _gh_json_object_get_int (error_object, "error_subcode", 0);
  is_transient = _gh_json_object_get_bool (error_object, "is_transient", FALSE);

  code = gh_graph_error_code_from_graph (graph_code, graph_subcode, http_status);
  if (code == GH_GRAPH_ERROR_UNKNOWN && is_transient)
    code = GH_GRAPH_ERROR_SERVER;

  error = g_error_new_literal (GH_GRAPH_ERROR, code, gh_graph_error_code_to_summary (code));
  priv = get_private (error);
  priv->graph_code = graph_code;
  priv->graph_subcode = graph_subcode;
  priv->http_status = http_status;
  priv->is_transient = is_transient || code == GH_GRAPH_ERROR_SERVER;
  priv->graph_message = dup_redacted (_gh_json_object_get_string (error_object, "message"));
  priv->graph_type = dup_redacted (_gh_json_object_get_string (error_object, "type"));
  priv->user_title =
    dup_redacted (_gh_json_object_get_string (error_object, "error_user_title"));
  priv->user_message =
    dup_redacted (_gh_json_object_get_string (error_object, "error_user_msg"));
  /* Support needs the trace ID exactly as sent; it is never a credential. */
  priv->fbtrace_id = g_strdup (_gh_json_object_get_string (error_object, "fbtrace_id"));

  /* error_data comes as an object in some answers and as a JSON string in others. */
  error_data = error_object ? json_object_get_member (error_object, "error_data") : NULL;
  if (error_data != NULL && JSON_NODE_HOLDS_VALUE (error_data)
      && json_node_get_value_type (error_data) == G_TYPE_STRING)
    priv->error_data = dup_redacted (json_node_get_string (error_data));
  else if (error_data != NULL && !JSON_NODE_HOLDS_NULL (error_data))
    {
      g_autofree char *text = json_to_string (error_data, FALSE);

      priv->error_data = dup_redacted (text);
    }

  return error;
}

GError *
gh_graph_error_new_literal (GhGraphErrorCode  code,
                            const char       *message)
{
  return g_error_new_literal (GH_GRAPH_ERROR, code,
                             message ? message : gh_graph_error_code_to_summary (code));
}

GError *
_gh_graph_error_new_full (GhGraphErrorCode  code,
                          guint             http_status,
                          gboolean          is_transient,
                          const char       *technical_message)
{
  GError *error = gh_graph_error_new_literal (code, NULL);
  GhGraphErrorPrivate *priv = get_private (error);

  priv->http_status = http_status;
  priv->is_transient = is_transient;
  priv->graph_message = dup_redacted (technical_message);

  return error;
}

GError *
_gh_graph_error_new_cause (GhGraphErrorCode   code,
                           GhGraphErrorCause  cause,
                           guint              http_status,
                           const char        *technical_message)
{
  gboolean transient = code == GH_GRAPH_ERROR_SERVER || code == GH_GRAPH_ERROR_NETWORK
                       || code == GH_GRAPH_ERROR_TIMEOUT;
  GError *error = _gh_graph_error_new_full (code, http_status, transient, technical_message);

  get_private (error)->cause = cause;

  return error;
}

GError *
_gh_graph_error_new_from_transport (const GError *transport_error)
{
  GhGraphErrorCode code = GH_GRAPH_ERROR_NETWORK;
  GhGraphErrorCause cause = GH_GRAPH_CAUSE_NONE;
  GError *error;

  g_return_val_if_fail (transport_error != NULL, NULL);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (transport_error);

  if (transport_error->domain == GH_GRAPH_ERROR)
    return g_error_copy (transport_error);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = GH_GRAPH_ERROR_TIMEOUT;
  else if (transport_error->domain == G_TLS_ERROR)
    code = GH_GRAPH_ERROR_TLS;
  else if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    cause = GH_GRAPH_CAUSE_CONNECTION_REFUSED;
  else if (transport_error->domain == G_RESOLVER_ERROR
           || g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    cause = GH_GRAPH_CAUSE_HOST_NOT_FOUND;
  /* A reset or a close before the answer was whole; libsoup reports the latter as partial
   * input. */
  else if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED)
           || g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE)
           || g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT)
           || g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED))
    cause = GH_GRAPH_CAUSE_CONNECTION_LOST;

  error = _gh_graph_error_new_full (code, 0, code != GH_GRAPH_ERROR_TLS, transport_error->message);
  get_private (error)->cause = cause;

  return error;
}

gint64
gh_graph_error_get_graph_code (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->graph_code : 0;
}

gint64
_gh_graph_error_get_graph_subcode (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->graph_subcode : 0;
}

const char *
gh_graph_error_get_graph_message (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->graph_message : NULL;
}

const char *
gh_graph_error_get_user_title (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->user_title : NULL;
}

const char *
gh_graph_error_get_user_message (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->user_message : NULL;
}

const char *
gh_graph_error_get_fbtrace_id (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->fbtrace_id : NULL;
}

guint
_gh_graph_error_get_http_status (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->http_status : 0;
}

guint
gh_graph_error_get_retry_after (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->retry_after : 0;
}

const char *
_gh_graph_error_get_graph_type (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->graph_type : NULL;
}

const char *
_gh_graph_error_get_error_data (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->error_data : NULL;
}

gboolean
_gh_graph_error_is_transient (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL && priv->is_transient;
}

GhGraphErrorCause
_gh_graph_error_get_cause (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->cause : GH_GRAPH_CAUSE_NONE;
}

guint
_gh_graph_error_get_attempts (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->attempts : 0;
}

void
_gh_graph_error_set_attempts (GError *error,
                              guint   attempts)
{
  GhGraphErrorPrivate *priv = get_private (error);

  if (priv != NULL)
    priv->attempts = attempts;
}

guint
_gh_graph_error_get_pages (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->pages : 0;
}

void
_gh_graph_error_set_pages (GError *error,
                           guint   pages)
{
  GhGraphErrorPrivate *priv = get_private (error);

  if (priv != NULL)
    priv->pages = pages;
}

gboolean
_gh_graph_error_is_retryable (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  if (priv == NULL)
    return FALSE;

  /* Calling again while Meta limits calls makes the wait longer. */
  if (error->code == GH_GRAPH_ERROR_RATE_LIMITED)
    return FALSE;

  if (error->code == GH_GRAPH_ERROR_SERVER)
    return TRUE;

  if (error->code == GH_GRAPH_ERROR_NETWORK)
    return priv->cause == GH_GRAPH_CAUSE_CONNECTION_LOST;

  /* Meta's own word, on any other error object. */
  return priv->graph_code != 0 && priv->is_transient;
}

void
gh_graph_error_set_retry_after (GError *error,
                                guint   seconds)
{
  GhGraphErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  priv = get_private (error);
  if (priv != NULL)
    priv->retry_after = seconds;
}

guint
gh_graph_error_get_wait_minutes (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  if (priv == NULL || error->code != GH_GRAPH_ERROR_RATE_LIMITED)
    return 0;

  if (priv->retry_after == 0)
    return GH_GRAPH_DEFAULT_WAIT_MINUTES;

  return priv->retry_after / 60 + (priv->retry_after % 60 != 0);
}

