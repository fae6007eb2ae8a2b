/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "gh-health.h"

G_BEGIN_DECLS

/* A business phone number of a WABA.  Enum-like fields are kept as the strings Meta sent. */
#define GH_TYPE_PHONE_NUMBER (gh_phone_number_get_type ())
G_DECLARE_FINAL_TYPE (GhPhoneNumber, gh_phone_number, GH, PHONE_NUMBER, GObject)

/* @node: a {"data": [...]} edge; returns GPtrArray of GhPhoneNumber (elements that fail to
 * parse are skipped). */
GPtrArray     *gh_phone_number_parse_list             (JsonNode      *node,
                                                       GError       **error);

const char    *gh_phone_number_get_id                 (GhPhoneNumber *self);
const char    *gh_phone_number_get_display_phone_number (GhPhoneNumber *self);
const char    *gh_phone_number_get_verified_name      (GhPhoneNumber *self);
const char    *gh_phone_number_get_quality_rating     (GhPhoneNumber *self);
const char    *gh_phone_number_get_code_verification_status (GhPhoneNumber *self);
const char    *gh_phone_number_get_status             (GhPhoneNumber *self);
const char    *gh_phone_number_get_name_status        (GhPhoneNumber *self);
const char    *gh_phone_number_get_platform_type      (GhPhoneNumber *self);
const char    *gh_phone_number_get_throughput_level   (GhPhoneNumber *self);
const char    *gh_phone_number_get_account_mode       (GhPhoneNumber *self);
/* health_status of the number (its PHONE_NUMBER entity and those above it), NULL when not
 * read. */
GhHealth      *gh_phone_number_get_health             (GhPhoneNumber *self);
/* Where the number's webhooks go (webhook_configuration): the number's own override, else
 * the account's, else the app's callback URL; NULL when not read.  Not a secret, but long. */
const char    *gh_phone_number_get_webhook_url        (GhPhoneNumber *self);

G_END_DECLS
