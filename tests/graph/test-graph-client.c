/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-client"

#include "config.h"

#include <string.h>

#include "gh-assigned-user.h"
#include "gh-graph-client-private.h"
#include "gh-graph-test-util.h"

/* The Graph client against the demo server: reads, pages, batches and writes, cancelling,
 * and the only servers it agrees to talk to. */

static void
test_get_me (GhClientFixture *fixture,
             gconstpointer    data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  node = gh_graph_test_get (fixture->client, "me", params, &error);
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
test_get_waba_fields (GhClientFixture *fixture,
                      gconstpointer    data)
{
  const char * const params[] = {
    "fields", "id,name,owner_business_info,phone_numbers{display_phone_number,verified_name}",
    NULL
  };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonObject *owner;

  node = gh_graph_test_get (fixture->client, GH_DEMO_WABA_ID, params, &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "name", NULL), ==,
                   GH_DEMO_WABA_NAME);
  owner = json_object_get_object_member (object, "owner_business_info");
  g_assert_nonnull (owner);
  g_assert_cmpstr (json_object_get_string_member_with_default (owner, "id", NULL), ==,
                   GH_DEMO_BUSINESS_ID);
}

static void
test_get_pages (GhClientFixture *fixture,
                gconstpointer    data)
{
  const char * const params[] = {
    "business", GH_DEMO_BUSINESS_ID, "limit", "100", "summary", "total_count", NULL
  };
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GAsyncResult *slot = NULL;
  GhPageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };
  gint64 n;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 250);
  gh_demo_server_reset_counts (fixture->server);

  gh_graph_client_get_pages_async (fixture->client, path, params, gh_graph_test_page_cb, &log,
                                   NULL, NULL, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
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
test_get_pages_error (GhClientFixture *fixture,
                      gconstpointer    data)
{
  const char * const params[] = { "limit", "100", NULL };
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  GhPageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };

  /* No business parameter: Meta answers 100 on the first page. */
  gh_graph_client_get_pages_async (fixture->client, path, params, gh_graph_test_page_cb, &log,
                                   NULL, NULL, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
  g_assert_cmpint (gh_graph_client_get_pages_finish (fixture->client, result, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 100);
  g_assert_cmpuint (log.pages, ==, 0);

  g_ptr_array_unref (log.users);
}

static void
test_batch (GhClientFixture *fixture,
            gconstpointer    data)
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

  g_ptr_array_add (requests, gh_graph_test_batch_get ("me?fields=id,name"));
  g_ptr_array_add (requests, gh_graph_test_batch_get (waba_url));
  g_ptr_array_add (requests, gh_graph_test_batch_get (users_url)); /* no business= → error 100 */
  g_ptr_array_add (requests,
                   gh_graph_test_batch_get ("debug_token?input_token=" GH_DEMO_TOKEN_ADMIN));

  gh_demo_server_reset_counts (fixture->server);
  gh_graph_client_batch_async (fixture->client, requests, NULL, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
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
test_batch_too_large (GhClientFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gh_graph_batch_request_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  for (guint i = 0; i < GH_GRAPH_MAX_BATCH + 1; i++)
    g_ptr_array_add (requests, gh_graph_test_batch_get ("me"));

  gh_demo_server_reset_counts (fixture->server);
  gh_graph_client_batch_async (fixture->client, requests, NULL, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
  results = gh_graph_client_batch_finish (fixture->client, result, &error);
  g_assert_null (results);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
}

static void
test_cancel (GhClientFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GAsyncResult *slot = NULL;
  GhPageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  const char * const params[] = { "business", GH_DEMO_BUSINESS_ID, NULL };

  gh_demo_server_set_latency (fixture->server, 300);
  gh_graph_client_get_async (fixture->client, "me", NULL, cancellable, gh_graph_test_result_cb,
                             &slot);
  g_cancellable_cancel (cancellable);
  result = gh_graph_test_wait (&slot);
  node = gh_graph_client_get_finish (fixture->client, result, &error);
  g_assert_null (node);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled before it starts, while paging. */
  g_cancellable_cancel (cancelled);
  gh_graph_client_get_pages_async (fixture->client, path, params, gh_graph_test_page_cb, &log, NULL,
                                   cancelled, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
  g_assert_cmpint (gh_graph_client_get_pages_finish (fixture->client, result, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.pages, ==, 0);

  g_ptr_array_unref (log.users);
}

static void
test_request_post_delete (GhClientFixture *fixture,
                          gconstpointer    data)
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
                                 gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
  node = gh_graph_client_request_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member_with_default (json_node_get_object (node),
                                                              "success", FALSE));
  g_clear_object (&result);
  g_clear_pointer (&node, json_node_unref);

  list = gh_graph_test_get (fixture->client, path, list_params, &error);
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
                                 gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
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
test_environment (GhClientFixture *fixture,
                  gconstpointer    data)
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
  node = gh_graph_test_get (client, "me", NULL, &error);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_CLIENT_TEST_ADD ("/graph-client/get-me", test_get_me);
  GH_CLIENT_TEST_ADD ("/graph-client/get-waba-fields", test_get_waba_fields);
  GH_CLIENT_TEST_ADD ("/graph-client/get-pages", test_get_pages);
  GH_CLIENT_TEST_ADD ("/graph-client/get-pages-error", test_get_pages_error);
  GH_CLIENT_TEST_ADD ("/graph-client/batch", test_batch);
  GH_CLIENT_TEST_ADD ("/graph-client/batch-too-large", test_batch_too_large);
  GH_CLIENT_TEST_ADD ("/graph-client/request-post-delete", test_request_post_delete);
  GH_CLIENT_TEST_ADD ("/graph-client/cancel", test_cancel);
  GH_CLIENT_TEST_ADD ("/graph-client/environment", test_environment);
  g_test_add_func ("/graph-client/refused-urls", test_refused_urls);

  return g_test_run ();
}
