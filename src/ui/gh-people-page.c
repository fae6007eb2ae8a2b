/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-add-person-dialog.h"
#include "gh-people-page.h"
#include "gh-ui-util.h"

/* The grid of who may use the WhatsApp Business Account.  Every edit goes through the
 * GhAssignmentEditor, which stages it; this page only shows the editor's rows and state,
 * and asks before an edit that would lock the account out. */
struct _GhPeoplePage
{
  AdwBin              parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkWidget          *readonly_box;
  GtkSearchEntry     *search_entry;
  GtkLabel           *counts_label;
  GtkWidget          *add_button;
  GtkWidget          *loading_box;
  GtkLabel           *loading_label;
  GtkProgressBar     *loading_bar;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkWidget          *details_expander;
  GtkLabel           *details_label;
  GtkColumnView      *column_view;
  GtkWidget          *pause_box;
  GtkLabel           *pause_label;
  GtkWidget          *failure_box;
  GtkLabel           *failure_label;
  GtkLabel           *changes_label;
  GtkProgressBar     *apply_bar;
  GtkWidget          *apply_button;
  GtkWidget          *discard_button;

  GtkSliceListModel  *slice_model;
  GtkFilterListModel *filter_model;
  guint               reveal_id;
  GtkCustomFilter    *filter;
  GtkColumnViewColumn *person_column;
  char               *search_text;

  GhAssignmentEditor *editor;
  gboolean            can_edit;
  gboolean            load_failed;
  GCancellable       *cancellable;
  GCancellable       *load_cancellable;

  /* An edit waiting for the lock-out confirmation. */
  GtkWindow          *lockout_dialog;
  GhAssignment       *pending_row;
  GhTaskFlags         pending_tasks;
  gboolean            pending_remove;

  GtkNativeDialog    *chooser;
  GMenu              *row_menu;
  gboolean            columns_sized;
};

G_DEFINE_FINAL_TYPE (GhPeoplePage, gh_people_page, ADW_TYPE_BIN)

typedef enum
{
  COLUMN_PERSON,
  COLUMN_TASK,
  COLUMN_OTHER,
  COLUMN_STATE,
  COLUMN_ACTIONS,
} ColumnKind;

/* What one cell widget shows of the row bound to it.  Lives as data on the cell's root
 * widget, so its child widgets' handlers can never outlive it. */
typedef struct
{
  GhPeoplePage *page;
  ColumnKind    kind;
  GhTaskFlags   task;
  GhAssignment *row;          /* between bind and unbind; the list item holds a reference */
  gulong        notify_id;
  gboolean      updating;     /* set while the cell itself changes a check button */

  GtkWidget    *name_label;
  GtkWidget    *id_label;
  GtkWidget    *type_badge;
  GtkWidget    *own_badge;
  GtkWidget    *check;
  GtkWidget    *label;
  GtkWidget    *icon;
  GtkWidget    *menu_button;
  GtkWidget    *remove_button;
} Cell;

static void     update_status   (GhPeoplePage *self);
static gboolean revealing       (GhPeoplePage *self);
static void     schedule_reveal (GhPeoplePage *self);

/* Groups digits by thousands with the locale's separator, as translators give it: GLib's
 * printf has no portable "%'u". */
static char *
format_count (guint64 n)
{
  /* Translators: the separator between groups of thousands in "10,000" */
  const char *separator = C_("thousands separator", ",");
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
format_wait (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static GListModel *
editor_model (GhPeoplePage *self)
{
  return self->editor != NULL ? gh_assignment_editor_get_model (self->editor) : NULL;
}

static void
show_toast (GhPeoplePage *self,
            const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_failure (GhPeoplePage *self,
              const char   *text)
{
  gtk_label_set_text (self->failure_label, text);
  gtk_widget_set_visible (self->failure_box, text != NULL);
}

/* Cells */

static const char *
display_name (GhAssignment *row)
{
  const char *name = gh_assignment_get_display_name (row);

  return name != NULL && *name != '\0' ? name : gh_assignment_get_id (row);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
state_words (GhAssignment  *row,
             const char   **icon_name,
             char         **text)
{
  const char *message = gh_assignment_get_message (row);

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
      else
        {
          *icon_name = NULL;
          *text = NULL;
        }
      break;
    }
}

static void
cell_update (Cell *cell)
{
  GhPeoplePage *self = cell->page;
  GhAssignment *row = cell->row;
  const char *name;
  gboolean removed;

  if (row == NULL)
    return;

  name = display_name (row);
  removed = gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_REMOVED;

  switch (cell->kind)
    {
    case COLUMN_PERSON:
      {
        gboolean named = g_strcmp0 (name, gh_assignment_get_id (row)) != 0;

        /* Names come from Meta and may look like markup: always plain text. */
        gtk_label_set_text (GTK_LABEL (cell->name_label), name);
        gtk_label_set_text (GTK_LABEL (cell->id_label), gh_assignment_get_id (row));
        gtk_widget_set_visible (cell->id_label, named);
        gtk_label_set_text (GTK_LABEL (cell->type_badge),
                            gh_assignment_get_is_system_user (row) ? _("System user")
                                                                   : _("Person"));
        gtk_widget_set_visible (cell->own_badge, gh_assignment_get_is_own (row));
        if (removed)
          gtk_widget_add_css_class (cell->name_label, "gh-removed");
        else
          gtk_widget_remove_css_class (cell->name_label, "gh-removed");
      }
      break;

    case COLUMN_TASK:
      {
        GhTaskFlags tasks = gh_assignment_get_tasks (row);
        GhTaskFlags held = gh_assignment_get_held_tasks (row);
        g_autofree char *label = NULL;

        cell->updating = TRUE;
        gtk_check_button_set_active (GTK_CHECK_BUTTON (cell->check), (tasks & cell->task) != 0);
        cell->updating = FALSE;
        gtk_widget_set_sensitive (cell->check, self->can_edit && !removed);
        if (((tasks ^ held) & cell->task) != 0
            && gh_assignment_get_state (row) != GH_ASSIGNMENT_STATE_NEW)
          gtk_widget_add_css_class (cell->check, "gh-changed");
        else
          gtk_widget_remove_css_class (cell->check, "gh-changed");

        /* Translators: a check box's name for screen readers: "Messaging for Anna Flex" */
        label = g_strdup_printf (_("%s for %s"), gh_task_get_label (cell->task), name);
        set_accessible_label (cell->check, label);
      }
      break;

    case COLUMN_OTHER:
      {
        const char * const *unknown = gh_assignment_get_unknown_tasks (row);
        g_autofree char *text = NULL;

        text = unknown != NULL ? g_strjoinv (", ", (char **) unknown) : NULL;
        gtk_label_set_text (GTK_LABEL (cell->label), text != NULL ? text : "");
        gtk_widget_set_tooltip_text (cell->label, text != NULL && *text != '\0'
                                                  ? _("Tasks Gatehouse does not know; they "
                                                      "are kept as they are")
                                                  : NULL);
      }
      break;

    case COLUMN_STATE:
      {
        const char *icon_name = NULL;
        g_autofree char *text = NULL;

        state_words (row, &icon_name, &text);
        gtk_image_set_from_icon_name (GTK_IMAGE (cell->icon), icon_name);
        gtk_widget_set_visible (cell->icon, icon_name != NULL);
        gtk_label_set_text (GTK_LABEL (cell->label), text != NULL ? text : "");
        gtk_widget_set_tooltip_text (cell->label, text);
      }
      break;

    case COLUMN_ACTIONS:
      {
        g_autofree char *remove_label = NULL;
        g_autofree char *menu_label = NULL;

        if (removed)
          {
            gtk_button_set_icon_name (GTK_BUTTON (cell->remove_button), "edit-undo-symbolic");
            gtk_widget_set_tooltip_text (cell->remove_button, _("Keep this access"));
            /* Translators: a button's name for screen readers: "Restore Anna Flex" */
            remove_label = g_strdup_printf (_("Restore %s"), name);
          }
        else
          {
            gtk_button_set_icon_name (GTK_BUTTON (cell->remove_button), "user-trash-symbolic");
            gtk_widget_set_tooltip_text (cell->remove_button,
                                         _("Remove from this account"));
            /* Translators: a button's name for screen readers: "Remove Anna Flex" */
            remove_label = g_strdup_printf (_("Remove %s"), name);
          }
        set_accessible_label (cell->remove_button, remove_label);
        gtk_widget_set_sensitive (cell->remove_button, self->can_edit);

        /* Translators: a menu button's name for screen readers */
        menu_label = g_strdup_printf (_("Access presets for %s"), name);
        set_accessible_label (cell->menu_button, menu_label);
        gtk_widget_set_sensitive (cell->menu_button, self->can_edit && !removed);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
row_notify_cb (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  cell_update (user_data);
}

static void
stage_now (GhPeoplePage *self,
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
  GhPeoplePage *self = user_data;
  g_autoptr(GhAssignment) row = g_steal_pointer (&self->pending_row);

  self->lockout_dialog = NULL;
  if (g_strcmp0 (response, "remove") == 0 && row != NULL && self->editor != NULL)
    stage_now (self, row, self->pending_tasks, self->pending_remove);
}

static void
ask_lockout (GhPeoplePage *self,
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

/* Stages @tasks (or the removal) on @row, or asks first when that would lock the account
 * out.  Returns FALSE when it asked: nothing is staged yet. */
static gboolean
stage (GhPeoplePage *self,
       GhAssignment *row,
       GhTaskFlags   tasks,
       gboolean      remove)
{
  GhLockout lockout;

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

static void
check_toggled_cb (GtkCheckButton *check,
                  gpointer        user_data)
{
  Cell *cell = user_data;
  gboolean active = gtk_check_button_get_active (check);
  GhTaskFlags tasks;

  if (cell->updating || cell->row == NULL)
    return;

  tasks = gh_assignment_get_tasks (cell->row);
  if (((tasks & cell->task) != 0) == active)
    return;

  tasks = active ? (tasks | cell->task) : (tasks & ~cell->task);
  if (!stage (cell->page, cell->row, tasks, FALSE))
    {
      /* Not staged (yet): the box shows what is staged until the person confirms. */
      cell->updating = TRUE;
      gtk_check_button_set_active (check, !active);
      cell->updating = FALSE;
    }
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  Cell *cell = user_data;
  GhPeoplePage *self = cell->page;

  if (cell->row == NULL || self->editor == NULL || !self->can_edit)
    return;

  if (gh_assignment_get_state (cell->row) == GH_ASSIGNMENT_STATE_REMOVED)
    gh_assignment_editor_set_removed (self->editor, cell->row, FALSE);
  else
    stage (self, cell->row, GH_TASK_NONE, TRUE);
}

static void
preset_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Cell *cell = user_data;
  GhTaskFlags tasks;

  if (cell->row == NULL)
    return;

  tasks = g_str_equal (g_action_get_name (G_ACTION (action)), "full-control")
          ? GH_TASK_PRESET_FULL_CONTROL : GH_TASK_PRESET_PARTIAL;
  stage (cell->page, cell->row, tasks, FALSE);
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

static GtkWidget *
person_cell_new (Cell *cell)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  cell->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (cell->name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (cell->name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (cell->name_label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (cell->name_label), 30);
  gtk_label_set_selectable (GTK_LABEL (cell->name_label), FALSE);

  cell->id_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (cell->id_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (cell->id_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (cell->id_label, "dim-label");
  gtk_widget_add_css_class (cell->id_label, "caption");

  cell->type_badge = badge_new (NULL);
  cell->own_badge = badge_new (_("This connection"));
  gtk_widget_add_css_class (cell->own_badge, "gh-badge-own");

  gtk_box_append (GTK_BOX (details), cell->type_badge);
  gtk_box_append (GTK_BOX (details), cell->own_badge);
  gtk_box_append (GTK_BOX (details), cell->id_label);
  gtk_box_append (GTK_BOX (box), cell->name_label);
  gtk_box_append (GTK_BOX (box), details);

  return box;
}

static void
create_row_menu_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  GhPeoplePage *self = user_data;

  if (self->row_menu == NULL)
    {
      self->row_menu = g_menu_new ();
      g_menu_append (self->row_menu, _("Give _Full Control"), "row.full-control");
      g_menu_append (self->row_menu, _("Give _Partial Access"), "row.partial");
    }

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (self->row_menu));
}

static GtkWidget *
actions_cell_new (Cell *cell)
{
  static const GActionEntry entries[] = {
    { "full-control", preset_activated_cb },
    { "partial", preset_activated_cb },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), cell);

  cell->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (cell->menu_button), "view-more-symbolic");
  /* The menu is built on first use: a popover in each of the rows made ahead would
   * slow down scrolling and loading. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (cell->menu_button),
                                         create_row_menu_cb, cell->page, NULL);
  gtk_widget_set_tooltip_text (cell->menu_button, _("Access presets"));
  gtk_widget_insert_action_group (cell->menu_button, "row", G_ACTION_GROUP (group));
  gtk_widget_add_css_class (cell->menu_button, "flat");

  cell->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (cell->remove_button, "flat");
  g_signal_connect (cell->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), cell);

  gtk_box_append (GTK_BOX (box), cell->menu_button);
  gtk_box_append (GTK_BOX (box), cell->remove_button);

  return box;
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *root = NULL;

  cell->page = user_data;
  cell->kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "gh-kind"));
  cell->task = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "gh-task"));

  switch (cell->kind)
    {
    case COLUMN_PERSON:
      root = person_cell_new (cell);
      break;

    case COLUMN_TASK:
      cell->check = gtk_check_button_new ();
      gtk_widget_set_halign (cell->check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (cell->check, gh_task_get_description (cell->task));
      g_signal_connect (cell->check, "toggled", G_CALLBACK (check_toggled_cb), cell);
      root = cell->check;
      break;

    case COLUMN_OTHER:
      cell->label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell->label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (cell->label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (cell->label, "monospace");
      root = cell->label;
      break;

    case COLUMN_STATE:
      root = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      cell->icon = gtk_image_new ();
      gtk_widget_set_valign (cell->icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      cell->label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell->label), 0);
      /* Not wrapped: a row of constant-size cells is measured once, however many times
       * the window asks, and a long reason is in the tooltip and the accessible text. */
      gtk_label_set_ellipsize (GTK_LABEL (cell->label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (root), cell->icon);
      gtk_box_append (GTK_BOX (root), cell->label);
      break;

    case COLUMN_ACTIONS:
      root = actions_cell_new (cell);
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_data_full (G_OBJECT (root), "gh-cell", cell, g_free);
  gtk_list_item_set_child (item, root);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Cell *cell = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "gh-cell");

  cell->row = gtk_list_item_get_item (item);
  cell->notify_id = g_signal_connect (cell->row, "notify", G_CALLBACK (row_notify_cb), cell);
  cell_update (cell);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  Cell *cell = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "gh-cell");

  g_clear_signal_handler (&cell->notify_id, cell->row);
  cell->row = NULL;
}

static GtkColumnViewColumn *
add_column (GhPeoplePage *self,
            const char   *title,
            ColumnKind    kind,
            GhTaskFlags   task)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "gh-kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (factory), "gh-task", GUINT_TO_POINTER (task));
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), self);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  return column;
}

/* GTK 4.8 offers no tooltip on column titles, so the task descriptions are put on the title
 * widgets the column view made.  Their natural widths also become the columns' fixed widths:
 * a column without one measures every row made so far on each layout, which stalls the
 * window while thousands of rows come in. */
static void
column_view_mapped_cb (GhPeoplePage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

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
          int natural = 0;
          int width;

          gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
          if (index == 0)
            width = MAX (natural, 260);
          else if (index <= GH_TASK_N_KNOWN)
            {
              width = MAX (natural, 56);
              gtk_widget_set_tooltip_text (title,
                                           gh_task_get_description (gh_task_from_index
                                                                      (index - 1)));
            }
          else if (index == GH_TASK_N_KNOWN + 1)
            width = MAX (natural, 140);
          else if (index == GH_TASK_N_KNOWN + 2)
            width = MAX (natural, 200);
          else
            width = MAX (natural, 96);

          gtk_column_view_column_set_fixed_width (column, width);
        }
    }
}

static void
build_columns (GhPeoplePage *self)
{
  GtkColumnViewColumn *column;
  GtkExpression *expression;
  g_autoptr(GtkSorter) sorter = NULL;

  column = add_column (self, _("Person"), COLUMN_PERSON, GH_TASK_NONE);
  gtk_column_view_column_set_expand (column, TRUE);
  expression = gtk_property_expression_new (GH_TYPE_ASSIGNMENT, NULL, "display-name");
  sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_column_view_column_set_sorter (column, sorter);
  self->person_column = column;

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      GhTaskFlags task = gh_task_from_index (i);

      add_column (self, gh_task_get_label (task), COLUMN_TASK, task);
    }

  add_column (self, _("Other"), COLUMN_OTHER, GH_TASK_NONE);
  add_column (self, _("State"), COLUMN_STATE, GH_TASK_NONE);
  /* Translators: the title of the column with each row's presets menu and Remove button */
  add_column (self, _("Edit"), COLUMN_ACTIONS, GH_TASK_NONE);

  g_signal_connect_object (self->column_view, "map", G_CALLBACK (column_view_mapped_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Status */

static void
update_counts (GhPeoplePage *self)
{
  GListModel *model = editor_model (self);
  g_autofree char *people = NULL;
  g_autofree char *full = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  guint n;
  guint n_full;
  guint n_shown;

  if (model == NULL)
    {
      gtk_label_set_text (self->counts_label, "");
      return;
    }

  n = g_list_model_get_n_items (model);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  n_full = gh_assignment_editor_count_full_control (self->editor);

  number = format_count (n);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", n), number);
  full = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with full control",
                                       "%u with full control", n_full), n_full);
  if (self->search_text != NULL && *self->search_text != '\0' && !revealing (self))
    {
      g_autofree char *shown = format_count (n_shown);

      /* Translators: "2 shown of 41 people, 3 with full control" */
      text = g_strdup_printf (_("%s shown of %s, %s"), shown, people, full);
    }
  else
    {
      /* Translators: "41 people, 3 with full control" */
      text = g_strdup_printf (_("%s, %s"), people, full);
    }
  gtk_label_set_text (self->counts_label, text);
}

static void
update_loading (GhPeoplePage *self)
{
  gboolean loading = self->editor != NULL && gh_assignment_editor_get_loading (self->editor);
  g_autofree char *loaded = NULL;
  g_autofree char *text = NULL;
  gint64 total;

  /* The progress takes the counts' place in the toolbar, so the grid never changes size
   * while rows come in: a resize would measure every row made so far again. */
  gtk_widget_set_visible (self->loading_box, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), !loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  if (!loading)
    return;

  loaded = format_count (gh_assignment_editor_get_loaded (self->editor));
  total = gh_assignment_editor_get_total (self->editor);
  if (total > 0)
    {
      g_autofree char *all = format_count (total);

      /* Translators: "Loading 3,400 of 10,000 people…" */
      text = g_strdup_printf (_("Loading %s of %s people…"), loaded, all);
      gtk_progress_bar_set_fraction (self->loading_bar,
                                     CLAMP ((double) gh_assignment_editor_get_loaded
                                              (self->editor) / total, 0.0, 1.0));
    }
  else
    {
      text = g_strdup_printf (_("Loading %s people…"), loaded);
      gtk_progress_bar_pulse (self->loading_bar);
    }
  gtk_label_set_text (self->loading_label, text);
}

static void
update_stack (GhPeoplePage *self)
{
  GListModel *model = editor_model (self);
  const char *page;

  if (model == NULL)
    page = "loading";
  else if (g_list_model_get_n_items (model) == 0)
    page = self->load_failed ? "error"
           : gh_assignment_editor_get_loading (self->editor) ? "loading" : "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0
           && !revealing (self))
    page = "no-results";
  else
    page = "grid";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
update_actions (GhPeoplePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->editor != NULL;
  gboolean loading = have && gh_assignment_editor_get_loading (self->editor);
  gboolean applying = have && gh_assignment_editor_get_applying (self->editor);
  guint n_changes = have ? gh_assignment_editor_get_n_changes (self->editor) : 0;
  guint paused = have ? gh_assignment_editor_get_paused_seconds (self->editor) : 0;
  gboolean can_undo = have && gh_assignment_editor_get_can_undo (self->editor);

  gtk_widget_action_set_enabled (widget, "people.reload", have && !applying);
  gtk_widget_action_set_enabled (widget, "people.add",
                                 have && self->can_edit && !loading && !applying);
  gtk_widget_action_set_enabled (widget, "people.export", have && !loading);
  gtk_widget_action_set_enabled (widget, "people.apply",
                                 self->can_edit && n_changes > 0 && !loading && !applying);
  gtk_widget_action_set_enabled (widget, "people.discard", n_changes > 0 && !applying);
  gtk_widget_action_set_enabled (widget, "people.stop", applying);
  gtk_widget_action_set_enabled (widget, "people.retry-now", applying && paused > 0);
  gtk_widget_action_set_enabled (widget, "people.undo",
                                 self->can_edit && can_undo && !applying && !loading);

  gtk_widget_set_visible (self->add_button, self->can_edit);
  gtk_widget_set_visible (self->apply_button, self->can_edit);
  gtk_widget_set_visible (self->discard_button, self->can_edit);
  gtk_widget_set_visible (self->readonly_box, have && !self->can_edit);
  /* Edits during an apply would race the requests in flight. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->column_view), !applying);
}

static void
update_apply (GhPeoplePage *self)
{
  gboolean have = self->editor != NULL;
  gboolean applying = have && gh_assignment_editor_get_applying (self->editor);
  guint n_changes = have ? gh_assignment_editor_get_n_changes (self->editor) : 0;
  guint paused = have ? gh_assignment_editor_get_paused_seconds (self->editor) : 0;
  g_autofree char *text = NULL;

  if (applying)
    {
      guint done = gh_assignment_editor_get_apply_done (self->editor);
      guint total = gh_assignment_editor_get_apply_total (self->editor);

      /* Translators: "Applying 2 of 5…": the request being sent, of all requests */
      text = g_strdup_printf (_("Applying %u of %u…"), MIN (done + 1, MAX (total, 1)),
                              MAX (total, 1));
      gtk_progress_bar_set_fraction (self->apply_bar,
                                     total > 0 ? CLAMP ((double) done / total, 0.0, 1.0) : 0.0);
    }
  else if (!self->can_edit)
    text = g_strdup (_("Read-only: this token cannot change who has access"));
  else if (n_changes > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes",
                                         n_changes), n_changes);
  else
    text = g_strdup (_("No changes"));

  gtk_label_set_text (self->changes_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_bar), applying);

  gtk_widget_set_visible (self->pause_box, applying && paused > 0);
  if (applying && paused > 0)
    {
      g_autofree char *wait = format_wait (paused);
      g_autofree char *pause = NULL;

      /* Translators: %s is a wait like "4:59" (minutes:seconds) */
      pause = g_strdup_printf (_("Meta asks Gatehouse to wait %s before the next change. "
                                 "It will continue by itself."), wait);
      gtk_label_set_text (self->pause_label, pause);
    }

  if (n_changes == 0 && !applying)
    show_failure (self, NULL);
}

static void
update_status (GhPeoplePage *self)
{
  update_counts (self);
  update_loading (self);
  update_stack (self);
  update_apply (self);
  update_actions (self);
}

static void
editor_notify_cb (GhPeoplePage *self)
{
  update_status (self);
}

static void
model_items_changed_cb (GhPeoplePage *self)
{
  schedule_reveal (self);
  update_status (self);
}

/* GTK 4.8's list views make widgets for up to 200 rows as soon as the items exist, and a
 * row of this grid is some fifty widgets.  Rows are handed to the grid a few per frame
 * until that many exist, so each frame makes and lays out only a few: rows made outside
 * of frames would all be laid out in the next one. */
#define REVEAL_FIRST_ROWS 220
#define REVEAL_SMALL_STEP 6
#define REVEAL_LARGE_STEP 100

static gboolean
reveal_step_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GhPeoplePage *self = user_data;
  GListModel *model = editor_model (self);
  guint size = gtk_slice_list_model_get_size (self->slice_model);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (size >= n)
    {
      self->reveal_id = 0;
      update_status (self);
      return G_SOURCE_REMOVE;
    }

  size += size < REVEAL_FIRST_ROWS ? REVEAL_SMALL_STEP : REVEAL_LARGE_STEP;
  gtk_slice_list_model_set_size (self->slice_model, MIN (size, n));

  update_status (self);
  return G_SOURCE_CONTINUE;
}

static void
schedule_reveal (GhPeoplePage *self)
{
  GListModel *model = editor_model (self);

  if (self->reveal_id != 0 || model == NULL)
    return;
  if (gtk_slice_list_model_get_size (self->slice_model) >= g_list_model_get_n_items (model))
    return;

  self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                  reveal_step_cb, self, NULL);
}

static gboolean
revealing (GhPeoplePage *self)
{
  GListModel *model = editor_model (self);

  return model != NULL
         && gtk_slice_list_model_get_size (self->slice_model) < g_list_model_get_n_items (model);
}

static gboolean
filter_match (gpointer item,
              gpointer user_data)
{
  GhPeoplePage *self = user_data;
  const char *key;

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;

  key = gh_assignment_get_search_key (item);
  return key != NULL && strstr (key, self->search_text) != NULL;
}

static void
search_changed_cb (GhPeoplePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *old = g_steal_pointer (&self->search_text);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->search_text = g_utf8_strdown (stripped, -1);
  if (old != NULL && strstr (self->search_text, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (old != NULL && strstr (old, self->search_text) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_status (self);
}

/* Async callbacks hold a reference on the page and check that the editor they ran on is
 * still the page's: a reload or another account may have replaced it meanwhile. */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GhPeoplePage) self = user_data;
  g_autoptr(GError) error = NULL;
  if (gh_assignment_editor_load_finish (GH_ASSIGNMENT_EDITOR (object), result, &error))
    {
      if ((gpointer) self->editor == object)
        update_status (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || (gpointer) self->editor != object)
    return;

  gh_ui_status_page_set_error (self->error_page, self->details_label, self->details_expander,
                               error, _("The List Could Not Be Read"));

  self->load_failed = TRUE;
  if (g_list_model_get_n_items (editor_model (self)) > 0)
    show_failure (self, _("Not everyone could be read; the list may be incomplete. "
                          "Use Refresh to try again."));
  update_status (self);
}

static void
start_load (GhPeoplePage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->load_failed = FALSE;

  gh_assignment_editor_load_async (self->editor, self->load_cancellable, loaded_cb,
                                   g_object_ref (self));
  update_status (self);
}

static void
show_undo_toast (GhPeoplePage *self,
                 const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "people.undo");
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What apply and undo share once they end: FALSE when there is nothing more to show, because
 * the run could not start (said here), was cancelled, or belongs to an editor this page has
 * since replaced. */
static gboolean
run_finished (GhPeoplePage *self,
              GObject      *editor,
              gboolean      ran,
              const GError *error)
{
  if ((gpointer) self->editor != editor)
    return FALSE;

  if (!ran)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_failure (self, error->message);
          update_status (self);
        }
      return FALSE;
    }

  return TRUE;
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GhPeoplePage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;
  gboolean ran;

  ran = gh_assignment_editor_apply_finish (GH_ASSIGNMENT_EDITOR (object), result, &n_failed,
                                           &error);
  if (!run_finished (self, object, ran, error))
    return;

  if (n_failed > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u change failed; it is still staged. The row "
                                           "says why.",
                                           "%u changes failed; they are still staged. Each "
                                           "row says why.", n_failed), n_failed);
      show_failure (self, text);
      if (gh_assignment_editor_get_can_undo (self->editor))
        show_undo_toast (self, _("The other changes were applied"));
    }
  else if (gh_assignment_editor_get_n_changes (self->editor) > 0)
    {
      /* Stopped: what was not sent is still staged. */
      show_failure (self, _("Stopped; the changes not sent yet are still staged."));
      if (gh_assignment_editor_get_can_undo (self->editor))
        show_undo_toast (self, _("Some changes were applied"));
    }
  else
    {
      show_failure (self, NULL);
      show_undo_toast (self, _("Changes applied"));
    }

  update_status (self);
}

static void
undone_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GhPeoplePage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;
  gboolean ran;

  ran = gh_assignment_editor_undo_finish (GH_ASSIGNMENT_EDITOR (object), result, &n_failed,
                                          &error);
  if (!run_finished (self, object, ran, error))
    return;

  if (n_failed > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u change could not be undone. The row says why.",
                                           "%u changes could not be undone. Each row says why.",
                                           n_failed), n_failed);
      show_failure (self, text);
    }
  else
    {
      show_toast (self, _("Changes undone"));
    }

  update_status (self);
}

static void
person_added_cb (GhAddPersonDialog *dialog,
                 GhAssignment      *row,
                 gpointer           user_data)
{
  GhPeoplePage *self = user_data;
  g_autofree char *text = NULL;

  /* Translators: %s is a person's name */
  text = g_strdup_printf (_("%s will get access when you apply"), display_name (row));
  show_toast (self, text);
  update_status (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  GhPeoplePage *self = GH_PEOPLE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);

  /* Only dispose leaves the page without a cancellable. */
  if (!gh_people_page_save_csv_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
        return;
      /* Translators: %s is a file name, then the reason */
      text = g_strdup_printf (_("“%s” could not be saved: %s"), display, error->message);
      show_failure (self, text);
      show_toast (self, _("The list could not be saved"));
      return;
    }

  if (self->cancellable == NULL)
    return;

  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Saved as “%s”"), display);
  show_toast (self, text);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GhPeoplePage *self = user_data;
  g_autoptr(GtkNativeDialog) owned = g_steal_pointer (&self->chooser);
  GFile *file;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  /* The task keeps the page alive until the file is written; the file rides as user_data. */
  gh_people_page_save_csv_async (self, file, self->cancellable, saved_cb, file);
}

/* Actions */

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gh_people_page_reload (GH_PEOPLE_PAGE (widget));
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GhAddPersonDialog *dialog;

  if (self->editor == NULL || !self->can_edit)
    return;

  dialog = gh_add_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->editor);
  g_signal_connect_object (dialog, "person-added", G_CALLBACK (person_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->editor == NULL)
    return;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (_("Export People"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdup_printf ("%s-people.csv", gh_assignment_editor_get_waba_id (self->editor));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (self->chooser);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);

  if (self->editor == NULL || !self->can_edit)
    return;

  show_failure (self, NULL);
  gh_assignment_editor_apply_async (self->editor, self->cancellable, applied_cb,
                                    g_object_ref (self));
  update_status (self);
}

static void
discard_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gh_people_page_discard (GH_PEOPLE_PAGE (widget));
}

static void
stop_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);

  if (self->editor != NULL)
    gh_assignment_editor_stop (self->editor);
}

static void
retry_now_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);

  if (self->editor != NULL)
    gh_assignment_editor_retry_now (self->editor);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);

  if (self->editor == NULL || !gh_assignment_editor_get_can_undo (self->editor))
    return;

  show_failure (self, NULL);
  gh_assignment_editor_undo_async (self->editor, self->cancellable, undone_cb,
                                   g_object_ref (self));
  update_status (self);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (GH_PEOPLE_PAGE (widget)->search_entry));
}

static void
saved_file_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
forget_editor (GhPeoplePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (self->lockout_dialog != NULL)
    gtk_window_destroy (self->lockout_dialog);
  self->lockout_dialog = NULL;
  g_clear_object (&self->pending_row);

  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_signal_handlers_disconnect_by_data (gh_assignment_editor_get_model (self->editor), self);
    }
  if (self->reveal_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->reveal_id);
  self->reveal_id = 0;
  if (self->slice_model != NULL)
    {
      gtk_slice_list_model_set_model (self->slice_model, NULL);
      gtk_slice_list_model_set_size (self->slice_model, 0);
    }
  g_clear_object (&self->editor);
  self->load_failed = FALSE;
}

static void
gh_people_page_dispose (GObject *object)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (object);

  forget_editor (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->slice_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->row_menu);

  G_OBJECT_CLASS (gh_people_page_parent_class)->dispose (object);
}

static void
gh_people_page_finalize (GObject *object)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (object);

  g_free (self->search_text);

  G_OBJECT_CLASS (gh_people_page_parent_class)->finalize (object);
}

static void
gh_people_page_class_init (GhPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_people_page_dispose;
  object_class->finalize = gh_people_page_finalize;

  gtk_widget_class_install_action (widget_class, "people.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "people.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "people.apply", NULL, apply_action_cb);
  gtk_widget_class_install_action (widget_class, "people.discard", NULL, discard_action_cb);
  gtk_widget_class_install_action (widget_class, "people.stop", NULL, stop_action_cb);
  gtk_widget_class_install_action (widget_class, "people.retry-now", NULL,
                                   retry_now_action_cb);
  gtk_widget_class_install_action (widget_class, "people.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "people.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "people.search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, readonly_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, loading_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, details_expander);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, details_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, pause_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, pause_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, failure_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, failure_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, changes_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, apply_bar);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, discard_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
gh_people_page_init (GhPeoplePage *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkSortListModel *sort_model;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin's own dispose lets go of its child. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();

  build_columns (self);

  /* Filtered first, then sorted: sorting only what the search keeps is cheaper. */
  self->filter = gtk_custom_filter_new (filter_match, self, NULL);
  self->slice_model = gtk_slice_list_model_new (NULL, 0, 0);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->slice_model)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                        g_object_ref (gtk_column_view_get_sorter
                                                        (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sort_model)));
  gtk_column_view_set_model (self->column_view, selection);
  gtk_column_view_sort_by_column (self->column_view, self->person_column, GTK_SORT_ASCENDING);

  update_status (self);
}

void
gh_people_page_load (GhPeoplePage  *self,
                     GhGraphClient *client,
                     const char    *waba_id,
                     const char    *business_id,
                     const char    *own_user_id,
                     gboolean       can_edit)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));
  g_return_if_fail (GH_IS_GRAPH_CLIENT (client));
  g_return_if_fail (waba_id != NULL);

  forget_editor (self);
  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  show_failure (self, NULL);

  self->editor = gh_assignment_editor_new (client, waba_id, business_id, own_user_id);
  self->can_edit = can_edit;

  g_signal_connect_object (self->editor, "notify", G_CALLBACK (editor_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_assignment_editor_get_model (self->editor), "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_slice_list_model_set_size (self->slice_model, 0);
  gtk_slice_list_model_set_model (self->slice_model,
                                  gh_assignment_editor_get_model (self->editor));

  start_load (self);
}

void
gh_people_page_reload (GhPeoplePage *self)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));

  /* An apply reads the list again by itself when it ends. */
  if (self->editor == NULL || gh_assignment_editor_get_applying (self->editor))
    return;

  start_load (self);
}

void
gh_people_page_clear (GhPeoplePage *self)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));

  forget_editor (self);
  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  show_failure (self, NULL);
  update_status (self);
}

gboolean
gh_people_page_has_changes (GhPeoplePage *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_PAGE (self), FALSE);

  return self->editor != NULL
         && (gh_assignment_editor_get_n_changes (self->editor) > 0
             || gh_assignment_editor_get_applying (self->editor));
}

void
gh_people_page_discard (GhPeoplePage *self)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));

  if (self->editor == NULL || gh_assignment_editor_get_applying (self->editor))
    return;

  gh_assignment_editor_discard (self->editor);
  show_failure (self, NULL);
  update_status (self);
}

GhAssignmentEditor *
gh_people_page_get_editor (GhPeoplePage *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_PAGE (self), NULL);

  return self->editor;
}

void
gh_people_page_save_csv_async (GhPeoplePage        *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_people_page_save_csv_async);

  if (self->editor == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("There is no list to export yet."));
      return;
    }

  csv = gh_assignment_editor_to_csv (self->editor);
  if (csv == NULL)
    csv = g_strdup ("");
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                                       saved_file_cb, g_steal_pointer (&task));
}

gboolean
gh_people_page_save_csv_finish (GhPeoplePage  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (GH_IS_PEOPLE_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
