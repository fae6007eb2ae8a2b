/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-secret.h"
#include "gh-token-store-private.h"

/* The store's front: its queue, the in-memory variant for the demo and sessions without a
 * keyring, and the public API.  What talks to libsecret is in gh-token-store-keyring.c. */

G_DEFINE_FINAL_TYPE (GhTokenStore, gh_token_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (gh-token-store-error-quark, gh_token_store_error)


typedef struct
{
  GhSavedConnection *connection;
  char *token;
} MemoryEntry;


static void
memory_entry_free (MemoryEntry *entry)
{
  g_clear_object (&entry->connection);
  gh_secret_free (g_steal_pointer (&entry->token));
  g_free (entry);
}

static void
op_data_free (OpData *data)
{
  g_clear_pointer (&data->attributes, g_hash_table_unref);
  g_clear_pointer (&data->item_label, g_free);
  gh_secret_free (g_steal_pointer (&data->token));
  g_clear_pointer (&data->connection_id, g_free);
  g_clear_object (&data->connection);
  g_clear_pointer (&data->value, secret_value_unref);
  g_free (data);
}

static OpData *
op_data_new (Operation op)
{
  OpData *data = g_new0 (OpData, 1);

  data->op = op;
  return data;
}

int
_gh_token_store_compare_connections (gconstpointer a,
                                     gconstpointer b)
{
  GhSavedConnection *ca = *(GhSavedConnection * const *)a;
  GhSavedConnection *cb = *(GhSavedConnection * const *)b;
  const char *la = gh_saved_connection_get_label (ca);
  const char *lb = gh_saved_connection_get_label (cb);
  int result;

  result = g_utf8_collate (la != NULL ? la : "", lb != NULL ? lb : "");
  if (result == 0)
    result = g_strcmp0 (gh_saved_connection_get_id (ca), gh_saved_connection_get_id (cb));

  return result;
}

GError *
_gh_token_store_not_found_error (void)
{
  return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND,
                              _("No token is saved for this connection."));
}

static GTask *
create_task (GhTokenStore        *self,
             OpData              *data,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify)op_data_free);
  return task;
}

/* In-memory variant: the work happens in an idle so callers see the same ordering as with a
 * real keyring (never a callback before _async returns). */
static gboolean
memory_run_cb (gpointer user_data)
{
  GTask *task = user_data;
  GhTokenStore *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  MemoryEntry *entry;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  switch (data->op)
    {
    case OP_SAVE:
      entry = g_new0 (MemoryEntry, 1);
      entry->connection = gh_saved_connection_copy (data->connection);
      entry->token = g_steal_pointer (&data->token);
      g_hash_table_replace (self->memory,
                            g_strdup (gh_saved_connection_get_id (entry->connection)),
                            entry);
      g_task_return_boolean (task, TRUE);
      break;

    case OP_LIST:
      {
        g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
        GHashTableIter iter;

        g_hash_table_iter_init (&iter, self->memory);
        while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
          g_ptr_array_add (list, gh_saved_connection_copy (entry->connection));
        g_ptr_array_sort (list, _gh_token_store_compare_connections);
        g_task_return_pointer (task, g_steal_pointer (&list), (GDestroyNotify)g_ptr_array_unref);
      }
      break;

    case OP_LOAD:
      self->token_reads++;
      entry = g_hash_table_lookup (self->memory, data->connection_id);
      if (entry == NULL)
        g_task_return_error (task, _gh_token_store_not_found_error ());
      else
        g_task_return_pointer (task, g_strdup (entry->token),
                               (GDestroyNotify)gh_secret_free);
      break;

    case OP_FORGET:
      g_hash_table_remove (self->memory, data->connection_id);
      g_task_return_boolean (task, TRUE);
      break;

    case OP_UPDATE:
      entry = g_hash_table_lookup (self->memory, gh_saved_connection_get_id (data->connection));
      if (entry == NULL)
        {
          g_task_return_error (task, _gh_token_store_not_found_error ());
          break;
        }
      g_set_object (&entry->connection, data->connection);
      g_task_return_boolean (task, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

static void
memory_run (GTask *task)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, memory_run_cb, task, g_object_unref);
  g_source_set_static_name (source, "[gatehouse] in-memory token store");
  g_source_attach (source, g_task_get_context (task));
}

void
_gh_token_store_release_queue (GTask *task)
{
  GhTokenStore *self = g_task_get_source_object (task);
  GTask *next;

  self->saving = FALSE;
  while (!self->saving && (next = g_queue_pop_head (&self->pending)) != NULL)
    _gh_token_store_keyring_start (next);
}

/* Takes @task: runs it now, or after the save in progress. */
static void
run_or_queue (GhTokenStore *self,
              GTask        *task)
{
  if (self->saving)
    g_queue_push_tail (&self->pending, task);
  else
    _gh_token_store_keyring_start (task);
}

static void
gh_token_store_finalize (GObject *object)
{
  GhTokenStore *self = (GhTokenStore *)object;

  g_clear_pointer (&self->memory, g_hash_table_unref);

  G_OBJECT_CLASS (gh_token_store_parent_class)->finalize (object);
}

static void
gh_token_store_class_init (GhTokenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_token_store_finalize;
}

static void
gh_token_store_init (GhTokenStore *self)
{
}

GhTokenStore *
gh_token_store_new (void)
{
  return g_object_new (GH_TYPE_TOKEN_STORE, NULL);
}

GhTokenStore *
gh_token_store_new_in_memory (void)
{
  GhTokenStore *self = g_object_new (GH_TYPE_TOKEN_STORE, NULL);

  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)memory_entry_free);
  return self;
}

gboolean
gh_token_store_is_in_memory (GhTokenStore *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_STORE (self), FALSE);

  return self->memory != NULL;
}

/* The in-memory store answers at once; the keyring, one operation at a time. */
static void
start_op (GhTokenStore *self,
          GTask        *task)
{
  if (self->memory != NULL)
    memory_run (task);
  else
    run_or_queue (self, task);
}

void
gh_token_store_save_async (GhTokenStore        *self,
                           GhSavedConnection   *connection,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpData *data;

  g_return_if_fail (GH_IS_TOKEN_STORE (self));
  g_return_if_fail (GH_IS_SAVED_CONNECTION (connection));
  g_return_if_fail (token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = op_data_new (OP_SAVE);
  data->connection = gh_saved_connection_copy (connection);
  data->token = g_strdup (token);
  task = create_task (self, data, gh_token_store_save_async, cancellable, callback, user_data);

  start_op (self, g_steal_pointer (&task));
}

gboolean
gh_token_store_save_finish (GhTokenStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (GH_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_token_store_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gh_token_store_list_async (GhTokenStore        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GH_IS_TOKEN_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = create_task (self, op_data_new (OP_LIST), gh_token_store_list_async,
                      cancellable, callback, user_data);

  start_op (self, g_steal_pointer (&task));
}

GPtrArray *
gh_token_store_list_finish (GhTokenStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (GH_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_token_store_list_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gh_token_store_load_async (GhTokenStore        *self,
                           const char          *connection_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpData *data;

  g_return_if_fail (GH_IS_TOKEN_STORE (self));
  g_return_if_fail (connection_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = op_data_new (OP_LOAD);
  data->connection_id = g_strdup (connection_id);
  task = create_task (self, data, gh_token_store_load_async, cancellable, callback, user_data);

  start_op (self, g_steal_pointer (&task));
}

char *
gh_token_store_load_finish (GhTokenStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (GH_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_token_store_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gh_token_store_forget_async (GhTokenStore        *self,
                             const char          *connection_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpData *data;

  g_return_if_fail (GH_IS_TOKEN_STORE (self));
  g_return_if_fail (connection_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = op_data_new (OP_FORGET);
  data->connection_id = g_strdup (connection_id);
  task = create_task (self, data, gh_token_store_forget_async, cancellable, callback, user_data);

  start_op (self, g_steal_pointer (&task));
}

gboolean
gh_token_store_forget_finish (GhTokenStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (GH_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_token_store_forget_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gh_token_store_update_async (GhTokenStore        *self,
                             GhSavedConnection   *connection,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpData *data;

  g_return_if_fail (GH_IS_TOKEN_STORE (self));
  g_return_if_fail (GH_IS_SAVED_CONNECTION (connection));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = op_data_new (OP_UPDATE);
  data->connection = gh_saved_connection_copy (connection);
  task = create_task (self, data, gh_token_store_update_async, cancellable, callback, user_data);

  start_op (self, g_steal_pointer (&task));
}

gboolean
gh_token_store_update_finish (GhTokenStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (GH_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_token_store_update_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
_gh_token_store_get_token_reads (GhTokenStore *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_STORE (self), 0);

  return self->token_reads;
}
