/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-journal"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gh-journal-private.h"

/* The change record's database and the thread that alone touches it.
 *
 * Jobs run one at a time in the order they were asked for, on the journal's thread; their
 * results go back to the main context that asked, where the GTask returns.  A second
 * Gatehouse writing the same file makes SQLite wait (busy timeout) on that thread, never on
 * the main loop.  The file is in WAL mode: a reader never waits for a writer, and a crash
 * loses at most the transaction it interrupted, never a committed one. */

/* How long a write waits for another program holding the file: longer than any one
 * transaction of ours takes, short enough that a stuck program is reported. */
#define BUSY_TIMEOUT_MS 10000

G_DEFINE_FINAL_TYPE (GhJournal, gh_journal, G_TYPE_OBJECT)

G_DEFINE_QUARK (gh-journal-error-quark, gh_journal_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_STATE,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The statements that bring a database from one schema version to the next: index i
 * brings version i to i + 1.  Never changed once released; a new version adds one. */
static const char * const migrations[GH_JOURNAL_SCHEMA_VERSION] = {
  /* 0 → 1: the change record. */
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  run TEXT,"
  "  kind TEXT NOT NULL,"
  "  recorded_at INTEGER NOT NULL,"
  "  settled_at INTEGER,"
  "  connection_id TEXT,"
  "  connection_label TEXT,"
  "  account_id TEXT NOT NULL,"
  "  account_name TEXT,"
  "  person_id TEXT NOT NULL,"
  "  person_name TEXT,"
  "  person_type TEXT,"
  "  tasks_before TEXT,"
  "  tasks_after TEXT,"
  "  result TEXT NOT NULL,"
  "  message TEXT,"
  "  UNIQUE (run, person_id)"
  ");"
  "CREATE INDEX changes_by_account ON changes (account_id, recorded_at);",

  /* 1 → 2: what each account's list looked like when last read, to tell what changed
   * elsewhere, and the accounts each saved connection reaches. */
  "CREATE TABLE accounts ("
  "  account_id TEXT PRIMARY KEY,"
  "  account_name TEXT,"
  "  business_id TEXT,"
  "  seen_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE account_connections ("
  "  connection_id TEXT NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  PRIMARY KEY (connection_id, account_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE last_seen ("
  "  account_id TEXT NOT NULL,"
  "  person_id TEXT NOT NULL,"
  "  person_name TEXT,"
  "  person_type TEXT,"
  "  tasks TEXT NOT NULL,"
  "  PRIMARY KEY (account_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX changes_by_result ON changes (account_id, result);",
};

/* Errors */

void
_gh_journal_set_error (GError     **error,
                       sqlite3     *db,
                       int          rc,
                       const char  *doing)
{
  GhJournalError code;
  const char *why;
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_FULL:
      code = GH_JOURNAL_ERROR_FULL;
      why = _("the disk is full");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = GH_JOURNAL_ERROR_BUSY;
      why = _("another Gatehouse kept the file busy");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = GH_JOURNAL_ERROR_READ_ONLY;
      why = _("the file cannot be written");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = GH_JOURNAL_ERROR_DAMAGED;
      why = _("the file is damaged or is not a change record");
      break;
    case SQLITE_CANTOPEN:
      code = GH_JOURNAL_ERROR_UNAVAILABLE;
      why = _("the file cannot be opened");
      break;
    case SQLITE_IOERR:
      code = GH_JOURNAL_ERROR_FAILED;
      why = _("the disk could not be written");
      break;
    default:
      code = GH_JOURNAL_ERROR_FAILED;
      why = sqlite3_errstr (rc);
      break;
    }

  g_debug ("%s: %s (%d)", doing, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), rc);
  g_set_error_literal (error, GH_JOURNAL_ERROR, code, why);
}

gboolean
_gh_journal_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, db, rc, sql);
      return FALSE;
    }

  return TRUE;
}

gboolean
_gh_journal_rollback (sqlite3 *db)
{
  /* Nothing to undo when the failure already ended the transaction. */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Opening (on the journal's thread) */

static gboolean
read_version (sqlite3  *db,
              int      *version,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  _gh_journal_set_error (error, db, rc, "Reading the schema version");
  return FALSE;
}

/* Brings the schema to this version's, in one transaction: another Gatehouse migrating the
 * same file at the same time waits, then finds nothing left to do. */
static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  g_autofree char *set_version = NULL;
  int version;

  if (!_gh_journal_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!read_version (db, &version, error))
    return _gh_journal_rollback (db);

  for (int i = version; i < GH_JOURNAL_SCHEMA_VERSION; i++)
    if (!_gh_journal_exec (db, migrations[i], error))
      return _gh_journal_rollback (db);

  if (version < GH_JOURNAL_SCHEMA_VERSION)
    {
      set_version = g_strdup_printf ("PRAGMA user_version = %d", GH_JOURNAL_SCHEMA_VERSION);
      if (!_gh_journal_exec (db, set_version, error))
        return _gh_journal_rollback (db);
    }

  return _gh_journal_exec (db, "COMMIT", error) || _gh_journal_rollback (db);
}

static gboolean
open_file (const char  *path,
           int          flags,
           sqlite3    **db_out,
           GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      _gh_journal_set_error (error, db, rc, "Opening the change record");
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  *db_out = db;
  return TRUE;
}

static gboolean
open_job (GhJournal  *self,
          GhJournalJob        *job,
          GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int version = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, GH_JOURNAL_ERROR, GH_JOURNAL_ERROR_UNAVAILABLE,
                           g_strerror (saved_errno));
      return FALSE;
    }

  if (!open_file (self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &self->db, error))
    return FALSE;

  if (!read_version (self->db, &version, error))
    goto failed;

  if (version > GH_JOURNAL_SCHEMA_VERSION || sqlite3_db_readonly (self->db, "main") == 1)
    {
      /* Written by a newer Gatehouse: read as it is, and never written, so that the newer
       * version finds its record intact. */
      sqlite3_close (self->db);
      self->db = NULL;
      if (!open_file (self->path, SQLITE_OPEN_READONLY, &self->db, error))
        return FALSE;
      self->read_only = TRUE;
      job->result = GINT_TO_POINTER (version > GH_JOURNAL_SCHEMA_VERSION ? 1 : 2);
      return TRUE;
    }

  if (!_gh_journal_exec (self->db, "PRAGMA journal_mode = WAL", error)
      || !_gh_journal_exec (self->db, "PRAGMA synchronous = NORMAL", error)
      || !migrate (self->db, error))
    goto failed;

  return TRUE;

failed:
  sqlite3_close (self->db);
  self->db = NULL;
  return FALSE;
}

/* Jobs */

static void
job_free (GhJournalJob *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  if (job->result_free != NULL)
    g_clear_pointer (&job->result, job->result_free);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_free (job);
}

static void
set_problem (GhJournal  *self,
             const char *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static gboolean
job_complete_cb (gpointer user_data)
{
  GhJournalJob *job = user_data;
  GhJournal *self = g_task_get_source_object (job->task);

  if (job->done != NULL)
    job->done (self, job);

  /* A write that fails says so until one works again. */
  if (job->writes && self->state == GH_JOURNAL_STATE_READY)
    {
      if (job->error != NULL)
        {
          g_autofree char *problem = NULL;

          /* Translators: %s says why, e.g. "the disk is full" */
          problem = g_strdup_printf (_("A change could not be written to the change record: "
                                       "%s. The change itself is not affected."),
                                     job->error->message);
          set_problem (self, problem);
        }
      else
        set_problem (self, NULL);
    }
  if (job->writes && job->error == NULL)
    g_signal_emit (self, signals[CHANGED], 0);

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else if (job->result_free != NULL)
    g_task_return_pointer (job->task, g_steal_pointer (&job->result), job->result_free);
  else
    g_task_return_boolean (job->task, TRUE);

  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  GhJournalJob *job = data;
  GhJournal *self = user_data;
  g_autoptr(GSource) source = NULL;

  if (job->flushed != NULL)
    {
      g_mutex_lock (job->mutex);
      *job->flushed = TRUE;
      g_cond_signal (job->cond);
      g_mutex_unlock (job->mutex);
      g_free (job);
      return;
    }

  if (g_task_get_cancellable (job->task) != NULL
      && g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task),
                                               &job->error))
    g_debug ("A job of the change record was cancelled before it ran");
  else if (job->func != open_job && self->db == NULL)
    g_set_error_literal (&job->error, GH_JOURNAL_ERROR, GH_JOURNAL_ERROR_UNAVAILABLE,
                         _("The change record could not be opened."));
  else if (job->writes && self->read_only)
    g_set_error_literal (&job->error, GH_JOURNAL_ERROR, GH_JOURNAL_ERROR_READ_ONLY,
                         _("The change record is read-only."));
  else
    job->func (self, job, &job->error);

  /* The task is returned, and let go of, on the context that asked: never here. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, job_complete_cb, job, NULL);
  g_source_attach (source, g_task_get_context (job->task));
}

GhJournalJob *
_gh_journal_job_new (GhJournal           *self,
                     GhJournalJobFunc              func,
                     gboolean             writes,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GhJournalJob *job = g_new0 (GhJournalJob, 1);

  job->func = func;
  job->writes = writes;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);

  return job;
}

void
_gh_journal_push_job (GhJournal *self,
                      GhJournalJob       *job)
{
  g_thread_pool_push (self->pool, job, NULL);
}

static void
opened (GhJournal *self,
        GhJournalJob       *job)
{
  GhJournalState state = GH_JOURNAL_STATE_READY;
  g_autofree char *problem = NULL;

  if (job->error != NULL)
    {
      state = GH_JOURNAL_STATE_UNAVAILABLE;
      /* Translators: the first %s is a file, the second says why it could not be opened */
      problem = g_strdup_printf (_("Changes are not recorded: the change record “%s” could "
                                   "not be opened (%s). Everything else works as usual."),
                                 self->path, job->error->message);
    }
  else if (job->result == GINT_TO_POINTER (1))
    {
      state = GH_JOURNAL_STATE_READ_ONLY;
      problem = g_strdup (_("The change record was written by a newer version of Gatehouse. "
                            "It is shown as it is, and new changes are not recorded in it."));
    }
  else if (job->result == GINT_TO_POINTER (2))
    {
      state = GH_JOURNAL_STATE_READ_ONLY;
      problem = g_strdup (_("The change record cannot be written, so new changes are not "
                            "recorded. It is shown as it is."));
    }

  if (job->error != NULL)
    g_debug ("The change record %s could not be opened: %s", self->path,
             job->error->message);

  g_object_freeze_notify (G_OBJECT (self));
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  set_problem (self, problem);
  g_object_thaw_notify (G_OBJECT (self));

  /* Nobody waits for this task. */
  g_clear_error (&job->error);
  job->result = NULL;
}

/* GObject */

static void
gh_journal_finalize (GObject *object)
{
  GhJournal *self = GH_JOURNAL (object);

  /* Every job holds the journal: none is left by now. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->problem);

  G_OBJECT_CLASS (gh_journal_parent_class)->finalize (object);
}

static void
gh_journal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GhJournal *self = GH_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_journal_class_init (GhJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gh_journal_finalize;
  object_class->get_property = gh_journal_get_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, GH_JOURNAL_STATE_OPENING,
                                             GH_JOURNAL_STATE_UNAVAILABLE,
                                             GH_JOURNAL_STATE_OPENING, flags);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gh_journal_init (GhJournal *self)
{
  /* One thread: the jobs run one after another, in order. */
  self->pool = g_thread_pool_new (run_job, self, 1, FALSE, NULL);
}

/* Public API */

char *
gh_journal_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gatehouse", "record.sqlite", NULL);
}

GhJournal *
gh_journal_new (const char *path)
{
  GhJournal *self;
  GhJournalJob *job;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GH_TYPE_JOURNAL, NULL);
  self->path = g_strdup (path);

  job = _gh_journal_job_new (self, open_job, FALSE, gh_journal_new, NULL, NULL, NULL);
  job->done = opened;
  _gh_journal_push_job (self, job);

  return self;
}

const char *
gh_journal_get_path (GhJournal *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), NULL);

  return self->path;
}

GhJournalState
gh_journal_get_state (GhJournal *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), GH_JOURNAL_STATE_UNAVAILABLE);

  return self->state;
}

const char *
gh_journal_get_problem (GhJournal *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL (self), NULL);

  return self->problem;
}

void
gh_journal_flush (GhJournal *self)
{
  GMutex mutex;
  GCond cond;
  gboolean flushed = FALSE;
  GhJournalJob *job;

  g_return_if_fail (GH_IS_JOURNAL (self));

  g_mutex_init (&mutex);
  g_cond_init (&cond);

  job = g_new0 (GhJournalJob, 1);
  job->mutex = &mutex;
  job->cond = &cond;
  job->flushed = &flushed;

  g_mutex_lock (&mutex);
  _gh_journal_push_job (self, job);
  while (!flushed)
    g_cond_wait (&cond, &mutex);
  g_mutex_unlock (&mutex);

  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
}
