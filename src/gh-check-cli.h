/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes of `gatehouse --check`, for scripts and deploy pipelines. */
typedef enum
{
  GH_CHECK_EXIT_OK = 0,
  GH_CHECK_EXIT_MISSING = 1,
  GH_CHECK_EXIT_COULD_NOT_CHECK = 2,
} GhCheckExit;

/* `gatehouse --check`: checks the saved connections (only the one named @connection_name
 * when given), or the token read from standard input, prints the report and returns the
 * exit code.  It runs before any display is opened, so it works on a server without one. */
int gh_check_cli_run (GSettings  *settings,
                      const char *connection_name,
                      gboolean    token_stdin);

G_END_DECLS
