/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-server-private.h"

/* How the demo server answers: a body, or Meta's error object with a trace id, worded the
 * way Meta words it for the codes clients meet. */

/* What Meta says for the codes a test is likely to inject. */
static const struct
{
  gint        code;
  gint        subcode;        /* -1: any */
  const char *type;
  const char *message;
  const char *user_title;
  const char *user_msg;
  gboolean    transient;
} known_errors[] = {
  { 190, 463, "OAuthException",
    "Error validating access token: Session has expired on Tuesday, 14-Apr-26 09:00:00 PDT. "
    "The current time is Wednesday, 15-Apr-26 02:13:44 PDT.", NULL, NULL, FALSE },
  { 190, 460, "OAuthException",
    "Error validating access token: The session has been invalidated because the user "
    "changed their password or Facebook has changed the session for security reasons.",
    NULL, NULL, FALSE },
  { 190, -1, "OAuthException", "Invalid OAuth access token - Cannot parse access token",
    NULL, NULL, FALSE },
  { 1, -1, "OAuthException", "An unknown error has occurred.", NULL, NULL, TRUE },
  { 2, -1, "OAuthException", "An unexpected error has occurred. Please retry your request "
    "later.", NULL, NULL, TRUE },
  { 4, -1, "OAuthException", "(#4) Application request limit reached", NULL, NULL, FALSE },
  { 10, -1, "OAuthException", "(#10) Application does not have permission for this action",
    NULL, NULL, FALSE },
  { 17, -1, "OAuthException", "(#17) User request limit reached", NULL, NULL, FALSE },
  { 32, -1, "OAuthException", "(#32) Page request limit reached", NULL, NULL, FALSE },
  { 100, 33, "GraphMethodException",
    "Unsupported get request. Object with ID '0' does not exist, cannot be loaded due to "
    "missing permissions, or does not support this operation. Please read the Graph API "
    "documentation at https://developers.facebook.com/docs/graph-api", NULL, NULL, FALSE },
  { 100, -1, "OAuthException", "(#100) Invalid parameter", NULL, NULL, FALSE },
  { 200, -1, "OAuthException", "(#200) Permissions error", NULL, NULL, FALSE },
  { 368, -1, "OAuthException",
    "(#368) The action attempted has been deemed abusive or is otherwise disallowed",
    "Action blocked", "This account is temporarily blocked from this action.", FALSE },
  { 415, -1, "OAuthException",
    "Two factor authentication required. User have to enter a code from SMS or TOTP code "
    "generator to pass 2fac. This could happen when accessing a 2fac-protected asset like a "
    "page that is owned by a 2fac-protected business manager.",
    "Two-factor authentication required",
    "Turn on two-factor authentication for your Facebook account to access this business.",
    FALSE },
  { 613, -1, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.",
    NULL, NULL, FALSE },
  { 80007, -1, "OAuthException",
    "(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit "
    "and try again.", NULL, NULL, FALSE },
  { 80008, -1, "OAuthException",
    "(#80008) There have been too many calls to this WhatsApp Business account. Wait a bit "
    "and try again.", NULL, NULL, FALSE },
  { 131000, -1, "OAuthException", "(#131000) Something went wrong", NULL, NULL, TRUE },
  { 131031, -1, "OAuthException", "(#131031) Business Account locked", "Account locked",
    "This WhatsApp Business account has been locked. Contact Business Support.", FALSE },
};

char *
_gh_demo_fbtrace_id_new (void)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  char id[12];

  for (guint i = 0; i < sizeof id - 1; i++)
    id[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  id[sizeof id - 1] = '\0';

  return g_strdup (id);
}

void
_gh_demo_op_clear (GhDemoOp *op)
{
  g_clear_pointer (&op->body, json_node_unref);
  g_clear_pointer (&op->usage, g_free);
}

void
_gh_demo_op_set_body (GhDemoOp   *op,
                      guint       status,
                      JsonObject *object)
{
  g_clear_pointer (&op->body, json_node_unref);
  op->status = status;
  op->body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
}

void
_gh_demo_op_set_error (GhDemoOp   *op,
                       guint       status,
                       gint        code,
                       gint        subcode,
                       const char *type,
                       const char *message,
                       const char *user_title,
                       const char *user_msg,
                       gboolean    transient)
{
  JsonObject *root = json_object_new ();
  JsonObject *error = json_object_new ();
  g_autofree char *fbtrace_id = _gh_demo_fbtrace_id_new ();

  /* Messages may echo request text: keep the JSON valid whatever was sent. */
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  json_object_set_string_member (error, "message", valid);
  json_object_set_string_member (error, "type", type);
  json_object_set_int_member (error, "code", code);
  if (subcode != 0)
    json_object_set_int_member (error, "error_subcode", subcode);
  if (user_title != NULL)
    json_object_set_string_member (error, "error_user_title", user_title);
  if (user_msg != NULL)
    json_object_set_string_member (error, "error_user_msg", user_msg);
  json_object_set_string_member (error, "fbtrace_id", fbtrace_id);
  json_object_set_boolean_member (error, "is_transient", transient);
  json_object_set_object_member (root, "error", error);
  _gh_demo_op_set_body (op, status, root);
}

void
_gh_demo_op_fail (GhDemoOp   *op,
                  guint       status,
                  gint        code,
                  gint        subcode,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _gh_demo_op_set_error (op, status, code, subcode,
                         subcode == 33 ? "GraphMethodException" : "OAuthException",
                         message, NULL, NULL, FALSE);
}

void
_gh_demo_op_fail_invalid_token (GhDemoOp *op)
{
  _gh_demo_op_set_error (op, SOUP_STATUS_BAD_REQUEST, 190, 0, "OAuthException",
                         "Invalid OAuth access token - Cannot parse access token",
                         NULL, NULL, FALSE);
}

void
_gh_demo_op_fail_no_object (GhDemoOp   *op,
                            const char *id)
{
  g_autofree char *method = g_ascii_strdown (op->method, -1);

  _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 33,
                    "Unsupported %s request. Object with ID '%s' does not exist, cannot be "
                    "loaded due to missing permissions, or does not support this operation. "
                    "Please read the Graph API documentation at "
                    "https://developers.facebook.com/docs/graph-api",
                    method, id);
}

void
_gh_demo_op_fail_permission (GhDemoOp *op)
{
  _gh_demo_op_set_error (op, SOUP_STATUS_FORBIDDEN, 200, 0, "OAuthException",
                         "(#200) Permissions error", NULL, NULL, FALSE);
}

void
_gh_demo_op_fail_unknown_path (GhDemoOp   *op,
                               const char *component)
{
  _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 2500, 0, "Unknown path components: /%s",
                    component);
}

void
_gh_demo_op_fail_injected (GhDemoOp *op,
                           guint     http_status,
                           gint      code,
                           gint      subcode)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_errors); i++)
    {
      if (known_errors[i].code != code)
        continue;
      if (known_errors[i].subcode != -1 && known_errors[i].subcode != subcode)
        continue;

      _gh_demo_op_set_error (op, http_status, code, subcode, known_errors[i].type,
                             known_errors[i].message, known_errors[i].user_title,
                             known_errors[i].user_msg,
                             known_errors[i].transient || http_status >= 500);
      return;
    }

  _gh_demo_op_set_error (op, http_status, code, subcode, "OAuthException",
                         "An unexpected error has occurred. Please retry your request later.",
                         NULL, NULL, http_status >= 500);
}

void
_gh_demo_op_succeed (GhDemoOp *op)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "success", TRUE);
  _gh_demo_op_set_body (op, SOUP_STATUS_OK, object);
}

void
_gh_demo_op_set_error_details (GhDemoOp   *op,
                               const char *details)
{
  JsonObject *error = json_object_get_object_member (json_node_get_object (op->body), "error");
  JsonObject *data = json_object_new ();

  g_assert (error != NULL);
  json_object_set_string_member (data, "messaging_product", "whatsapp");
  json_object_set_string_member (data, "details", details);
  json_object_set_object_member (error, "error_data", data);
}
