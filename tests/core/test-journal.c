/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-journal"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "gh-journal.h"
#include "gh-test-util.h"

/* The change record's database on a temporary directory: opening, versions, interrupted and
 * concurrent writes, a full disk. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

/* A subprocess works on its parent's file. */
#define DIR_VARIABLE "GH_TEST_JOURNAL_DIR"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    fixture->dir = g_strdup (g_getenv (DIR_VARIABLE));
  else
    fixture->dir = g_dir_make_tmp ("gh-journal-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->dir);
  g_setenv (DIR_VARIABLE, fixture->dir, TRUE);
  fixture->path = g_build_filename (fixture->dir, "gatehouse", "record.sqlite", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!g_test_subprocess ())
    remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gboolean
opened (gpointer data)
{
  return gh_journal_get_state (data) != GH_JOURNAL_STATE_OPENING;
}

static void
spin_until (gboolean      (*condition) (gpointer data),
            gpointer       data)
{
  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
}

static GhJournal *
open_journal (const char *path)
{
  GhJournal *journal = gh_journal_new (path);

  spin_until (opened, journal);
  return journal;
}

static GhJournalEntry *
entry_new (const char *run,
           const char *person_id,
           const char *before,
           const char *after)
{
  GhJournalEntry *entry = gh_journal_entry_new (GH_JOURNAL_KIND_APPLY, "102290129340398",
                                                person_id);

  gh_journal_entry_set_run (entry, run);
  gh_journal_entry_set_connection (entry, "conn-1", "Lucky Shrub");
  gh_journal_entry_set_account_name (entry, "Lucky Shrub");
  gh_journal_entry_set_person (entry, "Anna Flex", FALSE);
  gh_journal_entry_set_tasks (entry, before, after);
  return entry;
}

static GError *
add (GhJournal *journal,
     GPtrArray *entries)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  gh_journal_add_async (journal, entries, NULL, gh_test_keep_result_cb, &result);
  gh_journal_add_finish (journal, gh_test_wait_result (&result), &error);
  return error;
}

static void
add_one (GhJournal  *journal,
         const char *run,
         const char *person_id)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (entries, entry_new (run, person_id, "DEVELOP", "MANAGE"));
  error = add (journal, entries);
  g_assert_no_error (error);
}

static GPtrArray *
list (GhJournal  *journal,
      const char *account_id,
      GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_journal_list_async (journal, account_id, 0, NULL, gh_test_keep_result_cb, &result);
  return gh_journal_list_finish (journal, gh_test_wait_result (&result), error);
}

static guint
count_rows (GhJournal *journal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = list (journal, NULL, &error);

  g_assert_no_error (error);
  return entries->len;
}

static int
raw_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

static void
test_open_new (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GhJournal) journal = open_journal (fixture->path);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_READY);
  g_assert_null (gh_journal_get_problem (journal));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (raw_version (fixture->path), ==, GH_JOURNAL_SCHEMA_VERSION);

  entries = list (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);

  /* WAL: the write-ahead file is there once something was written. */
  add_one (journal, "run-1", "1972385232742142");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GhJournal) journal = open_journal (fixture->path);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) settled = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GhJournalEntry *entry;

  g_ptr_array_add (entries, entry_new ("run-1", "1972385232742142", "MANAGE", "DEVELOP"));
  g_ptr_array_add (entries, entry_new ("run-1", "1972385232752545", NULL, "MESSAGING X_NEW"));
  gh_journal_entry_set_when (g_ptr_array_index (entries, 1),
                             gh_journal_entry_get_when (g_ptr_array_index (entries, 0)) + 1);
  error = add (journal, entries);
  g_assert_no_error (error);

  /* Sent again after a pause: still one row per person. */
  error = add (journal, entries);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (journal), ==, 2);

  entry = entry_new ("run-1", "1972385232742142", NULL, NULL);
  gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_DIFFERS, "Meta also kept Messaging.");
  gh_journal_entry_set_settled (entry, 1790000000);
  g_ptr_array_add (settled, entry);
  gh_journal_settle_async (journal, "run-1", settled, NULL, NULL, NULL, gh_test_keep_result_cb,
                           &result);
  g_assert_true (gh_journal_settle_finish (journal, gh_test_wait_result (&result), &error));
  g_assert_no_error (error);

  read = list (journal, "102290129340398", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);

  /* Newest first. */
  entry = g_ptr_array_index (read, 0);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, "1972385232752545");
  g_assert_null (gh_journal_entry_get_tasks_before (entry));
  g_assert_cmpstr (gh_journal_entry_get_tasks_after (entry), ==, "MESSAGING X_NEW");
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_SENT);
  g_assert_cmpint (gh_journal_entry_get_settled (entry), ==, 0);

  entry = g_ptr_array_index (read, 1);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, "1972385232742142");
  g_assert_cmpint (gh_journal_entry_get_kind (entry), ==, GH_JOURNAL_KIND_APPLY);
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_DIFFERS);
  g_assert_cmpstr (gh_journal_entry_get_message (entry), ==, "Meta also kept Messaging.");
  g_assert_cmpint (gh_journal_entry_get_settled (entry), ==, 1790000000);
  g_assert_cmpstr (gh_journal_entry_get_tasks_before (entry), ==, "MANAGE");
  g_assert_cmpstr (gh_journal_entry_get_connection_label (entry), ==, "Lucky Shrub");
  g_assert_cmpstr (gh_journal_entry_get_display_name (entry), ==, "Anna Flex");

  g_clear_pointer (&read, g_ptr_array_unref);
  read = list (journal, "104996122399160", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 0);

  g_clear_pointer (&read, g_ptr_array_unref);
  read = list (journal, NULL, &error);
  csv = gh_journal_entries_to_csv (read);
  g_assert_true (g_str_has_prefix (csv, "time,how,connection,account,account_id,person,"));
  g_assert_nonnull (strstr (csv, ",apply,Lucky Shrub,Lucky Shrub,102290129340398,Anna Flex,"
                                 "1972385232742142,BUSINESS_USER,MANAGE,DEVELOP,differs,"
                                 "Meta also kept Messaging.,"));
  g_assert_nonnull (strstr (csv, ",,MESSAGING X_NEW,sent,,\r\n"));
}

static void
test_task_words (void)
{
  const char *unknown[] = { "Z_TASK", "A_TASK", NULL };
  g_autofree char *text = gh_journal_tasks_to_text (GH_TASK_MESSAGING | GH_TASK_MANAGE,
                                                    unknown);
  g_autofree char *described = gh_journal_tasks_describe (text);
  g_autofree char *none = gh_journal_tasks_describe ("");
  g_autoptr(GhJournalEntry) entry = entry_new ("r", "1", NULL, "DEVELOP");
  g_autofree char *added = gh_journal_entry_describe_change (entry);

  g_assert_cmpstr (text, ==, "MANAGE MESSAGING A_TASK Z_TASK");
  g_assert_cmpstr (described, ==, "Full control, Messaging, A_TASK, Z_TASK");
  g_assert_cmpstr (none, ==, "no tasks");
  g_assert_cmpstr (added, ==, "Added with Develop");
}

/* A file made by an older Gatehouse, before there was a schema: migrated in place. */
static void
test_migrate_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GhJournal) journal = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (fixture->path, "PRAGMA user_version = 0");

  journal = open_journal (fixture->path);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_READY);
  g_assert_cmpint (raw_version (fixture->path), ==, GH_JOURNAL_SCHEMA_VERSION);
  add_one (journal, "run-1", "1");
  g_assert_cmpuint (count_rows (journal), ==, 1);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GhJournal) journal = open_journal (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read = NULL;

  add_one (journal, "run-1", "1972385232742142");
  g_clear_object (&journal);

  /* A later Gatehouse moved on: version 99, with a table this one does not know. */
  raw_exec (fixture->path, "CREATE TABLE future (x); PRAGMA user_version = 99;");

  journal = open_journal (fixture->path);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_READ_ONLY);
  g_assert_nonnull (strstr (gh_journal_get_problem (journal), "newer version"));

  /* Shown as it is… */
  read = list (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);

  /* …and never written. */
  g_ptr_array_add (entries, entry_new ("run-2", "1", NULL, "DEVELOP"));
  g_clear_error (&error);
  error = add (journal, entries);
  g_assert_error (error, GH_JOURNAL_ERROR, GH_JOURNAL_ERROR_READ_ONLY);
  g_clear_object (&journal);
  g_assert_cmpint (raw_version (fixture->path), ==, 99);
}

static void
test_cannot_open (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *blocker = g_path_get_dirname (fixture->path);
  g_autoptr(GhJournal) journal = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  /* A file where the directory should be. */
  g_assert_true (g_file_set_contents (blocker, "not a directory", -1, NULL));

  journal = open_journal (fixture->path);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_UNAVAILABLE);
  g_assert_nonnull (strstr (gh_journal_get_problem (journal), "not recorded"));

  g_ptr_array_add (entries, entry_new ("run-1", "1", NULL, "DEVELOP"));
  error = add (journal, entries);
  g_assert_error (error, GH_JOURNAL_ERROR, GH_JOURNAL_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list (journal, NULL, &error);
  g_assert_error (error, GH_JOURNAL_ERROR, GH_JOURNAL_ERROR_UNAVAILABLE);
  g_assert_null (entries);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GhJournal) journal = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path,
                                      "This is not an SQLite database, not even close. "
                                      "It is long enough to have a header though.", -1,
                                      NULL));

  journal = open_journal (fixture->path);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_UNAVAILABLE);
  g_assert_nonnull (strstr (gh_journal_get_problem (journal), "damaged"));
}

/* Another program died in the middle of a transaction: what it wrote is gone, everything
 * committed before is there, and the record takes writes again. */
static void
test_interrupted_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GhJournal) journal = NULL;

  if (g_test_subprocess ())
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE;"
                                         "INSERT INTO changes (kind, recorded_at, account_id,"
                                         " person_id, result) VALUES ('apply', 1, 'a', 'p',"
                                         " 'sent');"
                                         "DELETE FROM changes WHERE run = 'run-1';",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      /* Gone without a commit, a rollback or a close. */
      _exit (0);
    }

  journal = open_journal (fixture->path);
  add_one (journal, "run-1", "1972385232742142");
  g_clear_object (&journal);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  journal = open_journal (fixture->path);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_READY);
  g_assert_cmpuint (count_rows (journal), ==, 1);
  add_one (journal, "run-2", "1972385232752545");
  g_assert_cmpuint (count_rows (journal), ==, 2);
}

typedef struct
{
  guint pending;
  guint failed;
} AddCount;

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AddCount *count = user_data;

  if (!gh_journal_add_finish (GH_JOURNAL (object), result, NULL))
    count->failed++;
  count->pending--;
}

static gboolean
all_added (gpointer data)
{
  return ((AddCount *) data)->pending == 0;
}

/* Two Gatehouse programs on one file: every write of both is kept. */
static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GhJournal) first = open_journal (fixture->path);
  g_autoptr(GhJournal) second = open_journal (fixture->path);
  AddCount count = { 0, 0 };

  for (guint i = 0; i < 100; i++)
    for (guint j = 0; j < 2; j++)
      {
        g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
        g_autofree char *run = g_strdup_printf ("run-%u-%u", j, i);

        g_ptr_array_add (entries, entry_new (run, "1972385232742142", "DEVELOP", "MANAGE"));
        g_ptr_array_add (entries, entry_new (run, "1972385232752545", NULL, "MESSAGING"));
        count.pending++;
        gh_journal_add_async (j == 0 ? first : second, entries, NULL, added_cb, &count);
      }

  spin_until (all_added, &count);
  g_assert_cmpuint (count.failed, ==, 0);
  g_assert_cmpuint (count_rows (first), ==, 400);
  g_assert_cmpuint (count_rows (second), ==, 400);
}

/* The disk fills up (the file may not grow past its size now): the write fails and says
 * so, what was recorded before stays, and the record works again once there is room. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GhJournal) journal = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      g_autofree char *long_text = g_strnfill (4000, 'x');
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
      struct rlimit limit = { 0, 0 };
      GStatBuf wal_stat;

      journal = open_journal (fixture->path);
      g_assert_cmpint (g_stat (wal, &wal_stat), ==, 0);
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = wal_stat.st_size + 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      for (guint i = 0; i < 200; i++)
        {
          g_autofree char *id = g_strdup_printf ("%u", 1000000 + i);
          GhJournalEntry *entry = entry_new ("run-2", id, NULL, "DEVELOP");

          gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_SENT, long_text);
          g_ptr_array_add (entries, entry);
        }

      error = add (journal, entries);
      g_assert_nonnull (error);
      g_assert_true (error->domain == GH_JOURNAL_ERROR);
      g_assert_nonnull (gh_journal_get_problem (journal));
      g_print ("%s\n", gh_journal_get_problem (journal));
      return;
    }

  journal = open_journal (fixture->path);
  add_one (journal, "run-1", "1972385232742142");
  g_clear_object (&journal);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*could not be written to the change record*");

  journal = open_journal (fixture->path);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_READY);
  g_assert_cmpuint (count_rows (journal), ==, 1);
  add_one (journal, "run-3", "1972385232752545");
  g_assert_cmpuint (count_rows (journal), ==, 2);
}

/* The schema of the first release, as it was: the change rows only. */
#define SCHEMA_1 \
  "CREATE TABLE changes (id INTEGER PRIMARY KEY, run TEXT, kind TEXT NOT NULL," \
  " recorded_at INTEGER NOT NULL, settled_at INTEGER, connection_id TEXT," \
  " connection_label TEXT, account_id TEXT NOT NULL, account_name TEXT," \
  " person_id TEXT NOT NULL, person_name TEXT, person_type TEXT, tasks_before TEXT," \
  " tasks_after TEXT, result TEXT NOT NULL, message TEXT, UNIQUE (run, person_id));" \
  "CREATE INDEX changes_by_account ON changes (account_id, recorded_at);"

static void
test_migrate_from_1 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GhJournal) journal = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (fixture->path, "PRAGMA journal_mode = WAL;" SCHEMA_1
                           "INSERT INTO changes (run, kind, recorded_at, settled_at,"
                           " account_id, person_id, person_name, tasks_before, tasks_after,"
                           " result) VALUES ('old-run', 'apply', 1700000000, 1700000001,"
                           " '102290129340398', '1972385232742142', 'Anna Flex', 'MANAGE',"
                           " 'DEVELOP', 'done');"
                           "PRAGMA user_version = 1;");

  journal = open_journal (fixture->path);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_READY);
  g_assert_cmpint (raw_version (fixture->path), ==, 2);

  /* What the older version recorded is still there… */
  entries = list (journal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (gh_journal_entry_get_run (g_ptr_array_index (entries, 0)), ==, "old-run");
  g_assert_cmpint (gh_journal_entry_get_settled (g_ptr_array_index (entries, 0)), ==,
                   1700000001);

  /* …and what this one adds works. */
  raw_exec (fixture->path, "SELECT * FROM last_seen; SELECT * FROM accounts;"
                           "SELECT * FROM account_connections;");
  add_one (journal, "run-1", "1972385232752545");
  g_assert_cmpuint (count_rows (journal), ==, 2);
}

static GPtrArray *
compare (GhJournal  *journal,
         GPtrArray  *people,
         gint64     *since,
         GPtrArray **settled)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhJournalPlace place = { "102290129340398", "Lucky Shrub", "1098765432101234", "conn-1",
                           "Lucky Shrub admin" };
  GPtrArray *seen;

  gh_journal_compare_async (journal, &place, people, NULL, gh_test_keep_result_cb, &result);
  seen = gh_journal_compare_finish (journal, gh_test_wait_result (&result), since, settled,
                                    &error);
  g_assert_no_error (error);
  return seen;
}

static GPtrArray *
people (const char *first_id,
        ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_access_holder_free);
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    {
      const char *name = va_arg (args, const char *);

      g_ptr_array_add (array, gh_access_holder_new (id, name, FALSE,
                                                    va_arg (args, const char *)));
    }
  va_end (args);

  return array;
}

static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GhJournal) journal = open_journal (fixture->path);
  g_autoptr(GPtrArray) first = people ("1", "Anna Flex", "MANAGE",
                                       "2", "Jasper Brown", "DEVELOP", NULL);
  g_autoptr(GPtrArray) second = people ("1", "Anna Flex", "DEVELOP",
                                        "2", "Jasper Brown", "DEVELOP",
                                        "3", "Oliver Schmidt", "VIEW_COST", NULL);
  g_autoptr(GPtrArray) third = people ("1", "Anna Flex", "DEVELOP",
                                       "2", "Jasper Brown", "MANAGE",
                                       "3", "Oliver Schmidt", "VIEW_COST", NULL);
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GPtrArray) settled = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhJournalEntry *entry;
  gint64 since = -1;

  /* The first list seen is only remembered. */
  seen = compare (journal, first, &since, &settled);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_cmpuint (settled->len, ==, 0);
  g_assert_cmpint (since, ==, 0);
  g_clear_pointer (&seen, g_ptr_array_unref);
  g_clear_pointer (&settled, g_ptr_array_unref);

  /* Changed elsewhere: recorded as seen, in the order of the list. */
  seen = compare (journal, second, &since, &settled);
  g_assert_cmpint (since, >, 0);
  g_assert_cmpuint (seen->len, ==, 2);
  entry = g_ptr_array_index (seen, 0);
  g_assert_cmpint (gh_journal_entry_get_kind (entry), ==, GH_JOURNAL_KIND_SEEN);
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_SEEN);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, "1");
  g_assert_cmpstr (gh_journal_entry_get_tasks_before (entry), ==, "MANAGE");
  g_assert_cmpstr (gh_journal_entry_get_tasks_after (entry), ==, "DEVELOP");
  g_assert_cmpstr (gh_journal_entry_get_connection_label (entry), ==, "Lucky Shrub admin");
  entry = g_ptr_array_index (seen, 1);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, "3");
  g_assert_null (gh_journal_entry_get_tasks_before (entry));
  g_assert_cmpuint (count_rows (journal), ==, 2);
  g_clear_pointer (&seen, g_ptr_array_unref);
  g_clear_pointer (&settled, g_ptr_array_unref);

  /* The same list again: nothing new. */
  seen = compare (journal, second, NULL, NULL);
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&seen, g_ptr_array_unref);

  /* An apply made here keeps the list current: the next load sees nothing. */
  entry = entry_new ("run-1", "2", "DEVELOP", "MANAGE");
  gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_DONE, NULL);
  g_ptr_array_add (entries, entry);
  g_assert_null (add (journal, entries));
  held = people ("2", "Jasper Brown", "MANAGE", NULL);
  gh_journal_settle_async (journal, "run-1", entries, "102290129340398", held, NULL,
                           gh_test_keep_result_cb, &result);
  g_assert_true (gh_journal_settle_finish (journal, gh_test_wait_result (&result), &error));
  seen = compare (journal, third, NULL, NULL);
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&seen, g_ptr_array_unref);

  /* Gatehouse died with two changes sent: the next list settles both. */
  g_ptr_array_set_size (entries, 0);
  g_ptr_array_add (entries, entry_new ("run-2", "2", "MANAGE", "DEVELOP"));
  g_ptr_array_add (entries, entry_new ("run-2", "3", "VIEW_COST", NULL));
  g_assert_null (add (journal, entries));
  seen = compare (journal, second, NULL, &settled);
  g_assert_cmpuint (settled->len, ==, 2);
  entry = g_ptr_array_index (settled, 0);
  g_assert_cmpstr (gh_journal_entry_get_person_id (entry), ==, "2");
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_DONE);
  g_assert_cmpint (gh_journal_entry_get_settled (entry), >, 0);
  entry = g_ptr_array_index (settled, 1);
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_FAILED);
  /* Jasper's change is the apply's own, not news. */
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&settled, g_ptr_array_unref);
  g_clear_pointer (&seen, g_ptr_array_unref);

  /* Settled once is settled. */
  seen = compare (journal, second, NULL, &settled);
  g_assert_cmpuint (settled->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/task-words", test_task_words);
#define ADD(path, func) \
  g_test_add ("/journal/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open-new", test_open_new);
  ADD ("round-trip", test_round_trip);
  ADD ("migrate-empty", test_migrate_empty);
  ADD ("migrate-from-1", test_migrate_from_1);
  ADD ("compare", test_compare);
  ADD ("newer-version", test_newer_version);
  ADD ("cannot-open", test_cannot_open);
  ADD ("not-a-database", test_not_a_database);
  ADD ("interrupted-write", test_interrupted_write);
  ADD ("two-writers", test_two_writers);
  ADD ("disk-full", test_disk_full);
#undef ADD

  return g_test_run ();
}
