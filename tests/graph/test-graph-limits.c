/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-limits"

#include "config.h"

#include <string.h>

#include "gh-graph-client-private.h"
#include "gh-json-private.h"

/* The pure parts of the limits: the depth scanner that runs before json-glib, and the
 * parsers of Meta's usage headers. */

static char *
nest (const char *open,
      guint       depth,
      const char *inner,
      const char *close)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, open);
  g_string_append (text, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (text, close);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
tree_depth (JsonNode *node)
{
  guint deepest = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          guint depth = tree_depth (json_array_get_element (array, i));

          deepest = MAX (deepest, depth);
        }
      return deepest + 1;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        {
          guint depth = tree_depth (member);

          deepest = MAX (deepest, depth);
        }
      return deepest + 1;
    }

  return 0;
}

static void
test_depth_limit (void)
{
  g_autofree char *at_limit = nest ("[", GH_JSON_MAX_DEPTH, "1", "]");
  g_autofree char *over = nest ("[", GH_JSON_MAX_DEPTH + 1, "1", "]");
  g_autofree char *objects = nest ("{\"a\":", GH_JSON_MAX_DEPTH + 1, "1", "}");
  g_autofree char *huge = nest ("[", 100000, "", "]");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (_gh_json_check_depth (at_limit, strlen (at_limit), GH_JSON_MAX_DEPTH));
  node = _gh_json_parse_bytes (at_limit, strlen (at_limit), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tree_depth (node), ==, GH_JSON_MAX_DEPTH);

  g_assert_false (_gh_json_check_depth (over, strlen (over), GH_JSON_MAX_DEPTH));
  g_assert_false (_gh_json_check_depth (objects, strlen (objects), GH_JSON_MAX_DEPTH));
  g_assert_false (_gh_json_check_depth (huge, strlen (huge), GH_JSON_MAX_DEPTH));
  g_clear_pointer (&node, json_node_unref);
  node = _gh_json_parse_bytes (huge, strlen (huge), &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_TOO_DEEP);
}

static void
test_depth_lexing (void)
{
  /* Brackets inside strings and comments are text, not nesting... */
  g_autofree char *brackets = g_strnfill (1000, '[');
  g_autofree char *in_double = g_strdup_printf ("[\"%s\"]", brackets);
  g_autofree char *in_single = g_strdup_printf ("['%s']", brackets);
  g_autofree char *in_comment = g_strdup_printf ("[/* %s */ 1]", brackets);
  g_autofree char *escaped = g_strdup_printf ("[\"\\\"%s\"]", brackets);
  /* ...but a quote that json-glib reads inside a string, a comment or a single-quoted
   * string does not open a string that would hide real nesting after it. */
  g_autofree char *deep = nest ("[", 200, "1", "]");
  g_autofree char *after_single = g_strdup_printf ("['\"', %s]", deep);
  g_autofree char *after_comment = g_strdup_printf ("[/* \" */ %s]", deep);
  g_autofree char *after_escape = g_strdup_printf ("[\"\\\\\", %s]", deep);
  g_autofree char *after_backslash_sq = g_strdup_printf ("['\\', %s]", deep);
  const char *fine[] = { in_double, in_single, in_comment, escaped };
  const char *hidden[] = { after_single, after_comment, after_escape, after_backslash_sq };

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = _gh_json_parse_bytes (fine[i], strlen (fine[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (tree_depth (node), ==, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      JsonParser *parser = json_parser_new ();

      g_test_message ("%.12s…", hidden[i]);
      g_assert_false (_gh_json_check_depth (hidden[i], strlen (hidden[i]), GH_JSON_MAX_DEPTH));
      /* json-glib does read each of them that deep: the scanner is not overcautious. */
      g_assert_true (json_parser_load_from_data (parser, hidden[i], -1, NULL));
      g_assert_cmpuint (tree_depth (json_parser_get_root (parser)), >, GH_JSON_MAX_DEPTH);
      g_object_unref (parser);
    }

  /* Cut off anywhere, it never reads past the end. */
  for (gsize len = 0; len < strlen (after_escape); len++)
    _gh_json_check_depth (after_escape, len, GH_JSON_MAX_DEPTH);
}

static void
test_usage_business (void)
{
  static const struct { const char *value; gboolean seen; guint percent; guint wait; } rows[] = {
    { "{\"123\": [{\"type\": \"whatsapp_business_management\", \"call_count\": 28,"
      " \"total_cputime\": 12, \"total_time\": 31, \"estimated_time_to_regain_access\": 0}]}",
      TRUE, 31, 0 },
    { "{\"1\": [{\"call_count\": 5}, {\"call_count\": 97, \"estimated_time_to_regain_access\": 3}],"
      " \"2\": [{\"total_time\": 40, \"estimated_time_to_regain_access\": 9}]}", TRUE, 97, 9 },
    /* An older shape: one object per business, not an array. */
    { "{\"1\": {\"call_count\": 81}}", TRUE, 81, 0 },
    /* Numbers as strings, as some samples quote them. */
    { "{\"1\": [{\"call_count\": \"64\", \"estimated_time_to_regain_access\": \"2\"}]}",
      TRUE, 64, 2 },
    /* Nonsense is clamped: no wait for ever, no negative one. */
    { "{\"1\": [{\"call_count\": -40, \"estimated_time_to_regain_access\": 99999999}]}",
      TRUE, 0, 24 * 60 },
    { "{\"1\": [{\"call_count\": 1e300}]}", TRUE, 0, 0 },
    { "{\"1\": [null, 3, \"x\", []]}", TRUE, 0, 0 },
    { "[]", FALSE, 0, 0 },
    { "not json", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GhGraphUsage usage = { 0 };

      g_test_message ("%s", rows[i].value);
      _gh_graph_usage_add_business (&usage, rows[i].value);
      g_assert_cmpint (usage.seen, ==, rows[i].seen);
      g_assert_cmpuint (usage.percent, ==, rows[i].percent);
      g_assert_cmpuint (usage.wait_minutes, ==, rows[i].wait);
    }
}

static void
test_usage_headers (void)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (
    SOUP_MESSAGE_HEADERS_RESPONSE);
  GhGraphUsage usage = { 0 };

  /* Every spelling, in any case; the highest figure and the longest wait win. */
  soup_message_headers_append (headers, "x-business-use-case-usage",
                               "{\"1\": [{\"call_count\": 20}]}");
  soup_message_headers_append (headers, "X-BUSINESS-USE-CASE",
                               "{\"2\": [{\"call_count\": 30,"
                               " \"estimated_time_to_regain_access\": 4}]}");
  soup_message_headers_append (headers, "X-App-Usage",
                               "{\"call_count\": 12, \"total_time\": 55, \"total_cputime\": 3}");
  _gh_graph_usage_read_headers (&usage, headers);
  g_assert_true (usage.seen);
  g_assert_cmpuint (usage.percent, ==, 55);
  g_assert_cmpuint (usage.wait_minutes, ==, 4);

  g_assert_cmpuint (_gh_graph_usage_retry_after (headers), ==, 0);
  soup_message_headers_replace (headers, "Retry-After", " 120 ");
  g_assert_cmpuint (_gh_graph_usage_retry_after (headers), ==, 120);
  soup_message_headers_replace (headers, "Retry-After", "99999999999");
  g_assert_cmpuint (_gh_graph_usage_retry_after (headers), ==, 24 * 60 * 60);
  soup_message_headers_replace (headers, "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
  g_assert_cmpuint (_gh_graph_usage_retry_after (headers), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-limits/depth-limit", test_depth_limit);
  g_test_add_func ("/graph-limits/depth-lexing", test_depth_lexing);
  g_test_add_func ("/graph-limits/usage-business", test_usage_business);
  g_test_add_func ("/graph-limits/usage-headers", test_usage_headers);

  return g_test_run ();
}
