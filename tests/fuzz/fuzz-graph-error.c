/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-graph-error"

#include "config.h"

#include "fuzz-common.h"
#include "gh-graph-error-private.h"

/* A Graph error object, as far as a person will read it: the words and the details. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  JsonObject *object = _gh_json_node_get_object (node);
  JsonObject *inner = _gh_json_object_get_object (object, "error");
  guint status = size > 0 ? 200 + data[0] * 2 : 400;
  g_autoptr(GError) error = gh_graph_error_new_from_json (inner ? inner : object, status);
  g_autoptr(GhGraphErrorText) text = gh_graph_error_describe (error);

  g_assert (error->domain == GH_GRAPH_ERROR);
  g_assert (text->summary != NULL && *text->summary != '\0');
  g_assert (text->next_step != NULL && *text->next_step != '\0');
  g_assert (text->details != NULL);
  g_assert ((text->wait == NULL) == (text->wait_minutes == 0));
  g_assert (g_utf8_validate (text->details, -1, NULL));
  _gh_graph_error_is_retryable (error);

  return 0;
}
