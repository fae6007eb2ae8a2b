/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-access-diff.h"
#include "gh-checkup-window.h"
#include "gh-history-window.h"
#include "gh-people-page-private.h"

/* At most this many changes are named in the notice; the History view has them all. */
#define MAX_NAMED 4

/* The change record of the account shown: what the page records, what it says when the
 * record cannot be written, what changed elsewhere; and the views that look at the
 * account's access: History and the security checkup. */

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

static char *
format_since (gint64 since)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (since);

  /* Translators: when the list was last read, see strftime(3) */
  return time != NULL ? g_date_time_format (time, C_("since", "%e %b %Y, %H:%M"))
                      : g_strdup ("");
}

/* "Changed outside Gatehouse since …: Jasper Brown was added with Develop; …", and what an
 * apply cut short turned out to have done. */
static void
changes_seen_cb (GhChangeRecorder *recorder,
                 GPtrArray        *seen,
                 gint64            since,
                 GPtrArray        *settled,
                 GhPeoplePage     *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint made = 0;

  if (seen->len > 0)
    {
      g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;
      g_autofree char *when = format_since (since);

      for (guint i = 0; i < seen->len; i++)
        {
          GhJournalEntry *entry = g_ptr_array_index (seen, i);

          g_ptr_array_add (sentences,
                           gh_access_describe_change (gh_journal_entry_get_display_name (entry),
                                                      gh_journal_entry_get_tasks_before (entry),
                                                      gh_journal_entry_get_tasks_after (entry)));
        }
      joined = gh_access_join_sentences (sentences, MAX_NAMED);
      /* Translators: the first %s is a date and time, the second a list of changes */
      g_string_append_printf (text, _("Changed outside Gatehouse since %s: %s."), when,
                              joined);
    }

  if (settled->len > 0)
    {
      for (guint i = 0; i < settled->len; i++)
        if (gh_journal_entry_get_result (g_ptr_array_index (settled, i))
            == GH_JOURNAL_RESULT_DONE)
          made++;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: an apply was cut short (Gatehouse closed, the network went away);
       * reading the list again told which of its changes Meta made */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "An apply was cut short: Meta made %u of its "
                                                 "%u change.",
                                                 "An apply was cut short: Meta made %u of its "
                                                 "%u changes.", settled->len),
                              made, settled->len);
    }

  gtk_label_set_text (self->seen_label, text->str);
  gtk_widget_set_visible (self->seen_box, TRUE);
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

  g_signal_connect_object (self->recorder, "changes-seen", G_CALLBACK (changes_seen_cb), self,
                           0);
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
    {
      _gh_people_page_update_record (self);
      gtk_widget_set_visible (self->seen_box, FALSE);
    }
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
dismiss_seen_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_widget_set_visible (GH_PEOPLE_PAGE (widget)->seen_box, FALSE);
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

static void
checkup_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GhPeoplePage *self = GH_PEOPLE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name = NULL;
  GhCheckupWindow *window;

  if (self->editor == NULL)
    return;

  if (self->session != NULL)
    name = gh_session_get_waba_name (self->session,
                                     gh_assignment_editor_get_waba_id (self->editor));
  window = gh_checkup_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->editor, self->can_edit, name);
  gtk_window_present (GTK_WINDOW (window));
}

void
_gh_people_page_class_init_record (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "people.checkup", NULL, checkup_action_cb);
  gtk_widget_class_install_action (widget_class, "people.history", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "people.dismiss-record", NULL,
                                   dismiss_record_action_cb);
  gtk_widget_class_install_action (widget_class, "people.dismiss-seen", NULL,
                                   dismiss_seen_action_cb);
}
