/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes of `gatehouse --check`, for scripts and deploy pipelines. */
typedef enum
{
  GH_CHECK_EXIT_OK = 0,               /* ready, or works with warnings */
  GH_CHECK_EXIT_MISSING = 1,          /* something is not ready (a ✗) */
  GH_CHECK_EXIT_COULD_NOT_CHECK = 2,
} GhCheckExit;

/* `gatehouse --check`: checks the saved connections (only the one named @connection_name
 * when given), or the token read from standard input, prints the report and returns the
 * exit code: the worst of the connections'.  @json: one JSON object per connection, one per
 * line, as the README describes, instead of text.  It runs before any display is opened, so
 * it works on a server without one. */
int gh_check_cli_run (GSettings  *settings,
                      const char *connection_name,
                      gboolean    token_stdin,
                      gboolean    json);

G_END_DECLS
