/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What Meta says holds an account or a phone number back: health_status, read from
 * GET /{waba-id}?fields=health_status or GET /{phone-id}?fields=health_status.  Every string is
 * kept as sent (Meta's enums are open) and is plain text, never markup. */

/* One error Meta reports for an entity. */
typedef struct
{
  gint64  code;          /* error_code, 0 when absent */
  char   *description;   /* error_description, nullable */
  char   *solution;      /* possible_solution, nullable */
} GhHealthError;

/* One entity of health_status: the phone number, the account, the business or the app. */
typedef struct
{
  char      *entity_type;        /* "PHONE_NUMBER", "WABA", "BUSINESS", "APP", …; nullable */
  char      *id;                 /* nullable */
  char      *can_send_message;   /* "AVAILABLE", "LIMITED", "BLOCKED", …; nullable */
  GPtrArray *errors;             /* GhHealthError*, never NULL */
  GStrv      additional_info;    /* never NULL, may be empty */
} GhHealthEntity;

#define GH_TYPE_HEALTH (gh_health_get_type ())
G_DECLARE_FINAL_TYPE (GhHealth, gh_health, GH, HEALTH, GObject)

/* @node: the health_status object.  NULL with an error when it is not an object. */
GhHealth       *gh_health_parse                (JsonNode   *node,
                                                GError    **error);
/* The overall verdict, the worst of the entities' (nullable). */
const char     *gh_health_get_can_send_message (GhHealth   *self);
/* GhHealthEntity*, in the order Meta sent them. */
GPtrArray      *gh_health_get_entities         (GhHealth   *self);
/* The first entity of @entity_type ("WABA", …), or NULL. */
GhHealthEntity *gh_health_find_entity          (GhHealth   *self,
                                                const char *entity_type);
/* TRUE when @entity can send freely: AVAILABLE (or not said) and no errors. */
gboolean        gh_health_entity_is_available  (const GhHealthEntity *entity);

G_END_DECLS
