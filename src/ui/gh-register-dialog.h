/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks for a phone number's six-digit two-step verification PIN before it is registered for
 * Cloud API.  "Continue" is possible only with six digits, and the dialog says what is
 * wrong while it is not; it says too that Meta allows 10 tries in 72 hours.  Responses:
 * "cancel", "continue".  Nothing is sent from here. */
#define GH_TYPE_REGISTER_DIALOG (gh_register_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GhRegisterDialog, gh_register_dialog, GH, REGISTER_DIALOG,
                      AdwMessageDialog)

/* @number: the phone number as shown (plain text). */
GtkWidget *gh_register_dialog_new     (GtkWindow        *parent,
                                       const char       *number);
/* The PIN typed, when it is six digits, else NULL.  Wipe it with gh_secret_free. */
char      *gh_register_dialog_dup_pin (GhRegisterDialog *self);

G_END_DECLS
