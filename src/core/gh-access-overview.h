/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "gh-graph-client.h"
#include "gh-session.h"

G_BEGIN_DECLS

typedef enum
{
  GH_ACCESS_ACCOUNT_READ,       /* everyone Meta lists was read */
  GH_ACCESS_ACCOUNT_PARTIAL,    /* only the first page: more people are not shown */
  GH_ACCESS_ACCOUNT_FAILED,     /* could not be read */
} GhAccessAccountState;

/* One WhatsApp account as the overview read it: through which saved connection, and how
 * much of its list.  Keeps what editing it needs: the connection's client, the business,
 * the connection's own system user and the first page as Meta sent it. */
#define GH_TYPE_ACCESS_ACCOUNT (gh_access_account_get_type ())
G_DECLARE_FINAL_TYPE (GhAccessAccount, gh_access_account, GH, ACCESS_ACCOUNT, GObject)

const char          *gh_access_account_get_id               (GhAccessAccount *self);
/* The name, or the ID when it is not known. */
const char          *gh_access_account_get_name             (GhAccessAccount *self);
const char          *gh_access_account_get_business_id      (GhAccessAccount *self);
const char          *gh_access_account_get_connection_id    (GhAccessAccount *self);
const char          *gh_access_account_get_connection_label (GhAccessAccount *self);
const char          *gh_access_account_get_own_user_id      (GhAccessAccount *self);
GhGraphClient       *gh_access_account_get_client           (GhAccessAccount *self);
GhAccessAccountState gh_access_account_get_state            (GhAccessAccount *self);
/* The first page of assigned users, as Meta sent it (NULL when it could not be read). */
JsonNode            *gh_access_account_get_first_page       (GhAccessAccount *self);
/* "All 41 people read", "The first 100 of 240 people read", "Could not be read: …". */
char                *gh_access_account_describe_state       (GhAccessAccount *self);

/* One person (or system user) across every account the overview read. */
#define GH_TYPE_ACCESS_PERSON (gh_access_person_get_type ())
G_DECLARE_FINAL_TYPE (GhAccessPerson, gh_access_person, GH, ACCESS_PERSON, GObject)

const char          *gh_access_person_get_id             (GhAccessPerson  *self);
/* As Meta sent it, or the ID when blank.  Plain text. */
const char          *gh_access_person_get_name           (GhAccessPerson  *self);
gboolean             gh_access_person_get_is_system_user (GhAccessPerson  *self);
guint                gh_access_person_get_n_accounts     (GhAccessPerson  *self);
GhAccessAccount     *gh_access_person_get_account        (GhAccessPerson  *self,
                                                          guint            index);
/* The tasks on the @index-th account, in the change record's words ("MANAGE DEVELOP"). */
const char          *gh_access_person_get_tasks          (GhAccessPerson  *self,
                                                          guint            index);
/* "Lucky Shrub: Full control; Lucky Shrub Wholesale: Messaging" */
const char          *gh_access_person_get_summary        (GhAccessPerson  *self);
/* Lower-cased name and ID, for searching. */
const char          *gh_access_person_get_search_key     (GhAccessPerson  *self);

/* Who has access to what, across every saved connection and every account each reaches
 * (and the open connection when it is not saved, such as the demo): a person × account
 * view.
 *
 * Frugal with Meta's rate limit (200 calls an hour per account, and more calls extend a
 * block that also stops the company's integration): per connection, one batch holds the
 * first page (100 people) of each account it is known to reach, and, for a saved
 * connection not open, the token's own system user and the accounts it is assigned to;
 * only accounts that last question finds new cost a second batch.  Nothing reads further
 * pages: an account with more people says it was only partly read. */
#define GH_TYPE_ACCESS_OVERVIEW (gh_access_overview_get_type ())
G_DECLARE_FINAL_TYPE (GhAccessOverview, gh_access_overview, GH, ACCESS_OVERVIEW, GObject)

GhAccessOverview *gh_access_overview_new          (GhSession         *session);
GhSession        *gh_access_overview_get_session  (GhAccessOverview  *self);
void              gh_access_overview_load_async   (GhAccessOverview  *self,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
gboolean          gh_access_overview_load_finish  (GhAccessOverview  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
/* GhAccessPerson, by name; GhAccessAccount, by connection then name.  Filled by a load. */
GListModel       *gh_access_overview_get_people   (GhAccessOverview  *self);
GListModel       *gh_access_overview_get_accounts (GhAccessOverview  *self);
/* Translated sentences: connections that could not be opened or asked. */
GPtrArray        *gh_access_overview_get_problems (GhAccessOverview  *self);
/* Graph operations asked for by the last load (each counts against the rate limit), and
 * the HTTP requests that carried them. */
guint             gh_access_overview_get_n_calls    (GhAccessOverview *self);
guint             gh_access_overview_get_n_requests (GhAccessOverview *self);
/* One row per person and account: "name,id,type,connection,account,account_id,tasks,
 * list" (list: "complete" or "partial"). */
char             *gh_access_overview_to_csv       (GhAccessOverview  *self);

G_END_DECLS
