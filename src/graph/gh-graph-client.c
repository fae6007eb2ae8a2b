/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "gh-graph-client.h"
#include "gh-graph-client-private.h"
#include "gh-graph-error-private.h"
#include "gh-graph-redact.h"
#include "gh-json-private.h"

/* The one way Gatehouse talks to the Graph API: a base URL that is Meta's or loopback, the
 * token only in the Authorization header, and every answer turned into JSON or a
 * GH_GRAPH_ERROR. */
struct _GhGraphClient
{
  GObject      parent_instance;

  SoupSession *session;
  GUri        *base_uri;
  char        *base_url;
  char        *api_version;
  char        *token;
};

typedef struct
{
  SoupMessage  *message;
  JsonNodeType  expect;
  char         *log_path;
} SendData;

typedef struct
{
  GhGraphPageFunc  page_func;
  gpointer         page_data;
  GDestroyNotify   page_data_destroy;
  GHashTable      *seen_urls;
  gint64           n_items;
  guint            n_pages;
} PagesData;

G_DEFINE_FINAL_TYPE (GhGraphClient, gh_graph_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A runaway server must not keep us paging forever. */
#define MAX_PAGES 10000
#define SESSION_TIMEOUT_SECONDS 30
#define SESSION_IDLE_TIMEOUT_SECONDS 60

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->message);
  g_clear_pointer (&data->log_path, g_free);
  g_free (data);
}

static void
pages_data_free (PagesData *data)
{
  if (data->page_data_destroy != NULL)
    data->page_data_destroy (data->page_data);
  g_clear_pointer (&data->seen_urls, g_hash_table_unref);
  g_free (data);
}

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
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* Only literal addresses: "127.0.0.1.evil.com" is a name, and names can point anywhere. */
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
scheme_is_http (const char *scheme)
{
  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "http") == 0
             || g_ascii_strcasecmp (scheme, "https") == 0);
}

static gboolean
uri_is_loopback (GUri *uri)
{
  return scheme_is_http (g_uri_get_scheme (uri)) && host_is_loopback (g_uri_get_host (uri));
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

static gboolean
uri_is_meta (GUri *uri)
{
  const char *path = g_uri_get_path (uri);

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0
         && g_ascii_strcasecmp (g_uri_get_host (uri), "graph.facebook.com") == 0
         && effective_port (uri) == 443
         && (path[0] == '\0' || strcmp (path, "/") == 0)
         && g_uri_get_query (uri) == NULL
         && g_uri_get_userinfo (uri) == NULL;
}

static GUri *
parse_http_uri (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return NULL;

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !scheme_is_http (g_uri_get_scheme (uri)))
    return NULL;
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;

  return g_steal_pointer (&uri);
}

/* Scheme, host, port and path without trailing slashes; no user info, query or fragment. */
static char *
normalize_base (GUri *uri)
{
  g_autofree char *path = g_strdup (g_uri_get_path (uri));
  g_autofree char *scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  gsize len = strlen (path);
  int port = g_uri_get_port (uri);

  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  /* GUri fills in the scheme's default port; the base URL reads better without it. */
  if ((port == 443 && strcmp (scheme, "https") == 0)
      || (port == 80 && strcmp (scheme, "http") == 0))
    port = -1;

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, g_uri_get_host (uri), port, path, NULL,
                     NULL);
}

static char *
encode_params (const char * const *params)
{
  g_autoptr(GString) encoded = NULL;

  if (params == NULL || params[0] == NULL)
    return NULL;

  encoded = g_string_new (NULL);
  for (guint i = 0; params[i] != NULL; i += 2)
    {
      if (params[i + 1] == NULL)
        {
          g_critical ("Graph parameter “%s” has no value", params[i]);
          break;
        }

      if (encoded->len > 0)
        g_string_append_c (encoded, '&');
      g_string_append_uri_escaped (encoded, params[i], NULL, FALSE);
      g_string_append_c (encoded, '=');
      g_string_append_uri_escaped (encoded, params[i + 1], NULL, FALSE);
    }

  return g_string_free (g_steal_pointer (&encoded), FALSE);
}

static char *
build_url (GhGraphClient *self,
           const char    *path,
           const char    *query)
{
  g_autoptr(GString) url = g_string_new (self->base_url);

  while (*path == '/')
    path++;

  g_string_append_printf (url, "/%s/%s", self->api_version, path);
  if (query != NULL && *query != '\0')
    {
      g_string_append_c (url, strchr (path, '?') != NULL ? '&' : '?');
      g_string_append (url, query);
    }

  return g_string_free (g_steal_pointer (&url), FALSE);
}

static guint
minutes_to_seconds (gint64 minutes)
{
  if (minutes <= 0)
    return 0;
  if (minutes > G_MAXUINT / 60)
    return G_MAXUINT;
  return (guint) minutes * 60;
}

/* Meta sends {"<id>": [{"estimated_time_to_regain_access": minutes, …}], …}. */
static guint
retry_after_from_usage (const char *header)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  guint seconds = 0;

  if (header == NULL)
    return 0;

  root = _gh_json_parse_bytes (header, strlen (header), NULL);
  object = _gh_json_node_get_object (root);
  if (object == NULL)
    return 0;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *entries = json_node_get_array (member);
          guint n = json_array_get_length (entries);

          for (guint i = 0; i < n; i++)
            {
              JsonObject *entry = _gh_json_node_get_object (json_array_get_element (entries, i));

              seconds = MAX (seconds, minutes_to_seconds (_gh_json_object_get_int (
                entry, "estimated_time_to_regain_access", 0)));
            }
        }
      else if (JSON_NODE_HOLDS_OBJECT (member))
        {
          seconds = MAX (seconds, minutes_to_seconds (_gh_json_object_get_int (
            json_node_get_object (member), "estimated_time_to_regain_access", 0)));
        }
    }

  return seconds;
}

static guint
retry_after_from_headers (SoupMessageHeaders *headers)
{
  const char *retry_after;
  guint seconds = 0;

  if (headers == NULL)
    return 0;

  seconds = MAX (seconds, retry_after_from_usage (
    soup_message_headers_get_one (headers, "X-Business-Use-Case-Usage")));
  seconds = MAX (seconds, retry_after_from_usage (
    soup_message_headers_get_one (headers, "X-Business-Use-Case")));

  retry_after = soup_message_headers_get_one (headers, "Retry-After");
  if (retry_after != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (retry_after));
      g_autoptr(GDateTime) when = NULL;
      guint64 value;

      if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT, &value, NULL))
        seconds = MAX (seconds, (guint) value);
      else if ((when = soup_date_time_new_from_http_string (retry_after)) != NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          GTimeSpan diff = g_date_time_difference (when, now);

          if (diff > 0)
            seconds = MAX (seconds, (guint) MIN (diff / G_TIME_SPAN_SECOND, G_MAXUINT));
        }
    }

  return seconds;
}

static GError *
error_for_status (guint status)
{
  GhGraphErrorCode code;
  g_autofree char *text = g_strdup_printf ("HTTP %u without a Graph error", status);

  if (status >= 400)
    code = gh_graph_error_code_from_graph (0, 0, status);
  else
    code = GH_GRAPH_ERROR_MALFORMED_RESPONSE;

  return _gh_graph_error_new_full (code, status, status >= 500, text);
}

/* libsoup 3 hands us 4xx and 5xx as ordinary answers: the JSON "error" decides. */
static JsonNode *
parse_response (SoupMessage   *message,
                GBytes        *bytes,
                JsonNodeType   expect,
                GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GError) graph_error = NULL;
  guint status = soup_message_get_status (message);
  JsonObject *object;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  root = _gh_json_parse_bytes (data, length, &parse_error);
  object = _gh_json_node_get_object (root);

  if (root == NULL)
    {
      g_autofree char *text = g_strdup_printf ("HTTP %u, %s", status, parse_error->message);
      GhGraphErrorCode code = status >= 500 ? GH_GRAPH_ERROR_SERVER
                                            : GH_GRAPH_ERROR_MALFORMED_RESPONSE;

      graph_error = _gh_graph_error_new_full (code, status, status >= 500, text);
    }
  else if (object != NULL && json_object_has_member (object, "error"))
    graph_error = gh_graph_error_new_from_json (_gh_json_object_get_object (object, "error"),
                                                status);
  else if (status < 200 || status >= 300)
    graph_error = error_for_status (status);
  else if (json_node_get_node_type (root) != expect)
    graph_error = _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE, status, FALSE,
                                            "The answer has an unexpected shape");

  if (graph_error != NULL)
    {
      gh_graph_error_set_retry_after (graph_error, retry_after_from_headers (
        soup_message_get_response_headers (message)));
      g_propagate_error (error, g_steal_pointer (&graph_error));
      return NULL;
    }

  return g_steal_pointer (&root);
}

static char *
redacted_path (GUri *uri)
{
  return gh_graph_redact (g_uri_get_path (uri));
}

static SoupMessage *
new_message (GhGraphClient  *self,
             const char     *method,
             const char     *url,
             const char     *form,
             GError        **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupMessage) message = NULL;
  SoupMessageHeaders *headers;

  uri = parse_http_uri (url);
  if (uri == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_INVALID_PARAMETER, 0,
                                                          FALSE, "The request URL is invalid"));
      return NULL;
    }

  message = soup_message_new_from_uri (method, uri);
  /* A redirect could carry the Authorization header to another host. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
      memset (authorization, 0, strlen (authorization));
    }

  if (form != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded",
                                                body);
    }

  return g_steal_pointer (&message);
}

static void
message_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  SendData *data = g_task_get_task_data (task);

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      g_debug ("%s %s failed: %s %d", soup_message_get_method (data->message), data->log_path,
               g_quark_to_string (error->domain), error->code);
      g_task_return_error (task, _gh_graph_error_new_from_transport (error));
      return;
    }

  g_debug ("%s %s: HTTP %u", soup_message_get_method (data->message), data->log_path,
           soup_message_get_status (data->message));

  root = parse_response (data->message, bytes, data->expect, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&root), (GDestroyNotify) json_node_unref);
}

/* Sends @message and parses the answer; the task's result is the root JsonNode. */
static void
graph_send (GhGraphClient       *self,
            SoupMessage         *message,
            JsonNodeType         expect,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (SendData, 1);
  data->message = g_object_ref (message);
  data->expect = expect;
  data->log_path = redacted_path (soup_message_get_uri (message));
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  g_debug ("%s %s", soup_message_get_method (message), data->log_path);

  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    message_sent_cb, g_steal_pointer (&task));
}

static JsonNode *
graph_send_finish (GhGraphClient  *self,
                   GAsyncResult   *result,
                   GError        **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
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
  g_autofree char *encoded = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_post;

  is_post = g_ascii_strcasecmp (method, "POST") == 0;
  encoded = encode_params (params);
  url = build_url (self, path, is_post ? NULL : encoded);
  message = new_message (self, method, url, is_post ? (encoded ? encoded : "") : NULL, &error);

  if (message == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, source_tag);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  graph_send (self, message, JSON_NODE_OBJECT, source_tag, cancellable, callback, user_data);
}

/* Same origin as the base URL, no user info, no access_token in the query. */
static char *
sanitize_next_url (GhGraphClient *self,
                   const char    *next)
{
  g_autoptr(GUri) uri = parse_http_uri (next);
  g_autoptr(GString) query = NULL;
  g_autoptr(GUri) clean = NULL;
  const char *raw_query;

  if (uri == NULL)
    return NULL;

  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), g_uri_get_scheme (self->base_uri)) != 0
      || g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (self->base_uri)) != 0
      || effective_port (uri) != effective_port (self->base_uri))
    return NULL;

  raw_query = g_uri_get_query (uri);
  if (raw_query != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (raw_query, "&", -1);

      query = g_string_new (NULL);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *name = NULL;
          g_autofree char *decoded = NULL;
          const char *eq = strchr (parts[i], '=');

          if (parts[i][0] == '\0')
            continue;

          name = eq ? g_strndup (parts[i], eq - parts[i]) : g_strdup (parts[i]);
          decoded = g_uri_unescape_string (name, NULL);
          if (decoded == NULL || g_ascii_strcasecmp (decoded, "access_token") == 0)
            continue;

          if (query->len > 0)
            g_string_append_c (query, '&');
          g_string_append (query, parts[i]);
        }
    }

  clean = g_uri_build (SOUP_HTTP_URI_FLAGS, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                       g_uri_get_port (uri), g_uri_get_path (uri),
                       query && query->len > 0 ? query->str : NULL, NULL);

  return g_uri_to_string (clean);
}

static void
page_received_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GhGraphClient *self = GH_GRAPH_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *next_url = NULL;
  PagesData *data = g_task_get_task_data (task);
  GCancellable *cancellable;
  JsonObject *object;
  JsonArray *items;
  const char *next;
  gint64 total;

  root = graph_send_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = json_node_get_object (root);
  items = _gh_json_object_get_array (object, "data");
  if (items == NULL)
    {
      g_task_return_error (task, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           0, FALSE,
                                                           "A page has no data array"));
      return;
    }

  total = _gh_json_object_get_int (_gh_json_object_get_object (object, "summary"),
                                   "total_count", -1);
  data->n_items += json_array_get_length (items);
  data->n_pages++;

  if (data->page_func != NULL)
    data->page_func (items, total, data->page_data);

  if (g_task_return_error_if_cancelled (task))
    return;

  next = _gh_json_object_get_string (_gh_json_object_get_object (object, "paging"), "next");
  if (next == NULL || *next == '\0')
    {
      g_task_return_int (task, data->n_items);
      return;
    }

  next_url = sanitize_next_url (self, next);
  if (next_url == NULL)
    {
      g_task_return_error (task, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           0, FALSE,
                                                           "The next page is on another server"));
      return;
    }

  if (data->n_pages >= MAX_PAGES || g_hash_table_contains (data->seen_urls, next_url))
    {
      g_task_return_error (task, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           0, FALSE,
                                                           "The pages do not come to an end"));
      return;
    }

  message = new_message (self, "GET", next_url, NULL, &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_hash_table_add (data->seen_urls, g_steal_pointer (&next_url));
  cancellable = g_task_get_cancellable (task);
  graph_send (self, message, JSON_NODE_OBJECT, graph_send, cancellable, page_received_cb,
              g_steal_pointer (&task));
}

static GhGraphBatchResult *
batch_result_new_error (guint   code,
                        GError *error)
{
  GhGraphBatchResult *result = g_new0 (GhGraphBatchResult, 1);

  result->code = code;
  result->error = error;

  return result;
}

static GhGraphBatchResult *
parse_batch_item (JsonNode *item)
{
  g_autoptr(JsonNode) body = NULL;
  GhGraphBatchResult *result;
  JsonObject *object;
  JsonObject *body_object;
  JsonNode *body_member;
  const char *body_text;
  guint code;
  gint64 raw_code;

  if (item == NULL)
    return batch_result_new_error (0, _gh_graph_error_new_full (
      GH_GRAPH_ERROR_MALFORMED_RESPONSE, 0, FALSE, "The batch answer is missing an item"));

  /* Meta answers null for an operation that did not finish in time: worth retrying. */
  if (JSON_NODE_HOLDS_NULL (item))
    return batch_result_new_error (0, _gh_graph_error_new_full (
      GH_GRAPH_ERROR_TIMEOUT, 0, TRUE, "This operation of the batch timed out"));

  object = _gh_json_node_get_object (item);
  if (object == NULL)
    return batch_result_new_error (0, _gh_graph_error_new_full (
      GH_GRAPH_ERROR_MALFORMED_RESPONSE, 0, FALSE, "A batch item is not an object"));

  raw_code = _gh_json_object_get_int (object, "code", 0);
  code = raw_code > 0 && raw_code < 1000 ? (guint) raw_code : 0;

  body_text = _gh_json_object_get_string (object, "body");
  body_member = json_object_get_member (object, "body");
  if (body_text != NULL)
    body = _gh_json_parse_bytes (body_text, strlen (body_text), NULL);
  else if (body_member != NULL && JSON_NODE_HOLDS_OBJECT (body_member))
    body = json_node_copy (body_member);

  body_object = _gh_json_node_get_object (body);

  if (body_object != NULL && json_object_has_member (body_object, "error"))
    return batch_result_new_error (code, gh_graph_error_new_from_json (
      _gh_json_object_get_object (body_object, "error"), code));

  if (code >= 300)
    return batch_result_new_error (code, error_for_status (code));

  if (body_object == NULL)
    return batch_result_new_error (code, _gh_graph_error_new_full (
      GH_GRAPH_ERROR_MALFORMED_RESPONSE, code, FALSE, "A batch item has no readable body"));

  result = g_new0 (GhGraphBatchResult, 1);
  result->code = code;
  result->body = g_steal_pointer (&body);

  return result;
}

static void
batch_sent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GhGraphClient *self = GH_GRAPH_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint n_requests = GPOINTER_TO_UINT (g_task_get_task_data (task));
  JsonArray *items;
  guint n_items;

  root = graph_send_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  items = json_node_get_array (root);
  n_items = json_array_get_length (items);
  results = g_ptr_array_new_full (n_requests, (GDestroyNotify) gh_graph_batch_result_free);
  for (guint i = 0; i < n_requests; i++)
    g_ptr_array_add (results,
                     parse_batch_item (i < n_items ? json_array_get_element (items, i) : NULL));

  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

static void
gh_graph_client_finalize (GObject *object)
{
  GhGraphClient *self = (GhGraphClient *)object;

  clear_token (&self->token);
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
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_API_VERSION:
      g_value_set_string (value, self->api_version);
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
    case PROP_API_VERSION:
      _gh_graph_client_set_api_version (self, g_value_get_string (value));
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

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_VERSION] =
    g_param_spec_string ("api-version", NULL, NULL, GH_GRAPH_DEFAULT_VERSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_graph_client_init (GhGraphClient *self)
{
  self->api_version = g_strdup (GH_GRAPH_DEFAULT_VERSION);
  self->session = soup_session_new_with_options ("timeout", SESSION_TIMEOUT_SECONDS,
                                                 "idle-timeout", SESSION_IDLE_TIMEOUT_SECONDS,
                                                 "user-agent", "Gatehouse/" PACKAGE_VERSION,
                                                 NULL);
}

GhGraphBatchRequest *
gh_graph_batch_request_new (const char *method,
                            const char *relative_url)
{
  GhGraphBatchRequest *request;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (relative_url != NULL, NULL);

  request = g_new0 (GhGraphBatchRequest, 1);
  request->method = g_strdup (method);
  request->relative_url = g_strdup (relative_url);

  return request;
}

void
gh_graph_batch_request_free (GhGraphBatchRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->relative_url);
  g_free (request->name);
  g_free (request->body);
  g_free (request);
}

void
gh_graph_batch_result_free (GhGraphBatchResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->body, json_node_unref);
  g_clear_error (&result->error);
  g_free (result);
}

gboolean
_gh_graph_client_is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = parse_http_uri (url);

  return uri != NULL && uri_is_loopback (uri);
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

  uri = parse_http_uri (base_url);
  if (uri == NULL || (!uri_is_meta (uri) && !uri_is_loopback (uri)))
    {
      g_autofree char *shown = gh_graph_redact (base_url);

      g_set_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_REFUSED_URL,
                   _("Gatehouse only talks to Meta’s Graph API or to a test server on this "
                     "computer; “%s” is neither."), shown);
      return NULL;
    }

  self = g_object_new (GH_TYPE_GRAPH_CLIENT, NULL);
  self->base_url = normalize_base (uri);
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

  if (g_strcmp0 (self->api_version, version) == 0)
    return;

  g_free (self->api_version);
  self->api_version = g_steal_pointer (&version);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_VERSION]);
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

void
gh_graph_client_get_pages_async (GhGraphClient       *self,
                                 const char          *path,
                                 const char * const  *params,
                                 GhGraphPageFunc      page_func,
                                 gpointer             page_data,
                                 GDestroyNotify       page_data_destroy,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *url = NULL;
  PagesData *data;

  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_graph_client_get_pages_async);

  data = g_new0 (PagesData, 1);
  data->page_func = page_func;
  data->page_data = page_data;
  data->page_data_destroy = page_data_destroy;
  data->seen_urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) pages_data_free);

  encoded = encode_params (params);
  url = build_url (self, path, encoded);
  message = new_message (self, "GET", url, NULL, &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_hash_table_add (data->seen_urls, g_steal_pointer (&url));
  graph_send (self, message, JSON_NODE_OBJECT, graph_send, cancellable, page_received_cb,
              g_steal_pointer (&task));
}

gint64
gh_graph_client_get_pages_finish (GhGraphClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == gh_graph_client_get_pages_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}

void
gh_graph_client_batch_async (GhGraphClient       *self,
                             GPtrArray           *requests,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) batch = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GString) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch_json = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));
  g_return_if_fail (requests != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_graph_client_batch_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (requests->len), NULL);

  if (requests->len > GH_GRAPH_MAX_BATCH)
    {
      g_task_return_error (task, _gh_graph_error_new_full (GH_GRAPH_ERROR_INVALID_PARAMETER, 0,
                                                           FALSE,
                                                           "A batch holds at most 50 operations"));
      return;
    }

  if (requests->len == 0)
    {
      g_task_return_pointer (task,
                             g_ptr_array_new_with_free_func (
                               (GDestroyNotify) gh_graph_batch_result_free),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < requests->len; i++)
    {
      GhGraphBatchRequest *request = g_ptr_array_index (requests, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, request->method);
      json_builder_set_member_name (builder, "relative_url");
      json_builder_add_string_value (builder, request->relative_url);
      if (request->name != NULL)
        {
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, request->name);
        }
      if (request->body != NULL)
        {
          json_builder_set_member_name (builder, "body");
          json_builder_add_string_value (builder, request->body);
        }
      json_builder_end_object (builder);

      /* The relative URL may hold input_token: only its redacted path reaches the log. */
      if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
        {
          g_autofree char *path = g_strdup (request->relative_url);
          g_autofree char *shown = NULL;
          char *query = strchr (path, '?');

          if (query != NULL)
            *query = '\0';
          shown = gh_graph_redact (path);
          g_debug ("batch %u: %s %s", i, request->method, shown);
        }
    }
  json_builder_end_array (builder);
  batch = json_builder_get_root (builder);
  batch_json = json_to_string (batch, FALSE);

  form = g_string_new ("batch=");
  g_string_append_uri_escaped (form, batch_json, NULL, FALSE);
  g_string_append (form, "&include_headers=false");
  memset (batch_json, 0, strlen (batch_json));

  url = build_url (self, "", NULL);
  message = new_message (self, "POST", url, form->str, &error);
  memset (form->str, 0, form->len);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  graph_send (self, message, JSON_NODE_ARRAY, graph_send, cancellable, batch_sent_cb,
              g_steal_pointer (&task));
}

GPtrArray *
gh_graph_client_batch_finish (GhGraphClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_graph_client_batch_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
