/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-test"

#include "config.h"

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
