/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

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
      gh_test_pause (50);
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

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
gh_test_pause (guint ms)
{
  gh_test_wait_for (never, NULL, ms);
}

gboolean
gh_test_pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
gh_test_accessible_label_is (GtkWidget  *widget,
                             const char *label)
{
  g_autofree char *mismatch = NULL;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

GtkWidget *
gh_test_find_named (GtkWidget  *root,
                    GType       type,
                    const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root)
      && gh_test_accessible_label_is (root, label))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gh_test_find_named (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *label;
  GtkWidget  *found;
} Lookup;

static gboolean
lookup_done (gpointer data)
{
  Lookup *lookup = data;

  lookup->found = gh_test_find_named (lookup->root, lookup->type, lookup->label);
  return lookup->found != NULL;
}

GtkWidget *
gh_test_wait_for_named (GtkWidget  *root,
                        GType       type,
                        const char *label)
{
  Lookup lookup = { root, type, label, NULL };

  if (!gh_test_wait_for (lookup_done, &lookup, 10000))
    g_error ("No %s named “%s” on screen", g_type_name (type), label);
  return lookup.found;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return gh_test_find_label (wait->root, wait->text) != NULL;
}

GtkWidget *
gh_test_wait_for_label (GtkWidget  *root,
                        const char *text)
{
  LabelWait wait = { root, text };

  if (!gh_test_wait_for (label_shown, &wait, 15000))
    g_error ("No label with “%s” on screen", text);
  return gh_test_find_label (root, text);
}

GtkWidget *
gh_test_button_with_label (GtkWidget  *root,
                           const char *text)
{
  GtkWidget *label = gh_test_wait_for_label (root, text);

  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

void
gh_test_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

GtkWidget *
gh_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

typedef struct
{
  GType      type;
  GtkWidget *found;
} ToplevelWait;

static gboolean
toplevel_shown (gpointer data)
{
  ToplevelWait *wait = data;

  wait->found = gh_test_find_toplevel (wait->type);
  return wait->found != NULL;
}

GtkWidget *
gh_test_wait_for_toplevel (GType type)
{
  ToplevelWait wait = { type, NULL };

  if (!gh_test_wait_for (toplevel_shown, &wait, 10000))
    g_error ("No %s appeared", g_type_name (type));
  return wait.found;
}

static GtkWidget *
find_button_exact (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0
      && gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON) != NULL)
    return gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_exact (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
gh_test_respond (GtkWidget  *dialog,
                 const char *button)
{
  gpointer weak = dialog;

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gh_test_click (find_button_exact (dialog, button));
  g_assert_true (gh_test_wait_for (gh_test_pointer_cleared, &weak, 5000));
}
