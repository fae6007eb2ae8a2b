/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-access-overview.h"
#include "gh-assignment-editor.h"

G_BEGIN_DECLS

typedef enum
{
  GH_REVIEW_UNDECIDED,
  GH_REVIEW_KEEP,
  GH_REVIEW_REDUCE,      /* keep only some tasks, on every account */
  GH_REVIEW_REMOVE,      /* take every access away */
} GhReviewDecision;

/* What a reduction keeps: of each account's tasks, those in the set chosen. */
#define GH_REVIEW_WITHOUT_FULL_CONTROL ((GhTaskFlags) (GH_TASK_ALL_KNOWN & ~GH_TASK_MANAGE))
#define GH_REVIEW_VIEW_ONLY            ((GhTaskFlags) (GH_TASK_VIEW_TEMPLATES | \
                                                       GH_TASK_VIEW_PHONE_ASSETS | \
                                                       GH_TASK_VIEW_COST))

/* One line of the printed report. */
typedef enum
{
  GH_REPORT_TITLE,
  GH_REPORT_HEADING,
  GH_REPORT_TEXT,
  GH_REPORT_PERSON,
  GH_REPORT_DETAIL,
} GhReportStyle;

typedef struct
{
  GhReportStyle  style;
  char          *text;      /* plain text: names are Meta's, never markup */
} GhReportLine;

void gh_report_line_free (GhReportLine *line);

/* An access review: going through each person the overview found, keep, reduce or remove,
 * then staging those decisions the usual way (edits of each account's GhAssignmentEditor,
 * loaded from the page the overview read: no call for an account of up to 100 people),
 * applying them, and a dated report of it all, as CSV and as lines to print. */
#define GH_TYPE_ACCESS_REVIEW (gh_access_review_get_type ())
G_DECLARE_FINAL_TYPE (GhAccessReview, gh_access_review, GH, ACCESS_REVIEW, GObject)

/* @overview: loaded.  The review's date is now. */
GhAccessReview   *gh_access_review_new          (GhAccessOverview   *overview);
GDateTime        *gh_access_review_get_date     (GhAccessReview     *self);
guint             gh_access_review_get_n_people (GhAccessReview     *self);
GhAccessPerson   *gh_access_review_get_person   (GhAccessReview     *self,
                                                 guint               index);
GhReviewDecision  gh_access_review_get_decision (GhAccessReview     *self,
                                                 guint               index);
/* @keep: for GH_REVIEW_REDUCE, the tasks the person may keep (GH_REVIEW_VIEW_ONLY, …). */
void              gh_access_review_decide       (GhAccessReview     *self,
                                                 guint               index,
                                                 GhReviewDecision    decision,
                                                 GhTaskFlags         keep);
guint             gh_access_review_count        (GhAccessReview     *self,
                                                 GhReviewDecision    decision);
/* Stage the decisions for @editor's account in @editor (the one the window shows, so the
 * grid shows them), not in an editor of the review's own. */
void              gh_access_review_use_editor   (GhAccessReview     *self,
                                                 GhAssignmentEditor *editor);

/* Stages every decision again (what an earlier staging did is put back first).  Finishes
 * with the number of changes staged; a change that would lock out the connection or leave
 * an account without Full control is not staged, and the report says so. */
void              gh_access_review_stage_async  (GhAccessReview     *self,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
guint             gh_access_review_stage_finish (GhAccessReview     *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);
/* Changes staged by the last staging, not applied yet. */
guint             gh_access_review_get_n_staged (GhAccessReview     *self);
/* Applies the staged changes, account after account, into the change record; finishes with
 * how many failed. */
void              gh_access_review_apply_async  (GhAccessReview     *self,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
guint             gh_access_review_apply_finish (GhAccessReview     *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);

/* The report: one row per person and account ("date,name,id,type,connection,account,
 * account_id,tasks,decision,outcome"). */
char             *gh_access_review_to_csv       (GhAccessReview     *self);
/* GhReportLine*: the title with the date, what was read, the counts, then each person
 * with their access, the decision and what came of it. */
GPtrArray        *gh_access_review_dup_report   (GhAccessReview     *self);
/* The title, as the report starts: "Access review of 29 November 2026". */
char             *gh_access_review_dup_title    (GhAccessReview     *self);

G_END_DECLS
