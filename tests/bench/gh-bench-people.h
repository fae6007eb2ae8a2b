/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-demo-server.h"
#include "gh-graph-client.h"

#include "gh-bench.h"

G_BEGIN_DECLS

/* The people grid in a real window with @people assigned users at the demo server (whose
 * latency is already set).  @one_request and @no_ui_load (ms) are the baselines measured in
 * the same run: one plain request, and the same load without a window. */
void gh_bench_people_ui (GhDemoServer  *server,
                         GhGraphClient *client,
                         guint          people,
                         double         one_request,
                         double         no_ui_load);

G_END_DECLS
