/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-client-errors"

#include "config.h"

#include <string.h>

#include "gh-graph-client-private.h"
#include "gh-graph-error-private.h"
#include "gh-graph-test-util.h"

/* What the Graph client makes of the ways a call fails: Meta's errors from the demo server,
 * a closed port, and a hand-written server for answers Meta's would never send.  No error
 * shows the token. */

static void
assert_no_token (const GError *error)
{
  g_autofree char *details = gh_graph_error_format_details (error);

  g_assert_null (strstr (error->message, "EAA"));
  g_assert_null (strstr (details, GH_DEMO_TOKEN_ADMIN));
  g_assert_null (strstr (details, GH_DEMO_TOKEN_EMPLOYEE));
}

static void
test_error_invalid_token (GhClientFixture *fixture,
                          gconstpointer    data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  gh_graph_client_set_token (fixture->client, "EAAGhNotARealTokenAtAllQq1Ww2Ee3Rr4Tt5Yy6Uu7");
  node = gh_graph_test_get (fixture->client, "me", params, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_TOKEN);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 190);
  g_assert_null (strstr (error->message, "EAAGhNot"));
  assert_no_token (error);
}

static void
test_error_expired (GhClientFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;

  gh_demo_server_set_error (fixture->server, "me", 400, 190, 463, 1);
  node = gh_graph_test_get (fixture->client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED);
  g_assert_cmpint (_gh_graph_error_get_graph_subcode (error), ==, 463);
  g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 400);
  g_assert_nonnull (gh_graph_error_get_fbtrace_id (error));
  assert_no_token (error);
  g_clear_error (&error);

  /* The error was injected once. */
  again = gh_graph_test_get (fixture->client, "me", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static void
test_error_permission (GhClientFixture *fixture,
                       gconstpointer    data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  gh_graph_client_set_token (fixture->client, GH_DEMO_TOKEN_EMPLOYEE);
  node = gh_graph_test_get (fixture->client, GH_DEMO_WABA2_ID, params, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 200);
  assert_no_token (error);
}

static void
test_error_rate_limited (GhClientFixture *fixture,
                         gconstpointer    data)
{
  const char * const params[] = { "fields", "id,name", NULL };
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;

  /* The first call uses the whole budget: Meta's usage header says 100 %.  The client then
   * holds the next call back itself, which would only make Meta's block longer. */
  gh_demo_server_set_rate_limit (fixture->server, 1, 7);
  gh_demo_server_reset_counts (fixture->server);
  first = gh_graph_test_get (fixture->client, GH_DEMO_WABA_ID, params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 100);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==,
                    GH_GRAPH_DEFAULT_WAIT_MINUTES);
  second = gh_graph_test_get (fixture->client, GH_DEMO_WABA_ID, params, &error);
  g_assert_null (second);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_WAITING);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==, GH_GRAPH_DEFAULT_WAIT_MINUTES);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
}

static void
test_error_server (GhClientFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* Code 2 on every attempt: the read is sent three times, then the error comes back. */
  gh_demo_server_set_error (fixture->server, "me", 500, 2, 0, 0);
  gh_demo_server_reset_counts (fixture->server);
  node = gh_graph_test_get (fixture->client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_assert_true (_gh_graph_error_is_transient (error));
  g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 500);
  g_assert_cmpuint (_gh_graph_error_get_attempts (error), ==, 3);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
}

static void
test_error_invalid_parameter (GhClientFixture *fixture,
                              gconstpointer    data)
{
  g_autofree char *path = g_strconcat (GH_DEMO_WABA_ID, "/assigned_users", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = gh_graph_test_get (fixture->client, path, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_nonnull (gh_graph_error_get_graph_message (error));
  g_assert_null (strstr (error->message, "(#100)"));
}

static void
test_error_malformed (GhClientFixture *fixture,
                      gconstpointer    data)
{
  const GhDemoFault faults[] = { GH_DEMO_FAULT_NOT_JSON, GH_DEMO_FAULT_TRUNCATED };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      gh_demo_server_set_fault (fixture->server, "me", faults[i], 1);
      node = gh_graph_test_get (fixture->client, "me", NULL, &error);
      g_assert_null (node);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
      g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 200);
    }
}

static void
test_error_dropped (GhClientFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  gh_demo_server_set_fault (fixture->server, "me", GH_DEMO_FAULT_DROP, 0);
  gh_demo_server_reset_counts (fixture->server);
  node = gh_graph_test_get (fixture->client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_CONNECTION_LOST);
  g_assert_true (_gh_graph_error_is_transient (error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
}

static void
test_error_closed_port (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", gh_graph_test_closed_port ());
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  client = gh_graph_client_new (url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, GH_DEMO_TOKEN_ADMIN);
  node = gh_graph_test_get (client, "me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK);
  assert_no_token (error);
  g_assert_finalize_object (g_steal_pointer (&client));
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

  rogue->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (rogue->server, NULL, rogue_cb, rogue, NULL);
  rogue->url = gh_graph_test_listen (rogue->server);
  rogue->foreign_url = g_strdup_printf ("http://127.0.0.1:%u", gh_graph_test_closed_port ());

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
             GhPageLog      *log,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  gh_graph_client_get_pages_async (client, path, NULL, gh_graph_test_page_cb, log, NULL, NULL,
                                   gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);

  return gh_graph_client_get_pages_finish (client, result, error);
}

static void
test_paging_guards (void)
{
  Rogue *rogue = rogue_new ();
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GhPageLog log = { 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };

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
  node = gh_graph_test_get (client, "html-500", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 502);
  g_assert_cmpuint (rogue->requests, ==, 3);
  g_clear_error (&error);

  /* Retry-After (90 s) and the usage header (1 minute): the longer wait wins, and the
   * client keeps it. */
  node = gh_graph_test_get (client, "retry-after", NULL, &error);
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
  node = gh_graph_test_get (client, "redirect", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (requests, gh_graph_test_batch_get ("me"));
  gh_graph_client_batch_async (client, requests, NULL, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);
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
int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_CLIENT_TEST_ADD ("/graph-client/error/invalid-token", test_error_invalid_token);
  GH_CLIENT_TEST_ADD ("/graph-client/error/expired", test_error_expired);
  GH_CLIENT_TEST_ADD ("/graph-client/error/permission", test_error_permission);
  GH_CLIENT_TEST_ADD ("/graph-client/error/rate-limited", test_error_rate_limited);
  GH_CLIENT_TEST_ADD ("/graph-client/error/server", test_error_server);
  GH_CLIENT_TEST_ADD ("/graph-client/error/invalid-parameter", test_error_invalid_parameter);
  GH_CLIENT_TEST_ADD ("/graph-client/error/malformed", test_error_malformed);
  GH_CLIENT_TEST_ADD ("/graph-client/error/dropped", test_error_dropped);
  g_test_add_func ("/graph-client/error/closed-port", test_error_closed_port);
  g_test_add_func ("/graph-client/paging-guards", test_paging_guards);
  g_test_add_func ("/graph-client/rogue-answers", test_rogue_answers);

  return g_test_run ();
}
