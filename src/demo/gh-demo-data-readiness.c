/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-data.h"

/* What decides whether an integration really works once its token does: which apps get an
 * account's webhooks and where they go, and what holds the account and its numbers back
 * (health_status).  Both are kept as plain members of the demo data, rebuilt whenever a
 * subscription or the health changes, so that fields= and batches read them like any other.
 *
 * Shapes are Meta's: health_status lists PHONE_NUMBER (on a phone number only), WABA,
 * BUSINESS and APP; a LIMITED entity carries additional_info, one with a known cause its
 * errors; the overall value is the worst entity's.  webhook_configuration is seen from the
 * token's app: its own callback URL, the override of its subscription to the account, and
 * the number's own override, each only when set. */

#define LINK_PREFIX "https://www.facebook.com/games/?app_id="

typedef enum
{
  AVAILABLE,
  LIMITED,
  BLOCKED,
} CanSend;

static const char * const can_send_names[] = { "AVAILABLE", "LIMITED", "BLOCKED" };

static const char business_unverified_text[] =
  "The Business has not passed business verification.";
static const char business_unverified_solution[] =
  "Visit Business Settings and start or resolve the business verification request.";
static const char business_unverified_info[] =
  "Business-initiated conversations are limited to 250 customers in a rolling 24-hour period "
  "until the business is verified.";

static void
add_error (JsonObject *entity,
           gint64      code,
           const char *description,
           const char *solution)
{
  JsonObject *error = json_object_new ();
  JsonArray *errors;

  if (!json_object_has_member (entity, "errors"))
    json_object_set_array_member (entity, "errors", json_array_new ());
  errors = json_object_get_array_member (entity, "errors");
  json_object_set_int_member (error, "error_code", code);
  json_object_set_string_member (error, "error_description", description);
  json_object_set_string_member (error, "possible_solution", solution);
  json_array_add_object_element (errors, error);
}

static void
add_info (JsonObject *entity,
          const char *info)
{
  if (!json_object_has_member (entity, "additional_info"))
    json_object_set_array_member (entity, "additional_info", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (entity, "additional_info"),
                                 info);
}

/* Appends the entity, with its errors and additional_info still to be added. */
static JsonObject *
add_entity (JsonArray  *entities,
            const char *type,
            const char *id,
            CanSend     can_send,
            CanSend    *worst)
{
  JsonObject *entity = json_object_new ();

  json_object_set_string_member (entity, "entity_type", type);
  json_object_set_string_member (entity, "id", id);
  json_object_set_string_member (entity, "can_send_message", can_send_names[can_send]);
  json_array_add_object_element (entities, entity);
  *worst = MAX (*worst, can_send);

  return entity;
}

/* A display name Meta has not approved limits the number until it is. */
static gboolean
name_approved (JsonObject *phone)
{
  const char *status = json_object_get_string_member_with_default (phone, "name_status", "");

  return g_str_equal (status, "APPROVED") || g_str_equal (status, "AVAILABLE_WITHOUT_REVIEW");
}

/* @phone: NULL for the account's own health_status. */
static JsonObject *
health_new (GhDemoWaba *waba,
            JsonObject *phone)
{
  JsonObject *health = json_object_new ();
  JsonArray *entities = json_array_new ();
  GhDemoHealth problems = waba->health;
  CanSend worst = AVAILABLE;
  JsonObject *entity;
  CanSend waba_can_send = AVAILABLE;

  if (phone != NULL)
    {
      entity = add_entity (entities, "PHONE_NUMBER",
                           json_object_get_string_member (phone, "id"),
                           name_approved (phone) ? AVAILABLE : LIMITED, &worst);
      if (!name_approved (phone))
        add_info (entity, "The display name of this phone number is not approved. Until it "
                  "is, the number can start conversations with a limited number of "
                  "customers.");
    }

  if (problems & GH_DEMO_HEALTH_WABA_UNVERIFIED)
    waba_can_send = LIMITED;
  if (problems & GH_DEMO_HEALTH_PAYMENT_METHOD)
    waba_can_send = BLOCKED;
  entity = add_entity (entities, "WABA", waba->id, waba_can_send, &worst);
  if (problems & GH_DEMO_HEALTH_WABA_UNVERIFIED)
    add_error (entity, 141010, business_unverified_text, business_unverified_solution);
  if (problems & GH_DEMO_HEALTH_PAYMENT_METHOD)
    add_error (entity, 141006,
               "There is an error with the payment method. This will block business "
               "initiated conversations.",
               "There was an error with your payment method. Please add a new payment "
               "method to the account.");
  if (waba_can_send == LIMITED)
    add_info (entity, business_unverified_info);

  entity = add_entity (entities, "BUSINESS", GH_DEMO_BUSINESS_ID,
                       problems & GH_DEMO_HEALTH_BUSINESS_UNVERIFIED ? LIMITED : AVAILABLE,
                       &worst);
  if (problems & GH_DEMO_HEALTH_BUSINESS_UNVERIFIED)
    {
      add_error (entity, 141010, business_unverified_text, business_unverified_solution);
      add_info (entity, business_unverified_info);
    }

  add_entity (entities, "APP", GH_DEMO_APP_ID, AVAILABLE, &worst);

  json_object_set_string_member (health, "can_send_message", can_send_names[worst]);
  json_object_set_array_member (health, "entities", entities);

  return health;
}

static JsonObject *
webhook_configuration_new (GhDemoWaba *waba,
                           JsonObject *phone)
{
  const char *phone_override = NULL;
  JsonObject *webhooks = json_object_new ();
  gint index = gh_demo_waba_find_app (waba, GH_DEMO_APP_ID);

  if (json_object_has_member (phone, "webhook_configuration"))
    phone_override = json_object_get_string_member_with_default (
      json_object_get_object_member (phone, "webhook_configuration"), "phone_number", NULL);

  json_object_set_string_member (webhooks, "application", GH_DEMO_APP_CALLBACK_URL);
  if (index >= 0)
    {
      JsonObject *subscription = g_ptr_array_index (waba->subscribed_apps, index);
      const char *override = json_object_get_string_member_with_default (
        subscription, "override_callback_uri", NULL);

      if (override != NULL)
        json_object_set_string_member (webhooks, "whatsapp_business_account", override);
    }
  if (phone_override != NULL)
    json_object_set_string_member (webhooks, "phone_number", phone_override);

  return webhooks;
}

JsonObject *
gh_demo_app_subscription_new (const char *app_id,
                              const char *app_name)
{
  JsonObject *item = json_object_new ();
  JsonObject *app = json_object_new ();
  g_autofree char *link = g_strconcat (LINK_PREFIX, app_id, NULL);

  json_object_set_string_member (app, "id", app_id);
  json_object_set_string_member (app, "name", app_name);
  json_object_set_string_member (app, "link", link);
  json_object_set_object_member (item, "whatsapp_business_api_data", app);

  return item;
}

gint
gh_demo_waba_find_app (GhDemoWaba *waba,
                       const char *app_id)
{
  for (guint i = 0; i < waba->subscribed_apps->len; i++)
    {
      JsonObject *item = g_ptr_array_index (waba->subscribed_apps, i);
      /* Every item comes from gh_demo_app_subscription_new: the member is there. */
      JsonObject *app = json_object_get_object_member (item, "whatsapp_business_api_data");

      if (g_strcmp0 (json_object_get_string_member_with_default (app, "id", NULL), app_id) == 0)
        return (gint) i;
    }

  return -1;
}

void
gh_demo_waba_subscribe_app (GhDemoWaba *waba)
{
  if (gh_demo_waba_find_app (waba, GH_DEMO_APP_ID) < 0)
    g_ptr_array_add (waba->subscribed_apps,
                     gh_demo_app_subscription_new (GH_DEMO_APP_ID, GH_DEMO_APP_NAME));
}

void
gh_demo_waba_refresh (GhDemoWaba *waba)
{
  json_object_set_object_member (waba->node, "health_status", health_new (waba, NULL));

  for (guint i = 0; i < waba->phone_numbers->len; i++)
    {
      JsonObject *phone = g_ptr_array_index (waba->phone_numbers, i);

      json_object_set_object_member (phone, "health_status", health_new (waba, phone));
      json_object_set_object_member (phone, "webhook_configuration",
                                     webhook_configuration_new (waba, phone));
    }
}
