/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-usage"

#include "config.h"

#include "gh-graph-client-private.h"
#include "gh-graph-test-util.h"
#include "gh-hostile-server.h"

/* Meta's rate limits and usage headers, from a server that sends them the way Meta does and
 * in ways it might: the client waits as long as it is told, never calls again while it
 * waits, and spaces its reads as the limit comes near. */

static void
test_rate_limit_with_usage (GhHostileFixture *fixture,
                            gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GhGraphErrorText) text = NULL;
  guint wait = 0;

  fixture->hostile->usage = g_strdup ("{\"123\": [{\"type\": \"whatsapp_business_management\","
                                      " \"call_count\": 100, \"total_cputime\": 4,"
                                      " \"total_time\": 6,"
                                      " \"estimated_time_to_regain_access\": 7}]}");
  fixture->hostile->fail_first = 1;
  node = gh_graph_test_request (fixture->client, "GET", "code-80008", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (gh_graph_error_get_retry_after (error), ==, 7 * 60);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==, 7);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 100);
  g_object_get (fixture->client, "wait-minutes", &wait, NULL);
  g_assert_cmpuint (wait, ==, 7);
  /* A limit is never a reason to call again. */
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);

  text = gh_graph_error_describe (error);
  g_assert_cmpuint (text->wait_minutes, ==, 7);
  g_assert_cmpstr (text->wait, ==, "Try again in 7 minutes.");

  /* Until the wait is over nothing more goes, reads and writes alike. */
  node = gh_graph_test_request (fixture->client, "GET", "anything", &again);
  g_assert_error (again, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpint (_gh_graph_error_get_cause (again), ==, GH_GRAPH_CAUSE_WAITING);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (again), ==, 7);
  g_clear_error (&again);
  node = gh_graph_test_request (fixture->client, "POST", "anything", &again);
  g_assert_error (again, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
  gh_hostile_assert_described (again, "holding back");
}

static void
test_rate_limit_without_usage (GhHostileFixture *fixture,
                               gconstpointer     data)
{
  static const char * const codes[] = { "code-4", "code-17", "code-32", "code-613",
                                        "code-80007" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GhGraphErrorText) text = NULL;

      g_test_message ("%s", codes[i]);
      fixture->hostile->requests = 0;
      fixture->hostile->fail_first = 1;
      node = gh_graph_test_request (fixture->client, "GET", codes[i], &error);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
      /* Meta named no time: the default wait, never none. */
      g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==,
                        GH_GRAPH_DEFAULT_WAIT_MINUTES);
      g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==,
                        GH_GRAPH_DEFAULT_WAIT_MINUTES);
      g_assert_cmpuint (fixture->hostile->requests, ==, 1);
      text = gh_graph_error_describe (error);
      g_assert_nonnull (text->wait);
      gh_graph_client_end_wait (fixture->client);
    }
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_usage_at_limit (GhHostileFixture *fixture,
                     gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  guint usage_notified = 0;
  guint wait_notified = 0;

  /* A successful answer at 100 % of the app's limit: the next call would be refused. */
  fixture->hostile->app_usage = g_strdup ("{\"call_count\": 100, \"total_time\": 20,"
                                          " \"total_cputime\": 12}");
  g_signal_connect (fixture->client, "notify::usage-percent", G_CALLBACK (count_cb),
                    &usage_notified);
  g_signal_connect (fixture->client, "notify::wait-minutes", G_CALLBACK (count_cb),
                    &wait_notified);
  first = gh_graph_test_request (fixture->client, "GET", "first", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 100);
  g_assert_cmpuint (usage_notified, ==, 1);
  g_assert_cmpuint (wait_notified, ==, 1);
  second = gh_graph_test_request (fixture->client, "GET", "second", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==,
                    GH_GRAPH_DEFAULT_WAIT_MINUTES);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);

  /* A person chose to try now: calls go again, and Meta's answer decides what follows. */
  gh_graph_client_end_wait (fixture->client);
  g_assert_cmpuint (wait_notified, ==, 2);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==, 0);
  g_free (fixture->hostile->app_usage);
  fixture->hostile->app_usage = g_strdup ("{\"call_count\": 30}");
  g_clear_error (&error);
  g_clear_pointer (&second, json_node_unref);
  second = gh_graph_test_request (fixture->client, "GET", "second", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 30);
  g_assert_cmpuint (fixture->hostile->requests, ==, 2);
}

static void
test_usage_near_limit (GhHostileFixture *fixture,
                       gconstpointer     data)
{
  GAsyncResult *slots[4] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  static const char * const names[] = { "a", "b", "c", "d" };

  /* The short spelling in lower case, several businesses: the highest figure counts. */
  _gh_graph_client_set_timing (fixture->client, 2000, 1, 50);
  fixture->hostile->usage_name = "x-business-use-case";
  fixture->hostile->usage = g_strdup ("{\"1\": [{\"call_count\": 12}],"
                                      " \"2\": [{\"call_count\": 3, \"total_time\": 85}]}");
  node = gh_graph_test_request (fixture->client, "GET", "first", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 85);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==, 0);

  /* Four reads at once: each after the one before, in order, all answered. */
  fixture->hostile->requests = 0;
  g_ptr_array_set_size (fixture->hostile->paths, 0);
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    gh_graph_client_get_async (fixture->client, names[i], NULL, NULL, gh_graph_test_result_cb,
                               &slots[i]);
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autoptr(GAsyncResult) result = gh_graph_test_wait (&slots[i]);
      g_autoptr(JsonNode) answer = gh_graph_client_get_finish (fixture->client, result, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (g_ptr_array_index (fixture->hostile->paths, i), ==, names[i]);
    }
  g_assert_cmpuint (fixture->hostile->requests, ==, 4);
  g_assert_cmpuint (_gh_graph_client_get_n_spaced (fixture->client), ==, 3);

  /* A write is what a person asked for: it is not held back. */
  g_clear_pointer (&node, json_node_unref);
  {
    guint spaced = _gh_graph_client_get_n_spaced (fixture->client);

    node = gh_graph_test_request (fixture->client, "POST", "write", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (_gh_graph_client_get_n_spaced (fixture->client), ==, spaced);
  }

  /* Below the threshold nothing is spaced. */
  g_free (fixture->hostile->usage);
  fixture->hostile->usage = g_strdup ("{\"1\": [{\"call_count\": 40}]}");
  g_clear_pointer (&node, json_node_unref);
  node = gh_graph_test_request (fixture->client, "GET", "calm", &error);
  {
    guint spaced = _gh_graph_client_get_n_spaced (fixture->client);

    g_clear_pointer (&node, json_node_unref);
    node = gh_graph_test_request (fixture->client, "GET", "calm-again", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (_gh_graph_client_get_n_spaced (fixture->client), ==, spaced);
  }
}
int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_HOSTILE_TEST_ADD ("/graph-hostile/rate-limit-with-usage", test_rate_limit_with_usage);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/rate-limit-without-usage", test_rate_limit_without_usage);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/usage-at-limit", test_usage_at_limit);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/usage-near-limit", test_usage_near_limit);

  return g_test_run ();
}
