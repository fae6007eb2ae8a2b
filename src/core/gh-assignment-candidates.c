/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-editor-private.h"
#include "gh-graph-error.h"

/* Who could be given access: the business's system users and people not listed yet. */

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

        if (!_gh_is_graph_id (id) || _gh_assignment_editor_find_row (self, id) != NULL
            || !g_hash_table_add (seen, (gpointer) id))
          continue;
        g_ptr_array_add (candidates, g_object_ref (user));
      }
  g_clear_pointer (&lists[0], g_ptr_array_unref);
  g_clear_pointer (&lists[1], g_ptr_array_unref);

  g_task_return_pointer (task, g_steal_pointer (&candidates),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* Public API */

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

  if (!_gh_is_graph_id (self->business_id))
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
