/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"

/* What each write of a finished apply or undo did, from Meta's answers and what the
 * read-back found, told on its row; and the inverse of what went through, for undo. */

/* "Full control, Develop, VIEW_INSIGHTS": labels of the known tasks, unknown ones by name. */
static char *
describe_tasks (GhTaskFlags         tasks,
                const char * const *unknown)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (tasks & gh_task_from_index (i))
      g_ptr_array_add (parts, (gpointer) gh_task_get_label (gh_task_from_index (i)));
  for (guint i = 0; unknown != NULL && unknown[i] != NULL; i++)
    g_ptr_array_add (parts, (gpointer) unknown[i]);
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: separates the names of tasks in a list */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
set_undo (GhAssignmentEditor *self,
          GPtrArray          *undo)
{
  gboolean could_undo = self->undo != NULL;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  self->undo = undo;

  if (could_undo != (self->undo != NULL))
    _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_CAN_UNDO);
}

/* The row holds what a read-back found, with no edit left. */
static void
settle_row (GhAssignmentEditor *self,
            GhAssignment       *row)
{
  g_object_freeze_notify (G_OBJECT (row));
  row->is_new = FALSE;
  row->removed = FALSE;
  _gh_assignment_set_tasks (row, row->held_tasks);
  _gh_assignment_editor_update_state (self, row);
  g_object_thaw_notify (G_OBJECT (row));
}

/* The request that puts back what Meta held before @op. */
static GhApplyOp *
apply_op_new_inverse (GhApplyOp *op)
{
  GhApplyOp *inverse = g_new0 (GhApplyOp, 1);

  inverse->id = g_strdup (op->id);
  inverse->row = g_object_ref (op->row);
  inverse->tasks = op->held_tasks;
  inverse->unknown = g_strdupv (op->held_unknown);
  inverse->is_delete = !op->was_held
                       || (op->held_tasks == GH_TASK_NONE
                           && _gh_strv_is_empty ((const char * const *) op->held_unknown));

  return inverse;
}

static char *
describe_difference (GhApplyOp    *op,
                     GhAssignment *row)
{
  const char * const *held_unknown = (const char * const *) row->unknown_tasks;
  const char * const *asked_unknown = (const char * const *) op->unknown;
  g_autoptr(GPtrArray) extra_unknown = g_ptr_array_new ();
  g_autofree char *list = NULL;
  GhTaskFlags extra = row->held_tasks & ~op->tasks;
  gboolean missing = (op->tasks & ~row->held_tasks) != 0;

  for (guint i = 0; held_unknown != NULL && held_unknown[i] != NULL; i++)
    if (asked_unknown == NULL || !g_strv_contains (asked_unknown, held_unknown[i]))
      g_ptr_array_add (extra_unknown, (gpointer) held_unknown[i]);
  for (guint i = 0; asked_unknown != NULL && asked_unknown[i] != NULL; i++)
    if (held_unknown == NULL || !g_strv_contains (held_unknown, asked_unknown[i]))
      missing = TRUE;
  g_ptr_array_add (extra_unknown, NULL);

  if (!missing && (extra != GH_TASK_NONE || extra_unknown->len > 1))
    {
      list = describe_tasks (extra, (const char * const *) extra_unknown->pdata);
      /* TRANSLATORS: %s is a list of tasks, e.g. "View templates, Develop" */
      return g_strdup_printf (_("Meta also kept %s."), list);
    }

  if (row->held_tasks == GH_TASK_NONE && _gh_strv_is_empty (held_unknown))
    return g_strdup (_("Meta holds no tasks for this person."));

  list = describe_tasks (row->held_tasks, held_unknown);
  /* TRANSLATORS: %s is a list of tasks, e.g. "Full control, Develop" */
  return g_strdup_printf (_("Meta holds: %s."), list);
}

static gboolean
row_holds (GhAssignment       *row,
           GhTaskFlags         tasks,
           const char * const *unknown)
{
  return row->held_tasks == tasks
         && _gh_strv_same_set ((const char * const *) row->unknown_tasks, unknown);
}

/* A POST Meta said yes to, or one it did not answer that a read-back found listed. */
static void
report_post (GhApplyOp *op,
             gboolean   listed)
{
  g_autofree char *message = NULL;

  if (listed && !row_holds (op->row, op->tasks, (const char * const *) op->unknown))
    {
      message = describe_difference (op, op->row);
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DIFFERS, message);
    }
  else
    _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DONE, NULL);
}

/* Meta said yes to @op; @seen: the ids a read-back found listed (NULL: none was made),
 * @complete: it read the whole list. */
static void
report_done (GhAssignmentEditor *self,
             GhApplyOp          *op,
             GHashTable         *seen,
             gboolean            complete)
{
  gboolean listed = seen != NULL && g_hash_table_contains (seen, op->id);

  op->made = TRUE;

  if (op->is_delete && listed)
    {
      g_autofree char *list = describe_tasks (op->row->held_tasks,
                                              (const char * const *) op->row->unknown_tasks);
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is a list of tasks */
      message = g_strdup_printf (_("Meta still lists this person, with: %s."), list);
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DIFFERS, message);
    }
  else if (op->is_delete)
    {
      /* Nobody sees a row that is gone; a removal that took is simply done. */
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DONE, NULL);
      _gh_assignment_editor_drop_row (self, op->row);
    }
  else if (listed || !op->check)
    report_post (op, listed);
  else if (seen == NULL)
    {
      self->needs_full_load = TRUE;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DONE,
                                 _("Sent. Gatehouse could not read the list again to "
                                   "confirm what Meta holds now."));
    }
  else
    {
      g_assert (complete);
      self->needs_full_load = TRUE;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DIFFERS,
                                 _("Meta accepted the change but does not list this "
                                   "person."));
    }
}

/* Meta did not answer @op: what the read-back found decides whether it was made. */
static void
report_unanswered (GhAssignmentEditor *self,
                   GhApplyData        *data,
                   GhApplyOp          *op,
                   GHashTable         *seen)
{
  gboolean listed = seen != NULL && g_hash_table_contains (seen, op->id);
  gboolean made;

  if (seen == NULL)
    {
      self->needs_full_load = TRUE;
      data->n_failed++;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED,
                                 _("Meta did not answer in time, and Gatehouse could not "
                                   "check whether this change was made. Refresh the list "
                                   "before applying it again."));
      return;
    }

  /* The read-back merged what Meta holds into the row. */
  if (op->is_delete)
    made = !listed;
  else
    made = listed && !(op->was_held
                       && row_holds (op->row, op->held_tasks,
                                     (const char * const *) op->held_unknown));

  if (!made)
    {
      data->n_failed++;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED,
                                 _("Meta did not answer in time and did not make this "
                                   "change. It is still staged."));
      return;
    }

  op->made = TRUE;
  if (op->is_delete)
    {
      _gh_assignment_editor_mark_applied (self, op);
      data->delta--;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DONE, NULL);
      _gh_assignment_editor_drop_row (self, op->row);
      return;
    }

  settle_row (self, op->row);
  report_post (op, TRUE);
}

static void
update_counts (GhAssignmentEditor *self,
               GhApplyData        *data,
               gboolean            read_back)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (model);
  guint n_listed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (!row->is_new)
        n_listed++;
    }

  if (self->loaded != n_listed)
    {
      self->loaded = n_listed;
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_LOADED);
    }
  /* A read-back brought Meta's own total. */
  if (!read_back && self->total >= 0 && data->delta != 0)
    {
      self->total = MAX (self->total + data->delta, 0);
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_TOTAL);
    }
}

/* Internal API */

void
_gh_apply_op_free (GhApplyOp *op)
{
  g_free (op->id);
  g_clear_object (&op->row);
  g_strfreev (op->unknown);
  g_strfreev (op->held_unknown);
  g_free (op);
}

void
_gh_assignment_editor_mark_applied (GhAssignmentEditor *self,
                                    GhApplyOp          *op)
{
  GhAssignment *row = op->row;

  g_object_freeze_notify (G_OBJECT (row));
  row->is_new = FALSE;
  row->removed = FALSE;
  _gh_assignment_set_held (row, op->is_delete ? GH_TASK_NONE : op->tasks,
                           op->is_delete ? NULL : (const char * const *) op->unknown);
  _gh_assignment_set_tasks (row, row->held_tasks);
  _gh_assignment_editor_update_state (self, row);
  g_object_thaw_notify (G_OBJECT (row));
}

void
_gh_assignment_editor_report (GhAssignmentEditor *self,
                              GhApplyData        *data,
                              GHashTable         *seen,
                              gboolean            complete)
{
  g_autoptr(GPtrArray) undo = NULL;

  for (guint i = 0; i < data->ops->len; i++)
    {
      GhApplyOp *op = g_ptr_array_index (data->ops, i);

      switch (op->status)
        {
        case GH_APPLY_OP_DONE:
          report_done (self, op, seen, complete);
          break;

        case GH_APPLY_OP_UNANSWERED:
          report_unanswered (self, data, op, seen);
          break;

        case GH_APPLY_OP_FAILED:
          data->n_failed++;
          break;

        case GH_APPLY_OP_WAITING:
        case GH_APPLY_OP_SENDING:
        default:
          break;
        }
    }

  if (data->is_undo)
    set_undo (self, NULL);
  else
    {
      for (guint i = 0; i < data->ops->len; i++)
        {
          GhApplyOp *op = g_ptr_array_index (data->ops, i);

          if (!op->made)
            continue;
          if (undo == NULL)
            undo = g_ptr_array_new_with_free_func ((GDestroyNotify) _gh_apply_op_free);
          g_ptr_array_add (undo, apply_op_new_inverse (op));
        }
      /* An apply where nothing went through leaves the previous undo in place. */
      if (undo != NULL)
        set_undo (self, g_steal_pointer (&undo));
    }

  update_counts (self, data, seen != NULL);
}
