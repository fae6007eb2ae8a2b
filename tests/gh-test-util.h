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

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult* @user_data points to. */
void           gh_test_keep_result_cb       (GObject           *object,
                                             GAsyncResult      *result,
                                             gpointer           user_data);
/* Spins the default main context until *@slot holds a result, and returns it (owned by
 * the slot). */
GAsyncResult  *gh_test_wait_result          (GAsyncResult     **slot);

G_END_DECLS
