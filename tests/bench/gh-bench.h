/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a figure's budget limits: the value itself, its ratio to the baseline, or the value
 * counted in round trips of the baseline (rounded to whole trips). */
typedef enum
{
  GH_BUDGET_VALUE,
  GH_BUDGET_RATIO,
  GH_BUDGET_ROUND_TRIPS,
} GhBudgetOf;

/* One measured figure: printed as one JSON object on one line. */
typedef struct
{
  const char *name;
  double      value;
  const char *unit;
  const char *baseline_name;   /* NULL: no baseline */
  double      baseline;
  GhBudgetOf  budget_of;
  double      budget;
  const char *note;            /* nullable: how it was measured, or why it could not be */
} GhFigure;

void     gh_bench_print           (const GhFigure *figure);

/* The longest time the default main context went without running a high-priority timer:
 * what a person sees as the window not answering. */
typedef struct
{
  gint64 last;
  gint64 longest;
  guint  id;
} GhStallTimer;

void     gh_stall_timer_start     (GhStallTimer *timer);
/* Milliseconds. */
double   gh_stall_timer_stop      (GhStallTimer *timer);

/* Spins the default main context for @ms milliseconds. */
void     gh_bench_spin            (guint ms);

double   gh_bench_median          (GArray *values);

/* Resident memory of a process in bytes, from /proc (0 where there is none). */
gint64   gh_bench_resident_bytes  (int pid);

/* An hour later at @server (a GhDemoServer): a fresh budget of calls, so that no figure is
 * slowed by the client spacing its calls under the usage the ones before it left, and the
 * request counts at zero. */
void     gh_bench_new_hour        (gpointer server);

G_END_DECLS
