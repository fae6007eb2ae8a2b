/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-test-util.h"

typedef struct
{
  gboolean      done;
  GBytes       *body;
  GError       *error;
} Wait;

void
gh_test_reply_free (GhTestReply *reply)
{
  g_clear_pointer (&reply->root, json_node_unref);
  g_free (reply->text);
  g_free (reply->content_type);
  g_free (reply->version);
  g_free (reply->usage);
  g_clear_error (&reply->error);
  g_free (reply);
}

void
gh_test_fixture_set_up (GhTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->server);
  fixture->session = soup_session_new ();
}

void
gh_test_fixture_tear_down (GhTestFixture *fixture,
                           gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_assert_finalize_object (fixture->server);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &wait->error);
  wait->done = TRUE;
}

GhTestReply *
gh_test_fetch (GhTestFixture *fixture,
               const char    *method,
               const char    *target,
               const char    *token,
               const char    *form)
{
  g_autofree char *url = g_str_has_prefix (target, "http")
                         ? g_strdup (target)
                         : g_strconcat (gh_demo_server_get_url (fixture->server), target, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers;
  GhTestReply *reply = g_new0 (GhTestReply, 1);
  Wait wait = { 0 };

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    value);
    }
  if (form != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded",
                                                bytes);
    }

  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    sent_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error != NULL)
    {
      reply->error = wait.error;
      return reply;
    }

  headers = soup_message_get_response_headers (msg);
  reply->status = soup_message_get_status (msg);
  reply->text = g_bytes_get_size (wait.body) > 0
                ? g_strndup (g_bytes_get_data (wait.body, NULL), g_bytes_get_size (wait.body))
                : g_strdup ("");
  reply->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  reply->version = g_strdup (soup_message_headers_get_one (headers, "facebook-api-version"));
  reply->usage = g_strdup (soup_message_headers_get_one (headers,
                                                         "X-Business-Use-Case-Usage"));
  reply->root = json_from_string (reply->text, NULL);
  g_bytes_unref (wait.body);

  return reply;
}

GhTestReply *
gh_test_get (GhTestFixture *fixture,
             const char    *target,
             const char    *token)
{
  return gh_test_fetch (fixture, "GET", target, token, NULL);
}

JsonObject *
gh_test_reply_object (GhTestReply *reply)
{
  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->root));
  return json_node_get_object (reply->root);
}

JsonArray *
gh_test_reply_data (GhTestReply *reply)
{
  JsonObject *object = gh_test_reply_object (reply);

  if (reply->status != 200)
    g_test_message ("unexpected answer: %s", reply->text);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_true (json_object_has_member (object, "data"));
  return json_object_get_array_member (object, "data");
}

gint64
gh_test_reply_error_code (GhTestReply *reply)
{
  JsonObject *object = gh_test_reply_object (reply);
  JsonObject *error;

  g_assert_true (json_object_has_member (object, "error"));
  error = json_object_get_object_member (object, "error");
  g_assert_nonnull (json_object_get_string_member_with_default (error, "message", NULL));
  g_assert_nonnull (json_object_get_string_member_with_default (error, "type", NULL));
  g_assert_cmpuint (strlen (json_object_get_string_member_with_default (error, "fbtrace_id",
                                                                         "")), >, 5);
  g_assert_true (json_object_has_member (error, "is_transient"));
  g_assert_cmpuint (reply->status, >=, 400);
  return json_object_get_int_member_with_default (error, "code", -1);
}

const char *
gh_test_reply_error_message (GhTestReply *reply)
{
  JsonObject *error = json_object_get_object_member (gh_test_reply_object (reply), "error");

  return json_object_get_string_member_with_default (error, "message", NULL);
}

gint64
gh_test_reply_error_subcode (GhTestReply *reply)
{
  JsonObject *error = json_object_get_object_member (gh_test_reply_object (reply), "error");

  return json_object_get_int_member_with_default (error, "error_subcode", 0);
}

gboolean
gh_test_has_string (JsonArray  *array,
                    const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

JsonObject *
gh_test_find_by_id (JsonArray  *data,
                    const char *id)
{
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *item = json_array_get_object_element (data, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, "id", NULL), id) == 0)
        return item;
    }
  return NULL;
}

JsonArray *
gh_test_all_assigned_users (GhTestFixture *fixture)
{
  g_autoptr(GhTestReply) reply = gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                                              "/assigned_users?limit=100&business="
                                              GH_DEMO_BUSINESS_ID, GH_DEMO_TOKEN_ADMIN);

  return json_array_ref (gh_test_reply_data (reply));
}

GhTestReply *
gh_test_batch (GhTestFixture *fixture,
               const char    *token,
               const char    *batch)
{
  g_autofree char *escaped = g_uri_escape_string (batch, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("batch=%s&include_headers=false", escaped);

  return gh_test_fetch (fixture, "POST", "/v25.0/", token, form);
}

JsonNode *
gh_test_batch_body (GhTestReply *reply,
                    guint        index,
                    gint64      *code)
{
  JsonArray *answers;
  JsonObject *answer;
  JsonNode *body;

  g_assert_no_error (reply->error);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (reply->root));
  answers = json_node_get_array (reply->root);
  g_assert_cmpuint (index, <, json_array_get_length (answers));
  answer = json_array_get_object_element (answers, index);
  *code = json_object_get_int_member (answer, "code");
  body = json_from_string (json_object_get_string_member (answer, "body"), NULL);
  g_assert_nonnull (body);

  return body;
}
