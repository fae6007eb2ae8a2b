/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* An app subscribed to a WhatsApp Business Account's webhooks, one element of
 * GET /{waba-id}/subscribed_apps.  Meta wraps the app in whatsapp_business_api_data; an
 * element without the wrapper is read the same way.  Strings are as sent and nullable. */
#define GH_TYPE_SUBSCRIBED_APP (gh_subscribed_app_get_type ())
G_DECLARE_FINAL_TYPE (GhSubscribedApp, gh_subscribed_app, GH, SUBSCRIBED_APP, GObject)

/* @node: one element of data.  Needs the app's "id". */
GhSubscribedApp *gh_subscribed_app_parse                     (JsonNode         *node,
                                                              GError          **error);
/* @node: {"data": [...]}; elements that fail to parse are skipped.  NULL with an error when
 * there is no data array. */
GPtrArray       *gh_subscribed_app_parse_list                (JsonNode         *node,
                                                              GError          **error);

const char      *gh_subscribed_app_get_id                    (GhSubscribedApp  *self);
const char      *gh_subscribed_app_get_name                  (GhSubscribedApp  *self);
const char      *gh_subscribed_app_get_link                  (GhSubscribedApp  *self);
/* The callback URL this subscription uses instead of the app's own, or NULL. */
const char      *gh_subscribed_app_get_override_callback_uri (GhSubscribedApp  *self);

/* The subscription of @app_id in @apps (GhSubscribedApp*), or NULL. */
GhSubscribedApp *gh_subscribed_app_find                      (GPtrArray        *apps,
                                                              const char       *app_id);

G_END_DECLS
