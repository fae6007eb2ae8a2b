/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-connection"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-connection.h"
#include "gh-connection-private.h"
#include "gh-graph-error.h"
#include "gh-secret.h"
#include "gh-subscribed-app.h"

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

/* What readiness reads besides the account's own fields: health_status of the account and
 * of each number, and where each number's webhooks go.  Asked for in an operation of its
 * own, so that a server refusing one of these fields costs the readiness, not the account. */
#define READINESS_FIELDS \
  "id,health_status,whatsapp_business_manager_messaging_limit,business_verification_status," \
  "phone_numbers.limit(100){id,display_phone_number,verified_name,quality_rating," \
  "code_verification_status,status,name_status,platform_type,throughput,account_mode," \
  "is_official_business_account,health_status,webhook_configuration}"

static const char * const readiness_members[] = {
  "health_status", "whatsapp_business_manager_messaging_limit",
  "business_verification_status", "phone_numbers", NULL
};

struct _GhConnection
{
  GObject parent_instance;

  GhGraphClient *client;
  char *token;
  GhSavedConnection *saved;
  GhCheckReport *report;

  /* An account asked for in the check's first round trip, and what came back: the check's
   * own answers, then the overview's four, then the first page of people. */
  char *prefetch_waba_id;
  char *prefetch_people_path;
  GPtrArray *prefetched;
  guint prefetch_offset;
  gboolean prefetched_account_taken;
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

static GhAccountReadiness *
judge (GhConnection       *self,
       GhWaba             *waba,
       GhGraphBatchResult *details,
       GhGraphBatchResult *apps_result)
{
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GError) apps_error = NULL;
  GhReadinessContext context;

  gh_access_check_fill_context (self->report, gh_waba_get_id (waba), &context);
  apps = _gh_connection_parse_apps (apps_result, &apps_error);

  return gh_account_readiness_evaluate (waba, details != NULL ? details->error : NULL,
                                        apps, apps_error, &context);
}

static void
remember_account (GhConnection *self,
                  GhWaba       *waba)
{
  if (self->saved == NULL)
    return;

  gh_saved_connection_set_waba_id (self->saved, gh_waba_get_id (waba));
  if (gh_waba_get_owner_business_id (waba) != NULL)
    gh_saved_connection_set_business_id (self->saved, gh_waba_get_owner_business_id (waba));
  if (gh_waba_get_owner_business_name (waba) != NULL)
    gh_saved_connection_set_business_name (self->saved, gh_waba_get_owner_business_name (waba));
}

/* The overview's batch: [0] the account's fields, [1] the business fields, [2] its health and
 * numbers, [3] its subscriptions. */
/* Takes @task; @results[@at…] are the overview batch's four answers. */
static void
account_answered (GTask     *owned,
                  GPtrArray *results,
                  guint      at)
{
  g_autoptr(GTask) task = owned;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GhAccountReadiness) readiness = NULL;
  g_autoptr(GError) error = NULL;
  GhConnection *self = g_task_get_source_object (task);
  GhGraphBatchResult *full;
  GhGraphBatchResult *business;

  if (results->len < at + 4)
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                       "The batch answer is incomplete"));
      return;
    }

  full = g_ptr_array_index (results, at);
  business = g_ptr_array_index (results, at + 1);

  if (full->error != NULL)
    {
      g_task_return_error (task, g_error_copy (full->error));
      return;
    }

  /* Both answers are objects about the same account: one object holds all that was read. */
  if (business->error == NULL && _gh_connection_result_object (full) != NULL &&
      _gh_connection_result_object (business) != NULL)
    {
      JsonObject *into = _gh_connection_result_object (full);

      for (guint i = 0; load_waba_business_fields[i] != NULL; i++)
        {
          JsonNode *member = json_object_get_member (_gh_connection_result_object (business),
                                                     load_waba_business_fields[i]);

          if (member != NULL)
            json_object_set_member (into, load_waba_business_fields[i], json_node_copy (member));
        }
    }
  _gh_connection_merge_details (full, g_ptr_array_index (results, at + 2));

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

  remember_account (self, waba);

  if (g_task_get_source_tag (task) == gh_connection_load_waba_async)
    {
      g_task_return_pointer (task, g_steal_pointer (&waba), g_object_unref);
      return;
    }

  readiness = judge (self, waba, g_ptr_array_index (results, at + 2),
                     g_ptr_array_index (results, at + 3));
  g_task_return_pointer (task, g_steal_pointer (&readiness), g_object_unref);
}

static void
account_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  results = gh_graph_client_batch_finish (GH_GRAPH_CLIENT (object), result, &error);
  if (results == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  account_answered (g_steal_pointer (&task), results, 0);
}

/* The overview's four requests for @waba_id (an ID already checked to be digits). */
static void
add_account_requests (GPtrArray  *requests,
                      const char *waba_id)
{
  g_autofree char *basic_url = g_strdup_printf ("%s?fields=" LOAD_WABA_BASIC_FIELDS, waba_id);
  g_autofree char *business_url = g_strdup_printf ("%s?fields=" LOAD_WABA_BUSINESS_FIELDS,
                                                   waba_id);

  g_ptr_array_add (requests, _gh_connection_get_request (basic_url));
  g_ptr_array_add (requests, _gh_connection_get_request (business_url));
  _gh_connection_add_readiness_requests (requests, waba_id);
}

/* The re-read after a write: [0] the account's own fields, [1] its health and numbers, [2]
 * its subscriptions. */
static void
readiness_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GhGraphClient *client = GH_GRAPH_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  GhConnection *self = g_task_get_source_object (task);
  GhGraphBatchResult *account;

  results = gh_graph_client_batch_finish (client, result, &error);
  if (results != NULL && results->len < 3)
    g_set_error_literal (&error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                         "The batch answer is incomplete");
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  account = g_ptr_array_index (results, 0);
  if (account->error != NULL)
    {
      g_task_return_error (task, g_error_copy (account->error));
      return;
    }

  _gh_connection_merge_details (account, g_ptr_array_index (results, 1));
  waba = gh_waba_parse (account->body, &error);
  if (waba == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, judge (self, waba, g_ptr_array_index (results, 1),
                                      g_ptr_array_index (results, 2)),
                         g_object_unref);
}

static void
load_account (GhConnection        *self,
              const char          *waba_id,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) requests = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  /* The ID may come from the keyring or from a person: never let it change the path. */
  if (!_gh_connection_is_graph_id (waba_id))
    {
      g_task_return_error (task,
                           gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_PARAMETER,
                                                       "A WhatsApp Business Account ID is "
                                                       "made of digits only"));
      return;
    }

  /* Read with the check already: no request at all, once. */
  if (source_tag == gh_connection_load_account_async && self->prefetched != NULL
      && !self->prefetched_account_taken && g_strcmp0 (self->prefetch_waba_id, waba_id) == 0)
    {
      g_autoptr(GPtrArray) prefetched = g_ptr_array_ref (self->prefetched);

      self->prefetched_account_taken = TRUE;
      if (self->prefetch_people_path == NULL)
        g_clear_pointer (&self->prefetched, g_ptr_array_unref);
      account_answered (g_steal_pointer (&task), prefetched, self->prefetch_offset);
      return;
    }

  /* One round trip: a token that may not read the business fields, or the readiness
   * fields, still gets the rest. */
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify)gh_graph_batch_request_free);
  add_account_requests (requests, waba_id);

  gh_graph_client_batch_async (self->client, requests, cancellable,
                               account_loaded_cb, g_steal_pointer (&task));
}

static void
gh_connection_finalize (GObject *object)
{
  GhConnection *self = (GhConnection *)object;

  gh_secret_free (g_steal_pointer (&self->token));
  g_clear_pointer (&self->prefetch_waba_id, g_free);
  g_clear_pointer (&self->prefetch_people_path, g_free);
  g_clear_pointer (&self->prefetched, g_ptr_array_unref);
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
gh_connection_load_waba_async (GhConnection        *self,
                               const char          *waba_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (waba_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  load_account (self, waba_id, gh_connection_load_waba_async, cancellable, callback,
                user_data);
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

void
gh_connection_load_account_async (GhConnection        *self,
                                  const char          *waba_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (waba_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  load_account (self, waba_id, gh_connection_load_account_async, cancellable, callback,
                user_data);
}

GhAccountReadiness *
gh_connection_load_account_finish (GhConnection  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        gh_connection_load_account_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Shared with the check and the writes */

gboolean
_gh_connection_is_graph_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 32)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

char *
_gh_connection_dup_id (JsonObject *object,
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

GhGraphBatchRequest *
_gh_connection_get_request (const char *relative_url)
{
  return gh_graph_batch_request_new ("GET", relative_url);
}

JsonObject *
_gh_connection_result_object (GhGraphBatchResult *result)
{
  if (result == NULL || result->error != NULL || result->body == NULL ||
      !JSON_NODE_HOLDS_OBJECT (result->body))
    return NULL;

  return json_node_get_object (result->body);
}

void
_gh_connection_set_report (GhConnection  *self,
                           GhCheckReport *report)
{
  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (GH_IS_CHECK_REPORT (report));

  g_set_object (&self->report, report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  update_saved (self, report);
}

void
_gh_connection_add_readiness_requests (GPtrArray  *requests,
                                       const char *waba_id)
{
  g_autofree char *details_url = g_strdup_printf ("%s?fields=" READINESS_FIELDS, waba_id);
  g_autofree char *apps_url = g_strdup_printf ("%s/subscribed_apps", waba_id);

  g_ptr_array_add (requests, _gh_connection_get_request (details_url));
  g_ptr_array_add (requests, _gh_connection_get_request (apps_url));
}

void
_gh_connection_merge_details (GhGraphBatchResult *account,
                              GhGraphBatchResult *details)
{
  JsonObject *into = _gh_connection_result_object (account);
  JsonObject *from = _gh_connection_result_object (details);
  g_autofree char *into_id = NULL;
  g_autofree char *from_id = NULL;

  if (into == NULL || from == NULL)
    return;

  /* An answer about another account must not lend it its numbers. */
  into_id = _gh_connection_dup_id (into, "id");
  from_id = _gh_connection_dup_id (from, "id");
  if (from_id != NULL && g_strcmp0 (into_id, from_id) != 0)
    return;

  for (guint i = 0; readiness_members[i] != NULL; i++)
    {
      JsonNode *member = json_object_get_member (from, readiness_members[i]);

      if (member != NULL)
        json_object_set_member (into, readiness_members[i], json_node_copy (member));
    }
}

GPtrArray *
_gh_connection_parse_apps (GhGraphBatchResult  *result,
                           GError             **error)
{
  if (result == NULL)
    return NULL;

  if (result->error != NULL)
    {
      g_propagate_error (error, g_error_copy (result->error));
      return NULL;
    }

  return gh_subscribed_app_parse_list (result->body, error);
}

void
_gh_connection_read_readiness_async (GhConnection        *self,
                                     const char          *waba_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *account_url = NULL;

  g_return_if_fail (GH_IS_CONNECTION (self));
  g_return_if_fail (_gh_connection_is_graph_id (waba_id));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _gh_connection_read_readiness_async);

  account_url = g_strdup_printf ("%s?fields=" GH_CONNECTION_ACCOUNT_FIELDS, waba_id);
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify)gh_graph_batch_request_free);
  g_ptr_array_add (requests, _gh_connection_get_request (account_url));
  _gh_connection_add_readiness_requests (requests, waba_id);

  gh_graph_client_batch_async (self->client, requests, cancellable,
                               readiness_read_cb, g_steal_pointer (&task));
}

GhAccountReadiness *
_gh_connection_read_readiness_finish (GhConnection  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
_gh_connection_peek_token (GhConnection *self)
{
  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);

  return self->token;
}

void
gh_connection_prefetch_account (GhConnection *self,
                                const char   *waba_id,
                                const char   *people_path)
{
  g_return_if_fail (GH_IS_CONNECTION (self));

  g_clear_pointer (&self->prefetch_waba_id, g_free);
  g_clear_pointer (&self->prefetch_people_path, g_free);
  g_clear_pointer (&self->prefetched, g_ptr_array_unref);

  /* The ID may come from the keyring: never let it change the path. */
  if (!_gh_connection_is_graph_id (waba_id))
    return;

  self->prefetch_waba_id = g_strdup (waba_id);
  self->prefetch_people_path = g_strdup (people_path);
}

JsonNode *
gh_connection_take_people_page (GhConnection *self,
                                const char   *waba_id)
{
  GhGraphBatchResult *page;
  JsonNode *body;
  guint at;

  g_return_val_if_fail (GH_IS_CONNECTION (self), NULL);

  if (self->prefetched == NULL || self->prefetch_people_path == NULL
      || g_strcmp0 (self->prefetch_waba_id, waba_id) != 0)
    return NULL;

  at = self->prefetch_offset + 4;
  page = at < self->prefetched->len ? g_ptr_array_index (self->prefetched, at) : NULL;
  body = page != NULL && page->error == NULL && page->body != NULL
         ? json_node_ref (page->body) : NULL;
  g_clear_pointer (&self->prefetch_people_path, g_free);
  if (self->prefetched_account_taken)
    g_clear_pointer (&self->prefetched, g_ptr_array_unref);

  return body;
}

guint
_gh_connection_add_prefetch_requests (GhConnection *self,
                                      GPtrArray    *requests)
{
  guint before = requests->len;

  if (self->prefetch_waba_id == NULL)
    return 0;

  add_account_requests (requests, self->prefetch_waba_id);
  if (self->prefetch_people_path != NULL)
    g_ptr_array_add (requests, _gh_connection_get_request (self->prefetch_people_path));

  return requests->len - before;
}

const char *
_gh_connection_get_prefetch_waba_id (GhConnection *self)
{
  return self->prefetch_waba_id;
}

void
_gh_connection_keep_prefetched (GhConnection *self,
                                GPtrArray    *results,
                                guint         offset,
                                guint         count)
{
  /* Only whole answers are worth keeping: anything short, or an operation Meta answered
   * with null, is asked for again when the account opens. */
  g_clear_pointer (&self->prefetched, g_ptr_array_unref);
  self->prefetched_account_taken = FALSE;
  for (guint i = offset; i < offset + count && i < results->len; i++)
    if (((GhGraphBatchResult *) g_ptr_array_index (results, i))->code == 0)
      return;
  if (count > 0 && results->len >= offset + count)
    {
      self->prefetched = g_ptr_array_ref (results);
      self->prefetch_offset = offset;
    }
}
