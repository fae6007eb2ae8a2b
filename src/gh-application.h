/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-graph-client.h"
#include "gh-token-store.h"

G_BEGIN_DECLS

#define GH_TYPE_APPLICATION (gh_application_get_type ())
G_DECLARE_FINAL_TYPE (GhApplication, gh_application, GH, APPLICATION, AdwApplication)

GhApplication *gh_application_new                (void);
GhTokenStore  *gh_application_get_token_store    (GhApplication *self);
/* From now on, connections are kept in memory for this session only: for people without a
 * usable keyring who chose to go on without saving. */
void           gh_application_use_session_store  (GhApplication *self);
GSettings     *gh_application_get_settings       (GhApplication *self);
gboolean       gh_application_get_demo_mode      (GhApplication *self);
/* A new client for the configured base URL (GATEHOUSE_GRAPH_URL, loopback only) and the API
 * version from the settings; NULL with a refusal for any other override. */
GhGraphClient *gh_application_create_client      (GhApplication *self,
                                                  GError       **error);
/* A new client for the in-process demo server, started on first use. */
GhGraphClient *gh_application_create_demo_client (GhApplication *self,
                                                  GError       **error);

G_END_DECLS
