/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-client"

#include "config.h"

#include <string.h>

#include "gh-graph-client-private.h"
#include "gh-json-private.h"

/* Meta's usage headers, read on every answer: how close the app and the account are to
 * their hourly limits, and how long Meta wants calls to stop once they are reached.  The
 * values come from the network, so every one is clamped: a server cannot make Gatehouse
 * wait for ever, nor talk it out of a wait with a negative number. */

/* Longer than any block Meta documents; a larger figure is a broken or hostile answer. */
#define MAX_WAIT_MINUTES (24 * 60)
#define MAX_PERCENT 1000

static guint
clamp_int (gint64 value,
           guint  max)
{
  if (value <= 0)
    return 0;

  return (guint) MIN (value, (gint64) max);
}

static void
add_entry (GhGraphUsage *usage,
           JsonObject   *entry)
{
  static const char * const counters[] = { "call_count", "total_cputime", "total_time" };
  guint wait;

  if (entry == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (counters); i++)
    {
      guint percent = clamp_int (_gh_json_object_get_int (entry, counters[i], 0), MAX_PERCENT);

      usage->percent = MAX (usage->percent, percent);
    }

  wait = clamp_int (_gh_json_object_get_int (entry, "estimated_time_to_regain_access", 0),
                    MAX_WAIT_MINUTES);
  usage->wait_minutes = MAX (usage->wait_minutes, wait);
}

static JsonObject *
parse_header_object (const char *value,
                     JsonNode  **root)
{
  if (value == NULL)
    return NULL;

  *root = _gh_json_parse_bytes (value, strlen (value), NULL);

  return _gh_json_node_get_object (*root);
}

void
_gh_graph_usage_add_business (GhGraphUsage *usage,
                              const char   *value)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_header_object (value, &root);
  JsonObjectIter iter;
  JsonNode *member;

  if (object == NULL)
    return;

  usage->seen = TRUE;

  /* One member per business object (up to 32), each an array of entries, one per type of
   * use case; older answers hold a single object instead of the array. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, NULL, &member))
    {
      if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *entries = json_node_get_array (member);
          guint n = json_array_get_length (entries);

          for (guint i = 0; i < n; i++)
            add_entry (usage, _gh_json_node_get_object (json_array_get_element (entries, i)));
        }
      else
        add_entry (usage, _gh_json_node_get_object (member));
    }
}

void
_gh_graph_usage_add_app (GhGraphUsage *usage,
                         const char   *value)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_header_object (value, &root);

  if (object == NULL)
    return;

  usage->seen = TRUE;
  add_entry (usage, object);
}

static void
header_cb (const char *name,
           const char *value,
           gpointer    user_data)
{
  GhGraphUsage *usage = user_data;

  if (g_ascii_strcasecmp (name, "X-Business-Use-Case-Usage") == 0
      || g_ascii_strcasecmp (name, "X-Business-Use-Case") == 0)
    _gh_graph_usage_add_business (usage, value);
  else if (g_ascii_strcasecmp (name, "X-App-Usage") == 0)
    _gh_graph_usage_add_app (usage, value);
}

void
_gh_graph_usage_read_headers (GhGraphUsage       *usage,
                              SoupMessageHeaders *headers)
{
  if (headers != NULL)
    soup_message_headers_foreach (headers, header_cb, usage);
}

guint
_gh_graph_usage_retry_after (SoupMessageHeaders *headers)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GDateTime) when = NULL;
  const char *retry_after;
  guint64 value;

  retry_after = headers != NULL ? soup_message_headers_get_one (headers, "Retry-After") : NULL;
  if (retry_after == NULL)
    return 0;

  stripped = g_strstrip (g_strdup (retry_after));
  if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT64, &value, NULL))
    return (guint) MIN (value, MAX_WAIT_MINUTES * 60);

  when = soup_date_time_new_from_http_string (stripped);
  if (when != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan diff = g_date_time_difference (when, now);

      if (diff > 0)
        return (guint) MIN (diff / G_TIME_SPAN_SECOND, MAX_WAIT_MINUTES * 60);
    }

  return 0;
}
