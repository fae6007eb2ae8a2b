/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-journal.h"

G_BEGIN_DECLS

/* The change record of one account: who changed whose access, when, how and with what
 * result, newest first, filtered by person, exported as CSV.  Reads the record again
 * whenever something is written to it. */
#define GH_TYPE_HISTORY_WINDOW (gh_history_window_get_type ())
G_DECLARE_FINAL_TYPE (GhHistoryWindow, gh_history_window, GH, HISTORY_WINDOW, AdwWindow)

GhHistoryWindow *gh_history_window_new        (GtkWindow       *parent,
                                               GhJournal       *journal,
                                               const char      *account_id,
                                               const char      *account_name);
/* Shows only the people whose name or ID holds @text (as typed in the search entry). */
void             gh_history_window_set_filter (GhHistoryWindow *self,
                                               const char      *text);
/* FALSE until the record was read. */
gboolean         gh_history_window_is_loaded  (GhHistoryWindow *self);
guint            gh_history_window_get_n_shown (GhHistoryWindow *self);
/* The rows shown at @position, newest first. */
GhJournalEntry  *gh_history_window_get_entry  (GhHistoryWindow *self,
                                               guint            position);
/* The rows shown, as the Export button saves them. */
char            *gh_history_window_dup_csv    (GhHistoryWindow *self);

G_END_DECLS
