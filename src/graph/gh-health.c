/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-health"

#include "config.h"

#include "gh-graph-error-private.h"
#include "gh-health.h"
#include "gh-json-private.h"

struct _GhHealth
{
  GObject    parent_instance;

  char      *can_send_message;
  GPtrArray *entities;
};

G_DEFINE_FINAL_TYPE (GhHealth, gh_health, G_TYPE_OBJECT)

static void
health_error_free (GhHealthError *error)
{
  g_free (error->description);
  g_free (error->solution);
  g_free (error);
}

static void
health_entity_free (GhHealthEntity *entity)
{
  g_free (entity->entity_type);
  g_free (entity->id);
  g_free (entity->can_send_message);
  g_ptr_array_unref (entity->errors);
  g_strfreev (entity->additional_info);
  g_free (entity);
}

/* error_code comes as a number in Meta's samples; a quoted one is read the same way. */
static gint64
error_code (JsonObject *error)
{
  g_autofree char *text = _gh_json_object_dup_id (error, "error_code");
  gint64 code = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &code, NULL))
    return 0;

  return code;
}

static GhHealthEntity *
parse_entity (JsonObject *object)
{
  GhHealthEntity *entity = g_new0 (GhHealthEntity, 1);
  JsonArray *errors = _gh_json_object_get_array (object, "errors");
  guint n = errors != NULL ? json_array_get_length (errors) : 0;

  entity->entity_type = g_strdup (_gh_json_object_get_string (object, "entity_type"));
  entity->id = _gh_json_object_dup_id (object, "id");
  entity->can_send_message = g_strdup (_gh_json_object_get_string (object, "can_send_message"));
  entity->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) health_error_free);
  entity->additional_info = _gh_json_object_dup_strv (object, "additional_info");
  if (entity->additional_info == NULL)
    entity->additional_info = g_new0 (char *, 1);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = _gh_json_node_get_object (json_array_get_element (errors, i));
      GhHealthError *error;

      if (item == NULL)
        continue;

      error = g_new0 (GhHealthError, 1);
      error->code = error_code (item);
      error->description = g_strdup (_gh_json_object_get_string (item, "error_description"));
      error->solution = g_strdup (_gh_json_object_get_string (item, "possible_solution"));
      g_ptr_array_add (entity->errors, error);
    }

  return entity;
}

static void
gh_health_finalize (GObject *object)
{
  GhHealth *self = (GhHealth *)object;

  g_free (self->can_send_message);
  g_ptr_array_unref (self->entities);

  G_OBJECT_CLASS (gh_health_parent_class)->finalize (object);
}

static void
gh_health_class_init (GhHealthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_health_finalize;
}

static void
gh_health_init (GhHealth *self)
{
  self->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) health_entity_free);
}

GhHealth *
gh_health_parse (JsonNode  *node,
                 GError   **error)
{
  g_autoptr(GhHealth) self = NULL;
  JsonObject *object = _gh_json_node_get_object (node);
  JsonArray *entities;
  guint n;

  if (object == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "The health status is not an object"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_HEALTH, NULL);
  self->can_send_message = g_strdup (_gh_json_object_get_string (object, "can_send_message"));

  entities = _gh_json_object_get_array (object, "entities");
  n = entities != NULL ? json_array_get_length (entities) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *entity = _gh_json_node_get_object (json_array_get_element (entities, i));

      if (entity != NULL)
        g_ptr_array_add (self->entities, parse_entity (entity));
    }

  return g_steal_pointer (&self);
}

const char *
gh_health_get_can_send_message (GhHealth *self)
{
  g_return_val_if_fail (GH_IS_HEALTH (self), NULL);

  return self->can_send_message;
}

GPtrArray *
gh_health_get_entities (GhHealth *self)
{
  g_return_val_if_fail (GH_IS_HEALTH (self), NULL);

  return self->entities;
}

GhHealthEntity *
gh_health_find_entity (GhHealth   *self,
                       const char *entity_type)
{
  g_return_val_if_fail (GH_IS_HEALTH (self), NULL);
  g_return_val_if_fail (entity_type != NULL, NULL);

  for (guint i = 0; i < self->entities->len; i++)
    {
      GhHealthEntity *entity = g_ptr_array_index (self->entities, i);

      if (g_strcmp0 (entity->entity_type, entity_type) == 0)
        return entity;
    }

  return NULL;
}

gboolean
gh_health_entity_is_available (const GhHealthEntity *entity)
{
  g_return_val_if_fail (entity != NULL, FALSE);

  return entity->errors->len == 0 &&
         (entity->can_send_message == NULL ||
          g_ascii_strcasecmp (entity->can_send_message, "AVAILABLE") == 0);
}
