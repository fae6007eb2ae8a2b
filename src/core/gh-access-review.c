/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-access-review"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-access-review.h"
#include "gh-change-recorder.h"
#include "gh-csv.h"
#include "gh-journal-entry.h"

/* Decisions are only words until staged; staging makes them edits of each account's editor,
 * exactly as if made in the grid, and applying sends them the way Apply does.  What a
 * staging changed is kept, so that staging again first puts it back. */

typedef struct
{
  GhAccessPerson   *person;
  GhReviewDecision  decision;
  GhTaskFlags       keep;
} Entry;

/* One person's access to one account, as the decision left it. */
typedef struct
{
  guint               entry;
  GhAccessAccount    *account;
  GhAssignmentEditor *editor;     /* NULL: not staged */
  GhAssignment       *row;
  char               *note;       /* why it was not staged */
} Staged;

struct _GhAccessReview
{
  GObject             parent_instance;

  GhAccessOverview   *overview;
  GDateTime          *date;
  GArray             *entries;    /* Entry */
  GHashTable         *editors;    /* account id → GhAssignmentEditor */
  GPtrArray          *recorders;  /* GhChangeRecorder* of the review's own editors */
  GhAssignmentEditor *used_editor;
  GPtrArray          *staged;     /* Staged* */
  gboolean            applied;
};

G_DEFINE_FINAL_TYPE (GhAccessReview, gh_access_review, G_TYPE_OBJECT)

static void
entry_clear (Entry *entry)
{
  g_clear_object (&entry->person);
}

static void
staged_free (Staged *staged)
{
  g_clear_object (&staged->account);
  g_clear_object (&staged->editor);
  g_clear_object (&staged->row);
  g_free (staged->note);
  g_free (staged);
}

void
gh_report_line_free (GhReportLine *line)
{
  if (line == NULL)
    return;

  g_free (line->text);
  g_free (line);
}

static GhAssignment *
find_row (GhAssignmentEditor *editor,
          const char         *id)
{
  GListModel *model = gh_assignment_editor_get_model (editor);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (gh_assignment_get_id (row), id) == 0)
        return row;
    }

  return NULL;
}

/* Staging */

/* Puts back what the last staging changed, leaving everything else as it is. */
static void
unstage (GhAccessReview *self)
{
  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (staged->row == NULL || self->applied
          || gh_assignment_get_state (staged->row) == GH_ASSIGNMENT_STATE_UNCHANGED)
        continue;
      gh_assignment_editor_set_removed (staged->editor, staged->row, FALSE);
      gh_assignment_editor_set_tasks (staged->editor, staged->row,
                                      gh_assignment_get_held_tasks (staged->row));
    }

  g_ptr_array_set_size (self->staged, 0);
  self->applied = FALSE;
}

static Staged *
staged_new (GhAccessReview  *self,
            guint            entry,
            GhAccessAccount *account)
{
  Staged *staged = g_new0 (Staged, 1);

  staged->entry = entry;
  staged->account = g_object_ref (account);
  g_ptr_array_add (self->staged, staged);
  return staged;
}

static const char *
lockout_note (GhLockout lockout)
{
  if (lockout & GH_LOCKOUT_OWN_ACCESS)
    return _("Not staged: the connection would lose the access it needs to make changes.");
  return _("Not staged: nobody would keep Full control of this account.");
}

static void
stage_one (GhAccessReview  *self,
           guint            index,
           guint            grant)
{
  Entry *entry = &g_array_index (self->entries, Entry, index);
  GhAccessAccount *account = gh_access_person_get_account (entry->person, grant);
  GhAssignmentEditor *editor = g_hash_table_lookup (self->editors,
                                                    gh_access_account_get_id (account));
  Staged *staged = staged_new (self, index, account);
  gboolean remove = entry->decision == GH_REVIEW_REMOVE;
  GhTaskFlags tasks = GH_TASK_NONE;
  GhAssignment *row;
  GhLockout lockout;

  row = editor != NULL ? find_row (editor, gh_access_person_get_id (entry->person)) : NULL;
  if (row == NULL)
    {
      staged->note = g_strdup (editor == NULL
                               ? _("Not staged: this account could not be read.")
                               : _("Not staged: Meta no longer lists this person here."));
      return;
    }

  if (!remove)
    {
      GhTaskFlags held = gh_assignment_get_held_tasks (row);

      /* Tasks Gatehouse does not know are kept as they are, as in the grid. */
      tasks = held & entry->keep;
      if (tasks == held)
        {
          staged->note = g_strdup (_("Nothing to reduce here."));
          return;
        }
      /* Nothing left to keep is a removal, as in the grid. */
      remove = tasks == GH_TASK_NONE;
    }

  lockout = gh_assignment_editor_check_lockout (editor, row, tasks, remove);
  if (lockout != GH_LOCKOUT_NONE)
    {
      staged->note = g_strdup (lockout_note (lockout));
      return;
    }

  if (remove)
    gh_assignment_editor_set_removed (editor, row, TRUE);
  else
    gh_assignment_editor_set_tasks (editor, row, tasks);

  /* An editor busy applying takes no edit. */
  if (gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_UNCHANGED)
    {
      staged->note = g_strdup (_("Not staged: changes to this account were being applied. "
                                 "Stage again when they are done."));
      return;
    }
  staged->editor = g_object_ref (editor);
  staged->row = g_object_ref (row);
}

static guint
stage_all (GhAccessReview *self)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->decision != GH_REVIEW_REDUCE && entry->decision != GH_REVIEW_REMOVE)
        continue;
      for (guint j = 0; j < gh_access_person_get_n_accounts (entry->person); j++)
        stage_one (self, i, j);
    }

  for (guint i = 0; i < self->staged->len; i++)
    if (((Staged *) g_ptr_array_index (self->staged, i))->row != NULL)
      n++;

  return n;
}

typedef struct
{
  guint pending;
} StageData;

static void
editor_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GhAccessReview *self = g_task_get_source_object (task);
  StageData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* An account that cannot be read stages nothing: each of its changes says so. */
  if (!gh_assignment_editor_load_finish (GH_ASSIGNMENT_EDITOR (object), result, &error))
    {
      GHashTableIter iter;
      gpointer value;

      g_debug ("An account could not be read for the review: %s", error->message);
      g_hash_table_iter_init (&iter, self->editors);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (value == (gpointer) object)
          g_hash_table_iter_remove (&iter);
    }

  if (--data->pending == 0)
    g_task_return_int (task, stage_all (self));
}

/* An editor of @account of the review's own, recording what it applies like the grid's. */
static GhAssignmentEditor *
editor_new (GhAccessReview  *self,
            GhAccessAccount *account)
{
  GhAssignmentEditor *editor;
  GhChangeRecorder *recorder;
  GhSession *session = gh_access_overview_get_session (self->overview);

  editor = gh_assignment_editor_new (gh_access_account_get_client (account),
                                     gh_access_account_get_id (account),
                                     gh_access_account_get_business_id (account),
                                     gh_access_account_get_own_user_id (account));
  recorder = gh_change_recorder_new (gh_session_get_journal (session), editor);
  gh_change_recorder_set_connection (recorder, gh_access_account_get_connection_id (account),
                                     gh_access_account_get_connection_label (account));
  gh_change_recorder_set_account_name (recorder, gh_access_account_get_name (account));
  g_ptr_array_add (self->recorders, recorder);

  return editor;
}

/* Apply */

typedef struct
{
  GPtrArray *editors;   /* GhAssignmentEditor* still to apply */
  guint      n_failed;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_ptr_array_unref (data->editors);
  g_free (data);
}

static void apply_next (GTask *task);

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ApplyData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;

  if (!gh_assignment_editor_apply_finish (GH_ASSIGNMENT_EDITOR (object), result, &n_failed,
                                          &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("An account's changes could not be applied: %s", error->message);
    }
  data->n_failed += n_failed;
  apply_next (g_steal_pointer (&task));
}

static void
apply_next (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  GhAccessReview *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);
  g_autoptr(GhAssignmentEditor) editor = NULL;
  GCancellable *cancellable;

  if (data->editors->len == 0)
    {
      self->applied = TRUE;
      g_task_return_int (task, data->n_failed);
      return;
    }

  editor = g_ptr_array_steal_index (data->editors, 0);
  cancellable = g_task_get_cancellable (task);
  gh_assignment_editor_apply_async (editor, cancellable, applied_cb, g_steal_pointer (&task));
}

/* Words of the report */

static const char *
decision_word (GhReviewDecision decision)
{
  switch (decision)
    {
    case GH_REVIEW_KEEP:
      return "keep";
    case GH_REVIEW_REDUCE:
      return "reduce";
    case GH_REVIEW_REMOVE:
      return "remove";
    case GH_REVIEW_UNDECIDED:
    default:
      return "undecided";
    }
}

static char *
describe_decision (Entry *entry)
{
  g_autofree char *words = NULL;
  g_autofree char *tasks = NULL;

  switch (entry->decision)
    {
    case GH_REVIEW_KEEP:
      return g_strdup (_("Keep"));
    case GH_REVIEW_REMOVE:
      return g_strdup (_("Remove"));
    case GH_REVIEW_REDUCE:
      words = gh_journal_tasks_to_text (entry->keep, NULL);
      tasks = gh_journal_tasks_describe (words);
      /* Translators: %s is the list of tasks a person may keep */
      return g_strdup_printf (_("Reduce to at most %s"), tasks);
    case GH_REVIEW_UNDECIDED:
    default:
      return g_strdup (_("Not decided"));
    }
}

static Staged *
find_staged (GhAccessReview  *self,
             guint            entry,
             GhAccessAccount *account)
{
  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (staged->entry == entry && staged->account == account)
        return staged;
    }

  return NULL;
}

/* What came of a decision on one account, in a few words; NULL when nothing was to be
 * done there. */
static char *
describe_outcome (GhAccessReview  *self,
                  guint            entry,
                  GhAccessAccount *account)
{
  Staged *staged = find_staged (self, entry, account);
  const char *message;

  if (staged == NULL)
    return NULL;
  if (staged->row == NULL)
    return g_strdup (staged->note);
  if (!self->applied)
    return g_strdup (_("Staged, not applied yet"));

  message = gh_assignment_get_message (staged->row);
  switch (gh_assignment_get_result (staged->row))
    {
    case GH_ASSIGNMENT_RESULT_DONE:
      return g_strdup (_("Done"));
    case GH_ASSIGNMENT_RESULT_DIFFERS:
      /* Translators: %s says what Meta holds */
      return g_strdup_printf (_("Meta holds something else: %s"), message);
    case GH_ASSIGNMENT_RESULT_FAILED:
      /* Translators: %s says why */
      return g_strdup_printf (_("Not made: %s"), message != NULL ? message : "");
    case GH_ASSIGNMENT_RESULT_NONE:
    case GH_ASSIGNMENT_RESULT_QUEUED:
    case GH_ASSIGNMENT_RESULT_SENDING:
    default:
      return g_strdup (_("Not applied"));
    }
}

/* GObject */

static void
gh_access_review_dispose (GObject *object)
{
  GhAccessReview *self = GH_ACCESS_REVIEW (object);

  g_clear_pointer (&self->staged, g_ptr_array_unref);
  g_clear_pointer (&self->recorders, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_object (&self->used_editor);

  G_OBJECT_CLASS (gh_access_review_parent_class)->dispose (object);
}

static void
gh_access_review_finalize (GObject *object)
{
  GhAccessReview *self = GH_ACCESS_REVIEW (object);

  g_clear_object (&self->overview);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (gh_access_review_parent_class)->finalize (object);
}

static void
gh_access_review_class_init (GhAccessReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_access_review_dispose;
  object_class->finalize = gh_access_review_finalize;
}

static void
gh_access_review_init (GhAccessReview *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->recorders = g_ptr_array_new_with_free_func (g_object_unref);
  self->staged = g_ptr_array_new_with_free_func ((GDestroyNotify) staged_free);
  self->date = g_date_time_new_now_local ();
}

/* Public API */

GhAccessReview *
gh_access_review_new (GhAccessOverview *overview)
{
  GhAccessReview *self;
  GListModel *people;
  guint n;

  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (overview), NULL);

  self = g_object_new (GH_TYPE_ACCESS_REVIEW, NULL);
  self->overview = g_object_ref (overview);

  people = gh_access_overview_get_people (overview);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      Entry entry = { g_list_model_get_item (people, i), GH_REVIEW_UNDECIDED, GH_TASK_NONE };

      g_array_append_val (self->entries, entry);
    }

  return self;
}

GDateTime *
gh_access_review_get_date (GhAccessReview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), NULL);
  return self->date;
}

guint
gh_access_review_get_n_people (GhAccessReview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), 0);
  return self->entries->len;
}

GhAccessPerson *
gh_access_review_get_person (GhAccessReview *self,
                             guint           index)
{
  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, index).person;
}

GhReviewDecision
gh_access_review_get_decision (GhAccessReview *self,
                               guint           index)
{
  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), GH_REVIEW_UNDECIDED);
  g_return_val_if_fail (index < self->entries->len, GH_REVIEW_UNDECIDED);

  return g_array_index (self->entries, Entry, index).decision;
}

void
gh_access_review_decide (GhAccessReview   *self,
                         guint             index,
                         GhReviewDecision  decision,
                         GhTaskFlags       keep)
{
  Entry *entry;

  g_return_if_fail (GH_IS_ACCESS_REVIEW (self));
  g_return_if_fail (index < self->entries->len);

  entry = &g_array_index (self->entries, Entry, index);
  entry->decision = decision;
  entry->keep = decision == GH_REVIEW_REDUCE ? keep & GH_TASK_ALL_KNOWN : GH_TASK_NONE;
}

guint
gh_access_review_count (GhAccessReview   *self,
                        GhReviewDecision  decision)
{
  guint n = 0;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).decision == decision)
      n++;

  return n;
}

void
gh_access_review_use_editor (GhAccessReview     *self,
                             GhAssignmentEditor *editor)
{
  g_return_if_fail (GH_IS_ACCESS_REVIEW (self));
  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (editor));

  g_set_object (&self->used_editor, editor);
  g_hash_table_replace (self->editors, g_strdup (gh_assignment_editor_get_waba_id (editor)),
                        g_object_ref (editor));
}

void
gh_access_review_stage_async (GhAccessReview      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StageData *data;

  g_return_if_fail (GH_IS_ACCESS_REVIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_access_review_stage_async);
  data = g_new0 (StageData, 1);
  g_task_set_task_data (task, data, g_free);

  unstage (self);

  /* Each account a decision touches needs an editor, read from the overview's page. */
  data->pending = 1;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->decision != GH_REVIEW_REDUCE && entry->decision != GH_REVIEW_REMOVE)
        continue;
      for (guint j = 0; j < gh_access_person_get_n_accounts (entry->person); j++)
        {
          GhAccessAccount *account = gh_access_person_get_account (entry->person, j);
          JsonNode *page = gh_access_account_get_first_page (account);
          GhAssignmentEditor *editor;

          if (page == NULL
              || g_hash_table_contains (self->editors, gh_access_account_get_id (account)))
            continue;

          editor = editor_new (self, account);
          g_hash_table_insert (self->editors, g_strdup (gh_access_account_get_id (account)),
                               editor);
          data->pending++;
          gh_assignment_editor_load_with_first_page_async (editor, page, cancellable,
                                                           editor_loaded_cb,
                                                           g_object_ref (task));
        }
    }

  if (--data->pending == 0)
    g_task_return_int (task, stage_all (self));
}

guint
gh_access_review_stage_finish (GhAccessReview  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  gssize n;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  n = g_task_propagate_int (G_TASK (result), error);
  return n > 0 ? (guint) n : 0;
}

guint
gh_access_review_get_n_staged (GhAccessReview *self)
{
  guint n = 0;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), 0);

  if (self->applied)
    return 0;
  for (guint i = 0; i < self->staged->len; i++)
    if (((Staged *) g_ptr_array_index (self->staged, i))->row != NULL)
      n++;

  return n;
}

void
gh_access_review_apply_async (GhAccessReview      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ApplyData *data;

  g_return_if_fail (GH_IS_ACCESS_REVIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_access_review_apply_async);
  data = g_new0 (ApplyData, 1);
  data->editors = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);

  /* Each account with something staged, once. */
  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (staged->editor != NULL && !g_ptr_array_find (data->editors, staged->editor, NULL)
          && gh_assignment_editor_get_n_changes (staged->editor) > 0)
        g_ptr_array_add (data->editors, g_object_ref (staged->editor));
    }

  if (data->editors->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There are no changes to apply."));
      return;
    }

  apply_next (g_steal_pointer (&task));
}

guint
gh_access_review_apply_finish (GhAccessReview  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  gssize n;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  n = g_task_propagate_int (G_TASK (result), error);
  return n > 0 ? (guint) n : 0;
}

char *
gh_access_review_dup_title (GhAccessReview *self)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), NULL);

  /* Translators: the day of an access review, see strftime(3) */
  day = g_date_time_format (self->date, C_("review day", "%e %B %Y"));
  g_strstrip (day);
  /* Translators: %s is a day, e.g. "29 November 2026" */
  return g_strdup_printf (_("Access review of %s"), day);
}

char *
gh_access_review_to_csv (GhAccessReview *self)
{
  g_autofree char *date = NULL;
  GhCsvWriter *csv;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), NULL);

  date = g_date_time_format_iso8601 (self->date);
  csv = gh_csv_writer_new ();
  gh_csv_writer_add_row (csv, "date", "name", "id", "type", "connection", "account",
                         "account_id", "tasks", "decision", "outcome", NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      for (guint j = 0; j < gh_access_person_get_n_accounts (entry->person); j++)
        {
          GhAccessAccount *account = gh_access_person_get_account (entry->person, j);
          g_autofree char *outcome = describe_outcome (self, i, account);

          gh_csv_writer_add_cell (csv, date);
          gh_csv_writer_add_cell (csv, gh_access_person_get_name (entry->person));
          gh_csv_writer_add_cell (csv, gh_access_person_get_id (entry->person));
          gh_csv_writer_add_cell (csv, gh_access_person_get_is_system_user (entry->person)
                                       ? "SYSTEM_USER" : "BUSINESS_USER");
          gh_csv_writer_add_cell (csv, gh_access_account_get_connection_label (account));
          gh_csv_writer_add_cell (csv, gh_access_account_get_name (account));
          gh_csv_writer_add_cell (csv, gh_access_account_get_id (account));
          gh_csv_writer_add_cell (csv, gh_access_person_get_tasks (entry->person, j));
          gh_csv_writer_add_cell (csv, decision_word (entry->decision));
          gh_csv_writer_add_cell (csv, outcome);
          gh_csv_writer_end_row (csv);
        }
    }

  return gh_csv_writer_free_to_string (csv);
}

static void
add_line (GPtrArray     *lines,
          GhReportStyle  style,
          char          *text)
{
  GhReportLine *line = g_new0 (GhReportLine, 1);

  line->style = style;
  line->text = text;
  g_ptr_array_add (lines, line);
}

GPtrArray *
gh_access_review_dup_report (GhAccessReview *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_report_line_free);
  GListModel *accounts;
  g_autofree char *when = NULL;
  guint n_accounts;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (self), lines);

  accounts = gh_access_overview_get_accounts (self->overview);
  n_accounts = g_list_model_get_n_items (accounts);
  add_line (lines, GH_REPORT_TITLE, gh_access_review_dup_title (self));
  /* Translators: a date and time, see strftime(3) */
  when = g_date_time_format (self->date, C_("review time", "%e %B %Y, %H:%M"));
  g_strstrip (when);
  add_line (lines, GH_REPORT_TEXT,
            /* Translators: the first %s is a date and time; then the counts */
            g_strdup_printf (_("Made with Gatehouse on %s. %u people across %u accounts: %u "
                               "kept, %u reduced, %u removed, %u not decided."),
                             when, self->entries->len, n_accounts,
                             gh_access_review_count (self, GH_REVIEW_KEEP),
                             gh_access_review_count (self, GH_REVIEW_REDUCE),
                             gh_access_review_count (self, GH_REVIEW_REMOVE),
                             gh_access_review_count (self, GH_REVIEW_UNDECIDED)));

  add_line (lines, GH_REPORT_HEADING, g_strdup (_("Accounts")));
  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(GhAccessAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *state = gh_access_account_describe_state (account);

      /* Translators: an account, its ID, the connection that read it, how much was read */
      add_line (lines, GH_REPORT_TEXT,
                g_strdup_printf (_("%s (%s), through “%s”: %s"),
                                 gh_access_account_get_name (account),
                                 gh_access_account_get_id (account),
                                 gh_access_account_get_connection_label (account), state));
    }

  add_line (lines, GH_REPORT_HEADING, g_strdup (_("People")));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      g_autofree char *decision = describe_decision (entry);

      /* Translators: a person's name, their ID, then "Person" or "System user" */
      add_line (lines, GH_REPORT_PERSON,
                g_strdup_printf (_("%s — %s (%s)"), gh_access_person_get_name (entry->person),
                                 gh_access_person_get_id (entry->person),
                                 gh_access_person_get_is_system_user (entry->person)
                                 ? _("System user") : _("Person")));
      /* Translators: %s is a decision, e.g. "Keep" or "Remove" */
      add_line (lines, GH_REPORT_DETAIL, g_strdup_printf (_("Decision: %s"), decision));
      for (guint j = 0; j < gh_access_person_get_n_accounts (entry->person); j++)
        {
          GhAccessAccount *account = gh_access_person_get_account (entry->person, j);
          g_autofree char *tasks = gh_journal_tasks_describe (
            gh_access_person_get_tasks (entry->person, j));
          g_autofree char *outcome = describe_outcome (self, i, account);

          if (outcome != NULL)
            /* Translators: an account, the tasks someone had there, what came of the
             * decision */
            add_line (lines, GH_REPORT_DETAIL,
                      g_strdup_printf (_("%s: %s — %s"), gh_access_account_get_name (account),
                                       tasks, outcome));
          else
            add_line (lines, GH_REPORT_DETAIL,
                      g_strdup_printf (_("%s: %s"), gh_access_account_get_name (account),
                                       tasks));
        }
    }

  return lines;
}
