/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-change-recorder"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-change-recorder.h"

/* The intent goes in before the request leaves and the result after it came back, so that
 * a crash in between leaves a row saying "sent, result unknown" for the next load to settle
 * against what Meta holds. */

struct _GhChangeRecorder
{
  GObject             parent_instance;

  GhJournal          *journal;
  GhAssignmentEditor *editor;
  char               *connection_id;
  char               *connection_label;
  char               *account_name;

  /* The apply or undo running: the editor's serial, and the record's name for it. */
  guint               run_serial;
  char               *run;
};

G_DEFINE_FINAL_TYPE (GhChangeRecorder, gh_change_recorder, G_TYPE_OBJECT)

static char *
tasks_text (gboolean            listed,
            GhTaskFlags         tasks,
            const char * const *unknown)
{
  return listed ? gh_journal_tasks_to_text (tasks, unknown) : NULL;
}

static GhJournalEntry *
entry_new (GhChangeRecorder  *self,
           GhAssignmentWrite *write,
           gboolean           is_undo)
{
  GhJournalEntry *entry;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  entry = gh_journal_entry_new (is_undo ? GH_JOURNAL_KIND_UNDO : GH_JOURNAL_KIND_APPLY,
                                gh_assignment_editor_get_waba_id (self->editor),
                                write->user_id);
  gh_journal_entry_set_run (entry, self->run);
  gh_journal_entry_set_connection (entry, self->connection_id, self->connection_label);
  gh_journal_entry_set_account_name (entry, self->account_name);
  gh_journal_entry_set_person (entry, write->name, write->is_system_user);

  before = tasks_text (write->was_held, write->held_tasks, write->held_unknown);
  after = tasks_text (!write->is_delete, write->tasks, write->unknown);
  gh_journal_entry_set_tasks (entry, before, after);

  return entry;
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The journal tells everyone in its "problem"; nothing waits for this. */
  if (!gh_journal_add_finish (GH_JOURNAL (object), result, &error))
    g_debug ("Changes could not be recorded: %s", error->message);
}

static void
settled_record_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gh_journal_settle_finish (GH_JOURNAL (object), result, &error))
    g_debug ("Results could not be recorded: %s", error->message);
}

static void
writes_sending_cb (GhChangeRecorder   *self,
                   guint               run_serial,
                   gboolean            is_undo,
                   GPtrArray          *writes,
                   GhAssignmentEditor *editor)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->run == NULL || self->run_serial != run_serial)
    {
      g_free (self->run);
      self->run = g_uuid_string_random ();
      self->run_serial = run_serial;
    }

  for (guint i = 0; i < writes->len; i++)
    g_ptr_array_add (entries, entry_new (self, g_ptr_array_index (writes, i), is_undo));

  gh_journal_add_async (self->journal, entries, NULL, recorded_cb, NULL);
}

static void
writes_settled_cb (GhChangeRecorder   *self,
                   guint               run_serial,
                   gboolean            is_undo,
                   GPtrArray          *writes,
                   GhAssignmentEditor *editor)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (self->run == NULL || self->run_serial != run_serial)
    return;

  for (guint i = 0; i < writes->len; i++)
    {
      GhAssignmentWrite *write = g_ptr_array_index (writes, i);
      GhJournalEntry *entry = entry_new (self, write, is_undo);

      if (!write->settled)
        gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_SENT,
                                     _("Meta’s answer never came. The next time the list is "
                                       "read, Gatehouse compares it with what Meta holds."));
      else if (write->result == GH_ASSIGNMENT_RESULT_DONE)
        gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_DONE, write->message);
      else if (write->result == GH_ASSIGNMENT_RESULT_DIFFERS)
        gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_DIFFERS, write->message);
      else
        gh_journal_entry_set_result (entry, GH_JOURNAL_RESULT_FAILED, write->message);
      if (write->settled)
        gh_journal_entry_set_settled (entry, now);
      g_ptr_array_add (entries, entry);
    }

  gh_journal_settle_async (self->journal, self->run, entries, NULL, settled_record_cb, NULL);
}

static void
gh_change_recorder_dispose (GObject *object)
{
  GhChangeRecorder *self = GH_CHANGE_RECORDER (object);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (gh_change_recorder_parent_class)->dispose (object);
}

static void
gh_change_recorder_finalize (GObject *object)
{
  GhChangeRecorder *self = GH_CHANGE_RECORDER (object);

  g_free (self->connection_id);
  g_free (self->connection_label);
  g_free (self->account_name);
  g_free (self->run);

  G_OBJECT_CLASS (gh_change_recorder_parent_class)->finalize (object);
}

static void
gh_change_recorder_class_init (GhChangeRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_change_recorder_dispose;
  object_class->finalize = gh_change_recorder_finalize;
}

static void
gh_change_recorder_init (GhChangeRecorder *self)
{
}

GhChangeRecorder *
gh_change_recorder_new (GhJournal          *journal,
                        GhAssignmentEditor *editor)
{
  GhChangeRecorder *self;

  g_return_val_if_fail (GH_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (editor), NULL);

  self = g_object_new (GH_TYPE_CHANGE_RECORDER, NULL);
  self->journal = g_object_ref (journal);
  self->editor = g_object_ref (editor);

  g_signal_connect_object (editor, "writes-sending", G_CALLBACK (writes_sending_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "writes-settled", G_CALLBACK (writes_settled_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

GhJournal *
gh_change_recorder_get_journal (GhChangeRecorder *self)
{
  g_return_val_if_fail (GH_IS_CHANGE_RECORDER (self), NULL);

  return self->journal;
}

GhAssignmentEditor *
gh_change_recorder_get_editor (GhChangeRecorder *self)
{
  g_return_val_if_fail (GH_IS_CHANGE_RECORDER (self), NULL);

  return self->editor;
}

void
gh_change_recorder_set_connection (GhChangeRecorder *self,
                                   const char       *connection_id,
                                   const char       *connection_label)
{
  g_return_if_fail (GH_IS_CHANGE_RECORDER (self));

  g_free (self->connection_id);
  self->connection_id = g_strdup (connection_id);
  g_free (self->connection_label);
  self->connection_label = g_strdup (connection_label);
}

void
gh_change_recorder_set_account_name (GhChangeRecorder *self,
                                     const char       *account_name)
{
  g_return_if_fail (GH_IS_CHANGE_RECORDER (self));

  g_free (self->account_name);
  self->account_name = g_strdup (account_name);
}
