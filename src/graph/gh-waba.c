/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-waba"

#include "config.h"

#include "gh-graph-error-private.h"
#include "gh-json-private.h"
#include "gh-waba.h"
#include "gh-waba-private.h"

struct _GhWaba
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  char              *currency;
  char              *timezone_id;
  char              *message_template_namespace;
  char              *account_review_status;
  char              *business_verification_status;
  char              *country;
  char              *ownership_type;
  char              *owner_business_id;
  char              *owner_business_name;
  char              *can_send_message;
  char              *messaging_limit;
  char              *creation_time;
  char              *status;
  char              *primary_business_location;
  char              *on_behalf_of_business_id;
  char              *on_behalf_of_business_name;
  GPtrArray         *health_issues;
  GhHealth          *health;
  GStrv              unavailable_fields;
  char              *unavailable_reason;
  GStrv              tasks;
  GPtrArray         *phone_numbers;
  GhTemplateSummary *templates;
};

G_DEFINE_FINAL_TYPE (GhWaba, gh_waba, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_OWNER_BUSINESS_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Scalars Meta sends sometimes as numbers and sometimes as strings (timezone_id,
 * creation_time) are kept as text. */
static char *
dup_scalar (JsonObject *object,
            const char *member)
{
  const char *text = _gh_json_object_get_string (object, member);

  if (text != NULL)
    return g_strdup (text);

  return _gh_json_object_dup_id (object, member);
}

static void
health_issue_free (GhWabaHealthIssue *issue)
{
  g_free (issue->entity_type);
  g_free (issue->entity_id);
  g_free (issue->can_send_message);
  g_free (issue->error_code);
  g_free (issue->description);
  g_free (issue->possible_solution);
  g_free (issue);
}

static void
add_health_issue (GhWaba     *self,
                  JsonObject *entity,
                  JsonObject *error)
{
  GhWabaHealthIssue *issue = g_new0 (GhWabaHealthIssue, 1);

  issue->entity_type = g_strdup (_gh_json_object_get_string (entity, "entity_type"));
  issue->entity_id = dup_scalar (entity, "id");
  issue->can_send_message = g_strdup (_gh_json_object_get_string (entity, "can_send_message"));
  issue->error_code = dup_scalar (error, "error_code");
  issue->description = g_strdup (_gh_json_object_get_string (error, "error_description"));
  issue->possible_solution = g_strdup (_gh_json_object_get_string (error, "possible_solution"));
  g_ptr_array_add (self->health_issues, issue);
}

/* Only entities that are held back matter to a person: an AVAILABLE entity without errors
 * is left out. */
static void
parse_health (GhWaba     *self,
              JsonObject *health)
{
  JsonArray *entities = _gh_json_object_get_array (health, "entities");
  guint n = entities != NULL ? json_array_get_length (entities) : 0;

  self->can_send_message = g_strdup (_gh_json_object_get_string (health, "can_send_message"));

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entity = _gh_json_node_get_object (json_array_get_element (entities, i));
      JsonArray *errors;
      const char *can_send;
      guint n_errors;
      guint added = 0;

      if (entity == NULL)
        continue;

      errors = _gh_json_object_get_array (entity, "errors");
      can_send = _gh_json_object_get_string (entity, "can_send_message");
      n_errors = errors != NULL ? json_array_get_length (errors) : 0;

      for (guint j = 0; j < n_errors; j++)
        {
          JsonObject *error = _gh_json_node_get_object (json_array_get_element (errors, j));

          if (error != NULL)
            {
              add_health_issue (self, entity, error);
              added++;
            }
        }

      if (added == 0 && can_send != NULL && g_ascii_strcasecmp (can_send, "AVAILABLE") != 0)
        add_health_issue (self, entity, NULL);
    }
}

static gpointer
parse_item (JsonNode *element,
            gpointer  user_data)
{
  return gh_waba_parse (element, NULL);
}

static void
gh_waba_finalize (GObject *object)
{
  GhWaba *self = (GhWaba *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->currency);
  g_free (self->timezone_id);
  g_free (self->message_template_namespace);
  g_free (self->account_review_status);
  g_free (self->business_verification_status);
  g_free (self->country);
  g_free (self->ownership_type);
  g_free (self->owner_business_id);
  g_free (self->owner_business_name);
  g_free (self->can_send_message);
  g_free (self->messaging_limit);
  g_free (self->creation_time);
  g_free (self->status);
  g_free (self->primary_business_location);
  g_free (self->on_behalf_of_business_id);
  g_free (self->on_behalf_of_business_name);
  g_clear_pointer (&self->health_issues, g_ptr_array_unref);
  g_clear_object (&self->health);
  g_strfreev (self->unavailable_fields);
  g_free (self->unavailable_reason);
  g_strfreev (self->tasks);
  g_clear_pointer (&self->phone_numbers, g_ptr_array_unref);
  g_clear_object (&self->templates);

  G_OBJECT_CLASS (gh_waba_parent_class)->finalize (object);
}

static void
gh_waba_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  GhWaba *self = GH_WABA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OWNER_BUSINESS_ID:
      g_value_set_string (value, self->owner_business_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_waba_class_init (GhWabaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_waba_finalize;
  object_class->get_property = gh_waba_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_BUSINESS_ID] =
    g_param_spec_string ("owner-business-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_waba_init (GhWaba *self)
{
  self->phone_numbers = g_ptr_array_new_with_free_func (g_object_unref);
  self->health_issues = g_ptr_array_new_with_free_func ((GDestroyNotify) health_issue_free);
}

GhWaba *
gh_waba_parse (JsonNode  *node,
               GError   **error)
{
  g_autoptr(GhWaba) self = NULL;
  g_autofree char *id = NULL;
  JsonObject *object = _gh_json_node_get_object (node);
  JsonObject *owner;
  JsonObject *client;
  JsonNode *edge;

  id = _gh_json_object_dup_id (object, "id");
  if (id == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "A WhatsApp account without an ID"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_WABA, NULL);
  self->id = g_steal_pointer (&id);
  self->name = g_strdup (_gh_json_object_get_string (object, "name"));
  self->currency = g_strdup (_gh_json_object_get_string (object, "currency"));
  self->timezone_id = dup_scalar (object, "timezone_id");
  self->message_template_namespace =
    g_strdup (_gh_json_object_get_string (object, "message_template_namespace"));
  self->account_review_status =
    g_strdup (_gh_json_object_get_string (object, "account_review_status"));
  self->business_verification_status =
    g_strdup (_gh_json_object_get_string (object, "business_verification_status"));
  self->country = g_strdup (_gh_json_object_get_string (object, "country"));
  self->ownership_type = g_strdup (_gh_json_object_get_string (object, "ownership_type"));
  self->messaging_limit =
    g_strdup (_gh_json_object_get_string (object, "whatsapp_business_manager_messaging_limit"));
  self->creation_time = dup_scalar (object, "creation_time");
  self->status = g_strdup (_gh_json_object_get_string (object, "status"));
  self->tasks = _gh_json_object_dup_strv (object, "tasks");

  owner = _gh_json_object_get_object (object, "owner_business_info");
  self->owner_business_id = _gh_json_object_dup_id (owner, "id");
  self->owner_business_name = g_strdup (_gh_json_object_get_string (owner, "name"));

  client = _gh_json_object_get_object (object, "on_behalf_of_business_info");
  self->on_behalf_of_business_id = _gh_json_object_dup_id (client, "id");
  self->on_behalf_of_business_name = g_strdup (_gh_json_object_get_string (client, "name"));
  self->primary_business_location =
    g_strdup (_gh_json_object_get_string (object, "primary_business_location"));

  parse_health (self, _gh_json_object_get_object (object, "health_status"));
  if (json_object_has_member (object, "health_status"))
    self->health = gh_health_parse (json_object_get_member (object, "health_status"), NULL);

  edge = json_object_get_member (object, "phone_numbers");
  if (edge != NULL)
    {
      g_autoptr(GPtrArray) numbers = gh_phone_number_parse_list (edge, NULL);

      if (numbers != NULL)
        g_ptr_array_extend_and_steal (self->phone_numbers, g_steal_pointer (&numbers));
    }

  edge = json_object_get_member (object, "message_templates");
  if (edge != NULL)
    self->templates = gh_template_summary_parse (edge, NULL);

  return g_steal_pointer (&self);
}

GPtrArray *
gh_waba_parse_list (JsonNode  *node,
                    GError   **error)
{
  return _gh_json_parse_data_list (node, parse_item, NULL, "account", error);
}

const char *
gh_waba_get_id (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->id;
}

const char *
gh_waba_get_name (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->name;
}

const char *
gh_waba_get_currency (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->currency;
}

const char *
gh_waba_get_timezone_id (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->timezone_id;
}

const char *
gh_waba_get_message_template_namespace (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->message_template_namespace;
}

const char *
gh_waba_get_account_review_status (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->account_review_status;
}

const char *
gh_waba_get_business_verification_status (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->business_verification_status;
}

const char *
gh_waba_get_country (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->country;
}

const char *
gh_waba_get_ownership_type (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->ownership_type;
}

const char *
gh_waba_get_owner_business_id (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->owner_business_id;
}

const char *
gh_waba_get_owner_business_name (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->owner_business_name;
}

const char *
gh_waba_get_can_send_message (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->can_send_message;
}

const char *
gh_waba_get_messaging_limit (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->messaging_limit;
}

const char *
gh_waba_get_creation_time (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->creation_time;
}

const char *
_gh_waba_get_status (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->status;
}

const char *
gh_waba_get_primary_business_location (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->primary_business_location;
}

const char *
gh_waba_get_on_behalf_of_business_id (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->on_behalf_of_business_id;
}

const char *
gh_waba_get_on_behalf_of_business_name (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->on_behalf_of_business_name;
}

const char *
gh_waba_get_unavailable_reason (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->unavailable_reason;
}

const char * const *
gh_waba_get_tasks (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return (const char * const *) self->tasks;
}

GPtrArray *
gh_waba_get_phone_numbers (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->phone_numbers;
}

GhTemplateSummary *
gh_waba_get_templates (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->templates;
}

GPtrArray *
gh_waba_get_health_issues (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->health_issues;
}

GhHealth *
gh_waba_get_health (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return self->health;
}

const char * const *
gh_waba_get_unavailable_fields (GhWaba *self)
{
  g_return_val_if_fail (GH_IS_WABA (self), NULL);

  return (const char * const *) self->unavailable_fields;
}

gboolean
gh_waba_is_field_unavailable (GhWaba     *self,
                              const char *field)
{
  g_return_val_if_fail (GH_IS_WABA (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return self->unavailable_fields != NULL && g_strv_contains ((const char * const *)
                                                              self->unavailable_fields, field);
}

void
gh_waba_set_unavailable (GhWaba             *self,
                         const char * const *fields,
                         const char         *reason)
{
  g_return_if_fail (GH_IS_WABA (self));

  g_clear_pointer (&self->unavailable_fields, g_strfreev);
  g_clear_pointer (&self->unavailable_reason, g_free);

  if (fields == NULL || fields[0] == NULL)
    return;

  self->unavailable_fields = g_strdupv ((char **) fields);
  self->unavailable_reason = g_strdup (reason);
}
