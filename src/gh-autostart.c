/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-autostart"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gh-autostart-private.h"

#define PORTAL_BUS_NAME   "org.freedesktop.portal.Desktop"
#define PORTAL_PATH       "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND "org.freedesktop.portal.Background"
#define PORTAL_REQUEST    "org.freedesktop.portal.Request"
#define BACKGROUND_OPTION "--background-check"

gboolean
gh_autostart_uses_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

char *
gh_autostart_dup_entry_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

/* An argument of Exec, quoted as the Desktop Entry Specification wants: inside double quotes
 * ", `, $ and \ take a backslash, and the string's own escaping doubles every backslash. */
static void
append_exec_argument (GString    *exec,
                      const char *argument)
{
  gboolean plain = *argument != '\0';

  for (const char *c = argument; *c != '\0'; c++)
    plain &= g_ascii_isalnum (*c) || strchr ("/._+-", *c) != NULL;

  if (plain)
    {
      g_string_append (exec, argument);
      return;
    }

  g_string_append_c (exec, '"');
  for (const char *c = argument; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '`' || *c == '$')
        g_string_append (exec, "\\\\");
      else if (*c == '\\')
        g_string_append (exec, "\\\\\\");
      if (*c == '%')
        g_string_append_c (exec, '%');
      g_string_append_c (exec, *c);
    }
  g_string_append_c (exec, '"');
}

char *
gh_autostart_dup_entry (const char *executable)
{
  g_autoptr(GString) exec = g_string_new (NULL);
  g_autoptr(GKeyFile) entry = g_key_file_new ();

  g_return_val_if_fail (executable != NULL, NULL);

  append_exec_argument (exec, executable);
  g_string_append (exec, " " BACKGROUND_OPTION);

  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                         _("Gatehouse Reminders"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Checks the saved WhatsApp Business tokens once a day and reminds "
                           "you before one ends"));
  /* Set raw: the quoting above is already the file's own. */
  g_key_file_set_value (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec->str);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL,
                          FALSE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY,
                          TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  /* Gives the network a moment to come up after login. */
  g_key_file_set_integer (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-Delay", 30);

  return g_key_file_to_data (entry, NULL, NULL);
}

/* The program itself, wherever it was started from (installed or a build tree). */
static char *
dup_executable (void)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  if (path == NULL)
    path = g_find_program_in_path ("gatehouse");
  return path;
}

/* The host: a file of our own */

static void
entry_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
entry_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Already gone is what was asked for. */
  if (!g_file_delete_finish (G_FILE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_entry (GTask    *task,
           gboolean  enabled)
{
  g_autofree char *path = gh_autostart_dup_entry_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *executable = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = NULL;
  char *text;

  if (!enabled)
    {
      g_file_delete_async (file, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                           entry_deleted_cb, task);
      return;
    }

  executable = dup_executable ();
  if (executable == NULL || g_mkdir_with_parents (directory, 0700) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               _("Gatehouse could not set itself to start at login."));
      g_object_unref (task);
      return;
    }

  text = gh_autostart_dup_entry (executable);
  contents = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, contents, NULL, FALSE, G_FILE_CREATE_NONE,
                                       g_task_get_cancellable (task), entry_written_cb, task);
}

/* Flatpak: the Background portal */

/* The task is held by the wait for the portal's answer (the Response signal) and, while it
 * runs, by the call itself. */
typedef struct
{
  GDBusConnection *bus;
  char            *request_path;
  guint            response_id;
  gboolean         enabled;
} PortalData;

static void
portal_data_free (PortalData *data)
{
  if (data->response_id != 0)
    g_dbus_connection_signal_unsubscribe (data->bus, data->response_id);
  g_clear_object (&data->bus);
  g_free (data->request_path);
  g_free (data);
}

static GError *
refused_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                              _("The desktop did not allow Gatehouse to start at login. You can "
                                "allow it in Settings → Apps → Gatehouse."));
}

/* Ends the wait for the answer: once, whether the answer came or the call failed. */
static void
portal_finish (GTask  *task,
               GError *error)
{
  PortalData *data = g_task_get_task_data (task);

  if (data->response_id != 0)
    g_dbus_connection_signal_unsubscribe (data->bus, data->response_id);
  data->response_id = 0;

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
response_cb (GDBusConnection *bus,
             const char      *sender,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  PortalData *data = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  gboolean autostart = FALSE;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "autostart", "b", &autostart);

  /* 0: granted; 1: the person said no; 2: the portal refused.  Turning off needs no grant. */
  if (response == 0 && (autostart || !data->enabled))
    portal_finish (task, NULL);
  else
    portal_finish (task, refused_error ());
}

static void
subscribe_response (GTask      *task,
                    const char *path)
{
  PortalData *data = g_task_get_task_data (task);

  if (data->response_id != 0)
    g_dbus_connection_signal_unsubscribe (data->bus, data->response_id);
  g_free (data->request_path);
  data->request_path = g_strdup (path);
  data->response_id = g_dbus_connection_signal_subscribe (data->bus, PORTAL_BUS_NAME,
                                                          PORTAL_REQUEST, "Response", path, NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NONE, response_cb,
                                                          task, NULL);
}

static void
requested_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortalData *data = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *handle;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_debug ("The Background portal refused the request: %s", error->message);
      if (data->response_id != 0)
        portal_finish (task, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                             ? g_steal_pointer (&error) : refused_error ());
      return;
    }

  /* Portals older than the handle_token option answer on a path of their own choosing. */
  g_variant_get (reply, "(&o)", &handle);
  if (data->response_id != 0 && g_strcmp0 (handle, data->request_path) != 0)
    subscribe_response (task, handle);
}

static void
bus_got_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  PortalData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GVariant) parameters = NULL;

  data->bus = g_bus_get_finish (result, &error);
  if (data->bus == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* The request's path is known beforehand, so its answer cannot come before we listen. */
  sender = g_strdup (g_dbus_connection_get_unique_name (data->bus) + 1);
  g_strdelimit (sender, ".", '_');
  token = g_strdup_printf ("gatehouse%u", g_random_int ());
  path = g_strconcat (PORTAL_PATH "/request/", sender, "/", token, NULL);
  subscribe_response (task, path);

  parameters = _gh_autostart_build_portal_request (token, data->enabled);
  g_dbus_connection_call (data->bus, PORTAL_BUS_NAME, PORTAL_PATH, PORTAL_BACKGROUND,
                          "RequestBackground", parameters, G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, G_MAXINT, g_task_get_cancellable (task),
                          requested_cb, g_object_ref (task));
}

GVariant *
_gh_autostart_build_portal_request (const char *handle_token,
                                    gboolean    enabled)
{
  const char * const commandline[] = { "gatehouse", BACKGROUND_OPTION, NULL };
  GVariantBuilder options;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (handle_token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Gatehouse checks your saved tokens once a "
                                                 "day after login and reminds you before one "
                                                 "ends.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  /* No parent window: the check runs without one, and so may the question. */
  return g_variant_ref_sink (g_variant_new ("(sa{sv})", "", &options));
}

void
_gh_autostart_request_portal_async (gboolean             enabled,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  PortalData *data = g_new0 (PortalData, 1);

  g_task_set_source_tag (task, gh_autostart_set_async);
  data->enabled = enabled;
  g_task_set_task_data (task, data, (GDestroyNotify) portal_data_free);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_got_cb, task);
}

void
gh_autostart_set_async (gboolean             enabled,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  if (gh_autostart_uses_portal ())
    {
      _gh_autostart_request_portal_async (enabled, cancellable, callback, user_data);
      return;
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_autostart_set_async);
  set_entry (task, enabled);
}

gboolean
gh_autostart_set_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
reminders_autostart_set_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GSettings *settings = g_task_get_source_object (task);

  if (!gh_autostart_set_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_settings_set_boolean (settings, "reminders-enabled",
                          GPOINTER_TO_INT (g_task_get_task_data (task)));
  g_task_return_boolean (task, TRUE);
}

void
gh_autostart_set_reminders_async (GSettings           *settings,
                                  gboolean             enabled,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));

  task = g_task_new (settings, cancellable, callback, user_data);
  g_task_set_source_tag (task, gh_autostart_set_reminders_async);
  g_task_set_task_data (task, GINT_TO_POINTER (!!enabled), NULL);
  gh_autostart_set_async (enabled, cancellable, reminders_autostart_set_cb,
                          g_steal_pointer (&task));
}

gboolean
gh_autostart_set_reminders_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
