/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-access-overview"

#include "config.h"

#include <string.h>

#include "gh-access-overview.h"
#include "gh-access-test-util.h"

/* Who has access to what across saved connections, against the demo server: what it
 * finds, and what it costs in calls to Meta. */

#define ANNA_ID     "1972385232742142"
#define HANNAH_ID   "1972385232445140"
#define REVOKED     "EAAGhThisTokenWasRevokedLongAgoAndNoLongerWorksAtAllQx81"

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
test_across_connections (GhAccessFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GhAccessOverview) overview = gh_access_test_load (fixture, TRUE);
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
  again = gh_access_test_load (fixture, TRUE);
  g_assert_cmpuint (gh_access_overview_get_n_calls (again), ==, 6);
  g_assert_cmpuint (gh_access_overview_get_n_requests (again), ==, 2);
}

/* An account with more people than a page holds says it was only partly read, and no more
 * pages are asked for. */
static void
test_partly_read (GhAccessFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GhAccessOverview) overview = NULL;
  GhAccessAccount *account;
  g_autofree char *state = NULL;
  g_autofree char *csv = NULL;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA2_ID, 250);
  overview = gh_access_test_load (fixture, TRUE);
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
test_connection_fails (GhAccessFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(GhAccessOverview) overview = NULL;
  GPtrArray *problems;

  gh_access_test_save (fixture, "conn-old", "Old connector", REVOKED);
  /* A connection saved later is not checked again at once: nothing is counted meanwhile. */
  gh_access_test_reload (fixture, FALSE);

  overview = gh_access_test_load (fixture, FALSE);
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
  gh_access_test_init ("overview");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/access-overview/" path, GhAccessFixture, NULL, gh_access_fixture_set_up, func, \
              gh_access_fixture_tear_down)
  ADD ("across-connections", test_across_connections);
  ADD ("partly-read", test_partly_read);
  ADD ("connection-fails", test_connection_fails);
#undef ADD

  status = g_test_run ();
  gh_access_test_finish ();
  return status;
}
