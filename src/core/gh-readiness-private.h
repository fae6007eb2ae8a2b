/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-check-report-private.h"
#include "gh-readiness.h"

G_BEGIN_DECLS

/* The readiness evaluation's insides, shared by gh-readiness.c (the account, its webhooks and
 * its summary) and gh-readiness-rows.c (health, the limit, each phone number). */

struct _GhAccountReadiness
{
  GObject       parent_instance;

  GhWaba       *waba;
  char         *business_id;
  GPtrArray    *items;
  GhReadyState  send;
  char         *send_sentence;
  GhReadyState  receive;
  char         *receive_sentence;
  int           subscribed;
  GStrv         other_apps;
  GStrv         webhook_hosts;
  gboolean      can_subscribe;
};

/* Pages of Business Suite and WhatsApp Manager that fix what the rows report. */
typedef enum
{
  GH_READINESS_PAGE_ACCOUNT_SETTINGS,
  GH_READINESS_PAGE_SECURITY_CENTER,
  GH_READINESS_PAGE_PHONE_NUMBERS,
} GhReadinessPage;

/* How the numbers of the account fared, for the account's summary. */
typedef struct
{
  guint ready;      /* can send and receive */
  guint limited;    /* can, with limits */
  guint broken;     /* cannot */
} GhPhoneCounts;

/* A row about the account, appended to its items. */
GhCheckItem  *_gh_readiness_add_item         (GhAccountReadiness       *self,
                                              const char               *id,
                                              GhCheckStatus             status,
                                              const char               *title,
                                              const char               *description,
                                              const char               *fix);
void          _gh_readiness_set_link         (GhAccountReadiness       *self,
                                              GhCheckItem              *item,
                                              GhReadinessPage           page);
void          _gh_readiness_append_sentence  (GString                  *text,
                                              const char               *sentence);

/* The account's health_status rows; returns how free it is to send. */
GhCheckStatus _gh_readiness_add_health_items (GhAccountReadiness       *self,
                                              const GError             *details_error);
void          _gh_readiness_add_limit_item   (GhAccountReadiness       *self);
void          _gh_readiness_add_phone_item   (GhAccountReadiness       *self,
                                              GhPhoneNumber            *phone,
                                              const GhReadinessContext *context,
                                              GhPhoneCounts            *counts);

G_END_DECLS
