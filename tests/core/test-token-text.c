/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-token-text"

#include "config.h"

#include <string.h>

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
    /* Broken UTF-8, accents, symbols and controls: never part of a token. */
    { "EAAB\xf0", GH_TOKEN_TEXT_NOT_A_TOKEN },
    { "EAAB\xc3", GH_TOKEN_TEXT_NOT_A_TOKEN },
    { "\xff\xfe" REAL_LOOKING, GH_TOKEN_TEXT_NOT_A_TOKEN },
    { REAL_LOOKING "\xed\xa0\x80", GH_TOKEN_TEXT_NOT_A_TOKEN },
    { "EAAGhDémoAdminSystemUserNeverExpiresZx7Qm2Lp9Rt4Vb8Nc3Kd6Wf1",
      GH_TOKEN_TEXT_NOT_A_TOKEN },
    { "EAAGh\x01" "DemoAdminSystemUserNeverExpiresZx7Qm2Lp9Rt4Vb8Nc3Kd6Wf1",
      GH_TOKEN_TEXT_NOT_A_TOKEN },
    { "EAAGh•DemoAdminSystemUserNeverExpiresZx7Qm2Lp9Rt4Vb8Nc3Kd6Wf1",
      GH_TOKEN_TEXT_NOT_A_TOKEN },
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

/* A broken character at the very end must not make the cleaner step over the end of the
 * text: what lies after it in memory never shows up in the result. */
static void
test_invalid_utf8_in_bounds (void)
{
  static const char buffer[] = "EAAB\xf0\0SECRETAFTERTHEEND";
  static const char * const truncated[] = { "\xf0", "\xe2\x80", "ab\xf4\x8f\xbf", "\xc3" };
  g_autofree char *clean = gh_token_text_clean (buffer);
  char *token = NULL;

  g_assert_nonnull (clean);
  g_assert_null (strstr (clean, "SECRET"));
  g_assert_null (strstr (clean, "AFTER"));
  g_assert_cmpstr (clean, ==, "EAAB\xef\xbf\xbd");
  g_assert_cmpint (gh_token_text_diagnose (buffer, &token), ==, GH_TOKEN_TEXT_NOT_A_TOKEN);
  g_assert_null (token);

  for (guint i = 0; i < G_N_ELEMENTS (truncated); i++)
    {
      g_autofree char *cleaned = gh_token_text_clean (truncated[i]);

      g_assert_true (g_utf8_validate (cleaned, -1, NULL));
    }
}

/* A token that is accepted is printable ASCII, whatever came around it. */
static void
test_accepted_is_ascii (void)
{
  static const char * const inputs[] = {
    "\xe2\x80\x8b" REAL_LOOKING "\xe2\x80\x8b",
    "“" REAL_LOOKING "”",
    "\xc2\xa0" "Bearer\xc2\xa0" REAL_LOOKING "\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      char *token = NULL;

      g_assert_cmpint (gh_token_text_diagnose (inputs[i], &token), ==, GH_TOKEN_TEXT_OK);
      for (const char *p = token; *p != '\0'; p++)
        g_assert_true (*p > ' ' && *p < 0x7f);
      g_assert_cmpstr (token, ==, REAL_LOOKING);
      gh_token_text_free (token);
    }
}

/* Whatever is pasted, the sentence about it never repeats any of it: no eight characters in
 * a row of the input appear in the message. */
static void
test_messages_never_echo (void)
{
  static const char * const inputs[] = {
    "",
    "EAAGhDemoAdmin",
    "EAAGhQx7Zp2Lk9Rt4Vb8Nc3K",
    REAL_LOOKING " " REAL_LOOKING,
    "token: " REAL_LOOKING,
    "https://graph.facebook.com/v25.0/me?access_token=" REAL_LOOKING,
    "business.facebook.com/settings/system-users/1029384756",
    "3f2c9a8b7d6e5f4a3b2c1d0e9f8a7b6c",
    "102290129340398102290129",
    "EAAB\xf0",
    "EAAGhDémoAdminSystemUserNeverExpiresZx7Qm2Lp9Rt4Vb8Nc3Kd6Wf1",
  };
  guint problems_seen = 0;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      GhTokenTextProblem problem = gh_token_text_diagnose (inputs[i], NULL);
      const char *message = gh_token_text_problem_message (problem);
      gsize len = strlen (inputs[i]);

      g_test_message ("%u: problem %d", i, problem);
      g_assert_cmpint (problem, !=, GH_TOKEN_TEXT_OK);
      g_assert_cmpuint (strlen (message), >, 20);
      problems_seen |= 1u << problem;

      for (gsize start = 0; start + 8 <= len; start++)
        {
          g_autofree char *slice = g_strndup (inputs[i] + start, 8);

          if (strstr (message, slice) != NULL)
            g_error ("The message for input %u repeats “%s”", i, slice);
        }
    }

  /* Every problem there is was met. */
  for (GhTokenTextProblem p = GH_TOKEN_TEXT_EMPTY; p <= GH_TOKEN_TEXT_NOT_A_TOKEN; p++)
    g_assert_true (problems_seen & (1u << p));
}

static void
test_mask (void)
{
  g_autofree char *masked = gh_token_text_mask (REAL_LOOKING);
  g_autofree char *short_masked = gh_token_text_mask ("EAAGabc");
  g_autofree char *odd_masked = gh_token_text_mask ("EAAGhDémoAdminSystemUserNeverExpiresZ"
                                                    "\xef\xbf\xbd");

  g_assert_cmpstr (masked, ==, "EAAG…x9Qf");
  g_assert_cmpstr (short_masked, ==, "…");
  /* Never half a character. */
  g_assert_cmpstr (odd_masked, ==, "…");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token-text/clean", test_clean);
  g_test_add_func ("/token-text/diagnose", test_diagnose);
  g_test_add_func ("/token-text/invalid-utf8-in-bounds", test_invalid_utf8_in_bounds);
  g_test_add_func ("/token-text/accepted-is-ascii", test_accepted_is_ascii);
  g_test_add_func ("/token-text/messages-never-echo", test_messages_never_echo);
  g_test_add_func ("/token-text/mask", test_mask);

  return g_test_run ();
}
