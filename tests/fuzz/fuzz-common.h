/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "gh-json-private.h"

/* What every target shares: a critical or a warning from GLib, GObject or json-glib is a bug
 * found (server data must never trip one), and debug output is silenced so that libFuzzer's
 * own lines stay readable. */

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);

  return 0;
}

/* The bytes as a NUL-terminated string (they may hold NULs of their own). */
static inline char *
fuzz_strndup (const uint8_t *data,
              size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/* The bytes parsed the way answers are, depth limit included; NULL when they are not JSON. */
static inline JsonNode *
fuzz_parse (const uint8_t *data,
            size_t         size)
{
  return _gh_json_parse_bytes ((const char *) data, size, NULL);
}
