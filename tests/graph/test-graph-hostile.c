/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-hostile"

#include "config.h"

#include <string.h>

#include "gh-graph-client-private.h"
#include "gh-graph-test-util.h"
#include "gh-hostile-server.h"

/* Against a server that answers the way no Graph server should (too deep, too big, too slow,
 * endless, failing), the client ends with a clear error in bounded time and memory, sends
 * reads again only when that can help, and never sends a write twice. */

static void
test_deep (GhHostileFixture *fixture,
           gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = gh_graph_test_request (fixture->client, "GET", "deep", &error);

  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_TOO_DEEP);
  /* Not something a second try changes. */
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
  gh_hostile_assert_described (error, "nested");
}

static void
test_big (GhHostileFixture *fixture,
          gconstpointer     data)
{
  static const char * const paths[] = { "big", "big-chunked" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("%s", paths[i]);
      fixture->hostile->requests = 0;
      node = gh_graph_test_request (fixture->client, "GET", paths[i], &error);
      g_assert_null (node);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
      g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_TOO_LARGE);
      g_assert_cmpuint (fixture->hostile->requests, ==, 1);
      gh_hostile_assert_described (error, "16 MB");
    }
}

static void
test_endless (GhHostileFixture *fixture,
              gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = gh_graph_test_request (fixture->client, "GET", "endless", &error);

  /* A body that never ends is cut at the cap: were it read whole, this would never return. */
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_TOO_LARGE);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
}

static void
test_trickle (GhHostileFixture *fixture,
              gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = gh_graph_test_request (fixture->client, "GET", "trickle", &error);

  /* A byte a second keeps every read alive; only the deadline of the whole request ends
   * it, and a slow server is not asked again. */
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_DEADLINE);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
  gh_hostile_assert_described (error, "too long");
}

typedef struct
{
  guint  pages;
  gint64 items;
} PageLog;

static void
page_cb (JsonArray *items,
         gint64     total,
         gpointer   user_data)
{
  PageLog *log = user_data;

  log->pages++;
  log->items += json_array_get_length (items);
}

static gint64
pages (GhGraphClient  *client,
       const char     *path,
       PageLog        *log,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  gh_graph_client_get_pages_async (client, path, NULL, page_cb, log, NULL, NULL,
                                   gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);

  return gh_graph_client_get_pages_finish (client, result, error);
}

static void
test_endless_pages (GhHostileFixture *fixture,
                    gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhGraphErrorText) text = NULL;
  PageLog log = { 0 };
  guint budget = 0;

  g_object_get (fixture->client, "page-budget", &budget, NULL);
  g_assert_cmpuint (budget, ==, GH_GRAPH_DEFAULT_PAGE_BUDGET);
  gh_graph_client_set_page_budget (fixture->client, 7);

  g_assert_cmpint (pages (fixture->client, "endless-pages", &log, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PAGE_BUDGET);
  /* Exactly the budget was asked for, and every page read was handed over. */
  g_assert_cmpuint (fixture->hostile->requests, ==, 7);
  g_assert_cmpuint (log.pages, ==, 7);
  g_assert_cmpint (log.items, ==, 7);
  text = gh_graph_error_describe (error);
  g_assert_nonnull (strstr (text->summary, "7 pages"));
  g_assert_nonnull (strstr (text->summary, "limit of calls"));
}

static void
test_looping_pages (GhHostileFixture *fixture,
                    gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  PageLog log = { 0 };

  /* The third link asks for cursor A again in other words: stopped before asking. */
  g_assert_cmpint (pages (fixture->client, "looping-pages", &log, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_NEXT_REPEATED);
  g_assert_cmpuint (fixture->hostile->requests, ==, 3);
  g_assert_cmpuint (log.pages, ==, 3);
  gh_hostile_assert_described (error, "already been read");
}

static void
test_retry_reads (GhHostileFixture *fixture,
                  gconstpointer     data)
{
  static const struct { const char *path; guint fail_first; guint requests; } cases[] = {
    { "unavailable", 2, 3 },   /* 503 twice, then an answer */
    { "transient", 1, 2 },     /* is_transient: true */
    { "code-1", 1, 2 },
    { "code-2", 2, 3 },
    { "code-131000", 1, 2 },
    { "reset", 1, 2 },         /* a reset connection */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("%s", cases[i].path);
      gh_hostile_fixture_renew_client (fixture);
      fixture->hostile->requests = 0;
      fixture->hostile->fail_first = cases[i].fail_first;
      node = gh_graph_test_request (fixture->client, "GET", cases[i].path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "id"), ==,
                       cases[i].path);
      g_assert_cmpuint (fixture->hostile->requests, ==, cases[i].requests);
    }
}

static void
test_retry_gives_up (GhHostileFixture *fixture,
                     gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* Failing every time: three attempts, then the error, saying how many. */
  fixture->hostile->fail_first = G_MAXUINT;
  node = gh_graph_test_request (fixture->client, "GET", "unavailable", &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_assert_cmpuint (_gh_graph_error_get_attempts (error), ==, 3);
  g_assert_cmpuint (fixture->hostile->requests, ==, 3);
  gh_hostile_assert_described (error, "temporary problem");
  g_clear_error (&error);

  gh_hostile_fixture_renew_client (fixture);
  fixture->hostile->requests = 0;
  node = gh_graph_test_request (fixture->client, "GET", "reset", &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_CONNECTION_LOST);
  g_assert_cmpuint (fixture->hostile->requests, ==, 3);
  gh_hostile_assert_described (error, "broke off");
  g_clear_error (&error);

  /* An error a second try cannot change is not tried again. */
  fixture->hostile->requests = 0;
  node = gh_graph_test_request (fixture->client, "GET", "code-100", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
}

static void
test_writes_once (GhHostileFixture *fixture,
                  gconstpointer     data)
{
  static const char * const paths[] = { "unavailable", "reset", "transient", "code-2" };

  /* The write may have been done before the failure: the caller reads back instead. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (guint m = 0; m < 2; m++)
      {
        const char *method = m == 0 ? "POST" : "DELETE";
        g_autoptr(GError) error = NULL;
        g_autoptr(JsonNode) node = NULL;

        g_test_message ("%s %s", method, paths[i]);
        gh_hostile_fixture_renew_client (fixture);
        fixture->hostile->requests = 0;
        fixture->hostile->fail_first = 1;
        node = gh_graph_test_request (fixture->client, method, paths[i], &error);
        g_assert_null (node);
        g_assert_nonnull (error);
        g_assert_cmpuint (_gh_graph_error_get_attempts (error), ==, 1);
        g_assert_cmpuint (fixture->hostile->requests, ==, 1);
      }
}

static void
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_during_backoff (GhHostileFixture *fixture,
                            gconstpointer     data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GAsyncResult *slot = NULL;

  /* A minute between attempts: only the cancellation can end this in time. */
  _gh_graph_client_set_timing (fixture->client, 2000, 60 * 1000, 1);
  fixture->hostile->fail_first = G_MAXUINT;
  gh_graph_client_get_async (fixture->client, "unavailable", NULL, cancellable,
                             gh_graph_test_result_cb, &slot);
  while (fixture->hostile->requests == 0)
    g_main_context_iteration (NULL, TRUE);
  g_idle_add_once (cancel_cb, cancellable);
  result = gh_graph_test_wait (&slot);
  node = gh_graph_client_get_finish (fixture->client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
}

static GPtrArray *
batch (GhGraphClient  *client,
       const char     *method,
       const char     *urls[],
       guint           n,
       GError        **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gh_graph_batch_request_free);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (requests, gh_graph_batch_request_new (i == 0 ? method : "GET", urls[i]));
  gh_graph_client_batch_async (client, requests, NULL, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);

  return gh_graph_client_batch_finish (client, result, error);
}

static void
test_batch_null_item (GhHostileFixture *fixture,
                      gconstpointer     data)
{
  const char *urls[] = { "me", "slow-one", "deep", "other" };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  GhGraphBatchResult *item;

  /* Null the first time only: the retry holds just that operation, and it arrives. */
  fixture->hostile->fail_first = 1;
  results = batch (fixture->client, "GET", urls, G_N_ELEMENTS (urls), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->hostile->batches, ==, 2);
  g_assert_cmpuint (fixture->hostile->last_batch_size, ==, 1);
  item = g_ptr_array_index (results, 1);
  g_assert_no_error (item->error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (item->body), "id"),
                   ==, "slow-one");
  item = g_ptr_array_index (results, 3);
  g_assert_no_error (item->error);

  /* A body that is JSON inside JSON gets the same depth limit, and only that item fails. */
  item = g_ptr_array_index (results, 2);
  g_assert_null (item->body);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (item->error), ==, GH_GRAPH_CAUSE_TOO_DEEP);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Null every time: sent again once, then reported. */
  fixture->hostile->batches = 0;
  fixture->hostile->fail_first = G_MAXUINT;
  results = batch (fixture->client, "GET", urls, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->hostile->batches, ==, 2);
  item = g_ptr_array_index (results, 1);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
  g_assert_cmpint (_gh_graph_error_get_cause (item->error), ==,
                   GH_GRAPH_CAUSE_BATCH_ITEM_TIMED_OUT);
  gh_hostile_assert_described (item->error, "in time");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* An operation that reads another's result cannot be asked for alone. */
  {
    const char *dependent[] = { "me", "slow?ids={result=me:$.id}" };

    fixture->hostile->batches = 0;
    results = batch (fixture->client, "GET", dependent, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->hostile->batches, ==, 1);
    item = g_ptr_array_index (results, 1);
    g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
    g_clear_pointer (&results, g_ptr_array_unref);
  }

  /* A batch with a write is never sent again, not even in part. */
  fixture->hostile->batches = 0;
  results = batch (fixture->client, "POST", urls, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->hostile->batches, ==, 1);
  item = g_ptr_array_index (results, 1);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_HOSTILE_TEST_ADD ("/graph-hostile/deep", test_deep);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/big", test_big);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/endless", test_endless);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/trickle", test_trickle);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/endless-pages", test_endless_pages);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/looping-pages", test_looping_pages);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/retry-reads", test_retry_reads);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/retry-gives-up", test_retry_gives_up);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/writes-once", test_writes_once);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/cancel-during-backoff", test_cancel_during_backoff);
  GH_HOSTILE_TEST_ADD ("/graph-hostile/batch-null-item", test_batch_null_item);

  return g_test_run ();
}
