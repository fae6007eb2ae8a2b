/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "gh-assignment-editor.h"
#include "gh-connection.h"
#include "gh-demo-server.h"

/* Benchmarks, not tests: each figure is printed as one JSON object with the baseline measured
 * in the same run.  The demo server adds a fixed latency to every answer, so the time of one
 * plain request is the baseline and a flow's time divided by it is its count of sequential
 * round trips, whatever the machine's speed. */

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

static void
print_figure (const char *name,
              double      value,
              const char *unit,
              const char *baseline_name,
              double      baseline,
              double      budget)
{
  /* Each round trip costs the injected latency plus a little work: round to whole trips. */
  double round_trips = (double) (gint64) (value / baseline + 0.5);

  g_print ("{\"name\": \"%s\", \"value\": %.3f, \"unit\": \"%s\", "
           "\"baseline\": {\"name\": \"%s\", \"value\": %.3f}, \"ratio\": %.3f, "
           "\"round_trips\": %.0f, \"budget\": %.0f, \"within_budget\": %s}\n",
           name, value, unit, baseline_name, baseline, value / baseline, round_trips, budget,
           round_trips <= budget ? "true" : "false");
}

/* Resident memory in bytes, from /proc (0 where there is none). */
static gint64
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return 0;

  return (gint64) resident * sysconf (_SC_PAGESIZE);
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
static void
bench_people (GhDemoServer  *server,
              GhGraphClient *client)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };
  FirstRows first = { 0, 0 };
  gint64 start, before, after;
  double plain, load;
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
  gh_demo_server_reset_counts (server);
  before = resident_bytes ();
  first.start = start = g_get_monotonic_time ();
  gh_assignment_editor_load_async (editor, NULL, done_cb, &wait);
  g_assert_true (gh_assignment_editor_load_finish (editor, wait_for (&wait), &error));
  g_assert_no_error (error);
  load = (g_get_monotonic_time () - start) / 1000.0;
  after = resident_bytes ();
  requests = gh_demo_server_get_request_count (server);
  g_clear_object (&wait.result);

  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    PEOPLE);

  /* First rows after the first page; the whole list in one request per 100 people. */
  print_figure ("people-first-rows-time", first.first_rows / 1000.0, "ms",
                "one-request-time", plain, 1.0);
  /* 100 pages are 100 round trips; reading 10,000 rows may add a quarter on top. */
  print_figure ("people-10000-load-time", load, "ms", "one-request-time", plain,
                PEOPLE / 100.0 * 1.25);
  g_print ("{\"name\": \"people-10000-load-requests\", \"value\": %u, \"unit\": "
           "\"requests\", \"budget\": %u}\n", requests, PEOPLE / 100);
  /* Everything the process grew by, data included: an upper bound of the rows' cost. */
  g_print ("{\"name\": \"people-memory-per-row\", \"value\": %.0f, \"unit\": \"bytes\", "
           "\"budget\": 1024, \"within_budget\": %s}\n",
           (double) (after - before) / PEOPLE, (after - before) / PEOPLE < 1024 ? "true" : "false");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhDemoServer) server = NULL;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhConnection) connection = NULL;
  Wait wait = { NULL };
  double plain = 0, check = 0, load = 0;
  guint check_requests = 0, load_requests = 0;

  server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  connection = gh_connection_new (gh_demo_server_get_url (server), NULL, GH_DEMO_TOKEN_ADMIN,
                                  NULL, &error);
  g_assert_no_error (error);
  /* The plain request goes through the same client, with the same token. */
  client = g_object_ref (gh_connection_get_client (connection));
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

      gh_demo_server_reset_counts (server);
      start = g_get_monotonic_time ();
      gh_connection_check_async (connection, NULL, done_cb, &wait);
      report = gh_connection_check_finish (connection, wait_for (&wait), &error);
      g_assert_no_error (error);
      check += g_get_monotonic_time () - start;
      check_requests = gh_demo_server_get_request_count (server);

      gh_demo_server_reset_counts (server);
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
  print_figure ("token-check-time", check, "ms", "one-request-time", plain, 2.0);
  print_figure ("account-load-time", load, "ms", "one-request-time", plain, 1.0);
  g_print ("{\"name\": \"token-check-requests\", \"value\": %u, \"unit\": \"requests\", "
           "\"budget\": 2}\n", check_requests);
  g_print ("{\"name\": \"account-load-requests\", \"value\": %u, \"unit\": \"requests\", "
           "\"budget\": 1}\n", load_requests);

  bench_people (server, client);

  return 0;
}
