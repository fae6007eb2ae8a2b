/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-template"

#include "config.h"

#include "fuzz-common.h"
#include "gh-template-private.h"

/* The message_templates edge, read twice as if it were two pages. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  g_autoptr(GhTemplateSummary) summary = gh_template_summary_parse (node, NULL);

  if (summary != NULL)
    {
      _gh_template_summary_add_page (summary, node);
      g_assert (gh_template_summary_get_total (summary) >= 0);
      g_assert (gh_template_summary_get_counted (summary) >= 0);
      g_assert (gh_template_summary_get_by_status (summary) != NULL);
    }

  return 0;
}
