/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*GhTestCondition) (gpointer data);

/* Spins the default main context until @condition holds or @timeout_ms passes. */
gboolean   gh_test_wait_for              (GhTestCondition condition,
                                          gpointer        data,
                                          guint           timeout_ms);
/* First descendant of @root (depth first, @root included) of @type. */
GtkWidget *gh_test_find_widget_of_type   (GtkWidget      *root,
                                          GType           type);
/* First mapped (on screen, if scrolled there) label under @root whose text contains @text. */
GtkWidget *gh_test_find_label            (GtkWidget      *root,
                                          const char     *text);
/* Saves what @widget shows to a PNG file. */
void       gh_test_save_screenshot       (GtkWidget      *widget,
                                          const char     *path);

/* Lets the main context run for @ms, for what only shows a few frames later. */
void       gh_test_pause                 (guint           ms);
/* A GhTestCondition: the pointer @data points to is NULL, as a weak pointer is once its
 * object is gone. */
gboolean   gh_test_pointer_cleared       (gpointer        data);

/* Whether screen readers get @label as @widget's name (needs GTK_A11Y=test). */
gboolean   gh_test_accessible_label_is   (GtkWidget      *widget,
                                          const char     *label);
/* First mapped widget under @root of @type that screen readers know as @label. */
GtkWidget *gh_test_find_named            (GtkWidget      *root,
                                          GType           type,
                                          const char     *label);
/* Waits for gh_test_find_named() to find one; fails the test if none comes. */
GtkWidget *gh_test_wait_for_named        (GtkWidget      *root,
                                          GType           type,
                                          const char     *label);
/* Waits for gh_test_find_label() to find one; fails the test if none comes. */
GtkWidget *gh_test_wait_for_label        (GtkWidget      *root,
                                          const char     *text);
/* The button around the label with @text under @root, once it is on screen. */
GtkWidget *gh_test_button_with_label     (GtkWidget      *root,
                                          const char     *text);
/* Clicks @button as a pointer does: at once, unlike gtk_widget_activate's animated press. */
void       gh_test_click                 (GtkWidget      *button);

/* A visible toplevel window of @type, or NULL. */
GtkWidget *gh_test_find_toplevel         (GType           type);
/* Waits for a toplevel window of @type; fails the test if none comes. */
GtkWidget *gh_test_wait_for_toplevel     (GType           type);
/* Clicks the button labelled exactly @button of an AdwMessageDialog, and waits for the
 * dialog to go. */
void       gh_test_respond               (GtkWidget      *dialog,
                                          const char     *button);

G_END_DECLS
