/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-checkup-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-business-user.h"
#include "gh-checkup-window.h"
#include "gh-graph-error.h"
#include "gh-journal-entry.h"
#include "gh-ui-util.h"

/* The business's people are read a page of 100 at a time; two_fac_status and pending_email
 * are not among Meta's default fields. */
#define BUSINESS_USER_FIELDS "id,name,email,role,first_name,last_name,two_fac_status," \
                             "pending_email"

struct _GhCheckupWindow
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwPreferencesPage  *findings_page;

  GhAssignmentEditor  *editor;
  gboolean             can_edit;
  GCancellable        *cancellable;
  GPtrArray           *users;      /* GhBusinessUser* read by the run in flight */
  GPtrArray           *findings;   /* GhCheckupFinding* */
  GPtrArray           *groups;     /* AdwPreferencesGroup* shown for them */
  gboolean             running;
};

G_DEFINE_FINAL_TYPE (GhCheckupWindow, gh_checkup_window, ADW_TYPE_WINDOW)

static GhAssignment *
find_row (GhCheckupWindow *self,
          const char      *id)
{
  GListModel *model = gh_assignment_editor_get_model (self->editor);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (gh_assignment_get_id (row), id) == 0)
        return row;
    }

  return NULL;
}

/* Who has access, as Meta holds it (staged edits are not access yet). */
static GPtrArray *
collect_assigned (GhCheckupWindow *self)
{
  GListModel *model = gh_assignment_editor_get_model (self->editor);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *assigned = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_access_holder_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);
      g_autofree char *tasks = NULL;

      if (gh_assignment_get_state (row) == GH_ASSIGNMENT_STATE_NEW)
        continue;
      tasks = gh_journal_tasks_to_text (gh_assignment_get_held_tasks (row),
                                        gh_assignment_get_unknown_tasks (row));
      g_ptr_array_add (assigned, gh_access_holder_new (gh_assignment_get_id (row),
                                                       gh_assignment_get_name (row),
                                                       gh_assignment_get_is_system_user (row),
                                                       tasks));
    }

  return assigned;
}

/* Fixes */

static const char *
lockout_sentence (GhLockout lockout)
{
  if (lockout & GH_LOCKOUT_OWN_ACCESS)
    return _("Not staged: this connection would lose the access it needs to make changes.");
  return _("Not staged: nobody would keep Full control of this account.");
}

static void
update_fix_button (GtkWidget *button)
{
  GhCheckupWindow *self = g_object_get_data (G_OBJECT (button), "gh-window");
  GhCheckupPerson *person = g_object_get_data (G_OBJECT (button), "gh-person");
  GhAssignment *row = find_row (self, person->id);
  gboolean staged = row != NULL
                    && gh_assignment_get_state (row) != GH_ASSIGNMENT_STATE_UNCHANGED;
  g_autofree char *plain = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_sensitive (button, self->can_edit && row != NULL && !staged
                                    && !gh_assignment_editor_get_applying (self->editor));
  gtk_button_set_label (GTK_BUTTON (button), staged ? _("Staged") : person->fix_label);
  gtk_button_set_use_underline (GTK_BUTTON (button), !staged);

  /* A screen reader hears what the button does and to whom, without the underline. */
  {
    g_auto(GStrv) parts = g_strsplit (staged ? _("Staged") : person->fix_label, "_", -1);

    plain = g_strjoinv ("", parts);
  }
  /* Translators: what a fix button does, then whom to: "Remove From This Account: Priya" */
  name = g_strdup_printf (_("%s: %s"), plain, person->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
}

static void
fix_clicked_cb (GtkButton       *button,
                GhCheckupWindow *self)
{
  GhCheckupPerson *person = g_object_get_data (G_OBJECT (button), "gh-person");
  GhAssignment *row = find_row (self, person->id);
  gboolean remove = person->fix == GH_CHECKUP_FIX_REMOVE;
  GhLockout lockout;
  g_autofree char *done = NULL;

  if (row == NULL || !self->can_edit)
    return;

  lockout = gh_assignment_editor_check_lockout (self->editor, row, person->tasks, remove);
  if (lockout != GH_LOCKOUT_NONE)
    {
      gh_ui_toast (GTK_WIDGET (self), lockout_sentence (lockout));
      return;
    }

  /* Staged through the editor like any edit in the grid: the grid shows it, Apply sends
   * it. */
  if (remove)
    gh_assignment_editor_set_removed (self->editor, row, TRUE);
  else
    gh_assignment_editor_set_tasks (self->editor, row, person->tasks);

  /* Translators: %s is a person's name */
  done = g_strdup_printf (_("Change for %s staged: apply it in the grid"), person->name);
  gh_ui_toast (GTK_WIDGET (self), done);
}

static void
link_activated_cb (AdwActionRow *row,
                   gpointer      user_data)
{
  gh_ui_open_uri (GTK_WIDGET (row), user_data);
}

static GtkWidget *
fix_button_new (GhCheckupWindow *self,
                GhCheckupPerson *person)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (person->fix_label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "gh-window", self);
  g_object_set_data (G_OBJECT (button), "gh-person", person);

  g_signal_connect (button, "clicked", G_CALLBACK (fix_clicked_cb), self);
  update_fix_button (button);
  return button;
}

/* Rows follow the editor: "Staged" once the change is in the grid, and again after an
 * apply or a discard. */
static void
rows_changed_cb (GhCheckupWindow *self)
{
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    {
      GPtrArray *buttons = g_object_get_data (g_ptr_array_index (self->groups, i),
                                              "gh-buttons");

      for (guint j = 0; buttons != NULL && j < buttons->len; j++)
        update_fix_button (g_ptr_array_index (buttons, j));
    }
}

/* Showing findings */

static const char *
severity_icon (GhCheckupSeverity severity)
{
  switch (severity)
    {
    case GH_CHECKUP_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case GH_CHECKUP_SEVERITY_ADVICE:
      return "dialog-information-symbolic";
    case GH_CHECKUP_SEVERITY_INFO:
    default:
      return "help-about-symbolic";
    }
}

static GtkWidget *
group_new (GhCheckupWindow  *self,
           GhCheckupFinding *finding)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GPtrArray *buttons = g_ptr_array_new ();
  g_autofree char *title = g_markup_escape_text (finding->title, -1);
  g_autofree char *why = g_markup_escape_text (finding->why, -1);

  /* A group's title and description are markup: the reason may quote Meta. */
  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, why);
  g_object_set_data_full (G_OBJECT (group), "gh-buttons", buttons,
                          (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < finding->people->len; i++)
    {
      GhCheckupPerson *person = g_ptr_array_index (finding->people, i);
      GtkWidget *row = gh_ui_plain_row_new (person->name, person->detail);
      GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (finding->severity));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      finding->severity == GH_CHECKUP_SEVERITY_WARNING
                                      ? _("Warning") : _("Advice"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (person->fix != GH_CHECKUP_FIX_NONE)
        {
          GtkWidget *button = fix_button_new (self, person);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          g_ptr_array_add (buttons, button);
        }
      adw_preferences_group_add (group, row);
    }

  /* The Business Suite page last, where the eye ends: a row that opens it. */
  if (finding->link_uri != NULL)
    {
      GtkWidget *link = adw_action_row_new ();
      g_auto(GStrv) parts = g_strsplit (finding->link_label, "_", -1);
      g_autofree char *link_name = g_strjoinv ("", parts);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (link), finding->link_label);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (link), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (link),
                                 gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (link), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      link_name, -1);
      g_signal_connect (link, "activated", G_CALLBACK (link_activated_cb), finding->link_uri);
      adw_preferences_group_add (group, link);
    }

  return GTK_WIDGET (group);
}

static void
show_findings (GhCheckupWindow *self)
{
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    adw_preferences_page_remove (self->findings_page, g_ptr_array_index (self->groups, i));
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  self->groups = g_ptr_array_new ();

  for (guint i = 0; i < self->findings->len; i++)
    {
      GtkWidget *group = group_new (self, g_ptr_array_index (self->findings, i));

      adw_preferences_page_add (self->findings_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }

  gtk_stack_set_visible_child_name (self->stack, self->findings->len > 0 ? "findings"
                                                                         : "clear");
}

/* Running */

static char *
not_read_reason (const GError *error)
{
  g_autofree char *sentence = gh_graph_error_dup_sentence (error);

  if (g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION))
    return g_strdup (_("This token may not list the business’s people: it needs the "
                       "business_management permission. Add it to the system user’s token "
                       "in Business Suite to check them too."));

  /* Translators: %s says what went wrong */
  return g_strdup_printf (_("The business’s people could not be read: %s"), sentence);
}

static void
finish_run (GhCheckupWindow *self,
            const GError    *error)
{
  g_autoptr(GPtrArray) assigned = collect_assigned (self);
  g_autofree char *reason = error != NULL ? not_read_reason (error) : NULL;
  g_autofree char *business_id = NULL;
  g_autofree char *own_user_id = NULL;
  GhCheckupInput input = { 0 };

  g_object_get (self->editor, "business-id", &business_id, "own-user-id", &own_user_id,
                NULL);
  input.assigned = assigned;
  input.business_users = error == NULL ? self->users : NULL;
  input.not_read_reason = reason;
  input.own_user_id = own_user_id;
  input.business_id = business_id;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = gh_checkup_run (&input);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  self->running = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkup.run", TRUE);
  show_findings (self);
}

static void
users_page_cb (JsonArray *items,
               gint64     total,
               gpointer   user_data)
{
  GPtrArray *users = user_data;
  guint n = json_array_get_length (items);

  for (guint i = 0; i < n; i++)
    {
      GhBusinessUser *user = gh_business_user_parse (json_array_get_element (items, i), FALSE,
                                                     NULL);

      if (user != NULL)
        g_ptr_array_add (users, user);
    }
}

static void
users_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GhCheckupWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gh_graph_client_get_pages_finish (GH_GRAPH_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("The business's people could not be read: %s", error->message);

  finish_run (self, error);
}

static void
run_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gh_checkup_window_run (GH_CHECKUP_WINDOW (widget));
}

/* GObject */

static void
gh_checkup_window_dispose (GObject *object)
{
  GhCheckupWindow *self = GH_CHECKUP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_signal_handlers_disconnect_by_data (gh_assignment_editor_get_model (self->editor),
                                            self);
    }
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_CHECKUP_WINDOW);
  /* The buttons pointed into the findings: gone with the template. */
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (gh_checkup_window_parent_class)->dispose (object);
}

static void
gh_checkup_window_finalize (GObject *object)
{
  GhCheckupWindow *self = GH_CHECKUP_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->users, g_ptr_array_unref);

  G_OBJECT_CLASS (gh_checkup_window_parent_class)->finalize (object);
}

static void
gh_checkup_window_class_init (GhCheckupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_checkup_window_dispose;
  object_class->finalize = gh_checkup_window_finalize;

  gtk_widget_class_install_action (widget_class, "checkup.run", NULL, run_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-checkup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhCheckupWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GhCheckupWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GhCheckupWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhCheckupWindow, findings_page);
}

static void
gh_checkup_window_init (GhCheckupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Public API */

GhCheckupWindow *
gh_checkup_window_new (GtkWindow          *parent,
                       GhAssignmentEditor *editor,
                       gboolean            can_edit,
                       const char         *account_name)
{
  GhCheckupWindow *self;

  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (editor), NULL);

  self = g_object_new (GH_TYPE_CHECKUP_WINDOW, "transient-for", parent, NULL);
  self->editor = g_object_ref (editor);
  self->can_edit = can_edit;
  adw_window_title_set_subtitle (self->window_title,
                                 account_name != NULL
                                 ? account_name : gh_assignment_editor_get_waba_id (editor));

  g_signal_connect_object (editor, "notify::n-changes", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "notify::applying", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_assignment_editor_get_model (editor), "items-changed",
                           G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);

  gh_checkup_window_run (self);
  return self;
}

void
gh_checkup_window_run (GhCheckupWindow *self)
{
  g_autoptr(GhGraphClient) client = NULL;
  g_autofree char *business_id = NULL;
  g_autofree char *path = NULL;
  const char * const params[] = { "fields", BUSINESS_USER_FIELDS, "limit", "100", NULL };

  g_return_if_fail (GH_IS_CHECKUP_WINDOW (self));

  if (self->running)
    return;

  self->running = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkup.run", FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  g_object_get (self->editor, "client", &client, "business-id", &business_id, NULL);
  if (business_id == NULL)
    {
      g_autoptr(GError) error =
        g_error_new_literal (GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER,
                             _("The business that owns this account is not known."));

      finish_run (self, error);
      return;
    }

  self->users = g_ptr_array_new_with_free_func (g_object_unref);
  path = g_strconcat (business_id, "/business_users", NULL);
  gh_graph_client_get_pages_async (client, path, params, users_page_cb,
                                   g_ptr_array_ref (self->users),
                                   (GDestroyNotify) g_ptr_array_unref, self->cancellable,
                                   users_read_cb, g_object_ref (self));
}

gboolean
gh_checkup_window_is_done (GhCheckupWindow *self)
{
  g_return_val_if_fail (GH_IS_CHECKUP_WINDOW (self), FALSE);

  return !self->running && self->findings != NULL;
}

GPtrArray *
gh_checkup_window_get_findings (GhCheckupWindow *self)
{
  g_return_val_if_fail (GH_IS_CHECKUP_WINDOW (self), NULL);

  return self->findings;
}
