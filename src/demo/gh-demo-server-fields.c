/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-server-private.h"

/* The fields parameter: "a,b{c,d}.limit(2),e.summary(total_count)", parsed into a tree of
 * GhDemoField.  Syntax errors are worded like Meta's (code 2500), with the position. */

typedef struct
{
  const char *text;
  gsize       pos;
  char       *error;
} Parser;

static void
field_free (gpointer data)
{
  GhDemoField *field = data;

  g_free (field->name);
  g_clear_pointer (&field->children, g_ptr_array_unref);
  g_free (field->children_text);
  g_free (field);
}

static void
parser_fail (Parser     *parser,
             const char *expected)
{
  char found[8] = "";

  if (parser->error != NULL)
    return;

  if (parser->text[parser->pos] != '\0')
    {
      const char *here = parser->text + parser->pos;
      /* Never past the end, even when the text is not valid UTF-8. */
      gsize len = MIN ((gsize) g_utf8_skip[*(const guchar *) here], strnlen (here, 4));

      memcpy (found, here, len);
    }

  parser->error = g_strdup_printf ("Syntax error \"%s instead of \"%s\".\" at character %"
                                   G_GSIZE_FORMAT ": %s",
                                   expected, found[0] ? found : "end of string",
                                   parser->pos, parser->text);
}

static void
parser_skip_space (Parser *parser)
{
  while (g_ascii_isspace (parser->text[parser->pos]))
    parser->pos++;
}

static char *
parser_ident (Parser *parser)
{
  gsize start = parser->pos;

  while (g_ascii_isalnum (parser->text[parser->pos]) || parser->text[parser->pos] == '_')
    parser->pos++;

  if (parser->pos == start)
    return NULL;

  return g_strndup (parser->text + start, parser->pos - start);
}

static gboolean
parse_modifier (Parser      *parser,
                GhDemoField *field)
{
  g_autofree char *modifier = NULL;
  g_autofree char *argument = NULL;
  gsize start;

  if ((modifier = parser_ident (parser)) == NULL)
    {
      parser_fail (parser, "Expected a modifier name");
      return FALSE;
    }
  if (parser->text[parser->pos] != '(')
    {
      parser_fail (parser, "Expected \"(\"");
      return FALSE;
    }

  start = ++parser->pos;
  while (parser->text[parser->pos] != ')' && parser->text[parser->pos] != '\0')
    parser->pos++;
  if (parser->text[parser->pos] != ')')
    {
      parser_fail (parser, "Expected \")\"");
      return FALSE;
    }
  argument = g_strstrip (g_strndup (parser->text + start, parser->pos - start));
  parser->pos++;

  if (g_str_equal (modifier, "limit"))
    {
      guint64 limit;

      if (!g_ascii_string_to_unsigned (argument, 10, 0, G_MAXINT32, &limit, NULL))
        {
          parser->pos = start;
          parser_fail (parser, "Expected a non-negative integer");
          return FALSE;
        }
      field->limit = (gint64) limit;
    }
  else if (g_str_equal (modifier, "summary"))
    {
      /* summary(total_count,message_template_count,message_template_limit) asks for several
       * members at once; the demo sends them all whenever one it knows is asked for. */
      g_auto(GStrv) names = g_strsplit (argument, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const char *name = g_strstrip (names[i]);

          if (g_str_equal (name, "total_count") || g_str_equal (name, "true")
              || g_str_equal (name, "1") || g_str_equal (name, "message_template_count")
              || g_str_equal (name, "message_template_limit"))
            field->summary = TRUE;
        }
    }
  /* Other modifiers (order, filtering, since…) are accepted and have no effect here. */

  return TRUE;
}

static GPtrArray *
parse_fields (Parser   *parser,
              gboolean  nested)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (field_free);

  for (;;)
    {
      GhDemoField *field;
      char *name;
      char c;

      parser_skip_space (parser);
      if ((name = parser_ident (parser)) == NULL)
        {
          parser_fail (parser, "Expected a field name");
          return NULL;
        }

      field = g_new0 (GhDemoField, 1);
      field->name = name;
      field->limit = -1;
      g_ptr_array_add (fields, field);

      for (;;)
        {
          parser_skip_space (parser);
          if (parser->text[parser->pos] == '.')
            {
              parser->pos++;
              if (!parse_modifier (parser, field))
                return NULL;
            }
          else if (parser->text[parser->pos] == '{' && field->children == NULL)
            {
              gsize start = ++parser->pos;

              if ((field->children = parse_fields (parser, TRUE)) == NULL)
                return NULL;
              field->children_text = g_strndup (parser->text + start, parser->pos - start);
              parser->pos++;
            }
          else
            break;
        }

      parser_skip_space (parser);
      c = parser->text[parser->pos];
      if (c == ',')
        parser->pos++;
      else if ((nested && c == '}') || (!nested && c == '\0'))
        return g_steal_pointer (&fields);
      else
        {
          parser_fail (parser, nested ? "Expected \"}\"" : "Expected end of string");
          return NULL;
        }
    }
}

GPtrArray *
_gh_demo_fields_parse (const char  *text,
                       char       **error)
{
  Parser parser = { text, 0, NULL };
  GPtrArray *fields;

  if (text == NULL)
    return NULL;

  parser_skip_space (&parser);
  if (text[parser.pos] == '\0')
    return NULL;

  fields = parse_fields (&parser, FALSE);
  if (error != NULL)
    *error = g_steal_pointer (&parser.error);
  g_free (parser.error);

  return fields;
}

GPtrArray *
_gh_demo_op_parse_fields (GhDemoOp   *op,
                          const char *text)
{
  g_autofree char *error = NULL;
  GPtrArray *fields = _gh_demo_fields_parse (text, &error);

  if (error != NULL)
    _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 2500, 0, "%s", error);

  return fields;
}

GPtrArray *
_gh_demo_fields_default (const GhDemoNodeKind *kind)
{
  GPtrArray *fields = _gh_demo_fields_parse (kind->defaults, NULL);

  g_assert (fields != NULL);
  return fields;
}
