/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-server-private.h"

/* Turning demo data into Graph answers: the members fields= asks for, expanded edges, and
 * lists with cursor paging, paging links and summaries. */

#define DEFAULT_LIMIT   25
#define MAX_LIMIT       100
#define CURSOR_PREFIX   "AQHRdemo:"

/* WhatsApp Business Account fields Meta documents.  Like Meta, the demo leaves out one that
 * has no value for this account (on_behalf_of_business_info of an account the business runs
 * itself) instead of failing. */
static const char * const waba_fields[] = {
  "id", "name", "currency", "timezone_id", "message_template_namespace",
  "account_review_status", "business_verification_status", "country", "ownership_type",
  "primary_business_location", "owner_business_info", "on_behalf_of_business_info",
  "health_status", "whatsapp_business_manager_messaging_limit", "creation_time", "status",
  NULL
};

/* A subscription carries override_callback_uri only when one was set. */
static const char * const subscribed_app_fields[] = { "override_callback_uri", NULL };

const GhDemoNodeKind _gh_demo_waba_kind = {
  "WhatsAppBusinessAccount", "id,name", TRUE, waba_fields
};
const GhDemoNodeKind _gh_demo_assigned_waba_kind = {
  "WhatsAppBusinessAccount", "id,name,tasks", FALSE, NULL
};
const GhDemoNodeKind _gh_demo_user_kind = { "User", "id,name", FALSE, NULL };
const GhDemoNodeKind _gh_demo_business_kind = { "Business", "id,name", FALSE, NULL };
const GhDemoNodeKind _gh_demo_phone_kind = {
  "WhatsAppBusinessPhoneNumber",
  "verified_name,code_verification_status,display_phone_number,quality_rating,platform_type,"
  "throughput,id",
  FALSE, NULL
};
const GhDemoNodeKind _gh_demo_template_kind = {
  "WhatsAppMessageTemplate", "name,parameter_format,components,language,status,category,id",
  FALSE, NULL
};
const GhDemoNodeKind _gh_demo_assigned_user_kind = {
  "AssignedUser", "id,name,tasks,user_type", FALSE, NULL
};
const GhDemoNodeKind _gh_demo_system_user_kind = { "SystemUser", "id,name,role", FALSE, NULL };
const GhDemoNodeKind _gh_demo_business_user_kind = {
  "BusinessUser", "id,name,email,role,first_name,last_name", FALSE, NULL
};
const GhDemoNodeKind _gh_demo_subscribed_app_kind = {
  "Application", "whatsapp_business_api_data,override_callback_uri", FALSE,
  subscribed_app_fields
};

static void
object_take_string (JsonObject *object,
                    const char *key,
                    char       *value)
{
  json_object_set_string_member (object, key, value);
  g_free (value);
}

static JsonNode *
node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

/* Cursors are opaque to clients; here they hold the index of the item. */

static char *
cursor_encode (guint index)
{
  g_autofree char *raw = g_strdup_printf (CURSOR_PREFIX "%u", index);

  return g_base64_encode ((const guchar *) raw, strlen (raw));
}

static gboolean
cursor_decode (const char *cursor,
               guint      *index)
{
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  guint64 value;

  if (cursor == NULL || *cursor == '\0')
    return FALSE;

  raw = g_base64_decode (cursor, &len);
  text = g_strndup ((const char *) raw, len);
  if (!g_str_has_prefix (text, CURSOR_PREFIX))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text + strlen (CURSOR_PREFIX), 10, 0, G_MAXUINT, &value,
                                   NULL))
    return FALSE;

  *index = (guint) value;
  return TRUE;
}

static void
append_param (GString    *url,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  if (url->str[url->len - 1] != '?')
    g_string_append_c (url, '&');
  g_string_append_printf (url, "%s=%s", key, escaped);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Like Meta, the link repeats the request's parameters and the token: clients must not
 * follow it blindly nor log it. */
static char *
page_link (GhDemoOp        *op,
           const char      *edge_path,
           GhDemoListQuery *query,
           guint            limit,
           const char      *cursor_key,
           const char      *cursor)
{
  static const char * const own[] = {
    "access_token", "after", "before", "limit", "fields", "summary", NULL
  };
  GString *url = g_string_new (op->self->url);

  g_string_append_c (url, '/');
  if (op->version != NULL)
    g_string_append_printf (url, "%s/", op->version);
  g_string_append (url, edge_path);
  g_string_append_c (url, '?');

  if (query->carry != NULL)
    {
      guint n_keys = 0;
      g_autofree const char **keys =
        (const char **) g_hash_table_get_keys_as_array (query->carry, &n_keys);

      qsort (keys, n_keys, sizeof *keys, compare_strings);
      for (guint i = 0; i < n_keys; i++)
        if (!g_strv_contains (own, keys[i]))
          append_param (url, keys[i], g_hash_table_lookup (query->carry, keys[i]));
    }

  if (query->fields_text != NULL)
    append_param (url, "fields", query->fields_text);
  if (query->summary)
    append_param (url, "summary", "total_count");
  {
    char number[16];

    g_snprintf (number, sizeof number, "%u", limit);
    append_param (url, "limit", number);
  }
  append_param (url, cursor_key, cursor);
  if (op->token != NULL)
    append_param (url, "access_token", op->token);

  return g_string_free (url, FALSE);
}

JsonNode *
_gh_demo_build_list (GhDemoOp             *op,
                     GPtrArray            *items,
                     const GhDemoNodeKind *kind,
                     GhDemoListQuery      *query,
                     const char           *edge_path,
                     gboolean              template_summary)
{
  g_autoptr(GPtrArray) defaults = NULL;
  g_autoptr(JsonObject) result = json_object_new ();
  GPtrArray *fields = query->fields;
  JsonArray *data;
  guint n = items->len;
  guint limit = DEFAULT_LIMIT;
  guint start = 0;
  guint end;
  guint index;

  if (fields == NULL)
    fields = defaults = _gh_demo_fields_default (kind);
  if (query->limit >= 0)
    limit = (guint) MIN (query->limit, MAX_LIMIT);

  if (query->after != NULL)
    {
      if (!cursor_decode (query->after, &index))
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) The after cursor is invalid");
          return NULL;
        }
      start = (guint) MIN ((guint64) index + 1, n);
      end = (guint) MIN ((guint64) start + limit, n);
    }
  else if (query->before != NULL)
    {
      if (!cursor_decode (query->before, &index))
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) The before cursor is invalid");
          return NULL;
        }
      end = MIN (index, n);
      start = end > limit ? end - limit : 0;
    }
  else
    end = MIN (limit, n);

  data = json_array_sized_new (end - start);
  json_object_set_array_member (result, "data", data);
  for (guint i = start; i < end; i++)
    {
      JsonObject *item = _gh_demo_select_fields (op, g_ptr_array_index (items, i), fields,
                                                 kind, NULL);

      if (item == NULL)
        return NULL;
      json_array_add_object_element (data, item);
    }

  if (end > start)
    {
      JsonObject *paging = json_object_new ();
      JsonObject *cursors = json_object_new ();
      g_autofree char *first = cursor_encode (start);
      g_autofree char *last = cursor_encode (end - 1);

      json_object_set_string_member (cursors, "before", first);
      json_object_set_string_member (cursors, "after", last);
      json_object_set_object_member (paging, "cursors", cursors);
      if (start > 0)
        object_take_string (paging, "previous",
                            page_link (op, edge_path, query, limit, "before", first));
      if (end < n)
        object_take_string (paging, "next",
                            page_link (op, edge_path, query, limit, "after", last));
      json_object_set_object_member (result, "paging", paging);
    }

  if (query->summary)
    {
      JsonObject *summary = json_object_new ();

      json_object_set_int_member (summary, "total_count", n);
      if (template_summary)
        {
          json_object_set_int_member (summary, "message_template_count", n);
          json_object_set_int_member (summary, "message_template_limit",
                                      GH_DEMO_TEMPLATE_LIMIT);
        }
      json_object_set_object_member (result, "summary", summary);
    }

  return json_node_init_object (json_node_alloc (), result);
}

/* Keeps only the requested members of an object field such as owner_business_info{id}. */
static JsonNode *
filter_node (JsonNode  *node,
             GPtrArray *children)
{
  if (children == NULL)
    return json_node_copy (node);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *source = json_node_get_object (node);
      JsonObject *result = json_object_new ();

      for (guint i = 0; i < children->len; i++)
        {
          GhDemoField *child = g_ptr_array_index (children, i);
          JsonNode *member = json_object_get_member (source, child->name);

          if (member != NULL)
            json_object_set_member (result, child->name, filter_node (member, child->children));
        }

      return node_take_object (result);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      JsonArray *result = json_array_new ();
      JsonNode *copy;

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (result, filter_node (json_array_get_element (source, i),
                                                     children));

      copy = json_node_init_array (json_node_alloc (), result);
      json_array_unref (result);
      return copy;
    }

  return json_node_copy (node);
}

JsonObject *
_gh_demo_select_fields (GhDemoOp             *op,
                        JsonObject           *source,
                        GPtrArray            *fields,
                        const GhDemoNodeKind *kind,
                        GhDemoWaba           *waba)
{
  g_autoptr(JsonObject) result = json_object_new ();

  for (guint i = 0; i < fields->len; i++)
    {
      GhDemoField *field = g_ptr_array_index (fields, i);
      JsonNode *member;

      if (waba != NULL && kind->waba_edges
          && (g_str_equal (field->name, "phone_numbers")
              || g_str_equal (field->name, "message_templates")))
        {
          gboolean templates = g_str_equal (field->name, "message_templates");
          GhDemoListQuery query = {
            field->children, field->children_text, field->limit, NULL, NULL, field->summary,
            NULL
          };
          g_autofree char *edge_path = g_strdup_printf ("%s/%s", waba->id, field->name);
          JsonNode *list = _gh_demo_build_list (op,
                                                templates ? waba->templates
                                                          : waba->phone_numbers,
                                                templates ? &_gh_demo_template_kind
                                                          : &_gh_demo_phone_kind,
                                                &query, edge_path, templates);

          if (list == NULL)
            return NULL;
          json_object_set_member (result, field->name, list);
          continue;
        }

      if ((member = json_object_get_member (source, field->name)) == NULL
          && kind->optional != NULL && g_strv_contains (kind->optional, field->name))
        continue;
      if (member == NULL)
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) Tried accessing nonexisting field (%s) on node type (%s)",
                            field->name, kind->type_name);
          return NULL;
        }
      json_object_set_member (result, field->name, filter_node (member, field->children));
    }

  /* Meta always names the node it answers for. */
  if (!json_object_has_member (result, "id") && json_object_has_member (source, "id"))
    json_object_set_member (result, "id",
                            json_node_copy (json_object_get_member (source, "id")));

  return g_steal_pointer (&result);
}

const char *
_gh_demo_op_param (GhDemoOp   *op,
                   const char *key)
{
  return g_hash_table_lookup (op->params, key);
}

gboolean
_gh_demo_op_is (GhDemoOp   *op,
                const char *method)
{
  return g_str_equal (op->method, method);
}

/* Fills @query from the request's parameters; FALSE when @op failed. */
static gboolean
op_list_query (GhDemoOp         *op,
               GhDemoListQuery  *query,
               GPtrArray       **fields)
{
  const char *limit = _gh_demo_op_param (op, "limit");
  const char *summary = _gh_demo_op_param (op, "summary");

  *query = (GhDemoListQuery) { NULL, NULL, -1, NULL, NULL, FALSE, op->params };

  *fields = _gh_demo_op_parse_fields (op, _gh_demo_op_param (op, "fields"));
  if (op->body != NULL)
    return FALSE;
  query->fields = *fields;
  if (*fields != NULL)
    query->fields_text = _gh_demo_op_param (op, "fields");

  if (limit != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (limit, 10, 0, G_MAXINT32, &value, NULL))
        {
          _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                            "(#100) Param limit must be a non-negative integer");
          return FALSE;
        }
      query->limit = (gint64) value;
    }

  query->after = _gh_demo_op_param (op, "after");
  query->before = _gh_demo_op_param (op, "before");
  query->summary = summary != NULL && (g_str_equal (summary, "total_count")
                                       || g_str_equal (summary, "true")
                                       || g_str_equal (summary, "1"));

  return TRUE;
}

void
_gh_demo_op_get_list (GhDemoOp             *op,
                      GPtrArray            *items,
                      const GhDemoNodeKind *kind,
                      gboolean              template_summary)
{
  g_autoptr(GPtrArray) fields = NULL;
  GhDemoListQuery query;
  JsonNode *list;

  if (!op_list_query (op, &query, &fields))
    return;

  list = _gh_demo_build_list (op, items, kind, &query, op->path, template_summary);
  if (list == NULL)
    return;

  g_clear_pointer (&op->body, json_node_unref);
  op->status = SOUP_STATUS_OK;
  op->body = list;
}

void
_gh_demo_op_get_node (GhDemoOp             *op,
                      JsonObject           *source,
                      const GhDemoNodeKind *kind,
                      GhDemoWaba           *waba)
{
  g_autoptr(GPtrArray) fields = _gh_demo_op_parse_fields (op, _gh_demo_op_param (op, "fields"));
  JsonObject *object;

  if (op->body != NULL)
    return;
  if (fields == NULL)
    fields = _gh_demo_fields_default (kind);

  if ((object = _gh_demo_select_fields (op, source, fields, kind, waba)) != NULL)
    _gh_demo_op_set_body (op, SOUP_STATUS_OK, object);
}
