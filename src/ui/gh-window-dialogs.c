/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-autostart.h"
#include "gh-ui-util.h"
#include "gh-window-private.h"

/* The questions the window asks before it acts: dropping unapplied edits, a new name,
 * forgetting a connection; and what it offers or reports unasked: reminders for a token that
 * ends, and a background check that could not finish. */

typedef struct
{
  GhWindow         *self;
  GhWindowThenFunc  then;
  gpointer          data;
  GDestroyNotify    data_free;
} AfterDiscard;

static void
after_discard_free (AfterDiscard *after)
{
  if (after->data_free != NULL)
    after->data_free (after->data);
  g_object_unref (after->self);
  g_free (after);
}

static gboolean
after_discard_cb (gpointer user_data)
{
  AfterDiscard *after = user_data;

  if (gtk_window_get_application (GTK_WINDOW (after->self)) != NULL)
    after->then (after->self, after->data);

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AfterDiscard     *after)
{
  AfterDiscard *later;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  gh_people_page_discard (gh_account_view_get_people_page (after->self->account_view));

  /* Going on may close the window: not while its dialog is still answering.  The idle takes
   * over what the dialog held. */
  later = g_new0 (AfterDiscard, 1);
  later->self = g_object_ref (after->self);
  later->then = after->then;
  later->data = g_steal_pointer (&after->data);
  later->data_free = g_steal_pointer (&after->data_free);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, after_discard_cb, later,
                   (GDestroyNotify) after_discard_free);
}

void
_gh_window_confirm_discard (GhWindow         *self,
                            GhWindowThenFunc  then,
                            gpointer          data,
                            GDestroyNotify    data_free)
{
  AdwMessageDialog *dialog;
  AfterDiscard *after;

  if (!_gh_window_has_unapplied (self))
    {
      then (self, data);
      if (data_free != NULL)
        data_free (data);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Unapplied Changes?"), NULL));
  adw_message_dialog_set_body (dialog, _("Changes to who can use this account have not been "
                                         "applied yet. If you go on, they are lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  after = g_new0 (AfterDiscard, 1);
  after->self = g_object_ref (self);
  after->then = then;
  after->data = data;
  after->data_free = data_free;
  g_signal_connect_data (dialog, "response", G_CALLBACK (discard_response_cb), after,
                         (GClosureNotify) (void (*) (void)) after_discard_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Renaming */

static void
renamed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_session_rename_finish (GH_SESSION (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gh_ui_toast (GTK_WIDGET (self), error->message);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  const char *id = user_data;
  GhWindow *self = GH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "rename") != 0 || *label == '\0')
    return;

  gh_session_rename_async (self->session, id, label, self->cancellable, renamed_cb,
                           g_object_ref (self));
}

void
_gh_window_ask_rename (GhWindow          *self,
                       GhSavedConnection *saved)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Rename Connection"), NULL));
  adw_message_dialog_set_body (dialog, _("A name that says which business or integration "
                                         "this connection is for."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), gh_saved_connection_get_label (saved));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Connection name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb),
                         g_strdup (gh_saved_connection_get_id (saved)),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Forgetting */

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_session_forget_finish (GH_SESSION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gh_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  gh_ui_toast (GTK_WIDGET (self), _("Connection forgotten"));
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  const char *id = user_data;
  GhWindow *self = GH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "forget") != 0)
    return;

  gh_session_forget_async (self->session, id, self->cancellable, forgotten_cb,
                           g_object_ref (self));
}

void
_gh_window_ask_forget (GhWindow          *self,
                       GhSavedConnection *saved)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Forget This Connection?"), NULL));
  /* Translators: %s is the name of a saved connection */
  adw_message_dialog_format_body (dialog,
                                  _("The token of “%s” will be removed from your keyring. The "
                                    "integration that uses it keeps working: to stop it, "
                                    "revoke the token in Business Suite."),
                                  gh_saved_connection_get_label (saved));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (forget_response_cb),
                         g_strdup (gh_saved_connection_get_id (saved)),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reminders */

static void
reminders_on_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_autostart_set_reminders_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gh_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }

  gh_ui_toast (GTK_WIDGET (self), _("Reminders are on"));
}

static void
reminders_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  GhWindow *self = GH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GSettings *settings = gh_session_get_settings (self->session);

  g_settings_set_boolean (settings, "reminders-offered", TRUE);
  if (g_strcmp0 (response, "turn-on") == 0)
    gh_autostart_set_reminders_async (settings, TRUE, self->cancellable, reminders_on_cb,
                                      g_object_ref (self));
}

void
_gh_window_offer_reminders (GhWindow          *self,
                            GhSavedConnection *saved)
{
  GSettings *settings = gh_session_get_settings (self->session);
  gint64 expires_at = gh_saved_connection_get_expires_at (saved);
  guint days = g_settings_get_uint (settings, "reminder-days");
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *date = NULL;
  AdwMessageDialog *dialog;

  /* Asked once; and a connection that lasts only as long as the app has nothing to check. */
  if (expires_at <= 0 || g_settings_get_boolean (settings, "reminders-enabled")
      || g_settings_get_boolean (settings, "reminders-offered")
      || gh_session_get_session_only (self->session))
    return;

  end = g_date_time_new_from_unix_local (expires_at);
  date = end != NULL ? g_date_time_format (end, C_("expiry date", "%-d %B %Y")) : NULL;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Remind You Before It Ends?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: the first %s is a saved
                                                * connection, the second a date, %u a number
                                                * of days */
                                               "The token of “%s” ends on %s. Gatehouse can "
                                               "check it quietly once a day after you log in, "
                                               "also while it is closed, and send a "
                                               "notification %u day before it ends. You can "
                                               "change this in Preferences.",
                                               "The token of “%s” ends on %s. Gatehouse can "
                                               "check it quietly once a day after you log in, "
                                               "also while it is closed, and send a "
                                               "notification %u days before it ends, and again "
                                               "nearer the end. You can change this in "
                                               "Preferences.",
                                               days),
                                  gh_saved_connection_get_label (saved),
                                  date != NULL ? date : "?", days);
  adw_message_dialog_add_responses (dialog,
                                    "not-now", _("_Not Now"),
                                    "turn-on", _("_Turn On Reminders"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "turn-on", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "turn-on");
  adw_message_dialog_set_close_response (dialog, "not-now");
  g_signal_connect (dialog, "response", G_CALLBACK (reminders_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_gh_window_report_background (GhWindow *self)
{
  GSettings *settings = gh_session_get_settings (self->session);
  gint64 last = g_settings_get_int64 (settings, "background-check-last");
  g_autofree char *result = g_settings_get_string (settings, "background-check-result");
  AdwToast *toast;

  /* Each failed run is told once; Preferences keeps saying what happened last. */
  if (!g_settings_get_boolean (settings, "reminders-enabled") || !g_str_equal (result, "failed")
      || last <= g_settings_get_int64 (settings, "background-check-reported"))
    return;

  toast = adw_toast_new (_("The daily check of your tokens could not finish"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.preferences");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_settings_set_int64 (settings, "background-check-reported", last);
}
