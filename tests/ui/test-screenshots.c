/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gh-account-page.h"
#include "gh-application.h"
#include "gh-demo-server.h"
#include "gh-help-window.h"
#include "gh-people-page.h"
#include "gh-ui-test-util.h"
#include "gh-welcome-page.h"
#include "gh-window.h"

/* The pictures AppStream and the README show, taken from the demo account in light and dark
 * into the build directory's screenshots/ folder under the names data/screenshots uses. */

static gboolean
label_in (gpointer data)
{
  gpointer *args = data;

  return gh_test_find_label (args[0], args[1]) != NULL;
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  if (!gh_test_wait_for (label_in, (gpointer[]) { root, (gpointer) text }, 20000))
    g_error ("“%s” never showed", text);
}

static gboolean
showing_account (gpointer data)
{
  return g_strcmp0 (gh_window_get_visible_page (data), "account") == 0;
}

static char *
screenshot_path (const char *name,
                 gboolean    dark)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, dark ? "-dark" : "", ".png", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, file, NULL);
}

static void
save (GtkWidget  *widget,
      const char *name,
      gboolean    dark)
{
  g_autofree char *path = screenshot_path (name, dark);

  gh_test_save_screenshot (widget, path);
  g_test_message ("Screenshot saved to %s", path);
}

static gboolean
window_destroyed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  g_assert_true (gh_test_wait_for (window_destroyed, &weak, 5000));
}

static GtkWindow *
find_help_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GH_IS_HELP_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
test_appstream (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhDemoServer) server = gh_demo_server_new (&error);
  g_autoptr(GhApplication) app = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GhWindow *window;
  AdwViewStack *views;
  GtkWindow *help;

  g_assert_no_error (error);
  g_setenv ("GATEHOUSE_GRAPH_URL", gh_demo_server_get_url (server), TRUE);
  app = gh_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = gh_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (gh_test_find_widget_of_type (GTK_WIDGET (window),
                                                           GH_TYPE_WELCOME_PAGE),
                              "win.try-demo", NULL);
  g_assert_true (gh_test_wait_for (showing_account, window, 20000));
  views = ADW_VIEW_STACK (gh_test_find_widget_of_type (GTK_WIDGET (window),
                                                      ADW_TYPE_VIEW_STACK));

  /* A real problem opened, as a person would see it after following an error's link. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help",
                                  g_variant_new_string ("temporary-token"));
  help = find_help_window ();
  g_assert_nonnull (help);
  /* It stays above the window it explains and closes with it. */
  g_assert_true (gtk_window_get_transient_for (help) == GTK_WINDOW (window));

  for (int dark = 0; dark <= 1; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      g_assert_true (adw_style_manager_get_dark (style) == dark);

      adw_view_stack_set_visible_child_name (views, "overview");
      wait_for_label (gh_test_find_widget_of_type (GTK_WIDGET (window), GH_TYPE_ACCOUNT_PAGE),
                      GH_DEMO_BUSINESS_NAME);
      save (GTK_WIDGET (window), "overview", dark);

      adw_view_stack_set_visible_child_name (views, "people");
      wait_for_label (gh_test_find_widget_of_type (GTK_WIDGET (window), GH_TYPE_PEOPLE_PAGE),
                      "Gatehouse Integration");
      save (GTK_WIDGET (window), "people", dark);

      wait_for_label (GTK_WIDGET (help), "What to do");
      save (GTK_WIDGET (help), "help", dark);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  destroy_window (help);
  destroy_window (GTK_WINDOW (window));
  g_unsetenv ("GATEHOUSE_GRAPH_URL");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/screenshots/appstream", test_appstream);

  return g_test_run ();
}
