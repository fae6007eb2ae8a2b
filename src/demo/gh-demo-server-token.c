/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* Who the token is: debug_token and /me with its assigned accounts. */

/* Members are shared: only the top level may be changed in the copy. */
static JsonObject *
object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (copy, name, json_node_copy (member));

  return copy;
}

void
_gh_demo_route_debug_token (GhDemoOp *op)
{
  const char *input = _gh_demo_op_param (op, "input_token");
  const GhDemoProfile *inspected;
  JsonObject *root;
  JsonObject *data;
  JsonArray *scopes;
  JsonArray *granular;
  gint64 now;

  if (!_gh_demo_op_is (op, "GET"))
    {
      _gh_demo_op_fail_no_object (op, "debug_token");
      return;
    }
  if (input == NULL || *input == '\0')
    {
      _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                        "(#100) The parameter input_token is required");
      return;
    }

  root = json_object_new ();
  data = json_object_new ();
  scopes = json_array_new ();
  json_object_set_object_member (root, "data", data);

  if ((inspected = gh_demo_profile_lookup (input)) == NULL)
    {
      JsonObject *error = json_object_new ();

      json_object_set_int_member (error, "code", 190);
      json_object_set_string_member (error, "message",
                                     "Invalid OAuth access token - Cannot parse access token");
      json_object_set_object_member (data, "error", error);
      json_object_set_boolean_member (data, "is_valid", FALSE);
      json_object_set_array_member (data, "scopes", scopes);
      _gh_demo_op_set_body (op, SOUP_STATUS_OK, root);
      return;
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  granular = json_array_new ();

  {
    const struct { const char *name; gboolean granted; gboolean targeted; } all[] = {
      { "whatsapp_business_management", inspected->management, TRUE },
      { "whatsapp_business_messaging", inspected->messaging, TRUE },
      { "business_management", inspected->business_management, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        JsonObject *scope;

        if (!all[i].granted)
          continue;

        json_array_add_string_element (scopes, all[i].name);
        scope = json_object_new ();
        json_object_set_string_member (scope, "scope", all[i].name);
        if (all[i].targeted && inspected->target_ids != NULL)
          {
            JsonArray *targets = json_array_new ();

            for (guint j = 0; inspected->target_ids[j] != NULL; j++)
              json_array_add_string_element (targets, inspected->target_ids[j]);
            json_object_set_array_member (scope, "target_ids", targets);
          }
        json_array_add_object_element (granular, scope);
      }
  }

  json_object_set_string_member (data, "app_id", GH_DEMO_APP_ID);
  json_object_set_string_member (data, "type", inspected->type);
  json_object_set_string_member (data, "application", GH_DEMO_APP_NAME);
  json_object_set_int_member (data, "data_access_expires_at",
                              inspected->data_access_in ? now + inspected->data_access_in : 0);
  json_object_set_int_member (data, "expires_at",
                              inspected->expires_in ? now + inspected->expires_in : 0);
  json_object_set_boolean_member (data, "is_valid", TRUE);
  json_object_set_int_member (data, "issued_at", now - inspected->issued_ago);
  json_object_set_array_member (data, "scopes", scopes);
  json_object_set_array_member (data, "granular_scopes", granular);
  json_object_set_string_member (data, "user_id", inspected->user_id);

  _gh_demo_op_set_body (op, SOUP_STATUS_OK, root);
}

void
_gh_demo_route_me (GhDemoOp   *op,
                   const char *edge)
{
  GhDemoData *data = op->self->data;
  g_autoptr(GPtrArray) items = NULL;

  if (!_gh_demo_op_is (op, "GET"))
    {
      _gh_demo_op_fail_no_object (op, op->profile->user_id);
      return;
    }

  if (edge == NULL)
    {
      g_autoptr(JsonObject) me = json_object_new ();

      json_object_set_string_member (me, "id", op->profile->user_id);
      json_object_set_string_member (me, "name", op->profile->user_name);
      _gh_demo_op_get_node (op, me, &_gh_demo_user_kind, NULL);
      return;
    }

  if (!g_str_equal (edge, "assigned_whatsapp_business_accounts"))
    {
      _gh_demo_op_fail_unknown_path (op, edge);
      return;
    }

  if (g_str_equal (op->profile->type, "USER"))
    {
      _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                        "(#100) Tried accessing nonexisting field (%s) on node type (User)",
                        edge);
      return;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < data->wabas->len; i++)
    {
      GhDemoWaba *waba = g_ptr_array_index (data->wabas, i);
      JsonObject *item;
      gint index;

      if (!gh_demo_profile_can_read_waba (op->profile, waba->id))
        continue;

      item = object_copy (waba->node);
      index = gh_demo_waba_find_user (waba, op->profile->user_id);
      if (index >= 0)
        {
          JsonObject *user = g_ptr_array_index (waba->assigned_users, index);

          json_object_set_member (item, "tasks",
                                  json_node_copy (json_object_get_member (user, "tasks")));
        }
      else
        {
          JsonArray *tasks = json_array_new ();

          json_array_add_string_element (tasks, op->profile->can_write ? "MANAGE" : "DEVELOP");
          json_object_set_array_member (item, "tasks", tasks);
        }
      g_ptr_array_add (items, item);
    }

  _gh_demo_op_get_list (op, items, &_gh_demo_assigned_waba_kind, FALSE);
}
