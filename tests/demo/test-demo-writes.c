/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-test-util.h"

/* The write counter and log a test reads to prove that nothing changed without a person
 * asking: only POST and DELETE operations count, alone or batched, never a batch of reads
 * nor another method, and the log never holds the token. */

static void
assert_log (GhTestFixture      *fixture,
            const char * const *expected)
{
  g_auto(GStrv) log = gh_demo_server_dup_write_log (fixture->server);
  g_autofree char *joined = g_strjoinv ("\n", log);

  g_test_message ("write log:\n%s", joined);
  g_assert_cmpuint (g_strv_length (log), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (log[i], ==, expected[i]);
}

static void
test_write_count (GhTestFixture *fixture,
                  gconstpointer  data)
{
  const char *reads =
    "[{\"method\":\"GET\",\"relative_url\":\"me\"},"
    "{\"relative_url\":\"" GH_DEMO_WABA_ID "/subscribed_apps\"},"
    "{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_PHONE_ID "?fields=health_status\"}]";
  const char *mixed =
    "[{\"method\":\"GET\",\"relative_url\":\"" GH_DEMO_WABA2_ID "/subscribed_apps\"},"
    "{\"method\":\"POST\",\"relative_url\":\"v25.0/" GH_DEMO_WABA2_ID "/subscribed_apps\"},"
    "{\"method\":\"delete\",\"relative_url\":\"" GH_DEMO_WABA_ID
    "/assigned_users?user=1972385232742142\"},"
    "{\"method\":\"POST\",\"relative_url\":\"{result=missing:$.id}/register\"}]";
  static const char * const expected[] = {
    "POST " GH_DEMO_WABA_ID "/subscribed_apps",
    "DELETE " GH_DEMO_WABA_ID "/subscribed_apps",
    "POST " GH_DEMO_PHONE_PENDING_ID "/register",
    "POST " GH_DEMO_WABA2_ID "/subscribed_apps",
    "DELETE " GH_DEMO_WABA_ID "/assigned_users",
    "POST {result=missing:$.id}/register",
    NULL
  };

  gh_demo_server_reset_counts (fixture->server);

  {
    /* Reads, alone or in a batch, are not writes; the batch request itself is not one. */
    g_autoptr(GhTestReply) me = gh_test_get (fixture, "/v25.0/me", GH_DEMO_TOKEN_ADMIN);
    g_autoptr(GhTestReply) put = gh_test_fetch (fixture, "PUT", "/v25.0/me",
                                                GH_DEMO_TOKEN_ADMIN, "name=x");
    g_autoptr(GhTestReply) batch = gh_test_batch (fixture, GH_DEMO_TOKEN_ADMIN, reads);

    g_assert_cmpuint (me->status, ==, 200);
    g_assert_cmpint (gh_test_reply_error_code (put), ==, 100);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (batch->root)), ==, 3);
    g_assert_cmpuint (gh_demo_server_get_operation_count (fixture->server), ==, 5);
    g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);
    assert_log (fixture, (const char * const[]) { NULL });
  }

  {
    /* Each POST and DELETE counts, refused ones too: they were attempts to change. */
    g_autoptr(GhTestReply) post = gh_test_fetch (fixture, "POST",
                                                 "/v25.0/" GH_DEMO_WABA_ID "/subscribed_apps",
                                                 GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(GhTestReply) delete = gh_test_fetch (fixture, "DELETE",
                                                   "/v25.0/" GH_DEMO_WABA_ID
                                                   "/subscribed_apps?fields=id",
                                                   GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(GhTestReply) refused = gh_test_fetch (fixture, "POST",
                                                    "/" GH_DEMO_PHONE_PENDING_ID "/register",
                                                    GH_DEMO_TOKEN_EMPLOYEE,
                                                    "messaging_product=whatsapp&pin=123456");

    g_assert_cmpuint (post->status, ==, 200);
    g_assert_cmpuint (delete->status, ==, 200);
    g_assert_cmpint (gh_test_reply_error_code (refused), ==, 200);
    g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 3);
  }

  {
    /* Inside a batch, each writing operation counts once, the one that could not be
     * resolved too; the reads around them do not. */
    g_autoptr(GhTestReply) batch = gh_test_batch (fixture, GH_DEMO_TOKEN_ADMIN, mixed);
    g_autoptr(JsonNode) body = NULL;
    gint64 code;

    body = gh_test_batch_body (batch, 1, &code);
    g_assert_cmpint (code, ==, 200);
    g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 6);
    g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 7);
  }

  assert_log (fixture, expected);

  gh_demo_server_reset_counts (fixture->server);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 0);
  assert_log (fixture, (const char * const[]) { NULL });
}

static void
test_write_log_without_token (GhTestFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(GhTestReply) in_path = gh_test_fetch (fixture, "POST",
                                                  "/v25.0/" GH_DEMO_TOKEN_ADMIN "/register",
                                                  GH_DEMO_TOKEN_ADMIN, "pin=123456");
  g_autoptr(GhTestReply) in_form = gh_test_fetch (fixture, "DELETE",
                                                  "/v25.0/" GH_DEMO_WABA_ID
                                                  "/subscribed_apps",
                                                  GH_DEMO_TOKEN_ADMIN,
                                                  "access_token=" GH_DEMO_TOKEN_ADMIN);
  g_auto(GStrv) log = gh_demo_server_dup_write_log (fixture->server);

  /* A client that misplaces the token still never finds it in the log. */
  g_assert_cmpint (gh_test_reply_error_code (in_path), ==, 803);
  g_assert_cmpuint (in_form->status, ==, 200);
  g_assert_cmpuint (g_strv_length (log), ==, 2);
  for (guint i = 0; log[i] != NULL; i++)
    g_assert_null (strstr (log[i], GH_DEMO_TOKEN_ADMIN));
  g_assert_cmpstr (log[0], ==, "POST [token]/register");
  g_assert_cmpstr (log[1], ==, "DELETE " GH_DEMO_WABA_ID "/subscribed_apps");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_TEST_ADD ("/demo/write-count", test_write_count);
  GH_TEST_ADD ("/demo/write-log-without-token", test_write_log_without_token);

  return g_test_run ();
}
