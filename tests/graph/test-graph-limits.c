/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-limits"

#include "config.h"

#include <string.h>

#include "gh-graph-error-private.h"
#include "gh-json-private.h"

/* The pure parts of the limits: the depth scanner that runs before json-glib. */

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-limits/depth-limit", test_depth_limit);
  g_test_add_func ("/graph-limits/depth-lexing", test_depth_lexing);

  return g_test_run ();
}
