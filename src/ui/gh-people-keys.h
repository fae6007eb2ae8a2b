/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gh-assignment.h"

G_BEGIN_DECLS

/* What the people grid's keys need to know of its widgets.  GTK 4.8's column view moves the
 * focus to the whole row on the arrow keys, away from the check box a person was on; these
 * keep it on the boxes and buttons, in its column going up and down. */

/* The row that @widget (a cell or a widget in one, a row of a list, a person's tasks page)
 * shows, or NULL. */
GhAssignment *gh_people_keys_row_of      (GtkWidget *widget);
/* Moves the focus from @focus, in a cell of @list_view, to the same place in the row @delta
 * rows further, scrolling it into view.  FALSE when @focus is not in a cell or there is no
 * such row: the key is then GTK's. */
gboolean      gh_people_keys_move        (GtkWidget *list_view,
                                          GtkWidget *focus,
                                          int        delta);

/* Moves the focus from @focus to the next part of its row that takes it (@delta 1: to the
 * right, in the row's direction), or keeps it at the end of the row.  FALSE when @focus is
 * not in a row of @list_view. */
gboolean      gh_people_keys_move_across (GtkWidget *list_view,
                                          GtkWidget *focus,
                                          int        delta);

G_END_DECLS
