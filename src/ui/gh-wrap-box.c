/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-wrap-box.h"

struct _GhWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
  int       row_spacing;
  GtkAlign  justify;
};

static void gh_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GhWrapBox, gh_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      gh_wrap_box_buildable_init))

enum {
  PROP_0,
  PROP_SPACING,
  PROP_ROW_SPACING,
  PROP_JUSTIFY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

/* One child as laid out: its width on its line, which line, and the line's height. */
typedef struct
{
  GtkWidget *widget;
  int        min_width;
  int        nat_width;
  int        width;
  guint      line;
} Item;

static GArray *
collect_items (GhWrapBox *self)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0, 0 };

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &item.min_width, &item.nat_width, NULL, NULL);
      g_array_append_val (items, item);
    }

  return items;
}

/* Shares @extra pixels among the items of one line, [first, end): among those that expand
 * when any does, else among all. */
static void
fill_line (Item  *items,
           guint  first,
           guint  end,
           int    extra)
{
  guint count = 0;
  guint last = first;
  gboolean any_expands = FALSE;

  for (guint i = first; i < end; i++)
    any_expands |= gtk_widget_compute_expand (items[i].widget, GTK_ORIENTATION_HORIZONTAL);
  for (guint i = first; i < end; i++)
    if (!any_expands || gtk_widget_compute_expand (items[i].widget, GTK_ORIENTATION_HORIZONTAL))
      {
        count++;
        last = i;
      }

  for (guint i = first; i < end && extra > 0; i++)
    if (!any_expands || gtk_widget_compute_expand (items[i].widget, GTK_ORIENTATION_HORIZONTAL))
      items[i].width += extra / (int) count + (i == last ? extra % (int) count : 0);
}

/* Breaks @items into lines no wider than @width, each child as wide as it would like up to
 * the whole line; returns how many lines. */
static guint
break_lines (GhWrapBox *self,
             GArray    *items,
             int        width)
{
  Item *item = (Item *) (gpointer) items->data;
  guint line = 0;
  guint first = 0;
  int used = 0;

  for (guint i = 0; i < items->len; i++)
    {
      item[i].width = MAX (MIN (item[i].nat_width, width), item[i].min_width);
      if (i > first && used + self->spacing + item[i].width > width)
        {
          if (self->justify == GTK_ALIGN_FILL)
            fill_line (item, first, i, width - used);
          line++;
          first = i;
          used = 0;
        }
      used += (i > first ? self->spacing : 0) + item[i].width;
      item[i].line = line;
    }
  if (self->justify == GTK_ALIGN_FILL && items->len > 0)
    fill_line (item, first, items->len, width - used);

  return items->len > 0 ? line + 1 : 0;
}

/* The height of each line, its children at their widths. */
static void
measure_lines (GArray *items,
               int    *min_heights,
               int    *nat_heights)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int min = 0, nat = 0;

      gtk_widget_measure (item->widget, GTK_ORIENTATION_VERTICAL, item->width,
                          &min, &nat, NULL, NULL);
      min_heights[item->line] = MAX (min_heights[item->line], min);
      nat_heights[item->line] = MAX (nat_heights[item->line], nat);
    }
}

static int
natural_width (GhWrapBox *self,
               GArray    *items)
{
  int width = 0;

  for (guint i = 0; i < items->len; i++)
    width += (i > 0 ? self->spacing : 0) + g_array_index (items, Item, i).nat_width;
  return width;
}

static GtkSizeRequestMode
gh_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gh_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GhWrapBox *self = GH_WRAP_BOX (widget);
  g_autoptr(GArray) items = collect_items (self);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the widest child; as wide as all of them on one line. */
      for (guint i = 0; i < items->len; i++)
        *minimum = MAX (*minimum, g_array_index (items, Item, i).min_width);
      *natural = MAX (*minimum, natural_width (self, items));
    }
  else
    {
      int width = for_size >= 0 ? for_size : natural_width (self, items);
      guint n_lines = break_lines (self, items, width);
      g_autofree int *min_heights = g_new0 (int, MAX (n_lines, 1));
      g_autofree int *nat_heights = g_new0 (int, MAX (n_lines, 1));

      measure_lines (items, min_heights, nat_heights);
      for (guint line = 0; line < n_lines; line++)
        {
          int gap = line > 0 ? self->row_spacing : 0;

          *minimum += gap + min_heights[line];
          *natural += gap + nat_heights[line];
        }
    }
}

/* Children that expand make the box expand, as in a GtkBox. */
static void
gh_wrap_box_compute_expand (GtkWidget *widget,
                            gboolean  *hexpand,
                            gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      *hexpand |= gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand |= gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
gh_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  GhWrapBox *self = GH_WRAP_BOX (widget);
  g_autoptr(GArray) items = collect_items (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n_lines = break_lines (self, items, width);
  g_autofree int *min_heights = g_new0 (int, MAX (n_lines, 1));
  g_autofree int *nat_heights = g_new0 (int, MAX (n_lines, 1));
  guint i = 0;
  int y = 0;

  measure_lines (items, min_heights, nat_heights);

  for (guint line = 0; line < n_lines; line++)
    {
      guint first = i;
      int used = 0;
      int x;

      for (; i < items->len && g_array_index (items, Item, i).line == line; i++)
        used += (i > first ? self->spacing : 0) + g_array_index (items, Item, i).width;

      switch (self->justify)
        {
        case GTK_ALIGN_END:
          x = width - used;
          break;
        case GTK_ALIGN_CENTER:
          x = (width - used) / 2;
          break;
        case GTK_ALIGN_FILL:
        case GTK_ALIGN_START:
        case GTK_ALIGN_BASELINE:
        default:
          x = 0;
          break;
        }

      for (guint j = first; j < i; j++)
        {
          Item *item = &g_array_index (items, Item, j);
          GtkAllocation allocation = { rtl ? width - x - item->width : x, y,
                                       item->width, nat_heights[line] };

          gtk_widget_size_allocate (item->widget, &allocation, -1);
          x += item->width + self->spacing;
        }

      y += nat_heights[line] + self->row_spacing;
    }
}

static void
gh_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  if (GTK_IS_WIDGET (child))
    gh_wrap_box_append (GH_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
gh_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = gh_wrap_box_buildable_add_child;
}

static void
gh_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gh_wrap_box_parent_class)->dispose (object);
}

static void
gh_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GhWrapBox *self = GH_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    case PROP_JUSTIFY:
      g_value_set_enum (value, self->justify);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GhWrapBox *self = GH_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      gh_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_ROW_SPACING:
      gh_wrap_box_set_row_spacing (self, g_value_get_int (value));
      break;
    case PROP_JUSTIFY:
      gh_wrap_box_set_justify (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_wrap_box_class_init (GhWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_wrap_box_dispose;
  object_class->get_property = gh_wrap_box_get_property;
  object_class->set_property = gh_wrap_box_set_property;

  widget_class->get_request_mode = gh_wrap_box_get_request_mode;
  widget_class->measure = gh_wrap_box_measure;
  widget_class->size_allocate = gh_wrap_box_size_allocate;
  widget_class->compute_expand = gh_wrap_box_compute_expand;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JUSTIFY] =
    g_param_spec_enum ("justify", NULL, NULL, GTK_TYPE_ALIGN, GTK_ALIGN_START,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gh_wrap_box_init (GhWrapBox *self)
{
  self->justify = GTK_ALIGN_START;
}

GtkWidget *
gh_wrap_box_new (void)
{
  return g_object_new (GH_TYPE_WRAP_BOX, NULL);
}

void
gh_wrap_box_append (GhWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (GH_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
gh_wrap_box_remove (GhWrapBox *self,
                    GtkWidget *child)
{
  g_return_if_fail (GH_IS_WRAP_BOX (self));
  g_return_if_fail (gtk_widget_get_parent (child) == GTK_WIDGET (self));

  gtk_widget_unparent (child);
}

void
gh_wrap_box_set_spacing (GhWrapBox *self,
                         int        spacing)
{
  g_return_if_fail (GH_IS_WRAP_BOX (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
gh_wrap_box_get_spacing (GhWrapBox *self)
{
  g_return_val_if_fail (GH_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
gh_wrap_box_set_row_spacing (GhWrapBox *self,
                             int        spacing)
{
  g_return_if_fail (GH_IS_WRAP_BOX (self));
  g_return_if_fail (spacing >= 0);

  if (self->row_spacing == spacing)
    return;
  self->row_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SPACING]);
}

int
gh_wrap_box_get_row_spacing (GhWrapBox *self)
{
  g_return_val_if_fail (GH_IS_WRAP_BOX (self), 0);

  return self->row_spacing;
}

void
gh_wrap_box_set_justify (GhWrapBox *self,
                         GtkAlign   justify)
{
  g_return_if_fail (GH_IS_WRAP_BOX (self));

  if (self->justify == justify)
    return;
  self->justify = justify;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JUSTIFY]);
}

GtkAlign
gh_wrap_box_get_justify (GhWrapBox *self)
{
  g_return_val_if_fail (GH_IS_WRAP_BOX (self), GTK_ALIGN_START);

  return self->justify;
}
