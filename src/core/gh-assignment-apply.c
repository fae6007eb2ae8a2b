/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"
#include "gh-graph-error.h"

/* The queue that sends staged edits to Meta, waits out its rate limits, reports each row's
 * result and keeps the inverse of the last apply for undo. */

#define DEFAULT_PAUSE_SECONDS 60

/* One request of an apply or undo. */
typedef struct
{
  char         *id;
  GhAssignment *row;          /* nullable: undo may re-add someone no longer listed */
  gboolean      is_delete;
  GhTaskFlags   tasks;
  GStrv         unknown;
  gboolean      sent;
  gboolean      failed;
  gboolean      unsendable;   /* a new row without any task: Meta would refuse it */

  /* What Meta held before, so that the apply can be undone. */
  gboolean      was_held;
  GhTaskFlags   held_tasks;
  GStrv         held_unknown;
} ApplyOp;

typedef struct
{
  GPtrArray *ops;             /* ApplyOp* */
  guint      index;
  gboolean   is_undo;
  gboolean   skip_reload;
  guint      n_failed;
} ApplyData;

static void send_next_op (GhAssignmentEditor *self,
                          GTask              *task);

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

static char *
describe_error (const GError *error)
{
  if (error->domain == GH_GRAPH_ERROR)
    return g_strdup_printf ("%s %s", gh_graph_error_code_to_summary (error->code),
                            gh_graph_error_code_to_next_step (error->code));

  return g_strdup (error->message);
}

static void
apply_op_free (ApplyOp *op)
{
  g_free (op->id);
  g_clear_object (&op->row);
  g_strfreev (op->unknown);
  g_strfreev (op->held_unknown);
  g_free (op);
}

static void
apply_data_free (ApplyData *data)
{
  g_clear_pointer (&data->ops, g_ptr_array_unref);
  g_free (data);
}

static void
set_applying (GhAssignmentEditor *self,
              gboolean            applying)
{
  if (self->applying == applying)
    return;

  self->applying = applying;
  _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_APPLYING);
}

static void
set_apply_progress (GhAssignmentEditor *self,
                    guint               done,
                    guint               total)
{
  if (self->apply_done != done)
    {
      self->apply_done = done;
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_APPLY_DONE);
    }
  if (self->apply_total != total)
    {
      self->apply_total = total;
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_APPLY_TOTAL);
    }
}

static void
set_paused_seconds (GhAssignmentEditor *self,
                    guint               seconds)
{
  if (self->paused_seconds == seconds)
    return;

  self->paused_seconds = seconds;
  _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_PAUSED_SECONDS);
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

/* After Meta said yes: the row holds what was sent until the reload says otherwise. */
static void
mark_applied (GhAssignmentEditor *self,
              GhAssignment       *row,
              ApplyOp            *op)
{
  g_object_freeze_notify (G_OBJECT (row));
  row->is_new = FALSE;
  row->removed = FALSE;
  _gh_assignment_set_held (row, op->is_delete ? GH_TASK_NONE : op->tasks,
                           op->is_delete ? NULL : (const char * const *) op->unknown);
  _gh_assignment_set_tasks (row, row->held_tasks);
  _gh_assignment_editor_update_state (self, row);
  g_object_thaw_notify (G_OBJECT (row));
}

/* Applying */

static ApplyOp *
apply_op_new_for_row (GhAssignment *row)
{
  ApplyOp *op = g_new0 (ApplyOp, 1);

  op->id = g_strdup (row->id);
  op->row = g_object_ref (row);
  op->is_delete = row->state == GH_ASSIGNMENT_STATE_REMOVED;
  op->tasks = row->tasks;
  op->unknown = _gh_strv_dup_or_null ((const char * const *) row->unknown_tasks);
  op->unsendable = !op->is_delete && op->tasks == GH_TASK_NONE && _gh_strv_is_empty (
    (const char * const *) op->unknown);

  op->was_held = row->state != GH_ASSIGNMENT_STATE_NEW;
  op->held_tasks = row->held_tasks;
  op->held_unknown = _gh_strv_dup_or_null ((const char * const *) row->unknown_tasks);

  return op;
}

/* The request that puts back what Meta held before @op. */
static ApplyOp *
apply_op_new_inverse (ApplyOp *op)
{
  ApplyOp *inverse = g_new0 (ApplyOp, 1);

  inverse->id = g_strdup (op->id);
  inverse->tasks = op->held_tasks;
  inverse->unknown = g_strdupv (op->held_unknown);
  inverse->is_delete = !op->was_held
                       || (op->held_tasks == GH_TASK_NONE && _gh_strv_is_empty (
                             (const char * const *) op->held_unknown));

  /* What undo finds before it runs: what the apply sent. */
  inverse->was_held = !op->is_delete;
  inverse->held_tasks = op->tasks;
  inverse->held_unknown = g_strdupv (op->unknown);

  return inverse;
}

static gboolean
collect_changed_cb (GhAssignment *row,
                    gpointer      user_data)
{
  GPtrArray *ops = user_data;

  if (row->state != GH_ASSIGNMENT_STATE_UNCHANGED)
    g_ptr_array_add (ops, apply_op_new_for_row (row));

  return TRUE;
}

static char *
describe_difference (ApplyOp      *op,
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

/* After the reload: did Meta end up holding what each sent request asked for? */
static void
report_results (GhAssignmentEditor *self,
                ApplyData          *data,
                gboolean            reloaded)
{
  for (guint i = 0; i < data->ops->len; i++)
    {
      ApplyOp *op = g_ptr_array_index (data->ops, i);
      GhAssignment *row;

      if (!op->sent)
        {
          if (op->failed)
            data->n_failed++;
          continue;
        }

      if (!reloaded)
        {
          if (op->row != NULL)
            _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_DONE,
                                       _("Sent. Gatehouse could not read the list again to "
                                         "confirm what Meta holds now."));
          continue;
        }

      row = g_hash_table_lookup (self->rows_by_id, op->id);
      if (row == NULL)
        {
          /* Nobody sees a row that is gone; a removal that took is simply done. */
          if (op->row != NULL)
            _gh_assignment_set_result (op->row,
                                       op->is_delete ? GH_ASSIGNMENT_RESULT_DONE
                                                     : GH_ASSIGNMENT_RESULT_DIFFERS,
                                       op->is_delete ? NULL
                                                     : _("Meta accepted the change but does "
                                                         "not list this person."));
          continue;
        }

      if (op->is_delete)
        {
          g_autofree char *list = describe_tasks (row->held_tasks,
                                                  (const char * const *) row->unknown_tasks);
          g_autofree char *message = NULL;

          /* TRANSLATORS: %s is a list of tasks */
          message = g_strdup_printf (_("Meta still lists this person, with: %s."), list);
          _gh_assignment_set_result (row, GH_ASSIGNMENT_RESULT_DIFFERS, message);
        }
      else if (row->held_tasks == op->tasks
               && _gh_strv_same_set ((const char * const *) row->unknown_tasks,
                                     (const char * const *) op->unknown))
        _gh_assignment_set_result (row, GH_ASSIGNMENT_RESULT_DONE, NULL);
      else
        {
          g_autofree char *message = describe_difference (op, row);

          _gh_assignment_set_result (row, GH_ASSIGNMENT_RESULT_DIFFERS, message);
        }
    }
}

static void
finish_apply (GhAssignmentEditor *self,
              GTask              *task,
              gboolean            reloaded,
              GError             *error)
{
  ApplyData *data = g_task_get_task_data (task);

  g_object_freeze_notify (G_OBJECT (self));

  report_results (self, data, reloaded);
  self->stop_requested = FALSE;
  set_paused_seconds (self, 0);
  set_applying (self, FALSE);

  g_object_thaw_notify (G_OBJECT (self));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GhAssignmentEditor *self = GH_ASSIGNMENT_EDITOR (source);
  gboolean reloaded;

  reloaded = gh_assignment_editor_load_finish (self, result, &error);
  if (!reloaded)
    g_debug ("Could not read the assigned users again: %s", error->message);

  finish_apply (self, task, reloaded, NULL);
}

/* The queue is done, stopped or cancelled: rows that were not sent keep their edits. */
static void
end_queue (GhAssignmentEditor *self,
           GTask              *task,
           GError             *error)
{
  ApplyData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) undo = NULL;

  for (guint i = data->index; i < data->ops->len; i++)
    {
      ApplyOp *op = g_ptr_array_index (data->ops, i);

      if (op->row != NULL && !op->sent && !op->failed)
        _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_NONE, NULL);
    }

  if (data->is_undo)
    set_undo (self, NULL);
  else
    {
      for (guint i = 0; i < data->ops->len; i++)
        {
          ApplyOp *op = g_ptr_array_index (data->ops, i);

          if (!op->sent)
            continue;
          if (undo == NULL)
            undo = g_ptr_array_new_with_free_func ((GDestroyNotify) apply_op_free);
          g_ptr_array_add (undo, apply_op_new_inverse (op));
        }
      /* An apply where nothing went through leaves the previous undo in place. */
      if (undo != NULL)
        set_undo (self, g_steal_pointer (&undo));
    }

  /* While Meta rate-limits the account, every call extends the block: no reload then. */
  if (error != NULL || data->skip_reload)
    {
      finish_apply (self, task, FALSE, error);
      return;
    }

  _gh_assignment_editor_start_load (self, g_task_get_cancellable (task), reloaded_cb,
                                    g_object_ref (task));
}

static gboolean
countdown_cb (gpointer user_data)
{
  GhAssignmentEditor *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (self->paused_task)))
    {
      self->countdown_id = 0;
      task = g_steal_pointer (&self->paused_task);
      end_queue (self, task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                  _("Applying the changes was cancelled.")));
      return G_SOURCE_REMOVE;
    }

  set_paused_seconds (self, self->paused_seconds > 0 ? self->paused_seconds - 1 : 0);
  if (self->paused_seconds > 0)
    return G_SOURCE_CONTINUE;

  self->countdown_id = 0;
  task = g_steal_pointer (&self->paused_task);
  send_next_op (self, g_steal_pointer (&task));

  return G_SOURCE_REMOVE;
}

static void
op_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GhAssignmentEditor *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);
  ApplyOp *op = g_ptr_array_index (data->ops, data->index);

  root = gh_graph_client_request_finish (GH_GRAPH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      end_queue (self, task, g_steal_pointer (&error));
      return;
    }

  if (g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED))
    {
      guint seconds = gh_graph_error_get_retry_after (error);

      /* The same request goes again by itself once the wait is over. */
      if (op->row != NULL)
        _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_QUEUED,
                                   _("Meta asked Gatehouse to wait: this change is sent again "
                                     "when the pause is over."));
      if (self->stop_requested)
        {
          data->skip_reload = TRUE;
          end_queue (self, task, NULL);
          return;
        }
      self->paused_task = g_steal_pointer (&task);
      set_paused_seconds (self, seconds > 0 ? seconds : DEFAULT_PAUSE_SECONDS);
      self->countdown_id = g_timeout_add_seconds (1, countdown_cb, self);
      return;
    }

  if (error == NULL)
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *success = json_object_get_member (object, "success");

      if (success != NULL && JSON_NODE_HOLDS_VALUE (success)
          && json_node_get_value_type (success) == G_TYPE_BOOLEAN
          && !json_node_get_boolean (success))
        error = gh_graph_error_new_literal (GH_GRAPH_ERROR_UNKNOWN, NULL);
    }

  if (error != NULL)
    {
      g_autofree char *message = describe_error (error);

      op->failed = TRUE;
      if (op->row != NULL)
        _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED, message);
    }
  else
    {
      op->sent = TRUE;
      if (op->row != NULL)
        mark_applied (self, op->row, op);
    }

  data->index++;
  set_apply_progress (self, data->index, data->ops->len);
  send_next_op (self, g_steal_pointer (&task));
}

static void
send_next_op (GhAssignmentEditor *self,
              GTask              *task_in)
{
  g_autoptr(GTask) task = task_in;
  ApplyData *data = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  g_autofree char *tasks_json = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  ApplyOp *op;

  /* A new row without any task would only be refused: say so instead of asking. */
  while (data->index < data->ops->len
         && (op = g_ptr_array_index (data->ops, data->index))->unsendable)
    {
      op->failed = TRUE;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED,
                                 _("Choose at least one task for this person, or remove them "
                                   "from the list."));
      data->index++;
      set_apply_progress (self, data->index, data->ops->len);
    }

  if (data->index >= data->ops->len || self->stop_requested)
    {
      end_queue (self, task, NULL);
      return;
    }

  op = g_ptr_array_index (data->ops, data->index);
  if (op->row != NULL)
    _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_SENDING, NULL);

  path = g_strconcat (self->waba_id, "/assigned_users", NULL);
  if (op->is_delete)
    {
      const char * const params[] = { "user", op->id, NULL };

      gh_graph_client_request_async (self->client, "DELETE", path, params,
                                     cancellable, op_sent_cb, g_steal_pointer (&task));
    }
  else
    {
      const char *params[] = { "user", op->id, "tasks", NULL, NULL };

      /* Unknown tasks go back exactly as Meta sent them, or Meta would drop them. */
      tasks_json = gh_task_flags_to_json (op->tasks, (const char * const *) op->unknown);
      params[3] = tasks_json;
      gh_graph_client_request_async (self->client, "POST", path,
                                     (const char * const *) params,
                                     cancellable, op_sent_cb, g_steal_pointer (&task));
    }
}

static void
start_queue (GhAssignmentEditor *self,
             GTask              *task_in,
             GPtrArray          *ops,
             gboolean            is_undo)
{
  g_autoptr(GTask) task = task_in;
  ApplyData *data = g_new0 (ApplyData, 1);

  data->ops = ops;
  data->is_undo = is_undo;
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);

  g_object_freeze_notify (G_OBJECT (self));
  self->stop_requested = FALSE;
  set_applying (self, TRUE);
  set_apply_progress (self, 0, ops->len);
  for (guint i = 0; i < ops->len; i++)
    {
      ApplyOp *op = g_ptr_array_index (ops, i);

      if (op->row != NULL)
        _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_QUEUED, NULL);
    }
  g_object_thaw_notify (G_OBJECT (self));

  send_next_op (self, g_steal_pointer (&task));
}

static gboolean
finish_queue_task (GAsyncResult  *result,
                   guint         *n_failed,
                   GError       **error)
{
  ApplyData *data = g_task_get_task_data (G_TASK (result));

  if (n_failed != NULL)
    *n_failed = data != NULL ? data->n_failed : 0;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Public API */

void
gh_assignment_editor_apply_async (GhAssignmentEditor  *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) ops = NULL;

  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_assignment_editor_apply_async);

  if (!_gh_assignment_editor_check_can_start (self, task))
    return;

  ops = g_ptr_array_new_with_free_func ((GDestroyNotify) apply_op_free);
  _gh_assignment_editor_foreach_row (self, collect_changed_cb, ops);
  if (ops->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There are no changes to apply."));
      return;
    }

  start_queue (self, g_steal_pointer (&task), g_steal_pointer (&ops), FALSE);
}

gboolean
gh_assignment_editor_apply_finish (GhAssignmentEditor  *self,
                                   GAsyncResult        *result,
                                   guint               *n_failed,
                                   GError             **error)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == gh_assignment_editor_apply_async, FALSE);

  return finish_queue_task (result, n_failed, error);
}

void
gh_assignment_editor_retry_now (GhAssignmentEditor *self)
{
  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));

  if (self->paused_task == NULL)
    return;

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  set_paused_seconds (self, 0);
  send_next_op (self, g_steal_pointer (&self->paused_task));
}

void
gh_assignment_editor_stop (GhAssignmentEditor *self)
{
  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));

  if (!self->applying)
    return;

  self->stop_requested = TRUE;

  if (self->paused_task != NULL)
    {
      GTask *task = g_steal_pointer (&self->paused_task);
      ApplyData *data = g_task_get_task_data (task);

      g_clear_handle_id (&self->countdown_id, g_source_remove);
      set_paused_seconds (self, 0);
      data->skip_reload = TRUE;
      end_queue (self, task, NULL);
      g_object_unref (task);
    }
}

void
gh_assignment_editor_undo_async (GhAssignmentEditor  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) ops = NULL;

  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_assignment_editor_undo_async);

  if (!_gh_assignment_editor_check_can_start (self, task))
    return;

  if (self->undo == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is nothing to undo."));
      return;
    }

  ops = g_ptr_array_new_with_free_func ((GDestroyNotify) apply_op_free);
  for (guint i = 0; i < self->undo->len; i++)
    {
      ApplyOp *saved = g_ptr_array_index (self->undo, i);
      ApplyOp *op = g_new0 (ApplyOp, 1);
      GhAssignment *row = g_hash_table_lookup (self->rows_by_id, saved->id);

      op->id = g_strdup (saved->id);
      op->row = row != NULL ? g_object_ref (row) : NULL;
      op->is_delete = saved->is_delete;
      op->tasks = saved->tasks;
      op->unknown = g_strdupv (saved->unknown);
      g_ptr_array_add (ops, op);
    }

  start_queue (self, g_steal_pointer (&task), g_steal_pointer (&ops), TRUE);
}

gboolean
gh_assignment_editor_undo_finish (GhAssignmentEditor  *self,
                                  GAsyncResult        *result,
                                  guint               *n_failed,
                                  GError             **error)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == gh_assignment_editor_undo_async, FALSE);

  return finish_queue_task (result, n_failed, error);
}
