/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-subscribed-app"

#include "config.h"

#include "gh-graph-error-private.h"
#include "gh-json-private.h"
#include "gh-subscribed-app.h"

struct _GhSubscribedApp
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *link;
  char    *override_callback_uri;
};

G_DEFINE_FINAL_TYPE (GhSubscribedApp, gh_subscribed_app, G_TYPE_OBJECT)

static void
gh_subscribed_app_finalize (GObject *object)
{
  GhSubscribedApp *self = (GhSubscribedApp *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->link);
  g_free (self->override_callback_uri);

  G_OBJECT_CLASS (gh_subscribed_app_parent_class)->finalize (object);
}

static void
gh_subscribed_app_class_init (GhSubscribedAppClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_subscribed_app_finalize;
}

static void
gh_subscribed_app_init (GhSubscribedApp *self)
{
}

GhSubscribedApp *
gh_subscribed_app_parse (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(GhSubscribedApp) self = NULL;
  JsonObject *object = _gh_json_node_get_object (node);
  JsonObject *app = _gh_json_object_get_object (object, "whatsapp_business_api_data");
  g_autofree char *id = NULL;

  if (app == NULL)
    app = object;

  id = _gh_json_object_dup_id (app, "id");
  if (id == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "A subscribed app without an ID"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_SUBSCRIBED_APP, NULL);
  self->id = g_steal_pointer (&id);
  self->name = g_strdup (_gh_json_object_get_string (app, "name"));
  self->link = g_strdup (_gh_json_object_get_string (app, "link"));
  self->override_callback_uri =
    g_strdup (_gh_json_object_get_string (object, "override_callback_uri"));

  return g_steal_pointer (&self);
}

GPtrArray *
gh_subscribed_app_parse_list (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(GPtrArray) apps = NULL;
  JsonArray *items = _gh_json_object_get_array (_gh_json_node_get_object (node), "data");
  guint n;

  if (items == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "The subscribed app list has no "
                                                          "data"));
      return NULL;
    }

  apps = g_ptr_array_new_with_free_func (g_object_unref);
  n = json_array_get_length (items);
  for (guint i = 0; i < n; i++)
    {
      GhSubscribedApp *app = gh_subscribed_app_parse (json_array_get_element (items, i), NULL);

      if (app != NULL)
        g_ptr_array_add (apps, app);
    }

  return g_steal_pointer (&apps);
}

const char *
gh_subscribed_app_get_id (GhSubscribedApp *self)
{
  g_return_val_if_fail (GH_IS_SUBSCRIBED_APP (self), NULL);

  return self->id;
}

const char *
gh_subscribed_app_get_name (GhSubscribedApp *self)
{
  g_return_val_if_fail (GH_IS_SUBSCRIBED_APP (self), NULL);

  return self->name;
}

const char *
gh_subscribed_app_get_link (GhSubscribedApp *self)
{
  g_return_val_if_fail (GH_IS_SUBSCRIBED_APP (self), NULL);

  return self->link;
}

const char *
gh_subscribed_app_get_override_callback_uri (GhSubscribedApp *self)
{
  g_return_val_if_fail (GH_IS_SUBSCRIBED_APP (self), NULL);

  return self->override_callback_uri;
}

GhSubscribedApp *
gh_subscribed_app_find (GPtrArray  *apps,
                        const char *app_id)
{
  if (apps == NULL || app_id == NULL)
    return NULL;

  for (guint i = 0; i < apps->len; i++)
    {
      GhSubscribedApp *app = g_ptr_array_index (apps, i);

      if (g_strcmp0 (app->id, app_id) == 0)
        return app;
    }

  return NULL;
}
