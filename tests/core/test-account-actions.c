/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-account-actions"

#include "config.h"

#include <string.h>

#include "gh-connection.h"
#include "gh-demo-data.h"
#include "gh-demo-server.h"
#include "gh-graph-error.h"
#include "gh-test-util.h"

/* Subscribe and Register against the demo server: exactly one write each, never repeated by
 * itself, then what Meta holds, in plain words. */

typedef struct
{
  GhDemoServer *server;
  GhConnection *connection;
} Fixture;

static GhCheckReport *
run_check (GhConnection *connection)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhCheckReport *report;

  gh_connection_check_async (connection, NULL, gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);
  report = gh_connection_check_finish (connection, result, &error);
  g_assert_no_error (error);

  return report;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;

  fixture->server = gh_test_demo_server_new ();
  fixture->connection = gh_test_connection_new (fixture->server, data, NULL);
  /* What the person saw before acting: the report the actions judge with. */
  report = run_check (fixture->connection);
  gh_demo_server_reset_counts (fixture->server);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&fixture->connection));
  g_assert_finalize_object (g_steal_pointer (&fixture->server));
}

static GhAccountAction *
subscribe (Fixture    *fixture,
           const char *waba_id,
           GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_connection_subscribe_app_async (fixture->connection, waba_id, NULL,
                                     gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);

  return gh_connection_subscribe_app_finish (fixture->connection, result, error);
}

static GhAccountAction *
register_phone (Fixture    *fixture,
                const char *phone_id,
                const char *pin,
                GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_connection_register_phone_async (fixture->connection, GH_DEMO_WABA_ID, phone_id, pin,
                                      NULL, gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);

  return gh_connection_register_phone_finish (fixture->connection, result, error);
}

static void
assert_writes (Fixture    *fixture,
               const char *only)
{
  g_auto(GStrv) log = gh_demo_server_dup_write_log (fixture->server);

  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, only != NULL);
  g_assert_cmpstrv (log, only != NULL ? ((const char *[]) { only, NULL })
                                      : ((const char *[]) { NULL }));
}

static void
test_subscribe (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GhAccountAction) action = NULL;
  g_autoptr(GError) error = NULL;
  GhAccountReadiness *after;

  action = subscribe (fixture, GH_DEMO_WABA2_ID, &error);
  g_assert_no_error (error);

  /* One POST, then one batch reading the account back. */
  assert_writes (fixture, "POST " GH_DEMO_WABA2_ID "/subscribed_apps");
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);

  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_DONE);
  g_assert_cmpstr (gh_account_action_get_title (action), ==, "Subscribed");
  g_assert_nonnull (strstr (gh_account_action_get_sentence (action), GH_DEMO_APP_NAME));
  after = gh_account_action_get_readiness (action);
  g_assert_cmpint (gh_account_readiness_get_subscribed (after), ==, 1);
  g_assert_cmpint (gh_account_readiness_get_receive (after), !=, GH_READY_NO);
  /* The other app keeps its own subscription. */
  g_assert_cmpstr (gh_account_readiness_get_other_apps (after)[0], ==, GH_DEMO_OTHER_APP_NAME);
}

static void
test_subscribe_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GhAccountAction) action = NULL;
  g_autoptr(GError) error = NULL;

  /* The employee's token may not: Meta refuses, and the refusal is not sent again. */
  action = subscribe (fixture, GH_DEMO_WABA_ID, &error);
  g_assert_no_error (error);
  assert_writes (fixture, "POST " GH_DEMO_WABA_ID "/subscribed_apps");
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_REFUSED);
  g_assert_nonnull (strstr (gh_account_action_get_sentence (action), "may not subscribe"));
  g_assert_nonnull (gh_account_action_get_next_step (action));
  g_assert_error (gh_account_action_get_error (action), GH_GRAPH_ERROR,
                  GH_GRAPH_ERROR_PERMISSION);
  /* What Meta holds is still shown: the app was subscribed there already. */
  g_assert_cmpint (gh_account_readiness_get_subscribed (gh_account_action_get_readiness (action)),
                   ==, 1);
  g_clear_object (&action);

  /* Not an ID: nothing is sent. */
  action = subscribe (fixture, "../me", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_null (action);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 1);
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GhAccountAction) action = NULL;
  g_autoptr(GError) error = NULL;
  GhAccountReadiness *after;
  GhCheckItem *item = NULL;
  GPtrArray *items;

  action = register_phone (fixture, GH_DEMO_PHONE_PENDING_ID, GH_DEMO_REGISTER_PIN, &error);
  g_assert_no_error (error);
  assert_writes (fixture, "POST " GH_DEMO_PHONE_PENDING_ID "/register");
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);

  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_DONE);
  g_assert_nonnull (strstr (gh_account_action_get_sentence (action), "Connected"));
  after = gh_account_action_get_readiness (action);
  g_assert_cmpstr (gh_phone_number_get_status (gh_account_readiness_find_phone (
    after, GH_DEMO_PHONE_PENDING_ID)), ==, "CONNECTED");
  items = gh_account_readiness_get_items (after);
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (gh_check_item_get_id (g_ptr_array_index (items, i)),
                     "phone." GH_DEMO_PHONE_PENDING_ID ".ready"))
      item = g_ptr_array_index (items, i);
  g_assert_nonnull (item);
  g_assert_cmpint (gh_check_item_get_fix_kind (item), !=, GH_CHECK_FIX_REGISTER);
}

static void
test_register_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const bad_pins[] = { "", "12345", "1234567", "12a456", " 246810", NULL };
  g_autoptr(GhAccountAction) action = NULL;
  g_autoptr(GError) error = NULL;

  /* A PIN that cannot be one is refused before any request: each try counts at Meta. */
  for (guint i = 0; bad_pins[i] != NULL; i++)
    {
      action = register_phone (fixture, GH_DEMO_PHONE_PENDING_ID, bad_pins[i], &error);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
      g_assert_cmpstr (error->message, ==, gh_register_pin_problem (bad_pins[i]));
      g_assert_null (action);
      g_clear_error (&error);
    }
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);

  /* Six digits, but not this number's PIN: one write, a plain sentence, still pending. */
  action = register_phone (fixture, GH_DEMO_PHONE_PENDING_ID, "135790", &error);
  g_assert_no_error (error);
  assert_writes (fixture, "POST " GH_DEMO_PHONE_PENDING_ID "/register");
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_REFUSED);
  g_assert_cmpstr (gh_account_action_get_title (action), ==, "Wrong PIN");
  g_assert_nonnull (strstr (gh_account_action_get_next_step (action), "10 tries in 72 hours"));
  g_assert_cmpstr (gh_phone_number_get_status (gh_account_readiness_find_phone (
    gh_account_action_get_readiness (action), GH_DEMO_PHONE_PENDING_ID)), ==, "PENDING");
  g_clear_object (&action);

  /* Meta's own code for the same, and its limit on tries. */
  gh_demo_server_reset_counts (fixture->server);
  gh_demo_server_set_error (fixture->server, GH_DEMO_PHONE_PENDING_ID "/register", 400, 133005,
                            0, 1);
  action = register_phone (fixture, GH_DEMO_PHONE_PENDING_ID, GH_DEMO_REGISTER_PIN, &error);
  g_assert_cmpstr (gh_account_action_get_title (action), ==, "Wrong PIN");
  g_clear_object (&action);

  gh_demo_server_set_error (fixture->server, GH_DEMO_PHONE_PENDING_ID "/register", 400, 133016,
                            0, 1);
  action = register_phone (fixture, GH_DEMO_PHONE_PENDING_ID, GH_DEMO_REGISTER_PIN, &error);
  g_assert_cmpstr (gh_account_action_get_title (action), ==, "Too Many Tries");
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 2);
}

static void
add_test (const char  *path,
          const char  *token,
          void       (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, token, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/account-actions/subscribe", GH_DEMO_TOKEN_ADMIN, test_subscribe);
  add_test ("/account-actions/subscribe-refused", GH_DEMO_TOKEN_EMPLOYEE,
            test_subscribe_refused);
  add_test ("/account-actions/register", GH_DEMO_TOKEN_ADMIN, test_register);
  add_test ("/account-actions/register-refused", GH_DEMO_TOKEN_ADMIN, test_register_refused);

  return g_test_run ();
}
