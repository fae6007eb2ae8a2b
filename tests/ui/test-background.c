/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "gh-test-graph.h"
#include "gh-test-util.h"
#include "gh-token-store.h"

/* `gatehouse --background-check` as it runs at login: the real binary without a display, on
 * a session bus of its own (on-private-bus.sh) where this test plays the notification
 * service, and dbus-monitor watches what goes over the bus.  Settings live in a key file
 * both processes read, the keyring is libsecret's file backend, Meta is a Graph server on
 * loopback whose token ends in five days. */

#define DAY (24 * 60 * 60)
#define TOKEN "EAAGhBackgroundSixtyDayTokenEndsInFiveDaysQa2Ws4Ed6Rf8Tg0Yh2Uj4Ik6Ol8"

static const char fdo_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/>"
  "<arg type='i' direction='in'/><arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/></method>"
  "</interface></node>";

static const char gtk_xml[] =
  "<node><interface name='org.gtk.Notifications'>"
  "<method name='AddNotification'><arg type='s' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='a{sv}' direction='in'/></method>"
  "<method name='RemoveNotification'><arg type='s' direction='in'/>"
  "<arg type='s' direction='in'/></method>"
  "</interface></node>";

static struct
{
  char            *dir;
  char            *keyfile;
  char            *connection_id;
  GhTestGraph     *graph;
  GDBusConnection *bus;
  /* What the notification services received: GVariant parameters of each call. */
  GPtrArray       *fdo_calls;
  GPtrArray       *gtk_calls;
  guint            fdo_owner;
  guint            fdo_object;
  guint            gtk_owner;
  guint            gtk_object;
  GString         *monitor_output;
  GSubprocess     *monitor;
} t;

typedef gboolean (*Condition) (gpointer data);

/* Spins the main context until @condition holds, or gives up after @timeout_ms. */
static gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static void
method_called_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      g_ptr_array_add (t.fdo_calls, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", t.fdo_calls->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "test",
                                                                      "1", "1.2"));
  else if (g_str_equal (method_name, "AddNotification"))
    {
      g_ptr_array_add (t.gtk_calls, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable vtable = { method_called_cb, NULL, NULL, { 0 } };

static guint
export (const char *xml,
        const char *path)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GError) error = NULL;
  guint id;

  id = g_dbus_connection_register_object (t.bus, path, info->interfaces[0], &vtable, NULL,
                                          NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
owns_name (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (t.bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", (const char *) data),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static guint
own (const char *name)
{
  guint id = g_bus_own_name_on_connection (t.bus, name, G_BUS_NAME_OWNER_FLAGS_NONE, NULL,
                                           NULL, NULL, NULL);

  g_assert_true (wait_for (owns_name, (gpointer) name, 5000));
  return id;
}

static gboolean
name_gone (gpointer data)
{
  return !owns_name (data);
}

static void
disown (guint      *owner,
        const char *name)
{
  g_bus_unown_name (*owner);
  *owner = 0;
  g_assert_true (wait_for (name_gone, (gpointer) name, 5000));
}

/* A settings object that reads the key file as it is now, after the other process wrote
 * it. */
static GSettings *
settings_now (void)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (t.keyfile, "/", NULL);

  return g_settings_new_with_backend (APP_ID, backend);
}

static void
set_last_run (gint64 when)
{
  g_autoptr(GSettings) settings = settings_now ();

  g_settings_set_int64 (settings, "background-check-last", when);
  g_settings_sync ();
}

typedef struct
{
  gboolean done;
} Exit;

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Exit *exit = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  exit->done = TRUE;
}

/* Everything the process sent has reached this one once a call to the bus comes back after
 * it; the monitor may print a moment later. */
static void
drain_bus (void)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (t.bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetId", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static int
run_background (const char *graph_url)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "gatehouse",
                                                   NULL);
  Exit exit = { FALSE };

  g_subprocess_launcher_setenv (launcher, "GATEHOUSE_GRAPH_URL", graph_url, TRUE);
  /* No display: it must never need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--background-check", NULL);
  g_assert_no_error (error);

  /* The Graph server and the notification services answer on this process's main context. */
  g_subprocess_wait_async (process, NULL, exited_cb, &exit);
  while (!exit.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_exited (process));
  drain_bus ();

  return g_subprocess_get_exit_status (process);
}

static int
run (void)
{
  return run_background (gh_test_graph_get_url (t.graph));
}

static guint
count_in_monitor (const char *member)
{
  guint count = 0;

  for (const char *p = t.monitor_output->str; (p = strstr (p, member)) != NULL; p++)
    count++;
  return count;
}

static gboolean
monitor_saw (gpointer data)
{
  return count_in_monitor ("member=Notify") >= GPOINTER_TO_UINT (data);
}

static gboolean
monitor_saw_add (gpointer data)
{
  return count_in_monitor ("member=AddNotification") == 1;
}

static void
monitor_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result,
                                                              NULL);

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return;

  g_string_append_len (t.monitor_output, g_bytes_get_data (bytes, NULL),
                       g_bytes_get_size (bytes));
  g_input_stream_read_bytes_async (G_INPUT_STREAM (object), 4096, G_PRIORITY_DEFAULT, NULL,
                                   monitor_read_cb, NULL);
}

static gboolean
monitor_ready (gpointer data)
{
  return strstr (t.monitor_output->str, "NameAcquired") != NULL
         || strstr (t.monitor_output->str, "member=") != NULL;
}

static void
start_monitor (void)
{
  g_autoptr(GError) error = NULL;
  GInputStream *out;

  t.monitor = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                &error, "dbus-monitor", "--session",
                                "type='method_call',interface='org.freedesktop.Notifications'",
                                "type='method_call',interface='org.gtk.Notifications'", NULL);
  g_assert_no_error (error);
  out = g_subprocess_get_stdout_pipe (t.monitor);
  g_input_stream_read_bytes_async (out, 4096, G_PRIORITY_DEFAULT, NULL, monitor_read_cb, NULL);
  g_assert_true (wait_for (monitor_ready, NULL, 10000));
}

static void
save_connection (const char *label)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new ();
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* libsecret keeps what it read: the other process wrote since. */
  secret_service_disconnect ();
  gh_saved_connection_set_label (saved, label);
  gh_token_store_save_async (store, saved, TOKEN, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_token_store_save_finish (store, gh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  t.connection_id = g_strdup (gh_saved_connection_get_id (saved));
}

static GhSavedConnection *
listed_connection (void)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  /* libsecret keeps what it read: the other process wrote since. */
  secret_service_disconnect ();
  gh_token_store_list_async (store, NULL, gh_test_keep_result_cb, &result);
  listed = gh_token_store_list_finish (store, gh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  return g_object_ref (g_ptr_array_index (listed, 0));
}

static void
assert_result (const char *result,
               const char *problem)
{
  g_autoptr(GSettings) settings = settings_now ();
  g_autofree char *got_result = g_settings_get_string (settings, "background-check-result");
  g_autofree char *got_problem = g_settings_get_string (settings, "background-check-problem");

  g_assert_cmpstr (got_result, ==, result);
  g_assert_cmpstr (got_problem, ==, problem);
}

/* Off by default: the entry may outlive the switch, the check then does nothing. */
static void
test_off (void)
{
  g_autoptr(GSettings) settings = settings_now ();

  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_cmpint (run (), ==, 0);
  g_assert_cmpuint (t.fdo_calls->len, ==, 0);
  g_clear_object (&settings);
  settings = settings_now ();
  g_assert_cmpint (g_settings_get_int64 (settings, "background-check-last"), ==, 0);
}

static void
test_no_notification_service (void)
{
  g_autoptr(GSettings) settings = settings_now ();

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_sync ();
  g_assert_false (owns_name ((gpointer) "org.freedesktop.Notifications"));

  g_assert_cmpint (run (), ==, 2);
  assert_result ("failed", "no-notifications");
  g_clear_object (&settings);
  settings = settings_now ();
  g_assert_cmpint (g_settings_get_int64 (settings, "background-check-last"), >, 0);
}

static void
test_no_network (void)
{
  t.fdo_owner = own ("org.freedesktop.Notifications");
  set_last_run (0);

  g_assert_cmpint (run_background ("http://127.0.0.1:9"), ==, 2);
  assert_result ("failed", "network");
  g_assert_cmpuint (t.fdo_calls->len, ==, 0);
}

/* The one notification for a token ending in five days, and none again that day, nor the
 * next day for the same threshold. */
static void
test_once (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) sent = NULL;
  g_autoptr(GhSavedConnection) saved = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree const char **actions = NULL;
  const char *app_name, *summary, *body, *entry = NULL, *record = NULL;
  gint64 last;
  guint requests = gh_test_graph_get_requests (t.graph);

  set_last_run (0);
  g_assert_cmpint (run (), ==, 0);
  assert_result ("ok", "");
  g_assert_cmpuint (t.fdo_calls->len, ==, 1);
  /* The check of a connection costs two round trips, as in the window. */
  g_assert_cmpuint (gh_test_graph_get_requests (t.graph) - requests, ==, 2);
  requests = gh_test_graph_get_requests (t.graph);
  g_assert_true (wait_for (monitor_saw, GUINT_TO_POINTER (1), 10000));
  g_test_message ("dbus-monitor: %s",
                  strstr (t.monitor_output->str, "method call"));

  g_variant_get (g_ptr_array_index (t.fdo_calls, 0), "(&su&s&s&s^a&s@a{sv}i)", &app_name,
                 NULL, NULL, &summary, &body, &actions, &hints, NULL);
  g_test_message ("Notify: %s / %s", summary, body);
  g_assert_cmpstr (summary, ==, "The token of “Bakery bot” ends in 5 days");
  g_assert_true (g_str_has_prefix (body, "Your integration stops on "));
  g_assert_null (strstr (body, "EAAGh"));
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &entry));
  g_assert_cmpstr (entry, ==, APP_ID);
  g_assert_true (g_strv_contains (actions, "default"));

  /* The check recorded its findings with the connection, and what it sent. */
  saved = listed_connection ();
  g_assert_cmpstr (gh_saved_connection_get_system_user_id (saved), ==, GH_TEST_GRAPH_USER_ID);
  g_assert_cmpint (gh_saved_connection_get_expires_at (saved), >, 0);
  settings = settings_now ();
  sent = g_settings_get_value (settings, "reminders-sent");
  g_assert_true (g_variant_lookup (sent, t.connection_id, "&s", &record));
  g_assert_true (g_str_has_suffix (record, ":7"));
  last = g_settings_get_int64 (settings, "background-check-last");

  /* Again the same day: not even a check. */
  g_assert_cmpint (run (), ==, 0);
  g_assert_cmpuint (t.fdo_calls->len, ==, 1);
  g_assert_cmpuint (gh_test_graph_get_requests (t.graph), ==, requests);
  g_clear_object (&settings);
  settings = settings_now ();
  g_assert_cmpint (g_settings_get_int64 (settings, "background-check-last"), ==, last);

  /* The next day: checked, but this threshold was said already. */
  set_last_run (last - DAY);
  g_assert_cmpint (run (), ==, 0);
  g_assert_cmpuint (t.fdo_calls->len, ==, 1);
  g_clear_object (&settings);
  settings = settings_now ();
  g_assert_cmpint (g_settings_get_int64 (settings, "background-check-last"), >=, last);
  g_assert_cmpuint (count_in_monitor ("member=Notify"), ==, 1);
}

/* A revoked token: one notification that it stopped, leading to its replacement. */
static void
test_stopped (void)
{
  g_autoptr(GVariant) hints = NULL;
  const char *summary;

  gh_test_graph_revoke (t.graph, TOKEN);
  set_last_run (0);
  g_assert_cmpint (run (), ==, 0);
  g_assert_cmpuint (t.fdo_calls->len, ==, 2);
  g_variant_get (g_ptr_array_index (t.fdo_calls, 1), "(&su&s&s&sas@a{sv}i)", NULL, NULL, NULL,
                 &summary, NULL, NULL, &hints, NULL);
  g_assert_cmpstr (summary, ==, "The token of “Bakery bot” has stopped working");

  set_last_run (0);
  g_assert_cmpint (run (), ==, 0);
  g_assert_cmpuint (t.fdo_calls->len, ==, 2);
}

/* On GNOME Shell, GLib hands notifications to org.gtk.Notifications, which starts Gatehouse
 * with the notification's action when it is clicked. */
static void
test_gtk_notifications (void)
{
  g_autoptr(GVariant) notification = NULL;
  g_autoptr(GVariant) target = NULL;
  const char *app_id, *action = NULL;

  t.gtk_owner = own ("org.gtk.Notifications");
  gh_test_graph_add_token (t.graph, TOKEN, NULL, g_get_real_time () / G_USEC_PER_SEC + DAY / 2);
  set_last_run (0);
  g_assert_cmpint (run (), ==, 0);
  g_assert_cmpuint (t.gtk_calls->len, ==, 1);
  g_assert_cmpuint (t.fdo_calls->len, ==, 2);

  g_variant_get (g_ptr_array_index (t.gtk_calls, 0), "(&s&s@a{sv})", &app_id, NULL,
                 &notification);
  g_assert_cmpstr (app_id, ==, APP_ID);
  g_assert_true (g_variant_lookup (notification, "default-action", "&s", &action));
  g_assert_cmpstr (action, ==, "app.rotate");
  target = g_variant_lookup_value (notification, "default-action-target", G_VARIANT_TYPE_STRING);
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, t.connection_id);
  g_assert_true (wait_for (monitor_saw_add, NULL, 10000));

  disown (&t.gtk_owner, "org.gtk.Notifications");
}

static char *
sent_record (const char *id)
{
  g_autoptr(GSettings) settings = settings_now ();
  g_autoptr(GVariant) sent = g_settings_get_value (settings, "reminders-sent");
  char *record = NULL;

  g_variant_lookup (sent, id, "s", &record);
  return record;
}

/* A run that stops half way (no network) forgets nothing that was sent. */
static void
test_records_kept (void)
{
  g_autofree char *first_id = g_strdup (t.connection_id);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_after = NULL;
  g_autofree char *second_after = NULL;

  g_clear_pointer (&t.connection_id, g_free);
  save_connection ("Second bot");
  set_last_run (0);
  g_assert_cmpint (run (), ==, 0);
  first = sent_record (first_id);
  second = sent_record (t.connection_id);
  g_assert_nonnull (first);
  g_assert_nonnull (second);

  set_last_run (0);
  g_assert_cmpint (run_background ("http://127.0.0.1:9"), ==, 2);
  assert_result ("failed", "network");
  first_after = sent_record (first_id);
  second_after = sent_record (t.connection_id);
  g_assert_cmpstr (first_after, ==, first);
  g_assert_cmpstr (second_after, ==, second);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *keyring = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  t.dir = g_dir_make_tmp ("gatehouse-background-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (t.dir, "config", NULL);
  keyring = g_build_filename (t.dir, "keyring", NULL);
  t.keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  /* Shared with the process under test. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "gh-background", TRUE);

  t.bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  t.fdo_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  t.gtk_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  t.fdo_object = export (fdo_xml, "/org/freedesktop/Notifications");
  t.gtk_object = export (gtk_xml, "/org/gtk/Notifications");
  t.monitor_output = g_string_new (NULL);
  start_monitor ();

  t.graph = gh_test_graph_new ();
  gh_test_graph_add_token (t.graph, TOKEN, NULL,
                           g_get_real_time () / G_USEC_PER_SEC + 5 * DAY + 60 * 60);
  save_connection ("Bakery bot");

  /* In order: each one leaves what the next one starts from. */
  g_test_add_func ("/background/off", test_off);
  g_test_add_func ("/background/no-notification-service", test_no_notification_service);
  g_test_add_func ("/background/no-network", test_no_network);
  g_test_add_func ("/background/once", test_once);
  g_test_add_func ("/background/stopped", test_stopped);
  g_test_add_func ("/background/gtk-notifications", test_gtk_notifications);
  g_test_add_func ("/background/records-kept", test_records_kept);

  status = g_test_run ();

  g_subprocess_force_exit (t.monitor);
  g_clear_object (&t.monitor);
  if (t.fdo_owner != 0)
    g_bus_unown_name (t.fdo_owner);
  g_dbus_connection_unregister_object (t.bus, t.fdo_object);
  g_dbus_connection_unregister_object (t.bus, t.gtk_object);
  g_clear_object (&t.bus);
  gh_test_graph_free (t.graph);
  g_string_free (t.monitor_output, TRUE);
  g_ptr_array_unref (t.fdo_calls);
  g_ptr_array_unref (t.gtk_calls);
  g_free (t.connection_id);
  g_unlink (t.keyfile);
  g_unlink (keyring);
  g_free (t.keyfile);
  g_free (t.dir);

  return status;
}
