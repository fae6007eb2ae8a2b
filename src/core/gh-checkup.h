/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "gh-access-diff.h"
#include "gh-task.h"

G_BEGIN_DECLS

/* The security checkup of one account, from what the token can read: who has access, the
 * business's people (two-factor status, pending invitations) and its system users.  Pure:
 * no I/O.  Each finding says why it matters and how to fix it: a change to stage in the
 * grid for each person it names, or a page of Business Suite. */

/* More people than this with Full control is more than a small business needs. */
#define GH_CHECKUP_MAX_FULL_CONTROL 2

typedef enum
{
  GH_CHECKUP_NO_TWO_FACTOR,            /* people with access without two-factor auth */
  GH_CHECKUP_TOO_MANY_FULL_CONTROL,    /* more people with Full control than needed */
  GH_CHECKUP_INTEGRATION_FULL_CONTROL, /* the connection's own system user has Full control */
  GH_CHECKUP_SYSTEM_USER_FULL_CONTROL, /* other system users with Full control */
  GH_CHECKUP_PENDING_INVITATION,       /* invited to the business, not joined yet */
  GH_CHECKUP_NOT_READ,                 /* the business's people could not be read */
} GhCheckupKind;

typedef enum
{
  GH_CHECKUP_SEVERITY_WARNING,   /* a risk to fix */
  GH_CHECKUP_SEVERITY_ADVICE,    /* Meta's advice not followed */
  GH_CHECKUP_SEVERITY_INFO,      /* what could not be checked */
} GhCheckupSeverity;

typedef enum
{
  GH_CHECKUP_FIX_NONE,
  GH_CHECKUP_FIX_REMOVE,         /* stage taking the person's access away */
  GH_CHECKUP_FIX_SET_TASKS,      /* stage these tasks instead */
} GhCheckupFix;

typedef enum
{
  GH_TWO_FACTOR_UNKNOWN,
  GH_TWO_FACTOR_ON,
  GH_TWO_FACTOR_OFF,
} GhTwoFactor;

/* One person a finding names, and the staged change that fixes it for them. */
typedef struct
{
  char         *id;
  char         *name;
  char         *detail;      /* a translated line: their tasks, the invitation's address */
  GhCheckupFix  fix;
  GhTaskFlags   tasks;       /* GH_CHECKUP_FIX_SET_TASKS */
  char         *fix_label;   /* "Remove from This Account", with a mnemonic */
} GhCheckupPerson;

typedef struct
{
  GhCheckupKind      kind;
  GhCheckupSeverity  severity;
  char              *title;
  char              *why;
  char              *link_uri;    /* nullable: the Business Suite page that fixes it */
  char              *link_label;  /* with a mnemonic */
  GPtrArray         *people;      /* GhCheckupPerson* */
} GhCheckupFinding;

void              gh_checkup_finding_free (GhCheckupFinding *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhCheckupFinding, gh_checkup_finding_free)

typedef struct
{
  GPtrArray  *assigned;        /* GhAccessHolder*: who has access to the account */
  GPtrArray  *business_users;  /* GhBusinessUser*; NULL: could not be read */
  const char *not_read_reason; /* why they could not be read (translated), nullable */
  const char *own_user_id;     /* the connection's system user, nullable */
  const char *business_id;     /* for the Business Suite links, nullable */
} GhCheckupInput;

/* Meta's two_fac_status, an open string: the words that say on or off, anything else
 * unknown. */
GhTwoFactor       gh_checkup_read_two_factor (const char           *status);
/* GhCheckupFinding*, most serious first; empty when all is well. */
GPtrArray        *gh_checkup_run             (const GhCheckupInput *input);

G_END_DECLS
