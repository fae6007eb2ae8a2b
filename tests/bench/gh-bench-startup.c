/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "gh-bench.h"
#include "gh-bench-startup.h"

/* Start-up as a person waits for it: the real `gatehouse` binary with a fresh, empty keyring
 * and the schemas of the build tree, against a bare libadwaita window built the same way.
 * Both are timed by the same hook (gh-first-frame.c, preloaded) from the moment the
 * benchmark starts them to the end of their first frame, and their resident memory is read
 * 2 s after the start.  Runs alternate between the two so that the machine's slow moments
 * fall on both alike; the median of each is compared. */

#define RUNS 5
#define RSS_AFTER_MS 2000
#define FIRST_FRAME_BUDGET 1.25
#define RSS_BUDGET 1.3

typedef struct
{
  double  first_frame_ms;     /* < 0: no frame was seen */
  gint64  rss;
  char   *renderer;
} Run;

typedef enum
{
  PROGRAM_BARE,
  PROGRAM_GATEHOUSE,
} Program;

static const char *
program_path (Program program)
{
  return program == PROGRAM_GATEHOUSE ? GH_BENCH_GATEHOUSE : GH_BENCH_BARE_WINDOW;
}

/* A fresh home with an empty keyring, for one run. */
static char **
run_environment (const char *home,
                 const char *renderer,
                 gboolean    exit_after_frame)
{
  char **env = g_get_environ ();
  g_autofree char *keyring = g_build_filename (home, "keyring", NULL);
  g_autofree char *frame = g_build_filename (home, "first-frame", NULL);
  g_autofree char *runtime = g_build_filename (home, "run", NULL);
  const char *dirs[][2] = {
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_CACHE_HOME", ".cache" },
    { "XDG_STATE_HOME", ".local/state" },
  };

  env = g_environ_setenv (env, "HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_mkdir_with_parents (dir, 0700);
      env = g_environ_setenv (env, dirs[i][0], dir, TRUE);
    }
  g_mkdir_with_parents (runtime, 0700);
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", runtime, TRUE);
  env = g_environ_setenv (env, "SECRET_BACKEND", "file", TRUE);
  env = g_environ_setenv (env, "SECRET_FILE_TEST_PATH", keyring, TRUE);
  env = g_environ_setenv (env, "SECRET_FILE_TEST_PASSWORD", "bench", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", GH_BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);
  env = g_environ_setenv (env, "LD_PRELOAD", GH_BENCH_FIRST_FRAME_HOOK, TRUE);
  env = g_environ_setenv (env, "GH_BENCH_FRAME_FILE", frame, TRUE);
  if (exit_after_frame)
    env = g_environ_setenv (env, "GH_BENCH_EXIT_AFTER_FRAME", "1", TRUE);
  else
    env = g_environ_unsetenv (env, "GH_BENCH_EXIT_AFTER_FRAME");

  return env;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
read_frame (const char  *home,
            gint64      *when,
            char       **renderer)
{
  g_autofree char *path = g_build_filename (home, "first-frame", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  fields = g_strsplit (g_strstrip (contents), " ", 2);
  if (fields[0] == NULL || fields[1] == NULL)
    return FALSE;

  *when = g_ascii_strtoll (fields[0], NULL, 10);
  *renderer = g_strdup (fields[1]);
  return TRUE;
}

static void
measure (Program     program,
         const char *renderer,
         Run        *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("gatehouse-bench-XXXXXX", &error);
  g_auto(GStrv) env = NULL;
  const char *argv[] = { program_path (program), NULL };
  gint64 start, frame = 0;
  GPid pid;

  g_assert_no_error (error);
  env = run_environment (home, renderer, FALSE);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                      &pid, &error))
    g_error ("Cannot start %s: %s", argv[0], error->message);

  g_usleep (RSS_AFTER_MS * 1000);
  run->rss = gh_bench_resident_bytes (pid);
  /* A start slower than the memory reading still gets its frame counted. */
  for (guint i = 0; i < 100 && !read_frame (home, &frame, &run->renderer); i++)
    g_usleep (100 * 1000);

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  run->first_frame_ms = frame > 0 ? (frame - start) / 1000.0 : -1;
  remove_tree (home);
}

static void
print_pair (const char *name,
            const char *unit,
            GArray     *gatehouse,
            GArray     *bare,
            double      budget,
            const char *note)
{
  GhFigure figure = {
    .name = name, .unit = unit,
    .value = gh_bench_median (gatehouse),
    .baseline_name = "bare-libadwaita-window", .baseline = gh_bench_median (bare),
    .budget_of = GH_BUDGET_RATIO, .budget = budget, .note = note,
  };

  gh_bench_print (&figure);
}

static void
bench_renderer (const char *renderer)
{
  GArray *frames[2] = { g_array_new (FALSE, FALSE, sizeof (double)),
                        g_array_new (FALSE, FALSE, sizeof (double)) };
  GArray *rss[2] = { g_array_new (FALSE, FALSE, sizeof (double)),
                     g_array_new (FALSE, FALSE, sizeof (double)) };
  g_autofree char *used = NULL;
  g_autofree char *frame_name = g_strdup_printf ("startup-first-frame-%s", renderer);
  g_autofree char *rss_name = g_strdup_printf ("startup-rss-%s", renderer);
  g_autofree char *note = NULL;
  guint missed = 0;

  for (guint i = 0; i < RUNS * 2; i++)
    {
      /* Bare, Gatehouse, Gatehouse, bare, …: neither always goes first. */
      Program program = (i % 4 == 0 || i % 4 == 3) ? PROGRAM_BARE : PROGRAM_GATEHOUSE;
      Run run = { -1, 0, NULL };
      double mib;

      measure (program, renderer, &run);
      if (run.first_frame_ms >= 0)
        g_array_append_val (frames[program], run.first_frame_ms);
      else
        missed++;
      mib = run.rss / (1024.0 * 1024.0);
      g_array_append_val (rss[program], mib);
      if (program == PROGRAM_GATEHOUSE && run.renderer != NULL && used == NULL)
        used = g_strdup (run.renderer);
      g_free (run.renderer);
    }

  if (used == NULL)
    note = g_strdup_printf ("no first frame seen in %u runs", missed);
  else if (g_str_equal (renderer, "gl") && !g_str_equal (used, "GskGLRenderer"))
    note = g_strdup_printf ("GSK_RENDERER=gl, but GL is unavailable here: GTK drew with %s",
                            used);
  else
    note = g_strdup_printf ("median of %u interleaved runs each, drawn by %s", RUNS, used);

  print_pair (frame_name, "ms", frames[PROGRAM_GATEHOUSE], frames[PROGRAM_BARE],
              FIRST_FRAME_BUDGET, note);
  print_pair (rss_name, "MiB", rss[PROGRAM_GATEHOUSE], rss[PROGRAM_BARE], RSS_BUDGET,
              "resident memory 2 s after the start, fresh empty keyring");

  for (guint i = 0; i < 2; i++)
    {
      g_array_unref (frames[i]);
      g_array_unref (rss[i]);
    }
}

/* Instructions until the first frame, under callgrind: repeatable where time is not. */
static double
count_instructions (Program program)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("gatehouse-bench-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_autofree char *out_arg = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) env = NULL;
  g_auto(GStrv) lines = NULL;
  double instructions = 0;
  int status = 0;

  g_assert_no_error (error);
  out = g_build_filename (home, "callgrind.out", NULL);
  out_arg = g_strdup_printf ("--callgrind-out-file=%s", out);
  env = run_environment (home, "cairo", TRUE);

  {
    const char *argv[] = { "valgrind", "--tool=callgrind", out_arg, program_path (program),
                           NULL };

    if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH
                       | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, &error))
      g_error ("Cannot run valgrind: %s", error->message);
  }

  if (g_file_get_contents (out, &contents, NULL, NULL))
    {
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "summary: ") || g_str_has_prefix (lines[i], "totals: "))
          instructions = g_ascii_strtod (strchr (lines[i], ' ') + 1, NULL);
    }

  remove_tree (home);
  return instructions;
}

void
gh_bench_startup (gboolean callgrind)
{
  bench_renderer ("gl");
  bench_renderer ("cairo");

  if (callgrind)
    {
      double bare = count_instructions (PROGRAM_BARE);
      double gatehouse = count_instructions (PROGRAM_GATEHOUSE);
      GhFigure figure = {
        .name = "startup-instructions", .value = gatehouse / 1e6, .unit = "million instructions",
        .baseline_name = "bare-libadwaita-window", .baseline = bare / 1e6,
        .budget_of = GH_BUDGET_RATIO, .budget = FIRST_FRAME_BUDGET,
        .note = "valgrind --tool=callgrind, start to the end of the first frame, "
                "GSK_RENDERER=cairo",
      };

      gh_bench_print (&figure);
    }
}
