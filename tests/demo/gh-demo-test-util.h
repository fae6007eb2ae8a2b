/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "gh-demo-server.h"

G_BEGIN_DECLS

/* What the demo server tests share: a fresh server and a plain SoupSession per test, run on
 * the test's main context the way the Graph client will, and readers for Graph answers. */

#define GH_TEST_DAY (24 * 60 * 60)

typedef struct
{
  GhDemoServer *server;
  SoupSession  *session;
} GhTestFixture;

typedef struct
{
  guint     status;
  JsonNode *root;     /* NULL when the body was not JSON */
  char     *text;
  char     *content_type;
  char     *version;
  char     *usage;
  GError   *error;    /* transport error */
} GhTestReply;

void         gh_test_reply_free            (GhTestReply   *reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhTestReply, gh_test_reply_free)

void         gh_test_fixture_set_up        (GhTestFixture *fixture,
                                            gconstpointer  data);
void         gh_test_fixture_tear_down     (GhTestFixture *fixture,
                                            gconstpointer  data);

#define GH_TEST_ADD(path, func) \
  g_test_add (path, GhTestFixture, NULL, gh_test_fixture_set_up, func, \
              gh_test_fixture_tear_down)

/* @target: path and query after the server's URL, or an absolute URL.  @form, if given, is
 * sent form-encoded. */
GhTestReply *gh_test_fetch                 (GhTestFixture *fixture,
                                            const char    *method,
                                            const char    *target,
                                            const char    *token,
                                            const char    *form);
GhTestReply *gh_test_get                   (GhTestFixture *fixture,
                                            const char    *target,
                                            const char    *token);

/* The answer as an object (asserting it is one), its "data" (asserting a 200), and the parts
 * of a Graph error (gh_test_reply_error_code checks the error object is complete). */
JsonObject  *gh_test_reply_object          (GhTestReply   *reply);
JsonArray   *gh_test_reply_data            (GhTestReply   *reply);
gint64       gh_test_reply_error_code      (GhTestReply   *reply);
const char  *gh_test_reply_error_message   (GhTestReply   *reply);
gint64       gh_test_reply_error_subcode   (GhTestReply   *reply);

gboolean     gh_test_has_string            (JsonArray     *array,
                                            const char    *value);
JsonObject  *gh_test_find_by_id            (JsonArray     *data,
                                            const char    *id);
/* Every assigned user of the first demo account as the admin sees them. */
JsonArray   *gh_test_all_assigned_users    (GhTestFixture *fixture);

/* POSTs @batch, a JSON array of operations, as a batch request without headers. */
GhTestReply *gh_test_batch                 (GhTestFixture *fixture,
                                            const char    *token,
                                            const char    *batch);
/* The parsed body of answer @index of a batch reply, and its code in @code. */
JsonNode    *gh_test_batch_body            (GhTestReply   *reply,
                                            guint          index,
                                            gint64        *code);

G_END_DECLS
