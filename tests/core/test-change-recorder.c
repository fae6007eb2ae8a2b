/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-change-recorder"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "gh-assignment-test-util.h"
#include "gh-change-recorder.h"
#include "gh-graph-error.h"

/* What the editor does, as the change record keeps it: applies, undos, failures, and a
 * crash while an apply is on its way. */

typedef struct
{
  GhEditorFixture  editor_fixture;
  char            *dir;
  char            *path;
  GhJournal       *journal;
} Fixture;

#define DIR_VARIABLE "GH_TEST_RECORDER_DIR"

static gboolean
journal_opened (gpointer data)
{
  return gh_journal_get_state (data) != GH_JOURNAL_STATE_OPENING;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
spin_until (gboolean (*condition) (gpointer data),
            gpointer   data)
{
  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
}

static GhJournal *
open_journal (const char *path)
{
  GhJournal *journal = gh_journal_new (path);

  spin_until (journal_opened, journal);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_READY);
  return journal;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gh_editor_fixture_set_up (&fixture->editor_fixture, data);
  if (g_test_subprocess ())
    fixture->dir = g_strdup (g_getenv (DIR_VARIABLE));
  else
    fixture->dir = g_dir_make_tmp ("gh-recorder-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv (DIR_VARIABLE, fixture->dir, TRUE);
  fixture->path = g_build_filename (fixture->dir, "record.sqlite", NULL);
  fixture->journal = open_journal (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->journal);
  if (!g_test_subprocess ())
    {
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (fixture->path);
      g_rmdir (fixture->dir);
    }
  g_free (fixture->path);
  g_free (fixture->dir);
  gh_editor_fixture_tear_down (&fixture->editor_fixture, data);
}

static GPtrArray *
list_entries (GhJournal *journal)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  gh_journal_list_async (journal, GH_DEMO_WABA_ID, 0, NULL, gh_test_keep_result_cb, &result);
  entries = gh_journal_list_finish (journal, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return entries;
}

static GhJournalEntry *
find_entry (GPtrArray     *entries,
            const char    *person_id,
            GhJournalKind  kind)
{
  for (guint i = 0; i < entries->len; i++)
    {
      GhJournalEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (gh_journal_entry_get_person_id (entry), person_id) == 0
          && gh_journal_entry_get_kind (entry) == kind)
        return entry;
    }

  return NULL;
}

static GhChangeRecorder *
recorder_new (Fixture            *fixture,
              GhAssignmentEditor *editor)
{
  GhChangeRecorder *recorder = gh_change_recorder_new (fixture->journal, editor);

  gh_change_recorder_set_connection (recorder, "c0ffee", "Lucky Shrub admin");
  gh_change_recorder_set_account_name (recorder, GH_DEMO_WABA_NAME);
  return recorder;
}

static void
test_apply_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GhAssignmentEditor) editor = gh_test_load_editor (&fixture->editor_fixture, NULL);
  g_autoptr(GhChangeRecorder) recorder = recorder_new (fixture, editor);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GhJournalEntry *entry;
  guint n_failed = 99;

  gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, JASPER_ID),
                                  GH_TASK_DEVELOP | GH_TASK_MESSAGING);
  gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, JOSE_ID), TRUE);
  g_assert_nonnull (gh_assignment_editor_add (editor, OLIVER_ID, "Oliver Schmidt", FALSE,
                                              GH_TASK_VIEW_TEMPLATES, &error));
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);

  entries = list_entries (fixture->journal);
  g_assert_cmpuint (entries->len, ==, 3);

  entry = find_entry (entries, JASPER_ID, GH_JOURNAL_KIND_APPLY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gh_journal_entry_get_tasks_before (entry), ==, "DEVELOP");
  g_assert_cmpstr (gh_journal_entry_get_tasks_after (entry), ==, "DEVELOP MESSAGING");
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_DONE);
  g_assert_cmpint (gh_journal_entry_get_settled (entry), >=, gh_journal_entry_get_when (entry));
  g_assert_cmpstr (gh_journal_entry_get_person_name (entry), ==, "Jasper Brown");
  g_assert_cmpstr (gh_journal_entry_get_connection_id (entry), ==, "c0ffee");
  g_assert_cmpstr (gh_journal_entry_get_connection_label (entry), ==, "Lucky Shrub admin");
  g_assert_cmpstr (gh_journal_entry_get_account_name (entry), ==, GH_DEMO_WABA_NAME);

  entry = find_entry (entries, JOSE_ID, GH_JOURNAL_KIND_APPLY);
  g_assert_cmpstr (gh_journal_entry_get_tasks_before (entry), ==, "MESSAGING");
  g_assert_null (gh_journal_entry_get_tasks_after (entry));
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_DONE);

  entry = find_entry (entries, OLIVER_ID, GH_JOURNAL_KIND_APPLY);
  g_assert_null (gh_journal_entry_get_tasks_before (entry));
  g_assert_cmpstr (gh_journal_entry_get_tasks_after (entry), ==, "VIEW_TEMPLATES");
  g_assert_cmpstr (gh_journal_entry_get_run (entry), ==,
                   gh_journal_entry_get_run (find_entry (entries, JASPER_ID,
                                                         GH_JOURNAL_KIND_APPLY)));

  g_assert_true (gh_test_run_undo (editor, &n_failed, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_entries (fixture->journal);
  g_assert_cmpuint (entries->len, ==, 6);

  entry = find_entry (entries, OLIVER_ID, GH_JOURNAL_KIND_UNDO);
  g_assert_cmpstr (gh_journal_entry_get_tasks_before (entry), ==, "VIEW_TEMPLATES");
  g_assert_null (gh_journal_entry_get_tasks_after (entry));
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_DONE);
  g_assert_cmpstr (gh_journal_entry_get_run (entry), !=,
                   gh_journal_entry_get_run (find_entry (entries, OLIVER_ID,
                                                         GH_JOURNAL_KIND_APPLY)));
  entry = find_entry (entries, JOSE_ID, GH_JOURNAL_KIND_UNDO);
  g_assert_null (gh_journal_entry_get_tasks_before (entry));
  g_assert_cmpstr (gh_journal_entry_get_tasks_after (entry), ==, "MESSAGING");
}

/* Meta refuses one person's change: recorded as not made, with Meta's reason. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GhAssignmentEditor) editor = gh_test_load_editor (&fixture->editor_fixture, NULL);
  g_autoptr(GhChangeRecorder) recorder = recorder_new (fixture, editor);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GhJournalEntry *entry;
  guint n_failed = 0;

  gh_demo_server_set_error (fixture->editor_fixture.server, GH_DEMO_WABA_ID "/assigned_users",
                            403, 200, 0, 1);
  gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, JASPER_ID),
                                  GH_TASK_MANAGE);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 1);

  entries = list_entries (fixture->journal);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_FAILED);
  g_assert_nonnull (gh_journal_entry_get_message (entry));
  g_assert_cmpstr (gh_journal_entry_get_message (entry), ==,
                   gh_assignment_get_message (gh_test_find_row (editor, JASPER_ID)));
}

static void
sending_seen_cb (GhAssignmentEditor *editor,
                 guint               run,
                 gboolean            is_undo,
                 GPtrArray          *writes,
                 gpointer            user_data)
{
  *(guint *) user_data += writes->len;
}

/* Gatehouse dies while the apply is on its way: the record says what was sent, with no
 * result. */
static void
test_crash_mid_apply (Fixture       *fixture,
                      gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GhAssignmentEditor) editor =
        gh_test_load_editor (&fixture->editor_fixture, NULL);
      g_autoptr(GhChangeRecorder) recorder = recorder_new (fixture, editor);
      guint sending = 0;

      g_signal_connect_after (editor, "writes-sending", G_CALLBACK (sending_seen_cb),
                              &sending);
      gh_demo_server_set_latency (fixture->editor_fixture.server, 60000);
      gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, JASPER_ID),
                                      GH_TASK_MANAGE);
      gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, JOSE_ID), TRUE);
      gh_assignment_editor_apply_async (editor, NULL, NULL, NULL);

      g_assert_cmpuint (sending, ==, 2);
      g_assert_true (gh_assignment_editor_get_applying (editor));
      /* What was asked for so far reaches the disk; the answer never comes. */
      gh_journal_flush (fixture->journal);
      _exit (0);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  {
    g_autoptr(GPtrArray) entries = list_entries (fixture->journal);
    GhJournalEntry *jasper = find_entry (entries, JASPER_ID, GH_JOURNAL_KIND_APPLY);
    GhJournalEntry *jose = find_entry (entries, JOSE_ID, GH_JOURNAL_KIND_APPLY);

    g_assert_cmpuint (entries->len, ==, 2);
    g_assert_cmpint (gh_journal_entry_get_result (jasper), ==, GH_JOURNAL_RESULT_SENT);
    g_assert_cmpint (gh_journal_entry_get_settled (jasper), ==, 0);
    g_assert_cmpstr (gh_journal_entry_get_tasks_before (jasper), ==, "DEVELOP");
    g_assert_cmpstr (gh_journal_entry_get_tasks_after (jasper), ==, "MANAGE");
    g_assert_cmpint (gh_journal_entry_get_result (jose), ==, GH_JOURNAL_RESULT_SENT);
    g_assert_null (gh_journal_entry_get_tasks_after (jose));
  }
}

/* The answer is lost and the list cannot be read back: whether it was made stays open. */
static void
test_answer_lost (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GhAssignmentEditor) editor = gh_test_load_editor (&fixture->editor_fixture, NULL);
  g_autoptr(GhChangeRecorder) recorder = recorder_new (fixture, editor);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GhJournalEntry *entry;
  guint n_failed = 0;

  gh_demo_server_set_fault (fixture->editor_fixture.server, "/", GH_DEMO_FAULT_DROP, 0);
  gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, JASPER_ID),
                                  GH_TASK_MANAGE);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  gh_demo_server_clear_faults (fixture->editor_fixture.server);

  entries = list_entries (fixture->journal);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_SENT);
  g_assert_nonnull (strstr (gh_journal_entry_get_message (entry), "never came"));
}

/* No record at all: the apply goes on as before. */
static void
test_record_unavailable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *blocked = g_build_filename (fixture->path, "record.sqlite", NULL);
  g_autoptr(GhJournal) journal = gh_journal_new (blocked);
  g_autoptr(GhAssignmentEditor) editor = gh_test_load_editor (&fixture->editor_fixture, NULL);
  g_autoptr(GhChangeRecorder) recorder = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;
  GStrv unknown = NULL;
  gboolean listed = FALSE;

  spin_until (journal_opened, journal);
  g_assert_cmpint (gh_journal_get_state (journal), ==, GH_JOURNAL_STATE_UNAVAILABLE);
  recorder = gh_change_recorder_new (journal, editor);

  gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, JASPER_ID),
                                  GH_TASK_MANAGE);
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (gh_test_server_tasks (&fixture->editor_fixture, JASPER_ID, &unknown,
                                          &listed), ==, GH_TASK_MANAGE);
  g_strfreev (unknown);
  g_clear_object (&recorder);

  /* The record's last refused write may still be on its way back: then it lets go. */
  {
    gpointer weak = g_steal_pointer (&journal);

    g_object_add_weak_pointer (G_OBJECT (weak), &weak);
    g_object_unref (weak);
    spin_until (pointer_cleared, &weak);
  }
}

typedef struct
{
  guint      count;
  GPtrArray *seen;
  GPtrArray *settled;
  gint64     since;
} SeenNews;

static void
changes_seen_cb (GhChangeRecorder *recorder,
                 GPtrArray        *seen,
                 gint64            since,
                 GPtrArray        *settled,
                 gpointer          user_data)
{
  SeenNews *news = user_data;

  news->count++;
  g_clear_pointer (&news->seen, g_ptr_array_unref);
  g_clear_pointer (&news->settled, g_ptr_array_unref);
  news->seen = g_ptr_array_ref (seen);
  news->settled = g_ptr_array_ref (settled);
  news->since = since;
}

static void
seen_news_clear (SeenNews *news)
{
  g_clear_pointer (&news->seen, g_ptr_array_unref);
  g_clear_pointer (&news->settled, g_ptr_array_unref);
}

/* An editor for the demo account, recorded from its first load. */
static GhAssignmentEditor *
recorded_editor_new (Fixture           *fixture,
                     GhChangeRecorder **recorder,
                     SeenNews          *news)
{
  GhAssignmentEditor *editor = gh_assignment_editor_new (fixture->editor_fixture.client,
                                                         GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                                                         NULL);
  g_autoptr(GError) error = NULL;

  *recorder = recorder_new (fixture, editor);
  g_signal_connect (*recorder, "changes-seen", G_CALLBACK (changes_seen_cb), news);
  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  /* The comparison is written once everything asked before it is. */
  gh_journal_flush (fixture->journal);
  return editor;
}

static void
reload (Fixture            *fixture,
        GhAssignmentEditor *editor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_true (gh_test_run_load (editor, &error));
  g_assert_no_error (error);
  /* A read of the record queues after the comparison, and returns after it. */
  entries = list_entries (fixture->journal);
}

/* Someone changes access in Business Suite between two loads: the second load says so,
 * and the record keeps it as seen, not as made. */
static void
test_changed_outside (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhChangeRecorder) recorder = NULL;
  SeenNews news = { 0 };
  g_autoptr(GhAssignmentEditor) editor = recorded_editor_new (fixture, &recorder, &news);
  GhDemoServer *server = fixture->editor_fixture.server;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *banner = NULL;
  GhJournalEntry *entry;

  /* The first load only remembers the list. */
  g_assert_cmpuint (news.count, ==, 0);

  g_assert_true (gh_demo_server_set_assigned_tasks (server, GH_DEMO_WABA_ID, JASPER_ID,
                                                    "DEVELOP,MANAGE_EXTENSIONS"));
  g_assert_true (gh_demo_server_set_assigned_tasks (server, GH_DEMO_WABA_ID, ANNA_ID,
                                                    "DEVELOP"));
  g_assert_true (gh_demo_server_set_assigned_tasks (server, GH_DEMO_WABA_ID, JOSE_ID, NULL));
  g_assert_true (gh_demo_server_set_assigned_tasks (server, GH_DEMO_WABA_ID, OLIVER_ID,
                                                    "MESSAGING"));
  reload (fixture, editor);

  g_assert_cmpuint (news.count, ==, 1);
  g_assert_cmpint (news.since, >, 0);
  g_assert_cmpuint (news.settled->len, ==, 0);
  g_assert_cmpuint (news.seen->len, ==, 4);
  for (guint i = 0; i < news.seen->len; i++)
    {
      entry = g_ptr_array_index (news.seen, i);
      g_assert_cmpint (gh_journal_entry_get_kind (entry), ==, GH_JOURNAL_KIND_SEEN);
      g_ptr_array_add (sentences,
                       gh_access_describe_change (gh_journal_entry_get_display_name (entry),
                                                  gh_journal_entry_get_tasks_before (entry),
                                                  gh_journal_entry_get_tasks_after (entry)));
    }
  banner = gh_access_join_sentences (sentences, 10);
  g_assert_cmpstr (banner, ==, "Anna Flex now has Develop and no longer has Full control; "
                               "Jasper Brown now also has Manage extensions; "
                               "Oliver Schmidt was added with Messaging; "
                               "José Núñez no longer has access");

  entries = list_entries (fixture->journal);
  g_assert_cmpuint (entries->len, ==, 4);
  entry = find_entry (entries, JOSE_ID, GH_JOURNAL_KIND_SEEN);
  g_assert_cmpint (gh_journal_entry_get_result (entry), ==, GH_JOURNAL_RESULT_SEEN);
  g_assert_cmpstr (gh_journal_entry_get_connection_label (entry), ==, "Lucky Shrub admin");

  /* Told once: the next load has nothing new. */
  reload (fixture, editor);
  g_assert_cmpuint (news.count, ==, 1);
  seen_news_clear (&news);
}

/* Changes made here are no news at the next load. */
static void
test_own_changes_not_seen (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GhChangeRecorder) recorder = NULL;
  SeenNews news = { 0 };
  g_autoptr(GhAssignmentEditor) editor = recorded_editor_new (fixture, &recorder, &news);
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  gh_assignment_editor_set_tasks (editor, gh_test_find_row (editor, JASPER_ID),
                                  GH_TASK_MANAGE);
  gh_assignment_editor_set_removed (editor, gh_test_find_row (editor, JOSE_ID), TRUE);
  g_assert_nonnull (gh_assignment_editor_add (editor, OLIVER_ID, "Oliver Schmidt", FALSE,
                                              GH_TASK_VIEW_COST, &error));
  g_assert_true (gh_test_run_apply (editor, &n_failed, &error));
  g_assert_cmpuint (n_failed, ==, 0);
  reload (fixture, editor);
  g_assert_cmpuint (news.count, ==, 0);

  g_assert_true (gh_test_run_undo (editor, &n_failed, &error));
  reload (fixture, editor);
  g_assert_cmpuint (news.count, ==, 0);

  /* A change elsewhere still shows. */
  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->editor_fixture.server,
                                                    GH_DEMO_WABA_ID, ANNA_ID, NULL));
  reload (fixture, editor);
  g_assert_cmpuint (news.count, ==, 1);
  g_assert_cmpuint (news.seen->len, ==, 1);
  seen_news_clear (&news);
}

/* The crash of test_crash_mid_apply, then the next load: what Meta holds settles what was
 * sent, and a change the apply made is not taken for one made elsewhere. */
static void
test_crash_settled_by_next_load (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GhChangeRecorder) recorder = NULL;
  SeenNews news = { 0 };
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GhChangeRecorder) crashing = NULL;
      SeenNews ignored = { 0 };
      g_autoptr(GhAssignmentEditor) doomed = recorded_editor_new (fixture, &crashing,
                                                                  &ignored);

      gh_demo_server_set_latency (fixture->editor_fixture.server, 60000);
      gh_assignment_editor_set_tasks (doomed, gh_test_find_row (doomed, JASPER_ID),
                                      GH_TASK_MANAGE);
      gh_assignment_editor_set_removed (doomed, gh_test_find_row (doomed, JOSE_ID), TRUE);
      gh_assignment_editor_apply_async (doomed, NULL, NULL, NULL);
      gh_journal_flush (fixture->journal);
      _exit (0);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* Meta made the first change before the crash, not the second. */
  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->editor_fixture.server,
                                                    GH_DEMO_WABA_ID, JASPER_ID, "MANAGE"));
  editor = recorded_editor_new (fixture, &recorder, &news);
  entries = list_entries (fixture->journal);

  g_assert_cmpuint (news.count, ==, 1);
  g_assert_cmpuint (news.settled->len, ==, 2);
  g_assert_cmpuint (news.seen->len, ==, 0);
  g_assert_cmpint (gh_journal_entry_get_result (find_entry (entries, JASPER_ID,
                                                            GH_JOURNAL_KIND_APPLY)), ==,
                   GH_JOURNAL_RESULT_DONE);
  g_assert_cmpint (gh_journal_entry_get_result (find_entry (entries, JOSE_ID,
                                                            GH_JOURNAL_KIND_APPLY)), ==,
                   GH_JOURNAL_RESULT_FAILED);
  g_assert_cmpint (gh_journal_entry_get_settled (find_entry (entries, JOSE_ID,
                                                             GH_JOURNAL_KIND_APPLY)), >, 0);
  seen_news_clear (&news);
}

static void
fail_next_page_cb (GhAssignmentEditor *editor,
                   GParamSpec         *pspec,
                   gpointer            user_data)
{
  /* The next page is asked for already, and not served yet; it fails each of the three times
   * the client reads it. */
  gh_demo_server_set_error (user_data, GH_DEMO_WABA_ID "/assigned_users", 500, 2, 0, 3);
  g_signal_handlers_disconnect_by_func (editor, fail_next_page_cb, user_data);
}

/* A load that stopped half-way cannot tell who is gone: it compares nothing. */
static void
test_partial_load_compares_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GhChangeRecorder) recorder = NULL;
  g_autoptr(GhChangeRecorder) second_recorder = NULL;
  SeenNews news = { 0 };
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GhAssignmentEditor) second = NULL;
  GhDemoServer *server = fixture->editor_fixture.server;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  gh_demo_server_set_assigned_user_count (server, GH_DEMO_WABA_ID, 250);
  editor = recorded_editor_new (fixture, &recorder, &news);

  /* Gatehouse starts again; its first read of the list stops after the first page. */
  second = gh_assignment_editor_new (fixture->editor_fixture.client, GH_DEMO_WABA_ID,
                                     GH_DEMO_BUSINESS_ID, NULL);
  second_recorder = recorder_new (fixture, second);
  g_signal_connect (second_recorder, "changes-seen", G_CALLBACK (changes_seen_cb), &news);
  g_signal_connect (second, "notify::loaded", G_CALLBACK (fail_next_page_cb), server);
  g_assert_true (gh_test_run_load (second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gh_assignment_editor_get_loaded (second), ==, 100);

  entries = list_entries (fixture->journal);
  g_assert_cmpuint (news.count, ==, 0);
  g_assert_cmpuint (entries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/change-recorder/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("apply-and-undo", test_apply_and_undo);
  ADD ("refused", test_refused);
  ADD ("crash-mid-apply", test_crash_mid_apply);
  ADD ("answer-lost", test_answer_lost);
  ADD ("record-unavailable", test_record_unavailable);
  ADD ("changed-outside", test_changed_outside);
  ADD ("own-changes-not-seen", test_own_changes_not_seen);
  ADD ("crash-settled-by-next-load", test_crash_settled_by_next_load);
  ADD ("partial-load-compares-nothing", test_partial_load_compares_nothing);
#undef ADD

  return g_test_run ();
}
