/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks where to save (a file chooser over @widget's window, @suggested_name filled in), then
 * writes @contents there and says how it went in a toast.  For the CSV files and reports of
 * the change record, the access overview and the review. */
void gh_export_ask_and_save (GtkWidget  *widget,
                             const char *title,
                             const char *suggested_name,
                             const char *filter_name,
                             const char *mime_type,
                             GBytes     *contents);

G_END_DECLS
