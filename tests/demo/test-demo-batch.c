/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-test-util.h"

/* Batch requests: operations answered in order, one failing without the others, the size
 * limit, and {result=name:$.path} references between operations. */

static char *
batch_form (guint       n,
            const char *extra)
{
  g_autoptr(GString) batch = g_string_new ("[");
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (batch, "%s{\"method\":\"GET\",\"relative_url\":\"me?fields=id\"}",
                            i ? "," : "");
  g_string_append (batch, "]");
  escaped = g_uri_escape_string (batch->str, NULL, FALSE);

  return g_strdup_printf ("batch=%s%s", escaped, extra ? extra : "");
}

static void
test_batch (GhTestFixture *fixture,
            gconstpointer  data)
{
  const char *batch =
    "[{\"method\":\"GET\",\"name\":\"dbg\",\"relative_url\":\"debug_token?input_token="
    GH_DEMO_TOKEN_ADMIN "\"},"
    "{\"method\":\"GET\",\"relative_url\":\"me?fields=id,name\"},"
    "{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_WABA_ID "?fields=bogus\"},"
    "{\"method\":\"POST\",\"relative_url\":\"" GH_DEMO_WABA_ID "/assigned_users\","
    "\"body\":\"user=1972385232993744&tasks=%5B%22VIEW_TEMPLATES%22%5D\"},"
    "{\"relative_url\":\"/v25.0/" GH_DEMO_WABA_ID "?fields=owner_business_info\"}]";
  g_autofree char *escaped = g_uri_escape_string (batch, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("batch=%s&include_headers=false", escaped);
  g_autoptr(GhTestReply) reply = NULL;
  g_autoptr(JsonArray) users = NULL;
  JsonArray *answers;
  JsonObject *answer;
  g_autoptr(JsonNode) body = NULL;

  gh_demo_server_reset_counts (fixture->server);
  reply = gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, form);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (reply->root));
  answers = json_node_get_array (reply->root);
  g_assert_cmpuint (json_array_get_length (answers), ==, 5);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 5);
  /* The token travelled in the body, never in a URL. */
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  answer = json_array_get_object_element (answers, 0);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);
  g_assert_false (json_object_has_member (answer, "headers"));
  body = json_from_string (json_object_get_string_member (answer, "body"), NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
    json_node_get_object (body), "data"), "user_id"), ==, GH_DEMO_ADMIN_USER_ID);
  g_clear_pointer (&body, json_node_unref);

  answer = json_array_get_object_element (answers, 1);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);
  body = json_from_string (json_object_get_string_member (answer, "body"), NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "name"), ==,
                   GH_DEMO_ADMIN_USER_NAME);
  g_clear_pointer (&body, json_node_unref);

  /* One item fails; the others still succeed. */
  answer = json_array_get_object_element (answers, 2);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 400);
  body = json_from_string (json_object_get_string_member (answer, "body"), NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
    json_node_get_object (body), "error"), "code"), ==, 100);
  g_clear_pointer (&body, json_node_unref);

  answer = json_array_get_object_element (answers, 3);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);
  users = gh_test_all_assigned_users (fixture);
  g_assert_nonnull (gh_test_find_by_id (users, "1972385232993744"));

  answer = json_array_get_object_element (answers, 4);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);

  {
    /* Headers are there unless asked not to be. */
    g_autofree char *two = batch_form (2, NULL);
    g_autoptr(GhTestReply) with_headers =
      gh_test_fetch (fixture, "POST", "/", GH_DEMO_TOKEN_ADMIN, two);
    JsonArray *items = json_node_get_array (with_headers->root);

    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    g_assert_nonnull (json_object_get_array_member (json_array_get_object_element (items, 0),
                                                    "headers"));
  }

  {
    g_autofree char *fifty = batch_form (50, "&include_headers=false");
    g_autofree char *too_many = batch_form (51, "&include_headers=false");
    g_autoptr(GhTestReply) ok =
      gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, fifty);
    g_autoptr(GhTestReply) refused = NULL;

    gh_demo_server_reset_counts (fixture->server);
    refused = gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, too_many);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (ok->root));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (ok->root)), ==, 50);
    g_assert_cmpint (gh_test_reply_error_code (refused), ==, 100);
    g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 0);
  }

  {
    g_autofree char *one = batch_form (1, NULL);
    g_autoptr(GhTestReply) invalid = gh_test_fetch (fixture, "POST", "/v25.0/", "EAAwrong", one);
    g_autoptr(GhTestReply) garbage = gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN,
                                                    "batch=%7B%22not%22%3A1%7D");
    g_autoptr(GhTestReply) odd_items =
      gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN,
                     "batch=%5B1%2C%7B%22method%22%3A7%7D%2Cnull%5D");
    JsonArray *items;

    g_assert_cmpint (gh_test_reply_error_code (invalid), ==, 190);
    g_assert_cmpint (gh_test_reply_error_code (garbage), ==, 100);
    items = json_node_get_array (odd_items->root);
    g_assert_cmpuint (json_array_get_length (items), ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i),
                                                   "code"), ==, 400);
  }
}

static void
test_batch_references (GhTestFixture *fixture,
                       gconstpointer  data)
{
  const char *batch =
    "[{\"method\":\"GET\",\"name\":\"wabas\","
    "\"relative_url\":\"me/assigned_whatsapp_business_accounts\"},"
    "{\"method\":\"GET\",\"relative_url\":\"{result=wabas:$.data[0].id}/phone_numbers"
    "?fields=display_phone_number\"},"
    "{\"method\":\"GET\",\"relative_url\":\"{result=wabas:$.data.*.id}\"},"
    "{\"method\":\"GET\",\"relative_url\":\"{result=nobody:$.id}\"}]";
  g_autofree char *escaped = g_uri_escape_string (batch, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("batch=%s&include_headers=false", escaped);
  g_autoptr(GhTestReply) reply =
    gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, form);
  JsonArray *answers;
  g_autoptr(JsonNode) phones = NULL;
  g_autoptr(JsonNode) joined = NULL;

  g_assert_nonnull (reply->root);
  answers = json_node_get_array (reply->root);
  g_assert_cmpuint (json_array_get_length (answers), ==, 4);
  /* Others depend on it and it did not ask for its answer: Meta leaves it out. */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_array_get_element (answers, 0)));

  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 1),
                                               "code"), ==, 200);
  phones = json_from_string (json_object_get_string_member (
    json_array_get_object_element (answers, 1), "body"), NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (phones), "data")), ==, 3);

  /* Several values are joined with commas; the demo has no ?ids= so the alias is refused,
   * which shows what was substituted. */
  joined = json_from_string (json_object_get_string_member (
    json_array_get_object_element (answers, 2), "body"), NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (
    json_node_get_object (joined), "error"), "message"), GH_DEMO_WABA_ID "," GH_DEMO_WABA2_ID));

  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 3),
                                               "code"), ==, 400);
}

/* "omit_response_on_success": false keeps the answer of an operation others depend on; one
 * nobody depends on, or one that failed, is always answered. */
static void
test_batch_omit_response (GhTestFixture *fixture,
                          gconstpointer  data)
{
  const char *batch =
    "[{\"method\":\"GET\",\"name\":\"waba\",\"omit_response_on_success\":false,"
    "\"relative_url\":\"" GH_DEMO_WABA_ID "?fields=owner_business_info\"},"
    "{\"method\":\"GET\",\"name\":\"unused\",\"relative_url\":\"me?fields=id\"},"
    "{\"method\":\"GET\",\"name\":\"broken\",\"relative_url\":\"me?fields=bogus\"},"
    "{\"method\":\"GET\",\"relative_url\":"
    "\"{result=waba:$.owner_business_info.id}/system_users?fields=id,role\"},"
    "{\"method\":\"GET\",\"relative_url\":\"{result=broken:$.id}\"}]";
  g_autofree char *escaped = g_uri_escape_string (batch, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("batch=%s&include_headers=false", escaped);
  g_autoptr(GhTestReply) reply =
    gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, form);
  g_autoptr(JsonNode) waba = NULL;
  g_autoptr(JsonNode) users = NULL;
  JsonArray *answers;

  g_assert_nonnull (reply->root);
  answers = json_node_get_array (reply->root);
  g_assert_cmpuint (json_array_get_length (answers), ==, 5);

  waba = json_from_string (json_object_get_string_member (
    json_array_get_object_element (answers, 0), "body"), NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
    json_node_get_object (waba), "owner_business_info"), "id"), ==, GH_DEMO_BUSINESS_ID);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 1),
                                               "code"), ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 2),
                                               "code"), ==, 400);

  /* The dependent operation ran with the business ID the first one found. */
  users = json_from_string (json_object_get_string_member (
    json_array_get_object_element (answers, 3), "body"), NULL);
  g_assert_nonnull (json_object_get_array_member (json_node_get_object (users), "data"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 4),
                                               "code"), ==, 400);
}

/* An error injected with HTTP status 504 is an operation that did not finish in time: in a
 * batch Meta answers it with null, and only that one. */
static void
test_batch_timed_out_item (GhTestFixture *fixture,
                           gconstpointer  data)
{
  g_autofree char *form = batch_form (2, "&include_headers=false");
  g_autoptr(GhTestReply) reply = NULL;
  g_autoptr(GhTestReply) again = NULL;
  JsonArray *answers;

  gh_demo_server_set_error (fixture->server, "me", 504, 1, 0, 1);
  reply = gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, form);
  answers = json_node_get_array (reply->root);
  g_assert_cmpuint (json_array_get_length (answers), ==, 2);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_array_get_element (answers, 0)));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 1),
                                               "code"), ==, 200);

  /* Once only: asked again, it answers. */
  again = gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, form);
  answers = json_node_get_array (again->root);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 0),
                                               "code"), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_TEST_ADD ("/demo/batch", test_batch);
  GH_TEST_ADD ("/demo/batch-references", test_batch_references);
  GH_TEST_ADD ("/demo/batch-omit-response", test_batch_omit_response);
  GH_TEST_ADD ("/demo/batch-timed-out-item", test_batch_timed_out_item);

  return g_test_run ();
}
