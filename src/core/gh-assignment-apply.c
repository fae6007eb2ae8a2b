/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"
#include "gh-graph-error.h"

/* The queue that sends staged edits to Meta, waits out its rate limits, reports each row's
 * result and keeps the inverse of the last apply for undo.
 *
 * Every write is an operation of a batch request, up to GH_GRAPH_MAX_BATCH a batch, one
 * batch after another: 50 edits are one round trip.  Each operation still counts against
 * the account's 200 calls an hour, so nothing is sent twice blindly: an operation Meta did
 * not answer (a null item, or a batch whose answer never came) is read back, not resent,
 * and after a rate-limit pause one operation goes first, so that a limit still in force
 * costs one refused call rather than a batch of them.
 *
 * Meta's answer to an operation is {"success": true} or an error; what a POST leaves is not
 * documented (it may replace the person's tasks or add to them).  Both readings agree when
 * the POST leaves out nothing the person held, and a DELETE removes all their access: those
 * outcomes need no call.  Only the rows where the readings differ, and the unanswered ones,
 * are read back, from the first page until all have been seen (gh-assignment-load.c). */

#define DEFAULT_PAUSE_SECONDS 60

static void send_next_batch (GhAssignmentEditor *self,
                             GTask              *task);

static char *
describe_error (const GError *error)
{
  if (error->domain == GH_GRAPH_ERROR)
    return gh_graph_error_dup_sentence (error);

  return g_strdup (error->message);
}

static void
apply_data_free (GhApplyData *data)
{
  g_clear_pointer (&data->todo, g_ptr_array_unref);
  g_clear_pointer (&data->batch, g_ptr_array_unref);
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

/* Requests */

static GhApplyOp *
apply_op_new_for_row (GhAssignment *row)
{
  GhApplyOp *op = g_new0 (GhApplyOp, 1);

  op->id = g_strdup (row->id);
  op->row = g_object_ref (row);
  op->is_delete = row->state == GH_ASSIGNMENT_STATE_REMOVED;
  op->tasks = row->tasks;
  op->unknown = _gh_strv_dup_or_null ((const char * const *) row->unknown_tasks);

  op->was_held = row->state != GH_ASSIGNMENT_STATE_NEW;
  op->held_tasks = row->held_tasks;
  op->held_unknown = _gh_strv_dup_or_null ((const char * const *) row->unknown_tasks);

  return op;
}

/* A new row without any task would only be refused. */
static gboolean
apply_op_is_sendable (GhApplyOp *op)
{
  return op->is_delete || op->tasks != GH_TASK_NONE
         || !_gh_strv_is_empty ((const char * const *) op->unknown);
}

/* Whether Meta replaces or adds on a POST matters only when it leaves out a held task. */
static gboolean
apply_op_may_differ (GhApplyOp *op)
{
  if (op->is_delete || !op->was_held)
    return FALSE;
  if ((op->held_tasks & ~op->tasks) != 0)
    return TRUE;
  for (guint i = 0; op->held_unknown != NULL && op->held_unknown[i] != NULL; i++)
    if (op->unknown == NULL || !g_strv_contains ((const char * const *) op->unknown,
                                                 op->held_unknown[i]))
      return TRUE;

  return FALSE;
}

static GhGraphBatchRequest *
apply_op_to_request (GhAssignmentEditor *self,
                     GhApplyOp          *op)
{
  g_autofree char *user = g_uri_escape_string (op->id, NULL, FALSE);
  g_autofree char *tasks = NULL;
  g_autofree char *tasks_escaped = NULL;
  g_autofree char *url = NULL;
  GhGraphBatchRequest *request;

  if (op->is_delete)
    {
      url = g_strdup_printf ("%s/assigned_users?user=%s", self->waba_id, user);
      return gh_graph_batch_request_new ("DELETE", url);
    }

  /* Unknown tasks go back exactly as Meta sent them, or Meta would drop them. */
  tasks = gh_task_flags_to_json (op->tasks, (const char * const *) op->unknown);
  tasks_escaped = g_uri_escape_string (tasks, NULL, FALSE);
  url = g_strdup_printf ("%s/assigned_users", self->waba_id);
  request = gh_graph_batch_request_new ("POST", url);
  request->body = g_strdup_printf ("user=%s&tasks=%s", user, tasks_escaped);

  return request;
}

/* A null item (Meta's time ran out, maybe after the write) or one whose answer cannot be
 * read: whether Meta made the change is open.  An item with an error object was refused. */
static gboolean
item_left_open (GhGraphBatchResult *item)
{
  return item == NULL
         || g_error_matches (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT)
         || g_error_matches (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
}

/* A batch whose answer never came, or came broken: Meta may have run it. */
static gboolean
batch_left_open (const GError *error)
{
  return g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK)
         || g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT)
         || g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE)
         || g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
}

/* Puts @ops first in line again, in their order. */
static void
requeue (GhApplyData *data,
         GPtrArray   *ops)
{
  for (guint i = ops->len; i > 0; i--)
    {
      GhApplyOp *op = g_ptr_array_index (ops, i - 1);

      op->status = GH_APPLY_OP_WAITING;
      g_ptr_array_insert (data->todo, 0, op);
    }
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

/* The queue is over: each row gets its result, and the apply its undo. */
static void
finish_apply (GhAssignmentEditor *self,
              GTask              *task,
              GHashTable         *seen,
              gboolean            complete,
              GError             *error)
{
  GhApplyData *data = g_task_get_task_data (task);

  g_object_freeze_notify (G_OBJECT (self));

  _gh_assignment_editor_report (self, data, seen, complete);
  self->stop_requested = FALSE;
  set_paused_seconds (self, 0);
  set_applying (self, FALSE);

  g_object_thaw_notify (G_OBJECT (self));

  _gh_assignment_editor_emit_settled (self, data, seen);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
read_back_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GhAssignmentEditor *self = GH_ASSIGNMENT_EDITOR (source);
  gboolean complete = FALSE;

  seen = _gh_assignment_editor_read_back_finish (self, result, &complete, &error);
  if (seen == NULL)
    g_debug ("Could not read the assigned users back: %s", error->message);

  finish_apply (self, task, seen, complete, NULL);
}

/* Sending is over (done, stopped or cancelled): rows not sent keep their edits, and the
 * rows Meta's answers leave open are read back. */
static void
end_queue (GhAssignmentEditor *self,
           GTask              *task,
           GError             *error)
{
  GhApplyData *data = g_task_get_task_data (task);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < data->todo->len; i++)
    {
      GhApplyOp *op = g_ptr_array_index (data->todo, i);

      op->status = GH_APPLY_OP_WAITING;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_NONE, NULL);
    }

  for (guint i = 0; i < data->ops->len; i++)
    {
      GhApplyOp *op = g_ptr_array_index (data->ops, i);

      if (op->status == GH_APPLY_OP_UNANSWERED || (op->status == GH_APPLY_OP_DONE && op->check))
        g_hash_table_add (wanted, op->id);
    }

  /* While Meta rate-limits the account, every call extends the block: no read-back then. */
  if (error != NULL || data->skip_read_back || g_hash_table_size (wanted) == 0)
    {
      finish_apply (self, task, NULL, FALSE, error);
      return;
    }

  _gh_assignment_editor_read_back_async (self, wanted, g_task_get_cancellable (task),
                                         read_back_cb, g_object_ref (task));
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
  send_next_batch (self, g_steal_pointer (&task));

  return G_SOURCE_REMOVE;
}

/* Meta refused @ops for its rate limit: they go again, first in line, once the wait is
 * over. */
static void
pause_queue (GhAssignmentEditor *self,
             GTask              *task_in,
             GPtrArray          *ops,
             guint               seconds)
{
  g_autoptr(GTask) task = task_in;
  GhApplyData *data = g_task_get_task_data (task);

  for (guint i = 0; i < ops->len; i++)
    {
      GhApplyOp *op = g_ptr_array_index (ops, i);

      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_QUEUED,
                                 _("Meta asked Gatehouse to wait: this change is sent again "
                                   "when the pause is over."));
    }
  requeue (data, ops);
  data->probe = TRUE;

  if (self->stop_requested)
    {
      data->skip_read_back = TRUE;
      end_queue (self, task, NULL);
      return;
    }

  self->paused_task = g_steal_pointer (&task);
  set_paused_seconds (self, seconds > 0 ? seconds : DEFAULT_PAUSE_SECONDS);
  self->countdown_id = g_timeout_add_seconds (1, countdown_cb, self);
}

static void
fail_op (GhApplyData  *data,
         GhApplyOp    *op,
         const GError *error)
{
  g_autofree char *message = describe_error (error);

  op->status = GH_APPLY_OP_FAILED;
  data->n_done++;
  _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED, message);
}

static void
confirm_op (GhAssignmentEditor *self,
            GhApplyData        *data,
            GhApplyOp          *op)
{
  op->status = GH_APPLY_OP_DONE;
  op->check = apply_op_may_differ (op);
  data->n_done++;
  if (op->is_delete)
    data->delta--;
  else if (!op->was_held)
    data->delta++;

  _gh_assignment_editor_mark_applied (self, op);
  /* Undo adding back someone no longer listed. */
  if (!op->is_delete)
    _gh_assignment_editor_place_row (self, op->row);
}

/* The whole batch failed. */
static void
batch_failed (GhAssignmentEditor *self,
              GTask              *task_in,
              GError             *error)
{
  g_autoptr(GTask) task = task_in;
  GhApplyData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) batch = g_steal_pointer (&data->batch);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Meta may or may not have run it: whoever watches must not take it as refused. */
      for (guint i = 0; i < batch->len; i++)
        ((GhApplyOp *) g_ptr_array_index (batch, i))->left_open = TRUE;
      requeue (data, batch);
      end_queue (self, task, error);
      return;
    }

  if (g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED))
    {
      pause_queue (self, g_steal_pointer (&task), batch,
                   gh_graph_error_get_retry_after (error));
      g_error_free (error);
      return;
    }

  if (batch_left_open (error))
    {
      /* Meta may have run it: read back rather than send it again. */
      for (guint i = 0; i < batch->len; i++)
        ((GhApplyOp *) g_ptr_array_index (batch, i))->status = GH_APPLY_OP_UNANSWERED;
      data->n_done += batch->len;
      set_apply_progress (self, data->n_done, data->ops->len);
      g_error_free (error);
      send_next_batch (self, g_steal_pointer (&task));
      return;
    }

  /* Refused as a whole (the token, a permission): the next batch would be refused alike. */
  g_ptr_array_extend_and_steal (batch, g_steal_pointer (&data->todo));
  data->todo = g_ptr_array_new ();
  for (guint i = 0; i < batch->len; i++)
    fail_op (data, g_ptr_array_index (batch, i), error);
  set_apply_progress (self, data->n_done, data->ops->len);
  g_error_free (error);
  end_queue (self, task, NULL);
}

static void
batch_sent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  GhAssignmentEditor *self = g_task_get_source_object (task);
  GhApplyData *data = g_task_get_task_data (task);
  guint wait = 0;

  results = gh_graph_client_batch_finish (GH_GRAPH_CLIENT (source), result, &error);
  if (results == NULL)
    {
      batch_failed (self, g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  batch = g_steal_pointer (&data->batch);
  limited = g_ptr_array_new ();
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < batch->len; i++)
    {
      GhApplyOp *op = g_ptr_array_index (batch, i);
      GhGraphBatchResult *item = i < results->len ? g_ptr_array_index (results, i) : NULL;
      g_autoptr(GError) refused = NULL;
      JsonNode *success;

      if (item_left_open (item))
        {
          op->status = GH_APPLY_OP_UNANSWERED;
          data->n_done++;
          continue;
        }

      if (g_error_matches (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED))
        {
          wait = MAX (wait, gh_graph_error_get_retry_after (item->error));
          g_ptr_array_add (limited, op);
          continue;
        }

      success = item->body != NULL && JSON_NODE_HOLDS_OBJECT (item->body)
                ? json_object_get_member (json_node_get_object (item->body), "success")
                : NULL;
      if (item->error == NULL && success != NULL && JSON_NODE_HOLDS_VALUE (success)
          && json_node_get_value_type (success) == G_TYPE_BOOLEAN
          && !json_node_get_boolean (success))
        refused = gh_graph_error_new_literal (GH_GRAPH_ERROR_UNKNOWN, NULL);

      if (item->error != NULL || refused != NULL)
        fail_op (data, op, item->error != NULL ? item->error : refused);
      else
        confirm_op (self, data, op);
    }
  set_apply_progress (self, data->n_done, data->ops->len);
  g_object_thaw_notify (G_OBJECT (self));

  if (limited->len > 0)
    {
      pause_queue (self, g_steal_pointer (&task), limited, wait);
      return;
    }

  data->probe = FALSE;
  send_next_batch (self, g_steal_pointer (&task));
}

static void
send_next_batch (GhAssignmentEditor *self,
                 GTask              *task_in)
{
  g_autoptr(GTask) task = task_in;
  g_autoptr(GPtrArray) requests = NULL;
  GhApplyData *data = g_task_get_task_data (task);
  GCancellable *cancellable;
  guint n;

  if (data->todo->len == 0 || self->stop_requested)
    {
      end_queue (self, task, NULL);
      return;
    }

  n = data->probe ? 1 : MIN (data->todo->len, GH_GRAPH_MAX_BATCH);
  data->batch = g_ptr_array_new ();
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
  for (guint i = 0; i < n; i++)
    {
      GhApplyOp *op = g_ptr_array_index (data->todo, i);

      op->status = GH_APPLY_OP_SENDING;
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_SENDING, NULL);
      g_ptr_array_add (data->batch, op);
      g_ptr_array_add (requests, apply_op_to_request (self, op));
    }
  g_ptr_array_remove_range (data->todo, 0, n);

  /* Whoever records the writes hears of them before they leave. */
  _gh_assignment_editor_emit_sending (self, data, data->batch);

  cancellable = g_task_get_cancellable (task);
  gh_graph_client_batch_async (self->client, requests, cancellable, batch_sent_cb,
                               g_steal_pointer (&task));
}

static void
start_queue (GhAssignmentEditor *self,
             GTask              *task_in,
             GPtrArray          *ops,
             gboolean            is_undo)
{
  g_autoptr(GTask) task = task_in;
  GhApplyData *data = g_new0 (GhApplyData, 1);

  data->ops = ops;
  data->todo = g_ptr_array_new ();
  data->is_undo = is_undo;
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);

  g_object_freeze_notify (G_OBJECT (self));
  self->run_serial++;
  self->stop_requested = FALSE;
  set_applying (self, TRUE);
  set_apply_progress (self, 0, ops->len);
  for (guint i = 0; i < ops->len; i++)
    {
      GhApplyOp *op = g_ptr_array_index (ops, i);

      /* Say so instead of asking. */
      if (!apply_op_is_sendable (op))
        {
          op->status = GH_APPLY_OP_FAILED;
          data->n_done++;
          _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED,
                                     _("Choose at least one task for this person, or remove "
                                       "them from the list."));
          continue;
        }
      _gh_assignment_set_result (op->row, GH_ASSIGNMENT_RESULT_QUEUED, NULL);
      g_ptr_array_add (data->todo, op);
    }
  set_apply_progress (self, data->n_done, ops->len);
  g_object_thaw_notify (G_OBJECT (self));

  send_next_batch (self, g_steal_pointer (&task));
}

static gboolean
check_can_apply (GhAssignmentEditor *self,
                 GTask              *task)
{
  if (!_gh_assignment_editor_check_can_start (self, task))
    return FALSE;

  if (!_gh_is_graph_id (self->waba_id))
    {
      g_task_return_new_error (task, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER,
                               _("“%s” is not a WhatsApp Business Account ID."),
                               self->waba_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_queue_task (GAsyncResult  *result,
                   guint         *n_failed,
                   GError       **error)
{
  GhApplyData *data = g_task_get_task_data (G_TASK (result));

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

  if (!check_can_apply (self, task))
    return;

  ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _gh_apply_op_free);
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
  /* The person asks to try before the wait is over: the client lets one call go, and if Meta
   * still limits calls, its answer starts a new wait. */
  gh_graph_client_end_wait (self->client);
  send_next_batch (self, g_steal_pointer (&self->paused_task));
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
      GhApplyData *data = g_task_get_task_data (task);

      g_clear_handle_id (&self->countdown_id, g_source_remove);
      set_paused_seconds (self, 0);
      data->skip_read_back = TRUE;
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

  if (!check_can_apply (self, task))
    return;

  if (self->undo == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is nothing to undo."));
      return;
    }

  ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _gh_apply_op_free);
  for (guint i = 0; i < self->undo->len; i++)
    {
      GhApplyOp *saved = g_ptr_array_index (self->undo, i);
      GhApplyOp *op = g_new0 (GhApplyOp, 1);
      GhAssignment *row = g_hash_table_lookup (self->rows_by_id, saved->id);

      op->id = g_strdup (saved->id);
      op->is_delete = saved->is_delete;
      op->tasks = saved->tasks;
      op->unknown = g_strdupv (saved->unknown);
      /* What Meta holds now, as far as the model knows: the row's, or none when the apply
       * took the person away. */
      op->row = g_object_ref (row != NULL ? row : saved->row);
      op->was_held = row != NULL && !row->is_new;
      if (op->was_held)
        {
          op->held_tasks = row->held_tasks;
          op->held_unknown = _gh_strv_dup_or_null ((const char * const *) row->unknown_tasks);
        }
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
