/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gh-application.h"
#include "gh-demo-server.h"
#include "gh-rotation-page.h"
#include "gh-secret.h"
#include "gh-test-graph.h"
#include "gh-test-util.h"
#include "gh-ui-test-util.h"
#include "gh-window.h"

/* The rotation assistant in a real window: from a saved connection whose token ends, through
 * the comparison, to one token in the keyring; reached from the window, from a reminder's
 * action and from Replace Token.  Against the demo server, whose 60-day token belongs to
 * another system user than its admin token, and against a second Graph server whose old and
 * new tokens share one.  The test gives itself a home of its own, where the autostart entry
 * lands. */

#define DAY (24 * 60 * 60)
#define OLD_TOKEN "EAAGhRotaPageOldTokenEndsInFiveDaysPo9Iu8Yt7Re6Wq5As4Df3Gh2Jk1Lz0Xc9"
#define NEW_TOKEN "EAAGhRotaPageNewTokenEndsInSixtyDaysMn1Bv2Cx3Za4Sq5Wd6Ef7Rg8Th9Yj0"

static GhApplication *application;

typedef struct
{
  GhDemoServer *server;
  GhTestGraph  *graph;
  GhWindow     *window;
  GhSession    *session;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = g_build_filename (g_get_user_data_dir (), "keyring", NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  fixture->server = gh_test_demo_server_new ();
  fixture->graph = gh_test_graph_new ();
  gh_test_graph_add_token (fixture->graph, OLD_TOKEN, NULL, now + 5 * DAY);
  gh_test_graph_add_token (fixture->graph, NEW_TOKEN, NULL, now + 60 * DAY);
  g_setenv ("GATEHOUSE_GRAPH_URL", data != NULL ? gh_test_graph_get_url (fixture->graph)
                                                : gh_demo_server_get_url (fixture->server),
            TRUE);

  if (application == NULL)
    {
      application = gh_application_new ();
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
    }
  fixture->session = gh_application_get_session (application);
  g_settings_reset (gh_application_get_settings (application), "reminders-enabled");
  g_settings_reset (gh_application_get_settings (application), "reminders-offered");

  fixture->window = gh_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (!GH_IS_WINDOW (window))
        gtk_window_destroy (window);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer weak = fixture->window;

  close_toplevels ();
  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (gh_test_wait_for (pointer_cleared, &weak, 5000));
  gh_session_close (fixture->session);

  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->graph, gh_test_graph_free);
  g_unsetenv ("GATEHOUSE_GRAPH_URL");
}

static GtkWidget *
rotation_page (Fixture *fixture)
{
  GtkWidget *page = gh_test_find_widget_of_type (GTK_WIDGET (fixture->window),
                                                 GH_TYPE_ROTATION_PAGE);

  g_assert_nonnull (page);
  return page;
}

typedef struct
{
  GhWindow   *window;
  const char *page;
} PageWait;

static gboolean
page_shows (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (gh_window_get_visible_page (wait->window), wait->page) == 0;
}

static void
wait_for_page (GhWindow   *window,
               const char *page)
{
  PageWait wait = { window, page };

  if (!gh_test_wait_for (page_shows, &wait, 20000))
    g_error ("The window shows “%s”, not “%s”", gh_window_get_visible_page (window), page);
}

/* A connection saved the way an older Gatehouse saved it, then checked once, so the
 * session knows it and has recorded who its token is. */
static char *
save_and_check (Fixture    *fixture,
                const char *label,
                const char *token)
{
  GhTokenStore *store = gh_session_get_token_store (fixture->session);
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_saved_connection_set_label (saved, label);
  gh_token_store_save_async (store, saved, token, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_token_store_save_finish (store, gh_test_wait_result (&result), &error));
  g_clear_object (&result);
  gh_session_reload_async (fixture->session, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_reload_finish (fixture->session, gh_test_wait_result (&result),
                                           &error));
  g_clear_object (&result);
  gh_session_recheck_async (fixture->session, gh_saved_connection_get_id (saved), NULL,
                            gh_test_keep_result_cb, &result);
  gh_session_recheck_finish (fixture->session, gh_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);

  return g_strdup (gh_saved_connection_get_id (saved));
}

static const char *
step_of (Fixture *fixture)
{
  return gh_rotation_page_get_step (GH_ROTATION_PAGE (rotation_page (fixture)));
}

static gboolean
compared (gpointer data)
{
  return gh_rotation_page_get_rotation (GH_ROTATION_PAGE (data)) != NULL;
}

static gboolean
shows_step (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gh_rotation_page_get_step (args[0]), args[1]) == 0;
}

static void
wait_for_step (Fixture    *fixture,
               const char *step)
{
  gpointer args[] = { rotation_page (fixture), (gpointer) step };

  if (!gh_test_wait_for (shows_step, args, 20000))
    g_error ("The assistant shows “%s”, not “%s”", step_of (fixture), step);
}

/* Pasted into the field, the way Paste puts it there. */
static void
paste_and_check (Fixture    *fixture,
                 const char *token)
{
  GtkWidget *page = rotation_page (fixture);
  GtkWidget *row = gh_test_find_widget_of_type (page, ADW_TYPE_PASSWORD_ENTRY_ROW);

  gtk_editable_set_text (GTK_EDITABLE (row), token);
  g_assert_null (gh_test_find_label (page, token));
  g_assert_nonnull (gh_test_find_label (page, "Pasted: EAAG…"));
  g_assert_true (gtk_widget_activate_action (page, "rotate.check", NULL));
  g_assert_true (gh_test_wait_for (compared, page, 20000));
}

static char *
saved_token (Fixture    *fixture,
             const char *id,
             guint      *n_items)
{
  GhTokenStore *store = gh_session_get_token_store (fixture->session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  gh_token_store_list_async (store, NULL, gh_test_keep_result_cb, &result);
  listed = gh_token_store_list_finish (store, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  *n_items = 0;
  for (guint i = 0; i < listed->len; i++)
    *n_items += g_str_equal (gh_saved_connection_get_id (g_ptr_array_index (listed, i)), id);

  g_clear_object (&result);
  gh_token_store_load_async (store, id, NULL, gh_test_keep_result_cb, &result);
  token = gh_token_store_load_finish (store, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return token;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* Every control of ours has a name a screen reader can say (libadwaita's own buttons inside
 * the entry row, such as its hidden apply button, are its business). */
static guint
assert_controls_named (GtkWidget *root)
{
  guint count = 0;
  gboolean ours = ADW_IS_ENTRY_ROW (root) || GTK_IS_SWITCH (root)
                  || (GTK_IS_BUTTON (root)
                      && (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)) != NULL
                          || gtk_widget_get_ancestor (root, ADW_TYPE_ENTRY_ROW) == NULL));

  if (ours && gtk_widget_is_visible (root))
    {
      const char *label = GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root)) : NULL;

      if (ADW_IS_ENTRY_ROW (root))
        label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      if ((label == NULL || *label == '\0')
          && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (root),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("A %s for %s has no name", G_OBJECT_TYPE_NAME (root),
                 GTK_IS_ACTIONABLE (root) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (root))
                                          : "-");
      count++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += assert_controls_named (child);

  return count;
}

/* The demo's 60-day token replaced with its admin token: another system user, said before
 * anything is replaced, and replaced only after the person confirms. */
static void
test_different_token (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = save_and_check (fixture, "Inventory", GH_DEMO_TOKEN_SIXTY_DAY);
  g_autofree char *screenshot = NULL;
  g_auto(GhSecretString) token = NULL;
  GhRotation *rotation;
  GtkWidget *page;
  guint n_items;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rotate", "s",
                                             id));
  wait_for_page (fixture->window, "rotate");
  page = rotation_page (fixture);
  g_assert_cmpstr (gh_rotation_page_get_connection_id (GH_ROTATION_PAGE (page)), ==, id);
  g_assert_cmpstr (step_of (fixture), ==, "generate");
  /* The old token's system user and app, by name, and when it ends. */
  g_assert_nonnull (gh_test_find_label (page, "Inventory Sync"));
  g_assert_nonnull (gh_test_find_label (page, GH_DEMO_APP_NAME));
  g_assert_nonnull (gh_test_find_label (page, "days. Replace it before then"));
  g_assert_cmpuint (assert_controls_named (page), >=, 8);

  /* (b) says how the integration gets it without Gatehouse copying it. */
  g_assert_true (gtk_widget_activate_action (page, "rotate.next", NULL));
  wait_for_step (fixture, "integration");
  g_assert_nonnull (gh_test_find_label (page, "never puts a token on the clipboard"));
  g_assert_true (gtk_widget_activate_action (page, "rotate.next", NULL));
  wait_for_step (fixture, "check");

  paste_and_check (fixture, GH_DEMO_TOKEN_ADMIN);
  rotation = gh_rotation_page_get_rotation (GH_ROTATION_PAGE (page));
  g_assert_true (gh_rotation_get_can_replace (rotation));
  g_assert_false (gh_rotation_get_safe (rotation));
  g_assert_cmpint (gh_rotation_item_get_verdict (gh_rotation_find_item (
                     rotation, GH_ROTATION_ASPECT_SYSTEM_USER)), ==, GH_ROTATION_CHANGED);
  /* Side by side: the old system user and the new one. */
  g_assert_cmpstr (gh_rotation_item_get_before (gh_rotation_find_item (
                     rotation, GH_ROTATION_ASPECT_SYSTEM_USER)), ==, "Inventory Sync");
  g_assert_nonnull (gh_test_find_label (page, "Saved token"));
  g_assert_nonnull (gh_test_find_label (page, GH_DEMO_ADMIN_USER_NAME));
  g_assert_nonnull (gh_test_find_label (page, "Changed"));
  g_assert_nonnull (gh_test_find_label (page, "Replace Anyway…"));
  g_assert_cmpuint (assert_controls_named (page), >=, 9);
  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-rotation.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);

  /* Nothing is replaced before the person says so. */
  g_assert_true (gtk_widget_activate_action (page, "rotate.replace", NULL));
  g_assert_true (gh_test_wait_for (dialog_shown, NULL, 5000));
  token = saved_token (fixture, id, &n_items);
  g_assert_cmpstr (token, ==, GH_DEMO_TOKEN_SIXTY_DAY);
  g_clear_pointer (&token, gh_secret_free);
  adw_message_dialog_response (find_dialog (), "replace");
  wait_for_step (fixture, "revoke");

  /* One token for the connection, the new one, under the same id and name. */
  token = saved_token (fixture, id, &n_items);
  g_assert_cmpstr (token, ==, GH_DEMO_TOKEN_ADMIN);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_cmpstr (gh_saved_connection_get_label (gh_session_find_connection (fixture->session,
                                                                              id)),
                   ==, "Inventory");
  g_assert_nonnull (gh_test_find_label (page, "Revoke tokens"));
  /* Replaced is replaced: no way back to the comparison. */
  gtk_widget_activate_action (page, "rotate.previous", NULL);
  g_assert_cmpstr (step_of (fixture), ==, "revoke");

  g_assert_true (gtk_widget_activate_action (page, "rotate.done", NULL));
  wait_for_page (fixture->window, "account");
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
reminders_on (gpointer data)
{
  return g_settings_get_boolean (data, "reminders-enabled");
}

/* Old and new of one system user on another Graph server: replaced without a question, then
 * reminders offered for the new token, which also ends, and turned on. */
static void
test_same_system_user (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = save_and_check (fixture, "Bakery bot", OLD_TOKEN);
  g_autofree char *entry = g_build_filename (g_get_user_config_dir (), "autostart",
                                             APP_ID ".desktop", NULL);
  GSettings *settings = gh_application_get_settings (application);
  g_auto(GhSecretString) token = NULL;
  GhRotation *rotation;
  GtkWidget *page;
  guint n_items;

  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.rotate", "s",
                                             id));
  wait_for_page (fixture->window, "rotate");
  page = rotation_page (fixture);
  g_assert_nonnull (gh_test_find_label (page, GH_TEST_GRAPH_USER_NAME));
  gtk_widget_activate_action (page, "rotate.next", NULL);
  gtk_widget_activate_action (page, "rotate.next", NULL);
  wait_for_step (fixture, "check");

  /* Something that is not a token is explained before anything is sent. */
  gtk_editable_set_text (GTK_EDITABLE (gh_test_find_widget_of_type (
    page, ADW_TYPE_PASSWORD_ENTRY_ROW)), GH_TEST_GRAPH_WABA_ID);
  g_assert_true (gtk_widget_activate_action (page, "rotate.check", NULL));
  g_assert_null (gh_rotation_page_get_rotation (GH_ROTATION_PAGE (page)));

  paste_and_check (fixture, NEW_TOKEN);
  rotation = gh_rotation_page_get_rotation (GH_ROTATION_PAGE (page));
  g_assert_true (gh_rotation_get_safe (rotation));
  g_assert_nonnull (gh_test_find_label (page, "Replace Token"));

  g_assert_true (gtk_widget_activate_action (page, "rotate.replace", NULL));
  wait_for_step (fixture, "revoke");
  token = saved_token (fixture, id, &n_items);
  g_assert_cmpstr (token, ==, NEW_TOKEN);
  g_assert_cmpuint (n_items, ==, 1);

  /* The new token ends too: reminders are offered once, and turned on. */
  g_assert_true (gh_test_wait_for (dialog_shown, NULL, 5000));
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  adw_message_dialog_response (find_dialog (), "turn-on");
  g_assert_true (gh_test_wait_for (file_exists, entry, 5000));
  g_assert_true (gh_test_wait_for (reminders_on, settings, 5000));
  g_assert_true (g_settings_get_boolean (settings, "reminders-offered"));
}

/* What a click on a reminder does: the app opens the assistant for that connection, even
 * before the window has read the saved connections. */
static gboolean
rotates (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gh_rotation_page_get_connection_id (args[0]), args[1]) == 0;
}

static void
test_reminder_action (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = save_and_check (fixture, "Front desk", GH_DEMO_TOKEN_SIXTY_DAY);
  GhTokenStore *store = gh_session_get_token_store (fixture->session);
  g_autoptr(GhSavedConnection) late = gh_saved_connection_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_action_group_activate_action (G_ACTION_GROUP (application), "rotate",
                                  g_variant_new_string (id));
  wait_for_page (fixture->window, "rotate");
  page = rotation_page (fixture);
  g_assert_cmpstr (gh_rotation_page_get_connection_id (GH_ROTATION_PAGE (page)), ==, id);
  g_assert_cmpstr (step_of (fixture), ==, "generate");

  /* Saved by another Gatehouse since this one read the keyring. */
  gh_saved_connection_set_label (late, "Saved meanwhile");
  gh_token_store_save_async (store, late, GH_DEMO_TOKEN_SIXTY_DAY, NULL, gh_test_keep_result_cb,
                             &result);
  g_assert_true (gh_token_store_save_finish (store, gh_test_wait_result (&result), &error));
  g_assert_null (gh_session_find_connection (fixture->session,
                                             gh_saved_connection_get_id (late)));
  g_action_group_activate_action (G_ACTION_GROUP (application), "rotate",
                                  g_variant_new_string (gh_saved_connection_get_id (late)));
  g_assert_true (gh_test_wait_for (rotates, (gpointer[]) { page, (gpointer)
                                                           gh_saved_connection_get_id (late) },
                                   20000));

  /* Replace Token of a token that ends leads here too; one that never ends, to the plain
   * token page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  wait_for_page (fixture->window, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.replace-token",
                                             "s", id));
  wait_for_page (fixture->window, "rotate");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  wait_for_page (fixture->window, "welcome");
  {
    g_autofree char *never = save_and_check (fixture, "Never ends", GH_DEMO_TOKEN_ADMIN);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                               "win.replace-token", "s", never));
    wait_for_page (fixture->window, "token");
  }

  /* A reminder about a problem opens the connection's report. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-connection",
                                  g_variant_new_string (id));
  wait_for_page (fixture->window, "account");
}

static gboolean
toast_shown (gpointer data)
{
  return gh_test_find_label (data, "The daily check of your tokens could not finish") != NULL;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* A background check that could not finish is told once, the next time a window opens. */
static void
test_background_report (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = gh_application_get_settings (application);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GhWindow *second;
  GhWindow *third;

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_int64 (settings, "background-check-last", now);
  g_settings_set_string (settings, "background-check-result", "failed");
  g_settings_set_string (settings, "background-check-problem", "network");
  g_settings_set_int64 (settings, "background-check-reported", 0);

  second = gh_window_new (application);
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (gh_test_wait_for (toast_shown, second, 5000));
  g_assert_cmpint (g_settings_get_int64 (settings, "background-check-reported"), ==, now);
  gtk_window_destroy (GTK_WINDOW (second));

  /* Told already: the next window says nothing. */
  third = gh_window_new (application);
  gtk_window_present (GTK_WINDOW (third));
  gh_test_wait_for (never, NULL, 300);
  g_assert_false (toast_shown (third));
  gtk_window_destroy (GTK_WINDOW (third));
  g_settings_reset (settings, "background-check-last");
  g_settings_reset (settings, "background-check-result");
  g_settings_reset (settings, "background-check-problem");
  g_settings_reset (settings, "background-check-reported");
}

/* Removes what the tests left in their home. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
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
  g_autofree char *home = g_dir_make_tmp ("gatehouse-home-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int status;

  /* A home of its own, before GLib reads where it is (gtk_test_init() does not isolate). */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/rotation-page/different-token", Fixture, NULL,
              fixture_setup, test_different_token, fixture_teardown);
  g_test_add ("/rotation-page/same-system-user", Fixture, "graph",
              fixture_setup, test_same_system_user, fixture_teardown);
  g_test_add ("/rotation-page/reminder-action", Fixture, NULL,
              fixture_setup, test_reminder_action, fixture_teardown);
  g_test_add ("/rotation-page/background-report", Fixture, NULL,
              fixture_setup, test_background_report, fixture_teardown);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
