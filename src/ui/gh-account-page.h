/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-readiness.h"
#include "gh-waba.h"

G_BEGIN_DECLS

#define GH_TYPE_ACCOUNT_PAGE (gh_account_page_get_type ())
G_DECLARE_FINAL_TYPE (GhAccountPage, gh_account_page, GH, ACCOUNT_PAGE, AdwBin)

/* Properties: "session" (GhSession, set once): the page shows and reads its "waba-id". */

void gh_account_page_set_loading      (GhAccountPage *self);
/* Shows @waba as read; its readiness is judged from what @waba holds (without its
 * subscriptions, which only gh_account_page_set_account knows). */
void gh_account_page_set_waba         (GhAccountPage *self,
                                       GhWaba        *waba);
/* Shows the account of @readiness and, above its details, whether it is ready to send and
 * to receive. */
void gh_account_page_set_account      (GhAccountPage      *self,
                                       GhAccountReadiness *readiness);
/* Shows what went wrong in plain words with a Retry button. */
void gh_account_page_set_error        (GhAccountPage *self,
                                       const GError  *error);
/* The account about to be shown and its business, both nullable: lets the Business Suite
 * links (and the fix offered for an account the token cannot read) open the right page
 * before, or without, a successful read. */
void gh_account_page_set_account_hint (GhAccountPage *self,
                                       const char    *waba_id,
                                       const char    *business_id);
/* The account shown last ("waba", notified), or NULL. */
GhWaba *gh_account_page_get_waba      (GhAccountPage *self);
/* Reads the session's shown account again. */
void gh_account_page_reload           (GhAccountPage *self);

G_END_DECLS
