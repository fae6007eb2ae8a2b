/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-connection"

#include "config.h"

#include <string.h>

#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-test-util.h"
#include "gh-graph-error.h"
#include "gh-readiness.h"

typedef struct
{
  GhDemoServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = gh_test_demo_server_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Not one request of any test may carry the token in its URL. */
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fixture->server));
}

static GhCheckReport *
run_check (GhConnection  *connection,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_connection_check_async (connection, cancellable, gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);

  return gh_connection_check_finish (connection, result, error);
}

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

/* Checks @token against the demo server and asserts the round-trip budget. */
static GhCheckReport *
check_token (Fixture           *fixture,
             const char        *token,
             GhSavedConnection *saved)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  GhCheckReport *report;

  connection = gh_test_connection_new (fixture->server, token, saved);
  g_assert_null (gh_connection_get_report (connection));

  gh_demo_server_reset_counts (fixture->server);
  report = run_check (connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (gh_connection_get_report (connection) == report);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), <=, 2);
  /* The check only reads. */
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);

  {
    g_autofree char *text = gh_check_report_to_text (report);

    g_test_message ("%s", text);
  }

  g_assert_finalize_object (g_steal_pointer (&connection));
  return report;
}

static void
assert_status (GhCheckReport *report,
               const char    *id,
               GhCheckStatus  status)
{
  GhCheckItem *item = gh_check_report_find_item (report, id);

  if (item == NULL)
    g_error ("No item “%s” in the report", id);
  g_assert_cmpint (gh_check_item_get_status (item), ==, status);
}

static void
assert_fix_step (GhCheckReport *report,
                 const char    *id,
                 GhGuideStep    step)
{
  GhCheckItem *item = gh_check_report_find_item (report, id);

  g_assert_nonnull (item);
  g_assert_cmpint (gh_check_item_get_fix_step (item), ==, step);
}

static void
test_admin (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GhCheckReport) report = NULL;
  GPtrArray *wabas;

  gh_saved_connection_set_label (saved, "Helpdesk");
  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN, saved);

  /* Two round trips: the first batch, then the accounts and the role. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);

  /* The token itself is fine; the second account is not ready to receive, a number is
   * pending: the verdict says so. */
  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpint (gh_check_report_get_verdict (report), ==, GH_CHECK_STATUS_ERROR);
  g_assert_cmpstr (gh_check_report_get_summary (report), ==,
                   "This token works, but the integration is not ready yet.");
  assert_status (report, "token.valid", GH_CHECK_STATUS_OK);
  assert_status (report, "token.kind", GH_CHECK_STATUS_OK);
  assert_status (report, "token.expiry", GH_CHECK_STATUS_OK);
  assert_status (report, "permission.whatsapp_business_management", GH_CHECK_STATUS_OK);
  assert_status (report, "permission.whatsapp_business_messaging", GH_CHECK_STATUS_OK);
  assert_status (report, "permission.business_management", GH_CHECK_STATUS_OK);
  assert_status (report, "accounts.found", GH_CHECK_STATUS_OK);
  assert_status (report, "account." GH_DEMO_WABA_ID ".reachable", GH_CHECK_STATUS_OK);
  assert_status (report, "account." GH_DEMO_WABA2_ID ".reachable", GH_CHECK_STATUS_OK);
  assert_status (report, "token.admin", GH_CHECK_STATUS_OK);
  assert_status (report, "token.app", GH_CHECK_STATUS_OK);

  g_assert_cmpint (gh_check_report_get_is_admin (report), ==, 1);
  g_assert_true (gh_check_report_get_can_edit (report));
  g_assert_cmpstr (gh_check_report_get_user_id (report), ==, GH_DEMO_ADMIN_USER_ID);
  g_assert_cmpstr (gh_check_report_get_user_name (report), ==, GH_DEMO_ADMIN_USER_NAME);
  g_assert_cmpstr (gh_token_info_get_app_id (gh_check_report_get_token_info (report)), ==,
                   GH_DEMO_APP_ID);

  wabas = gh_check_report_get_wabas (report);
  g_assert_cmpuint (wabas->len, ==, 2);
  g_assert_cmpstr (gh_waba_get_name (gh_check_report_get_first_waba (report)), ==,
                   GH_DEMO_WABA_NAME);

  /* The saved description learns what the check found. */
  g_assert_cmpstr (gh_saved_connection_get_label (saved), ==, "Helpdesk");
  g_assert_cmpstr (gh_saved_connection_get_business_id (saved), ==, GH_DEMO_BUSINESS_ID);
  g_assert_cmpstr (gh_saved_connection_get_business_name (saved), ==, GH_DEMO_BUSINESS_NAME);
  g_assert_cmpstr (gh_saved_connection_get_system_user_name (saved), ==,
                   GH_DEMO_ADMIN_USER_NAME);
  g_assert_cmpstr (gh_saved_connection_get_waba_id (saved), ==, GH_DEMO_WABA_ID);
  g_assert_cmpint (gh_saved_connection_get_last_checked (saved), >, 0);
  g_assert_true (gh_saved_connection_get_last_check_ok (saved));

  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&saved));
}

static GhCheckItem *
find_item (GhCheckReport *report,
           const char    *id)
{
  GhCheckItem *item = gh_check_report_find_item (report, id);

  if (item == NULL)
    g_error ("No item “%s” in the report", id);

  return item;
}

/* What the admin token finds past the token: the first account gets its webhooks and can
 * send, with a number to register and a test number; the second is held back and its
 * webhooks go to another app. */
static void
test_admin_readiness (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;
  GhAccountReadiness *retail;
  GhAccountReadiness *wholesale;
  GhCheckItem *item;

  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN, NULL);

  g_assert_cmpuint (gh_check_report_get_readiness (report)->len, ==, 2);
  retail = gh_check_report_find_readiness (report, GH_DEMO_WABA_ID);
  wholesale = gh_check_report_find_readiness (report, GH_DEMO_WABA2_ID);
  g_assert_nonnull (retail);
  g_assert_nonnull (wholesale);

  /* Webhooks: this token's app, and where they go (hosts only). */
  assert_status (report, "account." GH_DEMO_WABA_ID ".webhooks", GH_CHECK_STATUS_OK);
  g_assert_cmpint (gh_account_readiness_get_subscribed (retail), ==, 1);
  g_assert_true (g_strv_contains (gh_account_readiness_get_webhook_hosts (retail),
                                  "helpdesk.luckyshrub.example"));
  g_assert_true (g_strv_contains (gh_account_readiness_get_webhook_hosts (retail),
                                  "staging.luckyshrub.example"));
  g_assert_null (strstr (gh_check_item_get_description (find_item (
    report, "account." GH_DEMO_WABA_ID ".webhooks")), "/whatsapp/webhook"));

  /* Another app's subscription does not count, and is named. */
  item = find_item (report, "account." GH_DEMO_WABA2_ID ".webhooks");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_SUBSCRIBE);
  g_assert_cmpstr (gh_check_item_get_fix_target (item), ==, GH_DEMO_WABA2_ID);
  g_assert_nonnull (strstr (gh_check_item_get_description (item), GH_DEMO_OTHER_APP_NAME));
  g_assert_cmpint (gh_account_readiness_get_subscribed (wholesale), ==, 0);
  g_assert_true (gh_account_readiness_get_can_subscribe (wholesale));
  g_assert_cmpstr (gh_account_readiness_get_other_apps (wholesale)[0], ==,
                   GH_DEMO_OTHER_APP_NAME);
  g_assert_cmpint (gh_account_readiness_get_receive (wholesale), ==, GH_READY_NO);

  /* Health per entity: Meta's words, ours, and where to fix it. */
  assert_status (report, "account." GH_DEMO_WABA_ID ".health", GH_CHECK_STATUS_OK);
  assert_status (report, "account." GH_DEMO_WABA2_ID ".health", GH_CHECK_STATUS_WARNING);
  item = find_item (report, "account." GH_DEMO_WABA2_ID ".health.account");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_WARNING);
  g_assert_nonnull (strstr (gh_check_item_get_description (item),
                            "The Business has not passed business verification."));
  g_assert_nonnull (strstr (gh_check_item_get_description (item), "not verified"));
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_LINK);
  g_assert_true (g_str_has_prefix (gh_check_item_get_fix_uri (item),
                                   "https://business.facebook.com/settings/security"));

  /* The limit belongs to the business portfolio. */
  item = find_item (report, "account." GH_DEMO_WABA_ID ".limit");
  g_assert_nonnull (strstr (gh_check_item_get_description (item), "10,000"));
  g_assert_nonnull (strstr (gh_check_item_get_description (item), "business portfolio"));

  /* Numbers: ready, pending with Register offered, a test number, On-Premises. */
  assert_status (report, "phone." GH_DEMO_PHONE_ID ".ready", GH_CHECK_STATUS_OK);
  item = find_item (report, "phone." GH_DEMO_PHONE_PENDING_ID ".ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_REGISTER);
  g_assert_cmpstr (gh_check_item_get_fix_target (item), ==, GH_DEMO_PHONE_PENDING_ID);
  g_assert_cmpstr (gh_check_item_get_account_id (item), ==, GH_DEMO_WABA_ID);
  item = find_item (report, "phone." GH_DEMO_PHONE_SANDBOX_ID ".ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_WARNING);
  g_assert_nonnull (strstr (gh_check_item_get_description (item), "test number"));
  item = find_item (report, "phone." GH_DEMO_PHONE2_ON_PREMISE_ID ".ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  g_assert_nonnull (strstr (gh_check_item_get_description (item), "October 2025"));
  assert_status (report, "phone." GH_DEMO_PHONE2_FLAGGED_ID ".ready", GH_CHECK_STATUS_WARNING);

  g_assert_cmpint (gh_account_readiness_get_send (retail), ==, GH_READY_LIMITED);
  g_assert_cmpint (gh_account_readiness_get_receive (retail), ==, GH_READY_LIMITED);

  /* The command line's text says it per account, above its rows. */
  {
    g_autofree char *text = gh_check_report_to_text (report);

    g_assert_nonnull (strstr (text, "\n" GH_DEMO_WABA2_NAME " — Ready to send: with limits · "
                                    "Ready to receive: no\n✗ Incoming messages — "));
  }

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_employee (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;

  report = check_token (fixture, GH_DEMO_TOKEN_EMPLOYEE, NULL);

  assert_status (report, "token.valid", GH_CHECK_STATUS_OK);
  assert_status (report, "token.kind", GH_CHECK_STATUS_OK);
  assert_status (report, "permission.business_management", GH_CHECK_STATUS_WARNING);
  assert_status (report, "accounts.found", GH_CHECK_STATUS_OK);
  assert_status (report, "account." GH_DEMO_WABA_ID ".reachable", GH_CHECK_STATUS_OK);
  /* Granted in the token dialog, not assigned: found through target_ids, refused, and only
   * mentioned, since nobody chose it. */
  assert_status (report, "account." GH_DEMO_WABA2_ID ".reachable", GH_CHECK_STATUS_WARNING);
  assert_fix_step (report, "account." GH_DEMO_WABA2_ID ".reachable", GH_GUIDE_STEP_ASSIGN_WABA);
  g_assert_null (strstr (gh_check_item_get_title (find_item (
    report, "account." GH_DEMO_WABA2_ID ".reachable")), GH_DEMO_WABA2_ID));
  assert_status (report, "token.admin", GH_CHECK_STATUS_WARNING);
  g_assert_cmpint (gh_check_report_get_is_admin (report), !=, 1);
  g_assert_cmpstr (gh_check_report_get_user_id (report), ==, GH_DEMO_EMPLOYEE_USER_ID);

  /* Its tasks here (Develop, Messaging) do not let it register: no Register button, a page
   * to open instead; and no readiness for the account it cannot read. */
  g_assert_cmpint (gh_check_item_get_fix_kind (find_item (
    report, "phone." GH_DEMO_PHONE_PENDING_ID ".ready")), ==, GH_CHECK_FIX_LINK);
  g_assert_null (gh_check_report_find_readiness (report, GH_DEMO_WABA2_ID));
  g_assert_null (gh_check_report_find_item (report,
                                            "account." GH_DEMO_WABA2_ID ".webhooks"));

  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==,
                   "This token works, but the integration is not ready yet.");

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_sixty_day (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;
  GhCheckItem *expiry;

  report = check_token (fixture, GH_DEMO_TOKEN_SIXTY_DAY, NULL);

  assert_status (report, "token.kind", GH_CHECK_STATUS_OK);
  /* A 60-day token with 45 days to go: a date, and a promise to remind. */
  assert_status (report, "token.expiry", GH_CHECK_STATUS_OK);
  expiry = gh_check_report_find_item (report, "token.expiry");
  g_assert_nonnull (strstr (gh_check_item_get_description (expiry), "(45 days)"));
  g_assert_nonnull (strstr (gh_check_item_get_description (expiry),
                            "Gatehouse will remind you."));
  g_assert_true (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_user_24h (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;

  report = check_token (fixture, GH_DEMO_TOKEN_USER_24H, NULL);

  assert_status (report, "token.valid", GH_CHECK_STATUS_OK);
  assert_status (report, "token.kind", GH_CHECK_STATUS_ERROR);
  assert_fix_step (report, "token.kind", GH_GUIDE_STEP_SYSTEM_USER);
  assert_status (report, "token.expiry", GH_CHECK_STATUS_ERROR);
  assert_fix_step (report, "token.expiry", GH_GUIDE_STEP_GENERATE_TOKEN);
  /* me/assigned_… refuses personal tokens; the account is still found through target_ids */
  assert_status (report, "account." GH_DEMO_WABA_ID ".reachable", GH_CHECK_STATUS_OK);
  g_assert_false (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==, "This token can’t be used yet.");

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_no_messaging (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;

  report = check_token (fixture, GH_DEMO_TOKEN_NO_MESSAGING, NULL);

  assert_status (report, "permission.whatsapp_business_management", GH_CHECK_STATUS_OK);
  assert_status (report, "permission.whatsapp_business_messaging", GH_CHECK_STATUS_ERROR);
  assert_fix_step (report, "permission.whatsapp_business_messaging", GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_status (report, "accounts.found", GH_CHECK_STATUS_OK);
  g_assert_false (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_invalid_token (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GhCheckReport) report = NULL;

  report = check_token (fixture, "EAAGhNotADemoTokenAtAllQq1Ww2Ee3Rr4Tt5Yy6Uu7Ii8Oo9Pp0", saved);

  /* A rejected token ends the check after the first round trip. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  assert_status (report, "token.valid", GH_CHECK_STATUS_ERROR);
  assert_fix_step (report, "token.valid", GH_GUIDE_STEP_GENERATE_TOKEN);
  g_assert_false (gh_check_report_get_passed (report));
  g_assert_cmpuint (gh_check_report_get_wabas (report)->len, ==, 0);
  g_assert_false (gh_saved_connection_get_last_check_ok (saved));
  g_assert_cmpint (gh_saved_connection_get_last_checked (saved), >, 0);

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_debug_token_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;

  /* What Meta's reference says can happen: debug_token wants an app token. */
  gh_demo_server_set_error (fixture->server, "debug_token", 400, 100, 0, 0);
  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN, NULL);

  g_assert_null (gh_check_report_get_token_info (report));
  assert_status (report, "token.valid", GH_CHECK_STATUS_OK);
  assert_status (report, "token.kind", GH_CHECK_STATUS_WARNING);
  assert_status (report, "accounts.found", GH_CHECK_STATUS_OK);
  assert_status (report, "account." GH_DEMO_WABA_ID ".reachable", GH_CHECK_STATUS_OK);
  g_assert_cmpstr (gh_check_report_get_user_id (report), ==, GH_DEMO_ADMIN_USER_ID);
  g_assert_true (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_network_failure (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);

  gh_demo_server_set_fault (fixture->server, "/", GH_DEMO_FAULT_NOT_JSON, 1);
  report = run_check (connection, NULL, &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_null (report);
  g_assert_null (strstr (error->message, GH_DEMO_TOKEN_ADMIN));
  g_assert_null (gh_connection_get_report (connection));
  g_clear_error (&error);

  /* The check only reads, and reads survive a dropped connection: drop every attempt. */
  gh_demo_server_set_fault (fixture->server, "/", GH_DEMO_FAULT_DROP, 3);
  report = run_check (connection, NULL, &error);
  g_assert_nonnull (error);
  g_assert_true (error->domain == GH_GRAPH_ERROR);
  g_assert_null (report);
  g_clear_error (&error);

  /* Once the server answers again, the check works. */
  report = run_check (connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&connection));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  gh_demo_server_set_latency (fixture->server, 200);
  g_cancellable_cancel (cancellable);
  report = run_check (connection, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);

  g_assert_finalize_object (g_steal_pointer (&connection));
}

static void
test_load_waba (Fixture       *fixture,
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
test_load_waba_refused (Fixture       *fixture,
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
test_load_waba_full (Fixture       *fixture,
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
test_load_waba_partner (Fixture       *fixture,
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
test_load_waba_employee (Fixture       *fixture,
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
  report = run_check (connection, NULL, &error);
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
test_load_waba_unreadable (Fixture       *fixture,
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
test_load_account (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GhAccountReadiness) readiness = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhWaba *waba;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  report = run_check (connection, NULL, &error);
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

/* The business comes late: the account list is refused and the saved connection knows its
 * account but not its business.  The role is still read in the same two round trips, by a
 * dependent operation chained to the account's owner. */
static void
test_business_found_late (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GhCheckReport) report = NULL;

  gh_saved_connection_set_waba_id (saved, GH_DEMO_WABA_ID);
  gh_demo_server_set_error (fixture->server, "me/assigned_whatsapp_business_accounts", 403,
                            10, 0, 0);

  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN, saved);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpint (gh_check_report_get_is_admin (report), ==, 1);
  assert_status (report, "token.admin", GH_CHECK_STATUS_OK);
  assert_status (report, "account." GH_DEMO_WABA_ID ".reachable", GH_CHECK_STATUS_OK);
  g_assert_cmpstr (gh_saved_connection_get_business_id (saved), ==, GH_DEMO_BUSINESS_ID);

  g_assert_finalize_object (g_steal_pointer (&report));
}

/* When the role truly cannot be read, it is unknown: not "no", and editing stays on. */
static void
test_role_unknown (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;

  gh_demo_server_set_error (fixture->server, GH_DEMO_BUSINESS_ID "/system_users", 403, 200,
                            0, 0);
  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN, NULL);

  g_assert_cmpint (gh_check_report_get_is_admin (report), ==, -1);
  g_assert_true (gh_check_report_get_can_edit (report));
  assert_status (report, "token.admin", GH_CHECK_STATUS_WARNING);
  g_assert_nonnull (strstr (gh_check_item_get_title (find_item (report, "token.admin")),
                            "unknown"));
  g_assert_nonnull (strstr (gh_check_item_get_description (find_item (report, "token.admin")),
                            "stays on"));

  g_assert_finalize_object (g_steal_pointer (&report));
}

/* Meta answers an operation that took too long with null: it is asked again, once, and the
 * check still only reads. */
static void
test_null_items_retried (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);

  /* In the second round trip: one more request, for that item only. */
  gh_demo_server_reset_counts (fixture->server);
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA2_ID "/subscribed_apps", 504, 2, 0, 1);
  report = run_check (connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);
  assert_status (report, "account." GH_DEMO_WABA2_ID ".webhooks", GH_CHECK_STATUS_ERROR);
  g_assert_cmpint (gh_account_readiness_get_subscribed (gh_check_report_find_readiness (
    report, GH_DEMO_WABA2_ID)), ==, 0);
  g_clear_object (&report);

  /* In the first: debug_token is asked again before going on. */
  gh_demo_server_reset_counts (fixture->server);
  gh_demo_server_set_error (fixture->server, "debug_token", 504, 2, 0, 1);
  report = run_check (connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  g_assert_nonnull (gh_check_report_get_token_info (report));
  assert_status (report, "token.kind", GH_CHECK_STATUS_OK);
  g_clear_object (&report);

  /* Twice null: not asked a third time; the item says it could not be read. */
  gh_demo_server_reset_counts (fixture->server);
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/subscribed_apps", 504, 2, 0, 2);
  report = run_check (connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  assert_status (report, "account." GH_DEMO_WABA_ID ".webhooks", GH_CHECK_STATUS_WARNING);
  g_assert_cmpint (gh_account_readiness_get_subscribed (gh_check_report_find_readiness (
    report, GH_DEMO_WABA_ID)), ==, -1);

  g_assert_finalize_object (g_steal_pointer (&connection));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_saved_property (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  guint notified = 0;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  /* The connection's client is its own, and holds the token. */
  g_assert_true (gh_graph_client_has_token (gh_connection_get_client (connection)));
  g_assert_null (gh_connection_get_saved (connection));

  g_signal_connect (connection, "notify::saved", G_CALLBACK (count_notify_cb), &notified);
  gh_connection_set_saved (connection, saved);
  gh_connection_set_saved (connection, saved);
  g_assert_true (gh_connection_get_saved (connection) == saved);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&connection));
  g_assert_finalize_object (g_steal_pointer (&saved));
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/connection/check/admin", test_admin);
  add_test ("/connection/check/admin-readiness", test_admin_readiness);
  add_test ("/connection/check/employee", test_employee);
  add_test ("/connection/check/sixty-day", test_sixty_day);
  add_test ("/connection/check/user-24h", test_user_24h);
  add_test ("/connection/check/no-messaging", test_no_messaging);
  add_test ("/connection/check/invalid-token", test_invalid_token);
  add_test ("/connection/check/debug-token-refused", test_debug_token_refused);
  add_test ("/connection/check/business-found-late", test_business_found_late);
  add_test ("/connection/check/role-unknown", test_role_unknown);
  add_test ("/connection/check/null-items-retried", test_null_items_retried);
  add_test ("/connection/check/network-failure", test_network_failure);
  add_test ("/connection/check/cancelled", test_cancelled);
  add_test ("/connection/load-waba/details", test_load_waba);
  add_test ("/connection/load-waba/refused", test_load_waba_refused);
  add_test ("/connection/load-waba/full", test_load_waba_full);
  add_test ("/connection/load-waba/partner", test_load_waba_partner);
  add_test ("/connection/load-waba/employee", test_load_waba_employee);
  add_test ("/connection/load-waba/unreadable", test_load_waba_unreadable);
  add_test ("/connection/load-account", test_load_account);
  add_test ("/connection/saved-property", test_saved_property);

  return g_test_run ();
}
