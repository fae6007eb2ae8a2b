/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-access-review"

#include "config.h"

#include <string.h>

#include "gh-access-review.h"
#include "gh-access-test-util.h"

/* An access review against the demo server: decisions staged as edits, applied, recorded,
 * and the dated report. */

#define JASPER_ID   "1972385232752545"
#define HANNAH_ID   "1972385232445140"
#define SAM_ID      "1972385232050631"
#define ANNA_ID     "1972385232742142"

static guint
find_index (GhAccessReview *review,
            const char     *id)
{
  for (guint i = 0; i < gh_access_review_get_n_people (review); i++)
    if (g_strcmp0 (gh_access_person_get_id (gh_access_review_get_person (review, i)), id) == 0)
      return i;

  g_assert_not_reached ();
}

static guint
stage (GhAccessReview *review)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  gh_access_review_stage_async (review, NULL, gh_test_keep_result_cb, &result);
  n = gh_access_review_stage_finish (review, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return n;
}

static JsonArray *
server_users (GhAccessFixture *fixture,
              const char      *waba_id)
{
  g_autoptr(GhGraphClient) client = gh_test_client_new (fixture->server, GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char * const params[] = { "business", GH_DEMO_BUSINESS_ID, "limit", "100", NULL };
  g_autofree char *path = g_strconcat (waba_id, "/assigned_users", NULL);

  gh_graph_client_get_async (client, path, params, NULL, gh_test_keep_result_cb, &result);
  root = gh_graph_client_get_finish (client, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return json_array_ref (json_object_get_array_member (json_node_get_object (root), "data"));
}

static JsonObject *
find_user (JsonArray  *users,
           const char *id)
{
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_strcmp0 (json_object_get_string_member (user, "id"), id) == 0)
        return user;
    }

  return NULL;
}

static void
test_review (GhAccessFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GhAccessOverview) overview = gh_access_test_load (fixture, TRUE);
  g_autoptr(GhAccessReview) review = gh_access_review_new (overview);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) second = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *title = NULL;
  JsonArray *tasks;
  guint n_failed = 99;

  g_assert_cmpuint (gh_access_review_get_n_people (review), ==,
                    g_list_model_get_n_items (gh_access_overview_get_people (overview)));

  gh_access_review_decide (review, find_index (review, JASPER_ID), GH_REVIEW_REMOVE, 0);
  /* Messaging on the first account, Messaging and View templates on the second. */
  gh_access_review_decide (review, find_index (review, HANNAH_ID), GH_REVIEW_REDUCE,
                           GH_REVIEW_VIEW_ONLY);
  /* Develop and Messaging are within partial access already. */
  gh_access_review_decide (review, find_index (review, SAM_ID), GH_REVIEW_REDUCE,
                           GH_TASK_PRESET_PARTIAL);
  gh_access_review_decide (review, find_index (review, ANNA_ID), GH_REVIEW_KEEP, 0);
  g_assert_cmpuint (gh_access_review_count (review, GH_REVIEW_REDUCE), ==, 2);

  /* Staged from the pages the overview read: not one call. */
  gh_demo_server_reset_counts (fixture->server);
  g_assert_cmpuint (stage (review), ==, 3);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 0);
  g_assert_cmpuint (gh_access_review_get_n_staged (review), ==, 3);

  /* Changed minds: staging again first puts back what the last one did. */
  gh_access_review_decide (review, find_index (review, JASPER_ID), GH_REVIEW_KEEP, 0);
  g_assert_cmpuint (stage (review), ==, 2);
  gh_access_review_decide (review, find_index (review, JASPER_ID), GH_REVIEW_REMOVE, 0);
  g_assert_cmpuint (stage (review), ==, 3);

  gh_access_review_apply_async (review, NULL, gh_test_keep_result_cb, &result);
  n_failed = gh_access_review_apply_finish (review, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 3);
  g_assert_cmpuint (gh_access_review_get_n_staged (review), ==, 0);

  first = server_users (fixture, GH_DEMO_WABA_ID);
  second = server_users (fixture, GH_DEMO_WABA2_ID);
  g_assert_null (find_user (first, JASPER_ID));
  g_assert_null (find_user (first, HANNAH_ID));
  tasks = json_object_get_array_member (find_user (second, HANNAH_ID), "tasks");
  g_assert_cmpuint (json_array_get_length (tasks), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (tasks, 0), ==, "VIEW_TEMPLATES");
  g_assert_nonnull (find_user (first, SAM_ID));

  /* Into the change record, like any apply. */
  g_clear_object (&result);
  gh_journal_list_async (gh_session_get_journal (fixture->session), NULL, 0, NULL,
                         gh_test_keep_result_cb, &result);
  recorded = gh_journal_list_finish (gh_session_get_journal (fixture->session),
                                     gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recorded->len, ==, 3);

  csv = gh_access_review_to_csv (review);
  g_assert_true (g_str_has_prefix (csv, "date,name,id,type,connection,account,account_id,"
                                        "tasks,decision,outcome\r\n"));
  g_assert_nonnull (strstr (csv, ",Jasper Brown," JASPER_ID ",BUSINESS_USER,"));
  g_assert_nonnull (strstr (csv, GH_DEMO_WABA_ID ",DEVELOP,remove,Done\r\n"));
  g_assert_nonnull (strstr (csv, GH_DEMO_WABA2_ID ",MESSAGING VIEW_TEMPLATES,reduce,Done\r\n"));
  g_assert_nonnull (strstr (csv, ",DEVELOP MESSAGING,reduce,Nothing to reduce here.\r\n"));
  g_assert_nonnull (strstr (csv, GH_DEMO_WABA_ID ",MANAGE,keep,\r\n"));

  title = gh_access_review_dup_title (review);
  g_assert_true (g_str_has_prefix (title, "Access review of "));
  report = gh_access_review_dup_report (review);
  g_assert_cmpint (((GhReportLine *) g_ptr_array_index (report, 0))->style, ==,
                   GH_REPORT_TITLE);
  g_assert_cmpstr (((GhReportLine *) g_ptr_array_index (report, 0))->text, ==, title);
  g_assert_nonnull (strstr (((GhReportLine *) g_ptr_array_index (report, 1))->text,
                            "2 reduced, 1 removed"));
}

/* What would lock the connection out is not staged, and the report says why. */
static void
test_lockout (GhAccessFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(GhAccessOverview) overview = gh_access_test_load (fixture, TRUE);
  g_autoptr(GhAccessReview) review = gh_access_review_new (overview);
  g_autofree char *csv = NULL;

  gh_access_review_decide (review, find_index (review, GH_DEMO_ADMIN_USER_ID),
                           GH_REVIEW_REMOVE, 0);
  g_assert_cmpuint (stage (review), ==, 0);
  csv = gh_access_review_to_csv (review);
  g_assert_nonnull (strstr (csv, ",remove,Not staged: the connection would lose the access it "
                                 "needs to make changes.\r\n"));
}

/* Decisions about the account the window shows are staged in its own editor: its grid
 * shows them. */
static void
test_shown_editor (GhAccessFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(GhAccessOverview) overview = gh_access_test_load (fixture, TRUE);
  g_autoptr(GhAccessReview) review = gh_access_review_new (overview);
  g_autoptr(GhGraphClient) client = gh_test_client_new (fixture->server, GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  editor = gh_assignment_editor_new (client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                     GH_DEMO_ADMIN_USER_ID);
  gh_assignment_editor_load_async (editor, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_assignment_editor_load_finish (editor, gh_test_wait_result (&result),
                                                   &error));
  gh_access_review_use_editor (review, editor);

  gh_access_review_decide (review, find_index (review, JASPER_ID), GH_REVIEW_REMOVE, 0);
  g_assert_cmpuint (stage (review), ==, 1);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);

  model = gh_assignment_editor_get_model (editor);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (g_str_equal (gh_assignment_get_id (row), JASPER_ID))
        g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_REMOVED);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gh_access_test_init ("review");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/access-review/" path, GhAccessFixture, NULL, gh_access_fixture_set_up, func, gh_access_fixture_tear_down)
  ADD ("review", test_review);
  ADD ("lockout", test_lockout);
  ADD ("shown-editor", test_shown_editor);
#undef ADD

  status = g_test_run ();
  gh_access_test_finish ();
  return status;
}
