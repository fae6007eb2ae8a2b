/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-people-grid.h"

G_BEGIN_DECLS

/* The people grid folded for a narrow window: a list of the same rows, each saying in one
 * line what the person may do; choosing one (click, Enter) opens their tasks, and Back
 * ("people-list.back", Escape, Alt+Left) returns to the list with that person focused. */
#define GH_TYPE_PEOPLE_LIST (gh_people_list_get_type ())
G_DECLARE_FINAL_TYPE (GhPeopleList, gh_people_list, GH, PEOPLE_LIST, AdwBin)

GtkWidget    *gh_people_list_new          (GhPeopleGrid *grid);
/* The grid's places (GhPeopleSlot*), or NULL while the grid is shown instead: a list with
 * a model builds rows even when it is not on screen. */
void          gh_people_list_set_model    (GhPeopleList *self,
                                           GListModel   *slots);
/* The person whose tasks are open, or NULL while the list is shown. */
GhAssignment *gh_people_list_get_open_row (GhPeopleList *self);
/* Back to the list. */
void          gh_people_list_close        (GhPeopleList *self);

G_END_DECLS
