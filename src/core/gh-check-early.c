/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-connection"

#include "config.h"

#include "gh-check-early.h"
#include "gh-connection-private.h"

/* One known account's operations in the first batch: indexes into its answers by
 * GhCheckOp (-1: not asked), then the answers themselves, borrowed. */
typedef struct
{
  char               *waba_id;
  int                 index[GH_CHECK_OP_APPS + 1];
  GhGraphBatchResult *answer[GH_CHECK_OP_APPS + 1];
} EarlyAccount;

struct _GhCheckEarly
{
  GPtrArray          *accounts;   /* EarlyAccount */
  char               *business_id;
  int                 users_index;
  GhGraphBatchResult *users;
};

static void
early_account_free (EarlyAccount *account)
{
  g_free (account->waba_id);
  g_free (account);
}

static EarlyAccount *
find_account (GhCheckEarly *early,
              const char   *waba_id)
{
  for (guint i = 0; i < early->accounts->len; i++)
    {
      EarlyAccount *account = g_ptr_array_index (early->accounts, i);

      if (g_strcmp0 (account->waba_id, waba_id) == 0)
        return account;
    }
  return NULL;
}

/* An account's fields and readiness; the prefetched overview's readiness answers when it is
 * that account, so that nothing is asked twice. */
static void
add_account (GhCheckEarly *early,
             GhConnection *self,
             GPtrArray    *requests,
             guint         n_first,
             guint         n_prefetch,
             const char   *waba_id)
{
  EarlyAccount *account = g_new0 (EarlyAccount, 1);
  g_autofree char *account_url = g_strdup_printf ("%s?fields=" GH_CONNECTION_ACCOUNT_FIELDS,
                                                  waba_id);
  g_autoptr(GPtrArray) pair = g_ptr_array_new_with_free_func (
    (GDestroyNotify) gh_graph_batch_request_free);

  account->waba_id = g_strdup (waba_id);
  account->index[GH_CHECK_OP_ACCOUNT] = requests->len;
  g_ptr_array_add (requests, _gh_connection_get_request (account_url));
  if (n_prefetch >= 4 && g_strcmp0 (_gh_connection_get_prefetch_waba_id (self), waba_id) == 0)
    {
      /* The overview's four: basic, business, then the readiness pair. */
      account->index[GH_CHECK_OP_DETAILS] = n_first + 2;
      account->index[GH_CHECK_OP_APPS] = n_first + 3;
    }
  else
    {
      _gh_connection_add_readiness_requests (pair, waba_id);
      account->index[GH_CHECK_OP_DETAILS] = requests->len;
      g_ptr_array_add (requests, g_ptr_array_steal_index (pair, 0));
      account->index[GH_CHECK_OP_APPS] = requests->len;
      g_ptr_array_add (requests, g_ptr_array_steal_index (pair, 0));
    }
  g_ptr_array_add (early->accounts, account);
}

GhCheckEarly *
_gh_check_early_add (GhConnection *self,
                     GPtrArray    *requests,
                     guint         n_first,
                     guint         n_prefetch,
                     guint         max_accounts,
                     const char   *users_query)
{
  GhCheckEarly *early = g_new0 (GhCheckEarly, 1);
  GhSavedConnection *saved = gh_connection_get_saved (self);
  const char *business_id = saved != NULL ? gh_saved_connection_get_business_id (saved) : NULL;
  const char *account_ids = saved != NULL ? gh_saved_connection_get_account_ids (saved) : NULL;
  g_auto(GStrv) known = g_strsplit (account_ids != NULL ? account_ids : "", ",", -1);

  early->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) early_account_free);
  early->users_index = -1;
  if (saved == NULL)
    return early;

  if (_gh_connection_is_graph_id (business_id))
    {
      g_autofree char *users_url = g_strdup_printf ("%s/%s", business_id, users_query);

      early->business_id = g_strdup (business_id);
      early->users_index = requests->len;
      g_ptr_array_add (requests, _gh_connection_get_request (users_url));
    }

  /* The chosen account first, then the others of the last check. */
  for (guint i = 0; i == 0 || known[i - 1] != NULL; i++)
    {
      const char *waba_id = i == 0 ? gh_saved_connection_get_waba_id (saved) : known[i - 1];

      if (!_gh_connection_is_graph_id (waba_id) || find_account (early, waba_id) != NULL)
        continue;
      if (requests->len + 3 > GH_GRAPH_MAX_BATCH || early->accounts->len >= max_accounts)
        break;
      add_account (early, self, requests, n_first, n_prefetch, waba_id);
    }

  return early;
}

void
_gh_check_early_take (GhCheckEarly *early,
                      GPtrArray    *results)
{
  for (guint i = 0; i < early->accounts->len; i++)
    {
      EarlyAccount *account = g_ptr_array_index (early->accounts, i);

      for (guint op = 0; op < G_N_ELEMENTS (account->index); op++)
        if (account->index[op] >= 0 && (guint) account->index[op] < results->len)
          account->answer[op] = g_ptr_array_index (results, account->index[op]);
    }
  if (early->users_index >= 0 && (guint) early->users_index < results->len)
    early->users = g_ptr_array_index (results, early->users_index);
}

GhGraphBatchResult *
_gh_check_early_answer (GhCheckEarly *early,
                        GhCheckOp     op,
                        const char   *waba_id,
                        const char   *business_id)
{
  EarlyAccount *account;

  if (op == GH_CHECK_OP_SYSTEM_USERS)
    return business_id != NULL && g_strcmp0 (business_id, early->business_id) == 0
           ? early->users : NULL;

  account = find_account (early, waba_id);
  return account != NULL ? account->answer[op] : NULL;
}

GhGraphBatchResult *
_gh_check_early_account (GhCheckEarly *early,
                         guint         index)
{
  EarlyAccount *account;

  if (index >= early->accounts->len)
    return NULL;

  account = g_ptr_array_index (early->accounts, index);
  return account->answer[GH_CHECK_OP_ACCOUNT];
}

void
_gh_check_early_free (GhCheckEarly *early)
{
  if (early == NULL)
    return;

  g_ptr_array_unref (early->accounts);
  g_free (early->business_id);
  g_free (early);
}
