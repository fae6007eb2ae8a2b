/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-check-report.h"

G_BEGIN_DECLS

/* The rows of a check: what was checked, what Meta answered and, when something is wrong,
 * how to fix it, behind an icon that says fine, warning or problem in colour and in words. */

/* Shows @status on @image: its icon, its colour and its meaning for screen readers. */
void       gh_check_status_image_set (GtkImage      *image,
                                      GhCheckStatus  status);
/* A row for @item: its title, its description and, unless it is fine, its fix. */
GtkWidget *gh_check_item_row_new     (GhCheckItem   *item);

G_END_DECLS
