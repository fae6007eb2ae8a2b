/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-people-grid.h"
#include "gh-people-list.h"
#include "gh-people-slots.h"
#include "gh-task-cell.h"

G_BEGIN_DECLS

/* What the people grid's own files share: gh-people-grid.c (rows, edits, keys, the narrow
 * list) and gh-people-grid-columns.c (the columns, their cells and widths). */

typedef enum
{
  COLUMN_PERSON,
  COLUMN_TASKS,
  COLUMN_OTHER,
  COLUMN_STATE,
  COLUMN_ACTIONS,
  N_COLUMNS
} ColumnKind;

struct _GhPeopleGrid
{
  AdwBin               parent_instance;

  AdwSqueezer         *squeezer;
  GtkWidget           *wide;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkWidget           *titles[N_COLUMNS];
  GtkWidget           *title_texts[N_COLUMNS];    /* the label in each, the task header */
  int                  title_padding[N_COLUMNS];
  GtkWidget           *task_header;
  GhTaskLayout         task_layout;
  guint                size_id;
  GhPeopleList        *narrow;
  guint                n_unknown;     /* rows with tasks Gatehouse does not know */

  /* editor's rows → gate (rows handed over) → sort → filter (search) → places → view */
  GtkSliceListModel   *gate;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GhPeopleSlots       *slots;
  guint                reveal_id;
  char                *search_text;

  GhAssignmentEditor  *editor;
  gboolean             can_edit;
  GMenu               *row_menu;

  /* An edit waiting for the lock-out confirmation. */
  GtkWindow           *lockout_dialog;
  GhAssignment        *pending_row;
  GhTaskFlags          pending_tasks;
  gboolean             pending_remove;
};

/* Makes the columns and their cells. */
void _gh_people_grid_build_columns      (GhPeopleGrid *self);
/* Works the columns' widths out again soon (the font, the text scale or a column changed). */
void _gh_people_grid_queue_size_columns (GhPeopleGrid *self);
/* Shows the "Other" column while some row holds a task Gatehouse does not know. */
void _gh_people_grid_set_other_visible  (GhPeopleGrid *self);

G_END_DECLS
