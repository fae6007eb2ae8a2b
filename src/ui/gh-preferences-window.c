/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-autostart.h"
#include "gh-background.h"
#include "gh-preferences-window.h"

struct _GhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *reminders_switch;
  AdwComboRow          *days_row;
  AdwActionRow         *last_check_row;
  AdwComboRow          *version_row;

  GSettings            *settings;
  GCancellable         *cancellable;
  /* The versions behind the version row's entries. */
  GPtrArray            *versions;
  /* Set while the window itself moves a control, so it does not write back. */
  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (GhPreferencesWindow, gh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const guint day_choices[] = { 30, 14, 7, 3, 1 };
static const char * const known_versions[] = { "v25.0", "v26.0" };

static void
update_last_check (GhPreferencesWindow *self)
{
  g_autofree char *text = gh_background_dup_last_run (self->settings);
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  adw_action_row_set_subtitle (self->last_check_row,
                               text != NULL ? text : _("Not yet: the first check comes at your "
                                                       "next login."));
  gtk_widget_set_visible (GTK_WIDGET (self->last_check_row), enabled || text != NULL);
}

static void
update_days (GhPreferencesWindow *self)
{
  guint days = g_settings_get_uint (self->settings, "reminder-days");
  guint best = 0;

  /* A value set elsewhere shows as the nearest choice. */
  for (guint i = 0; i < G_N_ELEMENTS (day_choices); i++)
    if (ABS ((int) day_choices[i] - (int) days) < ABS ((int) day_choices[best] - (int) days))
      best = i;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->days_row, best);
  self->syncing = FALSE;
}

static void
update_reminders (GhPreferencesWindow *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  self->syncing = TRUE;
  gtk_switch_set_active (self->reminders_switch, enabled);
  gtk_switch_set_state (self->reminders_switch, enabled);
  self->syncing = FALSE;
  update_last_check (self);
}

static void
fill_versions (GhPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "graph-api-version");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint position = 0;

  g_ptr_array_set_size (self->versions, 0);
  for (guint i = 0; i < G_N_ELEMENTS (known_versions); i++)
    {
      g_autofree char *label = NULL;

      if (i == 0)
        /* Translators: %s is a version of Meta's Graph API, e.g. v25.0 */
        label = g_strdup_printf (_("%s (default)"), known_versions[i]);
      else
        label = g_strdup (known_versions[i]);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->versions, g_strdup (known_versions[i]));
    }

  /* Keep a version set by hand rather than show another one. */
  if (*current != '\0' && !g_strv_contains (known_versions, current))
    {
      gtk_string_list_append (labels, current);
      g_ptr_array_add (self->versions, g_strdup (current));
    }

  for (guint i = 0; i < self->versions->len; i++)
    if (g_str_equal (g_ptr_array_index (self->versions, i), current))
      position = i;

  self->syncing = TRUE;
  adw_combo_row_set_model (self->version_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->version_row, position);
  self->syncing = FALSE;
}

/* Follows the key; the list is built again only for a version it does not have, never
 * while its own selection is changing it. */
static void
update_version (GhPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "graph-api-version");
  guint position;

  if (!g_ptr_array_find_with_equal_func (self->versions, current, g_str_equal, &position))
    {
      fill_versions (self);
      return;
    }

  if (adw_combo_row_get_selected (self->version_row) == position)
    return;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->version_row, position);
  self->syncing = FALSE;
}

static void
settings_changed_cb (GhPreferencesWindow *self,
                     const char          *key)
{
  if (g_str_equal (key, "reminders-enabled"))
    update_reminders (self);
  else if (g_str_equal (key, "reminder-days"))
    update_days (self);
  else if (g_str_equal (key, "graph-api-version"))
    update_version (self);
  else if (g_str_has_prefix (key, "background-check-"))
    update_last_check (self);
}

static void
reminders_set_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_autostart_set_reminders_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The switch goes back to what is true, and says why. */
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->reminders_switch), TRUE);
  update_reminders (self);
}

/* The switch shows the new position at once and its state once the autostart is set. */
static gboolean
reminders_state_set_cb (GhPreferencesWindow *self,
                        gboolean             state)
{
  if (self->syncing)
    return FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->reminders_switch), FALSE);
  gh_autostart_set_reminders_async (self->settings, state, self->cancellable, reminders_set_cb,
                                    g_object_ref (self));
  return TRUE;
}

static void
days_selected_cb (GhPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->days_row);

  if (!self->syncing && selected < G_N_ELEMENTS (day_choices))
    g_settings_set_uint (self->settings, "reminder-days", day_choices[selected]);
}

static void
version_selected_cb (GhPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->version_row);

  if (!self->syncing && selected < self->versions->len)
    g_settings_set_string (self->settings, "graph-api-version",
                           g_ptr_array_index (self->versions, selected));
}

static void
gh_preferences_window_dispose (GObject *object)
{
  GhPreferencesWindow *self = GH_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (gh_preferences_window_parent_class)->dispose (object);
}

static void
gh_preferences_window_class_init (GhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_preferences_window_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, GhPreferencesWindow, days_row);
  gtk_widget_class_bind_template_child (widget_class, GhPreferencesWindow, last_check_row);
  gtk_widget_class_bind_template_child (widget_class, GhPreferencesWindow, version_row);
  gtk_widget_class_bind_template_callback (widget_class, reminders_state_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_selected_cb);
}

static void
gh_preferences_window_init (GhPreferencesWindow *self)
{
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->versions = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (day_choices); i++)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u day before",
                                                             "%u days before",
                                                             day_choices[i]),
                                                day_choices[i]);

      gtk_string_list_append (days, label);
    }
  adw_combo_row_set_model (self->days_row, G_LIST_MODEL (days));
  self->syncing = FALSE;
}

GtkWidget *
gh_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  GhPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GH_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_reminders (self);
  update_days (self);
  fill_versions (self);

  return GTK_WIDGET (self);
}
