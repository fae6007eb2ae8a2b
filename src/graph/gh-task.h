/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tasks a person or system user can hold on a WhatsApp Business Account.  Tasks the app
 * does not know are carried separately as strings and sent back unchanged. */
typedef enum
{
  GH_TASK_NONE                = 0,
  GH_TASK_MANAGE              = 1 << 0,
  GH_TASK_DEVELOP             = 1 << 1,
  GH_TASK_MESSAGING           = 1 << 2,
  GH_TASK_MANAGE_TEMPLATES    = 1 << 3,
  GH_TASK_VIEW_TEMPLATES      = 1 << 4,
  GH_TASK_MANAGE_PHONE        = 1 << 5,
  GH_TASK_MANAGE_PHONE_ASSETS = 1 << 6,
  GH_TASK_VIEW_PHONE_ASSETS   = 1 << 7,
  GH_TASK_VIEW_COST           = 1 << 8,
  GH_TASK_MANAGE_EXTENSIONS   = 1 << 9,
  /* Listed on Meta's "Manage system users" page in 2026. */
  GH_TASK_VIEW_INSIGHTS       = 1 << 10,
  GH_TASK_MANAGE_USERS        = 1 << 11,
  GH_TASK_MANAGE_BILLING      = 1 << 12,
} GhTaskFlags;

#define GH_TASK_N_KNOWN 13
#define GH_TASK_ALL_KNOWN ((GhTaskFlags) ((1 << GH_TASK_N_KNOWN) - 1))

/* "Full control" as Business Suite grants it, and the usual partial access. */
#define GH_TASK_PRESET_FULL_CONTROL (GH_TASK_MANAGE)
#define GH_TASK_PRESET_PARTIAL (GH_TASK_DEVELOP | GH_TASK_MESSAGING | GH_TASK_VIEW_TEMPLATES | \
                                GH_TASK_VIEW_PHONE_ASSETS)

/* Known tasks in display order: the i-th is 1 << i. */
GhTaskFlags  gh_task_from_index       (guint        index);
/* "MANAGE" → GH_TASK_MANAGE; unknown → GH_TASK_NONE.  Case-sensitive, as Meta sends them. */
GhTaskFlags  gh_task_from_string      (const char  *wire);
/* One flag → translated short label ("Full control") / one-sentence tooltip. */
const char  *gh_task_get_label        (GhTaskFlags  task);
const char  *gh_task_get_description  (GhTaskFlags  task);

/* Splits wire strings into known flags and the rest (kept in order, duplicates dropped).
 * @unknown may be NULL. */
GhTaskFlags  gh_task_flags_from_strv  (const char * const *strv,
                                       GStrv              *unknown);
/* Known flags in display order followed by @unknown, as wire strings. */
GStrv        gh_task_flags_to_strv    (GhTaskFlags         flags,
                                       const char * const *unknown);
/* The JSON array text Meta expects for tasks=: ["MANAGE","DEVELOP"]. */
char        *gh_task_flags_to_json    (GhTaskFlags         flags,
                                       const char * const *unknown);

/* The tasks as a person thinks of them, in the order shown: each known task belongs to one
 * group, and a group may hold several tasks ("Templates": manage, view).  A group none of
 * whose tasks is known yet holds none and is not shown. */
typedef enum
{
  GH_TASK_GROUP_FULL_CONTROL,
  GH_TASK_GROUP_MESSAGING,
  GH_TASK_GROUP_TEMPLATES,
  GH_TASK_GROUP_PHONE,
  GH_TASK_GROUP_COST,
  GH_TASK_GROUP_INSIGHTS,
  GH_TASK_GROUP_APPS,
  GH_TASK_GROUP_USERS,
} GhTaskGroup;

#define GH_TASK_N_GROUPS 8
#define GH_TASK_GROUP_MAX_TASKS 3

/* Translated group name: "Phone numbers". */
const char  *gh_task_group_get_label  (GhTaskGroup  group);
/* The known tasks of @group into @members, in the order shown; returns how many. */
guint        gh_task_group_get_tasks  (GhTaskGroup  group,
                                       GhTaskFlags  members[GH_TASK_GROUP_MAX_TASKS]);
/* The group of one known task; GH_TASK_N_GROUPS for anything else. */
GhTaskGroup  gh_task_get_group        (GhTaskFlags  task);
/* A task's name within its group ("view" in "Templates"), translated; NULL when it is the
 * only task its group can hold. */
const char  *gh_task_get_short_label  (GhTaskFlags  task);

G_END_DECLS
