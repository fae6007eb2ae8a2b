/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-test-util.h"

GhDemoServer *
gh_test_demo_server_new (void)
{
  g_autoptr(GError) error = NULL;
  GhDemoServer *server = gh_demo_server_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (server);
  return server;
}

GhGraphClient *
gh_test_client_new (GhDemoServer *server,
                    const char   *token)
{
  g_autoptr(GError) error = NULL;
  GhGraphClient *client;

  client = gh_graph_client_new (gh_demo_server_get_url (server), NULL, &error);
  g_assert_no_error (error);
  if (token != NULL)
    gh_graph_client_set_token (client, token);
  return client;
}

GhConnection *
gh_test_connection_new (GhDemoServer      *server,
                        const char        *token,
                        GhSavedConnection *saved)
{
  g_autoptr(GError) error = NULL;
  GhConnection *connection;

  connection = gh_connection_new (gh_demo_server_get_url (server), NULL, token, saved, &error);
  g_assert_no_error (error);
  return connection;
}

void
gh_demo_fixture_set_up (GhDemoFixture *fixture,
                        gconstpointer  data)
{
  fixture->server = gh_test_demo_server_new ();
}

void
gh_demo_fixture_tear_down (GhDemoFixture *fixture,
                           gconstpointer  data)
{
  /* Not one request of any test may carry the token in its URL. */
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&fixture->server));
}

void
gh_test_keep_result_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
gh_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

GhCheckReport *
gh_test_run_check (GhConnection  *connection,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_connection_check_async (connection, cancellable, gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);

  return gh_connection_check_finish (connection, result, error);
}
