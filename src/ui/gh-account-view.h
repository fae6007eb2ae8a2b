/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-account-page.h"
#include "gh-people-page.h"

G_BEGIN_DECLS

/* The account screen: its header (the account's name, Overview | People, the account
 * switcher, Refresh), the banner for what a re-check found, the overview and the people
 * grid.  It follows the session's open connection and shown account. */
#define GH_TYPE_ACCOUNT_VIEW (gh_account_view_get_type ())
G_DECLARE_FINAL_TYPE (GhAccountView, gh_account_view, GH, ACCOUNT_VIEW, AdwBin)

/* Properties: "session" (GhSession, set once). */

/* Shows the open connection's account: the switcher lists every account the check found,
 * and the remembered one is shown (or why none can be). */
void           gh_account_view_open             (GhAccountView *self);
/* The check could not run: the overview says why. */
void           gh_account_view_set_error        (GhAccountView *self,
                                                 const GError  *error);
void           gh_account_view_set_loading      (GhAccountView *self);
/* Reads the shown account and its people again; staged edits survive. */
void           gh_account_view_reload           (GhAccountView *self);
GhAccountPage *gh_account_view_get_account_page (GhAccountView *self);
GhPeoplePage  *gh_account_view_get_people_page  (GhAccountView *self);

G_END_DECLS
