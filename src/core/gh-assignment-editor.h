/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gh-assignment.h"
#include "gh-business-user.h"
#include "gh-graph-client.h"
#include "gh-task.h"

G_BEGIN_DECLS

/* The staged edits of one WABA's assigned users: loads the list page by page, keeps edits
 * until apply, applies them in batches, and can undo the last apply.  Frugal with Meta's
 * rate limit (200 calls an hour per account): a refresh that finds nothing changed costs one
 * call, an apply one call per 50 edits plus the read-back of the rows it cannot be sure
 * of. */
#define GH_TYPE_ASSIGNMENT_EDITOR (gh_assignment_editor_get_type ())
G_DECLARE_FINAL_TYPE (GhAssignmentEditor, gh_assignment_editor, GH, ASSIGNMENT_EDITOR, GObject)

typedef enum
{
  GH_LOCKOUT_NONE              = 0,
  GH_LOCKOUT_OWN_ACCESS        = 1 << 0,  /* this connection's own system user loses Full
                                           * control or is removed */
  GH_LOCKOUT_LAST_FULL_CONTROL = 1 << 1,  /* nobody would keep Full control */
} GhLockout;

/* @business_id: the owning business portfolio (nullable: the WABA id is tried instead, as
 * one of Meta's pages does).  @own_user_id: the token's system user (nullable). */
GhAssignmentEditor *gh_assignment_editor_new            (GhGraphClient      *client,
                                                         const char         *waba_id,
                                                         const char         *business_id,
                                                         const char         *own_user_id);
const char         *gh_assignment_editor_get_waba_id    (GhAssignmentEditor *self);

/* GhAssignment*, in the order Meta lists them, new rows at the end.  Rows appear page by
 * page while loading (one items-changed per page). */
GListModel         *gh_assignment_editor_get_model      (GhAssignmentEditor *self);

/* Notified properties for the page: "loading" (boolean), "loaded" (guint rows read so far),
 * "total" (gint64, -1 unknown: Meta's summary total_count), "n-changes" (guint rows not
 * UNCHANGED), "applying" (boolean), "apply-done" / "apply-total" (guint rows, updated once
 * per batch),
 * "paused-seconds" (guint: > 0 while a rate limit pauses the queue), "can-undo" (boolean). */
gboolean            gh_assignment_editor_get_loading    (GhAssignmentEditor *self);
guint               gh_assignment_editor_get_loaded     (GhAssignmentEditor *self);
gint64              gh_assignment_editor_get_total      (GhAssignmentEditor *self);
guint               gh_assignment_editor_get_n_changes  (GhAssignmentEditor *self);
gboolean            gh_assignment_editor_get_applying   (GhAssignmentEditor *self);
guint               gh_assignment_editor_get_apply_done (GhAssignmentEditor *self);
guint               gh_assignment_editor_get_apply_total (GhAssignmentEditor *self);
guint               gh_assignment_editor_get_paused_seconds (GhAssignmentEditor *self);
gboolean            gh_assignment_editor_get_can_undo   (GhAssignmentEditor *self);
/* Rows whose held tasks include Full control (MANAGE). */
guint               gh_assignment_editor_count_full_control (GhAssignmentEditor *self);

/* Reads the list (limit=100, summary=total_count) into the model, asking for each next page
 * before placing the current one.  The first load reads every page.  Later loads (a refresh)
 * read the first page and keep the rest when Meta's total and that page match the model;
 * otherwise, or after a page failed or an apply could not confirm a change, every page is
 * read again.  Staged edits of rows still present survive (that is how a failed row keeps
 * its change).  Fails only when the first page cannot be read; a later page's failure keeps
 * the rows read so far. */
void                gh_assignment_editor_load_async     (GhAssignmentEditor *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
/* The same with the first page read elsewhere (e.g. an operation of a batch the caller made
 * with gh_assignment_editor_dup_first_page_path): @first_page, the parsed body of that
 * answer ({"data": […], "paging": {…}, "summary": {…}}), is read during the call and used
 * as page 1 without a request; NULL asks for it.  Finish with
 * gh_assignment_editor_load_finish. */
void                gh_assignment_editor_load_with_first_page_async
                                                        (GhAssignmentEditor *self,
                                                         JsonNode           *first_page,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean            gh_assignment_editor_load_finish    (GhAssignmentEditor *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
/* The request of the first page, relative to <base>/<version>/ as a batch operation's
 * relative_url wants it: "<waba>/assigned_users?business=…&fields=…&limit=100&summary=
 * total_count".  NULL when the WABA id is not one. */
char               *gh_assignment_editor_dup_first_page_path (GhAssignmentEditor *self);

/* Staging.  Setting the held tasks again returns the row to UNCHANGED; an empty task set
 * on a held row is the same as removing it.  Unknown tasks are never touched. */
void                gh_assignment_editor_set_task       (GhAssignmentEditor *self,
                                                         GhAssignment       *row,
                                                         GhTaskFlags         task,
                                                         gboolean            enabled);
void                gh_assignment_editor_set_tasks      (GhAssignmentEditor *self,
                                                         GhAssignment       *row,
                                                         GhTaskFlags         tasks);
/* @removed FALSE restores a row staged for removal.  Removing a NEW row drops it. */
void                gh_assignment_editor_set_removed    (GhAssignmentEditor *self,
                                                         GhAssignment       *row,
                                                         gboolean            removed);
/* What staging @tasks (or removal) on @row would cost: ask the person first when not
 * GH_LOCKOUT_NONE. */
GhLockout           gh_assignment_editor_check_lockout  (GhAssignmentEditor *self,
                                                         GhAssignment       *row,
                                                         GhTaskFlags         tasks,
                                                         gboolean            remove);
/* Stages a new person.  Fails with G_IO_ERROR_INVALID_ARGUMENT (translated message) when
 * @user_id is not all digits, or G_IO_ERROR_EXISTS when already listed.  @name nullable. */
GhAssignment       *gh_assignment_editor_add            (GhAssignmentEditor *self,
                                                         const char         *user_id,
                                                         const char         *name,
                                                         gboolean            is_system_user,
                                                         GhTaskFlags         tasks,
                                                         GError            **error);
/* Reverts every staged edit; new rows go away. */
void                gh_assignment_editor_discard        (GhAssignmentEditor *self);

/* One POST (tasks as a JSON array, unknown tasks included) per changed or new row and one
 * DELETE per removal, sent as operations of batch requests of up to 50, one batch after
 * another.  Then the rows whose outcome Meta's answers leave open are read back: a POST
 * that leaves out a task the person held (Meta does not say whether it replaces or adds),
 * and an operation Meta did not answer, which is never sent again blindly.  Each row
 * reports its own result; a failed row keeps its edit and the rest proceed.  A rate limit
 * pauses the queue for the time Meta gives ("paused-seconds" counts down), then it resumes
 * by itself, one operation first.  Fails only when it could not start (nothing to apply,
 * already applying). */
void                gh_assignment_editor_apply_async    (GhAssignmentEditor *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
/* The number of rows that failed (0: all done). */
gboolean            gh_assignment_editor_apply_finish   (GhAssignmentEditor *self,
                                                         GAsyncResult       *result,
                                                         guint              *n_failed,
                                                         GError            **error);
/* While paused by a rate limit: try the waiting requests now. */
void                gh_assignment_editor_retry_now      (GhAssignmentEditor *self);
/* Stops a running apply after the batch in flight; unsent rows keep their edits. */
void                gh_assignment_editor_stop           (GhAssignmentEditor *self);

/* Puts back what Meta held before the last apply (tasks as they were, removed people added
 * again, added people removed), the same way as apply. */
void                gh_assignment_editor_undo_async     (GhAssignmentEditor *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean            gh_assignment_editor_undo_finish    (GhAssignmentEditor *self,
                                                         GAsyncResult       *result,
                                                         guint              *n_failed,
                                                         GError            **error);

/* The business's system users and business users not assigned yet (GhBusinessUser*), in
 * one batch.  Fails with GH_GRAPH_ERROR_PERMISSION when the token cannot list them
 * (business_management missing): the page then offers pasting an ID. */
void                gh_assignment_editor_list_candidates_async  (GhAssignmentEditor *self,
                                                                 GCancellable       *cancellable,
                                                                 GAsyncReadyCallback callback,
                                                                 gpointer            user_data);
GPtrArray          *gh_assignment_editor_list_candidates_finish (GhAssignmentEditor *self,
                                                                 GAsyncResult       *result,
                                                                 GError            **error);

/* One write of an apply or undo as the signals below report it: who, what Meta held
 * before, what was asked and, once settled, what came of it.  Valid during the emission
 * only.
 *
 * "writes-sending" (guint run, gboolean is_undo, GPtrArray *writes): emitted right before a
 * batch of writes goes to Meta, for the writes in it (a write sent again after a rate-limit
 * pause comes again).  "writes-settled" (same arguments): emitted once the apply or undo
 * @run is over, for every write that was sent.  "list-read" (gboolean complete): a load
 * ended well; @complete says the model now holds everyone Meta lists (FALSE when a later
 * page failed and rows of the previous load stand in for it). */
typedef struct
{
  const char         *user_id;
  const char         *name;            /* as Meta sent it (may be blank), or as added */
  gboolean            is_system_user;
  gboolean            was_held;        /* listed on the account before the write */
  GhTaskFlags         held_tasks;      /* what Meta held before */
  const char * const *held_unknown;
  gboolean            is_delete;       /* a removal; else a POST of the tasks below */
  GhTaskFlags         tasks;
  const char * const *unknown;

  /* writes-settled only.  @settled FALSE: sent, but whether Meta made it is not known
   * (no answer came and the list could not be read back). */
  gboolean            settled;
  GhAssignmentResult  result;          /* DONE, DIFFERS or FAILED */
  const char         *message;         /* nullable */
  gboolean            listed_after;    /* what Meta holds now, as far as the editor knows */
  GhTaskFlags         tasks_after;
  const char * const *unknown_after;
} GhAssignmentWrite;

/* What Meta holds, as CSV (RFC 4180, header "name,id,type,tasks", tasks separated by
 * spaces, unknown ones included; cells that a spreadsheet would run as a formula are
 * prefixed with '). */
char               *gh_assignment_editor_to_csv         (GhAssignmentEditor *self);

G_END_DECLS
