/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-business-user"

#include "config.h"

#include "gh-business-user.h"
#include "gh-business-user-private.h"
#include "gh-graph-error-private.h"
#include "gh-json-private.h"

struct _GhBusinessUser
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *display_name;
  char     *email;
  char     *role;
  gboolean  is_system_user;
  char     *two_fac_status;
  char     *pending_email;
};

G_DEFINE_FINAL_TYPE (GhBusinessUser, gh_business_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_nonblank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static gpointer
parse_item (JsonNode *element,
            gpointer  user_data)
{
  return gh_business_user_parse (element, GPOINTER_TO_INT (user_data), NULL);
}

static void
gh_business_user_finalize (GObject *object)
{
  GhBusinessUser *self = (GhBusinessUser *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->display_name);
  g_free (self->email);
  g_free (self->role);
  g_free (self->two_fac_status);
  g_free (self->pending_email);

  G_OBJECT_CLASS (gh_business_user_parent_class)->finalize (object);
}

static void
gh_business_user_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GhBusinessUser *self = GH_BUSINESS_USER (object);

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

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_business_user_class_init (GhBusinessUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_business_user_finalize;
  object_class->get_property = gh_business_user_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_business_user_init (GhBusinessUser *self)
{
}

GhBusinessUser *
gh_business_user_parse (JsonNode  *node,
                        gboolean   is_system_user,
                        GError   **error)
{
  g_autoptr(GhBusinessUser) self = NULL;
  g_autofree char *id = NULL;
  g_autofree char *full_name = NULL;
  JsonObject *object = _gh_json_node_get_object (node);
  const char *first_name;
  const char *last_name;

  id = _gh_json_object_dup_id (object, "id");
  if (id == NULL)
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "A business user without an ID"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_BUSINESS_USER, NULL);
  self->id = g_steal_pointer (&id);
  self->is_system_user = is_system_user;
  self->name = g_strdup (_gh_json_object_get_string (object, "name"));
  self->email = g_strdup (_gh_json_object_get_string (object, "email"));
  self->role = g_strdup (_gh_json_object_get_string (object, "role"));
  self->two_fac_status = g_strdup (_gh_json_object_get_string (object, "two_fac_status"));
  self->pending_email = g_strdup (_gh_json_object_get_string (object, "pending_email"));

  first_name = _gh_json_object_get_string (object, "first_name");
  last_name = _gh_json_object_get_string (object, "last_name");
  full_name = g_strdup_printf ("%s %s", first_name ? first_name : "",
                               last_name ? last_name : "");

  /* Whatever names the person best: the name, their first and last names, the e-mail,
   * and the ID as the last resort. */
  self->display_name = dup_nonblank (self->name);
  if (self->display_name == NULL)
    self->display_name = dup_nonblank (full_name);
  if (self->display_name == NULL)
    self->display_name = dup_nonblank (self->email);
  if (self->display_name == NULL)
    self->display_name = g_strdup (self->id);

  return g_steal_pointer (&self);
}

GPtrArray *
gh_business_user_parse_list (JsonNode  *node,
                             gboolean   is_system_user,
                             GError   **error)
{
  return _gh_json_parse_data_list (node, parse_item, GINT_TO_POINTER (is_system_user), "user",
                                   error);
}

const char *
gh_business_user_get_id (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), NULL);

  return self->id;
}

const char *
gh_business_user_get_name (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), NULL);

  return self->name;
}

const char *
gh_business_user_get_display_name (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), NULL);

  return self->display_name;
}

const char *
gh_business_user_get_email (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), NULL);

  return self->email;
}

const char *
_gh_business_user_get_role (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), NULL);

  return self->role;
}

gboolean
gh_business_user_is_system_user (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), FALSE);

  return self->is_system_user;
}

gboolean
gh_business_user_is_admin (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), FALSE);

  return g_strcmp0 (self->role, "ADMIN") == 0;
}

const char *
gh_business_user_get_two_fac_status (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), NULL);

  return self->two_fac_status;
}

const char *
gh_business_user_get_pending_email (GhBusinessUser *self)
{
  g_return_val_if_fail (GH_IS_BUSINESS_USER (self), NULL);

  return self->pending_email;
}
