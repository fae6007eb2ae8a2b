/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-hostile-server"

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "gh-graph-client-private.h"
#include "gh-graph-test-util.h"
#include "gh-hostile-server.h"

#define DEEP (100 * 1000)
#define BIG (20 * 1024 * 1024)

typedef struct
{
  GhHostile         *hostile;
  SoupServerMessage *msg;
  guint              source_id;
  gsize              sent;
  gsize              total;    /* 0: never ends */
  gsize              step;
  guint              interval_ms;
} Stream;

static void
stream_free (Stream *stream)
{
  g_clear_handle_id (&stream->source_id, g_source_remove);
  /* The server says "disconnected" when it goes, after the streams. */
  g_signal_handlers_disconnect_by_data (stream->msg, stream);
  g_clear_object (&stream->msg);
  g_free (stream);
}

static gboolean
stream_more_cb (gpointer user_data)
{
  Stream *stream = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);
  gsize n = stream->step;
  char *chunk;

  if (stream->total > 0)
    n = MIN (n, stream->total - stream->sent);

  /* Spaces: valid JSON padding, so only the size or the time can make it fail. */
  chunk = g_malloc (n);
  memset (chunk, ' ', n);
  soup_message_body_append_take (body, (guchar *) chunk, n);
  stream->sent += n;
  if (stream->total > 0 && stream->sent >= stream->total)
    {
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "{}", 2);
      soup_message_body_complete (body);
      stream->source_id = 0;
    }
  soup_server_message_unpause (stream->msg);

  return stream->source_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
stream_disconnected_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  Stream *stream = user_data;

  g_clear_handle_id (&stream->source_id, g_source_remove);
}

/* An answer written @step bytes at a time every @interval_ms, @total bytes in all (0: for
 * ever), so that its size or its slowness is only known while reading. */
static void
start_stream (GhHostile         *hostile,
              SoupServerMessage *msg,
              gsize              total,
              gsize              step,
              guint              interval_ms)
{
  Stream *stream = g_new0 (Stream, 1);

  stream->hostile = hostile;
  stream->msg = g_object_ref (msg);
  stream->total = total;
  stream->step = step;
  stream->interval_ms = interval_ms;
  g_ptr_array_add (hostile->streams, stream);

  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  /* Chunks written are dropped, so that the server's memory stays flat and the process's
   * peak is the client's. */
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_pause (msg);
  g_signal_connect (msg, "disconnected", G_CALLBACK (stream_disconnected_cb), stream);
  stream->source_id = g_timeout_add (interval_ms, stream_more_cb, stream);
}

/* Closes the connection with a reset (RST), the way a crashing proxy does. */
static void
reset_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;
  struct linger linger = { 1, 0 };

  g_assert_true (setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger,
                             sizeof linger) == 0);
  stream = soup_server_message_steal_connection (msg);
  g_io_stream_close (stream, NULL, NULL);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static char *
nested (gsize depth)
{
  char *text = g_malloc (2 * depth + 1);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[2 * depth] = '\0';

  return text;
}

/* Answers each operation of a batch: "slow" ones null while fail_first lasts, "deep" ones
 * with a body nested far too deep, the rest with their relative URL. */
static void
answer_batch (GhHostile         *hostile,
              SoupServerMessage *msg)
{
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) flat = soup_message_body_flatten (request);
  g_autofree char *form = g_strndup (g_bytes_get_data (flat, NULL), g_bytes_get_size (flat));
  g_autoptr(GHashTable) fields = soup_form_decode (form);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) answer = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  JsonArray *ops;
  gboolean slow_times_out = hostile->batches <= hostile->fail_first;

  json_parser_load_from_data (parser, g_hash_table_lookup (fields, "batch"), -1, &error);
  g_assert_no_error (error);
  ops = json_node_get_array (json_parser_get_root (parser));
  hostile->last_batch_size = json_array_get_length (ops);

  for (guint i = 0; i < json_array_get_length (ops); i++)
    {
      JsonObject *op = json_array_get_object_element (ops, i);
      const char *url = json_object_get_string_member (op, "relative_url");

      if (i > 0)
        g_string_append_c (answer, ',');
      if (strstr (url, "slow") != NULL && slow_times_out)
        g_string_append (answer, "null");
      else if (strstr (url, "deep") != NULL)
        {
          g_autofree char *deep = nested (DEEP);

          g_string_append_printf (answer, "{\"code\": 200, \"body\": \"%s\"}", deep);
        }
      else
        g_string_append_printf (answer, "{\"code\": 200, \"body\": \"{\\\"id\\\": \\\"%s\\\"}\"}",
                                url);
    }
  g_string_append_c (answer, ']');
  respond (msg, SOUP_STATUS_OK, answer->str);
}

static void
hostile_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  GhHostile *hostile = user_data;
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  const char *name = g_str_has_prefix (path, "/v25.0/") ? path + strlen ("/v25.0/") : path;
  gboolean failing = hostile->requests < hostile->fail_first;
  const char *after = query != NULL ? g_hash_table_lookup (query, "after") : NULL;

  hostile->requests++;
  g_ptr_array_add (hostile->paths, g_strdup (name));

  if (hostile->usage != NULL)
    soup_message_headers_replace (response_headers, hostile->usage_name, hostile->usage);
  if (hostile->app_usage != NULL)
    soup_message_headers_replace (response_headers, "x-app-usage", hostile->app_usage);

  if (*name == '\0')
    {
      hostile->batches++;
      answer_batch (hostile, msg);
    }
  else if (g_str_equal (name, "deep"))
    {
      g_autofree char *deep = nested (DEEP);

      respond (msg, SOUP_STATUS_OK, deep);
    }
  else if (g_str_equal (name, "big"))
    {
      char *big = g_malloc (BIG);

      memset (big, ' ', BIG);
      memcpy (big + BIG - 2, "{}", 2);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, big, BIG);
    }
  else if (g_str_equal (name, "big-chunked"))
    start_stream (hostile, msg, BIG, 256 * 1024, 1);
  else if (g_str_equal (name, "endless"))
    start_stream (hostile, msg, 0, 256 * 1024, 1);
  else if (g_str_equal (name, "trickle"))
    start_stream (hostile, msg, 0, 1, 1000);
  else if (g_str_equal (name, "reset") && failing)
    reset_connection (msg);
  else if (g_str_equal (name, "unavailable") && failing)
    respond (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "<html>Service Unavailable</html>");
  else if (g_str_equal (name, "transient") && failing)
    respond (msg, SOUP_STATUS_BAD_REQUEST,
             "{\"error\": {\"message\": \"Please retry\", \"code\": 9004,"
             " \"is_transient\": true, \"fbtrace_id\": \"T1\"}}");
  else if (g_str_has_prefix (name, "code-") && failing)
    {
      g_autofree char *body = g_strdup_printf ("{\"error\": {\"message\": \"Scripted\","
                                               " \"type\": \"OAuthException\", \"code\": %s,"
                                               " \"fbtrace_id\": \"S1\"}}",
                                               name + strlen ("code-"));

      respond (msg, SOUP_STATUS_BAD_REQUEST, body);
    }
  else if (g_str_equal (name, "endless-pages"))
    {
      guint cursor = after != NULL ? (guint) g_ascii_strtoull (after, NULL, 10) : 0;
      g_autofree char *body = g_strdup_printf (
        "{\"data\": [{\"id\": \"%u\"}], \"paging\": {\"next\":"
        " \"%s/v25.0/endless-pages?limit=1&after=%u\"}}", cursor, hostile->url, cursor + 1);

      respond (msg, SOUP_STATUS_OK, body);
    }
  else if (g_str_equal (name, "looping-pages"))
    {
      /* First → B → A → A again, in a link with the parameters in another order. */
      const char *next = after == NULL ? "limit=1&after=B"
                         : g_str_equal (after, "B") ? "after=A&limit=1" : "limit=1&after=A";
      g_autofree char *body = g_strdup_printf (
        "{\"data\": [{\"id\": \"%s\"}], \"paging\": {\"next\":"
        " \"%s/v25.0/looping-pages?%s\"}}", after ? after : "first", hostile->url, next);

      respond (msg, SOUP_STATUS_OK, body);
    }
  else
    {
      g_autofree char *body = g_strdup_printf ("{\"id\": \"%s\"}", name);

      respond (msg, SOUP_STATUS_OK, body);
    }
}

GhHostile *
gh_hostile_new (void)
{
  GhHostile *hostile = g_new0 (GhHostile, 1);

  hostile->paths = g_ptr_array_new_with_free_func (g_free);
  hostile->usage_name = "X-Business-Use-Case-Usage";
  hostile->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_free);
  hostile->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (hostile->server, NULL, hostile_cb, hostile, NULL);
  hostile->url = gh_graph_test_listen (hostile->server);

  return hostile;
}

void
gh_hostile_free (GhHostile *hostile)
{
  g_ptr_array_unref (hostile->streams);
  soup_server_disconnect (hostile->server);
  g_assert_finalize_object (hostile->server);
  g_ptr_array_unref (hostile->paths);
  g_free (hostile->usage);
  g_free (hostile->app_usage);
  g_free (hostile->url);
  g_free (hostile);
}

/* A client for @hostile, hurried as GhHostileFixture says. */
static GhGraphClient *
client_new (GhHostile *hostile)
{
  g_autoptr(GError) error = NULL;
  GhGraphClient *client;

  client = gh_graph_client_new (hostile->url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (client, GH_HOSTILE_TOKEN);
  _gh_graph_client_set_timing (client, 2000, 1, 1);
  return client;
}

void
gh_hostile_fixture_set_up (GhHostileFixture *fixture,
                           gconstpointer     data)
{
  fixture->hostile = gh_hostile_new ();
  fixture->client = client_new (fixture->hostile);
}

void
gh_hostile_fixture_renew_client (GhHostileFixture *fixture)
{
  g_assert_finalize_object (fixture->client);
  fixture->client = client_new (fixture->hostile);
}

void
gh_hostile_fixture_tear_down (GhHostileFixture *fixture,
                              gconstpointer     data)
{
  g_assert_finalize_object (fixture->client);
  gh_hostile_free (fixture->hostile);
}

void
gh_hostile_assert_described (const GError *error,
                             const char   *summary_part)
{
  g_autoptr(GhGraphErrorText) text = gh_graph_error_describe (error);

  g_test_message ("%s / %s", text->summary, text->next_step);
  g_assert_nonnull (strstr (text->summary, summary_part));
  g_assert_true (g_str_has_suffix (text->summary, "."));
  g_assert_true (g_str_has_suffix (text->next_step, "."));
  g_assert_null (strstr (text->details, GH_HOSTILE_TOKEN));
}
