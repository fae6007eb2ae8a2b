/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-server-private.h"

/* Batch requests: POST / with batch=[...].  Each item is an operation of its own, answered
 * in order as {code, headers, body}; a named item's answer feeds later items through
 * {result=name:$.path} references, and is itself left out unless asked for.  An error
 * injected with HTTP status 504 stands for an operation that timed out: its answer is null. */

#define MAX_BATCH 50

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
header_new (const char *name,
            const char *value)
{
  JsonObject *header = json_object_new ();

  json_object_set_string_member (header, "name", name);
  json_object_set_string_member (header, "value", value);

  return header;
}

/* Appends the values @expression picks in @body, joined by commas. */
static gboolean
append_reference (GString    *out,
                  JsonNode   *body,
                  const char *expression)
{
  g_autoptr(JsonPath) path = json_path_new ();
  g_autoptr(JsonNode) matches = NULL;
  g_autoptr(GString) translated = g_string_new (NULL);
  JsonArray *array;

  /* Meta writes $.data.*.id for every element; json-glib wants $.data[*].id. */
  for (const char *c = expression; *c != '\0'; c++)
    {
      if (c[0] == '.' && c[1] == '*' && c != expression && c[-1] != '.')
        {
          g_string_append (translated, "[*]");
          c++;
        }
      else
        g_string_append_c (translated, *c);
    }

  if (body == NULL || !json_path_compile (path, translated->str, NULL))
    return FALSE;

  matches = json_path_match (path, body);
  if (matches == NULL || !JSON_NODE_HOLDS_ARRAY (matches))
    return FALSE;

  array = json_node_get_array (matches);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *match = json_array_get_element (array, i);
      GType type = JSON_NODE_HOLDS_VALUE (match) ? json_node_get_value_type (match) : 0;

      if (i > 0)
        g_string_append_c (out, ',');
      if (type == G_TYPE_STRING)
        g_string_append (out, json_node_get_string (match));
      else if (type == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (match));
      else
        return FALSE;
    }

  return TRUE;
}

/* Meta's batch dependencies: "{result=name:$.data.*.id}" becomes the values of that
 * JSONPath in the answer of the earlier operation called name.  NULL when it cannot. */
static char *
resolve_references (const char *text,
                    GHashTable *results)
{
  g_autoptr(GString) out = NULL;
  const char *start;

  if (text == NULL || strstr (text, "{result=") == NULL)
    return g_strdup (text);

  out = g_string_new (NULL);
  while ((start = strstr (text, "{result=")) != NULL)
    {
      const char *name = start + strlen ("{result=");
      const char *end = strchr (name, '}');
      const char *colon = end ? memchr (name, ':', end - name) : NULL;
      g_autofree char *key = NULL;
      g_autofree char *expression = NULL;

      if (colon == NULL)
        return NULL;

      key = g_strndup (name, colon - name);
      expression = g_strndup (colon + 1, end - colon - 1);
      g_string_append_len (out, text, start - text);
      if (!append_reference (out, g_hash_table_lookup (results, key), expression))
        return NULL;
      text = end + 1;
    }
  g_string_append (out, text);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
resolve_params (GHashTable *params,
                GHashTable *results)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      char *resolved = resolve_references (value, results);

      if (resolved == NULL)
        return FALSE;
      g_hash_table_iter_replace (&iter, resolved);
    }

  return TRUE;
}

static JsonObject *
run_batch_item (GhDemoOp   *batch,
                JsonNode   *node,
                GHashTable *results,
                gboolean    include_headers)
{
  g_autoptr(GHashTable) params = _gh_demo_params_new ();
  g_autofree char *method = NULL;
  g_autofree char *path = NULL;
  g_autofree char *version = NULL;
  g_autofree char *body_text = NULL;
  JsonObject *answer = json_object_new ();
  GhDemoOp op = {
    .self = batch->self, .method = "GET", .version = batch->version, .path = "",
    .params = params, .token = batch->token, .profile = batch->profile,
  };

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _gh_demo_op_count (&op);
      _gh_demo_op_fail (&op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                        "(#100) Each batch operation must be a JSON object");
    }
  else
    {
      JsonObject *item = json_node_get_object (node);
      const char *url = member_string (item, "relative_url");
      const char *query;
      const char *name;

      method = g_ascii_strup (member_string (item, "method") ?: "GET", -1);
      op.method = method;

      if (url == NULL)
        {
          _gh_demo_op_count (&op);
          _gh_demo_op_fail (&op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) The parameter relative_url is required");
        }
      else
        {
          g_autofree char *resolved = resolve_references (url, results);
          g_autofree char *body = resolve_references (member_string (item, "body"), results);
          /* An operation that cannot be resolved still has a path, for the write log. */
          const char *target = resolved != NULL ? resolved : url;
          g_autofree char *raw_path = NULL;

          query = strchr (target, '?');
          raw_path = query ? g_strndup (target, query - target) : g_strdup (target);
          path = _gh_demo_split_path (raw_path, &version);
          op.path = path;
          if (resolved != NULL)
            {
              if (query != NULL)
                _gh_demo_merge_form (params, query + 1);
              _gh_demo_merge_form (params, body);
            }

          if (resolved == NULL || (member_string (item, "body") != NULL && body == NULL)
              || !resolve_params (params, results))
            {
              _gh_demo_op_count (&op);
              _gh_demo_op_fail (&op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                                "(#100) A {result=} reference of this operation could not be "
                                "resolved");
            }
          else
            {
              if (g_hash_table_contains (params, "access_token"))
                batch->self->token_in_url_count++;
              _gh_demo_op_dispatch (&op);

              name = member_string (item, "name");
              if (name != NULL && op.status == SOUP_STATUS_OK)
                g_hash_table_replace (results, g_strdup (name), json_node_ref (op.body));
            }
        }
    }

  json_object_set_int_member (answer, "code", op.status);
  if (include_headers)
    {
      JsonArray *headers = json_array_new ();

      json_array_add_object_element (headers,
                                     header_new ("Content-Type",
                                                 "application/json; charset=UTF-8"));
      json_array_add_object_element (headers,
                                     header_new ("facebook-api-version",
                                                 op.version ?: GH_DEMO_DEFAULT_VERSION));
      if (op.usage != NULL)
        json_array_add_object_element (headers,
                                       header_new ("X-Business-Use-Case-Usage", op.usage));
      json_object_set_array_member (answer, "headers", headers);
    }
  body_text = json_to_string (op.body, FALSE);
  json_object_set_string_member (answer, "body", body_text);

  /* The outer answer carries the latest usage, as Meta's does. */
  if (op.usage != NULL)
    {
      g_free (batch->usage);
      batch->usage = g_steal_pointer (&op.usage);
    }
  _gh_demo_op_clear (&op);

  return answer;
}

/* Like Meta, the answer of a named operation that succeeded and that a later operation
 * depends on is left out (null) unless the operation says "omit_response_on_success": false.
 * Each operation is answered before the next runs, so the later ones are read as sent. */
static gboolean
answer_omitted (JsonArray  *items,
                guint       index,
                JsonObject *answer)
{
  JsonNode *node = json_array_get_element (items, index);
  JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *omit = item != NULL ? json_object_get_member (item, "omit_response_on_success")
                                : NULL;
  const char *name = item != NULL ? member_string (item, "name") : NULL;
  g_autofree char *reference = NULL;

  if (name == NULL || json_object_get_int_member (answer, "code") != SOUP_STATUS_OK)
    return FALSE;
  if (omit != NULL && JSON_NODE_HOLDS_VALUE (omit)
      && json_node_get_value_type (omit) == G_TYPE_BOOLEAN && !json_node_get_boolean (omit))
    return FALSE;

  reference = g_strdup_printf ("{result=%s:", name);
  for (guint i = index + 1; i < json_array_get_length (items); i++)
    {
      JsonNode *later = json_array_get_element (items, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (later) ? json_node_get_object (later) : NULL;
      const char *url = object != NULL ? member_string (object, "relative_url") : NULL;
      const char *body = object != NULL ? member_string (object, "body") : NULL;

      if ((url != NULL && strstr (url, reference) != NULL)
          || (body != NULL && strstr (body, reference) != NULL))
        return TRUE;
    }

  return FALSE;
}

void
_gh_demo_op_run_batch (GhDemoOp   *op,
                       const char *text,
                       gboolean    include_headers)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) results = NULL;
  JsonNode *root;
  JsonArray *items;
  JsonArray *answers;
  guint n;

  if (op->profile == NULL)
    {
      _gh_demo_op_fail_invalid_token (op);
      return;
    }

  if (!json_parser_load_from_data (parser, text, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_ARRAY (root))
    {
      _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                        "(#100) The parameter batch must be a JSON array");
      return;
    }

  items = json_node_get_array (root);
  n = json_array_get_length (items);
  if (n == 0)
    {
      _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                        "(#100) The parameter batch must be a non-empty JSON array");
      return;
    }
  if (n > MAX_BATCH)
    {
      _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                        "(#100) Too many requests in batch message. Maximum batch size is %d",
                        MAX_BATCH);
      return;
    }

  results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) json_node_unref);
  answers = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      JsonObject *answer = run_batch_item (op, item, results, include_headers);

      /* An operation that timed out (gh_demo_server_set_error with HTTP status 504):
       * Meta answers such an operation of a batch with null. */
      if (json_object_get_int_member (answer, "code") == SOUP_STATUS_GATEWAY_TIMEOUT ||
          answer_omitted (items, i, answer))
        {
          json_array_add_null_element (answers);
          json_object_unref (answer);
        }
      else
        json_array_add_object_element (answers, answer);
    }

  g_clear_pointer (&op->body, json_node_unref);
  op->status = SOUP_STATUS_OK;
  op->body = json_node_init_array (json_node_alloc (), answers);
  json_array_unref (answers);
}
