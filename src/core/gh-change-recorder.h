/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-assignment-editor.h"
#include "gh-journal.h"

G_BEGIN_DECLS

/* Writes what one account's editor does into the change record: each write of an apply or
 * undo before it is sent ("sent, result unknown"), then what Meta made of it; and compares
 * each load that read the whole list with the last list seen of the account.  A record
 * that cannot be written never holds anything up: the journal says so in its "problem".
 *
 * Signal "changes-seen" (GPtrArray *seen, gint64 since, GPtrArray *settled): a load found
 * @seen (GhJournalEntry*, changes made outside Gatehouse since @since, Unix seconds) and
 * settled @settled (rows an interrupted apply had left open).  Emitted only when either
 * holds something. */
#define GH_TYPE_CHANGE_RECORDER (gh_change_recorder_get_type ())
G_DECLARE_FINAL_TYPE (GhChangeRecorder, gh_change_recorder, GH, CHANGE_RECORDER, GObject)

GhChangeRecorder   *gh_change_recorder_new            (GhJournal          *journal,
                                                       GhAssignmentEditor *editor);
GhJournal          *gh_change_recorder_get_journal    (GhChangeRecorder   *self);
GhAssignmentEditor *gh_change_recorder_get_editor     (GhChangeRecorder   *self);
/* Who made the changes: the saved connection (@connection_id NULL for one never saved, such
 * as the demo) and its name. */
void                gh_change_recorder_set_connection (GhChangeRecorder   *self,
                                                       const char         *connection_id,
                                                       const char         *connection_label);
/* The account's name, once known. */
void                gh_change_recorder_set_account_name (GhChangeRecorder *self,
                                                         const char       *account_name);

G_END_DECLS
