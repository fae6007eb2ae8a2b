/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* The business portfolio: its node, its people and the accounts it owns or serves. */

void
_gh_demo_route_business (GhDemoOp   *op,
                         const char *edge)
{
  GhDemoData *data = op->self->data;

  if (!op->profile->business_management)
    {
      _gh_demo_op_set_error (op, SOUP_STATUS_FORBIDDEN, 200, 0, "OAuthException",
                             "(#200) Requires business_management permission to manage the "
                             "object", NULL, NULL, FALSE);
      return;
    }
  if (!_gh_demo_op_is (op, "GET"))
    {
      _gh_demo_op_fail_no_object (op, edge ? op->path : GH_DEMO_BUSINESS_ID);
      return;
    }

  if (edge == NULL)
    _gh_demo_op_get_node (op, data->business, &_gh_demo_business_kind, NULL);
  else if (g_str_equal (edge, "system_users"))
    _gh_demo_op_get_list (op, data->system_users, &_gh_demo_system_user_kind, FALSE);
  else if (g_str_equal (edge, "business_users"))
    _gh_demo_op_get_list (op, data->business_users, &_gh_demo_business_user_kind, FALSE);
  else if (g_str_equal (edge, "owned_whatsapp_business_accounts")
           || g_str_equal (edge, "client_whatsapp_business_accounts"))
    {
      GPtrArray *wabas = edge[0] == 'o' ? data->owned_wabas : data->client_wabas;
      g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

      for (guint i = 0; i < wabas->len; i++)
        g_ptr_array_add (nodes, ((GhDemoWaba *) g_ptr_array_index (wabas, i))->node);
      _gh_demo_op_get_list (op, nodes, &_gh_demo_waba_kind, FALSE);
    }
  else
    _gh_demo_op_fail_unknown_path (op, edge);
}
