/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* First frame and resident memory of `gatehouse` against a bare libadwaita window, with the
 * GL and the Cairo renderer; with @callgrind also their instruction counts (slow). */
void gh_bench_startup (gboolean callgrind);

G_END_DECLS
