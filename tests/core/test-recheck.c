/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-recheck"

#include "config.h"

#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-test-util.h"
#include "gh-recheck.h"

/* The quiet re-check at launch: real checks against the demo server, recorded into a saved
 * connection, then checked again after something changed on Meta's side. */

#define DAY (24 * 60 * 60)

typedef struct
{
  GhDemoServer  *server;
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
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&fixture->server));
}

static GhCheckReport *
check (Fixture    *fixture,
       const char *token)
{
  g_autoptr(GhConnection) connection = gh_test_connection_new (fixture->server, token, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhCheckReport *report;

  gh_connection_check_async (connection, NULL, gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);
  report = gh_connection_check_finish (connection, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A connection saved after a passing check with @token. */
static GhSavedConnection *
saved_after_check (Fixture    *fixture,
                   const char *token,
                   gint64      now)
{
  g_autoptr(GhCheckReport) report = check (fixture, token);
  GhSavedConnection *saved = gh_saved_connection_new ();

  gh_saved_connection_set_label (saved, "Lucky Shrub");
  gh_recheck_record (saved, report, now);
  return saved;
}

static void
test_unchanged (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GhSavedConnection) saved = saved_after_check (fixture, GH_DEMO_TOKEN_ADMIN, now);
  g_autoptr(GhCheckReport) report = check (fixture, GH_DEMO_TOKEN_ADMIN);
  g_autofree char *message = NULL;

  g_assert_cmpint (gh_saved_connection_get_last_checked (saved), ==, now);
  g_assert_true (gh_saved_connection_get_last_check_ok (saved));
  g_assert_true (gh_saved_connection_had_scope (saved, "whatsapp_business_messaging"));
  g_assert_true (gh_saved_connection_had_scope (saved, "business_management"));
  g_assert_false (gh_saved_connection_had_scope (saved, "whatsapp"));
  g_assert_cmpint (gh_saved_connection_get_expires_at (saved), ==, 0);
  g_assert_cmpstr (gh_saved_connection_get_system_user_name (saved), ==,
                   GH_DEMO_ADMIN_USER_NAME);

  g_assert_cmpint (gh_recheck_compare (saved, report, now + 300 * DAY, &message), ==,
                   GH_RECHECK_NONE);
  g_assert_null (message);
}

static void
test_revoked (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GhSavedConnection) saved = saved_after_check (fixture, GH_DEMO_TOKEN_ADMIN, now);
  g_autoptr(GhCheckReport) report = NULL;
  g_autofree char *message = NULL;

  /* Revoked in Business Suite: every call with it now answers 190. */
  gh_demo_server_set_error (fixture->server, "", 400, 190, 0, 0);
  report = check (fixture, GH_DEMO_TOKEN_ADMIN);

  g_assert_cmpint (gh_recheck_compare (saved, report, now, &message), ==,
                   GH_RECHECK_TOKEN_REJECTED);
  g_assert_nonnull (g_strstr_len (message, -1, "“Lucky Shrub”"));
  g_assert_true (gh_recheck_needs_new_token (GH_RECHECK_TOKEN_REJECTED));

  /* What the token had is kept: once replaced, a lost permission still shows. */
  gh_recheck_record (saved, report, now + 1);
  g_assert_false (gh_saved_connection_get_last_check_ok (saved));
  g_assert_true (gh_saved_connection_had_scope (saved, "whatsapp_business_messaging"));
}

static void
test_permission_lost (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GhSavedConnection) saved = saved_after_check (fixture, GH_DEMO_TOKEN_ADMIN, now);
  g_autoptr(GhCheckReport) report = check (fixture, GH_DEMO_TOKEN_NO_MESSAGING);
  g_autofree char *message = NULL;

  g_assert_cmpint (gh_recheck_compare (saved, report, now, &message), ==,
                   GH_RECHECK_PERMISSION_LOST);
  g_assert_true (gh_recheck_needs_new_token (GH_RECHECK_PERMISSION_LOST));
  g_assert_nonnull (g_strstr_len (message, -1, "whatsapp_business_messaging"));

  /* Without a record of what it had, the same report is only "needs attention". */
  g_clear_pointer (&message, g_free);
  gh_saved_connection_set_scopes (saved, NULL);
  g_assert_cmpint (gh_recheck_compare (saved, report, now, &message), ==,
                   GH_RECHECK_FAILING);
  g_assert_nonnull (message);
}

static void
test_expires_soon (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GhSavedConnection) saved = saved_after_check (fixture, GH_DEMO_TOKEN_SIXTY_DAY, now);
  g_autoptr(GhCheckReport) report = check (fixture, GH_DEMO_TOKEN_SIXTY_DAY);
  gint64 expires_at = gh_saved_connection_get_expires_at (saved);
  g_autofree char *message = NULL;

  /* The demo's 60-day token has 45 days left: quiet today, loud 14 days before the end. */
  g_assert_cmpint (expires_at, >, now + 40 * DAY);
  g_assert_cmpint (gh_recheck_compare (saved, report, now, NULL), ==, GH_RECHECK_NONE);
  g_assert_cmpint (gh_recheck_compare (saved, report, expires_at - 15 * DAY, NULL), ==,
                   GH_RECHECK_NONE);
  g_assert_cmpint (gh_recheck_compare (saved, report, expires_at - 13 * DAY, &message), ==,
                   GH_RECHECK_EXPIRES_SOON);
  g_assert_nonnull (g_strstr_len (message, -1, "13"));
}

static void
test_access_lost (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GhSavedConnection) saved = saved_after_check (fixture, GH_DEMO_TOKEN_ADMIN, now);
  g_autoptr(GhCheckReport) report = NULL;
  g_autofree char *message = NULL;

  /* Unassigned from every account: discovery finds nothing it can read. */
  gh_demo_server_set_error (fixture->server, "me/assigned_whatsapp_business_accounts",
                            403, 200, 0, 0);
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA_ID, 403, 200, 0, 0);
  gh_demo_server_set_error (fixture->server, GH_DEMO_WABA2_ID, 403, 200, 0, 0);
  report = check (fixture, GH_DEMO_TOKEN_ADMIN);

  g_assert_cmpint (gh_recheck_compare (saved, report, now, &message), ==,
                   GH_RECHECK_ACCESS_LOST);
  g_assert_false (gh_recheck_needs_new_token (GH_RECHECK_ACCESS_LOST));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recheck/unchanged", Fixture, NULL, fixture_set_up, test_unchanged,
              fixture_tear_down);
  g_test_add ("/recheck/revoked", Fixture, NULL, fixture_set_up, test_revoked,
              fixture_tear_down);
  g_test_add ("/recheck/permission-lost", Fixture, NULL, fixture_set_up, test_permission_lost,
              fixture_tear_down);
  g_test_add ("/recheck/expires-soon", Fixture, NULL, fixture_set_up, test_expires_soon,
              fixture_tear_down);
  g_test_add ("/recheck/access-lost", Fixture, NULL, fixture_set_up, test_access_lost,
              fixture_tear_down);

  return g_test_run ();
}
