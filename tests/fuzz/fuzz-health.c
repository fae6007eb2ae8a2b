/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-health"

#include "config.h"

#include "fuzz-common.h"
#include "gh-health.h"

/* An account's health_status, then every entity and error read as the overview reads them. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  g_autoptr(GhHealth) health = node != NULL ? gh_health_parse (node, NULL) : NULL;
  GPtrArray *entities;

  if (health == NULL)
    return 0;

  entities = gh_health_get_entities (health);
  g_assert (entities != NULL);
  for (guint i = 0; i < entities->len; i++)
    {
      GhHealthEntity *entity = g_ptr_array_index (entities, i);

      g_assert (entity->errors != NULL);
      g_assert (entity->additional_info != NULL);
      (void) gh_health_entity_is_available (entity);
    }
  (void) gh_health_find_entity (health, "WABA");
  (void) gh_health_get_can_send_message (health);

  return 0;
}
