/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gh-people-grid.h"
#include "gh-people-slots.h"

G_BEGIN_DECLS

/* What a cell follows: the place it is bound to and the row in that place.  Both cell types
 * share it; @update runs whenever the row, or something shown of it, changed. */
typedef struct
{
  GhPeopleSlot *slot;
  GhAssignment *row;
  gulong        slot_id;
  gulong        row_id;
  void        (*update) (gpointer cell);
  gpointer      cell;
} GhCellBinding;

void        gh_cell_binding_bind    (GhCellBinding *binding,
                                     GhPeopleSlot  *slot);
void        gh_cell_binding_unbind  (GhCellBinding *binding);

/* The name a row goes by in the grid and in accessible names: never empty. */
const char *gh_people_display_name  (GhAssignment  *row);
/* A row's state in words ("Changed", "Failed: …") with its icon; both NULL when there is
 * nothing to say. */
void        gh_people_state_words   (GhAssignment  *row,
                                     const char   **icon_name,
                                     char         **text);
/* The tasks Gatehouse does not know, as Meta names them, or NULL. */
char       *gh_people_unknown_tasks_text (GhAssignment *row);

typedef enum
{
  GH_PEOPLE_CELL_PERSON,    /* name, ID, kind and "This connection" badges */
  GH_PEOPLE_CELL_OTHER,     /* tasks Gatehouse does not know */
  GH_PEOPLE_CELL_STATE,     /* staged / sending / failed … in words */
  GH_PEOPLE_CELL_ACTIONS,   /* presets menu and Remove / Restore */
} GhPeopleCellKind;

/* One cell of the people grid (but the task check boxes: GhTaskCell).  Its widgets are made
 * once; binding to another row only changes what they show.  It sets no tooltips: the grid's
 * one query-tooltip handler asks gh_people_cell_get_tooltip. */
#define GH_TYPE_PEOPLE_CELL (gh_people_cell_get_type ())
G_DECLARE_FINAL_TYPE (GhPeopleCell, gh_people_cell, GH, PEOPLE_CELL, GtkWidget)

GtkWidget    *gh_people_cell_new          (GhPeopleGrid     *grid,
                                           GhPeopleCellKind  kind);
void          gh_people_cell_bind         (GhPeopleCell     *self,
                                           GhPeopleSlot     *slot);
void          gh_people_cell_unbind       (GhPeopleCell     *self);
GhPeopleSlot *gh_people_cell_get_slot     (GhPeopleCell     *self);
/* The tooltip of @child (a descendant of the cell, or the cell itself), or NULL. */
char         *gh_people_cell_get_tooltip  (GhPeopleCell     *self,
                                           GtkWidget        *child);

G_END_DECLS
