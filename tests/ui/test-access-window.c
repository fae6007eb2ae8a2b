/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gh-access-window.h"
#include "gh-demo-server.h"
#include "gh-review-print.h"
#include "gh-test-util.h"
#include "gh-ui-test-util.h"

/* Who has access to what, and the access review, in a real window against the demo server:
 * the grid, the search, a review walked through, applied, and its report printed to PDF. */

#define JASPER_ID "1972385232752545"

typedef struct
{
  GhDemoServer   *server;
  GSettings      *settings;
  GhTokenStore   *store;
  GhSession      *session;
  GhAccessWindow *window;
  char           *dir;
} Fixture;

static char *data_home;

static void
save (Fixture    *fixture,
      const char *id,
      const char *label,
      const char *token)
{
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new_with_id (id);
  g_autoptr(GAsyncResult) result = NULL;

  gh_saved_connection_set_label (saved, label);
  gh_saved_connection_set_business_id (saved, GH_DEMO_BUSINESS_ID);
  gh_saved_connection_set_waba_id (saved, GH_DEMO_WABA_ID);
  gh_token_store_save_async (fixture->store, saved, token, NULL, gh_test_keep_result_cb,
                             &result);
  g_assert_true (gh_token_store_save_finish (fixture->store, gh_test_wait_result (&result),
                                             NULL));
}

static gboolean
all_rechecked (gpointer data)
{
  GListModel *connections = gh_session_get_connections (data);

  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(GhSavedConnection) saved = g_list_model_get_item (connections, i);

      if (gh_saved_connection_get_last_checked (saved) == 0)
        return FALSE;
    }

  return g_list_model_get_n_items (connections) > 0;
}

static gboolean
window_loaded (gpointer data)
{
  return gh_access_window_is_loaded (data);
}

static gboolean
window_idle (gpointer data)
{
  return gh_access_window_is_idle (data);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gh-access-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  fixture->store = gh_token_store_new_in_memory ();
  save (fixture, "conn-admin", "Lucky Shrub admin", GH_DEMO_TOKEN_ADMIN);
  save (fixture, "conn-helpdesk", "Helpdesk", GH_DEMO_TOKEN_EMPLOYEE);
  fixture->session = gh_session_new (fixture->settings, fixture->store,
                                     gh_demo_server_get_url (fixture->server));
  gh_session_reload_async (fixture->session, NULL, NULL, NULL);
  /* The first listing checks every connection quietly: done before anything is counted. */
  g_assert_true (gh_test_wait_for (all_rechecked, fixture->session, 20000));

  gh_demo_server_reset_counts (fixture->server);
  fixture->window = gh_access_window_new (NULL, fixture->session, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (gh_test_wait_for (window_loaded, fixture->window, 20000));
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer window = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (window), &window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (gh_test_wait_for (pointer_cleared, &window, 10000));
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_assert_finalize_object (fixture->server);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  GhAccessOverview *overview = gh_access_window_get_overview (fixture->window);
  guint n_people = g_list_model_get_n_items (gh_access_overview_get_people (overview));
  GtkWidget *column_view = gh_test_find_widget_of_type (GTK_WIDGET (fixture->window),
                                                        GTK_TYPE_COLUMN_VIEW);

  /* Name, ID, then one column per account. */
  g_assert_cmpuint (g_list_model_get_n_items (
                      gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view))), ==, 4);
  g_assert_cmpuint (gh_access_window_get_n_shown (fixture->window), ==, n_people);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==,
                    gh_access_overview_get_n_calls (overview));
  g_assert_nonnull (gh_test_find_label (GTK_WIDGET (fixture->window),
                                        "2 accounts read with 6 calls to Meta in 3 requests."));

  gh_access_window_set_search (fixture->window, "Anna FLEX");
  g_assert_cmpuint (gh_access_window_get_n_shown (fixture->window), ==, 1);
  gh_access_window_set_search (fixture->window, JASPER_ID);
  g_assert_cmpuint (gh_access_window_get_n_shown (fixture->window), ==, 1);
  gh_access_window_set_search (fixture->window, "");
  g_assert_cmpuint (gh_access_window_get_n_shown (fixture->window), ==, n_people);
}

static gboolean
file_has (const char *path,
          const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Walked through person by person; the decision staged, applied, and the dated report
 * written as a PDF that says what happened. */
static void
test_review_and_report (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GhAccessReview *review = gh_access_window_get_review (fixture->window);
  g_autofree char *pdf = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "review.txt", NULL);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GtkPrintOperationResult printed;
  int status = -1;

  gh_access_window_show_review (fixture->window, TRUE);
  g_assert_cmpuint (gh_access_window_get_review_position (fixture->window), ==, 0);

  /* Keep everyone up to Jasper, remove him, leave the rest undecided. */
  for (;;)
    {
      guint position = gh_access_window_get_review_position (fixture->window);
      GhAccessPerson *person = gh_access_review_get_person (review, position);

      if (g_str_equal (gh_access_person_get_id (person), JASPER_ID))
        {
          g_assert_true (gtk_widget_activate_action (widget, "review.remove", NULL));
          break;
        }
      g_assert_true (gtk_widget_activate_action (widget, "review.keep", NULL));
      g_assert_cmpuint (gh_access_window_get_review_position (fixture->window), ==,
                        position + 1);
    }
  g_assert_cmpuint (gh_access_review_count (review, GH_REVIEW_REMOVE), ==, 1);
  g_assert_true (gtk_widget_activate_action (widget, "review.previous", NULL));
  g_assert_nonnull (gh_test_find_label (widget, "Decided: remove"));

  g_assert_true (gtk_widget_activate_action (widget, "review.stage", NULL));
  g_assert_true (gh_test_wait_for (window_idle, fixture->window, 10000));
  g_assert_cmpuint (gh_access_review_get_n_staged (review), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);

  g_assert_true (gtk_widget_activate_action (widget, "review.apply", NULL));
  g_assert_true (gh_test_wait_for (window_idle, fixture->window, 10000));
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server,
                                                            GH_DEMO_WABA_ID), ==, 40);

  printed = gh_review_print (review, GTK_WINDOW (fixture->window), pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (printed, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (file_has (pdf, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      g_unlink (pdf);
      return;
    }

  {
    const char *argv[] = { pdftotext, pdf, txt, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  title = gh_access_review_dup_title (review);
  g_assert_true (file_has (txt, title));
  g_assert_true (file_has (txt, "Jasper Brown"));
  g_assert_true (file_has (txt, "Decision: Remove"));
  g_assert_true (file_has (txt, "1 removed"));
  g_unlink (pdf);
  g_unlink (txt);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A record of this run's own, before anything reads where the data directory is. */
  data_home = g_dir_make_tmp ("gh-access-window-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/access-window/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("overview", test_overview);
  ADD ("review-and-report", test_review_and_report);
#undef ADD

  status = g_test_run ();
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
