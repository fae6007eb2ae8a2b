/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "gh-demo-data.h"
#include "gh-demo-server.h"
#include "gh-test-util.h"

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
run_check_full (const char  *graph_url,
                const char  *input,
                gboolean     json,
                char       **out,
                char       **err)
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
                                         json ? "--json" : NULL, NULL);
  g_assert_no_error (error);

  /* The demo server answers on this process's main context, so keep it turning. */
  g_subprocess_communicate_async (process, stdin_bytes, NULL, communicated_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  /* Empty output has no data at all. */
  *out = g_strndup (g_bytes_get_size (run.out) > 0 ? g_bytes_get_data (run.out, NULL) : "",
                    g_bytes_get_size (run.out));
  *err = g_strndup (g_bytes_get_size (run.err) > 0 ? g_bytes_get_data (run.err, NULL) : "",
                    g_bytes_get_size (run.err));
  g_bytes_unref (run.out);
  g_bytes_unref (run.err);

  return g_subprocess_get_exit_status (process);
}

static int
run_check (const char  *graph_url,
           const char  *input,
           char       **output)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = run_check_full (graph_url, input, FALSE, &out, &err);

  *output = g_strconcat (out, err, NULL);
  return status;
}

/* `--check --json`: the exit status, and the one object standard output holds. */
static int
run_json (const char  *input,
          JsonObject **object)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = run_check_full (gh_demo_server_get_url (server), input, TRUE, &out, &err);

  g_test_message ("exit %d:\n%s%s", status, out, err);
  /* One line, one document: what a monitor reads. */
  g_assert_true (g_str_has_suffix (out, "}\n"));
  g_assert_true (strchr (out, '\n') == out + strlen (out) - 1);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  *object = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  g_assert_null (strstr (out, "EAAGh"));

  return status;
}

static JsonObject *
find_item (JsonObject *report,
           const char *id)
{
  JsonArray *items = json_object_get_array_member (report, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return item;
    }

  g_error ("No item “%s” in the JSON report", id);
  return NULL;
}

static void
assert_item (JsonObject *report,
             const char *id,
             const char *status)
{
  g_assert_cmpstr (json_object_get_string_member (find_item (report, id), "status"), ==,
                   status);
}

static void
test_exit_codes (void)
{
  /* The demo's accounts are not all ready (a pending number, another app's webhooks): a
   * token that works is still "not ready" where it reaches them. */
  static const struct { const char *input; int status; } cases[] = {
    { GH_DEMO_TOKEN_ADMIN "\n", 1 },
    { "Bearer " GH_DEMO_TOKEN_SIXTY_DAY, 1 },
    { GH_DEMO_TOKEN_EMPLOYEE, 1 },
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
  /* Checking never writes. */
  g_assert_cmpuint (gh_demo_server_get_write_count (server), ==, 0);
}

static void
test_json (void)
{
  g_autoptr(JsonObject) report = NULL;
  JsonObject *item;
  JsonArray *accounts;

  gh_demo_server_reset_counts (server);
  g_assert_cmpint (run_json (GH_DEMO_TOKEN_ADMIN, &report), ==, 1);
  /* Two round trips for all of it, and not one write. */
  g_assert_cmpuint (gh_demo_server_get_request_count (server), ==, 2);
  g_assert_cmpuint (gh_demo_server_get_write_count (server), ==, 0);

  g_assert_cmpint (json_object_get_int_member (report, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (report, "verdict"), ==, "not-ready");
  g_assert_cmpint (json_object_get_int_member (report, "exit_code"), ==, 1);
  g_assert_true (json_object_get_null_member (report, "connection"));
  assert_item (report, "token.valid", "ok");
  assert_item (report, "token.kind", "ok");
  assert_item (report, "token.expiry", "ok");
  assert_item (report, "permission.whatsapp_business_messaging", "ok");
  assert_item (report, "token.admin", "ok");
  assert_item (report, "account." GH_DEMO_WABA_ID ".reachable", "ok");
  assert_item (report, "account." GH_DEMO_WABA_ID ".webhooks", "ok");
  assert_item (report, "account." GH_DEMO_WABA_ID ".health", "ok");
  assert_item (report, "account." GH_DEMO_WABA2_ID ".health", "warning");
  assert_item (report, "account." GH_DEMO_WABA2_ID ".health.account", "warning");
  assert_item (report, "phone." GH_DEMO_PHONE_ID ".ready", "ok");
  assert_item (report, "phone." GH_DEMO_PHONE_SANDBOX_ID ".ready", "warning");

  item = find_item (report, "account." GH_DEMO_WABA2_ID ".webhooks");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (item, "fix_action"), ==, "subscribe");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "sentence"),
                            GH_DEMO_OTHER_APP_NAME));
  item = find_item (report, "phone." GH_DEMO_PHONE_PENDING_ID ".ready");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (item, "fix_action"), ==, "register");
  g_assert_cmpstr (json_object_get_string_member (item, "account"), ==, GH_DEMO_WABA_ID);

  accounts = json_object_get_array_member (report, "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (accounts, 1),
                                                  "ready_to_receive"), ==, "no");
  g_clear_pointer (&report, json_object_unref);

  /* A 60-day token is fine, with its end date. */
  g_assert_cmpint (run_json (GH_DEMO_TOKEN_SIXTY_DAY, &report), ==, 1);
  item = find_item (report, "token.expiry");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "ok");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "sentence"), "(45 days)"));
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (report,
                                                                                  "token"),
                                                   "expires_at"));
  g_clear_pointer (&report, json_object_unref);

  /* A 24-hour token is not. */
  g_assert_cmpint (run_json (GH_DEMO_TOKEN_USER_24H, &report), ==, 1);
  assert_item (report, "token.kind", "error");
  assert_item (report, "token.expiry", "error");
  g_clear_pointer (&report, json_object_unref);

  g_assert_cmpint (run_json ("EAAGhThisTokenWasRevokedLongAgoAndNoLongerWorksAtAllQx81",
                             &report), ==, 1);
  assert_item (report, "token.valid", "error");
  g_clear_pointer (&report, json_object_unref);

  g_assert_cmpint (run_json ("not a token", &report), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (report, "verdict"), ==, "not-ready");
  assert_item (report, "token.valid", "error");
  g_clear_pointer (&report, json_object_unref);

  g_assert_cmpuint (gh_demo_server_get_write_count (server), ==, 0);
}

/* Once its pending number is registered, the one account the employee's token reaches works,
 * with warnings (a test number, and an account it may not read): exit 0. */
static void
test_works_with_warnings (void)
{
  g_autoptr(GhGraphClient) admin = gh_test_client_new (server, GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GError) error = NULL;
  const char * const params[] = {
    "messaging_product", "whatsapp", "pin", GH_DEMO_REGISTER_PIN, NULL
  };

  gh_graph_client_request_async (admin, "POST", GH_DEMO_PHONE_PENDING_ID "/register", params,
                                 NULL, gh_test_keep_result_cb, &result);
  gh_test_wait_result (&result);
  answer = gh_graph_client_request_finish (admin, result, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_json (GH_DEMO_TOKEN_EMPLOYEE, &report), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (report, "verdict"), ==, "warnings");
  g_assert_cmpint (json_object_get_int_member (report, "exit_code"), ==, 0);
  assert_item (report, "account." GH_DEMO_WABA2_ID ".reachable", "warning");
  assert_item (report, "phone." GH_DEMO_PHONE_PENDING_ID ".ready", "warning");
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

  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    JsonObject *object;

    /* For a monitor, even that is a line of JSON. */
    g_assert_cmpint (run_check_full ("http://127.0.0.1:9", GH_DEMO_TOKEN_ADMIN, TRUE, &out,
                                     &err), ==, 2);
    json_parser_load_from_data (parser, out, -1, &error);
    g_assert_no_error (error);
    object = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "could-not-check");
    g_assert_cmpint (json_object_get_int_member (object, "exit_code"), ==, 2);
    g_assert_nonnull (json_object_get_string_member (object, "summary"));
  }
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
  g_test_add_func ("/check-cli/json", test_json);
  g_test_add_func ("/check-cli/could-not-check", test_could_not_check);
  /* Last: it registers the demo's pending number. */
  g_test_add_func ("/check-cli/works-with-warnings", test_works_with_warnings);

  status = g_test_run ();
  g_clear_object (&server);

  return status;
}
