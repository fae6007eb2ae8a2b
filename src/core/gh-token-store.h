/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "gh-saved-connection.h"

G_BEGIN_DECLS

/* Keeps each connection's token in the desktop keyring (libsecret, our own schema), the
 * connection's non-secret description in the item's attributes.  An in-memory variant
 * serves the demo and sessions without a keyring. */
#define GH_TYPE_TOKEN_STORE (gh_token_store_get_type ())
G_DECLARE_FINAL_TYPE (GhTokenStore, gh_token_store, GH, TOKEN_STORE, GObject)

#define GH_TOKEN_STORE_ERROR (gh_token_store_error_quark ())

typedef enum
{
  GH_TOKEN_STORE_ERROR_UNAVAILABLE,  /* no Secret Service on the bus */
  GH_TOKEN_STORE_ERROR_LOCKED,       /* keyring locked and unlocking failed or was dismissed */
  GH_TOKEN_STORE_ERROR_NOT_FOUND,
  GH_TOKEN_STORE_ERROR_FAILED,
} GhTokenStoreError;

GQuark        gh_token_store_error_quark  (void);

/* Whether Gatehouse runs as a Flatpak: the token is then kept by the Secret portal, in an
 * encrypted file in the app's own data, not in the keyring Passwords and Keys shows. */
gboolean      gh_token_store_is_sandboxed (void);

/* The schema name: io.github.gatehouse_app.Gatehouse.Token */
const char   *gh_token_store_get_schema_name (void);

GhTokenStore *gh_token_store_new          (void);
GhTokenStore *gh_token_store_new_in_memory (void);
gboolean      gh_token_store_is_in_memory (GhTokenStore *self);

/* Saves or replaces (same connection id) the token and description. */
void          gh_token_store_save_async   (GhTokenStore        *self,
                                           GhSavedConnection   *connection,
                                           const char          *token,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      gh_token_store_save_finish  (GhTokenStore        *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* GPtrArray of GhSavedConnection, sorted by label. */
void          gh_token_store_list_async   (GhTokenStore        *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray    *gh_token_store_list_finish  (GhTokenStore        *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* The token, to be freed with gh_secret_free (it wipes the memory). */
void          gh_token_store_load_async   (GhTokenStore        *self,
                                           const char          *connection_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
char         *gh_token_store_load_finish  (GhTokenStore        *self,
                                           GAsyncResult        *result,
                                           GError             **error);

void          gh_token_store_forget_async (GhTokenStore        *self,
                                           const char          *connection_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      gh_token_store_forget_finish (GhTokenStore       *self,
                                            GAsyncResult       *result,
                                            GError            **error);

/* Changes the description kept with a saved token (its name, the last check) without
 * reading or writing the token itself.  Fails with GH_TOKEN_STORE_ERROR_NOT_FOUND when
 * nothing is saved under the connection's id. */
void          gh_token_store_update_async (GhTokenStore        *self,
                                           GhSavedConnection   *connection,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      gh_token_store_update_finish (GhTokenStore       *self,
                                            GAsyncResult       *result,
                                            GError            **error);

G_END_DECLS
