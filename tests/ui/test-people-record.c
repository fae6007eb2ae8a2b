/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gh-checkup-window.h"
#include "gh-demo-server.h"
#include "gh-history-window.h"
#include "gh-people-page.h"
#include "gh-ui-test-util.h"

/* The people page with a session: its applies go into the change record, the History view
 * reads it back, and a record that cannot be written stops nothing. */

#define JASPER_ID "1972385232752545"
#define JOSE_ID   "1972385232158176"
#define ANNA_ID   "1972385232742142"
#define OLIVER_ID "1972385232611316"
#define PRIYA_ID  "1972385232561913"

typedef struct
{
  char          *data_home;
  GhDemoServer  *server;
  GSettings     *settings;
  GhSession     *session;
  GtkWindow     *window;
  GhPeoplePage  *page;
} Fixture;

static char *data_home;

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
window_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
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

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhCheckReport) report = gh_session_open_finish (GH_SESSION (object), result,
                                                            &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhTokenStore) store = gh_token_store_new_in_memory ();
  g_autoptr(GhSavedConnection) description = gh_saved_connection_new ();
  gboolean opened = FALSE;

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  fixture->session = gh_session_new (fixture->settings, store,
                                     gh_demo_server_get_url (fixture->server));
  gh_saved_connection_set_label (description, "Demo");
  gh_session_open_demo_async (fixture->session, gh_demo_server_get_url (fixture->server),
                              GH_DEMO_TOKEN_ADMIN, description, NULL, opened_cb, &opened);
  g_assert_true (gh_test_wait_for (flag_set, &opened, 20000));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (GH_TYPE_PEOPLE_PAGE, "session", fixture->session, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_present (fixture->window);
  g_assert_true (gh_test_wait_for (window_allocated, fixture->window, 10000));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  gpointer session = fixture->session;

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_object_add_weak_pointer (G_OBJECT (fixture->session), &session);
  g_object_unref (fixture->session);
  g_assert_true (gh_test_wait_for (pointer_cleared, &session, 10000));
  g_clear_object (&fixture->settings);
  g_assert_finalize_object (fixture->server);

  /* Every test starts without a record. */
  remove_tree (data_home);
  g_mkdir_with_parents (data_home, 0700);
}

static gboolean
page_loaded (gpointer data)
{
  Fixture *fixture = data;
  GhAssignmentEditor *editor = gh_people_page_get_editor (fixture->page);

  return editor != NULL && !gh_assignment_editor_get_loading (editor)
         && gh_assignment_editor_get_loaded (editor) > 0;
}

static void
load_page (Fixture *fixture)
{
  gh_people_page_load (fixture->page,
                       gh_connection_get_client (gh_session_get_connection (fixture->session)),
                       GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID, GH_DEMO_ADMIN_USER_ID, TRUE);
  g_assert_true (gh_test_wait_for (page_loaded, fixture, 20000));
}

static GhAssignment *
find_row (GhAssignmentEditor *editor,
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

static gboolean
apply_over (gpointer data)
{
  GhAssignmentEditor *editor = data;

  return !gh_assignment_editor_get_applying (editor)
         && gh_assignment_editor_get_n_changes (editor) == 0;
}

static void
apply (Fixture *fixture)
{
  GhAssignmentEditor *editor = gh_people_page_get_editor (fixture->page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "people.apply",
                                             NULL));
  g_assert_true (gh_test_wait_for (apply_over, editor, 20000));
}

static GhHistoryWindow *
find_history_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GH_IS_HISTORY_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
history_loaded (gpointer data)
{
  GhHistoryWindow *window = find_history_window ();

  return window != NULL && gh_history_window_is_loaded (window)
         && gh_history_window_get_n_shown (window) >= GPOINTER_TO_UINT (data);
}

static gboolean
record_notice_shown (gpointer data)
{
  Fixture *fixture = data;

  return gh_test_find_label (GTK_WIDGET (fixture->page), "not recorded") != NULL;
}

static void
test_history_of_applies (Fixture       *fixture,
                         gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GhHistoryWindow *history;
  GhJournalEntry *entry;
  g_autofree char *csv = NULL;

  load_page (fixture);
  editor = gh_people_page_get_editor (fixture->page);
  g_assert_nonnull (gh_people_page_get_recorder (fixture->page));

  gh_assignment_editor_set_tasks (editor, find_row (editor, JASPER_ID),
                                  GH_TASK_DEVELOP | GH_TASK_MESSAGING);
  apply (fixture);
  gh_assignment_editor_set_removed (editor, find_row (editor, JOSE_ID), TRUE);
  apply (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "people.history",
                                             NULL));
  g_assert_true (gh_test_wait_for (history_loaded, GUINT_TO_POINTER (2), 10000));
  history = find_history_window ();
  g_assert_cmpuint (gh_history_window_get_n_shown (history), ==, 2);

  /* Newest first. */
  entry = gh_history_window_get_entry (history, 0);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, JOSE_ID);
  g_assert_null (gh_journal_entry_get_tasks_after (entry));
  entry = gh_history_window_get_entry (history, 1);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, JASPER_ID);
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_DONE);
  g_assert_cmpstr (gh_journal_entry_get_connection_label (entry), ==, "Demo");
  g_assert_cmpstr (gh_journal_entry_get_account_name (entry), ==, GH_DEMO_WABA_NAME);
  g_assert_nonnull (gh_test_find_label (GTK_WIDGET (history), "Develop → Develop, Messaging"));

  gh_history_window_set_filter (history, "JASPER");
  g_assert_cmpuint (gh_history_window_get_n_shown (history), ==, 1);
  csv = gh_history_window_dup_csv (history);
  g_assert_nonnull (strstr (csv, "Jasper Brown," JASPER_ID ",BUSINESS_USER,DEVELOP,"
                                 "DEVELOP MESSAGING,done,"));
  g_assert_null (strstr (csv, JOSE_ID));
  gh_history_window_set_filter (history, JOSE_ID);
  g_assert_cmpuint (gh_history_window_get_n_shown (history), ==, 1);
  gh_history_window_set_filter (history, "nobody at all");
  g_assert_cmpuint (gh_history_window_get_n_shown (history), ==, 0);

  /* An undo shows up in the open window by itself. */
  gh_history_window_set_filter (history, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "people.undo",
                                             NULL));
  g_assert_true (gh_test_wait_for (history_loaded, GUINT_TO_POINTER (3), 10000));
  entry = gh_history_window_get_entry (history, 0);
  g_assert_cmpint (gh_journal_entry_get_kind (entry), ==, GH_JOURNAL_KIND_UNDO);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, JOSE_ID);
}

/* The record cannot be opened: the page says so plainly, and edits go on. */
static void
test_record_unavailable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (data_home, "gatehouse", NULL);
  GhAssignmentEditor *editor;
  GtkWidget *notice;

  g_assert_true (g_file_set_contents (blocker, "in the way", -1, NULL));
  load_page (fixture);
  g_assert_true (gh_test_wait_for (record_notice_shown, fixture, 10000));
  notice = gh_test_find_label (GTK_WIDGET (fixture->page), "not recorded");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notice)), "Everything else works"));

  editor = gh_people_page_get_editor (fixture->page);
  gh_assignment_editor_set_tasks (editor, find_row (editor, JASPER_ID), GH_TASK_MANAGE);
  apply (fixture);
  g_assert_cmpuint (gh_assignment_get_held_tasks (find_row (editor, JASPER_ID)), ==,
                    GH_TASK_MANAGE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "people.dismiss-record", NULL));
  g_assert_null (gh_test_find_label (GTK_WIDGET (fixture->page), "not recorded"));
  g_unlink (blocker);
}

static gboolean
seen_notice_shown (gpointer data)
{
  Fixture *fixture = data;

  return gh_test_find_label (GTK_WIDGET (fixture->page), "Changed outside Gatehouse") != NULL;
}

/* Someone changes access in Business Suite; the next refresh says what, in one notice. */
static void
test_changed_outside_notice (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *notice;
  const char *text;

  load_page (fixture);
  g_assert_false (seen_notice_shown (fixture));

  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID,
                                                    OLIVER_ID, "DEVELOP"));
  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID, ANNA_ID,
                                                    "DEVELOP"));
  gh_people_page_reload (fixture->page);
  g_assert_true (gh_test_wait_for (seen_notice_shown, fixture, 10000));

  notice = gh_test_find_label (GTK_WIDGET (fixture->page), "Changed outside Gatehouse");
  text = gtk_label_get_text (GTK_LABEL (notice));
  g_assert_nonnull (strstr (text, "Anna Flex now has Develop and no longer has Full control; "
                                  "Oliver Schmidt was added with Develop."));

  /* The record keeps them as seen, for the History view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "people.history",
                                             NULL));
  g_assert_true (gh_test_wait_for (history_loaded, GUINT_TO_POINTER (2), 10000));
  g_assert_cmpint (gh_journal_entry_get_kind (gh_history_window_get_entry (
                     find_history_window (), 0)), ==, GH_JOURNAL_KIND_SEEN);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "people.dismiss-seen",
                                             NULL));
  g_assert_false (seen_notice_shown (fixture));
}

static GhCheckupWindow *
find_checkup_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GH_IS_CHECKUP_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
checkup_done (gpointer data)
{
  GhCheckupWindow *window = find_checkup_window ();

  return window != NULL && gh_checkup_window_is_done (window);
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autofree char *mismatch = NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (root),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (mismatch == NULL)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GhCheckupFinding *
finding_of_kind (GPtrArray     *findings,
                 GhCheckupKind  kind)
{
  for (guint i = 0; i < findings->len; i++)
    if (((GhCheckupFinding *) g_ptr_array_index (findings, i))->kind == kind)
      return g_ptr_array_index (findings, i);

  return NULL;
}

/* The checkup reads the business's people in one call, says what it finds, and stages its
 * fixes in the grid; nothing reaches Meta before Apply. */
static void
test_checkup (Fixture       *fixture,
              gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GhCheckupWindow *window;
  GPtrArray *findings;
  GhCheckupFinding *finding;
  GtkWidget *button;
  guint operations;

  load_page (fixture);
  editor = gh_people_page_get_editor (fixture->page);
  operations = gh_demo_server_get_operation_count (fixture->server);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "people.checkup",
                                             NULL));
  g_assert_true (gh_test_wait_for (checkup_done, NULL, 10000));
  window = find_checkup_window ();
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, operations + 1);

  findings = gh_checkup_window_get_findings (window);
  g_assert_cmpuint (findings->len, ==, 5);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (finding->kind, ==, GH_CHECKUP_NO_TWO_FACTOR);
  g_assert_cmpuint (finding->people->len, ==, 3);
  g_assert_cmpuint (finding_of_kind (findings, GH_CHECKUP_TOO_MANY_FULL_CONTROL)->people->len,
                    ==, 4);
  g_assert_nonnull (finding_of_kind (findings, GH_CHECKUP_INTEGRATION_FULL_CONTROL));
  g_assert_cmpuint (finding_of_kind (findings,
                                     GH_CHECKUP_SYSTEM_USER_FULL_CONTROL)->people->len, ==, 2);
  g_assert_cmpuint (finding_of_kind (findings, GH_CHECKUP_PENDING_INVITATION)->people->len,
                    ==, 1);
  g_assert_nonnull (gh_test_find_label (GTK_WIDGET (window), "Priya Natarajan"));

  /* Each fix is a named button; it stages, and says so. */
  button = find_named (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                       "Remove From This Account: Jasper Brown");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (gh_assignment_get_state (find_row (editor, JASPER_ID)), ==,
                   GH_ASSIGNMENT_STATE_REMOVED);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Staged");
  g_assert_false (gtk_widget_get_sensitive (button));

  button = find_named (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                       "Reduce to Partial Access: Priya Natarajan");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (gh_assignment_get_tasks (find_row (editor, PRIYA_ID)), ==,
                    GH_TASK_PRESET_PARTIAL);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);

  /* Discarded in the grid: the fix can be staged again. */
  gh_people_page_discard (fixture->page);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Applied from the grid like any edit. */
  g_signal_emit_by_name (button, "clicked");
  apply (fixture);
  g_assert_cmpuint (gh_assignment_get_held_tasks (find_row (editor, PRIYA_ID)), ==,
                    GH_TASK_PRESET_PARTIAL);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A record of this run's own, before anything reads where the data directory is. */
  data_home = g_dir_make_tmp ("gh-people-record-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* The test accessibility backend lets the tests read the names screen readers get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/people-record/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("history-of-applies", test_history_of_applies);
  ADD ("record-unavailable", test_record_unavailable);
  ADD ("changed-outside-notice", test_changed_outside_notice);
  ADD ("checkup", test_checkup);
#undef ADD

  status = g_test_run ();
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
