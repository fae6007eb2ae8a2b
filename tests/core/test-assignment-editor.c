/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-assignment-editor"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "gh-assignment-test-util.h"
#include "gh-graph-error.h"

/* The assignment editor's list: reading it from Meta, staging edits, and exporting what Meta
 * holds. */

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
  g_test_add_func ("/assignment-editor/csv", test_csv);

  return g_test_run ();
}
