/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-batch-answer"

#include "config.h"

#include "fuzz-common.h"
#include "gh-graph-client-private.h"

/* A batch answer: an array of items whose bodies are JSON inside JSON strings.  The first
 * byte says how many requests it answers for. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint n_requests;

  if (size < 1)
    return 0;

  n_requests = data[0] % (GH_GRAPH_MAX_BATCH + 1);
  node = fuzz_parse (data + 1, size - 1);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;

  results = _gh_graph_batch_parse_answer (json_node_get_array (node), n_requests);
  g_assert (results->len == n_requests);
  for (guint i = 0; i < results->len; i++)
    {
      GhGraphBatchResult *result = g_ptr_array_index (results, i);

      /* Exactly one of body and error, and a body is always an object. */
      g_assert ((result->body == NULL) != (result->error == NULL));
      g_assert (result->body == NULL || JSON_NODE_HOLDS_OBJECT (result->body));
      g_assert (result->code < 1000);
    }

  return 0;
}
