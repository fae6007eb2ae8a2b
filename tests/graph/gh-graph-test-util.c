/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-test"

#include "config.h"

#include "gh-assigned-user.h"
#include "gh-graph-client-private.h"
#include "gh-graph-test-util.h"

void
gh_graph_test_result_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

GAsyncResult *
gh_graph_test_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (slot);
}

JsonNode *
gh_graph_test_request (GhGraphClient  *client,
                       const char     *method,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  gh_graph_client_request_async (client, method, path, NULL, NULL, gh_graph_test_result_cb,
                                 &slot);
  result = gh_graph_test_wait (&slot);

  return gh_graph_client_request_finish (client, result, error);
}

JsonNode *
gh_graph_test_get (GhGraphClient       *client,
                   const char          *path,
                   const char * const  *params,
                   GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  gh_graph_client_get_async (client, path, params, NULL, gh_graph_test_result_cb, &slot);
  result = gh_graph_test_wait (&slot);

  return gh_graph_client_get_finish (client, result, error);
}

GhGraphBatchRequest *
gh_graph_test_batch_get (const char *relative_url)
{
  return gh_graph_batch_request_new ("GET", relative_url);
}

guint16
gh_graph_test_closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  return port;
}

char *
gh_graph_test_listen (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *listeners;

  soup_server_listen (server, address, 0, &error);
  g_assert_no_error (error);

  /* soup_server_get_uris() leaks an address in libsoup 3.2: ask the socket instead. */
  listeners = soup_server_get_listeners (server);
  g_assert_nonnull (listeners);
  local = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);

  return g_strdup_printf ("http://127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
}

void
gh_graph_test_page_cb (JsonArray *items,
                       gint64     total,
                       gpointer   user_data)
{
  GhPageLog *log = user_data;
  g_autoptr(GPtrArray) users = gh_assigned_user_parse_array (items);

  log->pages++;
  log->last_total = total;
  g_ptr_array_extend_and_steal (log->users, g_steal_pointer (&users));
}

void
gh_client_fixture_set_up (GhClientFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->server);

  fixture->client = gh_graph_client_new (gh_demo_server_get_url (fixture->server), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->client);
  gh_graph_client_set_token (fixture->client, GH_DEMO_TOKEN_ADMIN);
  /* Retries wait milliseconds here, not seconds. */
  _gh_graph_client_set_timing (fixture->client, 10000, 1, 1);
}

void
gh_client_fixture_tear_down (GhClientFixture *fixture,
                             gconstpointer    data)
{
  /* Whatever a test did, the token never travelled in a URL. */
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);

  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->server);
}
