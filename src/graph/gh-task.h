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
} GhTaskFlags;

#define GH_TASK_N_KNOWN 10
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

G_END_DECLS
