/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-assignment-results"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gh-assignment-test-util.h"
#include "gh-graph-error.h"

/* Applying staged edits and what each row learns from it: done, failed, kept by a Meta that
 * adds instead of replacing, paused by the rate limit, stopped, cancelled, undone. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The CSV lines without the header, sorted: what Meta holds, whatever the order. */
static char *
sorted_csv (GhAssignmentEditor *editor)
{
  g_autofree char *csv = gh_assignment_editor_to_csv (editor);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
  guint n = g_strv_length (lines);

  qsort (lines + 1, n - 1, sizeof (char *), compare_strings);
  return g_strjoinv ("\n", lines + 1);
}

static void
test_apply (GhEditorFixture *fixture,
            gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GhAssignment) removed = NULL;
  GhAssignment *jasper;
  GhAssignment *jose;
  GhAssignment *oliver;
  guint n_failed = 99;
  guint n_done_notified = 0;
  gboolean listed;

  editor = gh_test_load_editor (fixture, GH_DEMO_ADMIN_USER_ID);
  g_signal_connect (editor, "notify::apply-done", G_CALLBACK (gh_test_count_cb),
                    &n_done_notified);

  jasper = gh_test_find_row (editor, JASPER_ID);
  jose = gh_test_find_row (editor, JOSE_ID);
  removed = g_object_ref (gh_test_find_row (editor, BOLD_ID));
  gh_assignment_editor_set_tasks (editor, jasper, GH_TASK_DEVELOP | GH_TASK_MANAGE_TEMPLATES);
  gh_assignment_editor_set_tasks (editor, jose, GH_TASK_VIEW_TEMPLATES);
  gh_assignment_editor_set_removed (editor, removed, TRUE);
  oliver = gh_assignment_editor_add (editor, OLIVER_ID, "Oliver Schmidt", FALSE,
                                     GH_TASK_MESSAGING | GH_TASK_VIEW_TEMPLATES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 4);

  gh_demo_server_reset_counts (fixture->server);
  {
    g_autoptr(GAsyncResult) result = NULL;

    gh_assignment_editor_apply_async (editor, NULL, gh_test_keep_result_cb, &result);
    g_assert_true (gh_assignment_editor_get_applying (editor));
    g_assert_cmpuint (gh_assignment_editor_get_apply_total (editor), ==, 4);
    /* All four travel in one batch. */
    g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_SENDING);
    g_assert_cmpint (gh_assignment_get_result (oliver), ==, GH_ASSIGNMENT_RESULT_SENDING);

    /* One apply at a time, and no reload meanwhile. */
    {
      g_autoptr(GError) busy = NULL;

      g_assert_false (gh_test_run_apply (editor, NULL, &busy));
      g_assert_error (busy, G_IO_ERROR, G_IO_ERROR_PENDING);
      g_clear_error (&busy);
      g_assert_false (gh_test_run_load (editor, &busy));
      g_assert_error (busy, G_IO_ERROR, G_IO_ERROR_PENDING);
    }

    g_assert_true (gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                                      &n_failed, &error));
    g_assert_no_error (error);
  }

  /* One batch of four operations.  Jose's POST leaves out Messaging, which he held: whether
   * Meta replaced his tasks or added to them is open, so his row is read back, from the
   * first page, which is the only one.  The others need no call: adding tasks, adding a
   * person and removing one end the same either way. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 5);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_false (gh_assignment_editor_get_applying (editor));
  g_assert_cmpuint (gh_assignment_editor_get_apply_done (editor), ==, 4);
  g_assert_cmpuint (n_done_notified, ==, 1);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, N_DEMO_ROWS);
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, N_DEMO_ROWS);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_true (gh_assignment_editor_get_can_undo (editor));

  g_assert_true (gh_test_find_row (editor, JASPER_ID) == jasper);
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_null (gh_assignment_get_message (jasper));
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_cmpuint (gh_assignment_get_held_tasks (jasper), ==,
                    GH_TASK_DEVELOP | GH_TASK_MANAGE_TEMPLATES);
  g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_null (gh_test_find_row (editor, BOLD_ID));
  g_assert_cmpint (gh_assignment_get_result (removed), ==, GH_ASSIGNMENT_RESULT_DONE);
  /* The added person is now one Meta lists, at the end, with the name Meta knows. */
  g_assert_true (gh_test_find_row (editor, OLIVER_ID) == oliver);
  g_assert_cmpint (gh_assignment_get_state (oliver), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_cmpint (gh_assignment_get_result (oliver), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_true (gh_test_row_at (editor, N_DEMO_ROWS - 1) == oliver);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    N_DEMO_ROWS);

  /* What the server holds, read back by another editor. */
  g_assert_cmpuint (gh_test_server_tasks (fixture, JASPER_ID, NULL, NULL), ==,
                    GH_TASK_DEVELOP | GH_TASK_MANAGE_TEMPLATES);
  g_assert_cmpuint (gh_test_server_tasks (fixture, JOSE_ID, NULL, NULL), ==,
                    GH_TASK_VIEW_TEMPLATES);
  g_assert_cmpuint (gh_test_server_tasks (fixture, OLIVER_ID, NULL, NULL), ==,
                    GH_TASK_MESSAGING | GH_TASK_VIEW_TEMPLATES);
  gh_test_server_tasks (fixture, BOLD_ID, NULL, &listed);
  g_assert_false (listed);
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server, GH_DEMO_WABA_ID),
                    ==, N_DEMO_ROWS);

  /* A new edit clears the row's last result. */
  gh_assignment_editor_set_task (editor, jasper, GH_TASK_VIEW_COST, TRUE);
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_NONE);

  g_clear_object (&removed);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_unknown_task_survives (GhEditorFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unknown = NULL;
  GhAssignment *chen;
  guint n_failed = 99;

  editor = gh_test_load_editor (fixture, NULL);
  chen = gh_test_find_row (editor, CHEN_ID);
  gh_assignment_editor_set_task (editor, chen, GH_TASK_MESSAGING, TRUE);

  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpint (gh_assignment_get_result (chen), ==, GH_ASSIGNMENT_RESULT_DONE);

  g_assert_cmpuint (gh_test_server_tasks (fixture, CHEN_ID, &unknown, NULL), ==,
                    GH_TASK_VIEW_TEMPLATES | GH_TASK_VIEW_INSIGHTS | GH_TASK_MESSAGING);
  g_assert_nonnull (unknown);
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "FUTURE_TASK");
  g_clear_pointer (&unknown, g_strfreev);

  /* Only the unknown task left: still sent back, the person keeps it. */
  gh_assignment_editor_set_tasks (editor, chen, GH_TASK_NONE);
  g_assert_cmpint (gh_assignment_get_state (chen), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_test_server_tasks (fixture, CHEN_ID, &unknown, NULL), ==, GH_TASK_NONE);
  g_assert_cmpstr (unknown[0], ==, "FUTURE_TASK");

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_partial_failure (GhEditorFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GhAssignment *jasper;
  GhAssignment *jose;
  GhAssignment *priya;
  guint n_failed = 0;

  editor = gh_test_load_editor (fixture, GH_DEMO_ADMIN_USER_ID);
  jasper = gh_test_find_row (editor, JASPER_ID);
  jose = gh_test_find_row (editor, JOSE_ID);
  priya = gh_test_find_row (editor, PRIYA_ID);
  gh_assignment_editor_set_tasks (editor, jasper, GH_TASK_VIEW_TEMPLATES);
  gh_assignment_editor_set_tasks (editor, jose, GH_TASK_VIEW_TEMPLATES);
  gh_assignment_editor_set_removed (editor, priya, TRUE);

  /* The first operation of the batch fails on Meta's side; the others go through.  Jose's
   * row is read back (his POST leaves out a task he held): the batch and one page. */
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 500, 2, 0, 1);
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 4);

  /* Meta's code 2 in its own words, and the next step. */
  expected = g_strdup_printf ("%s %s", "Meta’s service is unavailable for a moment.",
                              gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_SERVER));
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_FAILED);
  g_assert_cmpstr (gh_assignment_get_message (jasper), ==, expected);
  /* The failed row keeps its edit through the read-back. */
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpuint (gh_assignment_get_tasks (jasper), ==, GH_TASK_VIEW_TEMPLATES);
  g_assert_cmpuint (gh_assignment_get_held_tasks (jasper), ==, GH_TASK_DEVELOP);
  g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_cmpint (gh_assignment_get_state (jose), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_null (gh_test_find_row (editor, PRIYA_ID));
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);
  g_assert_cmpuint (gh_test_server_tasks (fixture, JASPER_ID, NULL, NULL), ==, GH_TASK_DEVELOP);

  /* Applying again sends only what is left (and reads it back: Develop is left out). */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 2);
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_cmpuint (gh_test_server_tasks (fixture, JASPER_ID, NULL, NULL), ==,
                    GH_TASK_VIEW_TEMPLATES);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static gboolean
deadline_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_rate_limit (GhEditorFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *rows[3];
  guint n_failed = 99;
  guint paused;
  gboolean expired = FALSE;
  guint deadline;

  editor = gh_test_load_editor (fixture, NULL);
  rows[0] = gh_test_find_row (editor, JASPER_ID);
  rows[1] = gh_test_find_row (editor, JOSE_ID);
  rows[2] = gh_test_find_row (editor, CHEN_ID);
  for (guint i = 0; i < 3; i++)
    gh_assignment_editor_set_task (editor, rows[i], GH_TASK_VIEW_COST, TRUE);

  /* One batch: the first operation goes through, Meta refuses the other two and says to
   * wait 5 minutes. */
  gh_demo_server_set_rate_limit (fixture->server, 1, 5);
  gh_demo_server_reset_counts (fixture->server);
  gh_assignment_editor_apply_async (editor, NULL, gh_test_keep_result_cb, &result);
  while (gh_assignment_editor_get_paused_seconds (editor) == 0)
    g_main_context_iteration (NULL, TRUE);

  paused = gh_assignment_editor_get_paused_seconds (editor);
  g_assert_cmpuint (paused, ==, 5 * 60);
  g_assert_null (result);
  g_assert_true (gh_assignment_editor_get_applying (editor));
  g_assert_cmpuint (gh_assignment_editor_get_apply_done (editor), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpint (gh_assignment_get_result (rows[i]), ==, GH_ASSIGNMENT_RESULT_QUEUED);
      g_assert_nonnull (gh_assignment_get_message (rows[i]));
    }
  /* Nothing is lost while waiting. */
  g_assert_cmpint (gh_assignment_get_state (rows[1]), ==, GH_ASSIGNMENT_STATE_CHANGED);

  /* The wait counts down once a second. */
  deadline = g_timeout_add_seconds (5, deadline_cb, &expired);
  while (gh_assignment_editor_get_paused_seconds (editor) == paused && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_clear_handle_id (&deadline, g_source_remove);
  g_assert_cmpuint (gh_assignment_editor_get_paused_seconds (editor), ==, paused - 1);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  /* The limit is over: Try Now sends one waiting operation first (a limit still in force
   * would refuse one call, not a batch of them), then the rest. */
  gh_demo_server_clear_faults (fixture->server);
  gh_graph_client_end_wait (fixture->client);
  gh_assignment_editor_retry_now (editor);
  g_assert_cmpuint (gh_assignment_editor_get_paused_seconds (editor), ==, 0);
  g_assert_true (gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                                    &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  /* The batch before the pause, the first one again alone, the last one.  Adding a task
   * needs no read-back. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 5);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (gh_assignment_get_result (rows[i]), ==, GH_ASSIGNMENT_RESULT_DONE);
      g_assert_cmpint (gh_assignment_get_state (rows[i]), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
      g_assert_true (gh_assignment_get_held_tasks (rows[i]) & GH_TASK_VIEW_COST);
    }
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_rate_limit_stop (GhEditorFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *rows[3];
  guint n_failed = 99;

  editor = gh_test_load_editor (fixture, NULL);
  rows[0] = gh_test_find_row (editor, JASPER_ID);
  rows[1] = gh_test_find_row (editor, JOSE_ID);
  rows[2] = gh_test_find_row (editor, CHEN_ID);
  for (guint i = 0; i < 3; i++)
    gh_assignment_editor_set_task (editor, rows[i], GH_TASK_VIEW_COST, TRUE);

  gh_demo_server_set_rate_limit (fixture->server, 1, 0);
  gh_demo_server_reset_counts (fixture->server);
  gh_assignment_editor_apply_async (editor, NULL, gh_test_keep_result_cb, &result);
  while (gh_assignment_editor_get_paused_seconds (editor) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Meta gave no time: the client's default wait. */
  g_assert_cmpuint (gh_assignment_editor_get_paused_seconds (editor), ==,
                    GH_GRAPH_DEFAULT_WAIT_MINUTES * 60);

  /* Stop: no more calls while limited, the unsent edits stay staged. */
  gh_assignment_editor_stop (editor);
  g_assert_true (gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                                    &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_false (gh_assignment_editor_get_applying (editor));
  g_assert_cmpuint (gh_assignment_editor_get_paused_seconds (editor), ==, 0);
  g_assert_cmpint (gh_assignment_get_result (rows[0]), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_cmpint (gh_assignment_get_state (rows[0]), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpint (gh_assignment_get_result (rows[i]), ==, GH_ASSIGNMENT_RESULT_NONE);
      g_assert_cmpint (gh_assignment_get_state (rows[i]), ==, GH_ASSIGNMENT_STATE_CHANGED);
      g_assert_true (gh_assignment_get_tasks (rows[i]) & GH_TASK_VIEW_COST);
    }
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);
  g_assert_true (gh_assignment_editor_get_can_undo (editor));

  /* Later, the rest goes. */
  gh_demo_server_clear_faults (fixture->server);
  gh_graph_client_end_wait (fixture->client);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_true (gh_test_server_tasks (fixture, CHEN_ID, NULL, NULL) & GH_TASK_VIEW_COST);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_cancel (GhEditorFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GhAssignment *jasper;
  GhAssignment *jose;

  editor = gh_test_load_editor (fixture, NULL);
  jasper = gh_test_find_row (editor, JASPER_ID);
  jose = gh_test_find_row (editor, JOSE_ID);
  gh_assignment_editor_set_task (editor, jasper, GH_TASK_VIEW_COST, TRUE);
  gh_assignment_editor_set_task (editor, jose, GH_TASK_VIEW_COST, TRUE);

  gh_demo_server_set_latency (fixture->server, 200);
  gh_assignment_editor_apply_async (editor, cancellable, gh_test_keep_result_cb, &result);
  g_cancellable_cancel (cancellable);
  g_assert_false (gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                                     NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (gh_assignment_editor_get_applying (editor));
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_NONE);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpint (gh_assignment_get_state (jose), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_differs (GhEditorFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *jasper;
  GhAssignment *jose;
  guint n_failed = 99;

  /* This Meta adds the asked tasks to those held instead of replacing them. */
  gh_demo_server_set_assign_adds (fixture->server, TRUE);
  editor = gh_test_load_editor (fixture, NULL);
  jasper = gh_test_find_row (editor, JASPER_ID);
  jose = gh_test_find_row (editor, JOSE_ID);
  gh_assignment_editor_set_tasks (editor, jasper, GH_TASK_VIEW_TEMPLATES);
  gh_assignment_editor_set_tasks (editor, jose, GH_TASK_MESSAGING | GH_TASK_VIEW_COST);

  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);

  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_DIFFERS);
  g_assert_cmpstr (gh_assignment_get_message (jasper), ==, "Meta also kept Develop.");
  /* The row shows what Meta really holds. */
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_cmpuint (gh_assignment_get_tasks (jasper), ==,
                    GH_TASK_DEVELOP | GH_TASK_VIEW_TEMPLATES);
  /* Adding to what was held is what was asked. */
  g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_DONE);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

/* Applied, then changed on Meta by someone else: read again, the row no longer says
 * "Applied" over tasks it did not apply. */
static void
test_applied_then_changed (GhEditorFixture *fixture,
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
  gh_assignment_editor_set_tasks (editor, jasper, GH_TASK_DEVELOP | GH_TASK_MESSAGING);
  gh_assignment_editor_set_tasks (editor, jose, GH_TASK_MESSAGING | GH_TASK_VIEW_COST);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_DONE);

  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID, JASPER_ID,
                                                    "DEVELOP"));
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_assignment_get_held_tasks (jasper), ==, GH_TASK_DEVELOP);
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_NONE);
  /* Whose tasks Meta still holds as applied keeps its word. */
  g_assert_cmpint (gh_assignment_get_result (jose), ==, GH_ASSIGNMENT_RESULT_DONE);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_undo (GhEditorFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GhAssignmentEditor) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_apply = NULL;
  g_autofree char *after_undo = NULL;
  g_auto(GStrv) unknown = NULL;
  GhAssignment *chen;
  guint n_failed = 99;

  editor = gh_test_load_editor (fixture, GH_DEMO_ADMIN_USER_ID);
  before = sorted_csv (editor);

  gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, JOSE_ID),
                                  GH_TASK_VIEW_COST);
  gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, CHEN_ID), TRUE);
  gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, BLANK_ID), TRUE);
  g_assert_nonnull (gh_assignment_editor_add (editor, AMARA_ID, NULL, FALSE,
                                              GH_TASK_MESSAGING, &error));
  g_assert_nonnull (gh_assignment_editor_add (editor, ANALYTICS_ID, NULL, TRUE,
                                              GH_TASK_DEVELOP, &error));

  /* Nothing to undo yet. */
  g_assert_false (gh_test_run_undo (editor, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_true (gh_assignment_editor_get_can_undo (editor));
  after_apply = sorted_csv (editor);
  g_assert_cmpstr (after_apply, !=, before);
  g_assert_null (gh_test_find_row (editor, CHEN_ID));

  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_undo (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  /* The five inverse operations in one batch, then Jose read back (getting Messaging back
   * leaves out View cost): one page. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 6);
  g_assert_false (gh_assignment_editor_get_can_undo (editor));
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);

  /* Meta holds what it held before, removed people back with their tasks, unknown ones
   * included, added people gone. */
  check = gh_test_load_editor (fixture, NULL);
  after_undo = sorted_csv (check);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (check)), ==,
                    N_DEMO_ROWS);
  g_assert_null (gh_test_find_row (check, AMARA_ID));
  g_assert_null (gh_test_find_row (check, ANALYTICS_ID));
  /* And the editor shows it without reading the list again: the same rows in the same
   * order as a fresh read, people put back where Meta adds them. */
  {
    g_autofree char *shown = gh_assignment_editor_to_csv (editor);
    g_autofree char *fresh = gh_assignment_editor_to_csv (check);

    g_assert_cmpstr (shown, ==, fresh);
  }
  chen = gh_test_find_row (editor, CHEN_ID);
  g_assert_nonnull (chen);
  g_assert_cmpint (gh_assignment_get_result (chen), ==, GH_ASSIGNMENT_RESULT_DONE);
  g_assert_cmpuint (gh_test_server_tasks (fixture, CHEN_ID, &unknown, NULL), ==,
                    GH_TASK_VIEW_TEMPLATES | GH_TASK_VIEW_INSIGHTS);
  g_assert_cmpstr (unknown[0], ==, "FUTURE_TASK");

  /* Undo is once. */
  g_assert_false (gh_test_run_undo (editor, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_finalize_object (g_steal_pointer (&check));
  g_assert_finalize_object (g_steal_pointer (&editor));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_EDITOR_TEST_ADD ("/assignment-editor/apply", test_apply);
  GH_EDITOR_TEST_ADD ("/assignment-editor/unknown-task-survives", test_unknown_task_survives);
  GH_EDITOR_TEST_ADD ("/assignment-editor/partial-failure", test_partial_failure);
  GH_EDITOR_TEST_ADD ("/assignment-editor/rate-limit", test_rate_limit);
  GH_EDITOR_TEST_ADD ("/assignment-editor/rate-limit-stop", test_rate_limit_stop);
  GH_EDITOR_TEST_ADD ("/assignment-editor/cancel", test_cancel);
  GH_EDITOR_TEST_ADD ("/assignment-editor/differs", test_differs);
  GH_EDITOR_TEST_ADD ("/assignment-editor/applied-then-changed", test_applied_then_changed);
  GH_EDITOR_TEST_ADD ("/assignment-editor/undo", test_undo);

  return g_test_run ();
}
