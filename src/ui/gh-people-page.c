/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-grid.h"
#include "gh-people-page-private.h"
#include "gh-ui-util.h"
#include "gh-wrap-box.h"

G_DEFINE_FINAL_TYPE (GhPeoplePage, gh_people_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

void
_gh_people_page_show_toast (GhPeoplePage *self,
            const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_gh_people_page_show_failure (GhPeoplePage *self,
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
  gtk_widget_action_set_enabled (widget, "people.history", self->recorder != NULL);
  gtk_widget_action_set_enabled (widget, "people.checkup", have && !loading);

  gtk_widget_set_visible (self->add_button, self->can_edit);
  gtk_widget_set_visible (self->compact_add_button, self->can_edit);
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
    _gh_people_page_show_failure (self, NULL);
}

void
_gh_people_page_update_status (GhPeoplePage *self)
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
  _gh_people_page_update_status (self);
}

static void
model_items_changed_cb (GhPeoplePage *self)
{
  _gh_people_page_update_status (self);
}

static void
search_changed_cb (GhPeoplePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *lowered = g_utf8_strdown (stripped, -1);

  self->searching = *lowered != '\0';
  gh_people_grid_set_search (self->grid, lowered);
  _gh_people_page_update_status (self);
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
        _gh_people_page_update_status (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || (gpointer) self->editor != object)
    return;

  gh_ui_status_page_set_error (self->error_page, self->details_label, self->details_expander,
                               error, _("The List Could Not Be Read"));
  gh_ui_help_button_set_error (self->help_button, error);

  self->load_failed = TRUE;
  if (g_list_model_get_n_items (editor_model (self)) > 0)
    _gh_people_page_show_failure (self, _("Not everyone could be read; the list may be incomplete. "
                          "Use Refresh to try again."));
  _gh_people_page_update_status (self);
}

/* @first_page (nullable): the first page of people, read already. */
static void
start_load (GhPeoplePage *self,
            JsonNode     *first_page)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->load_failed = FALSE;

  gh_assignment_editor_load_with_first_page_async (self->editor, first_page,
                                                   self->load_cancellable, loaded_cb,
                                                   g_object_ref (self));
  _gh_people_page_update_status (self);
}

static void
forget_editor (GhPeoplePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);


  _gh_people_page_stop_recording (self);
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
  g_clear_object (&self->session);
  g_clear_pointer (&self->record_dismissed, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_PEOPLE_PAGE);

  G_OBJECT_CLASS (gh_people_page_parent_class)->dispose (object);
}

static void
gh_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gh_people_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_people_page_class_init (GhPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_people_page_dispose;
  object_class->get_property = gh_people_page_get_property;
  object_class->set_property = gh_people_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gh_people_page_class_init_actions (widget_class);
  _gh_people_page_class_init_record (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, readonly_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, compact_add_button);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, more_button);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, loading_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, details_expander);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, help_button);
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
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, record_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, record_label);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, seen_box);
  gtk_widget_class_bind_template_child (widget_class, GhPeoplePage, seen_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
gh_people_page_init (GhPeoplePage *self)
{
  g_type_ensure (GH_TYPE_PEOPLE_GRID);
  g_type_ensure (GH_TYPE_WRAP_BOX);
  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_wrap_pill_labels (GTK_WIDGET (self));
  gh_ui_name_inner_button (self->more_button, _("More actions"));
  /* Not a bound template child: AdwBin's own dispose lets go of its child. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->grid, "rows-changed", G_CALLBACK (_gh_people_page_update_status), self,
                           G_CONNECT_SWAPPED);
  _gh_people_page_update_status (self);
}

void
gh_people_page_load (GhPeoplePage  *self,
                     GhGraphClient *client,
                     const char    *waba_id,
                     const char    *business_id,
                     const char    *own_user_id,
                     gboolean       can_edit)
{
  gh_people_page_load_with_first_page (self, client, waba_id, business_id, own_user_id,
                                       can_edit, NULL);
}

void
gh_people_page_load_with_first_page (GhPeoplePage  *self,
                                     GhGraphClient *client,
                                     const char    *waba_id,
                                     const char    *business_id,
                                     const char    *own_user_id,
                                     gboolean       can_edit,
                                     JsonNode      *first_page)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));
  g_return_if_fail (GH_IS_GRAPH_CLIENT (client));
  g_return_if_fail (waba_id != NULL);

  forget_editor (self);
  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  _gh_people_page_show_failure (self, NULL);

  self->editor = gh_assignment_editor_new (client, waba_id, business_id, own_user_id);
  self->can_edit = can_edit;

  /* The grid follows the editor first, so the status below counts what it shows. */
  gh_people_grid_set_editor (self->grid, self->editor, can_edit);
  g_signal_connect_object (self->editor, "notify", G_CALLBACK (editor_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_assignment_editor_get_model (self->editor), "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);

  _gh_people_page_start_recording (self);
  start_load (self, first_page);
}

void
gh_people_page_reload (GhPeoplePage *self)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));

  /* An apply reads the list again by itself when it ends. */
  if (self->editor == NULL || gh_assignment_editor_get_applying (self->editor))
    return;

  start_load (self, NULL);
}

void
gh_people_page_clear (GhPeoplePage *self)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));

  forget_editor (self);
  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  _gh_people_page_show_failure (self, NULL);
  _gh_people_page_update_status (self);
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
  _gh_people_page_show_failure (self, NULL);
  _gh_people_page_update_status (self);
}

GhAssignmentEditor *
gh_people_page_get_editor (GhPeoplePage *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_PAGE (self), NULL);

  return self->editor;
}

GhSession *
gh_people_page_get_session (GhPeoplePage *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_PAGE (self), NULL);

  return self->session;
}

void
gh_people_page_set_session (GhPeoplePage *self,
                            GhSession    *session)
{
  g_return_if_fail (GH_IS_PEOPLE_PAGE (self));
  g_return_if_fail (session == NULL || GH_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GhChangeRecorder *
gh_people_page_get_recorder (GhPeoplePage *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_PAGE (self), NULL);

  return self->recorder;
}
