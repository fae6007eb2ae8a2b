/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* A phone number: its node, read with the fields Meta documents (webhook_configuration and
 * health_status among them), and its registration for Cloud API with the two-step
 * verification PIN.  Reading and registering follow the access to the number's account. */

static gboolean
is_pin (const char *text)
{
  guint n = 0;

  for (; g_ascii_isdigit (text[n]); n++)
    ;

  return n == 6 && text[n] == '\0';
}

/* POST /{phone-id}/register, messaging_product=whatsapp&pin=NNNNNN.  Meta allows a number
 * ten tries in 72 hours; the demo counts them over its whole life. */
static void
route_register (GhDemoOp   *op,
                JsonObject *phone)
{
  GhDemoServer *self = op->self;
  const char *id = json_object_get_string_member (phone, "id");
  const char *product = _gh_demo_op_param (op, "messaging_product");
  const char *pin = _gh_demo_op_param (op, "pin");
  guint tries;

  if (!_gh_demo_op_is (op, "POST"))
    {
      _gh_demo_op_fail_no_object (op, op->path);
      return;
    }
  if (!op->profile->can_write)
    {
      _gh_demo_op_fail_permission (op);
      return;
    }

  tries = GPOINTER_TO_UINT (g_hash_table_lookup (self->register_tries, id)) + 1;
  g_hash_table_replace (self->register_tries, g_strdup (id), GUINT_TO_POINTER (tries));
  if (tries > GH_DEMO_REGISTER_TRIES)
    {
      _gh_demo_op_set_error (op, SOUP_STATUS_BAD_REQUEST, 133016, 0, "OAuthException",
                             "(#133016) Account register deregister rate limit exceeded",
                             NULL, NULL, FALSE);
      _gh_demo_op_set_error_details (op, "Registration or Deregistration failed because "
                                     "there were too many attempts for this phone number in "
                                     "a short period of time");
      return;
    }

  if (product == NULL || *product == '\0')
    _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                      "(#100) The parameter messaging_product is required");
  else if (g_ascii_strcasecmp (product, "whatsapp") != 0)
    _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                      "(#100) Param messaging_product must be one of {WHATSAPP} - got \"%s\".",
                      product);
  else if (pin == NULL || *pin == '\0')
    _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                      "(#100) The parameter pin is required");
  else if (!is_pin (pin))
    _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                      "(#100) Param pin must be a 6-digit number");
  else if (!g_str_equal (pin, GH_DEMO_REGISTER_PIN))
    {
      _gh_demo_op_set_error (op, SOUP_STATUS_BAD_REQUEST, 100, 0, "OAuthException",
                             "(#100) Invalid parameter", "Incorrect PIN",
                             "The two-step verification PIN is not the one set for this "
                             "phone number.", FALSE);
      _gh_demo_op_set_error_details (op, "Two step verification PIN mismatch");
    }
  else
    {
      json_object_set_string_member (phone, "status", "CONNECTED");
      _gh_demo_op_succeed (op);
    }
}

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
  else if (g_str_equal (edge, "register"))
    route_register (op, phone);
  else
    _gh_demo_op_fail_unknown_path (op, edge);
}
