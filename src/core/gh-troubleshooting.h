/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The problems admins really meet when they connect an integration to WhatsApp Business,
 * each with what the person sees, why it happens and what fixes it: the catalogue the help
 * window shows and searches.  Each topic has a stable id that error pages link to, e.g.
 * "temporary-token", "keyring" or "webhooks". */
typedef struct _GhTroubleshootingTopic GhTroubleshootingTopic;

/* Topics in the order the help shows them. */
guint                         gh_troubleshooting_get_n_topics    (void);
const GhTroubleshootingTopic *gh_troubleshooting_get_topic       (guint        position);
/* The topic with @id, or NULL when there is none. */
const GhTroubleshootingTopic *gh_troubleshooting_lookup          (const char  *id);
/* Its position in the order above, or -1 when @id is unknown. */
int                           gh_troubleshooting_get_position    (const char  *id);

const char *gh_troubleshooting_topic_get_id       (const GhTroubleshootingTopic *topic);
/* Translated: a short title, what the person sees, why it happens and what to do. */
const char *gh_troubleshooting_topic_get_title    (const GhTroubleshootingTopic *topic);
const char *gh_troubleshooting_topic_get_symptom  (const GhTroubleshootingTopic *topic);
const char *gh_troubleshooting_topic_get_cause    (const GhTroubleshootingTopic *topic);
const char *gh_troubleshooting_topic_get_fix      (const GhTroubleshootingTopic *topic);

/* TRUE when every word of @query starts a word of the topic (its texts, its search words in
 * English and translated, and Meta's error codes), ignoring case and accents; a long word
 * also matches another form of itself ("expired" finds "expires").  An empty query matches
 * every topic. */
gboolean    gh_troubleshooting_topic_matches      (const GhTroubleshootingTopic *topic,
                                                   const char                   *query);

/* The topic that explains @error (a GH_GRAPH_ERROR or GH_TOKEN_STORE_ERROR), or NULL when no
 * topic is about it (a dropped connection, say). */
const char *gh_troubleshooting_topic_for_error    (const GError *error);

G_END_DECLS
