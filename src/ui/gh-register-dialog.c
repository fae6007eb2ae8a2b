/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-register-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-account-action.h"
#include "gh-register-dialog.h"

struct _GhRegisterDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *pin_row;
  GtkLabel         *hint_label;
};

G_DEFINE_FINAL_TYPE (GhRegisterDialog, gh_register_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* While the PIN is being typed, the hint says what is still missing; nothing is said about
 * an empty field until the person starts. */
static void
pin_changed_cb (GhRegisterDialog *self)
{
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  const char *problem = gh_register_pin_problem (pin);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "continue",
                                           problem == NULL);
  gtk_label_set_text (self->hint_label, *pin != '\0' && problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), *pin != '\0' && problem != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pin_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  problem != NULL ? problem : "", -1);
}

static void
gh_register_dialog_class_init (GhRegisterDialogClass *klass)
{
}

static void
gh_register_dialog_init (GhRegisterDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_password_entry_row_new ();

  self->pin_row = ADW_ENTRY_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Two-step verification PIN"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Two-step verification PIN"), -1);
  adw_entry_row_set_input_purpose (self->pin_row, GTK_INPUT_PURPOSE_PIN);
  adw_entry_row_set_activates_default (self->pin_row, TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint_label));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  g_signal_connect_object (row, "changed", G_CALLBACK (pin_changed_cb), self,
                           G_CONNECT_SWAPPED);
  pin_changed_cb (self);
}

GtkWidget *
gh_register_dialog_new (GtkWindow  *parent,
                        const char *number)
{
  GhRegisterDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  self = g_object_new (GH_TYPE_REGISTER_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  /* Translators: %s is a phone number, e.g. "+1 555-014-7720" */
  heading = g_strdup_printf (_("Register %s"), number);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  /* Translators: the first %d is 10, the second 72 */
                                  _("Enter the number’s six-digit two-step verification PIN. "
                                    "If the number has none yet, this one becomes its PIN. "
                                    "Meta allows %d tries in %d hours."),
                                  GH_REGISTER_TRIES, GH_REGISTER_WINDOW_HOURS);

  return GTK_WIDGET (self);
}

char *
gh_register_dialog_dup_pin (GhRegisterDialog *self)
{
  const char *pin;

  g_return_val_if_fail (GH_IS_REGISTER_DIALOG (self), NULL);

  pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));
  return gh_register_pin_problem (pin) == NULL ? g_strdup (pin) : NULL;
}
