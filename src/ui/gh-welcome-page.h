/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-recheck.h"
#include "gh-saved-connection.h"

G_BEGIN_DECLS

#define GH_TYPE_WELCOME_PAGE (gh_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (GhWelcomePage, gh_welcome_page, GH, WELCOME_PAGE, AdwBin)

/* @connections: GhSavedConnection*, or NULL with @error when the keyring could not be read. */
void gh_welcome_page_set_connections (GhWelcomePage *self,
                                      GPtrArray     *connections,
                                      const GError  *error);

/* Shows (or, for GH_RECHECK_NONE, removes) the banner of @saved saying what its last
 * re-check found, with the button that starts the fix. */
void gh_welcome_page_show_change     (GhWelcomePage     *self,
                                      GhSavedConnection *saved,
                                      GhRecheckChange    change,
                                      const char        *message);
/* The banner text shown for the connection @id, or NULL. */
const char *gh_welcome_page_get_change_message (GhWelcomePage *self,
                                                const char    *id);
/* TRUE once the person chose to go on without a keyring: tokens last for this session. */
void gh_welcome_page_set_session_only (GhWelcomePage     *self,
                                      gboolean           session_only);

G_END_DECLS
