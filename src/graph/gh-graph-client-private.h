/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-graph-client.h"

G_BEGIN_DECLS

/* TRUE for an http(s) URL on a loopback address (127.0.0.0/8, ::1, localhost). */
gboolean    _gh_graph_client_is_loopback_url (const char    *url);

const char *_gh_graph_client_get_base_url    (GhGraphClient *self);
const char *_gh_graph_client_get_api_version (GhGraphClient *self);
/* NULL or anything that is not a plain path segment gives GH_GRAPH_DEFAULT_VERSION. */
void        _gh_graph_client_set_api_version (GhGraphClient *self,
                                              const char    *api_version);

G_END_DECLS
