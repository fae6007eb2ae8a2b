/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-assignment-editor"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "gh-assignment-test-util.h"
#include "gh-graph-error.h"

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
test_load (GhEditorFixture *fixture,
           gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GhAssignment *row;
  guint n_loaded_notified = 0;
  guint n_items_changed = 0;

  editor = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                     GH_DEMO_ADMIN_USER_ID);
  g_assert_cmpstr (gh_assignment_editor_get_waba_id (editor), ==, GH_DEMO_WABA_ID);
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, -1);
  g_signal_connect (editor, "notify::loaded", G_CALLBACK (gh_test_count_cb), &n_loaded_notified);
  g_signal_connect (gh_assignment_editor_get_model (editor), "items-changed",
                    G_CALLBACK (gh_test_items_changed_cb), &n_items_changed);

  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);

  /* 41 rows fit one page of 100. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (n_items_changed, ==, 1);
  g_assert_cmpuint (n_loaded_notified, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    N_DEMO_ROWS);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, N_DEMO_ROWS);
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, N_DEMO_ROWS);
  g_assert_false (gh_assignment_editor_get_loading (editor));
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_false (gh_assignment_editor_get_can_undo (editor));

  /* Meta's order: people first, system users after. */
  g_assert_cmpstr (gh_assignment_get_id (gh_test_row_at (editor, 0)), ==, MARIA_ID);
  g_assert_cmpstr (gh_assignment_get_display_name (gh_test_row_at (editor, 0)), ==, "Maria Lopez");
  g_assert_cmpstr (gh_assignment_get_id (gh_test_row_at (editor, 1)), ==, ANNA_ID);
  g_assert_cmpstr (gh_assignment_get_id (gh_test_row_at (editor, N_DEMO_ROWS - 1)), ==, CHATBOT_ID);
  g_assert_true (gh_assignment_get_is_system_user (gh_test_row_at (editor, N_DEMO_ROWS - 1)));
  g_assert_false (gh_assignment_get_is_system_user (gh_test_row_at (editor, 0)));

  /* A blank name shows the ID. */
  row = gh_test_find_row (editor, BLANK_ID);
  g_assert_nonnull (row);
  g_assert_cmpstr (gh_assignment_get_name (row), ==, " ");
  g_assert_cmpstr (gh_assignment_get_display_name (row), ==, BLANK_ID);
  g_assert_cmpstr (gh_assignment_get_search_key (row), ==, BLANK_ID);
  g_assert_cmpuint (gh_assignment_get_tasks (row), ==, GH_TASK_VIEW_COST);

  /* Markup-like names are kept as sent, searchable in lower case. */
  row = gh_test_find_row (editor, BOLD_ID);
  g_assert_cmpstr (gh_assignment_get_display_name (row), ==, "<b>Bold & Co</b>");
  g_assert_cmpstr (gh_assignment_get_search_key (row), ==, "<b>bold & co</b> " BOLD_ID);

  /* Tasks the app does not know are kept by name. */
  row = gh_test_find_row (editor, CHEN_ID);
  g_assert_cmpuint (gh_assignment_get_tasks (row), ==,
                    GH_TASK_VIEW_TEMPLATES | GH_TASK_VIEW_INSIGHTS);
  g_assert_cmpuint (gh_assignment_get_held_tasks (row), ==,
                    GH_TASK_VIEW_TEMPLATES | GH_TASK_VIEW_INSIGHTS);
  g_assert_cmpuint (g_strv_length ((GStrv) gh_assignment_get_unknown_tasks (row)), ==, 1);
  g_assert_cmpstr (gh_assignment_get_unknown_tasks (row)[0], ==, "FUTURE_TASK");
  g_assert_cmpuint (g_strv_length ((GStrv) gh_assignment_get_unknown_tasks (
    gh_test_find_row (editor, JASPER_ID))), ==, 0);

  /* This connection's own system user. */
  row = gh_test_find_row (editor, GH_DEMO_ADMIN_USER_ID);
  g_assert_true (gh_assignment_get_is_own (row));
  g_assert_true (gh_assignment_get_is_system_user (row));
  g_assert_false (gh_assignment_get_is_own (gh_test_find_row (editor, ANNA_ID)));
  g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_cmpint (gh_assignment_get_result (row), ==, GH_ASSIGNMENT_RESULT_NONE);
  g_assert_null (gh_assignment_get_message (row));

  g_assert_cmpuint (gh_assignment_editor_count_full_control (editor), ==, 7);

  csv = gh_assignment_editor_to_csv (editor);
  g_assert_true (g_str_has_prefix (csv, "name,id,type,tasks\r\n"
                                   "Maria Lopez," MARIA_ID ",BUSINESS_USER,MANAGE\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n," BLANK_ID ",BUSINESS_USER,VIEW_COST\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n<b>Bold & Co</b>," BOLD_ID ",BUSINESS_USER,"
                            "VIEW_TEMPLATES\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n陈伟," CHEN_ID ",BUSINESS_USER,"
                            "VIEW_TEMPLATES VIEW_INSIGHTS FUTURE_TASK\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\nChatbot Platform," CHATBOT_ID ",SYSTEM_USER,"
                                   "MESSAGING MANAGE_TEMPLATES\r\n"));

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_load_without_business (GhEditorFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GhAssignmentEditor) wrong = NULL;
  g_autoptr(GError) error = NULL;

  /* One of Meta's pages passes the WABA as the business: that is the fallback. */
  editor = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, NULL, NULL);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, N_DEMO_ROWS);

  /* A WABA ID that is not one fails before anything is asked. */
  gh_demo_server_reset_counts (fixture->server);
  wrong = gh_assignment_editor_new (fixture->client, "12/../me", NULL, NULL);
  g_assert_false (gh_test_run_load (wrong, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
  g_assert_false (gh_assignment_editor_get_loading (wrong));

  g_assert_finalize_object (g_steal_pointer (&wrong));
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_scale (GhEditorFixture *fixture,
            gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GhAssignment) kept = NULL;
  GListModel *model;
  GhAssignment *row;
  guint n_items_changed = 0;
  guint n_loaded_notified = 0;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 10000);
  editor = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                     NULL);
  model = gh_assignment_editor_get_model (editor);
  g_signal_connect (model, "items-changed", G_CALLBACK (gh_test_items_changed_cb),
                    &n_items_changed);
  g_signal_connect (editor, "notify::loaded", G_CALLBACK (gh_test_count_cb),
                    &n_loaded_notified);

  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);

  /* One request and one items-changed per page of 100; nothing asked twice. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 100);
  g_assert_cmpuint (n_items_changed, ==, 100);
  g_assert_cmpuint (n_loaded_notified, >=, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10000);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 10000);
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, 10000);
  g_assert_cmpstr (gh_assignment_get_display_name (gh_test_row_at (editor, 0)), ==,
                   "Person 00001");
  g_assert_cmpstr (gh_assignment_get_display_name (gh_test_row_at (editor, 9999)), ==,
                   "Person 10000");

  /* A refresh of people nobody changed: Meta's total and the first page match what is
   * loaded, so the other 99 pages are kept.  A staged edit far down the list and a new row
   * stay. */
  row = gh_test_row_at (editor, 7654);
  kept = g_object_ref (row);
  gh_assignment_editor_set_tasks (editor, row, GH_TASK_VIEW_COST | GH_TASK_MESSAGING);
  g_assert_nonnull (gh_assignment_editor_add (editor, OLIVER_ID, "Oliver Schmidt", FALSE,
                                              GH_TASK_MESSAGING, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);

  /* An hour later: a second load right away would use all of the hour's 200 calls, and the
   * client would slow down as Meta's usage header climbs past 80 %. */
  gh_demo_server_clear_faults (fixture->server);
  gh_demo_server_reset_counts (fixture->server);
  n_items_changed = 0;
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (n_items_changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10001);
  g_assert_true (gh_test_row_at (editor, 7654) == kept);
  g_assert_cmpint (gh_assignment_get_state (kept), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);

  /* Someone removes the last person on Meta: the total says so, and every page is read
   * again, the first one once, replacing the rows page by page. */
  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 9999);
  gh_demo_server_reset_counts (fixture->server);
  n_items_changed = 0;
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 100);
  g_assert_cmpuint (n_items_changed, ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10000);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 9999);
  g_assert_cmpint (gh_assignment_editor_get_total (editor), ==, 9999);
  g_assert_true (gh_test_row_at (editor, 7654) == kept);
  g_assert_cmpuint (gh_assignment_get_tasks (kept), ==, GH_TASK_VIEW_COST | GH_TASK_MESSAGING);
  g_assert_cmpint (gh_assignment_get_state (kept), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpstr (gh_assignment_get_id (gh_test_row_at (editor, 9999)), ==, OLIVER_ID);
  g_assert_cmpint (gh_assignment_get_state (gh_test_row_at (editor, 9999)), ==,
                   GH_ASSIGNMENT_STATE_NEW);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);

  /* Then quiet again: one call. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  g_clear_object (&kept);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
set_error_after_first_page_cb (GhAssignmentEditor *editor,
                               GParamSpec         *pspec,
                               gpointer            user_data)
{
  GhEditorFixture *fixture = user_data;

  /* The next page is asked for before this one is placed, and reaches the server after. */
  if (gh_assignment_editor_get_loaded (editor) == 100)
    gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 500, 2, 0,
                              3);
}

static void
test_load_failures (GhEditorFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  GhAssignment *far;
  gulong handler;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 250);
  editor = gh_test_load_editor (fixture, NULL);
  model = gh_assignment_editor_get_model (editor);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);

  far = gh_test_row_at (editor, 220);
  gh_assignment_editor_set_tasks (editor, far, GH_TASK_DEVELOP | GH_TASK_VIEW_COST);

  /* The first page fails, each of the three times it is read: the load fails and nothing
   * shown changes. */
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 500, 2, 0, 3);
  g_assert_false (gh_test_run_load (editor, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 250);
  g_assert_false (gh_assignment_editor_get_loading (editor));

  /* Someone changes the first person on Meta: the refresh reads every page, and a later
   * one fails.  The rows read stay, and so do the ones not read again, edits and all. */
  gh_test_server_assign (fixture, gh_assignment_get_id (gh_test_row_at (editor, 0)),
                         "[\"VIEW_COST\"]");
  handler = g_signal_connect (editor, "notify::loaded",
                              G_CALLBACK (set_error_after_first_page_cb), fixture);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (editor, handler);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  g_assert_true (gh_test_row_at (editor, 220) == far);
  g_assert_cmpint (gh_assignment_get_state (far), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);

  g_assert_cmpuint (gh_assignment_get_held_tasks (gh_test_row_at (editor, 0)), ==,
                    GH_TASK_VIEW_COST);

  /* The list may be incomplete: the next refresh reads everything once more, even though
   * the first page and the total match. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 250);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 250);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);

  /* Complete again: a refresh is one call. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_staging (GhEditorFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  GhAssignment *jasper;
  GhAssignment *chen;
  GhAssignment *added;
  guint n_changes_notified = 0;
  guint n_state_notified = 0;
  guint n_tasks_notified = 0;

  editor = gh_test_load_editor (fixture, GH_DEMO_ADMIN_USER_ID);
  g_signal_connect (editor, "notify::n-changes", G_CALLBACK (gh_test_count_cb),
                    &n_changes_notified);
  jasper = gh_test_find_row (editor, JASPER_ID);
  g_signal_connect (jasper, "notify::state", G_CALLBACK (gh_test_count_cb), &n_state_notified);
  g_signal_connect (jasper, "notify::tasks", G_CALLBACK (gh_test_count_cb), &n_tasks_notified);

  /* Edit. */
  gh_assignment_editor_set_task (editor, jasper, GH_TASK_MESSAGING, TRUE);
  g_assert_cmpuint (gh_assignment_get_tasks (jasper), ==, GH_TASK_DEVELOP | GH_TASK_MESSAGING);
  g_assert_cmpuint (gh_assignment_get_held_tasks (jasper), ==, GH_TASK_DEVELOP);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);
  g_assert_cmpuint (n_changes_notified, ==, 1);
  g_assert_cmpuint (n_state_notified, ==, 1);
  g_assert_cmpuint (n_tasks_notified, ==, 1);

  /* Setting the held tasks again is no change. */
  gh_assignment_editor_set_task (editor, jasper, GH_TASK_MESSAGING, FALSE);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_cmpuint (n_changes_notified, ==, 2);

  /* Unticking everything is a removal; ticking again brings the row back. */
  gh_assignment_editor_set_tasks (editor, jasper, GH_TASK_NONE);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_REMOVED);
  gh_assignment_editor_set_task (editor, jasper, GH_TASK_VIEW_COST, TRUE);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpuint (gh_assignment_get_tasks (jasper), ==, GH_TASK_VIEW_COST);

  /* Remove and restore keep the staged tasks. */
  gh_assignment_editor_set_removed (editor, jasper, TRUE);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_REMOVED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);
  gh_assignment_editor_set_removed (editor, jasper, FALSE);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpuint (gh_assignment_get_tasks (jasper), ==, GH_TASK_VIEW_COST);

  /* A row with only tasks the app knows of emptied keeps its unknown ones: not a removal. */
  chen = gh_test_find_row (editor, CHEN_ID);
  gh_assignment_editor_set_tasks (editor, chen, GH_TASK_NONE);
  g_assert_cmpint (gh_assignment_get_state (chen), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpstr (gh_assignment_get_unknown_tasks (chen)[0], ==, "FUTURE_TASK");
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);

  /* Add: a bad ID, one already listed, then a good one. */
  g_assert_null (gh_assignment_editor_add (editor, "12ab", NULL, FALSE, GH_TASK_DEVELOP,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (gh_assignment_editor_add (editor, "", NULL, FALSE, GH_TASK_DEVELOP, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (gh_assignment_editor_add (editor, ANNA_ID, "Anna", FALSE, GH_TASK_DEVELOP,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  added = gh_assignment_editor_add (editor, " " OLIVER_ID " ", NULL, FALSE,
                                    GH_TASK_MESSAGING, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpstr (gh_assignment_get_id (added), ==, OLIVER_ID);
  g_assert_cmpstr (gh_assignment_get_display_name (added), ==, OLIVER_ID);
  g_assert_cmpint (gh_assignment_get_state (added), ==, GH_ASSIGNMENT_STATE_NEW);
  g_assert_cmpuint (gh_assignment_get_held_tasks (added), ==, GH_TASK_NONE);
  g_assert_true (gh_test_row_at (editor, N_DEMO_ROWS) == added);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 3);
  g_assert_null (gh_assignment_editor_add (editor, OLIVER_ID, NULL, FALSE, GH_TASK_NONE,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* New rows stay new whatever their tasks; removing one drops it. */
  gh_assignment_editor_set_tasks (editor, added, GH_TASK_NONE);
  g_assert_cmpint (gh_assignment_get_state (added), ==, GH_ASSIGNMENT_STATE_NEW);
  gh_assignment_editor_set_removed (editor, added, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    N_DEMO_ROWS);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);
  g_assert_null (gh_test_find_row (editor, OLIVER_ID));

  /* Discard reverts everything and drops new rows. */
  g_assert_nonnull (gh_assignment_editor_add (editor, AMARA_ID, "Amara Okafor", FALSE,
                                              GH_TASK_DEVELOP, &error));
  gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, ANNA_ID), TRUE);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 4);
  gh_assignment_editor_discard (editor);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==,
                    N_DEMO_ROWS);
  g_assert_cmpuint (gh_assignment_get_tasks (jasper), ==, GH_TASK_DEVELOP);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_cmpuint (gh_assignment_get_tasks (chen), ==,
                    GH_TASK_VIEW_TEMPLATES | GH_TASK_VIEW_INSIGHTS);
  g_assert_cmpint (gh_assignment_get_state (gh_test_find_row (editor, ANNA_ID)), ==,
                   GH_ASSIGNMENT_STATE_UNCHANGED);

  /* Nothing staged, nothing to apply. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_false (gh_test_run_apply (editor, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&editor));
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

static void
test_lockout (GhEditorFixture *fixture,
              gconstpointer    data)
{
  static const char * const full_control[] = {
    MARIA_ID, ANNA_ID, PRIYA_ID, GRACE_ID, INVENTORY_ID, REPORTING_ID,
  };
  g_autoptr(GhAssignmentEditor) editor = NULL;
  GhAssignment *own;
  GhAssignment *anna;
  GhAssignment *jasper;

  editor = gh_test_load_editor (fixture, GH_DEMO_ADMIN_USER_ID);
  own = gh_test_find_row (editor, GH_DEMO_ADMIN_USER_ID);
  anna = gh_test_find_row (editor, ANNA_ID);
  jasper = gh_test_find_row (editor, JASPER_ID);
  g_assert_cmpuint (gh_assignment_editor_count_full_control (editor), ==, 7);

  /* Own access. */
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, own, GH_TASK_DEVELOP, FALSE),
                   ==, GH_LOCKOUT_OWN_ACCESS);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, own, GH_TASK_MANAGE, TRUE), ==,
                   GH_LOCKOUT_OWN_ACCESS);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, own, GH_TASK_NONE, FALSE), ==,
                   GH_LOCKOUT_OWN_ACCESS);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, own,
                                                       GH_TASK_MANAGE | GH_TASK_DEVELOP,
                                                       FALSE), ==, GH_LOCKOUT_NONE);

  /* None: others keep Full control, or the row never had it. */
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, anna, GH_TASK_DEVELOP, FALSE),
                   ==, GH_LOCKOUT_NONE);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, anna, GH_TASK_NONE, TRUE), ==,
                   GH_LOCKOUT_NONE);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, jasper, GH_TASK_NONE, TRUE), ==,
                   GH_LOCKOUT_NONE);

  /* Take Full control from everyone else (staged): the last one left matters. */
  for (guint i = 0; i < G_N_ELEMENTS (full_control); i++)
    gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, full_control[i]),
                                    GH_TASK_DEVELOP);
  g_assert_cmpuint (gh_assignment_editor_count_full_control (editor), ==, 7);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, own, GH_TASK_DEVELOP, FALSE),
                   ==, GH_LOCKOUT_OWN_ACCESS | GH_LOCKOUT_LAST_FULL_CONTROL);

  /* A new row with Full control counts as someone keeping it. */
  g_assert_nonnull (gh_assignment_editor_add (editor, OLIVER_ID, NULL, FALSE, GH_TASK_MANAGE,
                                              NULL));
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, own, GH_TASK_DEVELOP, FALSE),
                   ==, GH_LOCKOUT_OWN_ACCESS);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, gh_test_find_row (editor, OLIVER_ID),
                                                       GH_TASK_NONE, TRUE), ==,
                   GH_LOCKOUT_NONE);

  /* Not this connection's own user, and the last with Full control. */
  gh_assignment_editor_discard (editor);
  for (guint i = 1; i < G_N_ELEMENTS (full_control); i++)
    gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, full_control[i]), TRUE);
  gh_assignment_editor_set_tasks (editor, own, GH_TASK_DEVELOP);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, gh_test_find_row (editor, MARIA_ID),
                                                       GH_TASK_NONE, TRUE), ==,
                   GH_LOCKOUT_LAST_FULL_CONTROL);
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, gh_test_find_row (editor, MARIA_ID),
                                                       GH_TASK_MANAGE | GH_TASK_VIEW_COST,
                                                       FALSE), ==, GH_LOCKOUT_NONE);
  /* Nothing more to lose on a row staged for removal already. */
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, anna, GH_TASK_NONE, TRUE), ==,
                   GH_LOCKOUT_NONE);

  g_assert_finalize_object (g_steal_pointer (&editor));
}

static void
test_employee (GhEditorFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GhAssignment *jasper;
  GhAssignment *own;
  guint n_failed = 0;

  gh_graph_client_set_token (fixture->client, GH_DEMO_TOKEN_EMPLOYEE);
  editor = gh_test_load_editor (fixture, GH_DEMO_EMPLOYEE_USER_ID);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, N_DEMO_ROWS);
  own = gh_test_find_row (editor, GH_DEMO_EMPLOYEE_USER_ID);
  g_assert_true (gh_assignment_get_is_own (own));
  /* Removing itself cuts this connection off, Full control or not. */
  g_assert_cmpint (gh_assignment_editor_check_lockout (editor, own, GH_TASK_NONE, TRUE), ==,
                   GH_LOCKOUT_OWN_ACCESS);

  jasper = gh_test_find_row (editor, JASPER_ID);
  gh_assignment_editor_set_task (editor, jasper, GH_TASK_VIEW_COST, TRUE);
  gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, JOSE_ID), TRUE);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 2);

  /* Meta's code 200 in its own words. */
  expected = g_strdup ("The system user has no access to this WhatsApp account, or not "
                       "enough. In Business settings, assign the system user to this "
                       "WhatsApp account with Full control, then try again.");
  g_assert_cmpint (gh_assignment_get_result (jasper), ==, GH_ASSIGNMENT_RESULT_FAILED);
  g_assert_cmpstr (gh_assignment_get_message (jasper), ==, expected);
  g_assert_cmpint (gh_assignment_get_state (jasper), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpint (gh_assignment_get_state (gh_test_find_row (editor, JOSE_ID)), ==,
                   GH_ASSIGNMENT_STATE_REMOVED);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);
  g_assert_false (gh_assignment_editor_get_can_undo (editor));

  /* Without business_management the business's people cannot be listed. */
  gh_demo_server_reset_counts (fixture->server);
  gh_assignment_editor_list_candidates_async (editor, NULL, gh_test_keep_result_cb, &result);
  candidates = gh_assignment_editor_list_candidates_finish (editor,
                                                            gh_test_wait_result (&result),
                                                            &error);
  g_assert_null (candidates);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&editor));
}

static gboolean
has_candidate (GPtrArray  *candidates,
               const char *id)
{
  for (guint i = 0; i < candidates->len; i++)
    if (g_strcmp0 (gh_business_user_get_id (g_ptr_array_index (candidates, i)), id) == 0)
      return TRUE;

  return FALSE;
}

static GPtrArray *
run_list_candidates (GhAssignmentEditor  *editor,
                     GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_assignment_editor_list_candidates_async (editor, NULL, gh_test_keep_result_cb, &result);
  return gh_assignment_editor_list_candidates_finish (editor, gh_test_wait_result (&result),
                                                      error);
}

static void
test_candidates (GhEditorFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GhAssignmentEditor) orphan = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  editor = gh_test_load_editor (fixture, GH_DEMO_ADMIN_USER_ID);
  gh_demo_server_reset_counts (fixture->server);
  candidates = run_list_candidates (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  /* Three system users and three people of the business have no access yet. */
  g_assert_cmpuint (candidates->len, ==, 6);
  for (guint i = 0; i < candidates->len; i++)
    {
      GhBusinessUser *candidate = g_ptr_array_index (candidates, i);

      g_assert_null (gh_test_find_row (editor, gh_business_user_get_id (candidate)));
    }
  g_assert_true (has_candidate (candidates, OLIVER_ID));
  g_assert_true (has_candidate (candidates, AMARA_ID));
  g_assert_true (has_candidate (candidates, ANALYTICS_ID));
  g_assert_false (has_candidate (candidates, ANNA_ID));
  g_assert_true (gh_business_user_is_system_user (g_ptr_array_index (candidates, 0)));
  g_clear_pointer (&candidates, g_ptr_array_unref);

  /* Someone staged as new is no candidate either. */
  g_assert_nonnull (gh_assignment_editor_add (editor, OLIVER_ID, NULL, FALSE, GH_TASK_DEVELOP,
                                              NULL));
  candidates = run_list_candidates (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 5);
  g_assert_false (has_candidate (candidates, OLIVER_ID));
  g_clear_pointer (&candidates, g_ptr_array_unref);

  /* One list refused: the other still comes. */
  gh_demo_server_set_error (fixture->server, GH_DEMO_BUSINESS_ID "/system_users", 403, 200, 0,
                            1);
  candidates = run_list_candidates (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_true (has_candidate (candidates, AMARA_ID));
  g_clear_pointer (&candidates, g_ptr_array_unref);

  /* Without a business ID there is nobody to ask. */
  orphan = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, NULL, NULL);
  gh_demo_server_reset_counts (fixture->server);
  candidates = run_list_candidates (orphan, &error);
  g_assert_null (candidates);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&orphan));
  g_assert_finalize_object (g_steal_pointer (&editor));
}

/* A server of our own for names the demo business does not have. */
static void
odd_names_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  static const char body[] =
    "{\"data\": ["
    "{\"id\": \"2001\", \"name\": \"Doe, Jane\", \"tasks\": [\"MANAGE\"],"
    " \"user_type\": \"BUSINESS_USER\"},"
    "{\"id\": \"2002\", \"name\": \"The \\\"Quoted\\\" One\", \"tasks\": [\"DEVELOP\"]},"
    "{\"id\": \"2003\", \"name\": \"=HYPERLINK(\\\"http://x\\\")\","
    " \"tasks\": [\"VIEW_COST\", \"VIEW_INSIGHTS\"]},"
    "{\"id\": \"2004\", \"name\": \"+1 Sales\", \"tasks\": [\"MESSAGING\"],"
    " \"user_type\": \"SYSTEM_USER\"},"
    "{\"id\": \"2005\", \"name\": \"-minus\", \"tasks\": [\"MESSAGING\"]},"
    "{\"id\": \"2006\", \"name\": \"@at\", \"tasks\": [\"MESSAGING\"]},"
    "{\"id\": \"2007\", \"name\": \"\\tTab\", \"tasks\": [\"MESSAGING\"]},"
    "{\"id\": \"2008\", \"name\": \"Two\\nLines\", \"tasks\": [\"MESSAGING\"]},"
    "{\"id\": 2009, \"name\": \"  \", \"tasks\": [\"MANAGE\", \"DEVELOP\"]},"
    "{\"name\": \"No ID\", \"tasks\": [\"MANAGE\"]}"
    "], \"summary\": {\"total_count\": 10}}";
  const char *authorization;

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                "Authorization");
  g_assert_cmpstr (authorization, ==, "Bearer odd-names-token");
  g_assert_cmpstr (path, ==, "/v25.0/555/assigned_users");
  g_assert_cmpstr (g_hash_table_lookup (query, "business"), ==, "777");

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
test_csv (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autofree char *csv = NULL;

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, odd_names_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  client = gh_graph_client_new (url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, "odd-names-token");
  editor = gh_assignment_editor_new (client, "555", "777", NULL);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (editor), ==, 9);

  /* A new row is not what Meta holds: not exported. */
  g_assert_nonnull (gh_assignment_editor_add (editor, "3001", "=new", FALSE, GH_TASK_MANAGE,
                                              NULL));
  /* Nor is a staged edit. */
  gh_assignment_editor_set_tasks (editor, gh_test_row_at (editor, 0), GH_TASK_DEVELOP);

  csv = gh_assignment_editor_to_csv (editor);
  g_assert_cmpstr (csv, ==,
                   "name,id,type,tasks\r\n"
                   "\"Doe, Jane\",2001,BUSINESS_USER,MANAGE\r\n"
                   "\"The \"\"Quoted\"\" One\",2002,BUSINESS_USER,DEVELOP\r\n"
                   "\"'=HYPERLINK(\"\"http://x\"\")\",2003,BUSINESS_USER,"
                   "VIEW_COST VIEW_INSIGHTS\r\n"
                   "'+1 Sales,2004,SYSTEM_USER,MESSAGING\r\n"
                   "'-minus,2005,BUSINESS_USER,MESSAGING\r\n"
                   "'@at,2006,BUSINESS_USER,MESSAGING\r\n"
                   "'\tTab,2007,BUSINESS_USER,MESSAGING\r\n"
                   "\"Two\nLines\",2008,BUSINESS_USER,MESSAGING\r\n"
                   ",2009,BUSINESS_USER,MANAGE DEVELOP\r\n");
  g_assert_cmpstr (gh_assignment_get_display_name (gh_test_row_at (editor, 8)), ==, "2009");

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&client));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_EDITOR_TEST_ADD ("/assignment-editor/load", test_load);
  GH_EDITOR_TEST_ADD ("/assignment-editor/load-without-business", test_load_without_business);
  GH_EDITOR_TEST_ADD ("/assignment-editor/scale", test_scale);
  GH_EDITOR_TEST_ADD ("/assignment-editor/load-failures", test_load_failures);
  GH_EDITOR_TEST_ADD ("/assignment-editor/staging", test_staging);
  GH_EDITOR_TEST_ADD ("/assignment-editor/apply", test_apply);
  GH_EDITOR_TEST_ADD ("/assignment-editor/unknown-task-survives", test_unknown_task_survives);
  GH_EDITOR_TEST_ADD ("/assignment-editor/partial-failure", test_partial_failure);
  GH_EDITOR_TEST_ADD ("/assignment-editor/rate-limit", test_rate_limit);
  GH_EDITOR_TEST_ADD ("/assignment-editor/rate-limit-stop", test_rate_limit_stop);
  GH_EDITOR_TEST_ADD ("/assignment-editor/cancel", test_cancel);
  GH_EDITOR_TEST_ADD ("/assignment-editor/differs", test_differs);
  GH_EDITOR_TEST_ADD ("/assignment-editor/undo", test_undo);
  GH_EDITOR_TEST_ADD ("/assignment-editor/lockout", test_lockout);
  GH_EDITOR_TEST_ADD ("/assignment-editor/employee", test_employee);
  GH_EDITOR_TEST_ADD ("/assignment-editor/candidates", test_candidates);
  g_test_add_func ("/assignment-editor/csv", test_csv);

  return g_test_run ();
}
