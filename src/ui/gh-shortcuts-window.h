/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The keyboard shortcuts, grouped by screen (Ctrl+?).  A list that fits a phone's width, where
 * GTK 4.8's shortcuts window needs two columns of 400 px. */
#define GH_TYPE_SHORTCUTS_WINDOW (gh_shortcuts_window_get_type ())
G_DECLARE_FINAL_TYPE (GhShortcutsWindow, gh_shortcuts_window, GH, SHORTCUTS_WINDOW, AdwWindow)

GtkWidget *gh_shortcuts_window_new (GtkWindow *parent);

G_END_DECLS
