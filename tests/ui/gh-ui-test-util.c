/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-ui-test-util.h"

typedef struct
{
  gboolean timed_out;
} Deadline;

static gboolean
deadline_cb (gpointer user_data)
{
  Deadline *deadline = user_data;

  deadline->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
gh_test_wait_for (GhTestCondition condition,
                  gpointer        data,
                  guint           timeout_ms)
{
  Deadline deadline = { FALSE };
  guint id = g_timeout_add (timeout_ms, deadline_cb, &deadline);

  while (!condition (data) && !deadline.timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!deadline.timed_out)
    g_source_remove (id);

  return condition (data);
}

GtkWidget *
gh_test_find_widget_of_type (GtkWidget *root,
                             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gh_test_find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
gh_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gh_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
still_animating (gpointer data)
{
  return FALSE;
}

/* Lets the window finish transitions and paint a frame: a widget that has not been drawn
 * since it changed has nothing to snapshot yet. */
static GskRenderNode *
snapshot_when_drawn (GtkWidget *widget,
                     int        width,
                     int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gtk_widget_queue_draw (widget);
      gh_test_wait_for (still_animating, NULL, 50);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL && attempt >= 5)
        return node;
      g_clear_pointer (&node, gsk_render_node_unref);
    }

  return NULL;
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

void
gh_test_save_screenshot (GtkWidget  *widget,
                         const char *path)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width, height;

  /* On a busy machine the window can be on screen a moment before it has a size. */
  g_assert_true (gh_test_wait_for (has_size, widget, 10000));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  node = snapshot_when_drawn (widget, width, height);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
