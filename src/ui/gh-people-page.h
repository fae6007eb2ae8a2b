/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-assignment-editor.h"
#include "gh-change-recorder.h"
#include "gh-session.h"

G_BEGIN_DECLS

/* Who is assigned to the WhatsApp Business Account with which tasks: an editable grid whose
 * edits are staged until Apply.  Has no header bar of its own; the window's holds it.
 *
 * With a "session" (construct or set before a load), every apply and undo goes into the
 * session's change record, and the History view reads it. */
#define GH_TYPE_PEOPLE_PAGE (gh_people_page_get_type ())
G_DECLARE_FINAL_TYPE (GhPeoplePage, gh_people_page, GH, PEOPLE_PAGE, AdwBin)

/* Starts reading @waba_id's assigned users.  @can_edit FALSE shows the grid read-only with
 * why (the token's system user is not an admin) and how to fix it. */
void                gh_people_page_load        (GhPeoplePage  *self,
                                                GhGraphClient *client,
                                                const char    *waba_id,
                                                const char    *business_id,
                                                const char    *own_user_id,
                                                gboolean       can_edit);
/* Reads the list again, keeping staged edits. */
/* The same, with the first page of people already read (nullable): its rows show without a
 * request of their own. */
void                gh_people_page_load_with_first_page (GhPeoplePage  *self,
                                                         GhGraphClient *client,
                                                         const char    *waba_id,
                                                         const char    *business_id,
                                                         const char    *own_user_id,
                                                         gboolean       can_edit,
                                                         JsonNode      *first_page);
void                gh_people_page_reload      (GhPeoplePage  *self);
/* Forgets the account (cancels whatever runs). */
void                gh_people_page_clear       (GhPeoplePage  *self);
/* Staged edits not applied yet, or an apply running. */
gboolean            gh_people_page_has_changes (GhPeoplePage  *self);
void                gh_people_page_discard     (GhPeoplePage  *self);
/* NULL before load. */
GhAssignmentEditor *gh_people_page_get_editor  (GhPeoplePage  *self);
GhSession          *gh_people_page_get_session (GhPeoplePage  *self);
void                gh_people_page_set_session (GhPeoplePage  *self,
                                                GhSession     *session);
/* NULL without a session or before load. */
GhChangeRecorder   *gh_people_page_get_recorder (GhPeoplePage *self);

/* Writes what Meta holds (gh_assignment_editor_to_csv) to @file, replacing it.  The
 * Export button saves through this after the file chooser. */
void                gh_people_page_save_csv_async  (GhPeoplePage        *self,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            gh_people_page_save_csv_finish (GhPeoplePage        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
