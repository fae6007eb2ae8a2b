/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gh-connection.h"
#include "gh-journal.h"
#include "gh-recheck.h"
#include "gh-rotation.h"
#include "gh-saved-connection.h"
#include "gh-token-store.h"

G_BEGIN_DECLS

/* Where the open connection came from. */
typedef enum
{
  GH_SESSION_ORIGIN_NONE,
  GH_SESSION_ORIGIN_NEW,        /* a pasted token, not saved yet */
  GH_SESSION_ORIGIN_REPLACING,  /* a pasted token for a saved connection, not saved yet */
  GH_SESSION_ORIGIN_SAVED,      /* a saved connection (or a new one once saved) */
  GH_SESSION_ORIGIN_DEMO,       /* the built-in demo, never saved */
} GhSessionOrigin;

#define GH_TYPE_SESSION_ORIGIN (gh_session_origin_get_type ())
GType gh_session_origin_get_type (void);

/* The one owner of what the app knows: the token store (the keyring, or memory for this
 * session when there is none), the saved connections, the open connection and its token,
 * what the quiet re-checks found, and which account is shown.  Windows and pages get it as a
 * property and follow it through notify and items-changed; a token handed to it is never
 * handed back.
 *
 * Properties (read-only unless said): "settings" (construct-only), "token-store",
 * "session-only" (connections last until the app closes), "connections" (GListModel of
 * GhSavedConnection, sorted by name), "findings" (GListModel of GhRecheckFinding, at most one
 * per connection), "store-error" (GError: why the keyring could not be listed, or NULL),
 * "connection" (the open GhConnection, or NULL), "origin", "replacing-id" (read-write: the
 * saved connection a pasted token is meant to replace), "waba-id" (the account shown). */
#define GH_TYPE_SESSION (gh_session_get_type ())
G_DECLARE_FINAL_TYPE (GhSession, gh_session, GH, SESSION, GObject)

/* @graph_url: NULL for Meta's server (or GATEHOUSE_GRAPH_URL; loopback only).  The Graph API
 * version is read from @settings ("graph-api-version") whenever a connection is made. */
GhSession         *gh_session_new                 (GSettings          *settings,
                                                   GhTokenStore       *store,
                                                   const char         *graph_url);

GSettings         *gh_session_get_settings        (GhSession          *self);
GhTokenStore      *gh_session_get_token_store     (GhSession          *self);
gboolean           gh_session_get_session_only    (GhSession          *self);
/* TRUE when tokens go through the Secret portal (under Flatpak), not straight to the keyring. */
gboolean           gh_session_get_keyring_is_portal (GhSession        *self);
GListModel        *gh_session_get_connections     (GhSession          *self);
GListModel        *gh_session_get_findings        (GhSession          *self);
const GError      *gh_session_get_store_error     (GhSession          *self);
GhConnection      *gh_session_get_connection      (GhSession          *self);
GhSessionOrigin    gh_session_get_origin          (GhSession          *self);
const char        *gh_session_get_replacing_id    (GhSession          *self);
void               gh_session_set_replacing_id    (GhSession          *self,
                                                   const char         *connection_id);
GhSavedConnection *gh_session_find_connection     (GhSession          *self,
                                                   const char         *connection_id);
GhRecheckFinding  *gh_session_find_finding        (GhSession          *self,
                                                   const char         *connection_id);

/* Lists the saved connections again.  The first listing that works starts the quiet
 * re-check of each saved connection (once per session), except the one that is open.
 * Fails with GH_TOKEN_STORE_ERROR (also kept as "store-error"). */
void               gh_session_reload_async        (GhSession          *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           gh_session_reload_finish       (GhSession          *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

/* For a caller that checks each connection itself, one at a time (the daily background
 * check): the first listing then starts no quiet re-checks of its own. */
void               gh_session_inhibit_launch_recheck (GhSession       *self);

/* From now on connections are kept in memory until the app closes: for people without a
 * usable keyring who chose to go on without saving. */
void               gh_session_use_session_store   (GhSession          *self);

/* Opening a connection makes it the open one and checks it (at most 2 round trips); each
 * finishes with the report, or an error when nothing could be asked.  A new open cancels
 * whatever the previous one was still doing. */

/* A saved connection: its token comes from the store; the result is recorded with it and
 * compared with last time ("findings"). */
void               gh_session_open_async          (GhSession          *self,
                                                   const char         *connection_id,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
/* A pasted token: GH_SESSION_ORIGIN_REPLACING when "replacing-id" is set, else NEW.  Nothing
 * is saved before gh_session_save_async(). */
void               gh_session_check_token_async   (GhSession          *self,
                                                   const char         *token,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
/* The demo at @url with @token; @description names it (label, business). */
void               gh_session_open_demo_async     (GhSession          *self,
                                                   const char         *url,
                                                   const char         *token,
                                                   GhSavedConnection  *description,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
/* Checks the open connection again (after a check that could not run). */
void               gh_session_retry_async         (GhSession          *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
GhCheckReport     *gh_session_open_finish         (GhSession          *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

/* Saves the open, checked pasted token: a new connection, or the one it replaces (same id,
 * name and settings; the store keeps one token per connection).  On failure nothing is
 * lost: the open connection keeps its token, ready for another try. */
void               gh_session_save_async          (GhSession          *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           gh_session_save_finish         (GhSession          *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

/* Renames a saved connection without reading or writing its token. */
void               gh_session_rename_async        (GhSession          *self,
                                                   const char         *connection_id,
                                                   const char         *label,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           gh_session_rename_finish       (GhSession          *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

void               gh_session_forget_async        (GhSession          *self,
                                                   const char         *connection_id,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           gh_session_forget_finish       (GhSession          *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

/* Checks a saved connection quietly (Check Now, and at launch) and records the result.
 * Finishes with what changed since last time (@message: the sentence, nullable out). */
void               gh_session_recheck_async       (GhSession          *self,
                                                   const char         *connection_id,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
GhRecheckChange    gh_session_recheck_finish      (GhSession          *self,
                                                   GAsyncResult       *result,
                                                   char              **message,
                                                   GError            **error);

/* The open pasted token (GH_SESSION_ORIGIN_REPLACING, checked) next to what the saved
 * connection it replaces recorded of its old token; NULL when no replacement is open. */
GhRotation        *gh_session_compare_rotation    (GhSession          *self);

/* Closes the open connection; what it was doing is cancelled. */
void               gh_session_close               (GhSession          *self);

/* The account to show: the one chosen last for this connection if the token still reaches
 * it, else the one it was saved with, else the first one the check could read.  Sets
 * "waba-id" and returns it, or NULL when the token reaches none. */
const char        *gh_session_open_account        (GhSession          *self);
/* Shows @waba_id and remembers the choice for the saved connection. */
void               gh_session_select_waba         (GhSession          *self,
                                                   const char         *waba_id);
const char        *gh_session_get_waba_id         (GhSession          *self);
/* The business portfolio the shown account belongs to, as far as anything knows it. */
const char        *gh_session_get_business_id     (GhSession          *self);

/* The change record every window writes to (gh-journal.h), opened the first time it is
 * asked for, at gh_journal_dup_default_path(). */
GhJournal         *gh_session_get_journal         (GhSession          *self);
/* How the open connection is known in the change record: the saved connection's id (NULL
 * for one never saved, such as the demo) and a name for people to read. */
const char        *gh_session_get_record_id       (GhSession          *self);
const char        *gh_session_get_record_label    (GhSession          *self);
/* The name of @waba_id as the open connection's check read it, or NULL. */
const char        *gh_session_get_waba_name       (GhSession          *self,
                                                   const char         *waba_id);

/* A connection for the saved connection @connection_id without opening it or checking it
 * (no call to Meta): its token from the store, in a client of its own.  The open connection
 * itself when it is that one.  For looking across every saved connection at once. */
void               gh_session_open_quietly_async  (GhSession          *self,
                                                   const char         *connection_id,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
GhConnection      *gh_session_open_quietly_finish (GhSession          *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

G_END_DECLS
