/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-session"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-connection-private.h"
#include "gh-secret.h"
#include "gh-assignment-editor.h"
#include "gh-session-private.h"

/* Opening a connection and checking it, saving a pasted token, and the quiet re-checks of
 * saved connections with what they record. */

/* Background keyring updates: a failure is only logged, the next check records again. */
static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gh_token_store_update_finish (GH_TOKEN_STORE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not record a check with its connection: %s", error->message);
}

/* Compares @report with what the saved connection @before recorded, keeps the finding, and
 * records the result with it (in the list and in the keyring, without touching the token).
 * The connection as the list holds it now is the one compared and updated: a rename made
 * while the check ran stays.  Nothing is recorded for a connection forgotten meanwhile. */
void
_gh_session_record_check (GhSession          *self,
                          GhSavedConnection  *before,
                          GhCheckReport      *report,
                          GhRecheckChange    *change_out,
                          char              **message_out)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GhSavedConnection *current;
  g_autoptr(GhSavedConnection) updated = NULL;
  g_autofree char *message = NULL;
  GhRecheckChange change = GH_RECHECK_NONE;

  current = gh_session_find_connection (self, gh_saved_connection_get_id (before));
  if (current == NULL)
    {
      if (change_out != NULL)
        *change_out = change;
      return;
    }

  updated = gh_saved_connection_copy (current);
  change = gh_recheck_compare (current, report, now, &message);
  gh_recheck_record (updated, report, now);
  gh_rotation_record (updated, report);

  _gh_session_set_finding (self, updated, change, message);
  _gh_session_replace_connection_item (self, updated);
  gh_token_store_update_async (self->store, updated, self->background, updated_cb, NULL);

  if (change_out != NULL)
    *change_out = change;
  if (message_out != NULL)
    *message_out = g_steal_pointer (&message);
}

/* Quiet re-check (launch, Check Now) */

typedef struct
{
  GhSavedConnection *saved;
  GhConnection      *connection;
  GhRecheckChange    change;
  char              *message;
} RecheckData;

static void
recheck_data_free (RecheckData *data)
{
  g_clear_object (&data->saved);
  g_clear_object (&data->connection);
  g_clear_pointer (&data->message, g_free);
  g_free (data);
}

static void
rechecked_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GhSession *self = g_task_get_source_object (task);
  RecheckData *data = g_task_get_task_data (task);

  report = gh_connection_check_finish (GH_CONNECTION (object), result, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _gh_session_record_check (self, data->saved, report, &data->change, &data->message);
  g_task_return_boolean (task, TRUE);
}

static void
recheck_token_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_auto(GhSecretString) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GhSavedConnection) copy = NULL;
  GhSession *self = g_task_get_source_object (task);
  RecheckData *data = g_task_get_task_data (task);

  token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The connection may describe itself as it learns; the list keeps its own copy. */
  copy = gh_saved_connection_copy (data->saved);
  data->connection = _gh_session_new_connection (self, self->graph_url, token, copy, &error);
  if (data->connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  gh_connection_check_async (data->connection, g_task_get_cancellable (task), rechecked_cb,
                             g_object_ref (task));
}

void
gh_session_recheck_async (GhSession           *self,
                          const char          *connection_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GhSavedConnection *saved;
  RecheckData *data;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (connection_id != NULL);

  /* Stops with the caller, or else with the session. */
  if (cancellable == NULL)
    cancellable = self->background;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_session_recheck_async);

  saved = gh_session_find_connection (self, connection_id);
  if (saved == NULL)
    {
      g_task_return_new_error (task, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND,
                               "%s", _("This connection is no longer saved."));
      return;
    }

  data = g_new0 (RecheckData, 1);
  data->saved = g_object_ref (saved);
  g_task_set_task_data (task, data, (GDestroyNotify) recheck_data_free);
  cancellable = g_task_get_cancellable (task);
  gh_token_store_load_async (self->store, connection_id, cancellable, recheck_token_loaded_cb,
                             g_steal_pointer (&task));
}

GhRecheckChange
gh_session_recheck_finish (GhSession     *self,
                           GAsyncResult  *result,
                           char         **message,
                           GError       **error)
{
  RecheckData *data;

  g_return_val_if_fail (GH_IS_SESSION (self), GH_RECHECK_NONE);
  g_return_val_if_fail (g_task_is_valid (result, self), GH_RECHECK_NONE);

  if (message != NULL)
    *message = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return GH_RECHECK_NONE;

  data = g_task_get_task_data (G_TASK (result));
  if (message != NULL)
    *message = g_strdup (data->message);
  return data->change;
}

/* Opening and checking */

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GhSession *self = g_task_get_source_object (task);
  GhSavedConnection *before = g_task_get_task_data (task);

  report = gh_connection_check_finish (GH_CONNECTION (object), result, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A saved connection's result is kept with it and compared with last time. */
  if (self->origin == GH_SESSION_ORIGIN_SAVED && before != NULL
      && GH_CONNECTION (object) == self->connection)
    _gh_session_record_check (self, before, report, NULL, NULL);

  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

/* A saved connection knows which account it will open on: that account and the first page of
 * its people are read in the check's first round trip, so the account needs no round trip
 * of its own once the check is done. */
static void
prefetch_account (GhSession         *self,
                  GhConnection      *connection,
                  GhSavedConnection *saved)
{
  g_autofree char *waba_id = _gh_session_dup_remembered_waba (self, saved);
  const char *business_id = gh_saved_connection_get_business_id (saved);
  g_autoptr(GhAssignmentEditor) editor = NULL;
  g_autofree char *people_path = NULL;

  if (waba_id == NULL)
    waba_id = g_strdup (gh_saved_connection_get_waba_id (saved));
  if (waba_id == NULL)
    return;

  editor = gh_assignment_editor_new (gh_connection_get_client (connection), waba_id,
                                     business_id, NULL);
  people_path = gh_assignment_editor_dup_first_page_path (editor);
  gh_connection_prefetch_account (connection, waba_id, people_path);
}

/* Makes a connection for @token the open one and checks it.  @saved: what the connection is
 * known as (nullable); @before: the saved description to compare the result with, for
 * saved connections (nullable).  Takes @task. */
static void
open_with_token (GhSession         *self,
                 GTask             *task,
                 const char        *url,
                 const char        *token,
                 GhSavedConnection *saved,
                 GhSavedConnection *before,
                 GhSessionOrigin    origin)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = _gh_session_new_connection (self, url, token, saved, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (before != NULL)
    {
      g_task_set_task_data (task, gh_saved_connection_copy (before), g_object_unref);
      prefetch_account (self, connection, before);
    }

  _gh_session_set_connection (self, connection, origin);
  gh_connection_check_async (connection, g_task_get_cancellable (task), checked_cb, task);
}

/* A caller's cancellable stops its own open; opening another one (or closing) stops it too. */
typedef struct
{
  GCancellable *caller;
  gulong        handler;
} CancelLink;

static void
cancel_link_free (CancelLink *link)
{
  g_cancellable_disconnect (link->caller, link->handler);
  g_object_unref (link->caller);
  g_free (link);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *flow)
{
  g_cancellable_cancel (flow);
}

static GTask *
open_task_new (GhSession           *self,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GCancellable *flow = _gh_session_restart_cancellable (self);
  GTask *task = g_task_new (self, flow, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (cancellable != NULL)
    {
      CancelLink *link = g_new0 (CancelLink, 1);

      link->caller = g_object_ref (cancellable);
      link->handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                             g_object_ref (flow), g_object_unref);
      g_object_set_data_full (G_OBJECT (task), "gh-cancel-link", link,
                              (GDestroyNotify) cancel_link_free);
    }

  return task;
}

static void
open_token_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  g_auto(GhSecretString) token = NULL;
  g_autoptr(GError) error = NULL;
  GhSession *self = g_task_get_source_object (task);
  GhSavedConnection *saved;
  g_autoptr(GhSavedConnection) copy = NULL;

  token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  saved = g_object_get_data (G_OBJECT (task), "gh-saved");
  if (token == NULL || g_task_return_error_if_cancelled (task))
    {
      if (token == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  copy = gh_saved_connection_copy (saved);
  open_with_token (self, task, self->graph_url, token, copy, saved, GH_SESSION_ORIGIN_SAVED);
}

/* Takes @task. */
static void
open_saved (GhSession  *self,
            GTask      *task,
            const char *connection_id)
{
  GhSavedConnection *saved = gh_session_find_connection (self, connection_id);

  if (saved == NULL)
    {
      g_task_return_new_error (task, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND,
                               "%s", _("This connection is no longer saved."));
      g_object_unref (task);
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "gh-saved", g_object_ref (saved), g_object_unref);
  g_settings_set_string (self->settings, "last-connection", connection_id);
  gh_token_store_load_async (self->store, connection_id, g_task_get_cancellable (task),
                             open_token_loaded_cb, task);
}

static void
open_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  GhSession *self = GH_SESSION (object);
  g_autoptr(GError) error = NULL;

  if (!gh_session_reload_finish (self, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  open_saved (self, task, g_task_get_task_data (task));
}

void
gh_session_open_async (GhSession           *self,
                       const char          *connection_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (connection_id != NULL);

  task = open_task_new (self, gh_session_open_async, cancellable, callback, user_data);
  _gh_session_set_connection (self, NULL, GH_SESSION_ORIGIN_NONE);
  _gh_session_set_opened_id (self, connection_id);

  /* Saved by another window or program since the list was read: read it again first. */
  if (gh_session_find_connection (self, connection_id) == NULL)
    {
      g_task_set_task_data (task, g_strdup (connection_id), g_free);
      gh_session_reload_async (self, g_task_get_cancellable (task), open_listed_cb, task);
      return;
    }

  open_saved (self, task, connection_id);
}

void
gh_session_check_token_async (GhSession           *self,
                              const char          *token,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GhSavedConnection *replacing = NULL;
  g_autoptr(GhSavedConnection) copy = NULL;
  GTask *task;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (token != NULL);

  task = open_task_new (self, gh_session_check_token_async, cancellable, callback, user_data);
  _gh_session_set_opened_id (self, NULL);
  if (self->replacing_id != NULL)
    replacing = gh_session_find_connection (self, self->replacing_id);

  /* The connection describes itself as it learns: on a copy, so the saved one stays as it was
   * until the new token is saved (and can be compared with it meanwhile). */
  if (replacing != NULL)
    replacing = copy = gh_saved_connection_copy (replacing);
  open_with_token (self, task, self->graph_url, token, replacing, NULL,
                   replacing != NULL ? GH_SESSION_ORIGIN_REPLACING : GH_SESSION_ORIGIN_NEW);
}

void
gh_session_open_demo_async (GhSession           *self,
                            const char          *url,
                            const char          *token,
                            GhSavedConnection   *description,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (token != NULL);
  g_return_if_fail (GH_IS_SAVED_CONNECTION (description));

  task = open_task_new (self, gh_session_open_demo_async, cancellable, callback, user_data);
  _gh_session_set_opened_id (self, NULL);
  open_with_token (self, task, url, token, description, NULL, GH_SESSION_ORIGIN_DEMO);
}

void
gh_session_retry_async (GhSession           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GhSavedConnection *saved;
  GTask *task;

  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (self->connection != NULL);

  task = open_task_new (self, gh_session_retry_async, cancellable, callback, user_data);
  saved = self->origin == GH_SESSION_ORIGIN_SAVED
          ? gh_session_find_connection (self, gh_saved_connection_get_id (
                                          gh_connection_get_saved (self->connection)))
          : NULL;
  if (saved != NULL)
    g_task_set_task_data (task, gh_saved_connection_copy (saved), g_object_unref);

  gh_connection_check_async (self->connection, g_task_get_cancellable (task), checked_cb, task);
}

GhCheckReport *
gh_session_open_finish (GhSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What the keyring keeps next to a new token; @base (nullable) is the connection whose token
 * is being replaced, whose id and name stay. */
static GhSavedConnection *
describe_connection (GhCheckReport     *report,
                     GhSavedConnection *base)
{
  GhSavedConnection *saved = base != NULL ? gh_saved_connection_copy (base)
                                          : gh_saved_connection_new ();
  GhWaba *waba = gh_check_report_get_first_waba (report);
  const char *business = waba != NULL ? gh_waba_get_owner_business_name (waba) : NULL;
  const char *label = business;

  if (label == NULL && waba != NULL)
    label = gh_waba_get_name (waba);
  if (label == NULL)
    label = _("WhatsApp Business");

  if (base == NULL)
    gh_saved_connection_set_label (saved, label);
  gh_saved_connection_set_system_user_name (saved, gh_check_report_get_user_name (report));
  if (waba != NULL)
    {
      gh_saved_connection_set_business_id (saved, gh_waba_get_owner_business_id (waba));
      gh_saved_connection_set_business_name (saved, business);
      gh_saved_connection_set_waba_id (saved, gh_waba_get_id (waba));
    }
  gh_recheck_record (saved, report, g_get_real_time () / G_USEC_PER_SEC);
  gh_rotation_record (saved, report);

  return saved;
}

static void
token_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GhSession *self = g_task_get_source_object (task);
  GhSavedConnection *saved = g_task_get_task_data (task);
  GhRecheckFinding *finding;

  if (!gh_token_store_save_finish (GH_TOKEN_STORE (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->connection != NULL)
    gh_connection_set_saved (self->connection, saved);
  /* A new token answers what the old one's banner said. */
  finding = gh_session_find_finding (self, gh_saved_connection_get_id (saved));
  if (finding != NULL)
    _gh_session_set_finding (self, saved, GH_RECHECK_NONE, NULL);
  gh_session_set_replacing_id (self, NULL);
  _gh_session_set_opened_id (self, gh_saved_connection_get_id (saved));
  if (self->origin != GH_SESSION_ORIGIN_SAVED)
    {
      self->origin = GH_SESSION_ORIGIN_SAVED;
      g_object_notify_by_pspec (G_OBJECT (self), _gh_session_properties[PROP_ORIGIN]);
    }

  gh_session_reload_async (self, NULL, _gh_session_reloaded_cb, g_steal_pointer (&task));
}

void
gh_session_save_async (GhSession           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GhCheckReport *report;
  GhSavedConnection *base = NULL;
  GhSavedConnection *saved;

  g_return_if_fail (GH_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_session_save_async);

  report = self->connection != NULL ? gh_connection_get_report (self->connection) : NULL;
  if (report == NULL || _gh_connection_peek_token (self->connection) == NULL
      || (self->origin != GH_SESSION_ORIGIN_NEW && self->origin != GH_SESSION_ORIGIN_REPLACING))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "%s", _("There is no checked token to save."));
      return;
    }

  if (self->origin == GH_SESSION_ORIGIN_REPLACING)
    base = gh_session_find_connection (self, self->replacing_id);
  saved = describe_connection (report, base);
  g_task_set_task_data (task, saved, g_object_unref);

  gh_token_store_save_async (self->store, saved, _gh_connection_peek_token (self->connection),
                             cancellable, token_saved_cb, g_steal_pointer (&task));
}

gboolean
gh_session_save_finish (GhSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (GH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GhRotation *
gh_session_compare_rotation (GhSession *self)
{
  GhSavedConnection *before;
  GhCheckReport *report;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  if (self->origin != GH_SESSION_ORIGIN_REPLACING || self->connection == NULL)
    return NULL;

  report = gh_connection_get_report (self->connection);
  before = gh_session_find_connection (self, self->replacing_id);
  if (report == NULL || before == NULL)
    return NULL;

  return gh_rotation_compare (before, report, g_get_real_time () / G_USEC_PER_SEC);
}

void
gh_session_close (GhSession *self)
{
  g_return_if_fail (GH_IS_SESSION (self));

  _gh_session_restart_cancellable (self);
  _gh_session_set_opened_id (self, NULL);
  gh_session_set_replacing_id (self, NULL);
  _gh_session_set_connection (self, NULL, GH_SESSION_ORIGIN_NONE);
}
