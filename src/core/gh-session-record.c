/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-session"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-session-private.h"

/* The change record every window writes to, and how the open connection is named in it. */

GhJournal *
gh_session_get_journal (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  if (self->journal == NULL)
    {
      g_autofree char *path = gh_journal_dup_default_path ();

      self->journal = gh_journal_new (path);
    }

  return self->journal;
}

const char *
gh_session_get_record_id (GhSession *self)
{
  GhSavedConnection *saved;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  saved = self->connection != NULL ? gh_connection_get_saved (self->connection) : NULL;
  if (self->origin != GH_SESSION_ORIGIN_SAVED || saved == NULL)
    return NULL;

  return gh_saved_connection_get_id (saved);
}

const char *
gh_session_get_record_label (GhSession *self)
{
  GhSavedConnection *saved;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  saved = self->connection != NULL ? gh_connection_get_saved (self->connection) : NULL;
  if (saved != NULL && gh_saved_connection_get_label (saved) != NULL)
    return gh_saved_connection_get_label (saved);

  return self->origin == GH_SESSION_ORIGIN_DEMO ? _("Demo") : _("Connection not saved");
}

const char *
gh_session_get_waba_name (GhSession  *self,
                          const char *waba_id)
{
  GhCheckReport *report;
  GPtrArray *wabas;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  report = self->connection != NULL ? gh_connection_get_report (self->connection) : NULL;
  wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;
  for (guint i = 0; waba_id != NULL && wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);

      if (g_strcmp0 (gh_check_waba_get_id (check_waba), waba_id) == 0
          && gh_check_waba_get_waba (check_waba) != NULL)
        return gh_waba_get_name (gh_check_waba_get_waba (check_waba));
    }

  return NULL;
}
