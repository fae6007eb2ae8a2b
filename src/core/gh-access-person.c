/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-access-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-access-overview-private.h"
#include "gh-journal-entry.h"

/* The accounts and the people of the access overview: read-only once the load is done. */

struct _GhAccessAccount
{
  GObject               parent_instance;

  char                 *id;
  char                 *name;
  char                 *business_id;
  char                 *connection_id;
  char                 *connection_label;
  char                 *own_user_id;
  GhGraphClient        *client;
  GhAccessAccountState  state;
  JsonNode             *first_page;
  guint                 n_read;
  gint64                total;
  char                 *message;
};

G_DEFINE_FINAL_TYPE (GhAccessAccount, gh_access_account, G_TYPE_OBJECT)

typedef struct
{
  GhAccessAccount *account;
  char            *tasks;
} Grant;

struct _GhAccessPerson
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  gboolean   is_system_user;
  GArray    *grants;         /* Grant */
  char      *summary;
  char      *search_key;
  char      *sort_key;
};

G_DEFINE_FINAL_TYPE (GhAccessPerson, gh_access_person, G_TYPE_OBJECT)

enum {
  PERSON_PROP_0,
  PERSON_PROP_NAME,
  PERSON_PROP_ID,
  PERSON_PROP_SUMMARY,
  PERSON_N_PROPS
};

static GParamSpec *person_properties[PERSON_N_PROPS];

/* Accounts */

static void
gh_access_account_finalize (GObject *object)
{
  GhAccessAccount *self = GH_ACCESS_ACCOUNT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->business_id);
  g_free (self->connection_id);
  g_free (self->connection_label);
  g_free (self->own_user_id);
  g_clear_object (&self->client);
  g_clear_pointer (&self->first_page, json_node_unref);
  g_free (self->message);

  G_OBJECT_CLASS (gh_access_account_parent_class)->finalize (object);
}

static void
gh_access_account_class_init (GhAccessAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_access_account_finalize;
}

static void
gh_access_account_init (GhAccessAccount *self)
{
  self->total = -1;
  self->state = GH_ACCESS_ACCOUNT_FAILED;
}

GhAccessAccount *
_gh_access_account_new (const char    *account_id,
                        const char    *account_name,
                        const char    *business_id,
                        const char    *connection_id,
                        const char    *connection_label,
                        const char    *own_user_id,
                        GhGraphClient *client)
{
  GhAccessAccount *self = g_object_new (GH_TYPE_ACCESS_ACCOUNT, NULL);

  self->id = g_strdup (account_id);
  self->name = g_strdup (account_name != NULL ? account_name : account_id);
  self->business_id = g_strdup (business_id);
  self->connection_id = g_strdup (connection_id);
  self->connection_label = g_strdup (connection_label);
  self->own_user_id = g_strdup (own_user_id);
  self->client = client != NULL ? g_object_ref (client) : NULL;

  return self;
}

void
_gh_access_account_set_page (GhAccessAccount *self,
                             JsonNode        *page,
                             guint            n_read,
                             gint64           total,
                             gboolean         has_more)
{
  g_clear_pointer (&self->first_page, json_node_unref);
  self->first_page = json_node_ref (page);
  self->n_read = n_read;
  self->total = total;
  self->state = has_more || (total >= 0 && total > n_read) ? GH_ACCESS_ACCOUNT_PARTIAL
                                                           : GH_ACCESS_ACCOUNT_READ;
}

void
_gh_access_account_set_connection (GhAccessAccount *self,
                                   const char      *connection_id,
                                   const char      *connection_label,
                                   const char      *own_user_id,
                                   GhGraphClient   *client)
{
  g_free (self->connection_id);
  self->connection_id = g_strdup (connection_id);
  g_free (self->connection_label);
  self->connection_label = g_strdup (connection_label);
  g_free (self->own_user_id);
  self->own_user_id = g_strdup (own_user_id);
  g_set_object (&self->client, client);
}

void
_gh_access_account_set_failed (GhAccessAccount *self,
                               const char      *message)
{
  self->state = GH_ACCESS_ACCOUNT_FAILED;
  g_free (self->message);
  self->message = g_strdup (message);
}

const char *
gh_access_account_get_id (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->id;
}

const char *
gh_access_account_get_name (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->name;
}

const char *
gh_access_account_get_business_id (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->business_id;
}

const char *
gh_access_account_get_connection_id (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->connection_id;
}

const char *
gh_access_account_get_connection_label (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->connection_label;
}

const char *
gh_access_account_get_own_user_id (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->own_user_id;
}

GhGraphClient *
gh_access_account_get_client (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->client;
}

GhAccessAccountState
gh_access_account_get_state (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), GH_ACCESS_ACCOUNT_FAILED);
  return self->state;
}

JsonNode *
gh_access_account_get_first_page (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);
  return self->first_page;
}

char *
gh_access_account_describe_state (GhAccessAccount *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_ACCOUNT (self), NULL);

  switch (self->state)
    {
    case GH_ACCESS_ACCOUNT_READ:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person read",
                                           "All %u people read", self->n_read), self->n_read);
    case GH_ACCESS_ACCOUNT_PARTIAL:
      if (self->total > 0)
        /* Translators: "Only the first 100 of 240 people read" */
        return g_strdup_printf (_("Only the first %u of %u people read"),
                                self->n_read, (guint) MIN (self->total, G_MAXUINT));
      return g_strdup_printf (_("Only the first %u people read; there are more"),
                              self->n_read);
    case GH_ACCESS_ACCOUNT_FAILED:
    default:
      /* Translators: %s says why */
      return g_strdup_printf (_("Could not be read: %s"),
                              self->message != NULL ? self->message : _("unknown error"));
    }
}

/* People */

static void
grant_clear (Grant *grant)
{
  g_clear_object (&grant->account);
  g_clear_pointer (&grant->tasks, g_free);
}

static void
gh_access_person_finalize (GObject *object)
{
  GhAccessPerson *self = GH_ACCESS_PERSON (object);

  g_free (self->id);
  g_free (self->name);
  g_array_unref (self->grants);
  g_free (self->summary);
  g_free (self->search_key);
  g_free (self->sort_key);

  G_OBJECT_CLASS (gh_access_person_parent_class)->finalize (object);
}

static void
gh_access_person_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GhAccessPerson *self = GH_ACCESS_PERSON (object);

  switch (prop_id)
    {
    case PERSON_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PERSON_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PERSON_PROP_SUMMARY:
      g_value_set_string (value, gh_access_person_get_summary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_access_person_class_init (GhAccessPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gh_access_person_finalize;
  object_class->get_property = gh_access_person_get_property;

  person_properties[PERSON_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  person_properties[PERSON_PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL,
                                                                flags);
  g_object_class_install_properties (object_class, PERSON_N_PROPS, person_properties);
}

static void
gh_access_person_init (GhAccessPerson *self)
{
  self->grants = g_array_new (FALSE, TRUE, sizeof (Grant));
  g_array_set_clear_func (self->grants, (GDestroyNotify) grant_clear);
}

GhAccessPerson *
_gh_access_person_new (const char *id,
                       const char *name,
                       gboolean    is_system_user)
{
  GhAccessPerson *self = g_object_new (GH_TYPE_ACCESS_PERSON, NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *lower = NULL;

  self->id = g_strdup (id);
  self->name = *stripped != '\0' ? g_steal_pointer (&stripped) : g_strdup (id);
  self->is_system_user = !!is_system_user;
  lower = g_utf8_strdown (self->name, -1);
  self->search_key = g_strconcat (lower, " ", id, NULL);
  self->sort_key = g_utf8_collate_key (self->name, -1);

  return self;
}

void
_gh_access_person_add (GhAccessPerson  *self,
                       GhAccessAccount *account,
                       const char      *tasks)
{
  Grant grant = { g_object_ref (account), g_strdup (tasks) };

  g_array_append_val (self->grants, grant);
  g_clear_pointer (&self->summary, g_free);
}

int
_gh_access_person_compare (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  const GhAccessPerson *first = a;
  const GhAccessPerson *second = b;
  int order = g_strcmp0 (first->sort_key, second->sort_key);

  return order != 0 ? order : g_strcmp0 (first->id, second->id);
}

const char *
gh_access_person_get_id (GhAccessPerson *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), NULL);
  return self->id;
}

const char *
gh_access_person_get_name (GhAccessPerson *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), NULL);
  return self->name;
}

gboolean
gh_access_person_get_is_system_user (GhAccessPerson *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), FALSE);
  return self->is_system_user;
}

guint
gh_access_person_get_n_accounts (GhAccessPerson *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), 0);
  return self->grants->len;
}

GhAccessAccount *
gh_access_person_get_account (GhAccessPerson *self,
                              guint           index)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), NULL);
  g_return_val_if_fail (index < self->grants->len, NULL);

  return g_array_index (self->grants, Grant, index).account;
}

const char *
gh_access_person_get_tasks (GhAccessPerson *self,
                            guint           index)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), NULL);
  g_return_val_if_fail (index < self->grants->len, NULL);

  return g_array_index (self->grants, Grant, index).tasks;
}

const char *
gh_access_person_get_summary (GhAccessPerson *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), NULL);

  if (self->summary == NULL)
    {
      g_autoptr(GString) summary = g_string_new (NULL);

      for (guint i = 0; i < self->grants->len; i++)
        {
          Grant *grant = &g_array_index (self->grants, Grant, i);
          g_autofree char *tasks = gh_journal_tasks_describe (grant->tasks);

          if (i > 0)
            /* Translators: separates the accounts in a summary of someone's access */
            g_string_append (summary, _("; "));
          /* Translators: an account's name, then the tasks someone has there */
          g_string_append_printf (summary, _("%s: %s"), grant->account->name, tasks);
        }
      self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
    }

  return self->summary;
}

const char *
gh_access_person_get_search_key (GhAccessPerson *self)
{
  g_return_val_if_fail (GH_IS_ACCESS_PERSON (self), NULL);
  return self->search_key;
}
