/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gh-people-grid.h"
#include "gh-people-slots.h"

G_BEGIN_DECLS

/* Where each task's box goes across the tasks column, in the order shown (by group, as
 * gh_task_group_get_tasks lists them).  The header works it out from its titles, so that
 * larger text gives the boxes more room; the grid keeps one for the header and its cells. */
typedef struct
{
  guint       n_tasks;
  GhTaskFlags tasks[GH_TASK_N_KNOWN];
  int         x[GH_TASK_N_KNOWN];
  int         width[GH_TASK_N_KNOWN];
  int         total_width;
} GhTaskLayout;

/* Fills in the order of the tasks; every box has the least room until a header measures. */
void        gh_task_layout_init            (GhTaskLayout       *layout);

/* Every task check box of one row of the people grid, in one cell: one widget to bind per
 * row instead of a column (and a list item) per task.  Each box is a real GtkCheckButton,
 * so it takes the keyboard focus and is named for screen readers: "Full control for Anna
 * Flex".  The boxes sit where @layout says, under their titles. */
#define GH_TYPE_TASK_CELL (gh_task_cell_get_type ())
G_DECLARE_FINAL_TYPE (GhTaskCell, gh_task_cell, GH, TASK_CELL, GtkWidget)

GtkWidget    *gh_task_cell_new               (GhPeopleGrid       *grid,
                                              const GhTaskLayout *layout);
void          gh_task_cell_bind              (GhTaskCell         *self,
                                              GhPeopleSlot       *slot);
void          gh_task_cell_unbind            (GhTaskCell         *self);
GhPeopleSlot *gh_task_cell_get_slot          (GhTaskCell         *self);

/* The group and task titles to put above the cells.  It emits "restyled" when its style
 * changed (a font, the text scale): the layout may have to be measured again. */
GtkWidget    *gh_task_cell_header_new        (const GhTaskLayout *layout);
/* Works out @layout from the header's titles as they are drawn now: FALSE when it stays as
 * it was. */
gboolean      gh_task_cell_header_measure    (GtkWidget          *header,
                                              GhTaskLayout       *layout);
/* The description of the task whose box or title @widget is (or is in), or NULL. */
const char   *gh_task_cell_get_tooltip       (GtkWidget          *widget);

G_END_DECLS
