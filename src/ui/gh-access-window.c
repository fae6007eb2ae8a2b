/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-access-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-access-window-private.h"
#include "gh-export.h"
#include "gh-journal-entry.h"
#include "gh-ui-util.h"
#include "gh-wrap-box.h"

G_DEFINE_FINAL_TYPE (GhAccessWindow, gh_access_window, ADW_TYPE_WINDOW)

/* Cells: the person's name, their ID, then one column per account. */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GhAccessPerson *person = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gh_access_person_get_name (person));
}

static void
bind_id_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GhAccessPerson *person = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  /* Translators: a user ID, then "system user" for system users */
  text = gh_access_person_get_is_system_user (person)
         ? g_strdup_printf (_("%s (system user)"), gh_access_person_get_id (person))
         : g_strdup (gh_access_person_get_id (person));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_account_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GhAccessPerson *person = gtk_list_item_get_item (item);
  GhAccessAccount *account = user_data;
  g_autofree char *tasks = NULL;

  for (guint i = 0; i < gh_access_person_get_n_accounts (person); i++)
    if (gh_access_person_get_account (person, i) == account)
      tasks = gh_journal_tasks_describe (gh_access_person_get_tasks (person, i));

  /* An em dash: no access to this account. */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      tasks != NULL ? tasks : "—");
}

static GtkColumnViewColumn *
column_new (const char *title,
            GCallback   bind,
            gpointer    data,
            GObject    *data_owner)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  if (data_owner != NULL)
    g_signal_connect_object (factory, "bind", bind, data_owner, 0);
  else
    g_signal_connect (factory, "bind", bind, data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

/* The columns follow the accounts read: rebuilt after each load. */
static void
build_columns (GhAccessWindow *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  GListModel *accounts = gh_access_overview_get_accounts (self->overview);
  g_autoptr(GtkColumnViewColumn) name = NULL;
  g_autoptr(GtkColumnViewColumn) id = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  name = column_new (_("Person"), G_CALLBACK (bind_name_cb), NULL, NULL);
  gtk_column_view_column_set_expand (name, TRUE);
  gtk_column_view_append_column (self->column_view, name);
  id = column_new (_("ID"), G_CALLBACK (bind_id_cb), NULL, NULL);
  gtk_column_view_append_column (self->column_view, id);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GhAccessAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      column = column_new (gh_access_account_get_name (account), G_CALLBACK (bind_account_cb),
                           account, G_OBJECT (account));
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* "Read from 2 connections with 6 calls to Meta", then what could not be read. */
static void
update_notes (GhAccessWindow *self)
{
  GListModel *accounts = gh_access_overview_get_accounts (self->overview);
  GPtrArray *problems = gh_access_overview_get_problems (self->overview);
  guint n_accounts = g_list_model_get_n_items (accounts);
  guint n_calls = gh_access_overview_get_n_calls (self->overview);
  g_autoptr(GString) notes = g_string_new (NULL);

  g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE,
                                              "%u account read with %u calls to Meta",
                                              "%u accounts read with %u calls to Meta",
                                              n_accounts), n_accounts, n_calls);
  g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE, " in %u request.",
                                              " in %u requests.",
                                              gh_access_overview_get_n_requests (self->overview)),
                          gh_access_overview_get_n_requests (self->overview));

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(GhAccessAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *state = NULL;

      if (gh_access_account_get_state (account) == GH_ACCESS_ACCOUNT_READ)
        continue;
      state = gh_access_account_describe_state (account);
      /* Translators: an account's name, then how much of its list was read */
      g_string_append_printf (notes, _("\n%s: %s."), gh_access_account_get_name (account),
                              state);
    }
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (notes, "\n%s", (const char *) g_ptr_array_index (problems, i));

  gtk_label_set_text (self->notes_label, notes->str);
}

static void
update_count (GhAccessWindow *self)
{
  guint n_all = g_list_model_get_n_items (gh_access_overview_get_people (self->overview));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (self->search != NULL)
    /* Translators: "3 of 45 people" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person",
                                         "%u of %u people", n_all), n_shown, n_all);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_all),
                            n_all);
  gtk_label_set_text (self->count_label, text);
}

static gboolean
filter_person_cb (gpointer item,
                  gpointer user_data)
{
  GhAccessWindow *self = user_data;

  return self->search == NULL
         || strstr (gh_access_person_get_search_key (item), self->search) != NULL;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GhAccessWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean any;

  if (!gh_access_overview_load_finish (GH_ACCESS_OVERVIEW (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gh_ui_toast (GTK_WIDGET (self), error->message);
    }

  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.refresh", TRUE);

  any = g_list_model_get_n_items (gh_access_overview_get_accounts (self->overview)) > 0;
  if (!any)
    {
      GPtrArray *problems = gh_access_overview_get_problems (self->overview);

      /* A status page's description is markup; a connection's name is not. */
      if (problems->len > 0)
        {
          g_autofree char *problem = g_markup_escape_text (g_ptr_array_index (problems, 0),
                                                           -1);

          adw_status_page_set_description (
            ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")), problem);
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  build_columns (self);
  update_notes (self);
  update_count (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.export", TRUE);
  _gh_access_window_start_review (self);
  gtk_stack_set_visible_child_name (self->stack, "views");
}

static void
search_changed_cb (GhAccessWindow *self)
{
  if (!self->setting_text)
    gh_access_window_set_search (self,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
refresh_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gh_access_window_reload (GH_ACCESS_WINDOW (widget));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (widget);
  char *csv = gh_access_overview_to_csv (self->overview);
  g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));

  gh_export_ask_and_save (widget, _("Export Who Has Access"), "who-has-access.csv",
                          _("CSV files"), "text/csv", bytes);
}

static void
gh_access_window_dispose (GObject *object)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_ACCESS_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->review);
  g_clear_object (&self->overview);
  g_clear_object (&self->shown_editor);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gh_access_window_parent_class)->dispose (object);
}

static void
gh_access_window_finalize (GObject *object)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->search);

  G_OBJECT_CLASS (gh_access_window_parent_class)->finalize (object);
}

static void
gh_access_window_class_init (GhAccessWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_access_window_dispose;
  object_class->finalize = gh_access_window_finalize;

  gtk_widget_class_install_action (widget_class, "access.refresh", NULL, refresh_action_cb);
  gtk_widget_class_install_action (widget_class, "access.export", NULL, export_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  _gh_access_window_class_init_review (widget_class);

  g_type_ensure (GH_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-access-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, person_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, keep_row);
  gtk_widget_class_bind_template_child (widget_class, GhAccessWindow, tally_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
gh_access_window_init (GhAccessWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_wrap_pill_labels (GTK_WIDGET (self));
  gh_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.export", FALSE);
}

/* Public API */

GhAccessWindow *
gh_access_window_new (GtkWindow          *parent,
                      GhSession          *session,
                      GhAssignmentEditor *shown_editor)
{
  GhAccessWindow *self;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkCustomFilter *filter;

  g_return_val_if_fail (GH_IS_SESSION (session), NULL);
  g_return_val_if_fail (shown_editor == NULL || GH_IS_ASSIGNMENT_EDITOR (shown_editor), NULL);

  self = g_object_new (GH_TYPE_ACCESS_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->shown_editor = shown_editor != NULL ? g_object_ref (shown_editor) : NULL;
  self->overview = gh_access_overview_new (session);

  filter = gtk_custom_filter_new (filter_person_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (
    G_LIST_MODEL (g_object_ref (gh_access_overview_get_people (self->overview))),
    GTK_FILTER (filter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  gh_access_window_reload (self);
  return self;
}

void
gh_access_window_show_review (GhAccessWindow *self,
                              gboolean        review)
{
  g_return_if_fail (GH_IS_ACCESS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, review ? "review" : "overview");
}

void
gh_access_window_reload (GhAccessWindow *self)
{
  g_return_if_fail (GH_IS_ACCESS_WINDOW (self));

  if (self->loading || self->busy)
    return;

  self->loading = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.refresh", FALSE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gh_access_overview_load_async (self->overview, self->cancellable, loaded_cb,
                                 g_object_ref (self));
}

gboolean
gh_access_window_is_loaded (GhAccessWindow *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_WINDOW (self), FALSE);

  return !self->loading && self->review != NULL;
}

GhAccessOverview *
gh_access_window_get_overview (GhAccessWindow *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_WINDOW (self), NULL);

  return self->overview;
}

GhAccessReview *
gh_access_window_get_review (GhAccessWindow *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_WINDOW (self), NULL);

  return self->review;
}

guint
gh_access_window_get_review_position (GhAccessWindow *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_WINDOW (self), 0);

  return self->position;
}

void
gh_access_window_set_search (GhAccessWindow *self,
                             const char     *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (GH_IS_ACCESS_WINDOW (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_free (self->search);
  self->search = *stripped != '\0' ? g_utf8_strdown (stripped, -1) : NULL;

  /* Setting the text clears it first, and an empty search entry says so at once. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 text != NULL ? text : "") != 0)
    {
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->setting_text = FALSE;
    }

  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered),
                      GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

guint
gh_access_window_get_n_shown (GhAccessWindow *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

gboolean
gh_access_window_is_idle (GhAccessWindow *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_WINDOW (self), FALSE);

  return !self->busy && !self->loading;
}
