/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-json-depth"

#include "config.h"

#include "fuzz-common.h"

/* The depth scanner against json-glib itself: whatever the scanner lets through, json-glib
 * must build no deeper than the limit.  The depth is measured without recursion, so a
 * scanner that let something deep through shows up here, not as a crash somewhere else. */

static guint
tree_depth (JsonNode *root)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  guint deepest = 0;
  guint zero = 0;

  g_ptr_array_add (stack, root);
  g_array_append_val (depths, zero);
  while (stack->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index (stack, stack->len - 1);
      guint depth = g_array_index (depths, guint, depths->len - 1);

      g_array_set_size (depths, depths->len - 1);
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          depth++;
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_ptr_array_add (stack, json_array_get_element (array, i));
              g_array_append_val (depths, depth);
            }
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          JsonNode *member;

          depth++;
          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, NULL, &member))
            {
              g_ptr_array_add (stack, member);
              g_array_append_val (depths, depth);
            }
        }
      deepest = MAX (deepest, depth);
    }

  return deepest;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;

  if (!_gh_json_check_depth ((const char *) data, size, GH_JSON_MAX_DEPTH))
    return 0;

  parser = json_parser_new_immutable ();
  if (size > 0 && json_parser_load_from_data (parser, (const char *) data, size, NULL)
      && json_parser_get_root (parser) != NULL)
    g_assert (tree_depth (json_parser_get_root (parser)) <= GH_JSON_MAX_DEPTH);

  return 0;
}
