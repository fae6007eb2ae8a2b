/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-cell.h"
#include "gh-people-grid-private.h"

/* The people grid's columns: the cells of each, the titles (the task groups over their
 * boxes), the widths that follow the text scale, and the one tooltip handler. */

/* Cells */

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GhPeopleGrid *self = user_data;
  ColumnKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "gh-kind"));
  GtkWidget *cell;

  switch (kind)
    {
    case COLUMN_PERSON:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_PERSON);
      break;

    case COLUMN_TASKS:
      cell = gh_task_cell_new (self, &self->task_layout);
      break;

    case COLUMN_OTHER:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_OTHER);
      break;

    case COLUMN_STATE:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_STATE);
      break;

    case COLUMN_ACTIONS:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_ACTIONS);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (item, cell);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (GH_IS_TASK_CELL (cell))
    gh_task_cell_bind (GH_TASK_CELL (cell), gtk_list_item_get_item (item));
  else
    gh_people_cell_bind (GH_PEOPLE_CELL (cell), gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (GH_IS_TASK_CELL (cell))
    gh_task_cell_unbind (GH_TASK_CELL (cell));
  else
    gh_people_cell_unbind (GH_PEOPLE_CELL (cell));
}

static GtkColumnViewColumn *
add_column (GhPeopleGrid *self,
            const char   *title,
            ColumnKind    kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "gh-kind", GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, kind != COLUMN_TASKS);
  gtk_column_view_append_column (self->column_view, column);
  self->columns[kind] = column;
  g_object_unref (column);

  return column;
}

/* Column widths, in characters of the grid's font: they follow the text scale.  Each column
 * has its least width; room to spare goes first to the names until a kind and an ID fit,
 * then to the states until the longest usual one fits, then to the names again. */
#define PERSON_CHARS 20
#define PERSON_CHARS_WANTED 32
#define OTHER_CHARS 8
#define STATE_CHARS 4
#define STATE_CHARS_WANTED 15
#define STATE_ICON_WIDTH 22
#define ACTIONS_WIDTH 84

static int
char_width (GhPeopleGrid *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->column_view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = pango_font_metrics_get_approximate_char_width (metrics);

  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS_CEIL (width);
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
queue_allocate_task_cells (GtkWidget *widget)
{
  if (GH_IS_TASK_CELL (widget))
    {
      gtk_widget_queue_allocate (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_allocate_task_cells (child);
}

static int
grow (int *width,
      int  room,
      int  wanted)
{
  int more = CLAMP (wanted - *width, 0, room);

  *width += more;
  return room - more;
}

/* Every column has a fixed width: a column without one measures every row made so far on
 * each layout, which stalls the window while thousands of rows come in.  The widths come
 * from the font and the grid's width, so they are worked out again when either changes. */
static gboolean
size_columns_cb (gpointer user_data)
{
  GhPeopleGrid *self = user_data;
  int chars = char_width (self);
  int widths[N_COLUMNS] = {
    [COLUMN_PERSON] = chars * PERSON_CHARS,
    [COLUMN_OTHER] = chars * OTHER_CHARS,
    [COLUMN_STATE] = chars * STATE_CHARS + STATE_ICON_WIDTH,
    [COLUMN_ACTIONS] = ACTIONS_WIDTH,
  };
  int total = 0;
  int room;
  gboolean moved;

  self->size_id = 0;
  moved = gh_task_cell_header_measure (self->task_header, &self->task_layout);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      /* Room for the title at the least.  GTK 4.8 counts a hidden column's width in the
       * view's: it has none. */
      int title = (i == COLUMN_TASKS ? self->task_layout.total_width
                                     : natural_width (self->title_texts[i]))
                  + self->title_padding[i];

      widths[i] = gtk_column_view_column_get_visible (self->columns[i])
                  ? MAX (title, widths[i]) : 0;
      total += widths[i];
    }

  /* Narrower than the columns, the grid would scroll sideways: the list takes its place. */
  gtk_widget_set_size_request (self->wide, total, -1);

  room = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - total, 0);
  room = grow (&widths[COLUMN_PERSON], room, chars * PERSON_CHARS_WANTED);
  grow (&widths[COLUMN_STATE], room, chars * STATE_CHARS_WANTED + STATE_ICON_WIDTH);
  for (guint i = 0; i < N_COLUMNS; i++)
    if (gtk_column_view_column_get_fixed_width (self->columns[i]) != widths[i])
      gtk_column_view_column_set_fixed_width (self->columns[i], widths[i]);

  /* The boxes of the rows made so far move under their titles. */
  if (moved)
    queue_allocate_task_cells (GTK_WIDGET (self->column_view));

  return G_SOURCE_REMOVE;
}

void
_gh_people_grid_queue_size_columns (GhPeopleGrid *self)
{
  if (self->size_id == 0 && self->task_header != NULL)
    self->size_id = g_idle_add (size_columns_cb, self);
}

/* GTK 4.8 lets a column's title be text only: the group and task titles are put into the
 * title widget of the tasks column, laid out like the check boxes below. */
static void
column_view_mapped_cb (GhPeopleGrid *self)
{
  GtkWidget *header = NULL;
  guint index = 0;

  if (self->task_header != NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL && header == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      header = child;
  g_return_if_fail (header != NULL);

  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL && index < N_COLUMNS;
       title = gtk_widget_get_next_sibling (title), index++)
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

      g_return_if_fail (GTK_IS_BOX (box) && GTK_IS_LABEL (label));
      self->titles[index] = title;
      self->title_texts[index] = label;
    }
  g_return_if_fail (index == N_COLUMNS);

  self->task_header = gh_task_cell_header_new (&self->task_layout);
  g_signal_connect_object (self->task_header, "restyled", G_CALLBACK (_gh_people_grid_queue_size_columns),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_hexpand (self->task_header, TRUE);
  gtk_widget_set_visible (self->title_texts[COLUMN_TASKS], FALSE);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (self->title_texts[COLUMN_TASKS])),
                  self->task_header);
  self->title_texts[COLUMN_TASKS] = self->task_header;
  gh_task_cell_header_measure (self->task_header, &self->task_layout);

  /* The room around each title's text (padding, the sort arrow), which does not change with
   * the text.  Later the texts are measured, not the titles: GTK 4.8 keeps the size of a
   * title the list hides from before the text scale changed. */
  for (guint i = 0; i < N_COLUMNS; i++)
    self->title_padding[i] = MAX (natural_width (self->titles[i])
                                  - natural_width (self->title_texts[i]), 0);

  size_columns_cb (self);
}

/* What the person cell of @widget's row has no room for, or NULL. */
static char *
person_of_row (GtkWidget *widget,
               GtkWidget *view)
{
  GtkWidget *list_view = gtk_widget_get_last_child (view);
  GtkWidget *row = widget;
  GtkWidget *holder;

  while (row != NULL && gtk_widget_get_parent (row) != list_view)
    row = gtk_widget_get_parent (row);
  holder = row != NULL ? gtk_widget_get_first_child (row) : NULL;
  if (holder == NULL || !GH_IS_PEOPLE_CELL (gtk_widget_get_first_child (holder)))
    return NULL;

  return gh_people_cell_get_tooltip (GH_PEOPLE_CELL (gtk_widget_get_first_child (holder)),
                                     NULL);
}

/* The grid's one tooltip handler: its cells set none, since each gtk_widget_set_tooltip_text
 * costs X round trips on GTK 4.8, for thousands of cells. */
static gboolean
query_tooltip_cb (GtkWidget  *view,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GtkWidget *target;
  g_autofree char *text = NULL;
  graphene_rect_t bounds;

  if (keyboard)
    target = gtk_root_get_focus (gtk_widget_get_root (view));
  else
    target = gtk_widget_pick (view, x, y, GTK_PICK_INSENSITIVE);
  if (target == NULL || !(target == view || gtk_widget_is_ancestor (target, view)))
    return FALSE;

  if (gh_task_cell_get_tooltip (target) != NULL)
    text = g_strdup (gh_task_cell_get_tooltip (target));
  for (GtkWidget *widget = target; text == NULL && widget != view;
       widget = gtk_widget_get_parent (widget))
    if (GH_IS_PEOPLE_CELL (widget))
      text = gh_people_cell_get_tooltip (GH_PEOPLE_CELL (widget), target);

  /* With the keyboard on a row, its name and ID too when the row cuts them. */
  if (keyboard && text != NULL)
    {
      g_autofree char *whole = person_of_row (target, view);

      if (whole != NULL)
        {
          char *both = g_strdup_printf ("%s\n\n%s", whole, text);

          g_free (text);
          text = both;
        }
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  if (gtk_widget_compute_bounds (target, view, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                         bounds.size.width,
                                                         bounds.size.height });
  return TRUE;
}

void
_gh_people_grid_build_columns (GhPeopleGrid *self)
{
  GtkExpression *expression;
  g_autoptr(GtkSorter) sorter = NULL;

  add_column (self, _("Person"), COLUMN_PERSON);
  gtk_column_view_column_set_expand (self->columns[COLUMN_PERSON], TRUE);
  expression = gtk_property_expression_new (GH_TYPE_ASSIGNMENT, NULL, "display-name");
  sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_column_view_column_set_sorter (self->columns[COLUMN_PERSON], sorter);

  add_column (self, _("Tasks"), COLUMN_TASKS);
  add_column (self, _("Other"), COLUMN_OTHER);
  gtk_column_view_column_set_visible (self->columns[COLUMN_OTHER], FALSE);
  add_column (self, _("State"), COLUMN_STATE);
  /* Translators: the title of the column with each row's presets menu and Remove button */
  add_column (self, _("Edit"), COLUMN_ACTIONS);

  g_signal_connect_object (self->column_view, "map", G_CALLBACK (column_view_mapped_cb), self,
                           G_CONNECT_SWAPPED);
  /* Another width of the window may give the columns other widths. */
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)),
                           "notify::page-size", G_CALLBACK (_gh_people_grid_queue_size_columns),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->column_view), TRUE);
  g_signal_connect (self->column_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}

void
_gh_people_grid_set_other_visible (GhPeopleGrid *self)
{
  gboolean visible = self->n_unknown > 0;

  if (gtk_column_view_column_get_visible (self->columns[COLUMN_OTHER]) != visible)
    {
      gtk_column_view_column_set_visible (self->columns[COLUMN_OTHER], visible);
      _gh_people_grid_queue_size_columns (self);
    }
}
