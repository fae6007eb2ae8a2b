/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libsoup/soup.h>

#include "gh-demo-server.h"
#include "gh-graph-client.h"

G_BEGIN_DECLS

/* What the Graph client's tests share: waiting for an answer on the main context, a server
 * of their own on loopback, and the demo server with a client for it. */

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult* @user_data points to. */
void                 gh_graph_test_result_cb     (GObject             *source,
                                                  GAsyncResult        *result,
                                                  gpointer             user_data);
/* Spins the default main context until *@slot holds a result, and hands it over. */
GAsyncResult        *gh_graph_test_wait          (GAsyncResult       **slot);
/* @method on @path, waited for. */
JsonNode            *gh_graph_test_request       (GhGraphClient       *client,
                                                  const char          *method,
                                                  const char          *path,
                                                  GError             **error);
/* A GET of @path with @params (nullable), waited for. */
JsonNode            *gh_graph_test_get           (GhGraphClient       *client,
                                                  const char          *path,
                                                  const char * const  *params,
                                                  GError             **error);
GhGraphBatchRequest *gh_graph_test_batch_get     (const char          *relative_url);

/* A port on 127.0.0.1 that nothing listens on. */
guint16              gh_graph_test_closed_port   (void);
/* Makes @server listen on 127.0.0.1, on a port of its choosing, and returns its URL
 * ("http://127.0.0.1:PORT"). */
char                *gh_graph_test_listen        (SoupServer          *server);

/* The assigned users gh_graph_client_get_pages_async() handed over, page by page. */
typedef struct
{
  guint      pages;
  gint64     last_total;
  GPtrArray *users;
} GhPageLog;

/* A GhGraphPageFunc filling the GhPageLog @user_data points to. */
void                 gh_graph_test_page_cb       (JsonArray           *items,
                                                  gint64               total,
                                                  gpointer             user_data);

/* The demo server and a client with its admin token, whose retries wait milliseconds. */
typedef struct
{
  GhDemoServer  *server;
  GhGraphClient *client;
} GhClientFixture;

void                 gh_client_fixture_set_up    (GhClientFixture     *fixture,
                                                  gconstpointer        data);
/* Also checks that the token never travelled in a URL. */
void                 gh_client_fixture_tear_down (GhClientFixture     *fixture,
                                                  gconstpointer        data);
#define GH_CLIENT_TEST_ADD(path, func) \
  g_test_add ((path), GhClientFixture, NULL, gh_client_fixture_set_up, (func), \
              gh_client_fixture_tear_down)

G_END_DECLS
