/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-journal-entry.h"

G_BEGIN_DECLS

/* Shared by the journal's files: gh-journal-entry.c (the rows) and gh-journal.c (the
 * database and its thread). */

/* The words the database keeps for kinds and results ("apply", "done", …). */
const char      *_gh_journal_kind_to_word     (GhJournalKind    kind);
GhJournalKind    _gh_journal_kind_from_word   (const char      *word);
const char      *_gh_journal_result_to_word   (GhJournalResult  result);
GhJournalResult  _gh_journal_result_from_word (const char      *word);

void             _gh_journal_entry_set_id     (GhJournalEntry  *self,
                                               gint64           id);
void             _gh_journal_entry_set_kind   (GhJournalEntry  *self,
                                               GhJournalKind    kind);
/* ISO 8601 in local time with its offset; "" for 0. */
char            *_gh_journal_format_time      (gint64           when);

G_END_DECLS
