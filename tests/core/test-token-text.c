/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-token-text.h"

#define REAL_LOOKING "EAAGhDemoAdminSystemUserNeverExpiresZx7Qm2Lp9Rt4Vb8Nc3Kd6Wf1Hj5Sg0Ya2x9Qf"

/* What people paste: a token with the wrapping that chat, e-mail and code add around it. */
static void
test_clean (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "EAAGabc123", "EAAGabc123" },
    { "  EAAGabc123 \n", "EAAGabc123" },
    { "\"EAAGabc123\"", "EAAGabc123" },
    { "'EAAGabc123',", "EAAGabc123" },
    { "“EAAGabc123”", "EAAGabc123" },
    { "Bearer EAAGabc123", "EAAGabc123" },
    { "bearer \"EAAGabc123\"", "EAAGabc123" },
    { "\" EAAGabc123 \"", "EAAGabc123" },
    { "EAAG\nabc\r\n123", "EAAGabc123" },
    { "\xe2\x80\x8b" "EAAGabc123", "EAAGabc123" },
    { "`EAAGabc123`;", "EAAGabc123" },
    { "my token EAAGabc123", "my token EAAGabc123" },
  };
  static const char * const empty[] = { "", "   ", "\"\"", "Bearer ", "\n\t", "“ ”" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = gh_token_text_clean (cases[i].in);

      g_assert_cmpstr (clean, ==, cases[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autofree char *clean = gh_token_text_clean (empty[i]);

      g_assert_null (clean);
    }
}

static void
test_diagnose (void)
{
  static const struct { const char *in; GhTokenTextProblem problem; } cases[] = {
    { REAL_LOOKING, GH_TOKEN_TEXT_OK },
    { "  Bearer " REAL_LOOKING "\n", GH_TOKEN_TEXT_OK },
    { "", GH_TOKEN_TEXT_EMPTY },
    { " \n ", GH_TOKEN_TEXT_EMPTY },
    { "3f2c9a8b7d6e5f4a3b2c1d0e9f8a7b6c", GH_TOKEN_TEXT_APP_SECRET },
    { "3F2C9A8B7D6E5F4A3B2C1D0E9F8A7B6C", GH_TOKEN_TEXT_APP_SECRET },
    { "102290129340398", GH_TOKEN_TEXT_NUMERIC_ID },
    { "\"634974688087057\"", GH_TOKEN_TEXT_NUMERIC_ID },
    { "https://graph.facebook.com/v25.0/me?access_token=" REAL_LOOKING, GH_TOKEN_TEXT_URL },
    { "business.facebook.com/settings", GH_TOKEN_TEXT_URL },
    { "token: " REAL_LOOKING, GH_TOKEN_TEXT_HAS_SPACES },
    { REAL_LOOKING " " REAL_LOOKING, GH_TOKEN_TEXT_HAS_SPACES },
    { "EAAGhDemoAdmin", GH_TOKEN_TEXT_TOO_SHORT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *clean = NULL;
      GhTokenTextProblem problem = gh_token_text_diagnose (cases[i].in, &clean);

      g_test_message ("case %u", i);
      g_assert_cmpint (problem, ==, cases[i].problem);
      if (problem == GH_TOKEN_TEXT_OK)
        g_assert_cmpstr (clean, ==, REAL_LOOKING);
      else
        g_assert_null (clean);
      g_assert_nonnull (gh_token_text_problem_message (problem));
      gh_token_text_free (clean);
    }
}

static void
test_messages_never_echo (void)
{
  for (GhTokenTextProblem p = GH_TOKEN_TEXT_EMPTY; p <= GH_TOKEN_TEXT_TOO_SHORT; p++)
    {
      const char *message = gh_token_text_problem_message (p);

      g_assert_cmpuint (strlen (message), >, 20);
      g_assert_null (strstr (message, "EAAGh"));
    }
}

static void
test_mask (void)
{
  g_autofree char *masked = gh_token_text_mask (REAL_LOOKING);
  g_autofree char *short_masked = gh_token_text_mask ("EAAGabc");

  g_assert_cmpstr (masked, ==, "EAAG…x9Qf");
  g_assert_cmpstr (short_masked, ==, "…");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token-text/clean", test_clean);
  g_test_add_func ("/token-text/diagnose", test_diagnose);
  g_test_add_func ("/token-text/messages-never-echo", test_messages_never_echo);
  g_test_add_func ("/token-text/mask", test_mask);

  return g_test_run ();
}
