/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-task-cell"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-people-cell.h"
#include "gh-task-cell.h"

/* The room a check box needs at the least, and the room between two groups of boxes. */
#define MIN_SLOT_WIDTH 32
#define SLOT_PADDING 6
#define GROUP_GAP 4
/* A group's title wraps to at most this many lines when its boxes leave it room. */
#define TITLE_MAX_LINES 2

struct _GhTaskCell
{
  GtkWidget           parent_instance;

  GhPeopleGrid       *grid;                  /* unowned: the grid outlives its cells */
  const GhTaskLayout *layout;                /* the grid's */
  GhCellBinding       binding;
  char               *name;                  /* the name the accessible labels were made for */
  gboolean            updating;              /* set while the cell itself sets a box */
  GtkWidget          *checks[GH_TASK_N_KNOWN];   /* in the layout's order */
};

G_DEFINE_FINAL_TYPE (GhTaskCell, gh_task_cell, GTK_TYPE_WIDGET)

/* The titles above the cells: one per group, and one per task of a group of several. */
#define GH_TYPE_TASK_HEADER (gh_task_header_get_type ())
G_DECLARE_FINAL_TYPE (GhTaskHeader, gh_task_header, GH, TASK_HEADER, GtkWidget)

struct _GhTaskHeader
{
  GtkWidget           parent_instance;

  const GhTaskLayout *layout;
  GtkWidget          *titles[GH_TASK_N_GROUPS];
  guint               first[GH_TASK_N_GROUPS];     /* the group's first task in the layout */
  guint               n_tasks[GH_TASK_N_GROUPS];
  GtkWidget          *subtitles[GH_TASK_N_KNOWN];  /* NULL for the task of a group of one */
};

G_DEFINE_FINAL_TYPE (GhTaskHeader, gh_task_header, GTK_TYPE_WIDGET)

enum
{
  HEADER_RESTYLED,
  N_HEADER_SIGNALS
};

static guint header_signals[N_HEADER_SIGNALS];

/* The task a check box or a title is for. */
static G_DEFINE_QUARK (gh-task, task)

static GhTaskFlags
task_of (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), task_quark ()));
}

/* Where the box of the @i-th task starts, in the widget's own direction. */
static int
slot_x (const GhTaskLayout *layout,
        GtkWidget          *widget,
        guint               i)
{
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    return layout->total_width - layout->x[i] - layout->width[i];

  return layout->x[i];
}

void
gh_task_layout_init (GhTaskLayout *layout)
{
  GhTaskFlags placed = GH_TASK_NONE;
  int x = 0;

  memset (layout, 0, sizeof (GhTaskLayout));
  for (GhTaskGroup group = 0; group < GH_TASK_N_GROUPS; group++)
    {
      GhTaskFlags tasks[GH_TASK_GROUP_MAX_TASKS];
      guint n = gh_task_group_get_tasks (group, tasks);

      for (guint i = 0; i < n; i++)
        {
          layout->tasks[layout->n_tasks++] = tasks[i];
          placed |= tasks[i];
        }
    }
  g_assert (placed == GH_TASK_ALL_KNOWN);

  for (guint i = 0; i < layout->n_tasks; i++)
    {
      layout->x[i] = x;
      layout->width[i] = MIN_SLOT_WIDTH;
      x += MIN_SLOT_WIDTH;
    }
  layout->total_width = x;
}

/* The row's boxes */

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
  for (guint i = 0; i < self->layout->n_tasks; i++)
    {
      GtkWidget *check = self->checks[i];
      GhTaskFlags task = self->layout->tasks[i];

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

/* Every cell of a grid has the same size: the layout's width, a box's height. */
static void
gh_task_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GhTaskCell *self = GH_TASK_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = self->layout->total_width;
      return;
    }

  gtk_widget_measure (self->checks[0], orientation, -1, minimum, natural, NULL, NULL);
}

static void
gh_task_cell_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GhTaskCell *self = GH_TASK_CELL (widget);

  for (guint i = 0; i < self->layout->n_tasks; i++)
    {
      int box_width, box_height;

      gtk_widget_measure (self->checks[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &box_width,
                          NULL, NULL);
      gtk_widget_measure (self->checks[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &box_height,
                          NULL, NULL);
      box_width = MIN (box_width, self->layout->width[i]);
      gtk_widget_size_allocate (self->checks[i],
                                &(GtkAllocation) {
                                  slot_x (self->layout, widget, i)
                                    + (self->layout->width[i] - box_width) / 2,
                                  (height - box_height) / 2, box_width, box_height
                                }, -1);
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
  widget_class->measure = gh_task_cell_measure;
  widget_class->size_allocate = gh_task_cell_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "gh-task-cell");
}

static void
gh_task_cell_init (GhTaskCell *self)
{
  self->binding.update = cell_update;
  self->binding.cell = self;
}

GtkWidget *
gh_task_cell_new (GhPeopleGrid       *grid,
                  const GhTaskLayout *layout)
{
  GhTaskCell *self;

  g_return_val_if_fail (GH_IS_PEOPLE_GRID (grid), NULL);
  g_return_val_if_fail (layout != NULL && layout->n_tasks > 0, NULL);

  self = g_object_new (GH_TYPE_TASK_CELL, NULL);
  self->grid = grid;
  self->layout = layout;

  /* In the order shown: Tab and the screen reader go through them as the eye does. */
  for (guint i = 0; i < layout->n_tasks; i++)
    {
      GhTaskFlags task = layout->tasks[i];
      GtkWidget *check = gtk_check_button_new ();

      g_object_set_qdata (G_OBJECT (check), task_quark (), GUINT_TO_POINTER (task));
      /* What a tooltip would say, for screen readers; set once, not per row. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gh_task_get_description (task), -1);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_widget_set_parent (check, GTK_WIDGET (self));
      self->checks[i] = check;
    }

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

GhPeopleSlot *
gh_task_cell_get_slot (GhTaskCell *self)
{
  g_return_val_if_fail (GH_IS_TASK_CELL (self), NULL);

  return self->binding.slot;
}

/* The header */

static int
measure_width (GtkWidget *widget,
               gboolean   natural)
{
  int minimum = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &nat, NULL, NULL);
  return natural ? nat : minimum;
}

static int
measure_height (GtkWidget *widget,
                int        width)
{
  int height = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  return height;
}

/* The narrowest width at which @title takes at most TITLE_MAX_LINES lines (or its longest
 * word, if that is wider): "Apps and / development" rather than a word a line. */
static int
title_width (GtkWidget *title)
{
  int low = measure_width (title, FALSE);
  int high = measure_width (title, TRUE);
  int one_line = measure_height (title, high);

  if (measure_height (title, low) <= one_line * TITLE_MAX_LINES)
    return low;

  while (high - low > 2)
    {
      int middle = (low + high) / 2;

      if (measure_height (title, middle) <= one_line * TITLE_MAX_LINES)
        high = middle;
      else
        low = middle;
    }

  return high;
}

static int
header_title_height (GhTaskHeader *self)
{
  int height = 0;

  for (guint g = 0; g < GH_TASK_N_GROUPS; g++)
    if (self->titles[g] != NULL)
      {
        int width = 0;

        for (guint i = 0; i < self->n_tasks[g]; i++)
          width += self->layout->width[self->first[g] + i];
        height = MAX (height, measure_height (self->titles[g], width));
      }

  return height;
}

static int
header_subtitle_height (GhTaskHeader *self)
{
  int height = 0;

  for (guint i = 0; i < self->layout->n_tasks; i++)
    if (self->subtitles[i] != NULL)
      height = MAX (height, measure_height (self->subtitles[i], -1));

  return height;
}

static void
gh_task_header_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GhTaskHeader *self = GH_TASK_HEADER (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->layout->total_width;
  else
    *minimum = *natural = header_title_height (self) + header_subtitle_height (self);
}

static void
gh_task_header_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GhTaskHeader *self = GH_TASK_HEADER (widget);
  int subtitle_height = header_subtitle_height (self);
  int title_height = height - subtitle_height;

  for (guint g = 0; g < GH_TASK_N_GROUPS; g++)
    {
      int start = G_MAXINT, end = 0;

      if (self->titles[g] == NULL)
        continue;

      for (guint i = self->first[g]; i < self->first[g] + self->n_tasks[g]; i++)
        {
          int x = slot_x (self->layout, widget, i);

          start = MIN (start, x);
          end = MAX (end, x + self->layout->width[i]);
          if (self->subtitles[i] != NULL)
            gtk_widget_size_allocate (self->subtitles[i],
                                      &(GtkAllocation) { x, title_height,
                                                         self->layout->width[i],
                                                         subtitle_height }, -1);
        }

      /* A group of one has no subtitle: its title takes the height of both. */
      gtk_widget_size_allocate (self->titles[g],
                                &(GtkAllocation) { start, 0, end - start,
                                                   self->n_tasks[g] > 1 ? title_height
                                                                        : height }, -1);
    }
}

/* The font, the text scale or the theme changed: the titles may need other widths.  Heard
 * from the idle after, when the titles have their new style too. */
static void
gh_task_header_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gh_task_header_parent_class)->css_changed (widget, change);

  g_signal_emit (widget, header_signals[HEADER_RESTYLED], 0);
}

static void
gh_task_header_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gh_task_header_parent_class)->dispose (object);
}

static void
gh_task_header_class_init (GhTaskHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_task_header_dispose;
  widget_class->measure = gh_task_header_measure;
  widget_class->size_allocate = gh_task_header_size_allocate;
  widget_class->css_changed = gh_task_header_css_changed;

  header_signals[HEADER_RESTYLED] = g_signal_new ("restyled", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "gh-task-header");
}

static void
gh_task_header_init (GhTaskHeader *self)
{
}

static GtkWidget *
title_new (GtkWidget   *parent,
           const char  *text,
           GhTaskFlags  task,
           const char  *css_class)
{
  GtkWidget *title = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, css_class);
  if (task != GH_TASK_NONE)
    g_object_set_qdata (G_OBJECT (title), task_quark (), GUINT_TO_POINTER (task));
  gtk_widget_set_parent (title, parent);
  return title;
}

GtkWidget *
gh_task_cell_header_new (const GhTaskLayout *layout)
{
  GhTaskHeader *self;
  guint next = 0;

  g_return_val_if_fail (layout != NULL, NULL);

  self = g_object_new (GH_TYPE_TASK_HEADER, NULL);
  self->layout = layout;

  for (GhTaskGroup group = 0; group < GH_TASK_N_GROUPS; group++)
    {
      GhTaskFlags tasks[GH_TASK_GROUP_MAX_TASKS];
      guint n = gh_task_group_get_tasks (group, tasks);

      if (n == 0)
        continue;

      self->first[group] = next;
      self->n_tasks[group] = n;
      /* Small type: nine groups and thirteen boxes fit in a 1024-pixel window. */
      self->titles[group] = title_new (GTK_WIDGET (self), gh_task_group_get_label (group),
                                       n == 1 ? tasks[0] : GH_TASK_NONE, "caption-heading");
      gtk_widget_add_css_class (self->titles[group], n > 1 ? "gh-task-group" : "gh-task-single");
      if (n > 1)
        gtk_label_set_yalign (GTK_LABEL (self->titles[group]), 1.0);
      for (guint i = 0; i < n && n > 1; i++)
        self->subtitles[next + i] = title_new (GTK_WIDGET (self),
                                               gh_task_get_short_label (tasks[i]), tasks[i],
                                               "caption");
      next += n;
    }

  return GTK_WIDGET (self);
}

gboolean
gh_task_cell_header_measure (GtkWidget    *header,
                             GhTaskLayout *layout)
{
  GhTaskHeader *self;
  GhTaskLayout old;
  int x = 0;

  g_return_val_if_fail (GH_IS_TASK_HEADER (header), FALSE);

  old = *layout;

  self = GH_TASK_HEADER (header);
  for (guint g = 0; g < GH_TASK_N_GROUPS; g++)
    {
      int group_width = 0;
      int wanted;
      guint n = self->n_tasks[g];

      if (self->titles[g] == NULL)
        continue;

      if (x > 0)
        x += GROUP_GAP;

      for (guint i = self->first[g]; i < self->first[g] + n; i++)
        {
          int width = MIN_SLOT_WIDTH;

          if (self->subtitles[i] != NULL)
            width = MAX (width, measure_width (self->subtitles[i], TRUE) + SLOT_PADDING);
          layout->width[i] = width;
          group_width += width;
        }

      /* A title wider than its boxes spreads them out evenly. */
      wanted = title_width (self->titles[g]) + SLOT_PADDING;
      for (guint i = 0; wanted > group_width && i < n; i++)
        layout->width[self->first[g] + i] += (wanted - group_width) / n
                                             + (i < (guint) (wanted - group_width) % n);

      for (guint i = self->first[g]; i < self->first[g] + n; i++)
        {
          layout->x[i] = x;
          x += layout->width[i];
        }
    }

  layout->total_width = x;
  if (memcmp (&old, layout, sizeof (GhTaskLayout)) == 0)
    return FALSE;

  gtk_widget_queue_resize (header);
  return TRUE;
}

const char *
gh_task_cell_get_tooltip (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      GhTaskFlags task = task_of (widget);

      if (task != GH_TASK_NONE)
        return gh_task_get_description (task);
      if (GH_IS_TASK_CELL (widget) || GH_IS_TASK_HEADER (widget))
        break;
    }

  return NULL;
}
