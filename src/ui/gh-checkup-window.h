/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-assignment-editor.h"
#include "gh-checkup.h"

G_BEGIN_DECLS

/* The security checkup of the account @editor edits (gh-checkup.h): reads the business's
 * people (one call per 100 of them), lists what it finds with why it matters, and fixes it
 * the usual way: a change staged in the grid through @editor, never sent from here, or the
 * Business Suite page.  @can_edit FALSE shows the findings without staging. */
#define GH_TYPE_CHECKUP_WINDOW (gh_checkup_window_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckupWindow, gh_checkup_window, GH, CHECKUP_WINDOW, AdwWindow)

GhCheckupWindow *gh_checkup_window_new          (GtkWindow          *parent,
                                                 GhAssignmentEditor *editor,
                                                 gboolean            can_edit,
                                                 const char         *account_name);
/* Reads the business's people again and checks again. */
void             gh_checkup_window_run          (GhCheckupWindow    *self);
/* FALSE while reading. */
gboolean         gh_checkup_window_is_done      (GhCheckupWindow    *self);
/* GhCheckupFinding* of the last run (NULL before one ended). */
GPtrArray       *gh_checkup_window_get_findings (GhCheckupWindow    *self);

G_END_DECLS
