/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-session"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-secret.h"
#include "gh-session-private.h"

/* The change record every window writes to, how the open connection is named in it, and
 * connections opened without a check, to look across every saved connection at once. */

GhJournal *
gh_session_get_journal (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  if (self->journal == NULL)
    {
      g_autofree char *path = gh_journal_dup_default_path ();

      self->journal = gh_journal_new (path);
    }

  return self->journal;
}

const char *
gh_session_get_record_id (GhSession *self)
{
  GhSavedConnection *saved;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  saved = self->connection != NULL ? gh_connection_get_saved (self->connection) : NULL;
  if (self->origin != GH_SESSION_ORIGIN_SAVED || saved == NULL)
    return NULL;

  return gh_saved_connection_get_id (saved);
}

const char *
gh_session_get_record_label (GhSession *self)
{
  GhSavedConnection *saved;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  saved = self->connection != NULL ? gh_connection_get_saved (self->connection) : NULL;
  if (saved != NULL && gh_saved_connection_get_label (saved) != NULL)
    return gh_saved_connection_get_label (saved);

  return self->origin == GH_SESSION_ORIGIN_DEMO ? _("Demo") : _("Connection not saved");
}

const char *
gh_session_get_waba_name (GhSession  *self,
                          const char *waba_id)
{
  GhCheckReport *report;
  GPtrArray *wabas;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  report = self->connection != NULL ? gh_connection_get_report (self->connection) : NULL;
  wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;
  for (guint i = 0; waba_id != NULL && wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);

      if (g_strcmp0 (gh_check_waba_get_id (check_waba), waba_id) == 0
          && gh_check_waba_get_waba (check_waba) != NULL)
        return gh_waba_get_name (gh_check_waba_get_waba (check_waba));
    }

  return NULL;
}

static void
quiet_token_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_auto(GhSecretString) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GhSavedConnection) copy = NULL;
  GhSession *self = g_task_get_source_object (task);
  GhConnection *connection;

  token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  copy = gh_saved_connection_copy (g_task_get_task_data (task));
  connection = _gh_session_new_connection (self, self->graph_url, token, copy, &error);
  if (connection == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, connection, g_object_unref);
}

void
gh_session_open_quietly_async (GhSession           *self,
                               const char          *connection_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GhSavedConnection *saved;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (connection_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_session_open_quietly_async);

  if (self->connection != NULL && g_strcmp0 (gh_session_get_record_id (self), connection_id) == 0)
    {
      g_task_return_pointer (task, g_object_ref (self->connection), g_object_unref);
      return;
    }

  saved = gh_session_find_connection (self, connection_id);
  if (saved == NULL)
    {
      g_task_return_new_error (task, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND,
                               "%s", _("This connection is no longer saved."));
      return;
    }

  g_task_set_task_data (task, g_object_ref (saved), g_object_unref);
  gh_token_store_load_async (self->store, connection_id, cancellable, quiet_token_loaded_cb,
                             g_steal_pointer (&task));
}

GhConnection *
gh_session_open_quietly_finish (GhSession     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
