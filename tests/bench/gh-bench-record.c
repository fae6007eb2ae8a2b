/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gh-bench-record.h"
#include "gh-change-recorder.h"

/* The record never holds up what a person does: its statements run on a thread of their
 * own, and the main loop only gathers what a load found.  Measured with the longest gap of
 * the main loop while a list of 10,000 people is read, compared and remembered (the second
 * time, with changes made elsewhere), and while 50 edits are applied and recorded. */

#define STALL_BUDGET_MS 50.0
#define EDITS 50

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  g_clear_object (&wait->result);
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

static gboolean
opened (gpointer data)
{
  return gh_journal_get_state (data) != GH_JOURNAL_STATE_OPENING;
}

/* Waits until the journal wrote everything asked of it, the main loop still running. */
static void
drain (GhJournal *journal)
{
  Wait wait = { NULL };

  gh_journal_list_async (journal, "0", 1, NULL, done_cb, &wait);
  g_ptr_array_unref (gh_journal_list_finish (journal, wait_for (&wait), NULL));
  g_clear_object (&wait.result);
}

static void
print_stall (const char *name,
             double      value,
             const char *note)
{
  GhFigure figure = {
    .name = name, .value = value, .unit = "ms", .budget_of = GH_BUDGET_VALUE,
    .budget = STALL_BUDGET_MS, .note = note,
  };

  gh_bench_print (&figure);
}

static double
timed_load (GhAssignmentEditor *editor,
            GhJournal          *journal)
{
  GhStallTimer timer;
  Wait wait = { NULL };

  gh_stall_timer_start (&timer);
  gh_assignment_editor_load_async (editor, NULL, done_cb, &wait);
  g_assert_true (gh_assignment_editor_load_finish (editor, wait_for (&wait), NULL));
  drain (journal);
  g_clear_object (&wait.result);
  return gh_stall_timer_stop (&timer);
}

void
gh_bench_record (GhDemoServer  *server,
                 GhGraphClient *client,
                 guint          people)
{
  g_autofree char *dir = g_dir_make_tmp ("gh-bench-record-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "record.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GhJournal) journal = gh_journal_new (path);
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autoptr(GhChangeRecorder) recorder = NULL;
  GListModel *model;
  GhStallTimer timer;
  Wait wait = { NULL };
  double first;
  double second;
  double apply;

  while (!opened (journal))
    g_main_context_iteration (NULL, TRUE);

  gh_demo_server_set_latency (server, 0);
  gh_bench_new_hour (server);
  gh_demo_server_set_assigned_user_count (server, GH_DEMO_WABA_ID, people);
  editor = gh_assignment_editor_new (client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID, NULL);
  recorder = gh_change_recorder_new (journal, editor);

  /* The first list is remembered whole; the second is compared with it. */
  first = timed_load (editor, journal);
  model = gh_assignment_editor_get_model (editor);
  for (guint i = 0; i < EDITS; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i * 7);

      gh_demo_server_set_assigned_tasks (server, GH_DEMO_WABA_ID, gh_assignment_get_id (row),
                                         "VIEW_COST");
    }
  gh_bench_new_hour (server);
  gh_demo_server_set_assigned_user_count (server, GH_DEMO_WABA_ID, people - 10);
  second = timed_load (editor, journal);

  for (guint i = 0; i < EDITS; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, 1 + i * 11);

      gh_assignment_editor_set_tasks (editor, row, GH_TASK_MESSAGING);
    }
  gh_stall_timer_start (&timer);
  gh_assignment_editor_apply_async (editor, NULL, done_cb, &wait);
  gh_assignment_editor_apply_finish (editor, wait_for (&wait), NULL, NULL);
  drain (journal);
  apply = gh_stall_timer_stop (&timer);
  g_clear_object (&wait.result);

  print_stall ("record-first-load-stall", first,
               "10,000 people read, then remembered as the last list seen");
  print_stall ("record-compare-stall", second,
               "10,000 people read again and compared: 50 changed, 10 gone");
  print_stall ("record-apply-stall", apply, "50 edits applied, each recorded before and after");

  g_clear_object (&recorder);
  g_clear_object (&editor);
  g_assert_finalize_object (g_steal_pointer (&journal));
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}
