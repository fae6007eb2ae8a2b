/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-keys"

#include "config.h"

#include "gh-people-cell.h"
#include "gh-people-keys.h"
#include "gh-person-row.h"
#include "gh-person-tasks.h"
#include "gh-task-cell.h"

/* The place a cell of the grid or a row of the narrow list is bound to, or NULL for any
 * other widget. */
static GhPeopleSlot *
slot_of_cell (GtkWidget *widget)
{
  if (GH_IS_TASK_CELL (widget))
    return gh_task_cell_get_slot (GH_TASK_CELL (widget));
  if (GH_IS_PEOPLE_CELL (widget))
    return gh_people_cell_get_slot (GH_PEOPLE_CELL (widget));
  if (GH_IS_PERSON_ROW (widget))
    return gh_person_row_get_slot (GH_PERSON_ROW (widget));
  return NULL;
}

static GhAssignment *
row_of_cell (GtkWidget *widget)
{
  GhPeopleSlot *slot = slot_of_cell (widget);

  if (slot != NULL)
    return gh_people_slot_get_assignment (slot);
  if (GH_IS_PERSON_TASKS (widget))
    return gh_person_tasks_get_row (GH_PERSON_TASKS (widget));
  return NULL;
}

static GhAssignment *
row_below (GtkWidget *widget)
{
  GhAssignment *row = row_of_cell (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && row == NULL;
       child = gtk_widget_get_next_sibling (child))
    row = row_below (child);

  return row;
}

GhAssignment *
gh_people_keys_row_of (GtkWidget *widget)
{
  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);

  for (GtkWidget *ancestor = widget; ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      GhAssignment *row = row_of_cell (ancestor);

      if (row != NULL)
        return row;
      if (GTK_IS_LIST_VIEW (ancestor))
        break;
    }

  /* A row of a list has the focus itself (GTK puts it there): its cells say which. */
  return widget != NULL ? row_below (widget) : NULL;
}

static guint
index_in_parent (GtkWidget *widget)
{
  guint index = 0;

  for (GtkWidget *sibling = gtk_widget_get_prev_sibling (widget);
       sibling != NULL;
       sibling = gtk_widget_get_prev_sibling (sibling))
    index++;

  return index;
}

static GtkWidget *
nth_child (GtkWidget *widget,
           guint      index)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

/* The cell in @column (its place among a row's cells) of the row widget showing @position. */
static GtkWidget *
find_cell (GtkWidget *list_view,
           guint      column,
           guint      position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *holder = nth_child (row, column);
      GtkWidget *cell = holder != NULL ? gtk_widget_get_first_child (holder) : NULL;
      GhPeopleSlot *slot = cell != NULL ? slot_of_cell (cell) : NULL;

      if (slot != NULL && gh_people_slot_get_position (slot) == position
          && gh_people_slot_get_assignment (slot) != NULL)
        return cell;
    }

  return NULL;
}

gboolean
gh_people_keys_move (GtkWidget *list_view,
                     GtkWidget *focus,
                     int        delta)
{
  GtkWidget *cell = NULL;
  GtkWidget *child;
  GtkWidget *target;
  GListModel *model;
  GhPeopleSlot *slot;
  gint64 position;
  guint column;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list_view), FALSE);

  for (GtkWidget *ancestor = focus; ancestor != NULL && ancestor != list_view;
       ancestor = gtk_widget_get_parent (ancestor))
    if (slot_of_cell (ancestor) != NULL)
      cell = ancestor;
  if (cell == NULL || focus == cell)
    return FALSE;

  /* Which focusable part of the cell, and which of the row's cells. */
  for (child = focus; gtk_widget_get_parent (child) != cell; child = gtk_widget_get_parent (child))
    ;
  column = index_in_parent (gtk_widget_get_parent (cell));

  slot = slot_of_cell (cell);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  position = (gint64) gh_people_slot_get_position (slot) + delta;
  if (position < 0 || position >= g_list_model_get_n_items (model))
    return TRUE;

  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", (guint) position);
  cell = find_cell (list_view, column, position);
  if (cell == NULL)
    return FALSE;

  target = nth_child (cell, index_in_parent (child));
  if (target == NULL || !gtk_widget_grab_focus (target))
    gtk_widget_grab_focus (gtk_widget_get_parent (gtk_widget_get_parent (cell)));

  return TRUE;
}

gboolean
gh_people_keys_move_across (GtkWidget *list_view,
                            GtkWidget *focus,
                            int        delta)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GtkWidget *row = NULL;
  int current = -1;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list_view), FALSE);

  for (GtkWidget *ancestor = focus; ancestor != NULL && ancestor != list_view;
       ancestor = gtk_widget_get_parent (ancestor))
    if (gtk_widget_get_parent (ancestor) == list_view)
      row = ancestor;
  if (row == NULL || row == focus)
    return FALSE;

  /* The parts of the row's cells that can take the focus, as they are laid out. */
  for (GtkWidget *holder = gtk_widget_get_first_child (row);
       holder != NULL;
       holder = gtk_widget_get_next_sibling (holder))
    {
      GtkWidget *cell = gtk_widget_get_first_child (holder);

      for (GtkWidget *part = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;
           part != NULL;
           part = gtk_widget_get_next_sibling (part))
        {
          if (part == focus || gtk_widget_is_ancestor (focus, part))
            current = parts->len;
          g_ptr_array_add (parts, part);
        }
    }
  if (current < 0)
    return FALSE;

  if (gtk_widget_get_direction (list_view) == GTK_TEXT_DIR_RTL)
    delta = -delta;

  /* The next part that takes it; at the end of the row the focus stays. */
  for (int i = current + delta; i >= 0 && i < (int) parts->len; i += delta)
    if (gtk_widget_grab_focus (g_ptr_array_index (parts, i)))
      break;

  return TRUE;
}
