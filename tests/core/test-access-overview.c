/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-access-overview"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gh-access-overview.h"
#include "gh-test-util.h"

/* Who has access to what across saved connections, against the demo server: what it
 * finds, and what it costs in calls to Meta. */

#define ANNA_ID     "1972385232742142"
#define HANNAH_ID   "1972385232445140"
#define REVOKED     "EAAGhThisTokenWasRevokedLongAgoAndNoLongerWorksAtAllQx81"

typedef struct
{
  GhDemoServer *server;
  GSettings    *settings;
  GhTokenStore *store;
  GhSession    *session;
} Fixture;

static char *data_home;

static void
save (Fixture    *fixture,
      const char *id,
      const char *label,
      const char *token)
{
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new_with_id (id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_saved_connection_set_label (saved, label);
  gh_saved_connection_set_business_id (saved, GH_DEMO_BUSINESS_ID);
  gh_saved_connection_set_waba_id (saved, GH_DEMO_WABA_ID);
  gh_token_store_save_async (fixture->store, saved, token, NULL, gh_test_keep_result_cb,
                             &result);
  g_assert_true (gh_token_store_save_finish (fixture->store, gh_test_wait_result (&result),
                                             &error));
}

/* Listing the connections the first time checks each of them quietly: that is done before
 * anything is counted. */
static gboolean
all_rechecked (gpointer data)
{
  GListModel *connections = gh_session_get_connections (data);

  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(GhSavedConnection) saved = g_list_model_get_item (connections, i);

      if (gh_saved_connection_get_last_checked (saved) == 0)
        return FALSE;
    }

  return TRUE;
}

static void
reload (Fixture  *fixture,
        gboolean  wait_for_checks)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_session_reload_async (fixture->session, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_reload_finish (fixture->session, gh_test_wait_result (&result),
                                           &error));
  while (wait_for_checks && !all_rechecked (fixture->session))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->server = gh_test_demo_server_new ();
  fixture->settings = g_settings_new (APP_ID);
  fixture->store = gh_token_store_new_in_memory ();
  save (fixture, "conn-admin", "Lucky Shrub admin", GH_DEMO_TOKEN_ADMIN);
  save (fixture, "conn-helpdesk", "Helpdesk", GH_DEMO_TOKEN_EMPLOYEE);
  fixture->session = gh_session_new (fixture->settings, fixture->store,
                                     gh_demo_server_get_url (fixture->server));
  reload (fixture, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_assert_finalize_object (fixture->server);

  /* Each test starts without a record. */
  remove_tree (data_home);
  g_mkdir_with_parents (data_home, 0700);
}

/* @counted: every call asked for reached Meta (a batch refused for its token does not). */
static GhAccessOverview *
load (Fixture  *fixture,
      gboolean  counted)
{
  GhAccessOverview *overview = gh_access_overview_new (fixture->session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_demo_server_reset_counts (fixture->server);
  gh_access_overview_load_async (overview, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_access_overview_load_finish (overview, gh_test_wait_result (&result),
                                                 &error));
  g_assert_no_error (error);
  /* What the overview counts is what Meta saw. */
  if (counted)
    g_assert_cmpuint (gh_access_overview_get_n_calls (overview), ==,
                      gh_demo_server_get_operation_count (fixture->server));
  g_assert_cmpuint (gh_access_overview_get_n_requests (overview), ==,
                    gh_demo_server_get_request_count (fixture->server));
  return overview;
}

static GhAccessPerson *
find_person (GhAccessOverview *overview,
             const char       *id)
{
  GListModel *people = gh_access_overview_get_people (overview);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GhAccessPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (gh_access_person_get_id (person), id) == 0)
        return person;
    }

  return NULL;
}

static GhAccessAccount *
find_account (GhAccessOverview *overview,
              const char       *id)
{
  GListModel *accounts = gh_access_overview_get_accounts (overview);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GhAccessAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (gh_access_account_get_id (account), id) == 0)
        return account;
    }

  return NULL;
}

static void
test_across_connections (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GhAccessOverview) overview = load (fixture, TRUE);
  g_autoptr(GhAccessOverview) again = NULL;
  GhAccessPerson *anna;
  GhAccessAccount *account;
  g_autofree char *state = NULL;
  g_autofree char *csv = NULL;

  /* Each account once, however many connections reach it. */
  g_assert_cmpuint (g_list_model_get_n_items (gh_access_overview_get_accounts (overview)), ==,
                    2);
  g_assert_cmpuint (gh_access_overview_get_problems (overview)->len, ==, 0);
  /* Per connection: its system user and the accounts it is assigned to, with the first
   * page of the one it was saved with; the admin's second account, found then, costs one
   * more batch.  6 calls in 3 requests. */
  g_assert_cmpuint (gh_access_overview_get_n_calls (overview), ==, 6);
  g_assert_cmpuint (gh_access_overview_get_n_requests (overview), ==, 3);

  anna = find_person (overview, ANNA_ID);
  g_assert_nonnull (anna);
  g_assert_cmpstr (gh_access_person_get_name (anna), ==, "Anna Flex");
  g_assert_cmpuint (gh_access_person_get_n_accounts (anna), ==, 2);
  g_assert_cmpstr (gh_access_person_get_tasks (anna, 0), ==, "MANAGE");
  g_assert_nonnull (strstr (gh_access_person_get_summary (anna), "Lucky Shrub: Full control"));
  g_assert_nonnull (strstr (gh_access_person_get_summary (anna),
                            "Lucky Shrub Wholesale: Full control"));
  g_assert_nonnull (strstr (gh_access_person_get_search_key (anna), "anna flex"));

  account = find_account (overview, GH_DEMO_WABA2_ID);
  g_assert_cmpint (gh_access_account_get_state (account), ==, GH_ACCESS_ACCOUNT_READ);
  g_assert_cmpstr (gh_access_account_get_name (account), ==, GH_DEMO_WABA2_NAME);
  g_assert_cmpstr (gh_access_account_get_business_id (account), ==, GH_DEMO_BUSINESS_ID);
  g_assert_nonnull (gh_access_account_get_first_page (account));
  g_assert_nonnull (gh_access_account_get_client (account));
  state = gh_access_account_describe_state (account);
  g_assert_cmpstr (state, ==, "All 5 people read");

  csv = gh_access_overview_to_csv (overview);
  g_assert_true (g_str_has_prefix (csv, "name,id,type,connection,account,account_id,tasks,"
                                        "list\r\n"));
  g_assert_nonnull (strstr (csv, "Hannah Müller," HANNAH_ID ",BUSINESS_USER,"
                                 "Lucky Shrub admin,Lucky Shrub Wholesale," GH_DEMO_WABA2_ID
                                 ",MESSAGING VIEW_TEMPLATES,complete\r\n"));

  /* The record now knows both accounts of the admin connection: one batch each. */
  again = load (fixture, TRUE);
  g_assert_cmpuint (gh_access_overview_get_n_calls (again), ==, 6);
  g_assert_cmpuint (gh_access_overview_get_n_requests (again), ==, 2);
}

/* An account with more people than a page holds says it was only partly read, and no more
 * pages are asked for. */
static void
test_partly_read (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GhAccessOverview) overview = NULL;
  GhAccessAccount *account;
  g_autofree char *state = NULL;
  g_autofree char *csv = NULL;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA2_ID, 250);
  overview = load (fixture, TRUE);
  g_assert_cmpuint (gh_access_overview_get_n_calls (overview), ==, 6);

  account = find_account (overview, GH_DEMO_WABA2_ID);
  g_assert_cmpint (gh_access_account_get_state (account), ==, GH_ACCESS_ACCOUNT_PARTIAL);
  state = gh_access_account_describe_state (account);
  g_assert_cmpstr (state, ==, "Only the first 100 of 250 people read");
  csv = gh_access_overview_to_csv (overview);
  g_assert_nonnull (strstr (csv, "," GH_DEMO_WABA2_ID ",MANAGE,partial\r\n"));
}

/* A connection whose token no longer works is named, and the others are read. */
static void
test_connection_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GhAccessOverview) overview = NULL;
  GPtrArray *problems;

  save (fixture, "conn-old", "Old connector", REVOKED);
  /* A connection saved later is not checked again at once: nothing is counted meanwhile. */
  reload (fixture, FALSE);

  overview = load (fixture, FALSE);
  problems = gh_access_overview_get_problems (overview);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0),
                                   "“Old connector” could not be read: "));
  g_assert_cmpuint (g_list_model_get_n_items (gh_access_overview_get_accounts (overview)), ==,
                    2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A record of this run's own, before anything reads where the data directory is. */
  data_home = g_dir_make_tmp ("gh-overview-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/access-overview/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("across-connections", test_across_connections);
  ADD ("partly-read", test_partly_read);
  ADD ("connection-fails", test_connection_fails);
#undef ADD

  status = g_test_run ();
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
