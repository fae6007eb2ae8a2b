/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-access-window.h"
#include "gh-application.h"
#include "gh-demo-server.h"
#include "gh-guide-page.h"
#include "gh-rotation-page.h"
#include "gh-test-util.h"
#include "gh-token-page-private.h"
#include "gh-ui-test-util.h"
#include "gh-window.h"

/* Every screen and window of Gatehouse down to a phone's 360 px, as AppStream promises: with
 * regular text, with text 1.5 times larger and in high contrast.  Each must be able to take
 * 360 px without anything pushed out of it; the pictures of each, at 360 px, land in the build
 * directory's narrow/ folder for a person to look over. */

#define NARROW 360

static GhApplication *application;

typedef enum
{
  MODE_REGULAR,
  MODE_LARGE_TEXT,
  MODE_HIGH_CONTRAST,
} Mode;

static const char * const mode_names[] = { "regular", "large-text", "high-contrast" };

typedef struct
{
  Mode          mode;
  GhDemoServer *server;
  GhWindow     *window;
  GhSession    *session;
  GString      *too_wide;
  guint         n_measured;
} Fixture;

static void
set_mode (Mode mode)
{
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  AdwStyleManager *style = adw_style_manager_get_default ();
  /* Xft DPI is in 1024ths of a dot per inch; 96 is 1×. */
  int dpi = (mode == MODE_LARGE_TEXT ? 144 : 96) * 1024;

  /* GNOME's title buttons (and fewer on a phone): a bare X server would add two more. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi,
                "gtk-decoration-layout", "appmenu:close", NULL);
  g_settings_set_boolean (a11y, "high-contrast", mode == MODE_HIGH_CONTRAST);
  g_assert_true (adw_style_manager_get_high_contrast (style) == (mode == MODE_HIGH_CONTRAST));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = g_build_filename (g_get_user_data_dir (), "narrow-keyring", NULL);

  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  fixture->mode = GPOINTER_TO_INT (data);
  fixture->server = gh_test_demo_server_new ();
  fixture->too_wide = g_string_new (NULL);
  g_setenv ("GATEHOUSE_GRAPH_URL", gh_demo_server_get_url (fixture->server), TRUE);

  if (application == NULL)
    {
      application = gh_application_new ();
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
    }
  set_mode (fixture->mode);
  fixture->session = gh_application_get_session (application);

  fixture->window = gh_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), NARROW, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  g_assert_true (gh_test_wait_for (gh_test_pointer_cleared, &weak, 5000));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (fixture->window))
        gtk_window_destroy (window);
    }
  destroy_window (GTK_WINDOW (fixture->window));
  gh_session_close (fixture->session);
  set_mode (MODE_REGULAR);

  g_string_free (fixture->too_wide, TRUE);
  g_clear_object (&fixture->server);
  g_unsetenv ("GATEHOUSE_GRAPH_URL");
}

static gboolean
allocated_narrow (gpointer data)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (data); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        int width = gtk_widget_get_width (child);

        if (width <= 0 || width > NARROW)
          return FALSE;
        any = TRUE;
      }
  return any;
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (texts, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (texts, " [%s]", G_OBJECT_TYPE_NAME (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* The deepest widgets under @widget that need more than 360 px across, with the texts in
 * them: where to look when a screen does not fit. */
static void
describe_wide (GtkWidget *widget,
               GString   *out)
{
  gboolean wide_child = FALSE;
  int minimum = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A stack that is not homogeneous needs only its page on show. */
      if (!gtk_widget_get_visible (child)
          || (GTK_IS_STACK (widget) && !gtk_stack_get_hhomogeneous (GTK_STACK (widget))
              && child != gtk_stack_get_visible_child (GTK_STACK (widget))))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > NARROW)
        {
          wide_child = TRUE;
          describe_wide (child, out);
        }
    }

  if (!wide_child)
    {
      g_autoptr(GString) texts = g_string_new (NULL);

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      /* A row of children that fit alone but not side by side: each and its width. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child))
          {
            int child_minimum = 0;

            gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum,
                                NULL, NULL, NULL);
            g_string_append_printf (texts, " %s=%d", G_OBJECT_TYPE_NAME (child), child_minimum);
          }
      collect_texts (widget, texts);
      g_string_append_printf (out, "\n    %s in %s (%d px):%s", G_OBJECT_TYPE_NAME (widget),
                              gtk_widget_get_parent (widget) != NULL
                              ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)) : "-",
                              minimum, texts->str);
    }
}

/* Measures what @window needs across, keeps its picture at 360 px, and notes @what when it
 * needs more. */
static void
measure (Fixture    *fixture,
         GtkWindow  *window,
         const char *what)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "narrow", NULL);
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int minimum = 0;

  /* What the window holds (its title bar and content), without the frame and shadow that
   * a window manager without compositing makes GTK draw around it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum,
                          NULL, NULL, NULL);
      minimum = MAX (minimum, child_minimum);
    }
  fixture->n_measured++;
  g_test_message ("%s, %s: at least %d px", what, mode_names[fixture->mode], minimum);
  if (minimum > NARROW)
    {
      g_string_append_printf (fixture->too_wide, "\n  %s needs %d px, for:", what, minimum);
      describe_wide (GTK_WIDGET (window), fixture->too_wide);
      return;
    }

  gtk_window_set_default_size (window, NARROW, 720);
  if (!gh_test_wait_for (allocated_narrow, window, 10000))
    {
      g_autofree char *failure = g_test_build_filename (G_TEST_BUILT, "narrow-failure.png",
                                                        NULL);

      gh_test_save_screenshot (GTK_WIDGET (window), failure);
      g_error ("%s keeps %d px across (see %s)", what, gtk_widget_get_width (GTK_WIDGET (window)),
               failure);
    }
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file = g_strdup_printf ("%s-%s.png", mode_names[fixture->mode], what);
  g_strdelimit (file, " ", '-');
  path = g_build_filename (dir, file, NULL);
  gh_test_save_screenshot (GTK_WIDGET (window), path);
}

static void
assert_all_fit (Fixture *fixture)
{
  if (fixture->too_wide->len > 0)
    g_error ("Wider than %d px with %s text:%s", NARROW, mode_names[fixture->mode],
             fixture->too_wide->str);
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

static gboolean
toplevel_hidden (gpointer data)
{
  return gh_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
measure_dialog (Fixture    *fixture,
                GtkWidget  *widget,
                const char *action,
                GVariant   *target,
                const char *type_name,
                const char *what)
{
  GtkWindow *dialog;

  if (target != NULL)
    g_assert_true (gtk_widget_activate_action_variant (widget, action, target));
  else
    g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  dialog = GTK_WINDOW (gh_test_wait_for_toplevel (g_type_from_name (type_name)));
  measure (fixture, dialog, what);
  /* Closed as a person closes it: the shortcuts window stays, hidden, for next time. */
  gtk_window_close (dialog);
  g_assert_true (gh_test_wait_for (toplevel_hidden,
                                   GSIZE_TO_POINTER (g_type_from_name (type_name)), 5000));
}

static void
walk_setup (Fixture *fixture)
{
  GtkWidget *guide;
  GtkWidget *token;

  measure (fixture, GTK_WINDOW (fixture->window), "welcome");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-up", NULL));
  wait_for_page (fixture->window, "guide");
  guide = gh_test_find_widget_of_type (GTK_WIDGET (fixture->window), GH_TYPE_GUIDE_PAGE);
  for (GhGuideStep step = GH_GUIDE_STEP_NONE; step <= GH_GUIDE_STEP_PASTE_TOKEN; step++)
    {
      g_autofree char *what = g_strdup_printf ("guide step %d", step);

      gh_guide_page_show_step (GH_GUIDE_PAGE (guide), step);
      measure (fixture, GTK_WINDOW (fixture->window), what);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-token",
                                             NULL));
  wait_for_page (fixture->window, "token");
  token = gh_test_find_widget_of_type (GTK_WIDGET (fixture->window), GH_TYPE_TOKEN_PAGE);
  measure (fixture, GTK_WINDOW (fixture->window), "token");
  gh_token_page_set_error (GH_TOKEN_PAGE (token),
                           "Meta does not accept this token: it was revoked, or it was copied "
                           "only in part. Copy the whole token again from Business Suite.");
  measure (fixture, GTK_WINDOW (fixture->window), "token with an error");
  gh_token_page_set_error (GH_TOKEN_PAGE (token), NULL);

  /* The report of a token that lacks things, then of one that has everything. */
  gh_token_page_set_token (GH_TOKEN_PAGE (token), GH_DEMO_TOKEN_NO_MESSAGING);
  g_assert_true (gtk_widget_activate_action (token, "token.check", NULL));
  wait_for_page (fixture->window, "check");
  measure (fixture, GTK_WINDOW (fixture->window), "check report with problems");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-token",
                                             NULL));
  wait_for_page (fixture->window, "token");
  gh_token_page_set_token (GH_TOKEN_PAGE (token), GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gtk_widget_activate_action (token, "token.check", NULL));
  wait_for_page (fixture->window, "check");
  gh_test_wait_for_label (GTK_WIDGET (fixture->window), "This Token Works");
  measure (fixture, GTK_WINDOW (fixture->window), "check report");
}

static void
walk_account (Fixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *views;
  GtkWidget *people;
  GtkWindow *access;

  g_assert_true (gtk_widget_activate_action (window, "win.try-demo", NULL));
  wait_for_page (fixture->window, "account");
  views = gh_test_find_widget_of_type (window, ADW_TYPE_VIEW_STACK);
  gh_test_wait_for_label (window, GH_DEMO_BUSINESS_NAME);
  measure (fixture, GTK_WINDOW (window), "account overview");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "people");
  people = adw_view_stack_get_visible_child (ADW_VIEW_STACK (views));
  gh_test_wait_for_label (people, "Anna Flex");
  measure (fixture, GTK_WINDOW (window), "people");

  measure_dialog (fixture, people, "people.add", NULL, "GhAddPersonDialog", "add person");
  measure_dialog (fixture, people, "people.checkup", NULL, "GhCheckupWindow", "checkup");
  measure_dialog (fixture, people, "people.history", NULL, "GhHistoryWindow", "history");
  g_assert_true (gtk_widget_activate_action (window, "win.access-overview", NULL));
  access = GTK_WINDOW (gh_test_wait_for_toplevel (GH_TYPE_ACCESS_WINDOW));
  measure (fixture, access, "access overview");
  gh_access_window_show_review (GH_ACCESS_WINDOW (access), TRUE);
  measure (fixture, access, "access review");
  destroy_window (access);

  measure_dialog (fixture, window, "win.preferences", NULL, "GhPreferencesWindow",
                  "preferences");
  measure_dialog (fixture, window, "app.help", g_variant_new_string ("temporary-token"),
                  "GhHelpWindow", "troubleshooting");
  measure_dialog (fixture, window, "win.show-help-overlay", NULL, "GhShortcutsWindow",
                  "keyboard shortcuts");
}

/* A saved connection: the welcome page's list, then each step of replacing its token. */
static void
walk_saved (Fixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GhTokenStore *store = gh_session_get_token_store (fixture->session);
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *row;

  gh_saved_connection_set_label (saved, "Inventory");
  gh_token_store_save_async (store, saved, GH_DEMO_TOKEN_SIXTY_DAY, NULL,
                             gh_test_keep_result_cb, &result);
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
  g_clear_object (&result);

  g_assert_true (gtk_widget_activate_action (window, "nav.back", NULL));
  wait_for_page (fixture->window, "welcome");
  gh_test_wait_for_label (window, "Inventory");
  measure (fixture, GTK_WINDOW (window), "welcome with a connection");

  g_assert_true (gtk_widget_activate_action (window, "win.rotate", "s",
                                             gh_saved_connection_get_id (saved)));
  wait_for_page (fixture->window, "rotate");
  page = gh_test_find_widget_of_type (window, GH_TYPE_ROTATION_PAGE);
  measure (fixture, GTK_WINDOW (window), "replace token step 1");
  g_assert_true (gtk_widget_activate_action (page, "rotate.next", NULL));
  measure (fixture, GTK_WINDOW (window), "replace token step 2");
  g_assert_true (gtk_widget_activate_action (page, "rotate.next", NULL));
  g_assert_cmpstr (gh_rotation_page_get_step (GH_ROTATION_PAGE (page)), ==, "check");
  measure (fixture, GTK_WINDOW (window), "replace token step 3");
  row = gh_test_find_widget_of_type (page, ADW_TYPE_PASSWORD_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (row), GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gtk_widget_activate_action (page, "rotate.check", NULL));
  gh_test_wait_for_label (page, "Replace Anyway…");
  measure (fixture, GTK_WINDOW (window), "replace token compared");

  gh_token_store_forget_async (store, gh_saved_connection_get_id (saved), NULL,
                               gh_test_keep_result_cb, &result);
  g_assert_true (gh_token_store_forget_finish (store, gh_test_wait_result (&result), &error));
}

static void
test_every_screen (Fixture       *fixture,
                   gconstpointer  data)
{
  walk_setup (fixture);
  walk_account (fixture);
  walk_saved (fixture);

  g_assert_cmpuint (fixture->n_measured, >=, 24);
  assert_all_fit (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  for (Mode mode = MODE_REGULAR; mode <= MODE_HIGH_CONTRAST; mode++)
    {
      g_autofree char *path = g_strdup_printf ("/narrow/%s", mode_names[mode]);

      g_test_add (path, Fixture, GINT_TO_POINTER (mode), fixture_setup, test_every_screen,
                  fixture_teardown);
    }

  return g_test_run ();
}
