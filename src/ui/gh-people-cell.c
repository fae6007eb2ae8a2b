/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-cell.h"

struct _GhPeopleCell
{
  GtkWidget         parent_instance;

  GhPeopleGrid     *grid;        /* unowned: the grid outlives its cells */
  GhPeopleCellKind  kind;
  GhCellBinding     binding;
  char             *name;        /* the name the accessible labels were made for */
  gboolean          labelled_removed;

  GtkWidget        *name_label;
  GtkWidget        *details;
  GtkWidget        *id_label;
  GtkWidget        *type_badge;
  GtkWidget        *own_badge;
  GtkWidget        *label;
  GtkWidget        *icon;
  GtkWidget        *menu_button;
  GtkWidget        *remove_button;
};

G_DEFINE_FINAL_TYPE (GhPeopleCell, gh_people_cell, GTK_TYPE_WIDGET)

/* Binding */

static void
binding_row_notify_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  GhCellBinding *binding = user_data;

  binding->update (binding->cell);
}

static void
binding_follow_row (GhCellBinding *binding)
{
  GhAssignment *row = gh_people_slot_get_assignment (binding->slot);

  if (binding->row == row)
    return;

  g_clear_signal_handler (&binding->row_id, binding->row);
  binding->row = row;
  if (row != NULL)
    binding->row_id = g_signal_connect (row, "notify", G_CALLBACK (binding_row_notify_cb),
                                        binding);
}

static void
binding_slot_notify_cb (GObject    *object,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  GhCellBinding *binding = user_data;

  binding_follow_row (binding);
  binding->update (binding->cell);
}

void
gh_cell_binding_bind (GhCellBinding *binding,
                      GhPeopleSlot  *slot)
{
  g_return_if_fail (GH_IS_PEOPLE_SLOT (slot));

  gh_cell_binding_unbind (binding);
  binding->slot = slot;
  binding->slot_id = g_signal_connect (slot, "notify::assignment",
                                       G_CALLBACK (binding_slot_notify_cb), binding);
  binding_follow_row (binding);
  binding->update (binding->cell);
}

void
gh_cell_binding_unbind (GhCellBinding *binding)
{
  g_clear_signal_handler (&binding->row_id, binding->row);
  g_clear_signal_handler (&binding->slot_id, binding->slot);
  binding->row = NULL;
  binding->slot = NULL;
}

const char *
gh_people_display_name (GhAssignment *row)
{
  const char *name = gh_assignment_get_display_name (row);

  return name != NULL && *name != '\0' ? name : gh_assignment_get_id (row);
}

/* Helpers */

static gboolean
within (GtkWidget *child,
        GtkWidget *widget)
{
  return child != NULL && (child == widget || gtk_widget_is_ancestor (child, widget));
}

static gboolean
is_cut (GtkWidget *label)
{
  return gtk_widget_get_visible (label)
         && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)));
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

void
gh_people_state_words (GhAssignment  *row,
                       const char   **icon_name,
                       char         **text)
{
  const char *message = gh_assignment_get_message (row);

  *icon_name = NULL;
  *text = NULL;

  switch (gh_assignment_get_result (row))
    {
    case GH_ASSIGNMENT_RESULT_SENDING:
      *icon_name = "mail-send-symbolic";
      *text = g_strdup (_("Sending…"));
      return;

    case GH_ASSIGNMENT_RESULT_QUEUED:
      *icon_name = "content-loading-symbolic";
      *text = g_strdup (_("Waiting to be sent"));
      return;

    case GH_ASSIGNMENT_RESULT_FAILED:
      *icon_name = "dialog-error-symbolic";
      /* Translators: the state of a row whose change Meta refused; %s says why */
      *text = g_strdup_printf (_("Failed: %s"),
                               message != NULL ? message : _("Meta did not accept the change"));
      return;

    case GH_ASSIGNMENT_RESULT_DIFFERS:
      *icon_name = "dialog-warning-symbolic";
      *text = g_strdup (message != NULL ? message
                                        : _("Meta holds other tasks than the ones sent"));
      return;

    case GH_ASSIGNMENT_RESULT_NONE:
    case GH_ASSIGNMENT_RESULT_DONE:
    default:
      break;
    }

  switch (gh_assignment_get_state (row))
    {
    case GH_ASSIGNMENT_STATE_CHANGED:
      *icon_name = "document-edit-symbolic";
      *text = g_strdup (_("Changed"));
      break;

    case GH_ASSIGNMENT_STATE_NEW:
      *icon_name = "list-add-symbolic";
      *text = g_strdup (_("New"));
      break;

    case GH_ASSIGNMENT_STATE_REMOVED:
      *icon_name = "user-trash-symbolic";
      *text = g_strdup (_("To be removed"));
      break;

    case GH_ASSIGNMENT_STATE_UNCHANGED:
    default:
      if (gh_assignment_get_result (row) == GH_ASSIGNMENT_RESULT_DONE)
        {
          *icon_name = "emblem-ok-symbolic";
          *text = g_strdup (_("Applied"));
        }
      break;
    }
}

char *
gh_people_unknown_tasks_text (GhAssignment *row)
{
  const char * const *unknown = gh_assignment_get_unknown_tasks (row);

  return unknown != NULL && unknown[0] != NULL ? g_strjoinv (", ", (char **) unknown) : NULL;
}

/* Updates */

static void
update_person (GhPeopleCell *self,
               GhAssignment *row,
               const char   *name,
               gboolean      removed)
{
  /* Names come from Meta and may look like markup: always plain text. */
  gtk_label_set_text (GTK_LABEL (self->name_label), name);
  gtk_label_set_text (GTK_LABEL (self->id_label), gh_assignment_get_id (row));
  gtk_widget_set_visible (self->id_label, g_strcmp0 (name, gh_assignment_get_id (row)) != 0);
  gtk_label_set_text (GTK_LABEL (self->type_badge),
                      gh_assignment_get_is_system_user (row) ? _("System user") : _("Person"));
  gtk_widget_set_visible (self->own_badge, gh_assignment_get_is_own (row));
  set_css_class (self->name_label, "gh-removed", removed);
}

static void
update_actions (GhPeopleCell *self,
                gboolean      removed,
                gboolean      named)
{
  gboolean can_edit = gh_people_grid_get_can_edit (self->grid);

  gtk_button_set_icon_name (GTK_BUTTON (self->remove_button),
                            removed ? "edit-undo-symbolic" : "user-trash-symbolic");
  if (named || removed != self->labelled_removed)
    {
      g_autofree char *remove_label = NULL;
      g_autofree char *menu_label = NULL;

      if (removed)
        /* Translators: a button's name for screen readers: "Restore Anna Flex" */
        remove_label = g_strdup_printf (_("Restore %s"), self->name);
      else
        /* Translators: a button's name for screen readers: "Remove Anna Flex" */
        remove_label = g_strdup_printf (_("Remove %s"), self->name);
      set_accessible_label (self->remove_button, remove_label);
      self->labelled_removed = removed;

      /* Translators: a menu button's name for screen readers */
      menu_label = g_strdup_printf (_("Access presets for %s"), self->name);
      set_accessible_label (self->menu_button, menu_label);
    }
  gtk_widget_set_sensitive (self->remove_button, can_edit);
  gtk_widget_set_sensitive (self->menu_button, can_edit && !removed);
}

static void
cell_update (gpointer data)
{
  GhPeopleCell *self = data;
  GhAssignment *row = self->binding.row;
  const char *name;
  gboolean removed;
  gboolean renamed;

  /* A place on its way out of the grid shows nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self), row != NULL);
  if (row == NULL)
    return;

  name = gh_people_display_name (row);
  removed = gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_REMOVED;
  /* Accessible names change only with the name: screen readers hear each change. */
  renamed = g_strcmp0 (self->name, name) != 0;
  if (renamed)
    {
      g_free (self->name);
      self->name = g_strdup (name);
    }

  switch (self->kind)
    {
    case GH_PEOPLE_CELL_PERSON:
      update_person (self, row, name, removed);
      break;

    case GH_PEOPLE_CELL_OTHER:
      {
        g_autofree char *text = gh_people_unknown_tasks_text (row);

        gtk_label_set_text (GTK_LABEL (self->label), text != NULL ? text : "");
        gtk_widget_set_visible (self->label, text != NULL);
      }
      break;

    case GH_PEOPLE_CELL_STATE:
      {
        const char *icon_name = NULL;
        g_autofree char *text = NULL;

        gh_people_state_words (row, &icon_name, &text);
        if (icon_name != NULL)
          gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
        gtk_widget_set_visible (self->icon, icon_name != NULL);
        gtk_label_set_text (GTK_LABEL (self->label), text != NULL ? text : "");
        /* Screen readers would hear an empty label by its class name, "GtkLabel". */
        gtk_widget_set_visible (self->label, text != NULL);
      }
      break;

    case GH_PEOPLE_CELL_ACTIONS:
      update_actions (self, removed, renamed);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Signal callbacks */

static void
remove_clicked_cb (GhPeopleCell *self)
{
  GhAssignment *row = self->binding.row;

  if (row == NULL || !gh_people_grid_get_can_edit (self->grid))
    return;

  if (gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_REMOVED)
    gh_people_grid_restore (self->grid, row);
  else
    gh_people_grid_stage (self->grid, row, GH_TASK_NONE, TRUE);
}

static void
preset_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GhPeopleCell *self = user_data;
  GhTaskFlags tasks;

  if (self->binding.row == NULL)
    return;

  tasks = g_str_equal (g_action_get_name (G_ACTION (action)), "full-control")
          ? GH_TASK_PRESET_FULL_CONTROL : GH_TASK_PRESET_PARTIAL;
  gh_people_grid_stage (self->grid, self->binding.row, tasks, FALSE);
}

static void
create_row_menu_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  GhPeopleCell *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, gh_people_grid_get_row_menu (self->grid));
}

/* Construction */

static GtkWidget *
label_new (GtkWidget *parent)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (parent != NULL)
    gtk_widget_set_parent (label, parent);
  return label;
}

static GtkWidget *
badge_new (const char *text)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "gh-badge");
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

/* The name, then the kind and the ID.  What the column cannot hold is cut with an ellipsis
 * and given whole by the tooltip (screen readers read the labels' whole text); the badge of
 * this connection, next to the name, is never cut: the column's least width holds it. */
static void
build_person (GhPeopleCell *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->name_label = label_new (NULL);
  self->own_badge = badge_new (_("This connection"));
  gtk_widget_add_css_class (self->own_badge, "gh-badge-own");
  gtk_widget_set_halign (self->own_badge, GTK_ALIGN_START);
  gtk_widget_set_hexpand (self->own_badge, TRUE);
  gtk_box_append (GTK_BOX (top), self->name_label);
  gtk_box_append (GTK_BOX (top), self->own_badge);
  gtk_widget_set_parent (top, GTK_WIDGET (self));

  self->details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->type_badge = badge_new (NULL);
  self->id_label = label_new (NULL);
  gtk_widget_add_css_class (self->id_label, "dim-label");
  gtk_widget_add_css_class (self->id_label, "caption");
  gtk_box_append (GTK_BOX (self->details), self->type_badge);
  gtk_box_append (GTK_BOX (self->details), self->id_label);
  gtk_widget_set_parent (self->details, GTK_WIDGET (self));
}

static void
build_actions (GhPeopleCell *self)
{
  static const GActionEntry entries[] = {
    { "full-control", preset_activated_cb },
    { "partial", preset_activated_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  /* The menu is made on first use: a popover in each of the rows made ahead would slow
   * down scrolling and loading. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button),
                                         create_row_menu_cb, self, NULL);
  gtk_widget_insert_action_group (self->menu_button, "row", G_ACTION_GROUP (group));
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  self->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (self->remove_button, "flat");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb),
                            self);
  gtk_widget_set_parent (self->remove_button, GTK_WIDGET (self));
}

static void
build (GhPeopleCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  switch (self->kind)
    {
    case GH_PEOPLE_CELL_PERSON:
      gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
      gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
      build_person (self);
      break;

    case GH_PEOPLE_CELL_OTHER:
      self->label = label_new (GTK_WIDGET (self));
      gtk_widget_set_hexpand (self->label, TRUE);
      gtk_widget_add_css_class (self->label, "monospace");
      break;

    case GH_PEOPLE_CELL_STATE:
      gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
      self->icon = gtk_image_new ();
      gtk_widget_set_valign (self->icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_parent (self->icon, GTK_WIDGET (self));
      /* Not wrapped: a row of constant-size cells is measured once, however many times the
       * window asks; a long reason is in the tooltip and the accessible text. */
      self->label = label_new (GTK_WIDGET (self));
      gtk_widget_set_hexpand (self->label, TRUE);
      break;

    case GH_PEOPLE_CELL_ACTIONS:
      gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
      build_actions (self);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
gh_people_cell_dispose (GObject *object)
{
  GhPeopleCell *self = GH_PEOPLE_CELL (object);
  GtkWidget *child;

  gh_cell_binding_unbind (&self->binding);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gh_people_cell_parent_class)->dispose (object);
}

static void
gh_people_cell_finalize (GObject *object)
{
  g_free (GH_PEOPLE_CELL (object)->name);

  G_OBJECT_CLASS (gh_people_cell_parent_class)->finalize (object);
}

static void
gh_people_cell_class_init (GhPeopleCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_people_cell_dispose;
  object_class->finalize = gh_people_cell_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gh-people-cell");
}

static void
gh_people_cell_init (GhPeopleCell *self)
{
  self->binding.update = cell_update;
  self->binding.cell = self;
}

GtkWidget *
gh_people_cell_new (GhPeopleGrid     *grid,
                    GhPeopleCellKind  kind)
{
  GhPeopleCell *self;

  g_return_val_if_fail (GH_IS_PEOPLE_GRID (grid), NULL);

  self = g_object_new (GH_TYPE_PEOPLE_CELL, NULL);
  self->grid = grid;
  self->kind = kind;
  build (self);

  return GTK_WIDGET (self);
}

void
gh_people_cell_bind (GhPeopleCell *self,
                     GhPeopleSlot *slot)
{
  g_return_if_fail (GH_IS_PEOPLE_CELL (self));

  gh_cell_binding_bind (&self->binding, slot);
}

void
gh_people_cell_unbind (GhPeopleCell *self)
{
  g_return_if_fail (GH_IS_PEOPLE_CELL (self));

  gh_cell_binding_unbind (&self->binding);
}

char *
gh_people_cell_get_tooltip (GhPeopleCell *self,
                            GtkWidget    *child)
{
  GhAssignment *row;

  g_return_val_if_fail (GH_IS_PEOPLE_CELL (self), NULL);

  row = self->binding.row;
  if (row == NULL)
    return NULL;

  switch (self->kind)
    {
    case GH_PEOPLE_CELL_OTHER:
      {
        g_autofree char *text = gh_people_unknown_tasks_text (row);

        /* Translators: the tooltip of tasks Meta knows and Gatehouse does not; %s lists them */
        return text != NULL ? g_strdup_printf (_("%s: tasks Gatehouse does not know; they are "
                                                 "kept as they are"), text)
                            : NULL;
      }

    case GH_PEOPLE_CELL_STATE:
      {
        const char *icon_name = NULL;
        char *text = NULL;

        gh_people_state_words (row, &icon_name, &text);
        return text;
      }

    case GH_PEOPLE_CELL_ACTIONS:
      if (within (child, self->menu_button))
        return g_strdup (_("Access presets"));
      if (within (child, self->remove_button))
        return g_strdup (gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_REMOVED
                         ? _("Keep this access") : _("Remove from this account"));
      return NULL;

    case GH_PEOPLE_CELL_PERSON:
      /* What the column had no room for. */
      if (is_cut (self->name_label) || is_cut (self->id_label))
        return g_strdup_printf ("%s\n%s", gh_people_display_name (row),
                                gh_assignment_get_id (row));
      return NULL;

    default:
      return NULL;
    }
}

GhPeopleSlot *
gh_people_cell_get_slot (GhPeopleCell *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_CELL (self), NULL);

  return self->binding.slot;
}
