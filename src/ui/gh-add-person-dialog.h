/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-assignment-editor.h"

G_BEGIN_DECLS

/* Chooses someone of the business (or takes a pasted user ID) and their first tasks, and
 * stages them as a new row of @editor.  Emits "person-added" (GhAssignment*) and closes. */
#define GH_TYPE_ADD_PERSON_DIALOG (gh_add_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GhAddPersonDialog, gh_add_person_dialog, GH, ADD_PERSON_DIALOG, AdwWindow)

GhAddPersonDialog *gh_add_person_dialog_new              (GtkWindow          *parent,
                                                          GhAssignmentEditor *editor);
/* The candidates listed so far (0 while loading or when they cannot be listed). */
guint              gh_add_person_dialog_get_n_candidates (GhAddPersonDialog  *self);
/* Picks the listed candidate with @user_id, as a click on its row would; FALSE when it is
 * not listed. */
gboolean           gh_add_person_dialog_select_candidate (GhAddPersonDialog  *self,
                                                          const char         *user_id);

G_END_DECLS
