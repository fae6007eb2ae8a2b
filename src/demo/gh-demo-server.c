/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-server-private.h"

/* Answers the way graph.facebook.com does, including the parts clients get wrong: paging
 * links that carry the token, error objects with trace ids, field expansion, batches.  Each
 * HTTP request becomes one or more "operations" (a batch item is one); the knobs and the rate
 * limit work per operation, the transport faults and the latency per HTTP request.
 *
 * Choices where Meta's behaviour is unknown or unpublished:
 * - POST <waba>/assigned_users REPLACES the user's task set (it may add on Meta's side:
 *   gh_demo_server_set_assign_adds switches to that).
 * - assigned_users always carry user_type unless fields= asks for something else.
 * - me/assigned_whatsapp_business_accounts answers every system-user token, listing only the
 *   accounts it can read; a personal (USER) token gets error 100 like on Meta.
 * - token_in_url_count counts HTTP requests without an Authorization header or with an
 *   access_token parameter, and batch items carrying their own access_token.
 * - Batch answers of named operations are always sent, even when a later one refers to them.
 * - A phone number's operations count against its account's rate limit.
 * - A wrong register PIN is error 100, like other invalid parameters; a number allows
 *   GH_DEMO_REGISTER_TRIES tries in the server's life (Meta: 10 in 72 hours), then 133016.
 * - webhook_configuration always names the demo app's callback URL, subscribed or not. */

typedef struct
{
  char        *prefix;
  gboolean     is_fault;
  GhDemoFault  fault;
  guint        http_status;
  gint         code;
  gint         subcode;
  guint        remaining;      /* 0: for ever */
} Rule;

typedef struct
{
  GhDemoServer      *self;
  SoupServerMessage *msg;
  GSource           *source;
  gulong             disconnected_id;
  gboolean           drop;
} Pending;

G_DEFINE_FINAL_TYPE (GhDemoServer, gh_demo_server, G_TYPE_OBJECT)

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->prefix);
  g_free (rule);
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_signal_handler (&pending->disconnected_id, pending->msg);
  g_source_destroy (pending->source);
  g_source_unref (pending->source);
  g_object_unref (pending->msg);
  g_free (pending);
}

static gboolean
is_all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

static void
route (GhDemoOp *op)
{
  g_auto(GStrv) segments = g_strsplit (op->path, "/", -1);
  guint n = g_strv_length (segments);
  GhDemoWaba *waba;
  JsonObject *phone;

  if (n == 0 || *segments[0] == '\0')
    {
      _gh_demo_op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0, _gh_demo_op_is (op, "POST")
                        ? "(#100) The parameter batch is required" : "(#100) Missing ID");
      return;
    }
  if (n > 2)
    {
      _gh_demo_op_fail_unknown_path (op, segments[2]);
      return;
    }

  if (g_str_equal (segments[0], "debug_token") && n == 1)
    _gh_demo_route_debug_token (op);
  else if (g_str_equal (segments[0], "me"))
    _gh_demo_route_me (op, segments[1]);
  else if ((waba = gh_demo_data_find_waba (op->self->data, segments[0])) != NULL)
    _gh_demo_route_waba (op, waba, segments[1]);
  else if ((phone = gh_demo_data_find_phone (op->self->data, segments[0], &waba)) != NULL)
    _gh_demo_route_phone (op, waba, phone, segments[1]);
  else if (g_str_equal (segments[0], GH_DEMO_BUSINESS_ID))
    _gh_demo_route_business (op, segments[1]);
  else if (is_all_digits (segments[0]))
    _gh_demo_op_fail_no_object (op, segments[0]);
  else
    _gh_demo_op_fail (op, SOUP_STATUS_NOT_FOUND, 803, 0,
                      "(#803) Some of the aliases you requested do not exist: %s", segments[0]);
}

/* Counts this call with those of the last hour, forgetting older ones. */
static guint
calls_in_last_hour (GhDemoServer *self)
{
  gint64 now = g_get_monotonic_time ();
  guint old = 0;

  while (old < self->call_times->len
         && g_array_index (self->call_times, gint64, old) < now - G_TIME_SPAN_HOUR)
    old++;
  g_array_remove_range (self->call_times, 0, old);
  g_array_append_val (self->call_times, now);

  return self->call_times->len;
}

static char *
usage_header (const char *waba_id,
              guint       call_count,
              guint       cputime,
              guint       total_time,
              guint       wait_minutes)
{
  return g_strdup_printf ("{\"%s\":[{\"type\":\"whatsapp_business_management\","
                          "\"call_count\":%u,\"total_cputime\":%u,\"total_time\":%u,"
                          "\"estimated_time_to_regain_access\":%u}]}",
                          waba_id, call_count, cputime, total_time, wait_minutes);
}

static gboolean
take_rule (GhDemoServer *self,
           const char   *path,
           gboolean      is_fault,
           Rule         *out)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);

      if (rule->is_fault != is_fault || !g_str_has_prefix (path, rule->prefix))
        continue;

      *out = *rule;
      out->prefix = NULL;
      if (rule->remaining > 0 && --rule->remaining == 0)
        g_ptr_array_remove_index (self->rules, i);
      return TRUE;
    }

  return FALSE;
}

/* The account whose rate limit @path counts against, if any. */
static GhDemoWaba *
rate_limited_waba (GhDemoServer *self,
                   const char   *path)
{
  const char *slash = strchr (path, '/');
  g_autofree char *first = slash ? g_strndup (path, slash - path) : g_strdup (path);
  GhDemoWaba *waba = gh_demo_data_find_waba (self->data, first);

  if (waba == NULL)
    gh_demo_data_find_phone (self->data, first, &waba);

  return waba;
}

/* "METHOD path", with the token cut out should a client have put it in the path. */
static char *
write_log_entry (GhDemoOp *op)
{
  g_autofree char *path = NULL;

  if (op->token != NULL && *op->token != '\0' && strstr (op->path, op->token) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (op->path, op->token, -1);

      path = g_strjoinv ("[token]", parts);
    }
  else
    path = g_strdup (op->path);

  return g_strdup_printf ("%s %s", op->method, path);
}

void
_gh_demo_op_count (GhDemoOp *op)
{
  GhDemoServer *self = op->self;

  self->operation_count++;
  if (_gh_demo_op_is (op, "POST") || _gh_demo_op_is (op, "DELETE"))
    {
      self->write_count++;
      g_ptr_array_add (self->write_log, write_log_entry (op));
    }
}

/* The one way in for every operation, single or batched. */
void
_gh_demo_op_dispatch (GhDemoOp *op)
{
  GhDemoServer *self = op->self;
  GhDemoWaba *waba;
  guint hour_calls;
  Rule rule;

  _gh_demo_op_count (op);

  if (take_rule (self, op->path, FALSE, &rule))
    {
      _gh_demo_op_fail_injected (op, rule.http_status, rule.code, rule.subcode);
      return;
    }

  if (op->profile == NULL)
    {
      _gh_demo_op_fail_invalid_token (op);
      return;
    }

  if ((waba = rate_limited_waba (self, op->path)) != NULL)
    {
      self->waba_calls++;
      if (self->rate_limit_calls > 0 && self->waba_calls > self->rate_limit_calls)
        {
          _gh_demo_op_set_error (op, SOUP_STATUS_BAD_REQUEST, 80008, 0, "OAuthException",
                                 "(#80008) There have been too many calls to this WhatsApp "
                                 "Business account. Wait a bit and try again.",
                                 NULL, NULL, FALSE);
          op->usage = usage_header (waba->id, 100, 3, 5, self->rate_limit_wait);
          return;
        }
      /* Meta's default budget is 200 calls an hour per account, over a rolling hour. */
      hour_calls = calls_in_last_hour (self);
      op->usage = usage_header (waba->id,
                                self->rate_limit_calls > 0
                                ? self->waba_calls * 100 / self->rate_limit_calls
                                : MIN (hour_calls / 2, 99u),
                                1, 1, 0);
    }

  route (op);
}

static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

static gboolean
pending_fired_cb (gpointer user_data)
{
  Pending *pending = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (pending->msg);
  gboolean drop = pending->drop;

  /* Frees @pending and its source, which is allowed from the source's own callback. */
  g_ptr_array_remove_fast (pending->self->pending, pending);

  soup_server_message_unpause (msg);
  if (drop)
    drop_connection (msg);

  return G_SOURCE_REMOVE;
}

static void
pending_disconnected_cb (SoupServerMessage *msg,
                         gpointer           user_data)
{
  Pending *pending = user_data;

  g_ptr_array_remove_fast (pending->self->pending, pending);
}

static void
finish_message (GhDemoServer      *self,
                SoupServerMessage *msg,
                gboolean           drop)
{
  Pending *pending;

  if (self->latency == 0)
    {
      if (drop)
        drop_connection (msg);
      return;
    }

  /* Hold the answer back without blocking the main loop the app shares with us. */
  soup_server_message_pause (msg);
  pending = g_new0 (Pending, 1);
  pending->self = self;
  pending->msg = g_object_ref (msg);
  pending->drop = drop;
  pending->source = g_timeout_source_new (self->latency);
  g_source_set_callback (pending->source, pending_fired_cb, pending, NULL);
  g_source_set_static_name (pending->source, "[gh-demo] latency");
  g_source_attach (pending->source, self->context);
  pending->disconnected_id = g_signal_connect (msg, "disconnected",
                                               G_CALLBACK (pending_disconnected_cb), pending);
  g_ptr_array_add (self->pending, pending);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *raw_path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  GhDemoServer *self = user_data;
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  g_autoptr(GHashTable) params = _gh_demo_request_params (msg, query);
  g_autofree char *token = _gh_demo_bearer_token (msg);
  g_autofree char *version = NULL;
  g_autofree char *path = _gh_demo_split_path (raw_path, &version);
  g_autofree char *fbtrace_id = _gh_demo_fbtrace_id_new ();
  g_autofree char *method = g_ascii_strup (soup_server_message_get_method (msg), -1);
  const char *batch = NULL;
  char *text;
  gsize len;
  Rule fault = { .fault = GH_DEMO_FAULT_NONE };
  GhDemoOp op = {
    .self = self, .method = method, .version = version, .path = path, .params = params,
    .token = token, .profile = gh_demo_profile_lookup (token),
  };

  self->request_count++;
  if (token == NULL || g_hash_table_contains (params, "access_token"))
    self->token_in_url_count++;

  take_rule (self, path, TRUE, &fault);
  if (fault.fault == GH_DEMO_FAULT_DROP)
    {
      finish_message (self, msg, TRUE);
      return;
    }
  if (fault.fault == GH_DEMO_FAULT_NOT_JSON)
    {
      static const char page[] =
        "<!DOCTYPE html>\n<html><head><title>Error</title></head>"
        "<body><h1>Sorry, something went wrong.</h1><p>We're working on it.</p></body></html>\n";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
      finish_message (self, msg, FALSE);
      return;
    }

  if (*path == '\0' && g_str_equal (method, "POST")
      && (batch = g_hash_table_lookup (params, "batch")) != NULL)
    {
      const char *include = g_hash_table_lookup (params, "include_headers");

      _gh_demo_op_run_batch (&op, batch, g_strcmp0 (include, "false") != 0);
    }
  else
    _gh_demo_op_dispatch (&op);

  text = json_to_string (op.body, FALSE);
  len = strlen (text);
  /* Half a document with a matching length: a parser error, not a transport one. */
  if (fault.fault == GH_DEMO_FAULT_TRUNCATED)
    len /= 2;

  soup_message_headers_replace (response_headers, "facebook-api-version",
                                version ?: GH_DEMO_DEFAULT_VERSION);
  soup_message_headers_replace (response_headers, "x-fb-trace-id", fbtrace_id);
  soup_message_headers_replace (response_headers, "Cache-Control", "no-store");
  if (op.usage != NULL)
    soup_message_headers_replace (response_headers, "X-Business-Use-Case-Usage", op.usage);
  soup_server_message_set_status (msg, op.status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_TAKE,
                                    text, len);
  _gh_demo_op_clear (&op);

  finish_message (self, msg, FALSE);
}

static void
gh_demo_server_dispose (GObject *object)
{
  GhDemoServer *self = GH_DEMO_SERVER (object);

  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (gh_demo_server_parent_class)->dispose (object);
}

static void
gh_demo_server_finalize (GObject *object)
{
  GhDemoServer *self = GH_DEMO_SERVER (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->call_times, g_array_unref);
  g_clear_pointer (&self->write_log, g_ptr_array_unref);
  g_clear_pointer (&self->register_tries, g_hash_table_unref);
  g_clear_pointer (&self->data, gh_demo_data_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->url);

  G_OBJECT_CLASS (gh_demo_server_parent_class)->finalize (object);
}

static void
gh_demo_server_class_init (GhDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_demo_server_dispose;
  object_class->finalize = gh_demo_server_finalize;
}

static void
gh_demo_server_init (GhDemoServer *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->data = gh_demo_data_new ();
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->call_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->write_log = g_ptr_array_new_with_free_func (g_free);
  self->register_tries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func (pending_free);
  self->server = g_object_new (SOUP_TYPE_SERVER, NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
}

GhDemoServer *
gh_demo_server_new (GError **error)
{
  g_autoptr(GhDemoServer) self = g_object_new (GH_TYPE_DEMO_SERVER, NULL);
  GSList *uris;

  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return NULL;

  uris = soup_server_get_uris (self->server);
  if (uris == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The demo server is not listening");
      return NULL;
    }
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return g_steal_pointer (&self);
}

const char *
gh_demo_server_get_url (GhDemoServer *self)
{
  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), NULL);

  return self->url;
}

guint
gh_demo_server_get_request_count (GhDemoServer *self)
{
  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), 0);

  return self->request_count;
}

guint
gh_demo_server_get_operation_count (GhDemoServer *self)
{
  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), 0);

  return self->operation_count;
}

void
gh_demo_server_reset_counts (GhDemoServer *self)
{
  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  self->request_count = 0;
  self->operation_count = 0;
  self->token_in_url_count = 0;
  self->write_count = 0;
  g_ptr_array_set_size (self->write_log, 0);
}

guint
gh_demo_server_get_write_count (GhDemoServer *self)
{
  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), 0);

  return self->write_count;
}

char **
gh_demo_server_dup_write_log (GhDemoServer *self)
{
  GStrvBuilder *builder;
  char **log;

  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->write_log->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->write_log, i));
  log = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return log;
}

guint
gh_demo_server_get_token_in_url_count (GhDemoServer *self)
{
  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), 0);

  return self->token_in_url_count;
}

void
gh_demo_server_set_latency (GhDemoServer *self,
                            guint         milliseconds)
{
  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  self->latency = milliseconds;
}

static void
add_rule (GhDemoServer *self,
          const char   *path_prefix,
          Rule         *rule)
{
  const char *prefix = path_prefix ? path_prefix : "";

  /* Paths are matched without the leading slash and version, like the header says. */
  while (*prefix == '/')
    prefix++;

  rule->prefix = g_strdup (prefix);
  g_ptr_array_add (self->rules, g_memdup2 (rule, sizeof *rule));
}

void
gh_demo_server_set_error (GhDemoServer *self,
                          const char   *path_prefix,
                          guint         http_status,
                          gint          graph_code,
                          gint          graph_subcode,
                          guint         times)
{
  Rule rule = {
    .http_status = http_status ? http_status : SOUP_STATUS_BAD_REQUEST,
    .code = graph_code, .subcode = graph_subcode, .remaining = times,
  };

  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  add_rule (self, path_prefix, &rule);
}

void
gh_demo_server_set_fault (GhDemoServer *self,
                          const char   *path_prefix,
                          GhDemoFault   fault,
                          guint         times)
{
  Rule rule = { .is_fault = TRUE, .fault = fault, .remaining = times };

  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  if (fault == GH_DEMO_FAULT_NONE)
    return;
  add_rule (self, path_prefix, &rule);
}

void
gh_demo_server_set_rate_limit (GhDemoServer *self,
                               guint         calls,
                               guint         wait_minutes)
{
  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  self->rate_limit_calls = calls;
  self->rate_limit_wait = wait_minutes;
  self->waba_calls = 0;
  g_array_set_size (self->call_times, 0);
}

void
gh_demo_server_clear_faults (GhDemoServer *self)
{
  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  g_ptr_array_set_size (self->rules, 0);
  self->rate_limit_calls = 0;
  self->rate_limit_wait = 0;
  self->waba_calls = 0;
  g_array_set_size (self->call_times, 0);
}

void
gh_demo_server_set_assign_adds (GhDemoServer *self,
                                gboolean      adds)
{
  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  self->assign_adds = adds;
}

void
gh_demo_server_set_assigned_user_count (GhDemoServer *self,
                                        const char   *waba_id,
                                        guint         count)
{
  GhDemoWaba *waba;

  g_return_if_fail (GH_IS_DEMO_SERVER (self));
  g_return_if_fail (waba_id != NULL);

  if ((waba = gh_demo_data_find_waba (self->data, waba_id)) != NULL)
    gh_demo_waba_generate_users (waba, count);
}

guint
gh_demo_server_get_assigned_user_count (GhDemoServer *self,
                                        const char   *waba_id)
{
  GhDemoWaba *waba;

  g_return_val_if_fail (GH_IS_DEMO_SERVER (self), 0);

  if ((waba = gh_demo_data_find_waba (self->data, waba_id)) == NULL)
    return 0;

  return waba->assigned_users->len;
}

void
gh_demo_server_set_health (GhDemoServer *self,
                           const char   *waba_id,
                           GhDemoHealth  health)
{
  GhDemoWaba *waba;

  g_return_if_fail (GH_IS_DEMO_SERVER (self));
  g_return_if_fail (waba_id != NULL);

  if ((waba = gh_demo_data_find_waba (self->data, waba_id)) == NULL)
    return;

  waba->health = health;
  gh_demo_waba_refresh (waba);
}
