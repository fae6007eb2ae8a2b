/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-task"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gh-task.h"
#include "gh-task-private.h"

typedef struct
{
  const char *wire;
  const char *label;
  const char *description;
} TaskInfo;

/* Display order; the i-th entry is the flag 1 << i. */
static const TaskInfo tasks[GH_TASK_N_KNOWN] = {
  { "MANAGE", N_("Full control"),
    N_("Everything on this account, including who else has access to it.") },
  { "DEVELOP", N_("Develop"),
    N_("Connects apps and integrations to this account and manages their settings.") },
  { "MESSAGING", N_("Messaging"),
    N_("Sends and receives WhatsApp messages for this account.") },
  { "MANAGE_TEMPLATES", N_("Manage templates"),
    N_("Creates, edits and deletes message templates.") },
  { "VIEW_TEMPLATES", N_("View templates"),
    N_("Sees the message templates but cannot change them.") },
  { "MANAGE_PHONE", N_("Manage phone"),
    N_("Adds, registers and changes the phone numbers of this account.") },
  { "MANAGE_PHONE_ASSETS", N_("Manage phone assets"),
    N_("Changes phone number settings such as the profile and display name.") },
  { "VIEW_PHONE_ASSETS", N_("View phone assets"),
    N_("Sees the phone numbers and their settings but cannot change them.") },
  { "VIEW_COST", N_("View cost"),
    N_("Sees what the account’s conversations cost.") },
  { "MANAGE_EXTENSIONS", N_("Manage extensions"),
    N_("Creates and manages Flows and other extensions of this account.") },
  { "VIEW_INSIGHTS", N_("View insights"),
    N_("Sees the account’s insights: messages sent, delivered and read, and what they "
       "cost.") },
  { "MANAGE_USERS", N_("Manage people"),
    N_("Adds and removes the people and system users who have access to this account.") },
  { "MANAGE_BILLING", N_("Manage billing"),
    N_("Manages the account’s payment method and shares a line of credit with it.") },
};

static int
task_index (GhTaskFlags task)
{
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (task == (GhTaskFlags) (1u << i))
      return (int) i;

  return -1;
}

GhTaskFlags
gh_task_from_index (guint index)
{
  if (index >= GH_TASK_N_KNOWN)
    return GH_TASK_NONE;

  return (GhTaskFlags) (1u << index);
}

GhTaskFlags
gh_task_from_string (const char *wire)
{
  if (wire == NULL)
    return GH_TASK_NONE;

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (strcmp (wire, tasks[i].wire) == 0)
      return (GhTaskFlags) (1u << i);

  return GH_TASK_NONE;
}

const char *
_gh_task_to_string (GhTaskFlags task)
{
  int i = task_index (task);

  return i < 0 ? NULL : tasks[i].wire;
}

const char *
gh_task_get_label (GhTaskFlags task)
{
  int i = task_index (task);

  return i < 0 ? NULL : _(tasks[i].label);
}

const char *
gh_task_get_description (GhTaskFlags task)
{
  int i = task_index (task);

  return i < 0 ? NULL : _(tasks[i].description);
}

static gboolean
ptr_array_has_string (GPtrArray  *seen,
                       const char *wire)
{
  for (guint i = 0; i < seen->len; i++)
    if (strcmp (g_ptr_array_index (seen, i), wire) == 0)
      return TRUE;

  return FALSE;
}

GhTaskFlags
gh_task_flags_from_strv (const char * const *strv,
                         GStrv              *unknown)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_free);
  GhTaskFlags flags = GH_TASK_NONE;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      GhTaskFlags task = gh_task_from_string (strv[i]);

      if (task != GH_TASK_NONE)
        flags |= task;
      else if (strv[i][0] != '\0' && !ptr_array_has_string (rest, strv[i]))
        g_ptr_array_add (rest, g_strdup (strv[i]));
    }

  if (unknown != NULL)
    {
      g_ptr_array_add (rest, NULL);
      *unknown = (GStrv) g_ptr_array_free (g_steal_pointer (&rest), FALSE);
    }

  return flags;
}

GStrv
gh_task_flags_to_strv (GhTaskFlags         flags,
                       const char * const *unknown)
{
  g_autoptr(GPtrArray) wires = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (flags & (1u << i))
      g_ptr_array_add (wires, g_strdup (tasks[i].wire));

  /* Unknown ones go back exactly as Meta sent them, but never twice. */
  for (guint i = 0; unknown != NULL && unknown[i] != NULL; i++)
    if (unknown[i][0] != '\0'
        && gh_task_from_string (unknown[i]) == GH_TASK_NONE
        && !ptr_array_has_string (wires, unknown[i]))
      g_ptr_array_add (wires, g_strdup (unknown[i]));

  g_ptr_array_add (wires, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&wires), FALSE);
}

char *
gh_task_flags_to_json (GhTaskFlags         flags,
                       const char * const *unknown)
{
  g_auto(GStrv) wires = gh_task_flags_to_strv (flags, unknown);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; wires[i] != NULL; i++)
    json_builder_add_string_value (builder, wires[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* Groups */

typedef struct
{
  const char *wire;
  const char *short_label;   /* within the group; NULL for a group of one */
} GroupTask;

typedef struct
{
  const char *label;
  GroupTask   tasks[GH_TASK_GROUP_MAX_TASKS];
} GroupInfo;

/* The short labels' context; xgettext needs it written out in the table below. */
#define SHORT_LABEL_CONTEXT "task within its group"

/* Tasks are named by their wire names: a task Meta has that Gatehouse does not know yet finds
 * its group once it is added to the table of known tasks. */
static const GroupInfo groups[GH_TASK_N_GROUPS] = {
  { N_("Full control"), { { "MANAGE", NULL } } },
  { N_("Messaging"), { { "MESSAGING", NULL } } },
  { N_("Templates"),
    { { "MANAGE_TEMPLATES", NC_ ("task within its group", "manage") },
      { "VIEW_TEMPLATES", NC_ ("task within its group", "view") } } },
  { N_("Phone numbers"),
    { { "MANAGE_PHONE", NC_ ("task within its group", "manage") },
      { "VIEW_PHONE_ASSETS", NC_ ("task within its group", "view") },
      /* Translators: the profile and settings of the phone numbers */
      { "MANAGE_PHONE_ASSETS", NC_ ("task within its group", "assets") } } },
  { N_("Cost and billing"),
    { { "VIEW_COST", NC_ ("task within its group", "view") },
      { "MANAGE_BILLING", NC_ ("task within its group", "manage") } } },
  { N_("Insights"), { { "VIEW_INSIGHTS", NULL } } },
  { N_("Apps and development"),
    { { "DEVELOP", NC_ ("task within its group", "develop") },
      { "MANAGE_EXTENSIONS", NC_ ("task within its group", "extensions") } } },
  { N_("Users"), { { "MANAGE_USERS", NULL } } },
};

static const GroupTask *
group_task_of (GhTaskFlags  task,
               GhTaskGroup *group)
{
  const char *wire = _gh_task_to_string (task);

  for (guint g = 0; wire != NULL && g < GH_TASK_N_GROUPS; g++)
    for (guint i = 0; i < GH_TASK_GROUP_MAX_TASKS && groups[g].tasks[i].wire != NULL; i++)
      if (strcmp (groups[g].tasks[i].wire, wire) == 0)
        {
          if (group != NULL)
            *group = g;
          return &groups[g].tasks[i];
        }

  return NULL;
}

const char *
gh_task_group_get_label (GhTaskGroup group)
{
  g_return_val_if_fail (group < GH_TASK_N_GROUPS, NULL);

  return _(groups[group].label);
}

guint
gh_task_group_get_tasks (GhTaskGroup group,
                         GhTaskFlags members[GH_TASK_GROUP_MAX_TASKS])
{
  guint n = 0;

  g_return_val_if_fail (group < GH_TASK_N_GROUPS, 0);

  for (guint i = 0; i < GH_TASK_GROUP_MAX_TASKS && groups[group].tasks[i].wire != NULL; i++)
    {
      GhTaskFlags task = gh_task_from_string (groups[group].tasks[i].wire);

      if (task != GH_TASK_NONE)
        members[n++] = task;
    }

  return n;
}

GhTaskGroup
gh_task_get_group (GhTaskFlags task)
{
  GhTaskGroup group = GH_TASK_N_GROUPS;

  group_task_of (task, &group);
  return group;
}

const char *
gh_task_get_short_label (GhTaskFlags task)
{
  const GroupTask *entry = group_task_of (task, NULL);

  if (entry == NULL || entry->short_label == NULL)
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, SHORT_LABEL_CONTEXT, entry->short_label);
}
