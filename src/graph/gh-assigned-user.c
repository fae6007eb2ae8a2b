/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assigned-user"

#include "config.h"

#include "gh-assigned-user.h"
#include "gh-assigned-user-private.h"
#include "gh-graph-error-private.h"
#include "gh-json-private.h"

struct _GhAssignedUser
{
  GObject      parent_instance;

  char        *id;
  char        *name;
  char        *display_name;
  char        *user_type;
  GhTaskFlags  tasks;
  GStrv        unknown_tasks;
};

G_DEFINE_FINAL_TYPE (GhAssignedUser, gh_assigned_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_USER_TYPE,
  PROP_TASKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
parse_item (JsonNode *element,
            gpointer  user_data)
{
  return _gh_assigned_user_parse (element, NULL);
}

static void
gh_assigned_user_finalize (GObject *object)
{
  GhAssignedUser *self = (GhAssignedUser *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->display_name);
  g_free (self->user_type);
  g_strfreev (self->unknown_tasks);

  G_OBJECT_CLASS (gh_assigned_user_parent_class)->finalize (object);
}

static void
gh_assigned_user_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GhAssignedUser *self = GH_ASSIGNED_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_USER_TYPE:
      g_value_set_string (value, self->user_type);
      break;

    case PROP_TASKS:
      g_value_set_uint (value, self->tasks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_assigned_user_class_init (GhAssignedUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_assigned_user_finalize;
  object_class->get_property = gh_assigned_user_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_TYPE] =
    g_param_spec_string ("user-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* GhTaskFlags is not a registered type; the flags travel as a plain uint. */
  properties[PROP_TASKS] =
    g_param_spec_uint ("tasks", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_assigned_user_init (GhAssignedUser *self)
{
}

GhAssignedUser *
_gh_assigned_user_parse (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(GhAssignedUser) self = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) wires = NULL;
  JsonObject *object = _gh_json_node_get_object (node);
  g_autofree char *stripped = NULL;

  id = _gh_json_object_dup_id (object, "id");
  if (id == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "An assigned user without an ID"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_ASSIGNED_USER, NULL);
  self->id = g_steal_pointer (&id);
  self->name = g_strdup (_gh_json_object_get_string (object, "name"));
  self->user_type = g_strdup (_gh_json_object_get_string (object, "user_type"));

  /* Meta's own sample has a name of " ": a person needs something to recognise. */
  stripped = g_strstrip (g_strdup (self->name ? self->name : ""));
  self->display_name = *stripped != '\0' ? g_steal_pointer (&stripped) : g_strdup (self->id);

  wires = _gh_json_object_dup_strv (object, "tasks");
  self->tasks = gh_task_flags_from_strv ((const char * const *) wires, &self->unknown_tasks);

  return g_steal_pointer (&self);
}

GPtrArray *
gh_assigned_user_parse_array (JsonArray *items)
{
  return _gh_json_array_parse_items (items, parse_item, NULL);
}

const char *
gh_assigned_user_get_id (GhAssignedUser *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNED_USER (self), NULL);

  return self->id;
}

const char *
gh_assigned_user_get_name (GhAssignedUser *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNED_USER (self), NULL);

  return self->name;
}

const char *
_gh_assigned_user_get_display_name (GhAssignedUser *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNED_USER (self), NULL);

  return self->display_name;
}

const char *
_gh_assigned_user_get_user_type (GhAssignedUser *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNED_USER (self), NULL);

  return self->user_type;
}

gboolean
gh_assigned_user_is_system_user (GhAssignedUser *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNED_USER (self), FALSE);

  return g_strcmp0 (self->user_type, "SYSTEM_USER") == 0;
}

GhTaskFlags
gh_assigned_user_get_tasks (GhAssignedUser *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNED_USER (self), GH_TASK_NONE);

  return self->tasks;
}

const char * const *
gh_assigned_user_get_unknown_tasks (GhAssignedUser *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNED_USER (self), NULL);

  return (const char * const *) self->unknown_tasks;
}
