/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-next-url"

#include "config.h"

#include "fuzz-common.h"
#include "gh-graph-client-private.h"

/* A paging.next link: followed only on the base URL's origin, and never with a token in it.
 * The first byte picks the base, Meta's or a loopback one. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const bases[] = {
    "https://graph.facebook.com", "http://127.0.0.1:8080", "http://[::1]", "http://localhost",
  };
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *next = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *cursor = NULL;
  const char *query;

  if (size < 1)
    return 0;

  base = g_uri_parse (bases[data[0] % G_N_ELEMENTS (bases)], SOUP_HTTP_URI_FLAGS, NULL);
  next = fuzz_strndup (data + 1, size - 1);
  cursor = _gh_graph_url_dup_cursor (next);
  clean = _gh_graph_url_sanitize_next (base, next);
  if (clean == NULL)
    return 0;

  uri = _gh_graph_url_parse_http (clean);
  g_assert (uri != NULL);
  g_assert (g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (base)) == 0);
  g_assert (g_ascii_strcasecmp (g_uri_get_scheme (uri), g_uri_get_scheme (base)) == 0);
  g_assert (g_uri_get_userinfo (uri) == NULL);

  query = g_uri_get_query (uri);
  if (query != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (query, "&", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *name = g_strndup (parts[i], strcspn (parts[i], "="));
          g_autofree char *decoded = g_uri_unescape_string (name, NULL);

          g_assert (decoded != NULL);
          g_assert (g_ascii_strcasecmp (decoded, "access_token") != 0);
        }
    }

  return 0;
}
