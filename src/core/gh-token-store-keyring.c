/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "gh-secret.h"
#include "gh-token-store-private.h"

/* The store's operations in the desktop keyring, through libsecret with our own schema; the
 * connection's non-secret description lives in the item's attributes.  The simple
 * secret_password_* API is what libsecret routes through the Secret portal inside Flatpak
 * and through the file backend in tests; only an update without the secret needs the
 * Secret Service's own item API. */

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
#define ATTR_SYSTEM_USER_ID   "system-user-id"
#define ATTR_APP_ID           "app-id"
#define ATTR_APP_NAME         "app-name"
#define ATTR_ACCOUNT_IDS      "account-ids"

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
      { ATTR_SYSTEM_USER_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_APP_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_APP_NAME, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTR_ACCOUNT_IDS, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
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
  add_attribute (attributes, ATTR_SYSTEM_USER_ID,
                 gh_saved_connection_get_system_user_id (connection));
  add_attribute (attributes, ATTR_APP_ID, gh_saved_connection_get_app_id (connection));
  add_attribute (attributes, ATTR_APP_NAME, gh_saved_connection_get_app_name (connection));
  add_attribute (attributes, ATTR_ACCOUNT_IDS, gh_saved_connection_get_account_ids (connection));

  return attributes;
}

/* The item's name, as Passwords and Keys shows it. */
static char *
item_label_for (GhSavedConnection *connection)
{
  const char *label = gh_saved_connection_get_label (connection);

  if (label == NULL)
    label = gh_saved_connection_get_business_name (connection);
  if (label == NULL)
    label = gh_saved_connection_get_id (connection);

  /* TRANSLATORS: the name of the keyring item, as Passwords and Keys shows it */
  return g_strdup_printf (_("Gatehouse: %s"), label);
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

  gh_saved_connection_set_system_user_id (connection,
                                          g_hash_table_lookup (attributes,
                                                               ATTR_SYSTEM_USER_ID));
  gh_saved_connection_set_app_id (connection, g_hash_table_lookup (attributes, ATTR_APP_ID));
  gh_saved_connection_set_app_name (connection, g_hash_table_lookup (attributes, ATTR_APP_NAME));
  gh_saved_connection_set_account_ids (connection,
                                       g_hash_table_lookup (attributes, ATTR_ACCOUNT_IDS));

  return g_steal_pointer (&connection);
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
    case OP_UPDATE:
      return _("The connection could not be updated in the keyring.");
    case OP_FORGET:
    default:
      return _("The token could not be removed from the keyring.");
    }
}

/* Updating a description without the secret.  Through the Secret Service the item's label and
 * attributes are D-Bus properties: set them and the secret is neither read nor written.
 * libsecret's file backend (the Secret portal in Flatpak, and tests) has no such call: there
 * the item is stored again with the secret libsecret loads into its own secure memory, which
 * never becomes a string of ours. */
static gboolean
uses_file_backend (void)
{
  const char *backend = g_getenv ("SECRET_BACKEND");

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) || g_getenv ("SNAP_NAME") != NULL)
    return TRUE;

  return g_strcmp0 (backend, "file") == 0;
}

static gboolean
is_unavailable_error (const GError *error)
{
  if (error->domain != G_DBUS_ERROR)
    return FALSE;

  switch (error->code)
    {
    case G_DBUS_ERROR_SERVICE_UNKNOWN:  /* "… was not provided by any .service files" */
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
      return FALSE;
    }
}

/* The Secret portal's answers (libsecret's file backend inside Flatpak): "user interaction
 * cancelled" comes as G_IO_ERROR_CANCELLED although nothing of ours was cancelled, and
 * "user interaction failed" (no "login" keyring to unlock) as G_IO_ERROR_FAILED. */
static gboolean
is_locked_error (const GError *error,
                 GCancellable *cancellable)
{
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return TRUE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return !g_cancellable_is_cancelled (cancellable);

  return uses_file_backend () && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

/* Libsecret's messages are for developers; a person gets one plain sentence.  The original
 * only goes to the debug log (it never holds the token: secrets are not in D-Bus errors). */
GError *
_gh_token_store_map_error (const GError *error,
                           Operation     op,
                           GCancellable *cancellable)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      g_cancellable_is_cancelled (cancellable))
    return g_error_copy (error);

  g_debug ("Keyring operation failed: %s (%s, %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (is_unavailable_error (error))
    return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_UNAVAILABLE,
                                gh_token_store_is_sandboxed ()
                                ? _("The desktop gives Gatehouse no place to keep the token: "
                                    "its Secret portal is missing.")
                                : _("There is no keyring on this computer to keep the token "
                                    "in."));

  /* Our own cancellable was not cancelled: the unlock prompt was. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED,
                                _("The keyring was not unlocked. Unlock it and try again."));

  if (is_locked_error (error, cancellable))
    return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED,
                                _("The keyring is locked. Unlock it and try again."));

  return g_error_new_literal (GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_FAILED,
                              failed_message (op));
}

static void
return_mapped_error (GTask        *task,
                     const GError *error)
{
  OpData *data = g_task_get_task_data (task);

  g_task_return_error (task, _gh_token_store_map_error (error, data->op,
                                                        g_task_get_cancellable (task)));
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
  _gh_token_store_release_queue (task);
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
      _gh_token_store_release_queue (task);
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

  g_ptr_array_sort (list, _gh_token_store_compare_connections);
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
    g_task_return_error (task, _gh_token_store_not_found_error ());

  g_list_free_full (items, g_object_unref);
}

static void
update_finished (GTask        *task,
                 const GError *error)
{
  if (error != NULL)
    return_mapped_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  _gh_token_store_release_queue (task);
}

static void
item_label_set_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_item_set_label_finish (SECRET_ITEM (object), result, &error);
  update_finished (task, error);
}

static void
item_attributes_set_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *data = g_task_get_task_data (task);

  if (!secret_item_set_attributes_finish (SECRET_ITEM (object), result, &error))
    {
      update_finished (task, error);
      return;
    }

  secret_item_set_label (SECRET_ITEM (object), data->item_label, g_task_get_cancellable (task),
                         item_label_set_cb, g_object_ref (task));
}

static void
service_items_found_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *data = g_task_get_task_data (task);
  GList *items;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      update_finished (task, error);
      return;
    }

  if (items == NULL)
    {
      g_task_return_error (task, _gh_token_store_not_found_error ());
      _gh_token_store_release_queue (task);
      return;
    }

  /* A save leaves one item per connection. */
  secret_item_set_attributes (SECRET_ITEM (items->data), get_schema (), data->attributes,
                              g_task_get_cancellable (task), item_attributes_set_cb,
                              g_object_ref (task));
  g_list_free_full (items, g_object_unref);
}

static void
service_got_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  OpData *data = g_task_get_task_data (task);

  service = secret_service_get_finish (result, &error);
  if (service == NULL)
    {
      update_finished (task, error);
      return;
    }

  attributes = attributes_for_id (gh_saved_connection_get_id (data->connection));
  secret_service_search (service, get_schema (), attributes,
                         SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                         g_task_get_cancellable (task), service_items_found_cb,
                         g_object_ref (task));
}

static void
file_item_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_store_finish (result, &error);
  update_finished (task, error);
}

static void
file_item_cleared_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpData *data = g_task_get_task_data (task);

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      update_finished (task, error);
      return;
    }

  secret_password_storev_binary (get_schema (), data->attributes, SECRET_COLLECTION_DEFAULT,
                                 data->item_label, data->value, g_task_get_cancellable (task),
                                 file_item_stored_cb, g_object_ref (task));
}

static void
file_secret_retrieved_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  OpData *data = g_task_get_task_data (task);

  data->value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result,
                                                           &error);
  if (data->value == NULL)
    {
      update_finished (task, error);
      return;
    }

  attributes = attributes_for_id (gh_saved_connection_get_id (data->connection));
  secret_password_clearv (get_schema (), attributes, g_task_get_cancellable (task),
                          file_item_cleared_cb, g_object_ref (task));
}

static void
file_items_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      update_finished (task, error);
      return;
    }

  if (items == NULL)
    {
      g_task_return_error (task, _gh_token_store_not_found_error ());
      _gh_token_store_release_queue (task);
      return;
    }

  secret_retrievable_retrieve_secret (SECRET_RETRIEVABLE (items->data),
                                      g_task_get_cancellable (task), file_secret_retrieved_cb,
                                      g_object_ref (task));
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
      g_task_return_pointer (task, token, (GDestroyNotify)gh_secret_free);
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

void
_gh_token_store_keyring_start (GTask *task)
{
  GhTokenStore *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GHashTable) attributes = NULL;

  switch (data->op)
    {
    case OP_SAVE:
      /* A new token is a new item: clear the old one(s) first or a search would find both. */
      self->saving = TRUE;
      data->item_label = item_label_for (data->connection);
      data->attributes = attributes_for_connection (data->connection);
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
      self->token_reads++;
      data->attributes = attributes_for_id (data->connection_id);
      secret_password_lookupv (get_schema (), data->attributes, cancellable,
                               password_looked_up_cb, task);
      break;

    case OP_UPDATE:
      /* Like a save, an update holds the queue: a load between its steps would find nothing. */
      self->saving = TRUE;
      data->item_label = item_label_for (data->connection);
      data->attributes = attributes_for_connection (data->connection);
      attributes = attributes_for_id (gh_saved_connection_get_id (data->connection));
      if (uses_file_backend ())
        secret_password_searchv (get_schema (), attributes,
                                 SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                                 cancellable, file_items_found_cb, task);
      else
        secret_service_get (SECRET_SERVICE_NONE, cancellable, service_got_cb, task);
      break;

    case OP_FORGET:
      attributes = attributes_for_id (data->connection_id);
      secret_password_clearv (get_schema (), attributes, cancellable, password_cleared_cb,
                              task);
      break;

    default:
      g_assert_not_reached ();
    }
}

const char *
gh_token_store_get_schema_name (void)
{
  return SCHEMA_NAME;
}

gboolean
gh_token_store_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}
