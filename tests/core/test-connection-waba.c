/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-connection-waba"

#include "config.h"

#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-test-util.h"
#include "gh-graph-error.h"
#include "gh-readiness.h"

/* Reading a WhatsApp Business Account through a connection: every field in one round trip,
 * what an employee's token may not read and why, and the overview's read with what the
 * check knows. */

static GhWaba *
run_load_waba (GhConnection  *connection,
               const char    *waba_id,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_connection_load_waba_async (connection, waba_id, NULL, gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);

  return gh_connection_load_waba_finish (connection, result, error);
}

static void
test_load_waba (GhDemoFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *phones;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, saved);
  gh_demo_server_reset_counts (fixture->server);

  waba = run_load_waba (connection, GH_DEMO_WABA_ID, &error);
  g_assert_no_error (error);
  g_assert_nonnull (waba);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  g_assert_cmpstr (gh_waba_get_id (waba), ==, GH_DEMO_WABA_ID);
  g_assert_cmpstr (gh_waba_get_name (waba), ==, GH_DEMO_WABA_NAME);
  g_assert_cmpstr (gh_waba_get_owner_business_id (waba), ==, GH_DEMO_BUSINESS_ID);
  g_assert_cmpstr (gh_waba_get_owner_business_name (waba), ==, GH_DEMO_BUSINESS_NAME);
  phones = gh_waba_get_phone_numbers (waba);
  g_assert_nonnull (phones);
  g_assert_cmpuint (phones->len, >, 0);
  g_assert_nonnull (gh_phone_number_get_display_phone_number (g_ptr_array_index (phones, 0)));
  g_assert_nonnull (gh_waba_get_templates (waba));
  g_assert_cmpint (gh_template_summary_get_total (gh_waba_get_templates (waba)), >, 0);

  g_assert_cmpstr (gh_saved_connection_get_waba_id (saved), ==, GH_DEMO_WABA_ID);
  g_assert_cmpstr (gh_saved_connection_get_business_id (saved), ==, GH_DEMO_BUSINESS_ID);
  g_assert_cmpstr (gh_saved_connection_get_business_name (saved), ==, GH_DEMO_BUSINESS_NAME);

  g_assert_finalize_object (g_steal_pointer (&waba));
  g_assert_finalize_object (g_steal_pointer (&connection));
}

static void
test_load_waba_refused (GhDemoFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_EMPLOYEE, NULL);

  gh_demo_server_reset_counts (fixture->server);
  waba = run_load_waba (connection, GH_DEMO_WABA2_ID, &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  g_assert_null (waba);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_clear_error (&error);

  /* Not an ID: refused before anything is sent. */
  waba = run_load_waba (connection, "../me/assigned_users", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_null (waba);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&connection));
}

static GhPhoneNumber *
find_phone (GhWaba     *waba,
            const char *id)
{
  GPtrArray *phones = gh_waba_get_phone_numbers (waba);

  for (guint i = 0; i < phones->len; i++)
    if (g_strcmp0 (gh_phone_number_get_id (g_ptr_array_index (phones, i)), id) == 0)
      return g_ptr_array_index (phones, i);

  return NULL;
}

static void
test_load_waba_full (GhDemoFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  GhTemplateSummary *templates;
  GhPhoneNumber *phone;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  gh_demo_server_reset_counts (fixture->server);

  waba = run_load_waba (connection, GH_DEMO_WABA_ID, &error);
  g_assert_no_error (error);

  /* A refresh is one round trip: a batch of the account, its business fields, its health
   * and numbers, and its subscriptions. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 4);

  g_assert_cmpstr (gh_waba_get_currency (waba), ==, "USD");
  g_assert_cmpstr (gh_waba_get_timezone_id (waba), ==, "1");
  g_assert_cmpstr (gh_waba_get_message_template_namespace (waba), ==,
                   "c8ae5f90_307a_ca4c_b8f6_d1e2a2573574");
  g_assert_cmpstr (gh_waba_get_account_review_status (waba), ==, "APPROVED");
  g_assert_cmpstr (gh_waba_get_business_verification_status (waba), ==, "verified");
  g_assert_cmpstr (gh_waba_get_country (waba), ==, "US");
  g_assert_cmpstr (gh_waba_get_messaging_limit (waba), ==, "TIER_10K");
  g_assert_cmpstr (gh_waba_get_can_send_message (waba), ==, "AVAILABLE");
  g_assert_cmpstr (gh_waba_get_creation_time (waba), ==, "2023-04-12T09:31:05+0000");
  g_assert_cmpstr (gh_waba_get_primary_business_location (waba), ==, "US");
  g_assert_null (gh_waba_get_on_behalf_of_business_id (waba));
  g_assert_cmpuint (gh_waba_get_health_issues (waba)->len, ==, 0);
  g_assert_null (gh_waba_get_unavailable_fields (waba));
  g_assert_null (gh_waba_get_unavailable_reason (waba));

  /* Every phone number field the overview shows was asked for. */
  g_assert_cmpuint (gh_waba_get_phone_numbers (waba)->len, ==, 3);
  phone = find_phone (waba, "113829405716283");
  g_assert_nonnull (phone);
  g_assert_cmpstr (gh_phone_number_get_display_phone_number (phone), ==, "+1 555-014-7720");
  g_assert_cmpstr (gh_phone_number_get_verified_name (phone), ==, "Lucky Shrub Deliveries");
  g_assert_cmpstr (gh_phone_number_get_status (phone), ==, "PENDING");
  g_assert_cmpstr (gh_phone_number_get_quality_rating (phone), ==, "UNKNOWN");
  g_assert_cmpstr (gh_phone_number_get_code_verification_status (phone), ==, "NOT_VERIFIED");
  g_assert_cmpstr (gh_phone_number_get_name_status (phone), ==, "PENDING_REVIEW");
  g_assert_cmpstr (gh_phone_number_get_platform_type (phone), ==, "CLOUD_API");
  g_assert_cmpstr (gh_phone_number_get_throughput_level (phone), ==, "STANDARD");
  g_assert_cmpstr (gh_phone_number_get_account_mode (phone), ==, "LIVE");
  g_assert_cmpstr (gh_phone_number_get_account_mode (find_phone (waba, "109283746501928")), ==,
                   "SANDBOX");

  /* The first page of templates is counted; the summary gives the total and the limit. */
  templates = gh_waba_get_templates (waba);
  g_assert_nonnull (templates);
  g_assert_cmpint (gh_template_summary_get_total (templates), ==, 12);
  g_assert_cmpint (gh_template_summary_get_counted (templates), ==, 12);
  g_assert_cmpint (gh_template_summary_get_limit (templates), ==, 250);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (
    gh_template_summary_get_by_status (templates), "APPROVED")), ==, 7);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (
    gh_template_summary_get_by_category (templates), "AUTHENTICATION")), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&waba));
  g_assert_finalize_object (g_steal_pointer (&connection));
}

static void
test_load_waba_partner (GhDemoFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  GhWabaHealthIssue *issue;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  waba = run_load_waba (connection, GH_DEMO_WABA2_ID, &error);
  g_assert_no_error (error);

  /* Values the app has no words for come through exactly as sent. */
  g_assert_cmpstr (gh_waba_get_timezone_id (waba), ==, "101");
  g_assert_cmpstr (gh_waba_get_ownership_type (waba), ==, "CLIENT_OWNED");
  g_assert_cmpstr (gh_waba_get_on_behalf_of_business_id (waba), ==, "1185206391742286");
  g_assert_cmpstr (gh_waba_get_on_behalf_of_business_name (waba), ==,
                   "Lucky Shrub Wholesale GmbH");
  g_assert_cmpstr (gh_waba_get_can_send_message (waba), ==, "LIMITED");

  /* Only the entity that is held back, with what Meta says about it. */
  g_assert_cmpuint (gh_waba_get_health_issues (waba)->len, ==, 1);
  issue = g_ptr_array_index (gh_waba_get_health_issues (waba), 0);
  g_assert_cmpstr (issue->entity_type, ==, "WABA");
  g_assert_cmpstr (issue->entity_id, ==, GH_DEMO_WABA2_ID);
  g_assert_cmpstr (issue->can_send_message, ==, "LIMITED");
  g_assert_cmpstr (issue->error_code, ==, "141010");
  g_assert_cmpstr (issue->description, ==,
                   "The Business has not passed business verification.");
  g_assert_nonnull (issue->possible_solution);

  g_assert_cmpstr (gh_phone_number_get_platform_type (find_phone (waba, "118273645019283")),
                   ==, "ON_PREMISE");

  g_assert_finalize_object (g_steal_pointer (&waba));
  g_assert_finalize_object (g_steal_pointer (&connection));
}

static void
test_load_waba_employee (GhDemoFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *missing;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_EMPLOYEE, NULL);

  /* Before any check the token's scopes are unknown: the reason names the system user. */
  gh_demo_server_reset_counts (fixture->server);
  waba = run_load_waba (connection, GH_DEMO_WABA_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpstr (gh_waba_get_name (waba), ==, GH_DEMO_WABA_NAME);
  g_assert_cmpstr (gh_waba_get_owner_business_name (waba), ==, GH_DEMO_BUSINESS_NAME);
  g_assert_cmpuint (gh_waba_get_phone_numbers (waba)->len, ==, 3);
  g_assert_nonnull (gh_waba_get_templates (waba));
  missing = gh_waba_get_unavailable_fields (waba);
  g_assert_nonnull (missing);
  g_assert_true (g_strv_contains (missing, "primary_business_location"));
  g_assert_true (g_strv_contains (missing, "on_behalf_of_business_info"));
  g_assert_true (gh_waba_is_field_unavailable (waba, "primary_business_location"));
  g_assert_false (gh_waba_is_field_unavailable (waba, "currency"));
  g_assert_null (gh_waba_get_primary_business_location (waba));
  g_assert_cmpstr (gh_waba_get_unavailable_reason (waba), ==, "This system user cannot read it");
  g_assert_finalize_object (g_steal_pointer (&waba));

  /* After the check, the missing permission is known and named. */
  report = gh_test_run_check (connection, NULL, &error);
  g_assert_no_error (error);
  waba = run_load_waba (connection, GH_DEMO_WABA_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gh_waba_get_unavailable_reason (waba), ==,
                   "Needs the business_management permission");

  g_assert_finalize_object (g_steal_pointer (&waba));
  g_assert_finalize_object (g_steal_pointer (&connection));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_load_waba_unreadable (GhDemoFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_EMPLOYEE, NULL);
  gh_demo_server_reset_counts (fixture->server);

  /* Not assigned to the wholesale account: the whole account is refused, not a field. */
  waba = run_load_waba (connection, GH_DEMO_WABA2_ID, &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  g_assert_null (waba);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 200);
  g_assert_nonnull (gh_graph_error_get_fbtrace_id (error));
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_clear_error (&error);

  /* A refused request is not retried behind the person's back. */
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID, 400, 80008, 0, 0);
  waba = run_load_waba (connection, GH_DEMO_WABA_ID, &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&connection));
}

/* The overview's read, judged with what the check knows about the token. */
static void
test_load_account (GhDemoFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GhAccountReadiness) readiness = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhWaba *waba;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  report = gh_test_run_check (connection, NULL, &error);
  g_assert_no_error (error);

  gh_demo_server_reset_counts (fixture->server);
  gh_connection_load_account_async (connection, GH_DEMO_WABA2_ID, NULL,
                                    gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);
  readiness = gh_connection_load_account_finish (connection, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);

  waba = gh_account_readiness_get_waba (readiness);
  g_assert_cmpstr (gh_waba_get_id (waba), ==, GH_DEMO_WABA2_ID);
  g_assert_cmpstr (gh_waba_get_on_behalf_of_business_name (waba), ==,
                   "Lucky Shrub Wholesale GmbH");
  g_assert_nonnull (gh_waba_get_templates (waba));
  /* The numbers carry what readiness needs, and the check's app is known. */
  g_assert_nonnull (gh_phone_number_get_health (find_phone (waba,
                                                            GH_DEMO_PHONE2_FLAGGED_ID)));
  g_assert_cmpint (gh_account_readiness_get_subscribed (readiness), ==, 0);
  g_assert_true (gh_account_readiness_get_can_subscribe (readiness));
  g_assert_cmpint (gh_account_readiness_get_receive (readiness), ==, GH_READY_NO);

  g_assert_finalize_object (g_steal_pointer (&readiness));
  g_assert_finalize_object (g_steal_pointer (&connection));
  g_assert_finalize_object (g_steal_pointer (&report));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_DEMO_TEST_ADD ("/connection/load-waba/details", test_load_waba);
  GH_DEMO_TEST_ADD ("/connection/load-waba/refused", test_load_waba_refused);
  GH_DEMO_TEST_ADD ("/connection/load-waba/full", test_load_waba_full);
  GH_DEMO_TEST_ADD ("/connection/load-waba/partner", test_load_waba_partner);
  GH_DEMO_TEST_ADD ("/connection/load-waba/employee", test_load_waba_employee);
  GH_DEMO_TEST_ADD ("/connection/load-waba/unreadable", test_load_waba_unreadable);
  GH_DEMO_TEST_ADD ("/connection/load-account", test_load_account);

  return g_test_run ();
}
