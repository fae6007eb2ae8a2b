/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-person-tasks"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-cell.h"
#include "gh-person-row.h"
#include "gh-person-tasks.h"
#include "gh-task-cell.h"

struct _GhPersonTasks
{
  AdwBin        parent_instance;

  GhPeopleGrid *grid;                        /* unowned: the grid owns the page */
  GhAssignment *row;
  gboolean      updating;                    /* set while the page itself sets a box */

  GtkWidget    *name_label;
  GtkWidget    *details_label;
  GtkWidget    *own_badge;
  GtkWidget    *summary_label;
  GtkWidget    *state_label;
  GtkWidget    *full_button;
  GtkWidget    *partial_button;
  GtkWidget    *remove_button;
  GtkWidget    *other_group;
  GtkWidget    *other_label;

  GhTaskLayout  layout;                      /* the order of the tasks, as in the grid */
  GtkWidget    *checks[GH_TASK_N_KNOWN];
};

G_DEFINE_FINAL_TYPE (GhPersonTasks, gh_person_tasks, ADW_TYPE_BIN)

static G_DEFINE_QUARK (gh-person-task, task)

static void
update (GhPersonTasks *self)
{
  GhAssignment *row = self->row;
  gboolean can_edit = gh_people_grid_get_can_edit (self->grid);
  gboolean removed;
  GhTaskFlags tasks, held;
  const char *icon_name = NULL;
  g_autofree char *state = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  g_autofree char *unknown = NULL;

  if (row == NULL)
    return;

  removed = gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_REMOVED;
  tasks = gh_assignment_get_tasks (row);
  held = gh_assignment_get_held_tasks (row);
  gh_people_state_words (row, &icon_name, &state);
  summary = gh_person_row_dup_summary (row);
  unknown = gh_people_unknown_tasks_text (row);
  details = g_strdup_printf (_("%s · %s"),
                             gh_assignment_get_is_system_user (row) ? _("System user")
                                                                    : _("Person"),
                             gh_assignment_get_id (row));

  gtk_label_set_text (GTK_LABEL (self->name_label), gh_people_display_name (row));
  gtk_label_set_text (GTK_LABEL (self->details_label), details);
  gtk_widget_set_visible (self->own_badge, gh_assignment_get_is_own (row));
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_label_set_text (GTK_LABEL (self->state_label), state != NULL ? state : "");
  gtk_widget_set_visible (self->state_label, state != NULL);
  gtk_label_set_text (GTK_LABEL (self->other_label), unknown != NULL ? unknown : "");
  gtk_widget_set_visible (self->other_group, unknown != NULL);

  self->updating = TRUE;
  for (guint i = 0; i < self->layout.n_tasks; i++)
    {
      GtkWidget *check = self->checks[i];
      GhTaskFlags task = self->layout.tasks[i];

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (tasks & task) != 0);
      gtk_widget_set_sensitive (check, can_edit && !removed);
      if (gh_assignment_get_state (row) != GH_ASSIGNMENT_STATE_NEW
          && ((tasks ^ held) & task) != 0)
        gtk_widget_add_css_class (check, "gh-changed");
      else
        gtk_widget_remove_css_class (check, "gh-changed");
    }
  self->updating = FALSE;

  gtk_widget_set_sensitive (self->full_button, can_edit && !removed);
  gtk_widget_set_sensitive (self->partial_button, can_edit && !removed);
  gtk_widget_set_sensitive (self->remove_button, can_edit);
  gtk_button_set_label (GTK_BUTTON (self->remove_button),
                        removed ? _("_Keep Access") : _("_Remove From This Account"));
  if (removed)
    gtk_widget_remove_css_class (self->remove_button, "destructive-action");
  else
    gtk_widget_add_css_class (self->remove_button, "destructive-action");
}

/* The accessible names say whose the boxes are, as the grid's do. */
static void
name_checks (GhPersonTasks *self)
{
  const char *name = self->row != NULL ? gh_people_display_name (self->row) : "";

  for (guint i = 0; i < self->layout.n_tasks; i++)
    {
      g_autofree char *label = NULL;

      label = g_strdup_printf (_("%s for %s"), gh_task_get_label (self->layout.tasks[i]), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
row_notify_cb (GhPersonTasks *self)
{
  update (self);
}

static void
row_renamed_cb (GhPersonTasks *self)
{
  name_checks (self);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  GhPersonTasks  *self)
{
  gboolean active = gtk_check_button_get_active (check);
  GhTaskFlags task = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (check), task_quark ()));
  GhTaskFlags tasks;

  if (self->updating || self->row == NULL)
    return;

  tasks = gh_assignment_get_tasks (self->row);
  if (((tasks & task) != 0) == active)
    return;

  tasks = active ? (tasks | task) : (tasks & ~task);
  if (!gh_people_grid_stage (self->grid, self->row, tasks, FALSE))
    {
      /* Not staged (yet): the box shows what is staged until the person confirms. */
      self->updating = TRUE;
      gtk_check_button_set_active (check, !active);
      self->updating = FALSE;
    }
}

static void
full_clicked_cb (GhPersonTasks *self)
{
  if (self->row != NULL)
    gh_people_grid_stage (self->grid, self->row, GH_TASK_PRESET_FULL_CONTROL, FALSE);
}

static void
partial_clicked_cb (GhPersonTasks *self)
{
  if (self->row != NULL)
    gh_people_grid_stage (self->grid, self->row, GH_TASK_PRESET_PARTIAL, FALSE);
}

static void
remove_clicked_cb (GhPersonTasks *self)
{
  if (self->row == NULL)
    return;

  if (gh_assignment_get_state (self->row) == GH_ASSIGNMENT_STATE_REMOVED)
    gh_people_grid_restore (self->grid, self->row);
  else
    gh_people_grid_stage (self->grid, self->row, GH_TASK_NONE, TRUE);
}

/* Construction */

static GtkWidget *
label_new (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
button_new (const char *label,
            GCallback   callback,
            gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, user_data);
  return button;
}

/* The Back button, the person's name, kind and ID (selectable, to copy it), the summary and
 * the state. */
static GtkWidget *
build_top (GhPersonTasks *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *id_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 12);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "people-list.back");
  gtk_widget_set_valign (back, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (back, _("Back to everyone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back"), -1);
  gtk_box_append (GTK_BOX (top), back);

  self->name_label = label_new ("title-4", TRUE);
  self->details_label = label_new ("caption", TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->details_label), TRUE);
  gtk_widget_add_css_class (self->details_label, "dim-label");
  self->own_badge = gtk_label_new (_("This connection"));
  gtk_widget_add_css_class (self->own_badge, "gh-badge");
  gtk_widget_add_css_class (self->own_badge, "gh-badge-own");
  gtk_widget_add_css_class (self->own_badge, "caption");
  gtk_widget_set_valign (self->own_badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (id_line), self->details_label);
  gtk_box_append (GTK_BOX (id_line), self->own_badge);
  self->summary_label = label_new (NULL, TRUE);
  self->state_label = label_new ("gh-state", TRUE);

  gtk_box_append (GTK_BOX (lines), self->name_label);
  gtk_box_append (GTK_BOX (lines), id_line);
  gtk_box_append (GTK_BOX (lines), self->summary_label);
  gtk_box_append (GTK_BOX (lines), self->state_label);
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (top), lines);

  return top;
}

static GtkWidget *
build_presets (GhPersonTasks *self)
{
  /* One above the other: side by side they would not fit a phone's width. */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->full_button = button_new (_("Give _Full Control"), G_CALLBACK (full_clicked_cb), self);
  self->partial_button = button_new (_("Give _Partial Access"), G_CALLBACK (partial_clicked_cb),
                                     self);
  gtk_box_append (GTK_BOX (box), self->full_button);
  gtk_box_append (GTK_BOX (box), self->partial_button);
  return box;
}

static void
build_tasks (GhPersonTasks *self,
             GtkWidget     *page)
{
  guint next = 0;

  for (GhTaskGroup group = 0; group < GH_TASK_N_GROUPS; group++)
    {
      GhTaskFlags members[GH_TASK_GROUP_MAX_TASKS];
      guint n = gh_task_group_get_tasks (group, members);
      GtkWidget *box;

      if (n == 0)
        continue;

      /* A group of one is named by its one task. */
      box = adw_preferences_group_new ();
      if (n > 1)
        adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (box),
                                         gh_task_group_get_label (group));
      for (guint i = 0; i < n; i++, next++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          g_assert (self->layout.tasks[next] == members[i]);
          g_object_set_qdata (G_OBJECT (check), task_quark (), GUINT_TO_POINTER (members[i]));
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         gh_task_get_label (members[i]));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       gh_task_get_description (members[i]));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (box), row);
          self->checks[next] = check;
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (box));
    }
}

static void
gh_person_tasks_dispose (GObject *object)
{
  gh_person_tasks_set_row (GH_PERSON_TASKS (object), NULL);

  G_OBJECT_CLASS (gh_person_tasks_parent_class)->dispose (object);
}

static void
gh_person_tasks_class_init (GhPersonTasksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_person_tasks_dispose;

  /* Escape goes back as well as Alt+Left. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "people-list.back",
                                       NULL);
  gtk_widget_class_set_css_name (widget_class, "gh-person-tasks");
}

static void
gh_person_tasks_init (GhPersonTasks *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *actions = adw_preferences_group_new ();

  gh_task_layout_init (&self->layout);

  gtk_box_append (GTK_BOX (box), build_top (self));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Access Presets"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), build_presets (self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  build_tasks (self, page);

  self->other_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->other_group), _("Other"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->other_group),
                                         _("Tasks Gatehouse does not know; they are kept as "
                                           "they are"));
  self->other_label = label_new ("monospace", TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->other_label), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->other_group), self->other_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (self->other_group));

  self->remove_button = button_new (_("_Remove From This Account"),
                                    G_CALLBACK (remove_clicked_cb), self);
  gtk_widget_set_halign (self->remove_button, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->remove_button))), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (actions), self->remove_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (actions));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
gh_person_tasks_new (GhPeopleGrid *grid)
{
  GhPersonTasks *self;

  g_return_val_if_fail (GH_IS_PEOPLE_GRID (grid), NULL);

  self = g_object_new (GH_TYPE_PERSON_TASKS, NULL);
  self->grid = grid;

  return GTK_WIDGET (self);
}

void
gh_person_tasks_set_row (GhPersonTasks *self,
                         GhAssignment  *row)
{
  g_return_if_fail (GH_IS_PERSON_TASKS (self));
  g_return_if_fail (row == NULL || GH_IS_ASSIGNMENT (row));

  if (self->row == row)
    return;

  if (self->row != NULL)
    g_signal_handlers_disconnect_by_data (self->row, self);
  g_set_object (&self->row, row);
  if (row == NULL)
    return;

  g_signal_connect_object (row, "notify", G_CALLBACK (row_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "notify::display-name", G_CALLBACK (row_renamed_cb), self,
                           G_CONNECT_SWAPPED);
  name_checks (self);
  update (self);
}

GhAssignment *
gh_person_tasks_get_row (GhPersonTasks *self)
{
  g_return_val_if_fail (GH_IS_PERSON_TASKS (self), NULL);

  return self->row;
}

void
gh_person_tasks_focus_first (GhPersonTasks *self)
{
  g_return_if_fail (GH_IS_PERSON_TASKS (self));

  /* The first box, or the first thing that takes the focus when the boxes cannot. */
  if (!gtk_widget_grab_focus (self->checks[0]))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}
