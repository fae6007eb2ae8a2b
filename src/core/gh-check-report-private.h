/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-check-report.h"

G_BEGIN_DECLS

/* The report types' insides, for the evaluation in gh-access-check.c that fills them. */

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
};

struct _GhCheckWaba
{
  GObject parent_instance;

  char *id;
  GhWaba *waba;
  GError *error;
};

struct _GhCheckReport
{
  GObject parent_instance;

  GListStore *items;
  GhTokenInfo *token_info;
  char *user_id;
  char *user_name;
  GPtrArray *wabas;
  int is_admin;
  gboolean passed;
  const char *summary;
};

GhCheckReport *_gh_check_report_new      (void);
GhCheckItem   *_gh_check_report_add_item (GhCheckReport *report,
                                          const char    *id,
                                          GhCheckStatus  status,
                                          gboolean       required,
                                          const char    *title,
                                          const char    *description,
                                          const char    *fix,
                                          GhGuideStep    fix_step);
/* Works out whether the report passed and its one-sentence summary. */
void           _gh_check_report_finish   (GhCheckReport *report);

G_END_DECLS
