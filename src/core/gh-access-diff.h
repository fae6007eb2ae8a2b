/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who held which tasks on an account at one load, and what changed between two loads.
 * Pure: no I/O.  Tasks are the change record's words (gh_journal_tasks_to_text): Meta's
 * wire names separated by spaces; NULL where a holder stands for someone no longer
 * listed. */
typedef struct
{
  char     *id;
  char     *name;
  gboolean  is_system_user;
  char     *tasks;
} GhAccessHolder;

GhAccessHolder *gh_access_holder_new   (const char           *id,
                                        const char           *name,
                                        gboolean              is_system_user,
                                        const char           *tasks);
GhAccessHolder *gh_access_holder_copy  (const GhAccessHolder *holder);
void            gh_access_holder_free  (GhAccessHolder       *holder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhAccessHolder, gh_access_holder_free)

/* One person whose access differs: @tasks_before NULL when they were added, @tasks_after
 * NULL when they were removed. */
typedef struct
{
  char     *id;
  char     *name;
  gboolean  is_system_user;
  char     *tasks_before;
  char     *tasks_after;
} GhAccessChange;

void            gh_access_change_free  (GhAccessChange       *change);

/* @before and @after: GhAccessHolder*, one per person.  The changes in @after's order,
 * then the people removed in @before's order.  A change of name alone is no change. */
GPtrArray      *gh_access_diff         (GPtrArray            *before,
                                        GPtrArray            *after);

/* One translated sentence about one person: "Jasper Brown was added with Develop",
 * "Anna Flex no longer has Full control", "Sam now also has Messaging". */
char           *gh_access_describe_change (const char        *name,
                                           const char        *tasks_before,
                                           const char        *tasks_after);
/* @sentences joined for a banner, the first @max_shown of them and how many more. */
char           *gh_access_join_sentences  (GPtrArray         *sentences,
                                           guint              max_shown);

G_END_DECLS
