/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-first-frame"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <gtk/gtk.h>

/* Loaded with LD_PRELOAD into a program whose start the benchmark times, Gatehouse and the
 * bare window alike: it writes when the first window finished its first frame (monotonic
 * microseconds, the clock the benchmark started the program by) and which renderer drew it
 * to $GH_BENCH_FRAME_FILE.  With $GH_BENCH_EXIT_AFTER_FRAME set it then ends the program,
 * so an instruction count covers start-up only. */

static gboolean reported;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkNative *native = user_data;
  GskRenderer *renderer = gtk_native_get_renderer (native);
  const char *path = g_getenv ("GH_BENCH_FRAME_FILE");
  gint64 now = g_get_monotonic_time ();

  if (reported)
    return;
  reported = TRUE;

  if (path != NULL)
    {
      g_autofree char *line = NULL;

      line = g_strdup_printf ("%" G_GINT64_FORMAT " %s\n", now,
                              renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
      if (!g_file_set_contents (path, line, -1, NULL))
        g_printerr ("gh-first-frame: cannot write %s\n", path);
    }

  if (g_getenv ("GH_BENCH_EXIT_AFTER_FRAME") != NULL)
    exit (0);
}

static gboolean
map_hook_cb (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);
  GdkSurface *surface;

  if (!GTK_IS_WINDOW (object))
    return TRUE;

  surface = gtk_native_get_surface (GTK_NATIVE (object));
  if (surface != NULL)
    g_signal_connect_object (gdk_surface_get_frame_clock (surface), "after-paint",
                             G_CALLBACK (after_paint_cb), object, 0);

  /* The first window is the one timed. */
  return FALSE;
}

__attribute__((constructor)) static void
gh_first_frame_init (void)
{
  /* Only types are touched here: nothing needs a display before gtk_init. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook_cb,
                              NULL, NULL);
}
