/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-assigned-user.h"
#include "gh-assignment.h"

G_BEGIN_DECLS

/* Kept small on purpose: a WABA of a large company lists 10,000 of these.  Most rows have no
 * unknown tasks and no message, so both stay NULL.  Only the editor's files change a row. */
struct _GhAssignment
{
  GObject      parent_instance;

  char        *id;
  char        *name;
  char        *display_name;
  char        *search_key;
  char        *message;
  GStrv        unknown_tasks;

  GhTaskFlags  tasks;
  GhTaskFlags  held_tasks;
  guint        load_serial;   /* the load that last placed this row in the model */

  guint        state : 3;
  guint        result : 3;
  guint        is_system_user : 1;
  guint        is_own : 1;
  guint        is_new : 1;
  guint        removed : 1;
};

typedef enum
{
  GH_ASSIGNMENT_PROP_0,
  GH_ASSIGNMENT_PROP_ID,
  GH_ASSIGNMENT_PROP_NAME,
  GH_ASSIGNMENT_PROP_DISPLAY_NAME,
  GH_ASSIGNMENT_PROP_IS_SYSTEM_USER,
  GH_ASSIGNMENT_PROP_IS_OWN,
  GH_ASSIGNMENT_PROP_TASKS,
  GH_ASSIGNMENT_PROP_HELD_TASKS,
  GH_ASSIGNMENT_PROP_STATE,
  GH_ASSIGNMENT_PROP_RESULT,
  GH_ASSIGNMENT_PROP_MESSAGE,
  GH_ASSIGNMENT_PROP_SEARCH_KEY,
  GH_ASSIGNMENT_N_PROPS
} GhAssignmentProp;

/* Unknown tasks travel as NULL-terminated arrays that may themselves be NULL. */
gboolean           _gh_strv_is_empty              (const char * const *strv);
/* As sets: Meta may send them back in another order. */
gboolean           _gh_strv_same_set              (const char * const *a,
                                                   const char * const *b);
GStrv              _gh_strv_dup_or_null           (const char * const *strv);

GhAssignment      *_gh_assignment_new             (const char         *id,
                                                   const char         *name,
                                                   gboolean            is_system_user,
                                                   const char         *own_user_id);
/* An UNCHANGED row holding what Meta listed for @user. */
GhAssignment      *_gh_assignment_new_from_user   (GhAssignedUser     *user,
                                                   const char         *own_user_id);
void               _gh_assignment_notify          (GhAssignment       *self,
                                                   GhAssignmentProp    prop);
void               _gh_assignment_set_name        (GhAssignment       *self,
                                                   const char         *name);
void               _gh_assignment_set_tasks       (GhAssignment       *self,
                                                   GhTaskFlags         tasks);
void               _gh_assignment_set_held        (GhAssignment       *self,
                                                   GhTaskFlags         held_tasks,
                                                   const char * const *unknown);
void               _gh_assignment_set_result      (GhAssignment       *self,
                                                   GhAssignmentResult  result,
                                                   const char         *message);
/* The state its fields call for; the editor stores it and keeps count. */
GhAssignmentState  _gh_assignment_compute_state   (GhAssignment       *self);
gboolean           _gh_assignment_stages_full_control (GhAssignment   *self);

G_END_DECLS
