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
