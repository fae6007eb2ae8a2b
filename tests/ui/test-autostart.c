/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gh-autostart-private.h"

/* Starting the background check at login: the entry written on the host (in the temporary
 * home GLib's isolated directories give each test), and the Background portal's request on
 * a bus of its own (on-private-bus.sh) where this test plays the portal. */

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "<method name='RequestBackground'><arg type='s' direction='in'/>"
  "<arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "</interface></node>";

static struct
{
  GDBusConnection *bus;
  GVariant        *request;
  guint32          answer;
  gboolean         grant;
} portal;

typedef struct
{
  char  *path;
  char  *sender;
} Pending;

static gboolean
respond_cb (gpointer user_data)
{
  Pending *pending = user_data;
  GVariantBuilder results;

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  if (portal.answer == 0)
    g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (portal.grant));
  g_dbus_connection_emit_signal (portal.bus, pending->sender, pending->path,
                                 "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", portal.answer, &results), NULL);
  g_free (pending->path);
  g_free (pending->sender);
  g_free (pending);
  return G_SOURCE_REMOVE;
}

static void
portal_called_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  Pending *pending = g_new0 (Pending, 1);
  g_autoptr(GVariant) options = NULL;
  g_autofree char *caller = g_strdup (sender + 1);
  const char *token = "none";

  g_clear_pointer (&portal.request, g_variant_unref);
  portal.request = g_variant_ref (parameters);
  options = g_variant_get_child_value (parameters, 1);
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_strdelimit (caller, ".", '_');

  pending->sender = g_strdup (sender);
  pending->path = g_strconcat ("/org/freedesktop/portal/desktop/request/", caller, "/", token,
                               NULL);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", pending->path));
  g_idle_add (respond_cb, pending);
}

static const GDBusInterfaceVTable vtable = { portal_called_cb, NULL, NULL, { 0 } };

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
set_autostart (gboolean   enabled,
               gboolean   through_portal,
               GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (through_portal)
    _gh_autostart_request_portal_async (enabled, NULL, done_cb, &result);
  else
    gh_autostart_set_async (enabled, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return gh_autostart_set_finish (result, error);
}

static void
assert_valid_entry (const char *text)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("gatehouse-XXXXXX.desktop", &path, &error);
  int status;

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  if (g_find_program_in_path ("desktop-file-validate") != NULL)
    {
      const char *argv[] = { "desktop-file-validate", path, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                    &status, &error);
      g_assert_no_error (error);
      g_test_message ("desktop-file-validate: %s%s", out, err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  g_unlink (path);
}

static char *
exec_of (const char *text)
{
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *exec;

  g_key_file_load_from_data (entry, text, -1, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, "Exec", &error);
  g_assert_no_error (error);
  return exec;
}

static void
test_entry (void)
{
  g_autofree char *plain = gh_autostart_dup_entry ("/usr/bin/gatehouse");
  g_autofree char *odd = gh_autostart_dup_entry ("/home/ana/My Apps/$HOME/100%/gate\"house");
  g_autofree char *exec = exec_of (plain);
  g_autofree char *odd_exec = exec_of (odd);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (exec, ==, "/usr/bin/gatehouse --background-check");
  g_assert_nonnull (strstr (plain, "NoDisplay=true"));
  g_assert_nonnull (strstr (plain, "X-GNOME-Autostart-enabled=true"));
  assert_valid_entry (plain);

  /* Quoted so a launcher splits it back into the same two arguments. */
  g_test_message ("Exec=%s", odd_exec);
  g_assert_cmpstr (odd_exec, ==,
                   "\"/home/ana/My Apps/\\$HOME/100%%/gate\\\"house\" --background-check");
  g_shell_parse_argv (odd_exec, NULL, &argv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (argv), ==, 2);
  assert_valid_entry (odd);
}

/* Written by the switch, with this very program in it, and removed again. */
static void
test_host (void)
{
  g_autofree char *path = gh_autostart_dup_entry_path ();
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *text = NULL;
  g_autofree char *exec = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_true (g_str_has_suffix (path, "/autostart/" APP_ID ".desktop"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (set_autostart (TRUE, FALSE, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  exec = exec_of (text);
  g_assert_true (g_str_has_prefix (exec, self));
  g_assert_true (g_str_has_suffix (exec, " --background-check"));

  g_assert_true (set_autostart (FALSE, FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Off twice is still off. */
  g_assert_true (set_autostart (FALSE, FALSE, &error));
  g_assert_no_error (error);
}

static void
test_portal_request (void)
{
  g_autoptr(GVariant) request = _gh_autostart_build_portal_request ("gatehouse42", TRUE);
  g_autoptr(GVariant) options = g_variant_get_child_value (request, 1);
  g_autofree const char **commandline = NULL;
  const char *parent, *token, *reason;
  gboolean autostart = FALSE, activatable = TRUE;

  g_assert_cmpstr (g_variant_get_type_string (request), ==, "(sa{sv})");
  g_variant_get_child (request, 0, "&s", &parent);
  g_assert_cmpstr (parent, ==, "");
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_assert_cmpstr (token, ==, "gatehouse42");
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, !=, "");
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (options, "dbus-activatable", "b", &activatable));
  g_assert_false (activatable);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpstr (commandline[0], ==, "gatehouse");
  g_assert_cmpstr (commandline[1], ==, "--background-check");
  g_assert_null (commandline[2]);
}

/* The portal's answers: granted, refused by the person, and turned off again. */
static void
test_portal (void)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) options = NULL;
  gboolean autostart = FALSE;
  guint object;
  guint owner;

  portal.bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  object = g_dbus_connection_register_object (portal.bus, "/org/freedesktop/portal/desktop",
                                              info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (portal.bus, "org.freedesktop.portal.Desktop",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);

  portal.answer = 0;
  portal.grant = TRUE;
  g_assert_true (set_autostart (TRUE, TRUE, &error));
  g_assert_no_error (error);
  options = g_variant_get_child_value (portal.request, 1);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);

  portal.answer = 1;
  g_assert_false (set_autostart (TRUE, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Granted, but without autostart: that is a refusal too. */
  portal.answer = 0;
  portal.grant = FALSE;
  g_assert_false (set_autostart (TRUE, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_true (set_autostart (FALSE, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&options, g_variant_unref);
  options = g_variant_get_child_value (portal.request, 1);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_false (autostart);

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (portal.bus, object);
  g_clear_pointer (&portal.request, g_variant_unref);
  g_clear_object (&portal.bus);
}

/* No portal at all (an old desktop): a refusal, not a hang. */
static void
test_no_portal (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (set_autostart (TRUE, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/autostart/entry", test_entry);
  g_test_add_func ("/autostart/host", test_host);
  g_test_add_func ("/autostart/portal-request", test_portal_request);
  g_test_add_func ("/autostart/portal", test_portal);
  g_test_add_func ("/autostart/no-portal", test_no_portal);

  return g_test_run ();
}
