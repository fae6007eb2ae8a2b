/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-session.h"

G_BEGIN_DECLS

#define GH_TYPE_WELCOME_PAGE (gh_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (GhWelcomePage, gh_welcome_page, GH, WELCOME_PAGE, AdwBin)

/* Properties: "session" (GhSession, set once by the window). */

G_END_DECLS
