/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libsecret/secret.h>

#include "gh-token-store.h"

G_BEGIN_DECLS

/* Shared by the store (its queue and in-memory variant, gh-token-store.c) and the keyring
 * operations (libsecret, gh-token-store-keyring.c). */

struct _GhTokenStore
{
  GObject parent_instance;

  /* connection id → MemoryEntry; NULL for the keyring store */
  GHashTable *memory;
  /* A save is a clear then a store: two saves of one connection running together would
   * leave two items, and a load between the two steps would find nothing.  So while a save
   * runs, other saves, loads and lists wait. */
  GQueue      pending;
  gboolean    saving;
  /* How often a token was read as a string: tests prove that renaming never does. */
  guint       token_reads;
};

typedef enum
{
  OP_SAVE,
  OP_LIST,
  OP_LOAD,
  OP_FORGET,
  OP_UPDATE,
} Operation;

typedef struct
{
  Operation op;
  GHashTable *attributes;
  char *item_label;
  char *token;
  char *connection_id;
  GhSavedConnection *connection;
  /* OP_UPDATE through the file backend: the secret as libsecret holds it, never a string of
   * ours. */
  SecretValue *value;
} OpData;

GError *_gh_token_store_not_found_error     (void);
int     _gh_token_store_compare_connections (gconstpointer  a,
                                             gconstpointer  b);
/* Starts @task's operation in the keyring; takes @task. */
void    _gh_token_store_keyring_start       (GTask         *task);
/* A save or update that held the queue is over: start what waited. */
void    _gh_token_store_release_queue       (GTask         *task);

/* One plain sentence for what libsecret reported, by its error codes: no keyring, a locked
 * one (a refused or cancelled unlock included), or a failure of @op. */
GError *_gh_token_store_map_error           (const GError  *error,
                                             Operation      op,
                                             GCancellable  *cancellable);

/* For tests. */
guint   _gh_token_store_get_token_reads     (GhTokenStore  *self);

G_END_DECLS
