/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-journal"

#include "config.h"

#include "gh-journal-private.h"

/* The change rows: recording the writes of an apply or undo before they are sent, their
 * results once they came, and reading the rows back. */

void
_gh_journal_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
add_job (GhJournal  *self,
         GhJournalJob        *job,
         GError    **error)
{
  GPtrArray *entries = job->data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_gh_journal_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT OR IGNORE INTO changes (run, kind, recorded_at, settled_at,"
                           " connection_id, connection_label, account_id, account_name,"
                           " person_id, person_name, person_type, tasks_before, tasks_after,"
                           " result, message)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < entries->len; i++)
    {
      GhJournalEntry *entry = g_ptr_array_index (entries, i);
      gint64 settled = gh_journal_entry_get_settled (entry);

      sqlite3_reset (stmt);
      _gh_journal_bind_text (stmt, 1, gh_journal_entry_get_run (entry));
      _gh_journal_bind_text (stmt, 2, _gh_journal_kind_to_word (gh_journal_entry_get_kind (entry)));
      sqlite3_bind_int64 (stmt, 3, gh_journal_entry_get_when (entry));
      if (settled > 0)
        sqlite3_bind_int64 (stmt, 4, settled);
      else
        sqlite3_bind_null (stmt, 4);
      _gh_journal_bind_text (stmt, 5, gh_journal_entry_get_connection_id (entry));
      _gh_journal_bind_text (stmt, 6, gh_journal_entry_get_connection_label (entry));
      _gh_journal_bind_text (stmt, 7, gh_journal_entry_get_account_id (entry));
      _gh_journal_bind_text (stmt, 8, gh_journal_entry_get_account_name (entry));
      _gh_journal_bind_text (stmt, 9, gh_journal_entry_get_person_id (entry));
      _gh_journal_bind_text (stmt, 10, gh_journal_entry_get_person_name (entry));
      _gh_journal_bind_text (stmt, 11, gh_journal_entry_get_is_system_user (entry) ? "SYSTEM_USER"
                                                                       : "BUSINESS_USER");
      _gh_journal_bind_text (stmt, 12, gh_journal_entry_get_tasks_before (entry));
      _gh_journal_bind_text (stmt, 13, gh_journal_entry_get_tasks_after (entry));
      _gh_journal_bind_text (stmt, 14,
                             _gh_journal_result_to_word (gh_journal_entry_get_result (entry)));
      _gh_journal_bind_text (stmt, 15, gh_journal_entry_get_message (entry));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, self->db, rc, "Recording changes");
      return _gh_journal_rollback (self->db);
    }

  return _gh_journal_exec (self->db, "COMMIT", error) || _gh_journal_rollback (self->db);
}

typedef struct
{
  char      *run;
  GPtrArray *entries;
  char      *account_id;
  GPtrArray *held;
} SettleData;

static void
settle_data_free (SettleData *data)
{
  g_free (data->run);
  g_ptr_array_unref (data->entries);
  g_free (data->account_id);
  g_clear_pointer (&data->held, g_ptr_array_unref);
  g_free (data);
}

static gboolean
settle_job (GhJournal  *self,
            GhJournalJob        *job,
            GError    **error)
{
  SettleData *data = job->data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_gh_journal_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db,
                           "UPDATE changes SET result = ?, message = ?, settled_at = ?"
                           " WHERE run = ? AND person_id = ?",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < data->entries->len; i++)
    {
      GhJournalEntry *entry = g_ptr_array_index (data->entries, i);
      gint64 settled = gh_journal_entry_get_settled (entry);

      sqlite3_reset (stmt);
      _gh_journal_bind_text (stmt, 1,
                             _gh_journal_result_to_word (gh_journal_entry_get_result (entry)));
      _gh_journal_bind_text (stmt, 2, gh_journal_entry_get_message (entry));
      if (settled > 0)
        sqlite3_bind_int64 (stmt, 3, settled);
      else
        sqlite3_bind_null (stmt, 3);
      _gh_journal_bind_text (stmt, 4, data->run);
      _gh_journal_bind_text (stmt, 5, gh_journal_entry_get_person_id (entry));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, self->db, rc, "Recording results");
      return _gh_journal_rollback (self->db);
    }

  if (data->held != NULL
      && !_gh_journal_update_last_seen (self->db, data->account_id, data->held, error))
    return _gh_journal_rollback (self->db);

  return _gh_journal_exec (self->db, "COMMIT", error) || _gh_journal_rollback (self->db);
}

const char *
_gh_journal_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

GhJournalEntry *
_gh_journal_entry_from_row (sqlite3_stmt *stmt)
{
  GhJournalEntry *entry;
  const char *account_id = _gh_journal_column_text (stmt, 8);
  const char *person_id = _gh_journal_column_text (stmt, 10);

  entry = gh_journal_entry_new (_gh_journal_kind_from_word (_gh_journal_column_text (stmt, 2)),
                                account_id != NULL ? account_id : "",
                                person_id != NULL ? person_id : "");
  _gh_journal_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  gh_journal_entry_set_run (entry, _gh_journal_column_text (stmt, 1));
  gh_journal_entry_set_when (entry, sqlite3_column_int64 (stmt, 3));
  gh_journal_entry_set_settled (entry, sqlite3_column_int64 (stmt, 4));
  gh_journal_entry_set_connection (entry, _gh_journal_column_text (stmt, 5),
                                   _gh_journal_column_text (stmt, 6));
  gh_journal_entry_set_account_name (entry, _gh_journal_column_text (stmt, 9));
  gh_journal_entry_set_person (entry, _gh_journal_column_text (stmt, 11),
                               g_strcmp0 (_gh_journal_column_text (stmt, 12), "SYSTEM_USER") == 0);
  gh_journal_entry_set_tasks (entry, _gh_journal_column_text (stmt, 13),
                              _gh_journal_column_text (stmt, 14));
  gh_journal_entry_set_result (entry,
                               _gh_journal_result_from_word (_gh_journal_column_text (stmt, 15)),
                               _gh_journal_column_text (stmt, 16));

  return entry;
}

typedef struct
{
  char  *account_id;
  guint  limit;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->account_id);
  g_free (data);
}

static gboolean
list_job (GhJournal  *self,
          GhJournalJob        *job,
          GError    **error)
{
  ListData *data = job->data;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT " GH_JOURNAL_ENTRY_COLUMNS " FROM changes"
                           " WHERE ?1 IS NULL OR account_id = ?1"
                           " ORDER BY recorded_at DESC, id DESC LIMIT ?2",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      _gh_journal_bind_text (stmt, 1, data->account_id);
      sqlite3_bind_int64 (stmt, 2, data->limit > 0 ? (gint64) data->limit : -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (entries, _gh_journal_entry_from_row (stmt));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _gh_journal_set_error (error, self->db, rc, "Reading the change record");
      return FALSE;
    }

  job->result = g_steal_pointer (&entries);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/* Public API */

void
gh_journal_add_async (GhJournal           *self,
                      GPtrArray           *entries,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GhJournalJob *job;

  g_return_if_fail (GH_IS_JOURNAL (self));
  g_return_if_fail (entries != NULL);

  job = _gh_journal_job_new (self, add_job, TRUE, gh_journal_add_async, cancellable, callback,
                             user_data);
  job->data = g_ptr_array_ref (entries);
  job->data_free = (GDestroyNotify) g_ptr_array_unref;
  _gh_journal_push_job (self, job);
}

gboolean
gh_journal_add_finish (GhJournal     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gh_journal_settle_async (GhJournal           *self,
                         const char          *run,
                         GPtrArray           *entries,
                         const char          *account_id,
                         GPtrArray           *held,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SettleData *data;
  GhJournalJob *job;

  g_return_if_fail (GH_IS_JOURNAL (self));
  g_return_if_fail (run != NULL);
  g_return_if_fail (entries != NULL);
  g_return_if_fail (held == NULL || account_id != NULL);

  job = _gh_journal_job_new (self, settle_job, TRUE, gh_journal_settle_async, cancellable,
                             callback, user_data);
  data = g_new0 (SettleData, 1);
  data->run = g_strdup (run);
  data->entries = g_ptr_array_ref (entries);
  data->account_id = g_strdup (account_id);
  data->held = held != NULL ? g_ptr_array_ref (held) : NULL;
  job->data = data;
  job->data_free = (GDestroyNotify) settle_data_free;
  _gh_journal_push_job (self, job);
}

gboolean
gh_journal_settle_finish (GhJournal     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gh_journal_list_async (GhJournal           *self,
                       const char          *account_id,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  ListData *data;
  GhJournalJob *job;

  g_return_if_fail (GH_IS_JOURNAL (self));

  job = _gh_journal_job_new (self, list_job, FALSE, gh_journal_list_async, cancellable,
                             callback, user_data);
  data = g_new0 (ListData, 1);
  data->account_id = g_strdup (account_id);
  data->limit = limit;
  job->data = data;
  job->data_free = (GDestroyNotify) list_data_free;
  _gh_journal_push_job (self, job);
}

GPtrArray *
gh_journal_list_finish (GhJournal     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
