/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-client"

#include "config.h"

#include <string.h>

#include "gh-graph-client-private.h"
#include "gh-graph-redact.h"
#include "gh-json-private.h"

/* Batch requests: up to 50 operations in one POST, answered by an array whose items carry
 * their own status and a body that is JSON inside a JSON string.  Each body is parsed with
 * the same depth limit as a whole answer.  When every operation is a read, the ones Meta
 * answered null for (it ran out of time) go once more in a batch of their own. */

/* How many times the operations Meta answered null for are sent again. */
#define MAX_NULL_RETRIES 1

typedef struct
{
  gboolean   is_read;
  GPtrArray *requests;   /* copies of the reads, to send again; NULL for writes */
  GPtrArray *results;    /* the answers so far, in request order */
  GArray    *pending;    /* indices in @results the batch in flight answers for */
  guint      null_retries;
} BatchData;

static void batch_sent_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
batch_data_free (BatchData *data)
{
  g_clear_pointer (&data->requests, g_ptr_array_unref);
  g_clear_pointer (&data->results, g_ptr_array_unref);
  g_clear_pointer (&data->pending, g_array_unref);
  g_free (data);
}

static GhGraphBatchRequest *
batch_request_copy (const GhGraphBatchRequest *request)
{
  GhGraphBatchRequest *copy = gh_graph_batch_request_new (request->method,
                                                          request->relative_url);

  copy->name = g_strdup (request->name);
  copy->body = g_strdup (request->body);

  return copy;
}

/* An operation that takes its input from another one ({result=name:$.jsonpath}) cannot be
 * answered in a batch of its own. */
static gboolean
depends_on_others (const GhGraphBatchRequest *request)
{
  return strstr (request->relative_url, "{result=") != NULL
         || (request->body != NULL && strstr (request->body, "{result=") != NULL);
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

static GError *
error_for_item_status (guint code)
{
  g_autofree char *text = g_strdup_printf ("HTTP %u without a Graph error", code);

  return _gh_graph_error_new_full (gh_graph_error_code_from_graph (0, 0, code), code,
                                   code >= 500, text);
}

static GhGraphBatchResult *
parse_item (JsonNode *item)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) body_error = NULL;
  GhGraphBatchResult *result;
  JsonObject *object;
  JsonObject *body_object;
  JsonNode *body_member;
  const char *body_text;
  guint code;
  gint64 raw_code;

  if (item == NULL)
    return batch_result_new_error (0, _gh_graph_error_new_cause (
      GH_GRAPH_ERROR_MALFORMED_RESPONSE, GH_GRAPH_CAUSE_BATCH_ITEM_MISSING, 0,
      "The batch answer is missing an item"));

  /* Meta answers null for an operation that did not finish in time: worth retrying. */
  if (JSON_NODE_HOLDS_NULL (item))
    return batch_result_new_error (0, _gh_graph_error_new_cause (
      GH_GRAPH_ERROR_TIMEOUT, GH_GRAPH_CAUSE_BATCH_ITEM_TIMED_OUT, 0,
      "This operation of the batch timed out"));

  object = _gh_json_node_get_object (item);
  if (object == NULL)
    return batch_result_new_error (0, _gh_graph_error_new_cause (
      GH_GRAPH_ERROR_MALFORMED_RESPONSE, GH_GRAPH_CAUSE_WRONG_SHAPE, 0,
      "A batch item is not an object"));

  raw_code = _gh_json_object_get_int (object, "code", 0);
  code = raw_code > 0 && raw_code < 1000 ? (guint) raw_code : 0;

  body_text = _gh_json_object_get_string (object, "body");
  body_member = json_object_get_member (object, "body");
  if (body_text != NULL)
    body = _gh_json_parse_bytes (body_text, strlen (body_text), &body_error);
  else if (body_member != NULL && JSON_NODE_HOLDS_OBJECT (body_member))
    body = json_node_copy (body_member);

  body_object = _gh_json_node_get_object (body);

  if (body_object != NULL && json_object_has_member (body_object, "error"))
    return batch_result_new_error (code, gh_graph_error_new_from_json (
      _gh_json_object_get_object (body_object, "error"), code));

  if (code >= 300)
    return batch_result_new_error (code, error_for_item_status (code));

  /* A body nested too deep says so; any other unreadable body is just unreadable. */
  if (_gh_graph_error_get_cause (body_error) == GH_GRAPH_CAUSE_TOO_DEEP)
    return batch_result_new_error (code, _gh_graph_error_new_cause (
      GH_GRAPH_ERROR_MALFORMED_RESPONSE, GH_GRAPH_CAUSE_TOO_DEEP, code,
      gh_graph_error_get_graph_message (body_error)));

  if (body_object == NULL)
    return batch_result_new_error (code, _gh_graph_error_new_cause (
      GH_GRAPH_ERROR_MALFORMED_RESPONSE, GH_GRAPH_CAUSE_WRONG_SHAPE, code,
      "A batch item has no readable body"));

  result = g_new0 (GhGraphBatchResult, 1);
  result->code = code;
  result->body = g_steal_pointer (&body);

  return result;
}

GPtrArray *
_gh_graph_batch_parse_answer (JsonArray *items,
                              guint      n_requests)
{
  GPtrArray *results = g_ptr_array_new_full (n_requests,
                                             (GDestroyNotify) gh_graph_batch_result_free);
  guint n_items = items != NULL ? json_array_get_length (items) : 0;

  for (guint i = 0; i < n_requests; i++)
    g_ptr_array_add (results, parse_item (i < n_items ? json_array_get_element (items, i)
                                                      : NULL));

  return results;
}

char *
_gh_graph_batch_encode (GPtrArray *requests)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) batch = NULL;
  g_autoptr(GString) form = NULL;
  g_autofree char *batch_json = NULL;

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
          /* Meta leaves out the answer of an operation others depend on unless told not
           * to; the caller gets one answer per request, so every answer is wanted. */
          json_builder_set_member_name (builder, "omit_response_on_success");
          json_builder_add_boolean_value (builder, FALSE);
        }
      if (request->body != NULL)
        {
          json_builder_set_member_name (builder, "body");
          json_builder_add_string_value (builder, request->body);
        }
      json_builder_end_object (builder);

      /* The relative URL may hold input_token: only its redacted path reaches the log. */
      if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
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

  return g_string_free (g_steal_pointer (&form), FALSE);
}

static void
send_batch (GhGraphClient *self,
            GTask         *task,
            GPtrArray     *requests)
{
  BatchData *data = g_task_get_task_data (task);
  g_autofree char *url = _gh_graph_url_build (self->base_url, self->api_version, "", NULL);
  char *form = _gh_graph_batch_encode (requests);

  _gh_graph_client_send_async (self, "POST", url, form, JSON_NODE_ARRAY, data->is_read,
                               gh_graph_client_batch_async, g_task_get_cancellable (task),
                               batch_sent_cb, task);
  memset (form, 0, strlen (form));
  g_free (form);
}

/* The answers Meta owes a wait for carry the time left of the client's wait. */
static void
note_rate_limits (GhGraphClient *self,
                  GPtrArray     *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      GhGraphBatchResult *result = g_ptr_array_index (results, i);

      if (g_error_matches (result->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED))
        gh_graph_error_set_retry_after (result->error,
                                        _gh_graph_client_note_rate_limited (self, 0));
    }
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
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) again = NULL;
  BatchData *data = g_task_get_task_data (task);
  guint n_sent = data->pending->len;

  root = _gh_graph_client_send_finish (self, result, &error);
  if (root == NULL)
    {
      /* A retry that failed as a whole leaves the items it was for as they were. */
      if (data->results->len > 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_pointer (task, g_steal_pointer (&data->results),
                               (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  answers = _gh_graph_batch_parse_answer (json_node_get_array (root), n_sent);
  note_rate_limits (self, answers);

  if (data->results->len == 0)
    g_ptr_array_extend_and_steal (data->results, g_steal_pointer (&answers));
  else
    for (guint i = 0; i < n_sent; i++)
      {
        guint index = g_array_index (data->pending, guint, i);
        gpointer *slot = &g_ptr_array_index (data->results, index);

        gh_graph_batch_result_free (*slot);
        *slot = g_ptr_array_steal_index (answers, 0);
      }

  g_array_set_size (data->pending, 0);
  if (data->is_read && data->null_retries < MAX_NULL_RETRIES)
    {
      again = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
      for (guint i = 0; i < data->results->len; i++)
        {
          GhGraphBatchResult *item = g_ptr_array_index (data->results, i);
          GhGraphBatchRequest *request = g_ptr_array_index (data->requests, i);

          if (_gh_graph_error_get_cause (item->error) == GH_GRAPH_CAUSE_BATCH_ITEM_TIMED_OUT
              && !depends_on_others (request))
            {
              g_array_append_val (data->pending, i);
              g_ptr_array_add (again, batch_request_copy (request));
            }
        }
    }

  if (again != NULL && again->len > 0)
    {
      data->null_retries++;
      g_debug ("batch: %u operations answered null, sending them again", again->len);
      send_batch (self, g_steal_pointer (&task), again);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&data->results),
                         (GDestroyNotify) g_ptr_array_unref);
}

void
gh_graph_client_batch_async (GhGraphClient       *self,
                             GPtrArray           *requests,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BatchData *data;

  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));
  g_return_if_fail (requests != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_graph_client_batch_async);

  if (requests->len > GH_GRAPH_MAX_BATCH)
    {
      g_task_return_error (task, _gh_graph_error_new_cause (GH_GRAPH_ERROR_INVALID_PARAMETER,
                                                            GH_GRAPH_CAUSE_BAD_REQUEST, 0,
                                                            "A batch holds at most 50 "
                                                            "operations"));
      return;
    }

  data = g_new0 (BatchData, 1);
  data->is_read = TRUE;
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_result_free);
  data->pending = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < requests->len; i++)
    {
      GhGraphBatchRequest *request = g_ptr_array_index (requests, i);

      g_array_append_val (data->pending, i);
      if (g_ascii_strcasecmp (request->method, "GET") != 0)
        data->is_read = FALSE;
    }
  /* Only reads are ever sent again, so only they are kept. */
  if (data->is_read)
    {
      data->requests = g_ptr_array_new_with_free_func (
        (GDestroyNotify) gh_graph_batch_request_free);
      for (guint i = 0; i < requests->len; i++)
        g_ptr_array_add (data->requests, batch_request_copy (g_ptr_array_index (requests, i)));
    }
  g_task_set_task_data (task, data, (GDestroyNotify) batch_data_free);

  if (requests->len == 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&data->results),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  send_batch (self, g_steal_pointer (&task), requests);
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
  g_clear_pointer (&result->error, g_error_free);
  g_free (result);
}
