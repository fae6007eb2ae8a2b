/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-add-person-dialog.h"
#include "gh-people-cell.h"
#include "gh-people-grid.h"
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
  GhPeopleGrid       *grid;
  GtkWidget          *pause_box;
  GtkLabel           *pause_label;
  GtkWidget          *failure_box;
  GtkLabel           *failure_label;
  GtkLabel           *changes_label;
  GtkProgressBar     *apply_bar;
  GtkWidget          *apply_button;
  GtkWidget          *discard_button;

  gboolean            searching;

  GhAssignmentEditor *editor;
  gboolean            can_edit;
  gboolean            load_failed;
  GCancellable       *cancellable;
  GCancellable       *load_cancellable;

  GtkNativeDialog    *chooser;
};

G_DEFINE_FINAL_TYPE (GhPeoplePage, gh_people_page, ADW_TYPE_BIN)

static void update_status (GhPeoplePage *self);

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

  /* While loading, the progress stands in the counts' place. */
  if (model == NULL || gh_assignment_editor_get_loading (self->editor))
    {
      gtk_label_set_text (self->counts_label, "");
      return;
    }

  n = g_list_model_get_n_items (model);
  n_shown = gh_people_grid_get_n_shown (self->grid);
  n_full = gh_assignment_editor_count_full_control (self->editor);

  number = format_count (n);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", n), number);
  full = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with full control",
                                       "%u with full control", n_full), n_full);
  if (self->searching && !gh_people_grid_get_handing (self->grid))
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
  else if (gh_people_grid_get_n_shown (self->grid) == 0
           && !gh_people_grid_get_handing (self->grid))
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->grid), !applying);
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
  update_status (self);
}

static void
search_changed_cb (GhPeoplePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *lowered = g_utf8_strdown (stripped, -1);

  self->searching = *lowered != '\0';
  gh_people_grid_set_search (self->grid, lowered);
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
  text = g_strdup_printf (_("%s will get access when you apply"), gh_people_display_name (row));
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


  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      g_signal_handlers_disconnect_by_data (gh_assignment_editor_get_model (self->editor), self);
    }
  /* The grid is gone once the template is disposed. */
  if (self->grid != NULL)
    gh_people_grid_set_editor (self->grid, NULL, FALSE);
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

  G_OBJECT_CLASS (gh_people_page_parent_class)->dispose (object);
}

static void
gh_people_page_class_init (GhPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_people_page_dispose;

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
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, grid);
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
  g_type_ensure (GH_TYPE_PEOPLE_GRID);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin's own dispose lets go of its child. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->grid, "rows-changed", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
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

  /* The grid follows the editor first, so the status below counts what it shows. */
  gh_people_grid_set_editor (self->grid, self->editor, can_edit);
  g_signal_connect_object (self->editor, "notify", G_CALLBACK (editor_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_assignment_editor_get_model (self->editor), "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);

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
