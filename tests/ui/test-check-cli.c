/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>

#include "gh-demo-server.h"

/* `gatehouse --check --token-stdin` as a deploy script runs it: the real binary, a token on
 * standard input, the demo server on loopback, and only the exit status and output to go by. */

static GhDemoServer *server;

typedef struct
{
  GBytes  *out;
  GBytes  *err;
  gboolean done;
} Run;

static void
communicated_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

static int
run_check (const char  *graph_url,
           const char  *input,
           char       **output)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdin_bytes = g_bytes_new (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "gatehouse",
                                                   NULL);
  Run run = { NULL, NULL, FALSE };

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "GATEHOUSE_GRAPH_URL", graph_url, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--check", "--token-stdin",
                                         NULL);
  g_assert_no_error (error);

  /* The demo server answers on this process's main context, so keep it turning. */
  g_subprocess_communicate_async (process, stdin_bytes, NULL, communicated_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  *output = g_strdup_printf ("%.*s%.*s",
                             (int) g_bytes_get_size (run.out),
                             (const char *) g_bytes_get_data (run.out, NULL),
                             (int) g_bytes_get_size (run.err),
                             (const char *) g_bytes_get_data (run.err, NULL));
  g_bytes_unref (run.out);
  g_bytes_unref (run.err);

  return g_subprocess_get_exit_status (process);
}

static void
test_exit_codes (void)
{
  static const struct { const char *input; int status; } cases[] = {
    { GH_DEMO_TOKEN_ADMIN "\n", 0 },
    { "Bearer " GH_DEMO_TOKEN_SIXTY_DAY, 0 },
    { GH_DEMO_TOKEN_EMPLOYEE, 0 },
    { GH_DEMO_TOKEN_USER_24H, 1 },
    { GH_DEMO_TOKEN_NO_MESSAGING, 1 },
    { "EAAGhThisTokenWasRevokedLongAgoAndNoLongerWorksAtAllQx81", 1 },
    { GH_DEMO_WABA_ID, 1 },
    { "", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = NULL;
      int status = run_check (gh_demo_server_get_url (server), cases[i].input, &output);

      g_test_message ("case %u → %d:\n%s", i, status, output);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_null (strstr (output, "EAAGh"));
    }

  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (server), ==, 0);
}

static void
test_could_not_check (void)
{
  g_autofree char *output = NULL;
  g_autofree char *refused = NULL;

  /* Nothing listens on port 9 of loopback; a non-loopback override is refused outright. */
  g_assert_cmpint (run_check ("http://127.0.0.1:9", GH_DEMO_TOKEN_ADMIN, &output), ==, 2);
  g_assert_cmpint (run_check ("https://graph.example.com", GH_DEMO_TOKEN_ADMIN, &refused), ==, 2);
  g_assert_nonnull (strstr (refused, "graph.example.com"));
  g_assert_null (strstr (refused, "EAAGh"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  server = gh_demo_server_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/check-cli/exit-codes", test_exit_codes);
  g_test_add_func ("/check-cli/could-not-check", test_could_not_check);

  status = g_test_run ();
  g_clear_object (&server);

  return status;
}
