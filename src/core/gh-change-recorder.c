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
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (GhChangeRecorder, gh_change_recorder, G_TYPE_OBJECT)

enum {
  CHANGES_SEEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  g_autoptr(GPtrArray) held = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  held = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_access_holder_free);

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

      /* What Meta holds now is no news at the next load. */
      if (write->settled && write->result != GH_ASSIGNMENT_RESULT_FAILED)
        {
          g_autofree char *tasks = tasks_text (write->listed_after, write->tasks_after,
                                               write->unknown_after);

          g_ptr_array_add (held, gh_access_holder_new (write->user_id, write->name,
                                                       write->is_system_user, tasks));
        }
    }

  gh_journal_settle_async (self->journal, self->run, entries,
                           gh_assignment_editor_get_waba_id (self->editor), held, NULL,
                           settled_record_cb, NULL);
}

static void
compared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GhChangeRecorder) self = user_data;
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GPtrArray) settled = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since = 0;

  seen = gh_journal_compare_finish (GH_JOURNAL (object), result, &since, &settled, &error);
  if (seen == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The list could not be compared with the last one seen: %s",
                 error->message);
      return;
    }

  if (seen->len > 0 || settled->len > 0)
    g_signal_emit (self, signals[CHANGES_SEEN], 0, seen, since, settled);
}

/* Only a whole list tells who is gone: a load that stopped half-way compares nothing. */
static void
list_read_cb (GhChangeRecorder   *self,
              gboolean            complete,
              GhAssignmentEditor *editor)
{
  GListModel *model = gh_assignment_editor_get_model (editor);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *business_id = NULL;
  GhJournalPlace place = { 0 };

  if (!complete)
    return;

  people = g_ptr_array_new_full (n, (GDestroyNotify) gh_access_holder_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);
      g_autofree char *tasks = NULL;

      if (gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_NEW)
        continue;
      tasks = gh_journal_tasks_to_text (gh_assignment_get_held_tasks (row),
                                        gh_assignment_get_unknown_tasks (row));
      g_ptr_array_add (people, gh_access_holder_new (gh_assignment_get_id (row),
                                                     gh_assignment_get_name (row),
                                                     gh_assignment_get_is_system_user (row),
                                                     tasks));
    }

  g_object_get (editor, "business-id", &business_id, NULL);
  place.account_id = gh_assignment_editor_get_waba_id (editor);
  place.account_name = self->account_name;
  place.business_id = business_id;
  place.connection_id = self->connection_id;
  place.connection_label = self->connection_label;
  gh_journal_compare_async (self->journal, &place, people, self->cancellable, compared_cb,
                            g_object_ref (self));
}

static void
gh_change_recorder_dispose (GObject *object)
{
  GhChangeRecorder *self = GH_CHANGE_RECORDER (object);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_object (&self->journal);

  g_cancellable_cancel (self->cancellable);

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
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gh_change_recorder_parent_class)->finalize (object);
}

static void
gh_change_recorder_class_init (GhChangeRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_change_recorder_dispose;
  object_class->finalize = gh_change_recorder_finalize;

  signals[CHANGES_SEEN] =
    g_signal_new ("changes-seen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_PTR_ARRAY, G_TYPE_INT64, G_TYPE_PTR_ARRAY);
}

static void
gh_change_recorder_init (GhChangeRecorder *self)
{
  self->cancellable = g_cancellable_new ();
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
  g_signal_connect_object (editor, "list-read", G_CALLBACK (list_read_cb), self,
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
