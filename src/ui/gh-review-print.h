/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gh-access-review.h"

G_BEGIN_DECLS

/* Prints the access review's dated report (gh_access_review_dup_report) with
 * GtkPrintOperation: with @pdf_path NULL, the print dialog asks where (a printer, or a PDF
 * file); with a path, the report is written there as PDF without asking. */
GtkPrintOperationResult gh_review_print (GhAccessReview  *review,
                                         GtkWindow       *parent,
                                         const char      *pdf_path,
                                         GError         **error);

G_END_DECLS
