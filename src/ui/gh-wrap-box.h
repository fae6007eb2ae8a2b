/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A row of widgets (buttons, mostly) that wraps onto more lines when the window is too
 * narrow for it, so a page fits a phone's 360 px without cutting anything: the row needs only
 * as much width as its widest child.  Each line is placed by #GhWrapBox:justify; with
 * %GTK_ALIGN_FILL the line's spare width goes to its children that expand (to all of them when
 * none does).  In a .ui file children are
 * added with <child>. */
#define GH_TYPE_WRAP_BOX (gh_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (GhWrapBox, gh_wrap_box, GH, WRAP_BOX, GtkWidget)

GtkWidget *gh_wrap_box_new             (void);
void       gh_wrap_box_append          (GhWrapBox *self,
                                        GtkWidget *child);
void       gh_wrap_box_remove          (GhWrapBox *self,
                                        GtkWidget *child);
/* Pixels between children on one line, and between lines. */
void       gh_wrap_box_set_spacing     (GhWrapBox *self,
                                        int        spacing);
int        gh_wrap_box_get_spacing     (GhWrapBox *self);
void       gh_wrap_box_set_row_spacing (GhWrapBox *self,
                                        int        spacing);
int        gh_wrap_box_get_row_spacing (GhWrapBox *self);
void       gh_wrap_box_set_justify     (GhWrapBox *self,
                                        GtkAlign   justify);
GtkAlign   gh_wrap_box_get_justify     (GhWrapBox *self);

G_END_DECLS
