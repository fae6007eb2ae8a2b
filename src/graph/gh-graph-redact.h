/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces anything that looks like a token (EAA…, long opaque strings, access_token=…,
 * Bearer …) with "[redacted]".  Used by debug logging and error details. */
char *gh_graph_redact (const char *text);

G_END_DECLS
