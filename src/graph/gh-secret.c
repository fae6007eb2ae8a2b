/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-secret"

#include "config.h"

#include <string.h>

#include "gh-secret.h"

void
gh_secret_wipe (void  *data,
                gsize  len)
{
  if (data == NULL || len == 0)
    return;

#ifdef HAVE_EXPLICIT_BZERO
  explicit_bzero (data, len);
#else
  {
    volatile unsigned char *p = data;

    for (gsize i = 0; i < len; i++)
      p[i] = 0;
  }
#endif
}

void
gh_secret_wipe_string (char *text)
{
  if (text != NULL)
    gh_secret_wipe (text, strlen (text));
}

void
gh_secret_free (char *text)
{
  gh_secret_wipe_string (text);
  g_free (text);
}

void
gh_secret_free_gstring (GString *string)
{
  if (string == NULL)
    return;

  gh_secret_wipe (string->str, string->allocated_len);
  g_string_free (string, TRUE);
}
