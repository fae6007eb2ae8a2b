/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A row whose title and subtitle are plain text: server data never goes through markup. */
GtkWidget *gh_ui_plain_row_new       (const char *title,
                                      const char *subtitle);
/* The same, with a "Copy" button that puts @value on the clipboard; @what names the value
 * for screen readers ("Copy WhatsApp Business Account ID"). */
GtkWidget *gh_ui_copy_row_new        (const char *title,
                                      const char *value,
                                      const char *what);
/* A flat Copy button for @value; @what is its accessible name ("Copy the account ID"). */
GtkWidget *gh_ui_copy_button_new     (const char *value,
                                      const char *what);
/* Removes every row a previous gh_ui_* call added to @group. */
void       gh_ui_group_clear         (AdwPreferencesGroup *group);
void       gh_ui_group_add_row       (AdwPreferencesGroup *group,
                                      GtkWidget           *row);
/* Sets a label with a mnemonic on @button and gives it the same accessible name without the
 * underscore (GTK 4.8 would otherwise read the underscore and the label twice). */
void       gh_ui_button_set_mnemonic (GtkButton  *button,
                                      const char *label);
/* Gives every button under @root with a mnemonic ("_Save") its name once, without the
 * underline: call after a template is set up. */
void       gh_ui_name_mnemonic_buttons (GtkWidget *root);
GtkWidget *gh_ui_mnemonic_button_new (const char *label);
/* Shows a short toast on the window's overlay (if the window has one). */
/* Shows @title in the nearest toast overlay above @widget (or above the window a dialog
 * belongs to). */
void       gh_ui_toast               (GtkWidget  *widget,
                                      const char *title);
/* Opens @uri in the browser; when that fails, copies it and says so. */
void       gh_ui_open_uri            (GtkWidget  *widget,
                                      const char *uri);

/* Shows @error on @page: @title says what could not be done, the description what went
 * wrong, what to do and Meta's wait, if any; the technical details (fbtrace id…) go in
 * @details, whose @details_box is hidden when there are none. */
void       gh_ui_status_page_set_error (AdwStatusPage *page,
                                        GtkLabel      *details,
                                        GtkWidget     *details_box,
                                        const GError  *error,
                                        const char    *title);

/* Points @button at the troubleshooting topic that explains @error (app.help) and shows it;
 * hides it when no topic is about @error (a dropped connection, say). */
void       gh_ui_help_button_set_error (GtkWidget    *button,
                                        const GError *error);

/* Lets the text of every pill button under @root (a plain label, not an icon and label) wrap
 * onto a second line rather than push a narrow window wider: long translations and large
 * text need it. */
void       gh_ui_wrap_pill_labels      (GtkWidget    *root);

/* GTK 4.8's drop-down and menu button do not pass their names on to the button inside them,
 * the one a screen reader meets: names it @name. */
void       gh_ui_name_inner_button     (GtkWidget    *widget,
                                        const char   *name);

/* The main menu button every screen's header bar ends with: the sections of @screen_items
 * (nullable; a menu of items without sections is one section), then Preferences, Keyboard
 * Shortcuts, Troubleshooting, About (F10 opens it). */
GtkWidget *gh_ui_main_menu_button_new (GMenuModel *screen_items);

G_END_DECLS
