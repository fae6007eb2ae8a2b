/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-connection"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-business-user.h"
#include "gh-connection.h"
#include "gh-graph-error.h"
#include "gh-connection-private.h"
#include "gh-secret.h"

/* Discovery needs no more than this many accounts, and a batch must stay well under 50. */
#define MAX_WABAS 20

#define CHECK_WABA_FIELDS "id,name,owner_business_info,account_review_status"

/* Fields every token that reaches the account may read, and the edges, in one expansion. */
#define LOAD_WABA_BASIC_FIELDS \
  "id,name,currency,timezone_id,message_template_namespace,account_review_status," \
  "business_verification_status,country,ownership_type,owner_business_info," \
  "health_status,whatsapp_business_manager_messaging_limit,creation_time,status," \
  "phone_numbers{id,display_phone_number,verified_name,quality_rating," \
  "code_verification_status,status,name_status,platform_type,throughput,account_mode," \
  "is_official_business_account}," \
  "message_templates.limit(100){status,category}" \
  ".summary(total_count,message_template_count,message_template_limit)"

/* Asking for these fails the whole request when the token may not read them (no
 * business_management), so they are asked for in a request of their own. */
#define LOAD_WABA_BUSINESS_FIELDS "primary_business_location,on_behalf_of_business_info"

static const char * const load_waba_business_fields[] = {
  "primary_business_location", "on_behalf_of_business_info", NULL
};

struct _GhConnection
{
  GObject parent_instance;

  GhGraphClient *client;
  char *token;
  GhSavedConnection *saved;
  GhCheckReport *report;
};

G_DEFINE_FINAL_TYPE (GhConnection, gh_connection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SAVED,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the first round trip learned, carried into the second. */
typedef struct
{
  GhTokenInfo *token_info;
  char *user_id;
  char *user_name;
  char *business_id;
  GPtrArray *waba_ids;        /* char*, in discovery order, unique */
  GHashTable *listed_wabas;   /* id → GhWaba from me/assigned_whatsapp_business_accounts */
  gboolean asked_system_users;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->token_info);
  g_clear_pointer (&data->user_id, g_free);
  g_clear_pointer (&data->user_name, g_free);
  g_clear_pointer (&data->business_id, g_free);
  g_clear_pointer (&data->waba_ids, g_ptr_array_unref);
  g_clear_pointer (&data->listed_wabas, g_hash_table_unref);
  g_free (data);
}

/* IDs go into URL paths: anything but digits would change what is asked. */
static gboolean
is_graph_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 32)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
is_token_error (const GError *error)
{
  return g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_TOKEN) ||
         g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED);
}

static void
add_waba_id (CheckData  *data,
             const char *id)
{
  if (!is_graph_id (id) || data->waba_ids->len >= MAX_WABAS)
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
  if (data->business_id == NULL && is_graph_id (id))
    data->business_id = g_strdup (id);
}

/* Reads a string member that Meta may send as a number (IDs beyond 2^53 are strings, older
 * answers used numbers). */
static char *
dup_scalar_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return NULL;
    }
}

static JsonObject *
result_object (GhGraphBatchResult *result)
{
  if (result == NULL || result->error != NULL || result->body == NULL ||
      !JSON_NODE_HOLDS_OBJECT (result->body))
    return NULL;

  return json_node_get_object (result->body);
}

static GhGraphBatchRequest *
get_request (const char *relative_url)
{
  return gh_graph_batch_request_new ("GET", relative_url);
}

static void
wipe_request_url (GhGraphBatchRequest *request)
{
  if (request != NULL)
    gh_secret_wipe_string (request->relative_url);
}

static void
update_saved (GhConnection  *self,
              GhCheckReport *report)
{
  GhWaba *waba;
  const char *user_name;

  if (self->saved == NULL)
    return;

  user_name = gh_check_report_get_user_name (report);
  if (user_name != NULL && *user_name != '\0')
    gh_saved_connection_set_system_user_name (self->saved, user_name);

  waba = gh_check_report_get_first_waba (report);
  if (waba != NULL)
    {
      const char *saved_waba_id = gh_saved_connection_get_waba_id (self->saved);
      GhWaba *saved_waba = NULL;
      GPtrArray *wabas = gh_check_report_get_wabas (report);

      /* Keep the account the person chose, as long as it is still readable. */
      for (guint i = 0; saved_waba_id != NULL && i < wabas->len; i++)
        {
          GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);

          if (g_strcmp0 (gh_check_waba_get_id (check_waba), saved_waba_id) == 0)
            saved_waba = gh_check_waba_get_waba (check_waba);
        }
      if (saved_waba != NULL)
        waba = saved_waba;
      else
        gh_saved_connection_set_waba_id (self->saved, gh_waba_get_id (waba));

      if (gh_waba_get_owner_business_id (waba) != NULL)
        gh_saved_connection_set_business_id (self->saved, gh_waba_get_owner_business_id (waba));
      if (gh_waba_get_owner_business_name (waba) != NULL)
        gh_saved_connection_set_business_name (self->saved,
                                               gh_waba_get_owner_business_name (waba));
    }

  gh_saved_connection_set_last_check (self->saved, g_get_real_time () / G_USEC_PER_SEC,
                                      gh_check_report_get_passed (report));
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

  g_set_object (&self->report, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  update_saved (self, report);

  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

static int
find_is_admin (GhGraphBatchResult *result,
               const char         *user_id)
{
  g_autoptr(GPtrArray) users = NULL;

  if (result_object (result) == NULL || user_id == NULL)
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

static void
second_batch_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GhGraphClient *client = GH_GRAPH_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) wabas = NULL;
  g_autoptr(GError) error = NULL;
  GhConnection *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  int is_admin = -1;

  results = gh_graph_client_batch_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The first round trip already proved the token: a failed second one makes each account
   * unreadable for that reason instead of failing the whole check. */
  wabas = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < data->waba_ids->len; i++)
    {
      const char *id = g_ptr_array_index (data->waba_ids, i);
      GhGraphBatchResult *item = results != NULL && i < results->len
        ? g_ptr_array_index (results, i) : NULL;
      g_autoptr(GhWaba) waba = NULL;
      g_autoptr(GError) read_error = NULL;

      /* Listed by me/assigned_whatsapp_business_accounts: reachable even if the second
       * round trip failed. */
      if (item == NULL && g_hash_table_contains (data->listed_wabas, id))
        waba = g_object_ref (g_hash_table_lookup (data->listed_wabas, id));
      else if (item == NULL)
        read_error = error != NULL
          ? g_error_copy (error)
          : gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                        "The batch answer is missing an item");
      else if (item->error != NULL)
        read_error = g_error_copy (item->error);
      else if ((waba = gh_waba_parse (item->body, &read_error)) != NULL &&
               g_strcmp0 (gh_waba_get_id (waba), id) != 0)
        {
          g_clear_object (&waba);
          read_error = gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                   "The answer is about another account");
        }

      g_ptr_array_add (wabas, gh_check_waba_new (id, waba, read_error));
    }

  if (data->asked_system_users && results != NULL && results->len > data->waba_ids->len)
    is_admin = find_is_admin (g_ptr_array_index (results, data->waba_ids->len), data->user_id);

  finish_check (self, task, data->token_info, NULL, data->user_id, data->user_name, wabas,
                is_admin);
}

static void
first_batch_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GhGraphClient *client = GH_GRAPH_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  GhConnection *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  GhGraphBatchResult *debug_result;
  GhGraphBatchResult *me_result;
  GhGraphBatchResult *assigned_result;
  const GError *token_error = NULL;
  GCancellable *cancellable;
  JsonObject *me;

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

  if (results->len < 3)
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                       "The batch answer is incomplete"));
      return;
    }

  debug_result = g_ptr_array_index (results, 0);
  me_result = g_ptr_array_index (results, 1);
  assigned_result = g_ptr_array_index (results, 2);

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

  me = result_object (me_result);
  data->user_id = dup_scalar_member (me, "id");
  data->user_name = dup_scalar_member (me, "name");
  if (data->user_id == NULL && data->token_info != NULL)
    data->user_id = g_strdup (gh_token_info_get_user_id (data->token_info));

  if (result_object (assigned_result) != NULL)
    {
      g_autoptr(GPtrArray) listed = gh_waba_parse_list (assigned_result->body, NULL);

      for (guint i = 0; listed != NULL && i < listed->len; i++)
        {
          GhWaba *waba = g_ptr_array_index (listed, i);

          add_waba_id (data, gh_waba_get_id (waba));
          set_business_id (data, gh_waba_get_owner_business_id (waba));
          g_hash_table_replace (data->listed_wabas, g_strdup (gh_waba_get_id (waba)),
                                g_object_ref (waba));
        }
    }

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

  if (self->saved != NULL)
    {
      add_waba_id (data, gh_saved_connection_get_waba_id (self->saved));
      set_business_id (data, gh_saved_connection_get_business_id (self->saved));
    }

  requests = g_ptr_array_new_with_free_func ((GDestroyNotify)gh_graph_batch_request_free);
  for (guint i = 0; i < data->waba_ids->len; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s?fields=" CHECK_WABA_FIELDS,
                                              (char *)g_ptr_array_index (data->waba_ids, i));

      g_ptr_array_add (requests, get_request (url));
    }

  if (data->business_id != NULL && data->user_id != NULL)
    {
      g_autofree char *url = g_strdup_printf ("%s/system_users?fields=id,name,role",
                                              data->business_id);

      g_ptr_array_add (requests, get_request (url));
      data->asked_system_users = TRUE;
    }

  if (requests->len == 0)
    {
      finish_check (self, task, data->token_info, NULL, data->user_id, data->user_name, NULL,
                    -1);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  gh_graph_client_batch_async (client, requests, cancellable,
                               second_batch_cb, g_steal_pointer (&task));
}

/* Words for why the business fields could not be read: the token's scopes tell whether a
 * new token would help, or whether the system user itself lacks the right. */
static const char *
unavailable_reason (GhConnection *self)
{
  GhTokenInfo *info = self->report != NULL ? gh_check_report_get_token_info (self->report) : NULL;

  if (info != NULL && !gh_token_info_has_scope (info, "business_management"))
    return _("Needs the business_management permission");

  return _("This system user cannot read it");
}

static void
waba_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GhGraphClient *client = GH_GRAPH_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  GhConnection *self = g_task_get_source_object (task);
  GhGraphBatchResult *full;
  GhGraphBatchResult *business;

  results = gh_graph_client_batch_finish (client, result, &error);
  if (results == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (results->len < 2)
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                       "The batch answer is incomplete"));
      return;
    }

  full = g_ptr_array_index (results, 0);
  business = g_ptr_array_index (results, 1);

  if (full->error != NULL)
    {
      g_task_return_error (task, g_error_copy (full->error));
      return;
    }

  /* Both answers are objects about the same account: one object holds all that was read. */
  if (business->error == NULL && result_object (full) != NULL &&
      result_object (business) != NULL)
    {
      JsonObject *into = result_object (full);

      for (guint i = 0; load_waba_business_fields[i] != NULL; i++)
        {
          JsonNode *member = json_object_get_member (result_object (business),
                                                     load_waba_business_fields[i]);

          if (member != NULL)
            json_object_set_member (into, load_waba_business_fields[i], json_node_copy (member));
        }
    }

  waba = gh_waba_parse (full->body, &error);
  if (waba == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The account itself was read; a refused business part becomes "not available, because…"
   * on those fields rather than an error for the whole page. */
  if (business->error != NULL &&
      g_error_matches (business->error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION))
    gh_waba_set_unavailable (waba, load_waba_business_fields, unavailable_reason (self));
  else if (business->error != NULL)
    gh_waba_set_unavailable (waba, load_waba_business_fields,
                             gh_graph_error_code_to_summary (business->error->code));

  if (self->saved != NULL)
    {
      gh_saved_connection_set_waba_id (self->saved, gh_waba_get_id (waba));
      if (gh_waba_get_owner_business_id (waba) != NULL)
        gh_saved_connection_set_business_id (self->saved, gh_waba_get_owner_business_id (waba));
      if (gh_waba_get_owner_business_name (waba) != NULL)
        gh_saved_connection_set_business_name (self->saved,
                                               gh_waba_get_owner_business_name (waba));
    }

  g_task_return_pointer (task, g_steal_pointer (&waba), g_object_unref);
}

static void
gh_connection_finalize (GObject *object)
{
  GhConnection *self = (GhConnection *)object;

  gh_secret_free (g_steal_pointer (&self->token));
  g_clear_object (&self->client);
  g_clear_object (&self->saved);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (gh_connection_parent_class)->finalize (object);
}

static void
gh_connection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GhConnection *self = GH_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_SAVED:
      g_value_set_object (value, self->saved);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_connection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GhConnection *self = GH_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_SAVED:
      gh_connection_set_saved (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_connection_class_init (GhConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_connection_finalize;
  object_class->get_property = gh_connection_get_property;
  object_class->set_property = gh_connection_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, GH_TYPE_GRAPH_CLIENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SAVED] =
    g_param_spec_object ("saved", NULL, NULL, GH_TYPE_SAVED_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, GH_TYPE_CHECK_REPORT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_connection_init (GhConnection *self)
{
}

GhConnection *
gh_connection_new (const char         *base_url,
                   const char         *api_version,
                   const char         *token,
                   GhSavedConnection  *saved,
                   GError            **error)
{
  g_autoptr(GhGraphClient) client = NULL;
  GhConnection *self;

  g_return_val_if_fail (saved == NULL || GH_IS_SAVED_CONNECTION (saved), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  client = base_url != NULL ? gh_graph_client_new (base_url, api_version, error)
                            : gh_graph_client_new_from_environment (api_version, error);
  if (client == NULL)
    return NULL;

  self = g_object_new (GH_TYPE_CONNECTION, NULL);
  self->client = g_steal_pointer (&client);
  if (token != NULL && *token != '\0')
    {
      self->token = g_strdup (token);
      gh_graph_client_set_token (self->client, token);
    }
  if (saved != NULL)
    self->saved = g_object_ref (saved);

  return self;
}

GhGraphClient *
gh_connection_get_client (GhConnection *self)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  return self->client;
}

GhSavedConnection *
gh_connection_get_saved (GhConnection *self)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  return self->saved;
}

void
gh_connection_set_saved (GhConnection      *self,
                         GhSavedConnection *saved)
{
  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (saved == NULL || GH_IS_SAVED_CONNECTION (saved));

  if (g_set_object (&self->saved, saved))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

GhCheckReport *
gh_connection_get_report (GhConnection *self)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  return self->report;
}

void
gh_connection_check_async (GhConnection        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  GhGraphBatchRequest *debug_request = NULL;
  CheckData *data;

  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_connection_check_async);

  data = g_new0 (CheckData, 1);
  data->waba_ids = g_ptr_array_new_with_free_func (g_free);
  data->listed_wabas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify)check_data_free);

  requests = g_ptr_array_new_with_free_func ((GDestroyNotify)gh_graph_batch_request_free);

  /* The token to inspect rides in the batch's POST body, never in a URL of its own. */
  if (self->token != NULL)
    {
      g_auto(GhSecretString) escaped = g_uri_escape_string (self->token, NULL, FALSE);
      g_auto(GhSecretString) url = g_strconcat ("debug_token?input_token=", escaped, NULL);

      debug_request = get_request (url);
    }
  else
    {
      /* Nothing to inspect: keep the positions of the answers the same. */
      debug_request = get_request ("me?fields=id");
    }
  g_ptr_array_add (requests, debug_request);
  g_ptr_array_add (requests, get_request ("me?fields=id,name"));
  g_ptr_array_add (requests,
                   get_request ("me/assigned_whatsapp_business_accounts"
                                "?fields=id,name,tasks,owner_business_info"));

  gh_graph_client_batch_async (self->client, requests, cancellable,
                               first_batch_cb, g_steal_pointer (&task));

  /* The client has serialised the batch by now; the copy with the token is not needed. */
  wipe_request_url (debug_request);
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

void
gh_connection_load_waba_async (GhConnection        *self,
                               const char          *waba_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *basic_url = NULL;
  g_autofree char *business_url = NULL;

  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (waba_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_connection_load_waba_async);

  /* The ID may come from the keyring or from a person: never let it change the path. */
  if (!is_graph_id (waba_id))
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_PARAMETER,
                                                       "A WhatsApp Business Account ID is "
                                                       "made of digits only"));
      return;
    }

  /* One round trip: a token that may not read the business fields still gets the rest. */
  basic_url = g_strdup_printf ("%s?fields=" LOAD_WABA_BASIC_FIELDS, waba_id);
  business_url = g_strdup_printf ("%s?fields=" LOAD_WABA_BUSINESS_FIELDS, waba_id);
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify)gh_graph_batch_request_free);
  g_ptr_array_add (requests, get_request (basic_url));
  g_ptr_array_add (requests, get_request (business_url));

  gh_graph_client_batch_async (self->client, requests, cancellable,
                               waba_loaded_cb, g_steal_pointer (&task));
}

GhWaba *
gh_connection_load_waba_finish (GhConnection  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        gh_connection_load_waba_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
_gh_connection_peek_token (GhConnection *self)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);

  return self->token;
}
