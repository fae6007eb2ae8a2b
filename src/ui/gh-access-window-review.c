/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-access-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-access-window-private.h"
#include "gh-export.h"
#include "gh-journal-entry.h"
#include "gh-review-print.h"
#include "gh-ui-util.h"

/* The access review, one person at a time: their access on each account, a decision (keep,
 * reduce, remove) that moves on to the next person, then staging, applying and the dated
 * report. */

/* The choices of the "keep at most" row, in its order. */
static const GhTaskFlags keep_sets[] = {
  GH_REVIEW_WITHOUT_FULL_CONTROL,
  GH_TASK_PRESET_PARTIAL,
  GH_REVIEW_VIEW_ONLY,
};

static const char *
decision_label (GhReviewDecision decision)
{
  switch (decision)
    {
    case GH_REVIEW_KEEP:
      return _("Decided: keep");
    case GH_REVIEW_REDUCE:
      return _("Decided: reduce");
    case GH_REVIEW_REMOVE:
      return _("Decided: remove");
    case GH_REVIEW_UNDECIDED:
    default:
      return _("Not decided yet");
    }
}

static void
show_person (GhAccessWindow *self)
{
  GhAccessPerson *person;
  g_autofree char *kind = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *escaped_kind = NULL;

  for (guint i = 0; self->person_rows != NULL && i < self->person_rows->len; i++)
    adw_preferences_group_remove (self->person_group,
                                  g_ptr_array_index (self->person_rows, i));
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);
  self->person_rows = g_ptr_array_new ();

  if (self->review == NULL || gh_access_review_get_n_people (self->review) == 0)
    return;

  person = gh_access_review_get_person (self->review, self->position);
  /* Translators: a user ID, then whether it is a person or a system user */
  kind = g_strdup_printf (_("%s · %s"), gh_access_person_get_id (person),
                          gh_access_person_get_is_system_user (person)
                          ? _("System user") : _("Person"));
  /* A group's title is markup: Meta's names are not. */
  escaped_name = g_markup_escape_text (gh_access_person_get_name (person), -1);
  escaped_kind = g_markup_escape_text (kind, -1);
  adw_preferences_group_set_title (self->person_group, escaped_name);
  adw_preferences_group_set_description (self->person_group, escaped_kind);

  for (guint i = 0; i < gh_access_person_get_n_accounts (person); i++)
    {
      GhAccessAccount *account = gh_access_person_get_account (person, i);
      g_autofree char *tasks = gh_journal_tasks_describe (gh_access_person_get_tasks (person,
                                                                                      i));
      GtkWidget *row = gh_ui_plain_row_new (gh_access_account_get_name (account), tasks);

      adw_preferences_group_add (self->person_group, row);
      g_ptr_array_add (self->person_rows, row);
    }

  {
    GtkWidget *row = gh_ui_plain_row_new (
      decision_label (gh_access_review_get_decision (self->review, self->position)), NULL);

    adw_preferences_group_add (self->person_group, row);
    g_ptr_array_add (self->person_rows, row);
  }
}

void
_gh_access_window_update_review (GhAccessWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->review != NULL ? gh_access_review_get_n_people (self->review) : 0;
  guint staged = self->review != NULL ? gh_access_review_get_n_staged (self->review) : 0;
  gboolean ready = n > 0 && !self->busy;
  g_autofree char *progress = NULL;
  g_autofree char *tally = NULL;

  /* Translators: "Person 3 of 42" */
  progress = g_strdup_printf (_("Person %u of %u"), n > 0 ? self->position + 1 : 0, n);
  gtk_label_set_text (self->progress_label, progress);

  if (self->review != NULL)
    /* Translators: counts of the decisions, then of the changes staged */
    tally = g_strdup_printf (_("%u kept, %u reduced, %u removed, %u not decided. "
                               "%u changes staged."),
                             gh_access_review_count (self->review, GH_REVIEW_KEEP),
                             gh_access_review_count (self->review, GH_REVIEW_REDUCE),
                             gh_access_review_count (self->review, GH_REVIEW_REMOVE),
                             gh_access_review_count (self->review, GH_REVIEW_UNDECIDED),
                             staged);
  gtk_label_set_text (self->tally_label, tally != NULL ? tally : "");

  gtk_widget_action_set_enabled (widget, "review.keep", ready);
  gtk_widget_action_set_enabled (widget, "review.reduce", ready);
  gtk_widget_action_set_enabled (widget, "review.remove", ready);
  gtk_widget_action_set_enabled (widget, "review.previous", ready && self->position > 0);
  gtk_widget_action_set_enabled (widget, "review.next", ready && self->position + 1 < n);
  gtk_widget_action_set_enabled (widget, "review.stage", ready);
  gtk_widget_action_set_enabled (widget, "review.apply", ready && staged > 0);
  gtk_widget_action_set_enabled (widget, "review.save-report", ready);
  gtk_widget_action_set_enabled (widget, "review.print", ready);
}

void
_gh_access_window_start_review (GhAccessWindow *self)
{
  g_clear_object (&self->review);
  self->review = gh_access_review_new (self->overview);
  if (self->shown_editor != NULL)
    gh_access_review_use_editor (self->review, self->shown_editor);
  self->position = 0;
  show_person (self);
  _gh_access_window_update_review (self);
}

static void
move_to (GhAccessWindow *self,
         guint           position)
{
  self->position = position;
  show_person (self);
  _gh_access_window_update_review (self);
}

/* A decision, then the next person. */
static void
decide (GhAccessWindow   *self,
        GhReviewDecision  decision)
{
  guint n = gh_access_review_get_n_people (self->review);
  guint selected = adw_combo_row_get_selected (self->keep_row);
  GhTaskFlags keep = keep_sets[MIN (selected, G_N_ELEMENTS (keep_sets) - 1)];

  gh_access_review_decide (self->review, self->position, decision, keep);
  move_to (self, self->position + 1 < n ? self->position + 1 : self->position);
}

static void
keep_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  decide (GH_ACCESS_WINDOW (widget), GH_REVIEW_KEEP);
}

static void
reduce_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (GH_ACCESS_WINDOW (widget), GH_REVIEW_REDUCE);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (GH_ACCESS_WINDOW (widget), GH_REVIEW_REMOVE);
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (widget);

  if (self->position > 0)
    move_to (self, self->position - 1);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (widget);

  if (self->position + 1 < gh_access_review_get_n_people (self->review))
    move_to (self, self->position + 1);
}

static void
set_busy (GhAccessWindow *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.refresh", !busy && !self->loading);
  _gh_access_window_update_review (self);
}

static void
staged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GhAccessWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  n = gh_access_review_stage_finish (GH_ACCESS_REVIEW (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    text = g_strdup (error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u change staged: apply it when ready",
                                         "%u changes staged: apply them when ready", n), n);
  gh_ui_toast (GTK_WIDGET (self), text);
}

static void
stage_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (widget);

  set_busy (self, TRUE);
  gh_access_review_stage_async (self->review, self->cancellable, staged_cb,
                                g_object_ref (self));
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GhAccessWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_failed;

  n_failed = gh_access_review_apply_finish (GH_ACCESS_REVIEW (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    text = g_strdup (error->message);
  else if (n_failed > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u change failed; the report says why",
                                         "%u changes failed; the report says why", n_failed),
                            n_failed);
  else
    text = g_strdup (_("Changes applied; save or print the report to keep it"));
  gh_ui_toast (GTK_WIDGET (self), text);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (widget);

  set_busy (self, TRUE);
  gh_access_review_apply_async (self->review, self->cancellable, applied_cb,
                                g_object_ref (self));
}

static void
save_report_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (widget);
  char *csv = gh_access_review_to_csv (self->review);
  g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));
  g_autofree char *day = g_date_time_format (gh_access_review_get_date (self->review),
                                             "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("access-review-%s.csv", day);

  gh_export_ask_and_save (widget, _("Save Access Review"), name, _("CSV files"), "text/csv",
                          bytes);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhAccessWindow *self = GH_ACCESS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (gh_review_print (self->review, GTK_WINDOW (self), NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why */
      text = g_strdup_printf (_("The report could not be printed: %s"), error->message);
      gh_ui_toast (widget, text);
    }
}

void
_gh_access_window_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.keep", NULL, keep_action_cb);
  gtk_widget_class_install_action (widget_class, "review.reduce", NULL, reduce_action_cb);
  gtk_widget_class_install_action (widget_class, "review.remove", NULL, remove_action_cb);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, previous_action_cb);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "review.stage", NULL, stage_action_cb);
  gtk_widget_class_install_action (widget_class, "review.apply", NULL, apply_action_cb);
  gtk_widget_class_install_action (widget_class, "review.save-report", NULL,
                                   save_report_action_cb);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_action_cb);
}
