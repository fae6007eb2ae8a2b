/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "gh-health.h"
#include "gh-phone-number.h"
#include "gh-template.h"

G_BEGIN_DECLS

/* A WhatsApp Business Account as read from GET /{waba-id}?fields=…, with the phone_numbers
 * and message_templates edges when they were expanded.  Enums are kept as sent. */
#define GH_TYPE_WABA (gh_waba_get_type ())
G_DECLARE_FINAL_TYPE (GhWaba, gh_waba, GH, WABA, GObject)

/* @node: the WABA object.  Needs "id"; every other field is optional.  IDs sent as numbers
 * are kept as strings. */
GhWaba            *gh_waba_parse                        (JsonNode  *node,
                                                         GError   **error);
/* @node: {"data": [...]} of WABAs (e.g. me/assigned_whatsapp_business_accounts). */
GPtrArray         *gh_waba_parse_list                   (JsonNode  *node,
                                                         GError   **error);

const char        *gh_waba_get_id                       (GhWaba    *self);
const char        *gh_waba_get_name                     (GhWaba    *self);
const char        *gh_waba_get_currency                 (GhWaba    *self);
const char        *gh_waba_get_timezone_id              (GhWaba    *self);
const char        *gh_waba_get_message_template_namespace (GhWaba  *self);
const char        *gh_waba_get_account_review_status    (GhWaba    *self);
const char        *gh_waba_get_business_verification_status (GhWaba *self);
const char        *gh_waba_get_country                  (GhWaba    *self);
const char        *gh_waba_get_ownership_type           (GhWaba    *self);
const char        *gh_waba_get_owner_business_id        (GhWaba    *self);
const char        *gh_waba_get_owner_business_name      (GhWaba    *self);
const char        *gh_waba_get_can_send_message         (GhWaba    *self);  /* health_status */
const char        *gh_waba_get_messaging_limit          (GhWaba    *self);
const char        *gh_waba_get_creation_time            (GhWaba    *self);  /* as sent */
/* Tasks the token's user holds here, when listed from me/assigned_whatsapp_business_accounts
 * (wire strings, NULL when not sent). */
const char * const *gh_waba_get_tasks                   (GhWaba    *self);
/* GhPhoneNumber*, empty when the edge was not expanded. */
GPtrArray         *gh_waba_get_phone_numbers            (GhWaba    *self);
/* NULL when the edge was not expanded. */
GhTemplateSummary *gh_waba_get_templates                (GhWaba    *self);

const char        *gh_waba_get_primary_business_location (GhWaba   *self);
/* The client business a partner runs this account for (on_behalf_of_business_info). */
const char        *gh_waba_get_on_behalf_of_business_id   (GhWaba  *self);
const char        *gh_waba_get_on_behalf_of_business_name (GhWaba  *self);

/* One entity of health_status that cannot send freely (BLOCKED or LIMITED, or with errors),
 * one item per error it reports.  Every string is as sent and nullable. */
typedef struct
{
  char *entity_type;        /* "WABA", "BUSINESS", "PHONE_NUMBER", "APP", … */
  char *entity_id;
  char *can_send_message;   /* "LIMITED", "BLOCKED", … */
  char *error_code;
  char *description;        /* error_description */
  char *possible_solution;
} GhWabaHealthIssue;

/* GhWabaHealthIssue*, empty when health_status lists no problem. */
GPtrArray         *gh_waba_get_health_issues            (GhWaba    *self);
/* health_status as a whole, every entity with its errors; NULL when it was not read. */
GhHealth          *gh_waba_get_health                   (GhWaba    *self);

/* Fields the token could not read (wire names: "owner_business_info", …), NULL when every
 * field asked for was read. */
const char * const *gh_waba_get_unavailable_fields      (GhWaba    *self);
/* Why they could not be read, in words for a person; NULL when nothing is missing. */
const char        *gh_waba_get_unavailable_reason       (GhWaba    *self);
gboolean           gh_waba_is_field_unavailable         (GhWaba    *self,
                                                         const char *field);
/* Marks @fields as unreadable for @reason (used when only a reduced field set could be read). */
void               gh_waba_set_unavailable              (GhWaba    *self,
                                                         const char * const *fields,
                                                         const char *reason);

G_END_DECLS
