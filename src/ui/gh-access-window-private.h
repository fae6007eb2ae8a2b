/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-access-window.h"

G_BEGIN_DECLS

/* Shared by the window's files: gh-access-window.c (loading, the overview grid) and
 * gh-access-window-review.c (the review, its staging, applying and report). */
struct _GhAccessWindow
{
  AdwWindow             parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *notes_label;
  AdwViewStack         *view_stack;
  GtkSearchEntry       *search_entry;
  GtkLabel             *count_label;
  GtkColumnView        *column_view;
  GtkLabel             *progress_label;
  AdwPreferencesGroup  *person_group;
  AdwComboRow          *keep_row;
  GtkLabel             *tally_label;

  GhSession            *session;
  GhAssignmentEditor   *shown_editor;
  GhAccessOverview     *overview;
  GhAccessReview       *review;
  GtkFilterListModel   *filtered;
  char                 *search;
  gboolean              setting_text;
  gboolean              loading;
  gboolean              busy;
  guint                 position;
  GPtrArray            *person_rows;   /* rows shown in person_group */
  GCancellable         *cancellable;
};

/* gh-access-window-review.c */
void _gh_access_window_class_init_review (GtkWidgetClass *widget_class);
/* A new review of what was just read, at its first person. */
void _gh_access_window_start_review      (GhAccessWindow *self);
void _gh_access_window_update_review     (GhAccessWindow *self);

G_END_DECLS
