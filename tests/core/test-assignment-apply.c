/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-assignment-apply"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "gh-assignment-test-util.h"
#include "gh-graph-error.h"

/* Applying in batches, frugal with Meta's rate limit: calls are counted at the server. */

/* A proxy in front of the demo server for what Meta does and the demo cannot: a batch item
 * answered null (timed out) whether or not it ran, a whole batch refused for the rate
 * limit, a batch that runs but whose answer is lost. */
typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *upstream;
  char        *url;
  guint        n_batches;       /* batch requests that reached the proxy */

  /* Knobs for the next batch. */
  gint         null_item;       /* the item answered null, -1: none */
  gboolean     null_item_runs;  /* the demo still runs it */
  gboolean     lose_answer;     /* the demo runs it, the connection drops */
  guint        refuse_batches;  /* batches refused whole with 80008, a 5-minute wait */
} Proxy;

typedef struct
{
  Proxy             *proxy;
  SoupServerMessage *msg;
  SoupMessage       *upstream;
  gint               null_item;
  gboolean           null_removed;
  gboolean           lose;
} Forward;

static void
forward_free (Forward *forward)
{
  g_object_unref (forward->msg);
  g_object_unref (forward->upstream);
  g_free (forward);
}

/* @items with @index replaced by null, or with a null put in at @index. */
static JsonNode *
array_with_null (JsonArray *items,
                 guint      index,
                 gboolean   insert)
{
  g_autoptr(JsonArray) result = json_array_new ();
  guint n = json_array_get_length (items);

  for (guint i = 0; i <= n; i++)
    {
      if (i == index)
        json_array_add_null_element (result);
      if (i < n && (insert || i != index))
        json_array_add_element (result, json_node_copy (json_array_get_element (items, i)));
    }

  return json_node_init_array (json_node_alloc (), result);
}

static void
forwarded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Forward *forward = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SoupMessageHeaders *headers = soup_message_get_response_headers (forward->upstream);
  const char *usage = soup_message_headers_get_one (headers, "X-Business-Use-Case-Usage");

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (forward->null_item >= 0)
    {
      g_autoptr(JsonNode) answer = json_from_string (text, &error);
      g_autoptr(JsonNode) changed = NULL;

      g_assert_no_error (error);
      changed = array_with_null (json_node_get_array (answer), forward->null_item,
                                 forward->null_removed);
      g_free (text);
      text = json_to_string (changed, FALSE);
    }

  if (usage != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (forward->msg),
                                  "X-Business-Use-Case-Usage", usage);
  soup_server_message_set_status (forward->msg, soup_message_get_status (forward->upstream),
                                  NULL);
  soup_server_message_set_response (forward->msg, "application/json", SOUP_MEMORY_COPY, text,
                                    strlen (text));
  soup_server_message_unpause (forward->msg);
  if (forward->lose)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (forward->msg);

      g_io_stream_close (stream, NULL, NULL);
    }

  forward_free (forward);
}

static void
refuse_batch (SoupServerMessage *msg)
{
  static const char body[] =
    "{\"error\": {\"message\": \"(#80008) There have been too many calls to this WhatsApp "
    "Business account. Wait a bit and try again.\", \"type\": \"OAuthException\", "
    "\"code\": 80008, \"fbtrace_id\": \"AProxy\"}}";

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-Business-Use-Case-Usage",
                                "{\"" GH_DEMO_WABA_ID "\": [{\"type\": "
                                "\"whatsapp_business_management\", \"call_count\": 100, "
                                "\"total_cputime\": 1, \"total_time\": 1, "
                                "\"estimated_time_to_regain_access\": 5}]}");
  soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

/* The batch form without its item @index. */
static GBytes *
batch_without (GBytes *form,
               guint   index)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (form, NULL), g_bytes_get_size (form));
  g_autoptr(GHashTable) fields = soup_form_decode (text);
  g_autoptr(JsonNode) batch = NULL;
  g_autoptr(JsonArray) kept = json_array_new ();
  g_autoptr(JsonNode) kept_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_text = NULL;
  JsonArray *items;
  char *encoded;

  batch = json_from_string (g_hash_table_lookup (fields, "batch"), &error);
  g_assert_no_error (error);
  items = json_node_get_array (batch);
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (i != index)
      json_array_add_element (kept, json_node_copy (json_array_get_element (items, i)));
  kept_node = json_node_init_array (json_node_alloc (), kept);
  /* The table owns its keys, not its values. */
  kept_text = json_to_string (kept_node, FALSE);
  g_hash_table_replace (fields, g_strdup ("batch"), kept_text);

  encoded = soup_form_encode_hash (fields);
  return g_bytes_new_take (encoded, strlen (encoded));
}

static void
proxy_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Proxy *proxy = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));
  g_autoptr(GBytes) body = NULL;
  g_autofree char *url = NULL;
  Forward *forward;

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  forward = g_new0 (Forward, 1);
  forward->proxy = proxy;
  forward->msg = g_object_ref (msg);
  forward->null_item = -1;

  if (g_str_equal (method, "POST") && g_str_has_suffix (path, "/"))
    {
      proxy->n_batches++;
      if (proxy->refuse_batches > 0)
        {
          proxy->refuse_batches--;
          refuse_batch (msg);
          g_object_unref (forward->msg);
          g_free (forward);
          return;
        }

      forward->null_item = proxy->null_item;
      forward->lose = proxy->lose_answer;
      proxy->null_item = -1;
      proxy->lose_answer = FALSE;
      if (forward->null_item >= 0 && !proxy->null_item_runs)
        {
          GBytes *shorter = batch_without (body, forward->null_item);

          g_bytes_unref (body);
          body = shorter;
          forward->null_removed = TRUE;
        }
    }

  url = g_strconcat (proxy->upstream, path, raw_query != NULL ? "?" : "", raw_query ?: "",
                     NULL);
  forward->upstream = soup_message_new (method, url);
  soup_message_headers_replace (soup_message_get_request_headers (forward->upstream),
                                "Authorization",
                                soup_message_headers_get_one (headers, "Authorization"));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (forward->upstream,
                                              soup_message_headers_get_content_type (headers,
                                                                                     NULL),
                                              body);

  soup_server_message_pause (msg);
  soup_session_send_and_read_async (proxy->session, forward->upstream, G_PRIORITY_DEFAULT,
                                    NULL, forwarded_cb, forward);
}

static Proxy *
proxy_new (GhEditorFixture *fixture)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  proxy->upstream = g_strdup (gh_demo_server_get_url (fixture->server));
  proxy->session = soup_session_new ();
  proxy->server = soup_server_new (NULL, NULL);
  proxy->null_item = -1;
  soup_server_add_handler (proxy->server, NULL, proxy_cb, proxy, NULL);
  g_assert_true (soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy->server);
  proxy->url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (proxy->url, "/"))
    proxy->url[strlen (proxy->url) - 1] = '\0';
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  return proxy;
}

static void
proxy_free (Proxy *proxy)
{
  soup_server_disconnect (proxy->server);
  g_assert_finalize_object (proxy->server);
  g_object_unref (proxy->session);
  g_free (proxy->upstream);
  g_free (proxy->url);
  g_free (proxy);
}

/* An editor of the demo WABA that reaches Meta through @proxy, loaded. */
static GhAssignmentEditor *
load_via (Proxy          *proxy,
          GhGraphClient **client_out)
{
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;

  client = gh_graph_client_new (proxy->url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, GH_DEMO_TOKEN_ADMIN);
  editor = gh_assignment_editor_new (client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID, NULL);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);

  *client_out = g_steal_pointer (&client);
  return g_steal_pointer (&editor);
}

/* Edits that add a task the row does not hold, and edits that leave out what it held. */
static void
add_a_task (GhAssignmentEditor *editor,
            GhAssignment       *row)
{
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (!(gh_assignment_get_held_tasks (row) & gh_task_from_index (i)))
      {
        gh_assignment_editor_set_task (editor, row, gh_task_from_index (i), TRUE);
        return;
      }
  g_assert_not_reached ();
}

static void
replace_tasks (GhAssignmentEditor *editor,
               GhAssignment       *row)
{
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (!(gh_assignment_get_held_tasks (row) & gh_task_from_index (i)))
      {
        gh_assignment_editor_set_tasks (editor, row, gh_task_from_index (i));
        return;
      }
  g_assert_not_reached ();
}

/* Where the operation of @id sits in the batch: rows go in the order the model lists them. */
static gint
batch_index (GhAssignmentEditor *editor,
             const char         *id)
{
  GListModel *model = gh_assignment_editor_get_model (editor);
  gint index = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (gh_assignment_get_id (row), id) == 0)
        return index;
      if (gh_assignment_get_state (row) != GH_ASSIGNMENT_STATE_UNCHANGED)
        index++;
    }
  g_assert_not_reached ();
}

static void
assert_shows_what_meta_holds (GhEditorFixture    *fixture,
                              GhAssignmentEditor *editor)
{
  g_autoptr(GhAssignmentEditor) fresh = gh_test_load_editor (fixture, NULL);
  g_autofree char *shown = gh_assignment_editor_to_csv (editor);
  g_autofree char *held = gh_assignment_editor_to_csv (fresh);

  g_assert_cmpstr (shown, ==, held);
  g_assert_finalize_object (g_steal_pointer (&fresh));
}

static void
test_batches (GhEditorFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_done_notified = 0;
  guint n_failed = 99;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 10000);
  editor = gh_test_load_editor (fixture, NULL);
  g_signal_connect (editor, "notify::apply-done", G_CALLBACK (gh_test_count_cb),
                    &n_done_notified);

  /* 50 edits that add a task: one batch, and nothing to read back (Meta replacing or
   * adding ends the same). */
  for (guint i = 0; i < 50; i++)
    add_a_task (editor, gh_test_row_at (editor, i));
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 50);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_cmpuint (n_done_notified, ==, 1);

  /* 51: a batch of 50, then one of 1. */
  for (guint i = 50; i < 101; i++)
    add_a_task (editor, gh_test_row_at (editor, i));
  gh_demo_server_reset_counts (fixture->server);
  n_done_notified = 0;
  gh_assignment_editor_apply_async (editor, NULL, gh_test_keep_result_cb, &result);
  g_assert_cmpint (gh_assignment_get_result (gh_test_row_at (editor, 99)), ==,
                   GH_ASSIGNMENT_RESULT_SENDING);
  g_assert_cmpint (gh_assignment_get_result (gh_test_row_at (editor, 100)), ==,
                   GH_ASSIGNMENT_RESULT_QUEUED);
  g_assert_true (gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                                    &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 51);
  /* Back to 0 at the start, then once a batch. */
  g_assert_cmpuint (n_done_notified, ==, 1 + 2);
  g_assert_cmpuint (gh_assignment_editor_get_apply_done (editor), ==, 51);

  /* 50 edits that leave out tasks the people held, all on page 1: the batch, then page 1
   * read back to see whether Meta replaced or added. */
  for (guint i = 0; i < 50; i++)
    replace_tasks (editor, gh_test_row_at (editor, i));
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 51);

  /* One such edit far down the list: pages are read until its row is seen, 77 of 100.  An
   * hour later, or the client would space its reads out as Meta's usage header climbs. */
  replace_tasks (editor, gh_test_row_at (editor, 7654));
  gh_demo_server_clear_faults (fixture->server);
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1 + 77);
  g_assert_cmpint (gh_assignment_get_result (gh_test_row_at (editor, 7654)), ==,
                   GH_ASSIGNMENT_RESULT_DONE);

  gh_demo_server_clear_faults (fixture->server);
  assert_shows_what_meta_holds (fixture, editor);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_batch_refused (GhEditorFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint n_failed = 0;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 100);
  editor = gh_test_load_editor (fixture, NULL);
  for (guint i = 0; i < 51; i++)
    add_a_task (editor, gh_test_row_at (editor, i));

  /* The token stopped working: Meta refuses the batch as a whole, and would refuse the
   * next one alike, so it is not sent. */
  gh_graph_client_set_token (fixture->client, "EAAGhNoLongerValid");
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 51);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  expected = g_strdup_printf ("%s %s",
                              gh_graph_error_code_to_summary (GH_GRAPH_ERROR_INVALID_TOKEN),
                              gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_INVALID_TOKEN));
  for (guint i = 0; i < 51; i += 50)
    {
      GhAssignment *row = gh_test_row_at (editor, i);

      g_assert_cmpint (gh_assignment_get_result (row), ==, GH_ASSIGNMENT_RESULT_FAILED);
      g_assert_cmpstr (gh_assignment_get_message (row), ==, expected);
      g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_CHANGED);
    }
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 51);
  g_assert_false (gh_assignment_editor_get_can_undo (editor));

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_try_now_probe (GhEditorFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const ids[] = { JASPER_ID, JOSE_ID, CHEN_ID };
  guint n_failed = 99;

  editor = gh_test_load_editor (fixture, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add_a_task (editor, gh_test_find_row (editor, ids[i]));

  /* The batch: one goes through, two are refused. */
  gh_demo_server_set_rate_limit (fixture->server, 1, 5);
  gh_demo_server_reset_counts (fixture->server);
  gh_assignment_editor_apply_async (editor, NULL, gh_test_keep_result_cb, &result);
  while (gh_assignment_editor_get_paused_seconds (editor) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 3);

  /* Try Now while Meta still refuses: one operation is spent, not two, and the queue waits
   * again with both edits. */
  gh_assignment_editor_retry_now (editor);
  while (gh_assignment_editor_get_paused_seconds (editor) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 4);
  g_assert_cmpuint (gh_assignment_editor_get_paused_seconds (editor), ==, 5 * 60);
  g_assert_cmpuint (gh_assignment_editor_get_apply_done (editor), ==, 1);
  for (guint i = 1; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (gh_assignment_get_result (gh_test_find_row (editor, ids[i])), ==,
                     GH_ASSIGNMENT_RESULT_QUEUED);

  /* Ready again: one, then the rest in one batch. */
  gh_demo_server_clear_faults (fixture->server);
  gh_assignment_editor_retry_now (editor);
  g_assert_true (gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                                    &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 4);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 6);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_batch_rate_limited (GhEditorFixture *fixture,
                         gconstpointer    data)
{
  Proxy *proxy = proxy_new (fixture);
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhAssignmentEditor) editor = load_via (proxy, &client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char * const ids[] = { JASPER_ID, JOSE_ID, CHEN_ID };
  guint n_failed = 99;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add_a_task (editor, gh_test_find_row (editor, ids[i]));

  /* Meta refuses the whole batch and says to wait 5 minutes: nothing ran, every edit
   * waits. */
  proxy->refuse_batches = 2;
  gh_demo_server_reset_counts (fixture->server);
  gh_assignment_editor_apply_async (editor, NULL, gh_test_keep_result_cb, &result);
  while (gh_assignment_editor_get_paused_seconds (editor) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (gh_assignment_editor_get_paused_seconds (editor), ==, 5 * 60);
  g_assert_cmpuint (gh_assignment_editor_get_apply_done (editor), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GhAssignment *row = gh_test_find_row (editor, ids[i]);

      g_assert_cmpint (gh_assignment_get_result (row), ==, GH_ASSIGNMENT_RESULT_QUEUED);
      g_assert_nonnull (gh_assignment_get_message (row));
      g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_CHANGED);
    }

  /* Try Now, still refused. */
  gh_assignment_editor_retry_now (editor);
  while (gh_assignment_editor_get_paused_seconds (editor) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (proxy->n_batches, ==, 2);

  /* Try Now again: one, then the other two. */
  gh_assignment_editor_retry_now (editor);
  g_assert_true (gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                                    &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (proxy->n_batches, ==, 4);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (gh_assignment_get_result (gh_test_find_row (editor, ids[i])), ==,
                     GH_ASSIGNMENT_RESULT_DONE);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&client));
  proxy_free (proxy);
}

static void
test_null_item (GhEditorFixture *fixture,
                gconstpointer    data)
{
  gboolean runs = GPOINTER_TO_INT (data);
  Proxy *proxy = proxy_new (fixture);
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhAssignmentEditor) editor = load_via (proxy, &client);
  g_autoptr(GError) error = NULL;
  GhAssignment *jose = gh_test_find_row (editor, JOSE_ID);
  guint n_failed = 99;

  add_a_task (editor, gh_test_find_row (editor, JASPER_ID));
  gh_assignment_editor_set_task (editor, jose, GH_TASK_VIEW_COST, TRUE);
  add_a_task (editor, gh_test_find_row (editor, CHEN_ID));

  /* Meta answers Jose's operation with null: timed out, maybe after the write.  It is read
   * back, never sent again: the batch and one page. */
  proxy->null_item = batch_index (editor, JOSE_ID);
  proxy->null_item_runs = runs;
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (proxy->n_batches, ==, 1);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==,
                    (runs ? 3 : 2) + 1);
  g_assert_cmpint (gh_assignment_get_result (gh_test_find_row (editor, JASPER_ID)), ==,
                   GH_ASSIGNMENT_RESULT_DONE);

  if (runs)
    {
      /* It had been made: done, and undone by undo like the others. */
      g_assert_cmpuint (n_failed, ==, 0);
      g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_DONE);
      g_assert_cmpint (gh_assignment_get_state (jose), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
      g_assert_cmpuint (gh_assignment_get_held_tasks (jose), ==,
                        GH_TASK_MESSAGING | GH_TASK_VIEW_COST);
      g_assert_true (gh_test_run_undo (editor, &n_failed, &error));
      g_assert_cmpuint (n_failed, ==, 0);
      g_assert_cmpuint (gh_test_server_tasks (fixture, JOSE_ID, NULL, NULL), ==,
                        GH_TASK_MESSAGING);
    }
  else
    {
      /* It had not: the edit is still staged, and says so. */
      g_assert_cmpuint (n_failed, ==, 1);
      g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_FAILED);
      g_assert_nonnull (gh_assignment_get_message (jose));
      g_assert_cmpint (gh_assignment_get_state (jose), ==, GH_ASSIGNMENT_STATE_CHANGED);
      g_assert_cmpuint (gh_assignment_get_held_tasks (jose), ==, GH_TASK_MESSAGING);
      g_assert_cmpuint (gh_test_server_tasks (fixture, JOSE_ID, NULL, NULL), ==,
                        GH_TASK_MESSAGING);

      /* Applying again sends it, alone. */
      gh_demo_server_reset_counts (fixture->server);
      g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
      g_assert_cmpuint (n_failed, ==, 0);
      g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 1);
      g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_DONE);
    }

  assert_shows_what_meta_holds (fixture, editor);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&client));
  proxy_free (proxy);
}

static void
test_read_back_fails (GhEditorFixture *fixture,
                      gconstpointer    data)
{
  Proxy *proxy = NULL;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *replaced;
  GhAssignment *unanswered;
  guint n_failed = 99;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 250);
  proxy = proxy_new (fixture);
  editor = load_via (proxy, &client);
  replaced = gh_test_row_at (editor, 0);
  /* Beyond page 1, where a one-call refresh would not look. */
  unanswered = gh_test_row_at (editor, 150);

  /* Meta says yes to a change that leaves out a task, and the read-back cannot be read:
   * the yes stands, said to be unconfirmed, and the next refresh reads every page. */
  replace_tasks (editor, replaced);
  gh_demo_server_set_fault (fixture->server, GH_DEMO_WABA_ID "/assigned_users",
                            GH_DEMO_FAULT_NOT_JSON, 1);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpint (gh_assignment_get_result (replaced), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_nonnull (gh_assignment_get_message (replaced));
  g_assert_true (gh_assignment_editor_get_can_undo (editor));
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);

  /* An operation that runs but is answered null, and the read-back fails: not taken as
   * done, and again the next refresh reads every page, finding it made after all. */
  add_a_task (editor, unanswered);
  proxy->null_item = 0;
  proxy->null_item_runs = TRUE;
  gh_demo_server_set_fault (fixture->server, GH_DEMO_WABA_ID "/assigned_users",
                            GH_DEMO_FAULT_NOT_JSON, 1);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpint (gh_assignment_get_result (unanswered), ==, GH_ASSIGNMENT_RESULT_FAILED);
  g_assert_cmpint (gh_assignment_get_state (unanswered), ==, GH_ASSIGNMENT_STATE_CHANGED);
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  g_assert_cmpint (gh_assignment_get_state (unanswered), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);

  assert_shows_what_meta_holds (fixture, editor);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&client));
  proxy_free (proxy);
}

static void
test_null_removal (GhEditorFixture *fixture,
                   gconstpointer    data)
{
  Proxy *proxy = NULL;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GhAssignment) removed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 99;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 250);
  proxy = proxy_new (fixture);
  editor = load_via (proxy, &client);
  removed = g_object_ref (gh_test_row_at (editor, 10));
  gh_assignment_editor_set_removed (editor, removed, TRUE);

  /* A removal answered null: only the whole list shows that someone is gone. */
  proxy->null_item = 0;
  proxy->null_item_runs = TRUE;
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1 + 3);
  g_assert_cmpint (gh_assignment_get_result (removed), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_null (gh_test_find_row (editor, gh_assignment_get_id (removed)));
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, 249);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 249);

  assert_shows_what_meta_holds (fixture, editor);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&client));
  proxy_free (proxy);
}

static void
test_batch_lost (GhEditorFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *jasper;
  GhAssignment *jose;
  guint n_failed = 99;

  editor = gh_test_load_editor (fixture, NULL);
  jasper = gh_test_find_row (editor, JASPER_ID);
  jose = gh_test_find_row (editor, JOSE_ID);
  add_a_task (editor, jasper);
  add_a_task (editor, jose);

  /* The connection drops before Meta runs the batch: its answer never comes, so the rows
   * are read back rather than sent again, and found not changed. */
  gh_demo_server_set_fault (fixture->server, "", GH_DEMO_FAULT_DROP, 1);
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 2);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 1);
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_FAILED);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpint (gh_assignment_get_state (jose), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_false (gh_assignment_editor_get_can_undo (editor));

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_answer_lost (GhEditorFixture *fixture,
                  gconstpointer    data)
{
  Proxy *proxy = proxy_new (fixture);
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhAssignmentEditor) editor = load_via (proxy, &client);
  g_autoptr(GError) error = NULL;
  GhAssignment *jasper = gh_test_find_row (editor, JASPER_ID);
  GhAssignment *jose = gh_test_find_row (editor, JOSE_ID);
  guint n_failed = 99;

  add_a_task (editor, jasper);
  add_a_task (editor, jose);

  /* Meta runs the batch and the answer is lost on the way: read back, found made. */
  proxy->lose_answer = TRUE;
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (proxy->n_batches, ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 2 + 1);
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_true (gh_assignment_editor_get_can_undo (editor));

  assert_shows_what_meta_holds (fixture, editor);
  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&client));
  proxy_free (proxy);
}

static void
test_undo_batches (GhEditorFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_failed = 99;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 100);
  editor = gh_test_load_editor (fixture, NULL);
  before = gh_assignment_editor_to_csv (editor);
  for (guint i = 0; i < 51; i++)
    add_a_task (editor, gh_test_row_at (editor, i));
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);

  /* Taking the tasks back is 51 operations in two batches; they leave out a task, so
   * page 1 is read back. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_undo (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2 + 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 51 + 1);

  after = gh_assignment_editor_to_csv (editor);
  g_assert_cmpstr (after, ==, before);
  assert_shows_what_meta_holds (fixture, editor);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_EDITOR_TEST_ADD ("/assignment-apply/batches", test_batches);
  GH_EDITOR_TEST_ADD ("/assignment-apply/batch-refused", test_batch_refused);
  GH_EDITOR_TEST_ADD ("/assignment-apply/try-now-probe", test_try_now_probe);
  GH_EDITOR_TEST_ADD ("/assignment-apply/batch-rate-limited", test_batch_rate_limited);
  g_test_add ("/assignment-apply/null-item-made", GhEditorFixture, GINT_TO_POINTER (TRUE),
              gh_editor_fixture_set_up, test_null_item, gh_editor_fixture_tear_down);
  g_test_add ("/assignment-apply/null-item-not-made", GhEditorFixture,
              GINT_TO_POINTER (FALSE), gh_editor_fixture_set_up, test_null_item,
              gh_editor_fixture_tear_down);
  GH_EDITOR_TEST_ADD ("/assignment-apply/read-back-fails", test_read_back_fails);
  GH_EDITOR_TEST_ADD ("/assignment-apply/null-removal", test_null_removal);
  GH_EDITOR_TEST_ADD ("/assignment-apply/batch-lost", test_batch_lost);
  GH_EDITOR_TEST_ADD ("/assignment-apply/answer-lost", test_answer_lost);
  GH_EDITOR_TEST_ADD ("/assignment-apply/undo-batches", test_undo_batches);

  return g_test_run ();
}
