/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-rotation-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-rotation-grid.h"

struct _GhRotationGrid
{
  GtkGrid parent_instance;
};

G_DEFINE_FINAL_TYPE (GhRotationGrid, gh_rotation_grid, GTK_TYPE_GRID)

static const char *
verdict_icon (GhRotationVerdict verdict,
              const char      **css_class)
{
  switch (verdict)
    {
    case GH_ROTATION_SAME:
    case GH_ROTATION_BETTER:
      *css_class = "success";
      return "emblem-ok-symbolic";
    case GH_ROTATION_UNKNOWN:
      *css_class = "dim-label";
      return "dialog-question-symbolic";
    case GH_ROTATION_CHANGED:
      *css_class = "warning";
      return "dialog-warning-symbolic";
    case GH_ROTATION_LOST:
    case GH_ROTATION_BROKEN:
    default:
      *css_class = "error";
      return "dialog-error-symbolic";
    }
}

static GtkWidget *
cell_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
gh_rotation_grid_class_init (GhRotationGridClass *klass)
{
}

static void
gh_rotation_grid_init (GhRotationGrid *self)
{
}

void
gh_rotation_grid_set_rotation (GhRotationGrid *self,
                               GhRotation     *rotation)
{
  GtkGrid *grid = GTK_GRID (self);
  GPtrArray *items;
  GtkWidget *child;
  int row = 1;

  g_return_if_fail (GH_IS_ROTATION_GRID (self));
  g_return_if_fail (GH_IS_ROTATION (rotation));

  items = gh_rotation_get_items (rotation);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_grid_remove (grid, child);

  gtk_grid_attach (grid, cell_new (_("Saved token"), "heading"), 1, 0, 1, 1);
  gtk_grid_attach (grid, cell_new (_("New token"), "heading"), 2, 0, 1, 1);

  for (guint i = 0; i < items->len; i++)
    {
      GhRotationItem *item = g_ptr_array_index (items, i);
      GhRotationVerdict verdict = gh_rotation_item_get_verdict (item);
      const char *css_class;
      const char *icon_name = verdict_icon (verdict, &css_class);
      GtkWidget *verdict_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);
      GtkWidget *verdict_label = cell_new (gh_rotation_verdict_to_label (verdict), css_class);
      GtkWidget *before = cell_new (gh_rotation_item_get_before (item), NULL);
      GtkWidget *after = cell_new (gh_rotation_item_get_after (item), NULL);
      GtkWidget *sentence = cell_new (gh_rotation_item_get_sentence (item), "dim-label");

      /* The verdict stays one word on one line; the two sides share what is left. */
      gtk_label_set_wrap (GTK_LABEL (verdict_label), FALSE);
      gtk_widget_set_hexpand (before, TRUE);
      gtk_widget_set_hexpand (after, TRUE);
      gtk_widget_set_valign (verdict_box, GTK_ALIGN_START);
      gtk_widget_add_css_class (icon, css_class);
      gtk_box_append (GTK_BOX (verdict_box), icon);
      gtk_box_append (GTK_BOX (verdict_box), verdict_label);

      gtk_grid_attach (grid, cell_new (gh_rotation_item_get_title (item), "heading"),
                       0, row, 1, 1);
      gtk_grid_attach (grid, before, 1, row, 1, 1);
      gtk_grid_attach (grid, after, 2, row, 1, 1);
      gtk_grid_attach (grid, verdict_box, 3, row, 1, 1);
      gtk_widget_set_margin_bottom (sentence, 6);
      gtk_grid_attach (grid, sentence, 0, row + 1, 4, 1);
      row += 2;
    }
}
