/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-reminders"

#include "config.h"

#include <string.h>

#include "gh-reminders.h"

/* When the daily background check speaks up about a connection, and what it says. */

#define DAY (24 * 60 * 60)
#define START 1800000000  /* an arbitrary "now" in 2027 */

static GhSavedConnection *
saved_new (gint64 expires_at)
{
  GhSavedConnection *saved = gh_saved_connection_new ();

  gh_saved_connection_set_label (saved, "Front desk");
  gh_saved_connection_set_expires_at (saved, expires_at);
  return saved;
}

static void
test_thresholds (void)
{
  guint days[4];

  g_assert_cmpuint (gh_reminders_get_thresholds (14, days), ==, 3);
  g_assert_cmpuint (days[0], ==, 14);
  g_assert_cmpuint (days[1], ==, 7);
  g_assert_cmpuint (days[2], ==, 1);

  g_assert_cmpuint (gh_reminders_get_thresholds (30, days), ==, 4);
  g_assert_cmpuint (days[0], ==, 30);
  g_assert_cmpuint (days[1], ==, 14);

  g_assert_cmpuint (gh_reminders_get_thresholds (3, days), ==, 2);
  g_assert_cmpuint (days[0], ==, 3);
  g_assert_cmpuint (days[1], ==, 1);

  g_assert_cmpuint (gh_reminders_get_thresholds (1, days), ==, 1);
  g_assert_cmpuint (gh_reminders_get_thresholds (0, days), ==, 1);
  g_assert_cmpuint (days[0], ==, 1);
  g_assert_cmpuint (gh_reminders_get_thresholds (400, days), ==, 4);
  g_assert_cmpuint (days[0], ==, GH_REMINDERS_MAX_DAYS);
}

/* A 60-day token followed day by day: one reminder at 14, 7 and 1 days, never two. */
static void
test_day_by_day (void)
{
  gint64 end = START + 60 * DAY;
  g_autoptr(GhSavedConnection) saved = saved_new (end);
  g_autofree char *sent = NULL;
  guint reminders = 0;
  int reminded_at[3] = { 0, 0, 0 };

  for (gint64 now = START; now < end; now += DAY)
    {
      char *record = NULL;
      int days_left = 0;
      GhReminderKind kind;

      kind = gh_reminders_decide (saved, GH_RECHECK_NONE, now, 14, sent, &record, &days_left);
      if (kind != GH_REMINDER_NONE)
        {
          g_assert_cmpint (kind, ==, GH_REMINDER_ENDS_SOON);
          g_assert_cmpuint (reminders, <, 3);
          reminded_at[reminders++] = days_left;
        }
      g_free (sent);
      sent = record;
    }

  g_assert_cmpuint (reminders, ==, 3);
  g_assert_cmpint (reminded_at[0], ==, 14);
  g_assert_cmpint (reminded_at[1], ==, 7);
  g_assert_cmpint (reminded_at[2], ==, 1);
}

static void
test_missed_days_and_new_token (void)
{
  gint64 end = START + 60 * DAY;
  g_autoptr(GhSavedConnection) saved = saved_new (end);
  g_autoptr(GhSavedConnection) replaced = saved_new (end + 60 * DAY);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *fresh = NULL;

  /* The computer was off until 3 days before the end: one reminder, for 7 days. */
  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_EXPIRES_SOON, end - 3 * DAY, 14, NULL,
                                        &first, NULL), ==, GH_REMINDER_ENDS_SOON);
  g_assert_nonnull (strstr (first, ":7"));
  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_EXPIRES_SOON, end - 2 * DAY, 14,
                                        first, &second, NULL), ==, GH_REMINDER_NONE);
  g_assert_cmpstr (second, ==, first);
  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_EXPIRES_SOON, end - DAY / 2, 14,
                                        second, &third, NULL), ==, GH_REMINDER_ENDS_SOON);

  /* Replaced: far from its end, the record is forgotten. */
  g_assert_cmpint (gh_reminders_decide (replaced, GH_RECHECK_NONE, end - DAY / 2, 14, third,
                                        &fresh, NULL), ==, GH_REMINDER_NONE);
  g_assert_null (fresh);

  /* Never-ending tokens never get a reminder. */
  g_clear_object (&saved);
  saved = saved_new (0);
  g_clear_pointer (&fresh, g_free);
  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_NONE, START, 30, NULL, &fresh, NULL),
                   ==, GH_REMINDER_NONE);
  g_assert_null (fresh);
}

static void
test_stopped_and_fix (void)
{
  g_autoptr(GhSavedConnection) saved = saved_new (0);
  g_autoptr(GhSavedConnection) ended = saved_new (START - DAY);
  g_autofree char *record = NULL;
  g_autofree char *again = NULL;
  g_autofree char *works = NULL;
  g_autofree char *fix = NULL;
  g_autofree char *failing = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_TOKEN_REJECTED, START, 14, NULL,
                                        &record, NULL), ==, GH_REMINDER_STOPPED);
  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_TOKEN_REJECTED, START + DAY, 14,
                                        record, &again, NULL), ==, GH_REMINDER_NONE);
  /* Working again clears it, so a later revocation is said again. */
  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_NONE, START + 2 * DAY, 14, again,
                                        &works, NULL), ==, GH_REMINDER_NONE);
  g_assert_null (works);

  /* A token past its end has stopped, whatever the check said. */
  g_clear_pointer (&record, g_free);
  g_assert_cmpint (gh_reminders_decide (ended, GH_RECHECK_NONE, START, 14, NULL, &record, NULL),
                   ==, GH_REMINDER_STOPPED);

  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_ACCESS_LOST, START, 14, NULL, &fix,
                                        NULL), ==, GH_REMINDER_NEEDS_FIX);
  g_assert_cmpstr (gh_reminders_get_action (GH_REMINDER_NEEDS_FIX, GH_RECHECK_ACCESS_LOST), ==,
                   "app.open-connection");
  g_assert_cmpstr (gh_reminders_get_action (GH_REMINDER_NEEDS_FIX, GH_RECHECK_PERMISSION_LOST),
                   ==, "app.rotate");
  g_assert_cmpstr (gh_reminders_get_action (GH_REMINDER_STOPPED, GH_RECHECK_TOKEN_REJECTED), ==,
                   "app.rotate");
  /* Still failing the next day: nothing new, and nothing forgotten. */
  g_assert_cmpint (gh_reminders_decide (saved, GH_RECHECK_FAILING, START + DAY, 14, fix,
                                        &failing, NULL), ==, GH_REMINDER_NONE);
  g_assert_cmpstr (failing, ==, fix);

  title = gh_reminders_dup_title (GH_REMINDER_STOPPED, saved, -1);
  body = gh_reminders_dup_body (GH_REMINDER_STOPPED, saved, GH_RECHECK_TOKEN_REJECTED);
  g_assert_nonnull (strstr (title, "Front desk"));
  g_assert_nonnull (body);
  g_assert_null (gh_reminders_dup_title (GH_REMINDER_NONE, saved, 0));
}

static void
test_words (void)
{
  g_autoptr(GhSavedConnection) saved = saved_new (START + 7 * DAY);
  g_autofree char *title = NULL;
  g_autofree char *last = NULL;
  g_autofree char *body = NULL;

  title = gh_reminders_dup_title (GH_REMINDER_ENDS_SOON, saved, 7);
  g_assert_cmpstr (title, ==, "The token of “Front desk” ends in 7 days");
  last = gh_reminders_dup_title (GH_REMINDER_ENDS_SOON, saved, 0);
  g_assert_cmpstr (last, ==, "The token of “Front desk” ends within a day");
  body = gh_reminders_dup_body (GH_REMINDER_ENDS_SOON, saved, GH_RECHECK_EXPIRES_SOON);
  g_assert_true (g_str_has_prefix (body, "Your integration stops on "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/thresholds", test_thresholds);
  g_test_add_func ("/reminders/day-by-day", test_day_by_day);
  g_test_add_func ("/reminders/missed-days-and-new-token", test_missed_days_and_new_token);
  g_test_add_func ("/reminders/stopped-and-fix", test_stopped_and_fix);
  g_test_add_func ("/reminders/words", test_words);

  return g_test_run ();
}
