/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libsoup/soup.h>

#include "gh-demo-data.h"
#include "gh-demo-server.h"

G_BEGIN_DECLS

/* What the parts of the demo server share: the server itself, one Graph operation, the
 * fields= tree, the node kinds, and the helpers that answer, select, list and route. */

#define GH_DEMO_DEFAULT_VERSION "v25.0"

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
  guint         write_count;
  GPtrArray    *write_log;     /* char*: "METHOD path" */
  GHashTable   *register_tries; /* phone id → tries, for the server's life */

  guint         latency;
  GPtrArray    *rules;         /* Rule*, see gh-demo-server.c */
  GPtrArray    *pending;       /* Pending*: answers held back by the latency */
  guint         rate_limit_calls;
  guint         rate_limit_wait;
  guint         waba_calls;
  GArray       *call_times;   /* gint64, monotonic: the calls of the last hour */
  gboolean      assign_adds;
};

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
} GhDemoOp;

/* One member of fields=, with its own {…} and modifiers. */
typedef struct
{
  char      *name;
  GPtrArray *children;        /* GhDemoField*, NULL without {…} */
  char      *children_text;
  gint64     limit;           /* -1: not given */
  gboolean   summary;
} GhDemoField;

typedef struct
{
  const char         *type_name;  /* Meta's node type, for errors */
  const char         *defaults;   /* the fields sent when fields= is absent */
  gboolean            waba_edges;
  const char * const *optional;   /* nullable: fields left out, not refused, without value */
} GhDemoNodeKind;

typedef struct
{
  GPtrArray  *fields;         /* nullable: the kind's defaults */
  const char *fields_text;    /* nullable */
  gint64      limit;          /* -1: default */
  const char *after;
  const char *before;
  gboolean    summary;
  GHashTable *carry;          /* nullable: more parameters for paging links */
} GhDemoListQuery;

extern const GhDemoNodeKind _gh_demo_waba_kind;
extern const GhDemoNodeKind _gh_demo_assigned_waba_kind;
extern const GhDemoNodeKind _gh_demo_user_kind;
extern const GhDemoNodeKind _gh_demo_business_kind;
extern const GhDemoNodeKind _gh_demo_phone_kind;
extern const GhDemoNodeKind _gh_demo_template_kind;
extern const GhDemoNodeKind _gh_demo_assigned_user_kind;
extern const GhDemoNodeKind _gh_demo_system_user_kind;
extern const GhDemoNodeKind _gh_demo_business_user_kind;
extern const GhDemoNodeKind _gh_demo_subscribed_app_kind;

/* gh-demo-server-errors.c: answers */
char       *_gh_demo_fbtrace_id_new         (void);
void        _gh_demo_op_clear               (GhDemoOp       *op);
void        _gh_demo_op_set_body            (GhDemoOp       *op,
                                             guint           status,
                                             JsonObject     *object);
void        _gh_demo_op_set_error           (GhDemoOp       *op,
                                             guint           status,
                                             gint            code,
                                             gint            subcode,
                                             const char     *type,
                                             const char     *message,
                                             const char     *user_title,
                                             const char     *user_msg,
                                             gboolean        transient);
void        _gh_demo_op_fail                (GhDemoOp       *op,
                                             guint           status,
                                             gint            code,
                                             gint            subcode,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (5, 6);
void        _gh_demo_op_fail_invalid_token  (GhDemoOp       *op);
void        _gh_demo_op_fail_no_object      (GhDemoOp       *op,
                                             const char     *id);
void        _gh_demo_op_fail_permission     (GhDemoOp       *op);
void        _gh_demo_op_fail_unknown_path   (GhDemoOp       *op,
                                             const char     *component);
/* An error injected with gh_demo_server_set_error, worded like Meta's for known codes. */
void        _gh_demo_op_fail_injected       (GhDemoOp       *op,
                                             guint           http_status,
                                             gint            code,
                                             gint            subcode);
void        _gh_demo_op_succeed             (GhDemoOp       *op);
/* Adds WhatsApp's error_data ({messaging_product, details}) to the error @op answers. */
void        _gh_demo_op_set_error_details   (GhDemoOp       *op,
                                             const char     *details);

/* gh-demo-server-fields.c: the fields= parser */
/* NULL on a syntax error (then @error, if given, says where) or for blank text. */
GPtrArray  *_gh_demo_fields_parse           (const char     *text,
                                             char          **error);
/* NULL with @op failed on a syntax error, or when @text is NULL or blank (no error then). */
GPtrArray  *_gh_demo_op_parse_fields        (GhDemoOp       *op,
                                             const char     *text);
GPtrArray  *_gh_demo_fields_default         (const GhDemoNodeKind *kind);

/* gh-demo-server-nodes.c: selecting fields, lists and pages */
JsonObject *_gh_demo_select_fields          (GhDemoOp       *op,
                                             JsonObject     *source,
                                             GPtrArray      *fields,
                                             const GhDemoNodeKind *kind,
                                             GhDemoWaba     *waba);
/* { "data": [...], "paging": {...}, "summary": {...} } over @items, NULL when @op failed. */
JsonNode   *_gh_demo_build_list             (GhDemoOp       *op,
                                             GPtrArray      *items,
                                             const GhDemoNodeKind *kind,
                                             GhDemoListQuery *query,
                                             const char     *edge_path,
                                             gboolean        template_summary);
void        _gh_demo_op_get_list            (GhDemoOp       *op,
                                             GPtrArray      *items,
                                             const GhDemoNodeKind *kind,
                                             gboolean        template_summary);
void        _gh_demo_op_get_node            (GhDemoOp       *op,
                                             JsonObject     *source,
                                             const GhDemoNodeKind *kind,
                                             GhDemoWaba     *waba);
const char *_gh_demo_op_param               (GhDemoOp       *op,
                                             const char     *key);
gboolean    _gh_demo_op_is                  (GhDemoOp       *op,
                                             const char     *method);

/* gh-demo-server-request.c: reading a request */
GHashTable *_gh_demo_params_new             (void);
/* Adds the fields of a form-encoded @encoded to @params. */
void        _gh_demo_merge_form             (GHashTable     *params,
                                             const char     *encoded);
/* "/v25.0/me/" → version "v25.0", path "me". */
char       *_gh_demo_split_path             (const char     *raw,
                                             char          **version);
/* The bearer token, "" for another scheme, NULL without an Authorization header. */
char       *_gh_demo_bearer_token           (SoupServerMessage *msg);
/* The query and, for POST and DELETE, the form body. */
GHashTable *_gh_demo_request_params         (SoupServerMessage *msg,
                                             GHashTable     *query);

/* gh-demo-server.c: the one way in for every operation, single or batched */
void        _gh_demo_op_dispatch            (GhDemoOp       *op);
/* Counts @op among the operations (and the writes), also when it is refused unrouted. */
void        _gh_demo_op_count               (GhDemoOp       *op);

/* gh-demo-server-batch.c */
void        _gh_demo_op_run_batch           (GhDemoOp       *op,
                                             const char     *text,
                                             gboolean        include_headers);

/* Routes, one file per thing served. */
void        _gh_demo_route_debug_token      (GhDemoOp       *op);
void        _gh_demo_route_me               (GhDemoOp       *op,
                                             const char     *edge);
/* FALSE, with @op failed, when the token may not read @waba or what belongs to it. */
gboolean    _gh_demo_op_check_waba_access   (GhDemoOp       *op,
                                             GhDemoWaba     *waba);
void        _gh_demo_route_waba             (GhDemoOp       *op,
                                             GhDemoWaba     *waba,
                                             const char     *edge);
void        _gh_demo_route_subscribed_apps  (GhDemoOp       *op,
                                             GhDemoWaba     *waba);
void        _gh_demo_route_phone            (GhDemoOp       *op,
                                             GhDemoWaba     *waba,
                                             JsonObject     *phone,
                                             const char     *edge);
void        _gh_demo_route_assigned_users   (GhDemoOp       *op,
                                             GhDemoWaba     *waba);
void        _gh_demo_route_business         (GhDemoOp       *op,
                                             const char     *edge);

G_END_DECLS
