/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-history-window.h"
#include "gh-people-page-private.h"

/* The change record of the account shown: what the page records, what it says when the
 * record cannot be written, and the History view. */

static GhJournal *
page_journal (GhPeoplePage *self)
{
  return self->recorder != NULL ? gh_change_recorder_get_journal (self->recorder) : NULL;
}

/* The record's trouble is told once: dismissed, it stays away until something else goes
 * wrong. */
void
_gh_people_page_update_record (GhPeoplePage *self)
{
  GhJournal *journal = page_journal (self);
  const char *problem = journal != NULL ? gh_journal_get_problem (journal) : NULL;
  gboolean shown = problem != NULL && g_strcmp0 (problem, self->record_dismissed) != 0;

  gtk_label_set_text (self->record_label, shown ? problem : "");
  gtk_widget_set_visible (self->record_box, shown);
}

void
_gh_people_page_start_recording (GhPeoplePage *self)
{
  const char *waba_id;
  GhJournal *journal;

  _gh_people_page_stop_recording (self);
  if (self->session == NULL || self->editor == NULL)
    return;

  journal = gh_session_get_journal (self->session);
  waba_id = gh_assignment_editor_get_waba_id (self->editor);
  self->recorder = gh_change_recorder_new (journal, self->editor);
  gh_change_recorder_set_connection (self->recorder, gh_session_get_record_id (self->session),
                                     gh_session_get_record_label (self->session));
  gh_change_recorder_set_account_name (self->recorder,
                                       gh_session_get_waba_name (self->session, waba_id));

  g_signal_connect_object (journal, "notify::problem",
                           G_CALLBACK (_gh_people_page_update_record), self,
                           G_CONNECT_SWAPPED);
  _gh_people_page_update_record (self);
}

void
_gh_people_page_stop_recording (GhPeoplePage *self)
{
  GhJournal *journal = page_journal (self);

  if (journal != NULL)
    g_signal_handlers_disconnect_by_data (journal, self);
  g_clear_object (&self->recorder);
  if (self->record_box != NULL)
    _gh_people_page_update_record (self);
}

static void
dismiss_record_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);
  GhJournal *journal = page_journal (self);

  g_free (self->record_dismissed);
  self->record_dismissed = g_strdup (journal != NULL ? gh_journal_get_problem (journal) : NULL);
  _gh_people_page_update_record (self);
}

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *waba_id;
  GhHistoryWindow *window;

  if (self->recorder == NULL)
    return;

  waba_id = gh_assignment_editor_get_waba_id (self->editor);
  window = gh_history_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  page_journal (self), waba_id,
                                  gh_session_get_waba_name (self->session, waba_id));
  gtk_window_present (GTK_WINDOW (window));
}

void
_gh_people_page_class_init_record (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "people.history", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "people.dismiss-record", NULL,
                                   dismiss_record_action_cb);
}
