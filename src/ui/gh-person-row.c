/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-person-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-cell.h"
#include "gh-person-row.h"

struct _GhPersonRow
{
  GtkWidget      parent_instance;

  GhCellBinding  binding;
  GtkWidget     *name_label;
  GtkWidget     *own_badge;
  GtkWidget     *state_label;
  GtkWidget     *summary_label;
  GtkWidget     *details_label;
};

G_DEFINE_FINAL_TYPE (GhPersonRow, gh_person_row, GTK_TYPE_WIDGET)

static void
row_update (gpointer data)
{
  GhPersonRow *self = data;
  GhAssignment *row = self->binding.row;
  const char *icon_name = NULL;
  g_autofree char *state = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;

  /* A place on its way out of the list shows nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self), row != NULL);
  if (row == NULL)
    return;

  gh_people_state_words (row, &icon_name, &state);
  summary = gh_person_row_dup_summary (row);
  /* Translators: a person's kind and ID in the narrow list: "System user · 104169029248644" */
  details = g_strdup_printf (_("%s · %s"),
                             gh_assignment_get_is_system_user (row) ? _("System user")
                                                                    : _("Person"),
                             gh_assignment_get_id (row));

  /* Names come from Meta and may look like markup: always plain text. */
  gtk_label_set_text (GTK_LABEL (self->name_label), gh_people_display_name (row));
  gtk_widget_set_visible (self->own_badge, gh_assignment_get_is_own (row));
  gtk_label_set_text (GTK_LABEL (self->state_label), state != NULL ? state : "");
  gtk_widget_set_visible (self->state_label, state != NULL);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_label_set_text (GTK_LABEL (self->details_label), details);
  if (gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_REMOVED)
    gtk_widget_add_css_class (self->name_label, "gh-removed");
  else
    gtk_widget_remove_css_class (self->name_label, "gh-removed");
}

static GtkWidget *
line_new (GtkWidget  *box,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
gh_person_row_dispose (GObject *object)
{
  GhPersonRow *self = GH_PERSON_ROW (object);
  GtkWidget *child;

  gh_cell_binding_unbind (&self->binding);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gh_person_row_parent_class)->dispose (object);
}

static void
gh_person_row_class_init (GhPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_person_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gh-person-row");
}

static void
gh_person_row_init (GhPersonRow *self)
{
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *more = gtk_image_new_from_icon_name ("go-next-symbolic");

  self->binding.update = row_update;
  self->binding.cell = self;
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager
                                                (GTK_WIDGET (self))), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->name_label = line_new (top, "heading");
  gtk_widget_set_hexpand (self->name_label, TRUE);
  self->own_badge = gtk_label_new (_("This connection"));
  gtk_widget_add_css_class (self->own_badge, "gh-badge");
  gtk_widget_add_css_class (self->own_badge, "gh-badge-own");
  gtk_widget_add_css_class (self->own_badge, "caption");
  gtk_widget_set_valign (self->own_badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), self->own_badge);
  self->state_label = line_new (top, "caption");
  gtk_widget_add_css_class (self->state_label, "gh-state");
  gtk_box_append (GTK_BOX (lines), top);

  self->summary_label = line_new (lines, NULL);
  self->details_label = line_new (lines, "caption");
  gtk_widget_add_css_class (self->details_label, "dim-label");
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_widget_set_parent (lines, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_parent (more, GTK_WIDGET (self));
}

GtkWidget *
gh_person_row_new (void)
{
  return g_object_new (GH_TYPE_PERSON_ROW, NULL);
}

void
gh_person_row_bind (GhPersonRow  *self,
                    GhPeopleSlot *slot)
{
  g_return_if_fail (GH_IS_PERSON_ROW (self));

  gh_cell_binding_bind (&self->binding, slot);
}

void
gh_person_row_unbind (GhPersonRow *self)
{
  g_return_if_fail (GH_IS_PERSON_ROW (self));

  gh_cell_binding_unbind (&self->binding);
}

GhPeopleSlot *
gh_person_row_get_slot (GhPersonRow *self)
{
  g_return_val_if_fail (GH_IS_PERSON_ROW (self), NULL);

  return self->binding.slot;
}

char *
gh_person_row_dup_summary (GhAssignment *row)
{
  GhTaskFlags tasks;
  const char * const *unknown;
  guint n_unknown;
  g_autoptr(GString) text = g_string_new (NULL);
  /* Translators: what goes between the groups of tasks in a person's access summary */
  const char *separator = C_("access summary", ", ");

  g_return_val_if_fail (GH_IS_ASSIGNMENT (row), NULL);

  tasks = gh_assignment_get_tasks (row);
  unknown = gh_assignment_get_unknown_tasks (row);
  n_unknown = unknown != NULL ? g_strv_length ((char **) unknown) : 0;

  /* Full control is everything else too. */
  if ((tasks & GH_TASK_MANAGE) != 0)
    tasks = GH_TASK_MANAGE;

  for (GhTaskGroup group = 0; group < GH_TASK_N_GROUPS; group++)
    {
      GhTaskFlags members[GH_TASK_GROUP_MAX_TASKS];
      guint n = gh_task_group_get_tasks (group, members);
      g_autoptr(GPtrArray) held = g_ptr_array_new ();

      for (guint i = 0; i < n; i++)
        if ((tasks & members[i]) != 0)
          g_ptr_array_add (held, (gpointer) gh_task_get_short_label (members[i]));
      if (held->len == 0)
        continue;

      if (text->len > 0)
        g_string_append (text, separator);
      if (held->len == n)
        {
          g_string_append (text, gh_task_group_get_label (group));
        }
      else
        {
          g_autofree char *some = NULL;

          g_ptr_array_add (held, NULL);
          some = g_strjoinv (separator, (char **) held->pdata);
          /* Translators: some tasks of a group: "Templates (view)", "Phone numbers (manage,
           * assets)" */
          g_string_append_printf (text, _("%s (%s)"), gh_task_group_get_label (group), some);
        }
    }

  if (n_unknown > 0)
    {
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u other task",
                                                 "%u other tasks", n_unknown), n_unknown);
    }

  if (text->len == 0)
    g_string_append (text, _("No tasks"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
