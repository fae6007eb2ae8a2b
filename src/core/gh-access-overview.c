/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-access-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-access-overview-private.h"
#include "gh-assigned-user.h"
#include "gh-assignment-editor.h"
#include "gh-csv.h"
#include "gh-graph-error.h"
#include "gh-journal-entry.h"

/* Reading who has access to what, across connections, with as few calls as Meta allows:
 * one batch per connection in the usual case (see gh-access-overview.h), all connections
 * at once. */

struct _GhAccessOverview
{
  GObject       parent_instance;

  GhSession    *session;
  GListStore   *people;
  GListStore   *accounts;
  GPtrArray    *problems;
  guint         n_calls;
  guint         n_requests;

  /* While a load runs. */
  GTask        *task;
  GHashTable   *people_by_id;   /* id → GhAccessPerson (ref) */
  GHashTable   *asked;          /* account ids asked for through any connection */
  GHashTable   *managers;       /* account id → Reader fields of a connection with Full
                                 * control there (Manager) */
  GPtrArray    *read_accounts;  /* GhAccessAccount* */
  guint         pending;        /* connections not done yet */
};

G_DEFINE_FINAL_TYPE (GhAccessOverview, gh_access_overview, G_TYPE_OBJECT)

/* One connection being read. */
typedef struct
{
  GhAccessOverview *self;
  GhConnection     *connection;
  char             *connection_id;     /* NULL: never saved */
  char             *label;
  char             *business_id;
  char             *own_user_id;
  gboolean          discover;          /* ask which accounts the token is assigned to */
  GPtrArray        *known;             /* GhJournalAccount*: accounts to read */
  GHashTable       *asked;             /* account ids whose first page was asked for */
  GPtrArray        *requested;         /* GhJournalAccount* of the batch in flight */
} Reader;

/* A connection whose system user has Full control on an account: the one to edit it with,
 * whichever connection read it. */
typedef struct
{
  char          *connection_id;
  char          *label;
  char          *own_user_id;
  GhGraphClient *client;
} Manager;

static void read_batch (Reader *reader);

static void
manager_free (Manager *manager)
{
  g_free (manager->connection_id);
  g_free (manager->label);
  g_free (manager->own_user_id);
  g_clear_object (&manager->client);
  g_free (manager);
}

static void
add_manager (Reader     *reader,
             const char *account_id)
{
  Manager *manager;

  if (g_hash_table_contains (reader->self->managers, account_id))
    return;

  manager = g_new0 (Manager, 1);
  manager->connection_id = g_strdup (reader->connection_id);
  manager->label = g_strdup (reader->label);
  manager->own_user_id = g_strdup (reader->own_user_id);
  manager->client = g_object_ref (gh_connection_get_client (reader->connection));
  g_hash_table_insert (reader->self->managers, g_strdup (account_id), manager);
}

static void
reader_free (Reader *reader)
{
  g_clear_object (&reader->self);
  g_clear_object (&reader->connection);
  g_free (reader->connection_id);
  g_free (reader->label);
  g_free (reader->business_id);
  g_free (reader->own_user_id);
  g_clear_pointer (&reader->known, g_ptr_array_unref);
  g_clear_pointer (&reader->asked, g_hash_table_unref);
  g_clear_pointer (&reader->requested, g_ptr_array_unref);
  g_free (reader);
}

static GhJournalAccount *
journal_account_new (const char *id,
                     const char *name,
                     const char *business_id)
{
  GhJournalAccount *account = g_new0 (GhJournalAccount, 1);

  account->account_id = g_strdup (id);
  account->account_name = g_strdup (name);
  account->business_id = g_strdup (business_id);
  return account;
}

static void
add_known (Reader     *reader,
           const char *id,
           const char *name,
           const char *business_id)
{
  for (guint i = 0; i < reader->known->len; i++)
    {
      GhJournalAccount *known = g_ptr_array_index (reader->known, i);

      if (g_strcmp0 (known->account_id, id) == 0)
        {
          if (known->account_name == NULL)
            known->account_name = g_strdup (name);
          if (known->business_id == NULL)
            known->business_id = g_strdup (business_id);
          return;
        }
    }

  g_ptr_array_add (reader->known, journal_account_new (id, name, business_id));
}

static void
add_problem (GhAccessOverview *self,
             const char       *label,
             const GError     *error)
{
  const char *why = error->domain == GH_GRAPH_ERROR
                    ? gh_graph_error_code_to_summary (error->code) : error->message;

  /* Translators: the first %s is a saved connection, the second says why */
  g_ptr_array_add (self->problems, g_strdup_printf (_("“%s” could not be read: %s"), label,
                                                    why));
}

static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  GhAccessAccount *first = *(GhAccessAccount **) a;
  GhAccessAccount *second = *(GhAccessAccount **) b;
  int order = g_utf8_collate (gh_access_account_get_connection_label (first),
                              gh_access_account_get_connection_label (second));

  return order != 0 ? order : g_utf8_collate (gh_access_account_get_name (first),
                                              gh_access_account_get_name (second));
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return _gh_access_person_compare (*(gpointer *) a, *(gpointer *) b, NULL);
}

static void
finish_load (GhAccessOverview *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->people_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (people, g_object_ref (value));
  for (guint i = 0; i < self->read_accounts->len; i++)
    {
      GhAccessAccount *account = g_ptr_array_index (self->read_accounts, i);
      Manager *manager = g_hash_table_lookup (self->managers,
                                              gh_access_account_get_id (account));

      if (manager != NULL)
        _gh_access_account_set_connection (account, manager->connection_id, manager->label,
                                           manager->own_user_id, manager->client);
    }
  /* g_ptr_array_sort hands pointers to the elements. */
  g_ptr_array_sort (people, compare_people);
  g_ptr_array_sort (self->read_accounts, compare_accounts);

  g_list_store_splice (self->accounts, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       self->read_accounts->pdata, self->read_accounts->len);
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       people->pdata, people->len);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_clear_pointer (&self->managers, g_hash_table_unref);
  g_clear_pointer (&self->read_accounts, g_ptr_array_unref);

  g_task_return_boolean (task, TRUE);
}

static void
reader_done (Reader *reader)
{
  GhAccessOverview *self = reader->self;

  /* Next time this connection's accounts are asked for in its first batch. */
  if (reader->connection_id != NULL && reader->known->len > 0)
    gh_journal_note_accounts_async (gh_session_get_journal (self->session),
                                    reader->connection_id, reader->known, NULL, NULL, NULL);

  reader_free (reader);
  if (--self->pending == 0)
    finish_load (self);
}

/* Pages */

/* Meta's JSON never asserts: wrong types read as absent. */
static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
body_object (GhGraphBatchResult *item)
{
  return item != NULL && item->error == NULL && item->body != NULL
         && JSON_NODE_HOLDS_OBJECT (item->body) ? json_node_get_object (item->body) : NULL;
}

static gint64
page_total (JsonObject *page)
{
  JsonObject *summary = member_object (page, "summary");
  JsonNode *node = summary != NULL ? json_object_get_member (summary, "total_count") : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  return -1;
}

static void
take_page (Reader             *reader,
           GhAccessAccount    *account,
           GhGraphBatchResult *item)
{
  GhAccessOverview *self = reader->self;
  JsonObject *page = body_object (item);
  JsonArray *data = member_array (page, "data");
  JsonObject *paging = member_object (page, "paging");
  g_autoptr(GPtrArray) users = NULL;

  if (item == NULL || item->error != NULL || data == NULL)
    {
      _gh_access_account_set_failed (account,
                                     item != NULL && item->error != NULL
                                     ? gh_graph_error_code_to_summary (item->error->code)
                                     : _("Meta’s answer could not be read."));
      return;
    }

  users = gh_assigned_user_parse_array (data);
  _gh_access_account_set_page (account, item->body, users->len, page_total (page),
                               paging != NULL && json_object_has_member (paging, "next"));

  for (guint i = 0; i < users->len; i++)
    {
      GhAssignedUser *user = g_ptr_array_index (users, i);
      const char *id = gh_assigned_user_get_id (user);
      GhAccessPerson *person = g_hash_table_lookup (self->people_by_id, id);
      g_autofree char *tasks = gh_journal_tasks_to_text (gh_assigned_user_get_tasks (user),
                                                         gh_assigned_user_get_unknown_tasks (user));

      if (person == NULL)
        {
          person = _gh_access_person_new (id, gh_assigned_user_get_name (user),
                                          gh_assigned_user_is_system_user (user));
          g_hash_table_insert (self->people_by_id, g_strdup (id), person);
        }
      _gh_access_person_add (person, account, tasks);
    }
}

static gboolean
tasks_hold_full_control (JsonArray *tasks)
{
  for (guint i = 0; tasks != NULL && i < json_array_get_length (tasks); i++)
    {
      JsonNode *node = json_array_get_element (tasks, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (node), "MANAGE") == 0)
        return TRUE;
    }

  return FALSE;
}

/* The accounts the token is assigned to that were not asked for yet, and those where it
 * has Full control. */
static void
take_assigned_accounts (Reader             *reader,
                        GhGraphBatchResult *item)
{
  JsonArray *data = member_array (body_object (item), "data");

  if (data == NULL)
    {
      /* Translators: %s is a saved connection */
      g_ptr_array_add (reader->self->problems,
                       g_strdup_printf (_("Meta would not list the accounts “%s” reaches: only "
                                          "those Gatehouse has seen through it were read."),
                                        reader->label));
      return;
    }

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonNode *element = json_array_get_element (data, i);
      JsonObject *waba = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element)
                                                          : NULL;
      JsonObject *owner = member_object (waba, "owner_business_info");
      const char *id = member_string (waba, "id");

      if (id == NULL)
        continue;
      if (tasks_hold_full_control (member_array (waba, "tasks")))
        add_manager (reader, id);
      add_known (reader, id, member_string (waba, "name"),
                 owner != NULL && member_string (owner, "id") != NULL
                 ? member_string (owner, "id") : reader->business_id);
    }
}

static void
batch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Reader *reader = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requested = g_steal_pointer (&reader->requested);
  GhAccessOverview *self = reader->self;
  guint first = 0;

  results = gh_graph_client_batch_finish (GH_GRAPH_CLIENT (object), result, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_problem (self, reader->label, error);
      reader_done (reader);
      return;
    }

  if (reader->discover)
    {
      GhGraphBatchResult *me = results->len > 0 ? g_ptr_array_index (results, 0) : NULL;

      g_free (reader->own_user_id);
      reader->own_user_id = g_strdup (member_string (body_object (me), "id"));
      take_assigned_accounts (reader, results->len > 1 ? g_ptr_array_index (results, 1)
                                                       : NULL);
      reader->discover = FALSE;
      first = 2;
    }

  for (guint i = 0; i < requested->len; i++)
    {
      GhJournalAccount *known = g_ptr_array_index (requested, i);
      GhGraphBatchResult *item = first + i < results->len
                                 ? g_ptr_array_index (results, first + i) : NULL;
      GhAccessAccount *account = _gh_access_account_new (known->account_id,
                                                         known->account_name,
                                                         known->business_id,
                                                         reader->connection_id, reader->label,
                                                         reader->own_user_id,
                                                         gh_connection_get_client (
                                                           reader->connection));

      take_page (reader, account, item);
      g_ptr_array_add (self->read_accounts, account);
    }

  /* Accounts the question found new, or more than one batch holds. */
  read_batch (reader);
}

static void
read_batch (Reader *reader)
{
  GhAccessOverview *self = reader->self;
  GhGraphClient *client = gh_connection_get_client (reader->connection);
  g_autoptr(GPtrArray) requests = NULL;

  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_graph_batch_request_free);
  reader->requested = g_ptr_array_new ();

  if (reader->discover)
    {
      g_ptr_array_add (requests, gh_graph_batch_request_new ("GET", "me?fields=id"));
      g_ptr_array_add (requests,
                       gh_graph_batch_request_new ("GET", "me/assigned_whatsapp_business_"
                                                   "accounts?fields=id,name,tasks,"
                                                   "owner_business_info&limit=100"));
    }

  for (guint i = 0; i < reader->known->len && requests->len < GH_GRAPH_MAX_BATCH; i++)
    {
      GhJournalAccount *known = g_ptr_array_index (reader->known, i);
      g_autoptr(GhAssignmentEditor) editor = NULL;
      g_autofree char *path = NULL;

      /* An account two connections reach is read once. */
      if (!g_hash_table_add (reader->asked, g_strdup (known->account_id))
          || !g_hash_table_add (self->asked, g_strdup (known->account_id)))
        continue;
      /* The same first page an editor of the account reads, so the review can hand it on. */
      editor = gh_assignment_editor_new (client, known->account_id,
                                         known->business_id != NULL ? known->business_id
                                                                    : reader->business_id,
                                         NULL);
      path = gh_assignment_editor_dup_first_page_path (editor);
      if (path == NULL)
        continue;
      g_ptr_array_add (requests, gh_graph_batch_request_new ("GET", path));
      g_ptr_array_add (reader->requested, known);
    }

  if (requests->len == 0)
    {
      g_clear_pointer (&reader->requested, g_ptr_array_unref);
      reader_done (reader);
      return;
    }

  self->n_calls += requests->len;
  self->n_requests++;
  gh_graph_client_batch_async (client, requests, g_task_get_cancellable (self->task), batch_cb,
                               reader);
}

static void
accounts_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Reader *reader = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  /* Without the record, the token's own answer still lists the accounts. */
  accounts = gh_journal_list_accounts_finish (GH_JOURNAL (object), result, &error);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      GhJournalAccount *account = g_ptr_array_index (accounts, i);

      add_known (reader, account->account_id, account->account_name, account->business_id);
    }

  read_batch (reader);
}

static Reader *
reader_new (GhAccessOverview *self,
            GhConnection     *connection)
{
  Reader *reader = g_new0 (Reader, 1);
  GhSavedConnection *saved = gh_connection_get_saved (connection);

  reader->self = g_object_ref (self);
  reader->connection = g_object_ref (connection);
  reader->known = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_journal_account_free);
  reader->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (saved != NULL)
    {
      reader->label = g_strdup (gh_saved_connection_get_label (saved));
      reader->business_id = g_strdup (gh_saved_connection_get_business_id (saved));
    }

  return reader;
}

/* The open connection's check already found its accounts and its system user. */
static void
read_open_connection (GhAccessOverview *self,
                      GhConnection     *connection)
{
  Reader *reader = reader_new (self, connection);
  GhCheckReport *report = gh_connection_get_report (connection);
  GPtrArray *wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;

  reader->connection_id = g_strdup (gh_session_get_record_id (self->session));
  g_free (reader->label);
  reader->label = g_strdup (gh_session_get_record_label (self->session));
  reader->own_user_id = g_strdup (report != NULL ? gh_check_report_get_user_id (report) : NULL);
  reader->discover = report == NULL;

  for (guint i = 0; wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);
      GhWaba *waba = gh_check_waba_get_waba (check_waba);

      if (waba == NULL)
        continue;
      add_known (reader, gh_check_waba_get_id (check_waba), gh_waba_get_name (waba),
                 gh_waba_get_owner_business_id (waba));
      /* An admin of the business may change who has access to any of its accounts. */
      if (gh_check_report_get_is_admin (report) == 1)
        add_manager (reader, gh_check_waba_get_id (check_waba));
    }

  read_batch (reader);
}

typedef struct
{
  GhAccessOverview *self;
  char             *connection_id;
} Opening;

static void
opening_free (Opening *opening)
{
  g_clear_object (&opening->self);
  g_free (opening->connection_id);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

static void
opened_quietly_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  GhAccessOverview *self = opening->self;
  GhSession *session = GH_SESSION (object);
  GhSavedConnection *saved = gh_session_find_connection (session, opening->connection_id);
  Reader *reader;

  connection = gh_session_open_quietly_finish (session, result, &error);
  if (connection == NULL)
    {
      add_problem (self, saved != NULL ? gh_saved_connection_get_label (saved)
                                       : opening->connection_id, error);
      if (--self->pending == 0)
        finish_load (self);
      return;
    }

  if (connection == gh_session_get_connection (session))
    {
      read_open_connection (self, connection);
      return;
    }

  reader = reader_new (self, connection);
  reader->connection_id = g_steal_pointer (&opening->connection_id);
  reader->discover = TRUE;
  if (saved != NULL && gh_saved_connection_get_waba_id (saved) != NULL)
    add_known (reader, gh_saved_connection_get_waba_id (saved), NULL, reader->business_id);
  gh_journal_list_accounts_async (gh_session_get_journal (session), reader->connection_id,
                                  NULL, accounts_listed_cb, reader);
}

/* GObject */

static void
gh_access_overview_finalize (GObject *object)
{
  GhAccessOverview *self = GH_ACCESS_OVERVIEW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->people);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_pointer (&self->asked, g_hash_table_unref);
  g_clear_pointer (&self->managers, g_hash_table_unref);
  g_clear_pointer (&self->read_accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (gh_access_overview_parent_class)->finalize (object);
}

static void
gh_access_overview_class_init (GhAccessOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_access_overview_finalize;
}

static void
gh_access_overview_init (GhAccessOverview *self)
{
  self->people = g_list_store_new (GH_TYPE_ACCESS_PERSON);
  self->accounts = g_list_store_new (GH_TYPE_ACCESS_ACCOUNT);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

GhAccessOverview *
gh_access_overview_new (GhSession *session)
{
  GhAccessOverview *self;

  g_return_val_if_fail (GH_IS_SESSION (session), NULL);

  self = g_object_new (GH_TYPE_ACCESS_OVERVIEW, NULL);
  self->session = g_object_ref (session);
  return self;
}

GhSession *
gh_access_overview_get_session (GhAccessOverview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), NULL);

  return self->session;
}

void
gh_access_overview_load_async (GhAccessOverview    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GListModel *connections;
  GhConnection *open;
  guint n;

  g_return_if_fail (GH_IS_ACCESS_OVERVIEW (self));

  if (self->task != NULL)
    {
      g_task_report_new_error (self, callback, user_data, gh_access_overview_load_async,
                               G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("Who has access is being read already."));
      return;
    }

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, gh_access_overview_load_async);
  self->people_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->managers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) manager_free);
  self->read_accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_set_size (self->problems, 0);
  self->n_calls = 0;
  self->n_requests = 0;

  /* Every saved connection, and the open one when it is not saved (such as the demo). */
  connections = gh_session_get_connections (self->session);
  n = g_list_model_get_n_items (connections);
  open = gh_session_get_connection (self->session);
  self->pending = n + (open != NULL && gh_session_get_record_id (self->session) == NULL);
  /* Held until every connection was started: one answering at once must not end it. */
  self->pending++;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhSavedConnection) saved = g_list_model_get_item (connections, i);
      Opening *opening = g_new0 (Opening, 1);

      opening->self = g_object_ref (self);
      opening->connection_id = g_strdup (gh_saved_connection_get_id (saved));
      gh_session_open_quietly_async (self->session, opening->connection_id, cancellable,
                                     opened_quietly_cb, opening);
    }
  if (open != NULL && gh_session_get_record_id (self->session) == NULL)
    read_open_connection (self, open);

  if (--self->pending == 0)
    finish_load (self);
}

gboolean
gh_access_overview_load_finish (GhAccessOverview  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GListModel *
gh_access_overview_get_people (GhAccessOverview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), NULL);

  return G_LIST_MODEL (self->people);
}

GListModel *
gh_access_overview_get_accounts (GhAccessOverview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), NULL);

  return G_LIST_MODEL (self->accounts);
}

GPtrArray *
gh_access_overview_get_problems (GhAccessOverview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), NULL);

  return self->problems;
}

guint
gh_access_overview_get_n_calls (GhAccessOverview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), 0);

  return self->n_calls;
}

guint
gh_access_overview_get_n_requests (GhAccessOverview *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), 0);

  return self->n_requests;
}

char *
gh_access_overview_to_csv (GhAccessOverview *self)
{
  GListModel *people;
  GhCsvWriter *csv;
  guint n;

  g_return_val_if_fail (GH_IS_ACCESS_OVERVIEW (self), NULL);

  csv = gh_csv_writer_new ();
  gh_csv_writer_add_row (csv, "name", "id", "type", "connection", "account", "account_id",
                         "tasks", "list", NULL);
  people = G_LIST_MODEL (self->people);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GhAccessPerson) person = g_list_model_get_item (people, i);

      for (guint j = 0; j < gh_access_person_get_n_accounts (person); j++)
        {
          GhAccessAccount *account = gh_access_person_get_account (person, j);

          gh_csv_writer_add_cell (csv, gh_access_person_get_name (person));
          gh_csv_writer_add_cell (csv, gh_access_person_get_id (person));
          gh_csv_writer_add_cell (csv, gh_access_person_get_is_system_user (person)
                                       ? "SYSTEM_USER" : "BUSINESS_USER");
          gh_csv_writer_add_cell (csv, gh_access_account_get_connection_label (account));
          gh_csv_writer_add_cell (csv, gh_access_account_get_name (account));
          gh_csv_writer_add_cell (csv, gh_access_account_get_id (account));
          gh_csv_writer_add_cell (csv, gh_access_person_get_tasks (person, j));
          gh_csv_writer_add_cell (csv, gh_access_account_get_state (account)
                                       == GH_ACCESS_ACCOUNT_READ ? "complete" : "partial");
          gh_csv_writer_end_row (csv);
        }
    }

  return gh_csv_writer_free_to_string (csv);
}
