/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-phone-number"

#include "config.h"

#include "gh-graph-error-private.h"
#include "gh-json-private.h"
#include "gh-phone-number.h"
#include "gh-phone-number-private.h"

struct _GhPhoneNumber
{
  GObject   parent_instance;

  char     *id;
  char     *display_phone_number;
  char     *verified_name;
  char     *quality_rating;
  char     *code_verification_status;
  char     *status;
  char     *name_status;
  char     *platform_type;
  char     *throughput_level;
  char     *account_mode;
  gboolean  is_official_business_account;
  GhHealth *health;
  char     *webhook_url;
};

G_DEFINE_FINAL_TYPE (GhPhoneNumber, gh_phone_number, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_PHONE_NUMBER,
  PROP_VERIFIED_NAME,
  PROP_QUALITY_RATING,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
parse_item (JsonNode *element,
            gpointer  user_data)
{
  return _gh_phone_number_parse (element, NULL);
}

static void
gh_phone_number_finalize (GObject *object)
{
  GhPhoneNumber *self = (GhPhoneNumber *)object;

  g_free (self->id);
  g_free (self->display_phone_number);
  g_free (self->verified_name);
  g_free (self->quality_rating);
  g_free (self->code_verification_status);
  g_free (self->status);
  g_free (self->name_status);
  g_free (self->platform_type);
  g_free (self->throughput_level);
  g_free (self->account_mode);
  g_clear_object (&self->health);
  g_free (self->webhook_url);

  G_OBJECT_CLASS (gh_phone_number_parent_class)->finalize (object);
}

static void
gh_phone_number_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GhPhoneNumber *self = GH_PHONE_NUMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DISPLAY_PHONE_NUMBER:
      g_value_set_string (value, self->display_phone_number);
      break;

    case PROP_VERIFIED_NAME:
      g_value_set_string (value, self->verified_name);
      break;

    case PROP_QUALITY_RATING:
      g_value_set_string (value, self->quality_rating);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_phone_number_class_init (GhPhoneNumberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_phone_number_finalize;
  object_class->get_property = gh_phone_number_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_PHONE_NUMBER] =
    g_param_spec_string ("display-phone-number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERIFIED_NAME] =
    g_param_spec_string ("verified-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUALITY_RATING] =
    g_param_spec_string ("quality-rating", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_phone_number_init (GhPhoneNumber *self)
{
}

/* Meta sends to the number's override first, then the account's, then the app's URL. */
static char *
dup_webhook_url (JsonObject *configuration)
{
  static const char * const levels[] = {
    "phone_number", "whatsapp_business_account", "application", NULL
  };

  for (guint i = 0; configuration != NULL && levels[i] != NULL; i++)
    {
      const char *url = _gh_json_object_get_string (configuration, levels[i]);

      if (url != NULL && *url != '\0')
        return g_strdup (url);
    }

  return NULL;
}

GhPhoneNumber *
_gh_phone_number_parse (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(GhPhoneNumber) self = NULL;
  g_autofree char *id = NULL;
  JsonObject *object = _gh_json_node_get_object (node);

  id = _gh_json_object_dup_id (object, "id");
  if (id == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "A phone number without an ID"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_PHONE_NUMBER, NULL);
  self->id = g_steal_pointer (&id);
  self->display_phone_number =
    g_strdup (_gh_json_object_get_string (object, "display_phone_number"));
  self->verified_name = g_strdup (_gh_json_object_get_string (object, "verified_name"));
  self->quality_rating = g_strdup (_gh_json_object_get_string (object, "quality_rating"));
  self->code_verification_status =
    g_strdup (_gh_json_object_get_string (object, "code_verification_status"));
  self->status = g_strdup (_gh_json_object_get_string (object, "status"));
  self->name_status = g_strdup (_gh_json_object_get_string (object, "name_status"));
  self->platform_type = g_strdup (_gh_json_object_get_string (object, "platform_type"));
  self->throughput_level =
    g_strdup (_gh_json_object_get_string (_gh_json_object_get_object (object, "throughput"),
                                          "level"));
  self->account_mode = g_strdup (_gh_json_object_get_string (object, "account_mode"));
  self->is_official_business_account =
    _gh_json_object_get_bool (object, "is_official_business_account", FALSE);
  if (json_object_has_member (object, "health_status"))
    self->health = gh_health_parse (json_object_get_member (object, "health_status"), NULL);
  self->webhook_url = dup_webhook_url (_gh_json_object_get_object (object,
                                                                   "webhook_configuration"));

  return g_steal_pointer (&self);
}

GPtrArray *
gh_phone_number_parse_list (JsonNode  *node,
                            GError   **error)
{
  return _gh_json_parse_data_list (node, parse_item, NULL, "phone number", error);
}

const char *
gh_phone_number_get_id (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->id;
}

const char *
gh_phone_number_get_display_phone_number (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->display_phone_number;
}

const char *
gh_phone_number_get_verified_name (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->verified_name;
}

const char *
gh_phone_number_get_quality_rating (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->quality_rating;
}

const char *
gh_phone_number_get_code_verification_status (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->code_verification_status;
}

const char *
gh_phone_number_get_status (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->status;
}

const char *
gh_phone_number_get_name_status (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->name_status;
}

const char *
gh_phone_number_get_platform_type (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->platform_type;
}

const char *
gh_phone_number_get_throughput_level (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->throughput_level;
}

const char *
gh_phone_number_get_account_mode (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->account_mode;
}

gboolean
_gh_phone_number_get_is_official_business_account (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), FALSE);

  return self->is_official_business_account;
}

GhHealth *
gh_phone_number_get_health (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->health;
}

const char *
gh_phone_number_get_webhook_url (GhPhoneNumber *self)
{
  g_return_val_if_fail (GH_IS_PHONE_NUMBER (self), NULL);

  return self->webhook_url;
}
