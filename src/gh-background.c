/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-background"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "gh-background.h"
#include "gh-graph-error.h"
#include "gh-reminders.h"
#include "gh-session.h"
#include "gh-wait.h"

/* The daily check behind the reminders.  It runs as a plain GApplication under Gatehouse's
 * own id, so its notifications belong to Gatehouse and a click on one (which the desktop
 * turns into app.rotate or app.open-connection) starts the real app; it never loads GTK,
 * since a display may not be up yet at login.  Whatever stops it is recorded, never shown:
 * the window tells the person the next time it opens, and the check runs again the next
 * day. */

/* What stopped the check, as recorded in "background-check-problem". */
#define PROBLEM_NO_NOTIFICATIONS "no-notifications"
#define PROBLEM_KEYRING_LOCKED   "keyring-locked"
#define PROBLEM_NO_KEYRING       "no-keyring"
#define PROBLEM_KEYRING          "keyring"
#define PROBLEM_NETWORK          "network"
#define PROBLEM_RATE_LIMITED     "rate-limited"
#define PROBLEM_GRAPH            "graph"
#define PROBLEM_NO_SESSION_BUS   "no-session-bus"

static gboolean
ran_today (GSettings *settings,
           gint64     now)
{
  gint64 last = g_settings_get_int64 (settings, "background-check-last");
  g_autoptr(GDateTime) then = last > 0 ? g_date_time_new_from_unix_local (last) : NULL;
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  int y1, m1, d1, y2, m2, d2;

  if (then == NULL || today == NULL)
    return FALSE;

  g_date_time_get_ymd (then, &y1, &m1, &d1);
  g_date_time_get_ymd (today, &y2, &m2, &d2);
  return y1 == y2 && m1 == m2 && d1 == d2;
}

static void
record_run (GSettings  *settings,
            gint64      now,
            const char *problem)
{
  g_settings_set_int64 (settings, "background-check-last", now);
  g_settings_set_string (settings, "background-check-result", problem == NULL ? "ok" : "failed");
  g_settings_set_string (settings, "background-check-problem", problem != NULL ? problem : "");
  if (problem != NULL)
    g_debug ("The background check could not finish: %s", problem);
}

static gboolean
in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

static gboolean
name_is_activatable (GDBusConnection *bus,
                     const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, name);
}

/* GLib sends notifications through the portal in a sandbox, else to GNOME Shell's
 * org.gtk.Notifications, else to org.freedesktop.Notifications; with none of them a
 * notification would vanish without a word, so the check says so instead. */
static gboolean
notifications_available (GDBusConnection *bus)
{
  if (in_sandbox ())
    return TRUE;

  return name_has_owner (bus, "org.gtk.Notifications")
         || name_has_owner (bus, "org.freedesktop.Notifications")
         || name_is_activatable (bus, "org.freedesktop.Notifications");
}

/* A locked login keyring (automatic login) would put up an unlock prompt: a window the person
 * did not ask for.  Only the Secret Service locks items; the file backend (Flatpak, tests)
 * does not. */
static gboolean
keyring_is_locked (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;
  gboolean locked = FALSE;

  if (in_sandbox () || g_strcmp0 (g_getenv ("SECRET_BACKEND"), "file") == 0)
    return FALSE;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  if (service == NULL)
    return FALSE;

  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (attributes, (char *) "xdg:schema",
                       (char *) gh_token_store_get_schema_name ());
  items = secret_service_search_sync (service, NULL, attributes, SECRET_SEARCH_ALL, NULL,
                                      &error);
  for (GList *l = items; l != NULL; l = l->next)
    locked |= secret_item_get_locked (l->data);
  g_list_free_full (items, g_object_unref);

  return locked;
}

static const char *
problem_for_error (const GError *error)
{
  if (error->domain == GH_TOKEN_STORE_ERROR)
    {
      if (error->code == GH_TOKEN_STORE_ERROR_LOCKED)
        return PROBLEM_KEYRING_LOCKED;
      if (error->code == GH_TOKEN_STORE_ERROR_UNAVAILABLE)
        return PROBLEM_NO_KEYRING;
      return PROBLEM_KEYRING;
    }

  if (error->domain == GH_GRAPH_ERROR)
    switch (error->code)
      {
      case GH_GRAPH_ERROR_NETWORK:
      case GH_GRAPH_ERROR_TIMEOUT:
      case GH_GRAPH_ERROR_TLS:
        return PROBLEM_NETWORK;
      case GH_GRAPH_ERROR_RATE_LIMITED:
        return PROBLEM_RATE_LIMITED;
      default:
        break;
      }

  return PROBLEM_GRAPH;
}

static gboolean
problem_stops_all (const char *problem)
{
  return g_str_equal (problem, PROBLEM_NETWORK) || g_str_equal (problem, PROBLEM_KEYRING_LOCKED)
         || g_str_equal (problem, PROBLEM_NO_KEYRING) || g_str_equal (problem, PROBLEM_KEYRING);
}

static void
notify (GApplication      *app,
        GhSavedConnection *saved,
        GhReminderKind     kind,
        GhRecheckChange    change,
        int                days_left)
{
  const char *id = gh_saved_connection_get_id (saved);
  const char *action = gh_reminders_get_action (kind, change);
  g_autofree char *title = gh_reminders_dup_title (kind, saved, days_left);
  g_autofree char *body = gh_reminders_dup_body (kind, saved, change);
  g_autofree char *notification_id = g_strconcat ("reminder-", id, NULL);
  g_autoptr(GNotification) notification = g_notification_new (title);

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, kind == GH_REMINDER_ENDS_SOON
                                             ? G_NOTIFICATION_PRIORITY_NORMAL
                                             : G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, action, "s", id);
  g_notification_add_button_with_target (notification,
                                         g_str_equal (action, "app.rotate")
                                         ? _("Replace Token") : _("Show What to Fix"),
                                         action, "s", id);
  /* One per connection: a later reminder replaces an earlier one still on screen. */
  g_application_send_notification (app, notification_id, notification);
}

/* Checks every saved connection, one after the other (at most two round trips each), and
 * sends what the reminders decide.  Returns the problem that stopped it, or NULL. */
static const char *
check_connections (GApplication *app,
                   GSettings    *settings,
                   GhWait         *wait,
                   gint64        now)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new ();
  g_autoptr(GhSession) session = gh_session_new (settings, store, NULL);
  g_autoptr(GVariant) sent_value = g_settings_get_value (settings, "reminders-sent");
  g_autoptr(GVariantDict) sent = g_variant_dict_new (NULL);
  g_autoptr(GVariantBuilder) kept = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *problem = NULL;
  guint first_days = g_settings_get_uint (settings, "reminder-days");
  GListModel *connections;
  GVariantIter iter;
  const char *key, *value;

  gh_session_inhibit_launch_recheck (session);
  gh_session_reload_async (session, NULL, gh_wait_cb, wait);
  if (!gh_session_reload_finish (session, gh_wait_for_result (wait), &error))
    return problem_for_error (error);

  g_variant_iter_init (&iter, sent_value);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    g_variant_dict_insert (sent, key, "s", value);

  connections = gh_session_get_connections (session);
  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(GhSavedConnection) saved = g_list_model_get_item (connections, i);

      g_ptr_array_add (ids, g_strdup (gh_saved_connection_get_id (saved)));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *before = NULL;
      g_autofree char *record = NULL;
      GhSavedConnection *saved;
      GhRecheckChange change = GH_RECHECK_NONE;
      gboolean checked = FALSE;
      GhReminderKind kind;
      int days_left;

      g_variant_dict_lookup (sent, id, "&s", &before);
      /* Without a network or a keyring the others would fail the same way: they wait for
       * tomorrow, as does an account that was rate limited or answered oddly. */
      if (problem == NULL || !problem_stops_all (problem))
        {
          gh_session_recheck_async (session, id, NULL, gh_wait_cb, wait);
          change = gh_session_recheck_finish (session, gh_wait_for_result (wait), NULL, &error);
          checked = error == NULL;
          if (error != NULL)
            {
              problem = problem_for_error (error);
              g_debug ("“%s” could not be checked: %s", id, error->message);
              g_clear_error (&error);
            }
        }

      /* Not checked: what was sent before still stands. */
      saved = gh_session_find_connection (session, id);
      if (!checked || saved == NULL)
        {
          if (before != NULL)
            g_variant_builder_add (kept, "{ss}", id, before);
          continue;
        }

      kind = gh_reminders_decide (saved, change, now, first_days, before, &record, &days_left);
      if (kind != GH_REMINDER_NONE)
        notify (app, saved, kind, change, days_left);
      if (record != NULL)
        g_variant_builder_add (kept, "{ss}", id, record);
    }

  /* Records of connections forgotten meanwhile go with them. */
  g_settings_set_value (settings, "reminders-sent", g_variant_builder_end (kept));

  /* What the checks recorded goes to the keyring after they finish: listing again waits for
   * those updates, so none is cut off when the process ends. */
  gh_session_reload_async (session, NULL, gh_wait_cb, wait);
  if (!gh_session_reload_finish (session, gh_wait_for_result (wait), &error))
    g_debug ("Listing after the checks failed: %s", error->message);

  return problem;
}

int
gh_background_run (GSettings *settings)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GhWait wait = { loop, NULL };
  const char *problem;

  g_return_val_if_fail (G_IS_SETTINGS (settings), GH_BACKGROUND_EXIT_FAILED);

  /* Switched off with the autostart entry left behind (another desktop's copy, say). */
  if (!g_settings_get_boolean (settings, "reminders-enabled"))
    return GH_BACKGROUND_EXIT_OK;
  if (ran_today (settings, now))
    {
      g_debug ("Already checked today");
      return GH_BACKGROUND_EXIT_OK;
    }

  app = g_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  if (!g_application_register (app, NULL, &error))
    {
      g_debug ("Not on the session bus: %s", error->message);
      record_run (settings, now, PROBLEM_NO_SESSION_BUS);
      g_settings_sync ();
      return GH_BACKGROUND_EXIT_FAILED;
    }

  /* Gatehouse is open and checks its connections itself. */
  if (g_application_get_is_remote (app))
    return GH_BACKGROUND_EXIT_OK;

  if (!notifications_available (g_application_get_dbus_connection (app)))
    problem = PROBLEM_NO_NOTIFICATIONS;
  else if (keyring_is_locked ())
    problem = PROBLEM_KEYRING_LOCKED;
  else
    problem = check_connections (app, settings, &wait, now);

  record_run (settings, now, problem);
  g_clear_object (&wait.result);

  /* Notifications are D-Bus messages: they must leave before the process does. */
  g_dbus_connection_flush_sync (g_application_get_dbus_connection (app), NULL, NULL);
  g_settings_sync ();

  return problem == NULL ? GH_BACKGROUND_EXIT_OK : GH_BACKGROUND_EXIT_FAILED;
}

char *
gh_background_dup_last_run (GSettings *settings)
{
  gint64 last = g_settings_get_int64 (settings, "background-check-last");
  g_autofree char *result = g_settings_get_string (settings, "background-check-result");
  g_autofree char *problem = g_settings_get_string (settings, "background-check-problem");
  g_autoptr(GDateTime) when = last > 0 ? g_date_time_new_from_unix_local (last) : NULL;
  g_autofree char *date = NULL;

  if (when == NULL)
    return NULL;

  /* Translators: a date and time, e.g. "3 March 2027, 08:12" */
  date = g_date_time_format (when, _("%-d %B %Y, %H:%M"));
  if (g_str_equal (result, "failed"))
    {
      const char *why = gh_background_describe_problem (problem);

      /* Translators: the first %s is a date and time, the second says what went wrong */
      return g_strdup_printf (_("%s: the check could not finish. %s It runs again the next "
                                "day."), date,
                              why != NULL ? why : _("Something stopped it."));
    }

  /* Translators: %s is a date and time */
  return g_strdup_printf (_("%s: every saved connection was checked."), date);
}

const char *
gh_background_describe_problem (const char *problem)
{
  if (problem == NULL || *problem == '\0')
    return NULL;
  if (g_str_equal (problem, PROBLEM_NO_NOTIFICATIONS))
    return _("This desktop has no notification service, so no reminder could be shown.");
  if (g_str_equal (problem, PROBLEM_KEYRING_LOCKED))
    return _("The keyring was still locked after login, so the saved tokens could not be "
             "read.");
  if (g_str_equal (problem, PROBLEM_NO_KEYRING))
    return _("There was no keyring to read the saved tokens from.");
  if (g_str_equal (problem, PROBLEM_KEYRING))
    return _("The saved tokens could not be read from the keyring.");
  if (g_str_equal (problem, PROBLEM_NETWORK))
    return _("Meta could not be reached: the computer was probably not online yet.");
  if (g_str_equal (problem, PROBLEM_RATE_LIMITED))
    return _("Meta asked Gatehouse to wait before checking again.");
  if (g_str_equal (problem, PROBLEM_NO_SESSION_BUS))
    return _("The desktop session was not ready.");

  return _("Meta’s answer could not be understood.");
}
