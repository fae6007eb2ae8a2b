/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-client"

#include "config.h"

#include "gh-graph-client-private.h"
#include "gh-json-private.h"

/* Following a list's cursors page after page, within a budget of pages: a list that never
 * ends, or comes back to a page already read, must not use up the account's calls for the
 * hour. */

typedef struct
{
  GhGraphPageFunc  page_func;
  gpointer         page_data;
  GDestroyNotify   page_data_destroy;
  GHashTable      *seen;       /* URLs asked for, and "after" cursors as "after:<cursor>" */
  gint64           n_items;
  guint            n_pages;
  guint            budget;
} PagesData;

static void
pages_data_free (PagesData *data)
{
  if (data->page_data_destroy != NULL)
    data->page_data_destroy (data->page_data);
  g_clear_pointer (&data->seen, g_hash_table_unref);
  g_free (data);
}

static void page_received_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);

/* Remembers @url; FALSE when it, or its cursor, was read before. */
static gboolean
remember (PagesData  *data,
          const char *url)
{
  g_autofree char *cursor = _gh_graph_url_dup_cursor (url);

  if (!g_hash_table_add (data->seen, g_strdup (url)))
    return FALSE;

  return cursor == NULL || g_hash_table_add (data->seen, g_strconcat ("after:", cursor, NULL));
}

static void
request_page (GhGraphClient *self,
              GTask         *task,
              const char    *url)
{
  _gh_graph_client_send_async (self, "GET", url, NULL, JSON_NODE_OBJECT, TRUE,
                               gh_graph_client_get_pages_async, g_task_get_cancellable (task),
                               page_received_cb, task);
}

static void
page_received_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GhGraphClient *self = GH_GRAPH_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *next_url = NULL;
  PagesData *data = g_task_get_task_data (task);
  JsonObject *object;
  JsonArray *items;
  const char *next;
  gint64 total;

  root = _gh_graph_client_send_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = json_node_get_object (root);
  items = _gh_json_object_get_array (object, "data");
  if (items == NULL)
    {
      g_task_return_error (task, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                            GH_GRAPH_CAUSE_WRONG_SHAPE, 0,
                                                            "A page has no data array"));
      return;
    }

  total = _gh_json_object_get_int (_gh_json_object_get_object (object, "summary"),
                                   "total_count", -1);
  data->n_items += json_array_get_length (items);
  data->n_pages++;

  if (data->page_func != NULL)
    data->page_func (items, total, data->page_data);

  if (g_task_return_error_if_cancelled (task))
    return;

  next = _gh_json_object_get_string (_gh_json_object_get_object (object, "paging"), "next");
  if (next == NULL || *next == '\0')
    {
      g_task_return_int (task, data->n_items);
      return;
    }

  next_url = _gh_graph_url_sanitize_next (self->base_uri, next);
  if (next_url == NULL)
    {
      g_task_return_error (task, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                            GH_GRAPH_CAUSE_NEXT_ELSEWHERE, 0,
                                                            "The next page is on another "
                                                            "server"));
      return;
    }

  if (!remember (data, next_url))
    {
      g_task_return_error (task, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                            GH_GRAPH_CAUSE_NEXT_REPEATED, 0,
                                                            "The next page was read before"));
      return;
    }

  if (data->n_pages >= data->budget)
    {
      g_autofree char *text = g_strdup_printf ("Stopped after %u pages, %" G_GINT64_FORMAT
                                               " items", data->n_pages, data->n_items);
      GError *budget_error = _gh_graph_error_new_full (GH_GRAPH_ERROR_PAGE_BUDGET, 0, FALSE,
                                                       text);

      _gh_graph_error_set_pages (budget_error, data->n_pages);
      g_task_return_error (task, budget_error);
      return;
    }

  request_page (self, g_steal_pointer (&task), next_url);
}

void
gh_graph_client_get_pages_async (GhGraphClient       *self,
                                 const char          *path,
                                 const char * const  *params,
                                 GhGraphPageFunc      page_func,
                                 gpointer             page_data,
                                 GDestroyNotify       page_data_destroy,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *url = NULL;
  PagesData *data;

  g_return_if_fail (GH_IS_GRAPH_CLIENT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_graph_client_get_pages_async);

  data = g_new0 (PagesData, 1);
  data->page_func = page_func;
  data->page_data = page_data;
  data->page_data_destroy = page_data_destroy;
  data->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->budget = self->page_budget;
  g_task_set_task_data (task, data, (GDestroyNotify) pages_data_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  encoded = _gh_graph_url_encode_params (params);
  url = _gh_graph_url_build (self->base_url, self->api_version, path, encoded);
  remember (data, url);
  request_page (self, g_steal_pointer (&task), url);
}

gint64
gh_graph_client_get_pages_finish (GhGraphClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (GH_IS_GRAPH_CLIENT (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == gh_graph_client_get_pages_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}
