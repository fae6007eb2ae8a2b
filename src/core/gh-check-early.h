/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-connection.h"
#include "gh-graph-client.h"

G_BEGIN_DECLS

/* The check's operations of its second round trip on one account, and on the business's
 * system users. */
typedef enum
{
  GH_CHECK_OP_ACCOUNT,
  GH_CHECK_OP_DETAILS,
  GH_CHECK_OP_APPS,
  GH_CHECK_OP_SYSTEM_USERS,
} GhCheckOp;

/* A saved connection's accounts and business are known before anything is read: the
 * operations of the check's second round trip on them ride in its first, so a connection
 * whose accounts are still those it saved is checked in one round trip. */
typedef struct _GhCheckEarly GhCheckEarly;

/* Adds to @requests (the first batch, @n_prefetch of them the prefetched overview's after
 * the first @n_first) the operations on the accounts @self's token reached at the last check
 * and on its business's system users, as many as fit; none without a saved connection.
 * @users_query is the system users' path after the business ID. */
GhCheckEarly       *_gh_check_early_add       (GhConnection *self,
                                               GPtrArray    *requests,
                                               guint         n_first,
                                               guint         n_prefetch,
                                               guint         max_accounts,
                                               const char   *users_query);
/* Takes the answers of the first batch, borrowed: they must outlive @early's use. */
void                _gh_check_early_take      (GhCheckEarly *early,
                                               GPtrArray    *results);
/* The answer held for @op on @waba_id (on @business_id for the system users), or NULL. */
GhGraphBatchResult *_gh_check_early_answer    (GhCheckEarly *early,
                                               GhCheckOp     op,
                                               const char   *waba_id,
                                               const char   *business_id);
/* The @index-th early account's own fields, NULL past the last. */
GhGraphBatchResult *_gh_check_early_account   (GhCheckEarly *early,
                                               guint         index);
void                _gh_check_early_free      (GhCheckEarly *early);

G_END_DECLS
