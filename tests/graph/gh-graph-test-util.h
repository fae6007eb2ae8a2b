/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libsoup/soup.h>

#include "gh-graph-client.h"

G_BEGIN_DECLS

/* What the Graph client's tests share: waiting for an answer on the main context and a
 * server of their own on loopback. */

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
/* Makes @server listen on 127.0.0.1, on a port of its choosing, and returns its URL
 * ("http://127.0.0.1:PORT"). */
char                *gh_graph_test_listen        (SoupServer          *server);

G_END_DECLS
