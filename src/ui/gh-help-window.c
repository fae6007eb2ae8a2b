/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-help-window.h"
#include "gh-troubleshooting.h"

/* Troubleshooting: every problem of the catalogue as a row that opens to what the person
 * sees, why and what to do, filtered as they type.  Error pages open it on their problem. */
struct _GhHelpWindow
{
  AdwWindow          parent_instance;

  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkListBox        *topic_list;

  char              *query;
  GtkWidget         *shown_row;       /* the opened problem, NULL for the list */
  guint              scroll_tick_id;
  double             scroll_target;
  guint              scroll_frames;
};

G_DEFINE_FINAL_TYPE (GhHelpWindow, gh_help_window, ADW_TYPE_WINDOW)

static GtkWidget *
section_new (const char *heading,
             const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading_label = gtk_label_new (heading);
  GtkWidget *text_label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
  gtk_widget_add_css_class (heading_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), heading_label);
  gtk_box_append (GTK_BOX (box), text_label);
  return box;
}

static GtkWidget *
topic_row_new (const GhTroubleshootingTopic *topic)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* Translations may contain "&" or "<"; they are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gh_troubleshooting_topic_get_title (topic));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), section_new (_("What you see"),
                                              gh_troubleshooting_topic_get_symptom (topic)));
  gtk_box_append (GTK_BOX (box), section_new (_("Why"),
                                              gh_troubleshooting_topic_get_cause (topic)));
  gtk_box_append (GTK_BOX (box), section_new (_("What to do"),
                                              gh_troubleshooting_topic_get_fix (topic)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);
  return row;
}

static gboolean
topic_visible_cb (GtkListBoxRow *row,
                  gpointer       user_data)
{
  GhHelpWindow *self = user_data;
  int position = gtk_list_box_row_get_index (row);

  return gh_troubleshooting_topic_matches (gh_troubleshooting_get_topic ((guint) position),
                                           self->query);
}

static void
apply_query (GhHelpWindow *self,
             const char   *query)
{
  gboolean any = FALSE;

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);

  for (guint i = 0; i < gh_troubleshooting_get_n_topics () && !any; i++)
    any = gh_troubleshooting_topic_matches (gh_troubleshooting_get_topic (i), self->query);
  gtk_list_box_invalidate_filter (self->topic_list);
  gtk_stack_set_visible_child_name (self->stack, any ? "topics" : "empty");
}

/* Frames to wait at most for the rows to settle after a topic is opened. */
#define MAX_SCROLL_FRAMES 60

/* Keeps the opened row at the top while the rows above it close: its place is final only
 * once it is laid out and no row above is still animating. */
static gboolean
scroll_to_row_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  GhHelpWindow *self = GH_HELP_WINDOW (widget);
  GtkWidget *row = user_data;
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  graphene_point_t top;
  double target;

  if (gtk_widget_get_height (row) == 0
      || !gtk_widget_compute_point (row, viewport, &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_CONTINUE;

  target = gtk_adjustment_get_value (adjustment) + top.y - 12;
  gtk_adjustment_set_value (adjustment, target);
  if (G_APPROX_VALUE (target, self->scroll_target, 0.5)
      || ++self->scroll_frames >= MAX_SCROLL_FRAMES)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  self->scroll_target = target;
  return G_SOURCE_CONTINUE;
}

/* Focus can only move inside a window on screen, so a window opened on a problem gives the
 * problem its focus when it is mapped. */
static void
focus_shown_row (GhHelpWindow *self)
{
  /* The row itself takes no focus; its header, the first focusable part, does. */
  if (self->shown_row != NULL)
    gtk_widget_child_focus (self->shown_row, GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (GhHelpWindow   *self,
                   GtkSearchEntry *entry)
{
  apply_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (GhHelpWindow   *self,
                GtkSearchEntry *entry)
{
  /* Escape clears the search first, and closes the window when there is nothing to clear. */
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
focus_search_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GhHelpWindow *self = GH_HELP_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
gh_help_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gh_help_window_parent_class)->map (widget);

  focus_shown_row (GH_HELP_WINDOW (widget));
}

static void
gh_help_window_dispose (GObject *object)
{
  GhHelpWindow *self = GH_HELP_WINDOW (object);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GH_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (gh_help_window_parent_class)->dispose (object);
}

static void
gh_help_window_finalize (GObject *object)
{
  GhHelpWindow *self = GH_HELP_WINDOW (object);

  g_free (self->query);

  G_OBJECT_CLASS (gh_help_window_parent_class)->finalize (object);
}

static void
gh_help_window_class_init (GhHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_help_window_dispose;
  object_class->finalize = gh_help_window_finalize;
  widget_class->map = gh_help_window_map;

  gtk_widget_class_install_action (widget_class, "help.focus-search", NULL,
                                   focus_search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "help.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhHelpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GhHelpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GhHelpWindow, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, GhHelpWindow, topic_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
gh_help_window_init (GhHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < gh_troubleshooting_get_n_topics (); i++)
    gtk_list_box_append (self->topic_list, topic_row_new (gh_troubleshooting_get_topic (i)));
  gtk_list_box_set_filter_func (self->topic_list, topic_visible_cb, self, NULL);

  /* Typing anywhere in the window searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GhHelpWindow *
gh_help_window_new (void)
{
  return g_object_new (GH_TYPE_HELP_WINDOW, NULL);
}

gboolean
gh_help_window_show_topic (GhHelpWindow *self,
                           const char   *topic_id)
{
  int position;

  g_return_val_if_fail (GH_IS_HELP_WINDOW (self), FALSE);

  position = gh_troubleshooting_get_position (topic_id);
  if (position < 0 && topic_id != NULL && *topic_id != '\0')
    g_debug ("No troubleshooting topic “%s”; showing them all", topic_id);

  /* The asked-for problem must not hide behind an earlier search. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_query (self, NULL);

  self->shown_row = NULL;
  for (int i = 0; i < (int) gh_troubleshooting_get_n_topics (); i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->topic_list, i));

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), i == position);
      if (i == position)
        self->shown_row = row;
    }

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_shown_row (self);

  if (self->shown_row == NULL)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      return topic_id == NULL || *topic_id == '\0';
    }

  self->scroll_target = -1;
  self->scroll_frames = 0;
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_row_cb,
                                                       self->shown_row, NULL);
  return TRUE;
}
