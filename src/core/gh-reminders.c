/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gh-reminders.h"

#define DAY (24 * 60 * 60)

/* Records, one per connection: "ends:<end>:<days>" (the reminder for that token's end at
 * that threshold went out), "stopped" and "needs-fix".  A new token has a new end, so its
 * reminders start afresh. */
#define RECORD_STOPPED   "stopped"
#define RECORD_NEEDS_FIX "needs-fix"

static const guint later_days[] = { 14, 7, 1 };

guint
gh_reminders_get_thresholds (guint first_days,
                             guint days[4])
{
  guint n = 0;

  first_days = CLAMP (first_days, GH_REMINDERS_MIN_DAYS, GH_REMINDERS_MAX_DAYS);
  days[n++] = first_days;
  for (guint i = 0; i < G_N_ELEMENTS (later_days); i++)
    if (later_days[i] < first_days)
      days[n++] = later_days[i];

  return n;
}

/* The threshold an "ends:" record of the token ending at @expires_at holds, or 0. */
static guint
sent_threshold (const char *sent,
                gint64      expires_at)
{
  gint64 end = 0;
  guint days = 0;

  if (sent == NULL || sscanf (sent, "ends:%" G_GINT64_FORMAT ":%u", &end, &days) != 2)
    return 0;

  return end == expires_at ? days : 0;
}

GhReminderKind
gh_reminders_decide (GhSavedConnection  *saved,
                     GhRecheckChange     change,
                     gint64              now,
                     guint               first_days,
                     const char         *sent,
                     char              **record_out,
                     int                *days_left_out)
{
  gint64 expires_at;
  gint64 remaining;
  guint days[4];
  guint n_days;
  guint crossed = 0;
  guint already;

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (saved), GH_REMINDER_NONE);
  g_return_val_if_fail (record_out != NULL, GH_REMINDER_NONE);

  expires_at = gh_saved_connection_get_expires_at (saved);
  remaining = expires_at - now;
  if (days_left_out != NULL)
    *days_left_out = expires_at > 0 ? (int) (MAX (remaining, 0) / DAY) : -1;

  /* Said once for as long as it lasts; the record goes when the token works again. */
  if (change == GH_RECHECK_TOKEN_REJECTED || (expires_at > 0 && remaining <= 0))
    {
      *record_out = g_strdup (RECORD_STOPPED);
      return g_strcmp0 (sent, RECORD_STOPPED) == 0 ? GH_REMINDER_NONE : GH_REMINDER_STOPPED;
    }
  if (change == GH_RECHECK_PERMISSION_LOST || change == GH_RECHECK_ACCESS_LOST)
    {
      *record_out = g_strdup (RECORD_NEEDS_FIX);
      return g_strcmp0 (sent, RECORD_NEEDS_FIX) == 0 ? GH_REMINDER_NONE : GH_REMINDER_NEEDS_FIX;
    }

  /* The tightest threshold the end has come within. */
  n_days = gh_reminders_get_thresholds (first_days, days);
  for (guint i = 0; expires_at > 0 && i < n_days; i++)
    if (remaining <= (gint64) days[i] * DAY)
      crossed = days[i];

  if (crossed == 0)
    {
      /* Something else fails, which the person hears about when opening it: what was said
       * still stands. */
      *record_out = change == GH_RECHECK_FAILING ? g_strdup (sent) : NULL;
      return GH_REMINDER_NONE;
    }

  /* A run missed (the computer was off) skips the thresholds in between. */
  already = sent_threshold (sent, expires_at);
  if (already != 0 && already <= crossed)
    {
      *record_out = g_strdup (sent);
      return GH_REMINDER_NONE;
    }

  *record_out = g_strdup_printf ("ends:%" G_GINT64_FORMAT ":%u", expires_at, crossed);
  return GH_REMINDER_ENDS_SOON;
}

static const char *
label_of (GhSavedConnection *saved)
{
  const char *label = gh_saved_connection_get_label (saved);

  return label != NULL ? label : _("your connection");
}

char *
gh_reminders_dup_title (GhReminderKind     kind,
                        GhSavedConnection *saved,
                        int                days_left)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (saved), NULL);

  switch (kind)
    {
    case GH_REMINDER_ENDS_SOON:
      if (days_left <= 0)
        /* Translators: %s is the name of a saved connection */
        return g_strdup_printf (_("The token of “%s” ends within a day"), label_of (saved));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %s is the name of a saved
                                            * connection, %d a number of days */
                                           "The token of “%s” ends in %d day",
                                           "The token of “%s” ends in %d days",
                                           days_left),
                              label_of (saved), days_left);
    case GH_REMINDER_STOPPED:
      /* Translators: %s is the name of a saved connection */
      return g_strdup_printf (_("The token of “%s” has stopped working"), label_of (saved));
    case GH_REMINDER_NEEDS_FIX:
      /* Translators: %s is the name of a saved connection */
      return g_strdup_printf (_("“%s” needs attention"), label_of (saved));
    case GH_REMINDER_NONE:
    default:
      return NULL;
    }
}

char *
gh_reminders_dup_body (GhReminderKind     kind,
                       GhSavedConnection *saved,
                       GhRecheckChange    change)
{
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (saved), NULL);

  switch (kind)
    {
    case GH_REMINDER_ENDS_SOON:
      end = g_date_time_new_from_unix_local (gh_saved_connection_get_expires_at (saved));
      /* Translators: a date, e.g. "12 March" */
      date = end != NULL ? g_date_time_format (end, _("%-d %B")) : g_strdup ("?");
      /* Translators: %s is a date */
      return g_strdup_printf (_("Your integration stops on %s unless it gets a new token. "
                                "Gatehouse walks you through replacing it."), date);
    case GH_REMINDER_STOPPED:
      return g_strdup (_("Meta no longer accepts it, so your integration cannot reach WhatsApp. "
                         "Replace it with a new token."));
    case GH_REMINDER_NEEDS_FIX:
      if (change == GH_RECHECK_PERMISSION_LOST)
        return g_strdup (_("Its token lost a permission the integration needs. Replace it with "
                           "a new token that has every permission ticked."));
      return g_strdup (_("Its token no longer reaches the WhatsApp Business Account. Open "
                         "Gatehouse to see what to fix."));
    case GH_REMINDER_NONE:
    default:
      return NULL;
    }
}

const char *
gh_reminders_get_action (GhReminderKind  kind,
                         GhRecheckChange change)
{
  if (kind == GH_REMINDER_NEEDS_FIX && !gh_recheck_needs_new_token (change))
    return "app.open-connection";

  return "app.rotate";
}
