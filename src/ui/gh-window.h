/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-application.h"
#include "gh-session.h"

G_BEGIN_DECLS

#define GH_TYPE_WINDOW (gh_window_get_type ())
G_DECLARE_FINAL_TYPE (GhWindow, gh_window, GH, WINDOW, AdwApplicationWindow)

GhWindow   *gh_window_new               (GhApplication *application);
/* Opens the built-in demo account: checks the demo admin token, then shows the account. */
GhSession  *gh_window_get_session       (GhWindow      *self);
void        gh_window_open_demo         (GhWindow      *self);
/* "welcome", "guide", "token", "check", "rotate" or "account". */
const char *gh_window_get_visible_page  (GhWindow      *self);

G_END_DECLS
