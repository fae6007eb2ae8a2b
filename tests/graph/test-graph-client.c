/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-client"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "gh-assigned-user.h"
#include "gh-demo-server.h"
#include "gh-graph-client-private.h"
#include "gh-graph-error-private.h"

typedef struct
{
  GhDemoServer  *server;
  GhGraphClient *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->server);

  fixture->client = gh_graph_client_new (gh_demo_server_get_url (fixture->server), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->client);
  gh_graph_client_set_token (fixture->client, GH_DEMO_TOKEN_ADMIN);
  /* Retries wait milliseconds here, not seconds. */
  _gh_graph_client_set_timing (fixture->client, 10000, 1, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Whatever a test did, the token never travelled in a URL. */
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->server);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (slot);
}

static JsonNode *
get (GhGraphClient       *client,
     const char          *path,
     const char * const  *params,
     GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  gh_graph_client_get_async (client, path, params, NULL, result_cb, &slot);
  result = wait_for (&slot);

  return gh_graph_client_get_finish (client, result, error);
}

static void
assert_no_token (const GError *error)
{
  g_autofree char *details = gh_graph_error_format_details (error);

  g_assert_null (strstr (error->message, "EAA"));
  g_assert_null (strstr (details, GH_DEMO_TOKEN_ADMIN));
  g_assert_null (strstr (details, GH_DEMO_TOKEN_EMPLOYEE));
}

static void
test_get_me (Fixture       *fixture,
             gconstpointer  data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  node = get (fixture->client, "me", params, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "id", NULL), ==,
                   GH_DEMO_ADMIN_USER_ID);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "name", NULL), ==,
                   GH_DEMO_ADMIN_USER_NAME);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
}

static void
test_get_waba_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const params[] = {
    "fields", "id,name,owner_business_info,phone_numbers{display_phone_number,verified_name}",
    NULL
  };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonObject *owner;

  node = get (fixture->client, GH_DEMO_WABA_ID, params, &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "name", NULL), ==,
                   GH_DEMO_WABA_NAME);
  owner = json_object_get_object_member (object, "owner_business_info");
  g_assert_nonnull (owner);
  g_assert_cmpstr (json_object_get_string_member_with_default (owner, "id", NULL), ==,
                   GH_DEMO_BUSINESS_ID);
}

typedef struct
{
  guint      pages;
  gint64     last_total;
  GPtrArray *users;
} PageLog;

static void
page_cb (JsonArray *items,
         gint64     total,
         gpointer   user_data)
{
  PageLog *log = user_data;
  g_autoptr(GPtrArray) users = gh_assigned_user_parse_array (items);

  log->pages++;
  log->last_total = total;
  g_ptr_array_extend_and_steal (log->users, g_steal_pointer (&users));
}

static void
test_get_pages (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const params[] = {
    "business", GH_DEMO_BUSINESS_ID, "limit", "100", "summary", "total_count", NULL
  };
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GAsyncResult *slot = NULL;
  PageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };
  gint64 n;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 250);
  gh_demo_server_reset_counts (fixture->server);

  gh_graph_client_get_pages_async (fixture->client, path, params, page_cb, &log, NULL, NULL,
                                   result_cb, &slot);
  result = wait_for (&slot);
  n = gh_graph_client_get_pages_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  g_assert_cmpint (n, ==, 250);
  g_assert_cmpuint (log.pages, ==, 3);
  g_assert_cmpint (log.last_total, ==, 250);
  g_assert_cmpuint (log.users->len, ==, 250);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);

  /* Every user exactly once: the cursors were followed, not repeated. */
  for (guint i = 0; i < log.users->len; i++)
    g_assert_true (g_hash_table_add (ids, (gpointer) gh_assigned_user_get_id (
                                       g_ptr_array_index (log.users, i))));

  g_ptr_array_unref (log.users);
}

static void
test_get_pages_error (Fixture       *fixture,
                      gconstpointer  data)
{
  const char * const params[] = { "limit", "100", NULL };
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  PageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };

  /* No business parameter: Meta answers 100 on the first page. */
  gh_graph_client_get_pages_async (fixture->client, path, params, page_cb, &log, NULL, NULL,
                                   result_cb, &slot);
  result = wait_for (&slot);
  g_assert_cmpint (gh_graph_client_get_pages_finish (fixture->client, result, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 100);
  g_assert_cmpuint (log.pages, ==, 0);

  g_ptr_array_unref (log.users);
}

static GhGraphBatchRequest *
batch_get (const char *relative_url)
{
  return gh_graph_batch_request_new ("GET", relative_url);
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gh_graph_batch_request_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *waba_url = g_strconcat (GH_DEMO_WABA_ID, "?fields=id,name", NULL);
  g_autofree char *users_url = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users?limit=5", NULL);
  GAsyncResult *slot = NULL;
  GhGraphBatchResult *item;
  JsonObject *object;

  g_ptr_array_add (requests, batch_get ("me?fields=id,name"));
  g_ptr_array_add (requests, batch_get (waba_url));
  g_ptr_array_add (requests, batch_get (users_url));   /* no business= → error 100 */
  g_ptr_array_add (requests, batch_get ("debug_token?input_token=" GH_DEMO_TOKEN_ADMIN));

  gh_demo_server_reset_counts (fixture->server);
  gh_graph_client_batch_async (fixture->client, requests, NULL, result_cb, &slot);
  result = wait_for (&slot);
  results = gh_graph_client_batch_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 4);

  item = g_ptr_array_index (results, 0);
  g_assert_no_error (item->error);
  g_assert_cmpuint (item->code, ==, 200);
  object = json_node_get_object (item->body);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "id", NULL), ==,
                   GH_DEMO_ADMIN_USER_ID);

  item = g_ptr_array_index (results, 1);
  g_assert_no_error (item->error);
  object = json_node_get_object (item->body);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "id", NULL), ==,
                   GH_DEMO_WABA_ID);

  item = g_ptr_array_index (results, 2);
  g_assert_null (item->body);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpuint (item->code, ==, 400);
  g_assert_nonnull (gh_graph_error_get_fbtrace_id (item->error));

  item = g_ptr_array_index (results, 3);
  g_assert_no_error (item->error);
  object = json_object_get_object_member (json_node_get_object (item->body), "data");
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "type", NULL), ==,
                   "SYSTEM_USER");
}

static void
test_batch_too_large (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gh_graph_batch_request_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  for (guint i = 0; i < GH_GRAPH_MAX_BATCH + 1; i++)
    g_ptr_array_add (requests, batch_get ("me"));

  gh_demo_server_reset_counts (fixture->server);
  gh_graph_client_batch_async (fixture->client, requests, NULL, result_cb, &slot);
  result = wait_for (&slot);
  results = gh_graph_client_batch_finish (fixture->client, result, &error);
  g_assert_null (results);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
}

static void
test_error_invalid_token (Fixture       *fixture,
                          gconstpointer  data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  gh_graph_client_set_token (fixture->client, "EAAGhNotARealTokenAtAllQq1Ww2Ee3Rr4Tt5Yy6Uu7");
  node = get (fixture->client, "me", params, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_TOKEN);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 190);
  g_assert_null (strstr (error->message, "EAAGhNot"));
  assert_no_token (error);
}

static void
test_error_expired (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;

  gh_demo_server_set_error (fixture->server, "me", 400, 190, 463, 1);
  node = get (fixture->client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED);
  g_assert_cmpint (_gh_graph_error_get_graph_subcode (error), ==, 463);
  g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 400);
  g_assert_nonnull (gh_graph_error_get_fbtrace_id (error));
  assert_no_token (error);
  g_clear_error (&error);

  /* The error was injected once. */
  again = get (fixture->client, "me", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static void
test_error_permission (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  gh_graph_client_set_token (fixture->client, GH_DEMO_TOKEN_EMPLOYEE);
  node = get (fixture->client, GH_DEMO_WABA2_ID, params, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 200);
  assert_no_token (error);
}

static void
test_error_rate_limited (Fixture       *fixture,
                         gconstpointer  data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;

  /* The first call uses the whole budget: Meta's usage header says 100 %.  The client then
   * holds the next call back itself, which would only make Meta's block longer. */
  gh_demo_server_set_rate_limit (fixture->server, 1, 7);
  gh_demo_server_reset_counts (fixture->server);
  first = get (fixture->client, GH_DEMO_WABA_ID, params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 100);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==,
                    GH_GRAPH_DEFAULT_WAIT_MINUTES);
  second = get (fixture->client, GH_DEMO_WABA_ID, params, &error);
  g_assert_null (second);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_WAITING);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==, GH_GRAPH_DEFAULT_WAIT_MINUTES);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
}

static void
test_error_server (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* Code 2 on every attempt: the read is sent three times, then the error comes back. */
  gh_demo_server_set_error (fixture->server, "me", 500, 2, 0, 0);
  gh_demo_server_reset_counts (fixture->server);
  node = get (fixture->client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_assert_true (_gh_graph_error_is_transient (error));
  g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 500);
  g_assert_cmpuint (_gh_graph_error_get_attempts (error), ==, 3);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
}

static void
test_error_invalid_parameter (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = get (fixture->client, path, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_nonnull (gh_graph_error_get_graph_message (error));
  g_assert_null (strstr (error->message, "(#100)"));
}

static void
test_error_malformed (Fixture       *fixture,
                      gconstpointer  data)
{
  const GhDemoFault faults[] = { GH_DEMO_FAULT_NOT_JSON, GH_DEMO_FAULT_TRUNCATED };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      gh_demo_server_set_fault (fixture->server, "me", faults[i], 1);
      node = get (fixture->client, "me", NULL, &error);
      g_assert_null (node);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
      g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 200);
    }
}

static void
test_error_dropped (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  gh_demo_server_set_fault (fixture->server, "me", GH_DEMO_FAULT_DROP, 0);
  gh_demo_server_reset_counts (fixture->server);
  node = get (fixture->client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_CONNECTION_LOST);
  g_assert_true (_gh_graph_error_is_transient (error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
}

static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  return port;
}

static void
test_error_closed_port (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  client = gh_graph_client_new (url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, GH_DEMO_TOKEN_ADMIN);
  node = get (client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK);
  assert_no_token (error);
  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GAsyncResult *slot = NULL;
  PageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  const char * const params[] = { "business", GH_DEMO_BUSINESS_ID, NULL };

  gh_demo_server_set_latency (fixture->server, 300);
  gh_graph_client_get_async (fixture->client, "me", NULL, cancellable, result_cb, &slot);
  g_cancellable_cancel (cancellable);
  result = wait_for (&slot);
  node = gh_graph_client_get_finish (fixture->client, result, &error);
  g_assert_null (node);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled before it starts, while paging. */
  g_cancellable_cancel (cancelled);
  gh_graph_client_get_pages_async (fixture->client, path, params, page_cb, &log, NULL,
                                   cancelled, result_cb, &slot);
  result = wait_for (&slot);
  g_assert_cmpint (gh_graph_client_get_pages_finish (fixture->client, result, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.pages, ==, 0);

  g_ptr_array_unref (log.users);
}

static void
test_request_post_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  const char * const post_params[] = {
    "user", GH_DEMO_EMPLOYEE_USER_ID, "tasks", "[\"MANAGE\",\"DEVELOP\"]", NULL
  };
  const char * const delete_params[] = { "user", GH_DEMO_EMPLOYEE_USER_ID, NULL };
  const char * const list_params[] = { "business", GH_DEMO_BUSINESS_ID, "limit", "100", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GPtrArray) users = NULL;
  GAsyncResult *slot = NULL;
  GhAssignedUser *found = NULL;

  gh_graph_client_request_async (fixture->client, "POST", path, post_params, NULL,
                                 result_cb, &slot);
  result = wait_for (&slot);
  node = gh_graph_client_request_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member_with_default (json_node_get_object (node),
                                                              "success", FALSE));
  g_clear_object (&result);
  g_clear_pointer (&node, json_node_unref);

  list = get (fixture->client, path, list_params, &error);
  g_assert_no_error (error);
  users = gh_assigned_user_parse_array (
    json_object_get_array_member (json_node_get_object (list), "data"));
  for (guint i = 0; i < users->len; i++)
    if (g_strcmp0 (gh_assigned_user_get_id (g_ptr_array_index (users, i)),
                   GH_DEMO_EMPLOYEE_USER_ID) == 0)
      found = g_ptr_array_index (users, i);
  g_assert_nonnull (found);
  g_assert_cmpuint (gh_assigned_user_get_tasks (found), ==, GH_TASK_MANAGE | GH_TASK_DEVELOP);

  gh_graph_client_request_async (fixture->client, "DELETE", path, delete_params, NULL,
                                 result_cb, &slot);
  result = wait_for (&slot);
  node = gh_graph_client_request_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member_with_default (json_node_get_object (node),
                                                              "success", FALSE));
}

static void
test_refused_urls (void)
{
  const char *refused[] = {
    "https://example.com", "http://10.0.0.1", "http://127.0.0.1.evil.com",
    "http://graph.facebook.com", "https://graph.facebook.com.evil.com", "ftp://127.0.0.1",
    "file:///etc/passwd", "not a url", "http://", "https://192.168.1.1:8443",
    "http://[::2]:80", "http://localhost.evil.com", "https://graph.facebook.com:8443",
  };
  const char *accepted[] = {
    "http://127.0.0.1:1234", "http://[::1]:80", "http://localhost:8080",
    "https://127.0.0.1", "http://127.1.2.3:9", "http://LOCALHOST:1/", "https://graph.facebook.com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GhGraphClient) client = NULL;

      g_test_message ("refused: %s", refused[i]);
      client = gh_graph_client_new (refused[i], NULL, &error);
      g_assert_null (client);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_REFUSED_URL);
      g_assert_nonnull (strstr (error->message, "Gatehouse only talks to Meta’s Graph API"));
      g_assert_false (_gh_graph_client_is_loopback_url (refused[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      GhGraphClient *client;

      g_test_message ("accepted: %s", accepted[i]);
      client = gh_graph_client_new (accepted[i], "v24.0", &error);
      g_assert_no_error (error);
      g_assert_nonnull (client);
      g_assert_cmpstr (_gh_graph_client_get_api_version (client), ==, "v24.0");
      g_assert_false (g_str_has_suffix (_gh_graph_client_get_base_url (client), "/"));
      g_assert_finalize_object (client);
    }

  g_assert_true (_gh_graph_client_is_loopback_url ("http://[::1]:80"));
  g_assert_false (_gh_graph_client_is_loopback_url ("https://graph.facebook.com"));
  g_assert_false (_gh_graph_client_is_loopback_url (NULL));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GhGraphClient) meta = gh_graph_client_new (NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (_gh_graph_client_get_base_url (meta), ==, DEFAULT_GRAPH_URL);
    g_assert_cmpstr (_gh_graph_client_get_api_version (meta), ==, GH_GRAPH_DEFAULT_VERSION);
    g_assert_false (gh_graph_client_has_token (meta));
    gh_graph_client_set_token (meta, "EAAx");
    g_assert_true (gh_graph_client_has_token (meta));
    gh_graph_client_set_token (meta, NULL);
    g_assert_false (gh_graph_client_has_token (meta));
    _gh_graph_client_set_api_version (meta, NULL);
    g_assert_cmpstr (_gh_graph_client_get_api_version (meta), ==, GH_GRAPH_DEFAULT_VERSION);
  }
}

static void
test_environment (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *saved = g_getenv ("GATEHOUSE_GRAPH_URL");
  g_autofree char *restore = g_strdup (saved);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GhGraphClient *client;

  g_setenv ("GATEHOUSE_GRAPH_URL", gh_demo_server_get_url (fixture->server), TRUE);
  client = gh_graph_client_new_from_environment (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (_gh_graph_client_get_base_url (client), ==,
                   gh_demo_server_get_url (fixture->server));
  gh_graph_client_set_token (client, GH_DEMO_TOKEN_ADMIN);
  gh_demo_server_reset_counts (fixture->server);
  node = get (client, "me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_finalize_object (client);

  g_setenv ("GATEHOUSE_GRAPH_URL", "https://example.com", TRUE);
  g_assert_null (gh_graph_client_new_from_environment (NULL, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_REFUSED_URL);
  g_clear_error (&error);

  g_setenv ("GATEHOUSE_GRAPH_URL", "", TRUE);
  client = gh_graph_client_new_from_environment (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (_gh_graph_client_get_base_url (client), ==, DEFAULT_GRAPH_URL);
  g_assert_finalize_object (client);

  g_unsetenv ("GATEHOUSE_GRAPH_URL");
  client = gh_graph_client_new_from_environment (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (_gh_graph_client_get_base_url (client), ==, DEFAULT_GRAPH_URL);
  g_assert_finalize_object (client);

  if (restore != NULL)
    g_setenv ("GATEHOUSE_GRAPH_URL", restore, TRUE);
}

/* A hand-written server for paging links Meta's server would never send. */
typedef struct
{
  SoupServer *server;
  char       *url;
  char       *foreign_url;
  guint       requests;
  guint       batches;
  char       *last_query;
  char       *last_authorization;
} Rogue;

static void
rogue_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Rogue *rogue = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *body = NULL;
  guint status = SOUP_STATUS_OK;

  rogue->requests++;
  g_free (rogue->last_query);
  rogue->last_query = g_strdup (g_uri_get_query (uri));
  g_free (rogue->last_authorization);
  rogue->last_authorization = g_strdup (soup_message_headers_get_one (headers,
                                                                      "Authorization"));

  if (g_str_has_suffix (path, "/foreign"))
    body = g_strdup_printf ("{\"data\": [{\"id\": \"1\"}], \"paging\": {\"next\": "
                            "\"%s/v25.0/stolen?access_token=x\"}}", rogue->foreign_url);
  else if (g_str_has_suffix (path, "/loop"))
    body = g_strdup_printf ("{\"data\": [], \"paging\": {\"next\": "
                            "\"%s/v25.0/loop?after=same\"}}", rogue->url);
  else if (g_str_has_suffix (path, "/empty-then-end"))
    {
      if (g_strcmp0 (g_uri_get_query (uri), NULL) == 0)
        body = g_strdup_printf ("{\"data\": [], \"paging\": {\"next\": "
                                "\"%s/v25.0/empty-then-end?after=2&access_token="
                                GH_DEMO_TOKEN_ADMIN "\"}}", rogue->url);
      else
        body = g_strdup ("{\"data\": [{\"id\": \"7\"}, {\"id\": \"8\"}],"
                         " \"summary\": {\"total_count\": 2}}");
    }
  else if (g_str_has_suffix (path, "/no-data"))
    body = g_strdup ("{\"paging\": {}}");
  else if (g_str_has_suffix (path, "/html-500"))
    {
      soup_server_message_set_status (msg, 502, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<h1>Bad</h1>",
                                        12);
      return;
    }
  else if (g_str_has_suffix (path, "/retry-after"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "90");
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "X-Business-Use-Case",
                                    "{\"1\": [{\"estimated_time_to_regain_access\": 1}],"
                                    " \"2\": [{\"estimated_time_to_regain_access\": 0}]}");
      status = SOUP_STATUS_BAD_REQUEST;
      body = g_strdup ("{\"error\": {\"message\": \"(#4) Application request limit reached\","
                       " \"code\": 4, \"fbtrace_id\": \"R1\"}}");
    }
  /* The operation answered null is asked for again alone, and times out again. */
  else if (g_str_equal (path, "/v25.0/") && rogue->batches++ > 0)
    body = g_strdup ("[null]");
  else if (g_str_equal (path, "/v25.0/"))
    body = g_strdup ("[{\"code\": 200, \"body\": \"{\\\"id\\\": \\\"5\\\"}\"}, null,"
                     " {\"code\": 200, \"body\": \"{not json\"}]");
  else if (g_str_has_suffix (path, "/redirect"))
    {
      soup_server_message_set_redirect (msg, 302, "http://127.0.0.2:9/elsewhere");
      return;
    }
  else
    body = g_strdup ("{\"id\": \"1\"}");

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), strlen (body));
}

static Rogue *
rogue_new (void)
{
  Rogue *rogue = g_new0 (Rogue, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  GSList *listeners;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);

  rogue->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (rogue->server, NULL, rogue_cb, rogue, NULL);
  soup_server_listen (rogue->server, address, 0, &error);
  g_assert_no_error (error);

  /* soup_server_get_uris() leaks an address in libsoup 3.2: ask the socket instead. */
  listeners = soup_server_get_listeners (rogue->server);
  g_assert_nonnull (listeners);
  local = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);
  rogue->url = g_strdup_printf ("http://127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
  rogue->foreign_url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());

  return rogue;
}

static void
rogue_free (Rogue *rogue)
{
  soup_server_disconnect (rogue->server);
  g_assert_finalize_object (rogue->server);
  g_free (rogue->url);
  g_free (rogue->foreign_url);
  g_free (rogue->last_query);
  g_free (rogue->last_authorization);
  g_free (rogue);
}

static gint64
rogue_pages (GhGraphClient  *client,
             const char     *path,
             PageLog        *log,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  gh_graph_client_get_pages_async (client, path, NULL, page_cb, log, NULL, NULL,
                                   result_cb, &slot);
  result = wait_for (&slot);

  return gh_graph_client_get_pages_finish (client, result, error);
}

static void
test_paging_guards (void)
{
  Rogue *rogue = rogue_new ();
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;
  PageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };

  client = gh_graph_client_new (rogue->url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, GH_DEMO_TOKEN_ADMIN);

  /* A next link to another origin is not followed. */
  g_assert_cmpint (rogue_pages (client, "foreign", &log, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpuint (rogue->requests, ==, 1);
  g_assert_cmpuint (log.pages, ==, 1);
  g_clear_error (&error);

  /* The same cursor again and again ends with an error, not a loop. */
  rogue->requests = 0;
  g_assert_cmpint (rogue_pages (client, "loop", &log, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpuint (rogue->requests, ==, 2);
  g_clear_error (&error);

  /* An empty page with a next link is not the end; the token in the link is stripped. */
  log.pages = 0;
  g_assert_cmpint (rogue_pages (client, "empty-then-end", &log, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpuint (log.pages, ==, 2);
  g_assert_cmpint (log.last_total, ==, 2);
  g_assert_cmpstr (rogue->last_query, ==, "after=2");
  g_assert_cmpstr (rogue->last_authorization, ==, "Bearer " GH_DEMO_TOKEN_ADMIN);

  g_assert_cmpint (rogue_pages (client, "no-data", &log, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  g_ptr_array_unref (log.users);
  g_assert_finalize_object (g_steal_pointer (&client));
  rogue_free (rogue);
}

static void
test_rogue_answers (void)
{
  Rogue *rogue = rogue_new ();
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gh_graph_batch_request_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  GhGraphBatchResult *item;

  client = gh_graph_client_new (rogue->url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, GH_DEMO_TOKEN_ADMIN);
  _gh_graph_client_set_timing (client, 10000, 1, 1);

  /* HTML from a proxy with a 5xx is Meta being down for a moment: asked three times. */
  node = get (client, "html-500", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 502);
  g_assert_cmpuint (rogue->requests, ==, 3);
  g_clear_error (&error);

  /* Retry-After (90 s) and the usage header (1 minute): the longer wait wins, and the
   * client keeps it. */
  node = get (client, "retry-after", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (gh_graph_error_get_retry_after (error), ==, 90);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==, 2);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (client), ==, 2);
  g_assert_cmpstr (gh_graph_error_get_fbtrace_id (error), ==, "R1");
  g_clear_error (&error);
  gh_graph_client_end_wait (client);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (client), ==, 0);

  /* A redirect is not followed: it could take the token elsewhere. */
  node = get (client, "redirect", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (requests, batch_get ("me"));
  gh_graph_client_batch_async (client, requests, NULL, result_cb, &slot);
  result = wait_for (&slot);
  results = gh_graph_client_batch_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 4);
  g_assert_cmpstr (rogue->last_authorization, ==, "Bearer " GH_DEMO_TOKEN_ADMIN);
  g_assert_cmpuint (rogue->batches, ==, 2);

  item = g_ptr_array_index (results, 0);
  g_assert_no_error (item->error);
  g_assert_nonnull (item->body);
  item = g_ptr_array_index (results, 1);
  g_assert_null (item->body);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
  g_assert_true (_gh_graph_error_is_transient (item->error));
  g_assert_cmpuint (item->code, ==, 0);
  item = g_ptr_array_index (results, 2);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  /* The server answered three items for four requests. */
  item = g_ptr_array_index (results, 3);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);

  /* The task holds the client until it goes. */
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&client));
  rogue_free (rogue);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/graph-client/get-me", test_get_me);
  ADD ("/graph-client/get-waba-fields", test_get_waba_fields);
  ADD ("/graph-client/get-pages", test_get_pages);
  ADD ("/graph-client/get-pages-error", test_get_pages_error);
  ADD ("/graph-client/batch", test_batch);
  ADD ("/graph-client/batch-too-large", test_batch_too_large);
  ADD ("/graph-client/request-post-delete", test_request_post_delete);
  ADD ("/graph-client/error/invalid-token", test_error_invalid_token);
  ADD ("/graph-client/error/expired", test_error_expired);
  ADD ("/graph-client/error/permission", test_error_permission);
  ADD ("/graph-client/error/rate-limited", test_error_rate_limited);
  ADD ("/graph-client/error/server", test_error_server);
  ADD ("/graph-client/error/invalid-parameter", test_error_invalid_parameter);
  ADD ("/graph-client/error/malformed", test_error_malformed);
  ADD ("/graph-client/error/dropped", test_error_dropped);
  g_test_add_func ("/graph-client/error/closed-port", test_error_closed_port);
  ADD ("/graph-client/cancel", test_cancel);
  ADD ("/graph-client/environment", test_environment);
  g_test_add_func ("/graph-client/refused-urls", test_refused_urls);
  g_test_add_func ("/graph-client/paging-guards", test_paging_guards);
  g_test_add_func ("/graph-client/rogue-answers", test_rogue_answers);

  return g_test_run ();
}
