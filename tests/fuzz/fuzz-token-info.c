/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-token-info"

#include "config.h"

#include "fuzz-common.h"
#include "gh-token-info.h"

/* debug_token's answer, or its "data" object. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = gh_token_info_parse (node, &error);
  g_assert ((info == NULL) != (error == NULL));
  if (info != NULL)
    {
      const char * const *scopes = gh_token_info_get_scopes (info);

      g_assert (scopes != NULL);
      for (guint i = 0; scopes[i] != NULL; i++)
        gh_token_info_get_target_ids (info, scopes[i]);
      gh_token_info_has_scope (info, "whatsapp_business_management");
      gh_token_info_get_target_ids (info, "whatsapp_business_management");
      gh_token_info_get_kind (info);
      gh_token_info_get_expires_at (info);
    }

  return 0;
}
