/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "gh-token-store.h"

/* Only the simple secret_password_* API is used: it is what libsecret routes through the
 * Secret portal inside Flatpak, and through the file backend in tests. */

struct _GhTokenStore
{
  GObject parent_instance;

  /* connection id → MemoryEntry; NULL for the keyring store */
  GHashTable *memory;
  /* A save is a clear then a store: two saves of one connection running together would
   * leave two items, and a load between the two steps would find nothing.  So while a save
   * runs, other saves, loads and lists wait. */
  GQueue      pending;
  gboolean    saving;
};

G_DEFINE_FINAL_TYPE (GhTokenStore, gh_token_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (gh-token-store-error-quark, gh_token_store_error)

#define SCHEMA_NAME "io.github.gatehouse_app.Gatehouse.Token"

#define ATTR_CONNECTION_ID    "connection-id"
#define ATTR_LABEL            "label"
#define ATTR_BUSINESS_ID      "business-id"
#define ATTR_BUSINESS_NAME    "business-name"
#define ATTR_SYSTEM_USER_NAME "system-user-name"
#define ATTR_WABA_ID          "waba-id"
#define ATTR_LAST_CHECKED     "last-checked"
#define ATTR_LAST_CHECK_OK    "last-check-ok"
#define ATTR_SCOPES           "scopes"
#define ATTR_EXPIRES_AT       "expires-at"

typedef enum
{
  OP_SAVE,
  OP_LIST,
  OP_LOAD,
  OP_FORGET,
} Operation;

typedef struct
{
  GhSavedConnection *connection;
  char *token;
} MemoryEntry;

typedef struct
{
  Operation op;
  GHashTable *attributes;
  char *item_label;
  char *token;
  char *connection_id;
  GhSavedConnection *connection;
} OpData;

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { ATTR_CONNECTION_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_LABEL, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_BUSINESS_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_BUSINESS_NAME, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_SYSTEM_USER_NAME, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_WABA_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_LAST_CHECKED, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_LAST_CHECK_OK, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_SCOPES, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_EXPIRES_AT, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
memory_entry_free (MemoryEntry *entry)
{
  g_clear_object (&entry->connection);
  gh_token_store_free_token (g_steal_pointer (&entry->token));
  g_free (entry);
}

static void
op_data_free (OpData *data)
{
  g_clear_pointer (&data->attributes, g_hash_table_unref);
  g_clear_pointer (&data->item_label, g_free);
  gh_token_store_free_token (g_steal_pointer (&data->token));
  g_clear_pointer (&data->connection_id, g_free);
  g_clear_object (&data->connection);
  g_free (data);
}

static OpData *
op_data_new (Operation op)
{
  OpData *data = g_new0 (OpData, 1);

  data->op = op;
  return data;
}

static GHashTable *
attributes_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static GHashTable *
attributes_for_id (const char *connection_id)
{
  GHashTable *attributes = attributes_new ();

  g_hash_table_insert (attributes, (char *)ATTR_CONNECTION_ID, g_strdup (connection_id));
  return attributes;
}

static void
add_attribute (GHashTable *attributes,
               const char *name,
               const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (attributes, (char *)name, g_strdup (value));
}

static GHashTable *
attributes_for_connection (GhSavedConnection *connection)
{
  GHashTable *attributes = attributes_for_id (gh_saved_connection_get_id (connection));

  add_attribute (attributes, ATTR_LABEL, gh_saved_connection_get_label (connection));
  add_attribute (attributes, ATTR_BUSINESS_ID, gh_saved_connection_get_business_id (connection));
  add_attribute (attributes, ATTR_BUSINESS_NAME,
                 gh_saved_connection_get_business_name (connection));
  add_attribute (attributes, ATTR_SYSTEM_USER_NAME,
                 gh_saved_connection_get_system_user_name (connection));
  add_attribute (attributes, ATTR_WABA_ID, gh_saved_connection_get_waba_id (connection));
  g_hash_table_insert (attributes, (char *)ATTR_LAST_CHECKED,
                       g_strdup_printf ("%" G_GINT64_FORMAT,
                                        gh_saved_connection_get_last_checked (connection)));
  g_hash_table_insert (attributes, (char *)ATTR_LAST_CHECK_OK,
                       g_strdup (gh_saved_connection_get_last_check_ok (connection)
                                 ? "true" : "false"));
  add_attribute (attributes, ATTR_SCOPES, gh_saved_connection_get_scopes (connection));
  g_hash_table_insert (attributes, (char *)ATTR_EXPIRES_AT,
                       g_strdup_printf ("%" G_GINT64_FORMAT,
                                        gh_saved_connection_get_expires_at (connection)));

  return attributes;
}

/* Attributes come from a keyring other programs can write to: nothing in them is trusted. */
static GhSavedConnection *
connection_from_attributes (GHashTable *attributes)
{
  g_autoptr(GhSavedConnection) connection = NULL;
  const char *id;
  const char *checked;
  gint64 when = 0;

  id = g_hash_table_lookup (attributes, ATTR_CONNECTION_ID);
  if (id == NULL || *id == '\0')
    return NULL;

  connection = gh_saved_connection_new_with_id (id);
  gh_saved_connection_set_label (connection, g_hash_table_lookup (attributes, ATTR_LABEL));
  gh_saved_connection_set_business_id (connection,
                                       g_hash_table_lookup (attributes, ATTR_BUSINESS_ID));
  gh_saved_connection_set_business_name (connection,
                                         g_hash_table_lookup (attributes, ATTR_BUSINESS_NAME));
  gh_saved_connection_set_system_user_name (connection,
                                            g_hash_table_lookup (attributes,
                                                                 ATTR_SYSTEM_USER_NAME));
  gh_saved_connection_set_waba_id (connection, g_hash_table_lookup (attributes, ATTR_WABA_ID));

  checked = g_hash_table_lookup (attributes, ATTR_LAST_CHECKED);
  if (checked != NULL && !g_ascii_string_to_signed (checked, 10, 0, G_MAXINT64, &when, NULL))
    when = 0;
  gh_saved_connection_set_last_check (connection, when,
                                      g_strcmp0 (g_hash_table_lookup (attributes,
                                                                      ATTR_LAST_CHECK_OK),
                                                 "true") == 0);
  gh_saved_connection_set_scopes (connection, g_hash_table_lookup (attributes, ATTR_SCOPES));

  checked = g_hash_table_lookup (attributes, ATTR_EXPIRES_AT);
  if (checked == NULL || !g_ascii_string_to_signed (checked, 10, 0, G_MAXINT64, &when, NULL))
    when = 0;
  gh_saved_connection_set_expires_at (connection, when);

  return g_steal_pointer (&connection);
}

static int
compare_connections (gconstpointer a,
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

static const char *
failed_message (Operation op)
{
  switch (op)
    {
    case OP_SAVE:
      return _("The token could not be saved in the keyring.");
    case OP_LIST:
      return _("The saved connections could not be read from the keyring.");
    case OP_LOAD:
      return _("The token could not be read from the keyring.");
    case OP_FORGET:
    default:
      return _("The token could not be removed from the keyring.");
    }
}

static gboolean
is_unavailable_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return TRUE;
        default:
          break;
        }
    }

  return error->message != NULL &&
         strstr (error->message, "was not provided by any .service files") != NULL;
}

static gboolean
is_locked_error (const GError *error)
{
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return TRUE;

  /* A dismissed unlock prompt, or the portal's "user interaction failed" */
  return error->message != NULL &&
         (strstr (error->message, "dismissed") != NULL ||
          strstr (error->message, "user interaction failed") != NULL);
}

/* Libsecret's messages are for developers; a person gets one plain sentence.  The original
 * only goes to the debug log (it never holds the token: secrets are not in D-Bus errors). */
static GError *
map_error (const GError *error,
           Operation     op)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("Keyring operation failed: %s (%s, %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (is_unavailable_error (error))
    return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_UNAVAILABLE,
                                _("There is no keyring on this computer to keep the token in."));

  if (is_locked_error (error))
    return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED,
                                _("The keyring is locked. Unlock it and try again."));

  return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_FAILED,
                              failed_message (op));
}

static GError *
not_found_error (void)
{
  return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND,
                              _("No token is saved for this connection."));
}

static void
return_mapped_error (GTask        *task,
                     const GError *error)
{
  OpData *data = g_task_get_task_data (task);

  g_task_return_error (task, map_error (error, data->op));
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
        g_ptr_array_sort (list, compare_connections);
        g_task_return_pointer (task, g_steal_pointer (&list), (GDestroyNotify)g_ptr_array_unref);
      }
      break;

    case OP_LOAD:
      entry = g_hash_table_lookup (self->memory, data->connection_id);
      if (entry == NULL)
        g_task_return_error (task, not_found_error ());
      else
        g_task_return_pointer (task, g_strdup (entry->token),
                               (GDestroyNotify)gh_token_store_free_token);
      break;

    case OP_FORGET:
      g_hash_table_remove (self->memory, data->connection_id);
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

static void start_task (GTask *task);

static void
save_finished (GTask *task)
{
  GhTokenStore *self = g_task_get_source_object (task);
  GTask *next;

  self->saving = FALSE;
  while (!self->saving && (next = g_queue_pop_head (&self->pending)) != NULL)
    start_task (next);
}

/* Takes @task: runs it now, or after the save in progress. */
static void
run_or_queue (GhTokenStore *self,
              GTask        *task)
{
  if (self->saving)
    g_queue_push_tail (&self->pending, task);
  else
    start_task (task);
}

static void
password_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    return_mapped_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  save_finished (task);
}

static void
old_items_cleared_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *data = g_task_get_task_data (task);

  /* FALSE without an error only means there was nothing to replace. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      return_mapped_error (task, error);
      save_finished (task);
      return;
    }

  secret_password_storev (get_schema (), data->attributes, SECRET_COLLECTION_DEFAULT,
                          data->item_label, data->token, g_task_get_cancellable (task),
                          password_stored_cb, g_object_ref (task));
}

static void
passwords_searched_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      return_mapped_error (task, error);
      return;
    }

  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = NULL;
      GhSavedConnection *connection;

      attributes = secret_retrievable_get_attributes (SECRET_RETRIEVABLE (l->data));
      if (attributes == NULL)
        continue;

      connection = connection_from_attributes (attributes);
      if (connection != NULL)
        g_ptr_array_add (list, connection);
    }
  g_list_free_full (items, g_object_unref);

  g_ptr_array_sort (list, compare_connections);
  g_task_return_pointer (task, g_steal_pointer (&list), (GDestroyNotify)g_ptr_array_unref);
}

static void
locked_items_searched_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    return_mapped_error (task, error);
  else if (items != NULL)
    g_task_return_new_error (task, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED,
                             "%s", _("The keyring is locked. Unlock it and try again."));
  else
    g_task_return_error (task, not_found_error ());

  g_list_free_full (items, g_object_unref);
}

static void
password_looked_up_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *data = g_task_get_task_data (task);
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      return_mapped_error (task, error);
    }
  else if (token == NULL)
    {
      /* A lookup whose unlock prompt failed or was dismissed also answers nothing: look for
       * the item without unlocking to tell "locked" from "not there". */
      secret_password_searchv (get_schema (), data->attributes, SECRET_SEARCH_NONE,
                               g_task_get_cancellable (task), locked_items_searched_cb,
                               g_object_ref (task));
    }
  else
    {
      g_task_return_pointer (task, token, (GDestroyNotify)gh_token_store_free_token);
    }
}

static void
password_cleared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    return_mapped_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
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

const char *
gh_token_store_get_schema_name (void)
{
  return SCHEMA_NAME;
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
  const char *label;

  g_return_if_fail (GH_IS_TOKEN_STORE (self));
  g_return_if_fail (GH_IS_SAVED_CONNECTION (connection));
  g_return_if_fail (token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = op_data_new (OP_SAVE);
  data->connection = gh_saved_connection_copy (connection);
  data->token = g_strdup (token);
  task = create_task (self, data, gh_token_store_save_async, cancellable, callback, user_data);

  if (self->memory != NULL)
    {
      memory_run (g_steal_pointer (&task));
      return;
    }

  label = gh_saved_connection_get_label (connection);
  if (label == NULL)
    label = gh_saved_connection_get_business_name (connection);
  if (label == NULL)
    label = gh_saved_connection_get_id (connection);

  /* TRANSLATORS: the name of the keyring item, as Passwords and Keys shows it */
  data->item_label = g_strdup_printf (_("Gatehouse: %s"), label);
  data->attributes = attributes_for_connection (connection);

  run_or_queue (self, g_steal_pointer (&task));
}

/* Takes @task. */
static void
start_task (GTask *task)
{
  GhTokenStore *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GHashTable) attributes = NULL;

  switch (data->op)
    {
    case OP_SAVE:
      /* The attributes describe the connection and change with it, so an update is a new
       * item: clear the old one(s) first or a search would find both. */
      self->saving = TRUE;
      attributes = attributes_for_id (gh_saved_connection_get_id (data->connection));
      secret_password_clearv (get_schema (), attributes, cancellable, old_items_cleared_cb,
                              task);
      break;

    case OP_LIST:
      /* Only the schema name is matched; secrets are not loaded (no
       * SECRET_SEARCH_LOAD_SECRETS), so listing never brings a token into memory. */
      attributes = attributes_new ();
      secret_password_searchv (get_schema (), attributes,
                               SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                               cancellable, passwords_searched_cb, task);
      break;

    case OP_LOAD:
      data->attributes = attributes_for_id (data->connection_id);
      secret_password_lookupv (get_schema (), data->attributes, cancellable,
                               password_looked_up_cb, task);
      break;

    case OP_FORGET:
    default:
      g_assert_not_reached ();
    }
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

  if (self->memory != NULL)
    {
      memory_run (g_steal_pointer (&task));
      return;
    }

  run_or_queue (self, g_steal_pointer (&task));
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

  if (self->memory != NULL)
    {
      memory_run (g_steal_pointer (&task));
      return;
    }

  run_or_queue (self, g_steal_pointer (&task));
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
  g_autoptr(GHashTable) attributes = NULL;
  OpData *data;

  g_return_if_fail (GH_IS_TOKEN_STORE (self));
  g_return_if_fail (connection_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = op_data_new (OP_FORGET);
  data->connection_id = g_strdup (connection_id);
  task = create_task (self, data, gh_token_store_forget_async, cancellable, callback, user_data);

  if (self->memory != NULL)
    {
      memory_run (g_steal_pointer (&task));
      return;
    }

  attributes = attributes_for_id (connection_id);
  secret_password_clearv (get_schema (), attributes, cancellable,
                          password_cleared_cb, g_steal_pointer (&task));
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
gh_token_store_free_token (char *token)
{
  if (token == NULL)
    return;

  gh_token_store_wipe_token (token);
  g_free (token);
}

/* A plain memset may be optimised away when the buffer is freed right after. */
void
gh_token_store_wipe_token (char *token)
{
  size_t len;

  if (token == NULL)
    return;

  len = strlen (token);
#ifdef HAVE_EXPLICIT_BZERO
  explicit_bzero (token, len);
#else
  {
    volatile char *p = (volatile char *)token;

    for (size_t i = 0; i < len; i++)
      p[i] = '\0';
  }
#endif
}
