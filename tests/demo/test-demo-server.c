/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "gh-demo-server.h"

/* Drives the demo server with a plain SoupSession on the test's main context, the way the
 * Graph client will, and checks it answers like Meta's documentation says. */

#define DAY (24 * 60 * 60)

typedef struct
{
  GhDemoServer *server;
  SoupSession  *session;
} Fixture;

typedef struct
{
  guint     status;
  JsonNode *root;     /* NULL when the body was not JSON */
  char     *text;
  char     *content_type;
  char     *version;
  char     *usage;
  GError   *error;    /* transport error */
} Reply;

typedef struct
{
  gboolean      done;
  GBytes       *body;
  GError       *error;
} Wait;

static void
reply_free (Reply *reply)
{
  g_clear_pointer (&reply->root, json_node_unref);
  g_free (reply->text);
  g_free (reply->content_type);
  g_free (reply->version);
  g_free (reply->usage);
  g_clear_error (&reply->error);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->server);
  fixture->session = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_assert_finalize_object (fixture->server);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

/* @target: path and query after the server's URL, or an absolute URL. */
static Reply *
fetch (Fixture    *fixture,
       const char *method,
       const char *target,
       const char *token,
       const char *form)
{
  g_autofree char *url = g_str_has_prefix (target, "http")
                         ? g_strdup (target)
                         : g_strconcat (gh_demo_server_get_url (fixture->server), target, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers;
  Reply *reply = g_new0 (Reply, 1);
  Wait wait = { 0 };

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    value);
    }
  if (form != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded",
                                                bytes);
    }

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    sent_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error != NULL)
    {
      reply->error = wait.error;
      return reply;
    }

  headers = soup_message_get_response_headers (msg);
  reply->status = soup_message_get_status (msg);
  reply->text = g_bytes_get_size (wait.body) > 0
                ? g_strndup (g_bytes_get_data (wait.body, NULL), g_bytes_get_size (wait.body))
                : g_strdup ("");
  reply->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  reply->version = g_strdup (soup_message_headers_get_one (headers, "facebook-api-version"));
  reply->usage = g_strdup (soup_message_headers_get_one (headers,
                                                         "X-Business-Use-Case-Usage"));
  reply->root = json_from_string (reply->text, NULL);
  g_bytes_unref (wait.body);

  return reply;
}

static Reply *
get (Fixture    *fixture,
     const char *target,
     const char *token)
{
  return fetch (fixture, "GET", target, token, NULL);
}

static JsonObject *
reply_object (Reply *reply)
{
  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->root));
  return json_node_get_object (reply->root);
}

static JsonArray *
reply_data (Reply *reply)
{
  JsonObject *object = reply_object (reply);

  if (reply->status != 200)
    g_test_message ("unexpected answer: %s", reply->text);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_true (json_object_has_member (object, "data"));
  return json_object_get_array_member (object, "data");
}

/* Checks the Graph error object and returns its code. */
static gint64
reply_error_code (Reply *reply)
{
  JsonObject *object = reply_object (reply);
  JsonObject *error;

  g_assert_true (json_object_has_member (object, "error"));
  error = json_object_get_object_member (object, "error");
  g_assert_nonnull (json_object_get_string_member_with_default (error, "message", NULL));
  g_assert_nonnull (json_object_get_string_member_with_default (error, "type", NULL));
  g_assert_cmpuint (strlen (json_object_get_string_member_with_default (error, "fbtrace_id",
                                                                         "")), >, 5);
  g_assert_true (json_object_has_member (error, "is_transient"));
  g_assert_cmpuint (reply->status, >=, 400);
  return json_object_get_int_member_with_default (error, "code", -1);
}

static const char *
reply_error_message (Reply *reply)
{
  JsonObject *error = json_object_get_object_member (reply_object (reply), "error");

  return json_object_get_string_member_with_default (error, "message", NULL);
}

static gint64
reply_error_subcode (Reply *reply)
{
  JsonObject *error = json_object_get_object_member (reply_object (reply), "error");

  return json_object_get_int_member_with_default (error, "error_subcode", 0);
}

static gboolean
strv_has_task (JsonArray  *tasks,
               const char *task)
{
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    if (g_strcmp0 (json_array_get_string_element (tasks, i), task) == 0)
      return TRUE;
  return FALSE;
}

static JsonObject *
find_by_id (JsonArray  *data,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *item = json_array_get_object_element (data, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, "id", NULL), id) == 0)
        return item;
    }
  return NULL;
}

/* Every assigned user of WABA 1 as the admin sees them, following the pages. */
static JsonArray *
all_assigned_users (Fixture *fixture)
{
  g_autoptr(Reply) reply = get (fixture,
                                "/v25.0/" GH_DEMO_WABA_ID "/assigned_users?limit=100&business="
                                GH_DEMO_BUSINESS_ID, GH_DEMO_TOKEN_ADMIN);

  return json_array_ref (reply_data (reply));
}

static void
test_admin_endpoints (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *token = GH_DEMO_TOKEN_ADMIN;
  g_autoptr(Reply) me = get (fixture, "/v25.0/me?fields=id,name", token);
  g_autoptr(Reply) unversioned = get (fixture, "/me", token);
  g_autoptr(Reply) assigned = get (fixture, "/v24.0/me/assigned_whatsapp_business_accounts",
                                   token);
  g_autoptr(Reply) waba = get (fixture, "/v25.0/" GH_DEMO_WABA_ID, token);
  g_autoptr(Reply) phones = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers", token);
  g_autoptr(Reply) phones2 = get (fixture, "/v25.0/" GH_DEMO_WABA2_ID
                                  "/phone_numbers?fields=status,platform_type", token);
  g_autoptr(Reply) templates = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                    "/message_templates?summary=total_count&limit=5", token);
  g_autoptr(Reply) users = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                                GH_DEMO_BUSINESS_ID, token);
  g_autoptr(Reply) system_users = get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/system_users",
                                       token);
  g_autoptr(Reply) business_users = get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID
                                         "/business_users", token);
  g_autoptr(Reply) owned = get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID
                                "/owned_whatsapp_business_accounts", token);
  g_autoptr(Reply) client = get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID
                                 "/client_whatsapp_business_accounts", token);
  g_autoptr(Reply) business = get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID, token);
  JsonObject *object;
  JsonObject *summary;
  JsonArray *array;
  JsonObject *item;
  gboolean seen_sandbox = FALSE;
  gboolean seen_pending = FALSE;

  object = reply_object (me);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (me->version, ==, "v25.0");
  g_assert_cmpstr (me->content_type, ==, "application/json; charset=UTF-8");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, GH_DEMO_ADMIN_USER_ID);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==,
                   GH_DEMO_ADMIN_USER_NAME);
  g_assert_cmpuint (unversioned->status, ==, 200);
  g_assert_nonnull (unversioned->version);
  g_assert_cmpstr (json_object_get_string_member (reply_object (unversioned), "id"), ==,
                   GH_DEMO_ADMIN_USER_ID);

  array = reply_data (assigned);
  g_assert_cmpstr (assigned->version, ==, "v24.0");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  item = find_by_id (array, GH_DEMO_WABA_ID);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, GH_DEMO_WABA_NAME);
  g_assert_true (strv_has_task (json_object_get_array_member (item, "tasks"), "MANAGE"));
  g_assert_nonnull (find_by_id (array, GH_DEMO_WABA2_ID));

  /* Without fields Meta sends id and name only. */
  object = reply_object (waba);
  g_assert_cmpuint (waba->status, ==, 200);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, GH_DEMO_WABA_NAME);
  g_assert_nonnull (waba->usage);
  g_assert_nonnull (strstr (waba->usage, GH_DEMO_WABA_ID));

  array = reply_data (phones);
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
  array = reply_data (phones2);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  item = json_array_get_object_element (array, 0);
  /* Only what was asked for, and the id. */
  g_assert_cmpuint (json_object_get_size (item), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "FLAGGED");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "platform_type"), ==, "ON_PREMISE");
  {
    g_autoptr(Reply) sandbox = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                    "/phone_numbers?fields=account_mode", token);

    array = reply_data (sandbox);
    for (guint i = 0; i < json_array_get_length (array); i++)
      seen_sandbox |= g_str_equal (json_object_get_string_member (
        json_array_get_object_element (array, i), "account_mode"), "SANDBOX");
    g_assert_true (seen_sandbox);
  }

  array = reply_data (templates);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  summary = json_object_get_object_member (reply_object (templates), "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "total_count"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (summary, "message_template_count"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (summary, "message_template_limit"), ==, 250);
  item = json_array_get_object_element (array, 0);
  g_assert_nonnull (json_object_get_string_member (item, "status"));
  g_assert_nonnull (json_object_get_string_member (item, "category"));
  g_assert_nonnull (json_object_get_array_member (item, "components"));

  array = reply_data (users);
  g_assert_cmpuint (json_array_get_length (array), ==, 25);
  item = json_array_get_object_element (array, 0);
  g_assert_nonnull (json_object_get_string_member (item, "name"));
  g_assert_nonnull (json_object_get_array_member (item, "tasks"));
  g_assert_nonnull (json_object_get_string_member (item, "user_type"));

  array = reply_data (system_users);
  item = find_by_id (array, GH_DEMO_EMPLOYEE_USER_ID);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "EMPLOYEE");
  g_assert_cmpstr (json_object_get_string_member (find_by_id (array, GH_DEMO_ADMIN_USER_ID),
                                                  "role"), ==, "ADMIN");

  array = reply_data (business_users);
  g_assert_cmpuint (json_array_get_length (array), >, 5);
  item = json_array_get_object_element (array, 0);
  for (guint i = 0; i < 6; i++)
    {
      const char *names[] = { "id", "name", "email", "role", "first_name", "last_name" };

      g_assert_true (json_object_has_member (item, names[i]));
    }

  array = reply_data (owned);
  g_assert_nonnull (find_by_id (array, GH_DEMO_WABA_ID));
  array = reply_data (client);
  g_assert_nonnull (find_by_id (array, GH_DEMO_WABA2_ID));
  g_assert_cmpstr (json_object_get_string_member (reply_object (business), "name"), ==,
                   GH_DEMO_BUSINESS_NAME);
}

static JsonObject *
debug_data (Reply *reply)
{
  JsonObject *object = reply_object (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_object_member (object, "data");
}

static gboolean
has_scope (JsonObject *data,
           const char *scope)
{
  return strv_has_task (json_object_get_array_member (data, "scopes"), scope);
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

static Reply *
debug_token (Fixture    *fixture,
             const char *bearer,
             const char *input)
{
  g_autofree char *escaped = g_uri_escape_string (input, NULL, FALSE);
  g_autofree char *target = g_strdup_printf ("/v25.0/debug_token?input_token=%s", escaped);

  return get (fixture, target, bearer);
}

static void
test_debug_token (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  JsonObject *info;
  JsonArray *targets;

  {
    g_autoptr(Reply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN, GH_DEMO_TOKEN_ADMIN);

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
    g_autoptr(Reply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN,
                                          GH_DEMO_TOKEN_EMPLOYEE);

    info = debug_data (reply);
    g_assert_cmpstr (json_object_get_string_member (info, "user_id"), ==,
                     GH_DEMO_EMPLOYEE_USER_ID);
    g_assert_false (has_scope (info, "business_management"));
    targets = granular_targets (info, "whatsapp_business_management");
    g_assert_nonnull (targets);
    g_assert_cmpuint (json_array_get_length (targets), ==, 2);
    g_assert_true (strv_has_task (targets, GH_DEMO_WABA_ID));
    g_assert_true (strv_has_task (targets, GH_DEMO_WABA2_ID));
  }

  {
    g_autoptr(Reply) reply = debug_token (fixture, GH_DEMO_TOKEN_SIXTY_DAY,
                                          GH_DEMO_TOKEN_SIXTY_DAY);
    gint64 expires, issued;

    info = debug_data (reply);
    expires = json_object_get_int_member (info, "expires_at");
    issued = json_object_get_int_member (info, "issued_at");
    g_assert_cmpstr (json_object_get_string_member (info, "type"), ==, "SYSTEM_USER");
    g_assert_cmpint (expires, >=, now + 45 * DAY - 60);
    g_assert_cmpint (expires, <=, now + 45 * DAY + 60);
    g_assert_cmpint (expires - issued, ==, 60 * DAY);
    g_assert_cmpstr (json_object_get_string_member (info, "user_id"), !=,
                     GH_DEMO_ADMIN_USER_ID);
    g_assert_true (has_scope (info, "business_management"));
  }

  {
    g_autoptr(Reply) reply = debug_token (fixture, GH_DEMO_TOKEN_USER_24H,
                                          GH_DEMO_TOKEN_USER_24H);
    gint64 issued;

    info = debug_data (reply);
    issued = json_object_get_int_member (info, "issued_at");
    g_assert_cmpstr (json_object_get_string_member (info, "type"), ==, "USER");
    g_assert_cmpint (json_object_get_int_member (info, "expires_at") - issued, ==, DAY);
    g_assert_cmpint (issued, <=, now - 2 * 60 * 60 + 60);
    g_assert_cmpint (issued, >=, now - 2 * 60 * 60 - 60);
    targets = granular_targets (info, "whatsapp_business_messaging");
    g_assert_cmpuint (json_array_get_length (targets), ==, 1);
    g_assert_true (strv_has_task (targets, GH_DEMO_WABA_ID));
  }

  {
    g_autoptr(Reply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN,
                                          GH_DEMO_TOKEN_NO_MESSAGING);

    info = debug_data (reply);
    g_assert_true (has_scope (info, "whatsapp_business_management"));
    g_assert_false (has_scope (info, "whatsapp_business_messaging"));
    g_assert_cmpint (json_object_get_int_member (info, "expires_at"), ==, 0);
  }

  {
    g_autoptr(Reply) reply = debug_token (fixture, GH_DEMO_TOKEN_ADMIN, "EAAnotatoken");

    info = debug_data (reply);
    g_assert_false (json_object_get_boolean_member (info, "is_valid"));
    g_assert_true (json_object_has_member (info, "error"));
  }

  {
    /* An invalid token cannot inspect itself: a top-level 190. */
    g_autoptr(Reply) reply = debug_token (fixture, "EAAnotatoken", "EAAnotatoken");

    g_assert_cmpint (reply_error_code (reply), ==, 190);
    g_assert_cmpstr (json_object_get_string_member (
      json_object_get_object_member (reply_object (reply), "error"), "type"), ==,
      "OAuthException");
  }

  {
    g_autoptr(Reply) reply = get (fixture, "/v25.0/debug_token", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (reply_error_code (reply), ==, 100);
  }
}

static void
test_field_expansion (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(Reply) reply =
    get (fixture, "/v25.0/" GH_DEMO_WABA_ID "?fields=id,name,currency,timezone_id,"
         "creation_time,owner_business_info%7Bid%7D,health_status%7Bcan_send_message%7D,"
         "phone_numbers%7Bdisplay_phone_number,verified_name%7D.limit(2),"
         "message_templates.limit(0).summary(total_count)", GH_DEMO_TOKEN_ADMIN);
  g_autoptr(Reply) all = get (fixture, "/v25.0/" GH_DEMO_WABA2_ID "?fields=id,name,currency,"
                              "timezone_id,message_template_namespace,account_review_status,"
                              "business_verification_status,country,ownership_type,"
                              "primary_business_location,owner_business_info,"
                              "on_behalf_of_business_info,health_status,"
                              "whatsapp_business_manager_messaging_limit,creation_time,status",
                              GH_DEMO_TOKEN_ADMIN);
  JsonObject *object = reply_object (reply);
  JsonObject *edge;
  JsonObject *phone;
  JsonObject *owner;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000$",
                                       0, 0, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object, "currency"), ==, "USD");
  g_assert_cmpstr (json_object_get_string_member (object, "timezone_id"), ==, "1");
  g_assert_true (g_regex_match (iso, json_object_get_string_member (object, "creation_time"),
                                0, NULL));
  owner = json_object_get_object_member (object, "owner_business_info");
  g_assert_cmpuint (json_object_get_size (owner), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (owner, "id"), ==, GH_DEMO_BUSINESS_ID);
  g_assert_cmpstr (json_object_get_string_member (
    json_object_get_object_member (object, "health_status"), "can_send_message"), ==,
    "AVAILABLE");
  g_assert_false (json_object_has_member (json_object_get_object_member (object,
                                                                         "health_status"),
                                          "entities"));

  edge = json_object_get_object_member (object, "phone_numbers");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (edge, "data")), ==, 2);
  phone = json_array_get_object_element (json_object_get_array_member (edge, "data"), 0);
  g_assert_cmpuint (json_object_get_size (phone), ==, 3);
  g_assert_nonnull (json_object_get_string_member (phone, "verified_name"));
  g_assert_true (json_object_has_member (json_object_get_object_member (edge, "paging"),
                                         "next"));

  edge = json_object_get_object_member (object, "message_templates");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (edge, "data")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (edge, "summary"),
                                               "total_count"), ==, 12);

  object = reply_object (all);
  g_assert_cmpuint (all->status, ==, 200);
  g_assert_cmpuint (json_object_get_size (object), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (object, "account_review_status"), ==,
                   "PENDING");
  g_assert_cmpstr (json_object_get_string_member (
    json_object_get_object_member (object, "health_status"), "can_send_message"), ==,
    "LIMITED");

  {
    g_autoptr(Reply) unknown = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "?fields=id,bogus",
                                    GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (reply_error_code (unknown), ==, 100);
    g_assert_cmpstr (reply_error_message (unknown), ==,
                     "(#100) Tried accessing nonexisting field (bogus) on node type "
                     "(WhatsAppBusinessAccount)");
  }

  {
    g_autoptr(Reply) syntax = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                   "?fields=id,phone_numbers%7Bid", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (reply_error_code (syntax), ==, 2500);
    g_assert_nonnull (strstr (reply_error_message (syntax), "Syntax error"));
  }

  {
    /* Fields in a nested list reach every item of the expanded edge. */
    g_autoptr(Reply) nested = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                   "?fields=message_templates.limit(3)%7Bname,status%7D",
                                   GH_DEMO_TOKEN_ADMIN);
    JsonArray *templates;

    object = reply_object (nested);
    edge = json_object_get_object_member (object, "message_templates");
    templates = json_object_get_array_member (edge, "data");
    g_assert_cmpuint (json_array_get_length (templates), ==, 3);
    g_assert_cmpuint (json_object_get_size (json_array_get_object_element (templates, 2)), ==,
                      3);
    g_assert_false (json_object_has_member (edge, "summary"));
  }
}

enum
{
  SEEN_UNKNOWN_TASK = 1 << 0,
  SEEN_BLANK        = 1 << 1,
  SEEN_MARKUP       = 1 << 2,
  SEEN_RTL          = 1 << 3,
  SEEN_ALL          = (1 << 4) - 1,
};

/* Adds the users' ids to @seen (each once) and notes the odd ones the data must have. */
static void
scan_users (JsonArray  *items,
            GHashTable *seen,
            guint      *flags)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *user = json_array_get_object_element (items, i);
      const char *name = json_object_get_string_member (user, "name");

      g_assert_true (g_hash_table_add (seen,
                                       g_strdup (json_object_get_string_member (user, "id"))));
      if (strv_has_task (json_object_get_array_member (user, "tasks"), "VIEW_INSIGHTS"))
        *flags |= SEEN_UNKNOWN_TASK;
      if (g_str_equal (name, " "))
        *flags |= SEEN_BLANK;
      if (g_str_equal (name, "<b>Bold & Co</b>"))
        *flags |= SEEN_MARKUP;
      if (g_str_equal (name, "مريم الحسيني") || g_str_equal (name, "דוד כהן"))
        *flags |= SEEN_RTL;
    }
}

static void
test_assigned_users_paging (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *base = "/v25.0/" GH_DEMO_WABA_ID "/assigned_users";
  g_autofree char *target = g_strdup_printf ("%s?business=%s&limit=10&summary=total_count",
                                             base, GH_DEMO_BUSINESS_ID);
  g_autoptr(Reply) first = get (fixture, target, GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GUri) next_uri = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *next_link = NULL;
  JsonObject *paging;
  const char *next;
  gint64 total;
  guint pages = 1;
  guint flags = 0;

  g_assert_cmpuint (json_array_get_length (reply_data (first)), ==, 10);
  total = json_object_get_int_member (json_object_get_object_member (reply_object (first),
                                                                     "summary"),
                                      "total_count");
  g_assert_cmpint (total, >=, 35);
  paging = json_object_get_object_member (reply_object (first), "paging");
  g_assert_nonnull (json_object_get_string_member (
    json_object_get_object_member (paging, "cursors"), "after"));
  g_assert_false (json_object_has_member (paging, "previous"));

  /* The next link is absolute, on the server's own origin, and carries the token. */
  next = json_object_get_string_member (paging, "next");
  next_uri = g_uri_parse (next, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_assert_nonnull (next_uri);
  origin = g_strdup_printf ("http://%s:%d", g_uri_get_host (next_uri),
                            g_uri_get_port (next_uri));
  g_assert_cmpstr (origin, ==, gh_demo_server_get_url (fixture->server));
  g_assert_cmpstr (g_uri_get_path (next_uri), ==, base);
  g_assert_nonnull (strstr (next, "access_token=" GH_DEMO_TOKEN_ADMIN));
  g_assert_nonnull (strstr (next, "business=" GH_DEMO_BUSINESS_ID));
  g_assert_nonnull (strstr (next, "after="));

  scan_users (reply_data (first), seen, &flags);

  /* Follow the links the way a careful client does: strip the token, send the header. */
  gh_demo_server_reset_counts (fixture->server);
  next_link = g_strdup (next);
  while (next_link != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (next_link, G_URI_FLAGS_ENCODED_QUERY, NULL);
      g_autoptr(GHashTable) params = soup_form_decode (g_uri_get_query (uri));
      g_autofree char *query = NULL;
      g_autofree char *url = NULL;
      g_autoptr(Reply) page = NULL;
      JsonArray *items;

      g_assert_true (g_hash_table_remove (params, "access_token"));
      query = soup_form_encode_hash (params);
      url = g_strdup_printf ("%s?%s", g_uri_get_path (uri), query);
      page = get (fixture, url, GH_DEMO_TOKEN_ADMIN);
      items = reply_data (page);
      pages++;
      g_assert_cmpuint (json_array_get_length (items), >, 0);
      scan_users (items, seen, &flags);

      paging = json_object_get_object_member (reply_object (page), "paging");
      g_assert_true (json_object_has_member (paging, "previous"));
      g_clear_pointer (&next_link, g_free);
      if (json_object_has_member (paging, "next"))
        next_link = g_strdup (json_object_get_string_member (paging, "next"));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, total);
  g_assert_cmpuint (pages, ==, (total + 9) / 10);
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_cmphex (flags, ==, SEEN_ALL);

  {
    /* before= goes back a page. */
    g_autoptr(Reply) page = get (fixture, target, GH_DEMO_TOKEN_ADMIN);
    const char *after = json_object_get_string_member (json_object_get_object_member (
      json_object_get_object_member (reply_object (page), "paging"), "cursors"), "after");
    g_autofree char *second_target = g_strdup_printf ("%s&after=%s", target, after);
    g_autoptr(Reply) second = get (fixture, second_target, GH_DEMO_TOKEN_ADMIN);
    const char *before = json_object_get_string_member (json_object_get_object_member (
      json_object_get_object_member (reply_object (second), "paging"), "cursors"), "before");
    g_autofree char *back_target = g_strdup_printf ("%s&before=%s", target, before);
    g_autoptr(Reply) back = get (fixture, back_target, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpstr (json_object_get_string_member (
      json_array_get_object_element (reply_data (back), 0), "id"), ==,
      json_object_get_string_member (json_array_get_object_element (reply_data (page), 0),
                                     "id"));
  }

  {
    g_autoptr(Reply) missing = get (fixture, base, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (reply_error_code (missing), ==, 100);
    g_assert_cmpstr (reply_error_message (missing), ==,
                     "(#100) The parameter business is required");
  }

  {
    /* One of Meta's pages passes the WABA id as business. */
    g_autoptr(Reply) waba_as_business = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                             "/assigned_users?business=" GH_DEMO_WABA_ID
                                             "&limit=500", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (json_array_get_length (reply_data (waba_as_business)), ==, total);
    g_assert_false (json_object_has_member (
      json_object_get_object_member (reply_object (waba_as_business), "paging"), "next"));
  }

  {
    g_autoptr(Reply) bad = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                                GH_DEMO_BUSINESS_ID "&after=not-a-cursor",
                                GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (reply_error_code (bad), ==, 100);
  }
}

static void
test_assign_and_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *target = "/v25.0/" GH_DEMO_WABA_ID "/assigned_users";
  const char *oliver = "1972385232611316";
  g_autoptr(JsonArray) before = all_assigned_users (fixture);
  guint count = json_array_get_length (before);
  JsonArray *tasks;

  g_assert_null (find_by_id (before, oliver));
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server, GH_DEMO_WABA_ID),
                    ==, count);

  {
    g_autoptr(Reply) added = fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                    "user=1972385232611316&tasks=%5B%22MANAGE%22%2C"
                                    "%22DEVELOP%22%5D");
    g_autoptr(JsonArray) after = NULL;
    JsonObject *user;

    g_assert_cmpuint (added->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (reply_object (added), "success"));
    after = all_assigned_users (fixture);
    g_assert_cmpuint (json_array_get_length (after), ==, count + 1);
    user = find_by_id (after, oliver);
    g_assert_nonnull (user);
    g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "Oliver Schmidt");
    g_assert_cmpstr (json_object_get_string_member (user, "user_type"), ==, "BUSINESS_USER");
    tasks = json_object_get_array_member (user, "tasks");
    g_assert_cmpuint (json_array_get_length (tasks), ==, 2);
    g_assert_true (strv_has_task (tasks, "MANAGE"));
    g_assert_true (strv_has_task (tasks, "DEVELOP"));
  }

  {
    /* Meta's curl form, and the set is replaced, not added to. */
    g_autoptr(Reply) changed = fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                      "user=1972385232611316&tasks=%5B%27VIEW_COST%27%5D");
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpuint (changed->status, ==, 200);
    after = all_assigned_users (fixture);
    tasks = json_object_get_array_member (find_by_id (after, oliver), "tasks");
    g_assert_cmpuint (json_array_get_length (tasks), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (tasks, 0), ==, "VIEW_COST");
  }

  {
    g_autoptr(Reply) removed = fetch (fixture, "DELETE",
                                      "/v25.0/" GH_DEMO_WABA_ID
                                      "/assigned_users?user=1972385232611316",
                                      GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpuint (removed->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (reply_object (removed), "success"));
    after = all_assigned_users (fixture);
    g_assert_cmpuint (json_array_get_length (after), ==, count);
    g_assert_null (find_by_id (after, oliver));
  }

  {
    g_autoptr(Reply) unknown = fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                      "user=999999999999999&tasks=%5B%22MANAGE%22%5D");

    g_assert_cmpint (reply_error_code (unknown), ==, 100);
    g_assert_cmpint (reply_error_subcode (unknown), ==, 33);
  }

  {
    g_autoptr(Reply) bad = fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                  "user=1972385232611316&tasks=MANAGE");
    g_autoptr(Reply) missing = fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                      "user=1972385232611316");

    g_assert_cmpint (reply_error_code (bad), ==, 100);
    g_assert_cmpint (reply_error_code (missing), ==, 100);
  }

  {
    /* Only an admin system user may edit. */
    g_autoptr(Reply) employee = fetch (fixture, "POST", target, GH_DEMO_TOKEN_EMPLOYEE,
                                       "user=1972385232611316&tasks=%5B%22MANAGE%22%5D");
    g_autoptr(Reply) person = fetch (fixture, "DELETE", "/v25.0/" GH_DEMO_WABA_ID
                                     "/assigned_users?user=1972385232742142",
                                     GH_DEMO_TOKEN_USER_24H, NULL);
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpint (reply_error_code (employee), ==, 200);
    g_assert_cmpuint (employee->status, ==, 403);
    g_assert_cmpstr (reply_error_message (employee), ==, "(#200) Permissions error");
    g_assert_cmpint (reply_error_code (person), ==, 200);
    after = all_assigned_users (fixture);
    g_assert_cmpuint (json_array_get_length (after), ==, count);
    g_assert_null (find_by_id (after, oliver));
  }
}

static void
test_profiles (Fixture       *fixture,
               gconstpointer  data)
{
  {
    g_autoptr(Reply) own = get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(Reply) other = get (fixture, "/v25.0/" GH_DEMO_WABA2_ID, GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(Reply) other_edge = get (fixture, "/v25.0/" GH_DEMO_WABA2_ID "/phone_numbers",
                                       GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(Reply) people = get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/system_users",
                                   GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(Reply) assigned = get (fixture, "/v25.0/me/assigned_whatsapp_business_accounts",
                                     GH_DEMO_TOKEN_EMPLOYEE);
    JsonArray *wabas;

    g_assert_cmpuint (own->status, ==, 200);
    g_assert_cmpint (reply_error_code (other), ==, 200);
    g_assert_cmpuint (other->status, ==, 403);
    g_assert_cmpint (reply_error_code (other_edge), ==, 200);
    g_assert_cmpint (reply_error_code (people), ==, 200);
    wabas = reply_data (assigned);
    g_assert_cmpuint (json_array_get_length (wabas), ==, 1);
    g_assert_true (strv_has_task (json_object_get_array_member (
      json_array_get_object_element (wabas, 0), "tasks"), "DEVELOP"));
  }

  {
    g_autoptr(Reply) me = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_USER_24H);
    g_autoptr(Reply) assigned = get (fixture, "/v25.0/me/assigned_whatsapp_business_accounts",
                                     GH_DEMO_TOKEN_USER_24H);
    g_autoptr(Reply) waba2 = get (fixture, "/v25.0/" GH_DEMO_WABA2_ID, GH_DEMO_TOKEN_USER_24H);

    g_assert_cmpstr (json_object_get_string_member (reply_object (me), "name"), ==,
                     "Maria Lopez");
    g_assert_cmpint (reply_error_code (assigned), ==, 100);
    g_assert_cmpstr (reply_error_message (assigned), ==,
                     "(#100) Tried accessing nonexisting field "
                     "(assigned_whatsapp_business_accounts) on node type (User)");
    g_assert_cmpint (reply_error_code (waba2), ==, 200);
  }

  {
    g_autoptr(Reply) waba2 = get (fixture, "/v25.0/" GH_DEMO_WABA2_ID,
                                  GH_DEMO_TOKEN_NO_MESSAGING);
    g_autoptr(Reply) sixty = get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/business_users",
                                  GH_DEMO_TOKEN_SIXTY_DAY);

    g_assert_cmpuint (waba2->status, ==, 200);
    g_assert_cmpuint (sixty->status, ==, 200);
  }

  {
    g_autoptr(Reply) none = get (fixture, "/v25.0/me", NULL);
    g_autoptr(Reply) wrong = get (fixture, "/v25.0/me", "EAAwrong");
    g_autoptr(Reply) unknown_id = get (fixture, "/v25.0/123456789012345", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(Reply) alias = get (fixture, "/v25.0/nonsense", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(Reply) edge = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/nonsense",
                                 GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (reply_error_code (none), ==, 190);
    g_assert_cmpuint (none->status, ==, 400);
    g_assert_cmpstr (reply_error_message (none), ==,
                     "Invalid OAuth access token - Cannot parse access token");
    g_assert_cmpint (reply_error_code (wrong), ==, 190);
    g_assert_cmpint (reply_error_code (unknown_id), ==, 100);
    g_assert_cmpint (reply_error_subcode (unknown_id), ==, 33);
    g_assert_cmpint (reply_error_code (alias), ==, 803);
    g_assert_cmpint (reply_error_code (edge), ==, 2500);
  }
}

static char *
batch_form (guint       n,
            const char *extra)
{
  g_autoptr(GString) batch = g_string_new ("[");
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (batch, "%s{\"method\":\"GET\",\"relative_url\":\"me?fields=id\"}",
                            i ? "," : "");
  g_string_append (batch, "]");
  escaped = g_uri_escape_string (batch->str, NULL, FALSE);

  return g_strdup_printf ("batch=%s%s", escaped, extra ? extra : "");
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  const char *batch =
    "[{\"method\":\"GET\",\"name\":\"dbg\",\"relative_url\":\"debug_token?input_token="
    GH_DEMO_TOKEN_ADMIN "\"},"
    "{\"method\":\"GET\",\"relative_url\":\"me?fields=id,name\"},"
    "{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_WABA_ID "?fields=bogus\"},"
    "{\"method\":\"POST\",\"relative_url\":\"" GH_DEMO_WABA_ID "/assigned_users\","
    "\"body\":\"user=1972385232993744&tasks=%5B%22VIEW_TEMPLATES%22%5D\"},"
    "{\"relative_url\":\"/v25.0/" GH_DEMO_WABA_ID "?fields=owner_business_info\"}]";
  g_autofree char *escaped = g_uri_escape_string (batch, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("batch=%s&include_headers=false", escaped);
  g_autoptr(Reply) reply = NULL;
  g_autoptr(JsonArray) users = NULL;
  JsonArray *answers;
  JsonObject *answer;
  g_autoptr(JsonNode) body = NULL;

  gh_demo_server_reset_counts (fixture->server);
  reply = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, form);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (reply->root));
  answers = json_node_get_array (reply->root);
  g_assert_cmpuint (json_array_get_length (answers), ==, 5);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 5);
  /* The token travelled in the body, never in a URL. */
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  answer = json_array_get_object_element (answers, 0);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);
  g_assert_false (json_object_has_member (answer, "headers"));
  body = json_from_string (json_object_get_string_member (answer, "body"), NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
    json_node_get_object (body), "data"), "user_id"), ==, GH_DEMO_ADMIN_USER_ID);
  g_clear_pointer (&body, json_node_unref);

  answer = json_array_get_object_element (answers, 1);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);
  body = json_from_string (json_object_get_string_member (answer, "body"), NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "name"), ==,
                   GH_DEMO_ADMIN_USER_NAME);
  g_clear_pointer (&body, json_node_unref);

  /* One item fails; the others still succeed. */
  answer = json_array_get_object_element (answers, 2);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 400);
  body = json_from_string (json_object_get_string_member (answer, "body"), NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
    json_node_get_object (body), "error"), "code"), ==, 100);
  g_clear_pointer (&body, json_node_unref);

  answer = json_array_get_object_element (answers, 3);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);
  users = all_assigned_users (fixture);
  g_assert_nonnull (find_by_id (users, "1972385232993744"));

  answer = json_array_get_object_element (answers, 4);
  g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 200);

  {
    /* Headers are there unless asked not to be. */
    g_autofree char *two = batch_form (2, NULL);
    g_autoptr(Reply) with_headers = fetch (fixture, "POST", "/", GH_DEMO_TOKEN_ADMIN, two);
    JsonArray *items = json_node_get_array (with_headers->root);

    g_assert_cmpuint (json_array_get_length (items), ==, 2);
    g_assert_nonnull (json_object_get_array_member (json_array_get_object_element (items, 0),
                                                    "headers"));
  }

  {
    g_autofree char *fifty = batch_form (50, "&include_headers=false");
    g_autofree char *too_many = batch_form (51, "&include_headers=false");
    g_autoptr(Reply) ok = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, fifty);
    g_autoptr(Reply) refused = NULL;

    gh_demo_server_reset_counts (fixture->server);
    refused = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, too_many);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (ok->root));
    g_assert_cmpuint (json_array_get_length (json_node_get_array (ok->root)), ==, 50);
    g_assert_cmpint (reply_error_code (refused), ==, 100);
    g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 0);
  }

  {
    g_autofree char *one = batch_form (1, NULL);
    g_autoptr(Reply) invalid = fetch (fixture, "POST", "/v25.0/", "EAAwrong", one);
    g_autoptr(Reply) garbage = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN,
                                      "batch=%7B%22not%22%3A1%7D");
    g_autoptr(Reply) odd_items = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN,
                                        "batch=%5B1%2C%7B%22method%22%3A7%7D%2Cnull%5D");
    JsonArray *items;

    g_assert_cmpint (reply_error_code (invalid), ==, 190);
    g_assert_cmpint (reply_error_code (garbage), ==, 100);
    items = json_node_get_array (odd_items->root);
    g_assert_cmpuint (json_array_get_length (items), ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i),
                                                   "code"), ==, 400);
  }
}

static void
test_batch_references (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *batch =
    "[{\"method\":\"GET\",\"name\":\"wabas\","
    "\"relative_url\":\"me/assigned_whatsapp_business_accounts\"},"
    "{\"method\":\"GET\",\"relative_url\":\"{result=wabas:$.data[0].id}/phone_numbers"
    "?fields=display_phone_number\"},"
    "{\"method\":\"GET\",\"relative_url\":\"{result=wabas:$.data.*.id}\"},"
    "{\"method\":\"GET\",\"relative_url\":\"{result=nobody:$.id}\"}]";
  g_autofree char *escaped = g_uri_escape_string (batch, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("batch=%s&include_headers=false", escaped);
  g_autoptr(Reply) reply = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, form);
  JsonArray *answers;
  g_autoptr(JsonNode) phones = NULL;
  g_autoptr(JsonNode) joined = NULL;

  g_assert_nonnull (reply->root);
  answers = json_node_get_array (reply->root);
  g_assert_cmpuint (json_array_get_length (answers), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 0),
                                               "code"), ==, 200);

  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 1),
                                               "code"), ==, 200);
  phones = json_from_string (json_object_get_string_member (
    json_array_get_object_element (answers, 1), "body"), NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_node_get_object (phones), "data")), ==, 3);

  /* Several values are joined with commas; the demo has no ?ids= so the alias is refused,
   * which shows what was substituted. */
  joined = json_from_string (json_object_get_string_member (
    json_array_get_object_element (answers, 2), "body"), NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (
    json_node_get_object (joined), "error"), "message"), GH_DEMO_WABA_ID "," GH_DEMO_WABA2_ID));

  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (answers, 3),
                                               "code"), ==, 400);
}

static void
test_latency (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 start;
  gint64 elapsed;

  gh_demo_server_set_latency (fixture->server, 300);
  start = g_get_monotonic_time ();
  {
    g_autoptr(Reply) reply = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

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
    g_autoptr(Reply) reply = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

static void
test_injected_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  gh_demo_server_set_error (fixture->server, "me", 500, 2, 0, 1);
  {
    g_autoptr(Reply) failed = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(Reply) fine = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    JsonObject *error;

    g_assert_cmpint (reply_error_code (failed), ==, 2);
    g_assert_cmpuint (failed->status, ==, 500);
    error = json_object_get_object_member (reply_object (failed), "error");
    g_assert_true (json_object_get_boolean_member (error, "is_transient"));
    g_assert_cmpuint (fine->status, ==, 200);
  }

  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/assigned_users", 400, 190, 463,
                            0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Reply) expired = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                      "/assigned_users?business=" GH_DEMO_BUSINESS_ID,
                                      GH_DEMO_TOKEN_ADMIN);

      g_assert_cmpint (reply_error_code (expired), ==, 190);
      g_assert_cmpint (reply_error_subcode (expired), ==, 463);
      g_assert_nonnull (strstr (reply_error_message (expired), "Session has expired"));
    }
  {
    g_autoptr(Reply) other = get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);
    g_autoptr(Reply) twofa = NULL;

    g_assert_cmpuint (other->status, ==, 200);
    gh_demo_server_set_error (fixture->server, "", 400, 415, 2859009, 1);
    twofa = get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);
    g_assert_cmpint (reply_error_code (twofa), ==, 415);
    g_assert_true (json_object_has_member (
      json_object_get_object_member (reply_object (twofa), "error"), "error_user_msg"));
  }

  gh_demo_server_clear_faults (fixture->server);
  {
    g_autoptr(Reply) cleared = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                    "/assigned_users?business=" GH_DEMO_BUSINESS_ID,
                                    GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (cleared->status, ==, 200);
  }
}

static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  gh_demo_server_set_rate_limit (fixture->server, 3, 7);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Reply) fine = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers",
                                   GH_DEMO_TOKEN_ADMIN);

      g_assert_cmpuint (fine->status, ==, 200);
    }

  {
    g_autoptr(Reply) me = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(Reply) limited = get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);
    g_autoptr(JsonNode) usage = NULL;
    JsonObject *entry;

    /* Calls that are not about a WABA do not count. */
    g_assert_cmpuint (me->status, ==, 200);
    g_assert_cmpint (reply_error_code (limited), ==, 80008);
    g_assert_cmpstr (reply_error_message (limited), ==,
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
    g_autoptr(Reply) reply = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, batch);
    JsonObject *answer = json_array_get_object_element (json_node_get_array (reply->root), 0);

    g_assert_cmpint (json_object_get_int_member (answer, "code"), ==, 400);
    g_assert_nonnull (strstr (json_object_get_string_member (answer, "body"), "80008"));
  }

  gh_demo_server_clear_faults (fixture->server);
  {
    g_autoptr(Reply) fine = get (fixture, "/v25.0/" GH_DEMO_WABA_ID, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (fine->status, ==, 200);
  }
}

static void
test_transport_faults (Fixture       *fixture,
                       gconstpointer  data)
{
  gh_demo_server_set_fault (fixture->server, "me", GH_DEMO_FAULT_NOT_JSON, 1);
  {
    g_autoptr(Reply) html = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(Reply) fine = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_no_error (html->error);
    g_assert_cmpuint (html->status, ==, 200);
    g_assert_null (html->root);
    g_assert_true (g_str_has_prefix (html->content_type, "text/html"));
    g_assert_cmpuint (fine->status, ==, 200);
    g_assert_nonnull (fine->root);
  }

  gh_demo_server_set_fault (fixture->server, GH_DEMO_WABA_ID, GH_DEMO_FAULT_TRUNCATED, 1);
  {
    g_autoptr(Reply) truncated = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/phone_numbers",
                                      GH_DEMO_TOKEN_ADMIN);

    g_assert_no_error (truncated->error);
    g_assert_cmpuint (truncated->status, ==, 200);
    g_assert_cmpuint (strlen (truncated->text), >, 10);
    g_assert_null (truncated->root);
  }

  /* Always, so that a client retrying on a fresh connection still sees the drop. */
  gh_demo_server_set_fault (fixture->server, "me", GH_DEMO_FAULT_DROP, 0);
  {
    g_autoptr(Reply) dropped = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_nonnull (dropped->error);
  }
  gh_demo_server_set_latency (fixture->server, 50);
  {
    g_autoptr(Reply) dropped = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_nonnull (dropped->error);
  }
  gh_demo_server_clear_faults (fixture->server);
  {
    g_autoptr(Reply) fine = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_no_error (fine->error);
    g_assert_cmpuint (fine->status, ==, 200);
  }
}

static void
test_token_in_query (Fixture       *fixture,
                     gconstpointer  data)
{
  gh_demo_server_reset_counts (fixture->server);
  {
    g_autoptr(Reply) fine = get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (fine->status, ==, 200);
    g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  }
  {
    g_autoptr(Reply) query = get (fixture, "/v25.0/me?access_token=" GH_DEMO_TOKEN_ADMIN,
                                  NULL);

    g_assert_cmpint (reply_error_code (query), ==, 190);
    g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 1);
  }
  {
    g_autoptr(Reply) both = get (fixture, "/v25.0/me?access_token=" GH_DEMO_TOKEN_ADMIN,
                                 GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (both->status, ==, 200);
    g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 2);
  }
  gh_demo_server_reset_counts (fixture->server);
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
}

static void
test_odd_input (Fixture       *fixture,
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
      g_autoptr(Reply) reply = get (fixture, targets[i], GH_DEMO_TOKEN_ADMIN);

      g_test_message ("%s → %u %s", targets[i], reply->status, reply->text);
      reply_object (reply);
      g_assert_true (reply->status == 200 || reply_error_code (reply) > 0);
    }

  {
    g_autoptr(Reply) put = fetch (fixture, "PUT", "/v25.0/me", GH_DEMO_TOKEN_ADMIN, "a=b");
    g_autoptr(Reply) post = fetch (fixture, "POST", "/v25.0/", GH_DEMO_TOKEN_ADMIN, "x=%ZZ");

    g_assert_cmpint (reply_error_code (put), ==, 100);
    g_assert_cmpint (reply_error_code (post), ==, 100);
  }
}

static void
test_many_users (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *next = g_strdup ("/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                                    GH_DEMO_BUSINESS_ID "&limit=100&summary=total_count");
  gint64 start = g_get_monotonic_time ();
  guint pages = 0;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 10000);
  /* Timing belongs to the benchmarks; note it for whoever reads the log. */
  g_test_message ("generated 10000 users in %" G_GINT64_FORMAT " µs",
                  g_get_monotonic_time () - start);
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server, GH_DEMO_WABA_ID),
                    ==, 10000);
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server, "1"), ==, 0);

  gh_demo_server_reset_counts (fixture->server);
  while (next != NULL)
    {
      /* Following the links as they come counts the token in the URL: that is what a
       * careless client would do, and what the counter exposes. */
      g_autoptr(Reply) page = get (fixture, next, GH_DEMO_TOKEN_ADMIN);
      JsonArray *items = reply_data (page);
      JsonObject *paging = json_object_get_object_member (reply_object (page), "paging");

      pages++;
      g_assert_cmpuint (json_array_get_length (items), ==, 100);
      if (pages == 1)
        g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
          reply_object (page), "summary"), "total_count"), ==, 10000);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *user = json_array_get_object_element (items, i);

          g_hash_table_add (seen, g_strdup (json_object_get_string_member (user, "id")));
          g_assert_true (g_str_has_prefix (json_object_get_string_member (user, "name"),
                                           "Person "));
        }

      g_clear_pointer (&next, g_free);
      if (json_object_has_member (paging, "next"))
        next = g_strdup (json_object_get_string_member (paging, "next"));
    }

  g_assert_cmpuint (pages, ==, 100);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 10000);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 100);
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 99);

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 0);
  {
    g_autoptr(Reply) empty = get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                                  GH_DEMO_BUSINESS_ID, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (json_array_get_length (reply_data (empty)), ==, 0);
  }
}

static void
test_business_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  {
    /* Without business_management the whole request fails, like on Meta… */
    g_autoptr(Reply) refused = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                    "?fields=id,name,primary_business_location",
                                    GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(Reply) nested = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                   "?fields=on_behalf_of_business_info%7Bname%7D",
                                   GH_DEMO_TOKEN_EMPLOYEE);
    /* …while the rest of the account, and the same fields for the admin, are readable. */
    g_autoptr(Reply) basic = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                  "?fields=id,name,currency,owner_business_info",
                                  GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(Reply) admin = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                  "?fields=id,primary_business_location",
                                  GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (refused->status, ==, 403);
    g_assert_cmpint (reply_error_code (refused), ==, 200);
    g_assert_nonnull (strstr (reply_error_message (refused), "business_management"));
    g_assert_cmpint (reply_error_code (nested), ==, 200);
    g_assert_cmpuint (basic->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (reply_object (basic), "currency"), ==,
                     "USD");
    g_assert_cmpuint (admin->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (reply_object (admin),
                                                    "primary_business_location"), ==, "US");
  }

  {
    /* A documented field without a value is left out, not an error. */
    g_autoptr(Reply) reply = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                  "?fields=id,on_behalf_of_business_info",
                                  GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_false (json_object_has_member (reply_object (reply),
                                            "on_behalf_of_business_info"));
    g_assert_cmpstr (json_object_get_string_member (reply_object (reply), "id"), ==,
                     GH_DEMO_WABA_ID);
  }

  {
    /* The template summary asked for member by member, as the overview does. */
    g_autoptr(Reply) reply = get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                  "?fields=message_templates.limit(100)%7Bstatus,category%7D"
                                  ".summary(total_count,message_template_count,"
                                  "message_template_limit)", GH_DEMO_TOKEN_EMPLOYEE);
    JsonObject *edge;
    JsonObject *summary;

    g_assert_cmpuint (reply->status, ==, 200);
    edge = json_object_get_object_member (reply_object (reply), "message_templates");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (edge, "data")), ==,
                      12);
    summary = json_object_get_object_member (edge, "summary");
    g_assert_cmpint (json_object_get_int_member (summary, "total_count"), ==, 12);
    g_assert_cmpint (json_object_get_int_member (summary, "message_template_count"), ==, 12);
    g_assert_cmpint (json_object_get_int_member (summary, "message_template_limit"), ==,
                     250);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/demo/admin-endpoints", test_admin_endpoints);
  ADD ("/demo/debug-token", test_debug_token);
  ADD ("/demo/field-expansion", test_field_expansion);
  ADD ("/demo/assigned-users-paging", test_assigned_users_paging);
  ADD ("/demo/assign-and-remove", test_assign_and_remove);
  ADD ("/demo/profiles", test_profiles);
  ADD ("/demo/business-fields", test_business_fields);
  ADD ("/demo/batch", test_batch);
  ADD ("/demo/batch-references", test_batch_references);
  ADD ("/demo/latency", test_latency);
  ADD ("/demo/injected-errors", test_injected_errors);
  ADD ("/demo/rate-limit", test_rate_limit);
  ADD ("/demo/transport-faults", test_transport_faults);
  ADD ("/demo/token-in-query", test_token_in_query);
  ADD ("/demo/odd-input", test_odd_input);
  ADD ("/demo/many-users", test_many_users);

#undef ADD

  return g_test_run ();
}
