/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-test-util.h"

/* Where an account's webhooks go: /{waba-id}/subscribed_apps read, subscribed to and
 * unsubscribed from, and a phone number's webhook_configuration following it. */

#define WABA_APPS  "/v25.0/" GH_DEMO_WABA_ID "/subscribed_apps"
#define WABA2_APPS "/v25.0/" GH_DEMO_WABA2_ID "/subscribed_apps"

/* The app of @token as debug_token reports it. */
static char *
dup_token_app_id (GhTestFixture *fixture,
                  const char    *token)
{
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  g_autofree char *target = g_strdup_printf ("/v25.0/debug_token?input_token=%s", escaped);
  g_autoptr(GhTestReply) reply = gh_test_get (fixture, target, token);
  JsonObject *data = json_object_get_object_member (gh_test_reply_object (reply), "data");

  return g_strdup (json_object_get_string_member (data, "app_id"));
}

/* The whatsapp_business_api_data of the subscription of @app_id in @items, or NULL. */
static JsonObject *
find_app (JsonArray  *items,
          const char *app_id)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *app = json_object_get_object_member (item, "whatsapp_business_api_data");

      if (g_strcmp0 (json_object_get_string_member (app, "id"), app_id) == 0)
        return app;
    }

  return NULL;
}

static JsonArray *
dup_subscribed_apps (GhTestFixture *fixture,
                     const char    *target)
{
  g_autoptr(GhTestReply) reply = gh_test_get (fixture, target, GH_DEMO_TOKEN_ADMIN);

  return json_array_ref (gh_test_reply_data (reply));
}

static JsonObject *
dup_webhook_configuration (GhTestFixture *fixture,
                           const char    *phone_id)
{
  g_autofree char *target = g_strdup_printf ("/v25.0/%s?fields=webhook_configuration",
                                             phone_id);
  g_autoptr(GhTestReply) reply = gh_test_get (fixture, target, GH_DEMO_TOKEN_ADMIN);
  JsonObject *object = gh_test_reply_object (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, phone_id);
  return json_object_ref (json_object_get_object_member (object, "webhook_configuration"));
}

static void
test_subscribed_apps (GhTestFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *token_app = dup_token_app_id (fixture, GH_DEMO_TOKEN_ADMIN);
  g_autoptr(JsonArray) retail = dup_subscribed_apps (fixture, WABA_APPS);
  g_autoptr(JsonArray) wholesale = dup_subscribed_apps (fixture, WABA2_APPS);
  JsonObject *item;
  JsonObject *app;

  g_assert_cmpstr (token_app, ==, GH_DEMO_APP_ID);

  /* The retail account is subscribed by the token's own app, with an override. */
  g_assert_cmpuint (json_array_get_length (retail), ==, 1);
  item = json_array_get_object_element (retail, 0);
  app = find_app (retail, token_app);
  g_assert_nonnull (app);
  g_assert_cmpstr (json_object_get_string_member (app, "name"), ==, GH_DEMO_APP_NAME);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (app, "link"), "https://"));
  g_assert_cmpstr (json_object_get_string_member (item, "override_callback_uri"), ==,
                   GH_DEMO_WABA_OVERRIDE_URL);

  /* The wholesale account has a subscription, but another app's: not the token's. */
  g_assert_cmpuint (json_array_get_length (wholesale), ==, 1);
  g_assert_null (find_app (wholesale, token_app));
  app = find_app (wholesale, GH_DEMO_OTHER_APP_ID);
  g_assert_nonnull (app);
  g_assert_cmpstr (json_object_get_string_member (app, "name"), ==, GH_DEMO_OTHER_APP_NAME);
  g_assert_false (json_object_has_member (json_array_get_object_element (wholesale, 0),
                                          "override_callback_uri"));

  {
    /* A POST without a body subscribes the token's app; the re-read shows it. */
    g_autoptr(GhTestReply) subscribed = gh_test_fetch (fixture, "POST", WABA2_APPS,
                                                       GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(GhTestReply) again = NULL;
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpuint (subscribed->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (gh_test_reply_object (subscribed),
                                                   "success"));
    after = dup_subscribed_apps (fixture, WABA2_APPS);
    g_assert_cmpuint (json_array_get_length (after), ==, 2);
    g_assert_nonnull (find_app (after, GH_DEMO_OTHER_APP_ID));
    app = find_app (after, token_app);
    g_assert_nonnull (app);
    g_assert_cmpstr (json_object_get_string_member (app, "name"), ==, GH_DEMO_APP_NAME);

    /* Subscribing twice keeps one subscription. */
    again = gh_test_fetch (fixture, "POST", WABA2_APPS, GH_DEMO_TOKEN_ADMIN, NULL);
    g_assert_cmpuint (again->status, ==, 200);
    g_clear_pointer (&after, json_array_unref);
    after = dup_subscribed_apps (fixture, WABA2_APPS);
    g_assert_cmpuint (json_array_get_length (after), ==, 2);
  }

  {
    /* DELETE unsubscribes only the token's app. */
    g_autoptr(GhTestReply) removed = gh_test_fetch (fixture, "DELETE", WABA2_APPS,
                                                    GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(GhTestReply) again = NULL;
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpuint (removed->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (gh_test_reply_object (removed), "success"));
    after = dup_subscribed_apps (fixture, WABA2_APPS);
    g_assert_cmpuint (json_array_get_length (after), ==, 1);
    g_assert_null (find_app (after, token_app));
    g_assert_nonnull (find_app (after, GH_DEMO_OTHER_APP_ID));

    again = gh_test_fetch (fixture, "DELETE", WABA2_APPS, GH_DEMO_TOKEN_ADMIN, NULL);
    g_assert_cmpuint (again->status, ==, 200);
  }

  {
    /* Only some members, the way field expansion works everywhere. */
    g_autoptr(GhTestReply) names =
      gh_test_get (fixture, WABA_APPS "?fields=whatsapp_business_api_data%7Bname%7D",
                   GH_DEMO_TOKEN_ADMIN);
    JsonObject *first = json_array_get_object_element (gh_test_reply_data (names), 0);

    g_assert_cmpuint (json_object_get_size (first), ==, 1);
    app = json_object_get_object_member (first, "whatsapp_business_api_data");
    g_assert_cmpuint (json_object_get_size (app), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (app, "name"), ==, GH_DEMO_APP_NAME);
  }
}

static void
test_subscribed_apps_refused (GhTestFixture *fixture,
                              gconstpointer  data)
{
  {
    /* The employee's token reads the account it is assigned to, but may not manage it. */
    g_autoptr(GhTestReply) read = gh_test_get (fixture, WABA_APPS, GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) post = gh_test_fetch (fixture, "POST", WABA_APPS,
                                                 GH_DEMO_TOKEN_EMPLOYEE, NULL);
    g_autoptr(GhTestReply) delete = gh_test_fetch (fixture, "DELETE", WABA_APPS,
                                                   GH_DEMO_TOKEN_EMPLOYEE, NULL);
    g_autoptr(GhTestReply) other = gh_test_fetch (fixture, "POST", WABA2_APPS,
                                                  GH_DEMO_TOKEN_EMPLOYEE, NULL);
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpuint (json_array_get_length (gh_test_reply_data (read)), ==, 1);
    g_assert_cmpint (gh_test_reply_error_code (post), ==, 200);
    g_assert_cmpuint (post->status, ==, 403);
    g_assert_cmpstr (gh_test_reply_error_message (post), ==, "(#200) Permissions error");
    g_assert_cmpint (gh_test_reply_error_code (delete), ==, 200);
    g_assert_cmpint (gh_test_reply_error_code (other), ==, 200);
    after = dup_subscribed_apps (fixture, WABA_APPS);
    g_assert_nonnull (find_app (after, GH_DEMO_APP_ID));
  }

  {
    g_autoptr(GhTestReply) person = gh_test_fetch (fixture, "POST", WABA_APPS,
                                                   GH_DEMO_TOKEN_USER_24H, NULL);
    g_autoptr(GhTestReply) put = gh_test_fetch (fixture, "PUT", WABA_APPS,
                                                GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(GhTestReply) invalid = gh_test_get (fixture, WABA_APPS, "EAAwrong");

    g_assert_cmpint (gh_test_reply_error_code (person), ==, 200);
    g_assert_cmpint (gh_test_reply_error_code (put), ==, 100);
    g_assert_cmpint (gh_test_reply_error_code (invalid), ==, 190);
  }
}

static void
test_webhook_configuration (GhTestFixture *fixture,
                            gconstpointer  data)
{
  {
    /* The retail numbers go to the subscription's override, the test number to its own. */
    g_autoptr(JsonObject) primary = dup_webhook_configuration (fixture, GH_DEMO_PHONE_ID);
    g_autoptr(JsonObject) sandbox = dup_webhook_configuration (fixture,
                                                               GH_DEMO_PHONE_SANDBOX_ID);
    g_autoptr(JsonObject) wholesale = dup_webhook_configuration (fixture,
                                                                 GH_DEMO_PHONE2_FLAGGED_ID);

    g_assert_cmpstr (json_object_get_string_member (primary, "application"), ==,
                     GH_DEMO_APP_CALLBACK_URL);
    g_assert_cmpstr (json_object_get_string_member (primary, "whatsapp_business_account"), ==,
                     GH_DEMO_WABA_OVERRIDE_URL);
    g_assert_false (json_object_has_member (primary, "phone_number"));
    g_assert_cmpuint (json_object_get_size (sandbox), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (sandbox, "phone_number"), ==,
                     GH_DEMO_PHONE_OVERRIDE_URL);
    g_assert_cmpstr (json_object_get_string_member (sandbox, "whatsapp_business_account"),
                     ==, GH_DEMO_WABA_OVERRIDE_URL);
    g_assert_cmpuint (json_object_get_size (wholesale), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (wholesale, "application"), ==,
                     GH_DEMO_APP_CALLBACK_URL);
  }

  {
    /* Unsubscribing drops the override that came with the subscription; subscribing again
     * does not bring it back.  The number's own override stays. */
    g_autoptr(GhTestReply) removed = gh_test_fetch (fixture, "DELETE", WABA_APPS,
                                                    GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(GhTestReply) added = NULL;
    g_autoptr(JsonObject) primary = NULL;
    g_autoptr(JsonObject) sandbox = NULL;

    g_assert_cmpuint (removed->status, ==, 200);
    primary = dup_webhook_configuration (fixture, GH_DEMO_PHONE_ID);
    g_assert_false (json_object_has_member (primary, "whatsapp_business_account"));

    added = gh_test_fetch (fixture, "POST", WABA_APPS, GH_DEMO_TOKEN_ADMIN, NULL);
    g_assert_cmpuint (added->status, ==, 200);
    g_clear_pointer (&primary, json_object_unref);
    primary = dup_webhook_configuration (fixture, GH_DEMO_PHONE_ID);
    g_assert_cmpuint (json_object_get_size (primary), ==, 1);
    sandbox = dup_webhook_configuration (fixture, GH_DEMO_PHONE_SANDBOX_ID);
    g_assert_cmpstr (json_object_get_string_member (sandbox, "phone_number"), ==,
                     GH_DEMO_PHONE_OVERRIDE_URL);
  }

  {
    /* The employee may not read the wholesale account's numbers either. */
    g_autoptr(GhTestReply) other = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE2_FLAGGED_ID
                                                "?fields=webhook_configuration",
                                                GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) own = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE_ID
                                              "?fields=webhook_configuration",
                                              GH_DEMO_TOKEN_EMPLOYEE);

    g_assert_cmpint (gh_test_reply_error_code (other), ==, 200);
    g_assert_cmpuint (own->status, ==, 200);
  }
}

static void
test_webhooks_in_batch (GhTestFixture *fixture,
                        gconstpointer  data)
{
  const char *batch =
    "[{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_WABA2_ID "/subscribed_apps\"},"
    "{\"method\":\"POST\",\"relative_url\":\"" GH_DEMO_WABA2_ID "/subscribed_apps\"},"
    "{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_WABA2_ID "/subscribed_apps\"},"
    "{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_PHONE_SANDBOX_ID
    "?fields=webhook_configuration\"}]";
  g_autoptr(GhTestReply) reply = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) subscribed = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) phone = NULL;
  JsonObject *webhooks;
  gint64 code;

  gh_demo_server_reset_counts (fixture->server);
  reply = gh_test_batch (fixture, GH_DEMO_TOKEN_ADMIN, batch);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 4);

  before = gh_test_batch_body (reply, 0, &code);
  g_assert_cmpint (code, ==, 200);
  g_assert_null (find_app (json_object_get_array_member (json_node_get_object (before),
                                                         "data"), GH_DEMO_APP_ID));

  subscribed = gh_test_batch_body (reply, 1, &code);
  g_assert_cmpint (code, ==, 200);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (subscribed),
                                                 "success"));

  after = gh_test_batch_body (reply, 2, &code);
  g_assert_cmpint (code, ==, 200);
  g_assert_nonnull (find_app (json_object_get_array_member (json_node_get_object (after),
                                                            "data"), GH_DEMO_APP_ID));

  phone = gh_test_batch_body (reply, 3, &code);
  g_assert_cmpint (code, ==, 200);
  webhooks = json_object_get_object_member (json_node_get_object (phone),
                                            "webhook_configuration");
  g_assert_cmpstr (json_object_get_string_member (webhooks, "phone_number"), ==,
                   GH_DEMO_PHONE_OVERRIDE_URL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_TEST_ADD ("/demo/subscribed-apps", test_subscribed_apps);
  GH_TEST_ADD ("/demo/subscribed-apps-refused", test_subscribed_apps_refused);
  GH_TEST_ADD ("/demo/webhook-configuration", test_webhook_configuration);
  GH_TEST_ADD ("/demo/webhooks-in-batch", test_webhooks_in_batch);

  return g_test_run ();
}
