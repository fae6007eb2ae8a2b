/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* Who may do what on an account: /{waba-id}/assigned_users, read and edited. */

/* Meta's SDKs send ["MANAGE"]; its curl samples send ['MANAGE']. */
static JsonArray *
parse_tasks (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) tasks = json_array_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    {
      g_autofree char *fixed = g_strdelimit (g_strdup (text), "'", '"');

      if (!json_parser_load_from_data (parser, fixed, -1, NULL))
        return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *task;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;

      task = json_node_get_string (element);
      if (*task == '\0')
        return NULL;
      for (const char *c = task; *c != '\0'; c++)
        if (!g_ascii_isupper (*c) && !g_ascii_isdigit (*c) && *c != '_')
          return NULL;

      json_array_add_string_element (tasks, task);
    }

  return g_steal_pointer (&tasks);
}

/* Adds the tasks of @held missing from @tasks, as Meta might do on a POST. */
static void
merge_tasks (JsonArray *tasks,
             JsonArray *held)
{
  guint n_held = held != NULL ? json_array_get_length (held) : 0;

  for (guint i = 0; i < n_held; i++)
    {
      const char *task = json_array_get_string_element (held, i);
      gboolean present = FALSE;

      for (guint j = 0; j < json_array_get_length (tasks) && !present; j++)
        present = g_strcmp0 (json_array_get_string_element (tasks, j), task) == 0;
      if (!present && task != NULL)
        json_array_add_string_element (tasks, task);
    }
}

void
_gh_demo_route_assigned_users (GhDemoOp   *op,
                               GhDemoWaba *waba)
{
  const char *user = _gh_demo_op_param (op, "user");

  if (_gh_demo_op_is (op, "GET"))
    {
      const char *business = _gh_demo_op_param (op, "business");

      if (business == NULL || *business == '\0')
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) The parameter business is required");
          return;
        }
      /* One of Meta's pages passes the WABA id there: accept both. */
      if (!g_str_equal (business, GH_DEMO_BUSINESS_ID) && !g_str_equal (business, waba->id))
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) Param business must be the ID of a business that can "
                            "access this WhatsApp Business Account");
          return;
        }
      _gh_demo_op_get_list (op, waba->assigned_users, &_gh_demo_assigned_user_kind, FALSE);
      return;
    }

  if (!_gh_demo_op_is (op, "POST") && !_gh_demo_op_is (op, "DELETE"))
    {
      _gh_demo_op_fail_no_object (op, op->path);
      return;
    }

  if (!op->profile->can_write)
    {
      _gh_demo_op_fail_permission (op);
      return;
    }

  if (user == NULL || *user == '\0')
    {
      _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                        "(#100) The parameter user is required");
      return;
    }

  if (_gh_demo_op_is (op, "POST"))
    {
      const char *text = _gh_demo_op_param (op, "tasks");
      g_autoptr(JsonArray) tasks = NULL;
      gint index;

      if (text == NULL)
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) The parameter tasks is required");
          return;
        }
      if ((tasks = parse_tasks (text)) == NULL)
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) Param tasks must be a non-empty array of task names, "
                            "like [\"MANAGE\"]");
          return;
        }

      /* Whether Meta adds to or replaces the task set is not documented: the demo replaces,
       * and clients read the list back to show what the server holds. */
      index = gh_demo_waba_find_user (waba, user);
      if (index >= 0)
        {
          JsonObject *assignee = g_ptr_array_index (waba->assigned_users, index);

          if (op->self->assign_adds)
            merge_tasks (tasks, json_object_get_array_member (assignee, "tasks"));
          json_object_set_array_member (assignee, "tasks", g_steal_pointer (&tasks));
        }
      else
        {
          JsonObject *assignee = gh_demo_data_new_assignee (op->self->data, user);

          if (assignee == NULL)
            {
              _gh_demo_op_fail_no_object (op, user);
              return;
            }
          json_object_set_array_member (assignee, "tasks", g_steal_pointer (&tasks));
          g_ptr_array_add (waba->assigned_users, assignee);
        }
    }
  else
    {
      gint index = gh_demo_waba_find_user (waba, user);

      if (index >= 0)
        g_ptr_array_remove_index (waba->assigned_users, index);
      else
        {
          g_autoptr(JsonObject) known = gh_demo_data_new_assignee (op->self->data, user);

          if (known == NULL)
            {
              _gh_demo_op_fail_no_object (op, user);
              return;
            }
        }
    }

  _gh_demo_op_succeed (op);
}

gboolean
gh_demo_server_set_assigned_tasks (GhDemoServer *self,
                                   const char   *waba_id,
                                   const char   *user_id,
                                   const char   *tasks)
{
  g_auto(GStrv) names = NULL;
  JsonArray *array;
  JsonObject *assignee;
  GhDemoWaba *waba;
  gint index;

  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (waba_id != NULL && user_id != NULL, FALSE);

  if ((waba = gh_demo_data_find_waba (self->data, waba_id)) == NULL)
    return FALSE;

  index = gh_demo_waba_find_user (waba, user_id);
  if (tasks == NULL)
    {
      if (index >= 0)
        g_ptr_array_remove_index (waba->assigned_users, index);
      return index >= 0;
    }

  if (index >= 0)
    assignee = g_ptr_array_index (waba->assigned_users, index);
  else if ((assignee = gh_demo_data_new_assignee (self->data, user_id)) != NULL)
    g_ptr_array_add (waba->assigned_users, assignee);
  else
    return FALSE;

  array = json_array_new ();
  names = g_strsplit (tasks, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0')
      json_array_add_string_element (array, names[i]);
  json_object_set_array_member (assignee, "tasks", array);

  return TRUE;
}
