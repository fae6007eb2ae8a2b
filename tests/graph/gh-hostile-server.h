/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libsoup/soup.h>

#include "gh-graph-client.h"

G_BEGIN_DECLS

/* A server on 127.0.0.1 that answers the way no Graph server should: too deep, too big, too
 * slow, endless, failing, limiting.  The path asked for says how: "deep", "big",
 * "big-chunked", "endless", "trickle", "endless-pages" and "looping-pages" always; "reset",
 * "unavailable", "transient" and "code-N" (Meta's error N) while fail_first lasts; anything
 * else is answered {"id": path}.  In a batch, an operation whose URL holds "slow" is answered
 * null while fail_first lasts, one that holds "deep" with a body nested too deep. */
typedef struct
{
  SoupServer *server;
  char       *url;
  guint       requests;      /* every request the server saw */
  guint       batches;
  guint       fail_first;    /* the scripted failure happens for this many requests */
  guint       last_batch_size;
  char       *usage;         /* X-Business-Use-Case-Usage sent with every answer, nullable */
  const char *usage_name;    /* how that header is written */
  char       *app_usage;     /* X-App-Usage, nullable */
  GPtrArray  *paths;         /* request paths in order */
  GPtrArray  *streams;       /* chunked answers still being written */
} GhHostile;

GhHostile *gh_hostile_new                  (void);
void       gh_hostile_free                 (GhHostile        *hostile);

/* The client's token, which no error may show. */
#define GH_HOSTILE_TOKEN "EAAGhHostileTestTokenQq1Ww2Ee3Rr4Tt5Yy6Uu7Ii8Oo9Pp0"

/* A hostile server and a client for it with a deadline of two seconds and pauses of
 * milliseconds: the same paths as in the app, in a fraction of the time. */
typedef struct
{
  GhHostile     *hostile;
  GhGraphClient *client;
} GhHostileFixture;

void       gh_hostile_fixture_set_up       (GhHostileFixture *fixture,
                                            gconstpointer     data);
void       gh_hostile_fixture_tear_down    (GhHostileFixture *fixture,
                                            gconstpointer     data);
#define GH_HOSTILE_TEST_ADD(path, func) \
  g_test_add ((path), GhHostileFixture, NULL, gh_hostile_fixture_set_up, (func), \
              gh_hostile_fixture_tear_down)
/* Replaces the fixture's client by a new one.  libsoup itself sends a request again when a
 * connection it kept open turns out closed; a new client has no such connection, so the
 * server counts only the client's attempts. */
void       gh_hostile_fixture_renew_client (GhHostileFixture *fixture);

/* The person's words and the details for @error: plain, ending in a full stop, the summary
 * holding @summary_part, and never the token. */
void       gh_hostile_assert_described     (const GError     *error,
                                            const char       *summary_part);

G_END_DECLS
