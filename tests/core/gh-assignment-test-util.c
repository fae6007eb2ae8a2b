/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-test"

#include "config.h"

#include "gh-assignment-test-util.h"

/* A task Gatehouse does not know, held next to known ones, the way Meta may add one any
 * day: it must be kept and sent back unchanged. */
static void
give_chen_a_future_task (GhEditorFixture *fixture)
{
  const char * const params[] = {
    "user", CHEN_ID, "tasks", "[\"VIEW_TEMPLATES\",\"VIEW_INSIGHTS\",\"FUTURE_TASK\"]", NULL
  };
  g_autofree char *path = g_strdup_printf ("%s/assigned_users", GH_DEMO_WABA_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  gh_graph_client_request_async (fixture->client, "POST", path, params, NULL,
                                 gh_test_keep_result_cb, &result);
  answer = gh_graph_client_request_finish (fixture->client, gh_test_wait_result (&result),
                                           &error);
  g_assert_no_error (error);
  gh_demo_server_reset_counts (fixture->server);
}

void
gh_editor_fixture_set_up (GhEditorFixture *fixture,
                          gconstpointer    data)
{
  fixture->server = gh_test_demo_server_new ();
  fixture->client = gh_test_client_new (fixture->server, GH_DEMO_TOKEN_ADMIN);
  give_chen_a_future_task (fixture);
}

void
gh_editor_fixture_tear_down (GhEditorFixture *fixture,
                             gconstpointer    data)
{
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fixture->client));
  g_assert_finalize_object (g_steal_pointer (&fixture->server));
}

gboolean
gh_test_run_load (GhAssignmentEditor  *editor,
                  GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_assignment_editor_load_async (editor, NULL, gh_test_keep_result_cb, &result);
  return gh_assignment_editor_load_finish (editor, gh_test_wait_result (&result), error);
}

gboolean
gh_test_run_apply (GhAssignmentEditor  *editor,
                   guint               *n_failed,
                   GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_assignment_editor_apply_async (editor, NULL, gh_test_keep_result_cb, &result);
  return gh_assignment_editor_apply_finish (editor, gh_test_wait_result (&result),
                                            n_failed, error);
}

gboolean
gh_test_run_undo (GhAssignmentEditor  *editor,
                  guint               *n_failed,
                  GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_assignment_editor_undo_async (editor, NULL, gh_test_keep_result_cb, &result);
  return gh_assignment_editor_undo_finish (editor, gh_test_wait_result (&result),
                                           n_failed, error);
}

GhAssignmentEditor *
gh_test_load_editor (GhEditorFixture *fixture,
                     const char      *own_user_id)
{
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GError) error = NULL;

  editor = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                     own_user_id);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&editor);
}

GhAssignment *
gh_test_find_row (GhAssignmentEditor *editor,
                  const char         *id)
{
  GListModel *model = gh_assignment_editor_get_model (editor);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (gh_assignment_get_id (row), id) == 0)
        return row;
    }

  return NULL;
}

GhAssignment *
gh_test_row_at (GhAssignmentEditor *editor,
                guint               position)
{
  GListModel *model = gh_assignment_editor_get_model (editor);
  g_autoptr(GhAssignment) row = g_list_model_get_item (model, position);

  return row;
}

GhTaskFlags
gh_test_server_tasks (GhEditorFixture *fixture,
                      const char      *id,
                      GStrv           *unknown,
                      gboolean        *listed)
{
  g_autoptr(GhAssignmentEditor) editor = gh_test_load_editor (fixture, NULL);
  GhAssignment *row = gh_test_find_row (editor, id);
  GhTaskFlags tasks = row != NULL ? gh_assignment_get_held_tasks (row) : GH_TASK_NONE;

  if (unknown != NULL)
    *unknown = row != NULL ? g_strdupv ((GStrv) gh_assignment_get_unknown_tasks (row)) : NULL;
  if (listed != NULL)
    *listed = row != NULL;

  g_assert_finalize_object (g_steal_pointer (&editor));
  return tasks;
}

void
gh_test_server_assign (GhEditorFixture *fixture,
                       const char      *id,
                       const char      *tasks_json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char * const params[] = { "user", id, "tasks", tasks_json, NULL };

  gh_graph_client_request_async (fixture->client, "POST",
                                 GH_DEMO_WABA_ID "/assigned_users", params, NULL,
                                 gh_test_keep_result_cb, &result);
  root = gh_graph_client_request_finish (fixture->client, gh_test_wait_result (&result),
                                         &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
}

void
gh_test_count_cb (gpointer instance,
                  gpointer pspec,
                  gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

void
gh_test_items_changed_cb (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}
