/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "gh-demo-server.h"

G_BEGIN_DECLS

/* What a demo token is allowed to do, and what debug_token says about it. */
typedef struct
{
  const char         *token;
  const char         *type;              /* "SYSTEM_USER" or "USER" */
  const char         *user_id;
  const char         *user_name;
  gboolean            can_write;         /* admin system user: may edit people, webhooks, numbers */
  gboolean            management;        /* whatsapp_business_management */
  gboolean            messaging;         /* whatsapp_business_messaging */
  gboolean            business_management;
  const char * const *target_ids;        /* granular target_ids of the WhatsApp scopes */
  const char * const *readable_wabas;    /* NULL: every WABA of the business */
  gint64              issued_ago;        /* seconds before the request */
  gint64              expires_in;        /* seconds after the request, 0: never */
  gint64              data_access_in;    /* seconds after the request, 0: never */
} GhDemoProfile;

typedef struct
{
  char         *id;
  JsonObject   *node;            /* the WABA's own fields */
  GPtrArray    *phone_numbers;   /* JsonObject* */
  GPtrArray    *templates;       /* JsonObject* */
  GPtrArray    *assigned_users;  /* JsonObject*: id, name, tasks, user_type */
  GPtrArray    *subscribed_apps; /* JsonObject*: whatsapp_business_api_data, override */
  GhDemoHealth  health;
} GhDemoWaba;

typedef struct
{
  JsonObject *business;
  GPtrArray  *system_users;    /* JsonObject*: id, name, role */
  GPtrArray  *business_users;  /* JsonObject*: id, name, email, role, first_name, last_name */
  GPtrArray  *wabas;           /* GhDemoWaba* */
  GPtrArray  *owned_wabas;     /* borrowed GhDemoWaba* */
  GPtrArray  *client_wabas;    /* borrowed GhDemoWaba* */
} GhDemoData;

#define GH_DEMO_TEMPLATE_LIMIT 250

/* The two-step verification PIN of every demo phone number: POST /{phone-id}/register
 * accepts it and no other 6 digits. */
#define GH_DEMO_REGISTER_PIN   "246810"
/* Register tries each number allows in the server's life; the next one answers 133016. */
#define GH_DEMO_REGISTER_TRIES 10

const GhDemoProfile *gh_demo_profile_lookup        (const char *token);
gboolean             gh_demo_profile_can_read_waba (const GhDemoProfile *profile,
                                                    const char          *waba_id);

GhDemoData          *gh_demo_data_new              (void);
void                 gh_demo_data_free             (GhDemoData *data);
GhDemoWaba          *gh_demo_data_find_waba        (GhDemoData *data,
                                                    const char *waba_id);
/* A system user or business user of the business, as an assigned-user object
 * (id, name, user_type) without tasks; NULL when the business has no such person. */
JsonObject          *gh_demo_data_new_assignee     (GhDemoData *data,
                                                    const char *user_id);
/* Index in @waba's assigned users, -1 when not assigned. */
gint                 gh_demo_waba_find_user        (GhDemoWaba *waba,
                                                    const char *user_id);
void                 gh_demo_waba_generate_users   (GhDemoWaba *waba,
                                                    guint       count);
/* The phone number @phone_id of any account, and that account in @waba. */
JsonObject          *gh_demo_data_find_phone       (GhDemoData  *data,
                                                    const char  *phone_id,
                                                    GhDemoWaba **waba);
/* Index in @waba's subscribed apps, -1 when @app_id is not subscribed. */
gint                 gh_demo_waba_find_app         (GhDemoWaba *waba,
                                                    const char *app_id);
/* An item of /{waba-id}/subscribed_apps for the app @app_id, without an override. */
JsonObject          *gh_demo_app_subscription_new  (const char *app_id,
                                                    const char *app_name);
/* Subscribes the demo app (the one every demo token belongs to), without an override. */
void                 gh_demo_waba_subscribe_app    (GhDemoWaba *waba);
/* Rebuilds the health_status and webhook_configuration members of @waba and its phone
 * numbers after its health or its subscriptions changed. */
void                 gh_demo_waba_refresh          (GhDemoWaba *waba);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhDemoData, gh_demo_data_free)

G_END_DECLS
