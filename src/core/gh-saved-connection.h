/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The non-secret description of a saved connection: what the welcome page lists.  The token
 * itself lives only in the keyring (GhTokenStore). */
#define GH_TYPE_SAVED_CONNECTION (gh_saved_connection_get_type ())
G_DECLARE_FINAL_TYPE (GhSavedConnection, gh_saved_connection, GH, SAVED_CONNECTION, GObject)

/* A new connection with a fresh random id. */
GhSavedConnection *gh_saved_connection_new                  (void);
GhSavedConnection *gh_saved_connection_new_with_id          (const char        *id);
GhSavedConnection *gh_saved_connection_copy                 (GhSavedConnection *self);

const char        *gh_saved_connection_get_id               (GhSavedConnection *self);
const char        *gh_saved_connection_get_label            (GhSavedConnection *self);
void               gh_saved_connection_set_label            (GhSavedConnection *self,
                                                             const char        *label);
const char        *gh_saved_connection_get_business_id      (GhSavedConnection *self);
void               gh_saved_connection_set_business_id      (GhSavedConnection *self,
                                                             const char        *business_id);
const char        *gh_saved_connection_get_business_name    (GhSavedConnection *self);
void               gh_saved_connection_set_business_name    (GhSavedConnection *self,
                                                             const char        *business_name);
const char        *gh_saved_connection_get_system_user_name (GhSavedConnection *self);
void               gh_saved_connection_set_system_user_name (GhSavedConnection *self,
                                                             const char        *name);
const char        *gh_saved_connection_get_waba_id          (GhSavedConnection *self);
void               gh_saved_connection_set_waba_id          (GhSavedConnection *self,
                                                             const char        *waba_id);
/* Unix seconds of the last check, 0 = never; and whether every required item held. */
gint64             gh_saved_connection_get_last_checked     (GhSavedConnection *self);
gboolean           gh_saved_connection_get_last_check_ok    (GhSavedConnection *self);
void               gh_saved_connection_set_last_check       (GhSavedConnection *self,
                                                             gint64             when,
                                                             gboolean           ok);

/* The permissions the token had at the last check, comma-separated wire names (NULL:
 * unknown), and when it expires (Unix seconds, 0 = never or unknown). */
const char        *gh_saved_connection_get_scopes           (GhSavedConnection *self);
void               gh_saved_connection_set_scopes           (GhSavedConnection *self,
                                                             const char        *scopes);
gboolean           gh_saved_connection_had_scope            (GhSavedConnection *self,
                                                             const char        *scope);
gint64             gh_saved_connection_get_expires_at       (GhSavedConnection *self);
void               gh_saved_connection_set_expires_at       (GhSavedConnection *self,
                                                             gint64             expires_at);

/* Who and what the token was at the last check, to compare a replacement with: the system
 * user's id, the app's id and name, and the ids of the WhatsApp Business Accounts it reached
 * (comma-separated).  NULL: not recorded (saved by an older version, or never checked). */
const char        *gh_saved_connection_get_system_user_id   (GhSavedConnection *self);
void               gh_saved_connection_set_system_user_id   (GhSavedConnection *self,
                                                             const char        *user_id);
const char        *gh_saved_connection_get_app_id           (GhSavedConnection *self);
void               gh_saved_connection_set_app_id           (GhSavedConnection *self,
                                                             const char        *app_id);
const char        *gh_saved_connection_get_app_name         (GhSavedConnection *self);
void               gh_saved_connection_set_app_name         (GhSavedConnection *self,
                                                             const char        *app_name);
const char        *gh_saved_connection_get_account_ids      (GhSavedConnection *self);
void               gh_saved_connection_set_account_ids      (GhSavedConnection *self,
                                                             const char        *account_ids);

/* Two lines for a list: the business and the system user, then when it was last checked and
 * whether it worked ("Worked on 22 Nov 2026"). */
char              *gh_saved_connection_dup_description      (GhSavedConnection *self);

G_END_DECLS
