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

/* A connection's check of its token against the demo server: what the report says for each
 * kind of token, in how many round trips, and when Meta answers badly or not at all. */

/* Checks @token against the demo server and asserts the round-trip budget. */
static GhCheckReport *
check_token (GhDemoFixture     *fixture,
             const char        *token,
             GhSavedConnection *saved)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  GhCheckReport *report;

  connection = gh_test_connection_new (fixture->server, token, saved);
  g_assert_null (gh_connection_get_report (connection));

  gh_demo_server_reset_counts (fixture->server);
  report = gh_test_run_check (connection, NULL, &error);
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
test_admin (GhDemoFixture *fixture,
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
test_admin_readiness (GhDemoFixture *fixture,
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
test_employee (GhDemoFixture *fixture,
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
test_sixty_day (GhDemoFixture *fixture,
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
test_user_24h (GhDemoFixture *fixture,
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
test_no_messaging (GhDemoFixture *fixture,
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
test_invalid_token (GhDemoFixture *fixture,
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
test_debug_token_refused (GhDemoFixture *fixture,
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
test_network_failure (GhDemoFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);

  gh_demo_server_set_fault (fixture->server, "/", GH_DEMO_FAULT_NOT_JSON, 1);
  report = gh_test_run_check (connection, NULL, &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_null (report);
  g_assert_null (strstr (error->message, GH_DEMO_TOKEN_ADMIN));
  g_assert_null (gh_connection_get_report (connection));
  g_clear_error (&error);

  /* The check only reads, and reads survive a dropped connection: drop every attempt. */
  gh_demo_server_set_fault (fixture->server, "/", GH_DEMO_FAULT_DROP, 3);
  report = gh_test_run_check (connection, NULL, &error);
  g_assert_nonnull (error);
  g_assert_true (error->domain == GH_GRAPH_ERROR);
  g_assert_null (report);
  g_clear_error (&error);

  /* Once the server answers again, the check works. */
  report = gh_test_run_check (connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&connection));
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_cancelled (GhDemoFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  gh_demo_server_set_latency (fixture->server, 200);
  g_cancellable_cancel (cancellable);
  report = gh_test_run_check (connection, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);

  g_assert_finalize_object (g_steal_pointer (&connection));
}

/* The business comes late: the account list is refused and the saved connection knows its
 * account but not its business.  The role is still read in two round trips: the account,
 * read in the first, names its owner. */
static void
test_business_found_late (GhDemoFixture *fixture,
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

/* A saved connection whose account and business are as it saved them: the whole check, the
 * role and the account's readiness included, in one round trip, asking nothing twice. */
static void
test_saved_one_round_trip (GhDemoFixture *fixture,
                           gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GhCheckReport) fresh = NULL;

  /* As the last check left it: the chosen account, the business, every account reached. */
  gh_saved_connection_set_waba_id (saved, GH_DEMO_WABA_ID);
  gh_saved_connection_set_business_id (saved, GH_DEMO_BUSINESS_ID);
  gh_saved_connection_set_account_ids (saved, GH_DEMO_WABA_ID "," GH_DEMO_WABA2_ID);
  gh_demo_server_reset_counts (fixture->server);
  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN, saved);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpint (gh_check_report_get_is_admin (report), ==, 1);
  assert_status (report, "account." GH_DEMO_WABA_ID ".reachable", GH_CHECK_STATUS_OK);

  /* The same findings as a check that knew nothing beforehand. */
  fresh = check_token (fixture, GH_DEMO_TOKEN_ADMIN, NULL);
  g_assert_cmpint (gh_check_report_get_verdict (report), ==,
                   gh_check_report_get_verdict (fresh));
  g_assert_cmpuint (g_list_model_get_n_items (gh_check_report_get_items (report)), ==,
                    g_list_model_get_n_items (gh_check_report_get_items (fresh)));

  /* An account it no longer knows is still read, in a second round trip. */
  g_clear_object (&report);
  gh_saved_connection_set_account_ids (saved, GH_DEMO_WABA_ID);
  gh_demo_server_reset_counts (fixture->server);
  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN, saved);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gh_check_report_get_items (report)), ==,
                    g_list_model_get_n_items (gh_check_report_get_items (fresh)));

  g_assert_finalize_object (g_steal_pointer (&report));
}

/* When the role truly cannot be read, it is unknown: not "no", and editing stays on. */
static void
test_role_unknown (GhDemoFixture *fixture,
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
test_null_items_retried (GhDemoFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);

  /* In the second round trip: one more request, for that item only. */
  gh_demo_server_reset_counts (fixture->server);
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA2_ID "/subscribed_apps", 504, 2, 0, 1);
  report = gh_test_run_check (connection, NULL, &error);
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
  report = gh_test_run_check (connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 3);
  g_assert_nonnull (gh_check_report_get_token_info (report));
  assert_status (report, "token.kind", GH_CHECK_STATUS_OK);
  g_clear_object (&report);

  /* Twice null: not asked a third time; the item says it could not be read. */
  gh_demo_server_reset_counts (fixture->server);
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID "/subscribed_apps", 504, 2, 0, 2);
  report = gh_test_run_check (connection, NULL, &error);
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
test_saved_property (GhDemoFixture *fixture,
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_DEMO_TEST_ADD ("/connection/check/admin", test_admin);
  GH_DEMO_TEST_ADD ("/connection/check/admin-readiness", test_admin_readiness);
  GH_DEMO_TEST_ADD ("/connection/check/employee", test_employee);
  GH_DEMO_TEST_ADD ("/connection/check/sixty-day", test_sixty_day);
  GH_DEMO_TEST_ADD ("/connection/check/user-24h", test_user_24h);
  GH_DEMO_TEST_ADD ("/connection/check/no-messaging", test_no_messaging);
  GH_DEMO_TEST_ADD ("/connection/check/invalid-token", test_invalid_token);
  GH_DEMO_TEST_ADD ("/connection/check/debug-token-refused", test_debug_token_refused);
  GH_DEMO_TEST_ADD ("/connection/check/business-found-late", test_business_found_late);
  GH_DEMO_TEST_ADD ("/connection/check/saved-one-round-trip", test_saved_one_round_trip);
  GH_DEMO_TEST_ADD ("/connection/check/role-unknown", test_role_unknown);
  GH_DEMO_TEST_ADD ("/connection/check/null-items-retried", test_null_items_retried);
  GH_DEMO_TEST_ADD ("/connection/check/network-failure", test_network_failure);
  GH_DEMO_TEST_ADD ("/connection/check/cancelled", test_cancelled);
  GH_DEMO_TEST_ADD ("/connection/saved-property", test_saved_property);

  return g_test_run ();
}
