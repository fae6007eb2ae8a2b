/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-rotation.h"

G_BEGIN_DECLS

/* The rotation assistant: replacing a saved connection's token in four steps, (a) generate a
 * new token in Business Suite, (b) give it to the integration, (c) paste it here, where it is
 * checked and compared with the old one before it replaces it, (d) revoke the old one.
 *
 * Properties: "session" (GhSession, set once by the window).  It names win.show-account
 * ("Done") and nav.back. */
#define GH_TYPE_ROTATION_PAGE (gh_rotation_page_get_type ())
G_DECLARE_FINAL_TYPE (GhRotationPage, gh_rotation_page, GH, ROTATION_PAGE, AdwBin)

/* Starts over for the saved connection @connection_id: FALSE when the session does not
 * know it. */
gboolean    gh_rotation_page_start             (GhRotationPage *self,
                                                const char     *connection_id);
const char *gh_rotation_page_get_connection_id (GhRotationPage *self);
/* "generate", "integration", "check" or "revoke". */
const char *gh_rotation_page_get_step          (GhRotationPage *self);
/* The comparison shown in step (c), NULL before a check. */
GhRotation *gh_rotation_page_get_rotation      (GhRotationPage *self);

G_END_DECLS
