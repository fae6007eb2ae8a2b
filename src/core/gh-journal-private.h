/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>

#include "gh-journal.h"

G_BEGIN_DECLS

/* Shared by the journal's files: gh-journal-entry.c (the rows), gh-journal.c (the database,
 * its thread and the change rows) and gh-journal-seen.c (the lists last seen, and what
 * changed since). */

struct _GhJournal
{
  GObject         parent_instance;

  char           *path;
  GThreadPool    *pool;
  /* Main context only. */
  GhJournalState  state;
  char           *problem;

  /* The journal's thread only (and finalize, once the thread is done). */
  sqlite3        *db;
  gboolean        read_only;
};

typedef struct _GhJournalJob GhJournalJob;

/* Runs on the journal's thread; the result goes into the job. */
typedef gboolean (*GhJournalJobFunc)  (GhJournal     *self,
                                       GhJournalJob  *job,
                                       GError       **error);
/* Runs on the main context when the job is over, before its task returns. */
typedef void     (*GhJournalDoneFunc) (GhJournal     *self,
                                       GhJournalJob  *job);

struct _GhJournalJob
{
  GhJournalJobFunc   func;
  GhJournalDoneFunc  done;
  GTask             *task;
  gboolean           writes;
  gpointer           data;
  GDestroyNotify     data_free;
  gpointer           result;
  GDestroyNotify     result_free;
  GError            *error;
  /* gh_journal_flush: the caller waits on it. */
  GMutex            *mutex;
  GCond             *cond;
  gboolean          *flushed;
};

/* gh-journal.c */
GhJournalJob    *_gh_journal_job_new          (GhJournal           *self,
                                               GhJournalJobFunc     func,
                                               gboolean             writes,
                                               gpointer             source_tag,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Runs @job on the journal's thread after those asked before it. */
void             _gh_journal_push_job         (GhJournal           *self,
                                               GhJournalJob        *job);
/* A GH_JOURNAL_ERROR for SQLite's @rc, in words a person understands. */
void             _gh_journal_set_error        (GError             **error,
                                               sqlite3             *db,
                                               int                  rc,
                                               const char          *doing);
gboolean         _gh_journal_exec             (sqlite3             *db,
                                               const char          *sql,
                                               GError             **error);
/* Ends a transaction left open by a failure; returns FALSE. */
gboolean         _gh_journal_rollback         (sqlite3             *db);
void             _gh_journal_bind_text        (sqlite3_stmt        *stmt,
                                               int                  index,
                                               const char          *text);
const char      *_gh_journal_column_text      (sqlite3_stmt        *stmt,
                                               int                  column);
/* The columns of a changes row, in the order gh-journal.c selects them. */
#define GH_JOURNAL_ENTRY_COLUMNS \
  "id, run, kind, recorded_at, settled_at, connection_id, connection_label, 0, account_id," \
  " account_name, person_id, person_name, person_type, tasks_before, tasks_after, result," \
  " message"
GhJournalEntry  *_gh_journal_entry_from_row   (sqlite3_stmt        *stmt);

/* gh-journal-seen.c */
/* Puts @held (GhAccessHolder*, tasks NULL: no longer listed) into the list last seen of
 * @account_id, if there is one: inside a transaction. */
gboolean         _gh_journal_update_last_seen (sqlite3             *db,
                                               const char          *account_id,
                                               GPtrArray           *held,
                                               GError             **error);

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
