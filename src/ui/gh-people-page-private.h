/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-change-recorder.h"
#include "gh-people-grid.h"
#include "gh-people-page.h"
#include "gh-session.h"

G_BEGIN_DECLS

/* Who may use the WhatsApp Business Account.  Every edit goes through the
 * GhAssignmentEditor, which stages it; the page shows the editor's rows (in its GhPeopleGrid)
 * and state, and starts what the person asks for. */
struct _GhPeoplePage
{
  AdwBin              parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkWidget          *readonly_box;
  GtkSearchEntry     *search_entry;
  GtkLabel           *counts_label;
  GtkWidget          *add_button;
  GtkWidget          *compact_add_button;
  GtkWidget          *more_button;
  GtkWidget          *loading_box;
  GtkLabel           *loading_label;
  GtkProgressBar     *loading_bar;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkWidget          *details_expander;
  GtkWidget          *help_button;
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

  /* The change record (gh-people-page-record.c): written only with a session. */
  GhSession          *session;
  GhChangeRecorder   *recorder;
  GtkWidget          *record_box;
  GtkLabel           *record_label;
  char               *record_dismissed;
  GtkWidget          *seen_box;
  GtkLabel           *seen_label;
};

/* gh-people-page.c */
void _gh_people_page_update_status      (GhPeoplePage    *self);
void _gh_people_page_show_toast         (GhPeoplePage    *self,
                                         const char      *title);
/* NULL hides the failure notice. */
void _gh_people_page_show_failure       (GhPeoplePage    *self,
                                         const char      *text);

/* gh-people-page-actions.c: the people.* actions, apply, undo and export. */
void _gh_people_page_class_init_actions (GtkWidgetClass *widget_class);

/* gh-people-page-record.c: the change record of the account shown, and the views that read
 * it. */
void _gh_people_page_class_init_record  (GtkWidgetClass *widget_class);
/* Starts recording what the editor does (nothing without a session). */
void _gh_people_page_start_recording    (GhPeoplePage   *self);
void _gh_people_page_stop_recording     (GhPeoplePage   *self);
void _gh_people_page_update_record      (GhPeoplePage   *self);

G_END_DECLS
