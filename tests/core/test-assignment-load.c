/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-assignment-load"

#include "config.h"

#include <string.h>

#include "gh-assignment-test-util.h"
#include "gh-graph-error.h"

/* Reading the list with as few calls as Meta allows: refreshes, pipelined pages, a first
 * page fetched by someone else. */

static GhAssignmentEditor *
new_editor (GhEditorFixture *fixture)
{
  return gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                   NULL);
}

static void
test_first_page_path (GhEditorFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = new_editor (fixture);
  g_autoptr(GhAssignmentEditor) orphan = NULL;
  g_autoptr(GhAssignmentEditor) wrong = NULL;
  g_autofree char *path = gh_assignment_editor_dup_first_page_path (editor);
  g_autofree char *orphan_path = NULL;

  g_assert_cmpstr (path, ==,
                   GH_DEMO_WABA_ID "/assigned_users?business=" GH_DEMO_BUSINESS_ID
                   "&fields=id,name,tasks,user_type&limit=100&summary=total_count");

  /* Without the business, the WABA stands in for it, as one of Meta's pages does. */
  orphan = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, NULL, NULL);
  orphan_path = gh_assignment_editor_dup_first_page_path (orphan);
  g_assert_cmpstr (orphan_path, ==,
                   GH_DEMO_WABA_ID "/assigned_users?business=" GH_DEMO_WABA_ID
                   "&fields=id,name,tasks,user_type&limit=100&summary=total_count");

  wrong = gh_assignment_editor_new (fixture->client, "12/../me", NULL, NULL);
  g_assert_null (gh_assignment_editor_dup_first_page_path (wrong));

  g_assert_finalize_object (g_steal_pointer (&wrong));
  g_assert_finalize_object (g_steal_pointer (&orphan));
  g_assert_finalize_object (g_steal_pointer (&editor));
}

/* The body of the first page as a caller's batch would bring it, next to another
 * operation: one HTTP request. */
static JsonNode *
fetch_first_page (GhEditorFixture    *fixture,
                  GhAssignmentEditor *editor)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gh_assignment_editor_dup_first_page_path (editor);
  GhGraphBatchResult *page;

  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
  g_ptr_array_add (requests, gh_graph_batch_request_new ("GET", "me?fields=id,name"));
  g_ptr_array_add (requests, gh_graph_batch_request_new ("GET", path));
  gh_graph_client_batch_async (fixture->client, requests, NULL, gh_test_keep_result_cb,
                               &result);
  results = gh_graph_client_batch_finish (fixture->client, gh_test_wait_result (&result),
                                          &error);
  g_assert_no_error (error);
  page = g_ptr_array_index (results, 1);
  g_assert_no_error (page->error);

  return json_node_ref (page->body);
}

static gboolean
run_seeded_load (GhAssignmentEditor  *editor,
                 JsonNode            *first_page,
                 GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_assignment_editor_load_with_first_page_async (editor, first_page, NULL,
                                                   gh_test_keep_result_cb, &result);
  return gh_assignment_editor_load_finish (editor, gh_test_wait_result (&result), error);
}

static void
test_seeded (GhEditorFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = new_editor (fixture);
  g_autoptr(GhAssignmentEditor) plain = NULL;
  g_autoptr(JsonNode) first_page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seeded_csv = NULL;
  g_autofree char *plain_csv = NULL;

  gh_demo_server_reset_counts (fixture->server);
  first_page = fetch_first_page (fixture, editor);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  /* Page 1 is the caller's: no request at all for a list that fits it. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (run_seeded_load (editor, first_page, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, N_DEMO_ROWS);
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, N_DEMO_ROWS);
  g_assert_false (gh_assignment_editor_get_loading (editor));

  /* The same rows as a load of its own. */
  plain = gh_test_load_editor (fixture, NULL);
  seeded_csv = gh_assignment_editor_to_csv (editor);
  plain_csv = gh_assignment_editor_to_csv (plain);
  g_assert_cmpstr (seeded_csv, ==, plain_csv);
  g_assert_true (gh_assignment_get_is_system_user (gh_test_find_row (editor, CHATBOT_ID)));

  /* Seeding a refresh: nothing changed, nothing asked. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (run_seeded_load (editor, first_page, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);

  /* NULL asks for page 1 as load_async does. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (run_seeded_load (editor, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&plain));
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_seeded_pages (GhEditorFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = new_editor (fixture);
  g_autoptr(JsonNode) first_page = NULL;
  g_autoptr(JsonNode) broken = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items_changed = 0;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 250);
  first_page = fetch_first_page (fixture, editor);
  g_signal_connect (gh_assignment_editor_get_model (editor), "items-changed",
                    G_CALLBACK (gh_test_items_changed_cb), &n_items_changed);

  /* The editor goes on from the page's next link: pages 2 and 3 only. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (run_seeded_load (editor, first_page, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (n_items_changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    250);
  g_assert_cmpstr (gh_assignment_get_display_name (gh_test_row_at (editor, 249)), ==,
                   "Person 00250");

  /* Not a page: fails like a first page that cannot be read, without asking. */
  broken = json_from_string ("{\"error\": {\"code\": 2}}", &error);
  g_assert_no_error (error);
  gh_demo_server_reset_counts (fixture->server);
  g_assert_false (run_seeded_load (editor, broken, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
  g_assert_false (gh_assignment_editor_get_loading (editor));
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    250);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_refresh (GhEditorFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *jasper;
  guint n_items_changed = 0;

  editor = gh_test_load_editor (fixture, NULL);
  jasper = gh_test_find_row (editor, JASPER_ID);
  g_signal_connect (gh_assignment_editor_get_model (editor), "items-changed",
                    G_CALLBACK (gh_test_items_changed_cb), &n_items_changed);

  /* Nothing changed: one call, the model untouched. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 1);
  g_assert_cmpuint (n_items_changed, ==, 0);

  /* Someone changes Jasper's tasks in Business Suite: the first page shows it. */
  gh_test_server_assign (fixture, JASPER_ID, "[\"MESSAGING\"]");
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_true (gh_test_find_row (editor, JASPER_ID) == jasper);
  g_assert_cmpuint (gh_assignment_get_held_tasks (jasper), ==, GH_TASK_MESSAGING);

  /* Someone adds a person: the total shows it. */
  gh_test_server_assign (fixture, OLIVER_ID, "[\"DEVELOP\"]");
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_nonnull (gh_test_find_row (editor, OLIVER_ID));
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, N_DEMO_ROWS + 1);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_refresh_pages (GhEditorFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *first;
  GhAssignment *deep;
  GhTaskFlags deep_tasks;
  guint n_items_changed = 0;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 250);
  editor = gh_test_load_editor (fixture, NULL);
  first = gh_test_row_at (editor, 0);
  deep = gh_test_row_at (editor, 150);
  deep_tasks = gh_assignment_get_held_tasks (deep);
  g_signal_connect (gh_assignment_editor_get_model (editor), "items-changed",
                    G_CALLBACK (gh_test_items_changed_cb), &n_items_changed);

  /* The trade-off of a one-call refresh: a change on page 2 with nobody added or removed
   * is not seen. */
  gh_test_server_assign (fixture, gh_assignment_get_id (deep), "[\"VIEW_COST\"]");
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_assignment_get_held_tasks (deep), ==, deep_tasks);
  g_assert_cmpuint (n_items_changed, ==, 0);

  /* A change on page 1 reads every page again, reusing page 1: the one on page 2 shows
   * too. */
  gh_test_server_assign (fixture, gh_assignment_get_id (first), "[\"VIEW_COST\"]");
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  g_assert_cmpuint (n_items_changed, ==, 3);
  g_assert_true (gh_test_row_at (editor, 0) == first);
  g_assert_true (gh_test_row_at (editor, 150) == deep);
  g_assert_cmpuint (gh_assignment_get_held_tasks (first), ==, GH_TASK_VIEW_COST);
  g_assert_cmpuint (gh_assignment_get_held_tasks (deep), ==, GH_TASK_VIEW_COST);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

typedef struct
{
  guint n_asked;     /* page requests the client has sent */
  guint n_pages;     /* pages placed in the model */
  guint n_early;     /* pages placed after the next one was asked for */
} PipelineWatch;

static void
request_logged_cb (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  PipelineWatch *watch = user_data;

  /* The client logs "GET <path>" as it sends, and "GET <path>: HTTP 200" on the answer. */
  if (g_str_has_prefix (message, "GET ") && strstr (message, "/assigned_users") != NULL
      && strchr (message, ':') == NULL)
    watch->n_asked++;
}

static void
page_placed_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                gpointer    user_data)
{
  PipelineWatch *watch = user_data;

  watch->n_pages++;
  if (watch->n_asked > watch->n_pages)
    watch->n_early++;
}

static void
test_pipelined (GhEditorFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = new_editor (fixture);
  g_autoptr(GError) error = NULL;
  PipelineWatch watch = { 0, 0, 0 };
  guint handler;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 500);
  gh_demo_server_set_latency (fixture->server, 20);
  g_signal_connect (gh_assignment_editor_get_model (editor), "items-changed",
                    G_CALLBACK (page_placed_cb), &watch);
  handler = g_log_set_handler ("gh-graph-client", G_LOG_LEVEL_DEBUG, request_logged_cb,
                               &watch);

  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  g_log_remove_handler ("gh-graph-client", handler);

  /* Each of pages 1 to 4 goes into the model with the next one already asked for; the
   * last has none after it.  One items-changed per page, one request per page. */
  g_assert_cmpuint (watch.n_asked, ==, 5);
  g_assert_cmpuint (watch.n_pages, ==, 5);
  g_assert_cmpuint (watch.n_early, ==, 4);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 5);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 500);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_EDITOR_TEST_ADD ("/assignment-load/first-page-path", test_first_page_path);
  GH_EDITOR_TEST_ADD ("/assignment-load/seeded", test_seeded);
  GH_EDITOR_TEST_ADD ("/assignment-load/seeded-pages", test_seeded_pages);
  GH_EDITOR_TEST_ADD ("/assignment-load/refresh", test_refresh);
  GH_EDITOR_TEST_ADD ("/assignment-load/refresh-pages", test_refresh_pages);
  GH_EDITOR_TEST_ADD ("/assignment-load/pipelined", test_pipelined);

  return g_test_run ();
}
