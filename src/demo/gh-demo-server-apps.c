/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* /{waba-id}/subscribed_apps: which apps get the account's webhooks.  A POST subscribes the
 * token's own app (every demo token's is the demo app) and a DELETE unsubscribes it; only a
 * token that may manage the account may do either, as with assigned users. */

void
_gh_demo_route_subscribed_apps (GhDemoOp   *op,
                                GhDemoWaba *waba)
{
  if (_gh_demo_op_is (op, "GET"))
    {
      _gh_demo_op_get_list (op, waba->subscribed_apps, &_gh_demo_subscribed_app_kind, FALSE);
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

  /* Both are idempotent: subscribing twice keeps one subscription, and unsubscribing an app
   * that is not subscribed succeeds. */
  if (_gh_demo_op_is (op, "POST"))
    gh_demo_waba_subscribe_app (waba);
  else
    {
      gint index = gh_demo_waba_find_app (waba, GH_DEMO_APP_ID);

      if (index >= 0)
        g_ptr_array_remove_index (waba->subscribed_apps, index);
    }
  gh_demo_waba_refresh (waba);

  _gh_demo_op_succeed (op);
}
