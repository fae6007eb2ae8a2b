/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-check-report.h"

G_BEGIN_DECLS

/* The report types' insides, for the evaluation in gh-access-check.c and gh-readiness.c
 * that fills them. */

struct _GhCheckItem
{
  GObject parent_instance;

  char *id;
  GhCheckStatus status;
  gboolean required;
  char *title;
  char *description;
  char *fix;
  GhGuideStep fix_step;
  GhCheckFix fix_kind;
  char *fix_uri;
  char *fix_target;
  char *account_id;
};

struct _GhCheckWaba
{
  GObject parent_instance;

  char *id;
  GhWaba *waba;
  GError *error;
  GPtrArray *subscribed_apps;
  GError *subscribed_apps_error;
  GError *details_error;
  gboolean chosen;
  GStrv tasks;
};

struct _GhCheckReport
{
  GObject parent_instance;

  GListStore *items;
  GhTokenInfo *token_info;
  char *user_id;
  char *user_name;
  GPtrArray *wabas;
  GPtrArray *readiness;
  int is_admin;
  gboolean passed;
  GhCheckStatus verdict;
  const char *summary;
};

/* An item on its own; a fix other than the guide step is set afterwards. */
GhCheckItem   *_gh_check_item_new        (const char    *id,
                                          GhCheckStatus  status,
                                          gboolean       required,
                                          const char    *title,
                                          const char    *description,
                                          const char    *fix,
                                          GhGuideStep    fix_step);
/* Ignored on an OK item: there is nothing to fix. */
void           _gh_check_item_set_action (GhCheckItem   *item,
                                          GhCheckFix     kind,
                                          const char    *target,
                                          const char    *uri);
void           _gh_check_item_set_account (GhCheckItem  *item,
                                           const char   *account_id);

GhCheckReport *_gh_check_report_new      (void);
GhCheckItem   *_gh_check_report_add_item (GhCheckReport *report,
                                          const char    *id,
                                          GhCheckStatus  status,
                                          gboolean       required,
                                          const char    *title,
                                          const char    *description,
                                          const char    *fix,
                                          GhGuideStep    fix_step);
void           _gh_check_report_append   (GhCheckReport *report,
                                          GhCheckItem   *item);
/* Works out whether the report passed, its verdict and its one-sentence summary. */
void           _gh_check_report_finish   (GhCheckReport *report);

G_END_DECLS
