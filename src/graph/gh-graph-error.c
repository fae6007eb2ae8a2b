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
  char     *user_title;
  char     *user_message;
  char     *fbtrace_id;
  char     *error_data;
  guint     http_status;
  guint     retry_after;
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
  dest->user_title = g_strdup (src->user_title);
  dest->user_message = g_strdup (src->user_message);
  dest->fbtrace_id = g_strdup (src->fbtrace_id);
  dest->error_data = g_strdup (src->error_data);
  dest->http_status = src->http_status;
  dest->retry_after = src->retry_after;
  dest->is_transient = src->is_transient;
}

static void
gh_graph_error_private_clear (GhGraphErrorPrivate *priv)
{
  g_clear_pointer (&priv->graph_message, g_free);
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
_gh_graph_error_new_from_transport (const GError *transport_error)
{
  GhGraphErrorCode code;

  g_return_val_if_fail (transport_error != NULL, NULL);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (transport_error);

  if (transport_error->domain == GH_GRAPH_ERROR)
    return g_error_copy (transport_error);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = GH_GRAPH_ERROR_TIMEOUT;
  else if (transport_error->domain == G_TLS_ERROR)
    code = GH_GRAPH_ERROR_TLS;
  else
    code = GH_GRAPH_ERROR_NETWORK;

  return _gh_graph_error_new_full (code, 0, code != GH_GRAPH_ERROR_TLS,
                                   transport_error->message);
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
_gh_graph_error_get_graph_message (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->graph_message : NULL;
}

const char *
_gh_graph_error_get_user_title (const GError *error)
{
  GhGraphErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->user_title : NULL;
}

const char *
_gh_graph_error_get_user_message (const GError *error)
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

gboolean
_gh_graph_error_is_transient (const GError *error)
{
  GhGraphErrorPrivate *priv;

  if (error == NULL)
    return FALSE;

  priv = get_private (error);
  return priv != NULL && priv->is_transient;
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

const char *
gh_graph_error_code_to_summary (GhGraphErrorCode code)
{
  switch (code)
    {
    case GH_GRAPH_ERROR_NETWORK:
      return _("Gatehouse could not reach Meta’s server.");
    case GH_GRAPH_ERROR_TIMEOUT:
      return _("Meta’s server took too long to answer.");
    case GH_GRAPH_ERROR_TLS:
      return _("The secure connection to Meta’s server could not be checked.");
    case GH_GRAPH_ERROR_INVALID_TOKEN:
      return _("This token no longer works.");
    case GH_GRAPH_ERROR_TOKEN_EXPIRED:
      return _("This token has expired.");
    case GH_GRAPH_ERROR_PERMISSION:
      return _("This token is not allowed to do this.");
    case GH_GRAPH_ERROR_RATE_LIMITED:
      return _("There have been too many calls to this WhatsApp Business account for now.");
    case GH_GRAPH_ERROR_INVALID_PARAMETER:
      return _("Meta did not accept what Gatehouse asked for, or the ID does not exist.");
    case GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED:
      return _("Meta requires two-factor authentication for this action.");
    case GH_GRAPH_ERROR_ACCOUNT_RESTRICTED:
      return _("This business account is restricted or locked by Meta.");
    case GH_GRAPH_ERROR_SERVER:
      return _("Meta’s server had a temporary problem.");
    case GH_GRAPH_ERROR_MALFORMED_RESPONSE:
      return _("Meta’s server sent an answer Gatehouse could not read.");
    case GH_GRAPH_ERROR_REFUSED_URL:
      return _("Gatehouse refused to connect to this server address.");
    case GH_GRAPH_ERROR_UNKNOWN:
    default:
      return _("Meta’s server reported an error Gatehouse does not recognise.");
    }
}

const char *
gh_graph_error_code_to_next_step (GhGraphErrorCode code)
{
  switch (code)
    {
    case GH_GRAPH_ERROR_NETWORK:
      return _("Check that this computer is connected to the internet, then try again.");
    case GH_GRAPH_ERROR_TIMEOUT:
      return _("Wait a moment and try again.");
    case GH_GRAPH_ERROR_TLS:
      return _("Check the date and time of this computer and the network you are on, "
                "then try again.");
    case GH_GRAPH_ERROR_INVALID_TOKEN:
      return _("In Business settings, open System users, generate a new token for the "
                "system user and paste it here.");
    case GH_GRAPH_ERROR_TOKEN_EXPIRED:
      return _("Generate a new token for the system user with the expiration set to Never, "
                "and paste it here.");
    case GH_GRAPH_ERROR_PERMISSION:
      return _("Assign the system user to this WhatsApp account with Full control, or "
                "generate a new token with the missing permission.");
    case GH_GRAPH_ERROR_RATE_LIMITED:
      return _("Wait until the time shown has passed, then try again. Your changes are kept.");
    case GH_GRAPH_ERROR_INVALID_PARAMETER:
      return _("Check that the account ID is right. If it is, please report this problem.");
    case GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED:
      return _("Turn on two-factor authentication for your Facebook account, then try again.");
    case GH_GRAPH_ERROR_ACCOUNT_RESTRICTED:
      return _("Open Account Quality in Business Suite or contact Meta Business Support.");
    case GH_GRAPH_ERROR_SERVER:
      return _("Wait a few minutes and try again.");
    case GH_GRAPH_ERROR_MALFORMED_RESPONSE:
      return _("Try again later. If it keeps happening, please report this problem.");
    case GH_GRAPH_ERROR_REFUSED_URL:
      return _("Remove the GATEHOUSE_GRAPH_URL setting, or point it at a test server on "
                "this computer.");
    case GH_GRAPH_ERROR_UNKNOWN:
    default:
      return _("Try again. If it keeps happening, copy the details and contact Meta "
                "Business Support.");
    }
}

char *
gh_graph_error_format_details (const GError *error)
{
  g_autoptr(GString) details = NULL;
  GhGraphErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  details = g_string_new (NULL);
  priv = get_private (error);
  if (priv == NULL)
    {
      g_autofree char *message = gh_graph_redact (error->message);

      g_string_append_printf (details, "%s %d: %s", g_quark_to_string (error->domain),
                              error->code, message);
      return g_string_free (g_steal_pointer (&details), FALSE);
    }

  g_string_append (details, error->message);
  if (priv->graph_code != 0)
    g_string_append_printf (details, "\n%s %" G_GINT64_FORMAT, _("Error code:"),
                            priv->graph_code);
  if (priv->graph_subcode != 0)
    g_string_append_printf (details, "\n%s %" G_GINT64_FORMAT, _("Subcode:"),
                            priv->graph_subcode);
  if (priv->graph_message != NULL)
    g_string_append_printf (details, "\n%s %s", _("Message:"), priv->graph_message);
  if (priv->user_title != NULL)
    g_string_append_printf (details, "\n%s %s", _("Title:"), priv->user_title);
  if (priv->user_message != NULL)
    g_string_append_printf (details, "\n%s %s", _("Explanation:"), priv->user_message);
  if (priv->error_data != NULL)
    g_string_append_printf (details, "\n%s %s", _("Error data:"), priv->error_data);
  if (priv->http_status != 0)
    g_string_append_printf (details, "\n%s %u", _("HTTP status:"), priv->http_status);
  if (priv->retry_after != 0)
    g_string_append_printf (details, "\n%s %u", _("Retry after (seconds):"),
                            priv->retry_after);
  if (priv->fbtrace_id != NULL)
    g_string_append_printf (details, "\nfbtrace_id: %s", priv->fbtrace_id);

  return g_string_free (g_steal_pointer (&details), FALSE);
}
