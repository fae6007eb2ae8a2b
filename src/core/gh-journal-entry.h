/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gh-task.h"

G_BEGIN_DECLS

/* How a change came to be in the record. */
typedef enum
{
  GH_JOURNAL_KIND_APPLY,      /* made with Gatehouse: an apply */
  GH_JOURNAL_KIND_UNDO,       /* made with Gatehouse: an undo */
  GH_JOURNAL_KIND_SEEN,       /* made elsewhere, seen when the list was read */
  GH_JOURNAL_KIND_OTHER,      /* written by a newer Gatehouse */
} GhJournalKind;

/* What Meta made of it. */
typedef enum
{
  GH_JOURNAL_RESULT_SENT,     /* sent, the result is not known (yet) */
  GH_JOURNAL_RESULT_DONE,     /* Meta holds what was asked */
  GH_JOURNAL_RESULT_DIFFERS,  /* Meta holds something else: see the message */
  GH_JOURNAL_RESULT_FAILED,   /* refused, or not made */
  GH_JOURNAL_RESULT_SEEN,     /* a change seen, not made here */
  GH_JOURNAL_RESULT_OTHER,    /* written by a newer Gatehouse */
} GhJournalResult;

/* One row of the change record: one person's access to one account changing.  Tasks are
 * Meta's wire names separated by spaces ("MANAGE DEVELOP"), known ones first in display
 * order; NULL before means the person had no access, NULL after that they have none.
 * Never holds a token or any secret.
 *
 * Filled with the setters before it is handed to the journal; the journal's entries are
 * never changed afterwards.  Properties (read-only): "person-name", "person-id", "when". */
#define GH_TYPE_JOURNAL_ENTRY (gh_journal_entry_get_type ())
G_DECLARE_FINAL_TYPE (GhJournalEntry, gh_journal_entry, GH, JOURNAL_ENTRY, GObject)

GhJournalEntry  *gh_journal_entry_new                  (GhJournalKind    kind,
                                                        const char      *account_id,
                                                        const char      *person_id);

gint64           gh_journal_entry_get_id               (GhJournalEntry  *self);
GhJournalKind    gh_journal_entry_get_kind             (GhJournalEntry  *self);
GhJournalResult  gh_journal_entry_get_result           (GhJournalEntry  *self);
/* Unix seconds: when it was recorded (before sending), and when its result came (0: not
 * yet). */
gint64           gh_journal_entry_get_when             (GhJournalEntry  *self);
gint64           gh_journal_entry_get_settled          (GhJournalEntry  *self);
/* The apply or undo it belongs to (NULL for seen changes). */
const char      *gh_journal_entry_get_run              (GhJournalEntry  *self);
const char      *gh_journal_entry_get_connection_id    (GhJournalEntry  *self);
const char      *gh_journal_entry_get_connection_label (GhJournalEntry  *self);
const char      *gh_journal_entry_get_account_id       (GhJournalEntry  *self);
const char      *gh_journal_entry_get_account_name     (GhJournalEntry  *self);
const char      *gh_journal_entry_get_person_id        (GhJournalEntry  *self);
/* As Meta sent it; NULL or blank shows the ID.  Plain text. */
const char      *gh_journal_entry_get_person_name      (GhJournalEntry  *self);
gboolean         gh_journal_entry_get_is_system_user   (GhJournalEntry  *self);
const char      *gh_journal_entry_get_tasks_before     (GhJournalEntry  *self);
const char      *gh_journal_entry_get_tasks_after      (GhJournalEntry  *self);
/* A sentence about the result (why it failed, what Meta holds instead), or NULL. */
const char      *gh_journal_entry_get_message          (GhJournalEntry  *self);

void             gh_journal_entry_set_result           (GhJournalEntry  *self,
                                                        GhJournalResult  result,
                                                        const char      *message);
void             gh_journal_entry_set_when             (GhJournalEntry  *self,
                                                        gint64           when);
void             gh_journal_entry_set_settled          (GhJournalEntry  *self,
                                                        gint64           settled);
void             gh_journal_entry_set_run              (GhJournalEntry  *self,
                                                        const char      *run);
void             gh_journal_entry_set_connection       (GhJournalEntry  *self,
                                                        const char      *connection_id,
                                                        const char      *connection_label);
void             gh_journal_entry_set_account_name     (GhJournalEntry  *self,
                                                        const char      *account_name);
void             gh_journal_entry_set_person           (GhJournalEntry  *self,
                                                        const char      *person_name,
                                                        gboolean         is_system_user);
void             gh_journal_entry_set_tasks            (GhJournalEntry  *self,
                                                        const char      *tasks_before,
                                                        const char      *tasks_after);

/* The name, or the ID when the name is blank. */
const char      *gh_journal_entry_get_display_name     (GhJournalEntry  *self);
/* One translated sentence: "Given Develop, Messaging", "Removed (had Full control)". */
char            *gh_journal_entry_describe_change      (GhJournalEntry  *self);
/* "Done", "Sent, result unknown", … */
const char      *gh_journal_result_get_label           (GhJournalResult  result);
/* "Applied with Gatehouse", "Undone with Gatehouse", "Changed outside Gatehouse" */
const char      *gh_journal_kind_get_label             (GhJournalKind    kind);

/* Wire names as the record keeps them, from Meta's flags and unknown tasks: known first in
 * display order, unknown ones sorted. */
char            *gh_journal_tasks_to_text              (GhTaskFlags         tasks,
                                                        const char * const *unknown);
/* "Full control, Develop, VIEW_INSIGHTS"; "no tasks" for an empty set. */
char            *gh_journal_tasks_describe             (const char      *tasks);

/* The record as CSV (RFC 4180, header row first), newest first as given, for a person to
 * open in a spreadsheet. */
char            *gh_journal_entries_to_csv             (GPtrArray       *entries);

G_END_DECLS
