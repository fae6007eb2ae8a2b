/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gh-people-slots.h"

G_BEGIN_DECLS

/* One person in the people grid folded for a narrow window: the name, a line saying what
 * they may do ("Messaging, Templates (view)"), the kind and ID, and the state of a change.
 * Like the grid's cells it is bound to a place and sets no tooltips. */
#define GH_TYPE_PERSON_ROW (gh_person_row_get_type ())
G_DECLARE_FINAL_TYPE (GhPersonRow, gh_person_row, GH, PERSON_ROW, GtkWidget)

GtkWidget    *gh_person_row_new         (void);
void          gh_person_row_bind        (GhPersonRow  *self,
                                         GhPeopleSlot *slot);
void          gh_person_row_unbind      (GhPersonRow  *self);
GhPeopleSlot *gh_person_row_get_slot    (GhPersonRow  *self);

/* A person's access in one line of words: "Full control", "Messaging, Templates (view)",
 * "No tasks"; tasks Gatehouse does not know are counted at the end. */
char         *gh_person_row_dup_summary (GhAssignment *row);

G_END_DECLS
