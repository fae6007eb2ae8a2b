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

G_END_DECLS
