/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-wrap-box.h"

/* The row that wraps: three children that want 100 px each (and can't go under 80). */

static GtkWidget *
child_new (void)
{
  GtkWidget *child = gtk_label_new (NULL);

  gtk_widget_set_size_request (child, 80, 20);
  return child;
}

static GhWrapBox *
row_new (GtkWidget **children)
{
  GhWrapBox *box = GH_WRAP_BOX (gh_wrap_box_new ());

  gh_wrap_box_set_spacing (box, 10);
  gh_wrap_box_set_row_spacing (box, 4);
  for (guint i = 0; i < 3; i++)
    {
      children[i] = child_new ();
      gtk_label_set_width_chars (GTK_LABEL (children[i]), 0);
      gh_wrap_box_append (box, children[i]);
    }
  return g_object_ref_sink (box);
}

static int
height_for (GhWrapBox *box,
            int        width)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_VERTICAL, width,
                      &minimum, NULL, NULL, NULL);
  return minimum;
}

static void
test_measure (void)
{
  GtkWidget *children[3];
  g_autoptr(GhWrapBox) box = row_new (children);
  int minimum, natural;

  /* As narrow as one child, as wide as all three and the gaps. */
  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 80);
  g_assert_cmpint (natural, ==, 80 * 3 + 10 * 2);

  /* One line when they fit, three lines (and two gaps) when only one fits. */
  g_assert_cmpint (height_for (box, 260), ==, 20);
  g_assert_cmpint (height_for (box, 200), ==, 20 + 4 + 20);
  g_assert_cmpint (height_for (box, 90), ==, 20 * 3 + 4 * 2);

  /* A hidden child takes no room. */
  gtk_widget_set_visible (children[2], FALSE);
  g_assert_cmpint (height_for (box, 200), ==, 20);
  gtk_widget_measure (GTK_WIDGET (box), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 80 * 2 + 10);
}

static void
allocate (GhWrapBox *box,
          int        width)
{
  gtk_widget_size_allocate (GTK_WIDGET (box),
                            &(GtkAllocation) { 0, 0, width, height_for (box, width) }, -1);
}

static void
assert_bounds (GtkWidget *child,
               GtkWidget *box,
               double     x,
               double     y,
               double     width)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, box, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, x);
  g_assert_cmpfloat (bounds.origin.y, ==, y);
  g_assert_cmpfloat (bounds.size.width, ==, width);
}

static void
test_allocate (void)
{
  GtkWidget *children[3];
  g_autoptr(GhWrapBox) box = row_new (children);
  GtkWidget *widget = GTK_WIDGET (box);

  /* Two fit on the first line; the third starts the second, at the end when justified so. */
  gh_wrap_box_set_justify (box, GTK_ALIGN_END);
  allocate (box, 200);
  assert_bounds (children[0], widget, 200 - 170, 0, 80);
  assert_bounds (children[1], widget, 200 - 80, 0, 80);
  assert_bounds (children[2], widget, 200 - 80, 24, 80);

  /* Filled, each line's children share its spare width. */
  gh_wrap_box_set_justify (box, GTK_ALIGN_FILL);
  allocate (box, 200);
  assert_bounds (children[0], widget, 0, 0, 95);
  assert_bounds (children[1], widget, 105, 0, 95);
  assert_bounds (children[2], widget, 0, 24, 200);

  /* … or to the one that expands. */
  gtk_widget_set_hexpand (children[1], TRUE);
  allocate (box, 200);
  assert_bounds (children[0], widget, 0, 0, 80);
  assert_bounds (children[1], widget, 90, 0, 110);
  gtk_widget_set_hexpand (children[1], FALSE);

  /* Right to left, the first child is at the right. */
  gh_wrap_box_set_justify (box, GTK_ALIGN_START);
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_RTL);
  allocate (box, 200);
  assert_bounds (children[0], widget, 200 - 80, 0, 80);
  assert_bounds (children[1], widget, 200 - 170, 0, 80);
  assert_bounds (children[2], widget, 200 - 80, 24, 80);
}

static void
test_builder (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GhWrapBox *box;

  g_type_ensure (GH_TYPE_WRAP_BOX);
  builder = gtk_builder_new_from_string (
    "<interface><object class='GhWrapBox' id='box'>"
    "<property name='spacing'>6</property><property name='justify'>center</property>"
    "<child><object class='GtkButton'/></child><child><object class='GtkButton'/></child>"
    "</object></interface>", -1);
  box = GH_WRAP_BOX (gtk_builder_get_object (builder, "box"));
  g_assert_cmpint (gh_wrap_box_get_spacing (box), ==, 6);
  g_assert_cmpint (gh_wrap_box_get_justify (box), ==, GTK_ALIGN_CENTER);
  g_assert_true (GTK_IS_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (box))));
  g_assert_true (GTK_IS_BUTTON (gtk_widget_get_last_child (GTK_WIDGET (box))));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (box)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wrap-box/measure", test_measure);
  g_test_add_func ("/wrap-box/allocate", test_allocate);
  g_test_add_func ("/wrap-box/builder", test_builder);

  return g_test_run ();
}
