/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "gh-recheck.h"
#include "gh-saved-connection.h"

G_BEGIN_DECLS

/* What the daily background check tells a person about one saved connection, and when:
 * once per threshold before its token ends (the days chosen in Preferences, then 14, 7 and 1
 * below it), once when Meta stops accepting the token, once when it loses a permission or
 * its accounts.  What was sent is kept as a short record per connection (never the token),
 * so nothing is said twice.  Pure: no I/O. */

typedef enum
{
  GH_REMINDER_NONE,
  GH_REMINDER_ENDS_SOON,   /* the token ends within a threshold */
  GH_REMINDER_STOPPED,     /* Meta no longer accepts the token */
  GH_REMINDER_NEEDS_FIX,   /* it works but lost a permission or its accounts */
} GhReminderKind;

#define GH_REMINDERS_MIN_DAYS 1
#define GH_REMINDERS_MAX_DAYS 30

/* The days before the end at which a reminder goes out, largest first: @first_days, then
 * those of 14, 7 and 1 below it.  Returns how many were written into @days (at most 4). */
guint           gh_reminders_get_thresholds (guint              first_days,
                                             guint              days[4]);

/* @saved: the connection as the check just recorded it (its end date is the new token's);
 * @change: what the check found; @sent: the record kept from earlier reminders, or NULL.
 * Returns what to send now (GH_REMINDER_NONE: nothing); @record_out receives the record to
 * keep from now on (NULL: forget it); @days_left_out (nullable) whole days before the end. */
GhReminderKind  gh_reminders_decide         (GhSavedConnection  *saved,
                                             GhRecheckChange     change,
                                             gint64              now,
                                             guint               first_days,
                                             const char         *sent,
                                             char              **record_out,
                                             int                *days_left_out);

/* The notification: a title and a body (translated, naming the connection) and the app
 * action that leads to the fix ("app.rotate" or "app.open-connection", with the
 * connection's id as its target). */
char           *gh_reminders_dup_title      (GhReminderKind      kind,
                                             GhSavedConnection  *saved,
                                             int                 days_left);
char           *gh_reminders_dup_body       (GhReminderKind      kind,
                                             GhSavedConnection  *saved,
                                             GhRecheckChange     change);
const char     *gh_reminders_get_action     (GhReminderKind      kind,
                                             GhRecheckChange     change);

G_END_DECLS
