/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-connection"

#include "config.h"

#include <string.h>

#include "gh-business-user.h"
#include "gh-check-early.h"
#include "gh-connection-private.h"
#include "gh-graph-error.h"
#include "gh-secret.h"

/* The check: who the token is and which accounts it reaches (first round trip), then each
 * account with its readiness and the token's role in the business (second round trip).
 * Reads only.  Discovery never asks a person for an ID. */

/* Each account costs three operations of the second round trip; past one batch, the batches
 * go out side by side, not one after the other. */
#define MAX_WABAS 100

#define ASSIGNED_PATH   "me/assigned_whatsapp_business_accounts"
#define ASSIGNED_FIELDS "id,name,tasks,owner_business_info"
/* Meta's largest page: an account list that needs a second page is rare. */
#define PAGE_LIMIT      "100"

/* The business's system users, for the token's own role: one page holds them all (a
 * business has a handful). */
#define SYSTEM_USERS_QUERY "system_users?fields=id,name,role&limit=" PAGE_LIMIT
/* The name of the first account's operation when the business is only known from it. */
#define CHAIN_NAME "account0"

enum {
  FIRST_DEBUG_TOKEN,
  FIRST_ME,
  FIRST_ASSIGNED,
  N_FIRST
};

typedef struct
{
  GhCheckOp kind;
  guint  waba;   /* index in waba_ids */
} Op;

typedef struct
{
  /* What the first round trip learned, carried into the second. */
  GhTokenInfo *token_info;
  char *user_id;
  char *user_name;
  char *business_id;
  GPtrArray *waba_ids;        /* char*, in discovery order, unique */
  GHashTable *listed_wabas;   /* id → GhWaba from me/assigned_whatsapp_business_accounts */

  /* Answers, borrowed from the result arrays kept alive in @kept: one per first-batch
   * request, then one per operation of the second. */
  GPtrArray *first;
  guint n_prefetch;           /* the prefetched account's requests after the first ones */
  GArray *ops;                /* Op */
  GPtrArray *answers;
  GPtrArray *kept;
  GError *batch_error;        /* why a whole batch of the second round trip failed */
  guint pending;
  gboolean retried;           /* null items are asked again once, and only once */
  gboolean chained;           /* the system users were asked for through the first account */

  GhCheckEarly *early;        /* what the first round trip asked of the second */
} CheckData;

/* One batch of the second round trip and the operations it carries. */
typedef struct
{
  GTask  *task;
  GArray *ops;                /* guint: indexes into CheckData.ops */
} Chunk;

static void send_ops     (GTask  *task,
                          GArray *indexes);
/* Take the task over. */
static void start_second (GTask  *owned);

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->token_info);
  g_clear_pointer (&data->user_id, g_free);
  g_clear_pointer (&data->user_name, g_free);
  g_clear_pointer (&data->business_id, g_free);
  g_clear_pointer (&data->early, _gh_check_early_free);
  g_clear_pointer (&data->waba_ids, g_ptr_array_unref);
  g_clear_pointer (&data->listed_wabas, g_hash_table_unref);
  g_clear_pointer (&data->first, g_ptr_array_unref);
  g_clear_pointer (&data->ops, g_array_unref);
  g_clear_pointer (&data->answers, g_ptr_array_unref);
  g_clear_pointer (&data->kept, g_ptr_array_unref);
  g_clear_error (&data->batch_error);
  g_free (data);
}

static void
chunk_free (Chunk *chunk)
{
  g_clear_object (&chunk->task);
  g_array_unref (chunk->ops);
  g_free (chunk);
}

static gboolean
is_token_error (const GError *error)
{
  return g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_TOKEN) ||
         g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED);
}

/* Meta answers null for an operation that did not finish in time: the one failure worth
 * asking again without the person. */
static gboolean
is_null_item (GhGraphBatchResult *result)
{
  return result != NULL && result->code == 0 &&
         g_error_matches (result->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT);
}

static void
add_waba_id (CheckData  *data,
             const char *id)
{
  if (!_gh_connection_is_graph_id (id) || data->waba_ids->len >= MAX_WABAS)
    return;

  for (guint i = 0; i < data->waba_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (data->waba_ids, i), id))
      return;

  g_ptr_array_add (data->waba_ids, g_strdup (id));
}

static void
set_business_id (CheckData  *data,
                 const char *id)
{
  if (data->business_id == NULL && _gh_connection_is_graph_id (id))
    data->business_id = g_strdup (id);
}

static void
add_listed_waba (CheckData *data,
                 GhWaba    *waba)
{
  add_waba_id (data, gh_waba_get_id (waba));
  set_business_id (data, gh_waba_get_owner_business_id (waba));
  g_hash_table_replace (data->listed_wabas, g_strdup (gh_waba_get_id (waba)),
                        g_object_ref (waba));
}

static void
keep_results (CheckData *data,
              GPtrArray *results)
{
  g_ptr_array_add (data->kept, g_ptr_array_ref (results));
}

static void
finish_check (GhConnection *self,
              GTask        *task,
              GhTokenInfo  *token_info,
              const GError *token_error,
              const char   *user_id,
              const char   *user_name,
              GPtrArray    *wabas,
              int           is_admin)
{
  g_autoptr(GhCheckReport) report = NULL;

  report = gh_access_check_evaluate (token_info, token_error, user_id, user_name, wabas,
                                     is_admin);
  _gh_connection_set_report (self, report);

  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

static GhGraphBatchRequest *
debug_token_request (GhConnection *self)
{
  const char *token = _gh_connection_peek_token (self);
  g_auto(GhSecretString) escaped = NULL;
  g_auto(GhSecretString) url = NULL;

  /* Nothing to inspect: keep the positions of the answers the same. */
  if (token == NULL)
    return _gh_connection_get_request ("me?fields=id");

  /* The token to inspect rides in the batch's POST body, never in a URL of its own. */
  escaped = g_uri_escape_string (token, NULL, FALSE);
  url = g_strconcat ("debug_token?input_token=", escaped, NULL);

  return _gh_connection_get_request (url);
}

static GhGraphBatchRequest *
first_request (GhConnection *self,
               guint         index)
{
  switch (index)
    {
    case FIRST_DEBUG_TOKEN:
      return debug_token_request (self);
    case FIRST_ME:
      return _gh_connection_get_request ("me?fields=id,name");
    case FIRST_ASSIGNED:
    default:
      return _gh_connection_get_request (ASSIGNED_PATH "?fields=" ASSIGNED_FIELDS
                                         "&limit=" PAGE_LIMIT);
    }
}

/* The client has serialised the batch by the time it returns: the copies of the token in
 * the requests are not needed any more. */
static void
wipe_requests (GPtrArray *requests)
{
  for (guint i = 0; i < requests->len; i++)
    {
      GhGraphBatchRequest *request = g_ptr_array_index (requests, i);

      gh_secret_wipe_string (request->relative_url);
    }
}

/* Second round trip */

static GhGraphBatchResult *
answer_of (CheckData *data,
           GhCheckOp     kind,
           guint      waba)
{
  for (guint i = 0; i < data->ops->len; i++)
    {
      Op *op = &g_array_index (data->ops, Op, i);

      if (op->kind == kind && (kind == GH_CHECK_OP_SYSTEM_USERS || op->waba == waba))
        return g_ptr_array_index (data->answers, i);
    }

  return NULL;
}

static int
find_is_admin (GhGraphBatchResult *result,
               const char         *user_id)
{
  g_autoptr(GPtrArray) users = NULL;

  if (_gh_connection_result_object (result) == NULL || user_id == NULL)
    return -1;

  users = gh_business_user_parse_list (result->body, TRUE, NULL);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      GhBusinessUser *user = g_ptr_array_index (users, i);

      if (g_strcmp0 (gh_business_user_get_id (user), user_id) == 0)
        return gh_business_user_is_admin (user) ? 1 : 0;
    }

  /* The list did not include us (a later page, or a partial answer): unknown, not "no". */
  return -1;
}

static GhCheckWaba *
check_waba_new (GhConnection *self,
                CheckData    *data,
                guint         index)
{
  const char *id = g_ptr_array_index (data->waba_ids, index);
  GhGraphBatchResult *account = answer_of (data, GH_CHECK_OP_ACCOUNT, index);
  GhGraphBatchResult *details = answer_of (data, GH_CHECK_OP_DETAILS, index);
  GhGraphBatchResult *apps_result = answer_of (data, GH_CHECK_OP_APPS, index);
  GhSavedConnection *saved = gh_connection_get_saved (self);
  GhWaba *listed = g_hash_table_lookup (data->listed_wabas, id);
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GError) apps_error = NULL;
  g_autoptr(GError) details_error = NULL;
  GhCheckWaba *check_waba;

  /* Listed by me/assigned_whatsapp_business_accounts: reachable even if the second round
   * trip failed. */
  if (account == NULL && listed != NULL)
    waba = g_object_ref (listed);
  else if (account == NULL)
    read_error = data->batch_error != NULL
      ? g_error_copy (data->batch_error)
      : gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                    "The batch answer is missing an item");
  else if (account->error != NULL)
    read_error = g_error_copy (account->error);
  else
    {
      _gh_connection_merge_details (account, details);
      waba = gh_waba_parse (account->body, &read_error);
      if (waba != NULL && g_strcmp0 (gh_waba_get_id (waba), id) != 0)
        {
          g_clear_object (&waba);
          read_error = gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                   "The answer is about another account");
        }
    }

  check_waba = gh_check_waba_new (id, waba, read_error);
  if (waba == NULL)
    gh_check_waba_set_chosen (check_waba, saved != NULL &&
                              g_strcmp0 (gh_saved_connection_get_waba_id (saved), id) == 0);
  else
    {
      if (details == NULL || details->error != NULL)
        {
          details_error = details != NULL ? g_error_copy (details->error)
                          : data->batch_error != NULL ? g_error_copy (data->batch_error)
                          : gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                        "The batch answer is missing an item");
          gh_check_waba_set_details_error (check_waba, details_error);
        }

      apps = _gh_connection_parse_apps (apps_result, &apps_error);
      if (apps_result == NULL && data->batch_error != NULL)
        apps_error = g_error_copy (data->batch_error);
      if (apps != NULL || apps_error != NULL)
        gh_check_waba_set_subscribed_apps (check_waba, apps, apps_error);

      gh_check_waba_set_chosen (check_waba, saved != NULL &&
                                g_strcmp0 (gh_saved_connection_get_waba_id (saved), id) == 0);
    }

  if (listed != NULL)
    gh_check_waba_set_tasks (check_waba, gh_waba_get_tasks (listed));

  return check_waba;
}

static void
evaluate (GTask *task)
{
  GhConnection *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) wabas = g_ptr_array_new_with_free_func (g_object_unref);
  int is_admin;

  /* The first round trip already proved the token: a failed second one makes each account
   * unreadable for that reason instead of failing the whole check. */
  for (guint i = 0; i < data->waba_ids->len; i++)
    g_ptr_array_add (wabas, check_waba_new (self, data, i));

  is_admin = find_is_admin (answer_of (data, GH_CHECK_OP_SYSTEM_USERS, 0), data->user_id);

  finish_check (self, task, data->token_info, NULL, data->user_id, data->user_name, wabas,
                is_admin);
}

/* The business of an account just read, when the first round trip did not know it. */
/* The business that owns the account @result describes. */
static void
learn_business_from (CheckData          *data,
                     GhGraphBatchResult *result)
{
  JsonObject *account = _gh_connection_result_object (result);
  JsonNode *owner = account != NULL ? json_object_get_member (account, "owner_business_info")
                                    : NULL;
  g_autofree char *id = NULL;

  if (owner != NULL && JSON_NODE_HOLDS_OBJECT (owner))
    id = _gh_connection_dup_id (json_node_get_object (owner), "id");
  set_business_id (data, id);
}

static void
learn_business_id (CheckData *data)
{
  for (guint i = 0; data->business_id == NULL && i < data->waba_ids->len; i++)
    learn_business_from (data, answer_of (data, GH_CHECK_OP_ACCOUNT, i));
}

static void
second_done (GTask *task)
{
  CheckData *data = g_task_get_task_data (task);
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (guint));

  learn_business_id (data);

  for (guint i = 0; !data->retried && i < data->ops->len; i++)
    {
      Op *op = &g_array_index (data->ops, Op, i);

      /* The client asks again itself for what Meta answered null; all but an operation that
       * took its input from another, which cannot go alone until the business is known. */
      if (!is_null_item (g_ptr_array_index (data->answers, i))
          || op->kind != GH_CHECK_OP_SYSTEM_USERS || !data->chained || data->business_id == NULL)
        continue;
      g_array_append_val (again, i);
    }

  if (again->len > 0)
    {
      data->retried = TRUE;
      send_ops (task, again);
      return;
    }

  evaluate (task);
}

static void
chunk_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Chunk *chunk = user_data;
  GTask *task = chunk->task;
  CheckData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = gh_graph_client_batch_finish (GH_GRAPH_CLIENT (object), result, &error);
  if (results != NULL)
    {
      keep_results (data, results);
      for (guint i = 0; i < chunk->ops->len && i < results->len; i++)
        g_ptr_array_index (data->answers, g_array_index (chunk->ops, guint, i)) =
          g_ptr_array_index (results, i);
    }
  else if (data->batch_error == NULL ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&data->batch_error);
      data->batch_error = g_steal_pointer (&error);
    }

  if (--data->pending == 0)
    {
      g_autoptr(GTask) done = g_object_ref (task);

      chunk_free (chunk);
      if (g_error_matches (data->batch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (done, g_steal_pointer (&data->batch_error));
      else
        second_done (done);
      return;
    }

  chunk_free (chunk);
}

static GhGraphBatchRequest *
op_request (CheckData *data,
            Op        *op,
            gboolean   chained)
{
  const char *id = op->kind == GH_CHECK_OP_SYSTEM_USERS ? NULL : g_ptr_array_index (data->waba_ids,
                                                                           op->waba);
  g_autofree char *url = NULL;
  g_autoptr(GPtrArray) pair = NULL;
  GhGraphBatchRequest *request;

  switch (op->kind)
    {
    case GH_CHECK_OP_ACCOUNT:
      url = g_strdup_printf ("%s?fields=" GH_CONNECTION_ACCOUNT_FIELDS, id);
      request = _gh_connection_get_request (url);
      if (chained && op->waba == 0)
        request->name = g_strdup (CHAIN_NAME);
      return request;

    case GH_CHECK_OP_DETAILS:
    case GH_CHECK_OP_APPS:
      pair = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
      _gh_connection_add_readiness_requests (pair, id);
      return g_ptr_array_steal_index (pair, op->kind == GH_CHECK_OP_DETAILS ? 0 : 1);

    case GH_CHECK_OP_SYSTEM_USERS:
    default:
      /* Meta's dependent operations find the business in the same round trip. */
      if (data->business_id != NULL)
        url = g_strdup_printf ("%s/" SYSTEM_USERS_QUERY, data->business_id);
      else
        url = g_strdup ("{result=" CHAIN_NAME ":$.owner_business_info.id}/"
                        SYSTEM_USERS_QUERY);
      return _gh_connection_get_request (url);
    }
}

/* Sends the operations @indexes names, in batches of at most GH_GRAPH_MAX_BATCH that go out
 * together.  The operation that depends on the first account's answer is always in the
 * first batch, right after it. */
static void
send_ops (GTask  *task,
          GArray *indexes)
{
  GhConnection *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gboolean chained = data->business_id == NULL;

  data->chained |= chained;
  for (guint start = 0; start < indexes->len; start += GH_GRAPH_MAX_BATCH)
    {
      g_autoptr(GPtrArray) requests = NULL;
      Chunk *chunk = g_new0 (Chunk, 1);
      guint end = MIN (start + GH_GRAPH_MAX_BATCH, indexes->len);

      chunk->task = g_object_ref (task);
      chunk->ops = g_array_new (FALSE, FALSE, sizeof (guint));
      requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
      for (guint i = start; i < end; i++)
        {
          guint index = g_array_index (indexes, guint, i);

          g_array_append_val (chunk->ops, index);
          g_ptr_array_add (requests, op_request (data, &g_array_index (data->ops, Op, index),
                                                 chained));
        }

      data->pending++;
      gh_graph_client_batch_async (gh_connection_get_client (self), requests, cancellable,
                                   chunk_sent_cb, chunk);
    }
}

static void
add_op (CheckData *data,
        GhCheckOp     kind,
        guint      waba)
{
  Op op = { kind, waba };

  g_array_append_val (data->ops, op);
  g_ptr_array_add (data->answers, NULL);
}

/* The answer the first round trip already holds for @op, or NULL. */
static GhGraphBatchResult *
early_answer (CheckData *data,
              Op        *op)
{
  return _gh_check_early_answer (data->early, op->kind,
                                 op->kind == GH_CHECK_OP_SYSTEM_USERS
                                 ? NULL : g_ptr_array_index (data->waba_ids, op->waba),
                                 data->business_id);
}

static void
start_second (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  GhConnection *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  GhSavedConnection *saved = gh_connection_get_saved (self);
  g_autoptr(GArray) all = NULL;
  gboolean ask_role;

  if (data->token_info != NULL)
    {
      const char * const *targets;

      targets = gh_token_info_get_target_ids (data->token_info, "whatsapp_business_management");
      for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
        add_waba_id (data, targets[i]);

      /* business_management is granted per business: its targets are business IDs. */
      targets = gh_token_info_get_target_ids (data->token_info, "business_management");
      if (targets != NULL && targets[0] != NULL && targets[1] == NULL)
        set_business_id (data, targets[0]);
    }

  if (saved != NULL)
    {
      add_waba_id (data, gh_saved_connection_get_waba_id (saved));
      set_business_id (data, gh_saved_connection_get_business_id (saved));
    }
  /* The saved accounts, read already, name their business. */
  for (guint i = 0; data->business_id == NULL && i < MAX_WABAS; i++)
    learn_business_from (data, _gh_check_early_account (data->early, i));

  /* The role needs the business: known already, or read from the first account's owner by
   * a dependent operation in the same batch. */
  ask_role = data->user_id != NULL && (data->business_id != NULL || data->waba_ids->len > 0);

  for (guint i = 0; i < data->waba_ids->len; i++)
    {
      add_op (data, GH_CHECK_OP_ACCOUNT, i);
      if (i == 0 && ask_role)
        add_op (data, GH_CHECK_OP_SYSTEM_USERS, 0);
      add_op (data, GH_CHECK_OP_DETAILS, i);
      add_op (data, GH_CHECK_OP_APPS, i);
    }
  if (data->waba_ids->len == 0 && ask_role)
    add_op (data, GH_CHECK_OP_SYSTEM_USERS, 0);

  if (data->ops->len == 0)
    {
      finish_check (self, task, data->token_info, NULL, data->user_id, data->user_name, NULL,
                    -1);
      return;
    }

  all = g_array_sized_new (FALSE, FALSE, sizeof (guint), data->ops->len);
  for (guint i = 0; i < data->ops->len; i++)
    {
      GhGraphBatchResult *early = early_answer (data, &g_array_index (data->ops, Op, i));

      if (early != NULL)
        g_ptr_array_index (data->answers, i) = early;
      else
        g_array_append_val (all, i);
    }

  if (all->len == 0)
    {
      second_done (task);
      return;
    }

  send_ops (task, all);
}

/* First round trip */

static void
page_of_accounts_cb (JsonArray *items,
                     gint64     total,
                     gpointer   user_data)
{
  CheckData *data = user_data;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GhWaba) waba = gh_waba_parse (json_array_get_element (items, i), NULL);

      if (waba != NULL)
        add_listed_waba (data, waba);
    }
}

static void
more_accounts_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* The pages read so far still count; a later page that failed only leaves accounts out. */
  if (gh_graph_client_get_pages_finish (GH_GRAPH_CLIENT (object), result, &error) < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("A further page of accounts could not be read: %s", error->message);
    }

  start_second (g_steal_pointer (&task));
}

/* The cursor after the first page of accounts, when Meta says there is a next page. */
static const char *
next_page_cursor (GhGraphBatchResult *assigned)
{
  JsonObject *list = _gh_connection_result_object (assigned);
  JsonNode *paging = list != NULL ? json_object_get_member (list, "paging") : NULL;
  JsonObject *object = paging != NULL && JSON_NODE_HOLDS_OBJECT (paging)
                       ? json_node_get_object (paging) : NULL;
  JsonNode *cursors = object != NULL ? json_object_get_member (object, "cursors") : NULL;
  JsonNode *after;

  if (object == NULL || !json_object_has_member (object, "next") || cursors == NULL ||
      !JSON_NODE_HOLDS_OBJECT (cursors))
    return NULL;

  after = json_object_get_member (json_node_get_object (cursors), "after");
  if (after == NULL || !JSON_NODE_HOLDS_VALUE (after) ||
      json_node_get_value_type (after) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (after);
}

static void
first_done (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  GhConnection *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  GhGraphBatchResult *debug_result = g_ptr_array_index (data->first, FIRST_DEBUG_TOKEN);
  GhGraphBatchResult *me_result = g_ptr_array_index (data->first, FIRST_ME);
  GhGraphBatchResult *assigned_result = g_ptr_array_index (data->first, FIRST_ASSIGNED);
  const GError *token_error = NULL;
  const char *cursor;
  JsonObject *me;

  /* debug_token may want an app token (the reference says so); then the other answers
   * still tell whether the token works. */
  if (debug_result->error != NULL && is_token_error (debug_result->error))
    token_error = debug_result->error;
  else if (me_result->error != NULL && is_token_error (me_result->error))
    token_error = me_result->error;
  else if (debug_result->error == NULL && debug_result->body != NULL)
    {
      g_autoptr(GError) parse_error = NULL;

      data->token_info = gh_token_info_parse (debug_result->body, &parse_error);
      if (data->token_info == NULL)
        g_debug ("debug_token answer not usable: %s", parse_error->message);
    }

  if (token_error != NULL ||
      (data->token_info != NULL && !gh_token_info_get_is_valid (data->token_info)))
    {
      finish_check (self, task, data->token_info, token_error, NULL, NULL, NULL, -1);
      return;
    }

  me = _gh_connection_result_object (me_result);
  data->user_id = _gh_connection_dup_id (me, "id");
  data->user_name = _gh_connection_dup_id (me, "name");
  if (data->user_id == NULL && data->token_info != NULL)
    data->user_id = g_strdup (gh_token_info_get_user_id (data->token_info));

  if (_gh_connection_result_object (assigned_result) != NULL)
    {
      g_autoptr(GPtrArray) listed = gh_waba_parse_list (assigned_result->body, NULL);

      for (guint i = 0; listed != NULL && i < listed->len; i++)
        add_listed_waba (data, g_ptr_array_index (listed, i));
    }

  /* Every page of the account list, so that monitoring sees every account. */
  cursor = next_page_cursor (assigned_result);
  if (cursor != NULL && data->waba_ids->len < MAX_WABAS)
    {
      const char *params[] = {
        "fields", ASSIGNED_FIELDS, "limit", PAGE_LIMIT, "after", cursor, NULL
      };
      GCancellable *cancellable = g_task_get_cancellable (task);

      gh_graph_client_get_pages_async (gh_connection_get_client (self), ASSIGNED_PATH,
                                       params, page_of_accounts_cb, data, NULL,
                                       cancellable, more_accounts_cb, g_steal_pointer (&task));
      return;
    }

  start_second (g_steal_pointer (&task));
}

static void
first_batch_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GhGraphClient *client = GH_GRAPH_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  GhConnection *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = gh_graph_client_batch_finish (client, result, &error);
  if (results == NULL)
    {
      /* Meta may refuse the whole batch for a bad token: that is a finding, not a failure. */
      if (is_token_error (error))
        finish_check (self, task, NULL, error, NULL, NULL, NULL, -1);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (results->len < N_FIRST)
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                       "The batch answer is incomplete"));
      return;
    }

  keep_results (data, results);
  _gh_connection_keep_prefetched (self, results, N_FIRST, data->n_prefetch);
  data->first = g_ptr_array_new ();
  for (guint i = 0; i < N_FIRST; i++)
    g_ptr_array_add (data->first, g_ptr_array_index (results, i));
  _gh_check_early_take (data->early, results);

  /* The client has sent the operations Meta answered null for once more already: none of
   * the first round trip's depends on another. */
  first_done (g_steal_pointer (&task));
}

void
gh_connection_check_async (GhConnection        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_connection_check_async);

  data = g_new0 (CheckData, 1);
  data->waba_ids = g_ptr_array_new_with_free_func (g_free);
  data->listed_wabas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  data->ops = g_array_new (FALSE, FALSE, sizeof (Op));
  data->answers = g_ptr_array_new ();
  data->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);

  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
  for (guint i = 0; i < N_FIRST; i++)
    g_ptr_array_add (requests, first_request (self, i));
  /* A saved connection's account rides along, to open as soon as the check is done. */
  data->n_prefetch = _gh_connection_add_prefetch_requests (self, requests);
  data->early = _gh_check_early_add (self, requests, N_FIRST, data->n_prefetch, MAX_WABAS,
                                     SYSTEM_USERS_QUERY);

  gh_graph_client_batch_async (gh_connection_get_client (self), requests, cancellable,
                               first_batch_cb, g_steal_pointer (&task));
  wipe_requests (requests);
}

GhCheckReport *
gh_connection_check_finish (GhConnection  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gh_connection_check_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
