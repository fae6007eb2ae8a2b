/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-hostile"

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include <libsoup/soup.h>

#include "gh-graph-client-private.h"

/* A server on 127.0.0.1 that answers the way no Graph server should: too deep, too big, too
 * slow, endless, failing, limiting.  Whatever it does, the client ends with a clear error in
 * bounded time and memory, sends reads again only when that can help, and never sends a
 * write twice. */

#define DEEP (100 * 1000)
#define BIG (20 * 1024 * 1024)
#define TOKEN "EAAGhHostileTestTokenQq1Ww2Ee3Rr4Tt5Yy6Uu7Ii8Oo9Pp0"

typedef struct
{
  SoupServer *server;
  char       *url;
  guint       requests;      /* every request the server saw */
  guint       batches;
  guint       fail_first;    /* the scripted failure happens for this many requests */
  guint       last_batch_size;
  char       *usage;         /* X-Business-Use-Case-Usage sent with every answer, nullable */
  const char *usage_name;    /* how that header is written */
  char       *app_usage;     /* X-App-Usage, nullable */
  GPtrArray  *paths;         /* request paths in order */
  GPtrArray  *streams;       /* chunked answers still being written */
} Hostile;

typedef struct
{
  Hostile           *hostile;
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
start_stream (Hostile           *hostile,
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
answer_batch (Hostile           *hostile,
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
  Hostile *hostile = user_data;
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

static Hostile *
hostile_new (void)
{
  Hostile *hostile = g_new0 (Hostile, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *listeners;

  hostile->paths = g_ptr_array_new_with_free_func (g_free);
  hostile->usage_name = "X-Business-Use-Case-Usage";
  hostile->streams = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_free);
  hostile->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (hostile->server, NULL, hostile_cb, hostile, NULL);
  soup_server_listen (hostile->server, address, 0, &error);
  g_assert_no_error (error);

  /* soup_server_get_uris() leaks an address in libsoup 3.2: ask the socket instead. */
  listeners = soup_server_get_listeners (hostile->server);
  local = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  g_slist_free (listeners);
  hostile->url = g_strdup_printf ("http://127.0.0.1:%u",
                                  g_inet_socket_address_get_port (
                                    G_INET_SOCKET_ADDRESS (local)));

  return hostile;
}

static void
hostile_free (Hostile *hostile)
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

typedef struct
{
  Hostile       *hostile;
  GhGraphClient *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->hostile = hostile_new ();
  fixture->client = gh_graph_client_new (fixture->hostile->url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (fixture->client, TOKEN);
  /* A deadline of two seconds and pauses of milliseconds: the same paths as in the app,
   * in a fraction of the time. */
  _gh_graph_client_set_timing (fixture->client, 2000, 1, 1);
}

/* libsoup itself sends a request again when a connection it kept open turns out closed;
 * a new client has no such connection, so the server counts only the client's attempts. */
static void
renew_client (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (fixture->client);
  fixture->client = gh_graph_client_new (fixture->hostile->url, NULL, &error);
  g_assert_no_error (error);
  gh_graph_client_set_token (fixture->client, TOKEN);
  _gh_graph_client_set_timing (fixture->client, 2000, 1, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  hostile_free (fixture->hostile);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (slot);
}

static JsonNode *
request (GhGraphClient  *client,
         const char     *method,
         const char     *path,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  gh_graph_client_request_async (client, method, path, NULL, NULL, result_cb, &slot);
  result = wait_for (&slot);

  return gh_graph_client_request_finish (client, result, error);
}

/* The person's words and the details for an error: plain, and never the token. */
static void
assert_described (const GError *error,
                  const char   *summary_part)
{
  g_autoptr(GhGraphErrorText) text = gh_graph_error_describe (error);

  g_test_message ("%s / %s", text->summary, text->next_step);
  g_assert_nonnull (strstr (text->summary, summary_part));
  g_assert_true (g_str_has_suffix (text->summary, "."));
  g_assert_true (g_str_has_suffix (text->next_step, "."));
  g_assert_null (strstr (text->details, TOKEN));
}

static void
test_deep (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = request (fixture->client, "GET", "deep", &error);

  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_TOO_DEEP);
  /* Not something a second try changes. */
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
  assert_described (error, "nested");
}

static void
test_big (Fixture       *fixture,
          gconstpointer  data)
{
  static const char * const paths[] = { "big", "big-chunked" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("%s", paths[i]);
      fixture->hostile->requests = 0;
      node = request (fixture->client, "GET", paths[i], &error);
      g_assert_null (node);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
      g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_TOO_LARGE);
      g_assert_cmpuint (fixture->hostile->requests, ==, 1);
      assert_described (error, "16 MB");
    }
}

static void
test_endless (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = request (fixture->client, "GET", "endless", &error);

  /* A body that never ends is cut at the cap: were it read whole, this would never return. */
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_TOO_LARGE);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
}

static void
test_trickle (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = request (fixture->client, "GET", "trickle", &error);

  /* A byte a second keeps every read alive; only the deadline of the whole request ends
   * it, and a slow server is not asked again. */
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_DEADLINE);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
  assert_described (error, "too long");
}

typedef struct
{
  guint  pages;
  gint64 items;
} PageLog;

static void
page_cb (JsonArray *items,
         gint64     total,
         gpointer   user_data)
{
  PageLog *log = user_data;

  log->pages++;
  log->items += json_array_get_length (items);
}

static gint64
pages (GhGraphClient  *client,
       const char     *path,
       PageLog        *log,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  gh_graph_client_get_pages_async (client, path, NULL, page_cb, log, NULL, NULL, result_cb,
                                   &slot);
  result = wait_for (&slot);

  return gh_graph_client_get_pages_finish (client, result, error);
}

static void
test_endless_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhGraphErrorText) text = NULL;
  PageLog log = { 0 };
  guint budget = 0;

  g_object_get (fixture->client, "page-budget", &budget, NULL);
  g_assert_cmpuint (budget, ==, GH_GRAPH_DEFAULT_PAGE_BUDGET);
  gh_graph_client_set_page_budget (fixture->client, 7);

  g_assert_cmpint (pages (fixture->client, "endless-pages", &log, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PAGE_BUDGET);
  /* Exactly the budget was asked for, and every page read was handed over. */
  g_assert_cmpuint (fixture->hostile->requests, ==, 7);
  g_assert_cmpuint (log.pages, ==, 7);
  g_assert_cmpint (log.items, ==, 7);
  text = gh_graph_error_describe (error);
  g_assert_nonnull (strstr (text->summary, "7 pages"));
  g_assert_nonnull (strstr (text->summary, "limit of calls"));
}

static void
test_looping_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PageLog log = { 0 };

  /* The third link asks for cursor A again in other words: stopped before asking. */
  g_assert_cmpint (pages (fixture->client, "looping-pages", &log, &error), ==, -1);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_NEXT_REPEATED);
  g_assert_cmpuint (fixture->hostile->requests, ==, 3);
  g_assert_cmpuint (log.pages, ==, 3);
  assert_described (error, "already been read");
}

static void
test_retry_reads (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *path; guint fail_first; guint requests; } cases[] = {
    { "unavailable", 2, 3 },   /* 503 twice, then an answer */
    { "transient", 1, 2 },     /* is_transient: true */
    { "code-1", 1, 2 },
    { "code-2", 2, 3 },
    { "code-131000", 1, 2 },
    { "reset", 1, 2 },         /* a reset connection */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("%s", cases[i].path);
      renew_client (fixture);
      fixture->hostile->requests = 0;
      fixture->hostile->fail_first = cases[i].fail_first;
      node = request (fixture->client, "GET", cases[i].path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "id"), ==,
                       cases[i].path);
      g_assert_cmpuint (fixture->hostile->requests, ==, cases[i].requests);
    }
}

static void
test_retry_gives_up (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* Failing every time: three attempts, then the error, saying how many. */
  fixture->hostile->fail_first = G_MAXUINT;
  node = request (fixture->client, "GET", "unavailable", &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_assert_cmpuint (_gh_graph_error_get_attempts (error), ==, 3);
  g_assert_cmpuint (fixture->hostile->requests, ==, 3);
  assert_described (error, "temporary problem");
  g_clear_error (&error);

  renew_client (fixture);
  fixture->hostile->requests = 0;
  node = request (fixture->client, "GET", "reset", &error);
  g_assert_null (node);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK);
  g_assert_cmpint (_gh_graph_error_get_cause (error), ==, GH_GRAPH_CAUSE_CONNECTION_LOST);
  g_assert_cmpuint (fixture->hostile->requests, ==, 3);
  assert_described (error, "broke off");
  g_clear_error (&error);

  /* An error a second try cannot change is not tried again. */
  fixture->hostile->requests = 0;
  node = request (fixture->client, "GET", "code-100", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
}

static void
test_writes_once (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const paths[] = { "unavailable", "reset", "transient", "code-2" };

  /* The write may have been done before the failure: the caller reads back instead. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    for (guint m = 0; m < 2; m++)
      {
        const char *method = m == 0 ? "POST" : "DELETE";
        g_autoptr(GError) error = NULL;
        g_autoptr(JsonNode) node = NULL;

        g_test_message ("%s %s", method, paths[i]);
        renew_client (fixture);
        fixture->hostile->requests = 0;
        fixture->hostile->fail_first = 1;
        node = request (fixture->client, method, paths[i], &error);
        g_assert_null (node);
        g_assert_nonnull (error);
        g_assert_cmpuint (_gh_graph_error_get_attempts (error), ==, 1);
        g_assert_cmpuint (fixture->hostile->requests, ==, 1);
      }
}

static void
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_during_backoff (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GAsyncResult *slot = NULL;

  /* A minute between attempts: only the cancellation can end this in time. */
  _gh_graph_client_set_timing (fixture->client, 2000, 60 * 1000, 1);
  fixture->hostile->fail_first = G_MAXUINT;
  gh_graph_client_get_async (fixture->client, "unavailable", NULL, cancellable, result_cb,
                             &slot);
  while (fixture->hostile->requests == 0)
    g_main_context_iteration (NULL, TRUE);
  g_idle_add_once (cancel_cb, cancellable);
  result = wait_for (&slot);
  node = gh_graph_client_get_finish (fixture->client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
}

static void
test_rate_limit_with_usage (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GhGraphErrorText) text = NULL;
  guint wait = 0;

  fixture->hostile->usage = g_strdup ("{\"123\": [{\"type\": \"whatsapp_business_management\","
                                      " \"call_count\": 100, \"total_cputime\": 4,"
                                      " \"total_time\": 6,"
                                      " \"estimated_time_to_regain_access\": 7}]}");
  fixture->hostile->fail_first = 1;
  node = request (fixture->client, "GET", "code-80008", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (gh_graph_error_get_retry_after (error), ==, 7 * 60);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==, 7);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 100);
  g_object_get (fixture->client, "wait-minutes", &wait, NULL);
  g_assert_cmpuint (wait, ==, 7);
  /* A limit is never a reason to call again. */
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);

  text = gh_graph_error_describe (error);
  g_assert_cmpuint (text->wait_minutes, ==, 7);
  g_assert_cmpstr (text->wait, ==, "Try again in 7 minutes.");

  /* Until the wait is over nothing more goes, reads and writes alike. */
  node = request (fixture->client, "GET", "anything", &again);
  g_assert_error (again, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpint (_gh_graph_error_get_cause (again), ==, GH_GRAPH_CAUSE_WAITING);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (again), ==, 7);
  g_clear_error (&again);
  node = request (fixture->client, "POST", "anything", &again);
  g_assert_error (again, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);
  assert_described (again, "holding back");
}

static void
test_rate_limit_without_usage (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const codes[] = { "code-4", "code-17", "code-32", "code-613",
                                        "code-80007" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GhGraphErrorText) text = NULL;

      g_test_message ("%s", codes[i]);
      fixture->hostile->requests = 0;
      fixture->hostile->fail_first = 1;
      node = request (fixture->client, "GET", codes[i], &error);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
      /* Meta named no time: the default wait, never none. */
      g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==,
                        GH_GRAPH_DEFAULT_WAIT_MINUTES);
      g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==,
                        GH_GRAPH_DEFAULT_WAIT_MINUTES);
      g_assert_cmpuint (fixture->hostile->requests, ==, 1);
      text = gh_graph_error_describe (error);
      g_assert_nonnull (text->wait);
      gh_graph_client_end_wait (fixture->client);
    }
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_usage_at_limit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  guint usage_notified = 0;
  guint wait_notified = 0;

  /* A successful answer at 100 % of the app's limit: the next call would be refused. */
  fixture->hostile->app_usage = g_strdup ("{\"call_count\": 100, \"total_time\": 20,"
                                          " \"total_cputime\": 12}");
  g_signal_connect (fixture->client, "notify::usage-percent", G_CALLBACK (count_cb),
                    &usage_notified);
  g_signal_connect (fixture->client, "notify::wait-minutes", G_CALLBACK (count_cb),
                    &wait_notified);
  first = request (fixture->client, "GET", "first", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 100);
  g_assert_cmpuint (usage_notified, ==, 1);
  g_assert_cmpuint (wait_notified, ==, 1);
  second = request (fixture->client, "GET", "second", &error);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (error), ==,
                    GH_GRAPH_DEFAULT_WAIT_MINUTES);
  g_assert_cmpuint (fixture->hostile->requests, ==, 1);

  /* A person chose to try now: calls go again, and Meta's answer decides what follows. */
  gh_graph_client_end_wait (fixture->client);
  g_assert_cmpuint (wait_notified, ==, 2);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==, 0);
  g_free (fixture->hostile->app_usage);
  fixture->hostile->app_usage = g_strdup ("{\"call_count\": 30}");
  g_clear_error (&error);
  g_clear_pointer (&second, json_node_unref);
  second = request (fixture->client, "GET", "second", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 30);
  g_assert_cmpuint (fixture->hostile->requests, ==, 2);
}

static void
test_usage_near_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  GAsyncResult *slots[4] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  static const char * const names[] = { "a", "b", "c", "d" };

  /* The short spelling in lower case, several businesses: the highest figure counts. */
  _gh_graph_client_set_timing (fixture->client, 2000, 1, 50);
  fixture->hostile->usage_name = "x-business-use-case";
  fixture->hostile->usage = g_strdup ("{\"1\": [{\"call_count\": 12}],"
                                      " \"2\": [{\"call_count\": 3, \"total_time\": 85}]}");
  node = request (fixture->client, "GET", "first", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gh_graph_client_get_usage_percent (fixture->client), ==, 85);
  g_assert_cmpuint (gh_graph_client_get_wait_minutes (fixture->client), ==, 0);

  /* Four reads at once: each after the one before, in order, all answered. */
  fixture->hostile->requests = 0;
  g_ptr_array_set_size (fixture->hostile->paths, 0);
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    gh_graph_client_get_async (fixture->client, names[i], NULL, NULL, result_cb, &slots[i]);
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      g_autoptr(GAsyncResult) result = wait_for (&slots[i]);
      g_autoptr(JsonNode) answer = gh_graph_client_get_finish (fixture->client, result, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (g_ptr_array_index (fixture->hostile->paths, i), ==, names[i]);
    }
  g_assert_cmpuint (fixture->hostile->requests, ==, 4);
  g_assert_cmpuint (_gh_graph_client_get_n_spaced (fixture->client), ==, 3);

  /* A write is what a person asked for: it is not held back. */
  g_clear_pointer (&node, json_node_unref);
  {
    guint spaced = _gh_graph_client_get_n_spaced (fixture->client);

    node = request (fixture->client, "POST", "write", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (_gh_graph_client_get_n_spaced (fixture->client), ==, spaced);
  }

  /* Below the threshold nothing is spaced. */
  g_free (fixture->hostile->usage);
  fixture->hostile->usage = g_strdup ("{\"1\": [{\"call_count\": 40}]}");
  g_clear_pointer (&node, json_node_unref);
  node = request (fixture->client, "GET", "calm", &error);
  {
    guint spaced = _gh_graph_client_get_n_spaced (fixture->client);

    g_clear_pointer (&node, json_node_unref);
    node = request (fixture->client, "GET", "calm-again", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (_gh_graph_client_get_n_spaced (fixture->client), ==, spaced);
  }
}

static GPtrArray *
batch (GhGraphClient  *client,
       const char     *method,
       const char     *urls[],
       guint           n,
       GError        **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gh_graph_batch_request_free);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (requests, gh_graph_batch_request_new (i == 0 ? method : "GET", urls[i]));
  gh_graph_client_batch_async (client, requests, NULL, result_cb, &slot);
  result = wait_for (&slot);

  return gh_graph_client_batch_finish (client, result, error);
}

static void
test_batch_null_item (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *urls[] = { "me", "slow-one", "deep", "other" };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  GhGraphBatchResult *item;

  /* Null the first time only: the retry holds just that operation, and it arrives. */
  fixture->hostile->fail_first = 1;
  results = batch (fixture->client, "GET", urls, G_N_ELEMENTS (urls), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->hostile->batches, ==, 2);
  g_assert_cmpuint (fixture->hostile->last_batch_size, ==, 1);
  item = g_ptr_array_index (results, 1);
  g_assert_no_error (item->error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (item->body), "id"),
                   ==, "slow-one");
  item = g_ptr_array_index (results, 3);
  g_assert_no_error (item->error);

  /* A body that is JSON inside JSON gets the same depth limit, and only that item fails. */
  item = g_ptr_array_index (results, 2);
  g_assert_null (item->body);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpint (_gh_graph_error_get_cause (item->error), ==, GH_GRAPH_CAUSE_TOO_DEEP);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Null every time: sent again once, then reported. */
  fixture->hostile->batches = 0;
  fixture->hostile->fail_first = G_MAXUINT;
  results = batch (fixture->client, "GET", urls, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->hostile->batches, ==, 2);
  item = g_ptr_array_index (results, 1);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
  g_assert_cmpint (_gh_graph_error_get_cause (item->error), ==,
                   GH_GRAPH_CAUSE_BATCH_ITEM_TIMED_OUT);
  assert_described (item->error, "in time");
  g_clear_pointer (&results, g_ptr_array_unref);

  /* An operation that reads another's result cannot be asked for alone. */
  {
    const char *dependent[] = { "me", "slow?ids={result=me:$.id}" };

    fixture->hostile->batches = 0;
    results = batch (fixture->client, "GET", dependent, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fixture->hostile->batches, ==, 1);
    item = g_ptr_array_index (results, 1);
    g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
    g_clear_pointer (&results, g_ptr_array_unref);
  }

  /* A batch with a write is never sent again, not even in part. */
  fixture->hostile->batches = 0;
  results = batch (fixture->client, "POST", urls, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->hostile->batches, ==, 1);
  item = g_ptr_array_index (results, 1);
  g_assert_error (item->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/graph-hostile/deep", test_deep);
  ADD ("/graph-hostile/big", test_big);
  ADD ("/graph-hostile/endless", test_endless);
  ADD ("/graph-hostile/trickle", test_trickle);
  ADD ("/graph-hostile/endless-pages", test_endless_pages);
  ADD ("/graph-hostile/looping-pages", test_looping_pages);
  ADD ("/graph-hostile/retry-reads", test_retry_reads);
  ADD ("/graph-hostile/retry-gives-up", test_retry_gives_up);
  ADD ("/graph-hostile/writes-once", test_writes_once);
  ADD ("/graph-hostile/cancel-during-backoff", test_cancel_during_backoff);
  ADD ("/graph-hostile/rate-limit-with-usage", test_rate_limit_with_usage);
  ADD ("/graph-hostile/rate-limit-without-usage", test_rate_limit_without_usage);
  ADD ("/graph-hostile/usage-at-limit", test_usage_at_limit);
  ADD ("/graph-hostile/usage-near-limit", test_usage_near_limit);
  ADD ("/graph-hostile/batch-null-item", test_batch_null_item);

  return g_test_run ();
}
