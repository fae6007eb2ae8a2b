/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gh-check-report.h"
#include "gh-readiness.h"

G_BEGIN_DECLS

/* Turns what the check learned (token info, the token's user, the WABAs it reaches, whether
 * each could really be read and what decides whether it is ready) into a report.  Pure: no
 * I/O. */

/* What the probes found.  Any of these may be NULL / empty:
 * @token_info:  from debug_token (NULL when it could not be read)
 * @token_error: the error of the token's own calls (invalid, expired …), or NULL
 * @user_id, @user_name: from /me
 * @wabas:       GhCheckWaba*, discovered accounts, with their subscribed apps, the tasks the
 *               token holds there and whether the person chose it, where known; each readable
 *               one gets a GhAccountReadiness and its rows
 * @is_admin:    the token's system user has the ADMIN role (-1 unknown, 0 no, 1 yes) */
GhCheckReport *gh_access_check_evaluate      (GhTokenInfo  *token_info,
                                              const GError *token_error,
                                              const char   *user_id,
                                              const char   *user_name,
                                              GPtrArray    *wabas,
                                              int           is_admin);

/* What @report knows about the token that judging @waba_id's readiness needs (its app, and
 * whether it may subscribe the app or register numbers there).  The strings belong to
 * @report.  @report may be NULL: everything unknown. */
void           gh_access_check_fill_context  (GhCheckReport      *report,
                                              const char         *waba_id,
                                              GhReadinessContext *context);

G_END_DECLS
