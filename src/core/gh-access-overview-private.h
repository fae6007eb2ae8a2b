/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-access-overview.h"

G_BEGIN_DECLS

/* Shared by the overview's files: gh-access-person.c (the accounts and people it shows)
 * and gh-access-overview.c (reading them). */

GhAccessAccount *_gh_access_account_new        (const char          *account_id,
                                                const char          *account_name,
                                                const char          *business_id,
                                                const char          *connection_id,
                                                const char          *connection_label,
                                                const char          *own_user_id,
                                                GhGraphClient       *client);
/* What the first page said: how many people it held, Meta's total, and whether the list
 * goes on; or why it could not be read. */
void             _gh_access_account_set_page   (GhAccessAccount     *self,
                                                JsonNode            *page,
                                                guint                n_read,
                                                gint64               total,
                                                gboolean             has_more);
void             _gh_access_account_set_failed (GhAccessAccount     *self,
                                                const char          *message);
/* Another connection reaches the account with Full control: changes go through it. */
void             _gh_access_account_set_connection (GhAccessAccount *self,
                                                    const char      *connection_id,
                                                    const char      *connection_label,
                                                    const char      *own_user_id,
                                                    GhGraphClient   *client);

GhAccessPerson  *_gh_access_person_new         (const char          *id,
                                                const char          *name,
                                                gboolean             is_system_user);
void             _gh_access_person_add         (GhAccessPerson      *self,
                                                GhAccessAccount     *account,
                                                const char          *tasks);
/* Sorting for the list: by name, then ID. */
int              _gh_access_person_compare     (gconstpointer        a,
                                                gconstpointer        b,
                                                gpointer             user_data);

G_END_DECLS
