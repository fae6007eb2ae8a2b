/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gh-add-person-dialog.h"
#include "gh-demo-server.h"
#include "gh-people-grid.h"
#include "gh-people-keys.h"
#include "gh-people-list.h"
#include "gh-people-page.h"
#include "gh-shortcuts-window.h"
#include "gh-people-slots.h"
#include "gh-person-row.h"
#include "gh-person-tasks.h"
#include "gh-ui-test-util.h"

/* The people grid in a real window under Xvfb, against the demo Graph server on loopback:
 * what a person sees and what Meta ends up holding after each edit. */

#define ANNA_ID   "1972385232742142"
#define JASPER_ID "1972385232752545"
#define BLANK_ID  "1972385232075954"
#define OLIVER_ID "1972385232611316"
#define AMARA_ID  "1972385232993744"

typedef struct
{
  char          *tmpdir;
  GhDemoServer  *server;
  GhGraphClient *client;
  GtkWindow     *window;
  GhPeoplePage  *page;
} Fixture;

static GhGraphClient *
client_new (Fixture    *fixture,
            const char *token)
{
  g_autoptr(GError) error = NULL;
  GhGraphClient *client;

  client = gh_graph_client_new (gh_demo_server_get_url (fixture->server), NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, token);
  return client;
}

static gboolean
window_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
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

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  fixture->client = client_new (fixture, GH_DEMO_TOKEN_ADMIN);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = g_object_new (GH_TYPE_PEOPLE_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_present (fixture->window);
  g_assert_true (gh_test_wait_for (window_allocated, fixture->window, 10000));
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_other_windows (Fixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) fixture->window)
      gtk_window_destroy (l->data);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer page = fixture->page;
  gpointer client = fixture->client;

  close_other_windows (fixture);
  g_object_add_weak_pointer (G_OBJECT (fixture->page), &page);
  gtk_window_destroy (fixture->window);
  g_assert_true (gh_test_wait_for (pointer_cleared, &page, 10000));

  /* The page's editor let go of the client once the page was gone. */
  g_object_add_weak_pointer (G_OBJECT (fixture->client), &client);
  g_object_unref (fixture->client);
  g_assert_true (gh_test_wait_for (pointer_cleared, &client, 10000));

  g_assert_finalize_object (fixture->server);
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Helpers */

static GhAssignmentEditor *
editor_of (Fixture *fixture)
{
  GhAssignmentEditor *editor = gh_people_page_get_editor (fixture->page);

  g_assert_nonnull (editor);
  return editor;
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
load_page (Fixture  *fixture,
           gboolean  can_edit)
{
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       can_edit ? GH_DEMO_ADMIN_USER_ID : GH_DEMO_EMPLOYEE_USER_ID, can_edit);
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
accessible_label_is (GtkWidget  *widget,
                     const char *label)
{
  g_autofree char *mismatch = NULL;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

static GtkWidget *
find_by_accessible_label (GtkWidget  *root,
                          GType       type,
                          const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root)
      && accessible_label_is (root, label))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_accessible_label (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  GType       type;
  const char *label;
  GtkWidget  *found;
} Lookup;

static gboolean
lookup_done (gpointer data)
{
  Lookup *lookup = data;

  lookup->found = find_by_accessible_label (GTK_WIDGET (lookup->fixture->page), lookup->type,
                                            lookup->label);
  return lookup->found != NULL;
}

/* Waits for the grid to show a widget of @type named @label for screen readers. */
static GtkWidget *
wait_for_named (Fixture    *fixture,
                GType       type,
                const char *label)
{
  Lookup lookup = { fixture, type, label, NULL };

  if (!gh_test_wait_for (lookup_done, &lookup, 10000))
    g_error ("No %s named “%s” on screen", g_type_name (type), label);
  return lookup.found;
}

static GtkWidget *
find_check (Fixture    *fixture,
            const char *label)
{
  return wait_for_named (fixture, GTK_TYPE_CHECK_BUTTON, label);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return gh_test_find_label (wait->root, wait->text) != NULL;
}

static GtkWidget *
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };

  if (!gh_test_wait_for (label_shown, &wait, 15000))
    g_error ("No label with “%s” on screen", text);
  return gh_test_find_label (root, text);
}

static GtkSearchEntry *
search_entry (Fixture *fixture)
{
  GtkWidget *entry = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                  GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return GTK_SEARCH_ENTRY (entry);
}

typedef struct
{
  Fixture *fixture;
  guint    n;
} CountWait;

static gboolean
shows_n_rows (gpointer data)
{
  CountWait *wait = data;
  GtkColumnView *view = GTK_COLUMN_VIEW (gh_test_find_widget_of_type
                                           (GTK_WIDGET (wait->fixture->page),
                                            GTK_TYPE_COLUMN_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) == wait->n;
}

/* Types into the search field and waits for the grid to show @n rows. */
static void
search (Fixture    *fixture,
        const char *text,
        guint       n)
{
  CountWait wait = { fixture, n };

  gtk_editable_set_text (GTK_EDITABLE (search_entry (fixture)), text);
  g_assert_true (gh_test_wait_for (shows_n_rows, &wait, 5000));
}

static GtkWidget *
button_with_label (GtkWidget  *root,
                   const char *text)
{
  GtkWidget *label = wait_for_label (root, text);

  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

/* As a pointer click does it: at once, unlike gtk_widget_activate's animated press. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
editor_idle (gpointer data)
{
  GhAssignmentEditor *editor = data;

  return !gh_assignment_editor_get_applying (editor) && !gh_assignment_editor_get_loading (editor);
}

static void
wait_editor_idle (GhAssignmentEditor *editor)
{
  g_assert_true (gh_test_wait_for (editor_idle, editor, 30000));
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Done;

static gboolean
is_done (gpointer data)
{
  return ((Done *) data)->done;
}

static void
editor_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Done *done = user_data;
  g_autoptr(GError) error = NULL;

  done->ok = gh_assignment_editor_load_finish (GH_ASSIGNMENT_EDITOR (object), result, &error);
  g_assert_no_error (error);
  done->done = TRUE;
}

/* What Meta holds now, read by an editor of its own. */
static GhAssignmentEditor *
read_back (Fixture *fixture)
{
  GhAssignmentEditor *editor;
  Done done = { FALSE, FALSE };

  editor = gh_assignment_editor_new (fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                     GH_DEMO_ADMIN_USER_ID);
  gh_assignment_editor_load_async (editor, NULL, editor_loaded_cb, &done);
  g_assert_true (gh_test_wait_for (is_done, &done, 20000));
  g_assert_true (done.ok);
  return editor;
}

static GhTaskFlags
held_on_server (Fixture    *fixture,
                const char *id)
{
  GhAssignmentEditor *editor = read_back (fixture);
  GhAssignment *row = find_row (editor, id);
  GhTaskFlags tasks;

  g_assert_nonnull (row);
  tasks = gh_assignment_get_held_tasks (row);
  g_assert_finalize_object (editor);
  return tasks;
}

static GtkWidget *
find_toplevel_of_type (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

typedef struct
{
  GType      type;
  GtkWidget *found;
} ToplevelWait;

static gboolean
toplevel_shown (gpointer data)
{
  ToplevelWait *wait = data;

  wait->found = find_toplevel_of_type (wait->type);
  return wait->found != NULL;
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  ToplevelWait wait = { type, NULL };

  if (!gh_test_wait_for (toplevel_shown, &wait, 10000))
    g_error ("No %s appeared", g_type_name (type));
  return wait.found;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Tests */

static void
test_load_and_find (Fixture       *fixture,
                    gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GtkWidget *check;
  GtkWidget *own;
  g_autofree char *screenshot = NULL;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), ==, 41);
  wait_for_label (GTK_WIDGET (fixture->page), "41 people");
  wait_for_label (GTK_WIDGET (fixture->page), "with full control");

  /* Every row in the grid, as a person sees it once loaded. */
  search (fixture, "", 41);
  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-people.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);

  /* Every check box says whose task it is. */
  search (fixture, "anna flex", 1);
  check = find_check (fixture, "Full control for Anna Flex");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_get_sensitive (check));
  check = find_check (fixture, "Messaging for Anna Flex");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (wait_for_named (fixture, GTK_TYPE_BUTTON, "Remove Anna Flex"));
  wait_for_label (GTK_WIDGET (fixture->page), "1 shown of 41 people");

  /* By ID too, and the token's own system user is marked. */
  search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  find_check (fixture, "Full control for " GH_DEMO_ADMIN_USER_NAME);
  own = wait_for_label (GTK_WIDGET (fixture->page), "This connection");
  g_assert_true (gtk_widget_get_visible (own));
  wait_for_label (GTK_WIDGET (fixture->page), "System user");

  search (fixture, "no such person", 0);
  wait_for_label (GTK_WIDGET (fixture->page), "No One Found");
}

static void
test_plain_names (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *label;

  load_page (fixture, TRUE);

  /* Markup-like text is shown as typed, not interpreted. */
  search (fixture, "bold", 1);
  label = wait_for_label (GTK_WIDGET (fixture->page), "<b>Bold & Co</b>");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  find_check (fixture, "View templates for <b>Bold & Co</b>");

  /* A blank name shows the ID instead. */
  search (fixture, BLANK_ID, 1);
  find_check (fixture, "View cost for " BLANK_ID);

  /* Right-to-left names as they are. */
  search (fixture, "مريم", 1);
  label = wait_for_label (GTK_WIDGET (fixture->page), "مريم الحسيني");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "مريم الحسيني");
}

static void
test_stage_and_discard (Fixture       *fixture,
                        gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GhAssignment *anna;
  GtkWidget *check;
  GtkWidget *apply;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);
  anna = find_row (editor, ANNA_ID);
  apply = button_with_label (GTK_WIDGET (fixture->page), "Apply");
  g_assert_false (gtk_widget_is_sensitive (apply));
  g_assert_false (gh_people_page_has_changes (fixture->page));

  search (fixture, "anna flex", 1);
  check = find_check (fixture, "Messaging for Anna Flex");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_true (gh_assignment_get_tasks (anna) & GH_TASK_MESSAGING);
  wait_for_label (GTK_WIDGET (fixture->page), "Changed");
  wait_for_label (GTK_WIDGET (fixture->page), "1 change");
  g_assert_true (gtk_widget_is_sensitive (apply));
  g_assert_true (gh_people_page_has_changes (fixture->page));

  /* Discard puts the box back. */
  click (button_with_label (GTK_WIDGET (fixture->page), "Discard"));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gh_people_page_has_changes (fixture->page));
  g_assert_false (gtk_widget_is_sensitive (apply));
  wait_for_label (GTK_WIDGET (fixture->page), "No changes");

  /* Remove stages, Restore takes it back. */
  click (wait_for_named (fixture, GTK_TYPE_BUTTON, "Remove Anna Flex"));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_REMOVED);
  wait_for_label (GTK_WIDGET (fixture->page), "To be removed");
  g_assert_false (gtk_widget_get_sensitive (find_check (fixture, "Messaging for Anna Flex")));
  click (wait_for_named (fixture, GTK_TYPE_BUTTON, "Restore Anna Flex"));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_UNCHANGED);

  /* The row menu's presets. */
  g_assert_true (gtk_widget_activate_action (wait_for_named (fixture, GTK_TYPE_MENU_BUTTON,
                                                             "Access presets for Anna Flex"),
                                             "row.partial", NULL));
  g_assert_cmpuint (gh_assignment_get_tasks (anna), ==, GH_TASK_PRESET_PARTIAL);
  g_assert_true (gtk_check_button_get_active
                   (GTK_CHECK_BUTTON (find_check (fixture, "Messaging for Anna Flex"))));
  gh_people_page_discard (fixture->page);
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
}

static void
test_apply_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GtkWidget *check;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);
  g_assert_false (held_on_server (fixture, ANNA_ID) & GH_TASK_MESSAGING);

  search (fixture, "anna flex", 1);
  check = find_check (fixture, "Messaging for Anna Flex");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  click (button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  g_assert_true (gh_people_page_has_changes (fixture->page));
  wait_editor_idle (editor);

  wait_for_label (GTK_WIDGET (fixture->page), "Changes applied");
  g_assert_false (gh_people_page_has_changes (fixture->page));
  g_assert_true (held_on_server (fixture, ANNA_ID) & GH_TASK_MESSAGING);
  g_assert_true (held_on_server (fixture, ANNA_ID) & GH_TASK_MANAGE);

  /* The toast's Undo puts back what Meta held before. */
  click (button_with_label (GTK_WIDGET (fixture->page), "Undo"));
  g_assert_true (gh_assignment_editor_get_applying (editor));
  wait_editor_idle (editor);
  wait_for_label (GTK_WIDGET (fixture->page), "Changes undone");
  g_assert_cmpuint (held_on_server (fixture, ANNA_ID), ==, GH_TASK_MANAGE);
  g_assert_false (gtk_check_button_get_active
                    (GTK_CHECK_BUTTON (find_check (fixture, "Messaging for Anna Flex"))));
}

static void
test_partial_failure (Fixture       *fixture,
                      gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GhAssignment *anna;
  GhAssignment *jasper;
  GhAssignment *failed;
  GhAssignment *passed;
  GtkWidget *label;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);
  anna = find_row (editor, ANNA_ID);
  jasper = find_row (editor, JASPER_ID);

  search (fixture, "anna flex", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (fixture,
                                                             "Messaging for Anna Flex")),
                               TRUE);
  search (fixture, "jasper", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (fixture,
                                                             "Messaging for Jasper Brown")),
                               TRUE);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 2);

  /* Meta refuses the first request only. */
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 400, 100, 0, 1);
  click (button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  wait_editor_idle (editor);

  wait_for_label (GTK_WIDGET (fixture->page), "1 change failed; it is still staged");
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 1);
  failed = gh_assignment_get_result (anna) == GH_ASSIGNMENT_RESULT_FAILED ? anna : jasper;
  passed = failed == anna ? jasper : anna;
  g_assert_cmpint (gh_assignment_get_result (failed), ==, GH_ASSIGNMENT_RESULT_FAILED);
  g_assert_cmpint (gh_assignment_get_state (failed), ==, GH_ASSIGNMENT_STATE_CHANGED);
  g_assert_cmpint (gh_assignment_get_state (passed), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_true (held_on_server (fixture, gh_assignment_get_id (passed)) & GH_TASK_MESSAGING);
  g_assert_false (held_on_server (fixture, gh_assignment_get_id (failed)) & GH_TASK_MESSAGING);

  /* The failed row says why, on the row. */
  search (fixture, gh_assignment_get_id (failed), 1);
  label = wait_for_label (GTK_WIDGET (fixture->page), "Failed: ");
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (label))), >, strlen ("Failed: "));
  g_assert_true (gh_people_page_has_changes (fixture->page));

  /* Trying again sends what is still staged. */
  click (button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  wait_editor_idle (editor);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  g_assert_true (held_on_server (fixture, gh_assignment_get_id (failed)) & GH_TASK_MESSAGING);
}

static gboolean
paused (gpointer data)
{
  return gh_assignment_editor_get_paused_seconds (data) > 0;
}

static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GtkWidget *label;
  const char *text;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);

  search (fixture, "anna flex", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (fixture,
                                                             "Messaging for Anna Flex")),
                               TRUE);
  search (fixture, "jasper", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (fixture,
                                                             "Messaging for Jasper Brown")),
                               TRUE);

  /* The first request uses the whole budget (Meta's usage header says 100 %), so the
   * client holds the next one back for five minutes. */
  gh_demo_server_set_rate_limit (fixture->server, 1, 5);
  click (button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  g_assert_true (gh_test_wait_for (paused, editor, 20000));
  label = wait_for_label (GTK_WIDGET (fixture->page), "before the next change");
  text = gtk_label_get_text (GTK_LABEL (label));
  g_assert_nonnull (strstr (text, "It will continue by itself"));
  g_assert_true (strstr (text, "wait 4:") != NULL || strstr (text, "wait 5:00") != NULL);
  wait_for_label (GTK_WIDGET (fixture->page), "Applying 2 of 2");
  g_assert_true (gh_people_page_has_changes (fixture->page));

  /* Meta is ready again, and the client is told so: Try Now sends the waiting request
   * without losing anything. */
  gh_demo_server_clear_faults (fixture->server);
  gh_graph_client_end_wait (fixture->client);
  click (button_with_label (GTK_WIDGET (fixture->page), "Try Now"));
  wait_editor_idle (editor);
  wait_for_label (GTK_WIDGET (fixture->page), "Changes applied");
  g_assert_true (held_on_server (fixture, ANNA_ID) & GH_TASK_MESSAGING);
  g_assert_true (held_on_server (fixture, JASPER_ID) & GH_TASK_MESSAGING);
}

static GtkWidget *
find_button_exact (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0
      && gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON) != NULL)
    return gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_exact (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the dialog's button, which is what closes it. */
static void
respond (GtkWidget  *dialog,
         const char *button)
{
  gpointer weak = dialog;

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  click (find_button_exact (dialog, button));
  g_assert_true (gh_test_wait_for (pointer_cleared, &weak, 5000));
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GhAssignment *own;
  GtkWidget *check;
  GtkWidget *dialog;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);
  own = find_row (editor, GH_DEMO_ADMIN_USER_ID);
  g_assert_true (gh_assignment_get_is_own (own));

  search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  check = find_check (fixture, "Full control for " GH_DEMO_ADMIN_USER_NAME);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);

  /* Nothing staged yet: the box stays ticked while the dialog explains. */
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "will no longer be able to change who has access"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor), ==, 0);
  respond (dialog, "Cancel");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpint (gh_assignment_get_state (own), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  g_assert_false (gh_people_page_has_changes (fixture->page));

  /* Removing the row asks as well; confirming stages it. */
  click (wait_for_named (fixture, GTK_TYPE_BUTTON,
                                       "Remove " GH_DEMO_ADMIN_USER_NAME));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (gh_assignment_get_state (own), ==, GH_ASSIGNMENT_STATE_UNCHANGED);
  respond (dialog, "Remove");
  g_assert_cmpint (gh_assignment_get_state (own), ==, GH_ASSIGNMENT_STATE_REMOVED);
  gh_people_page_discard (fixture->page);

  /* Someone else's full control goes without a question. */
  search (fixture, "anna flex", 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check (fixture,
                                                             "Full control for Anna Flex")),
                               FALSE);
  gh_test_wait_for (never, NULL, 100);
  g_assert_null (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (gh_assignment_get_tasks (find_row (editor, ANNA_ID)) & GH_TASK_MANAGE);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *check;
  GtkWidget *add;

  g_object_unref (fixture->client);
  fixture->client = client_new (fixture, GH_DEMO_TOKEN_EMPLOYEE);
  load_page (fixture, FALSE);

  wait_for_label (GTK_WIDGET (fixture->page), "does not have Full control");
  wait_for_label (GTK_WIDGET (fixture->page), "give it Full control");
  search (fixture, "anna flex", 1);
  check = find_check (fixture, "Full control for Anna Flex");
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_widget_get_sensitive (wait_for_named (fixture, GTK_TYPE_BUTTON,
                                                            "Remove Anna Flex")));

  add = gh_test_find_label (GTK_WIDGET (fixture->page), "Add Person");
  g_assert_true (add == NULL || !gtk_widget_is_sensitive (add));
  g_assert_null (gh_test_find_label (GTK_WIDGET (fixture->page), "Apply"));

  /* Nothing a click could stage. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_cmpuint (gh_assignment_editor_get_n_changes (editor_of (fixture)), ==, 0);
  g_assert_false (gh_people_page_has_changes (fixture->page));

  /* Export still works. */
  g_assert_true (gtk_widget_is_sensitive (button_with_label (GTK_WIDGET (fixture->page),
                                                             "Export")));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Done *done = user_data;
  g_autoptr(GError) error = NULL;

  done->ok = gh_people_page_save_csv_finish (GH_PEOPLE_PAGE (object), result, &error);
  g_assert_no_error (error);
  done->done = TRUE;
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Done done = { FALSE, FALSE };
  guint n_rows = 0;
  GtkWidget *chooser;
  g_autofree char *name = NULL;

  load_page (fixture, TRUE);
  gh_people_page_save_csv_async (fixture->page, file, NULL, save_done_cb, &done);
  g_assert_true (gh_test_wait_for (is_done, &done, 10000));
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
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, GH_DEMO_WABA_ID "-people.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
}

static void
test_add_person (Fixture       *fixture,
                 gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GhAddPersonDialog *dialog;
  GtkWidget *id_row;
  GhAssignment *row;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);

  click (button_with_label (GTK_WIDGET (fixture->page), "Add Person"));
  dialog = GH_ADD_PERSON_DIALOG (wait_for_toplevel (GH_TYPE_ADD_PERSON_DIALOG));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  wait_for_label (GTK_WIDGET (dialog), "Oliver Schmidt");
  g_assert_cmpuint (gh_add_person_dialog_get_n_candidates (dialog), >, 0);
  /* Those already assigned are not offered. */
  g_assert_false (gh_add_person_dialog_select_candidate (dialog, ANNA_ID));

  /* A pasted ID that is not all digits is explained, not sent. */
  id_row = gh_test_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (id_row), "12ab");
  wait_for_label (GTK_WIDGET (dialog), "only digits");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-person.add", NULL));
  g_assert_null (find_row (editor, "12ab"));

  /* Picking someone fills the ID; "Full control" is one of the initial choices. */
  g_assert_true (gh_add_person_dialog_select_candidate (dialog, OLIVER_ID));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, OLIVER_ID);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_ancestor
                                                   (wait_for_label (GTK_WIDGET (dialog),
                                                                    "Full control: "),
                                                    GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  click (find_by_accessible_label (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Add"));
  g_assert_null (find_toplevel_of_type (GH_TYPE_ADD_PERSON_DIALOG));

  row = find_row (editor, OLIVER_ID);
  g_assert_nonnull (row);
  g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_NEW);
  g_assert_cmpuint (gh_assignment_get_tasks (row), ==, GH_TASK_PRESET_FULL_CONTROL);
  g_assert_cmpstr (gh_assignment_get_display_name (row), ==, "Oliver Schmidt");
  search (fixture, "oliver", 1);
  wait_for_label (GTK_WIDGET (fixture->page), "New");
  find_check (fixture, "Full control for Oliver Schmidt");

  /* Applied, Meta holds it. */
  click (button_with_label (GTK_WIDGET (fixture->page), "Apply"));
  wait_editor_idle (editor);
  g_assert_cmpuint (held_on_server (fixture, OLIVER_ID), ==, GH_TASK_MANAGE);
}

static void
test_add_without_listing (Fixture       *fixture,
                          gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GtkWidget *dialog;
  GhAssignment *row;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);

  /* The token may not list the business's people (business_management missing). */
  gh_demo_server_set_error (fixture->server, GH_DEMO_BUSINESS_ID "/", 403, 200, 0, 0);
  click (button_with_label (GTK_WIDGET (fixture->page), "Add Person"));
  dialog = wait_for_toplevel (GH_TYPE_ADD_PERSON_DIALOG);
  wait_for_label (dialog, "business_management");
  wait_for_label (dialog, "paste a user ID");

  gtk_editable_set_text (GTK_EDITABLE (gh_test_find_widget_of_type (dialog, ADW_TYPE_ENTRY_ROW)),
                         AMARA_ID);
  g_assert_true (gtk_widget_activate_action (dialog, "add-person.add", NULL));
  row = find_row (editor, AMARA_ID);
  g_assert_nonnull (row);
  g_assert_cmpint (gh_assignment_get_state (row), ==, GH_ASSIGNMENT_STATE_NEW);
  g_assert_cmpuint (gh_assignment_get_tasks (row), ==, GH_TASK_PRESET_PARTIAL);
  g_assert_true (gh_people_page_has_changes (fixture->page));
}

static guint
grid_rows (Fixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                                      GTK_TYPE_COLUMN_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

typedef struct
{
  gboolean saw_progress;
  gboolean saw_rows_early;
  Fixture *fixture;
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
      if (loaded > 0 && loaded < 10000 && grid_rows (ticker->fixture) > 0)
        ticker->saw_rows_early = TRUE;
    }

  return G_SOURCE_CONTINUE;
}

static void
test_ten_thousand (Fixture       *fixture,
                   gconstpointer  data)
{
  Ticker ticker = { FALSE, FALSE, fixture };
  CountWait all_rows = { fixture, 10000 };
  guint tick;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 10000);
  /* A little of a network's delay per page (Meta's is far longer): without it the
   * in-process server answers so fast that no frame is drawn until the last page. */
  gh_demo_server_set_latency (fixture->server, 10);
  gh_test_wait_for (never, NULL, 200);

  tick = g_timeout_add (10, tick_cb, &ticker);
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       GH_DEMO_ADMIN_USER_ID, TRUE);
  g_assert_true (gh_test_wait_for (page_loaded, fixture, 120000));
  /* Until the grid holds every row, and a few frames more. */
  g_assert_true (gh_test_wait_for (shows_n_rows, &all_rows, 60000));
  gh_test_wait_for (never, NULL, 300);
  g_source_remove (tick);

  /* How long the window stalls is the benchmark's to measure: here, that it all arrives. */
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model
                                                (editor_of (fixture))), ==, 10000);
  g_assert_true (ticker.saw_progress);
  g_assert_true (ticker.saw_rows_early);
  wait_for_label (GTK_WIDGET (fixture->page), "10,000 people");

  /* Narrowing the search step by step, then clearing it, shows the right rows each time. */
  search (fixture, "person 0", 9999);
  search (fixture, "person 09", 1000);
  wait_for_label (GTK_WIDGET (fixture->page), "1,000 shown of 10,000 people");
  search (fixture, "person 0999", 10);
  search (fixture, "person 09999", 1);
  find_check (fixture, "Full control for Person 09999");
  search (fixture, "", 10000);
  wait_for_label (GTK_WIDGET (fixture->page), "10,000 people, ");

  /* Sorting the other way round puts the last person first. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (gh_test_find_widget_of_type
                                             (GTK_WIDGET (fixture->page),
                                              GTK_TYPE_COLUMN_VIEW));
    g_autoptr(GtkColumnViewColumn) person = g_list_model_get_item
                                              (gtk_column_view_get_columns (view), 0);

    gtk_column_view_sort_by_column (view, person, GTK_SORT_DESCENDING);
    wait_for_label (GTK_WIDGET (fixture->page), "Person 10000");
    find_check (fixture, "Full control for Person 10000");
  }
}

static void
test_load_error (Fixture       *fixture,
                 gconstpointer  data)
{
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 500, 2, 0, 0);
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       GH_DEMO_ADMIN_USER_ID, TRUE);
  wait_for_label (GTK_WIDGET (fixture->page), "Try Again");
  g_assert_cmpuint (g_list_model_get_n_items (gh_assignment_editor_get_model
                                                (editor_of (fixture))), ==, 0);

  gh_demo_server_clear_faults (fixture->server);
  click (button_with_label (GTK_WIDGET (fixture->page), "Try Again"));
  g_assert_true (gh_test_wait_for (page_loaded, fixture, 20000));
  wait_for_label (GTK_WIDGET (fixture->page), "41 people");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 0);
  gh_people_page_load (fixture->page, fixture->client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       GH_DEMO_ADMIN_USER_ID, TRUE);
  wait_for_label (GTK_WIDGET (fixture->page), "Nobody Has Access Yet");
  gh_people_page_clear (fixture->page);
  g_assert_null (gh_people_page_get_editor (fixture->page));
  g_assert_false (gh_people_page_has_changes (fixture->page));
}

/* A grid that fits */

typedef struct
{
  Fixture *fixture;
  int      width;
} WidthWait;

static gboolean
window_has_width (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (GTK_WIDGET (wait->fixture->window)) == wait->width;
}

/* Resizes the window as a person would; a window cannot be narrower than what it shows
 * needs, so @width is a wish below that. */
static void
resize_window (Fixture *fixture,
               int      width,
               int      height)
{
  WidthWait wait = { fixture, 0 };
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  wait.width = MAX (width, minimum);
  gtk_window_set_default_size (fixture->window, width, height);
  g_assert_true (gh_test_wait_for (window_has_width, &wait, 10000));
  /* The columns take their widths in an idle after the resize. */
  gh_test_wait_for (never, NULL, 300);
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  gh_test_save_screenshot (GTK_WIDGET (fixture->window), path);
  g_test_message ("Screenshot saved to %s", path);
}

static GtkWidget *
grid_view (Fixture *fixture)
{
  GtkWidget *view = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                 GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return view;
}

static GtkWidget *
grid_of (Fixture *fixture)
{
  GtkWidget *grid = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                 GH_TYPE_PEOPLE_GRID);

  g_assert_nonnull (grid);
  return grid;
}

/* Nothing the grid shows is off to the side. */
static void
assert_fits (Fixture *fixture)
{
  GtkWidget *view = grid_view (fixture);
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture->window)));
}

/* Every task of @name has its box on screen, inside the window. */
static void
assert_all_boxes (Fixture    *fixture,
                  const char *name)
{
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s for %s",
                                                gh_task_get_label (gh_task_from_index (i)),
                                                name);
      GtkWidget *check = find_check (fixture, label);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (check, GTK_WIDGET (fixture->window), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (fixture->window)));
    }
}

static void
test_fits (Fixture       *fixture,
           gconstpointer  data)
{
  load_page (fixture, TRUE);
  search (fixture, "", 41);

  for (guint i = 0; i < 2; i++)
    {
      int width = i == 0 ? 1280 : 1024;
      g_autofree char *name = g_strdup_printf ("screenshot-people-%d.png", width);

      resize_window (fixture, width, 800);
      save_screenshot (fixture, name);
      assert_fits (fixture);
      assert_all_boxes (fixture, "Anna Flex");

      /* Tasks under the names a person knows them by. */
      wait_for_label (GTK_WIDGET (fixture->page), "Templates");
      wait_for_label (GTK_WIDGET (fixture->page), "Phone numbers");
      wait_for_label (GTK_WIDGET (fixture->page), "Apps and development");
      g_assert_nonnull (gh_test_find_label (grid_view (fixture), "assets"));
    }

  /* The presets are still there. */
  g_assert_true (gtk_widget_activate_action (wait_for_named (fixture, GTK_TYPE_MENU_BUTTON,
                                                             "Access presets for Anna Flex"),
                                             "row.partial", NULL));
  g_assert_cmpuint (gh_assignment_get_tasks (find_row (editor_of (fixture), ANNA_ID)), ==,
                    GH_TASK_PRESET_PARTIAL);
}

static void
test_task_groups (void)
{
  GhTaskFlags seen = GH_TASK_NONE;

  for (GhTaskGroup group = 0; group < GH_TASK_N_GROUPS; group++)
    {
      GhTaskFlags members[GH_TASK_GROUP_MAX_TASKS];
      guint n = gh_task_group_get_tasks (group, members);

      g_assert_nonnull (gh_task_group_get_label (group));
      for (guint i = 0; i < n; i++)
        {
          /* In one group only. */
          g_assert_cmpuint (seen & members[i], ==, 0);
          seen |= members[i];
          g_assert_cmpuint (gh_task_get_group (members[i]), ==, group);
          /* Named within a group of several, by the group's name when alone. */
          if (n > 1)
            g_assert_nonnull (gh_task_get_short_label (members[i]));
        }
    }

  /* Every task Gatehouse knows is in a group. */
  g_assert_cmpuint (seen, ==, GH_TASK_ALL_KNOWN);
  g_assert_cmpuint (gh_task_get_group (GH_TASK_NONE), ==, GH_TASK_N_GROUPS);
  g_assert_cmpstr (gh_task_group_get_label (gh_task_get_group (GH_TASK_MANAGE)), ==,
                   "Full control");
  g_assert_null (gh_task_get_short_label (GH_TASK_MESSAGING));
  g_assert_cmpstr (gh_task_get_short_label (GH_TASK_VIEW_TEMPLATES), ==, "view");
  g_assert_cmpuint (gh_task_get_group (GH_TASK_MANAGE_PHONE_ASSETS), ==, GH_TASK_GROUP_PHONE);
  g_assert_cmpuint (gh_task_get_group (GH_TASK_MANAGE_EXTENSIONS), ==, GH_TASK_GROUP_APPS);
}

static GtkColumnViewColumn *
column_of (Fixture *fixture,
           guint    index)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (grid_view (fixture)));
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, index);

  return column;
}

typedef struct
{
  GtkColumnViewColumn *column;
  int                  width;
} ColumnWait;

static gboolean
column_widened (gpointer data)
{
  ColumnWait *wait = data;

  return gtk_column_view_column_get_fixed_width (wait->column) >= wait->width;
}

static gboolean
column_back (gpointer data)
{
  ColumnWait *wait = data;

  return gtk_column_view_column_get_fixed_width (wait->column) == wait->width;
}

/* How narrow the grid goes before the list takes its place. */
static int
least_width (Fixture *fixture)
{
  int width = 0;

  gtk_widget_get_size_request (gtk_widget_get_ancestor (grid_view (fixture),
                                                        GTK_TYPE_SCROLLED_WINDOW),
                               &width, NULL);
  return width;
}

/* Large text: the name column grows with it, and nothing goes off to the side. */
static void
test_text_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkAdjustment *adjustment;
  int dpi = 0;
  int person, tasks, least;
  ColumnWait wait;

  load_page (fixture, TRUE);
  search (fixture, "", 41);
  resize_window (fixture, 1280, 800);
  person = gtk_column_view_column_get_fixed_width (column_of (fixture, 0));
  tasks = gtk_column_view_column_get_fixed_width (column_of (fixture, 1));
  g_assert_cmpint (person, >, 0);

  least = least_width (fixture);

  /* Half as large again: the titles, the boxes' room and the least width of every column
   * grow with the text. */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", dpi * 3 / 2, NULL);
  wait = (ColumnWait) { column_of (fixture, 1), tasks * 6 / 5 };
  g_assert_true (gh_test_wait_for (column_widened, &wait, 10000));
  gh_test_wait_for (never, NULL, 300);
  g_assert_cmpint (least_width (fixture), >=, least * 13 / 10);
  save_screenshot (fixture, "screenshot-people-1280-large-text.png");

  /* Either the grid fits, or the list takes its place. */
  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid_view (fixture)));
  if (gtk_widget_get_mapped (grid_view (fixture)))
    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                       gtk_adjustment_get_page_size (adjustment));
  else
    wait_for_label (GTK_WIDGET (fixture->page), "Templates (view)");

  /* A quarter larger, the grid fits, and the names have more room than before. */
  g_object_set (settings, "gtk-xft-dpi", dpi * 5 / 4, NULL);
  wait = (ColumnWait) { column_of (fixture, 0), person * 6 / 5 };
  g_assert_true (gh_test_wait_for (column_widened, &wait, 10000));
  gh_test_wait_for (never, NULL, 300);
  assert_fits (fixture);

  /* Back to the usual size, the grid is back as it was. */
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  wait = (ColumnWait) { column_of (fixture, 0), person };
  g_assert_true (gh_test_wait_for (column_back, &wait, 10000));
  wait = (ColumnWait) { column_of (fixture, 1), tasks };
  g_assert_true (gh_test_wait_for (column_back, &wait, 10000));
  gh_test_wait_for (never, NULL, 300);
  assert_fits (fixture);
}

/* A name or an ID the column has no room for is in the tooltip. */
static void
test_cut_names (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *id;
  GtkWidget *badge;
  graphene_rect_t bounds;
  g_autoptr(GtkTooltip) tooltip = NULL;
  gboolean shown = FALSE;
  int natural = 0;

  load_page (fixture, TRUE);
  search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  gh_test_wait_for (never, NULL, 300);
  view = grid_view (fixture);
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);

  /* With room, nothing is cut and the name has no tooltip. */
  id = wait_for_label (view, "104169029247128");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (id))));
  g_assert_true (gtk_widget_compute_bounds (id, view, &bounds));
  g_signal_emit_by_name (view, "query-tooltip", (int) bounds.origin.x + 2,
                         (int) bounds.origin.y + 2, FALSE, tooltip, &shown);
  g_assert_false (shown);

  /* The window as narrow as the grid goes before the list takes its place. */
  resize_window (fixture, least_width (fixture), 800);
  g_assert_true (gtk_widget_get_mapped (view));
  assert_fits (fixture);

  /* The badge is never cut. */
  badge = wait_for_label (GTK_WIDGET (fixture->page), "This connection");
  gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (badge, badge, &bounds));
  g_assert_cmpfloat (bounds.size.width, >=, natural);

  /* The ID is cut: the tooltip has it whole. */
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (id))));
  g_assert_true (gtk_widget_compute_bounds (id, view, &bounds));
  g_signal_emit_by_name (view, "query-tooltip", (int) bounds.origin.x + 2,
                         (int) bounds.origin.y + 2, FALSE, tooltip, &shown);
  g_assert_true (shown);
}

/* Keys */

static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid_of (fixture));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}

/* Runs what the grid's shortcut for @accel does, as pressing it would. */
static gboolean
press_shortcut (Fixture    *fixture,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid_of (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string
                                       (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (trigger, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, accel))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 grid_of (fixture),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
assert_focus (Fixture    *fixture,
              const char *label)
{
  GtkWidget *focus = focus_of (fixture);

  g_assert_nonnull (focus);
  if (!accessible_label_is (focus, label))
    g_error ("The focus is not on “%s”", label);
}

static void
focus_on (Fixture    *fixture,
          GType       type,
          const char *label)
{
  g_assert_true (gtk_widget_grab_focus (wait_for_named (fixture, type, label)));
  assert_focus (fixture, label);
}

/* The name of the row the grid shows at @position. */
static const char *
name_at (Fixture *fixture,
         guint    position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW
                                                                 (grid_view (fixture))));
  g_autoptr(GhPeopleSlot) slot = g_list_model_get_item (model, position);

  g_assert_nonnull (slot);
  return gh_assignment_get_display_name (gh_people_slot_get_assignment (slot));
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GtkWidget *dialog;

  load_page (fixture, TRUE);
  editor = editor_of (fixture);
  search (fixture, "", 41);

  /* Up and Down keep the column: the same task of the person above or below. */
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  assert_focus (fixture, "Messaging for Aoife Ní Bhriain");
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  assert_focus (fixture, "Messaging for Ayşe Yılmaz");
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  assert_focus (fixture, "Messaging for Aoife Ní Bhriain");
  focus_on (fixture, GTK_TYPE_BUTTON, "Remove Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  assert_focus (fixture, "Remove <b>Bold & Co</b>");

  /* Left and Right go along the row. */
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  assert_focus (fixture, "Manage templates for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  assert_focus (fixture, "Full control for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  assert_focus (fixture, "Full control for Anna Flex");

  /* Down past the rows on screen: the list scrolls along. */
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "View templates for Anna Flex");
  for (guint i = 0; i < 30; i++)
    g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  {
    g_autofree char *label = g_strdup_printf ("View templates for %s", name_at (fixture, 32));
    graphene_rect_t bounds;

    assert_focus (fixture, label);
    gh_test_wait_for (never, NULL, 300);
    assert_focus (fixture, label);
    g_assert_true (gtk_widget_get_mapped (focus_of (fixture)));
    g_assert_true (gtk_widget_compute_bounds (focus_of (fixture), grid_view (fixture), &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_widget_get_height (grid_view (fixture)));
  }
  /* The first row stays put going up. */
  search (fixture, "anna flex", 1);
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  assert_focus (fixture, "Messaging for Anna Flex");

  /* Delete marks the person for removal, as the trash button does. */
  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpint (gh_assignment_get_state (find_row (editor, ANNA_ID)), ==,
                   GH_ASSIGNMENT_STATE_REMOVED);
  wait_for_label (GTK_WIDGET (fixture->page), "To be removed");
  g_assert_nonnull (wait_for_named (fixture, GTK_TYPE_BUTTON, "Restore Anna Flex"));

  /* With the same question as the button when it would lock the account out. */
  search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for " GH_DEMO_ADMIN_USER_NAME);
  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (gh_assignment_get_state (find_row (editor, GH_DEMO_ADMIN_USER_ID)), ==,
                   GH_ASSIGNMENT_STATE_UNCHANGED);
  respond (dialog, "Cancel");
  g_assert_cmpint (gh_assignment_get_state (find_row (editor, GH_DEMO_ADMIN_USER_ID)), ==,
                   GH_ASSIGNMENT_STATE_UNCHANGED);

  /* Ctrl+Return applies. */
  g_assert_true (press_shortcut (fixture, "<Control>Return"));
  g_assert_true (gh_assignment_editor_get_applying (editor));
  wait_editor_idle (editor);
  wait_for_label (GTK_WIDGET (fixture->page), "Changes applied");
  {
    GhAssignmentEditor *meta = read_back (fixture);

    g_assert_null (find_row (meta, ANNA_ID));
    g_assert_finalize_object (meta);
  }
}

/* Narrow */

static GtkWidget *
narrow_list (Fixture *fixture)
{
  GtkWidget *list = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                 GH_TYPE_PEOPLE_LIST);

  g_assert_nonnull (list);
  return gh_test_find_widget_of_type (list, GTK_TYPE_LIST_VIEW);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GhAssignmentEditor *editor;
  GhAssignment *anna;
  GtkWidget *list;
  GtkWidget *check;
  GhTaskFlags insights[GH_TASK_GROUP_MAX_TASKS];

  load_page (fixture, TRUE);
  editor = editor_of (fixture);
  anna = find_row (editor, ANNA_ID);
  search (fixture, "", 41);

  /* A phone's width: a list of people, each with what they may do in a line. */
  resize_window (fixture, 360, 720);
  save_screenshot (fixture, "screenshot-people-360.png");
  g_assert_false (gtk_widget_get_mapped (grid_view (fixture)));
  list = narrow_list (fixture);
  g_assert_true (gtk_widget_get_mapped (list));
  wait_for_label (list, "Messaging, Templates (manage)");
  wait_for_label (list, "Templates (view)");
  wait_for_label (list, "System user · 104169029248644");
  search (fixture, "tomasz", 1);
  wait_for_label (list, "Phone numbers (manage, view)");
  /* Fatima holds VIEW_INSIGHTS, which Gatehouse may not know yet: then it is counted. */
  search (fixture, "fatima", 1);
  if (gh_task_group_get_tasks (GH_TASK_GROUP_INSIGHTS, insights) > 0)
    wait_for_label (list, "Cost and billing (view), Insights");
  else
    wait_for_label (list, "Cost and billing, 1 other task");

  /* Choosing someone opens their tasks, with the keyboard on the first. */
  search (fixture, "anna flex", 1);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 0));
  check = find_check (fixture, "Messaging for Anna Flex");
  assert_focus (fixture, "Full control for Anna Flex");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check
                                                                  (fixture,
                                                                   "Full control for Anna Flex"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_CHANGED);
  wait_for_label (GTK_WIDGET (fixture->page), "Changed");
  wait_for_label (GTK_WIDGET (fixture->page), "1 change");
  save_screenshot (fixture, "screenshot-people-360-tasks.png");

  /* The presets are there too. */
  click (button_with_label (GTK_WIDGET (fixture->page), "Give Partial Access"));
  g_assert_cmpuint (gh_assignment_get_tasks (anna), ==, GH_TASK_PRESET_PARTIAL);
  g_assert_false (gtk_check_button_get_active
                    (GTK_CHECK_BUTTON (find_check (fixture, "Full control for Anna Flex"))));

  /* Back returns to the list, on the same person, who now reads differently. */
  g_assert_true (gtk_widget_activate_action (check, "people-list.back", NULL));
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gh_people_keys_row_of (focus_of (fixture)) == anna);
  wait_for_label (list, "Messaging, Templates (view), Phone numbers (view), Apps and "
                        "development (develop)");

  /* Delete marks the person for removal here too. */
  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_REMOVED);
  wait_for_label (list, "To be removed");

  /* Wide again: the grid is back, and the list lets go of its rows. */
  resize_window (fixture, 1280, 800);
  g_assert_true (gtk_widget_get_mapped (grid_view (fixture)));
  g_assert_null (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_nonnull (wait_for_named (fixture, GTK_TYPE_BUTTON, "Restore Anna Flex"));
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *accels)
{
  if (GTK_IS_SHORTCUT_LABEL (widget))
    g_string_append_printf (accels, "%s;",
                            gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, accels);
}

/* The keys are listed where a person looks for them. */
static void
test_shortcuts_window (void)
{
  GtkWidget *window = gh_shortcuts_window_new (NULL);
  g_autoptr(GString) accels = g_string_new (NULL);

  collect_accelerators (window, accels);

  g_assert_nonnull (strstr (accels->str, "<Control>Return;"));
  g_assert_nonnull (strstr (accels->str, "Delete;"));
  g_assert_nonnull (strstr (accels->str, "Up Down;"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend lets the tests read the names screen readers get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/people/load-and-find", test_load_and_find);
  ADD ("/people/plain-names", test_plain_names);
  ADD ("/people/stage-and-discard", test_stage_and_discard);
  ADD ("/people/apply-and-undo", test_apply_and_undo);
  ADD ("/people/partial-failure", test_partial_failure);
  ADD ("/people/rate-limit", test_rate_limit);
  ADD ("/people/lockout", test_lockout);
  ADD ("/people/read-only", test_read_only);
  ADD ("/people/csv", test_csv);
  ADD ("/people/add-person", test_add_person);
  ADD ("/people/add-without-listing", test_add_without_listing);
  ADD ("/people/load-error", test_load_error);
  ADD ("/people/empty", test_empty);
  ADD ("/people/ten-thousand", test_ten_thousand);
  ADD ("/people/fits", test_fits);
  ADD ("/people/text-scale", test_text_scale);
  ADD ("/people/cut-names", test_cut_names);
  ADD ("/people/keys", test_keys);
  ADD ("/people/narrow", test_narrow);
  g_test_add_func ("/people/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/people/task-groups", test_task_groups);
#undef ADD

  return g_test_run ();
}
