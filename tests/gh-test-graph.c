/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "gh-test-graph.h"

typedef struct
{
  char    *user_id;
  gint64   expires_at;
  gboolean revoked;
} Token;

struct _GhTestGraph
{
  SoupServer *server;
  char       *url;
  GHashTable *tokens;  /* token → Token */
  guint       requests;
};

static void
token_free (Token *token)
{
  g_free (token->user_id);
  g_free (token);
}

static Token *
usable_token (GhTestGraph *self,
              const char  *text)
{
  Token *token = text != NULL ? g_hash_table_lookup (self->tokens, text) : NULL;

  return token != NULL && !token->revoked ? token : NULL;
}

static JsonObject *
graph_error (int         code,
             int         subcode,
             const char *message)
{
  JsonObject *root = json_object_new ();
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "message", message);
  json_object_set_string_member (error, "type", "OAuthException");
  json_object_set_int_member (error, "code", code);
  if (subcode != 0)
    json_object_set_int_member (error, "error_subcode", subcode);
  json_object_set_string_member (error, "fbtrace_id", "ATestGraphTrace");
  json_object_set_object_member (root, "error", error);

  return root;
}

static JsonObject *
debug_token (GhTestGraph *self,
             const char  *input)
{
  Token *token = usable_token (self, input);
  JsonObject *root = json_object_new ();
  JsonObject *data = json_object_new ();
  JsonArray *scopes = json_array_new ();
  JsonArray *granular = json_array_new ();
  const char *names[] = {
    "whatsapp_business_management", "whatsapp_business_messaging", "business_management"
  };

  json_object_set_object_member (root, "data", data);
  if (token == NULL)
    {
      json_object_set_boolean_member (data, "is_valid", FALSE);
      json_object_set_array_member (data, "scopes", scopes);
      json_array_unref (granular);
      return root;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *scope = json_object_new ();

      json_array_add_string_element (scopes, names[i]);
      json_object_set_string_member (scope, "scope", names[i]);
      json_array_add_object_element (granular, scope);
    }

  json_object_set_string_member (data, "app_id", GH_TEST_GRAPH_APP_ID);
  json_object_set_string_member (data, "type", "SYSTEM_USER");
  json_object_set_string_member (data, "application", GH_TEST_GRAPH_APP_NAME);
  json_object_set_int_member (data, "data_access_expires_at", 0);
  json_object_set_int_member (data, "expires_at", token->expires_at);
  json_object_set_boolean_member (data, "is_valid", TRUE);
  json_object_set_int_member (data, "issued_at", g_get_real_time () / G_USEC_PER_SEC - 60);
  json_object_set_array_member (data, "scopes", scopes);
  json_object_set_array_member (data, "granular_scopes", granular);
  json_object_set_string_member (data, "user_id", token->user_id);

  return root;
}

static JsonObject *
waba_object (gboolean with_tasks)
{
  JsonObject *waba = json_object_new ();
  JsonObject *owner = json_object_new ();

  json_object_set_string_member (waba, "id", GH_TEST_GRAPH_WABA_ID);
  json_object_set_string_member (waba, "name", GH_TEST_GRAPH_WABA_NAME);
  json_object_set_string_member (waba, "account_review_status", "APPROVED");
  json_object_set_string_member (owner, "id", GH_TEST_GRAPH_BUSINESS_ID);
  json_object_set_string_member (owner, "name", "Rota Bakery");
  json_object_set_object_member (waba, "owner_business_info", owner);
  if (with_tasks)
    {
      JsonArray *tasks = json_array_new ();

      json_array_add_string_element (tasks, "MANAGE");
      json_object_set_array_member (waba, "tasks", tasks);
    }

  return waba;
}

static JsonObject *
list_of (JsonObject *item)
{
  JsonObject *root = json_object_new ();
  JsonArray *data = json_array_new ();

  json_array_add_object_element (data, item);
  json_object_set_array_member (root, "data", data);
  return root;
}

/* One operation of a batch, answered as @token; sets *@status. */
static JsonObject *
answer (GhTestGraph *self,
        Token       *token,
        const char  *relative_url,
        guint       *status)
{
  g_autofree char *path = g_strdup (relative_url);
  char *query = strchr (path, '?');
  g_autoptr(GHashTable) params = NULL;

  *status = SOUP_STATUS_OK;
  if (query != NULL)
    {
      *query++ = '\0';
      params = soup_form_decode (query);
    }

  if (token == NULL)
    {
      *status = SOUP_STATUS_BAD_REQUEST;
      return graph_error (190, 463, "Error validating access token: Session has expired");
    }

  if (g_str_equal (path, "debug_token"))
    return debug_token (self, params != NULL ? g_hash_table_lookup (params, "input_token")
                                             : NULL);
  if (g_str_equal (path, "me"))
    {
      JsonObject *me = json_object_new ();

      json_object_set_string_member (me, "id", token->user_id);
      json_object_set_string_member (me, "name", g_str_equal (token->user_id,
                                                              GH_TEST_GRAPH_USER_ID)
                                                 ? GH_TEST_GRAPH_USER_NAME : "Someone Else");
      return me;
    }
  if (g_str_equal (path, "me/assigned_whatsapp_business_accounts"))
    return list_of (waba_object (TRUE));
  if (g_str_equal (path, GH_TEST_GRAPH_WABA_ID))
    return waba_object (FALSE);
  if (g_str_equal (path, GH_TEST_GRAPH_BUSINESS_ID "/system_users"))
    {
      JsonObject *user = json_object_new ();

      json_object_set_string_member (user, "id", token->user_id);
      json_object_set_string_member (user, "name", GH_TEST_GRAPH_USER_NAME);
      json_object_set_string_member (user, "role", "ADMIN");
      return list_of (user);
    }

  *status = SOUP_STATUS_BAD_REQUEST;
  return graph_error (100, 33, "Unsupported get request. Object does not exist");
}

static void
handle_batch (GhTestGraph       *self,
              SoupServerMessage *msg,
              Token             *token)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autoptr(GHashTable) form = soup_form_decode (text);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) answers = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *reply = NULL;
  const char *batch = g_hash_table_lookup (form, "batch");
  JsonArray *operations;

  if (batch == NULL || !json_parser_load_from_data (parser, batch, -1, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      return;
    }

  operations = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (operations); i++)
    {
      JsonObject *operation = json_array_get_object_element (operations, i);
      g_autoptr(JsonNode) body_node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *item = json_object_new ();
      g_autofree char *item_body = NULL;
      guint status;

      json_node_take_object (body_node,
                             answer (self, token,
                                     json_object_get_string_member (operation, "relative_url"),
                                     &status));
      item_body = json_to_string (body_node, FALSE);
      json_object_set_int_member (item, "code", status);
      json_object_set_string_member (item, "body", item_body);
      json_array_add_object_element (answers, item);
    }

  json_node_set_array (root, answers);
  reply = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, reply,
                                    strlen (reply));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  GhTestGraph *self = user_data;
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                  "Authorization");
  Token *token = NULL;

  self->requests++;
  if (authorization != NULL && g_str_has_prefix (authorization, "Bearer "))
    token = usable_token (self, authorization + strlen ("Bearer "));

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *reply = NULL;

      json_node_take_object (node, graph_error (100, 0, "Only batches are served here"));
      reply = json_to_string (node, FALSE);
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, reply,
                                        strlen (reply));
      return;
    }

  handle_batch (self, msg, token);
}

GhTestGraph *
gh_test_graph_new (void)
{
  GhTestGraph *self = g_new0 (GhTestGraph, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *text = NULL;

  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) token_free);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  text = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (text, "/"))
    text[strlen (text) - 1] = '\0';
  self->url = g_steal_pointer (&text);

  return self;
}

void
gh_test_graph_free (GhTestGraph *self)
{
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_hash_table_unref (self->tokens);
  g_free (self->url);
  g_free (self);
}

const char *
gh_test_graph_get_url (GhTestGraph *self)
{
  return self->url;
}

void
gh_test_graph_add_token (GhTestGraph *self,
                         const char  *token,
                         const char  *user_id,
                         gint64       expires_at)
{
  Token *entry = g_new0 (Token, 1);

  entry->user_id = g_strdup (user_id != NULL ? user_id : GH_TEST_GRAPH_USER_ID);
  entry->expires_at = expires_at;
  g_hash_table_replace (self->tokens, g_strdup (token), entry);
}

void
gh_test_graph_revoke (GhTestGraph *self,
                      const char  *token)
{
  Token *entry = g_hash_table_lookup (self->tokens, token);

  g_assert_nonnull (entry);
  entry->revoked = TRUE;
}

guint
gh_test_graph_get_requests (GhTestGraph *self)
{
  return self->requests;
}
