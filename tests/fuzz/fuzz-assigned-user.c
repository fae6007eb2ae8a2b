/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-assigned-user"

#include "config.h"

#include "fuzz-common.h"
#include "gh-assigned-user-private.h"
#include "gh-json-private.h"

/* One assigned user, and a page's data array of them. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  g_autoptr(GhAssignedUser) user = NULL;
  g_autoptr(GPtrArray) users = NULL;

  user = _gh_assigned_user_parse (node, NULL);
  if (user != NULL)
    {
      g_assert (gh_assigned_user_get_id (user) != NULL);
      g_assert (_gh_assigned_user_get_display_name (user) != NULL);
    }

  users = gh_assigned_user_parse_array (
    _gh_json_object_get_array (_gh_json_node_get_object (node), "data"));
  for (guint i = 0; i < users->len; i++)
    {
      GhAssignedUser *item = g_ptr_array_index (users, i);
      g_auto(GStrv) wires = gh_task_flags_to_strv (gh_assigned_user_get_tasks (item),
                                                   gh_assigned_user_get_unknown_tasks (item));

      g_assert (wires != NULL);
    }

  return 0;
}
