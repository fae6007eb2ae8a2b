/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Message templates are only summarised: how many, in which states and categories. */
#define GH_TYPE_TEMPLATE_SUMMARY (gh_template_summary_get_type ())
G_DECLARE_FINAL_TYPE (GhTemplateSummary, gh_template_summary, GH, TEMPLATE_SUMMARY, GObject)

/* @node: a message_templates edge ({"data": [...], "summary": {...}}); either part may be
 * missing.  Counts from "data" use each template's "status" and "category" strings. */
GhTemplateSummary *gh_template_summary_parse          (JsonNode          *node,
                                                       GError           **error);

/* summary.total_count, or the number of templates seen when absent. */
gint64             gh_template_summary_get_total      (GhTemplateSummary *self);
/* summary.message_template_limit, -1 when unknown. */
gint64             gh_template_summary_get_limit      (GhTemplateSummary *self);
/* How many templates the counts below cover (the ones listed, which may be fewer than the
 * total when only a first page was asked for). */
gint64             gh_template_summary_get_counted    (GhTemplateSummary *self);
/* Counts keyed by the status / category string as sent (e.g. "APPROVED"). */
GHashTable        *gh_template_summary_get_by_status  (GhTemplateSummary *self);
GHashTable        *gh_template_summary_get_by_category (GhTemplateSummary *self);

G_END_DECLS
