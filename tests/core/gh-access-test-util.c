/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gh-access-test-util.h"

static char *data_home;

void
gh_access_test_save (GhAccessFixture *fixture,
                     const char      *id,
                     const char      *label,
                     const char      *token)
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

void
gh_access_test_reload (GhAccessFixture *fixture,
                       gboolean         wait_for_checks)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  gh_session_reload_async (fixture->session, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_session_reload_finish (fixture->session, gh_test_wait_result (&result),
                                           &error));
  while (wait_for_checks && !all_rechecked (fixture->session))
    g_main_context_iteration (NULL, TRUE);
}

void
gh_access_fixture_set_up (GhAccessFixture *fixture,
                          gconstpointer    data)
{
  fixture->server = gh_test_demo_server_new ();
  fixture->settings = g_settings_new (APP_ID);
  fixture->store = gh_token_store_new_in_memory ();
  gh_access_test_save (fixture, "conn-admin", "Lucky Shrub admin", GH_DEMO_TOKEN_ADMIN);
  gh_access_test_save (fixture, "conn-helpdesk", "Helpdesk", GH_DEMO_TOKEN_EMPLOYEE);
  fixture->session = gh_session_new (fixture->settings, fixture->store,
                                     gh_demo_server_get_url (fixture->server));
  gh_access_test_reload (fixture, TRUE);
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

void
gh_access_fixture_tear_down (GhAccessFixture *fixture,
                             gconstpointer    data)
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

GhAccessOverview *
gh_access_test_load (GhAccessFixture *fixture,
                     gboolean         counted)
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

void
gh_access_test_init (const char *name)
{
  g_autofree char *template = g_strdup_printf ("gh-%s-XXXXXX", name);

  data_home = g_dir_make_tmp (template, NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
}

void
gh_access_test_finish (void)
{
  remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}
