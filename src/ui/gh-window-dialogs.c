/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-ui-util.h"
#include "gh-window-private.h"

/* The questions the window asks before it acts: dropping unapplied edits, a new name,
 * forgetting a connection. */

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
