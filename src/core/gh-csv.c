/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-csv"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gh-csv.h"

struct _GhCsvWriter
{
  GString  *text;
  gboolean  in_row;   /* a cell of the current row is written: the next needs a comma */
};

GhCsvWriter *
gh_csv_writer_new (void)
{
  GhCsvWriter *self = g_new0 (GhCsvWriter, 1);

  self->text = g_string_new (NULL);

  return self;
}

void
gh_csv_writer_free (GhCsvWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_free (self);
}

void
gh_csv_writer_add_cell (GhCsvWriter *self,
                        const char  *text)
{
  g_autofree char *guarded = NULL;

  g_return_if_fail (self != NULL);

  if (self->in_row)
    g_string_append_c (self->text, ',');
  self->in_row = TRUE;

  text = text != NULL ? text : "";
  /* A spreadsheet runs a cell starting like this as a formula: text from elsewhere (a name
   * Meta sent) must not. */
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    text = guarded = g_strconcat ("'", text, NULL);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (self->text, text);
      return;
    }

  g_string_append_c (self->text, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->text, '"');
      g_string_append_c (self->text, *p);
    }
  g_string_append_c (self->text, '"');
}

void
gh_csv_writer_end_row (GhCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->text, "\r\n");
  self->in_row = FALSE;
}

void
gh_csv_writer_add_row (GhCsvWriter *self,
                       const char  *first_cell,
                       ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, first_cell);
  for (const char *cell = first_cell; cell != NULL; cell = va_arg (args, const char *))
    gh_csv_writer_add_cell (self, cell);
  va_end (args);

  gh_csv_writer_end_row (self);
}

char *
gh_csv_writer_free_to_string (GhCsvWriter *self)
{
  char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->in_row)
    gh_csv_writer_end_row (self);

  text = g_string_free (g_steal_pointer (&self->text), FALSE);
  g_free (self);

  return text;
}
