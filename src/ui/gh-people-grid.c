/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-grid-private.h"
#include "gh-people-keys.h"

G_DEFINE_FINAL_TYPE (GhPeopleGrid, gh_people_grid, ADW_TYPE_BIN)

enum
{
  ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GTK 4.8's list views make the widgets of 200 rows as soon as the items exist.  Places are
 * offered a few rows per frame until that many exist, so that each frame builds and lays out
 * only a few rows; later rows reuse those widgets. */
#define REVEAL_FIRST_ROWS 220
#define REVEAL_STEP 6

/* Staging */

static void
stage_now (GhPeopleGrid *self,
           GhAssignment *row,
           GhTaskFlags   tasks,
           gboolean      remove)
{
  if (remove)
    gh_assignment_editor_set_removed (self->editor, row, TRUE);
  else
    gh_assignment_editor_set_tasks (self->editor, row, tasks);
}

static void
lockout_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  GhPeopleGrid *self = user_data;
  g_autoptr(GhAssignment) row = g_steal_pointer (&self->pending_row);

  self->lockout_dialog = NULL;
  if (g_strcmp0 (response, "remove") == 0 && row != NULL && self->editor != NULL)
    stage_now (self, row, self->pending_tasks, self->pending_remove);
}

static void
ask_lockout (GhPeopleGrid *self,
             GhAssignment *row,
             GhTaskFlags   tasks,
             gboolean      remove,
             GhLockout     lockout)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GString) body = g_string_new (NULL);
  const char *heading;
  GtkWidget *dialog;

  if (self->lockout_dialog != NULL)
    gtk_window_destroy (self->lockout_dialog);

  if ((lockout & GH_LOCKOUT_OWN_ACCESS) != 0)
    {
      heading = remove ? _("Remove This Connection’s Access?")
                       : _("Remove This Connection’s Full Control?");
      g_string_append (body, _("This connection’s integration will lose full control of the "
                               "account and Gatehouse will no longer be able to change who "
                               "has access. Only an admin in Business Suite could give it "
                               "back."));
    }
  else
    {
      heading = _("Leave Nobody With Full Control?");
    }

  if ((lockout & GH_LOCKOUT_LAST_FULL_CONTROL) != 0)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, _("Nobody will have full control of this account: nobody could "
                               "add people, remove them or change their tasks until an admin "
                               "of the business portfolio grants full control again in "
                               "Business Suite."));
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", remove ? _("_Remove") : _("Remove _Full Control"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_set_object (&self->pending_row, row);
  self->pending_tasks = tasks;
  self->pending_remove = remove;
  self->lockout_dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (lockout_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Handing rows to the grid */

static guint
n_read (GhPeopleGrid *self)
{
  return self->editor != NULL
         ? g_list_model_get_n_items (gh_assignment_editor_get_model (self->editor)) : 0;
}

/* While the editor reads, rows go to the grid at once until some are there, then whenever
 * as many more have come as are there already: each batch that sorts in among the rows on
 * screen binds them again, so there are a handful of batches, not one per page. */
static void
update_gate (GhPeopleGrid *self)
{
  guint n = n_read (self);
  guint size = gtk_slice_list_model_get_size (self->gate);
  guint handed = MIN (size, n);

  if (self->editor == NULL || !gh_assignment_editor_get_loading (self->editor))
    size = G_MAXUINT;
  else if (handed == 0 || n >= 2 * handed)
    size = n;
  else
    size = handed;

  if (size != gtk_slice_list_model_get_size (self->gate))
    gtk_slice_list_model_set_size (self->gate, size);
}

static gboolean
reveal_step_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GhPeopleGrid *self = user_data;
  guint limit = gh_people_slots_get_limit (self->slots);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (limit < n)
    {
      limit += REVEAL_STEP;
      gh_people_slots_set_limit (self->slots, limit >= REVEAL_FIRST_ROWS ? G_MAXUINT : limit);
    }

  if (gh_people_slots_get_limit (self->slots) >= n)
    {
      self->reveal_id = 0;
      g_signal_emit (self, signals[ROWS_CHANGED], 0);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
filter_items_changed_cb (GhPeopleGrid *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  /* Fewer rows than a screenful of widgets: the next ones are built a few per frame, the
   * first of them at once. */
  if (n < REVEAL_FIRST_ROWS && n < gh_people_slots_get_limit (self->slots))
    gh_people_slots_set_limit (self->slots, n);
  if (gh_people_slots_get_limit (self->slots) == 0)
    gh_people_slots_set_limit (self->slots, MIN (n, REVEAL_STEP));

  if (self->reveal_id == 0 && gh_people_slots_get_limit (self->slots) < n)
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_step_cb, self,
                                                    NULL);

  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

static gboolean
filter_match (gpointer item,
              gpointer user_data)
{
  GhPeopleGrid *self = user_data;
  const char *key;

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;

  key = gh_assignment_get_search_key (item);
  return key != NULL && strstr (key, self->search_text) != NULL;
}

/* The "Other" column is there while some row holds a task Gatehouse does not know. */
static gboolean
has_unknown (GhAssignment *row)
{
  const char * const *unknown = gh_assignment_get_unknown_tasks (row);

  return unknown != NULL && unknown[0] != NULL;
}

/* The person whose tasks are open in the narrow list went away with a refresh or an apply:
 * back to the list.  Only once the list is read whole, since a refresh takes rows out for a
 * moment. */
static void
check_open_row (GhPeopleGrid *self)
{
  GhAssignment *open_row = gh_people_list_get_open_row (self->narrow);
  GListModel *model;

  if (open_row == NULL || self->editor == NULL || gh_assignment_editor_get_loading (self->editor))
    return;

  model = gh_assignment_editor_get_model (self->editor);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (row == open_row)
        return;
    }

  gh_people_list_close (self->narrow);
}

static void
rows_changed_cb (GListModel   *model,
                 guint         position,
                 guint         removed,
                 guint         added,
                 GhPeopleGrid *self)
{
  guint start = position;
  guint end = position + added;

  /* Rows only come and go whole: after a removal, everything is counted again. */
  if (removed > 0)
    {
      self->n_unknown = 0;
      start = 0;
      end = g_list_model_get_n_items (model);
      check_open_row (self);
    }

  for (guint i = start; i < end; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (has_unknown (row))
        self->n_unknown++;
    }

  _gh_people_grid_set_other_visible (self);
}

/* Keyboard */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GhPeopleGrid          *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWidget *list_view = gtk_widget_get_last_child (GTK_WIDGET (self->column_view));
  GhAssignment *row;

  if (focus == NULL || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      /* Up and Down keep the column: from a box to the same task of the next person. */
      return gtk_widget_is_ancestor (focus, list_view)
             && gh_people_keys_move (list_view, focus,
                                     keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1);

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      /* Left and Right go along the row, box to box. */
      return gtk_widget_is_ancestor (focus, list_view)
             && gh_people_keys_move_across (list_view, focus,
                                            keyval == GDK_KEY_Left
                                            || keyval == GDK_KEY_KP_Left ? -1 : 1);

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      /* Delete marks the person the focus is on for removal, as the trash button does. */
      row = gh_people_keys_row_of (focus);
      if (row == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self)))
        return FALSE;
      if (gh_assignment_get_state (row) != GH_ASSIGNMENT_STATE_REMOVED)
        gh_people_grid_stage (self, row, GH_TASK_NONE, TRUE);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Narrow */

static void
squeezed_cb (GhPeopleGrid *self)
{
  gboolean narrow = adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->narrow);

  gh_people_list_set_model (self->narrow, narrow ? G_LIST_MODEL (self->slots) : NULL);
}

static void
forget_editor (GhPeopleGrid *self)
{
  if (self->lockout_dialog != NULL)
    gtk_window_destroy (self->lockout_dialog);
  self->lockout_dialog = NULL;
  g_clear_object (&self->pending_row);

  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_signal_handlers_disconnect_by_data (gh_assignment_editor_get_model (self->editor), self);
    }
  g_clear_object (&self->editor);
  self->n_unknown = 0;
  if (self->narrow != NULL)
    gh_people_list_close (self->narrow);

  if (self->gate != NULL)
    {
      gtk_slice_list_model_set_model (self->gate, NULL);
      gtk_slice_list_model_set_size (self->gate, 0);
    }
}

/* The font or the text scale changed: the columns are measured again once the titles have
 * their new style (the header says so itself, but not while the list hides it). */
static void
gh_people_grid_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gh_people_grid_parent_class)->css_changed (widget, change);

  _gh_people_grid_queue_size_columns (GH_PEOPLE_GRID (widget));
}

static void
gh_people_grid_dispose (GObject *object)
{
  GhPeopleGrid *self = GH_PEOPLE_GRID (object);

  forget_editor (self);
  g_clear_handle_id (&self->size_id, g_source_remove);
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
  self->reveal_id = 0;
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  self->column_view = NULL;
  g_clear_object (&self->slots);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->gate);
  g_clear_object (&self->filter);
  g_clear_object (&self->row_menu);

  G_OBJECT_CLASS (gh_people_grid_parent_class)->dispose (object);
}

static void
gh_people_grid_finalize (GObject *object)
{
  g_free (GH_PEOPLE_GRID (object)->search_text);

  G_OBJECT_CLASS (gh_people_grid_parent_class)->finalize (object);
}

static void
gh_people_grid_class_init (GhPeopleGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_people_grid_dispose;
  object_class->finalize = gh_people_grid_finalize;
  GTK_WIDGET_CLASS (klass)->css_changed = gh_people_grid_css_changed;

  signals[ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
}

static void
gh_people_grid_init (GhPeopleGrid *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People with access"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->column_view));
  self->wide = scrolled;
  self->narrow = GH_PEOPLE_LIST (gh_people_list_new (self));

  /* The first that fits: the grid, or the list when the grid would scroll sideways. */
  self->squeezer = ADW_SQUEEZER (adw_squeezer_new ());
  adw_squeezer_set_switch_threshold_policy (self->squeezer, ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  adw_squeezer_set_homogeneous (self->squeezer, FALSE);
  adw_squeezer_set_transition_type (self->squeezer, ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (self->squeezer, self->wide);
  adw_squeezer_add (self->squeezer, GTK_WIDGET (self->narrow));
  g_signal_connect_object (self->squeezer, "notify::visible-child",
                           G_CALLBACK (squeezed_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->squeezer));

  /* Before the lists see the keys: GTK's column view would take Up and Down to the row. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new
                                                            (gtk_keyval_trigger_new
                                                               (GDK_KEY_Return,
                                                                GDK_CONTROL_MASK),
                                                             gtk_keyval_trigger_new
                                                               (GDK_KEY_KP_Enter,
                                                                GDK_CONTROL_MASK)),
                                                          gtk_named_action_new ("people.apply")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gh_task_layout_init (&self->task_layout);
  _gh_people_grid_build_columns (self);

  /* Sorted before the search filter: a search then never sorts, and a sort happens only
   * when rows come or the person asks for another order. */
  self->gate = gtk_slice_list_model_new (NULL, 0, 0);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->gate)),
                                              g_object_ref (gtk_column_view_get_sorter
                                                              (self->column_view)));
  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  self->slots = gh_people_slots_new (G_LIST_MODEL (self->filter_model));
  gh_people_slots_set_limit (self->slots, 0);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref
                                                                         (self->slots))));
  gtk_column_view_set_model (self->column_view, selection);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_PERSON],
                                  GTK_SORT_ASCENDING);
}

void
gh_people_grid_set_editor (GhPeopleGrid       *self,
                           GhAssignmentEditor *editor,
                           gboolean            can_edit)
{
  g_return_if_fail (GH_IS_PEOPLE_GRID (self));
  g_return_if_fail (editor == NULL || GH_IS_ASSIGNMENT_EDITOR (editor));

  forget_editor (self);
  self->can_edit = can_edit;
  if (editor == NULL)
    return;

  self->editor = g_object_ref (editor);
  gtk_slice_list_model_set_model (self->gate, gh_assignment_editor_get_model (editor));
  /* After the gate's own handler: the gate must have seen a change before it is resized. */
  g_signal_connect_object (gh_assignment_editor_get_model (editor), "items-changed",
                           G_CALLBACK (update_gate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "notify::loading", G_CALLBACK (update_gate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_assignment_editor_get_model (editor), "items-changed",
                           G_CALLBACK (rows_changed_cb), self, 0);
  g_signal_connect_object (editor, "notify::loading", G_CALLBACK (check_open_row), self,
                           G_CONNECT_SWAPPED);
  rows_changed_cb (gh_assignment_editor_get_model (editor), 0, 0,
                   g_list_model_get_n_items (gh_assignment_editor_get_model (editor)), self);
  update_gate (self);
}

void
gh_people_grid_set_search (GhPeopleGrid *self,
                           const char   *text)
{
  g_autofree char *old = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (GH_IS_PEOPLE_GRID (self));

  old = g_steal_pointer (&self->search_text);
  self->search_text = g_strdup (text != NULL ? text : "");
  if (g_strcmp0 (old, self->search_text) == 0)
    return;

  if (old != NULL && strstr (self->search_text, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && strstr (old, self->search_text) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

guint
gh_people_grid_get_n_shown (GhPeopleGrid *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_GRID (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

gboolean
gh_people_grid_get_handing (GhPeopleGrid *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_GRID (self), FALSE);

  return gtk_slice_list_model_get_size (self->gate) < n_read (self);
}

gboolean
gh_people_grid_get_can_edit (GhPeopleGrid *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_GRID (self), FALSE);

  return self->can_edit;
}

GMenuModel *
gh_people_grid_get_row_menu (GhPeopleGrid *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_GRID (self), NULL);

  if (self->row_menu == NULL)
    {
      self->row_menu = g_menu_new ();
      g_menu_append (self->row_menu, _("Give _Full Control"), "row.full-control");
      g_menu_append (self->row_menu, _("Give _Partial Access"), "row.partial");
    }

  return G_MENU_MODEL (self->row_menu);
}

gboolean
gh_people_grid_stage (GhPeopleGrid *self,
                      GhAssignment *row,
                      GhTaskFlags   tasks,
                      gboolean      remove)
{
  GhLockout lockout;

  g_return_val_if_fail (GH_IS_PEOPLE_GRID (self), FALSE);
  g_return_val_if_fail (GH_IS_ASSIGNMENT (row), FALSE);

  if (self->editor == NULL || !self->can_edit)
    return FALSE;

  lockout = gh_assignment_editor_check_lockout (self->editor, row, tasks, remove);
  if (lockout == GH_LOCKOUT_NONE)
    {
      stage_now (self, row, tasks, remove);
      return TRUE;
    }

  ask_lockout (self, row, tasks, remove, lockout);
  return FALSE;
}

void
gh_people_grid_restore (GhPeopleGrid *self,
                        GhAssignment *row)
{
  g_return_if_fail (GH_IS_PEOPLE_GRID (self));
  g_return_if_fail (GH_IS_ASSIGNMENT (row));

  if (self->editor != NULL && self->can_edit)
    gh_assignment_editor_set_removed (self->editor, row, FALSE);
}
