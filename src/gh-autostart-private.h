/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-autostart.h"

G_BEGIN_DECLS

/* For tests: the portal's side without a sandbox around it. */

/* The parameters of org.freedesktop.portal.Background.RequestBackground, "(sa{sv})". */
GVariant *_gh_autostart_build_portal_request (const char          *handle_token,
                                              gboolean             enabled);
/* Asks the Background portal on the session bus, whatever the sandbox. */
void      _gh_autostart_request_portal_async (gboolean             enabled,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

G_END_DECLS
