/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-people-page"

#include "config.h"

#include <glib/gstdio.h>

#include "gh-add-person-dialog.h"
#include "gh-people-test-util.h"
#include "gh-test-util.h"

/* The people page in a real window under Xvfb, against the demo Graph server on loopback:
 * what a person sees and what Meta ends up holding after each edit. */

static void
test_load_and_find (GhPeopleFixture *fixture,
                    gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GtkWidget *check;
  GtkWidget *own;
  g_autofree char *screenshot = NULL;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==, 41);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "41 people");
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "with full control");

  /* Every row in the grid, as a person sees it once loaded. */
  gh_test_search (fixture, "", 41);
  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-people.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);

  /* Every check box says whose task it is. */
  gh_test_search (fixture, "anna flex", 1);
  check = gh_test_find_check (fixture, "Full control for Anna Flex");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_get_sensitive (check));
  check = gh_test_find_check (fixture, "Messaging for Anna Flex");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (gh_test_page_named (fixture, GTK_TYPE_BUTTON, "Remove Anna Flex"));
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "1 shown of 41 people");

  /* By ID too, and the token's own system user is marked. */
  gh_test_search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  gh_test_find_check (fixture, "Full control for " GH_DEMO_ADMIN_USER_NAME);
  own = gh_test_wait_for_label (GTK_WIDGET (fixture->page), "This connection");
  g_assert_true (gtk_widget_get_visible (own));
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "System user");

  gh_test_search (fixture, "no such person", 0);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "No One Found");
}

static void
test_plain_names (GhPeopleFixture *fixture,
                  gconstpointer    data)
{
  GtkWidget *label;

  gh_test_load_page (fixture, TRUE);

  /* Markup-like text is shown as typed, not interpreted. */
  gh_test_search (fixture, "bold", 1);
  label = gh_test_wait_for_label (GTK_WIDGET (fixture->page), "<b>Bold & Co</b>");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  gh_test_find_check (fixture, "View templates for <b>Bold & Co</b>");

  /* A blank name shows the ID instead. */
  gh_test_search (fixture, BLANK_ID, 1);
  gh_test_find_check (fixture, "View cost for " BLANK_ID);

  /* Right-to-left names as they are. */
  gh_test_search (fixture, "مريم", 1);
  label = gh_test_wait_for_label (GTK_WIDGET (fixture->page), "مريم الحسيني");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "مريم الحسيني");
}

static void
test_stage_and_discard (GhPeopleFixture *fixture,
                        gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GhAssignment *anna;
  GtkWidget *check;
  GtkWidget *apply;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);
  anna = gh_test_find_row (editor, ANNA_ID);
  apply = gh_test_button_with_label (GTK_WIDGET (fixture->page), "Apply");
  g_assert_false (gtk_widget_is_sensitive (apply));
  g_assert_false (gh_people_page_has_changes (fixture->page));

  gh_test_search (fixture, "anna flex", 1);
  check = gh_test_find_check (fixture, "Messaging for Anna Flex");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_true (gh_assignment_get_tasks (anna) & GH_TASK_MESSAGING);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Changed");
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "1 change");
  g_assert_true (gtk_widget_is_sensitive (apply));
  g_assert_true (gh_people_page_has_changes (fixture->page));

  /* Discard puts the box back. */
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Discard"));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gh_people_page_has_changes (fixture->page));
  g_assert_false (gtk_widget_is_sensitive (apply));
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "No changes");

  /* Remove stages, Restore takes it back. */
  gh_test_click (gh_test_page_named (fixture, GTK_TYPE_BUTTON, "Remove Anna Flex"));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_REMOVED);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "To be removed");
  g_assert_false (gtk_widget_get_sensitive (gh_test_find_check (fixture,
                                                                "Messaging for Anna Flex")));
  gh_test_click (gh_test_page_named (fixture, GTK_TYPE_BUTTON, "Restore Anna Flex"));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_UNCHANGED);

  /* The row menu's presets. */
  g_assert_true (gtk_widget_activate_action (gh_test_page_named (fixture, GTK_TYPE_MENU_BUTTON,
                                                                 "Access presets for Anna Flex"),
                                             "row.partial", NULL));
  g_assert_cmpuint (gh_assignment_get_tasks (anna), ==, GH_TASK_PRESET_PARTIAL);
  g_assert_true (gtk_check_button_get_active
                   (GTK_CHECK_BUTTON (gh_test_find_check (fixture, "Messaging for Anna Flex"))));
  gh_people_page_discard (fixture->page);
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
}

static void
test_apply_and_undo (GhPeopleFixture *fixture,
                     gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GtkWidget *check;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);
  g_assert_false (gh_test_held_on_server (fixture, ANNA_ID) & GH_TASK_MESSAGING);

  gh_test_search (fixture, "anna flex", 1);
  check = gh_test_find_check (fixture, "Messaging for Anna Flex");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  g_assert_true (gh_people_page_has_changes (fixture->page));
  gh_test_wait_editor_idle (editor);

  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Changes applied");
  g_assert_false (gh_people_page_has_changes (fixture->page));
  g_assert_true (gh_test_held_on_server (fixture, ANNA_ID) & GH_TASK_MESSAGING);
  g_assert_true (gh_test_held_on_server (fixture, ANNA_ID) & GH_TASK_MANAGE);

  /* The toast's Undo puts back what Meta held before. */
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Undo"));
  g_assert_true (gh_assignment_editor_get_applying (editor));
  gh_test_wait_editor_idle (editor);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Changes undone");
  g_assert_cmpuint (gh_test_held_on_server (fixture, ANNA_ID), ==, GH_TASK_MANAGE);
  g_assert_false (gtk_check_button_get_active
                    (GTK_CHECK_BUTTON (gh_test_find_check (fixture, "Messaging for Anna Flex"))));
}

static void
test_partial_failure (GhPeopleFixture *fixture,
                      gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GhAssignment *anna;
  GhAssignment *jasper;
  GhAssignment *failed;
  GhAssignment *passed;
  GtkWidget *label;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);
  anna = gh_test_find_row (editor, ANNA_ID);
  jasper = gh_test_find_row (editor, JASPER_ID);

  gh_test_search (fixture, "anna flex", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gh_test_find_check (fixture,
                                                                     "Messaging for Anna Flex")),
                               TRUE);
  gh_test_search (fixture, "jasper", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gh_test_find_check (fixture,
                                                                     "Messaging for Jasper Brown")),
                               TRUE);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);

  /* Meta refuses the first request only. */
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 400, 100, 0, 1);
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  gh_test_wait_editor_idle (editor);

  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "1 change failed; it is still staged");
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);
  failed = gh_assignment_get_result (anna) == GH_ASSIGNMENT_RESULT_FAILED ? anna : jasper;
  passed = failed == anna ? jasper : anna;
  g_assert_cmpint (gh_assignment_get_result (failed), ==, GH_ASSIGNMENT_RESULT_FAILED);
  g_assert_cmpint (gh_assignment_get_state (failed), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpint (gh_assignment_get_state (passed), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_true (gh_test_held_on_server (fixture, gh_assignment_get_id (passed))
                 & GH_TASK_MESSAGING);
  g_assert_false (gh_test_held_on_server (fixture, gh_assignment_get_id (failed))
                  & GH_TASK_MESSAGING);

  /* The failed row says why, on the row. */
  gh_test_search (fixture, gh_assignment_get_id (failed), 1);
  label = gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Failed: ");
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (label))), >, strlen ("Failed: "));
  g_assert_true (gh_people_page_has_changes (fixture->page));

  /* Trying again sends what is still staged. */
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  gh_test_wait_editor_idle (editor);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_true (gh_test_held_on_server (fixture, gh_assignment_get_id (failed))
                 & GH_TASK_MESSAGING);
}

static gboolean
paused (gpointer data)
{
  return gh_assignment_editor_get_paused_seconds (data) > 0;
}

static void
test_rate_limit (GhPeopleFixture *fixture,
                 gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GtkWidget *label;
  const char *text;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);

  gh_test_search (fixture, "anna flex", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gh_test_find_check (fixture,
                                                                     "Messaging for Anna Flex")),
                               TRUE);
  gh_test_search (fixture, "jasper", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gh_test_find_check (fixture,
                                                                     "Messaging for Jasper Brown")),
                               TRUE);

  /* The first request uses the whole budget (Meta's usage header says 100 %), so the
   * client holds the next one back for five minutes. */
  gh_demo_server_set_rate_limit (fixture->server, 1, 5);
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  g_assert_true (gh_test_wait_for (paused, editor, 20000));
  label = gh_test_wait_for_label (GTK_WIDGET (fixture->page), "before the next change");
  text = gtk_label_get_text (GTK_LABEL (label));
  g_assert_nonnull (strstr (text, "It will continue by itself"));
  g_assert_true (strstr (text, "wait 4:") != NULL || strstr (text, "wait 5:00") != NULL);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Applying 2 of 2");
  g_assert_true (gh_people_page_has_changes (fixture->page));

  /* Meta is ready again, and the client is told so: Try Now sends the waiting request
   * without losing anything. */
  gh_demo_server_clear_faults (fixture->server);
  gh_graph_client_end_wait (fixture->client);
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Try Now"));
  gh_test_wait_editor_idle (editor);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Changes applied");
  g_assert_true (gh_test_held_on_server (fixture, ANNA_ID) & GH_TASK_MESSAGING);
  g_assert_true (gh_test_held_on_server (fixture, JASPER_ID) & GH_TASK_MESSAGING);
}

static void
test_lockout (GhPeopleFixture *fixture,
              gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GhAssignment *own;
  GtkWidget *check;
  GtkWidget *dialog;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);
  own = gh_test_find_row (editor, GH_DEMO_ADMIN_USER_ID);
  g_assert_true (gh_assignment_get_is_own (own));

  gh_test_search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  check = gh_test_find_check (fixture, "Full control for " GH_DEMO_ADMIN_USER_NAME);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);

  /* Nothing staged yet: the box stays ticked while the dialog explains. */
  dialog = gh_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "will no longer be able to change who has access"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  gh_test_respond (dialog, "Cancel");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpint (gh_assignment_get_state (own), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_false (gh_people_page_has_changes (fixture->page));

  /* Removing the row asks as well; confirming stages it. */
  gh_test_click (gh_test_page_named (fixture, GTK_TYPE_BUTTON, "Remove " GH_DEMO_ADMIN_USER_NAME));
  dialog = gh_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (gh_assignment_get_state (own), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  gh_test_respond (dialog, "Remove");
  g_assert_cmpint (gh_assignment_get_state (own), ==, GH_ASSIGNMENT_STATE_REMOVED);
  gh_people_page_discard (fixture->page);

  /* Someone else's full control goes without a question. */
  gh_test_search (fixture, "anna flex", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gh_test_find_check (fixture,
                                                                     "Full control for Anna Flex")),
                               FALSE);
  gh_test_pause (100);
  g_assert_null (gh_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (gh_assignment_get_tasks (gh_test_find_row (editor, ANNA_ID)) & GH_TASK_MANAGE);
}

static void
test_read_only (GhPeopleFixture *fixture,
                gconstpointer    data)
{
  GtkWidget *check;
  GtkWidget *add;

  g_object_unref (fixture->client);
  fixture->client = gh_test_client_new (fixture->server, GH_DEMO_TOKEN_EMPLOYEE);
  gh_test_load_page (fixture, FALSE);

  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "does not have Full control");
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "give it Full control");
  gh_test_search (fixture, "anna flex", 1);
  check = gh_test_find_check (fixture, "Full control for Anna Flex");
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_widget_get_sensitive (gh_test_page_named (fixture, GTK_TYPE_BUTTON,
                                                                "Remove Anna Flex")));

  add = gh_test_find_label (GTK_WIDGET (fixture->page), "Add Person");
  g_assert_true (add == NULL || !gtk_widget_is_sensitive (add));
  g_assert_null (gh_test_find_label (GTK_WIDGET (fixture->page), "Apply"));

  /* Nothing a click could stage. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (gh_test_editor_of (fixture)), ==, 0);
  g_assert_false (gh_people_page_has_changes (fixture->page));

  /* Export still works. */
  g_assert_true (gtk_widget_is_sensitive (gh_test_button_with_label (GTK_WIDGET (fixture->page),
                                                                     "Export")));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GhTestDone *done = user_data;
  g_autoptr(GError) error = NULL;

  done->ok = gh_people_page_save_csv_finish (GH_PEOPLE_PAGE (object), result, &error);
  g_assert_no_error (error);
  done->done = TRUE;
}

static void
test_csv (GhPeopleFixture *fixture,
          gconstpointer    data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GhTestDone done = { FALSE, FALSE };
  guint n_rows = 0;
  GtkWidget *chooser;
  g_autofree char *name = NULL;

  gh_test_load_page (fixture, TRUE);
  gh_people_page_save_csv_async (fixture->page, file, NULL, save_done_cb, &done);
  g_assert_true (gh_test_wait_for (gh_test_is_done, &done, 10000));
  g_assert_true (done.ok);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (g_strchomp (lines[0]), ==, "name,id,type,tasks");
  for (guint i = 1; lines[i] != NULL; i++)
    if (*g_strchomp (lines[i]) != '\0')
      n_rows++;
  g_assert_cmpuint (n_rows, ==, 41);
  g_assert_nonnull (strstr (contents, "Anna Flex," ANNA_ID ","));
  g_unlink (path);

  /* Export asks where, suggesting a name that says which account it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "people.export",
                                             NULL));
  chooser = gh_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, GH_DEMO_WABA_ID "-people.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
}

static void
test_add_person (GhPeopleFixture *fixture,
                 gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GhAddPersonDialog *dialog;
  GtkWidget *id_row;
  GhAssignment *row;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);

  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Add Person"));
  dialog = GH_ADD_PERSON_DIALOG (gh_test_wait_for_toplevel (GH_TYPE_ADD_PERSON_DIALOG));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  gh_test_wait_for_label (GTK_WIDGET (dialog), "Oliver Schmidt");
  g_assert_cmpuint (gh_add_person_dialog_get_n_candidates (dialog), >, 0);
  /* Those already assigned are not offered. */
  g_assert_false (gh_add_person_dialog_select_candidate (dialog, ANNA_ID));

  /* A pasted ID that is not all digits is explained, not sent. */
  id_row = gh_test_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (id_row), "12ab");
  gh_test_wait_for_label (GTK_WIDGET (dialog), "only digits");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-person.add", NULL));
  g_assert_null (gh_test_find_row (editor, "12ab"));

  /* Picking someone fills the ID; "Full control" is one of the initial choices. */
  g_assert_true (gh_add_person_dialog_select_candidate (dialog, OLIVER_ID));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, OLIVER_ID);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_ancestor
                                                   (gh_test_wait_for_label (GTK_WIDGET (dialog),
                                                                            "Full control: "),
                                                    GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  gh_test_click (gh_test_find_named (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add"));
  g_assert_null (gh_test_find_toplevel (GH_TYPE_ADD_PERSON_DIALOG));

  row = gh_test_find_row (editor, OLIVER_ID);
  g_assert_nonnull (row);
  g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_NEW);
  g_assert_cmpuint (gh_assignment_get_tasks (row), ==, GH_TASK_PRESET_FULL_CONTROL);
  g_assert_cmpstr (gh_assignment_get_display_name (row), ==, "Oliver Schmidt");
  gh_test_search (fixture, "oliver", 1);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "New");
  gh_test_find_check (fixture, "Full control for Oliver Schmidt");

  /* Applied, Meta holds it. */
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  gh_test_wait_editor_idle (editor);
  g_assert_cmpuint (gh_test_held_on_server (fixture, OLIVER_ID), ==, GH_TASK_MANAGE);
}

static void
test_add_without_listing (GhPeopleFixture *fixture,
                          gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GtkWidget *dialog;
  GhAssignment *row;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);

  /* The token may not list the business's people (business_management missing). */
  gh_demo_server_set_error (fixture->server, GH_DEMO_BUSINESS_ID "/", 403, 200, 0, 0);
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Add Person"));
  dialog = gh_test_wait_for_toplevel (GH_TYPE_ADD_PERSON_DIALOG);
  gh_test_wait_for_label (dialog, "business_management");
  gh_test_wait_for_label (dialog, "paste a user ID");

  gtk_editable_set_text (GTK_EDITABLE (gh_test_find_widget_of_type (dialog, ADW_TYPE_ENTRY_ROW)),
                         AMARA_ID);
  g_assert_true (gtk_widget_activate_action (dialog, "add-person.add", NULL));
  row = gh_test_find_row (editor, AMARA_ID);
  g_assert_nonnull (row);
  g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_NEW);
  g_assert_cmpuint (gh_assignment_get_tasks (row), ==, GH_TASK_PRESET_PARTIAL);
  g_assert_true (gh_people_page_has_changes (fixture->page));
}

typedef struct
{
  gboolean         saw_progress;
  gboolean         saw_rows_early;
  GhPeopleFixture *fixture;
} Ticker;

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  GhAssignmentEditor *editor = gh_people_page_get_editor (ticker->fixture->page);

  if (editor != NULL && gh_assignment_editor_get_loading (editor))
    {
      guint loaded = gh_assignment_editor_get_loaded (editor);

      if (loaded > 0 && loaded < 10000
          && gh_test_find_label (GTK_WIDGET (ticker->fixture->page), " of 10,000 people…"))
        ticker->saw_progress = TRUE;
      if (loaded > 0 && loaded < 10000 && gh_test_grid_rows (ticker->fixture) > 0)
        ticker->saw_rows_early = TRUE;
    }

  return G_SOURCE_CONTINUE;
}

static void
test_ten_thousand (GhPeopleFixture *fixture,
                   gconstpointer    data)
{
  Ticker ticker = { FALSE, FALSE, fixture };
  guint tick;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 10000);
  /* A little of a network's delay per page (Meta's is far longer): without it the
   * in-process server answers so fast that no frame is drawn until the last page. */
  gh_demo_server_set_latency (fixture->server, 10);
  gh_test_pause (200);

  tick = g_timeout_add (10, tick_cb, &ticker);
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       GH_DEMO_ADMIN_USER_ID, TRUE);
  g_assert_true (gh_test_wait_for (gh_test_page_loaded, fixture, 120000));
  /* Until the grid holds every row, and a few frames more. */
  gh_test_wait_for_rows (fixture, 10000, 60000);
  gh_test_pause (300);
  g_source_remove (tick);

  /* How long the window stalls is the benchmark's to measure: here, that it all arrives. */
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model
                                                (gh_test_editor_of (fixture))), ==, 10000);
  g_assert_true (ticker.saw_progress);
  g_assert_true (ticker.saw_rows_early);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "10,000 people");

  /* Narrowing the search step by step, then clearing it, shows the right rows each time. */
  gh_test_search (fixture, "person 0", 9999);
  gh_test_search (fixture, "person 09", 1000);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "1,000 shown of 10,000 people");
  gh_test_search (fixture, "person 0999", 10);
  gh_test_search (fixture, "person 09999", 1);
  gh_test_find_check (fixture, "Full control for Person 09999");
  gh_test_search (fixture, "", 10000);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "10,000 people, ");

  /* Sorting the other way round puts the last person first. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (gh_test_find_widget_of_type
                                             (GTK_WIDGET (fixture->page),
                                              GTK_TYPE_COLUMN_VIEW));
    g_autoptr(GtkColumnViewColumn) person = g_list_model_get_item
                                              (gtk_column_view_get_columns (view), 0);

    gtk_column_view_sort_by_column (view, person, GTK_SORT_DESCENDING);
    gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Person 10000");
    gh_test_find_check (fixture, "Full control for Person 10000");
  }
}

static void
test_load_error (GhPeopleFixture *fixture,
                 gconstpointer    data)
{
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 500, 2, 0, 0);
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       GH_DEMO_ADMIN_USER_ID, TRUE);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Try Again");
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model
                                                (gh_test_editor_of (fixture))), ==, 0);

  gh_demo_server_clear_faults (fixture->server);
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Try Again"));
  g_assert_true (gh_test_wait_for (gh_test_page_loaded, fixture, 20000));
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "41 people");
}

static void
test_empty (GhPeopleFixture *fixture,
            gconstpointer    data)
{
  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 0);
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       GH_DEMO_ADMIN_USER_ID, TRUE);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Nobody Has Access Yet");
  gh_people_page_clear (fixture->page);
  g_assert_null (gh_people_page_get_editor (fixture->page));
  g_assert_false (gh_people_page_has_changes (fixture->page));
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend lets the tests read the names screen readers get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  GH_PEOPLE_TEST_ADD ("/people/load-and-find", test_load_and_find);
  GH_PEOPLE_TEST_ADD ("/people/plain-names", test_plain_names);
  GH_PEOPLE_TEST_ADD ("/people/stage-and-discard", test_stage_and_discard);
  GH_PEOPLE_TEST_ADD ("/people/apply-and-undo", test_apply_and_undo);
  GH_PEOPLE_TEST_ADD ("/people/partial-failure", test_partial_failure);
  GH_PEOPLE_TEST_ADD ("/people/rate-limit", test_rate_limit);
  GH_PEOPLE_TEST_ADD ("/people/lockout", test_lockout);
  GH_PEOPLE_TEST_ADD ("/people/read-only", test_read_only);
  GH_PEOPLE_TEST_ADD ("/people/csv", test_csv);
  GH_PEOPLE_TEST_ADD ("/people/add-person", test_add_person);
  GH_PEOPLE_TEST_ADD ("/people/add-without-listing", test_add_without_listing);
  GH_PEOPLE_TEST_ADD ("/people/load-error", test_load_error);
  GH_PEOPLE_TEST_ADD ("/people/empty", test_empty);
  GH_PEOPLE_TEST_ADD ("/people/ten-thousand", test_ten_thousand);

  return g_test_run ();
}
