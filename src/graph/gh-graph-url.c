/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-client"

#include "config.h"

#include <string.h>

#include "gh-graph-client-private.h"

/* Which URLs the client may use: Meta's over https or a test server on this computer, and
 * for paging links only the origin it was given, with any token taken out. */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* Only literal addresses: "127.0.0.1.evil.com" is a name, and names can point anywhere. */
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
scheme_is_http (const char *scheme)
{
  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "http") == 0
             || g_ascii_strcasecmp (scheme, "https") == 0);
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  if (port > 0)
    return port;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0
         && g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0
         && effective_port (a) == effective_port (b);
}

/* The query without access_token; NULL when nothing is left. */
static char *
query_without_token (const char *raw_query)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) query = NULL;

  if (raw_query == NULL)
    return NULL;

  parts = g_strsplit (raw_query, "&", -1);
  query = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *decoded = NULL;
      const char *eq = strchr (parts[i], '=');

      if (parts[i][0] == '\0')
        continue;

      name = eq ? g_strndup (parts[i], eq - parts[i]) : g_strdup (parts[i]);
      decoded = g_uri_unescape_string (name, NULL);
      /* A name that does not decode could hide anything: leave it out too. */
      if (decoded == NULL || g_ascii_strcasecmp (decoded, "access_token") == 0)
        continue;

      if (query->len > 0)
        g_string_append_c (query, '&');
      g_string_append (query, parts[i]);
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

GUri *
_gh_graph_url_parse_http (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return NULL;

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !scheme_is_http (g_uri_get_scheme (uri)))
    return NULL;
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;

  return g_steal_pointer (&uri);
}

gboolean
_gh_graph_url_is_loopback (GUri *uri)
{
  return scheme_is_http (g_uri_get_scheme (uri)) && host_is_loopback (g_uri_get_host (uri));
}

gboolean
_gh_graph_url_is_meta (GUri *uri)
{
  const char *path = g_uri_get_path (uri);

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0
         && g_ascii_strcasecmp (g_uri_get_host (uri), "graph.facebook.com") == 0
         && effective_port (uri) == 443
         && (path[0] == '\0' || strcmp (path, "/") == 0)
         && g_uri_get_query (uri) == NULL
         && g_uri_get_userinfo (uri) == NULL;
}

gboolean
_gh_graph_client_is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = _gh_graph_url_parse_http (url);

  return uri != NULL && _gh_graph_url_is_loopback (uri);
}

char *
_gh_graph_url_normalize_base (GUri *uri)
{
  g_autofree char *path = g_strdup (g_uri_get_path (uri));
  g_autofree char *scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  gsize len = strlen (path);
  int port = g_uri_get_port (uri);

  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  /* GUri fills in the scheme's default port; the base URL reads better without it. */
  if ((port == 443 && strcmp (scheme, "https") == 0)
      || (port == 80 && strcmp (scheme, "http") == 0))
    port = -1;

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, g_uri_get_host (uri), port, path, NULL,
                     NULL);
}

char *
_gh_graph_url_encode_params (const char * const *params)
{
  g_autoptr(GString) encoded = NULL;

  if (params == NULL || params[0] == NULL)
    return NULL;

  encoded = g_string_new (NULL);
  for (guint i = 0; params[i] != NULL; i += 2)
    {
      if (params[i + 1] == NULL)
        {
          g_critical ("Graph parameter “%s” has no value", params[i]);
          break;
        }

      if (encoded->len > 0)
        g_string_append_c (encoded, '&');
      g_string_append_uri_escaped (encoded, params[i], NULL, FALSE);
      g_string_append_c (encoded, '=');
      g_string_append_uri_escaped (encoded, params[i + 1], NULL, FALSE);
    }

  return g_string_free (g_steal_pointer (&encoded), FALSE);
}

char *
_gh_graph_url_build (const char *base_url,
                     const char *api_version,
                     const char *path,
                     const char *query)
{
  g_autoptr(GString) url = g_string_new (base_url);

  while (*path == '/')
    path++;

  g_string_append_printf (url, "/%s/%s", api_version, path);
  if (query != NULL && *query != '\0')
    {
      g_string_append_c (url, strchr (path, '?') != NULL ? '&' : '?');
      g_string_append (url, query);
    }

  return g_string_free (g_steal_pointer (&url), FALSE);
}

char *
_gh_graph_url_sanitize_next (GUri       *base,
                             const char *next)
{
  g_autoptr(GUri) uri = _gh_graph_url_parse_http (next);
  g_autoptr(GUri) clean = NULL;
  g_autofree char *query = NULL;

  if (uri == NULL || !same_origin (uri, base))
    return NULL;

  query = query_without_token (g_uri_get_query (uri));
  clean = g_uri_build (SOUP_HTTP_URI_FLAGS, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                       g_uri_get_port (uri), g_uri_get_path (uri), query, NULL);

  return g_uri_to_string (clean);
}

char *
_gh_graph_url_dup_cursor (const char *url)
{
  g_autoptr(GUri) uri = _gh_graph_url_parse_http (url);
  g_autoptr(GHashTable) params = NULL;
  const char *query = uri != NULL ? g_uri_get_query (uri) : NULL;

  if (query == NULL)
    return NULL;

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return NULL;

  return g_strdup (g_hash_table_lookup (params, "after"));
}
