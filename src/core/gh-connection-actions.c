/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-connection"

#include "config.h"

#include "gh-connection-private.h"
#include "gh-graph-error.h"
#include "gh-secret.h"

/* The two writes that fix an account, each asked for by a person who confirmed it: one
 * request, never sent again behind their back, then one read of what Meta holds now. */

typedef struct
{
  char   *waba_id;
  char   *phone_id;   /* NULL: subscribing */
  GError *write_error;
} ActionData;

static void
action_data_free (ActionData *data)
{
  g_free (data->waba_id);
  g_free (data->phone_id);
  g_clear_error (&data->write_error);
  g_free (data);
}

static const char *
app_name (GhConnection *self)
{
  GhCheckReport *report = gh_connection_get_report (self);
  GhTokenInfo *info = report != NULL ? gh_check_report_get_token_info (report) : NULL;

  return info != NULL ? gh_token_info_get_application (info) : NULL;
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GhConnection *self = GH_CONNECTION (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GhAccountReadiness) after = NULL;
  g_autoptr(GError) error = NULL;
  ActionData *data = g_task_get_task_data (task);
  GhAccountAction *action;

  after = _gh_connection_read_readiness_finish (self, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->phone_id != NULL)
    action = gh_account_action_new_register (data->write_error, after, error, data->phone_id);
  else
    action = gh_account_action_new_subscribe (data->write_error, after, error,
                                              app_name (self));

  g_task_return_pointer (task, action, g_object_unref);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  GhConnection *self = g_task_get_source_object (task);
  ActionData *data = g_task_get_task_data (task);
  GCancellable *cancellable;

  answer = gh_graph_client_request_finish (GH_GRAPH_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Whatever Meta answered, the account is read again: the person sees what it holds. */
  data->write_error = g_steal_pointer (&error);
  cancellable = g_task_get_cancellable (task);
  _gh_connection_read_readiness_async (self, data->waba_id, cancellable, reread_cb,
                                       g_steal_pointer (&task));
}

static GTask *
action_task_new (GhConnection        *self,
                 gpointer             source_tag,
                 const char          *waba_id,
                 const char          *phone_id,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ActionData *data = g_new0 (ActionData, 1);

  g_task_set_source_tag (task, source_tag);
  data->waba_id = g_strdup (waba_id);
  data->phone_id = g_strdup (phone_id);
  g_task_set_task_data (task, data, (GDestroyNotify) action_data_free);

  return task;
}

void
gh_connection_subscribe_app_async (GhConnection        *self,
                                   const char          *waba_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = action_task_new (self, gh_connection_subscribe_app_async, waba_id, NULL,
                          cancellable, callback, user_data);

  if (!_gh_connection_is_graph_id (waba_id))
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_PARAMETER,
                                                       "A WhatsApp Business Account ID is "
                                                       "made of digits only"));
      return;
    }

  /* No body: Meta subscribes the app the token belongs to. */
  path = g_strdup_printf ("%s/subscribed_apps", waba_id);
  gh_graph_client_request_async (gh_connection_get_client (self), "POST", path, NULL,
                                 cancellable, written_cb, g_steal_pointer (&task));
}

GhAccountAction *
gh_connection_subscribe_app_finish (GhConnection  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        gh_connection_subscribe_app_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gh_connection_register_phone_async (GhConnection        *self,
                                    const char          *waba_id,
                                    const char          *phone_id,
                                    const char          *pin,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_auto(GhSecretString) pin_copy = NULL;
  const char *problem;

  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = action_task_new (self, gh_connection_register_phone_async, waba_id, phone_id,
                          cancellable, callback, user_data);

  if (!_gh_connection_is_graph_id (waba_id) || !_gh_connection_is_graph_id (phone_id))
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_PARAMETER,
                                                       "An account or phone number ID is "
                                                       "made of digits only"));
      return;
    }

  /* Each try counts toward Meta's ten in 72 hours: one that cannot work is never sent. */
  if ((problem = gh_register_pin_problem (pin)) != NULL)
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_PARAMETER,
                                                       problem));
      return;
    }

  pin_copy = g_strdup (pin);
  {
    const char * const params[] = {
      "messaging_product", "whatsapp", "pin", pin_copy, NULL
    };

    path = g_strdup_printf ("%s/register", phone_id);
    gh_graph_client_request_async (gh_connection_get_client (self), "POST", path, params,
                                   cancellable, written_cb, g_steal_pointer (&task));
  }
}

GhAccountAction *
gh_connection_register_phone_finish (GhConnection  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        gh_connection_register_phone_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
