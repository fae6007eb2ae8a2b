/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-assignment-access"

#include "config.h"

#include "gh-assignment-test-util.h"
#include "gh-graph-error.h"

/* Who the editor lets change what: the guards against locking the connection out, a token
 * without Full control, and the people who can be added. */

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_EDITOR_TEST_ADD ("/assignment-editor/lockout", test_lockout);
  GH_EDITOR_TEST_ADD ("/assignment-editor/employee", test_employee);
  GH_EDITOR_TEST_ADD ("/assignment-editor/candidates", test_candidates);

  return g_test_run ();
}
