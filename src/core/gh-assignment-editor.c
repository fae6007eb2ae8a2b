/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-assigned-user.h"
#include "gh-assignment-editor.h"
#include "gh-graph-error.h"

#define PAGE_LIMIT "100"
#define DEFAULT_PAUSE_SECONDS 60
#define MAX_ID_LENGTH 32

/* Kept small on purpose: a WABA of a large company lists 10,000 of these.  Most rows have no
 * unknown tasks and no message, so both stay NULL. */
struct _GhAssignment
{
  GObject      parent_instance;

  char        *id;
  char        *name;
  char        *display_name;
  char        *search_key;
  char        *message;
  GStrv        unknown_tasks;

  GhTaskFlags  tasks;
  GhTaskFlags  held_tasks;
  guint        load_serial;   /* the load that last placed this row in the model */

  guint        state : 3;
  guint        result : 3;
  guint        is_system_user : 1;
  guint        is_own : 1;
  guint        is_new : 1;
  guint        removed : 1;
};

struct _GhAssignmentEditor
{
  GObject        parent_instance;

  GhGraphClient *client;
  char          *waba_id;
  char          *business_id;
  char          *own_user_id;

  GListStore    *rows;
  GHashTable    *rows_by_id;  /* id → GhAssignment (ref), every row of the model */
  /* While loading: id → GhAssignment (ref), rows of the previous load not read again yet.
   * They keep their staged edits and come back when their page arrives. */
  GHashTable    *pending;
  guint          load_serial;
  guint          load_pos;    /* rows placed by the running load, at the model's start */

  gboolean       loading;
  guint          loaded;
  gint64         total;
  guint          n_changes;

  gboolean       applying;
  guint          apply_done;
  guint          apply_total;
  guint          paused_seconds;
  guint          countdown_id;
  GTask         *paused_task; /* the apply waiting out a rate limit */
  gboolean       stop_requested;

  GPtrArray     *undo;        /* ApplyOp*: the inverse of the last apply, NULL: none */
};

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

typedef struct
{
  GPtrArray *previous;        /* GhAssignment*: the rows Meta listed before, in order */
  guint      previous_loaded;
  guint      n_pages;
} LoadData;

typedef gboolean (*RowFunc) (GhAssignment *row,
                             gpointer      user_data);

static void send_next_op (GhAssignmentEditor *self,
                          GTask              *task);

G_DEFINE_FINAL_TYPE (GhAssignment, gh_assignment, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (GhAssignmentEditor, gh_assignment_editor, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_ID,
  ROW_PROP_NAME,
  ROW_PROP_DISPLAY_NAME,
  ROW_PROP_IS_SYSTEM_USER,
  ROW_PROP_IS_OWN,
  ROW_PROP_TASKS,
  ROW_PROP_HELD_TASKS,
  ROW_PROP_STATE,
  ROW_PROP_RESULT,
  ROW_PROP_MESSAGE,
  ROW_PROP_SEARCH_KEY,
  ROW_N_PROPS
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_WABA_ID,
  PROP_BUSINESS_ID,
  PROP_OWN_USER_ID,
  PROP_MODEL,
  PROP_LOADING,
  PROP_LOADED,
  PROP_TOTAL,
  PROP_N_CHANGES,
  PROP_APPLYING,
  PROP_APPLY_DONE,
  PROP_APPLY_TOTAL,
  PROP_PAUSED_SECONDS,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];
static GParamSpec *properties[N_PROPS];

static const char * const no_tasks[] = { NULL };

/* IDs go into URL paths and parameters: anything but digits would change what is asked. */
static gboolean
is_graph_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > MAX_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
strv_is_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

/* Unknown tasks as a set: Meta may send them back in another order. */
static gboolean
strv_same_set (const char * const *a,
               const char * const *b)
{
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    if (b == NULL || !g_strv_contains (b, a[i]))
      return FALSE;
  for (guint i = 0; b != NULL && b[i] != NULL; i++)
    if (a == NULL || !g_strv_contains (a, b[i]))
      return FALSE;

  return TRUE;
}

static GStrv
strv_dup_or_null (const char * const *strv)
{
  return strv_is_empty (strv) ? NULL : g_strdupv ((GStrv) strv);
}

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
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->previous, g_ptr_array_unref);
  g_free (data);
}

/* Rows */

static void
row_notify (GhAssignment *row,
            guint         prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[prop_id]);
}

static void
row_set_name (GhAssignment *row,
              const char   *name)
{
  g_autofree char *stripped = NULL;
  g_autofree char *lower = NULL;
  gboolean notify = row->id != NULL && row->display_name != NULL;

  if (row->display_name != NULL && g_strcmp0 (row->name, name) == 0)
    return;

  g_free (row->name);
  row->name = g_strdup (name);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  g_free (row->display_name);
  /* Meta's own sample has a name of " ": a person needs something to recognise. */
  row->display_name = *stripped != '\0' ? g_steal_pointer (&stripped) : g_strdup (row->id);

  g_free (row->search_key);
  if (g_strcmp0 (row->display_name, row->id) == 0)
    row->search_key = g_strdup (row->id);
  else
    {
      lower = g_utf8_strdown (row->display_name, -1);
      row->search_key = g_strconcat (lower, " ", row->id, NULL);
    }

  if (notify)
    {
      row_notify (row, ROW_PROP_NAME);
      row_notify (row, ROW_PROP_DISPLAY_NAME);
      row_notify (row, ROW_PROP_SEARCH_KEY);
    }
}

static GhAssignment *
row_new (const char *id,
         const char *name,
         gboolean    is_system_user,
         const char *own_user_id)
{
  GhAssignment *row = g_object_new (GH_TYPE_ASSIGNMENT, NULL);

  row->id = g_strdup (id);
  row->is_system_user = !!is_system_user;
  row->is_own = own_user_id != NULL && g_strcmp0 (id, own_user_id) == 0;
  row_set_name (row, name);

  return row;
}

static void
row_set_result (GhAssignment       *row,
                GhAssignmentResult  result,
                const char         *message)
{
  if (row->result != result)
    {
      row->result = result;
      row_notify (row, ROW_PROP_RESULT);
    }
  if (g_strcmp0 (row->message, message) != 0)
    {
      g_free (row->message);
      row->message = g_strdup (message);
      row_notify (row, ROW_PROP_MESSAGE);
    }
}

static gboolean
row_stages_full_control (GhAssignment *row)
{
  return row->state != GH_ASSIGNMENT_STATE_REMOVED && (row->tasks & GH_TASK_MANAGE) != 0;
}

static GhAssignmentState
row_compute_state (GhAssignment *row)
{
  if (row->is_new)
    return GH_ASSIGNMENT_STATE_NEW;
  if (row->removed)
    return GH_ASSIGNMENT_STATE_REMOVED;
  if (row->tasks != row->held_tasks)
    return GH_ASSIGNMENT_STATE_CHANGED;

  return GH_ASSIGNMENT_STATE_UNCHANGED;
}

/* Every row the editor owns counts towards n-changes, including rows a running load has
 * not placed again yet: their edits are still waiting. */
static void
update_state (GhAssignmentEditor *self,
              GhAssignment       *row)
{
  GhAssignmentState state = row_compute_state (row);
  guint n_changes = self->n_changes;

  if (state == row->state)
    return;

  if (row->state != GH_ASSIGNMENT_STATE_UNCHANGED)
    n_changes--;
  if (state != GH_ASSIGNMENT_STATE_UNCHANGED)
    n_changes++;

  row->state = state;
  row_notify (row, ROW_PROP_STATE);

  if (n_changes != self->n_changes)
    {
      self->n_changes = n_changes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHANGES]);
    }
}

static void
set_row_tasks (GhAssignment *row,
               GhTaskFlags   tasks)
{
  if (row->tasks == tasks)
    return;

  row->tasks = tasks;
  row_notify (row, ROW_PROP_TASKS);
}

static void
set_row_held (GhAssignment       *row,
              GhTaskFlags         held_tasks,
              const char * const *unknown)
{
  if (row->held_tasks != held_tasks)
    {
      row->held_tasks = held_tasks;
      row_notify (row, ROW_PROP_HELD_TASKS);
    }
  if (!strv_same_set ((const char * const *) row->unknown_tasks, unknown))
    {
      g_strfreev (row->unknown_tasks);
      row->unknown_tasks = strv_dup_or_null (unknown);
    }
}

/* The row leaves the editor for good (a new row dropped, or no longer listed by Meta). */
static void
forget_row (GhAssignmentEditor *self,
            GhAssignment       *row)
{
  if (row->state != GH_ASSIGNMENT_STATE_UNCHANGED)
    {
      self->n_changes--;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHANGES]);
    }
}

/* What Meta answered for this person in a list: the held tasks change, a staged edit stays
 * (unless the row had none, then it follows Meta). */
static void
merge_row (GhAssignmentEditor *self,
           GhAssignment       *row,
           GhAssignedUser     *user)
{
  GhTaskFlags held = gh_assigned_user_get_tasks (user);

  g_object_freeze_notify (G_OBJECT (row));

  row_set_name (row, gh_assigned_user_get_name (user));
  if (row->is_system_user != gh_assigned_user_is_system_user (user))
    {
      row->is_system_user = gh_assigned_user_is_system_user (user);
      row_notify (row, ROW_PROP_IS_SYSTEM_USER);
    }

  if (row->state == GH_ASSIGNMENT_STATE_UNCHANGED)
    set_row_tasks (row, held);
  set_row_held (row, held, gh_assigned_user_get_unknown_tasks (user));
  row->is_new = FALSE;
  update_state (self, row);

  g_object_thaw_notify (G_OBJECT (row));
}

static GhAssignment *
row_new_from_user (GhAssignmentEditor *self,
                   GhAssignedUser     *user)
{
  GhAssignment *row = row_new (gh_assigned_user_get_id (user),
                               gh_assigned_user_get_name (user),
                               gh_assigned_user_is_system_user (user),
                               self->own_user_id);

  row->held_tasks = row->tasks = gh_assigned_user_get_tasks (user);
  row->unknown_tasks = strv_dup_or_null (gh_assigned_user_get_unknown_tasks (user));
  row->state = GH_ASSIGNMENT_STATE_UNCHANGED;

  return row;
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
  set_row_held (row, op->is_delete ? GH_TASK_NONE : op->tasks,
                op->is_delete ? NULL : (const char * const *) op->unknown);
  set_row_tasks (row, row->held_tasks);
  update_state (self, row);
  g_object_thaw_notify (G_OBJECT (row));
}

/* Calls @func on every row, in model order, then on those a running load still owes. */
static void
foreach_row (GhAssignmentEditor *self,
             RowFunc             func,
             gpointer            user_data)
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

static GhAssignment *
find_row (GhAssignmentEditor *self,
          const char         *id)
{
  GhAssignment *row = g_hash_table_lookup (self->rows_by_id, id);

  if (row == NULL && self->pending != NULL)
    row = g_hash_table_lookup (self->pending, id);

  return row;
}

static gboolean
find_position (GhAssignmentEditor *self,
               GhAssignment       *row,
               guint              *position)
{
  return g_list_store_find (self->rows, row, position);
}

static void
set_loading (GhAssignmentEditor *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_applying (GhAssignmentEditor *self,
              gboolean            applying)
{
  if (self->applying == applying)
    return;

  self->applying = applying;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLYING]);
}

static void
set_apply_progress (GhAssignmentEditor *self,
                    guint               done,
                    guint               total)
{
  if (self->apply_done != done)
    {
      self->apply_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLY_DONE]);
    }
  if (self->apply_total != total)
    {
      self->apply_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLY_TOTAL]);
    }
}

static void
set_paused_seconds (GhAssignmentEditor *self,
                    guint               seconds)
{
  if (self->paused_seconds == seconds)
    return;

  self->paused_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED_SECONDS]);
}

static void
set_undo (GhAssignmentEditor *self,
          GPtrArray          *undo)
{
  gboolean could_undo = self->undo != NULL;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  self->undo = undo;

  if (could_undo != (self->undo != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* Loading */

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
        merge_row (self, row, user);
      else
        row = row_new_from_user (self, user);

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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  if (first || total >= 0)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
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
        forget_row (self, g_ptr_array_index (unread, i));
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

static void
start_load (GhAssignmentEditor  *self,
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

  if (!is_graph_id (self->waba_id))
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  /* Meta requires the owning business; one of its pages passes the WABA instead. */
  business = is_graph_id (self->business_id) ? self->business_id : self->waba_id;
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

/* Applying */

static ApplyOp *
apply_op_new_for_row (GhAssignment *row)
{
  ApplyOp *op = g_new0 (ApplyOp, 1);

  op->id = g_strdup (row->id);
  op->row = g_object_ref (row);
  op->is_delete = row->state == GH_ASSIGNMENT_STATE_REMOVED;
  op->tasks = row->tasks;
  op->unknown = strv_dup_or_null ((const char * const *) row->unknown_tasks);
  op->unsendable = !op->is_delete && op->tasks == GH_TASK_NONE && strv_is_empty (
    (const char * const *) op->unknown);

  op->was_held = row->state != GH_ASSIGNMENT_STATE_NEW;
  op->held_tasks = row->held_tasks;
  op->held_unknown = strv_dup_or_null ((const char * const *) row->unknown_tasks);

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
                       || (op->held_tasks == GH_TASK_NONE && strv_is_empty (
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

  if (row->held_tasks == GH_TASK_NONE && strv_is_empty (held_unknown))
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
            row_set_result (op->row, GH_ASSIGNMENT_RESULT_DONE,
                            _("Sent. Gatehouse could not read the list again to confirm what "
                              "Meta holds now."));
          continue;
        }

      row = g_hash_table_lookup (self->rows_by_id, op->id);
      if (row == NULL)
        {
          /* Nobody sees a row that is gone; a removal that took is simply done. */
          if (op->row != NULL)
            row_set_result (op->row, op->is_delete ? GH_ASSIGNMENT_RESULT_DONE
                                                   : GH_ASSIGNMENT_RESULT_DIFFERS,
                            op->is_delete ? NULL
                                          : _("Meta accepted the change but does not list "
                                              "this person."));
          continue;
        }

      if (op->is_delete)
        {
          g_autofree char *list = describe_tasks (row->held_tasks,
                                                  (const char * const *) row->unknown_tasks);
          g_autofree char *message = NULL;

          /* TRANSLATORS: %s is a list of tasks */
          message = g_strdup_printf (_("Meta still lists this person, with: %s."), list);
          row_set_result (row, GH_ASSIGNMENT_RESULT_DIFFERS, message);
        }
      else if (row->held_tasks == op->tasks
               && strv_same_set ((const char * const *) row->unknown_tasks,
                                 (const char * const *) op->unknown))
        row_set_result (row, GH_ASSIGNMENT_RESULT_DONE, NULL);
      else
        {
          g_autofree char *message = describe_difference (op, row);

          row_set_result (row, GH_ASSIGNMENT_RESULT_DIFFERS, message);
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
        row_set_result (op->row, GH_ASSIGNMENT_RESULT_NONE, NULL);
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

  start_load (self, g_task_get_cancellable (task), reloaded_cb, g_object_ref (task));
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
        row_set_result (op->row, GH_ASSIGNMENT_RESULT_QUEUED,
                        _("Meta asked Gatehouse to wait: this change is sent again when the "
                          "pause is over."));
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
        row_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED, message);
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
      row_set_result (op->row, GH_ASSIGNMENT_RESULT_FAILED,
                      _("Choose at least one task for this person, or remove them from the "
                        "list."));
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
    row_set_result (op->row, GH_ASSIGNMENT_RESULT_SENDING, NULL);

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
        row_set_result (op->row, GH_ASSIGNMENT_RESULT_QUEUED, NULL);
    }
  g_object_thaw_notify (G_OBJECT (self));

  send_next_op (self, g_steal_pointer (&task));
}

static gboolean
check_can_start (GhAssignmentEditor *self,
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
finish_queue_task (GAsyncResult  *result,
                   guint         *n_failed,
                   GError       **error)
{
  ApplyData *data = g_task_get_task_data (G_TASK (result));

  if (n_failed != NULL)
    *n_failed = data != NULL ? data->n_failed : 0;

  return g_task_propagate_boolean (G_TASK (result), error);
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

  if (row != search->except && row_stages_full_control (row))
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

/* Candidates */

static void
candidates_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GhAssignmentEditor *self = g_task_get_source_object (task);
  GError *errors[2] = { NULL, NULL };
  GPtrArray *lists[2] = { NULL, NULL };

  results = gh_graph_client_batch_finish (GH_GRAPH_CLIENT (source), result, &error);
  if (results == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < 2; i++)
    {
      GhGraphBatchResult *item = i < results->len ? g_ptr_array_index (results, i) : NULL;

      if (item == NULL)
        errors[i] = gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE, NULL);
      else if (item->error != NULL)
        errors[i] = g_error_copy (item->error);
      else
        lists[i] = gh_business_user_parse_list (item->body, i == 0, &errors[i]);
    }

  if (lists[0] == NULL && lists[1] == NULL)
    {
      /* Both refused for want of business_management: the page offers pasting an ID. */
      if (g_error_matches (errors[1], GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION)
          && !g_error_matches (errors[0], GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION))
        g_task_return_error (task, g_steal_pointer (&errors[1]));
      else
        g_task_return_error (task, g_steal_pointer (&errors[0]));
      g_clear_error (&errors[0]);
      g_clear_error (&errors[1]);
      return;
    }
  if (errors[0] != NULL || errors[1] != NULL)
    g_debug ("One list of the business's users could not be read: %s",
             (errors[0] != NULL ? errors[0] : errors[1])->message);
  g_clear_error (&errors[0]);
  g_clear_error (&errors[1]);

  candidates = g_ptr_array_new_with_free_func (g_object_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; lists[i] != NULL && j < lists[i]->len; j++)
      {
        GhBusinessUser *user = g_ptr_array_index (lists[i], j);
        const char *id = gh_business_user_get_id (user);

        if (!is_graph_id (id) || find_row (self, id) != NULL
            || !g_hash_table_add (seen, (gpointer) id))
          continue;
        g_ptr_array_add (candidates, g_object_ref (user));
      }
  g_clear_pointer (&lists[0], g_ptr_array_unref);
  g_clear_pointer (&lists[1], g_ptr_array_unref);

  g_task_return_pointer (task, g_steal_pointer (&candidates),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* CSV */

static void
append_csv_cell (GString    *csv,
                 const char *text)
{
  g_autofree char *guarded = NULL;

  text = text != NULL ? text : "";
  /* A spreadsheet runs a cell starting like this as a formula: a name from Meta must not. */
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    text = guarded = g_strconcat ("'", text, NULL);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static gboolean
append_csv_row_cb (GhAssignment *row,
                   gpointer      user_data)
{
  GString *csv = user_data;
  g_autofree char *tasks = NULL;
  g_auto(GStrv) wires = NULL;

  if (row->is_new)
    return TRUE;

  wires = gh_task_flags_to_strv (row->held_tasks, (const char * const *) row->unknown_tasks);
  tasks = g_strjoinv (" ", wires);

  /* The name as Meta sent it, so that the file says what Meta holds; a blank one is empty
   * rather than a lone space. */
  append_csv_cell (csv, g_strcmp0 (row->display_name, row->id) == 0 ? "" : row->name);
  g_string_append_c (csv, ',');
  append_csv_cell (csv, row->id);
  g_string_append_c (csv, ',');
  append_csv_cell (csv, row->is_system_user ? "SYSTEM_USER" : "BUSINESS_USER");
  g_string_append_c (csv, ',');
  append_csv_cell (csv, tasks);
  g_string_append (csv, "\r\n");

  return TRUE;
}

/* GhAssignment overrides */

static void
gh_assignment_finalize (GObject *object)
{
  GhAssignment *self = (GhAssignment *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->display_name);
  g_free (self->search_key);
  g_free (self->message);
  g_strfreev (self->unknown_tasks);

  G_OBJECT_CLASS (gh_assignment_parent_class)->finalize (object);
}

static void
gh_assignment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GhAssignment *self = GH_ASSIGNMENT (object);

  switch (prop_id)
    {
    case ROW_PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case ROW_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case ROW_PROP_IS_SYSTEM_USER:
      g_value_set_boolean (value, self->is_system_user);
      break;

    case ROW_PROP_IS_OWN:
      g_value_set_boolean (value, self->is_own);
      break;

    case ROW_PROP_TASKS:
      g_value_set_uint (value, self->tasks);
      break;

    case ROW_PROP_HELD_TASKS:
      g_value_set_uint (value, self->held_tasks);
      break;

    case ROW_PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case ROW_PROP_RESULT:
      g_value_set_uint (value, self->result);
      break;

    case ROW_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case ROW_PROP_SEARCH_KEY:
      g_value_set_string (value, self->search_key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_assignment_class_init (GhAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gh_assignment_finalize;
  object_class->get_property = gh_assignment_get_property;

  row_properties[ROW_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_IS_SYSTEM_USER] =
    g_param_spec_boolean ("is-system-user", NULL, NULL, FALSE, flags);
  row_properties[ROW_PROP_IS_OWN] = g_param_spec_boolean ("is-own", NULL, NULL, FALSE, flags);
  /* GhTaskFlags and the two enums are not registered types: they travel as plain uints. */
  row_properties[ROW_PROP_TASKS] =
    g_param_spec_uint ("tasks", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_HELD_TASKS] =
    g_param_spec_uint ("held-tasks", NULL, NULL, 0, G_MAXUINT, 0, flags);
  row_properties[ROW_PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, GH_ASSIGNMENT_STATE_REMOVED,
                       GH_ASSIGNMENT_STATE_UNCHANGED, flags);
  row_properties[ROW_PROP_RESULT] =
    g_param_spec_uint ("result", NULL, NULL, 0, GH_ASSIGNMENT_RESULT_FAILED,
                       GH_ASSIGNMENT_RESULT_NONE, flags);
  row_properties[ROW_PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  row_properties[ROW_PROP_SEARCH_KEY] =
    g_param_spec_string ("search-key", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
gh_assignment_init (GhAssignment *self)
{
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
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_WABA_ID:
      g_value_set_string (value, self->waba_id);
      break;

    case PROP_BUSINESS_ID:
      g_value_set_string (value, self->business_id);
      break;

    case PROP_OWN_USER_ID:
      g_value_set_string (value, self->own_user_id);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->rows);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_LOADED:
      g_value_set_uint (value, self->loaded);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    case PROP_N_CHANGES:
      g_value_set_uint (value, self->n_changes);
      break;

    case PROP_APPLYING:
      g_value_set_boolean (value, self->applying);
      break;

    case PROP_APPLY_DONE:
      g_value_set_uint (value, self->apply_done);
      break;

    case PROP_APPLY_TOTAL:
      g_value_set_uint (value, self->apply_total);
      break;

    case PROP_PAUSED_SECONDS:
      g_value_set_uint (value, self->paused_seconds);
      break;

    case PROP_CAN_UNDO:
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
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_WABA_ID:
      self->waba_id = g_value_dup_string (value);
      break;

    case PROP_BUSINESS_ID:
      self->business_id = g_value_dup_string (value);
      break;

    case PROP_OWN_USER_ID:
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

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, GH_TYPE_GRAPH_CLIENT, construct);
  properties[PROP_WABA_ID] = g_param_spec_string ("waba-id", NULL, NULL, NULL, construct);
  properties[PROP_BUSINESS_ID] =
    g_param_spec_string ("business-id", NULL, NULL, NULL, construct);
  properties[PROP_OWN_USER_ID] =
    g_param_spec_string ("own-user-id", NULL, NULL, NULL, construct);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, readable);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  properties[PROP_LOADED] =
    g_param_spec_uint ("loaded", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, readable);
  properties[PROP_N_CHANGES] =
    g_param_spec_uint ("n-changes", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_APPLYING] = g_param_spec_boolean ("applying", NULL, NULL, FALSE, readable);
  properties[PROP_APPLY_DONE] =
    g_param_spec_uint ("apply-done", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_APPLY_TOTAL] =
    g_param_spec_uint ("apply-total", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_PAUSED_SECONDS] =
    g_param_spec_uint ("paused-seconds", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_assignment_editor_init (GhAssignmentEditor *self)
{
  self->rows = g_list_store_new (GH_TYPE_ASSIGNMENT);
  self->rows_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->total = -1;
}

/* GhAssignment public API */

const char *
gh_assignment_get_id (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->id;
}

const char *
gh_assignment_get_name (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->name;
}

const char *
gh_assignment_get_display_name (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->display_name;
}

gboolean
gh_assignment_get_is_system_user (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), FALSE);

  return self->is_system_user;
}

gboolean
gh_assignment_get_is_own (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), FALSE);

  return self->is_own;
}

GhTaskFlags
gh_assignment_get_tasks (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_TASK_NONE);

  return self->tasks;
}

GhTaskFlags
gh_assignment_get_held_tasks (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_TASK_NONE);

  return self->held_tasks;
}

const char * const *
gh_assignment_get_unknown_tasks (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), no_tasks);

  return self->unknown_tasks != NULL ? (const char * const *) self->unknown_tasks : no_tasks;
}

GhAssignmentState
gh_assignment_get_state (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_ASSIGNMENT_STATE_UNCHANGED);

  return self->state;
}

GhAssignmentResult
gh_assignment_get_result (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_ASSIGNMENT_RESULT_NONE);

  return self->result;
}

const char *
gh_assignment_get_message (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->message;
}

const char *
gh_assignment_get_search_key (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->search_key;
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

  foreach_row (self, count_full_control_cb, &count);

  return count;
}

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
      check_can_start (self, task);
      return;
    }

  start_load (self, cancellable, callback, user_data);
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
  set_row_tasks (row, tasks);
  /* Nothing left to hold is a removal; any task again brings the row back. */
  row->removed = !row->is_new && tasks == GH_TASK_NONE
                 && strv_is_empty ((const char * const *) row->unknown_tasks);
  row_set_result (row, GH_ASSIGNMENT_RESULT_NONE, NULL);
  update_state (self, row);
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
      guint position;

      if (!removed)
        return;
      if (find_position (self, row, &position))
        {
          g_object_ref (row);
          forget_row (self, row);
          g_hash_table_remove (self->rows_by_id, row->id);
          g_list_store_remove (self->rows, position);
          g_object_unref (row);
        }
      return;
    }

  g_object_freeze_notify (G_OBJECT (row));
  row->removed = !!removed;
  /* Restoring a row whose tasks were all unticked brings back what Meta holds. */
  if (!removed && row->tasks == GH_TASK_NONE)
    set_row_tasks (row, row->held_tasks);
  row_set_result (row, GH_ASSIGNMENT_RESULT_NONE, NULL);
  update_state (self, row);
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
                       && strv_is_empty ((const char * const *) row->unknown_tasks));
  loses_full_control = row_stages_full_control (row)
                       && (removes || (tasks & GH_TASK_MANAGE) == 0);

  if (row->is_own && (removes || loses_full_control))
    lockout |= GH_LOCKOUT_OWN_ACCESS;

  if (loses_full_control)
    {
      foreach_row (self, find_other_full_control_cb, &search);
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
  if (!is_graph_id (id))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A user ID is a long number, like 1972385232742142. Copy it from "
                             "Business settings → Users."));
      return NULL;
    }

  if ((row = find_row (self, id)) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s is in the list already."), row->display_name);
      return NULL;
    }

  row = row_new (id, name, is_system_user, self->own_user_id);
  row->is_new = TRUE;
  row->tasks = tasks & GH_TASK_ALL_KNOWN;
  row->state = GH_ASSIGNMENT_STATE_UNCHANGED;
  update_state (self, row);

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
  foreach_row (self, discard_row_cb, dropped);
  for (guint i = 0; i < dropped->len; i++)
    {
      GhAssignment *row = g_ptr_array_index (dropped, i);
      guint position;

      forget_row (self, row);
      g_hash_table_remove (self->rows_by_id, row->id);
      if (find_position (self, row, &position))
        g_list_store_remove (self->rows, position);
    }

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
      set_row_tasks (row, row->held_tasks);
      row_set_result (row, GH_ASSIGNMENT_RESULT_NONE, NULL);
      update_state (self, row);
      g_object_thaw_notify (G_OBJECT (row));
    }

  g_object_thaw_notify (G_OBJECT (self));
}

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

  if (!check_can_start (self, task))
    return;

  ops = g_ptr_array_new_with_free_func ((GDestroyNotify) apply_op_free);
  foreach_row (self, collect_changed_cb, ops);
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

  if (!check_can_start (self, task))
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

void
gh_assignment_editor_list_candidates_async (GhAssignmentEditor  *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *system_users = NULL;
  g_autofree char *business_users = NULL;

  g_return_if_fail (GH_IS_ASSIGNMENT_EDITOR (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_assignment_editor_list_candidates_async);

  if (!is_graph_id (self->business_id))
    {
      g_task_return_new_error (task, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER,
                               _("The business that owns this account is not known, so its "
                                 "people cannot be listed."));
      return;
    }

  /* Without a limit Meta answers 25 per page; a business rarely has more than 100. */
  system_users = g_strdup_printf ("%s/system_users?fields=id,name,role&limit=100",
                                  self->business_id);
  business_users = g_strdup_printf ("%s/business_users?fields=id,name,email,role,first_name,"
                                    "last_name&limit=100", self->business_id);

  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
  g_ptr_array_add (requests, gh_graph_batch_request_new ("GET", system_users));
  g_ptr_array_add (requests, gh_graph_batch_request_new ("GET", business_users));

  gh_graph_client_batch_async (self->client, requests, cancellable, candidates_cb,
                               g_steal_pointer (&task));
}

GPtrArray *
gh_assignment_editor_list_candidates_finish (GhAssignmentEditor  *self,
                                             GAsyncResult        *result,
                                             GError             **error)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == gh_assignment_editor_list_candidates_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
gh_assignment_editor_to_csv (GhAssignmentEditor *self)
{
  g_autoptr(GString) csv = NULL;

  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (self), NULL);

  csv = g_string_new ("name,id,type,tasks\r\n");
  foreach_row (self, append_csv_row_cb, csv);

  return g_string_free (g_steal_pointer (&csv), FALSE);
}
