/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gh-people-grid.h"
#include "gh-people-slots.h"

G_BEGIN_DECLS

/* Every task check box of one row of the people grid, in one cell: one widget to bind per
 * row instead of a column (and a list item) per task.  Each box is a real GtkCheckButton,
 * so it takes the keyboard focus and is named for screen readers: "Full control for Anna
 * Flex". */
#define GH_TYPE_TASK_CELL (gh_task_cell_get_type ())
G_DECLARE_FINAL_TYPE (GhTaskCell, gh_task_cell, GH, TASK_CELL, GtkWidget)

GtkWidget  *gh_task_cell_new               (GhPeopleGrid *grid);
void        gh_task_cell_bind              (GhTaskCell   *self,
                                            GhPeopleSlot *slot);
void        gh_task_cell_unbind            (GhTaskCell   *self);

/* The task titles to put above the cells, laid out like them. */
GtkWidget  *gh_task_cell_header_new        (void);
/* The width each task needs (the widest title's longest word, or a check box's room). */
int         gh_task_cell_header_slot_width (GtkWidget    *header);
/* The description of the task whose box or title @widget is (or is in), or NULL. */
const char *gh_task_cell_get_tooltip       (GtkWidget    *widget);

G_END_DECLS
