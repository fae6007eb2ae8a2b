/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-shortcuts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-shortcuts-window.h"

#define RESOURCE_PATH "/io/github/gatehouse_app/Gatehouse"

struct _GhShortcutsWindow
{
  AdwWindow            parent_instance;

  AdwPreferencesPage  *page;
};

G_DEFINE_FINAL_TYPE (GhShortcutsWindow, gh_shortcuts_window, ADW_TYPE_WINDOW)

/* A group's title (group set, no accelerator) or one of its shortcuts; the accelerators use
 * GtkShortcutLabel's syntax, several separated by spaces. */
typedef struct
{
  const char *group;
  const char *title;
  const char *accelerator;
} Shortcut;

static const Shortcut shortcuts[] = {
  { NC_("shortcut window", "General"), NULL, NULL },
  { NULL, NC_("shortcut window", "Show keyboard shortcuts"), "<Control>question" },
  { NULL, NC_("shortcut window", "Open the main menu"), "F10" },
  { NULL, NC_("shortcut window", "Troubleshooting"), "F1" },
  { NULL, NC_("shortcut window", "Go back"), "Escape <Alt>Left" },
  { NULL, NC_("shortcut window", "Quit"), "<Control>q" },

  { NC_("shortcut window", "Setting Up"), NULL, NULL },
  { NULL, NC_("shortcut window", "Previous step of the guide"), "<Control>Page_Up" },
  { NULL, NC_("shortcut window", "Next step of the guide"), "<Control>Page_Down" },
  { NULL, NC_("shortcut window", "Paste the token"), "<Control><Shift>v" },
  { NULL, NC_("shortcut window", "Check the token"), "Return" },

  { NC_("shortcut window", "Account"), NULL, NULL },
  { NULL, NC_("shortcut window", "Read the account again"), "F5 <Control>r" },

  { NC_("shortcut window", "Who Has Access"), NULL, NULL },
  { NULL, NC_("shortcut window", "Tick or untick a task"), "space" },
  { NULL, NC_("shortcut window", "Same task, person above or below"), "Up Down" },
  { NULL, NC_("shortcut window", "Mark the person for removal"), "Delete" },
  { NULL, NC_("shortcut window", "Apply the changes"), "<Control>Return" },
  { NULL, NC_("shortcut window", "Open the person’s tasks"), "Return" },
};

static void
gh_shortcuts_window_class_init (GhShortcutsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-shortcuts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhShortcutsWindow, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gh_shortcuts_window_init (GhShortcutsWindow *self)
{
  AdwPreferencesGroup *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkWidget *row;
      GtkWidget *label;

      if (shortcuts[i].group != NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group,
                                           g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window",
                                                         shortcuts[i].group));
          adw_preferences_page_add (self->page, group);
          continue;
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window",
                                                   shortcuts[i].title));
      label = gtk_shortcut_label_new (shortcuts[i].accelerator);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (group, row);
    }
}

GtkWidget *
gh_shortcuts_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (GH_TYPE_SHORTCUTS_WINDOW, "transient-for", parent, NULL);
}
