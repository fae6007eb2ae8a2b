/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-session.h"

G_BEGIN_DECLS

/* Shared by the session's files: gh-session.c (state and saved connections),
 * gh-session-check.c (opening, checking, saving, re-checks), gh-session-accounts.c,
 * gh-session-record.c (the change record, and connections opened without a check). */

struct _GhSession
{
  GObject          parent_instance;

  GSettings       *settings;
  GhTokenStore    *store;
  char            *graph_url;
  GListStore      *connections;
  GListStore      *findings;
  GError          *store_error;
  gboolean         launch_rechecked;

  GhConnection    *connection;
  GhSessionOrigin  origin;
  /* The saved connection that is open or being opened: its own check makes a quiet one
   * redundant. */
  char            *opened_id;
  char            *replacing_id;
  char            *waba_id;
  /* connection id → GCancellable of its launch re-check in flight */
  GHashTable      *launch_rechecks;

  /* The open connection's work, cancelled when another one opens. */
  GCancellable    *cancellable;
  /* Quiet re-checks and keyring updates, which run beside whatever the person does. */
  GCancellable    *background;

  /* The change record, once asked for (gh-session-record.c). */
  GhJournal       *journal;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_TOKEN_STORE,
  PROP_SESSION_ONLY,
  PROP_CONNECTIONS,
  PROP_FINDINGS,
  PROP_STORE_ERROR,
  PROP_CONNECTION,
  PROP_ORIGIN,
  PROP_REPLACING_ID,
  PROP_WABA_ID,
  N_PROPS
};

extern GParamSpec *_gh_session_properties[N_PROPS];

gboolean      _gh_session_replace_string          (char              **field,
                                                   const char         *value);
gboolean      _gh_session_find_position           (GListModel         *model,
                                                   const char         *connection_id,
                                                   guint              *position);
GCancellable *_gh_session_restart_cancellable     (GhSession          *self);
void          _gh_session_set_waba_id             (GhSession          *self,
                                                   const char         *waba_id);
void          _gh_session_set_connection          (GhSession          *self,
                                                   GhConnection       *connection,
                                                   GhSessionOrigin     origin);
void          _gh_session_replace_connection_item (GhSession          *self,
                                                   GhSavedConnection  *saved);
void          _gh_session_set_finding             (GhSession          *self,
                                                   GhSavedConnection  *saved,
                                                   GhRecheckChange     change,
                                                   const char         *message);
GhConnection *_gh_session_new_connection          (GhSession          *self,
                                                   const char         *url,
                                                   const char         *token,
                                                   GhSavedConnection  *saved,
                                                   GError            **error);
void          _gh_session_record_check            (GhSession          *self,
                                                   GhSavedConnection  *before,
                                                   GhCheckReport      *report,
                                                   GhRecheckChange    *change_out,
                                                   char              **message_out);
void          _gh_session_start_launch_recheck    (GhSession          *self);
/* The account last chosen for @saved in the switcher, or NULL. */
char         *_gh_session_dup_remembered_waba     (GhSession          *self,
                                                   GhSavedConnection  *saved);
/* Records which saved connection is open (NULL: none) and stops its quiet re-check. */
void          _gh_session_set_opened_id           (GhSession          *self,
                                                   const char         *connection_id);
/* Ends the GTask in @user_data with TRUE once the list is read again. */
void          _gh_session_reloaded_cb             (GObject            *object,
                                                   GAsyncResult       *result,
                                                   gpointer            user_data);

G_END_DECLS
