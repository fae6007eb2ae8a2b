/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-graph-client-private.h"
#include "gh-graph-redact.h"

/* The one way Gatehouse talks to the Graph API: a base URL that is Meta's or loopback, the
 * token only in the Authorization header, and every answer turned into JSON or a
 * GH_GRAPH_ERROR.  This file holds the object and what it remembers between requests:
 * its settings and how close Meta says the app is to its rate limits. */

G_DEFINE_FINAL_TYPE (GhGraphClient, gh_graph_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAGE_BUDGET,
  PROP_USAGE_PERCENT,
  PROP_WAIT_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SESSION_TIMEOUT_SECONDS 30
#define SESSION_IDLE_TIMEOUT_SECONDS 60

static void
clear_token (char **token)
{
  if (*token != NULL)
    {
      /* Best effort: do not leave the token lying around in freed memory. */
      memset (*token, 0, strlen (*token));
      g_clear_pointer (token, g_free);
    }
}

static gboolean
unblock_cb (gpointer user_data)
{
  GhGraphClient *self = user_data;

  self->unblock_id = 0;
  self->blocked_until = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAIT_MINUTES]);

  return G_SOURCE_REMOVE;
}

static void
block_until (GhGraphClient *self,
             gint64         until)
{
  gint64 now = g_get_monotonic_time ();

  if (until <= self->blocked_until)
    return;

  g_clear_handle_id (&self->unblock_id, g_source_remove);
  self->blocked_until = until;
  self->unblock_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                         (guint) MIN ((until - now) / 1000 + 1, G_MAXUINT),
                                         unblock_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAIT_MINUTES]);
}

static void
gh_graph_client_finalize (GObject *object)
{
  GhGraphClient *self = (GhGraphClient *)object;

  clear_token (&self->token);
  g_clear_handle_id (&self->unblock_id, g_source_remove);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_version, g_free);

  G_OBJECT_CLASS (gh_graph_client_parent_class)->finalize (object);
}

static void
gh_graph_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GhGraphClient *self = GH_GRAPH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_PAGE_BUDGET:
      g_value_set_uint (value, self->page_budget);
      break;

    case PROP_USAGE_PERCENT:
      g_value_set_uint (value, gh_graph_client_get_usage_percent (self));
      break;

    case PROP_WAIT_MINUTES:
      g_value_set_uint (value, gh_graph_client_get_wait_minutes (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_graph_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GhGraphClient *self = GH_GRAPH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_PAGE_BUDGET:
      gh_graph_client_set_page_budget (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_graph_client_class_init (GhGraphClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_graph_client_finalize;
  object_class->get_property = gh_graph_client_get_property;
  object_class->set_property = gh_graph_client_set_property;

  properties[PROP_PAGE_BUDGET] =
    g_param_spec_uint ("page-budget", NULL, NULL, 1, G_MAXUINT, GH_GRAPH_DEFAULT_PAGE_BUDGET,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USAGE_PERCENT] =
    g_param_spec_uint ("usage-percent", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAIT_MINUTES] =
    g_param_spec_uint ("wait-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_graph_client_init (GhGraphClient *self)
{
  self->api_version = g_strdup (GH_GRAPH_DEFAULT_VERSION);
  self->page_budget = GH_GRAPH_DEFAULT_PAGE_BUDGET;
  self->deadline_ms = GH_GRAPH_DEFAULT_DEADLINE_MS;
  self->backoff_ms = GH_GRAPH_DEFAULT_BACKOFF_MS;
  self->spacing_ms = GH_GRAPH_DEFAULT_SPACING_MS;
  /* The per-read timeout catches a server gone silent early; the deadline of each request
   * (gh-graph-send.c) catches one that trickles. */
  self->session = soup_session_new_with_options ("timeout", SESSION_TIMEOUT_SECONDS,
                                                 "idle-timeout", SESSION_IDLE_TIMEOUT_SECONDS,
                                                 "user-agent", "Gatehouse/" PACKAGE_VERSION,
                                                 NULL);
}

void
_gh_graph_client_note_usage (GhGraphClient      *self,
                             const GhGraphUsage *usage)
{
  if (!usage->seen)
    return;

  if (usage->percent != self->usage_percent)
    {
      self->usage_percent = usage->percent;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USAGE_PERCENT]);
    }

  /* At the limit the next call is refused and makes Meta's block longer: stop before it. */
  if (usage->wait_minutes > 0 || usage->percent >= GH_GRAPH_STOP_PERCENT)
    _gh_graph_client_note_rate_limited (self, usage->wait_minutes * 60);
}

guint
_gh_graph_client_note_rate_limited (GhGraphClient *self,
                                    guint          seconds)
{
  /* No figure from Meta: keep a wait already running, or take the default one. */
  if (seconds == 0 && _gh_graph_client_get_wait_seconds (self) == 0)
    seconds = GH_GRAPH_DEFAULT_WAIT_MINUTES * 60;

  if (seconds > 0)
    block_until (self, g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC);

  return _gh_graph_client_get_wait_seconds (self);
}

guint
_gh_graph_client_get_wait_seconds (GhGraphClient *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->blocked_until <= now)
    return 0;

  return (guint) ((self->blocked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

GError *
_gh_graph_client_check_wait (GhGraphClient *self)
{
  guint seconds = _gh_graph_client_get_wait_seconds (self);
  GError *error;

  if (seconds == 0)
    return NULL;

  error = _gh_graph_error_new_cause (GH_GRAPH_ERROR_RATE_LIMITED, GH_GRAPH_CAUSE_WAITING, 0,
                                     "Not sent: Meta's wait is not over");
  gh_graph_error_set_retry_after (error, seconds);

  return error;
}

guint
_gh_graph_client_book_read (GhGraphClient *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 start;
  gint64 interval;

  if (self->usage_percent < GH_GRAPH_SLOW_DOWN_PERCENT)
    return 0;

  /* The closer to the limit, the longer between reads: one step at 80 %, twenty at 99 %. */
  interval = (gint64) self->spacing_ms * 1000
             * (MIN (self->usage_percent, GH_GRAPH_STOP_PERCENT - 1)
                - GH_GRAPH_SLOW_DOWN_PERCENT + 1);
  start = MAX (now, self->next_read_at);
  self->next_read_at = start + interval;

  if (start <= now)
    return 0;

  self->n_spaced++;
  return (guint) ((start - now + 999) / 1000);
}

void
_gh_graph_client_set_timing (GhGraphClient *self,
                             guint          deadline_ms,
                             guint          backoff_ms,
                             guint          spacing_ms)
{
  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));

  self->deadline_ms = deadline_ms;
  self->backoff_ms = backoff_ms;
  self->spacing_ms = spacing_ms;
}

guint
_gh_graph_client_get_n_spaced (GhGraphClient *self)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), 0);

  return self->n_spaced;
}

const char *
_gh_graph_client_get_base_url (GhGraphClient *self)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), NULL);

  return self->base_url;
}

const char *
_gh_graph_client_get_api_version (GhGraphClient *self)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), NULL);

  return self->api_version;
}

void
_gh_graph_client_set_api_version (GhGraphClient *self,
                                  const char    *api_version)
{
  g_autofree char *version = NULL;

  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));

  version = g_strstrip (g_strdup (api_version ? api_version : ""));
  while (version[0] == '/')
    memmove (version, version + 1, strlen (version));
  for (gsize len = strlen (version); len > 0 && version[len - 1] == '/'; len--)
    version[len - 1] = '\0';
  if (version[0] == '\0' || strpbrk (version, "/?#& ") != NULL)
    {
      g_free (version);
      version = g_strdup (GH_GRAPH_DEFAULT_VERSION);
    }

  g_free (self->api_version);
  self->api_version = g_steal_pointer (&version);
}

GhGraphClient *
gh_graph_client_new (const char  *base_url,
                     const char  *api_version,
                     GError     **error)
{
  g_autoptr(GhGraphClient) self = NULL;
  g_autoptr(GUri) uri = NULL;

  if (base_url == NULL || *base_url == '\0')
    base_url = DEFAULT_GRAPH_URL;

  uri = _gh_graph_url_parse_http (base_url);
  if (uri == NULL || (!_gh_graph_url_is_meta (uri) && !_gh_graph_url_is_loopback (uri)))
    {
      g_autofree char *shown = gh_graph_redact (base_url);

      g_set_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_REFUSED_URL,
                   _("Gatehouse only talks to Meta’s Graph API or to a test server on this "
                     "computer; “%s” is neither."), shown);
      return NULL;
    }

  self = g_object_new (GH_TYPE_GRAPH_CLIENT, NULL);
  self->base_url = _gh_graph_url_normalize_base (uri);
  self->base_uri = g_uri_parse (self->base_url, SOUP_HTTP_URI_FLAGS, NULL);
  g_assert (self->base_uri != NULL);
  _gh_graph_client_set_api_version (self, api_version);

  return g_steal_pointer (&self);
}

GhGraphClient *
gh_graph_client_new_from_environment (const char  *api_version,
                                      GError     **error)
{
  return gh_graph_client_new (g_getenv ("GATEHOUSE_GRAPH_URL"), api_version, error);
}

void
gh_graph_client_set_token (GhGraphClient *self,
                           const char    *token)
{
  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));

  clear_token (&self->token);
  if (token != NULL && *token != '\0')
    self->token = g_strdup (token);
}

gboolean
gh_graph_client_has_token (GhGraphClient *self)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), FALSE);

  return self->token != NULL;
}

void
gh_graph_client_set_page_budget (GhGraphClient *self,
                                 guint          pages)
{
  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));

  if (pages == 0)
    pages = GH_GRAPH_DEFAULT_PAGE_BUDGET;

  if (self->page_budget == pages)
    return;

  self->page_budget = pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_BUDGET]);
}

guint
gh_graph_client_get_usage_percent (GhGraphClient *self)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), 0);

  return self->usage_percent;
}

guint
gh_graph_client_get_wait_minutes (GhGraphClient *self)
{
  guint seconds;

  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), 0);

  seconds = _gh_graph_client_get_wait_seconds (self);

  return seconds / 60 + (seconds % 60 != 0);
}

void
gh_graph_client_end_wait (GhGraphClient *self)
{
  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));

  if (self->blocked_until == 0)
    return;

  g_clear_handle_id (&self->unblock_id, g_source_remove);
  self->blocked_until = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAIT_MINUTES]);
}

static void
start_request (GhGraphClient       *self,
               const char          *method,
               const char          *path,
               const char * const  *params,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autofree char *encoded = _gh_graph_url_encode_params (params);
  g_autofree char *url = NULL;
  gboolean is_post = g_ascii_strcasecmp (method, "POST") == 0;
  gboolean is_get = g_ascii_strcasecmp (method, "GET") == 0;

  url = _gh_graph_url_build (self->base_url, self->api_version, path,
                             is_post ? NULL : encoded);
  _gh_graph_client_send_async (self, method, url, is_post ? (encoded ? encoded : "") : NULL,
                               JSON_NODE_OBJECT, is_get, source_tag, cancellable, callback,
                               user_data);
}

void
gh_graph_client_request_async (GhGraphClient       *self,
                               const char          *method,
                               const char          *path,
                               const char * const  *params,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  start_request (self, method, path, params, gh_graph_client_request_async, cancellable,
                 callback, user_data);
}

JsonNode *
gh_graph_client_request_finish (GhGraphClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_graph_client_request_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gh_graph_client_get_async (GhGraphClient       *self,
                           const char          *path,
                           const char * const  *params,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  start_request (self, "GET", path, params, gh_graph_client_get_async, cancellable,
                 callback, user_data);
}

JsonNode *
gh_graph_client_get_finish (GhGraphClient  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_graph_client_get_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
