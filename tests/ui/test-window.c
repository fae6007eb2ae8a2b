/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gh-account-page.h"
#include "gh-application.h"
#include "gh-banner.h"
#include "gh-check-page.h"
#include "gh-demo-server.h"
#include "gh-guide-page.h"
#include "gh-people-page.h"
#include "gh-secret.h"
#include "gh-token-page-private.h"
#include "gh-ui-util.h"
#include "gh-ui-test-util.h"
#include "gh-shortcuts-window.h"
#include "gh-welcome-page.h"
#include "gh-window.h"

/* A real window under Xvfb, a real HTTP server on loopback and libsecret's file backend:
 * a person's walk from a pasted token to the account overview. */

static GhApplication *application;

typedef struct
{
  char          *tmpdir;
  GhDemoServer  *server;
  GhApplication *app;
  GhWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = NULL;

  fixture->tmpdir = g_dir_make_tmp ("gatehouse-window-XXXXXX", &error);
  g_assert_no_error (error);
  keyring = g_build_filename (fixture->tmpdir, "keyring", NULL);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  g_setenv ("GATEHOUSE_GRAPH_URL", gh_demo_server_get_url (fixture->server), TRUE);

  /* One application per process, as in real life; each test gets a new window. */
  if (application == NULL)
    {
      application = gh_application_new ();
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
    }
  fixture->app = application;

  fixture->window = gh_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean
window_destroyed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer weak = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (gh_test_wait_for (window_destroyed, &weak, 5000));

  g_assert_finalize_object (fixture->server);
  g_unsetenv ("GATEHOUSE_GRAPH_URL");
  g_unsetenv ("SECRET_FILE_TEST_PATH");
  g_free (fixture->tmpdir);
}

typedef struct
{
  GhWindow   *window;
  const char *page;
  const char *text;
} PageWait;

static GtkStack *
find_stack (GhWindow *window)
{
  return GTK_STACK (gh_test_find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
}

static gboolean
page_shows (gpointer data)
{
  PageWait *wait = data;
  GtkWidget *root;

  if (g_strcmp0 (gh_window_get_visible_page (wait->window), wait->page) != 0)
    return FALSE;

  /* Only the page on screen counts: the one sliding away may show the same name.  On the
   * account, the header names the account before the overview has read it. */
  root = gtk_stack_get_visible_child (find_stack (wait->window));
  if (g_str_equal (wait->page, "account"))
    root = gh_test_find_widget_of_type (root, GH_TYPE_ACCOUNT_PAGE);

  return wait->text == NULL || gh_test_find_label (root, wait->text) != NULL;
}

static void
wait_for_page (GhWindow   *window,
               const char *page,
               const char *text)
{
  PageWait wait = { window, page, text };

  if (!gh_test_wait_for (page_shows, &wait, 20000))
    g_error ("The window shows “%s”, not “%s” with “%s”",
             gh_window_get_visible_page (window), page, text ? text : "");
}

static GtkWidget *
find_page (Fixture *fixture,
           GType    type)
{
  GtkWidget *page = gh_test_find_widget_of_type (GTK_WIDGET (fixture->window), type);

  g_assert_nonnull (page);
  return page;
}

/* "Set up access" opens the guide; someone who has a token skips to the token page. */
static void
open_token_page (Fixture *fixture)
{
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_WELCOME_PAGE), "win.set-up", NULL);
  wait_for_page (fixture->window, "guide", NULL);
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_GUIDE_PAGE), "guide.skip-to-token",
                              NULL);
  wait_for_page (fixture->window, "token", NULL);
}

typedef struct
{
  GPtrArray *connections;
  char      *token;
  gboolean   done;
} StoreResult;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  StoreResult *store_result = user_data;
  g_autoptr(GError) error = NULL;

  store_result->connections = gh_token_store_list_finish (GH_TOKEN_STORE (object), result,
                                                          &error);
  g_assert_no_error (error);
  store_result->done = TRUE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  StoreResult *store_result = user_data;
  g_autoptr(GError) error = NULL;

  store_result->token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  g_assert_no_error (error);
  store_result->done = TRUE;
}

static gboolean
store_done (gpointer data)
{
  return ((StoreResult *) data)->done;
}

static void
test_token_to_overview (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *token_page;
  GtkWidget *check_page;
  GtkWidget *account_page;
  GhTokenStore *store = gh_session_get_token_store (gh_application_get_session (fixture->app));
  StoreResult listed = { NULL, NULL, FALSE };
  StoreResult loaded = { NULL, NULL, FALSE };
  g_autofree char *screenshot = NULL;
  g_autofree char *token_left = NULL;

  open_token_page (fixture);

  /* Pasted the way people do: with spaces, a line break and a "Bearer " in front. */
  token_page = find_page (fixture, GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), "  Bearer " GH_DEMO_TOKEN_ADMIN "\n");

  /* Shown masked, enough to recognise it; never whole. */
  wait_for_page (fixture->window, "token", "Pasted: EAAG…x9Qf (82 characters)");
  g_assert_null (gh_test_find_label (GTK_WIDGET (fixture->window), GH_DEMO_TOKEN_ADMIN));

  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));
  wait_for_page (fixture->window, "check", "This Token Works");

  /* Nothing is saved before the person accepts. */
  gh_token_store_list_async (store, NULL, listed_cb, &listed);
  g_assert_true (gh_test_wait_for (store_done, &listed, 10000));
  g_assert_cmpuint (listed.connections->len, ==, 0);
  g_clear_pointer (&listed.connections, g_ptr_array_unref);
  listed.done = FALSE;

  check_page = find_page (fixture, GH_TYPE_CHECK_PAGE);
  g_assert_true (gtk_widget_activate_action (check_page, "check.accept", NULL));
  wait_for_page (fixture->window, "account", GH_DEMO_WABA_NAME);
  account_page = find_page (fixture, GH_TYPE_ACCOUNT_PAGE);
  g_assert_nonnull (gh_test_find_label (account_page, GH_DEMO_BUSINESS_NAME));
  g_assert_nonnull (gh_test_find_label (account_page, GH_DEMO_WABA_ID));
  g_assert_nonnull (gh_test_find_label (account_page, "+1 555-025-3483"));

  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-overview.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);

  /* The token is in the keyring now, and no longer in the field. */
  gh_token_store_list_async (store, NULL, listed_cb, &listed);
  g_assert_true (gh_test_wait_for (store_done, &listed, 10000));
  g_assert_cmpuint (listed.connections->len, ==, 1);
  gh_token_store_load_async (store,
                             gh_saved_connection_get_id (g_ptr_array_index (listed.connections,
                                                                            0)),
                             NULL, loaded_cb, &loaded);
  g_assert_true (gh_test_wait_for (store_done, &loaded, 10000));
  g_assert_cmpstr (loaded.token, ==, GH_DEMO_TOKEN_ADMIN);
  token_left = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_null (token_left);

  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_clear_pointer (&listed.connections, g_ptr_array_unref);
  gh_secret_free (loaded.token);
}

static gboolean label_in (gpointer data);

/* A toast asked for from inside a dialog shows in the window the dialog belongs to. */
static void
test_toast_from_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *button = gtk_button_new_with_label ("Inside");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (fixture->window),
                                                       "A dialog", NULL));
  adw_message_dialog_set_extra_child (dialog, button);
  gtk_window_present (GTK_WINDOW (dialog));

  gh_ui_toast (button, "Shown from a dialog");
  g_assert_true (gh_test_wait_for (label_in,
                                   (gpointer[]) { fixture->window,
                                                  (gpointer) "Shown from a dialog" },
                                   10000));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
shortcuts_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GH_IS_SHORTCUTS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      {
        if (data != NULL)
          *(gpointer *) data = l->data;
        return TRUE;
      }

  return FALSE;
}

static gboolean
menu_has (GMenuModel *menu,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
    }

  return FALSE;
}

/* Every screen has the main menu, and Ctrl+? shows the keyboard shortcuts. */
static void
test_main_menu_and_shortcuts (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *actions[] = {
    "app.preferences", "win.show-help-overlay", "app.help", "app.about",
  };

  static const char *pages[] = { "welcome", "guide", "token", "account" };
  g_auto(GStrv) accels = NULL;
  GtkWindow *shortcuts = NULL;

  /* Every page built: the guide and the token page are made when first shown. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-up", NULL);
  wait_for_page (fixture->window, "guide", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-token", NULL);
  wait_for_page (fixture->window, "token", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.try-demo", NULL);
  wait_for_page (fixture->window, "account", GH_DEMO_WABA_NAME);

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      GtkWidget *root = gtk_stack_get_child_by_name (find_stack (fixture->window), pages[p]);
      GtkWidget *button = gh_test_find_widget_of_type (root, GTK_TYPE_MENU_BUTTON);

      /* The first menu button of each header is the main menu. */
      while (button != NULL && !gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)))
        button = gh_test_find_widget_of_type (gtk_widget_get_next_sibling (button),
                                              GTK_TYPE_MENU_BUTTON);
      g_assert_nonnull (button);
      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        g_assert_true (menu_has (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)),
                                 actions[i]));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-help-overlay", NULL));
  g_assert_true (gh_test_wait_for (shortcuts_shown, &shortcuts, 10000));
  /* Over the window, and Ctrl+? is its key. */
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture->window));
  accels = gtk_application_get_accels_for_action (
    gtk_window_get_application (GTK_WINDOW (fixture->window)), "win.show-help-overlay");
  g_assert_cmpstr (accels[0], ==, "<Control>question");
  gtk_window_close (shortcuts);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* Pasting the token takes it off the clipboard, and says so; the field shows only bullets,
 * so copying from it never puts the token back. */
static void
test_paste_clears_clipboard (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *token_page;
  GtkWidget *row;
  GdkClipboard *clipboard;
  ClipboardRead read = { NULL, FALSE };
  g_autofree char *kept = NULL;

  open_token_page (fixture);
  token_page = find_page (fixture, GH_TYPE_TOKEN_PAGE);
  clipboard = gtk_widget_get_clipboard (token_page);
  gdk_clipboard_set_text (clipboard, "  Bearer " GH_DEMO_TOKEN_ADMIN "\n");

  g_assert_true (gtk_widget_activate_action (token_page, "token.paste", NULL));
  wait_for_page (fixture->window, "token", "Pasted: EAAG…x9Qf (82 characters)");
  g_assert_true (gh_test_wait_for (label_in,
                                   (gpointer[]) { fixture->window,
                                                  (gpointer) "removed from the clipboard" },
                                   10000));

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &read);
  g_assert_true (gh_test_wait_for (clipboard_read, &read, 10000));
  g_assert_null (g_strstr_len (read.text != NULL ? read.text : "", -1, "EAAGh"));
  g_free (read.text);

  /* What the row holds is one bullet per character, never the token. */
  row = gh_test_find_widget_of_type (token_page, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  g_assert_null (strstr (gtk_editable_get_text (GTK_EDITABLE (row)), "EAAG"));
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1), ==, 82);
  kept = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_cmpstr (kept, ==, GH_DEMO_TOKEN_ADMIN);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
test_invalid_token_is_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *bad = "EAAGhThisTokenWasRevokedLongAgoAndNoLongerWorksAtAllQx81";
  GtkWidget *token_page;
  GtkWidget *fix;
  g_autofree char *kept = NULL;

  open_token_page (fixture);
  token_page = find_page (fixture, GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), bad);
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));
  wait_for_page (fixture->window, "check", "Can’t Be Used");

  /* A failed check offers no way to save, and going back finds the token as pasted. */
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_CHECK_PAGE), "check.accept", NULL);
  gh_test_wait_for (never, NULL, 300);
  g_assert_cmpstr (gh_window_get_visible_page (fixture->window), ==, "check");

  /* "How do I fix this?" opens the guide at the step that fixes it, and Back returns. */
  fix = gh_test_find_label (find_page (fixture, GH_TYPE_CHECK_PAGE), "How Do I Fix This?");
  g_assert_nonnull (fix);
  gtk_widget_activate (gtk_widget_get_ancestor (fix, GTK_TYPE_BUTTON));
  wait_for_page (fixture->window, "guide", NULL);
  g_assert_cmpint (gh_guide_page_get_step (GH_GUIDE_PAGE (find_page (fixture,
                                                                     GH_TYPE_GUIDE_PAGE))),
                   ==, GH_GUIDE_STEP_GENERATE_TOKEN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  wait_for_page (fixture->window, "check", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  wait_for_page (fixture->window, "token", NULL);
  kept = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_cmpstr (kept, ==, bad);
}

static void
test_refused_url (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *token_page;
  g_autofree char *kept = NULL;

  g_setenv ("GATEHOUSE_GRAPH_URL", "https://graph.example.com", TRUE);
  open_token_page (fixture);
  token_page = find_page (fixture, GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));

  /* Refused before any request, in words, with the token still in the field. */
  g_assert_true (gh_test_wait_for (label_in, (gpointer[]) { token_page,
                                                            (gpointer) "graph.example.com" },
                                   10000));
  g_assert_nonnull (gh_test_find_label (token_page, "graph.example.com"));
  g_assert_cmpstr (gh_window_get_visible_page (fixture->window), ==, "token");
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
  kept = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_cmpstr (kept, ==, GH_DEMO_TOKEN_ADMIN);
}

static gboolean
label_in (gpointer data)
{
  gpointer *args = data;

  return gh_test_find_label (args[0], args[1]) != NULL;
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  AdwViewStack *view_stack;
  GtkWidget *people;
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_WELCOME_PAGE), "win.try-demo",
                              NULL);
  g_autofree char *screenshot = NULL;

  wait_for_page (fixture->window, "account", GH_DEMO_WABA_NAME);
  g_assert_nonnull (gh_test_find_label (find_page (fixture, GH_TYPE_ACCOUNT_PAGE),
                                        GH_DEMO_BUSINESS_NAME));

  /* The pictures the README and the AppStream data show. */
  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-demo.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);

  view_stack = ADW_VIEW_STACK (gh_test_find_widget_of_type (GTK_WIDGET (fixture->window),
                                                            ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (view_stack, "people");
  people = find_page (fixture, GH_TYPE_PEOPLE_PAGE);
  if (!gh_test_wait_for (label_in, (gpointer[]) { people, (gpointer) "Gatehouse Integration" },
                         20000))
    g_error ("The People view never showed the demo's system user");
  g_clear_pointer (&screenshot, g_free);
  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-demo-people.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);
}

typedef struct
{
  GtkWindow *parent;
} DialogWait;

static gboolean
dialog_shown (gpointer data)
{
  DialogWait *wait = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && gtk_window_get_transient_for (l->data) == wait->parent)
      return TRUE;

  return FALSE;
}

/* Waits for the message dialog over @window and answers it with @response. */
static char *
answer_dialog (GhWindow   *window,
               const char *response)
{
  DialogWait wait = { GTK_WINDOW (window) };
  g_autoptr(GList) toplevels = NULL;

  g_assert_true (gh_test_wait_for (dialog_shown, &wait, 10000));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      {
        AdwMessageDialog *dialog = l->data;
        char *heading = g_strdup (adw_message_dialog_get_heading (dialog));

        adw_message_dialog_response (dialog, response);
        gtk_window_destroy (GTK_WINDOW (dialog));
        return heading;
      }

  g_assert_not_reached ();
}

static GPtrArray *
list_saved (GhTokenStore *store)
{
  StoreResult listed = { NULL, NULL, FALSE };

  gh_token_store_list_async (store, NULL, listed_cb, &listed);
  g_assert_true (gh_test_wait_for (store_done, &listed, 10000));
  return listed.connections;
}

static char *
load_saved_token (GhTokenStore *store,
                  const char   *id)
{
  StoreResult loaded = { NULL, NULL, FALSE };

  gh_token_store_load_async (store, id, NULL, loaded_cb, &loaded);
  g_assert_true (gh_test_wait_for (store_done, &loaded, 10000));
  return loaded.token;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  StoreResult *store_result = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gh_token_store_save_finish (GH_TOKEN_STORE (object), result, &error));
  g_assert_no_error (error);
  store_result->done = TRUE;
}

static void
save_connection (GhTokenStore      *store,
                 GhSavedConnection *saved,
                 const char        *token)
{
  StoreResult stored = { NULL, NULL, FALSE };

  gh_token_store_save_async (store, saved, token, NULL, saved_cb, &stored);
  g_assert_true (gh_test_wait_for (store_done, &stored, 10000));
}

static GhSavedConnection *
find_saved (GPtrArray  *connections,
            const char *id)
{
  for (guint i = 0; i < connections->len; i++)
    if (g_strcmp0 (gh_saved_connection_get_id (g_ptr_array_index (connections, i)), id) == 0)
      return g_ptr_array_index (connections, i);

  return NULL;
}

typedef struct
{
  GhSession  *session;
  const char *id;
} BannerWait;

static const char *
change_message (GhSession  *session,
                const char *id)
{
  GhRecheckFinding *finding = gh_session_find_finding (session, id);

  return finding != NULL ? gh_recheck_finding_get_message (finding) : NULL;
}

static gboolean
banner_shown (gpointer data)
{
  BannerWait *wait = data;

  return change_message (wait->session, wait->id) != NULL;
}

static void
open_saved (GtkWidget         *welcome,
            GhSavedConnection *saved)
{
  g_assert_true (gtk_widget_activate_action (welcome, "win.open-connection", "s",
                                             gh_saved_connection_get_id (saved)));
}

/* A token revoked in Business Suite is found by the quiet check at launch; the banner's
 * Replace Token keeps the connection, its id and name. */
static void
test_revoked_at_launch (Fixture       *fixture,
                        gconstpointer  data)
{
  GhTokenStore *store = gh_session_get_token_store (gh_application_get_session (fixture->app));
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GhSession) launch = NULL;
  GhSavedConnection *replaced;
  guint n_named = 0;
  GhWindow *second;
  GhWelcomePage *welcome;
  GtkWidget *token_page;
  BannerWait wait;
  GtkWidget *banner_label;
  char *token;

  gh_saved_connection_set_label (saved, "Front desk bot");
  gh_saved_connection_set_scopes (saved, "whatsapp_business_management,"
                                         "whatsapp_business_messaging");
  gh_saved_connection_set_last_check (saved, 1700000000, TRUE);
  save_connection (store, saved, GH_DEMO_TOKEN_SIXTY_DAY);

  /* Revoked: every call with it answers 190 from now on. */
  gh_demo_server_set_error (fixture->server, "", 400, 190, 0, 0);

  /* The next launch: a new session over the same keyring, in a new window. */
  launch = gh_session_new (gh_application_get_settings (fixture->app), store, NULL);
  second = g_object_new (GH_TYPE_WINDOW, "application", fixture->app, "session", launch, NULL);
  gtk_window_set_default_size (GTK_WINDOW (second), 900, 760);
  gtk_window_present (GTK_WINDOW (second));
  welcome = GH_WELCOME_PAGE (gh_test_find_widget_of_type (GTK_WIDGET (second),
                                                          GH_TYPE_WELCOME_PAGE));
  wait.session = launch;
  wait.id = gh_saved_connection_get_id (saved);
  g_assert_true (gh_test_wait_for (banner_shown, &wait, 20000));
  g_assert_nonnull (g_strstr_len (change_message (launch, wait.id), -1,
                                  "no longer accepts the token of “Front desk bot”"));
  banner_label = gh_test_find_label (GTK_WIDGET (welcome), "no longer accepts");
  g_assert_nonnull (banner_label);


  /* The banner's button: a new token for the same connection. */
  gtk_widget_activate (GTK_WIDGET (gh_test_find_widget_of_type (
    gtk_widget_get_ancestor (banner_label, GH_TYPE_BANNER), GTK_TYPE_BUTTON)));
  wait_for_page (second, "token", NULL);

  /* Or open it: the report says what is wrong and offers the same Replace Token. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "nav.back", NULL));
  wait_for_page (second, "welcome", NULL);
  open_saved (GTK_WIDGET (welcome), saved);
  wait_for_page (second, "check", "This token no longer works");
  g_assert_nonnull (gh_test_find_label (gh_test_find_widget_of_type (GTK_WIDGET (second),
                                                                     GH_TYPE_CHECK_PAGE),
                                        "Replace Token…"));
  g_assert_true (gtk_widget_activate_action (gh_test_find_widget_of_type (GTK_WIDGET (second),
                                                                          GH_TYPE_CHECK_PAGE),
                                             "check.replace-token", NULL));
  wait_for_page (second, "token", NULL);

  gh_demo_server_clear_faults (fixture->server);
  token_page = gh_test_find_widget_of_type (GTK_WIDGET (second), GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));
  wait_for_page (second, "check", "This Token Works");
  g_assert_true (gtk_widget_activate_action (gh_test_find_widget_of_type (GTK_WIDGET (second),
                                                                          GH_TYPE_CHECK_PAGE),
                                             "check.accept", NULL));
  wait_for_page (second, "account", GH_DEMO_WABA_NAME);

  /* Still one connection, the same one, now with a check that passed (other tests of this
   * run keep theirs in the same keyring). */
  connections = list_saved (store);
  for (guint i = 0; i < connections->len; i++)
    n_named += g_strcmp0 (gh_saved_connection_get_label (g_ptr_array_index (connections, i)),
                          "Front desk bot") == 0;
  g_assert_cmpuint (n_named, ==, 1);
  replaced = find_saved (connections, gh_saved_connection_get_id (saved));
  g_assert_nonnull (replaced);
  g_assert_cmpstr (gh_saved_connection_get_label (replaced), ==, "Front desk bot");
  g_assert_true (gh_saved_connection_get_last_check_ok (replaced));
  token = load_saved_token (store, gh_saved_connection_get_id (saved));
  g_assert_cmpstr (token, ==, GH_DEMO_TOKEN_ADMIN);
  gh_secret_free (token);

  gtk_window_destroy (GTK_WINDOW (second));
}

/* The token reaches two accounts: the switcher shows both, and the choice is remembered
 * for the connection the next time it opens. */
static void
test_waba_switcher (Fixture       *fixture,
                    gconstpointer  data)
{
  GhTokenStore *store = gh_session_get_token_store (gh_application_get_session (fixture->app));
  GSettings *settings = gh_application_get_settings (fixture->app);
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GVariant) map = NULL;
  g_autofree char *remembered = NULL;
  GtkWidget *welcome = find_page (fixture, GH_TYPE_WELCOME_PAGE);
  GtkDropDown *dropdown;

  gh_saved_connection_set_label (saved, "Wholesale bot");
  save_connection (store, saved, GH_DEMO_TOKEN_ADMIN);

  open_saved (GTK_WIDGET (welcome), saved);
  wait_for_page (fixture->window, "account", GH_DEMO_WABA_NAME);

  dropdown = GTK_DROP_DOWN (gh_test_find_widget_of_type (GTK_WIDGET (fixture->window),
                                                         GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 2);

  gtk_drop_down_set_selected (dropdown, 1);
  wait_for_page (fixture->window, "account", GH_DEMO_WABA2_NAME);
  map = g_settings_get_value (settings, "selected-wabas");
  g_assert_true (g_variant_lookup (map, gh_saved_connection_get_id (saved), "s", &remembered));
  g_assert_cmpstr (remembered, ==, GH_DEMO_WABA2_ID);

  /* Back and open again: the second account comes up first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  wait_for_page (fixture->window, "welcome", NULL);
  open_saved (GTK_WIDGET (welcome), saved);
  wait_for_page (fixture->window, "account", GH_DEMO_WABA2_NAME);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
}

static gboolean
editor_loaded (gpointer data)
{
  GhAssignmentEditor *editor = data;

  return gh_assignment_editor_get_loaded (editor) > 0
         && !gh_assignment_editor_get_loading (editor);
}

/* Unapplied edits in the people grid are not lost by going back or closing without a word. */
static void
test_unapplied_changes_ask_first (Fixture       *fixture,
                                  gconstpointer  data)
{
  GhPeoplePage *people;
  GhAssignmentEditor *editor;
  GhAssignment *row;
  g_autofree char *heading = NULL;
  g_autofree char *heading2 = NULL;
  gpointer weak;

  gtk_widget_activate_action (find_page (fixture, GH_TYPE_WELCOME_PAGE), "win.try-demo",
                              NULL);
  wait_for_page (fixture->window, "account", GH_DEMO_WABA_NAME);
  people = GH_PEOPLE_PAGE (find_page (fixture, GH_TYPE_PEOPLE_PAGE));
  editor = gh_people_page_get_editor (people);
  g_assert_nonnull (editor);
  g_assert_true (gh_test_wait_for (editor_loaded, editor, 20000));

  row = g_list_model_get_item (gh_assignment_editor_get_model (editor), 1);
  gh_assignment_editor_set_task (editor, row, GH_TASK_VIEW_COST,
                                 !(gh_assignment_get_tasks (row) & GH_TASK_VIEW_COST));
  g_object_unref (row);
  g_assert_true (gh_people_page_has_changes (people));

  /* Back: asked, and "Keep Editing" stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  heading = answer_dialog (fixture->window, "cancel");
  g_assert_cmpstr (heading, ==, "Discard Unapplied Changes?");
  g_assert_cmpstr (gh_window_get_visible_page (fixture->window), ==, "account");
  g_assert_true (gh_people_page_has_changes (people));

  /* Closing asks too; discarding closes. */
  weak = fixture->window;
  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_nonnull (weak);
  heading2 = answer_dialog (fixture->window, "discard");
  g_assert_cmpstr (heading2, ==, "Discard Unapplied Changes?");
  g_assert_true (gh_test_wait_for (window_destroyed, &weak, 5000));

  /* The fixture's teardown expects a window. */
  fixture->window = gh_window_new (fixture->app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/window/token-to-overview", Fixture, NULL,
              fixture_setup, test_token_to_overview, fixture_teardown);
  g_test_add ("/window/invalid-token-is-kept", Fixture, NULL,
              fixture_setup, test_invalid_token_is_kept, fixture_teardown);
  g_test_add ("/window/paste-clears-clipboard", Fixture, NULL,
              fixture_setup, test_paste_clears_clipboard, fixture_teardown);
  g_test_add ("/window/toast-from-dialog", Fixture, NULL,
              fixture_setup, test_toast_from_dialog, fixture_teardown);
  g_test_add ("/window/main-menu-and-shortcuts", Fixture, NULL,
              fixture_setup, test_main_menu_and_shortcuts, fixture_teardown);
  g_test_add ("/window/refused-url", Fixture, NULL,
              fixture_setup, test_refused_url, fixture_teardown);
  g_test_add ("/window/demo", Fixture, NULL,
              fixture_setup, test_demo, fixture_teardown);
  g_test_add ("/window/revoked-at-launch", Fixture, NULL,
              fixture_setup, test_revoked_at_launch, fixture_teardown);
  g_test_add ("/window/waba-switcher", Fixture, NULL,
              fixture_setup, test_waba_switcher, fixture_teardown);
  g_test_add ("/window/unapplied-changes-ask-first", Fixture, NULL,
              fixture_setup, test_unapplied_changes_ask_first, fixture_teardown);

  status = g_test_run ();
  g_clear_object (&application);

  return status;
}
