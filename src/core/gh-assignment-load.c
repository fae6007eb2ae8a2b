/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"
#include "gh-graph-error.h"

/* Reading the assigned users into the editor's model, page by page. */

#define PAGE_LIMIT "100"

typedef struct
{
  GPtrArray *previous;        /* GhAssignment*: the rows Meta listed before, in order */
  guint      previous_loaded;
  guint      n_pages;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->previous, g_ptr_array_unref);
  g_free (data);
}

static void
set_loading (GhAssignmentEditor *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_LOADING);
}

static void
page_received_cb (JsonArray *items,
                  gint64     total,
                  gpointer   user_data)
{
  GTask *task = user_data;
  GhAssignmentEditor *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) placed = NULL;
  gboolean first;
  gboolean claimed = FALSE;
  guint n_items;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  first = data->n_pages++ == 0;
  users = gh_assigned_user_parse_array (items);
  placed = g_ptr_array_new_full (users->len, g_object_unref);

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < users->len; i++)
    {
      GhAssignedUser *user = g_ptr_array_index (users, i);
      const char *id = gh_assigned_user_get_id (user);
      GhAssignment *row = g_hash_table_lookup (self->rows_by_id, id);

      /* Listed twice (a page boundary moved while reading): keep the first. */
      if (row != NULL && row->load_serial == self->load_serial)
        continue;

      if (row != NULL && row->is_new)
        {
          /* Someone staged as new is on Meta already: the row becomes theirs. */
          claimed = TRUE;
          g_object_ref (row);
        }
      else if ((row = g_hash_table_lookup (self->pending, id)) != NULL)
        {
          g_object_ref (row);
          g_hash_table_remove (self->pending, id);
        }

      if (row != NULL)
        _gh_assignment_editor_merge_row (self, row, user);
      else
        row = _gh_assignment_new_from_user (user, self->own_user_id);

      row->load_serial = self->load_serial;
      g_ptr_array_add (placed, row);
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  if (first || claimed)
    {
      /* Replace everything after the placed rows with this page, then the new rows still
       * staged: one items-changed for the page. */
      g_autoptr(GPtrArray) additions = g_ptr_array_new_full (placed->len, g_object_unref);

      for (guint i = 0; i < placed->len; i++)
        g_ptr_array_add (additions, g_object_ref (g_ptr_array_index (placed, i)));
      for (guint i = self->load_pos; i < n_items; i++)
        {
          g_autoptr(GhAssignment) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

          if (row->is_new)
            g_ptr_array_add (additions, g_steal_pointer (&row));
        }

      g_list_store_splice (self->rows, self->load_pos, n_items - self->load_pos,
                           additions->pdata, additions->len);

      if (first)
        g_hash_table_remove_all (self->rows_by_id);
      for (guint i = 0; i < additions->len; i++)
        {
          GhAssignment *row = g_ptr_array_index (additions, i);

          g_hash_table_replace (self->rows_by_id, row->id, g_object_ref (row));
        }
    }
  else
    {
      g_list_store_splice (self->rows, self->load_pos, 0, placed->pdata, placed->len);
      for (guint i = 0; i < placed->len; i++)
        {
          GhAssignment *row = g_ptr_array_index (placed, i);

          g_hash_table_replace (self->rows_by_id, row->id, g_object_ref (row));
        }
    }

  self->load_pos += placed->len;
  self->loaded = self->load_pos;
  _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_LOADED);
  if (first || total >= 0)
    {
      self->total = total;
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_TOTAL);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
pages_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GhAssignmentEditor *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) unread = NULL;

  gh_graph_client_get_pages_finish (GH_GRAPH_CLIENT (source), result, &error);

  if (error != NULL && data->n_pages == 0)
    {
      /* Nothing was replaced: the rows shown before are still all there. */
      g_clear_pointer (&self->pending, g_hash_table_unref);
      self->loaded = data->previous_loaded;
      _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_LOADED);
      set_loading (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));

  unread = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < data->previous->len; i++)
    {
      GhAssignment *row = g_ptr_array_index (data->previous, i);

      if (g_hash_table_contains (self->pending, row->id))
        g_ptr_array_add (unread, g_object_ref (row));
    }

  if (error == NULL)
    {
      /* Meta no longer lists them. */
      for (guint i = 0; i < unread->len; i++)
        _gh_assignment_editor_forget_row (self, g_ptr_array_index (unread, i));
    }
  else if (unread->len > 0)
    {
      /* A later page failed: the rows not read again stay, edits and all, rather than
       * vanish for a passing network error. */
      g_list_store_splice (self->rows, self->load_pos, 0, unread->pdata, unread->len);
      for (guint i = 0; i < unread->len; i++)
        {
          GhAssignment *row = g_ptr_array_index (unread, i);

          g_hash_table_replace (self->rows_by_id, row->id, g_object_ref (row));
        }
      self->load_pos += unread->len;
    }

  g_clear_pointer (&self->pending, g_hash_table_unref);
  set_loading (self, FALSE);

  g_object_thaw_notify (G_OBJECT (self));

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("Reading assigned users stopped after %u rows: %s", self->loaded,
             error->message);

  g_task_return_boolean (task, TRUE);
}

void
_gh_assignment_editor_start_load (GhAssignmentEditor  *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  LoadData *data;
  const char *business;
  guint n;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_assignment_editor_load_async);

  if (!_gh_is_graph_id (self->waba_id))
    {
      g_task_return_new_error (task, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER,
                               _("“%s” is not a WhatsApp Business Account ID."),
                               self->waba_id);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->previous = g_ptr_array_new_with_free_func (g_object_unref);
  data->previous_loaded = self->loaded;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      GhAssignment *row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row->is_new)
        {
          g_object_unref (row);
          continue;
        }
      g_ptr_array_add (data->previous, row);
      g_hash_table_replace (self->pending, row->id, g_object_ref (row));
    }

  self->load_serial++;
  self->load_pos = 0;
  self->loaded = 0;
  set_loading (self, TRUE);
  _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_LOADED);

  /* Meta requires the owning business; one of its pages passes the WABA instead. */
  business = _gh_is_graph_id (self->business_id) ? self->business_id : self->waba_id;
  path = g_strconcat (self->waba_id, "/assigned_users", NULL);

  {
    const char * const params[] = {
      "business", business,
      "limit", PAGE_LIMIT,
      "summary", "total_count",
      NULL
    };

    GTask *page_task = g_object_ref (task);

    gh_graph_client_get_pages_async (self->client, path, params, page_received_cb,
                                     page_task, g_object_unref,
                                     cancellable, pages_read_cb, g_steal_pointer (&task));
  }
}

/* Public API */

void
gh_assignment_editor_load_async (GhAssignmentEditor  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (self->loading || self->applying)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, gh_assignment_editor_load_async);
      _gh_assignment_editor_check_can_start (self, task);
      return;
    }

  _gh_assignment_editor_start_load (self, cancellable, callback, user_data);
}

gboolean
gh_assignment_editor_load_finish (GhAssignmentEditor  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == gh_assignment_editor_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
