/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-rotation"

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "gh-access-check.h"
#include "gh-graph-error.h"
#include "gh-rotation.h"
#include "gh-secret.h"
#include "gh-session.h"
#include "gh-test-graph.h"
#include "gh-test-util.h"

/* Replacing a saved token with a new one: the comparison of old and new on its own, then the
 * whole replacement through the session against another Graph server than the demo, with
 * libsecret's file backend. */

#define DAY (24 * 60 * 60)
#define WABA1_ID "102290129340398"
#define WABA2_ID "104996122399160"
#define META_APP_ID "634974688087057"
#define USER_ID "104169029248311"
#define ALL_SCOPES "whatsapp_business_management,whatsapp_business_messaging,business_management"

#define OLD_TOKEN   "EAAGhRotaOldSixtyDayTokenEndsInFiveDaysQw3Er5Ty7Ui9Op1As3Df5Gh7Jk9"
#define NEW_TOKEN   "EAAGhRotaNewSixtyDayTokenEndsInSixtyDaysZx2Cv4Bn6Mq8Wp0Oe2Ri4Tu6Yi8"
#define OTHER_TOKEN "EAAGhRotaTokenOfAnotherSystemUserLk1Jh3Gf5Ds7Aq9Wz1Xs3Cd5Vf7Bg9Nh1"

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GhTokenInfo *
token_info_new (const char *user_id,
                const char *app_id,
                gint64      expires_at,
                const char *scopes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_strsplit (scopes, ",", -1);
  g_autofree char *quoted = NULL;
  g_autofree char *json = NULL;
  GhTokenInfo *info;

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *item = g_strdup_printf ("\"%s\"", names[i]);

      g_free (names[i]);
      names[i] = item;
    }
  quoted = g_strjoinv (",", names);
  json = g_strdup_printf ("{\"data\": {\"app_id\": \"%s\", \"type\": \"SYSTEM_USER\","
                          " \"application\": \"Lucky Shrub Helpdesk\", \"expires_at\": %"
                          G_GINT64_FORMAT ", \"is_valid\": true, \"issued_at\": %"
                          G_GINT64_FORMAT ", \"scopes\": [%s], \"user_id\": \"%s\"}}",
                          app_id, expires_at, now (), quoted, user_id);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  info = gh_token_info_parse (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return info;
}

static GhCheckWaba *
readable_waba_new (const char *id,
                   const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"%s\"}", id, name);

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  waba = gh_waba_parse (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return gh_check_waba_new (id, waba, NULL);
}

/* A report of a token of @user_id for @app_id ending at @expires_at with @scopes, that
 * reads the accounts in @waba_ids (NULL-terminated). */
static GhCheckReport *
report_new (const char         *user_id,
            const char         *app_id,
            gint64              expires_at,
            const char         *scopes,
            const char * const *waba_ids)
{
  g_autoptr(GhTokenInfo) info = token_info_new (user_id, app_id, expires_at, scopes);
  g_autoptr(GPtrArray) wabas = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; waba_ids[i] != NULL; i++)
    g_ptr_array_add (wabas, readable_waba_new (waba_ids[i],
                                               g_str_equal (waba_ids[i], WABA1_ID)
                                               ? "Lucky Shrub" : "Lucky Shrub Wholesale"));

  return gh_access_check_evaluate (info, NULL, user_id, "Inventory Sync", wabas, 1);
}

static const char * const both_wabas[] = { WABA1_ID, WABA2_ID, NULL };
static const char * const first_waba[] = { WABA1_ID, NULL };

/* What a connection saved from a check of @report records. */
static GhSavedConnection *
saved_from (GhCheckReport *report)
{
  GhSavedConnection *saved = gh_saved_connection_new ();

  gh_saved_connection_set_label (saved, "Inventory");
  gh_saved_connection_set_system_user_name (saved, gh_check_report_get_user_name (report));
  gh_saved_connection_set_waba_id (saved, WABA1_ID);
  gh_saved_connection_set_last_check (saved, now () - DAY, TRUE);
  gh_saved_connection_set_scopes (saved, ALL_SCOPES);
  gh_saved_connection_set_expires_at (saved,
                                      gh_token_info_get_expires_at (
                                        gh_check_report_get_token_info (report)));
  gh_rotation_record (saved, report);
  return saved;
}

static GhRotationVerdict
verdict_of (GhRotation       *rotation,
            GhRotationAspect  aspect)
{
  GhRotationItem *item = gh_rotation_find_item (rotation, aspect);

  g_assert_nonnull (item);
  g_assert_nonnull (gh_rotation_item_get_sentence (item));
  g_assert_nonnull (gh_rotation_item_get_before (item));
  g_assert_nonnull (gh_rotation_item_get_after (item));
  return gh_rotation_item_get_verdict (item);
}

static void
test_record (void)
{
  g_autoptr(GhCheckReport) report = report_new (USER_ID, META_APP_ID, now () + 5 * DAY,
                                                ALL_SCOPES, both_wabas);
  g_autoptr(GhCheckReport) refused = NULL;
  g_autoptr(GhSavedConnection) saved = saved_from (report);
  g_autoptr(GhSavedConnection) copy = NULL;
  g_autoptr(GError) error = gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_TOKEN,
                                                        "Error validating access token");

  g_assert_cmpstr (gh_saved_connection_get_system_user_id (saved), ==, USER_ID);
  g_assert_cmpstr (gh_saved_connection_get_app_id (saved), ==, META_APP_ID);
  g_assert_cmpstr (gh_saved_connection_get_app_name (saved), ==, "Lucky Shrub Helpdesk");
  g_assert_cmpstr (gh_saved_connection_get_account_ids (saved), ==, WABA1_ID "," WABA2_ID);

  copy = gh_saved_connection_copy (saved);
  g_assert_cmpstr (gh_saved_connection_get_account_ids (copy), ==, WABA1_ID "," WABA2_ID);
  g_assert_cmpstr (gh_saved_connection_get_app_id (copy), ==, META_APP_ID);

  /* A refused token cannot say who it is: what was recorded stays. */
  refused = gh_access_check_evaluate (NULL, error, NULL, NULL, NULL, -1);
  gh_rotation_record (saved, refused);
  g_assert_cmpstr (gh_saved_connection_get_system_user_id (saved), ==, USER_ID);
  g_assert_cmpstr (gh_saved_connection_get_account_ids (saved), ==, WABA1_ID "," WABA2_ID);
}

static void
test_same_with_later_end (void)
{
  g_autoptr(GhCheckReport) old_report = report_new (USER_ID, META_APP_ID, now () + 5 * DAY,
                                                    ALL_SCOPES, both_wabas);
  g_autoptr(GhCheckReport) new_report = report_new (USER_ID, META_APP_ID, now () + 60 * DAY,
                                                    ALL_SCOPES, both_wabas);
  g_autoptr(GhSavedConnection) saved = saved_from (old_report);
  g_autoptr(GhRotation) rotation = gh_rotation_compare (saved, new_report, now ());

  g_assert_true (gh_rotation_get_can_replace (rotation));
  g_assert_true (gh_rotation_get_safe (rotation));
  g_assert_cmpuint (gh_rotation_get_items (rotation)->len, ==, 6);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_TOKEN), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_SYSTEM_USER), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_APP), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_ACCOUNTS), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_PERMISSIONS), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_END_DATE), ==, GH_ROTATION_BETTER);
  g_assert_cmpstr (gh_rotation_item_get_before (gh_rotation_find_item (
                     rotation, GH_ROTATION_ASPECT_ACCOUNTS)), ==,
                   "Lucky Shrub, Lucky Shrub Wholesale");
  g_assert_nonnull (strstr (gh_rotation_get_summary (rotation), "Inventory"));
}

static void
test_differences (void)
{
  g_autoptr(GhCheckReport) old_report = report_new (USER_ID, META_APP_ID, now () + 5 * DAY,
                                                    ALL_SCOPES, both_wabas);
  g_autoptr(GhSavedConnection) saved = saved_from (old_report);
  g_autoptr(GhCheckReport) other_user = report_new ("104169029247128", META_APP_ID,
                                                    now () + 60 * DAY, ALL_SCOPES, both_wabas);
  g_autoptr(GhCheckReport) other_app = report_new (USER_ID, "429318775640139",
                                                   now () + 60 * DAY, ALL_SCOPES, both_wabas);
  g_autoptr(GhCheckReport) fewer = report_new (USER_ID, META_APP_ID, now () + 60 * DAY,
                                               "whatsapp_business_management", first_waba);
  g_autoptr(GhCheckReport) same_end = report_new (USER_ID, META_APP_ID,
                                                  gh_saved_connection_get_expires_at (saved),
                                                  ALL_SCOPES, both_wabas);
  g_autoptr(GhRotation) rotation = NULL;
  GhRotationItem *item;

  rotation = gh_rotation_compare (saved, other_user, now ());
  g_assert_true (gh_rotation_get_can_replace (rotation));
  g_assert_false (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_SYSTEM_USER), ==,
                   GH_ROTATION_CHANGED);
  g_clear_object (&rotation);

  rotation = gh_rotation_compare (saved, other_app, now ());
  g_assert_false (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_APP), ==, GH_ROTATION_CHANGED);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_SYSTEM_USER), ==, GH_ROTATION_SAME);
  g_clear_object (&rotation);

  /* An account and two permissions lost: each named. */
  rotation = gh_rotation_compare (saved, fewer, now ());
  g_assert_false (gh_rotation_get_safe (rotation));
  item = gh_rotation_find_item (rotation, GH_ROTATION_ASPECT_ACCOUNTS);
  g_assert_cmpint (gh_rotation_item_get_verdict (item), ==, GH_ROTATION_LOST);
  g_assert_nonnull (strstr (gh_rotation_item_get_sentence (item), WABA2_ID));
  item = gh_rotation_find_item (rotation, GH_ROTATION_ASPECT_PERMISSIONS);
  g_assert_cmpint (gh_rotation_item_get_verdict (item), ==, GH_ROTATION_LOST);
  g_assert_nonnull (strstr (gh_rotation_item_get_sentence (item),
                            "whatsapp_business_messaging"));
  g_assert_nonnull (strstr (gh_rotation_item_get_sentence (item), "business_management"));
  g_clear_object (&rotation);

  /* The old token pasted again ends no later. */
  rotation = gh_rotation_compare (saved, same_end, now ());
  g_assert_false (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_END_DATE), ==, GH_ROTATION_CHANGED);
}

static void
test_never_and_unknown (void)
{
  g_autoptr(GhCheckReport) never = report_new (USER_ID, META_APP_ID, 0, ALL_SCOPES,
                                               both_wabas);
  g_autoptr(GhCheckReport) sixty = report_new (USER_ID, META_APP_ID, now () + 60 * DAY,
                                               ALL_SCOPES, both_wabas);
  g_autoptr(GhSavedConnection) saved_never = saved_from (never);
  g_autoptr(GhSavedConnection) saved_sixty = saved_from (sixty);
  g_autoptr(GhSavedConnection) older = gh_saved_connection_new ();
  g_autoptr(GhRotation) rotation = NULL;

  /* From 60 days to Never: better, nothing to replace again. */
  rotation = gh_rotation_compare (saved_sixty, never, now ());
  g_assert_true (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_END_DATE), ==, GH_ROTATION_BETTER);
  g_clear_object (&rotation);

  /* From Never to 60 days: allowed, but said. */
  rotation = gh_rotation_compare (saved_never, sixty, now ());
  g_assert_false (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_END_DATE), ==, GH_ROTATION_CHANGED);
  g_clear_object (&rotation);

  /* Saved by an older version, with only the name and the account it was saved with. */
  gh_saved_connection_set_label (older, "Older");
  gh_saved_connection_set_system_user_name (older, "Inventory Sync");
  gh_saved_connection_set_waba_id (older, WABA1_ID);
  rotation = gh_rotation_compare (older, sixty, now ());
  g_assert_true (gh_rotation_get_can_replace (rotation));
  g_assert_true (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_SYSTEM_USER), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_APP), ==, GH_ROTATION_UNKNOWN);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_ACCOUNTS), ==, GH_ROTATION_BETTER);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_PERMISSIONS), ==,
                   GH_ROTATION_UNKNOWN);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_END_DATE), ==, GH_ROTATION_UNKNOWN);
}

static void
test_refused (void)
{
  g_autoptr(GhCheckReport) old_report = report_new (USER_ID, META_APP_ID, now () + 5 * DAY,
                                                    ALL_SCOPES, both_wabas);
  g_autoptr(GhSavedConnection) saved = saved_from (old_report);
  g_autoptr(GError) error = gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_TOKEN,
                                                        "Error validating access token");
  g_autoptr(GhCheckReport) refused = gh_access_check_evaluate (NULL, error, NULL, NULL, NULL,
                                                               -1);
  g_autoptr(GhRotation) rotation = gh_rotation_compare (saved, refused, now ());

  g_assert_false (gh_rotation_get_can_replace (rotation));
  g_assert_false (gh_rotation_get_safe (rotation));
  g_assert_cmpuint (gh_rotation_get_items (rotation)->len, ==, 1);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_TOKEN), ==, GH_ROTATION_BROKEN);
}

/* Through the session, against another Graph server */

typedef struct
{
  char         *dir;
  char         *path;
  GhTestGraph  *graph;
  GSettings    *settings;
  GhTokenStore *store;
  GhSession    *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("gh-rotation-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "keyring", NULL);
  g_setenv ("SECRET_FILE_TEST_PATH", fixture->path, TRUE);
  secret_service_disconnect ();

  fixture->graph = gh_test_graph_new ();
  gh_test_graph_add_token (fixture->graph, OLD_TOKEN, NULL, now () + 5 * DAY);
  gh_test_graph_add_token (fixture->graph, NEW_TOKEN, NULL, now () + 60 * DAY);
  gh_test_graph_add_token (fixture->graph, OTHER_TOKEN, "600000000000002", now () + 60 * DAY);
  fixture->settings = g_settings_new (APP_ID);
  fixture->store = gh_token_store_new ();
  fixture->session = gh_session_new (fixture->settings, fixture->store,
                                     gh_test_graph_get_url (fixture->graph));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->graph, gh_test_graph_free);

  secret_service_disconnect ();
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
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

static GhCheckReport *
check_token (Fixture    *fixture,
             const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GhCheckReport *report;

  gh_session_check_token_async (fixture->session, token, NULL, gh_test_keep_result_cb, &result);
  report = gh_session_open_finish (fixture->session, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return report;
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

static void
recheck (Fixture    *fixture,
         const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_session_recheck_async (fixture->session, id, NULL, gh_test_keep_result_cb, &result);
  gh_session_recheck_finish (fixture->session, gh_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);
}

/* A pasted token saved as a new connection, then replaced: the comparison, then one token in
 * the keyring under the same id and name, with the new end date. */
static void
test_session_end_to_end (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GhRotation) rotation = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_auto(GhSecretString) token = NULL;
  GhSavedConnection *saved;
  guint requests;

  /* Saved by an older version, which recorded neither ids nor accounts. */
  saved = gh_saved_connection_new ();
  gh_saved_connection_set_label (saved, "Bakery bot");
  id = g_strdup (gh_saved_connection_get_id (saved));
  gh_token_store_save_async (fixture->store, saved, OLD_TOKEN, NULL, gh_test_keep_result_cb,
                             &result);
  g_assert_true (gh_token_store_save_finish (fixture->store, gh_test_wait_result (&result),
                                             &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_object_unref (saved);

  /* A check records who the token is, never the token. */
  gh_session_reload_async (fixture->session, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_reload_finish (fixture->session, gh_test_wait_result (&result),
                                           &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  recheck (fixture, id);
  saved = gh_session_find_connection (fixture->session, id);
  g_assert_cmpstr (gh_saved_connection_get_system_user_id (saved), ==, GH_TEST_GRAPH_USER_ID);
  g_assert_cmpstr (gh_saved_connection_get_app_id (saved), ==, GH_TEST_GRAPH_APP_ID);
  g_assert_cmpstr (gh_saved_connection_get_app_name (saved), ==, GH_TEST_GRAPH_APP_NAME);
  g_assert_cmpstr (gh_saved_connection_get_account_ids (saved), ==, GH_TEST_GRAPH_WABA_ID);
  g_assert_cmpint (gh_saved_connection_get_expires_at (saved), >, now () + 4 * DAY);
  g_assert_cmpint (gh_saved_connection_get_expires_at (saved), <, now () + 6 * DAY);
  g_assert_nonnull (gh_session_find_finding (fixture->session, id));

  /* Another system user's token is compared and said to differ. */
  gh_session_set_replacing_id (fixture->session, id);
  report = check_token (fixture, OTHER_TOKEN);
  rotation = gh_session_compare_rotation (fixture->session);
  g_assert_nonnull (rotation);
  g_assert_false (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_SYSTEM_USER), ==,
                   GH_ROTATION_CHANGED);
  g_assert_cmpstr (gh_rotation_item_get_before (gh_rotation_find_item (
                     rotation, GH_ROTATION_ASPECT_SYSTEM_USER)), ==, GH_TEST_GRAPH_USER_NAME);
  g_assert_cmpstr (gh_rotation_item_get_after (gh_rotation_find_item (
                     rotation, GH_ROTATION_ASPECT_SYSTEM_USER)), ==, "Someone Else");
  /* Until it is saved, the saved connection is as it was. */
  saved = gh_session_find_connection (fixture->session, id);
  g_assert_cmpstr (gh_saved_connection_get_system_user_name (saved), ==,
                   GH_TEST_GRAPH_USER_NAME);
  g_clear_object (&rotation);
  g_clear_object (&report);

  /* The real replacement: at most two round trips, same everything, a later end. */
  requests = gh_test_graph_get_requests (fixture->graph);
  report = check_token (fixture, NEW_TOKEN);
  g_assert_cmpuint (gh_test_graph_get_requests (fixture->graph) - requests, <=, 2);
  g_assert_cmpint (gh_session_get_origin (fixture->session), ==, GH_SESSION_ORIGIN_REPLACING);
  rotation = gh_session_compare_rotation (fixture->session);
  g_assert_true (gh_rotation_get_can_replace (rotation));
  g_assert_true (gh_rotation_get_safe (rotation));
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_SYSTEM_USER), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_APP), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_ACCOUNTS), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_PERMISSIONS), ==, GH_ROTATION_SAME);
  g_assert_cmpint (verdict_of (rotation, GH_ROTATION_ASPECT_END_DATE), ==, GH_ROTATION_BETTER);
  save (fixture);
  g_assert_null (gh_session_find_finding (fixture->session, id));

  listed = list_direct (fixture);
  g_assert_cmpuint (listed->len, ==, 1);
  saved = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (gh_saved_connection_get_id (saved), ==, id);
  g_assert_cmpstr (gh_saved_connection_get_label (saved), ==, "Bakery bot");
  g_assert_cmpint (gh_saved_connection_get_expires_at (saved), >, now () + 59 * DAY);
  g_assert_cmpstr (gh_saved_connection_get_account_ids (saved), ==, GH_TEST_GRAPH_WABA_ID);

  gh_token_store_load_async (fixture->store, id, NULL, gh_test_keep_result_cb, &result);
  token = gh_token_store_load_finish (fixture->store, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, NEW_TOKEN);
}

/* A revoked token cannot replace anything. */
static void
test_session_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GhRotation) rotation = NULL;
  GhSavedConnection *saved;

  report = check_token (fixture, OLD_TOKEN);
  save (fixture);
  saved = gh_connection_get_saved (gh_session_get_connection (fixture->session));
  /* Saving records who the token is too. */
  g_assert_cmpstr (gh_saved_connection_get_system_user_id (saved), ==, GH_TEST_GRAPH_USER_ID);
  g_assert_cmpstr (gh_saved_connection_get_account_ids (saved), ==, GH_TEST_GRAPH_WABA_ID);
  gh_session_set_replacing_id (fixture->session, gh_saved_connection_get_id (saved));
  g_clear_object (&report);

  gh_test_graph_revoke (fixture->graph, NEW_TOKEN);
  report = check_token (fixture, NEW_TOKEN);
  rotation = gh_session_compare_rotation (fixture->session);
  g_assert_nonnull (rotation);
  g_assert_false (gh_rotation_get_can_replace (rotation));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rotation/record", test_record);
  g_test_add_func ("/rotation/same-with-later-end", test_same_with_later_end);
  g_test_add_func ("/rotation/differences", test_differences);
  g_test_add_func ("/rotation/never-and-unknown", test_never_and_unknown);
  g_test_add_func ("/rotation/refused", test_refused);
  g_test_add ("/rotation/session-end-to-end", Fixture, NULL, fixture_set_up,
              test_session_end_to_end, fixture_tear_down);
  g_test_add ("/rotation/session-refused", Fixture, NULL, fixture_set_up,
              test_session_refused, fixture_tear_down);

  return g_test_run ();
}
