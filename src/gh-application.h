/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-token-store.h"
#include "gh-graph-client.h"

G_BEGIN_DECLS

#define GH_TYPE_APPLICATION (gh_application_get_type ())
G_DECLARE_FINAL_TYPE (GhApplication, gh_application, GH, APPLICATION, AdwApplication)

GhApplication *gh_application_new              (void);
GhTokenStore  *gh_application_get_token_store  (GhApplication *self);
/* A new client for the configured base URL and API version, or NULL with a refusal. */
GhGraphClient *gh_application_create_client    (GhApplication *self,
                                                GError       **error);
gboolean       gh_application_get_demo_mode    (GhApplication *self);

G_END_DECLS
