/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "gh-access-check.h"
#include "gh-saved-connection.h"

G_BEGIN_DECLS

/* What a quiet re-check of a saved connection found that a person must hear about, comparing
 * the new report with what the connection recorded last time.  Pure: no I/O. */
typedef enum
{
  GH_RECHECK_NONE,
  GH_RECHECK_TOKEN_REJECTED,   /* revoked, expired, or its system user or app removed */
  GH_RECHECK_PERMISSION_LOST,  /* a permission it had is gone */
  GH_RECHECK_ACCESS_LOST,      /* it no longer reaches a WhatsApp account it should */
  GH_RECHECK_EXPIRES_SOON,     /* expires within GH_RECHECK_EXPIRY_WARNING_DAYS */
  GH_RECHECK_FAILING,          /* something required fails (nothing earlier to compare) */
} GhRecheckChange;

#define GH_RECHECK_EXPIRY_WARNING_DAYS 14

/* @now: Unix seconds.  @message (nullable out): one translated sentence naming the
 * connection and what changed; NULL for GH_RECHECK_NONE. */
GhRecheckChange gh_recheck_compare (GhSavedConnection *before,
                                    GhCheckReport     *after,
                                    gint64             now,
                                    char             **message);

/* Writes what @report found into @saved: when, whether it passed, the permissions, the
 * expiry and the system user's name. */
void            gh_recheck_record  (GhSavedConnection *saved,
                                    GhCheckReport     *report,
                                    gint64             now);

/* TRUE when the fix for @change is a new token for the same connection (Replace Token);
 * FALSE when the check report says what to fix. */
gboolean        gh_recheck_needs_new_token (GhRecheckChange  change);

/* What a check of a saved connection found that a person must hear about: the banner's
 * content.  Immutable. */
#define GH_TYPE_RECHECK_FINDING (gh_recheck_finding_get_type ())
G_DECLARE_FINAL_TYPE (GhRecheckFinding, gh_recheck_finding, GH, RECHECK_FINDING, GObject)

GhRecheckFinding  *gh_recheck_finding_new            (GhSavedConnection *connection,
                                                      GhRecheckChange    change,
                                                      const char        *message);
GhSavedConnection *gh_recheck_finding_get_connection (GhRecheckFinding  *self);
const char        *gh_recheck_finding_get_id         (GhRecheckFinding  *self);
GhRecheckChange    gh_recheck_finding_get_change     (GhRecheckFinding  *self);
const char        *gh_recheck_finding_get_message    (GhRecheckFinding  *self);

G_END_DECLS
