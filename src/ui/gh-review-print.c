/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-review-print"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-review-print.h"

/* The report laid out with Pango, a line after another, on as many pages as it takes; each
 * page ends with its number.  Every text is set as plain text: names are Meta's. */

#define SPACE_BEFORE_HEADING 14.0
#define SPACE_AFTER          4.0
#define DETAIL_INDENT        18.0
#define FOOTER_HEIGHT        24.0

typedef struct
{
  GPtrArray *lines;      /* GhReportLine* */
  GPtrArray *layouts;    /* PangoLayout*, one per line */
  GArray    *tops;       /* double: where each line starts on its page */
  GArray    *pages;      /* guint: the first line of each page */
  char      *title;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_pointer (&data->lines, g_ptr_array_unref);
  g_clear_pointer (&data->layouts, g_ptr_array_unref);
  g_clear_pointer (&data->tops, g_array_unref);
  g_clear_pointer (&data->pages, g_array_unref);
  g_free (data->title);
  g_free (data);
}

static const char *
style_font (GhReportStyle style)
{
  switch (style)
    {
    case GH_REPORT_TITLE:
      return "Sans Bold 18";
    case GH_REPORT_HEADING:
      return "Sans Bold 13";
    case GH_REPORT_PERSON:
      return "Sans Bold 10.5";
    case GH_REPORT_TEXT:
    case GH_REPORT_DETAIL:
    default:
      return "Sans 10";
    }
}

static double
style_indent (GhReportStyle style)
{
  return style == GH_REPORT_DETAIL ? DETAIL_INDENT : 0.0;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  double y = 0.0;
  guint first = 0;

  data->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  data->tops = g_array_new (FALSE, FALSE, sizeof (double));
  data->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (data->pages, first);

  for (guint i = 0; i < data->lines->len; i++)
    {
      GhReportLine *line = g_ptr_array_index (data->lines, i);
      PangoLayout *layout = gtk_print_context_create_pango_layout (context);
      PangoFontDescription *font = pango_font_description_from_string (style_font (line->style));
      double before = line->style == GH_REPORT_HEADING || line->style == GH_REPORT_PERSON
                      ? SPACE_BEFORE_HEADING / (line->style == GH_REPORT_PERSON ? 2.0 : 1.0)
                      : 0.0;
      int line_width;
      int line_height;

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_width (layout, (int) ((width - style_indent (line->style)) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, line->text, -1);
      pango_layout_get_pixel_size (layout, &line_width, &line_height);

      /* A line that does not fit starts the next page; a page never starts with space. */
      if (y > 0.0 && y + before + line_height > height)
        {
          guint start = i;

          g_array_append_val (data->pages, start);
          y = 0.0;
        }
      if (y > 0.0)
        y += before;

      g_array_append_val (data->tops, y);
      g_ptr_array_add (data->layouts, layout);
      y += line_height + SPACE_AFTER;
    }

  gtk_print_operation_set_n_pages (operation, data->pages->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first = g_array_index (data->pages, guint, page_nr);
  guint last = (guint) page_nr + 1 < data->pages->len
               ? g_array_index (data->pages, guint, page_nr + 1) : data->lines->len;
  g_autoptr(PangoLayout) footer = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  g_autofree char *footer_text = NULL;

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  for (guint i = first; i < last; i++)
    {
      GhReportLine *line = g_ptr_array_index (data->lines, i);

      cairo_move_to (cr, style_indent (line->style), g_array_index (data->tops, double, i));
      pango_cairo_show_layout (cr, g_ptr_array_index (data->layouts, i));
    }

  /* Translators: the foot of each printed page: the report's title, the page, the pages */
  footer_text = g_strdup_printf (_("%s — page %d of %u"), data->title, page_nr + 1,
                                 data->pages->len);
  pango_layout_set_font_description (footer, font);
  pango_font_description_free (font);
  pango_layout_set_text (footer, footer_text, -1);
  cairo_move_to (cr, 0.0, gtk_print_context_get_height (context) - FOOTER_HEIGHT / 2.0);
  pango_cairo_show_layout (cr, footer);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_object_set_data (G_OBJECT (operation), "gh-done", GINT_TO_POINTER (TRUE));
  if (g_object_get_data (G_OBJECT (operation), "gh-self") != NULL)
    {
      g_object_steal_data (G_OBJECT (operation), "gh-self");
      g_object_unref (operation);
    }
}

GtkPrintOperationResult
gh_review_print (GhAccessReview  *review,
                 GtkWindow       *parent,
                 const char      *pdf_path,
                 GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  PrintData *data = g_new0 (PrintData, 1);
  GtkPrintOperationResult result;

  g_return_val_if_fail (GH_IS_ACCESS_REVIEW (review), GTK_PRINT_OPERATION_RESULT_ERROR);

  data->lines = gh_access_review_dup_report (review);
  data->title = gh_access_review_dup_title (review);
  g_object_set_data_full (G_OBJECT (operation), "gh-print-data", data,
                          (GDestroyNotify) print_data_free);

  gtk_print_operation_set_job_name (operation, data->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);

  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent,
                                      error);
    }

  /* The dialog runs beside the main loop: the operation keeps itself until it is done. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), NULL);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS
      && g_object_get_data (G_OBJECT (operation), "gh-done") == NULL)
    g_object_set_data_full (G_OBJECT (operation), "gh-self", g_object_ref (operation), NULL);

  return result;
}
