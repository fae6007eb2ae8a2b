/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "gh-graph-error.h"
#include "gh-secret.h"
#include "gh-session.h"
#include "gh-test-util.h"
#include "gh-token-store-private.h"

/* The session against the demo server on loopback and libsecret's file backend: what a
 * window asks of it, without a window. */

#define REVOKED_TOKEN "EAAGhThisTokenWasRevokedLongAgoAndNoLongerWorksAtAllQx81"

typedef struct
{
  char         *dir;
  char         *path;
  GhDemoServer *server;
  GSettings    *settings;
  GhTokenStore *store;
  GhSession    *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gh-session-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "keyring", NULL);
  g_setenv ("SECRET_FILE_TEST_PATH", fixture->path, TRUE);
  /* libsecret caches its backend, and with it the file path */
  secret_service_disconnect ();

  fixture->server = gh_test_demo_server_new ();
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "selected-wabas");
  fixture->store = gh_token_store_new ();
  fixture->session = gh_session_new (fixture->settings, fixture->store,
                                     gh_demo_server_get_url (fixture->server));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  g_clear_object (&fixture->session);
  /* The session's last keyring updates may still be on their way. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->server);

  secret_service_disconnect ();
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
save_direct (Fixture           *fixture,
             GhSavedConnection *saved,
             const char        *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_token_store_save_async (fixture->store, saved, token, NULL, gh_test_keep_result_cb,
                             &result);
  g_assert_true (gh_token_store_save_finish (fixture->store, gh_test_wait_result (&result),
                                             &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_direct (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  gh_token_store_list_async (fixture->store, NULL, gh_test_keep_result_cb, &result);
  list = gh_token_store_list_finish (fixture->store, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return list;
}

static char *
load_direct (Fixture    *fixture,
             const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  gh_token_store_load_async (fixture->store, id, NULL, gh_test_keep_result_cb, &result);
  token = gh_token_store_load_finish (fixture->store, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return token;
}

static void
reload (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_session_reload_async (fixture->session, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_reload_finish (fixture->session, gh_test_wait_result (&result),
                                           &error));
  g_assert_no_error (error);
}

static GhCheckReport *
finish_open (Fixture       *fixture,
             GAsyncResult **result)
{
  g_autoptr(GError) error = NULL;
  GhCheckReport *report;

  report = gh_session_open_finish (fixture->session, gh_test_wait_result (result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static GhCheckReport *
check_token (Fixture    *fixture,
             const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_session_check_token_async (fixture->session, token, NULL, gh_test_keep_result_cb,
                                &result);
  return finish_open (fixture, &result);
}

static GhCheckReport *
open_saved (Fixture    *fixture,
            const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_session_open_async (fixture->session, id, NULL, gh_test_keep_result_cb, &result);
  return finish_open (fixture, &result);
}

static void
save (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_session_save_async (fixture->session, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_save_finish (fixture->session, gh_test_wait_result (&result),
                                         &error));
  g_assert_no_error (error);
}

static GhRecheckChange
recheck (Fixture     *fixture,
         const char  *id,
         char       **message)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhRecheckChange change;

  gh_session_recheck_async (fixture->session, id, NULL, gh_test_keep_result_cb, &result);
  change = gh_session_recheck_finish (fixture->session, gh_test_wait_result (&result), message,
                                      &error);
  g_assert_no_error (error);
  return change;
}

static GhSavedConnection *
saved_new (const char *label)
{
  GhSavedConnection *saved = gh_saved_connection_new ();

  gh_saved_connection_set_label (saved, label);
  gh_saved_connection_set_scopes (saved, "whatsapp_business_management,"
                                         "whatsapp_business_messaging");
  gh_saved_connection_set_last_check (saved, 1700000000, TRUE);
  return saved;
}

static gboolean
findings_reach (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (gh_session_get_findings (args[0]))
         >= GPOINTER_TO_UINT (args[1]);
}

static void
spin_until (gboolean (*condition) (gpointer),
            gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A pasted token is checked without being saved, then saved as a new connection whose
 * token is the one pasted, and whose name comes from what the check found. */
static void
test_check_then_save (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GhSavedConnection *saved;
  g_auto(GhSecretString) token = NULL;

  gh_demo_server_reset_counts (fixture->server);
  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpint (gh_session_get_origin (fixture->session), ==, GH_SESSION_ORIGIN_NEW);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), <=, 2);
  listed = list_direct (fixture);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  save (fixture);
  g_assert_cmpint (gh_session_get_origin (fixture->session), ==, GH_SESSION_ORIGIN_SAVED);
  g_assert_cmpuint (g_list_model_get_n_items (gh_session_get_connections (fixture->session)),
                    ==, 1);
  listed = list_direct (fixture);
  g_assert_cmpuint (listed->len, ==, 1);
  saved = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (gh_saved_connection_get_label (saved), ==, GH_DEMO_BUSINESS_NAME);
  g_assert_true (gh_saved_connection_get_last_check_ok (saved));
  token = load_direct (fixture, gh_saved_connection_get_id (saved));
  g_assert_cmpstr (token, ==, GH_DEMO_TOKEN_ADMIN);

  /* Saving twice is not possible: the session has nothing pasted left to save. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    gh_session_save_async (fixture->session, NULL, gh_test_keep_result_cb, &result);
    g_assert_false (gh_session_save_finish (fixture->session, gh_test_wait_result (&result),
                                            &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

/* A new token for a saved connection keeps its id and name; the keyring never holds two. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = saved_new ("Front desk bot");
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_auto(GhSecretString) token = NULL;
  const char *id = gh_saved_connection_get_id (saved);

  save_direct (fixture, saved, GH_DEMO_TOKEN_SIXTY_DAY);
  reload (fixture);

  gh_session_set_replacing_id (fixture->session, id);
  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN);
  g_assert_cmpint (gh_session_get_origin (fixture->session), ==, GH_SESSION_ORIGIN_REPLACING);
  save (fixture);
  g_assert_null (gh_session_get_replacing_id (fixture->session));

  listed = list_direct (fixture);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (gh_saved_connection_get_id (g_ptr_array_index (listed, 0)), ==, id);
  g_assert_cmpstr (gh_saved_connection_get_label (g_ptr_array_index (listed, 0)), ==,
                   "Front desk bot");
  token = load_direct (fixture, id);
  g_assert_cmpstr (token, ==, GH_DEMO_TOKEN_ADMIN);
}

/* Renaming changes the name in the list and in the keyring, and never reads the token. */
static void
test_rename_without_token (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = saved_new ("Old name");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GhSecretString) token = NULL;
  GhSavedConnection *item;
  guint reads;

  save_direct (fixture, saved, GH_DEMO_TOKEN_ADMIN);
  reload (fixture);
  reads = _gh_token_store_get_token_reads (fixture->store);

  gh_session_rename_async (fixture->session, gh_saved_connection_get_id (saved), "  New name ",
                           NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_rename_finish (fixture->session, gh_test_wait_result (&result),
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_gh_token_store_get_token_reads (fixture->store), ==, reads);

  item = gh_session_find_connection (fixture->session, gh_saved_connection_get_id (saved));
  g_assert_cmpstr (gh_saved_connection_get_label (item), ==, "New name");
  listed = list_direct (fixture);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (gh_saved_connection_get_label (g_ptr_array_index (listed, 0)), ==,
                   "New name");
  token = load_direct (fixture, gh_saved_connection_get_id (saved));
  g_assert_cmpstr (token, ==, GH_DEMO_TOKEN_ADMIN);

  /* A blank name is refused with a sentence, and nothing changes. */
  g_clear_object (&result);
  gh_session_rename_async (fixture->session, gh_saved_connection_get_id (saved), "   ", NULL,
                           gh_test_keep_result_cb, &result);
  g_assert_false (gh_session_rename_finish (fixture->session, gh_test_wait_result (&result),
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_forget (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = saved_new ("To forget");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  save_direct (fixture, saved, GH_DEMO_TOKEN_ADMIN);
  reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (gh_session_get_connections (fixture->session)),
                    ==, 1);

  gh_session_forget_async (fixture->session, gh_saved_connection_get_id (saved), NULL,
                           gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_forget_finish (fixture->session, gh_test_wait_result (&result),
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gh_session_get_connections (fixture->session)),
                    ==, 0);
  listed = list_direct (fixture);
  g_assert_cmpuint (listed->len, ==, 0);
}

/* Opening a saved connection checks it (≤ 2 round trips), records the result with it, and
 * remembers which account was shown. */
static void
test_open_records_and_remembers (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = saved_new ("Wholesale bot");
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GhCheckReport) again = NULL;
  GhSavedConnection *item;
  const char *id = gh_saved_connection_get_id (saved);

  save_direct (fixture, saved, GH_DEMO_TOKEN_ADMIN);

  /* Not listed yet (saved by someone else): opening reads the list first. */
  gh_demo_server_reset_counts (fixture->server);
  report = open_saved (fixture, id);
  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpint (gh_session_get_origin (fixture->session), ==, GH_SESSION_ORIGIN_SAVED);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), <=, 2);

  item = gh_session_find_connection (fixture->session, id);
  g_assert_cmpint (gh_saved_connection_get_last_checked (item), >, 1700000000);
  g_assert_cmpstr (gh_saved_connection_get_system_user_name (item), ==, "Gatehouse Integration");

  g_assert_cmpstr (gh_session_open_account (fixture->session), ==, GH_DEMO_WABA_ID);
  g_assert_cmpstr (gh_session_get_business_id (fixture->session), ==, GH_DEMO_BUSINESS_ID);
  gh_session_select_waba (fixture->session, GH_DEMO_WABA2_ID);

  gh_session_close (fixture->session);
  g_assert_null (gh_session_get_connection (fixture->session));
  g_assert_null (gh_session_get_waba_id (fixture->session));

  again = open_saved (fixture, id);
  g_assert_cmpstr (gh_session_open_account (fixture->session), ==, GH_DEMO_WABA2_ID);
}

/* The first listing checks every saved connection quietly; what changed for the worse
 * becomes a finding, and a connection that still works says nothing. */
static void
test_launch_recheck (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GhSavedConnection) good = saved_new ("Works");
  g_autoptr(GhSavedConnection) revoked = saved_new ("Revoked");
  g_autofree char *message = NULL;
  GhRecheckFinding *finding;

  save_direct (fixture, good, GH_DEMO_TOKEN_ADMIN);
  save_direct (fixture, revoked, REVOKED_TOKEN);

  gh_demo_server_reset_counts (fixture->server);
  reload (fixture);
  spin_until (findings_reach, (gpointer[]) { fixture->session, GUINT_TO_POINTER (1) });

  finding = gh_session_find_finding (fixture->session, gh_saved_connection_get_id (revoked));
  g_assert_nonnull (finding);
  g_assert_cmpint (gh_recheck_finding_get_change (finding), ==, GH_RECHECK_TOKEN_REJECTED);
  g_assert_nonnull (strstr (gh_recheck_finding_get_message (finding), "“Revoked”"));
  g_assert_null (gh_session_find_finding (fixture->session, gh_saved_connection_get_id (good)));

  /* Only once per session. */
  reload (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (gh_session_get_findings (fixture->session)), ==,
                    1);

  /* Check Now says what it found, and a good result clears nothing that is still true. */
  g_assert_cmpint (recheck (fixture, gh_saved_connection_get_id (good), &message), ==,
                   GH_RECHECK_NONE);
  g_assert_null (message);
  g_assert_cmpint (recheck (fixture, gh_saved_connection_get_id (revoked), &message), ==,
                   GH_RECHECK_TOKEN_REJECTED);
  g_assert_nonnull (message);

  /* Forgetting the connection takes its finding with it. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    gh_session_forget_async (fixture->session, gh_saved_connection_get_id (revoked), NULL,
                             gh_test_keep_result_cb, &result);
    g_assert_true (gh_session_forget_finish (fixture->session, gh_test_wait_result (&result),
                                             NULL));
    g_assert_cmpuint (g_list_model_get_n_items (gh_session_get_findings (fixture->session)),
                      ==, 0);
  }
}

static gboolean
requests_settled (gpointer data)
{
  GhDemoServer *server = data;
  guint before = gh_demo_server_get_request_count (server);

  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (50000);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  return gh_demo_server_get_request_count (server) == before;
}

/* A connection being opened is not also checked quietly: its own check is the one. */
static void
test_open_is_not_rechecked (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = saved_new ("Only one check");
  g_autoptr(GhCheckReport) report = NULL;

  save_direct (fixture, saved, GH_DEMO_TOKEN_ADMIN);
  gh_demo_server_reset_counts (fixture->server);

  /* Opened before the session ever listed: the listing it triggers starts the launch
   * re-check, which leaves this one alone. */
  report = open_saved (fixture, gh_saved_connection_get_id (saved));
  spin_until (requests_settled, fixture->server);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), <=, 2);
}

/* Without a keyring, the person can go on: connections then last for the session. */
static void
test_session_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;
  GhTokenStore *store;

  g_assert_false (gh_session_get_session_only (fixture->session));
  gh_session_use_session_store (fixture->session);
  g_assert_true (gh_session_get_session_only (fixture->session));
  store = gh_session_get_token_store (fixture->session);
  g_assert_true (store != fixture->store);
  g_assert_true (gh_token_store_is_in_memory (store));

  report = check_token (fixture, GH_DEMO_TOKEN_ADMIN);
  save (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (gh_session_get_connections (fixture->session)),
                    ==, 1);
}

/* The demo is never saved and never remembered. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GhSavedConnection) description = gh_saved_connection_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GVariant) remembered = NULL;

  gh_saved_connection_set_label (description, "Demo");
  gh_session_open_demo_async (fixture->session, gh_demo_server_get_url (fixture->server),
                              GH_DEMO_TOKEN_ADMIN, description, NULL, gh_test_keep_result_cb,
                              &result);
  report = finish_open (fixture, &result);
  g_assert_cmpint (gh_session_get_origin (fixture->session), ==, GH_SESSION_ORIGIN_DEMO);
  gh_session_select_waba (fixture->session, GH_DEMO_WABA2_ID);
  remembered = g_settings_get_value (fixture->settings, "selected-wabas");
  g_assert_cmpuint (g_variant_n_children (remembered), ==, 0);
}

/* Opening another connection stops the one before: its answer is not taken for the new. */
static void
test_open_cancels_previous (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  gh_demo_server_set_latency (fixture->server, 200);
  gh_session_check_token_async (fixture->session, REVOKED_TOKEN, NULL, gh_test_keep_result_cb,
                                &first);
  gh_session_check_token_async (fixture->session, GH_DEMO_TOKEN_ADMIN, NULL,
                                gh_test_keep_result_cb, &second);

  g_assert_null (gh_session_open_finish (fixture->session, gh_test_wait_result (&first),
                                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  report = finish_open (fixture, &second);
  g_assert_true (gh_check_report_get_passed (report));
  g_assert_true (gh_connection_get_report (gh_session_get_connection (fixture->session))
                 == report);
}

/* A saved connection opens on its account: the account's overview and its first page of
 * people come in the check's first round trip, so the whole open is the check's two. */
static void
test_open_reads_account_with_check (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GhSavedConnection) saved = saved_new ("Front desk");
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GhAccountReadiness) readiness = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  GhConnection *connection;

  gh_saved_connection_set_waba_id (saved, GH_DEMO_WABA_ID);
  gh_saved_connection_set_business_id (saved, GH_DEMO_BUSINESS_ID);
  save_direct (fixture, saved, GH_DEMO_TOKEN_ADMIN);
  reload (fixture);
  spin_until (requests_settled, fixture->server);

  gh_demo_server_reset_counts (fixture->server);
  report = open_saved (fixture, gh_saved_connection_get_id (saved));
  g_assert_cmpstr (gh_session_open_account (fixture->session), ==, GH_DEMO_WABA_ID);
  connection = gh_session_get_connection (fixture->session);

  gh_connection_load_account_async (connection, GH_DEMO_WABA_ID, NULL, gh_test_keep_result_cb,
                                    &result);
  readiness = gh_connection_load_account_finish (connection, gh_test_wait_result (&result),
                                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (readiness);
  page = gh_connection_take_people_page (connection, GH_DEMO_WABA_ID);
  g_assert_nonnull (page);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (page));
  g_assert_true (json_object_has_member (json_node_get_object (page), "data"));

  /* One request in all: the launch's quiet check recorded every account the token reaches,
   * so the whole check, the account and its people come in one round trip. */
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);

  /* Taken once: the next read of the account asks again. */
  g_clear_pointer (&page, json_node_unref);
  g_assert_null (gh_connection_take_people_page (connection, GH_DEMO_WABA_ID));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/session/check-then-save", test_check_then_save);
  ADD ("/session/replace", test_replace);
  ADD ("/session/rename-without-token", test_rename_without_token);
  ADD ("/session/forget", test_forget);
  ADD ("/session/open-records-and-remembers", test_open_records_and_remembers);
  ADD ("/session/launch-recheck", test_launch_recheck);
  ADD ("/session/open-is-not-rechecked", test_open_is_not_rechecked);
  ADD ("/session/session-store", test_session_store);
  ADD ("/session/demo", test_demo);
  ADD ("/session/open-cancels-previous", test_open_cancels_previous);
  ADD ("/session/open-reads-account-with-check", test_open_reads_account_with_check);

#undef ADD

  return g_test_run ();
}
