/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-demo-server.h"
#include "gh-graph-client.h"

#include "gh-bench.h"

G_BEGIN_DECLS

/* The change record beside the main loop: how long the loop stops answering while a load of
 * @people is compared with the last one seen and while an apply is recorded. */
void gh_bench_record (GhDemoServer  *server,
                      GhGraphClient *client,
                      guint          people);

G_END_DECLS
