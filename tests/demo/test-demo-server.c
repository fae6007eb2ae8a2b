/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-test-util.h"

/* The demo server as a whole, driven like the Graph client will: the token profiles, the
 * endpoints each one may read, and every knob that injects what goes wrong for real. */

static void
test_admin_endpoints (GhTestFixture *fixture,
                      gconstpointer  data)
{
  const char *token = GH_DEMO_TOKEN_ADMIN;
  g_autoptr(GhTestReply) me = gh_test_get (fixture, "/v25.0/me?fields=id,name", token);
  g_autoptr(GhTestReply) unversioned = gh_test_get (fixture, "/me", token);
  g_autoptr(GhTestReply) assigned =
    gh_test_get (fixture, "/v24.0/me/assigned_whatsapp_business_accounts", token);
  g_autoptr(GhTestReply) waba = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID, token);
  g_autoptr(GhTestReply) phones =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers", token);
  g_autoptr(GhTestReply) phones2 =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA2_ID
                 "/phone_numbers?fields=status,platform_type", token);
  g_autoptr(GhTestReply) templates =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                 "/message_templates?summary=total_count&limit=5", token);
  g_autoptr(GhTestReply) users =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                 GH_DEMO_BUSINESS_ID, token);
  g_autoptr(GhTestReply) system_users =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/system_users", token);
  g_autoptr(GhTestReply) business_users = gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID
                                                       "/business_users", token);
  g_autoptr(GhTestReply) owned = gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID
                                              "/owned_whatsapp_business_accounts", token);
  g_autoptr(GhTestReply) client = gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID
                                               "/client_whatsapp_business_accounts", token);
  g_autoptr(GhTestReply) business = gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID, token);
  JsonObject *object;
  JsonObject *summary;
  JsonArray *array;
  JsonObject *item;
  gboolean seen_sandbox = FALSE;
  gboolean seen_pending = FALSE;

  object = gh_test_reply_object (me);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (me->version, ==, "v25.0");
  g_assert_cmpstr (me->content_type, ==, "application/json; charset=UTF-8");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, GH_DEMO_ADMIN_USER_ID);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==,
                   GH_DEMO_ADMIN_USER_NAME);
  g_assert_cmpuint (unversioned->status, ==, 200);
  g_assert_nonnull (unversioned->version);
  g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (unversioned), "id"), ==,
                   GH_DEMO_ADMIN_USER_ID);

  array = gh_test_reply_data (assigned);
  g_assert_cmpstr (assigned->version, ==, "v24.0");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  item = gh_test_find_by_id (array, GH_DEMO_WABA_ID);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, GH_DEMO_WABA_NAME);
  g_assert_true (gh_test_has_string (json_object_get_array_member (item, "tasks"), "MANAGE"));
  g_assert_nonnull (gh_test_find_by_id (array, GH_DEMO_WABA2_ID));

  /* Without fields Meta sends id and name only. */
  object = gh_test_reply_object (waba);
  g_assert_cmpuint (waba->status, ==, 200);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, GH_DEMO_WABA_NAME);
  g_assert_nonnull (waba->usage);
  g_assert_nonnull (strstr (waba->usage, GH_DEMO_WABA_ID));

  array = gh_test_reply_data (phones);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *phone = json_array_get_object_element (array, i);
      const char *code = json_object_get_string_member (phone, "code_verification_status");

      g_assert_nonnull (json_object_get_string_member (phone, "display_phone_number"));
      g_assert_nonnull (json_object_get_object_member (phone, "throughput"));
      seen_pending |= g_str_equal (code, "NOT_VERIFIED");
    }
  g_assert_true (seen_pending);
  array = gh_test_reply_data (phones2);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  item = json_array_get_object_element (array, 0);
  /* Only what was asked for, and the id. */
  g_assert_cmpuint (json_object_get_size (item), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "FLAGGED");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "platform_type"), ==, "ON_PREMISE");
  {
    g_autoptr(GhTestReply) sandbox = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                  "/phone_numbers?fields=account_mode", token);

    array = gh_test_reply_data (sandbox);
    for (guint i = 0; i < json_array_get_length (array); i++)
      seen_sandbox |= g_str_equal (json_object_get_string_member (
        json_array_get_object_element (array, i), "account_mode"), "SANDBOX");
    g_assert_true (seen_sandbox);
  }

  array = gh_test_reply_data (templates);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  summary = json_object_get_object_member (gh_test_reply_object (templates), "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "total_count"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (summary, "message_template_count"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (summary, "message_template_limit"), ==, 250);
  item = json_array_get_object_element (array, 0);
  g_assert_nonnull (json_object_get_string_member (item, "status"));
  g_assert_nonnull (json_object_get_string_member (item, "category"));
  g_assert_nonnull (json_object_get_array_member (item, "components"));

  array = gh_test_reply_data (users);
  g_assert_cmpuint (json_array_get_length (array), ==, 25);
  item = json_array_get_object_element (array, 0);
  g_assert_nonnull (json_object_get_string_member (item, "name"));
  g_assert_nonnull (json_object_get_array_member (item, "tasks"));
  g_assert_nonnull (json_object_get_string_member (item, "user_type"));

  array = gh_test_reply_data (system_users);
  item = gh_test_find_by_id (array, GH_DEMO_EMPLOYEE_USER_ID);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "EMPLOYEE");
  g_assert_cmpstr (json_object_get_string_member (gh_test_find_by_id (array, GH_DEMO_ADMIN_USER_ID),
                                                  "role"), ==, "ADMIN");

  array = gh_test_reply_data (business_users);
  g_assert_cmpuint (json_array_get_length (array), >, 5);
  item = json_array_get_object_element (array, 0);
  for (guint i = 0; i < 6; i++)
    {
      const char *names[] = { "id", "name", "email", "role", "first_name", "last_name" };

      g_assert_true (json_object_has_member (item, names[i]));
    }

  array = gh_test_reply_data (owned);
  g_assert_nonnull (gh_test_find_by_id (array, GH_DEMO_WABA_ID));
  array = gh_test_reply_data (client);
  g_assert_nonnull (gh_test_find_by_id (array, GH_DEMO_WABA2_ID));
  g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (business), "name"), ==,
                   GH_DEMO_BUSINESS_NAME);
}

static JsonObject *
debug_data (GhTestReply *reply)
{
  JsonObject *object = gh_test_reply_object (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_object_member (object, "data");
}

static gboolean
has_scope (JsonObject *data,
           const char *scope)
{
  return gh_test_has_string (json_object_get_array_member (data, "scopes"), scope);
}

static JsonArray *
granular_targets (JsonObject *data,
                  const char *scope)
{
  JsonArray *granular = json_object_get_array_member (data, "granular_scopes");

  for (guint i = 0; i < json_array_get_length (granular); i++)
    {
      JsonObject *item = json_array_get_object_element (granular, i);

      if (g_str_equal (json_object_get_string_member (item, "scope"), scope))
        return json_object_has_member (item, "target_ids")
               ? json_object_get_array_member (item, "target_ids") : NULL;
    }
  g_assert_not_reached ();
}

static GhTestReply *
debug_token (GhTestFixture *fixture,
             const char *bearer,
             const char *input)
{
  g_autofree char *escaped = g_uri_escape_string (input, NULL, FALSE);
  g_autofree char *target = g_strdup_printf ("/v25.0/debug_token?input_token=%s", escaped);

  return gh_test_get (fixture, target, bearer);
}

static void
test_debug_token (GhTestFixture *fixture,
                  gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  JsonObject *info;
  JsonArray *targets;

  {
    g_autoptr(GhTestReply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN, GH_DEMO_TOKEN_ADMIN);

    info = debug_data (reply);
    g_assert_cmpstr (json_object_get_string_member (info, "type"), ==, "SYSTEM_USER");
    g_assert_cmpstr (json_object_get_string_member (info, "app_id"), ==, GH_DEMO_APP_ID);
    g_assert_cmpstr (json_object_get_string_member (info, "application"), ==,
                     GH_DEMO_APP_NAME);
    g_assert_cmpstr (json_object_get_string_member (info, "user_id"), ==,
                     GH_DEMO_ADMIN_USER_ID);
    g_assert_true (json_object_get_boolean_member (info, "is_valid"));
    g_assert_cmpint (json_object_get_int_member (info, "expires_at"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (info, "data_access_expires_at"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (info, "issued_at"), <, now);
    g_assert_true (has_scope (info, "whatsapp_business_management"));
    g_assert_true (has_scope (info, "whatsapp_business_messaging"));
    g_assert_true (has_scope (info, "business_management"));
    g_assert_null (granular_targets (info, "whatsapp_business_management"));
  }

  {
    /* The admin inspects the employee's token. */
    g_autoptr(GhTestReply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN,
                                                GH_DEMO_TOKEN_EMPLOYEE);

    info = debug_data (reply);
    g_assert_cmpstr (json_object_get_string_member (info, "user_id"), ==,
                     GH_DEMO_EMPLOYEE_USER_ID);
    g_assert_false (has_scope (info, "business_management"));
    targets = granular_targets (info, "whatsapp_business_management");
    g_assert_nonnull (targets);
    g_assert_cmpuint (json_array_get_length (targets), ==, 2);
    g_assert_true (gh_test_has_string (targets, GH_DEMO_WABA_ID));
    g_assert_true (gh_test_has_string (targets, GH_DEMO_WABA2_ID));
  }

  {
    g_autoptr(GhTestReply) reply = debug_token (fixture, GH_DEMO_TOKEN_SIXTY_DAY,
                                                GH_DEMO_TOKEN_SIXTY_DAY);
    gint64 expires, issued;

    info = debug_data (reply);
    expires = json_object_get_int_member (info, "expires_at");
    issued = json_object_get_int_member (info, "issued_at");
    g_assert_cmpstr (json_object_get_string_member (info, "type"), ==, "SYSTEM_USER");
    g_assert_cmpint (expires, >=, now + 45 * GH_TEST_DAY - 60);
    g_assert_cmpint (expires, <=, now + 45 * GH_TEST_DAY + 60);
    g_assert_cmpint (expires - issued, ==, 60 * GH_TEST_DAY);
    g_assert_cmpstr (json_object_get_string_member (info, "user_id"), !=,
                     GH_DEMO_ADMIN_USER_ID);
    g_assert_true (has_scope (info, "business_management"));
  }

  {
    g_autoptr(GhTestReply) reply = debug_token (fixture, GH_DEMO_TOKEN_USER_24H,
                                                GH_DEMO_TOKEN_USER_24H);
    gint64 issued;

    info = debug_data (reply);
    issued = json_object_get_int_member (info, "issued_at");
    g_assert_cmpstr (json_object_get_string_member (info, "type"), ==, "USER");
    g_assert_cmpint (json_object_get_int_member (info, "expires_at") - issued, ==, GH_TEST_DAY);
    g_assert_cmpint (issued, <=, now - 2 * 60 * 60 + 60);
    g_assert_cmpint (issued, >=, now - 2 * 60 * 60 - 60);
    targets = granular_targets (info, "whatsapp_business_messaging");
    g_assert_cmpuint (json_array_get_length (targets), ==, 1);
    g_assert_true (gh_test_has_string (targets, GH_DEMO_WABA_ID));
  }

  {
    g_autoptr(GhTestReply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN,
                                                GH_DEMO_TOKEN_NO_MESSAGING);

    info = debug_data (reply);
    g_assert_true (has_scope (info, "whatsapp_business_management"));
    g_assert_false (has_scope (info, "whatsapp_business_messaging"));
    g_assert_cmpint (json_object_get_int_member (info, "expires_at"), ==, 0);
  }

  {
    g_autoptr(GhTestReply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN, "EAAnotatoken");

    info = debug_data (reply);
    g_assert_false (json_object_get_boolean_member (info, "is_valid"));
    g_assert_true (json_object_has_member (info, "error"));
  }

  {
    /* An invalid token cannot inspect itself: a top-level 190. */
    g_autoptr(GhTestReply) reply = debug_token (fixture, "EAAnotatoken", "EAAnotatoken");

    g_assert_cmpint (gh_test_reply_error_code (reply), ==, 190);
    g_assert_cmpstr (json_object_get_string_member (
      json_object_get_object_member (gh_test_reply_object (reply), "error"), "type"), ==,
      "OAuthException");
  }

  {
    g_autoptr(GhTestReply) reply = gh_test_get (fixture, "/v25.0/debug_token", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (gh_test_reply_error_code (reply), ==, 100);
  }
}

static void
test_profiles (GhTestFixture *fixture,
               gconstpointer  data)
{
  {
    g_autoptr(GhTestReply) own =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) other =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA2_ID, GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) other_edge =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA2_ID "/phone_numbers", GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) people =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/system_users", GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) assigned =
      gh_test_get (fixture, "/v25.0/me/assigned_whatsapp_business_accounts",
                   GH_DEMO_TOKEN_EMPLOYEE);
    JsonArray *wabas;

    g_assert_cmpuint (own->status, ==, 200);
    g_assert_cmpint (gh_test_reply_error_code (other), ==, 200);
    g_assert_cmpuint (other->status, ==, 403);
    g_assert_cmpint (gh_test_reply_error_code (other_edge), ==, 200);
    g_assert_cmpint (gh_test_reply_error_code (people), ==, 200);
    wabas = gh_test_reply_data (assigned);
    g_assert_cmpuint (json_array_get_length (wabas), ==, 1);
    g_assert_true (gh_test_has_string (json_object_get_array_member (
      json_array_get_object_element (wabas, 0), "tasks"), "DEVELOP"));
  }

  {
    g_autoptr(GhTestReply) me = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_USER_24H);
    g_autoptr(GhTestReply) assigned =
      gh_test_get (fixture, "/v25.0/me/assigned_whatsapp_business_accounts",
                   GH_DEMO_TOKEN_USER_24H);
    g_autoptr(GhTestReply) waba2 =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA2_ID, GH_DEMO_TOKEN_USER_24H);

    g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (me), "name"), ==,
                     "Maria Lopez");
    g_assert_cmpint (gh_test_reply_error_code (assigned), ==, 100);
    g_assert_cmpstr (gh_test_reply_error_message (assigned), ==,
                     "(#100) Tried accessing nonexisting field "
                     "(assigned_whatsapp_business_accounts) on node type (User)");
    g_assert_cmpint (gh_test_reply_error_code (waba2), ==, 200);
  }

  {
    g_autoptr(GhTestReply) waba2 = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA2_ID,
                                                GH_DEMO_TOKEN_NO_MESSAGING);
    g_autoptr(GhTestReply) sixty =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/business_users",
                   GH_DEMO_TOKEN_SIXTY_DAY);

    g_assert_cmpuint (waba2->status, ==, 200);
    g_assert_cmpuint (sixty->status, ==, 200);
  }

  {
    g_autoptr(GhTestReply) none = gh_test_get (fixture, "/v25.0/me", NULL);
    g_autoptr(GhTestReply) wrong = gh_test_get (fixture, "/v25.0/me", "EAAwrong");
    g_autoptr(GhTestReply) unknown_id =
      gh_test_get (fixture, "/v25.0/123456789012345", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) alias = gh_test_get (fixture, "/v25.0/nonsense", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) edge = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/nonsense",
                                               GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (gh_test_reply_error_code (none), ==, 190);
    g_assert_cmpuint (none->status, ==, 400);
    g_assert_cmpstr (gh_test_reply_error_message (none), ==,
                     "Invalid OAuth access token - Cannot parse access token");
    g_assert_cmpint (gh_test_reply_error_code (wrong), ==, 190);
    g_assert_cmpint (gh_test_reply_error_code (unknown_id), ==, 100);
    g_assert_cmpint (gh_test_reply_error_subcode (unknown_id), ==, 33);
    g_assert_cmpint (gh_test_reply_error_code (alias), ==, 803);
    g_assert_cmpint (gh_test_reply_error_code (edge), ==, 2500);
  }
}

static void
test_latency (GhTestFixture *fixture,
              gconstpointer  data)
{
  gint64 start;
  gint64 elapsed;

  gh_demo_server_set_latency (fixture->server, 300);
  start = g_get_monotonic_time ();
  {
    g_autoptr(GhTestReply) reply = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpint (elapsed, >=, 300 * 1000);

  /* An answer still held back when the server goes away must not keep it alive. */
  {
    g_autofree char *url = g_strconcat (gh_demo_server_get_url (fixture->server), "/me", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    guint count = gh_demo_server_get_request_count (fixture->server);

    gh_demo_server_set_latency (fixture->server, 60 * 1000);
    soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL,
                                      NULL, NULL);
    while (gh_demo_server_get_request_count (fixture->server) == count)
      g_main_context_iteration (NULL, TRUE);
  }
  gh_demo_server_set_latency (fixture->server, 0);
  {
    g_autoptr(GhTestReply) reply = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

static void
test_injected_errors (GhTestFixture *fixture,
                      gconstpointer  data)
{
  gh_demo_server_set_error (fixture->server, "me", 500, 2, 0, 1);
  {
    g_autoptr(GhTestReply) failed = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) fine = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    JsonObject *error;

    g_assert_cmpint (gh_test_reply_error_code (failed), ==, 2);
    g_assert_cmpuint (failed->status, ==, 500);
    error = json_object_get_object_member (gh_test_reply_object (failed), "error");
    g_assert_true (json_object_get_boolean_member (error, "is_transient"));
    g_assert_cmpuint (fine->status, ==, 200);
  }

  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 400, 190, 463,
                            0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GhTestReply) expired = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                    "/assigned_users?business=" GH_DEMO_BUSINESS_ID,
                                                    GH_DEMO_TOKEN_ADMIN);

      g_assert_cmpint (gh_test_reply_error_code (expired), ==, 190);
      g_assert_cmpint (gh_test_reply_error_subcode (expired), ==, 463);
      g_assert_nonnull (strstr (gh_test_reply_error_message (expired), "Session has expired"));
    }
  {
    g_autoptr(GhTestReply) other =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) twofa = NULL;

    g_assert_cmpuint (other->status, ==, 200);
    gh_demo_server_set_error (fixture->server, "", 400, 415, 2859009, 1);
    twofa = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);
    g_assert_cmpint (gh_test_reply_error_code (twofa), ==, 415);
    g_assert_true (json_object_has_member (
      json_object_get_object_member (gh_test_reply_object (twofa), "error"), "error_user_msg"));
  }

  gh_demo_server_clear_faults (fixture->server);
  {
    g_autoptr(GhTestReply) cleared = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                  "/assigned_users?business=" GH_DEMO_BUSINESS_ID,
                                                  GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (cleared->status, ==, 200);
  }
}

static void
test_rate_limit (GhTestFixture *fixture,
                 gconstpointer  data)
{
  gh_demo_server_set_rate_limit (fixture->server, 3, 7);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GhTestReply) fine =
        gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers", GH_DEMO_TOKEN_ADMIN);

      g_assert_cmpuint (fine->status, ==, 200);
    }

  {
    g_autoptr(GhTestReply) me = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) limited =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);
    g_autoptr(JsonNode) usage = NULL;
    JsonObject *entry;

    /* Calls that are not about a WABA do not count. */
    g_assert_cmpuint (me->status, ==, 200);
    g_assert_cmpint (gh_test_reply_error_code (limited), ==, 80008);
    g_assert_cmpstr (gh_test_reply_error_message (limited), ==,
                     "(#80008) There have been too many calls to this WhatsApp Business "
                     "account. Wait a bit and try again.");
    g_assert_nonnull (limited->usage);
    usage = json_from_string (limited->usage, NULL);
    g_assert_nonnull (usage);
    entry = json_array_get_object_element (json_object_get_array_member (
      json_node_get_object (usage), GH_DEMO_WABA_ID), 0);
    g_assert_cmpstr (json_object_get_string_member (entry, "type"), ==,
                     "whatsapp_business_management");
    g_assert_cmpint (json_object_get_int_member (entry, "call_count"), ==, 100);
    g_assert_cmpint (json_object_get_int_member (entry, "estimated_time_to_regain_access"),
                     ==, 7);
  }

  {
    /* Batched operations count one by one. */
    const char *batch = "batch=%5B%7B%22relative_url%22%3A%22" GH_DEMO_WABA2_ID "%22%7D%5D";
    g_autoptr(GhTestReply) reply =
      gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, batch);
    JsonObject *answer = json_array_get_object_element (json_node_get_array (reply->root), 0);

    g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 400);
    g_assert_nonnull (strstr (json_object_get_string_member (answer, "body"), "80008"));
  }

  gh_demo_server_clear_faults (fixture->server);
  {
    g_autoptr(GhTestReply) fine =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (fine->status, ==, 200);
  }
}

static void
test_transport_faults (GhTestFixture *fixture,
                       gconstpointer  data)
{
  gh_demo_server_set_fault (fixture->server, "me", GH_DEMO_FAULT_NOT_JSON, 1);
  {
    g_autoptr(GhTestReply) html = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) fine = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_no_error (html->error);
    g_assert_cmpuint (html->status, ==, 200);
    g_assert_null (html->root);
    g_assert_true (g_str_has_prefix (html->content_type, "text/html"));
    g_assert_cmpuint (fine->status, ==, 200);
    g_assert_nonnull (fine->root);
  }

  gh_demo_server_set_fault (fixture->server, GH_DEMO_WABA_ID, GH_DEMO_FAULT_TRUNCATED, 1);
  {
    g_autoptr(GhTestReply) truncated =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers", GH_DEMO_TOKEN_ADMIN);

    g_assert_no_error (truncated->error);
    g_assert_cmpuint (truncated->status, ==, 200);
    g_assert_cmpuint (strlen (truncated->text), >, 10);
    g_assert_null (truncated->root);
  }

  /* Always, so that a client retrying on a fresh connection still sees the drop. */
  gh_demo_server_set_fault (fixture->server, "me", GH_DEMO_FAULT_DROP, 0);
  {
    g_autoptr(GhTestReply) dropped = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_nonnull (dropped->error);
  }
  gh_demo_server_set_latency (fixture->server, 50);
  {
    g_autoptr(GhTestReply) dropped = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_nonnull (dropped->error);
  }
  gh_demo_server_clear_faults (fixture->server);
  {
    g_autoptr(GhTestReply) fine = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_no_error (fine->error);
    g_assert_cmpuint (fine->status, ==, 200);
  }
}

static void
test_token_in_query (GhTestFixture *fixture,
                     gconstpointer  data)
{
  gh_demo_server_reset_counts (fixture->server);
  {
    g_autoptr(GhTestReply) fine = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (fine->status, ==, 200);
    g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  }
  {
    g_autoptr(GhTestReply) query =
      gh_test_get (fixture, "/v25.0/me?access_token=" GH_DEMO_TOKEN_ADMIN, NULL);

    g_assert_cmpint (gh_test_reply_error_code (query), ==, 190);
    g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 1);
  }
  {
    g_autoptr(GhTestReply) both =
      gh_test_get (fixture, "/v25.0/me?access_token=" GH_DEMO_TOKEN_ADMIN, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (both->status, ==, 200);
    g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 2);
  }
  gh_demo_server_reset_counts (fixture->server);
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
}

static void
test_odd_input (GhTestFixture *fixture,
                gconstpointer  data)
{
  const char *targets[] = {
    "/v25.0/" GH_DEMO_WABA_ID "?fields=",
    "/v25.0/" GH_DEMO_WABA_ID "?fields=%29%28",
    "/v25.0/" GH_DEMO_WABA_ID "?fields=phone_numbers.limit(-1)",
    "/v25.0/" GH_DEMO_WABA_ID "?fields=phone_numbers.limit(",
    "/v25.0/" GH_DEMO_WABA_ID "?fields=phone_numbers%7B%7D",
    "/v25.0/" GH_DEMO_WABA_ID "?fields=a%7Bb%7Bc%7Bd",
    "/v25.0/" GH_DEMO_WABA_ID "?fields=id,%F0%9F",
    "/v25.0/%FF%FE/phone_numbers",
    "/v25.0/" GH_DEMO_WABA_ID "/%FF",
    "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers?limit=-5",
    "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers?limit=abc",
    "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers?before=%3D%3D%3D",
    "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers?after=QVFIUmRlbW86OTk5OTk5OTk5OTk5",
    "/v25.0//" GH_DEMO_WABA_ID "//",
    "/v25.0/a/b/c/d/e",
    "/v99.99/me",
    "/v25/me",
    "/%E2%9C%93?fields=%E2%9C%93",
    "/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GhTestReply) reply = gh_test_get (fixture, targets[i], GH_DEMO_TOKEN_ADMIN);

      g_test_message ("%s → %u %s", targets[i], reply->status, reply->text);
      gh_test_reply_object (reply);
      g_assert_true (reply->status == 200 || gh_test_reply_error_code (reply) > 0);
    }

  {
    g_autoptr(GhTestReply) put =
      gh_test_fetch (fixture, "PUT", "/v25.0/me", GH_DEMO_TOKEN_ADMIN, "a=b");
    g_autoptr(GhTestReply) post =
      gh_test_fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, "x=%ZZ");

    g_assert_cmpint (gh_test_reply_error_code (put), ==, 100);
    g_assert_cmpint (gh_test_reply_error_code (post), ==, 100);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_TEST_ADD ("/demo/admin-endpoints", test_admin_endpoints);
  GH_TEST_ADD ("/demo/debug-token", test_debug_token);
  GH_TEST_ADD ("/demo/profiles", test_profiles);
  GH_TEST_ADD ("/demo/latency", test_latency);
  GH_TEST_ADD ("/demo/injected-errors", test_injected_errors);
  GH_TEST_ADD ("/demo/rate-limit", test_rate_limit);
  GH_TEST_ADD ("/demo/transport-faults", test_transport_faults);
  GH_TEST_ADD ("/demo/token-in-query", test_token_in_query);
  GH_TEST_ADD ("/demo/odd-input", test_odd_input);

  return g_test_run ();
}
