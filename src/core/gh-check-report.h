/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gh-token-info.h"
#include "gh-waba.h"

G_BEGIN_DECLS

/* The result of checking a token: one item per requirement, each with a status, one plain
 * sentence and the guide step that fixes it, and the accounts the token reached. */

typedef enum
{
  GH_CHECK_STATUS_OK,
  GH_CHECK_STATUS_WARNING,
  GH_CHECK_STATUS_ERROR,
} GhCheckStatus;

/* Guide steps an item can point to (see troubleshooting order). */
typedef enum
{
  GH_GUIDE_STEP_NONE,
  GH_GUIDE_STEP_TWO_FACTOR,
  GH_GUIDE_STEP_SYSTEM_USER,
  GH_GUIDE_STEP_ASSIGN_APP,
  GH_GUIDE_STEP_GENERATE_TOKEN,
  GH_GUIDE_STEP_ASSIGN_WABA,
  GH_GUIDE_STEP_PASTE_TOKEN,
} GhGuideStep;

/* What Gatehouse itself can do about an item, besides the guide step: open a page, or one
 * confirmed write. */
typedef enum
{
  GH_CHECK_FIX_NONE,
  GH_CHECK_FIX_LINK,       /* open gh_check_item_get_fix_uri () */
  GH_CHECK_FIX_SUBSCRIBE,  /* subscribe the token's app to the account named by the target */
  GH_CHECK_FIX_REGISTER,   /* register the phone number named by the target */
} GhCheckFix;

#define GH_TYPE_CHECK_ITEM (gh_check_item_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckItem, gh_check_item, GH, CHECK_ITEM, GObject)

/* Stable, for scripts too: "token.valid", "token.kind", "token.expiry",
 * "permission.whatsapp_business_messaging", "accounts.found", "account.<id>.reachable",
 * "account.<id>.webhooks", "account.<id>.health", "account.<id>.health.business",
 * "account.<id>.limit", "phone.<id>.ready", "token.admin", "token.app". */
const char    *gh_check_item_get_id          (GhCheckItem *self);
GhCheckStatus  gh_check_item_get_status      (GhCheckItem *self);
gboolean       gh_check_item_get_required    (GhCheckItem *self);
const char    *gh_check_item_get_title       (GhCheckItem *self);  /* translated */
const char    *gh_check_item_get_description (GhCheckItem *self);  /* one sentence, translated */
const char    *gh_check_item_get_fix         (GhCheckItem *self);  /* nullable, translated */
GhGuideStep    gh_check_item_get_fix_step    (GhCheckItem *self);
GhCheckFix     gh_check_item_get_fix_kind    (GhCheckItem *self);
/* The page that fixes it (Business Suite, WhatsApp Manager), nullable. */
const char    *gh_check_item_get_fix_uri     (GhCheckItem *self);
/* The account (GH_CHECK_FIX_SUBSCRIBE) or phone number (GH_CHECK_FIX_REGISTER), nullable. */
const char    *gh_check_item_get_fix_target  (GhCheckItem *self);
/* The WhatsApp account a readiness row is about, NULL for the token's own rows. */
const char    *gh_check_item_get_account_id  (GhCheckItem *self);

/* A WABA found for the token and whether reading it worked. */
#define GH_TYPE_CHECK_WABA (gh_check_waba_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckWaba, gh_check_waba, GH, CHECK_WABA, GObject)

GhCheckWaba   *gh_check_waba_new             (const char  *id,
                                              GhWaba      *waba,      /* nullable: unreadable */
                                              const GError *read_error); /* nullable */
const char    *gh_check_waba_get_id          (GhCheckWaba *self);
GhWaba        *gh_check_waba_get_waba        (GhCheckWaba *self);
const GError  *gh_check_waba_get_error       (GhCheckWaba *self);

/* What else the check read about a readable account, for its readiness; each part that was
 * not asked for is left out of the report.  @apps: GhSubscribedApp*, or NULL with @error. */
void           gh_check_waba_set_subscribed_apps (GhCheckWaba  *self,
                                                  GPtrArray    *apps,
                                                  const GError *error);
GPtrArray     *gh_check_waba_get_subscribed_apps (GhCheckWaba  *self);
const GError  *gh_check_waba_get_subscribed_apps_error (GhCheckWaba *self);
/* Why the account's health and phone numbers could not be read, or NULL. */
void           gh_check_waba_set_details_error   (GhCheckWaba  *self,
                                                  const GError *error);
const GError  *gh_check_waba_get_details_error   (GhCheckWaba  *self);
/* The person chose this account (the saved connection's): not reaching it is a problem,
 * where another account the token does not reach is only mentioned. */
void           gh_check_waba_set_chosen          (GhCheckWaba  *self,
                                                  gboolean      chosen);
gboolean       gh_check_waba_get_chosen          (GhCheckWaba  *self);
/* The tasks the token's user holds here, as listed by me/assigned_whatsapp_business_accounts
 * (NULL: not listed). */
void           gh_check_waba_set_tasks           (GhCheckWaba  *self,
                                                  const char * const *tasks);
const char * const *gh_check_waba_get_tasks      (GhCheckWaba  *self);

/* Declared in gh-readiness.h. */
typedef struct _GhAccountReadiness GhAccountReadiness;

#define GH_TYPE_CHECK_REPORT (gh_check_report_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckReport, gh_check_report, GH, CHECK_REPORT, GObject)

/* GhCheckItem* in display order. */
GListModel    *gh_check_report_get_items     (GhCheckReport *self);
GhCheckItem   *gh_check_report_find_item     (GhCheckReport *self,
                                              const char    *id);
/* TRUE when no required item is GH_CHECK_STATUS_ERROR: the token itself can be used (and
 * saved), even if an account is not ready yet. */
gboolean       gh_check_report_get_passed    (GhCheckReport *self);
/* The worst status of any item: ERROR is "not ready" (`gatehouse --check` exits 1), WARNING
 * "works, with warnings", OK "ready". */
GhCheckStatus  gh_check_report_get_verdict   (GhCheckReport *self);
/* One plain sentence for the top of the report, agreeing with the verdict. */
const char    *gh_check_report_get_summary   (GhCheckReport *self);
/* The same verdict as a heading, in title case and without a final period, for a token that
 * @passed and rows whose worst status is @verdict (when rows changed after the check, e.g.
 * after Subscribe). */
const char    *gh_check_summary_title        (gboolean       passed,
                                              GhCheckStatus  verdict);
GhTokenInfo   *gh_check_report_get_token_info (GhCheckReport *self);
const char    *gh_check_report_get_user_id   (GhCheckReport *self);
const char    *gh_check_report_get_user_name (GhCheckReport *self);
/* GhCheckWaba* */
GPtrArray     *gh_check_report_get_wabas     (GhCheckReport *self);
/* The first readable WABA, or NULL. */
GhWaba        *gh_check_report_get_first_waba (GhCheckReport *self);
int            gh_check_report_get_is_admin  (GhCheckReport *self);
/* FALSE only when the token's system user is known not to be an admin: where the role could
 * not be read, editing stays on and Meta's answer to the first write explains. */
gboolean       gh_check_report_get_can_edit  (GhCheckReport *self);
/* GhAccountReadiness*, one per account the token reads, in the order of the accounts. */
GPtrArray     *gh_check_report_get_readiness (GhCheckReport *self);
GhAccountReadiness *gh_check_report_find_readiness (GhCheckReport *self,
                                                    const char    *waba_id);
/* Plain-text rendering for `gatehouse --check` (✓ / ! / ✗ per item, and per account whether
 * it is ready to send and to receive). */
char          *gh_check_report_to_text       (GhCheckReport *self);
/* The report as one JSON object for `gatehouse --check --json` (schema version
 * GH_CHECK_REPORT_JSON_VERSION, described in the README).  @connection: the saved
 * connection's name, nullable. */
#define GH_CHECK_REPORT_JSON_VERSION 1
char          *gh_check_report_to_json       (GhCheckReport *self,
                                              const char    *connection);
/* The same object for a check that could not be made (verdict "could-not-check"):
 * @sentence says why, @next_step what to do; both plain text. */
char          *gh_check_report_error_to_json (const char    *connection,
                                              const char    *sentence,
                                              const char    *next_step);

G_END_DECLS
