/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-redact"

#include "config.h"

#include "gh-graph-redact.h"

/* Anything a log line or an error detail could carry out of the app goes through here
 * first: the patterns cover every way Meta and people write a token down. */

static GRegex *
compile_once (GRegex    **regex,
              const char *pattern)
{
  if (g_once_init_enter (regex))
    {
      GRegex *compiled = g_regex_new (pattern, G_REGEX_RAW, 0, NULL);

      g_assert (compiled != NULL);
      g_once_init_leave (regex, compiled);
    }

  return *regex;
}

char *
gh_graph_redact (const char *text)
{
  static GRegex *query_token;
  static GRegex *bearer;
  static GRegex *eaa;
  static GRegex *long_run;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;
  char *step4;

  if (text == NULL)
    return NULL;

  compile_once (&query_token, "(?i)(access_token|input_token)=[^&\\s\"'<>]*");
  compile_once (&bearer, "(?i)\\bBearer\\s+[^\\s\"',;]+");
  compile_once (&eaa, "EAA[A-Za-z0-9]+");
  compile_once (&long_run, "[A-Za-z0-9_-]{40,}");

  step1 = g_regex_replace (query_token, text, -1, 0, "\\1=[redacted]", 0, NULL);
  step2 = g_regex_replace_literal (bearer, step1 ? step1 : "", -1, 0, "Bearer [redacted]", 0,
                                   NULL);
  step3 = g_regex_replace_literal (eaa, step2 ? step2 : "", -1, 0, "[redacted]", 0, NULL);
  step4 = g_regex_replace_literal (long_run, step3 ? step3 : "", -1, 0, "[redacted]", 0, NULL);

  return step4 ? step4 : g_strdup ("[redacted]");
}
