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

#define GH_TYPE_CHECK_ITEM (gh_check_item_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckItem, gh_check_item, GH, CHECK_ITEM, GObject)

/* Stable, e.g. "scope:whatsapp_business_messaging" */
const char    *gh_check_item_get_id          (GhCheckItem *self);
GhCheckStatus  gh_check_item_get_status      (GhCheckItem *self);
gboolean       gh_check_item_get_required    (GhCheckItem *self);
const char    *gh_check_item_get_title       (GhCheckItem *self);  /* translated */
const char    *gh_check_item_get_description (GhCheckItem *self);  /* one sentence, translated */
const char    *gh_check_item_get_fix         (GhCheckItem *self);  /* nullable, translated */
GhGuideStep    gh_check_item_get_fix_step    (GhCheckItem *self);

/* A WABA found for the token and whether reading it worked. */
#define GH_TYPE_CHECK_WABA (gh_check_waba_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckWaba, gh_check_waba, GH, CHECK_WABA, GObject)

GhCheckWaba   *gh_check_waba_new             (const char  *id,
                                              GhWaba      *waba,      /* nullable: unreadable */
                                              const GError *read_error); /* nullable */
const char    *gh_check_waba_get_id          (GhCheckWaba *self);
GhWaba        *gh_check_waba_get_waba        (GhCheckWaba *self);
const GError  *gh_check_waba_get_error       (GhCheckWaba *self);

#define GH_TYPE_CHECK_REPORT (gh_check_report_get_type ())
G_DECLARE_FINAL_TYPE (GhCheckReport, gh_check_report, GH, CHECK_REPORT, GObject)

/* GhCheckItem* in display order. */
GListModel    *gh_check_report_get_items     (GhCheckReport *self);
GhCheckItem   *gh_check_report_find_item     (GhCheckReport *self,
                                              const char    *id);
/* TRUE when no required item is GH_CHECK_STATUS_ERROR. */
gboolean       gh_check_report_get_passed    (GhCheckReport *self);
/* One plain sentence for the top of the report: works / works with warnings / does not. */
const char    *gh_check_report_get_summary   (GhCheckReport *self);
GhTokenInfo   *gh_check_report_get_token_info (GhCheckReport *self);
const char    *gh_check_report_get_user_id   (GhCheckReport *self);
const char    *gh_check_report_get_user_name (GhCheckReport *self);
/* GhCheckWaba* */
GPtrArray     *gh_check_report_get_wabas     (GhCheckReport *self);
/* The first readable WABA, or NULL. */
GhWaba        *gh_check_report_get_first_waba (GhCheckReport *self);
int            gh_check_report_get_is_admin  (GhCheckReport *self);
/* Plain-text rendering for `gatehouse --check` (✓ / ! / ✗ per item). */
char          *gh_check_report_to_text       (GhCheckReport *self);

G_END_DECLS
