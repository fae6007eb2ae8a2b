/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-client"

#include "config.h"

#include <string.h>

#include "gh-graph-client-private.h"
#include "gh-graph-redact.h"
#include "gh-json-private.h"

/* One request to the Graph API, made so that no answer can crash, hang or drain the app:
 * nothing goes while Meta's wait runs, reads are spaced out near the limit, each attempt has
 * a deadline for the whole exchange, the body is read in chunks up to a cap, its nesting is
 * checked before json-glib sees it, and a read that failed for a passing reason is sent
 * again after a growing, jittered pause.  Writes are sent once: the caller reads back. */

#define CHUNK_SIZE (64 * 1024)
#define MAX_BACKOFF_MS (30 * 1000)

typedef struct
{
  char          *method;
  char          *url;
  GBytes        *form;
  JsonNodeType   expect;
  gboolean       is_read;
  guint          attempt;
  char          *log_path;

  /* The attempt in flight. */
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *body;
  GCancellable  *attempt_cancellable;
  GCancellable  *cancellable;          /* the caller's, watched while an attempt runs */
  gulong         cancelled_id;
  GSource       *deadline;
  gboolean       deadline_hit;
  gboolean       complete;             /* the whole body was read */

  /* A pause before the next attempt (backoff or spacing). */
  GSource       *pause;
} SendData;

static void start_attempt (GTask *task);

static void
wipe_free (gpointer data)
{
  char *text = data;

  memset (text, 0, strlen (text));
  g_free (text);
}

static void
end_attempt (SendData *data)
{
  /* An answer left half read is cut off, not drained: libsoup drops the connection. */
  if (data->stream != NULL && !data->complete)
    g_cancellable_cancel (data->attempt_cancellable);
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (data->cancellable, data->cancelled_id);
  data->cancelled_id = 0;
  g_clear_object (&data->cancellable);
  if (data->deadline != NULL)
    g_source_destroy (data->deadline);
  g_clear_pointer (&data->deadline, g_source_unref);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_object (&data->attempt_cancellable);
}

static void
send_data_free (SendData *data)
{
  end_attempt (data);
  if (data->pause != NULL)
    g_source_destroy (data->pause);
  g_clear_pointer (&data->pause, g_source_unref);
  g_clear_object (&data->message);
  g_free (data->method);
  g_free (data->url);
  g_clear_pointer (&data->form, g_bytes_unref);
  g_free (data->log_path);
  g_free (data);
}

static guint
backoff_ms (GhGraphClient *self,
            guint          attempt)
{
  guint64 delay = (guint64) self->backoff_ms << MIN (attempt - 1, 10u);

  /* Jitter keeps many clients that failed together from coming back together. */
  delay = (guint64) (delay * g_random_double_range (0.5, 1.0));

  return (guint) MIN (delay, MAX_BACKOFF_MS);
}

static GError *
error_for_status (guint status)
{
  g_autofree char *text = g_strdup_printf ("HTTP %u without a Graph error", status);

  if (status >= 300 && status < 400)
    return _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                      GH_GRAPH_CAUSE_REDIRECT, status, text);
  if (status >= 400)
    return _gh_graph_error_new_full (gh_graph_error_code_from_graph (0, 0, status), status,
                                     status >= 500, text);

  return _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                    GH_GRAPH_CAUSE_WRONG_SHAPE, status, text);
}

/* libsoup 3 hands us 4xx and 5xx as ordinary answers: the JSON "error" decides. */
static JsonNode *
parse_answer (guint          status,
              const guint8  *data,
              gsize          length,
              JsonNodeType   expect,
              GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;

  root = _gh_json_parse_bytes ((const char *) data, length, &parse_error);
  object = _gh_json_node_get_object (root);

  if (root == NULL)
    {
      /* Proxies and load balancers answer 5xx with HTML: that is Meta being down for a
       * moment, not a broken answer.  Too deep stays too deep whatever the status. */
      if (status >= 500 && _gh_graph_error_get_cause (parse_error) == GH_GRAPH_CAUSE_NOT_JSON)
        g_propagate_error (error, error_for_status (status));
      else if (status >= 300 && status < 400)
        g_propagate_error (error, error_for_status (status));
      else
        {
          g_autofree char *text = g_strdup_printf (
            "HTTP %u, %s", status, gh_graph_error_get_graph_message (parse_error));

          g_propagate_error (error, _gh_graph_error_new_cause (
            GH_GRAPH_ERROR_MALFORMED_RESPONSE, _gh_graph_error_get_cause (parse_error),
            status, text));
        }
      return NULL;
    }

  if (object != NULL && json_object_has_member (object, "error"))
    {
      g_propagate_error (error, gh_graph_error_new_from_json (
        _gh_json_object_get_object (object, "error"), status));
      return NULL;
    }

  if (status < 200 || status >= 300)
    {
      g_propagate_error (error, error_for_status (status));
      return NULL;
    }

  if (json_node_get_node_type (root) != expect)
    {
      g_propagate_error (error, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           GH_GRAPH_CAUSE_WRONG_SHAPE, status,
                                                           "The answer has an unexpected shape"));
      return NULL;
    }

  return g_steal_pointer (&root);
}

static void
pause_then_start (GTask *task,
                  guint  delay_ms);

/* Every attempt ends here, answered or not. */
static void
attempt_done (GTask    *task_in,
              JsonNode *root,
              GError   *error)
{
  g_autoptr(GTask) task = task_in;
  GhGraphClient *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) owned_root = root;
  g_autoptr(GError) owned_error = error;
  SoupMessageHeaders *headers = NULL;

  end_attempt (data);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error_if_cancelled (task);
      return;
    }

  if (data->message != NULL && soup_message_get_status (data->message) != 0)
    headers = soup_message_get_response_headers (data->message);

  /* Every answer says how close to the limits Gatehouse is, errors included. */
  if (headers != NULL)
    {
      GhGraphUsage usage = { 0 };

      _gh_graph_usage_read_headers (&usage, headers);
      _gh_graph_client_note_usage (self, &usage);

      if (g_error_matches (owned_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED))
        {
          guint retry_after = _gh_graph_usage_retry_after (headers);
          guint seconds = MAX (usage.wait_minutes * 60, retry_after);

          gh_graph_error_set_retry_after (owned_error,
                                          _gh_graph_client_note_rate_limited (self, seconds));
        }
    }
  g_clear_object (&data->message);

  if (owned_error != NULL)
    {
      g_debug ("%s %s, attempt %u: %s %d", data->method, data->log_path, data->attempt,
               g_quark_to_string (owned_error->domain), owned_error->code);

      if (data->is_read && data->attempt < GH_GRAPH_MAX_ATTEMPTS
          && _gh_graph_error_is_retryable (owned_error))
        {
          pause_then_start (g_steal_pointer (&task), backoff_ms (self, data->attempt));
          return;
        }

      _gh_graph_error_set_attempts (owned_error, data->attempt);
      g_task_return_error (task, g_steal_pointer (&owned_error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&owned_root), (GDestroyNotify) json_node_unref);
}

static void
transport_failed (GTask  *task,
                  GError *transport_error)
{
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) owned = transport_error;
  GError *error;

  if (data->deadline_hit)
    {
      g_autofree char *text = g_strdup_printf ("No complete answer within %u ms",
                                               ((GhGraphClient *) g_task_get_source_object (
                                                  task))->deadline_ms);

      error = _gh_graph_error_new_cause (GH_GRAPH_ERROR_TIMEOUT, GH_GRAPH_CAUSE_DEADLINE, 0,
                                         text);
    }
  else
    error = _gh_graph_error_new_from_transport (owned);

  attempt_done (task, NULL, error);
}

static void
body_read (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  JsonNode *root;
  GError *error = NULL;

  data->complete = TRUE;
  g_debug ("%s %s: HTTP %u, %u bytes", data->method, data->log_path,
           soup_message_get_status (data->message), data->body->len);

  root = parse_answer (soup_message_get_status (data->message), data->body->data,
                       data->body->len, data->expect, &error);
  attempt_done (task, root, error);
}

static GError *
too_large (SendData *data)
{
  g_autofree char *text = g_strdup_printf ("The answer is over %u bytes", GH_GRAPH_MAX_BODY);

  return _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE, GH_GRAPH_CAUSE_TOO_LARGE,
                                    soup_message_get_status (data->message), text);
}

static void read_next (GTask *task);

static void
chunk_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  SendData *data = g_task_get_task_data (task);
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      transport_failed (g_steal_pointer (&task), error);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      body_read (g_steal_pointer (&task));
      return;
    }

  /* Never more than the cap in memory, whatever the server claims or sends. */
  if (size > GH_GRAPH_MAX_BODY - data->body->len)
    {
      attempt_done (g_steal_pointer (&task), NULL, too_large (data));
      return;
    }

  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), size);
  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  SendData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   data->attempt_cancellable, chunk_read_cb, task);
}

static void
message_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GInputStream) stream = NULL;
  GError *error = NULL;
  SendData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      transport_failed (g_steal_pointer (&task), error);
      return;
    }

  headers = soup_message_get_response_headers (data->message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > GH_GRAPH_MAX_BODY)
    {
      attempt_done (g_steal_pointer (&task), NULL, too_large (data));
      return;
    }

  data->stream = g_steal_pointer (&stream);
  data->body = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

static gboolean
deadline_cb (gpointer user_data)
{
  SendData *data = user_data;

  /* The exchange as a whole took too long: a server sending a byte now and then never
   * trips a per-read timeout. */
  data->deadline_hit = TRUE;
  g_cancellable_cancel (data->attempt_cancellable);
  g_clear_pointer (&data->deadline, g_source_unref);

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GCancellable *attempt_cancellable = user_data;

  g_cancellable_cancel (attempt_cancellable);
}

static SoupMessage *
new_message (GhGraphClient  *self,
             SendData       *data,
             GError        **error)
{
  g_autoptr(GUri) uri = _gh_graph_url_parse_http (data->url);
  g_autoptr(SoupMessage) message = NULL;
  SoupMessageHeaders *headers;

  if (uri == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_cause (GH_GRAPH_ERROR_INVALID_PARAMETER,
                                                           GH_GRAPH_CAUSE_BAD_REQUEST, 0,
                                                           "The request URL is invalid"));
      return NULL;
    }

  message = soup_message_new_from_uri (data->method, uri);
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

  if (data->form != NULL)
    soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded",
                                              data->form);

  return g_steal_pointer (&message);
}

static void
start_attempt (GTask *task)
{
  GhGraphClient *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  /* Meta may have asked for a wait since this request was queued. */
  error = _gh_graph_client_check_wait (self);
  if (error == NULL)
    data->message = new_message (self, data, &error);
  if (error != NULL)
    {
      _gh_graph_error_set_attempts (error, data->attempt);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  data->attempt++;
  data->deadline_hit = FALSE;
  data->complete = FALSE;
  data->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                  g_object_ref (data->attempt_cancellable),
                                                  g_object_unref);
    }

  data->deadline = g_timeout_source_new (self->deadline_ms);
  g_source_set_callback (data->deadline, deadline_cb, data, NULL);
  g_source_attach (data->deadline, g_task_get_context (task));

  g_debug ("%s %s, attempt %u", data->method, data->log_path, data->attempt);

  soup_session_send_async (self->session, data->message, G_PRIORITY_DEFAULT,
                           data->attempt_cancellable, message_sent_cb, task);
}

static gboolean
pause_over_cb (gpointer user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);

  g_clear_pointer (&data->pause, g_source_unref);
  start_attempt (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

/* Waits on the main loop, never blocking; cancelling the request ends the wait at once. */
static void
pause_then_start (GTask *task,
                  guint  delay_ms)
{
  GhGraphClient *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* Booked once: it moves the time of the read after this one. */
  if (data->is_read)
    {
      guint spacing_ms = _gh_graph_client_book_read (self);

      delay_ms = MAX (delay_ms, spacing_ms);
    }

  if (delay_ms == 0)
    {
      start_attempt (task);
      return;
    }

  data->pause = g_timeout_source_new (delay_ms);
  if (cancellable != NULL)
    {
      GSource *cancelled = g_cancellable_source_new (cancellable);

      /* A ready child makes the pause end early; start_attempt sees the cancellation. */
      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (data->pause, cancelled);
      g_source_unref (cancelled);
    }
  g_source_set_callback (data->pause, pause_over_cb, task, g_object_unref);
  g_source_attach (data->pause, g_task_get_context (task));
}

void
_gh_graph_client_send_async (GhGraphClient       *self,
                             const char          *method,
                             const char          *url,
                             const char          *form,
                             JsonNodeType         expect,
                             gboolean             is_read,
                             gpointer             source_tag,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  SendData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (SendData, 1);
  data->method = g_strdup (method);
  data->url = g_strdup (url);
  data->expect = expect;
  data->is_read = is_read;
  if (form != NULL)
    {
      char *copy = g_strdup (form);

      /* A batch body can hold input_token: wiped when the request is done with it. */
      data->form = g_bytes_new_with_free_func (copy, strlen (copy), wipe_free, copy);
    }
  uri = _gh_graph_url_parse_http (url);
  data->log_path = uri != NULL ? gh_graph_redact (g_uri_get_path (uri)) : g_strdup ("?");
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  pause_then_start (g_steal_pointer (&task), 0);
}

JsonNode *
_gh_graph_client_send_finish (GhGraphClient  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
