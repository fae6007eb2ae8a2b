/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"

/* What the editor tells those who watch it: the writes of an apply or undo as they go out
 * and once they settle, and each load that ended well.  The change record listens; the
 * editor works the same with nobody listening. */

static guint signals[GH_ASSIGNMENT_EDITOR_N_SIGNALS];

static GhAssignmentWrite *
write_new (GhApplyOp *op)
{
  GhAssignmentWrite *write = g_new0 (GhAssignmentWrite, 1);

  write->user_id = op->id;
  write->name = gh_assignment_get_name (op->row);
  write->is_system_user = gh_assignment_get_is_system_user (op->row);
  write->was_held = op->was_held;
  write->held_tasks = op->held_tasks;
  write->held_unknown = (const char * const *) op->held_unknown;
  write->is_delete = op->is_delete;
  write->tasks = op->tasks;
  write->unknown = (const char * const *) op->unknown;

  return write;
}

/* What came of a write that was sent, from its outcome and the row's result. */
static void
settle_write (GhAssignmentWrite *write,
              GhApplyOp         *op,
              GHashTable        *seen)
{
  GhAssignment *row = op->row;
  GhAssignmentResult result = gh_assignment_get_result (row);

  /* By default Meta holds what it held. */
  write->settled = TRUE;
  write->result = GH_ASSIGNMENT_RESULT_FAILED;
  write->message = gh_assignment_get_message (row);
  write->listed_after = op->was_held;
  write->tasks_after = op->held_tasks;
  write->unknown_after = (const char * const *) op->held_unknown;

  switch (op->status)
    {
    case GH_APPLY_OP_DONE:
    case GH_APPLY_OP_UNANSWERED:
      /* Unanswered and never read back: nobody knows. */
      if (op->status == GH_APPLY_OP_UNANSWERED && seen == NULL)
        {
          write->settled = FALSE;
          break;
        }
      if (result != GH_ASSIGNMENT_RESULT_DONE && result != GH_ASSIGNMENT_RESULT_DIFFERS)
        break;
      write->result = result;
      /* A removal that took leaves nothing; anything else, what the row holds now. */
      write->listed_after = !(op->is_delete && result == GH_ASSIGNMENT_RESULT_DONE);
      write->tasks_after = write->listed_after ? gh_assignment_get_held_tasks (row)
                                               : GH_TASK_NONE;
      write->unknown_after = write->listed_after ? gh_assignment_get_unknown_tasks (row)
                                                 : NULL;
      break;

    case GH_APPLY_OP_WAITING:
      /* Sent once, then either refused for the rate limit and stopped before it went
       * again, or in a batch cancelled in flight. */
      if (op->left_open)
        write->settled = FALSE;
      else
        write->message = _("Not made: Meta asked Gatehouse to wait, and the apply was "
                           "stopped before this change was sent again.");
      break;

    case GH_APPLY_OP_FAILED:
    case GH_APPLY_OP_SENDING:
    default:
      break;
    }
}

/* Internal API */

void
_gh_assignment_editor_add_signals (GObjectClass *object_class)
{
  signals[GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SENDING] =
    g_signal_new ("writes-sending", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_BOOLEAN,
                  G_TYPE_POINTER);
  signals[GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SETTLED] =
    g_signal_new ("writes-settled", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_BOOLEAN,
                  G_TYPE_POINTER);
  signals[GH_ASSIGNMENT_EDITOR_SIGNAL_LIST_READ] =
    g_signal_new ("list-read", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

void
_gh_assignment_editor_emit_sending (GhAssignmentEditor *self,
                                    GhApplyData        *data,
                                    GPtrArray          *batch)
{
  g_autoptr(GPtrArray) writes = NULL;

  for (guint i = 0; i < batch->len; i++)
    ((GhApplyOp *) g_ptr_array_index (batch, i))->sent = TRUE;

  if (!g_signal_has_handler_pending (self, signals[GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SENDING],
                                     0, FALSE))
    return;

  writes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (writes, write_new (g_ptr_array_index (batch, i)));

  g_signal_emit (self, signals[GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SENDING], 0,
                 self->run_serial, data->is_undo, writes);
}

void
_gh_assignment_editor_emit_settled (GhAssignmentEditor *self,
                                    GhApplyData        *data,
                                    GHashTable         *seen)
{
  g_autoptr(GPtrArray) writes = NULL;

  if (!g_signal_has_handler_pending (self, signals[GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SETTLED],
                                     0, FALSE))
    return;

  writes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < data->ops->len; i++)
    {
      GhApplyOp *op = g_ptr_array_index (data->ops, i);
      GhAssignmentWrite *write;

      if (!op->sent)
        continue;
      write = write_new (op);
      settle_write (write, op, seen);
      g_ptr_array_add (writes, write);
    }

  if (writes->len > 0)
    g_signal_emit (self, signals[GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SETTLED], 0,
                   self->run_serial, data->is_undo, writes);
}

void
_gh_assignment_editor_emit_list_read (GhAssignmentEditor *self,
                                      gboolean            complete)
{
  g_signal_emit (self, signals[GH_ASSIGNMENT_EDITOR_SIGNAL_LIST_READ], 0, complete);
}
