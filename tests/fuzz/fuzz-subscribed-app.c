/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-subscribed-app"

#include "config.h"

#include "fuzz-common.h"
#include "gh-subscribed-app.h"

/* The subscribed_apps edge, and the search for the token's own app in it. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  g_autoptr(GPtrArray) apps = node != NULL ? gh_subscribed_app_parse_list (node, NULL) : NULL;

  if (apps == NULL)
    return 0;

  for (guint i = 0; i < apps->len; i++)
    {
      GhSubscribedApp *app = g_ptr_array_index (apps, i);

      g_assert (gh_subscribed_app_get_id (app) != NULL);
      (void) gh_subscribed_app_get_name (app);
      (void) gh_subscribed_app_get_override_callback_uri (app);
    }
  (void) gh_subscribed_app_find (apps, "1234567890");

  return 0;
}
