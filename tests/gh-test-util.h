/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-graph-client.h"

G_BEGIN_DECLS

/* What every test against the demo server needs: the server on loopback, a client or a
 * connection for it, and a way to wait for an asynchronous answer on the main context. */

/* A demo server on 127.0.0.1 (asserts that it started). */
GhDemoServer  *gh_test_demo_server_new      (void);
/* A client for @server, sending @token (nullable). */
GhGraphClient *gh_test_client_new           (GhDemoServer      *server,
                                             const char        *token);
/* A connection for @server with @token and @saved (nullable). */
GhConnection  *gh_test_connection_new       (GhDemoServer      *server,
                                             const char        *token,
                                             GhSavedConnection *saved);

/* A demo server for one test; at the end, no request may have carried the token in its
 * URL. */
typedef struct
{
  GhDemoServer *server;
} GhDemoFixture;

void           gh_demo_fixture_set_up       (GhDemoFixture     *fixture,
                                             gconstpointer      data);
void           gh_demo_fixture_tear_down    (GhDemoFixture     *fixture,
                                             gconstpointer      data);
#define GH_DEMO_TEST_ADD(path, func) \
  g_test_add ((path), GhDemoFixture, NULL, gh_demo_fixture_set_up, (func), \
              gh_demo_fixture_tear_down)

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult* @user_data points to. */
void           gh_test_keep_result_cb       (GObject           *object,
                                             GAsyncResult      *result,
                                             gpointer           user_data);
/* Spins the default main context until *@slot holds a result, and returns it (owned by
 * the slot). */
GAsyncResult  *gh_test_wait_result          (GAsyncResult     **slot);

/* Runs @connection's check and waits for its report. */
GhCheckReport *gh_test_run_check            (GhConnection      *connection,
                                             GCancellable      *cancellable,
                                             GError           **error);

G_END_DECLS
