/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gh-check-report.h"
#include "gh-subscribed-app.h"
#include "gh-waba.h"

G_BEGIN_DECLS

/* Will the integration really work with this account?  Past a perfect token: whether the
 * token's app gets the account's webhooks and where they go, what Meta's health_status holds
 * back (per entity), whether each phone number can send, and the messaging limit the
 * business portfolio shares.  Pure: evaluated from parsed answers, no I/O, so the check
 * report, the overview and `gatehouse --check` say the same. */

typedef enum
{
  GH_READY_UNKNOWN,   /* not read, or Meta did not say */
  GH_READY_YES,
  GH_READY_LIMITED,   /* works, with limits or for some numbers only */
  GH_READY_NO,
} GhReadyState;

/* What the evaluation knows about the token. */
typedef struct
{
  const char *app_id;          /* debug_token's app_id, NULL when unknown */
  const char *app_name;        /* nullable */
  int         may_subscribe;   /* the token may subscribe its app here: 1, 0, or -1 unknown */
  int         may_register;    /* the token may register this account's numbers: 1, 0, -1 */
} GhReadinessContext;

#define GH_TYPE_ACCOUNT_READINESS (gh_account_readiness_get_type ())
G_DECLARE_FINAL_TYPE (GhAccountReadiness, gh_account_readiness, GH, ACCOUNT_READINESS, GObject)

/* @waba: the account as read, with health_status and phone_numbers when they were asked for.
 * @details_error: why health and phone numbers could not be read (nullable).
 * @apps: GhSubscribedApp* from /{waba-id}/subscribed_apps, or NULL with @apps_error, or both
 * NULL when they were not asked for.  Every part that was not read is left out. */
GhAccountReadiness *gh_account_readiness_evaluate (GhWaba                   *waba,
                                                   const GError             *details_error,
                                                   GPtrArray                *apps,
                                                   const GError             *apps_error,
                                                   const GhReadinessContext *context);

const char         *gh_account_readiness_get_waba_id  (GhAccountReadiness *self);
/* The account's name, its ID when it has none. */
const char         *gh_account_readiness_get_name     (GhAccountReadiness *self);
GhWaba             *gh_account_readiness_get_waba     (GhAccountReadiness *self);
GhReadyState        gh_account_readiness_get_send     (GhAccountReadiness *self);
const char         *gh_account_readiness_get_send_sentence    (GhAccountReadiness *self);
GhReadyState        gh_account_readiness_get_receive  (GhAccountReadiness *self);
const char         *gh_account_readiness_get_receive_sentence (GhAccountReadiness *self);
/* "Ready to send: yes · Ready to receive: no", translated. */
char               *gh_account_readiness_dup_summary  (GhAccountReadiness *self);
/* GhCheckItem*, in display order: webhooks, health, its entities, the limit, each number. */
GPtrArray          *gh_account_readiness_get_items    (GhAccountReadiness *self);
/* The token's app is subscribed: 1, 0, or -1 when unknown. */
int                 gh_account_readiness_get_subscribed (GhAccountReadiness *self);
/* Names (or IDs) of the other apps subscribed to the account's webhooks. */
const char * const *gh_account_readiness_get_other_apps (GhAccountReadiness *self);
/* The hosts the account's numbers' webhooks go to, e.g. "helpdesk.example.com". */
const char * const *gh_account_readiness_get_webhook_hosts (GhAccountReadiness *self);
/* A Subscribe button belongs here: not subscribed, and the token may (or may) do it. */
gboolean            gh_account_readiness_get_can_subscribe (GhAccountReadiness *self);
/* The phone number @phone_id of the account, or NULL. */
GhPhoneNumber      *gh_account_readiness_find_phone   (GhAccountReadiness *self,
                                                       const char         *phone_id);

/* "yes", "limited", "no", "unknown" (for --json). */
const char         *gh_ready_state_to_string          (GhReadyState        state);
/* The host of @url ("https://a.example/x" → "a.example"), NULL when it has none. */
char               *gh_readiness_dup_host             (const char         *url);

G_END_DECLS
