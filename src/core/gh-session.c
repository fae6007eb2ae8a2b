/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-session"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-connection-private.h"
#include "gh-secret.h"
#include "gh-session-private.h"

/* The session object: its state, the list of saved connections and what changes it. */

G_DEFINE_FINAL_TYPE (GhSession, gh_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (GhSessionOrigin, gh_session_origin,
                    G_DEFINE_ENUM_VALUE (GH_SESSION_ORIGIN_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (GH_SESSION_ORIGIN_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (GH_SESSION_ORIGIN_REPLACING, "replacing"),
                    G_DEFINE_ENUM_VALUE (GH_SESSION_ORIGIN_SAVED, "saved"),
                    G_DEFINE_ENUM_VALUE (GH_SESSION_ORIGIN_DEMO, "demo"))

GParamSpec *_gh_session_properties[N_PROPS];

/* g_set_str() is newer than GLib 2.74. */
gboolean
_gh_session_replace_string (char       **field,
                            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
_gh_session_find_position (GListModel *model,
                           const char *connection_id,
                           guint      *position)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; connection_id != NULL && i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = GH_IS_RECHECK_FINDING (item)
        ? gh_recheck_finding_get_id (GH_RECHECK_FINDING (item))
        : gh_saved_connection_get_id (GH_SAVED_CONNECTION (item));

      if (g_strcmp0 (id, connection_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

GCancellable *
_gh_session_restart_cancellable (GhSession *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

static void
set_store_error (GhSession    *self,
                 const GError *error)
{
  if (self->store_error == NULL && error == NULL)
    return;

  g_clear_error (&self->store_error);
  self->store_error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_STORE_ERROR]);
}

void
_gh_session_set_waba_id (GhSession  *self,
                         const char *waba_id)
{
  if (_gh_session_replace_string (&self->waba_id, waba_id))
    g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_WABA_ID]);
}

void
_gh_session_set_connection (GhSession       *self,
                            GhConnection    *connection,
                            GhSessionOrigin  origin)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->connection, connection))
    g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_CONNECTION]);
  if (self->origin != origin)
    {
      self->origin = origin;
      g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_ORIGIN]);
    }
  _gh_session_set_waba_id (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* A new description of a saved connection replaces the old one in the list. */
void
_gh_session_replace_connection_item (GhSession         *self,
                                     GhSavedConnection *saved)
{
  guint position;

  if (_gh_session_find_position (G_LIST_MODEL (self->connections),
                                 gh_saved_connection_get_id (saved), &position))
    g_list_store_splice (self->connections, position, 1, (gpointer *) &saved, 1);
}

void
_gh_session_set_finding (GhSession         *self,
                         GhSavedConnection *saved,
                         GhRecheckChange    change,
                         const char        *message)
{
  g_autoptr(GhRecheckFinding) finding = NULL;
  guint position;
  gboolean found;

  found = _gh_session_find_position (G_LIST_MODEL (self->findings),
                                     gh_saved_connection_get_id (saved), &position);
  if (found && change != GH_RECHECK_NONE)
    {
      g_autoptr(GhRecheckFinding) old = g_list_model_get_item (G_LIST_MODEL (self->findings),
                                                               position);

      /* The same news again is no news: the banner stays as it is. */
      if (gh_recheck_finding_get_change (old) == change
          && g_strcmp0 (gh_recheck_finding_get_message (old), message) == 0)
        return;
    }
  if (change != GH_RECHECK_NONE)
    finding = gh_recheck_finding_new (saved, change, message);

  if (found && finding != NULL)
    g_list_store_splice (self->findings, position, 1, (gpointer *) &finding, 1);
  else if (found)
    g_list_store_remove (self->findings, position);
  else if (finding != NULL)
    g_list_store_append (self->findings, finding);
}

/* A finding about a connection that is gone has nothing left to fix. */
static void
prune_findings (GhSession *self)
{
  guint position;

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->findings)); i > 0; i--)
    {
      g_autoptr(GhRecheckFinding) finding =
        g_list_model_get_item (G_LIST_MODEL (self->findings), i - 1);

      if (!_gh_session_find_position (G_LIST_MODEL (self->connections),
                                      gh_recheck_finding_get_id (finding), &position))
        g_list_store_remove (self->findings, i - 1);
    }
}

GhConnection *
_gh_session_new_connection (GhSession          *self,
                            const char         *url,
                            const char         *token,
                            GhSavedConnection  *saved,
                            GError            **error)
{
  g_autofree char *version = g_settings_get_string (self->settings, "graph-api-version");

  return gh_connection_new (url, *version != '\0' ? version : NULL, token, saved, error);
}

/* Reload */

static void
launch_rechecked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autofree char *id = user_data;
  GhSession *self = GH_SESSION (object);
  g_autoptr(GError) error = NULL;

  gh_session_recheck_finish (self, result, NULL, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("A saved connection could not be checked: %s", error->message);
  if (self->launch_rechecks != NULL)
    g_hash_table_remove (self->launch_rechecks, id);
}

void
_gh_session_start_launch_recheck (GhSession *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->connections));

  self->launch_rechecked = TRUE;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GhSavedConnection) saved =
        g_list_model_get_item (G_LIST_MODEL (self->connections), i);
      const char *id = gh_saved_connection_get_id (saved);
      g_autoptr(GCancellable) cancellable = NULL;

      /* The open connection is checked when it opens. */
      if (g_strcmp0 (id, self->opened_id) == 0)
        continue;

      cancellable = g_cancellable_new ();
      g_hash_table_replace (self->launch_rechecks, g_strdup (id), g_object_ref (cancellable));
      gh_session_recheck_async (self, id, cancellable, launch_rechecked_cb, g_strdup (id));
    }
}

void
_gh_session_set_opened_id (GhSession  *self,
                           const char *connection_id)
{
  GCancellable *recheck;

  _gh_session_replace_string (&self->opened_id, connection_id);

  /* Opening it checks it: a quiet check of the same connection would only repeat that. */
  recheck = connection_id != NULL ? g_hash_table_lookup (self->launch_rechecks, connection_id)
                                  : NULL;
  if (recheck != NULL)
    g_cancellable_cancel (recheck);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;
  GhSession *self = g_task_get_source_object (task);
  guint n_items;

  connections = gh_token_store_list_finish (GH_TOKEN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A store swapped meanwhile ("continue without saving") answers for itself. */
  if (GH_TOKEN_STORE (object) != self->store)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "superseded");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->connections));
  g_list_store_splice (self->connections, 0, n_items,
                       connections != NULL ? connections->pdata : NULL,
                       connections != NULL ? connections->len : 0);
  prune_findings (self);
  set_store_error (self, error);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Once per session, every saved connection is checked again in the background, so a
   * token revoked or about to expire is found before the integration stops. */
  if (!self->launch_rechecked)
    _gh_session_start_launch_recheck (self);

  g_task_return_boolean (task, TRUE);
}

/* GObject */

static void
gh_session_dispose (GObject *object)
{
  GhSession *self = GH_SESSION (object);

  GHashTableIter iter;
  GCancellable *recheck;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->background);
  /* What is still on its way to the change record gets there before the app ends. */
  if (self->journal != NULL)
    gh_journal_flush (self->journal);
  if (self->launch_rechecks != NULL)
    {
      g_hash_table_iter_init (&iter, self->launch_rechecks);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &recheck))
        g_cancellable_cancel (recheck);
      g_clear_pointer (&self->launch_rechecks, g_hash_table_unref);
    }

  G_OBJECT_CLASS (gh_session_parent_class)->dispose (object);
}

static void
gh_session_finalize (GObject *object)
{
  GhSession *self = GH_SESSION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->background);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->graph_url, g_free);
  g_clear_object (&self->connections);
  g_clear_object (&self->findings);
  g_clear_error (&self->store_error);
  g_clear_object (&self->connection);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->opened_id, g_free);
  g_clear_pointer (&self->replacing_id, g_free);
  g_clear_pointer (&self->waba_id, g_free);

  G_OBJECT_CLASS (gh_session_parent_class)->finalize (object);
}

static void
gh_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GhSession *self = GH_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TOKEN_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SESSION_ONLY:
      g_value_set_boolean (value, gh_session_get_session_only (self));
      break;
    case PROP_CONNECTIONS:
      g_value_set_object (value, self->connections);
      break;
    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;
    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;
    case PROP_REPLACING_ID:
      g_value_set_string (value, self->replacing_id);
      break;
    case PROP_WABA_ID:
      g_value_set_string (value, self->waba_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GhSession *self = GH_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_REPLACING_ID:
      gh_session_set_replacing_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_session_class_init (GhSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gh_session_dispose;
  object_class->finalize = gh_session_finalize;
  object_class->get_property = gh_session_get_property;
  object_class->set_property = gh_session_set_property;

  _gh_session_properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  _gh_session_properties[PROP_TOKEN_STORE] =
    g_param_spec_object ("token-store", NULL, NULL, GH_TYPE_TOKEN_STORE, ro);
  _gh_session_properties[PROP_SESSION_ONLY] =
    g_param_spec_boolean ("session-only", NULL, NULL, FALSE, ro);
  _gh_session_properties[PROP_CONNECTIONS] =
    g_param_spec_object ("connections", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  _gh_session_properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  _gh_session_properties[PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL, G_TYPE_ERROR, ro);
  _gh_session_properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, GH_TYPE_CONNECTION, ro);
  _gh_session_properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, GH_TYPE_SESSION_ORIGIN, GH_SESSION_ORIGIN_NONE,
                       ro);
  _gh_session_properties[PROP_REPLACING_ID] =
    g_param_spec_string ("replacing-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _gh_session_properties[PROP_WABA_ID] =
    g_param_spec_string ("waba-id", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, _gh_session_properties);
}

static void
gh_session_init (GhSession *self)
{
  self->connections = g_list_store_new (GH_TYPE_SAVED_CONNECTION);
  self->findings = g_list_store_new (GH_TYPE_RECHECK_FINDING);
  self->cancellable = g_cancellable_new ();
  self->background = g_cancellable_new ();
  self->launch_rechecks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 g_object_unref);
}

/* Public API */

GhSession *
gh_session_new (GSettings    *settings,
                GhTokenStore *store,
                const char   *graph_url)
{
  GhSession *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (GH_IS_TOKEN_STORE (store), NULL);

  self = g_object_new (GH_TYPE_SESSION, "settings", settings, NULL);
  self->store = g_object_ref (store);
  self->graph_url = g_strdup (graph_url);

  return self;
}

GSettings *
gh_session_get_settings (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return self->settings;
}

GhTokenStore *
gh_session_get_token_store (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return self->store;
}

gboolean
gh_session_get_keyring_is_portal (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), FALSE);

  return gh_token_store_is_sandboxed ();
}

gboolean
gh_session_get_session_only (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), FALSE);

  return gh_token_store_is_in_memory (self->store);
}

GListModel *
gh_session_get_connections (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->connections);
}

GListModel *
gh_session_get_findings (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->findings);
}

const GError *
gh_session_get_store_error (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return self->store_error;
}

GhConnection *
gh_session_get_connection (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return self->connection;
}

GhSessionOrigin
gh_session_get_origin (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), GH_SESSION_ORIGIN_NONE);

  return self->origin;
}

const char *
gh_session_get_replacing_id (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return self->replacing_id;
}

void
gh_session_set_replacing_id (GhSession  *self,
                             const char *connection_id)
{
  g_return_if_fail (GH_IS_SESSION (self));

  if (_gh_session_replace_string (&self->replacing_id, connection_id))
    g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_REPLACING_ID]);
}

GhSavedConnection *
gh_session_find_connection (GhSession  *self,
                            const char *connection_id)
{
  g_autoptr(GhSavedConnection) saved = NULL;
  guint position;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  if (!_gh_session_find_position (G_LIST_MODEL (self->connections), connection_id, &position))
    return NULL;

  /* The store keeps its own reference: the borrowed pointer stays valid until it changes. */
  saved = g_list_model_get_item (G_LIST_MODEL (self->connections), position);
  return saved;
}

GhRecheckFinding *
gh_session_find_finding (GhSession  *self,
                         const char *connection_id)
{
  g_autoptr(GhRecheckFinding) finding = NULL;
  guint position;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  if (!_gh_session_find_position (G_LIST_MODEL (self->findings), connection_id, &position))
    return NULL;

  finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position);
  return finding;
}

void
gh_session_reload_async (GhSession           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GH_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_session_reload_async);
  gh_token_store_list_async (self->store, cancellable, listed_cb, g_steal_pointer (&task));
}

gboolean
gh_session_reload_finish (GhSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (GH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
gh_session_inhibit_launch_recheck (GhSession *self)
{
  g_return_if_fail (GH_IS_SESSION (self));

  self->launch_rechecked = TRUE;
}

void
gh_session_use_session_store (GhSession *self)
{
  g_return_if_fail (GH_IS_SESSION (self));

  if (gh_token_store_is_in_memory (self->store))
    return;

  g_clear_object (&self->store);
  self->store = gh_token_store_new_in_memory ();
  set_store_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_TOKEN_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_SESSION_ONLY]);
  gh_session_reload_async (self, NULL, NULL, NULL);
}

void
_gh_session_reloaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Saved is saved: a listing that fails now shows on the welcome page, not here. */
  if (!gh_session_reload_finish (GH_SESSION (object), result, &error))
    g_debug ("Listing after a save failed: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
renamed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GhSession *self = g_task_get_source_object (task);
  GhSavedConnection *before = g_task_get_task_data (task);

  if (!gh_token_store_update_finish (GH_TOKEN_STORE (object), result, &error))
    {
      /* The list showed the new name at once: it shows the old one again. */
      if (gh_session_find_connection (self, gh_saved_connection_get_id (before)) != NULL)
        _gh_session_replace_connection_item (self, before);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Listed again, so the list stays in order of names. */
  gh_session_reload_async (self, NULL, _gh_session_reloaded_cb, g_steal_pointer (&task));
}

void
gh_session_rename_async (GhSession           *self,
                         const char          *connection_id,
                         const char          *label,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GhSavedConnection) renamed = NULL;
  g_autofree char *clean = NULL;
  GhSavedConnection *saved;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (connection_id != NULL);
  g_return_if_fail (label != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_session_rename_async);

  saved = gh_session_find_connection (self, connection_id);
  clean = g_strstrip (g_strdup (label));
  if (saved == NULL || *clean == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               saved == NULL ? _("This connection is no longer saved.")
                                             : _("A connection needs a name."));
      return;
    }

  /* The list takes the new name at once, so a check finishing meanwhile records on top of
   * it rather than bringing the old name back. */
  g_task_set_task_data (task, g_object_ref (saved), g_object_unref);
  renamed = gh_saved_connection_copy (saved);
  gh_saved_connection_set_label (renamed, clean);
  _gh_session_replace_connection_item (self, renamed);
  gh_token_store_update_async (self->store, renamed, cancellable, renamed_cb,
                               g_steal_pointer (&task));
}

gboolean
gh_session_rename_finish (GhSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (GH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GhSession *self = g_task_get_source_object (task);
  const char *id = g_task_get_task_data (task);
  guint position;

  if (!gh_token_store_forget_finish (GH_TOKEN_STORE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (_gh_session_find_position (G_LIST_MODEL (self->connections), id, &position))
    g_list_store_remove (self->connections, position);
  prune_findings (self);
  g_task_return_boolean (task, TRUE);
}

void
gh_session_forget_async (GhSession           *self,
                         const char          *connection_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (connection_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_session_forget_async);
  g_task_set_task_data (task, g_strdup (connection_id), g_free);
  gh_token_store_forget_async (self->store, connection_id, cancellable, forgotten_cb,
                               g_steal_pointer (&task));
}

gboolean
gh_session_forget_finish (GhSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (GH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
