/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "gh-bench.h"
#include "gh-demo-server.h"

static void
append_string (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_printf (out, "%s\"%s\": \"", out->len > 1 ? ", " : "", name);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Three decimals at most, in the C locale whatever the person's. */
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  for (char *end = buffer + strlen (buffer) - 1; strchr (buffer, '.') != NULL; end--)
    {
      if (*end != '0' && *end != '.')
        break;
      *end = '\0';
      if (end[-1] == '.')
        {
          end[-1] = '\0';
          break;
        }
    }
  g_string_append_printf (out, "%s\"%s\": %s", out->len > 1 ? ", " : "", name, buffer);
}

void
gh_bench_print (const GhFigure *figure)
{
  g_autoptr(GString) out = g_string_new ("{");
  double measured = figure->value;
  const char *budget_of = "value";

  append_string (out, "name", figure->name);
  append_number (out, "value", figure->value);
  append_string (out, "unit", figure->unit);

  if (figure->baseline_name != NULL)
    {
      double ratio = figure->baseline > 0 ? figure->value / figure->baseline : 0;
      g_autoptr(GString) baseline = g_string_new ("{");

      append_string (baseline, "name", figure->baseline_name);
      append_number (baseline, "value", figure->baseline);
      g_string_append_printf (out, ", \"baseline\": %s}", baseline->str);
      append_number (out, "ratio", ratio);

      if (figure->budget_of == GH_BUDGET_RATIO)
        {
          measured = ratio;
          budget_of = "ratio";
        }
      else if (figure->budget_of == GH_BUDGET_ROUND_TRIPS)
        {
          /* Each round trip costs the injected latency plus a little work: whole trips. */
          measured = floor (ratio + 0.5);
          budget_of = "round_trips";
          append_number (out, "round_trips", measured);
        }
    }

  append_number (out, "budget", figure->budget);
  append_string (out, "budget_of", budget_of);
  g_string_append_printf (out, ", \"within_budget\": %s",
                          measured <= figure->budget ? "true" : "false");
  if (figure->note != NULL)
    append_string (out, "note", figure->note);
  g_string_append_c (out, '}');

  g_print ("%s\n", out->str);
}

static gboolean
stall_tick_cb (gpointer user_data)
{
  GhStallTimer *timer = user_data;
  gint64 now = g_get_monotonic_time ();

  timer->longest = MAX (timer->longest, now - timer->last);
  timer->last = now;
  return G_SOURCE_CONTINUE;
}

void
gh_stall_timer_start (GhStallTimer *timer)
{
  timer->last = g_get_monotonic_time ();
  timer->longest = 0;
  /* Above input, redraws and I/O: it runs as soon as the loop gets a chance. */
  timer->id = g_timeout_add_full (G_PRIORITY_HIGH, 2, stall_tick_cb, timer, NULL);
}

double
gh_stall_timer_stop (GhStallTimer *timer)
{
  stall_tick_cb (timer);
  g_clear_handle_id (&timer->id, g_source_remove);
  return timer->longest / 1000.0;
}

static gboolean
spin_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
gh_bench_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, spin_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
gh_bench_median (GArray *values)
{
  if (values->len == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

gint64
gh_bench_resident_bytes (int pid)
{
  g_autofree char *path = NULL;
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  path = pid > 0 ? g_strdup_printf ("/proc/%d/statm", pid) : g_strdup ("/proc/self/statm");
  if (!g_file_get_contents (path, &statm, NULL, NULL)
      || sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return 0;

  return (gint64) resident * sysconf (_SC_PAGESIZE);
}

void
gh_bench_new_hour (gpointer server)
{
  gh_demo_server_clear_faults (GH_DEMO_SERVER (server));
  gh_demo_server_reset_counts (GH_DEMO_SERVER (server));
}
