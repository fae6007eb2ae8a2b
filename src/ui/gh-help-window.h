/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GH_TYPE_HELP_WINDOW (gh_help_window_get_type ())
G_DECLARE_FINAL_TYPE (GhHelpWindow, gh_help_window, GH, HELP_WINDOW, AdwWindow)

GhHelpWindow *gh_help_window_new        (void);
/* Shows the problem @topic_id (see gh-troubleshooting.h) expanded, with the search cleared;
 * "" or NULL shows the whole list.  Returns FALSE, and shows the list, for an unknown id. */
gboolean      gh_help_window_show_topic (GhHelpWindow *self,
                                         const char   *topic_id);

G_END_DECLS
