/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-session.h"

G_BEGIN_DECLS

#define GH_TYPE_APPLICATION (gh_application_get_type ())
G_DECLARE_FINAL_TYPE (GhApplication, gh_application, GH, APPLICATION, AdwApplication)

GhApplication *gh_application_new                    (void);
/* What the app knows: every window shows this one session. */
GhSession     *gh_application_get_session            (GhApplication  *self);
GSettings     *gh_application_get_settings           (GhApplication  *self);
gboolean       gh_application_get_demo_mode          (GhApplication  *self);
/* The in-process demo server's URL, started on first use; NULL with an error when it could
 * not start. */
const char    *gh_application_start_demo_server      (GhApplication  *self,
                                                      GError        **error);
/* What the demo connection uses: the demo server's admin token and its business's name. */
const char    *gh_application_get_demo_token         (GhApplication  *self);
const char    *gh_application_get_demo_business_name (GhApplication  *self);

G_END_DECLS
