/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-json"

#include "config.h"

#include <math.h>

#include "gh-graph-error-private.h"
#include "gh-json-private.h"

static JsonNode *
get_value_member (JsonObject *object,
                  const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return node;
}

static gboolean
node_get_int (JsonNode *node,
              gint64   *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!isfinite (d) || d >= 9.2e18 || d <= -9.2e18)
        return FALSE;
      *out = (gint64) d;
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    {
      /* Some samples quote numbers; accept plain decimal text only. */
      return g_ascii_string_to_signed (json_node_get_string (node), 10,
                                       G_MININT64, G_MAXINT64, out, NULL);
    }

  return FALSE;
}

JsonObject *
_gh_json_node_get_object (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

JsonObject *
_gh_json_object_get_object (JsonObject *object,
                            const char *member)
{
  if (object == NULL)
    return NULL;

  return _gh_json_node_get_object (json_object_get_member (object, member));
}

JsonArray *
_gh_json_object_get_array (JsonObject *object,
                           const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

const char *
_gh_json_object_get_string (JsonObject *object,
                            const char *member)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
_gh_json_object_get_int (JsonObject *object,
                         const char *member,
                         gint64      default_value)
{
  gint64 value;

  if (!node_get_int (get_value_member (object, member), &value))
    return default_value;

  return value;
}

gboolean
_gh_json_object_has_int (JsonObject *object,
                         const char *member)
{
  gint64 value;

  return node_get_int (get_value_member (object, member), &value);
}

gboolean
_gh_json_object_get_bool (JsonObject *object,
                          const char *member,
                          gboolean    default_value)
{
  JsonNode *node = get_value_member (object, member);
  GType type;

  if (node == NULL)
    return default_value;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node) != 0;
  if (type == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      if (g_strcmp0 (s, "true") == 0)
        return TRUE;
      if (g_strcmp0 (s, "false") == 0)
        return FALSE;
    }

  return default_value;
}

static gboolean
is_digits (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;

  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;

  return TRUE;
}

char *
_gh_json_node_dup_id (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      g_autofree char *s = g_strstrip (g_strdup (json_node_get_string (node)));

      /* Meta's IDs are digits, but an opaque string is still better than nothing. */
      if (*s == '\0')
        return NULL;
      return g_steal_pointer (&s);
    }
  if (type == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);

      /* json-glib wraps integers that overflow 64 bits: those come out negative. */
      if (v < 0)
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, v);
    }
  if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      char *s;

      if (!isfinite (d) || d < 0)
        return NULL;
      /* Above 2^53 every double is whole; below it, a fraction is not an ID. */
      if (d < 9007199254740992.0 && d != (double) (gint64) d)
        return NULL;
      s = g_strdup_printf ("%.0f", d);
      if (!is_digits (s))
        g_clear_pointer (&s, g_free);
      return s;
    }

  return NULL;
}

char *
_gh_json_object_dup_id (JsonObject *object,
                        const char *member)
{
  if (object == NULL)
    return NULL;

  return _gh_json_node_dup_id (json_object_get_member (object, member));
}

GStrv
_gh_json_object_dup_strv (JsonObject *object,
                          const char *member)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array = _gh_json_object_get_array (object, member);
  guint n;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element)
          && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

GPtrArray *
_gh_json_array_parse_items (JsonArray        *items,
                            GhJsonItemParser  parse_item,
                            gpointer          user_data)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = items != NULL ? json_array_get_length (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      gpointer object = parse_item (json_array_get_element (items, i), user_data);

      if (object != NULL)
        g_ptr_array_add (objects, object);
    }

  return objects;
}

GPtrArray *
_gh_json_parse_data_list (JsonNode          *node,
                          GhJsonItemParser   parse_item,
                          gpointer           user_data,
                          const char        *what,
                          GError           **error)
{
  JsonArray *items = _gh_json_object_get_array (_gh_json_node_get_object (node), "data");

  if (items == NULL)
    {
      g_autofree char *text = g_strdup_printf ("The %s list has no data", what);

      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE, text));
      return NULL;
    }

  return _gh_json_array_parse_items (items, parse_item, user_data);
}

/* json-glib's parser recurses once per level of nesting and has no limit of its own, so a
 * few hundred kilobytes of "[[[[…" are enough to overflow the stack.  This walks the text
 * the way json-glib's scanner cuts it into tokens (double-quoted strings with backslash
 * escapes, single-quoted strings without, C comments) and counts the brackets outside them,
 * without building anything. */
gboolean
_gh_json_check_depth (const char *data,
                      gsize       length,
                      guint       max_depth)
{
  enum { TOKENS, DOUBLE_QUOTED, SINGLE_QUOTED, COMMENT } state = TOKENS;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      switch (state)
        {
        case DOUBLE_QUOTED:
          if (c == '\\')
            i++;
          else if (c == '"')
            state = TOKENS;
          break;

        case SINGLE_QUOTED:
          if (c == '\'')
            state = TOKENS;
          break;

        case COMMENT:
          if (c == '*' && i + 1 < length && data[i + 1] == '/')
            {
              i++;
              state = TOKENS;
            }
          break;

        case TOKENS:
        default:
          if (c == '"')
            state = DOUBLE_QUOTED;
          else if (c == '\'')
            state = SINGLE_QUOTED;
          else if (c == '/' && i + 1 < length && data[i + 1] == '*')
            {
              i++;
              state = COMMENT;
            }
          else if (c == '[' || c == '{')
            {
              if (++depth > max_depth)
                return FALSE;
            }
          else if ((c == ']' || c == '}') && depth > 0)
            depth--;
          break;
        }
    }

  return TRUE;
}

JsonNode *
_gh_json_parse_bytes (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      g_propagate_error (error, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           GH_GRAPH_CAUSE_NOT_JSON, 0,
                                                           "Empty document"));
      return NULL;
    }

  if (!_gh_json_check_depth (data, length, GH_JSON_MAX_DEPTH))
    {
      g_autofree char *text = g_strdup_printf ("Nested more than %u levels deep",
                                               GH_JSON_MAX_DEPTH);

      g_propagate_error (error, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           GH_GRAPH_CAUSE_TOO_DEEP, 0, text));
      return NULL;
    }

  if (length > G_MAXSSIZE
      || !json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_propagate_error (error, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           GH_GRAPH_CAUSE_NOT_JSON, 0,
                                                           parse_error ? parse_error->message
                                                                       : "Too long"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_cause (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                           GH_GRAPH_CAUSE_NOT_JSON, 0,
                                                           "Empty document"));
      return NULL;
    }

  return json_node_ref (root);
}
