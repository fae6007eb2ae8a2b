/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gh-access-diff.h"
#include "gh-journal-entry.h"

G_BEGIN_DECLS

#define GH_JOURNAL_ERROR (gh_journal_error_quark ())
GQuark gh_journal_error_quark (void);

typedef enum
{
  GH_JOURNAL_ERROR_UNAVAILABLE,   /* the file could not be opened */
  GH_JOURNAL_ERROR_READ_ONLY,     /* written by a newer version: nothing is written */
  GH_JOURNAL_ERROR_FULL,          /* the disk is full */
  GH_JOURNAL_ERROR_BUSY,          /* another program kept it locked too long */
  GH_JOURNAL_ERROR_DAMAGED,       /* not a database, or a damaged one */
  GH_JOURNAL_ERROR_FAILED,
} GhJournalError;

typedef enum
{
  GH_JOURNAL_STATE_OPENING,
  GH_JOURNAL_STATE_READY,
  GH_JOURNAL_STATE_READ_ONLY,     /* from a newer version: read, never written */
  GH_JOURNAL_STATE_UNAVAILABLE,   /* could not be opened: nothing is recorded */
} GhJournalState;

/* The schema this version writes (PRAGMA user_version). */
#define GH_JOURNAL_SCHEMA_VERSION 2

/* The change record: every apply and undo made with Gatehouse, kept in an SQLite database
 * under the user data directory (WAL, a schema version, never a token or a secret).
 *
 * Every statement runs on one thread of its own, in the order asked, so that the main loop
 * never waits on the disk or on another Gatehouse holding the file (two windows or two
 * programs may write at once: the second waits its turn there).  A write that fails is
 * reported to whoever asked, and in "problem"; it never stops anything else.
 *
 * Properties (read-only, notified on the main context): "state" (GhJournalState),
 * "problem" (a translated sentence: why nothing is recorded, or why the last write was not;
 * NULL when all is well), "path".  Signal "changed": something was written (on the main
 * context, after the write). */
#define GH_TYPE_JOURNAL (gh_journal_get_type ())
G_DECLARE_FINAL_TYPE (GhJournal, gh_journal, GH, JOURNAL, GObject)

/* $XDG_DATA_HOME/gatehouse/record.sqlite */
char           *gh_journal_dup_default_path (void);
/* Opens (creating or migrating) @path in the background; "state" says when it is done. */
GhJournal      *gh_journal_new              (const char          *path);
const char     *gh_journal_get_path         (GhJournal           *self);
GhJournalState  gh_journal_get_state        (GhJournal           *self);
const char     *gh_journal_get_problem      (GhJournal           *self);

/* Records @entries (GhJournalEntry*) as they are: for an apply, before its writes are sent,
 * with the result GH_JOURNAL_RESULT_SENT.  An entry whose run already has a row for the
 * same person is left as recorded (a write sent again after a pause). */
void            gh_journal_add_async        (GhJournal           *self,
                                             GPtrArray           *entries,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        gh_journal_add_finish       (GhJournal           *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Gives the rows of @run the result, message and settled time of the entry for the same
 * person in @entries.  @held (nullable, GhAccessHolder*): what Meta holds now for people
 * the run changed, as the list last seen of @account_id should have it (tasks NULL: no
 * longer listed), so that the next load does not take the run's own changes for changes
 * made elsewhere. */
void            gh_journal_settle_async     (GhJournal           *self,
                                             const char          *run,
                                             GPtrArray           *entries,
                                             const char          *account_id,
                                             GPtrArray           *held,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        gh_journal_settle_finish    (GhJournal           *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* The rows of @account_id (NULL: every account), newest first, at most @limit (0: all). */
void            gh_journal_list_async       (GhJournal           *self,
                                             const char          *account_id,
                                             guint                limit,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* GhJournalEntry* */
GPtrArray      *gh_journal_list_finish      (GhJournal           *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Where a load was made: the account and who read it. */
typedef struct
{
  const char *account_id;
  const char *account_name;       /* nullable */
  const char *business_id;        /* nullable */
  const char *connection_id;      /* nullable: a connection never saved */
  const char *connection_label;   /* nullable */
} GhJournalPlace;

/* What a load that read an account's whole list found, compared with the last list seen
 * of that account: rows still "sent, result unknown" are settled against what Meta holds
 * (a crash in the middle of an apply), every other difference is recorded as changed
 * outside Gatehouse, and @people (GhAccessHolder*) becomes the last list seen.  The first
 * load of an account only remembers the list. */
void            gh_journal_compare_async    (GhJournal            *self,
                                             const GhJournalPlace *place,
                                             GPtrArray            *people,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* The changes seen (GhJournalEntry*, kind SEEN, in the order of the list); @since: when the
 * list had last been seen (Unix seconds, 0: never before); @settled (nullable out): the
 * rows it settled. */
GPtrArray      *gh_journal_compare_finish   (GhJournal            *self,
                                             GAsyncResult         *result,
                                             gint64               *since,
                                             GPtrArray           **settled,
                                             GError              **error);

/* The accounts the record has seen through the saved connection @connection_id (from
 * loads made with it), as GhJournalAccount. */
typedef struct
{
  char *account_id;
  char *account_name;
  char *business_id;
} GhJournalAccount;

void            gh_journal_account_free     (GhJournalAccount     *account);
void            gh_journal_list_accounts_async  (GhJournal           *self,
                                                 const char          *connection_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray      *gh_journal_list_accounts_finish (GhJournal           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* Remembers that the saved connection @connection_id reaches @accounts
 * (GhJournalAccount*), so that the next look across connections asks for them at once. */
void            gh_journal_note_accounts_async  (GhJournal           *self,
                                                 const char          *connection_id,
                                                 GPtrArray           *accounts,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        gh_journal_note_accounts_finish (GhJournal           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* Waits (blocking) until everything asked so far is written: at exit. */
void            gh_journal_flush            (GhJournal           *self);

G_END_DECLS
