/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-task-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-cell.h"
#include "gh-task-cell.h"

/* The room a check box needs at the least, with its margins. */
#define MIN_SLOT_WIDTH 56

struct _GhTaskCell
{
  GtkWidget      parent_instance;

  GhPeopleGrid  *grid;                       /* unowned: the grid outlives its cells */
  GhCellBinding  binding;
  char          *name;                       /* the name the accessible labels were made for */
  gboolean       updating;                   /* set while the cell itself sets a box */
  GtkWidget     *checks[GH_TASK_N_KNOWN];
};

G_DEFINE_FINAL_TYPE (GhTaskCell, gh_task_cell, GTK_TYPE_WIDGET)

/* The task a check box or a title is for. */
static G_DEFINE_QUARK (gh-task, task)

static GhTaskFlags
task_of (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), task_quark ()));
}

static void
cell_update (gpointer data)
{
  GhTaskCell *self = data;
  GhAssignment *row = self->binding.row;
  const char *name;
  GhTaskFlags tasks, held;
  gboolean sensitive, renamed, show_changes;

  /* A place on its way out of the grid shows nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self), row != NULL);
  if (row == NULL)
    return;

  name = gh_people_display_name (row);
  tasks = gh_assignment_get_tasks (row);
  held = gh_assignment_get_held_tasks (row);
  sensitive = gh_people_grid_get_can_edit (self->grid)
              && gh_assignment_get_state (row) != GH_ASSIGNMENT_STATE_REMOVED;
  show_changes = gh_assignment_get_state (row) != GH_ASSIGNMENT_STATE_NEW;
  /* Accessible names change only with the name: screen readers hear each change. */
  renamed = g_strcmp0 (self->name, name) != 0;
  if (renamed)
    {
      g_free (self->name);
      self->name = g_strdup (name);
    }

  self->updating = TRUE;
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      GtkWidget *check = self->checks[i];
      GhTaskFlags task = gh_task_from_index (i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (tasks & task) != 0);
      gtk_widget_set_sensitive (check, sensitive);
      if (show_changes && ((tasks ^ held) & task) != 0)
        gtk_widget_add_css_class (check, "gh-changed");
      else
        gtk_widget_remove_css_class (check, "gh-changed");

      if (renamed)
        {
          g_autofree char *label = NULL;

          /* Translators: a check box's name for screen readers: "Messaging for Anna Flex" */
          label = g_strdup_printf (_("%s for %s"), gh_task_get_label (task), name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        }
    }
  self->updating = FALSE;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  GhTaskCell     *self)
{
  gboolean active = gtk_check_button_get_active (check);
  GhTaskFlags task = task_of (GTK_WIDGET (check));
  GhAssignment *row = self->binding.row;
  GhTaskFlags tasks;

  if (self->updating || row == NULL)
    return;

  tasks = gh_assignment_get_tasks (row);
  if (((tasks & task) != 0) == active)
    return;

  tasks = active ? (tasks | task) : (tasks & ~task);
  if (!gh_people_grid_stage (self->grid, row, tasks, FALSE))
    {
      /* Not staged (yet): the box shows what is staged until the person confirms. */
      self->updating = TRUE;
      gtk_check_button_set_active (check, !active);
      self->updating = FALSE;
    }
}

static void
gh_task_cell_dispose (GObject *object)
{
  GhTaskCell *self = GH_TASK_CELL (object);

  gh_cell_binding_unbind (&self->binding);
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    g_clear_pointer (&self->checks[i], gtk_widget_unparent);

  G_OBJECT_CLASS (gh_task_cell_parent_class)->dispose (object);
}

static void
gh_task_cell_finalize (GObject *object)
{
  g_free (GH_TASK_CELL (object)->name);

  G_OBJECT_CLASS (gh_task_cell_parent_class)->finalize (object);
}

static void
gh_task_cell_class_init (GhTaskCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_task_cell_dispose;
  object_class->finalize = gh_task_cell_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gh-task-cell");
}

static void
gh_task_cell_init (GhTaskCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  /* Equal room for every task, as the titles above have. */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  self->binding.update = cell_update;
  self->binding.cell = self;

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      GhTaskFlags task = gh_task_from_index (i);
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
      g_object_set_qdata (G_OBJECT (check), task_quark (), GUINT_TO_POINTER (task));
      /* What a tooltip would say, for screen readers; set once, not per row. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gh_task_get_description (task), -1);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_widget_set_parent (check, GTK_WIDGET (self));
      self->checks[i] = check;
    }
}

GtkWidget *
gh_task_cell_new (GhPeopleGrid *grid)
{
  GhTaskCell *self;

  g_return_val_if_fail (GH_IS_PEOPLE_GRID (grid), NULL);

  self = g_object_new (GH_TYPE_TASK_CELL, NULL);
  self->grid = grid;

  return GTK_WIDGET (self);
}

void
gh_task_cell_bind (GhTaskCell   *self,
                   GhPeopleSlot *slot)
{
  g_return_if_fail (GH_IS_TASK_CELL (self));

  gh_cell_binding_bind (&self->binding, slot);
}

void
gh_task_cell_unbind (GhTaskCell *self)
{
  g_return_if_fail (GH_IS_TASK_CELL (self));

  gh_cell_binding_unbind (&self->binding);
}

GtkWidget *
gh_task_cell_header_new (void)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_set_homogeneous (GTK_BOX (header), TRUE);
  gtk_widget_set_hexpand (header, TRUE);

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      GhTaskFlags task = gh_task_from_index (i);
      GtkWidget *title = gtk_label_new (gh_task_get_label (task));

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 10);
      g_object_set_qdata (G_OBJECT (title), task_quark (), GUINT_TO_POINTER (task));
      gtk_box_append (GTK_BOX (header), title);
    }

  return header;
}

int
gh_task_cell_header_slot_width (GtkWidget *header)
{
  int width = MIN_SLOT_WIDTH;

  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL;
       title = gtk_widget_get_next_sibling (title))
    {
      int minimum = 0;

      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      width = MAX (width, minimum + 12);
    }

  return width;
}

const char *
gh_task_cell_get_tooltip (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      GhTaskFlags task = task_of (widget);

      if (task != GH_TASK_NONE)
        return gh_task_get_description (task);
      if (GH_IS_TASK_CELL (widget))
        break;
    }

  return NULL;
}
