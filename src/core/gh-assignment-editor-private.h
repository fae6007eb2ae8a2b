/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-assignment-editor.h"
#include "gh-assignment-private.h"

G_BEGIN_DECLS

/* The editor's jobs live in files sharing this: gh-assignment-editor.c (the model, staging,
 * lock-out, export), gh-assignment-load.c (reading the list), gh-assignment-apply.c (the
 * queue of writes), gh-assignment-report.c (what each write did, and undo) and
 * gh-assignment-candidates.c (who could be added). */
struct _GhAssignmentEditor
{
  GObject        parent_instance;

  GhGraphClient *client;
  char          *waba_id;
  char          *business_id;
  char          *own_user_id;

  GListStore    *rows;
  GHashTable    *rows_by_id;  /* id → GhAssignment (ref), every row of the model */
  /* While loading: id → GhAssignment (ref), rows of the previous load not read again yet.
   * They keep their staged edits and come back when their page arrives. */
  GHashTable    *pending;
  guint          load_serial;
  guint          load_pos;    /* rows placed by the running load, at the model's start */

  gboolean       loading;
  /* The model may differ from Meta beyond what a refresh's first page shows (never read in
   * full, a page failed, an apply could not confirm a change): the next load reads all. */
  gboolean       needs_full_load;
  guint          loaded;
  gint64         total;
  guint          n_changes;

  gboolean       applying;
  guint          apply_done;
  guint          apply_total;
  guint          paused_seconds;
  guint          countdown_id;
  GTask         *paused_task; /* the apply waiting out a rate limit */
  gboolean       stop_requested;

  GPtrArray     *undo;        /* the inverse of the last apply (gh-assignment-apply.c), NULL:
                               * none */
  guint          run_serial;  /* the apply or undo running, or the last one */
};

typedef enum
{
  GH_ASSIGNMENT_EDITOR_PROP_0,
  GH_ASSIGNMENT_EDITOR_PROP_CLIENT,
  GH_ASSIGNMENT_EDITOR_PROP_WABA_ID,
  GH_ASSIGNMENT_EDITOR_PROP_BUSINESS_ID,
  GH_ASSIGNMENT_EDITOR_PROP_OWN_USER_ID,
  GH_ASSIGNMENT_EDITOR_PROP_MODEL,
  GH_ASSIGNMENT_EDITOR_PROP_LOADING,
  GH_ASSIGNMENT_EDITOR_PROP_LOADED,
  GH_ASSIGNMENT_EDITOR_PROP_TOTAL,
  GH_ASSIGNMENT_EDITOR_PROP_N_CHANGES,
  GH_ASSIGNMENT_EDITOR_PROP_APPLYING,
  GH_ASSIGNMENT_EDITOR_PROP_APPLY_DONE,
  GH_ASSIGNMENT_EDITOR_PROP_APPLY_TOTAL,
  GH_ASSIGNMENT_EDITOR_PROP_PAUSED_SECONDS,
  GH_ASSIGNMENT_EDITOR_PROP_CAN_UNDO,
  GH_ASSIGNMENT_EDITOR_N_PROPS
} GhAssignmentEditorProp;

typedef gboolean (*GhAssignmentRowFunc) (GhAssignment *row,
                                         gpointer      user_data);

/* IDs go into URL paths and parameters: anything but digits would change what is asked. */
gboolean      _gh_is_graph_id                     (const char          *id);

void          _gh_assignment_editor_notify        (GhAssignmentEditor  *self,
                                                   GhAssignmentEditorProp prop);
/* Stores the row's state and keeps n-changes right. */
void          _gh_assignment_editor_update_state  (GhAssignmentEditor  *self,
                                                   GhAssignment        *row);
/* The row leaves the editor for good (a new row dropped, or no longer listed by Meta). */
void          _gh_assignment_editor_forget_row    (GhAssignmentEditor  *self,
                                                   GhAssignment        *row);
/* What Meta answered for this person in a list: the held tasks change, a staged edit stays
 * (unless the row had none, then it follows Meta). */
void          _gh_assignment_editor_merge_row     (GhAssignmentEditor  *self,
                                                   GhAssignment        *row,
                                                   GhAssignedUser      *user);
/* Calls @func on every row, in model order, then on those a running load still owes, until
 * @func returns FALSE. */
void          _gh_assignment_editor_foreach_row   (GhAssignmentEditor  *self,
                                                   GhAssignmentRowFunc  func,
                                                   gpointer             user_data);
GhAssignment *_gh_assignment_editor_find_row      (GhAssignmentEditor  *self,
                                                   const char          *id);
/* Returns the task with G_IO_ERROR_PENDING and FALSE while a load or an apply runs. */
gboolean      _gh_assignment_editor_check_can_start (GhAssignmentEditor *self,
                                                     GTask              *task);

/* gh-assignment-load.c: reads pages from the first, merging what they say into the rows the
 * model holds, until every id of @wanted (a set of ids, reffed and emptied as they are
 * seen) has been seen or the list ends.  Returns the set of every id listed on the pages
 * read; @complete: the list was read to its end, so an id not in the set is not listed. */
void          _gh_assignment_editor_read_back_async  (GhAssignmentEditor  *self,
                                                      GHashTable          *wanted,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GHashTable   *_gh_assignment_editor_read_back_finish (GhAssignmentEditor  *self,
                                                      GAsyncResult        *result,
                                                      gboolean            *complete,
                                                      GError             **error);
/* gh-assignment-editor.c: puts back a row Meta lists again (undo re-adding someone) at the
 * end of the rows Meta lists, before the new ones, where Meta adds people; nothing when it
 * is in the model. */
void          _gh_assignment_editor_place_row     (GhAssignmentEditor  *self,
                                                   GhAssignment        *row);
/* Drops a row Meta no longer lists from the model. */
void          _gh_assignment_editor_drop_row      (GhAssignmentEditor  *self,
                                                   GhAssignment        *row);

/* gh-assignment-apply.c sends an apply or undo; gh-assignment-report.c tells each row what
 * came of it. */
typedef enum
{
  GH_APPLY_OP_WAITING,        /* not sent yet */
  GH_APPLY_OP_SENDING,
  GH_APPLY_OP_DONE,           /* Meta said yes */
  GH_APPLY_OP_FAILED,         /* refused or not sendable: the edit stays */
  GH_APPLY_OP_UNANSWERED,     /* sent, but Meta's answer never came: read back */
} GhApplyOpStatus;

/* One write of an apply or undo: a POST of a row's tasks or a DELETE. */
typedef struct
{
  char            *id;
  GhAssignment    *row;       /* kept when Meta no longer lists it, for undo to put back */
  gboolean         is_delete;
  GhTaskFlags      tasks;
  GStrv            unknown;

  /* What Meta held before, so that the apply can be undone and its answer read. */
  gboolean         was_held;
  GhTaskFlags      held_tasks;
  GStrv            held_unknown;

  GhApplyOpStatus  status;
  gboolean         check;     /* Meta said yes to a POST that leaves out a held task */
  gboolean         made;      /* Meta holds the change: undo takes it back */
  gboolean         sent;      /* went to Meta at least once */
  gboolean         left_open; /* its batch was cancelled in flight: made or not, unknown */
} GhApplyOp;

typedef struct
{
  GPtrArray *ops;             /* GhApplyOp*, as staged */
  GPtrArray *todo;            /* GhApplyOp* not sent yet, in order (owned by ops) */
  GPtrArray *batch;           /* GhApplyOp* in flight (owned by ops) */
  guint      n_done;          /* ops with an outcome */
  gint       delta;           /* people Meta said yes to adding, less those removed */
  gboolean   is_undo;
  gboolean   probe;           /* after a pause: one operation first */
  gboolean   skip_read_back;
  guint      n_failed;
} GhApplyData;

void          _gh_apply_op_free                   (GhApplyOp           *op);
/* After Meta said yes: the row holds what was sent until a read-back says otherwise. */
void          _gh_assignment_editor_mark_applied  (GhAssignmentEditor  *self,
                                                   GhApplyOp           *op);
/* Gives each row of a finished queue its result, from Meta's answers and what a read-back
 * found (@seen: the ids listed on the pages read, NULL when none was made; @complete: the
 * whole list was read), and keeps the inverse of what went through for undo. */
void          _gh_assignment_editor_report        (GhAssignmentEditor  *self,
                                                   GhApplyData         *data,
                                                   GHashTable          *seen,
                                                   gboolean             complete);

/* gh-assignment-observe.c: what the editor tells those who watch it (see GhAssignmentWrite
 * in gh-assignment-editor.h). */
enum
{
  GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SENDING,
  GH_ASSIGNMENT_EDITOR_SIGNAL_WRITES_SETTLED,
  GH_ASSIGNMENT_EDITOR_SIGNAL_LIST_READ,
  GH_ASSIGNMENT_EDITOR_N_SIGNALS
};

void          _gh_assignment_editor_add_signals   (GObjectClass        *object_class);
/* Right before @batch (GhApplyOp*) goes out. */
void          _gh_assignment_editor_emit_sending  (GhAssignmentEditor  *self,
                                                   GhApplyData         *data,
                                                   GPtrArray           *batch);
/* Once the queue is over and reported (@seen as _gh_assignment_editor_report had it). */
void          _gh_assignment_editor_emit_settled  (GhAssignmentEditor  *self,
                                                   GhApplyData         *data,
                                                   GHashTable          *seen);
void          _gh_assignment_editor_emit_list_read (GhAssignmentEditor *self,
                                                    gboolean            complete);

G_END_DECLS
