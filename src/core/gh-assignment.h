/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gh-task.h"

G_BEGIN_DECLS

/* One person (or system user) in the people grid: what Meta holds, what is staged, and what
 * the last apply did to it.  Rows are changed only through the editor. */
#define GH_TYPE_ASSIGNMENT (gh_assignment_get_type ())
G_DECLARE_FINAL_TYPE (GhAssignment, gh_assignment, GH, ASSIGNMENT, GObject)

typedef enum
{
  GH_ASSIGNMENT_STATE_UNCHANGED,
  GH_ASSIGNMENT_STATE_CHANGED,     /* staged tasks differ from what Meta holds */
  GH_ASSIGNMENT_STATE_NEW,         /* added here, not on Meta yet */
  GH_ASSIGNMENT_STATE_REMOVED,     /* staged for removal */
} GhAssignmentState;

typedef enum
{
  GH_ASSIGNMENT_RESULT_NONE,
  GH_ASSIGNMENT_RESULT_QUEUED,     /* waiting in a running apply */
  GH_ASSIGNMENT_RESULT_SENDING,
  GH_ASSIGNMENT_RESULT_DONE,       /* Meta holds what was asked */
  GH_ASSIGNMENT_RESULT_DIFFERS,    /* sent, but Meta holds something else: see message */
  GH_ASSIGNMENT_RESULT_FAILED,     /* not sent or refused: see message; the edit stays */
} GhAssignmentResult;

/* Properties (all read-only, notified): "id", "name", "display-name", "is-system-user",
 * "is-own", "tasks" (guint GhTaskFlags, staged), "held-tasks" (what Meta holds), "state",
 * "result", "message", "search-key". */
const char         *gh_assignment_get_id             (GhAssignment *self);
/* As sent; may be blank or hold markup-like text: always show as plain text. */
const char         *gh_assignment_get_name           (GhAssignment *self);
/* The name stripped, or the ID when it is blank. */
const char         *gh_assignment_get_display_name   (GhAssignment *self);
gboolean            gh_assignment_get_is_system_user (GhAssignment *self);
/* TRUE for the system user whose token this connection uses. */
gboolean            gh_assignment_get_is_own         (GhAssignment *self);
/* Staged known tasks (equal to held tasks when unchanged). */
GhTaskFlags         gh_assignment_get_tasks          (GhAssignment *self);
GhTaskFlags         gh_assignment_get_held_tasks     (GhAssignment *self);
/* Tasks the app does not know, as Meta sent them; kept and sent back unchanged. */
const char * const *gh_assignment_get_unknown_tasks  (GhAssignment *self);
GhAssignmentState   gh_assignment_get_state          (GhAssignment *self);
GhAssignmentResult  gh_assignment_get_result         (GhAssignment *self);
/* A translated sentence about the last result (why it failed, what Meta holds instead),
 * or NULL. */
const char         *gh_assignment_get_message        (GhAssignment *self);
/* Lower-cased display name and ID, for search filters. */
const char         *gh_assignment_get_search_key     (GhAssignment *self);

G_END_DECLS
