/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-access-overview.h"
#include "gh-test-util.h"

G_BEGIN_DECLS

/* Two saved connections of the demo business, an admin's and an employee's, in a session
 * that has checked both; each test starts without a record of changes. */
typedef struct
{
  GhDemoServer *server;
  GSettings    *settings;
  GhTokenStore *store;
  GhSession    *session;
} GhAccessFixture;

/* Before g_test_init: a data directory of this run's own (@name names it), where the record
 * goes.  gh_access_test_finish removes it. */
void              gh_access_test_init          (const char      *name);
void              gh_access_test_finish        (void);

void              gh_access_fixture_set_up     (GhAccessFixture *fixture,
                                                gconstpointer    data);
void              gh_access_fixture_tear_down  (GhAccessFixture *fixture,
                                                gconstpointer    data);

/* Saves a connection of the demo account under @id. */
void              gh_access_test_save          (GhAccessFixture *fixture,
                                                const char      *id,
                                                const char      *label,
                                                const char      *token);
/* Lists the connections again, and with @wait_for_checks until each has been checked. */
void              gh_access_test_reload        (GhAccessFixture *fixture,
                                                gboolean         wait_for_checks);
/* Reads who has access to what; @counted: every call asked for reached Meta (a batch refused
 * for its token does not). */
GhAccessOverview *gh_access_test_load          (GhAccessFixture *fixture,
                                                gboolean         counted);

G_END_DECLS
