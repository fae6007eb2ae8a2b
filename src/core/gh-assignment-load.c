/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"
#include "gh-graph-error.h"

/* Reading the assigned users into the editor's model, with as few calls as Meta's API
 * allows: every call to assigned_users counts against the WABA's 200 calls an hour, and
 * going over blocks the company's own integration too.
 *
 * The edge has no documented filter by user, no change feed and no version or ETag; all it
 * offers is cursor pages of at most 100 people, in a stable order, with summary=total_count.
 * So:
 * - a first load reads every page (10,000 people: 100 calls), asking for the next page
 *   before placing the current one, so that Meta works while the model updates;
 * - a refresh reads the first page only, and keeps the rest when the total and that page
 *   are what the model holds (1 call).  Anything else that moved (someone added, removed or
 *   changed on the first page) makes it read every page, reusing the first.  The trade-off:
 *   tasks someone else changed further down, with nobody added or removed, wait for the
 *   next full read (after a failed page, an apply that could not confirm itself, or any
 *   change of the total);
 * - after an apply, the rows whose outcome Meta's answer leaves open are read back from the
 *   first page until all have been seen (see gh-assignment-apply.c): one call while they
 *   are among the first 100 people. */

#define PAGE_LIMIT "100"
/* user_type is not among Meta's default fields: without it a system user looks like a
 * person. */
#define PAGE_FIELDS "id,name,tasks,user_type"
/* A runaway server must not keep us paging forever. */
#define MAX_PAGES 10000

typedef enum
{
  LOAD_FULL,        /* every page, replacing the model */
  LOAD_REFRESH,     /* the first page; every page when it shows a change */
  LOAD_READ_BACK,   /* pages until some ids are seen, merging the rows read */
} LoadKind;

typedef struct
{
  LoadKind    kind;
  GHashTable *cursors;          /* after-cursors asked for: one twice means a loop */
  guint       n_pages;          /* pages read */
  guint       n_placed;         /* pages placed in the model by a full load */

  GPtrArray  *previous;         /* full: GhAssignment*, the rows Meta listed before */

  GHashTable *wanted;           /* read-back: ids not seen yet */
  GHashTable *seen;             /* read-back: ids listed on the pages read */
  gboolean    complete;
} LoadData;

static void request_page (GhAssignmentEditor *self,
                          GTask              *task,
                          const char         *after);

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->cursors, g_hash_table_unref);
  g_clear_pointer (&data->previous, g_ptr_array_unref);
  g_clear_pointer (&data->wanted, g_hash_table_unref);
  g_clear_pointer (&data->seen, g_hash_table_unref);
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
set_total (GhAssignmentEditor *self,
           gint64              total)
{
  if (self->total == total)
    return;

  self->total = total;
  _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_TOTAL);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* summary.total_count, -1 when absent.  Some samples quote numbers. */
static gint64
page_total (JsonObject *page)
{
  JsonObject *summary = member_object (page, "summary");
  JsonNode *node = summary != NULL ? json_object_get_member (summary, "total_count") : NULL;
  gint64 total = -1;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    total = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    total = (gint64) CLAMP (json_node_get_double (node), -1.0, (double) G_MAXINT32);
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_ascii_string_to_signed (json_node_get_string (node), 10, 0, G_MAXINT64, &total, NULL);

  return MAX (total, -1);
}

/* The cursor of the page after @page, NULL at the end.  Only the cursor is taken from Meta's
 * next link: the request is built again from the base URL, so a link to another host or
 * one carrying the token is never followed. */
static char *
next_cursor (JsonObject  *page,
             GError     **error)
{
  JsonObject *paging = member_object (page, "paging");
  const char *next = member_string (paging, "next");
  const char *cursor = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) query = NULL;

  if (next == NULL || *next == '\0')
    return NULL;

  uri = g_uri_parse (next, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (uri != NULL && g_uri_get_query (uri) != NULL)
    query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  if (query != NULL)
    cursor = g_hash_table_lookup (query, "after");
  /* A page may be empty and still say there is more. */
  if (cursor == NULL || *cursor == '\0')
    cursor = member_string (member_object (paging, "cursors"), "after");

  if (cursor == NULL || *cursor == '\0')
    {
      g_debug ("A page links to the next one without a cursor");
      g_propagate_error (error, gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                            NULL));
      return NULL;
    }

  return g_strdup (cursor);
}

/* business, fields, limit, summary (and after), as key/value pairs. */
static GStrv
page_params (GhAssignmentEditor *self,
             const char         *after)
{
  g_autoptr(GStrvBuilder) params = g_strv_builder_new ();

  /* Meta requires the owning business; one of its pages passes the WABA instead. */
  g_strv_builder_add (params, "business");
  g_strv_builder_add (params, _gh_is_graph_id (self->business_id) ? self->business_id
                                                                  : self->waba_id);
  g_strv_builder_add_many (params,
                           "fields", PAGE_FIELDS,
                           "limit", PAGE_LIMIT,
                           "summary", "total_count",
                           NULL);
  if (after != NULL)
    g_strv_builder_add_many (params, "after", after, NULL);

  return g_strv_builder_end (params);
}

static GTask *
load_task_new (GhAssignmentEditor  *self,
               LoadKind             kind,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->kind = kind;
  data->cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  return task;
}

/* Does the first page say nothing changed?  Rows Meta lists come first in the model, in
 * Meta's order; new rows follow. */
static gboolean
first_page_matches (GhAssignmentEditor *self,
                    GPtrArray          *users,
                    gint64              total,
                    gboolean            has_next)
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

  /* Without a total only a list that ends on this page can be compared. */
  if (total < 0 ? has_next : total != n_listed)
    return FALSE;
  if (users->len > n_listed || (!has_next && users->len != n_listed))
    return FALSE;

  for (guint i = 0; i < users->len; i++)
    {
      GhAssignedUser *user = g_ptr_array_index (users, i);
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (row->is_new
          || g_strcmp0 (row->id, gh_assigned_user_get_id (user)) != 0
          || g_strcmp0 (row->name, gh_assigned_user_get_name (user)) != 0
          || row->is_system_user != gh_assigned_user_is_system_user (user)
          || row->held_tasks != gh_assigned_user_get_tasks (user)
          || !_gh_strv_same_set ((const char * const *) row->unknown_tasks,
                                 gh_assigned_user_get_unknown_tasks (user)))
        return FALSE;
    }

  return TRUE;
}

/* From here on the pages replace the model: the rows shown so far wait in "pending" and
 * come back, edits and all, when their page arrives. */
static void
begin_full_load (GhAssignmentEditor *self,
                 LoadData           *data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  data->kind = LOAD_FULL;
  data->previous = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
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
  _gh_assignment_editor_notify (self, GH_ASSIGNMENT_EDITOR_PROP_LOADED);
}

/* One page of a full load into the model, in one items-changed. */
static void
place_page (GhAssignmentEditor *self,
            LoadData           *data,
            GPtrArray          *users,
            gint64              total)
{
  g_autoptr(GPtrArray) placed = g_ptr_array_new_full (users->len, g_object_unref);
  gboolean first = data->n_placed++ == 0;
  gboolean claimed = FALSE;
  guint n_items;

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
    set_total (self, total);

  g_object_thaw_notify (G_OBJECT (self));
}

/* A full load is over: at the end of the list, or at a later page that failed. */
static void
finish_full_load (GhAssignmentEditor *self,
                  GTask              *task,
                  GError             *error_in)
{
  g_autoptr(GError) error = error_in;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) unread = g_ptr_array_new_with_free_func (g_object_unref);

  g_object_freeze_notify (G_OBJECT (self));

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
  self->needs_full_load = error != NULL;
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

  _gh_assignment_editor_emit_list_read (self, error == NULL);
  g_task_return_boolean (task, TRUE);
}

static void
fail_load (GhAssignmentEditor *self,
           GTask              *task,
           GError             *error)
{
  LoadData *data = g_task_get_task_data (task);

  if (data->kind == LOAD_FULL && data->n_placed > 0)
    {
      finish_full_load (self, task, error);
      return;
    }

  /* Nothing was replaced: the rows shown before are still all there. */
  if (data->kind != LOAD_READ_BACK)
    set_loading (self, FALSE);
  g_task_return_error (task, error);
}

static void
read_back_page (GhAssignmentEditor *self,
                LoadData           *data,
                GPtrArray          *users,
                gint64              total)
{
  for (guint i = 0; i < users->len; i++)
    {
      GhAssignedUser *user = g_ptr_array_index (users, i);
      const char *id = gh_assigned_user_get_id (user);
      GhAssignment *row = g_hash_table_lookup (self->rows_by_id, id);

      if (row != NULL)
        _gh_assignment_editor_merge_row (self, row, user);
      g_hash_table_remove (data->wanted, id);
      g_hash_table_add (data->seen, g_strdup (id));
    }

  if (total >= 0)
    set_total (self, total);
}

/* One page, read from Meta or handed over by the caller. */
static void
take_page (GhAssignmentEditor *self,
           GTask              *task,
           JsonNode           *root)
{
  LoadData *data = g_task_get_task_data (task);
  JsonObject *page = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                     ? json_node_get_object (root) : NULL;
  JsonNode *items = page != NULL ? json_object_get_member (page, "data") : NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gint64 total;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      fail_load (self, task, g_steal_pointer (&error));
      return;
    }

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_debug ("A page of assigned users has no data array");
      fail_load (self, task, gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                         NULL));
      return;
    }

  after = next_cursor (page, &error);
  if (error == NULL && after != NULL
      && (data->n_pages + 1 >= MAX_PAGES || !g_hash_table_add (data->cursors,
                                                               g_strdup (after))))
    {
      g_debug ("The pages of assigned users do not come to an end");
      error = gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE, NULL);
    }
  if (error != NULL)
    {
      fail_load (self, task, g_steal_pointer (&error));
      return;
    }

  data->n_pages++;
  total = page_total (page);
  users = gh_assigned_user_parse_array (json_node_get_array (items));

  if (data->kind == LOAD_READ_BACK)
    {
      read_back_page (self, data, users, total);
      if (after == NULL || g_hash_table_size (data->wanted) == 0)
        {
          data->complete = after == NULL;
          g_task_return_boolean (task, TRUE);
          return;
        }
      /* Pages one at a time: the next one is asked for only when still needed. */
      request_page (self, task, after);
      return;
    }

  if (data->kind == LOAD_REFRESH && first_page_matches (self, users, total, after != NULL))
    {
      set_loading (self, FALSE);
      _gh_assignment_editor_emit_list_read (self, TRUE);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (data->n_placed == 0)
    begin_full_load (self, data);

  /* Meta reads the next page while this one goes into the model. */
  if (after != NULL)
    request_page (self, task, after);
  place_page (self, data, users, total);
  if (after == NULL)
    finish_full_load (self, task, NULL);
}

static void
page_received_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GhAssignmentEditor *self = g_task_get_source_object (task);

  root = gh_graph_client_get_finish (GH_GRAPH_CLIENT (source), result, &error);
  if (root == NULL)
    {
      fail_load (self, task, g_steal_pointer (&error));
      return;
    }

  take_page (self, task, root);
}

static void
request_page (GhAssignmentEditor *self,
              GTask              *task,
              const char         *after)
{
  g_autofree char *path = g_strconcat (self->waba_id, "/assigned_users", NULL);
  g_auto(GStrv) params = page_params (self, after);

  gh_graph_client_get_async (self->client, path, (const char * const *) params,
                             g_task_get_cancellable (task), page_received_cb,
                             g_object_ref (task));
}

static gboolean
check_waba_id (GhAssignmentEditor *self,
               GTask              *task)
{
  if (_gh_is_graph_id (self->waba_id))
    return TRUE;

  g_task_return_new_error (task, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER,
                           _("“%s” is not a WhatsApp Business Account ID."), self->waba_id);
  return FALSE;
}

/* Internal API */

void
_gh_assignment_editor_read_back_async (GhAssignmentEditor  *self,
                                       GHashTable          *wanted,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  task = load_task_new (self, LOAD_READ_BACK, cancellable, callback, user_data);
  g_task_set_source_tag (task, _gh_assignment_editor_read_back_async);
  data = g_task_get_task_data (task);
  data->wanted = g_hash_table_ref (wanted);
  data->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!check_waba_id (self, task))
    return;

  request_page (self, task, NULL);
}

GHashTable *
_gh_assignment_editor_read_back_finish (GhAssignmentEditor  *self,
                                        GAsyncResult        *result,
                                        gboolean            *complete,
                                        GError             **error)
{
  LoadData *data = g_task_get_task_data (G_TASK (result));

  g_assert (g_task_is_valid (result, self));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  *complete = data->complete;
  return g_hash_table_ref (data->seen);
}

/* Public API */

void
gh_assignment_editor_load_async (GhAssignmentEditor  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  gh_assignment_editor_load_with_first_page_async (self, NULL, cancellable, callback,
                                                   user_data);
}

void
gh_assignment_editor_load_with_first_page_async (GhAssignmentEditor  *self,
                                                 JsonNode            *first_page,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = load_task_new (self, self->needs_full_load ? LOAD_FULL : LOAD_REFRESH, cancellable,
                        callback, user_data);
  g_task_set_source_tag (task, gh_assignment_editor_load_async);

  if (!_gh_assignment_editor_check_can_start (self, task) || !check_waba_id (self, task))
    return;

  set_loading (self, TRUE);
  if (first_page != NULL)
    take_page (self, task, first_page);
  else
    request_page (self, task, NULL);
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

char *
gh_assignment_editor_dup_first_page_path (GhAssignmentEditor *self)
{
  g_autoptr(GString) path = NULL;
  g_auto(GStrv) params = NULL;

  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), NULL);

  if (!_gh_is_graph_id (self->waba_id))
    return NULL;

  path = g_string_new (self->waba_id);
  g_string_append (path, "/assigned_users");
  params = page_params (self, NULL);
  for (guint i = 0; params[i] != NULL; i += 2)
    {
      g_string_append_c (path, i == 0 ? '?' : '&');
      g_string_append_uri_escaped (path, params[i], NULL, FALSE);
      g_string_append_c (path, '=');
      g_string_append_uri_escaped (path, params[i + 1], ",", FALSE);
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}
