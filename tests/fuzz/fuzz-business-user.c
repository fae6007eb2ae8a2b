/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-business-user"

#include "config.h"

#include "fuzz-common.h"
#include "gh-business-user-private.h"

/* One business or system user, and their lists. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);

  for (int is_system_user = 0; is_system_user < 2; is_system_user++)
    {
      g_autoptr(GhBusinessUser) user = gh_business_user_parse (node, is_system_user, NULL);
      g_autoptr(GPtrArray) list = gh_business_user_parse_list (node, is_system_user, NULL);

      if (user != NULL)
        g_assert (gh_business_user_get_display_name (user) != NULL);
      for (guint i = 0; list != NULL && i < list->len; i++)
        g_assert (gh_business_user_get_display_name (g_ptr_array_index (list, i)) != NULL);
    }

  return 0;
}
