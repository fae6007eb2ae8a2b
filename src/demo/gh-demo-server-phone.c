/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* A phone number: its node, read with the fields Meta documents (webhook_configuration and
 * health_status among them).  Reading it follows the access to the number's account. */

void
_gh_demo_route_phone (GhDemoOp   *op,
                      GhDemoWaba *waba,
                      JsonObject *phone,
                      const char *edge)
{
  if (!_gh_demo_op_check_waba_access (op, waba))
    return;

  if (edge == NULL)
    {
      if (_gh_demo_op_is (op, "GET"))
        _gh_demo_op_get_node (op, phone, &_gh_demo_phone_kind, NULL);
      else
        _gh_demo_op_fail_no_object (op, json_object_get_string_member (phone, "id"));
    }
  else
    _gh_demo_op_fail_unknown_path (op, edge);
}
