/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* `gatehouse --background-check`: run at login by the autostart entry (or the Background
 * portal), it checks each saved connection once a day without a window, sends a desktop
 * notification for a token that ends soon or has stopped working, records how it went in
 * @settings ("background-check-*", "reminders-sent") and returns the exit status:
 * GH_BACKGROUND_EXIT_OK also when there was nothing to do (reminders off, already run
 * today, Gatehouse open), GH_BACKGROUND_EXIT_FAILED when something stopped it.  It never
 * shows anything but notifications, and needs no display. */
#define GH_BACKGROUND_EXIT_OK     0
#define GH_BACKGROUND_EXIT_FAILED 2

int          gh_background_run              (GSettings  *settings);

/* One translated sentence for a "background-check-problem" code, for the window to show
 * the next time it opens; NULL for "" (no problem). */
const char  *gh_background_describe_problem (const char *problem);

/* One sentence on the last background check of @settings ("Checked on 3 March 2027: every
 * connection was checked."), or NULL when it never ran. */
char        *gh_background_dup_last_run     (GSettings  *settings);

G_END_DECLS
