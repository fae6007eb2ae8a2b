/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-test"

#include "config.h"

#include <glib/gstdio.h>

#include "gh-people-test-util.h"
#include "gh-test-util.h"

static gboolean
window_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

void
gh_people_fixture_set_up (GhPeopleFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  /* The app's own style, as the application loads it: the page looks as it does there. */
  gtk_css_provider_load_from_resource (style, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  fixture->tmpdir = g_dir_make_tmp ("gatehouse-people-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->server = gh_test_demo_server_new ();
  fixture->client = gh_test_client_new (fixture->server, GH_DEMO_TOKEN_ADMIN);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (GH_TYPE_PEOPLE_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_present (fixture->window);
  g_assert_true (gh_test_wait_for (window_allocated, fixture->window, 10000));
}

static void
close_other_windows (GhPeopleFixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) fixture->window)
      gtk_window_destroy (l->data);
}

void
gh_people_fixture_tear_down (GhPeopleFixture *fixture,
                             gconstpointer    data)
{
  gpointer page = fixture->page;
  gpointer client = fixture->client;

  close_other_windows (fixture);
  g_object_add_weak_pointer (G_OBJECT (fixture->page), &page);
  gtk_window_destroy (fixture->window);
  g_assert_true (gh_test_wait_for (gh_test_pointer_cleared, &page, 10000));

  /* The page's editor let go of the client once the page was gone. */
  g_object_add_weak_pointer (G_OBJECT (fixture->client), &client);
  g_object_unref (fixture->client);
  g_assert_true (gh_test_wait_for (gh_test_pointer_cleared, &client, 10000));

  g_assert_finalize_object (fixture->server);
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

gboolean
gh_test_page_loaded (gpointer data)
{
  GhPeopleFixture *fixture = data;
  GhAssignmentEditor *editor = gh_people_page_get_editor (fixture->page);

  return editor != NULL && !gh_assignment_editor_get_loading (editor)
         && gh_assignment_editor_get_loaded (editor) > 0;
}

void
gh_test_load_page (GhPeopleFixture *fixture,
                   gboolean         can_edit)
{
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       can_edit ? GH_DEMO_ADMIN_USER_ID : GH_DEMO_EMPLOYEE_USER_ID, can_edit);
  g_assert_true (gh_test_wait_for (gh_test_page_loaded, fixture, 20000));
}

GhAssignmentEditor *
gh_test_editor_of (GhPeopleFixture *fixture)
{
  GhAssignmentEditor *editor = gh_people_page_get_editor (fixture->page);

  g_assert_nonnull (editor);
  return editor;
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

GtkWidget *
gh_test_page_named (GhPeopleFixture *fixture,
                    GType            type,
                    const char      *label)
{
  return gh_test_wait_for_named (GTK_WIDGET (fixture->page), type, label);
}

GtkWidget *
gh_test_find_check (GhPeopleFixture *fixture,
                    const char      *label)
{
  return gh_test_page_named (fixture, GTK_TYPE_CHECK_BUTTON, label);
}

guint
gh_test_grid_rows (GhPeopleFixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                                      GTK_TYPE_COLUMN_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

typedef struct
{
  GhPeopleFixture *fixture;
  guint            n;
} CountWait;

static gboolean
shows_n_rows (gpointer data)
{
  CountWait *wait = data;

  return gh_test_grid_rows (wait->fixture) == wait->n;
}

void
gh_test_wait_for_rows (GhPeopleFixture *fixture,
                       guint            n,
                       guint            timeout_ms)
{
  CountWait wait = { fixture, n };

  g_assert_true (gh_test_wait_for (shows_n_rows, &wait, timeout_ms));
}

void
gh_test_search (GhPeopleFixture *fixture,
                const char      *text,
                guint            n)
{
  GtkWidget *entry = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                  GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gh_test_wait_for_rows (fixture, n, 5000);
}

static gboolean
editor_idle (gpointer data)
{
  GhAssignmentEditor *editor = data;

  return !gh_assignment_editor_get_applying (editor) && !gh_assignment_editor_get_loading (editor);
}

void
gh_test_wait_editor_idle (GhAssignmentEditor *editor)
{
  g_assert_true (gh_test_wait_for (editor_idle, editor, 30000));
}

gboolean
gh_test_is_done (gpointer data)
{
  return ((GhTestDone *) data)->done;
}

static void
editor_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GhTestDone *done = user_data;
  g_autoptr(GError) error = NULL;

  done->ok = gh_assignment_editor_load_finish (GH_ASSIGNMENT_EDITOR (object), result, &error);
  g_assert_no_error (error);
  done->done = TRUE;
}

GhAssignmentEditor *
gh_test_read_back (GhPeopleFixture *fixture)
{
  GhAssignmentEditor *editor;
  GhTestDone done = { FALSE, FALSE };

  editor = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                     GH_DEMO_ADMIN_USER_ID);
  gh_assignment_editor_load_async (editor, NULL, editor_loaded_cb, &done);
  g_assert_true (gh_test_wait_for (gh_test_is_done, &done, 20000));
  g_assert_true (done.ok);
  return editor;
}

GhTaskFlags
gh_test_held_on_server (GhPeopleFixture *fixture,
                        const char      *id)
{
  GhAssignmentEditor *editor = gh_test_read_back (fixture);
  GhAssignment *row = gh_test_find_row (editor, id);
  GhTaskFlags tasks;

  g_assert_nonnull (row);
  tasks = gh_assignment_get_held_tasks (row);
  g_assert_finalize_object (editor);
  return tasks;
}
