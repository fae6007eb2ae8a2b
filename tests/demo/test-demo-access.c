/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include "gh-demo-test-util.h"

/* What the demo gives the change record and the security checkup: access changed outside
 * the API between two loads, and the business's people with their two-factor status and
 * pending invitations. */

#define JASPER_ID "1972385232752545"
#define JOSE_ID   "1972385232158176"
#define OLIVER_ID "1972385232611316"
#define PRIYA_ID  "1972385232561913"
#define ANNA_ID   "1972385232742142"

static JsonObject *
find_user (JsonArray  *users,
           const char *id)
{
  return gh_test_find_by_id (users, id);
}

static void
test_changed_outside (GhTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonArray) before = gh_test_all_assigned_users (fixture);
  g_autoptr(JsonArray) after = NULL;
  guint operations;
  JsonArray *tasks;

  g_assert_nonnull (find_user (before, JOSE_ID));
  g_assert_null (find_user (before, OLIVER_ID));
  operations = gh_demo_server_get_operation_count (fixture->server);

  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID,
                                                    JASPER_ID, "MANAGE,MESSAGING"));
  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID,
                                                    OLIVER_ID, "VIEW_COST"));
  g_assert_true (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID,
                                                    JOSE_ID, NULL));
  /* Nobody by that ID, nobody assigned to take away, no such account. */
  g_assert_false (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID,
                                                     "1234", "MANAGE"));
  g_assert_false (gh_demo_server_set_assigned_tasks (fixture->server, GH_DEMO_WABA_ID,
                                                     JOSE_ID, NULL));
  g_assert_false (gh_demo_server_set_assigned_tasks (fixture->server, "999", JASPER_ID,
                                                     "MANAGE"));
  /* Done behind the API's back: no call counted. */
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, operations);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);

  after = gh_test_all_assigned_users (fixture);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  tasks = json_object_get_array_member (find_user (after, JASPER_ID), "tasks");
  g_assert_cmpuint (json_array_get_length (tasks), ==, 2);
  g_assert_true (gh_test_has_string (tasks, "MANAGE"));
  g_assert_true (gh_test_has_string (tasks, "MESSAGING"));
  g_assert_null (find_user (after, JOSE_ID));
  g_assert_cmpstr (json_object_get_string_member (find_user (after, OLIVER_ID), "user_type"),
                   ==, "BUSINESS_USER");
  /* A new person comes last, where Meta adds people. */
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (after, json_array_get_length (after) - 1),
                     "id"), ==, OLIVER_ID);
}

static void
test_security_fields (GhTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhTestReply) reply = NULL;
  g_autoptr(GhTestReply) plain = NULL;
  JsonArray *users;
  JsonObject *user;
  guint n_without = 0;
  guint n_pending = 0;

  reply = gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/business_users?fields=id,name,"
                       "email,role,two_fac_status,pending_email&limit=100",
                       GH_DEMO_TOKEN_ADMIN);
  users = gh_test_reply_data (reply);
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      user = json_array_get_object_element (users, i);
      if (g_str_equal (json_object_get_string_member (user, "two_fac_status"), "disabled"))
        n_without++;
      else
        g_assert_cmpstr (json_object_get_string_member (user, "two_fac_status"), ==,
                         "enabled");
      if (*json_object_get_string_member (user, "pending_email") != '\0')
        n_pending++;
    }
  g_assert_cmpuint (n_without, ==, 3);
  g_assert_cmpuint (n_pending, ==, 1);

  user = gh_test_find_by_id (users, PRIYA_ID);
  g_assert_cmpstr (json_object_get_string_member (user, "two_fac_status"), ==, "disabled");
  user = gh_test_find_by_id (users, GH_DEMO_PENDING_USER_ID);
  g_assert_cmpstr (json_object_get_string_member (user, "pending_email"), ==,
                   "lucia@luckyshrub.example");
  user = gh_test_find_by_id (users, ANNA_ID);
  g_assert_cmpstr (json_object_get_string_member (user, "two_fac_status"), ==, "enabled");

  /* Only sent when asked for. */
  plain = gh_test_get (fixture, "/v25.0/" GH_DEMO_BUSINESS_ID "/business_users?limit=100",
                       GH_DEMO_TOKEN_ADMIN);
  user = gh_test_find_by_id (gh_test_reply_data (plain), PRIYA_ID);
  g_assert_false (json_object_has_member (user, "two_fac_status"));
  g_assert_false (json_object_has_member (user, "pending_email"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_TEST_ADD ("/demo/access/changed-outside", test_changed_outside);
  GH_TEST_ADD ("/demo/access/security-fields", test_security_fields);

  return g_test_run ();
}
