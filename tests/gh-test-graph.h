/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Another Graph server than the demo: just enough of Meta's batch API on 127.0.0.1 for a
 * token check, with tokens whose end dates a test chooses.  One business, one app and one
 * WhatsApp Business Account; every token belongs to the same system user unless said. */
typedef struct _GhTestGraph GhTestGraph;

#define GH_TEST_GRAPH_APP_ID      "700000000000001"
#define GH_TEST_GRAPH_APP_NAME    "Rota Helpdesk"
#define GH_TEST_GRAPH_BUSINESS_ID "900000000000001"
#define GH_TEST_GRAPH_WABA_ID     "800000000000001"
#define GH_TEST_GRAPH_WABA_NAME   "Rota Bakery Support"
#define GH_TEST_GRAPH_USER_ID     "600000000000001"
#define GH_TEST_GRAPH_USER_NAME   "Rota Integration"

GhTestGraph *gh_test_graph_new            (void);
void         gh_test_graph_free           (GhTestGraph *self);
/* "http://127.0.0.1:PORT" */
const char  *gh_test_graph_get_url        (GhTestGraph *self);
/* A token of the system user @user_id (NULL: GH_TEST_GRAPH_USER_ID) that ends at
 * @expires_at (Unix seconds, 0: never), with the three usual permissions. */
void         gh_test_graph_add_token      (GhTestGraph *self,
                                           const char  *token,
                                           const char  *user_id,
                                           gint64       expires_at);
/* From now on Meta refuses @token (190, as after a revocation). */
void         gh_test_graph_revoke         (GhTestGraph *self,
                                           const char  *token);
/* HTTP requests served (a batch is one). */
guint        gh_test_graph_get_requests   (GhTestGraph *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhTestGraph, gh_test_graph_free)

G_END_DECLS
