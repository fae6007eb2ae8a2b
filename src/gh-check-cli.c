/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-check-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gh-check-cli.h"
#include "gh-connection.h"
#include "gh-graph-error.h"
#include "gh-secret.h"
#include "gh-token-store.h"
#include "gh-wait.h"
#include "gh-token-text.h"

/* A token longer than this is not a token: reading stops there. */
#define MAX_STDIN_TOKEN (64 * 1024)

typedef struct
{
  GhWait   base;
  gboolean json;
} Wait;

/* A check that could not be made: a sentence on standard error, and for --json the same in
 * an object of its own on standard output, so that a monitor always has a line to read. */
static int
could_not_check (Wait       *wait,
                 const char *connection,
                 const char *sentence,
                 const char *next_step)
{
  if (next_step != NULL)
    g_printerr ("%s %s\n", sentence, next_step);
  else
    g_printerr ("%s\n", sentence);

  if (wait->json)
    {
      g_autofree char *json = gh_check_report_error_to_json (connection, sentence, next_step);

      g_print ("%s\n", json);
    }

  return GH_CHECK_EXIT_COULD_NOT_CHECK;
}

static int
check_token (GSettings         *settings,
             Wait              *wait,
             const char        *token,
             GhSavedConnection *saved)
{
  g_autofree char *version = g_settings_get_string (settings, "graph-api-version");
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *label = saved != NULL ? gh_saved_connection_get_label (saved) : NULL;

  connection = gh_connection_new (NULL, version, token, saved, &error);
  if (connection == NULL)
    return could_not_check (wait, label, error->message, NULL);

  gh_connection_check_async (connection, NULL, gh_wait_cb, &wait->base);
  report = gh_connection_check_finish (connection, gh_wait_for_result (&wait->base), &error);
  if (report == NULL && error->domain == GH_GRAPH_ERROR)
    {
      g_autoptr(GhGraphErrorText) words = gh_graph_error_describe (error);
      g_autofree char *next_step = words->wait != NULL
                                   ? g_strdup_printf ("%s %s", words->next_step, words->wait)
                                   : g_strdup (words->next_step);
      const char *trace = gh_graph_error_get_fbtrace_id (error);

      /* Meta's support asks for the trace ID of a call that went wrong. */
      if (trace != NULL)
        /* Translators: %s is the ID Meta gives each answer, for its support */
        g_printerr (_("Meta’s trace ID: %s\n"), trace);
      return could_not_check (wait, label, words->summary, next_step);
    }
  if (report == NULL)
    return could_not_check (wait, label, error->message, NULL);

  /* Text and JSON say the same, and the exit code agrees with both: a ✗ is "not ready". */
  if (wait->json)
    text = gh_check_report_to_json (report, label);
  else
    text = gh_check_report_to_text (report);
  g_print ("%s\n", text);

  return gh_check_report_get_verdict (report) == GH_CHECK_STATUS_ERROR ? GH_CHECK_EXIT_MISSING
                                                                       : GH_CHECK_EXIT_OK;
}

/* What was pasted is no token at all: the check's own verdict, without asking Meta. */
static int
not_a_token (Wait       *wait,
             const char *problem)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_printerr ("%s\n", problem);
  if (!wait->json)
    return GH_CHECK_EXIT_MISSING;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, GH_CHECK_REPORT_JSON_VERSION);
  json_builder_set_member_name (builder, "connection");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, "not-ready");
  json_builder_set_member_name (builder, "exit_code");
  json_builder_add_int_value (builder, GH_CHECK_EXIT_MISSING);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, problem);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "token.valid");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "error");
  json_builder_set_member_name (builder, "sentence");
  json_builder_add_string_value (builder, problem);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_print ("%s\n", json);

  return GH_CHECK_EXIT_MISSING;
}

static char *
read_token_from_stdin (void)
{
  GString *input = g_string_new (NULL);
  char buffer[512];
  size_t n;
  char *token;

  while (input->len < MAX_STDIN_TOKEN && (n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (input, buffer, n);

  token = g_strndup (input->str, input->len);
  gh_secret_free_gstring (input);
  gh_secret_wipe (buffer, sizeof buffer);

  return token;
}

static int
check_stdin (GSettings *settings,
             Wait      *wait)
{
  g_auto(GhSecretString) input = read_token_from_stdin ();
  g_auto(GhSecretString) token = NULL;
  GhTokenTextProblem problem = gh_token_text_diagnose (input, &token);

  if (problem != GH_TOKEN_TEXT_OK)
    return not_a_token (wait, gh_token_text_problem_message (problem));

  return check_token (settings, wait, token, NULL);
}

static int
check_saved (GSettings  *settings,
             Wait       *wait,
             const char *connection_name)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new ();
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;
  int status = GH_CHECK_EXIT_OK;
  guint checked = 0;

  gh_token_store_list_async (store, NULL, gh_wait_cb, &wait->base);
  connections = gh_token_store_list_finish (store, gh_wait_for_result (&wait->base), &error);
  if (connections == NULL)
    return could_not_check (wait, connection_name, error->message, NULL);

  for (guint i = 0; i < connections->len; i++)
    {
      GhSavedConnection *saved = g_ptr_array_index (connections, i);
      const char *label = gh_saved_connection_get_label (saved);
      g_auto(GhSecretString) token = NULL;

      if (connection_name != NULL && g_strcmp0 (connection_name, label) != 0
          && g_strcmp0 (connection_name, gh_saved_connection_get_id (saved)) != 0)
        continue;

      checked++;
      if (!wait->json)
        {
          /* Translators: %s is the name of a saved connection */
          g_print (_("Connection “%s”"), label);
          g_print ("\n");
        }

      gh_token_store_load_async (store, gh_saved_connection_get_id (saved), NULL, gh_wait_cb,
                                 &wait->base);
      token = gh_token_store_load_finish (store, gh_wait_for_result (&wait->base), &error);
      if (token == NULL)
        {
          status = MAX (status, could_not_check (wait, label, error->message, NULL));
          g_clear_error (&error);
          continue;
        }

      status = MAX (status, check_token (settings, wait, token, saved));
    }

  if (checked == 0 && connection_name != NULL)
    {
      /* Translators: %s is the name given on the command line */
      g_autofree char *sentence = g_strdup_printf (_("There is no saved connection called "
                                                     "“%s”."), connection_name);

      return could_not_check (wait, connection_name, sentence, NULL);
    }
  if (checked == 0)
    return could_not_check (wait, NULL,
                            _("There are no saved connections. Open Gatehouse to set one up, "
                              "or pass a token with --token-stdin."), NULL);

  return status;
}

int
gh_check_cli_run (GSettings  *settings,
                  const char *connection_name,
                  gboolean    token_stdin,
                  gboolean    json)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { { loop, NULL }, json };
  int status;

  g_return_val_if_fail (G_IS_SETTINGS (settings), GH_CHECK_EXIT_COULD_NOT_CHECK);

  status = token_stdin ? check_stdin (settings, &wait)
                       : check_saved (settings, &wait, connection_name);
  g_clear_object (&wait.base.result);

  return status;
}
