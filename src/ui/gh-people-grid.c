/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-cell.h"
#include "gh-people-grid.h"
#include "gh-people-slots.h"
#include "gh-task-cell.h"

struct _GhPeopleGrid
{
  AdwBin               parent_instance;

  GtkColumnView       *column_view;
  GtkColumnViewColumn *person_column;
  gboolean             columns_sized;

  /* editor's rows → gate (rows handed over) → sort → filter (search) → places → view */
  GtkSliceListModel   *gate;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GhPeopleSlots       *slots;
  guint                reveal_id;
  char                *search_text;

  GhAssignmentEditor  *editor;
  gboolean             can_edit;
  GMenu               *row_menu;

  /* An edit waiting for the lock-out confirmation. */
  GtkWindow           *lockout_dialog;
  GhAssignment        *pending_row;
  GhTaskFlags          pending_tasks;
  gboolean             pending_remove;
};

G_DEFINE_FINAL_TYPE (GhPeopleGrid, gh_people_grid, ADW_TYPE_BIN)

typedef enum
{
  COLUMN_PERSON,
  COLUMN_TASKS,
  COLUMN_OTHER,
  COLUMN_STATE,
  COLUMN_ACTIONS,
} ColumnKind;

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
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                    reveal_step_cb, self, NULL);

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

/* Cells */

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GhPeopleGrid *self = user_data;
  ColumnKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "gh-kind"));
  GtkWidget *cell;

  switch (kind)
    {
    case COLUMN_PERSON:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_PERSON);
      break;

    case COLUMN_TASKS:
      cell = gh_task_cell_new (self);
      break;

    case COLUMN_OTHER:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_OTHER);
      break;

    case COLUMN_STATE:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_STATE);
      break;

    case COLUMN_ACTIONS:
      cell = gh_people_cell_new (self, GH_PEOPLE_CELL_ACTIONS);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (item, cell);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (GH_IS_TASK_CELL (cell))
    gh_task_cell_bind (GH_TASK_CELL (cell), gtk_list_item_get_item (item));
  else
    gh_people_cell_bind (GH_PEOPLE_CELL (cell), gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (GH_IS_TASK_CELL (cell))
    gh_task_cell_unbind (GH_TASK_CELL (cell));
  else
    gh_people_cell_unbind (GH_PEOPLE_CELL (cell));
}

static GtkColumnViewColumn *
add_column (GhPeopleGrid *self,
            const char   *title,
            ColumnKind    kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "gh-kind", GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, kind != COLUMN_TASKS);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  return column;
}

/* GTK 4.8 lets a column's title be text only: the task titles are put into the title
 * widget of the tasks column, laid out like the check boxes below.  The titles' widths also
 * become the columns' fixed widths: a column without one measures every row made so far on
 * each layout, which stalls the window while thousands of rows come in. */
static void
column_view_mapped_cb (GhPeopleGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  int slot = 56;

  if (self->columns_sized)
    return;
  self->columns_sized = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint index = 0;

      if (g_strcmp0 (gtk_widget_get_css_name (child), "header") != 0)
        continue;

      for (GtkWidget *title = gtk_widget_get_first_child (child);
           title != NULL && index < g_list_model_get_n_items (columns);
           title = gtk_widget_get_next_sibling (title), index++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, index);
          GtkWidget *box = gtk_widget_get_first_child (title);
          GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;
          int natural = 0;
          int minimums[] = { 260, 0, 140, 200, 96 };

          if (index == COLUMN_TASKS && GTK_IS_BOX (box) && GTK_IS_LABEL (label))
            {
              GtkWidget *header = gh_task_cell_header_new ();

              gtk_widget_set_visible (label, FALSE);
              gtk_box_append (GTK_BOX (box), header);
              slot = gh_task_cell_header_slot_width (header);
            }

          gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          if (index == COLUMN_TASKS)
            natural = slot * GH_TASK_N_KNOWN;
          else if (index < G_N_ELEMENTS (minimums))
            natural = MAX (natural, minimums[index]);

          gtk_column_view_column_set_fixed_width (column, natural);
        }
    }
}

/* The grid's one tooltip handler: its cells set none, since each gtk_widget_set_tooltip_text
 * costs X round trips on GTK 4.8, for thousands of cells. */
static gboolean
query_tooltip_cb (GtkWidget  *view,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GtkWidget *target;
  g_autofree char *text = NULL;
  graphene_rect_t bounds;

  if (keyboard)
    target = gtk_root_get_focus (gtk_widget_get_root (view));
  else
    target = gtk_widget_pick (view, x, y, GTK_PICK_INSENSITIVE);
  if (target == NULL || !(target == view || gtk_widget_is_ancestor (target, view)))
    return FALSE;

  if (gh_task_cell_get_tooltip (target) != NULL)
    text = g_strdup (gh_task_cell_get_tooltip (target));
  for (GtkWidget *widget = target; text == NULL && widget != view;
       widget = gtk_widget_get_parent (widget))
    if (GH_IS_PEOPLE_CELL (widget))
      text = gh_people_cell_get_tooltip (GH_PEOPLE_CELL (widget), target);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  if (gtk_widget_compute_bounds (target, view, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                         bounds.size.width,
                                                         bounds.size.height });
  return TRUE;
}

static void
build_columns (GhPeopleGrid *self)
{
  GtkExpression *expression;
  g_autoptr(GtkSorter) sorter = NULL;

  self->person_column = add_column (self, _("Person"), COLUMN_PERSON);
  gtk_column_view_column_set_expand (self->person_column, TRUE);
  expression = gtk_property_expression_new (GH_TYPE_ASSIGNMENT, NULL, "display-name");
  sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_column_view_column_set_sorter (self->person_column, sorter);

  add_column (self, _("Tasks"), COLUMN_TASKS);
  add_column (self, _("Other"), COLUMN_OTHER);
  add_column (self, _("State"), COLUMN_STATE);
  /* Translators: the title of the column with each row's presets menu and Remove button */
  add_column (self, _("Edit"), COLUMN_ACTIONS);

  g_signal_connect_object (self->column_view, "map", G_CALLBACK (column_view_mapped_cb), self,
                           G_CONNECT_SWAPPED);
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

  if (self->gate != NULL)
    {
      gtk_slice_list_model_set_model (self->gate, NULL);
      gtk_slice_list_model_set_size (self->gate, 0);
    }
}

static void
gh_people_grid_dispose (GObject *object)
{
  GhPeopleGrid *self = GH_PEOPLE_GRID (object);

  forget_editor (self);
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->reveal_id);
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

  signals[ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
}

static void
gh_people_grid_init (GhPeopleGrid *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->column_view), TRUE);
  g_signal_connect (self->column_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People with access"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->column_view));
  adw_bin_set_child (ADW_BIN (self), scrolled);
  build_columns (self);

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
  gtk_column_view_sort_by_column (self->column_view, self->person_column, GTK_SORT_ASCENDING);
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
