/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-graph-error.h"
#include "gh-troubleshooting.h"
#include "gh-ui-util.h"

#define GH_UI_ROWS_KEY "gh-ui-rows"

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *value = g_object_get_data (G_OBJECT (button), "gh-copy-value");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (button));

  gdk_clipboard_set_text (clipboard, value);
  gh_ui_toast (GTK_WIDGET (button), _("Copied"));
}

GtkWidget *
gh_ui_copy_button_new (const char *value,
                       const char *what)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, what,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "gh-copy-value", g_strdup (value), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);

  return button;
}

GtkWidget *
gh_ui_plain_row_new (const char *title,
                     const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

GtkWidget *
gh_ui_copy_row_new (const char *title,
                    const char *value,
                    const char *what)
{
  GtkWidget *row = gh_ui_plain_row_new (title, value);

  if (value != NULL && *value != '\0')
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gh_ui_copy_button_new (value, what));

  return row;
}

void
gh_ui_group_add_row (AdwPreferencesGroup *group,
                     GtkWidget           *row)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), GH_UI_ROWS_KEY);

  /* libadwaita 1.2 has no way to list a group's rows, so remember what we added. */
  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (group), GH_UI_ROWS_KEY, rows,
                              (GDestroyNotify) g_ptr_array_unref);
    }

  g_ptr_array_add (rows, row);
  adw_preferences_group_add (group, row);
}

void
gh_ui_group_clear (AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), GH_UI_ROWS_KEY);

  if (rows == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* GTK 4.8 names a button with a mnemonic by its label property followed by its label
 * child ("Set Up Access Set Up Access", or "_Set Up Access Set Up Access" without a label
 * property): the name is set once, without the underline, and the relation that repeats
 * it goes.  GTK adds the relation again whenever the label changes. */
static void
name_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autoptr(GString) name = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  name = g_string_new (label);
  g_string_replace (name, "_", "", 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
gh_ui_button_set_mnemonic (GtkButton  *button,
                           const char *label)
{
  gtk_button_set_use_underline (button, TRUE);
  gtk_button_set_label (button, label);
  name_mnemonic_button (button);
  gh_ui_wrap_pill_labels (GTK_WIDGET (button));
}

void
gh_ui_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    name_mnemonic_button (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gh_ui_name_mnemonic_buttons (child);
}

GtkWidget *
gh_ui_mnemonic_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new ();

  gh_ui_button_set_mnemonic (GTK_BUTTON (button), label);
  return button;
}

static GtkWidget *
find_descendant_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant_overlay (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The nearest toast overlay among @widget's ancestors; for a widget in a dialog, the one of
 * the window the dialog belongs to (the window's own overlay is inside it). */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent;

  if (overlay != NULL)
    return ADW_TOAST_OVERLAY (overlay);

  if (!GTK_IS_WINDOW (root) || (parent = gtk_window_get_transient_for (GTK_WINDOW (root))) == NULL)
    return NULL;

  overlay = find_descendant_overlay (GTK_WIDGET (parent));
  return overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL;
}

void
gh_ui_toast (GtkWidget  *widget,
             const char *title)
{
  AdwToastOverlay *overlay = find_toast_overlay (widget);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (title));
  else
    g_debug ("No place to show “%s”", title);
}

typedef struct
{
  GtkWidget *widget;
  char      *uri;
} ShowUriData;

static void
show_uri_data_free (ShowUriData *data)
{
  g_object_unref (data->widget);
  g_free (data->uri);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowUriData, show_uri_data_free)

static void
uri_shown_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ShowUriData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* No browser to hand it to: the address goes on the clipboard instead, and the person
   * hears where it is. */
  g_debug ("Could not open %s: %s", data->uri, error->message);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (data->widget), data->uri);
  gh_ui_toast (data->widget,
               _("No web browser opened. The address is copied: paste it into your browser."));
}

void
gh_ui_open_uri (GtkWidget  *widget,
                const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  ShowUriData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (uri != NULL);

  data = g_new0 (ShowUriData, 1);
  data->widget = g_object_ref (widget);
  data->uri = g_strdup (uri);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, uri_shown_cb, data);
}

void
gh_ui_status_page_set_error (AdwStatusPage *page,
                             GtkLabel      *details,
                             GtkWidget     *details_box,
                             const GError  *error,
                             const char    *title)
{
  g_autoptr(GhGraphErrorText) text = NULL;
  g_autoptr(GString) description = NULL;
  g_autofree char *escaped = NULL;
  gboolean has_details;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));
  g_return_if_fail (error != NULL);

  /* What could not be done is the title; what went wrong, what to do and how long Meta asks
   * to wait, the description; Meta's codes and trace ID, the details. */
  text = gh_graph_error_describe (error);
  description = g_string_new (text->summary);
  if (text->next_step != NULL && *text->next_step != '\0')
    g_string_append_printf (description, " %s", text->next_step);
  if (text->wait != NULL)
    g_string_append_printf (description, " %s", text->wait);

  adw_status_page_set_title (page, title);
  /* AdwStatusPage reads its description as markup. */
  escaped = g_markup_escape_text (description->str, -1);
  adw_status_page_set_description (page, escaped);
  /* Meta's codes and trace ID help its support; our own errors have nothing to add. */
  has_details = error->domain == GH_GRAPH_ERROR && text->details != NULL
                && *text->details != '\0';
  gtk_label_set_text (details, has_details ? text->details : "");
  gtk_widget_set_visible (details_box, has_details);
}

void
gh_ui_name_inner_button (GtkWidget  *widget,
                         const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (child),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      }
}

void
gh_ui_wrap_pill_labels (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "pill")
      && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
    {
      GtkLabel *label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)));

      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gh_ui_wrap_pill_labels (child);
}

void
gh_ui_help_button_set_error (GtkWidget    *button,
                             const GError *error)
{
  const char *topic;

  g_return_if_fail (GTK_IS_ACTIONABLE (button));
  g_return_if_fail (error != NULL);

  topic = gh_troubleshooting_topic_for_error (error);
  if (topic != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", topic);
  gtk_widget_set_visible (button, topic != NULL);
}

GtkWidget *
gh_ui_main_menu_button_new (GMenuModel *screen_items)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) help = g_menu_item_new (_("_Troubleshooting"), NULL);
  GtkWidget *button = gtk_menu_button_new ();

  /* The screen's own items first, then GNOME's main menu: settings, keyboard shortcuts, help,
   * about. */
  for (int i = 0; screen_items != NULL && i < g_menu_model_get_n_items (screen_items); i++)
    {
      g_autoptr(GMenuModel) items = g_menu_model_get_item_link (screen_items, i,
                                                                G_MENU_LINK_SECTION);

      g_menu_append_section (menu, NULL, items != NULL ? items : screen_items);
      if (items == NULL)
        break;
    }
  g_menu_append (section, _("_Preferences"), "app.preferences");
  g_menu_append (section, _("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_item_set_action_and_target (help, "app.help", "s", "");
  g_menu_append_item (section, help);
  g_menu_append (section, _("_About Gatehouse"), "app.about");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Main Menu"), -1);
  gh_ui_name_inner_button (button, _("Main Menu"));
  return button;
}
