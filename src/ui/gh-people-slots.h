/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gh-assignment-editor.h"

G_BEGIN_DECLS

/* One place in the people grid: shows one row of the editor at a time ("assignment",
 * notified when another row moves into this place). */
#define GH_TYPE_PEOPLE_SLOT (gh_people_slot_get_type ())
G_DECLARE_FINAL_TYPE (GhPeopleSlot, gh_people_slot, GH, PEOPLE_SLOT, GObject)

GhAssignment *gh_people_slot_get_assignment (GhPeopleSlot *self);
/* Where the place is in the grid's model: a place never moves. */
guint         gh_people_slot_get_position   (GhPeopleSlot *self);

/* The grid's model: the rows of @source (sorted and filtered GhAssignment*) in places that
 * stay put.  GTK 4.8's list views destroy the widgets of removed items and re-bind every row
 * whose position moved, so a search or a sort over thousands of rows would rebuild the whole
 * grid; here they only move rows between places.  Items are GhPeopleSlot*, made when the
 * view asks for them.  At most "limit" places are offered: the page raises it a few rows per
 * frame so that the rows GTK builds at once are built over several frames. */
#define GH_TYPE_PEOPLE_SLOTS (gh_people_slots_get_type ())
G_DECLARE_FINAL_TYPE (GhPeopleSlots, gh_people_slots, GH, PEOPLE_SLOTS, GObject)

GhPeopleSlots *gh_people_slots_new       (GListModel    *source);
/* G_MAXUINT: every row of the source. */
void           gh_people_slots_set_limit (GhPeopleSlots *self,
                                          guint          limit);
guint          gh_people_slots_get_limit (GhPeopleSlots *self);

G_END_DECLS
