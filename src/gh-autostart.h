/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Starting the daily background check at login (`gatehouse --background-check`): on the
 * host an XDG autostart entry written and removed here; inside Flatpak the Background
 * portal's autostart, which asks the person and writes the entry itself. */

/* Inside a Flatpak sandbox: the portal decides. */
gboolean  gh_autostart_uses_portal      (void);

/* $XDG_CONFIG_HOME/autostart/io.github.gatehouse_app.Gatehouse.desktop */
char     *gh_autostart_dup_entry_path   (void);
/* The autostart entry that runs @executable (an absolute path) with --background-check. */
char     *gh_autostart_dup_entry        (const char *executable);

/* Writes or removes the entry (host), or asks the portal (Flatpak).  Fails with
 * G_IO_ERROR_PERMISSION_DENIED when the portal or the person refused, with a translated
 * message. */
void      gh_autostart_set_async        (gboolean             enabled,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  gh_autostart_set_finish       (GAsyncResult        *result,
                                         GError             **error);

/* Turns the reminders on or off: the autostart as above, then, once that worked, the
 * "reminders-enabled" key of @settings.  A refusal leaves the key as it was. */
void      gh_autostart_set_reminders_async  (GSettings           *settings,
                                             gboolean             enabled,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  gh_autostart_set_reminders_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
