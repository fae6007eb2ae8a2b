/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-people-grid.h"

G_BEGIN_DECLS

/* One person's tasks, for a narrow window: the same check boxes as a row of the grid, one
 * line each with what the task allows, grouped as in the grid's header, with the presets
 * and Remove.  Edits go through the grid (which asks first when one would lock the account
 * out).  Its Back button activates "people-list.back". */
#define GH_TYPE_PERSON_TASKS (gh_person_tasks_get_type ())
G_DECLARE_FINAL_TYPE (GhPersonTasks, gh_person_tasks, GH, PERSON_TASKS, AdwBin)

GtkWidget    *gh_person_tasks_new          (GhPeopleGrid  *grid);
/* NULL shows nobody. */
void          gh_person_tasks_set_row      (GhPersonTasks *self,
                                            GhAssignment  *row);
GhAssignment *gh_person_tasks_get_row      (GhPersonTasks *self);
/* Puts the keyboard focus on the first task. */
void          gh_person_tasks_focus_first  (GhPersonTasks *self);

G_END_DECLS
