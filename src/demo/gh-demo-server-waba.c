/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* A WhatsApp Business Account and the edges that are plain lists of it: phone numbers and
 * message templates.  Access follows the token's profile. */

/* Fields about the business portfolio: Meta refuses the whole request for them when the
 * token lacks business_management.  owner_business_info is not among them here: the access
 * check asks for it with every account it reads, and the demo's employee token must still
 * pass that check. */
static const char * const waba_business_fields[] = {
  "on_behalf_of_business_info", "primary_business_location", NULL
};

/* Only the top level counts: a syntax error is left for _gh_demo_op_get_node to report. */
static gboolean
asks_business_fields (const char *text)
{
  g_autoptr(GPtrArray) fields = _gh_demo_fields_parse (text, NULL);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      GhDemoField *field = g_ptr_array_index (fields, i);

      if (g_strv_contains (waba_business_fields, field->name))
        return TRUE;
    }

  return FALSE;
}

gboolean
_gh_demo_op_check_waba_access (GhDemoOp   *op,
                               GhDemoWaba *waba)
{
  if (!op->profile->management)
    {
      _gh_demo_op_set_error (op, SOUP_STATUS_FORBIDDEN, 10, 0, "OAuthException",
                             "(#10) Application does not have permission for this action",
                             NULL, NULL, FALSE);
      return FALSE;
    }
  if (!gh_demo_profile_can_read_waba (op->profile, waba->id))
    {
      _gh_demo_op_fail_permission (op);
      return FALSE;
    }

  return TRUE;
}

void
_gh_demo_route_waba (GhDemoOp   *op,
                     GhDemoWaba *waba,
                     const char *edge)
{
  if (!_gh_demo_op_check_waba_access (op, waba))
    return;

  if (edge == NULL)
    {
      if (_gh_demo_op_is (op, "GET") && !op->profile->business_management
          && asks_business_fields (_gh_demo_op_param (op, "fields")))
        _gh_demo_op_set_error (op, SOUP_STATUS_FORBIDDEN, 200, 0, "OAuthException",
                               "(#200) Requires business_management permission to manage the "
                               "object", NULL, NULL, FALSE);
      else if (_gh_demo_op_is (op, "GET"))
        _gh_demo_op_get_node (op, waba->node, &_gh_demo_waba_kind, waba);
      else
        _gh_demo_op_fail_no_object (op, waba->id);
    }
  else if (g_str_equal (edge, "assigned_users"))
    _gh_demo_route_assigned_users (op, waba);
  else if (g_str_equal (edge, "subscribed_apps"))
    _gh_demo_route_subscribed_apps (op, waba);
  else if (g_str_equal (edge, "phone_numbers") || g_str_equal (edge, "message_templates"))
    {
      gboolean templates = g_str_equal (edge, "message_templates");

      if (_gh_demo_op_is (op, "GET"))
        _gh_demo_op_get_list (op, templates ? waba->templates : waba->phone_numbers,
                              templates ? &_gh_demo_template_kind : &_gh_demo_phone_kind,
                              templates);
      else
        _gh_demo_op_fail_no_object (op, op->path);
    }
  else
    _gh_demo_op_fail_unknown_path (op, edge);
}
