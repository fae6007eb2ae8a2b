/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-add-person-dialog.h"
#include "gh-people-cell.h"
#include "gh-people-page-private.h"

/* What the people page does when asked: the people.* actions, and the runs they start
 * (apply, undo, export) until they end. */

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
          _gh_people_page_show_failure (self, error->message);
          _gh_people_page_update_status (self);
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
      _gh_people_page_show_failure (self, text);
      if (gh_assignment_editor_get_can_undo (self->editor))
        show_undo_toast (self, _("The other changes were applied"));
    }
  else if (gh_assignment_editor_get_n_changes (self->editor) > 0)
    {
      /* Stopped: what was not sent is still staged. */
      _gh_people_page_show_failure (self, _("Stopped; the changes not sent yet are still staged."));
      if (gh_assignment_editor_get_can_undo (self->editor))
        show_undo_toast (self, _("Some changes were applied"));
    }
  else
    {
      _gh_people_page_show_failure (self, NULL);
      show_undo_toast (self, _("Changes applied"));
    }

  _gh_people_page_update_status (self);
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
      _gh_people_page_show_failure (self, text);
    }
  else
    {
      _gh_people_page_show_toast (self, _("Changes undone"));
    }

  _gh_people_page_update_status (self);
}

static void
person_added_cb (GhAddPersonDialog *dialog,
                 GhAssignment      *row,
                 gpointer           user_data)
{
  GhPeoplePage *self = user_data;
  g_autofree char *text = NULL;

  /* Translators: %s is a person's name */
  text = g_strdup_printf (_("%s will get access when you apply"), gh_people_display_name (row));
  _gh_people_page_show_toast (self, text);
  _gh_people_page_update_status (self);
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
      _gh_people_page_show_failure (self, text);
      _gh_people_page_show_toast (self, _("The list could not be saved"));
      return;
    }

  if (self->cancellable == NULL)
    return;

  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Saved as “%s”"), display);
  _gh_people_page_show_toast (self, text);
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

  _gh_people_page_show_failure (self, NULL);
  gh_assignment_editor_apply_async (self->editor, self->cancellable, applied_cb,
                                    g_object_ref (self));
  _gh_people_page_update_status (self);
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

  _gh_people_page_show_failure (self, NULL);
  gh_assignment_editor_undo_async (self->editor, self->cancellable, undone_cb,
                                   g_object_ref (self));
  _gh_people_page_update_status (self);
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

void
_gh_people_page_class_init_actions (GtkWidgetClass *widget_class)
{
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
