/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-access-overview.h"
#include "gh-access-review.h"

G_BEGIN_DECLS

/* Who has access to what across every saved connection (gh-access-overview.h): a person ×
 * account grid, searchable and exported as CSV, with how many calls it cost; and the access
 * review (gh-access-review.h), one person at a time, staged, applied, and reported as CSV
 * or on paper / PDF.  @shown_editor (nullable): the editor of the account the window
 * shows, so that decisions about it appear in its grid. */
#define GH_TYPE_ACCESS_WINDOW (gh_access_window_get_type ())
G_DECLARE_FINAL_TYPE (GhAccessWindow, gh_access_window, GH, ACCESS_WINDOW, AdwWindow)

GhAccessWindow   *gh_access_window_new          (GtkWindow          *parent,
                                                 GhSession          *session,
                                                 GhAssignmentEditor *shown_editor);
/* Shows the review (TRUE) or the overview. */
void              gh_access_window_show_review  (GhAccessWindow     *self,
                                                 gboolean            review);
/* Reads everyone's access again (and starts a new review). */
void              gh_access_window_reload       (GhAccessWindow     *self);
gboolean          gh_access_window_is_loaded    (GhAccessWindow     *self);
GhAccessOverview *gh_access_window_get_overview (GhAccessWindow     *self);
/* NULL before the first load ended. */
GhAccessReview   *gh_access_window_get_review   (GhAccessWindow     *self);
/* The person the review shows. */
guint             gh_access_window_get_review_position (GhAccessWindow *self);
/* As typed in the search entry: people whose name or ID holds @text. */
void              gh_access_window_set_search   (GhAccessWindow     *self,
                                                 const char         *text);
guint             gh_access_window_get_n_shown  (GhAccessWindow     *self);
/* FALSE while staging or applying. */
gboolean          gh_access_window_is_idle      (GhAccessWindow     *self);

G_END_DECLS
