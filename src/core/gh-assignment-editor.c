/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"
#include "gh-csv.h"

#define MAX_ID_LENGTH 32

G_DEFINE_FINAL_TYPE (GhAssignmentEditor, gh_assignment_editor, G_TYPE_OBJECT)

static GParamSpec *properties[GH_ASSIGNMENT_EDITOR_N_PROPS];

/* Internal API */

gboolean
_gh_is_graph_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > MAX_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

void
_gh_assignment_editor_notify (GhAssignmentEditor     *self,
                              GhAssignmentEditorProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Every row the editor owns counts towards n-changes, including rows a running load has
 * not placed again yet: their edits are still waiting. */
void
_gh_assignment_editor_update_state (GhAssignmentEditor *self,
                                    GhAssignment       *row)
{
  GhAssignmentState state = _gh_assignment_compute_state (row);
  guint n_changes = self->n_changes;

  if (state == row->state)
    return;

  if (row->state != GH_ASSIGNMENT_STATE_UNCHANGED)
    n_changes--;
  if (state != GH_ASSIGNMENT_STATE_UNCHANGED)
    n_changes++;

  row->state = state;
  _gh_assignment_notify (row, GH_ASSIGNMENT_PROP_STATE);

  if (n_changes != self->n_changes)
    {
      self->n_changes = n_changes;
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_N_CHANGES);
    }
}

void
_gh_assignment_editor_forget_row (GhAssignmentEditor *self,
                                  GhAssignment       *row)
{
  if (row->state != GH_ASSIGNMENT_STATE_UNCHANGED)
    {
      self->n_changes--;
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_N_CHANGES);
    }
}

void
_gh_assignment_editor_merge_row (GhAssignmentEditor *self,
                                 GhAssignment       *row,
                                 GhAssignedUser     *user)
{
  GhTaskFlags held = gh_assigned_user_get_tasks (user);

  g_object_freeze_notify (G_OBJECT (row));

  _gh_assignment_set_name (row, gh_assigned_user_get_name (user));
  if (row->is_system_user != gh_assigned_user_is_system_user (user))
    {
      row->is_system_user = gh_assigned_user_is_system_user (user);
      _gh_assignment_notify (row, GH_ASSIGNMENT_PROP_IS_SYSTEM_USER);
    }

  /* "Applied" speaks of what Meta held after the change; when Meta now holds something
   * else, the word no longer says what the row shows. */
  if (row->result == GH_ASSIGNMENT_RESULT_DONE && row->held_tasks != held)
    _gh_assignment_set_result (row, GH_ASSIGNMENT_RESULT_NONE, NULL);
  if (row->state == GH_ASSIGNMENT_STATE_UNCHANGED)
    _gh_assignment_set_tasks (row, held);
  _gh_assignment_set_held (row, held, gh_assigned_user_get_unknown_tasks (user));
  row->is_new = FALSE;
  _gh_assignment_editor_update_state (self, row);

  g_object_thaw_notify (G_OBJECT (row));
}

void
_gh_assignment_editor_foreach_row (GhAssignmentEditor  *self,
                                   GhAssignmentRowFunc  func,
                                   gpointer             user_data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (!func (row, user_data))
        return;
    }

  if (self->pending != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (!func (value, user_data))
          return;
    }
}

GhAssignment *
_gh_assignment_editor_find_row (GhAssignmentEditor *self,
                                const char         *id)
{
  GhAssignment *row = g_hash_table_lookup (self->rows_by_id, id);

  if (row == NULL && self->pending != NULL)
    row = g_hash_table_lookup (self->pending, id);

  return row;
}

gboolean
_gh_assignment_editor_check_can_start (GhAssignmentEditor *self,
                                       GTask              *task)
{
  if (self->applying)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("Changes are being applied already."));
      return FALSE;
    }
  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The list is still being read. Try again when it is done."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
find_position (GhAssignmentEditor *self,
               GhAssignment       *row,
               guint              *position)
{
  return g_list_store_find (self->rows, row, position);
}

void
_gh_assignment_editor_place_row (GhAssignmentEditor *self,
                                 GhAssignment       *row)
{
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (g_hash_table_contains (self->rows_by_id, row->id))
    return;

  while (position > 0)
    {
      g_autoptr(GhAssignment) before = g_list_model_get_item (G_LIST_MODEL (self->rows),
                                                              position - 1);

      if (!before->is_new)
        break;
      position--;
    }

  g_hash_table_replace (self->rows_by_id, row->id, g_object_ref (row));
  g_list_store_insert (self->rows, position, row);
}

void
_gh_assignment_editor_drop_row (GhAssignmentEditor *self,
                                GhAssignment       *row)
{
  guint position;

  g_object_ref (row);
  _gh_assignment_editor_forget_row (self, row);
  if (find_position (self, row, &position))
    g_list_store_remove (self->rows, position);
  if (g_hash_table_lookup (self->rows_by_id, row->id) == row)
    g_hash_table_remove (self->rows_by_id, row->id);
  g_object_unref (row);
}

/* Lock-out */

typedef struct
{
  GhAssignment *except;
  gboolean      found;
} FullControlSearch;

static gboolean
find_other_full_control_cb (GhAssignment *row,
                            gpointer      user_data)
{
  FullControlSearch *search = user_data;

  if (row != search->except && _gh_assignment_stages_full_control (row))
    search->found = TRUE;

  return !search->found;
}

static gboolean
count_full_control_cb (GhAssignment *row,
                       gpointer      user_data)
{
  guint *count = user_data;

  if (!row->is_new && (row->held_tasks & GH_TASK_MANAGE) != 0)
    (*count)++;

  return TRUE;
}

/* CSV */

static gboolean
append_csv_row_cb (GhAssignment *row,
                   gpointer      user_data)
{
  GhCsvWriter *csv = user_data;
  g_autofree char *tasks = NULL;
  g_auto(GStrv) wires = NULL;

  if (row->is_new)
    return TRUE;

  wires = gh_task_flags_to_strv (row->held_tasks, (const char * const *) row->unknown_tasks);
  tasks = g_strjoinv (" ", wires);

  /* The name as Meta sent it, so that the file says what Meta holds; a blank one is empty
   * rather than a lone space. */
  gh_csv_writer_add_cell (csv, g_strcmp0 (row->display_name, row->id) == 0 ? "" : row->name);
  gh_csv_writer_add_cell (csv, row->id);
  gh_csv_writer_add_cell (csv, row->is_system_user ? "SYSTEM_USER" : "BUSINESS_USER");
  gh_csv_writer_add_cell (csv, tasks);
  gh_csv_writer_end_row (csv);

  return TRUE;
}

/* GhAssignmentEditor overrides */

static void
gh_assignment_editor_dispose (GObject *object)
{
  GhAssignmentEditor *self = (GhAssignmentEditor *)object;

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_object (&self->paused_task);

  G_OBJECT_CLASS (gh_assignment_editor_parent_class)->dispose (object);
}

static void
gh_assignment_editor_finalize (GObject *object)
{
  GhAssignmentEditor *self = (GhAssignmentEditor *)object;

  g_clear_object (&self->client);
  g_clear_pointer (&self->waba_id, g_free);
  g_clear_pointer (&self->business_id, g_free);
  g_clear_pointer (&self->own_user_id, g_free);
  g_clear_pointer (&self->rows_by_id, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->undo, g_ptr_array_unref);

  G_OBJECT_CLASS (gh_assignment_editor_parent_class)->finalize (object);
}

static void
gh_assignment_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GhAssignmentEditor *self = GH_ASSIGNMENT_EDITOR (object);

  switch (prop_id)
    {
    case GH_ASSIGNMENT_EDITOR_PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_WABA_ID:
      g_value_set_string (value, self->waba_id);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_BUSINESS_ID:
      g_value_set_string (value, self->business_id);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_OWN_USER_ID:
      g_value_set_string (value, self->own_user_id);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_MODEL:
      g_value_set_object (value, self->rows);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_LOADED:
      g_value_set_uint (value, self->loaded);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_N_CHANGES:
      g_value_set_uint (value, self->n_changes);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_APPLYING:
      g_value_set_boolean (value, self->applying);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_APPLY_DONE:
      g_value_set_uint (value, self->apply_done);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_APPLY_TOTAL:
      g_value_set_uint (value, self->apply_total);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_PAUSED_SECONDS:
      g_value_set_uint (value, self->paused_seconds);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_assignment_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  GhAssignmentEditor *self = GH_ASSIGNMENT_EDITOR (object);

  switch (prop_id)
    {
    case GH_ASSIGNMENT_EDITOR_PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_WABA_ID:
      self->waba_id = g_value_dup_string (value);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_BUSINESS_ID:
      self->business_id = g_value_dup_string (value);
      break;

    case GH_ASSIGNMENT_EDITOR_PROP_OWN_USER_ID:
      self->own_user_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_assignment_editor_class_init (GhAssignmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gh_assignment_editor_dispose;
  object_class->finalize = gh_assignment_editor_finalize;
  object_class->get_property = gh_assignment_editor_get_property;
  object_class->set_property = gh_assignment_editor_set_property;

  properties[GH_ASSIGNMENT_EDITOR_PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, GH_TYPE_GRAPH_CLIENT, construct);
  properties[GH_ASSIGNMENT_EDITOR_PROP_WABA_ID] =
    g_param_spec_string ("waba-id", NULL, NULL, NULL, construct);
  properties[GH_ASSIGNMENT_EDITOR_PROP_BUSINESS_ID] =
    g_param_spec_string ("business-id", NULL, NULL, NULL, construct);
  properties[GH_ASSIGNMENT_EDITOR_PROP_OWN_USER_ID] =
    g_param_spec_string ("own-user-id", NULL, NULL, NULL, construct);
  properties[GH_ASSIGNMENT_EDITOR_PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_LOADED] =
    g_param_spec_uint ("loaded", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_N_CHANGES] =
    g_param_spec_uint ("n-changes", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_APPLYING] =
    g_param_spec_boolean ("applying", NULL, NULL, FALSE, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_APPLY_DONE] =
    g_param_spec_uint ("apply-done", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_APPLY_TOTAL] =
    g_param_spec_uint ("apply-total", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_PAUSED_SECONDS] =
    g_param_spec_uint ("paused-seconds", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[GH_ASSIGNMENT_EDITOR_PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, readable);

  g_object_class_install_properties (object_class, GH_ASSIGNMENT_EDITOR_N_PROPS, properties);
  _gh_assignment_editor_add_signals (object_class);
}

static void
gh_assignment_editor_init (GhAssignmentEditor *self)
{
  self->rows = g_list_store_new (GH_TYPE_ASSIGNMENT);
  self->rows_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->total = -1;
  self->needs_full_load = TRUE;
}

/* GhAssignmentEditor public API */

GhAssignmentEditor *
gh_assignment_editor_new (GhGraphClient *client,
                          const char    *waba_id,
                          const char    *business_id,
                          const char    *own_user_id)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (client), NULL);
  g_return_val_if_fail (waba_id != NULL, NULL);

  return g_object_new (GH_TYPE_ASSIGNMENT_EDITOR,
                       "client", client,
                       "waba-id", waba_id,
                       "business-id", business_id,
                       "own-user-id", own_user_id,
                       NULL);
}

const char *
gh_assignment_editor_get_waba_id (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), NULL);

  return self->waba_id;
}

GListModel *
gh_assignment_editor_get_model (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), NULL);

  return G_LIST_MODEL (self->rows);
}

gboolean
gh_assignment_editor_get_loading (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), FALSE);

  return self->loading;
}

guint
gh_assignment_editor_get_loaded (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), 0);

  return self->loaded;
}

gint64
gh_assignment_editor_get_total (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), -1);

  return self->total;
}

guint
gh_assignment_editor_get_n_changes (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), 0);

  return self->n_changes;
}

gboolean
gh_assignment_editor_get_applying (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), FALSE);

  return self->applying;
}

guint
gh_assignment_editor_get_apply_done (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), 0);

  return self->apply_done;
}

guint
gh_assignment_editor_get_apply_total (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), 0);

  return self->apply_total;
}

guint
gh_assignment_editor_get_paused_seconds (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), 0);

  return self->paused_seconds;
}

gboolean
gh_assignment_editor_get_can_undo (GhAssignmentEditor *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), FALSE);

  return self->undo != NULL;
}

guint
gh_assignment_editor_count_full_control (GhAssignmentEditor *self)
{
  guint count = 0;

  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), 0);

  _gh_assignment_editor_foreach_row (self, count_full_control_cb, &count);

  return count;
}

void
gh_assignment_editor_set_tasks (GhAssignmentEditor *self,
                                GhAssignment       *row,
                                GhTaskFlags         tasks)
{
  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (GH_IS_ASSIGNMENT (row));

  /* The requests in flight carry the edits they were built from. */
  if (self->applying)
    return;

  tasks &= GH_TASK_ALL_KNOWN;

  g_object_freeze_notify (G_OBJECT (row));
  _gh_assignment_set_tasks (row, tasks);
  /* Nothing left to hold is a removal; any task again brings the row back. */
  row->removed = !row->is_new && tasks == GH_TASK_NONE
                 && _gh_strv_is_empty ((const char * const *) row->unknown_tasks);
  _gh_assignment_set_result (row, GH_ASSIGNMENT_RESULT_NONE, NULL);
  _gh_assignment_editor_update_state (self, row);
  g_object_thaw_notify (G_OBJECT (row));
}

void
gh_assignment_editor_set_task (GhAssignmentEditor *self,
                               GhAssignment       *row,
                               GhTaskFlags         task,
                               gboolean            enabled)
{
  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (GH_IS_ASSIGNMENT (row));

  gh_assignment_editor_set_tasks (self, row, enabled ? row->tasks | task : row->tasks & ~task);
}

void
gh_assignment_editor_set_removed (GhAssignmentEditor *self,
                                  GhAssignment       *row,
                                  gboolean            removed)
{
  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (GH_IS_ASSIGNMENT (row));

  if (self->applying)
    return;

  if (row->is_new)
    {
      if (removed)
        _gh_assignment_editor_drop_row (self, row);
      return;
    }

  g_object_freeze_notify (G_OBJECT (row));
  row->removed = !!removed;
  /* Restoring a row whose tasks were all unticked brings back what Meta holds. */
  if (!removed && row->tasks == GH_TASK_NONE)
    _gh_assignment_set_tasks (row, row->held_tasks);
  _gh_assignment_set_result (row, GH_ASSIGNMENT_RESULT_NONE, NULL);
  _gh_assignment_editor_update_state (self, row);
  g_object_thaw_notify (G_OBJECT (row));
}

GhLockout
gh_assignment_editor_check_lockout (GhAssignmentEditor *self,
                                    GhAssignment       *row,
                                    GhTaskFlags         tasks,
                                    gboolean            remove)
{
  FullControlSearch search = { row, FALSE };
  GhLockout lockout = GH_LOCKOUT_NONE;
  gboolean removes;
  gboolean loses_full_control;

  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), GH_LOCKOUT_NONE);
  g_return_val_if_fail (GH_IS_ASSIGNMENT (row), GH_LOCKOUT_NONE);

  if (row->state == GH_ASSIGNMENT_STATE_REMOVED)
    return GH_LOCKOUT_NONE;

  removes = remove || (!row->is_new && (tasks & GH_TASK_ALL_KNOWN) == GH_TASK_NONE
                       && _gh_strv_is_empty ((const char * const *) row->unknown_tasks));
  loses_full_control = _gh_assignment_stages_full_control (row)
                       && (removes || (tasks & GH_TASK_MANAGE) == 0);

  if (row->is_own && (removes || loses_full_control))
    lockout |= GH_LOCKOUT_OWN_ACCESS;

  if (loses_full_control)
    {
      _gh_assignment_editor_foreach_row (self, find_other_full_control_cb, &search);
      if (!search.found)
        lockout |= GH_LOCKOUT_LAST_FULL_CONTROL;
    }

  return lockout;
}

GhAssignment *
gh_assignment_editor_add (GhAssignmentEditor  *self,
                          const char          *user_id,
                          const char          *name,
                          gboolean             is_system_user,
                          GhTaskFlags          tasks,
                          GError             **error)
{
  g_autofree char *id = NULL;
  GhAssignment *row;

  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->applying)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Wait until the changes being applied are done."));
      return NULL;
    }

  /* A pasted ID often brings spaces along. */
  id = g_strstrip (g_strdup (user_id ? user_id : ""));
  if (!_gh_is_graph_id (id))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A user ID is a long number, like 1972385232742142. Copy it from "
                             "Business settings → Users."));
      return NULL;
    }

  if ((row = _gh_assignment_editor_find_row (self, id)) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s is in the list already."), row->display_name);
      return NULL;
    }

  row = _gh_assignment_new (id, name, is_system_user, self->own_user_id);
  row->is_new = TRUE;
  row->tasks = tasks & GH_TASK_ALL_KNOWN;
  row->state = GH_ASSIGNMENT_STATE_UNCHANGED;
  _gh_assignment_editor_update_state (self, row);

  g_hash_table_replace (self->rows_by_id, row->id, g_object_ref (row));
  g_list_store_append (self->rows, row);
  g_object_unref (row);

  return row;
}

static gboolean
discard_row_cb (GhAssignment *row,
                gpointer      user_data)
{
  GPtrArray *dropped = user_data;

  if (row->is_new)
    g_ptr_array_add (dropped, g_object_ref (row));

  return TRUE;
}

void
gh_assignment_editor_discard (GhAssignmentEditor *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  guint n;

  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));

  if (self->applying)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  dropped = g_ptr_array_new_with_free_func (g_object_unref);
  _gh_assignment_editor_foreach_row (self, discard_row_cb, dropped);
  for (guint i = 0; i < dropped->len; i++)
    _gh_assignment_editor_drop_row (self, g_ptr_array_index (dropped, i));

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->rows), i));
  if (self->pending != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (rows, g_object_ref (value));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      GhAssignment *row = g_ptr_array_index (rows, i);

      if (row->state == GH_ASSIGNMENT_STATE_UNCHANGED)
        continue;

      g_object_freeze_notify (G_OBJECT (row));
      row->removed = FALSE;
      _gh_assignment_set_tasks (row, row->held_tasks);
      _gh_assignment_set_result (row, GH_ASSIGNMENT_RESULT_NONE, NULL);
      _gh_assignment_editor_update_state (self, row);
      g_object_thaw_notify (G_OBJECT (row));
    }

  g_object_thaw_notify (G_OBJECT (self));
}

char *
gh_assignment_editor_to_csv (GhAssignmentEditor *self)
{
  GhCsvWriter *csv;

  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), NULL);

  csv = gh_csv_writer_new ();
  gh_csv_writer_add_row (csv, "name", "id", "type", "tasks", NULL);
  _gh_assignment_editor_foreach_row (self, append_csv_row_cb, csv);

  return gh_csv_writer_free_to_string (csv);
}
