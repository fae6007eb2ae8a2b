/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "gh-demo-data.h"
#include "gh-demo-server.h"

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
 * - Batch answers of named operations are always sent, even when a later one refers to them. */

#define DEFAULT_VERSION "v25.0"
#define DEFAULT_LIMIT   25
#define MAX_LIMIT       100
#define MAX_BATCH       50
#define CURSOR_PREFIX   "AQHRdemo:"

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

struct _GhDemoServer
{
  GObject       parent_instance;

  SoupServer   *server;
  GMainContext *context;
  char         *url;
  GhDemoData   *data;

  guint         request_count;
  guint         operation_count;
  guint         token_in_url_count;

  guint         latency;
  GPtrArray    *rules;         /* Rule* */
  GPtrArray    *pending;       /* Pending*: answers held back by the latency */
  guint         rate_limit_calls;
  guint         rate_limit_wait;
  guint         waba_calls;
  gboolean      assign_adds;
};

G_DEFINE_FINAL_TYPE (GhDemoServer, gh_demo_server, G_TYPE_OBJECT)

/* One Graph operation: an HTTP request or one item of a batch. */
typedef struct
{
  GhDemoServer        *self;
  const char          *method;
  const char          *version;   /* nullable */
  const char          *path;      /* without version and slashes at the ends */
  GHashTable          *params;
  const char          *token;     /* the bearer token, nullable */
  const GhDemoProfile *profile;   /* NULL: no valid token */

  guint                status;
  JsonNode            *body;
  char                *usage;     /* X-Business-Use-Case-Usage, nullable */
} Op;

typedef struct Field Field;
struct Field
{
  char      *name;
  GPtrArray *children;        /* Field*, NULL without {…} */
  char      *children_text;
  gint64     limit;           /* -1: not given */
  gboolean   summary;
};

typedef struct
{
  const char *type_name;      /* Meta's node type, for errors */
  const char *defaults;       /* the fields sent when fields= is absent */
  gboolean    waba_edges;
} NodeKind;

typedef struct
{
  GPtrArray  *fields;         /* nullable: the kind's defaults */
  const char *fields_text;    /* nullable */
  gint64      limit;          /* -1: default */
  const char *after;
  const char *before;
  gboolean    summary;
  GHashTable *carry;          /* nullable: more parameters for paging links */
} ListQuery;

static const NodeKind waba_kind = { "WhatsAppBusinessAccount", "id,name", TRUE };
static const NodeKind assigned_waba_kind = { "WhatsAppBusinessAccount", "id,name,tasks", FALSE };
static const NodeKind user_kind = { "User", "id,name", FALSE };
static const NodeKind business_kind = { "Business", "id,name", FALSE };
static const NodeKind phone_kind = {
  "WhatsAppBusinessPhoneNumber",
  "verified_name,code_verification_status,display_phone_number,quality_rating,platform_type,"
  "throughput,id",
  FALSE
};
static const NodeKind template_kind = {
  "WhatsAppMessageTemplate", "name,parameter_format,components,language,status,category,id",
  FALSE
};
static const NodeKind assigned_user_kind = { "AssignedUser", "id,name,tasks,user_type", FALSE };
static const NodeKind system_user_kind = { "SystemUser", "id,name,role", FALSE };
static const NodeKind business_user_kind = {
  "BusinessUser", "id,name,email,role,first_name,last_name", FALSE
};

/* What Meta says for the codes a test is likely to inject. */
static const struct
{
  gint        code;
  gint        subcode;        /* -1: any */
  const char *type;
  const char *message;
  const char *user_title;
  const char *user_msg;
  gboolean    transient;
} known_errors[] = {
  { 190, 463, "OAuthException",
    "Error validating access token: Session has expired on Tuesday, 14-Apr-26 09:00:00 PDT. "
    "The current time is Wednesday, 15-Apr-26 02:13:44 PDT.", NULL, NULL, FALSE },
  { 190, 460, "OAuthException",
    "Error validating access token: The session has been invalidated because the user "
    "changed their password or Facebook has changed the session for security reasons.",
    NULL, NULL, FALSE },
  { 190, -1, "OAuthException", "Invalid OAuth access token - Cannot parse access token",
    NULL, NULL, FALSE },
  { 1, -1, "OAuthException", "An unknown error has occurred.", NULL, NULL, TRUE },
  { 2, -1, "OAuthException", "An unexpected error has occurred. Please retry your request "
    "later.", NULL, NULL, TRUE },
  { 4, -1, "OAuthException", "(#4) Application request limit reached", NULL, NULL, FALSE },
  { 10, -1, "OAuthException", "(#10) Application does not have permission for this action",
    NULL, NULL, FALSE },
  { 17, -1, "OAuthException", "(#17) User request limit reached", NULL, NULL, FALSE },
  { 32, -1, "OAuthException", "(#32) Page request limit reached", NULL, NULL, FALSE },
  { 100, 33, "GraphMethodException",
    "Unsupported get request. Object with ID '0' does not exist, cannot be loaded due to "
    "missing permissions, or does not support this operation. Please read the Graph API "
    "documentation at https://developers.facebook.com/docs/graph-api", NULL, NULL, FALSE },
  { 100, -1, "OAuthException", "(#100) Invalid parameter", NULL, NULL, FALSE },
  { 200, -1, "OAuthException", "(#200) Permissions error", NULL, NULL, FALSE },
  { 368, -1, "OAuthException",
    "(#368) The action attempted has been deemed abusive or is otherwise disallowed",
    "Action blocked", "This account is temporarily blocked from this action.", FALSE },
  { 415, -1, "OAuthException",
    "Two factor authentication required. User have to enter a code from SMS or TOTP code "
    "generator to pass 2fac. This could happen when accessing a 2fac-protected asset like a "
    "page that is owned by a 2fac-protected business manager.",
    "Two-factor authentication required",
    "Turn on two-factor authentication for your Facebook account to access this business.",
    FALSE },
  { 613, -1, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.",
    NULL, NULL, FALSE },
  { 80007, -1, "OAuthException",
    "(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit "
    "and try again.", NULL, NULL, FALSE },
  { 80008, -1, "OAuthException",
    "(#80008) There have been too many calls to this WhatsApp Business account. Wait a bit "
    "and try again.", NULL, NULL, FALSE },
  { 131000, -1, "OAuthException", "(#131000) Something went wrong", NULL, NULL, TRUE },
  { 131031, -1, "OAuthException", "(#131031) Business Account locked", "Account locked",
    "This WhatsApp Business account has been locked. Contact Business Support.", FALSE },
};

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->name);
  g_clear_pointer (&field->children, g_ptr_array_unref);
  g_free (field->children_text);
  g_free (field);
}

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

static void
op_clear (Op *op)
{
  g_clear_pointer (&op->body, json_node_unref);
  g_clear_pointer (&op->usage, g_free);
}

static char *
fbtrace_id_new (void)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  char id[12];

  for (guint i = 0; i < sizeof id - 1; i++)
    id[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  id[sizeof id - 1] = '\0';

  return g_strdup (id);
}

static void
op_set_body (Op         *op,
             guint       status,
             JsonObject *object)
{
  g_clear_pointer (&op->body, json_node_unref);
  op->status = status;
  op->body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
}

static void
op_set_error (Op         *op,
              guint       status,
              gint        code,
              gint        subcode,
              const char *type,
              const char *message,
              const char *user_title,
              const char *user_msg,
              gboolean    transient)
{
  JsonObject *root = json_object_new ();
  JsonObject *error = json_object_new ();
  g_autofree char *fbtrace_id = fbtrace_id_new ();

  /* Messages may echo request text: keep the JSON valid whatever was sent. */
  g_autofree char *valid = g_utf8_make_valid (message, -1);

  json_object_set_string_member (error, "message", valid);
  json_object_set_string_member (error, "type", type);
  json_object_set_int_member (error, "code", code);
  if (subcode != 0)
    json_object_set_int_member (error, "error_subcode", subcode);
  if (user_title != NULL)
    json_object_set_string_member (error, "error_user_title", user_title);
  if (user_msg != NULL)
    json_object_set_string_member (error, "error_user_msg", user_msg);
  json_object_set_string_member (error, "fbtrace_id", fbtrace_id);
  json_object_set_boolean_member (error, "is_transient", transient);
  json_object_set_object_member (root, "error", error);
  op_set_body (op, status, root);
}

static void op_fail (Op         *op,
                     guint       status,
                     gint        code,
                     gint        subcode,
                     const char *format,
                     ...) G_GNUC_PRINTF (5, 6);

static void
op_fail (Op         *op,
         guint       status,
         gint        code,
         gint        subcode,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  op_set_error (op, status, code, subcode,
                subcode == 33 ? "GraphMethodException" : "OAuthException",
                message, NULL, NULL, FALSE);
}

static void
op_fail_invalid_token (Op *op)
{
  op_set_error (op, SOUP_STATUS_BAD_REQUEST, 190, 0, "OAuthException",
                "Invalid OAuth access token - Cannot parse access token",
                NULL, NULL, FALSE);
}

static void
op_fail_no_object (Op         *op,
                   const char *id)
{
  g_autofree char *method = g_ascii_strdown (op->method, -1);

  op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 33,
           "Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded due "
           "to missing permissions, or does not support this operation. Please read the "
           "Graph API documentation at https://developers.facebook.com/docs/graph-api",
           method, id);
}

static void
op_fail_permission (Op *op)
{
  op_set_error (op, SOUP_STATUS_FORBIDDEN, 200, 0, "OAuthException",
                "(#200) Permissions error", NULL, NULL, FALSE);
}

static void
op_fail_injected (Op         *op,
                  const Rule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_errors); i++)
    {
      if (known_errors[i].code != rule->code)
        continue;
      if (known_errors[i].subcode != -1 && known_errors[i].subcode != rule->subcode)
        continue;

      op_set_error (op, rule->http_status, rule->code, rule->subcode, known_errors[i].type,
                    known_errors[i].message, known_errors[i].user_title,
                    known_errors[i].user_msg,
                    known_errors[i].transient || rule->http_status >= 500);
      return;
    }

  op_set_error (op, rule->http_status, rule->code, rule->subcode, "OAuthException",
                "An unexpected error has occurred. Please retry your request later.",
                NULL, NULL, rule->http_status >= 500);
}

static void
op_succeed (Op *op)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "success", TRUE);
  op_set_body (op, SOUP_STATUS_OK, object);
}

static void
object_take_string (JsonObject *object,
                    const char *key,
                    char       *value)
{
  json_object_set_string_member (object, key, value);
  g_free (value);
}

/* The fields parameter: "a,b{c,d}.limit(2),e.summary(total_count)". */

typedef struct
{
  const char *text;
  gsize       pos;
  char       *error;
} Parser;

static void
parser_fail (Parser     *parser,
             const char *expected)
{
  char found[8] = "";

  if (parser->error != NULL)
    return;

  if (parser->text[parser->pos] != '\0')
    {
      const char *here = parser->text + parser->pos;
      /* Never past the end, even when the text is not valid UTF-8. */
      gsize len = MIN ((gsize) g_utf8_skip[*(const guchar *) here], strnlen (here, 4));

      memcpy (found, here, len);
    }

  parser->error = g_strdup_printf ("Syntax error \"%s instead of \"%s\".\" at character %"
                                   G_GSIZE_FORMAT ": %s",
                                   expected, found[0] ? found : "end of string",
                                   parser->pos, parser->text);
}

static void
parser_skip_space (Parser *parser)
{
  while (g_ascii_isspace (parser->text[parser->pos]))
    parser->pos++;
}

static char *
parser_ident (Parser *parser)
{
  gsize start = parser->pos;

  while (g_ascii_isalnum (parser->text[parser->pos]) || parser->text[parser->pos] == '_')
    parser->pos++;

  if (parser->pos == start)
    return NULL;

  return g_strndup (parser->text + start, parser->pos - start);
}

static gboolean
parse_modifier (Parser *parser,
                Field  *field)
{
  g_autofree char *modifier = NULL;
  g_autofree char *argument = NULL;
  gsize start;

  if ((modifier = parser_ident (parser)) == NULL)
    {
      parser_fail (parser, "Expected a modifier name");
      return FALSE;
    }
  if (parser->text[parser->pos] != '(')
    {
      parser_fail (parser, "Expected \"(\"");
      return FALSE;
    }

  start = ++parser->pos;
  while (parser->text[parser->pos] != ')' && parser->text[parser->pos] != '\0')
    parser->pos++;
  if (parser->text[parser->pos] != ')')
    {
      parser_fail (parser, "Expected \")\"");
      return FALSE;
    }
  argument = g_strstrip (g_strndup (parser->text + start, parser->pos - start));
  parser->pos++;

  if (g_str_equal (modifier, "limit"))
    {
      guint64 limit;

      if (!g_ascii_string_to_unsigned (argument, 10, 0, G_MAXINT32, &limit, NULL))
        {
          parser->pos = start;
          parser_fail (parser, "Expected a non-negative integer");
          return FALSE;
        }
      field->limit = (gint64) limit;
    }
  else if (g_str_equal (modifier, "summary"))
    {
      /* summary(total_count,message_template_count,message_template_limit) asks for several
       * members at once; the demo sends them all whenever one it knows is asked for. */
      g_auto(GStrv) names = g_strsplit (argument, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const char *name = g_strstrip (names[i]);

          if (g_str_equal (name, "total_count") || g_str_equal (name, "true")
              || g_str_equal (name, "1") || g_str_equal (name, "message_template_count")
              || g_str_equal (name, "message_template_limit"))
            field->summary = TRUE;
        }
    }
  /* Other modifiers (order, filtering, since…) are accepted and have no effect here. */

  return TRUE;
}

static GPtrArray *
parse_fields (Parser   *parser,
              gboolean  nested)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (field_free);

  for (;;)
    {
      Field *field;
      char *name;
      char c;

      parser_skip_space (parser);
      if ((name = parser_ident (parser)) == NULL)
        {
          parser_fail (parser, "Expected a field name");
          return NULL;
        }

      field = g_new0 (Field, 1);
      field->name = name;
      field->limit = -1;
      g_ptr_array_add (fields, field);

      for (;;)
        {
          parser_skip_space (parser);
          if (parser->text[parser->pos] == '.')
            {
              parser->pos++;
              if (!parse_modifier (parser, field))
                return NULL;
            }
          else if (parser->text[parser->pos] == '{' && field->children == NULL)
            {
              gsize start = ++parser->pos;

              if ((field->children = parse_fields (parser, TRUE)) == NULL)
                return NULL;
              field->children_text = g_strndup (parser->text + start, parser->pos - start);
              parser->pos++;
            }
          else
            break;
        }

      parser_skip_space (parser);
      c = parser->text[parser->pos];
      if (c == ',')
        parser->pos++;
      else if ((nested && c == '}') || (!nested && c == '\0'))
        return g_steal_pointer (&fields);
      else
        {
          parser_fail (parser, nested ? "Expected \"}\"" : "Expected end of string");
          return NULL;
        }
    }
}

/* NULL with @op failed on a syntax error, or when @text is NULL or blank (no error then). */
static GPtrArray *
op_parse_fields (Op         *op,
                 const char *text)
{
  Parser parser = { text, 0, NULL };
  GPtrArray *fields;

  if (text == NULL)
    return NULL;

  parser_skip_space (&parser);
  if (text[parser.pos] == '\0')
    return NULL;

  if ((fields = parse_fields (&parser, FALSE)) == NULL)
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 2500, 0, "%s", parser.error);
      g_free (parser.error);
    }

  return fields;
}

static GPtrArray *
default_fields (const NodeKind *kind)
{
  Parser parser = { kind->defaults, 0, NULL };
  GPtrArray *fields = parse_fields (&parser, FALSE);

  g_assert (fields != NULL);
  return fields;
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
page_link (Op         *op,
           const char *edge_path,
           ListQuery  *query,
           guint       limit,
           const char *cursor_key,
           const char *cursor)
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

static JsonObject *select_fields (Op             *op,
                                  JsonObject     *source,
                                  GPtrArray      *fields,
                                  const NodeKind *kind,
                                  GhDemoWaba     *waba);

/* { "data": [...], "paging": {...}, "summary": {...} } over @items, NULL when @op failed. */
static JsonNode *
build_list (Op             *op,
            GPtrArray      *items,
            const NodeKind *kind,
            ListQuery      *query,
            const char     *edge_path,
            gboolean        template_summary)
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
    fields = defaults = default_fields (kind);
  if (query->limit >= 0)
    limit = (guint) MIN (query->limit, MAX_LIMIT);

  if (query->after != NULL)
    {
      if (!cursor_decode (query->after, &index))
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0, "(#100) The after cursor is invalid");
          return NULL;
        }
      start = (guint) MIN ((guint64) index + 1, n);
      end = (guint) MIN ((guint64) start + limit, n);
    }
  else if (query->before != NULL)
    {
      if (!cursor_decode (query->before, &index))
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0, "(#100) The before cursor is invalid");
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
      JsonObject *item = select_fields (op, g_ptr_array_index (items, i), fields, kind, NULL);

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

static JsonNode *
node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

/* Members are shared: only the top level may be changed in the copy. */
static JsonObject *
object_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (copy, name, json_node_copy (member));

  return copy;
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
          Field *child = g_ptr_array_index (children, i);
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

/* Fields about the business portfolio: Meta refuses the whole request for them when the
 * token lacks business_management.  owner_business_info is not among them here: the access
 * check asks for it with every account it reads, and the demo's employee token must still
 * pass that check. */
static const char * const waba_business_fields[] = {
  "on_behalf_of_business_info", "primary_business_location", NULL
};

static JsonObject *
select_fields (Op             *op,
               JsonObject     *source,
               GPtrArray      *fields,
               const NodeKind *kind,
               GhDemoWaba     *waba)
{
  g_autoptr(JsonObject) result = json_object_new ();

  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = g_ptr_array_index (fields, i);
      JsonNode *member;

      if (waba != NULL && kind->waba_edges
          && (g_str_equal (field->name, "phone_numbers")
              || g_str_equal (field->name, "message_templates")))
        {
          gboolean templates = g_str_equal (field->name, "message_templates");
          ListQuery query = {
            field->children, field->children_text, field->limit, NULL, NULL, field->summary,
            NULL
          };
          g_autofree char *edge_path = g_strdup_printf ("%s/%s", waba->id, field->name);
          JsonNode *list = build_list (op, templates ? waba->templates : waba->phone_numbers,
                                       templates ? &template_kind : &phone_kind,
                                       &query, edge_path, templates);

          if (list == NULL)
            return NULL;
          json_object_set_member (result, field->name, list);
          continue;
        }

      if ((member = json_object_get_member (source, field->name)) == NULL
          && kind == &waba_kind && g_strv_contains (waba_fields, field->name))
        continue;
      if (member == NULL)
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
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

static const char *
op_param (Op         *op,
          const char *key)
{
  return g_hash_table_lookup (op->params, key);
}

static gboolean
op_is (Op         *op,
       const char *method)
{
  return g_str_equal (op->method, method);
}

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

/* Fills @query from the request's parameters; FALSE when @op failed. */
static gboolean
op_list_query (Op         *op,
               ListQuery  *query,
               GPtrArray **fields)
{
  const char *limit = op_param (op, "limit");
  const char *summary = op_param (op, "summary");

  *query = (ListQuery) { NULL, NULL, -1, NULL, NULL, FALSE, op->params };

  *fields = op_parse_fields (op, op_param (op, "fields"));
  if (op->body != NULL)
    return FALSE;
  query->fields = *fields;
  if (*fields != NULL)
    query->fields_text = op_param (op, "fields");

  if (limit != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (limit, 10, 0, G_MAXINT32, &value, NULL))
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                   "(#100) Param limit must be a non-negative integer");
          return FALSE;
        }
      query->limit = (gint64) value;
    }

  query->after = op_param (op, "after");
  query->before = op_param (op, "before");
  query->summary = summary != NULL && (g_str_equal (summary, "total_count")
                                       || g_str_equal (summary, "true")
                                       || g_str_equal (summary, "1"));

  return TRUE;
}

static void
op_get_list (Op             *op,
             GPtrArray      *items,
             const NodeKind *kind,
             gboolean        template_summary)
{
  g_autoptr(GPtrArray) fields = NULL;
  ListQuery query;
  JsonNode *list;

  if (!op_list_query (op, &query, &fields))
    return;

  if ((list = build_list (op, items, kind, &query, op->path, template_summary)) == NULL)
    return;

  g_clear_pointer (&op->body, json_node_unref);
  op->status = SOUP_STATUS_OK;
  op->body = list;
}

static void
op_get_node (Op             *op,
             JsonObject     *source,
             const NodeKind *kind,
             GhDemoWaba     *waba)
{
  g_autoptr(GPtrArray) fields = op_parse_fields (op, op_param (op, "fields"));
  JsonObject *object;

  if (op->body != NULL)
    return;
  if (fields == NULL)
    fields = default_fields (kind);

  if ((object = select_fields (op, source, fields, kind, waba)) != NULL)
    op_set_body (op, SOUP_STATUS_OK, object);
}

static void
op_fail_unknown_path (Op         *op,
                      const char *component)
{
  op_fail (op, SOUP_STATUS_BAD_REQUEST, 2500, 0, "Unknown path components: /%s", component);
}

static void
route_debug_token (Op *op)
{
  const char *input = op_param (op, "input_token");
  const GhDemoProfile *inspected;
  JsonObject *root;
  JsonObject *data;
  JsonArray *scopes;
  JsonArray *granular;
  gint64 now;

  if (!op_is (op, "GET"))
    {
      op_fail_no_object (op, "debug_token");
      return;
    }
  if (input == NULL || *input == '\0')
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
               "(#100) The parameter input_token is required");
      return;
    }

  root = json_object_new ();
  data = json_object_new ();
  scopes = json_array_new ();
  json_object_set_object_member (root, "data", data);

  if ((inspected = gh_demo_profile_lookup (input)) == NULL)
    {
      JsonObject *error = json_object_new ();

      json_object_set_int_member (error, "code", 190);
      json_object_set_string_member (error, "message",
                                     "Invalid OAuth access token - Cannot parse access token");
      json_object_set_object_member (data, "error", error);
      json_object_set_boolean_member (data, "is_valid", FALSE);
      json_object_set_array_member (data, "scopes", scopes);
      op_set_body (op, SOUP_STATUS_OK, root);
      return;
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  granular = json_array_new ();

  {
    const struct { const char *name; gboolean granted; gboolean targeted; } all[] = {
      { "whatsapp_business_management", inspected->management, TRUE },
      { "whatsapp_business_messaging", inspected->messaging, TRUE },
      { "business_management", inspected->business_management, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        JsonObject *scope;

        if (!all[i].granted)
          continue;

        json_array_add_string_element (scopes, all[i].name);
        scope = json_object_new ();
        json_object_set_string_member (scope, "scope", all[i].name);
        if (all[i].targeted && inspected->target_ids != NULL)
          {
            JsonArray *targets = json_array_new ();

            for (guint j = 0; inspected->target_ids[j] != NULL; j++)
              json_array_add_string_element (targets, inspected->target_ids[j]);
            json_object_set_array_member (scope, "target_ids", targets);
          }
        json_array_add_object_element (granular, scope);
      }
  }

  json_object_set_string_member (data, "app_id", GH_DEMO_APP_ID);
  json_object_set_string_member (data, "type", inspected->type);
  json_object_set_string_member (data, "application", GH_DEMO_APP_NAME);
  json_object_set_int_member (data, "data_access_expires_at",
                              inspected->data_access_in ? now + inspected->data_access_in : 0);
  json_object_set_int_member (data, "expires_at",
                              inspected->expires_in ? now + inspected->expires_in : 0);
  json_object_set_boolean_member (data, "is_valid", TRUE);
  json_object_set_int_member (data, "issued_at", now - inspected->issued_ago);
  json_object_set_array_member (data, "scopes", scopes);
  json_object_set_array_member (data, "granular_scopes", granular);
  json_object_set_string_member (data, "user_id", inspected->user_id);

  op_set_body (op, SOUP_STATUS_OK, root);
}

static void
route_me (Op         *op,
          const char *edge)
{
  GhDemoData *data = op->self->data;
  g_autoptr(GPtrArray) items = NULL;

  if (!op_is (op, "GET"))
    {
      op_fail_no_object (op, op->profile->user_id);
      return;
    }

  if (edge == NULL)
    {
      g_autoptr(JsonObject) me = json_object_new ();

      json_object_set_string_member (me, "id", op->profile->user_id);
      json_object_set_string_member (me, "name", op->profile->user_name);
      op_get_node (op, me, &user_kind, NULL);
      return;
    }

  if (!g_str_equal (edge, "assigned_whatsapp_business_accounts"))
    {
      op_fail_unknown_path (op, edge);
      return;
    }

  if (g_str_equal (op->profile->type, "USER"))
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
               "(#100) Tried accessing nonexisting field (%s) on node type (User)", edge);
      return;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < data->wabas->len; i++)
    {
      GhDemoWaba *waba = g_ptr_array_index (data->wabas, i);
      JsonObject *item;
      gint index;

      if (!gh_demo_profile_can_read_waba (op->profile, waba->id))
        continue;

      item = object_copy (waba->node);
      index = gh_demo_waba_find_user (waba, op->profile->user_id);
      if (index >= 0)
        {
          JsonObject *user = g_ptr_array_index (waba->assigned_users, index);

          json_object_set_member (item, "tasks",
                                  json_node_copy (json_object_get_member (user, "tasks")));
        }
      else
        {
          JsonArray *tasks = json_array_new ();

          json_array_add_string_element (tasks, op->profile->can_write ? "MANAGE" : "DEVELOP");
          json_object_set_array_member (item, "tasks", tasks);
        }
      g_ptr_array_add (items, item);
    }

  op_get_list (op, items, &assigned_waba_kind, FALSE);
}

/* Meta's SDKs send ["MANAGE"]; its curl samples send ['MANAGE']. */
static JsonArray *
parse_tasks (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) tasks = json_array_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    {
      g_autofree char *fixed = g_strdelimit (g_strdup (text), "'", '"');

      if (!json_parser_load_from_data (parser, fixed, -1, NULL))
        return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  if (json_array_get_length (array) == 0)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *task;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;

      task = json_node_get_string (element);
      if (*task == '\0')
        return NULL;
      for (const char *c = task; *c != '\0'; c++)
        if (!g_ascii_isupper (*c) && !g_ascii_isdigit (*c) && *c != '_')
          return NULL;

      json_array_add_string_element (tasks, task);
    }

  return g_steal_pointer (&tasks);
}

/* Adds the tasks of @held missing from @tasks, as Meta might do on a POST. */
static void
merge_tasks (JsonArray *tasks,
             JsonArray *held)
{
  guint n_held = held != NULL ? json_array_get_length (held) : 0;

  for (guint i = 0; i < n_held; i++)
    {
      const char *task = json_array_get_string_element (held, i);
      gboolean present = FALSE;

      for (guint j = 0; j < json_array_get_length (tasks) && !present; j++)
        present = g_strcmp0 (json_array_get_string_element (tasks, j), task) == 0;
      if (!present && task != NULL)
        json_array_add_string_element (tasks, task);
    }
}

static void
route_assigned_users (Op         *op,
                      GhDemoWaba *waba)
{
  const char *user = op_param (op, "user");

  if (op_is (op, "GET"))
    {
      const char *business = op_param (op, "business");

      if (business == NULL || *business == '\0')
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                   "(#100) The parameter business is required");
          return;
        }
      /* One of Meta's pages passes the WABA id there: accept both. */
      if (!g_str_equal (business, GH_DEMO_BUSINESS_ID) && !g_str_equal (business, waba->id))
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                   "(#100) Param business must be the ID of a business that can access this "
                   "WhatsApp Business Account");
          return;
        }
      op_get_list (op, waba->assigned_users, &assigned_user_kind, FALSE);
      return;
    }

  if (!op_is (op, "POST") && !op_is (op, "DELETE"))
    {
      op_fail_no_object (op, op->path);
      return;
    }

  if (!op->profile->can_write)
    {
      op_fail_permission (op);
      return;
    }

  if (user == NULL || *user == '\0')
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0, "(#100) The parameter user is required");
      return;
    }

  if (op_is (op, "POST"))
    {
      const char *text = op_param (op, "tasks");
      g_autoptr(JsonArray) tasks = NULL;
      gint index;

      if (text == NULL)
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                   "(#100) The parameter tasks is required");
          return;
        }
      if ((tasks = parse_tasks (text)) == NULL)
        {
          op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                   "(#100) Param tasks must be a non-empty array of task names, "
                   "like [\"MANAGE\"]");
          return;
        }

      /* Whether Meta adds to or replaces the task set is not documented: the demo replaces,
       * and clients read the list back to show what the server holds. */
      index = gh_demo_waba_find_user (waba, user);
      if (index >= 0)
        {
          JsonObject *assignee = g_ptr_array_index (waba->assigned_users, index);

          if (op->self->assign_adds)
            merge_tasks (tasks, json_object_get_array_member (assignee, "tasks"));
          json_object_set_array_member (assignee, "tasks", g_steal_pointer (&tasks));
        }
      else
        {
          JsonObject *assignee = gh_demo_data_new_assignee (op->self->data, user);

          if (assignee == NULL)
            {
              op_fail_no_object (op, user);
              return;
            }
          json_object_set_array_member (assignee, "tasks", g_steal_pointer (&tasks));
          g_ptr_array_add (waba->assigned_users, assignee);
        }
    }
  else
    {
      gint index = gh_demo_waba_find_user (waba, user);

      if (index >= 0)
        g_ptr_array_remove_index (waba->assigned_users, index);
      else
        {
          g_autoptr(JsonObject) known = gh_demo_data_new_assignee (op->self->data, user);

          if (known == NULL)
            {
              op_fail_no_object (op, user);
              return;
            }
        }
    }

  op_succeed (op);
}

/* Only the top level counts: a syntax error is left for op_get_node to report. */
static gboolean
asks_business_fields (const char *text)
{
  Parser parser = { text, 0, NULL };
  g_autoptr(GPtrArray) fields = NULL;

  if (text == NULL)
    return FALSE;

  fields = parse_fields (&parser, FALSE);
  g_free (parser.error);
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    if (g_strv_contains (waba_business_fields, ((Field *) g_ptr_array_index (fields, i))->name))
      return TRUE;

  return FALSE;
}

static void
route_waba (Op         *op,
            GhDemoWaba *waba,
            const char *edge)
{
  if (!op->profile->management)
    {
      op_set_error (op, SOUP_STATUS_FORBIDDEN, 10, 0, "OAuthException",
                    "(#10) Application does not have permission for this action",
                    NULL, NULL, FALSE);
      return;
    }
  if (!gh_demo_profile_can_read_waba (op->profile, waba->id))
    {
      op_fail_permission (op);
      return;
    }

  if (edge == NULL)
    {
      if (op_is (op, "GET") && !op->profile->business_management
          && asks_business_fields (op_param (op, "fields")))
        op_set_error (op, SOUP_STATUS_FORBIDDEN, 200, 0, "OAuthException",
                      "(#200) Requires business_management permission to manage the object",
                      NULL, NULL, FALSE);
      else if (op_is (op, "GET"))
        op_get_node (op, waba->node, &waba_kind, waba);
      else
        op_fail_no_object (op, waba->id);
    }
  else if (g_str_equal (edge, "assigned_users"))
    route_assigned_users (op, waba);
  else if (g_str_equal (edge, "phone_numbers") || g_str_equal (edge, "message_templates"))
    {
      gboolean templates = g_str_equal (edge, "message_templates");

      if (op_is (op, "GET"))
        op_get_list (op, templates ? waba->templates : waba->phone_numbers,
                     templates ? &template_kind : &phone_kind, templates);
      else
        op_fail_no_object (op, op->path);
    }
  else
    op_fail_unknown_path (op, edge);
}

static void
route_business (Op         *op,
                const char *edge)
{
  GhDemoData *data = op->self->data;

  if (!op->profile->business_management)
    {
      op_set_error (op, SOUP_STATUS_FORBIDDEN, 200, 0, "OAuthException",
                    "(#200) Requires business_management permission to manage the object",
                    NULL, NULL, FALSE);
      return;
    }
  if (!op_is (op, "GET"))
    {
      op_fail_no_object (op, edge ? op->path : GH_DEMO_BUSINESS_ID);
      return;
    }

  if (edge == NULL)
    op_get_node (op, data->business, &business_kind, NULL);
  else if (g_str_equal (edge, "system_users"))
    op_get_list (op, data->system_users, &system_user_kind, FALSE);
  else if (g_str_equal (edge, "business_users"))
    op_get_list (op, data->business_users, &business_user_kind, FALSE);
  else if (g_str_equal (edge, "owned_whatsapp_business_accounts")
           || g_str_equal (edge, "client_whatsapp_business_accounts"))
    {
      GPtrArray *wabas = edge[0] == 'o' ? data->owned_wabas : data->client_wabas;
      g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

      for (guint i = 0; i < wabas->len; i++)
        g_ptr_array_add (nodes, ((GhDemoWaba *) g_ptr_array_index (wabas, i))->node);
      op_get_list (op, nodes, &waba_kind, FALSE);
    }
  else
    op_fail_unknown_path (op, edge);
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
route (Op *op)
{
  g_auto(GStrv) segments = g_strsplit (op->path, "/", -1);
  guint n = g_strv_length (segments);
  GhDemoWaba *waba;

  if (n == 0 || *segments[0] == '\0')
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0, op_is (op, "POST")
               ? "(#100) The parameter batch is required" : "(#100) Missing ID");
      return;
    }
  if (n > 2)
    {
      op_fail_unknown_path (op, segments[2]);
      return;
    }

  if (g_str_equal (segments[0], "debug_token") && n == 1)
    route_debug_token (op);
  else if (g_str_equal (segments[0], "me"))
    route_me (op, segments[1]);
  else if ((waba = gh_demo_data_find_waba (op->self->data, segments[0])) != NULL)
    route_waba (op, waba, segments[1]);
  else if (g_str_equal (segments[0], GH_DEMO_BUSINESS_ID))
    route_business (op, segments[1]);
  else if (is_all_digits (segments[0]))
    op_fail_no_object (op, segments[0]);
  else
    op_fail (op, SOUP_STATUS_NOT_FOUND, 803, 0,
             "(#803) Some of the aliases you requested do not exist: %s", segments[0]);
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

/* The one way in for every operation, single or batched. */
static void
op_dispatch (Op *op)
{
  GhDemoServer *self = op->self;
  g_autofree char *first = NULL;
  const char *slash;
  Rule rule;

  self->operation_count++;

  if (take_rule (self, op->path, FALSE, &rule))
    {
      op_fail_injected (op, &rule);
      return;
    }

  if (op->profile == NULL)
    {
      op_fail_invalid_token (op);
      return;
    }

  slash = strchr (op->path, '/');
  first = slash ? g_strndup (op->path, slash - op->path) : g_strdup (op->path);
  if (gh_demo_data_find_waba (self->data, first) != NULL)
    {
      self->waba_calls++;
      if (self->rate_limit_calls > 0 && self->waba_calls > self->rate_limit_calls)
        {
          op_set_error (op, SOUP_STATUS_BAD_REQUEST, 80008, 0, "OAuthException",
                        "(#80008) There have been too many calls to this WhatsApp Business "
                        "account. Wait a bit and try again.", NULL, NULL, FALSE);
          op->usage = usage_header (first, 100, 3, 5, self->rate_limit_wait);
          return;
        }
      /* Meta's default budget is 200 calls an hour per account. */
      op->usage = usage_header (first,
                                self->rate_limit_calls > 0
                                ? self->waba_calls * 100 / self->rate_limit_calls
                                : MIN (self->waba_calls / 2, 99),
                                1, 1, 0);
    }

  route (op);
}

static gboolean
is_version (const char *segment,
            gsize       len)
{
  gsize i = 1;
  gsize digits;

  if (len < 4 || segment[0] != 'v')
    return FALSE;

  for (digits = 0; i < len && g_ascii_isdigit (segment[i]); i++)
    digits++;
  if (digits == 0 || i >= len || segment[i] != '.')
    return FALSE;
  for (i++, digits = 0; i < len && g_ascii_isdigit (segment[i]); i++)
    digits++;

  return digits > 0 && i == len;
}

/* "/v25.0/me/" → version "v25.0", path "me". */
static char *
split_path (const char  *raw,
            char       **version)
{
  const char *slash;
  gsize len;
  char *path;

  *version = NULL;
  while (*raw == '/')
    raw++;

  slash = strchr (raw, '/');
  len = slash ? (gsize) (slash - raw) : strlen (raw);
  if (is_version (raw, len))
    {
      *version = g_strndup (raw, len);
      raw += len;
      while (*raw == '/')
        raw++;
    }

  path = g_strdup (raw);
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  return path;
}

static void
merge_form (GHashTable *params,
            const char *encoded)
{
  g_autoptr(GHashTable) form = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (encoded == NULL || *encoded == '\0')
    return;

  form = soup_form_decode (encoded);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (params, g_strdup (key), g_strdup (value));
}

static GHashTable *
params_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
run_batch_item (Op         *batch,
                JsonNode   *node,
                GHashTable *results,
                gboolean    include_headers)
{
  g_autoptr(GHashTable) params = params_new ();
  g_autofree char *method = NULL;
  g_autofree char *path = NULL;
  g_autofree char *version = NULL;
  g_autofree char *body_text = NULL;
  JsonObject *answer = json_object_new ();
  Op op = {
    .self = batch->self, .method = "GET", .version = batch->version, .path = "",
    .params = params, .token = batch->token, .profile = batch->profile,
  };

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      batch->self->operation_count++;
      op_fail (&op, SOUP_STATUS_BAD_REQUEST, 100, 0,
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
          batch->self->operation_count++;
          op_fail (&op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                   "(#100) The parameter relative_url is required");
        }
      else
        {
          g_autofree char *resolved = resolve_references (url, results);
          g_autofree char *body = resolve_references (member_string (item, "body"), results);
          g_autofree char *raw_path = NULL;

          if (resolved != NULL)
            {
              query = strchr (resolved, '?');
              raw_path = query ? g_strndup (resolved, query - resolved) : g_strdup (resolved);
              path = split_path (raw_path, &version);
              op.path = path;
              if (query != NULL)
                merge_form (params, query + 1);
              merge_form (params, body);
            }

          if (resolved == NULL || (member_string (item, "body") != NULL && body == NULL)
              || !resolve_params (params, results))
            {
              batch->self->operation_count++;
              op_fail (&op, SOUP_STATUS_BAD_REQUEST, 100, 0,
                       "(#100) A {result=} reference of this operation could not be "
                       "resolved");
            }
          else
            {
              if (g_hash_table_contains (params, "access_token"))
                batch->self->token_in_url_count++;
              op_dispatch (&op);

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
                                                 op.version ?: DEFAULT_VERSION));
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
  op_clear (&op);

  return answer;
}

static void
op_run_batch (Op         *op,
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
      op_fail_invalid_token (op);
      return;
    }

  if (!json_parser_load_from_data (parser, text, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_ARRAY (root))
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
               "(#100) The parameter batch must be a JSON array");
      return;
    }

  items = json_node_get_array (root);
  n = json_array_get_length (items);
  if (n == 0)
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
               "(#100) The parameter batch must be a non-empty JSON array");
      return;
    }
  if (n > MAX_BATCH)
    {
      op_fail (op, SOUP_STATUS_BAD_REQUEST, 100, 0,
               "(#100) Too many requests in batch message. Maximum batch size is %d",
               MAX_BATCH);
      return;
    }

  results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) json_node_unref);
  answers = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    json_array_add_object_element (answers,
                                   run_batch_item (op, json_array_get_element (items, i),
                                                   results, include_headers));

  g_clear_pointer (&op->body, json_node_unref);
  op->status = SOUP_STATUS_OK;
  op->body = json_node_init_array (json_node_alloc (), answers);
  json_array_unref (answers);
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

static char *
bearer_token (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL)
    return NULL;

  while (g_ascii_isspace (*value))
    value++;
  if (g_ascii_strncasecmp (value, "Bearer ", strlen ("Bearer ")) != 0)
    return g_strdup ("");

  return g_strstrip (g_strdup (value + strlen ("Bearer ")));
}

static GHashTable *
request_params (SoupServerMessage *msg,
                GHashTable        *query)
{
  GHashTable *params = params_new ();
  const char *method = soup_server_message_get_method (msg);

  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (params, g_strdup (key), g_strdup (value));
    }

  if (g_str_equal (method, "POST") || g_str_equal (method, "DELETE"))
    {
      SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
      const char *type = soup_message_headers_get_content_type (headers, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      gsize size = 0;
      const char *data;

      if (type != NULL && g_ascii_strcasecmp (type, "application/x-www-form-urlencoded") != 0)
        return params;

      bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      data = g_bytes_get_data (bytes, &size);
      text = g_strndup (data, size);
      merge_form (params, text);
    }

  return params;
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
  g_autoptr(GHashTable) params = request_params (msg, query);
  g_autofree char *token = bearer_token (msg);
  g_autofree char *version = NULL;
  g_autofree char *path = split_path (raw_path, &version);
  g_autofree char *fbtrace_id = fbtrace_id_new ();
  g_autofree char *method = g_ascii_strup (soup_server_message_get_method (msg), -1);
  const char *batch = NULL;
  char *text;
  gsize len;
  Rule fault = { .fault = GH_DEMO_FAULT_NONE };
  Op op = {
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

      op_run_batch (&op, batch, g_strcmp0 (include, "false") != 0);
    }
  else
    op_dispatch (&op);

  text = json_to_string (op.body, FALSE);
  len = strlen (text);
  /* Half a document with a matching length: a parser error, not a transport one. */
  if (fault.fault == GH_DEMO_FAULT_TRUNCATED)
    len /= 2;

  soup_message_headers_replace (response_headers, "facebook-api-version",
                                version ?: DEFAULT_VERSION);
  soup_message_headers_replace (response_headers, "x-fb-trace-id", fbtrace_id);
  soup_message_headers_replace (response_headers, "Cache-Control", "no-store");
  if (op.usage != NULL)
    soup_message_headers_replace (response_headers, "X-Business-Use-Case-Usage", op.usage);
  soup_server_message_set_status (msg, op.status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_TAKE,
                                    text, len);
  op_clear (&op);

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
}

void
gh_demo_server_clear_faults (GhDemoServer *self)
{
  g_return_if_fail (GH_IS_DEMO_SERVER (self));

  g_ptr_array_set_size (self->rules, 0);
  self->rate_limit_calls = 0;
  self->rate_limit_wait = 0;
  self->waba_calls = 0;
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
