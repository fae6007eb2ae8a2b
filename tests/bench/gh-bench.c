/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <adwaita.h>
#include <gio/gsettingsbackend.h>

#include "gh-assignment-editor.h"
#include "gh-bench-people.h"
#include "gh-bench-record.h"
#include "gh-bench-startup.h"
#include "gh-bench.h"
#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-session.h"

/* Benchmarks, not tests: each figure is printed as one JSON object with the baseline measured
 * in the same run.  The demo server adds a fixed latency to every answer, so the time of one
 * plain request is the baseline and a flow's time divided by it is its count of sequential
 * round trips, whatever the machine's speed.  Time limits live here, never in tests: each
 * figure names its budget. */

#define LATENCY_MS 150
#define RUNS 5
#define PEOPLE 10000
#define PEOPLE_LATENCY_MS 20

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  g_clear_object (&wait->result);
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

typedef struct
{
  gint64 start;
  gint64 first_rows;
} FirstRows;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  FirstRows  *first)
{
  if (first->first_rows == 0 && added > 0)
    first->first_rows = g_get_monotonic_time () - first->start;
}

/* 10,000 assigned users: the first rows after one round trip, then page after page; and
 * what each row costs in memory. */
/* Prints @name as a time in round trips of @plain (one request), within @budget trips. */
static void
print_round_trips (const char *name,
                   double      value,
                   double      plain,
                   double      budget)
{
  GhFigure figure = {
    .name = name, .value = value, .unit = "ms",
    .baseline_name = "one-request-time", .baseline = plain,
    .budget_of = GH_BUDGET_ROUND_TRIPS, .budget = budget,
  };

  gh_bench_print (&figure);
}

static void
print_count (const char *name,
             double      value,
             const char *unit,
             double      budget)
{
  GhFigure figure = {
    .name = name, .value = value, .unit = unit,
    .budget_of = GH_BUDGET_VALUE, .budget = budget,
  };

  gh_bench_print (&figure);
}

/* 10,000 assigned users: the first rows after one round trip, then page after page; and
 * what each row costs in memory.  Returns the load time (ms), the baseline of the grid's. */
static double
bench_people (GhDemoServer  *server,
              GhGraphClient *client,
              double        *one_request)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };
  FirstRows first = { 0, 0 };
  gint64 start, before, after;
  GhStallTimer timer;
  double plain, load, stall;
  guint requests;

  gh_demo_server_set_assigned_user_count (server, GH_DEMO_WABA_ID, PEOPLE);
  gh_demo_server_set_latency (server, PEOPLE_LATENCY_MS);

  plain = 0;
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(JsonNode) me = NULL;

      start = g_get_monotonic_time ();
      gh_graph_client_get_async (client, "me", NULL, NULL, done_cb, &wait);
      me = gh_graph_client_get_finish (client, wait_for (&wait), &error);
      g_assert_no_error (error);
      plain += (g_get_monotonic_time () - start) / 1000.0 / RUNS;
    }

  editor = gh_assignment_editor_new (client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                     GH_DEMO_ADMIN_USER_ID);
  g_signal_connect (gh_assignment_editor_get_model (editor), "items-changed",
                    G_CALLBACK (items_changed_cb), &first);
  gh_bench_new_hour (server);
  before = gh_bench_resident_bytes (0);
  gh_stall_timer_start (&timer);
  first.start = start = g_get_monotonic_time ();
  gh_assignment_editor_load_async (editor, NULL, done_cb, &wait);
  g_assert_true (gh_assignment_editor_load_finish (editor, wait_for (&wait), &error));
  g_assert_no_error (error);
  load = (g_get_monotonic_time () - start) / 1000.0;
  stall = gh_stall_timer_stop (&timer);
  after = gh_bench_resident_bytes (0);
  requests = gh_demo_server_get_request_count (server);
  g_clear_object (&wait.result);

  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    PEOPLE);

  /* First rows after the first page; the whole list in one request per 100 people. */
  print_round_trips ("people-first-rows-time", first.first_rows / 1000.0, plain, 1.0);
  /* 100 pages are 100 round trips; reading 10,000 rows may add a quarter on top. */
  print_round_trips ("people-10000-load-time", load, plain, PEOPLE / 100.0 * 1.25);
  print_count ("people-10000-load-requests", requests, "requests", PEOPLE / 100);
  {
    GhFigure figure = {
      .name = "people-10000-load-stall", .value = stall, .unit = "ms",
      .budget_of = GH_BUDGET_VALUE, .budget = 50,
      .note = "longest main-loop gap while the editor alone reads 10,000 people: the floor "
              "under the grid's",
    };
    gh_bench_print (&figure);
  }
  /* Everything the process grew by, data included: an upper bound of the rows' cost. */
  print_count ("people-memory-per-row", (double) (after - before) / PEOPLE, "bytes", 1024);

  *one_request = plain;
  return load;
}

/* What a person waits for when opening a saved connection: the token from the keyring, the
 * check, then the account's overview and its first page of people, through the session as
 * the window drives it.  The keyring is libsecret's file, warmed by saving the connection
 * first, so what is timed is the round trips. */
static void
bench_saved_open (GhDemoServer *server,
                  double        plain)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gatehouse-bench-open-XXXXXX", &error);
  g_autofree char *keyring = g_build_filename (dir, "keyring", NULL);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(GhTokenStore) store = NULL;
  g_autoptr(GhSession) session = NULL;
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  Wait wait = { NULL };
  double total = 0;
  guint requests = 0;

  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "bench", TRUE);
  store = gh_token_store_new ();
  session = gh_session_new (settings, store, gh_demo_server_get_url (server));

  gh_saved_connection_set_label (saved, "Bench");
  gh_saved_connection_set_waba_id (saved, GH_DEMO_WABA_ID);
  gh_saved_connection_set_business_id (saved, GH_DEMO_BUSINESS_ID);
  gh_token_store_save_async (store, saved, GH_DEMO_TOKEN_ADMIN, NULL, done_cb, &wait);
  g_assert_true (gh_token_store_save_finish (store, wait_for (&wait), &error));
  gh_session_reload_async (session, NULL, done_cb, &wait);
  g_assert_true (gh_session_reload_finish (session, wait_for (&wait), &error));
  /* The launch re-check of the connection runs once: out of the way before timing. */
  for (guint i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GhCheckReport) report = NULL;
      g_autoptr(GhAccountReadiness) readiness = NULL;
      g_autoptr(GhAssignmentEditor) editor = NULL;
      g_autoptr(JsonNode) page = NULL;
      GhConnection *connection;
      const char *waba_id;
      gint64 start;

      gh_bench_new_hour (server);
      start = g_get_monotonic_time ();
      gh_session_open_async (session, gh_saved_connection_get_id (saved), NULL, done_cb, &wait);
      report = gh_session_open_finish (session, wait_for (&wait), &error);
      g_assert_no_error (error);
      waba_id = gh_session_open_account (session);
      connection = gh_session_get_connection (session);

      gh_connection_load_account_async (connection, waba_id, NULL, done_cb, &wait);
      readiness = gh_connection_load_account_finish (connection, wait_for (&wait), &error);
      g_assert_no_error (error);
      page = gh_connection_take_people_page (connection, waba_id);
      editor = gh_assignment_editor_new (gh_connection_get_client (connection), waba_id,
                                         GH_DEMO_BUSINESS_ID, NULL);
      gh_assignment_editor_load_with_first_page_async (editor, page, NULL, done_cb, &wait);
      g_assert_true (gh_assignment_editor_load_finish (editor, wait_for (&wait), &error));
      total += g_get_monotonic_time () - start;
      requests = gh_demo_server_get_request_count (server);
      gh_session_close (session);
    }
  g_clear_object (&wait.result);

  /* A saved token to the account with its first people in one batch: the launch's quiet
   * check recorded every account the token reaches, so the whole check rides along. */
  print_round_trips ("saved-open-to-account-and-people-time", total / (RUNS * 1000.0), plain,
                     1.0);
  print_count ("saved-open-to-account-and-people-requests", requests, "requests", 1);

  g_unsetenv ("SECRET_FILE_TEST_PATH");
}

static void
bench_round_trips (GhDemoServer  *server,
                   GhGraphClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhConnection) connection = NULL;
  Wait wait = { NULL };
  double plain = 0, check = 0, load = 0;
  guint check_requests = 0, load_requests = 0;

  /* Its own client with the same token as @client, on the same server. */
  connection = gh_connection_new (gh_demo_server_get_url (server), NULL, GH_DEMO_TOKEN_ADMIN,
                                  NULL, &error);
  g_assert_no_error (error);
  gh_demo_server_set_latency (server, LATENCY_MS);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start;
      g_autoptr(JsonNode) me = NULL;
      g_autoptr(GhCheckReport) report = NULL;
      g_autoptr(GhWaba) waba = NULL;

      start = g_get_monotonic_time ();
      gh_graph_client_get_async (client, "me", NULL, NULL, done_cb, &wait);
      me = gh_graph_client_get_finish (client, wait_for (&wait), &error);
      g_assert_no_error (error);
      plain += g_get_monotonic_time () - start;

      gh_bench_new_hour (server);
      start = g_get_monotonic_time ();
      gh_connection_check_async (connection, NULL, done_cb, &wait);
      report = gh_connection_check_finish (connection, wait_for (&wait), &error);
      g_assert_no_error (error);
      check += g_get_monotonic_time () - start;
      check_requests = gh_demo_server_get_request_count (server);

      gh_bench_new_hour (server);
      start = g_get_monotonic_time ();
      gh_connection_load_waba_async (connection, GH_DEMO_WABA_ID, NULL, done_cb, &wait);
      waba = gh_connection_load_waba_finish (connection, wait_for (&wait), &error);
      g_assert_no_error (error);
      load += g_get_monotonic_time () - start;
      load_requests = gh_demo_server_get_request_count (server);
    }
  g_clear_object (&wait.result);

  plain /= RUNS * 1000.0;
  check /= RUNS * 1000.0;
  load /= RUNS * 1000.0;

  /* Budgets from DESIGN.md: a pasted token's full check in at most 2 sequential round trips,
   * an account's details in 1. */
  print_round_trips ("token-check-time", check, plain, 2.0);
  print_round_trips ("account-load-time", load, plain, 1.0);
  print_count ("token-check-requests", check_requests, "requests", 2);
  print_count ("account-load-requests", load_requests, "requests", 1);

  bench_saved_open (server, plain);
  gh_demo_server_set_latency (server, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhDemoServer) server = NULL;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *only = NULL;
  gboolean callgrind = FALSE;
  double one_request = 0, no_ui_load = 0;
  const GOptionEntry entries[] = {
    { "callgrind", 0, 0, G_OPTION_ARG_NONE, &callgrind,
      "Also count start-up instructions under valgrind (takes minutes)", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run one group: round-trips, people, people-ui, record or startup", "GROUP" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new ("- measure what a person waits for");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* Under Xvfb GL is drawn in software on the main thread and would swamp what the grid
   * costs; GSK_RENDERER=gl in the environment measures it anyway.  Start-up is timed with
   * both renderers in any case. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();

  server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  client = gh_graph_client_new (gh_demo_server_get_url (server), NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, GH_DEMO_TOKEN_ADMIN);

  if (only == NULL || g_str_equal (only, "round-trips"))
    bench_round_trips (server, client);
  if (only == NULL || g_str_has_prefix (only, "people"))
    no_ui_load = bench_people (server, client, &one_request);
  if (only == NULL || g_str_equal (only, "people-ui"))
    gh_bench_people_ui (server, client, PEOPLE, one_request, no_ui_load);
  if (only == NULL || g_str_equal (only, "record"))
    gh_bench_record (server, client, PEOPLE);
  if (only == NULL || g_str_equal (only, "startup"))
    gh_bench_startup (callgrind);

  return 0;
}
