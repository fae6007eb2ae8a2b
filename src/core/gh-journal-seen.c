/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-journal"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-journal-private.h"

/* Each account's list as it was last read, and what a new read finds changed since: rows an
 * interrupted apply left "sent, result unknown" are settled against what Meta holds now,
 * and the rest is recorded as changed outside Gatehouse.  Everything a comparison writes
 * goes in one transaction: a crash leaves the last list seen as it was, and the next read
 * finds the same changes again. */

typedef struct
{
  char      *account_id;
  char      *account_name;
  char      *business_id;
  char      *connection_id;
  char      *connection_label;
  GPtrArray *people;
  /* Results */
  gint64     since;
  GPtrArray *seen;
  GPtrArray *settled;
} CompareData;

static void
compare_data_free (CompareData *data)
{
  g_free (data->account_id);
  g_free (data->account_name);
  g_free (data->business_id);
  g_free (data->connection_id);
  g_free (data->connection_label);
  g_clear_pointer (&data->people, g_ptr_array_unref);
  g_clear_pointer (&data->seen, g_ptr_array_unref);
  g_clear_pointer (&data->settled, g_ptr_array_unref);
  g_free (data);
}

static gboolean
step_done (sqlite3_stmt *stmt,
           int          *rc)
{
  *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  return *rc == SQLITE_OK;
}

/* When the account's list was last seen, 0: never. */
static gboolean
read_seen_at (sqlite3     *db,
              const char  *account_id,
              gint64      *seen_at,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT seen_at FROM accounts WHERE account_id = ?", -1,
                               &stmt, NULL);

  *seen_at = 0;
  if (rc == SQLITE_OK)
    {
      _gh_journal_bind_text (stmt, 1, account_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *seen_at = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _gh_journal_set_error (error, db, rc, "Reading when the list was last seen");
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
read_last_seen (sqlite3     *db,
                const char  *account_id,
                GError     **error)
{
  g_autoptr(GPtrArray) holders = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  holders = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_access_holder_free);
  rc = sqlite3_prepare_v2 (db, "SELECT person_id, person_name, person_type, tasks"
                           " FROM last_seen WHERE account_id = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      _gh_journal_bind_text (stmt, 1, account_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (holders,
                         gh_access_holder_new (_gh_journal_column_text (stmt, 0),
                                               _gh_journal_column_text (stmt, 1),
                                               g_strcmp0 (_gh_journal_column_text (stmt, 2),
                                                          "SYSTEM_USER") == 0,
                                               _gh_journal_column_text (stmt, 3)));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _gh_journal_set_error (error, db, rc, "Reading the list last seen");
      return NULL;
    }

  return g_steal_pointer (&holders);
}

static GPtrArray *
read_unsettled (sqlite3     *db,
                const char  *account_id,
                GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT " GH_JOURNAL_ENTRY_COLUMNS " FROM changes"
                           " WHERE account_id = ? AND result = 'sent' ORDER BY id", -1, &stmt,
                           NULL);
  if (rc == SQLITE_OK)
    {
      _gh_journal_bind_text (stmt, 1, account_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (entries, _gh_journal_entry_from_row (stmt));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _gh_journal_set_error (error, db, rc, "Reading the changes not settled");
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* What Meta holds for @entry's person now decides what came of it. */
static void
settle_against (GhJournalEntry *entry,
                GhAccessHolder *now)
{
  const char *before = gh_journal_entry_get_tasks_before (entry);
  const char *after = gh_journal_entry_get_tasks_after (entry);
  const char *held = now != NULL ? now->tasks : NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (held, after) == 0)
    gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_DONE,
                                 _("Confirmed when the list was read again: Meta holds this "
                                   "change."));
  else if (g_strcmp0 (held, before) == 0)
    gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_FAILED,
                                 _("Not made: when the list was read again, Meta still held "
                                   "what it held before."));
  else
    {
      if (held == NULL)
        message = g_strdup (_("When the list was read again, Meta no longer listed this "
                              "person."));
      else
        {
          g_autofree char *tasks = gh_journal_tasks_describe (held);

          /* Translators: %s is a list of tasks */
          message = g_strdup_printf (_("When the list was read again, Meta held: %s."), tasks);
        }
      gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_DIFFERS, message);
    }
}

static gboolean
write_settled (sqlite3         *db,
               GhJournalEntry  *entry,
               gint64           now,
               GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "UPDATE changes SET result = ?, message = ?, settled_at = ?"
                           " WHERE id = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      _gh_journal_bind_text (stmt, 1, _gh_journal_result_to_word (
                                         gh_journal_entry_get_result (entry)));
      _gh_journal_bind_text (stmt, 2, gh_journal_entry_get_message (entry));
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, gh_journal_entry_get_id (entry));
      step_done (stmt, &rc);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, db, rc, "Settling a change");
      return FALSE;
    }

  gh_journal_entry_set_settled (entry, now);
  return TRUE;
}

static GhJournalEntry *
seen_entry_new (CompareData    *data,
                GhAccessChange *change,
                gint64          now)
{
  GhJournalEntry *entry = gh_journal_entry_new (GH_JOURNAL_KIND_SEEN, data->account_id,
                                                change->id);

  gh_journal_entry_set_when (entry, now);
  gh_journal_entry_set_connection (entry, data->connection_id, data->connection_label);
  gh_journal_entry_set_account_name (entry, data->account_name);
  gh_journal_entry_set_person (entry, change->name, change->is_system_user);
  gh_journal_entry_set_tasks (entry, change->tasks_before, change->tasks_after);

  return entry;
}

static gboolean
write_seen (sqlite3         *db,
            GhJournalEntry  *entry,
            GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO changes (kind, recorded_at, connection_id,"
                           " connection_label, account_id, account_name, person_id,"
                           " person_name, person_type, tasks_before, tasks_after, result)"
                           " VALUES ('seen', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seen')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, gh_journal_entry_get_when (entry));
      _gh_journal_bind_text (stmt, 2, gh_journal_entry_get_connection_id (entry));
      _gh_journal_bind_text (stmt, 3, gh_journal_entry_get_connection_label (entry));
      _gh_journal_bind_text (stmt, 4, gh_journal_entry_get_account_id (entry));
      _gh_journal_bind_text (stmt, 5, gh_journal_entry_get_account_name (entry));
      _gh_journal_bind_text (stmt, 6, gh_journal_entry_get_person_id (entry));
      _gh_journal_bind_text (stmt, 7, gh_journal_entry_get_person_name (entry));
      _gh_journal_bind_text (stmt, 8, gh_journal_entry_get_is_system_user (entry)
                                      ? "SYSTEM_USER" : "BUSINESS_USER");
      _gh_journal_bind_text (stmt, 9, gh_journal_entry_get_tasks_before (entry));
      _gh_journal_bind_text (stmt, 10, gh_journal_entry_get_tasks_after (entry));
      step_done (stmt, &rc);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, db, rc, "Recording a change seen");
      return FALSE;
    }

  _gh_journal_entry_set_id (entry, sqlite3_last_insert_rowid (db));
  return TRUE;
}

/* One person into the list last seen (@tasks NULL: out of it). */
static gboolean
put_last_seen (sqlite3     *db,
               const char  *account_id,
               const char  *person_id,
               const char  *person_name,
               gboolean     is_system_user,
               const char  *tasks,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (tasks == NULL)
    {
      rc = sqlite3_prepare_v2 (db, "DELETE FROM last_seen WHERE account_id = ?"
                               " AND person_id = ?", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          _gh_journal_bind_text (stmt, 1, account_id);
          _gh_journal_bind_text (stmt, 2, person_id);
        }
    }
  else
    {
      rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO last_seen (account_id, person_id,"
                               " person_name, person_type, tasks) VALUES (?, ?, ?, ?, ?)",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          _gh_journal_bind_text (stmt, 1, account_id);
          _gh_journal_bind_text (stmt, 2, person_id);
          _gh_journal_bind_text (stmt, 3, person_name);
          _gh_journal_bind_text (stmt, 4, is_system_user ? "SYSTEM_USER" : "BUSINESS_USER");
          _gh_journal_bind_text (stmt, 5, tasks);
        }
    }
  if (rc == SQLITE_OK)
    step_done (stmt, &rc);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, db, rc, "Remembering the list");
      return FALSE;
    }

  return TRUE;
}

/* The account's name and business, and that @connection_id reaches it; @seen_at 0 leaves
 * when its list was last seen as it was. */
static gboolean
put_account (sqlite3     *db,
             const char  *account_id,
             const char  *account_name,
             const char  *business_id,
             const char  *connection_id,
             gint64       seen_at,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO accounts (account_id, account_name, business_id,"
                           " seen_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (account_id) DO"
                           " UPDATE SET account_name = COALESCE (?2, account_name),"
                           " business_id = COALESCE (?3, business_id),"
                           " seen_at = MAX (?4, seen_at)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      _gh_journal_bind_text (stmt, 1, account_id);
      _gh_journal_bind_text (stmt, 2, account_name);
      _gh_journal_bind_text (stmt, 3, business_id);
      sqlite3_bind_int64 (stmt, 4, seen_at);
      step_done (stmt, &rc);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK && connection_id != NULL)
    {
      rc = sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO account_connections"
                               " (connection_id, account_id) VALUES (?, ?)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          _gh_journal_bind_text (stmt, 1, connection_id);
          _gh_journal_bind_text (stmt, 2, account_id);
          step_done (stmt, &rc);
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, db, rc, "Remembering the account");
      return FALSE;
    }

  return TRUE;
}

static gboolean
compare (GhJournal    *self,
         CompareData  *data,
         GError      **error)
{
  g_autoptr(GHashTable) now_held = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) confirmed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < data->people->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (data->people, i);

      g_hash_table_insert (now_held, holder->id, holder);
    }

  if (!read_seen_at (self->db, data->account_id, &data->since, error)
      || (before = read_last_seen (self->db, data->account_id, error)) == NULL
      || (data->settled = read_unsettled (self->db, data->account_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < data->settled->len; i++)
    {
      GhJournalEntry *entry = g_ptr_array_index (data->settled, i);
      const char *person_id = gh_journal_entry_get_person_id (entry);

      settle_against (entry, g_hash_table_lookup (now_held, person_id));
      if (!write_settled (self->db, entry, now, error))
        return FALSE;
      /* The apply explains what changed for that person. */
      if (gh_journal_entry_get_result (entry) == GH_JOURNAL_RESULT_DONE)
        g_hash_table_add (confirmed, (gpointer) person_id);
    }

  changes = gh_access_diff (before, data->people);
  data->seen = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < changes->len; i++)
    {
      GhAccessChange *change = g_ptr_array_index (changes, i);

      if (data->since > 0 && !g_hash_table_contains (confirmed, change->id))
        {
          GhJournalEntry *entry = seen_entry_new (data, change, now);

          g_ptr_array_add (data->seen, entry);
          if (!write_seen (self->db, entry, error))
            return FALSE;
        }
      if (!put_last_seen (self->db, data->account_id, change->id, change->name,
                          change->is_system_user, change->tasks_after, error))
        return FALSE;
    }

  return put_account (self->db, data->account_id, data->account_name, data->business_id,
                      data->connection_id, now, error);
}

static gboolean
compare_job (GhJournal     *self,
             GhJournalJob  *job,
             GError       **error)
{
  CompareData *data = job->data;

  if (!_gh_journal_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!compare (self, data, error))
    return _gh_journal_rollback (self->db);

  if (!_gh_journal_exec (self->db, "COMMIT", error))
    return _gh_journal_rollback (self->db);

  job->result = g_steal_pointer (&job->data);
  job->result_free = (GDestroyNotify) compare_data_free;
  return TRUE;
}

static gboolean
list_accounts_job (GhJournal     *self,
                   GhJournalJob  *job,
                   GError       **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_journal_account_free);
  rc = sqlite3_prepare_v2 (self->db, "SELECT a.account_id, a.account_name, a.business_id"
                           " FROM account_connections c JOIN accounts a"
                           " ON a.account_id = c.account_id WHERE c.connection_id = ?"
                           " ORDER BY a.account_name, a.account_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      _gh_journal_bind_text (stmt, 1, job->data);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GhJournalAccount *account = g_new0 (GhJournalAccount, 1);

          account->account_id = g_strdup (_gh_journal_column_text (stmt, 0));
          account->account_name = g_strdup (_gh_journal_column_text (stmt, 1));
          account->business_id = g_strdup (_gh_journal_column_text (stmt, 2));
          g_ptr_array_add (accounts, account);
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      _gh_journal_set_error (error, self->db, rc, "Listing the accounts seen");
      return FALSE;
    }

  job->result = g_steal_pointer (&accounts);
  job->result_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

typedef struct
{
  char      *connection_id;
  GPtrArray *accounts;
} NoteData;

static void
note_data_free (NoteData *data)
{
  g_free (data->connection_id);
  g_ptr_array_unref (data->accounts);
  g_free (data);
}

static gboolean
note_accounts_job (GhJournal     *self,
                   GhJournalJob  *job,
                   GError       **error)
{
  NoteData *data = job->data;

  if (!_gh_journal_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < data->accounts->len; i++)
    {
      GhJournalAccount *account = g_ptr_array_index (data->accounts, i);

      if (!put_account (self->db, account->account_id, account->account_name,
                        account->business_id, data->connection_id, 0, error))
        return _gh_journal_rollback (self->db);
    }

  return _gh_journal_exec (self->db, "COMMIT", error) || _gh_journal_rollback (self->db);
}

/* Internal API */

gboolean
_gh_journal_update_last_seen (sqlite3     *db,
                              const char  *account_id,
                              GPtrArray   *held,
                              GError     **error)
{
  gint64 seen_at;

  /* Nothing to keep up to date before the list was first seen. */
  if (!read_seen_at (db, account_id, &seen_at, error))
    return FALSE;
  if (seen_at == 0)
    return TRUE;

  for (guint i = 0; i < held->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (held, i);

      if (!put_last_seen (db, account_id, holder->id, holder->name, holder->is_system_user,
                          holder->tasks, error))
        return FALSE;
    }

  return TRUE;
}

/* Public API */

void
gh_journal_compare_async (GhJournal            *self,
                          const GhJournalPlace *place,
                          GPtrArray            *people,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  CompareData *data;
  GhJournalJob *job;

  g_return_if_fail (GH_IS_JOURNAL (self));
  g_return_if_fail (place != NULL && place->account_id != NULL);
  g_return_if_fail (people != NULL);

  data = g_new0 (CompareData, 1);
  data->account_id = g_strdup (place->account_id);
  data->account_name = g_strdup (place->account_name);
  data->business_id = g_strdup (place->business_id);
  data->connection_id = g_strdup (place->connection_id);
  data->connection_label = g_strdup (place->connection_label);
  data->people = g_ptr_array_ref (people);

  job = _gh_journal_job_new (self, compare_job, TRUE, gh_journal_compare_async, cancellable,
                             callback, user_data);
  job->data = data;
  job->data_free = (GDestroyNotify) compare_data_free;
  _gh_journal_push_job (self, job);
}

GPtrArray *
gh_journal_compare_finish (GhJournal     *self,
                           GAsyncResult  *result,
                           gint64        *since,
                           GPtrArray    **settled,
                           GError       **error)
{
  CompareData *data;
  GPtrArray *seen;

  g_return_val_if_fail (GH_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (since != NULL)
    *since = 0;
  if (settled != NULL)
    *settled = NULL;

  data = g_task_propagate_pointer (G_TASK (result), error);
  if (data == NULL)
    return NULL;

  seen = g_steal_pointer (&data->seen);
  if (since != NULL)
    *since = data->since;
  if (settled != NULL)
    *settled = g_steal_pointer (&data->settled);
  compare_data_free (data);

  return seen;
}

void
gh_journal_account_free (GhJournalAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->account_id);
  g_free (account->account_name);
  g_free (account->business_id);
  g_free (account);
}

void
gh_journal_list_accounts_async (GhJournal           *self,
                                const char          *connection_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GhJournalJob *job;

  g_return_if_fail (GH_IS_JOURNAL (self));
  g_return_if_fail (connection_id != NULL);

  job = _gh_journal_job_new (self, list_accounts_job, FALSE, gh_journal_list_accounts_async,
                             cancellable, callback, user_data);
  job->data = g_strdup (connection_id);
  job->data_free = g_free;
  _gh_journal_push_job (self, job);
}

GPtrArray *
gh_journal_list_accounts_finish (GhJournal     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gh_journal_note_accounts_async (GhJournal           *self,
                                const char          *connection_id,
                                GPtrArray           *accounts,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  NoteData *data;
  GhJournalJob *job;

  g_return_if_fail (GH_IS_JOURNAL (self));
  g_return_if_fail (connection_id != NULL);
  g_return_if_fail (accounts != NULL);

  data = g_new0 (NoteData, 1);
  data->connection_id = g_strdup (connection_id);
  data->accounts = g_ptr_array_ref (accounts);
  job = _gh_journal_job_new (self, note_accounts_job, TRUE, gh_journal_note_accounts_async,
                             cancellable, callback, user_data);
  job->data = data;
  job->data_free = (GDestroyNotify) note_data_free;
  _gh_journal_push_job (self, job);
}

gboolean
gh_journal_note_accounts_finish (GhJournal     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
