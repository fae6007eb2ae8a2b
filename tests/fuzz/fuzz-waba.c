/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-waba"

#include "config.h"

#include "fuzz-common.h"
#include "gh-waba.h"

/* A WABA with its expanded edges, and a list of WABAs. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GPtrArray) list = NULL;

  waba = gh_waba_parse (node, NULL);
  if (waba != NULL)
    {
      GPtrArray *issues = gh_waba_get_health_issues (waba);
      GPtrArray *numbers = gh_waba_get_phone_numbers (waba);

      g_assert (gh_waba_get_id (waba) != NULL);
      g_assert (issues != NULL && numbers != NULL);
      for (guint i = 0; i < numbers->len; i++)
        g_assert (gh_phone_number_get_id (g_ptr_array_index (numbers, i)) != NULL);
      if (gh_waba_get_templates (waba) != NULL)
        gh_template_summary_get_total (gh_waba_get_templates (waba));
    }

  list = gh_waba_parse_list (node, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    g_assert (gh_waba_get_id (g_ptr_array_index (list, i)) != NULL);

  return 0;
}
