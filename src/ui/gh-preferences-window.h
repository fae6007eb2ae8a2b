/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Preferences: reminders on or off (with the autostart entry, or the Background portal's
 * permission, that goes with them), how many days before a token ends the first one comes,
 * what the last background check found, and the Graph API version. */
#define GH_TYPE_PREFERENCES_WINDOW (gh_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (GhPreferencesWindow, gh_preferences_window, GH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *gh_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
