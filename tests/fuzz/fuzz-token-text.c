/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-token-text"

#include "config.h"

#include "fuzz-common.h"
#include "gh-token-text.h"

/* Whatever is pasted, as raw bytes: cleaned within its bounds, accepted only as printable
 * ASCII, masked without splitting a character. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  char *clean = gh_token_text_clean (text);
  char *token = NULL;
  g_autofree char *mask = gh_token_text_mask (clean);
  GhTokenTextProblem problem = gh_token_text_diagnose (text, &token);

  g_assert (clean == NULL || g_utf8_validate (clean, -1, NULL));
  g_assert (g_utf8_validate (mask, -1, NULL));
  g_assert (gh_token_text_problem_message (problem) != NULL);
  if (problem == GH_TOKEN_TEXT_OK)
    {
      g_assert (token != NULL);
      for (const char *p = token; *p != '\0'; p++)
        g_assert (*p > ' ' && *p < 0x7f);
    }
  else
    g_assert (token == NULL);

  gh_token_text_free (token);
  gh_token_text_free (clean);

  return 0;
}
