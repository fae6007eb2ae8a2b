/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-application.h"
#include "gh-ui-test-util.h"

/* The app's own icon from its resources, in its windows and in About. */

static GhApplication *application;

static void
ensure_application (void)
{
  g_autoptr(GError) error = NULL;

  /* One application per process, as in real life: registering it runs its startup. */
  if (application != NULL)
    return;
  application = gh_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
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

static void
test_icon_from_resources (void)
{
  GtkIconTheme *theme;
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  AdwAboutWindow *about;

  ensure_application ();
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  /* Found without being installed: from the resources compiled into the program. */
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_true (g_str_has_prefix (uri, "resource://" RESOURCE_PATH "/icons/"));
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  destroy_window (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help/icon-from-resources", test_icon_from_resources);

  status = g_test_run ();
  g_clear_object (&application);

  return status;
}
