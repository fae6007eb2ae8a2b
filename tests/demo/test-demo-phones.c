/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-data.h"
#include "gh-demo-test-util.h"

/* Phone numbers and what holds them back: a number's own node, health_status on the account
 * and on its numbers in every state the demo knows, and registering a number for Cloud API
 * with the two-step verification PIN. */

#define REGISTER_FORM "messaging_product=whatsapp&pin="

static JsonObject *
dup_health (GhTestFixture *fixture,
            const char    *id)
{
  g_autofree char *target = g_strdup_printf ("/v25.0/%s?fields=health_status", id);
  g_autoptr(GhTestReply) reply = gh_test_get (fixture, target, GH_DEMO_TOKEN_ADMIN);
  JsonObject *object = gh_test_reply_object (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_ref (json_object_get_object_member (object, "health_status"));
}

static JsonObject *
find_entity (JsonObject *health,
             const char *type)
{
  JsonArray *entities = json_object_get_array_member (health, "entities");

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      if (g_str_equal (json_object_get_string_member (entity, "entity_type"), type))
        return entity;
    }

  return NULL;
}

static const char *
can_send (JsonObject *entity)
{
  return json_object_get_string_member (entity, "can_send_message");
}

/* The one error of @entity, checked complete. */
static JsonObject *
only_error (JsonObject *entity)
{
  JsonArray *errors = json_object_get_array_member (entity, "errors");
  JsonObject *error;

  g_assert_cmpuint (json_array_get_length (errors), ==, 1);
  error = json_array_get_object_element (errors, 0);
  g_assert_nonnull (json_object_get_string_member (error, "error_description"));
  g_assert_nonnull (json_object_get_string_member (error, "possible_solution"));
  return error;
}

static void
assert_all_available (JsonObject *health,
                      guint       n_entities)
{
  JsonArray *entities = json_object_get_array_member (health, "entities");

  g_assert_cmpstr (json_object_get_string_member (health, "can_send_message"), ==,
                   "AVAILABLE");
  g_assert_cmpuint (json_array_get_length (entities), ==, n_entities);
  for (guint i = 0; i < n_entities; i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      g_assert_cmpstr (can_send (entity), ==, "AVAILABLE");
      g_assert_false (json_object_has_member (entity, "errors"));
      g_assert_false (json_object_has_member (entity, "additional_info"));
    }
}

static void
test_phone_node (GhTestFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(GhTestReply) plain = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE_PENDING_ID,
                                              GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhTestReply) states =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE_PENDING_ID
                 "?fields=status,name_status,code_verification_status,account_mode",
                 GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhTestReply) sandbox = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE_SANDBOX_ID
                                                "?fields=account_mode", GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhTestReply) on_premise =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE2_ON_PREMISE_ID
                 "?fields=platform_type,name_status", GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhTestReply) unknown = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE_ID
                                                "?fields=bogus", GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhTestReply) edge = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE_ID "/nonsense",
                                             GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhTestReply) post = gh_test_fetch (fixture, "POST",
                                               "/v25.0/" GH_DEMO_PHONE_ID, GH_DEMO_TOKEN_ADMIN,
                                               "a=b");
  JsonObject *object;

  /* Without fields, the members Meta sends for a number. */
  object = gh_test_reply_object (plain);
  g_assert_cmpuint (plain->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, GH_DEMO_PHONE_PENDING_ID);
  g_assert_cmpstr (json_object_get_string_member (object, "display_phone_number"), ==,
                   "+1 555-014-7720");
  g_assert_true (json_object_has_member (object, "throughput"));
  g_assert_false (json_object_has_member (object, "status"));
  g_assert_false (json_object_has_member (object, "health_status"));

  object = gh_test_reply_object (states);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "PENDING");
  g_assert_cmpstr (json_object_get_string_member (object, "name_status"), ==,
                   "PENDING_REVIEW");
  g_assert_cmpstr (json_object_get_string_member (object, "code_verification_status"), ==,
                   "NOT_VERIFIED");
  g_assert_cmpstr (json_object_get_string_member (object, "account_mode"), ==, "LIVE");
  g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (sandbox),
                                                  "account_mode"), ==, "SANDBOX");
  object = gh_test_reply_object (on_premise);
  g_assert_cmpstr (json_object_get_string_member (object, "platform_type"), ==, "ON_PREMISE");
  g_assert_cmpstr (json_object_get_string_member (object, "name_status"), ==, "DECLINED");

  g_assert_cmpint (gh_test_reply_error_code (unknown), ==, 100);
  g_assert_nonnull (strstr (gh_test_reply_error_message (unknown),
                            "WhatsAppBusinessPhoneNumber"));
  g_assert_cmpint (gh_test_reply_error_code (edge), ==, 2500);
  g_assert_cmpint (gh_test_reply_error_code (post), ==, 100);
  g_assert_cmpint (gh_test_reply_error_subcode (post), ==, 33);
}

static void
test_health (GhTestFixture *fixture,
             gconstpointer  data)
{
  {
    /* The retail account is ready: nothing holds it or its registered number back. */
    g_autoptr(JsonObject) waba = dup_health (fixture, GH_DEMO_WABA_ID);
    g_autoptr(JsonObject) phone = dup_health (fixture, GH_DEMO_PHONE_ID);
    JsonArray *entities = json_object_get_array_member (phone, "entities");

    assert_all_available (waba, 3);
    g_assert_null (find_entity (waba, "PHONE_NUMBER"));
    g_assert_nonnull (find_entity (waba, "WABA"));
    g_assert_nonnull (find_entity (waba, "BUSINESS"));
    g_assert_cmpstr (json_object_get_string_member (find_entity (waba, "APP"), "id"), ==,
                     GH_DEMO_APP_ID);
    assert_all_available (phone, 4);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entities,
                                                                                   0),
                                                    "entity_type"), ==, "PHONE_NUMBER");
    g_assert_cmpstr (json_object_get_string_member (find_entity (phone, "PHONE_NUMBER"),
                                                    "id"), ==, GH_DEMO_PHONE_ID);
  }

  {
    /* A display name not approved limits the number, and only the number. */
    g_autoptr(JsonObject) pending = dup_health (fixture, GH_DEMO_PHONE_PENDING_ID);
    g_autoptr(JsonObject) declined = dup_health (fixture, GH_DEMO_PHONE2_ON_PREMISE_ID);
    JsonObject *number = find_entity (pending, "PHONE_NUMBER");

    g_assert_cmpstr (json_object_get_string_member (pending, "can_send_message"), ==,
                     "LIMITED");
    g_assert_cmpstr (can_send (number), ==, "LIMITED");
    g_assert_false (json_object_has_member (number, "errors"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
      number, "additional_info")), ==, 1);
    g_assert_cmpstr (can_send (find_entity (pending, "WABA")), ==, "AVAILABLE");
    g_assert_cmpstr (can_send (find_entity (declined, "PHONE_NUMBER")), ==, "LIMITED");
  }

  {
    /* The wholesale account is held back on the account entity, for its numbers too. */
    g_autoptr(JsonObject) waba = dup_health (fixture, GH_DEMO_WABA2_ID);
    g_autoptr(JsonObject) phone = dup_health (fixture, GH_DEMO_PHONE2_FLAGGED_ID);
    JsonObject *entity = find_entity (waba, "WABA");

    g_assert_cmpstr (json_object_get_string_member (waba, "can_send_message"), ==, "LIMITED");
    g_assert_cmpstr (can_send (entity), ==, "LIMITED");
    g_assert_cmpint (json_object_get_int_member (only_error (entity), "error_code"), ==,
                     141010);
    g_assert_true (json_object_has_member (entity, "additional_info"));
    g_assert_cmpstr (can_send (find_entity (waba, "BUSINESS")), ==, "AVAILABLE");
    g_assert_cmpstr (can_send (find_entity (phone, "PHONE_NUMBER")), ==, "AVAILABLE");
    g_assert_cmpstr (can_send (find_entity (phone, "WABA")), ==, "LIMITED");
    g_assert_cmpstr (json_object_get_string_member (phone, "can_send_message"), ==,
                     "LIMITED");
  }
}

static void
test_health_states (GhTestFixture *fixture,
                    gconstpointer  data)
{
  gh_demo_server_set_health (fixture->server, GH_DEMO_WABA_ID, GH_DEMO_HEALTH_PAYMENT_METHOD);
  {
    /* No valid payment method: the account is blocked, and every number with it. */
    g_autoptr(JsonObject) waba = dup_health (fixture, GH_DEMO_WABA_ID);
    g_autoptr(JsonObject) phone = dup_health (fixture, GH_DEMO_PHONE_ID);
    JsonObject *entity = find_entity (waba, "WABA");
    JsonObject *error = only_error (entity);

    g_assert_cmpstr (json_object_get_string_member (waba, "can_send_message"), ==, "BLOCKED");
    g_assert_cmpstr (can_send (entity), ==, "BLOCKED");
    g_assert_cmpint (json_object_get_int_member (error, "error_code"), ==, 141006);
    g_assert_nonnull (strstr (json_object_get_string_member (error, "error_description"),
                              "payment method"));
    g_assert_cmpstr (can_send (find_entity (waba, "BUSINESS")), ==, "AVAILABLE");
    g_assert_cmpstr (json_object_get_string_member (phone, "can_send_message"), ==,
                     "BLOCKED");
    g_assert_cmpstr (can_send (find_entity (phone, "PHONE_NUMBER")), ==, "AVAILABLE");
    g_assert_cmpint (json_object_get_int_member (only_error (find_entity (phone, "WABA")),
                                                 "error_code"), ==, 141006);
  }

  gh_demo_server_set_health (fixture->server, GH_DEMO_WABA_ID,
                             GH_DEMO_HEALTH_BUSINESS_UNVERIFIED);
  {
    /* An unverified business limits the business entity, not the account. */
    g_autoptr(JsonObject) waba = dup_health (fixture, GH_DEMO_WABA_ID);
    JsonObject *entity = find_entity (waba, "BUSINESS");

    g_assert_cmpstr (json_object_get_string_member (waba, "can_send_message"), ==, "LIMITED");
    g_assert_cmpstr (can_send (entity), ==, "LIMITED");
    g_assert_cmpstr (json_object_get_string_member (entity, "id"), ==, GH_DEMO_BUSINESS_ID);
    g_assert_cmpint (json_object_get_int_member (only_error (entity), "error_code"), ==,
                     141010);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
      entity, "additional_info")), ==, 1);
    g_assert_cmpstr (can_send (find_entity (waba, "WABA")), ==, "AVAILABLE");
    g_assert_false (json_object_has_member (find_entity (waba, "WABA"), "errors"));
  }

  gh_demo_server_set_health (fixture->server, GH_DEMO_WABA_ID,
                             GH_DEMO_HEALTH_BUSINESS_UNVERIFIED
                             | GH_DEMO_HEALTH_PAYMENT_METHOD);
  {
    /* The worst entity decides. */
    g_autoptr(JsonObject) waba = dup_health (fixture, GH_DEMO_WABA_ID);

    g_assert_cmpstr (json_object_get_string_member (waba, "can_send_message"), ==, "BLOCKED");
    g_assert_cmpstr (can_send (find_entity (waba, "BUSINESS")), ==, "LIMITED");
    g_assert_cmpstr (can_send (find_entity (waba, "WABA")), ==, "BLOCKED");
  }

  gh_demo_server_set_health (fixture->server, GH_DEMO_WABA2_ID, GH_DEMO_HEALTH_AVAILABLE);
  gh_demo_server_set_health (fixture->server, GH_DEMO_WABA_ID, GH_DEMO_HEALTH_AVAILABLE);
  {
    g_autoptr(JsonObject) retail = dup_health (fixture, GH_DEMO_WABA_ID);
    g_autoptr(JsonObject) wholesale = dup_health (fixture, GH_DEMO_WABA2_ID);

    assert_all_available (retail, 3);
    assert_all_available (wholesale, 3);
  }

  {
    /* The numbers' health comes along with field expansion. */
    g_autoptr(GhTestReply) reply =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                   "?fields=phone_numbers%7Bhealth_status%7Bcan_send_message%7D%7D",
                   GH_DEMO_TOKEN_ADMIN);
    JsonArray *phones = json_object_get_array_member (
      json_object_get_object_member (gh_test_reply_object (reply), "phone_numbers"), "data");
    JsonObject *first = json_object_get_object_member (json_array_get_object_element (phones,
                                                                                      0),
                                                       "health_status");

    g_assert_cmpuint (json_array_get_length (phones), ==, 3);
    g_assert_cmpuint (json_object_get_size (first), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (first, "can_send_message"), ==,
                     "AVAILABLE");
  }
}

static void
test_register (GhTestFixture *fixture,
               gconstpointer  data)
{
  const char *target = "/v25.0/" GH_DEMO_PHONE_PENDING_ID "/register";
  const char *status_target = "/v25.0/" GH_DEMO_PHONE_PENDING_ID "?fields=status";

  {
    /* The employee's token may read the number, not register it. */
    g_autoptr(GhTestReply) employee = gh_test_fetch (fixture, "POST", target,
                                                     GH_DEMO_TOKEN_EMPLOYEE,
                                                     REGISTER_FORM GH_DEMO_REGISTER_PIN);

    g_assert_cmpint (gh_test_reply_error_code (employee), ==, 200);
  }

  {
    g_autoptr(GhTestReply) wrong = gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                                  REGISTER_FORM "000000");
    g_autoptr(GhTestReply) still = gh_test_get (fixture, status_target, GH_DEMO_TOKEN_ADMIN);
    JsonObject *error;
    JsonObject *details;

    g_assert_cmpint (gh_test_reply_error_code (wrong), ==, 100);
    error = json_object_get_object_member (gh_test_reply_object (wrong), "error");
    g_assert_nonnull (json_object_get_string_member (error, "error_user_title"));
    details = json_object_get_object_member (error, "error_data");
    g_assert_cmpstr (json_object_get_string_member (details, "messaging_product"), ==,
                     "whatsapp");
    g_assert_nonnull (strstr (json_object_get_string_member (details, "details"), "PIN"));
    g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (still), "status"),
                     ==, "PENDING");
  }

  {
    static const char * const malformed[] = {
      REGISTER_FORM "12345", REGISTER_FORM "1234567", REGISTER_FORM "12a456",
      REGISTER_FORM "+12345", REGISTER_FORM, "messaging_product=whatsapp",
      "pin=" GH_DEMO_REGISTER_PIN, "messaging_product=sms&pin=" GH_DEMO_REGISTER_PIN,
    };

    for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
      {
        g_autoptr(GhTestReply) reply = gh_test_fetch (fixture, "POST", target,
                                                      GH_DEMO_TOKEN_ADMIN, malformed[i]);
        JsonObject *error;

        g_test_message ("%s → %s", malformed[i], reply->text);
        g_assert_cmpint (gh_test_reply_error_code (reply), ==, 100);
        error = json_object_get_object_member (gh_test_reply_object (reply), "error");
        g_assert_false (json_object_has_member (error, "error_user_title"));
      }
  }

  {
    g_autoptr(GhTestReply) read = gh_test_get (fixture, target, GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) right = gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                                  REGISTER_FORM GH_DEMO_REGISTER_PIN);
    g_autoptr(GhTestReply) connected = gh_test_get (fixture, status_target,
                                                    GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (gh_test_reply_error_code (read), ==, 100);
    g_assert_cmpuint (right->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (gh_test_reply_object (right), "success"));
    g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (connected),
                                                    "status"), ==, "CONNECTED");
  }
}

static void
test_register_tries (GhTestFixture *fixture,
                     gconstpointer  data)
{
  const char *target = "/v25.0/" GH_DEMO_PHONE_SANDBOX_ID "/register";

  for (guint i = 0; i < GH_DEMO_REGISTER_TRIES; i++)
    {
      g_autoptr(GhTestReply) wrong = gh_test_fetch (fixture, "POST", target,
                                                    GH_DEMO_TOKEN_ADMIN,
                                                    REGISTER_FORM "111111");

      g_assert_cmpint (gh_test_reply_error_code (wrong), ==, 100);
    }

  {
    /* The eleventh try is refused even with the right PIN, and the next too. */
    g_autoptr(GhTestReply) eleventh = gh_test_fetch (fixture, "POST", target,
                                                     GH_DEMO_TOKEN_ADMIN,
                                                     REGISTER_FORM GH_DEMO_REGISTER_PIN);
    g_autoptr(GhTestReply) twelfth = gh_test_fetch (fixture, "POST", target,
                                                    GH_DEMO_TOKEN_ADMIN,
                                                    REGISTER_FORM GH_DEMO_REGISTER_PIN);
    JsonObject *error;

    g_assert_cmpint (gh_test_reply_error_code (eleventh), ==, 133016);
    error = json_object_get_object_member (gh_test_reply_object (eleventh), "error");
    g_assert_true (json_object_has_member (error, "error_data"));
    g_assert_cmpint (gh_test_reply_error_code (twelfth), ==, 133016);
  }

  {
    /* The tries are counted for each number on its own. */
    g_autoptr(GhTestReply) other = gh_test_fetch (fixture, "POST",
                                                  "/v25.0/" GH_DEMO_PHONE_PENDING_ID
                                                  "/register", GH_DEMO_TOKEN_ADMIN,
                                                  REGISTER_FORM GH_DEMO_REGISTER_PIN);

    g_assert_cmpuint (other->status, ==, 200);
  }
}

static void
test_phones_in_batch (GhTestFixture *fixture,
                      gconstpointer  data)
{
  const char *batch =
    "[{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_PHONE_PENDING_ID
    "?fields=status,health_status\"},"
    "{\"method\":\"POST\",\"relative_url\":\"" GH_DEMO_PHONE_PENDING_ID "/register\","
    "\"body\":\"messaging_product=whatsapp&pin=999999\"},"
    "{\"method\":\"POST\",\"relative_url\":\"" GH_DEMO_PHONE_PENDING_ID "/register\","
    "\"body\":\"messaging_product=whatsapp&pin=" GH_DEMO_REGISTER_PIN "\"},"
    "{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_PHONE_PENDING_ID "?fields=status\"},"
    "{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_WABA2_ID "?fields=health_status\"}]";
  g_autoptr(GhTestReply) reply = gh_test_batch (fixture, GH_DEMO_TOKEN_ADMIN, batch);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) wrong = NULL;
  g_autoptr(JsonNode) right = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) waba = NULL;
  JsonObject *health;
  gint64 code;

  before = gh_test_batch_body (reply, 0, &code);
  g_assert_cmpint (code, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (before), "status"),
                   ==, "PENDING");
  health = json_object_get_object_member (json_node_get_object (before), "health_status");
  g_assert_cmpstr (json_object_get_string_member (health, "can_send_message"), ==, "LIMITED");

  wrong = gh_test_batch_body (reply, 1, &code);
  g_assert_cmpint (code, ==, 400);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
    json_node_get_object (wrong), "error"), "code"), ==, 100);

  right = gh_test_batch_body (reply, 2, &code);
  g_assert_cmpint (code, ==, 200);
  after = gh_test_batch_body (reply, 3, &code);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "status"),
                   ==, "CONNECTED");

  waba = gh_test_batch_body (reply, 4, &code);
  health = json_object_get_object_member (json_node_get_object (waba), "health_status");
  g_assert_cmpint (json_object_get_int_member (only_error (find_entity (health, "WABA")),
                                               "error_code"), ==, 141010);
}

static void
test_phone_rate_limit (GhTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GhTestReply) fine = NULL;
  g_autoptr(GhTestReply) limited = NULL;

  /* A number's calls count against its account's budget, like the account's own. */
  gh_demo_server_set_rate_limit (fixture->server, 1, 4);
  fine = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE2_FLAGGED_ID, GH_DEMO_TOKEN_ADMIN);
  limited = gh_test_get (fixture, "/v25.0/" GH_DEMO_PHONE2_FLAGGED_ID, GH_DEMO_TOKEN_ADMIN);

  g_assert_cmpuint (fine->status, ==, 200);
  g_assert_nonnull (strstr (fine->usage, GH_DEMO_WABA2_ID));
  g_assert_cmpint (gh_test_reply_error_code (limited), ==, 80008);
  g_assert_nonnull (strstr (limited->usage, GH_DEMO_WABA2_ID));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_TEST_ADD ("/demo/phone-node", test_phone_node);
  GH_TEST_ADD ("/demo/health", test_health);
  GH_TEST_ADD ("/demo/health-states", test_health_states);
  GH_TEST_ADD ("/demo/register", test_register);
  GH_TEST_ADD ("/demo/register-tries", test_register_tries);
  GH_TEST_ADD ("/demo/phones-in-batch", test_phones_in_batch);
  GH_TEST_ADD ("/demo/phone-rate-limit", test_phone_rate_limit);

  return g_test_run ();
}
