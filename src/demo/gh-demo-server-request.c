/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-server-private.h"

/* Reading an HTTP request the way Graph does: the version in the path, the query and the
 * form body as one set of parameters, the bearer token. */

static gboolean
is_version (const char *segment,
            gsize       len)
{
  gsize i = 1;
  gsize digits;

  if (len < 4 || segment[0] != 'v')
    return FALSE;

  for (digits = 0; i < len && g_ascii_isdigit (segment[i]); i++)
    digits++;
  if (digits == 0 || i >= len || segment[i] != '.')
    return FALSE;
  for (i++, digits = 0; i < len && g_ascii_isdigit (segment[i]); i++)
    digits++;

  return digits > 0 && i == len;
}

/* "/v25.0/me/" → version "v25.0", path "me". */
char *
_gh_demo_split_path (const char  *raw,
                     char       **version)
{
  const char *slash;
  gsize len;
  char *path;

  *version = NULL;
  while (*raw == '/')
    raw++;

  slash = strchr (raw, '/');
  len = slash ? (gsize) (slash - raw) : strlen (raw);
  if (is_version (raw, len))
    {
      *version = g_strndup (raw, len);
      raw += len;
      while (*raw == '/')
        raw++;
    }

  path = g_strdup (raw);
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  return path;
}

void
_gh_demo_merge_form (GHashTable *params,
                     const char *encoded)
{
  g_autoptr(GHashTable) form = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (encoded == NULL || *encoded == '\0')
    return;

  form = soup_form_decode (encoded);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (params, g_strdup (key), g_strdup (value));
}

GHashTable *
_gh_demo_params_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

char *
_gh_demo_bearer_token (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL)
    return NULL;

  while (g_ascii_isspace (*value))
    value++;
  if (g_ascii_strncasecmp (value, "Bearer ", strlen ("Bearer ")) != 0)
    return g_strdup ("");

  return g_strstrip (g_strdup (value + strlen ("Bearer ")));
}

GHashTable *
_gh_demo_request_params (SoupServerMessage *msg,
                         GHashTable        *query)
{
  GHashTable *params = _gh_demo_params_new ();
  const char *method = soup_server_message_get_method (msg);

  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (params, g_strdup (key), g_strdup (value));
    }

  if (g_str_equal (method, "POST") || g_str_equal (method, "DELETE"))
    {
      SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
      const char *type = soup_message_headers_get_content_type (headers, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      gsize size = 0;
      const char *data;

      if (type != NULL && g_ascii_strcasecmp (type, "application/x-www-form-urlencoded") != 0)
        return params;

      bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      data = g_bytes_get_data (bytes, &size);
      text = g_strndup (data, size);
      _gh_demo_merge_form (params, text);
    }

  return params;
}
