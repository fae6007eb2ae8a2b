/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Builds a CSV text as RFC 4180 writes it (CRLF after every row, a cell holding a comma, a
 * quote or a line break quoted, quotes doubled), for files a person opens in a spreadsheet:
 * a cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with '.  Cells are text; nothing is trimmed or converted. */
typedef struct _GhCsvWriter GhCsvWriter;

GhCsvWriter *gh_csv_writer_new            (void);
void         gh_csv_writer_free           (GhCsvWriter *self);
/* @text: nullable, written as an empty cell. */
void         gh_csv_writer_add_cell       (GhCsvWriter *self,
                                           const char  *text);
void         gh_csv_writer_end_row        (GhCsvWriter *self);
/* A whole row of non-NULL cells, e.g. a header: the list ends with NULL. */
void         gh_csv_writer_add_row        (GhCsvWriter *self,
                                           const char  *first_cell,
                                           ...) G_GNUC_NULL_TERMINATED;
/* The rows written so far; frees @self.  A row not ended is ended first. */
char        *gh_csv_writer_free_to_string (GhCsvWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhCsvWriter, gh_csv_writer_free)

G_END_DECLS
