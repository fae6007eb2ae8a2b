/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-application.h"
#include "gh-help-window.h"
#include "gh-troubleshooting.h"
#include "gh-ui-test-util.h"

/* Troubleshooting as a person reaches it: through app.help (F1, the menu, an error page's
 * link), searched by typing, and the app's own icon from its resources. */

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

static guint
count_toplevels (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    n += G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) ? 1 : 0;
  return n;
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

static GhHelpWindow *
open_help (const char *topic)
{
  g_action_group_activate_action (G_ACTION_GROUP (application), "help",
                                  g_variant_new_string (topic));
  g_assert_cmpuint (count_toplevels (GH_TYPE_HELP_WINDOW), ==, 1);
  return GH_HELP_WINDOW (find_toplevel (GH_TYPE_HELP_WINDOW));
}

static GtkListBox *
topic_list (GhHelpWindow *window)
{
  return GTK_LIST_BOX (gh_test_find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
}

static AdwExpanderRow *
topic_row (GhHelpWindow *window,
           const char   *id)
{
  int position = gh_troubleshooting_get_position (id);

  g_assert_cmpint (position, >=, 0);
  return ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (topic_list (window), position));
}

static GtkEditable *
search_entry (GhHelpWindow *window)
{
  return GTK_EDITABLE (gh_test_find_widget_of_type (GTK_WIDGET (window),
                                                    GTK_TYPE_SEARCH_ENTRY));
}

static const char *
visible_page (GhHelpWindow *window)
{
  return gtk_stack_get_visible_child_name (
    GTK_STACK (gh_test_find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_STACK)));
}

/* The ids of the rows the search leaves visible and of those expanded, in order. */
static char *
shown_ids (GhHelpWindow *window,
           gboolean      expanded_only)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < gh_troubleshooting_get_n_topics (); i++)
    {
      const char *id = gh_troubleshooting_topic_get_id (gh_troubleshooting_get_topic (i));
      AdwExpanderRow *row = topic_row (window, id);

      if (!gtk_widget_get_child_visible (GTK_WIDGET (row)))
        continue;
      if (expanded_only && !adw_expander_row_get_expanded (row))
        continue;
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef struct
{
  GhHelpWindow *window;
  const char   *expected;
} ShownWait;

static gboolean
shows (gpointer data)
{
  ShownWait *wait = data;
  g_autofree char *shown = shown_ids (wait->window, FALSE);

  return g_str_equal (shown, wait->expected);
}

static void
type_search (GhHelpWindow *window,
             const char   *text,
             const char   *expected)
{
  ShownWait wait = { window, expected };

  gtk_editable_set_text (search_entry (window), text);
  if (!gh_test_wait_for (shows, &wait, 10000))
    g_error ("“%s” shows “%s”, not “%s”", text, shown_ids (window, FALSE), expected);
}

static gboolean
focus_in_row (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (row));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* On screen: the row's top inside the scrolled window's visible part. */
static gboolean
row_scrolled_into_view (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t top;

  return gtk_widget_get_height (row) > 0
         && gtk_widget_compute_point (row, scrolled, &GRAPHENE_POINT_INIT (0, 0), &top)
         && top.y >= 0 && top.y < gtk_widget_get_height (scrolled) - 48;
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

static void
test_f1 (void)
{
  g_auto(GStrv) accels = NULL;
  g_auto(GStrv) actions = NULL;

  ensure_application ();
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                  "app.help('')");
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (application), "F1");
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, "app.help('')");
}

static void
test_open_topic (void)
{
  GhHelpWindow *window;
  GtkWidget *row;
  g_autofree char *expanded = NULL;
  g_autofree char *none = NULL;
  const char *last_id;

  ensure_application ();

  /* The last problem: it is below the window's first screen, so it has to be scrolled to. */
  last_id = gh_troubleshooting_topic_get_id (
    gh_troubleshooting_get_topic (gh_troubleshooting_get_n_topics () - 1));
  window = open_help (last_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  expanded = shown_ids (window, TRUE);
  g_assert_cmpstr (expanded, ==, last_id);
  row = GTK_WIDGET (topic_row (window, last_id));
  g_assert_true (gh_test_wait_for (focus_in_row, row, 10000));
  g_assert_true (gh_test_wait_for (row_scrolled_into_view, row, 10000));
  g_assert_nonnull (gh_test_find_label (row, "What to do"));

  /* Another link while it is open: the same window, on the new problem alone, the search
   * that could have hidden it cleared. */
  type_search (window, "webhook", "webhooks");
  g_assert_true (open_help ("keyring") == window);
  g_clear_pointer (&expanded, g_free);
  expanded = shown_ids (window, TRUE);
  g_assert_cmpstr (expanded, ==, "keyring");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (window)), ==, "");
  g_assert_true (gh_test_wait_for (focus_in_row, topic_row (window, "keyring"), 10000));

  /* F1's "" and an id that does not exist both show the whole list, closed, ready to
   * search. */
  g_assert_true (open_help ("") == window);
  none = shown_ids (window, TRUE);
  g_assert_cmpstr (none, ==, "");
  g_assert_true (gh_test_wait_for (focus_in_row, search_entry (window), 10000));
  g_assert_false (gh_help_window_show_topic (window, "no-such-problem"));
  g_assert_true (gh_help_window_show_topic (window, NULL));

  destroy_window (GTK_WINDOW (window));
  g_assert_cmpuint (count_toplevels (GH_TYPE_HELP_WINDOW), ==, 0);
}

static void
test_search (void)
{
  GhHelpWindow *window;
  g_autoptr(GString) all = g_string_new (NULL);

  ensure_application ();
  window = open_help ("");
  for (guint i = 0; i < gh_troubleshooting_get_n_topics (); i++)
    g_string_append_printf (all, "%s%s", i > 0 ? " " : "",
                            gh_troubleshooting_topic_get_id (gh_troubleshooting_get_topic (i)));

  type_search (window, "webhook", "webhooks");
  g_assert_cmpstr (visible_page (window), ==, "topics");
  type_search (window, "Keyring locked", "keyring");
  type_search (window, "463", "temporary-token expiring-token");

  /* Nothing found says so, with a hint, instead of an empty list. */
  type_search (window, "xyzzy", "");
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_nonnull (gh_test_find_label (GTK_WIDGET (window), "No Matching Problems"));

  /* Escape in the search clears it before it closes anything. */
  g_signal_emit_by_name (search_entry (window), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (window)), ==, "");
  type_search (window, "", all->str);
  g_assert_cmpstr (visible_page (window), ==, "topics");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  destroy_window (GTK_WINDOW (window));
}

static void
test_named_controls (void)
{
  GhHelpWindow *window;

  ensure_application ();
  window = open_help ("");

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (search_entry (window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search problems");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (topic_list (window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Problems and their fixes");
  /* Each problem is read by its title. */
  for (guint i = 0; i < gh_troubleshooting_get_n_topics (); i++)
    {
      const GhTroubleshootingTopic *topic = gh_troubleshooting_get_topic (i);
      AdwExpanderRow *row = topic_row (window, gh_troubleshooting_topic_get_id (topic));

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       gh_troubleshooting_topic_get_title (topic));
      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
    }

  destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help/icon-from-resources", test_icon_from_resources);
  g_test_add_func ("/help/f1", test_f1);
  g_test_add_func ("/help/open-topic", test_open_topic);
  g_test_add_func ("/help/search", test_search);
  g_test_add_func ("/help/named-controls", test_named_controls);

  status = g_test_run ();
  g_clear_object (&application);

  return status;
}
