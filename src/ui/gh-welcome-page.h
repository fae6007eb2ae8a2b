/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-saved-connection.h"

G_BEGIN_DECLS

#define GH_TYPE_WELCOME_PAGE (gh_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (GhWelcomePage, gh_welcome_page, GH, WELCOME_PAGE, AdwBin)

/* @connections: GhSavedConnection*, or NULL with @error when the keyring could not be read. */
void gh_welcome_page_set_connections (GhWelcomePage *self,
                                      GPtrArray     *connections,
                                      const GError  *error);

G_END_DECLS
