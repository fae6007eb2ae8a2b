/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-test-util.h"

/* fields= as Meta reads it: nested members, expanded edges with limit() and summary(), syntax
 * errors, and the fields a token without business_management may not read. */

static void
test_field_expansion (GhTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhTestReply) reply =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "?fields=id,name,currency,timezone_id,"
                 "creation_time,owner_business_info%7Bid%7D,health_status%7Bcan_send_message%7D,"
                 "phone_numbers%7Bdisplay_phone_number,verified_name%7D.limit(2),"
                 "message_templates.limit(0).summary(total_count)", GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GhTestReply) all =
    gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA2_ID "?fields=id,name,currency,"
                 "timezone_id,message_template_namespace,account_review_status,"
                 "business_verification_status,country,ownership_type,"
                 "primary_business_location,owner_business_info,"
                 "on_behalf_of_business_info,health_status,"
                 "whatsapp_business_manager_messaging_limit,creation_time,status",
                 GH_DEMO_TOKEN_ADMIN);
  JsonObject *object = gh_test_reply_object (reply);
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

  object = gh_test_reply_object (all);
  g_assert_cmpuint (all->status, ==, 200);
  g_assert_cmpuint (json_object_get_size (object), ==, 16);
  g_assert_cmpstr (json_object_get_string_member (object, "account_review_status"), ==,
                   "PENDING");
  g_assert_cmpstr (json_object_get_string_member (
    json_object_get_object_member (object, "health_status"), "can_send_message"), ==,
    "LIMITED");

  {
    g_autoptr(GhTestReply) unknown =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "?fields=id,bogus", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (gh_test_reply_error_code (unknown), ==, 100);
    g_assert_cmpstr (gh_test_reply_error_message (unknown), ==,
                     "(#100) Tried accessing nonexisting field (bogus) on node type "
                     "(WhatsAppBusinessAccount)");
  }

  {
    g_autoptr(GhTestReply) syntax =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                   "?fields=id,phone_numbers%7Bid", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (gh_test_reply_error_code (syntax), ==, 2500);
    g_assert_nonnull (strstr (gh_test_reply_error_message (syntax), "Syntax error"));
  }

  {
    /* Fields in a nested list reach every item of the expanded edge. */
    g_autoptr(GhTestReply) nested =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                   "?fields=message_templates.limit(3)%7Bname,status%7D",
                   GH_DEMO_TOKEN_ADMIN);
    JsonArray *templates;

    object = gh_test_reply_object (nested);
    edge = json_object_get_object_member (object, "message_templates");
    templates = json_object_get_array_member (edge, "data");
    g_assert_cmpuint (json_array_get_length (templates), ==, 3);
    g_assert_cmpuint (json_object_get_size (json_array_get_object_element (templates, 2)), ==,
                      3);
    g_assert_false (json_object_has_member (edge, "summary"));
  }
}

static void
test_business_fields (GhTestFixture *fixture,
                      gconstpointer  data)
{
  {
    /* Without business_management the whole request fails, like on Meta… */
    g_autoptr(GhTestReply) refused = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                  "?fields=id,name,primary_business_location",
                                                  GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) nested = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                 "?fields=on_behalf_of_business_info%7Bname%7D",
                                                 GH_DEMO_TOKEN_EMPLOYEE);
    /* …while the rest of the account, and the same fields for the admin, are readable. */
    g_autoptr(GhTestReply) basic = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                "?fields=id,name,currency,owner_business_info",
                                                GH_DEMO_TOKEN_EMPLOYEE);
    g_autoptr(GhTestReply) admin = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                "?fields=id,primary_business_location",
                                                GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (refused->status, ==, 403);
    g_assert_cmpint (gh_test_reply_error_code (refused), ==, 200);
    g_assert_nonnull (strstr (gh_test_reply_error_message (refused), "business_management"));
    g_assert_cmpint (gh_test_reply_error_code (nested), ==, 200);
    g_assert_cmpuint (basic->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (basic), "currency"), ==,
                     "USD");
    g_assert_cmpuint (admin->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (admin),
                                                    "primary_business_location"), ==, "US");
  }

  {
    /* A documented field without a value is left out, not an error. */
    g_autoptr(GhTestReply) reply = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                                "?fields=id,on_behalf_of_business_info",
                                                GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_false (json_object_has_member (gh_test_reply_object (reply),
                                            "on_behalf_of_business_info"));
    g_assert_cmpstr (json_object_get_string_member (gh_test_reply_object (reply), "id"), ==,
                     GH_DEMO_WABA_ID);
  }

  {
    /* The template summary asked for member by member, as the overview does. */
    g_autoptr(GhTestReply) reply =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                   "?fields=message_templates.limit(100)%7Bstatus,category%7D"
                   ".summary(total_count,message_template_count,"
                   "message_template_limit)", GH_DEMO_TOKEN_EMPLOYEE);
    JsonObject *edge;
    JsonObject *summary;

    g_assert_cmpuint (reply->status, ==, 200);
    edge = json_object_get_object_member (gh_test_reply_object (reply), "message_templates");
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

  GH_TEST_ADD ("/demo/field-expansion", test_field_expansion);
  GH_TEST_ADD ("/demo/business-fields", test_business_fields);

  return g_test_run ();
}
