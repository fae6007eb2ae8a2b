/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-access-check.h"

G_BEGIN_DECLS

#define GH_TYPE_CHECK_PAGE (gh_check_page_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckPage, gh_check_page, GH, CHECK_PAGE, AdwBin)

/* @can_save: whether accepting saves to the keyring (FALSE for the demo and for a session
 * without a keyring), which changes the button's words. */
void gh_check_page_set_report (GhCheckPage   *self,
                               GhCheckReport *report,
                               gboolean       can_save);
void gh_check_page_set_busy   (GhCheckPage   *self,
                               gboolean       busy);
/* TRUE when the report is of a saved connection: a failing one then offers "Replace Token"
 * ("replace-token" signal), which keeps the connection. */
void gh_check_page_set_saved  (GhCheckPage   *self,
                               gboolean       saved);

G_END_DECLS
