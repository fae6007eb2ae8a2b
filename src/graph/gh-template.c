/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-template"

#include "config.h"

#include "gh-graph-error-private.h"
#include "gh-json-private.h"
#include "gh-template.h"
#include "gh-template-private.h"

struct _GhTemplateSummary
{
  GObject     parent_instance;

  gint64      summary_total;   /* -1 until a summary says */
  gint64      limit;
  gint64      seen;
  GHashTable *by_status;
  GHashTable *by_category;
};

G_DEFINE_FINAL_TYPE (GhTemplateSummary, gh_template_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOTAL,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
count (GHashTable *table,
       const char *key)
{
  guint n;

  if (key == NULL || *key == '\0')
    return;

  n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (n + 1));
}

static void
add_templates (GhTemplateSummary *self,
               JsonObject        *edge)
{
  JsonArray *items = _gh_json_object_get_array (edge, "data");
  guint n;

  if (items == NULL)
    return;

  n = json_array_get_length (items);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *template = _gh_json_node_get_object (json_array_get_element (items, i));

      if (template == NULL)
        continue;

      self->seen++;
      count (self->by_status, _gh_json_object_get_string (template, "status"));
      count (self->by_category, _gh_json_object_get_string (template, "category"));
    }
}

static void
gh_template_summary_finalize (GObject *object)
{
  GhTemplateSummary *self = (GhTemplateSummary *)object;

  g_clear_pointer (&self->by_status, g_hash_table_unref);
  g_clear_pointer (&self->by_category, g_hash_table_unref);

  G_OBJECT_CLASS (gh_template_summary_parent_class)->finalize (object);
}

static void
gh_template_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GhTemplateSummary *self = GH_TEMPLATE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_int64 (value, gh_template_summary_get_total (self));
      break;

    case PROP_LIMIT:
      g_value_set_int64 (value, self->limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_template_summary_class_init (GhTemplateSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_template_summary_finalize;
  object_class->get_property = gh_template_summary_get_property;

  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIMIT] =
    g_param_spec_int64 ("limit", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_template_summary_init (GhTemplateSummary *self)
{
  self->summary_total = -1;
  self->limit = -1;
  self->by_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GhTemplateSummary *
gh_template_summary_parse (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(GhTemplateSummary) self = NULL;
  JsonObject *object = _gh_json_node_get_object (node);
  JsonObject *summary;

  if (object == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "The template list is not an object"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_TEMPLATE_SUMMARY, NULL);

  summary = _gh_json_object_get_object (object, "summary");
  if (_gh_json_object_has_int (summary, "total_count"))
    self->summary_total = MAX (0, _gh_json_object_get_int (summary, "total_count", 0));
  if (_gh_json_object_has_int (summary, "message_template_limit"))
    self->limit = MAX (0, _gh_json_object_get_int (summary, "message_template_limit", 0));

  add_templates (self, object);

  return g_steal_pointer (&self);
}

void
_gh_template_summary_add_page (GhTemplateSummary *self,
                              JsonNode          *node)
{
  g_return_if_fail (GH_IS_TEMPLATE_SUMMARY (self));

  add_templates (self, _gh_json_node_get_object (node));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

gint64
gh_template_summary_get_total (GhTemplateSummary *self)
{
  g_return_val_if_fail (GH_IS_TEMPLATE_SUMMARY (self), 0);

  return self->summary_total >= 0 ? self->summary_total : self->seen;
}

gint64
gh_template_summary_get_counted (GhTemplateSummary *self)
{
  g_return_val_if_fail (GH_IS_TEMPLATE_SUMMARY (self), 0);

  return self->seen;
}

gint64
gh_template_summary_get_limit (GhTemplateSummary *self)
{
  g_return_val_if_fail (GH_IS_TEMPLATE_SUMMARY (self), -1);

  return self->limit;
}

GHashTable *
gh_template_summary_get_by_status (GhTemplateSummary *self)
{
  g_return_val_if_fail (GH_IS_TEMPLATE_SUMMARY (self), NULL);

  return self->by_status;
}

GHashTable *
gh_template_summary_get_by_category (GhTemplateSummary *self)
{
  g_return_val_if_fail (GH_IS_TEMPLATE_SUMMARY (self), NULL);

  return self->by_category;
}
