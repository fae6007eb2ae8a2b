/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-graph-error.h"

G_BEGIN_DECLS

/* For the client: errors that did not come from a Graph error object but still carry the
 * technical text (already redacted) and the HTTP status for the details expander. */
GError *_gh_graph_error_new_full      (GhGraphErrorCode  code,
                                       guint             http_status,
                                       gboolean          is_transient,
                                       const char       *technical_message);
/* Turns a transport error from libsoup/GIO into a GH_GRAPH_ERROR; cancellation is kept. */
GError *_gh_graph_error_new_from_transport (const GError *transport_error);

/* Accessors for the details: 0 / NULL when the error is not a GH_GRAPH_ERROR or the field
 * is absent. */
gint64      _gh_graph_error_get_graph_subcode (const GError *error);
const char *_gh_graph_error_get_graph_message (const GError *error);
const char *_gh_graph_error_get_user_title    (const GError *error);
const char *_gh_graph_error_get_user_message  (const GError *error);
guint       _gh_graph_error_get_http_status   (const GError *error);
gboolean    _gh_graph_error_is_transient      (const GError *error);

G_END_DECLS
