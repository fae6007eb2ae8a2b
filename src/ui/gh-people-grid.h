/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-assignment-editor.h"

G_BEGIN_DECLS

/* The people page's grid: one row per assigned user, a check box per task under the task
 * groups, searchable and sortable by name, for tens of thousands of rows.  Rows go to the
 * grid as the editor reads them: the first page at once, later ones in growing batches, so
 * that rows already on screen are rarely bound again; a search or a sort moves rows between
 * the grid's places instead of rebuilding them.  Where the columns do not fit, the same
 * rows show as a list of people (GhPeopleList).  Up and Down keep the column, Delete marks
 * the person for removal, Ctrl+Return activates "people.apply".  Edits go through the
 * editor, after asking when one would lock the account out.  "rows-changed" is emitted
 * when the rows shown or their count changed. */
#define GH_TYPE_PEOPLE_GRID (gh_people_grid_get_type ())
G_DECLARE_FINAL_TYPE (GhPeopleGrid, gh_people_grid, GH, PEOPLE_GRID, AdwBin)

/* NULL forgets the editor. */
void        gh_people_grid_set_editor     (GhPeopleGrid       *self,
                                           GhAssignmentEditor *editor,
                                           gboolean            can_edit);
/* Lower-cased and stripped by the caller; NULL or "" shows everyone. */
void        gh_people_grid_set_search     (GhPeopleGrid       *self,
                                           const char         *text);
/* Rows matching the search among those handed to the grid so far. */
guint       gh_people_grid_get_n_shown    (GhPeopleGrid       *self);
/* TRUE while rows read are still waiting to be handed to the grid. */
gboolean    gh_people_grid_get_handing    (GhPeopleGrid       *self);

/* For the grid's cells. */
gboolean    gh_people_grid_get_can_edit   (GhPeopleGrid       *self);
GMenuModel *gh_people_grid_get_row_menu   (GhPeopleGrid       *self);
/* Stages @tasks (or the removal) on @row, or asks the person first when that would lock
 * the account out: FALSE then, and nothing is staged yet. */
gboolean    gh_people_grid_stage          (GhPeopleGrid       *self,
                                           GhAssignment       *row,
                                           GhTaskFlags         tasks,
                                           gboolean            remove);
/* Takes back a staged removal. */
void        gh_people_grid_restore        (GhPeopleGrid       *self,
                                           GhAssignment       *row);

G_END_DECLS
