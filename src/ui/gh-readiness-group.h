/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-connection.h"
#include "gh-readiness.h"

G_BEGIN_DECLS

/* Whether one WhatsApp account is ready to send and to receive, then one row per thing that
 * decides it, each with what fixes it: Subscribe (asks first), Register (asks for the PIN,
 * then to confirm), a page of Business Suite, or a step of the guide.  Used by the check
 * report and the overview.  A finished Subscribe or Register replaces "readiness" with what
 * Meta holds afterwards. */
#define GH_TYPE_READINESS_GROUP (gh_readiness_group_get_type ())
G_DECLARE_FINAL_TYPE (GhReadinessGroup, gh_readiness_group, GH, READINESS_GROUP,
                      AdwPreferencesGroup)

GtkWidget          *gh_readiness_group_new            (void);
/* The connection Subscribe and Register go through (nullable: they are then not offered). */
void                gh_readiness_group_set_connection (GhReadinessGroup   *self,
                                                       GhConnection       *connection);
/* The group's title is the account's name unless @show_name is FALSE (the overview, which
 * names the account in its header already). */
void                gh_readiness_group_set_readiness  (GhReadinessGroup   *self,
                                                       GhAccountReadiness *readiness,
                                                       gboolean            show_name);
GhAccountReadiness *gh_readiness_group_get_readiness  (GhReadinessGroup   *self);
/* TRUE while a write it started is on its way. */
gboolean            gh_readiness_group_get_busy       (GhReadinessGroup   *self);

G_END_DECLS
