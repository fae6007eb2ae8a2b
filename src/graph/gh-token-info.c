/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-info"

#include "config.h"

#include <string.h>

#include "gh-graph-error-private.h"
#include "gh-json-private.h"
#include "gh-token-info.h"
#include "gh-token-info-private.h"

struct _GhTokenInfo
{
  GObject      parent_instance;

  gboolean     is_valid;
  GhTokenKind  kind;
  char        *kind_string;
  char        *app_id;
  char        *application;
  char        *user_id;
  gint64       expires_at;
  gint64       issued_at;
  gint64       data_access_expires_at;
  GStrv        scopes;
  GHashTable  *target_ids;   /* scope → GStrv, only for scopes limited to some assets */
  GPtrArray   *granular;     /* scope names listed in granular_scopes */
  gint64       error_code;
  gint64       error_subcode;
};

G_DEFINE_FINAL_TYPE (GhTokenInfo, gh_token_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IS_VALID,
  PROP_KIND_STRING,
  PROP_APP_ID,
  PROP_APPLICATION,
  PROP_USER_ID,
  PROP_EXPIRES_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Members of debug_token's data: an object with none of them is not token information. */
static const char * const known_members[] = {
  "is_valid", "type", "app_id", "application", "user_id", "expires_at", "issued_at",
  "scopes", "granular_scopes", "data_access_expires_at", "error",
};

static GhTokenKind
kind_from_string (const char *kind)
{
  if (g_strcmp0 (kind, "SYSTEM_USER") == 0)
    return GH_TOKEN_KIND_SYSTEM_USER;
  if (g_strcmp0 (kind, "USER") == 0)
    return GH_TOKEN_KIND_USER;
  if (g_strcmp0 (kind, "PAGE") == 0)
    return GH_TOKEN_KIND_PAGE;
  if (g_strcmp0 (kind, "APP") == 0)
    return GH_TOKEN_KIND_APP;

  return GH_TOKEN_KIND_UNKNOWN;
}

static gboolean
looks_like_token_data (JsonObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_members); i++)
    if (json_object_has_member (object, known_members[i]))
      return TRUE;

  return FALSE;
}

static GStrv
dup_id_array (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = _gh_json_node_dup_id (json_array_get_element (array, i));

      if (id != NULL)
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static void
parse_granular_scopes (GhTokenInfo *self,
                       JsonArray   *granular)
{
  guint n;

  if (granular == NULL)
    return;

  n = json_array_get_length (granular);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = _gh_json_node_get_object (json_array_get_element (granular, i));
      const char *scope = _gh_json_object_get_string (entry, "scope");
      JsonArray *target_ids = _gh_json_object_get_array (entry, "target_ids");

      if (scope == NULL || *scope == '\0')
        continue;

      g_ptr_array_add (self->granular, g_strdup (scope));
      if (target_ids != NULL)
        g_hash_table_replace (self->target_ids, g_strdup (scope), dup_id_array (target_ids));
    }
}

static void
gh_token_info_finalize (GObject *object)
{
  GhTokenInfo *self = (GhTokenInfo *)object;

  g_free (self->kind_string);
  g_free (self->app_id);
  g_free (self->application);
  g_free (self->user_id);
  g_strfreev (self->scopes);
  g_clear_pointer (&self->target_ids, g_hash_table_unref);
  g_clear_pointer (&self->granular, g_ptr_array_unref);

  G_OBJECT_CLASS (gh_token_info_parent_class)->finalize (object);
}

static void
gh_token_info_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GhTokenInfo *self = GH_TOKEN_INFO (object);

  switch (prop_id)
    {
    case PROP_IS_VALID:
      g_value_set_boolean (value, self->is_valid);
      break;

    case PROP_KIND_STRING:
      g_value_set_string (value, self->kind_string);
      break;

    case PROP_APP_ID:
      g_value_set_string (value, self->app_id);
      break;

    case PROP_APPLICATION:
      g_value_set_string (value, self->application);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_EXPIRES_AT:
      g_value_set_int64 (value, self->expires_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_token_info_class_init (GhTokenInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_token_info_finalize;
  object_class->get_property = gh_token_info_get_property;

  properties[PROP_IS_VALID] =
    g_param_spec_boolean ("is-valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_STRING] =
    g_param_spec_string ("kind-string", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_APP_ID] =
    g_param_spec_string ("app-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION] =
    g_param_spec_string ("application", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPIRES_AT] =
    g_param_spec_int64 ("expires-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_token_info_init (GhTokenInfo *self)
{
  self->target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_strfreev);
  self->granular = g_ptr_array_new_with_free_func (g_free);
}

GhTokenInfo *
gh_token_info_parse (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(GhTokenInfo) self = NULL;
  JsonObject *root = _gh_json_node_get_object (node);
  JsonObject *data = _gh_json_object_get_object (root, "data");
  JsonObject *token_error;

  /* The inspection itself can fail (an expired token cannot inspect itself). */
  if (data == NULL && root != NULL && json_object_has_member (root, "error")
      && !json_object_has_member (root, "is_valid"))
    {
      g_propagate_error (error, gh_graph_error_new_from_json (
        _gh_json_object_get_object (root, "error"), 0));
      return NULL;
    }

  if (data == NULL)
    data = root;

  if (data == NULL || !looks_like_token_data (data))
    {
      g_propagate_error (error, _gh_graph_error_new_full (GH_GRAPH_ERROR_MALFORMED_RESPONSE,
                                                          0, FALSE,
                                                          "debug_token sent no token data"));
      return NULL;
    }

  self = g_object_new (GH_TYPE_TOKEN_INFO, NULL);
  self->is_valid = _gh_json_object_get_bool (data, "is_valid", FALSE);
  self->kind_string = g_strdup (_gh_json_object_get_string (data, "type"));
  self->kind = kind_from_string (self->kind_string);
  self->app_id = _gh_json_object_dup_id (data, "app_id");
  self->application = g_strdup (_gh_json_object_get_string (data, "application"));
  self->user_id = _gh_json_object_dup_id (data, "user_id");
  self->expires_at = _gh_json_object_get_int (data, "expires_at", 0);
  self->issued_at = _gh_json_object_get_int (data, "issued_at", 0);
  self->data_access_expires_at = _gh_json_object_get_int (data, "data_access_expires_at", 0);
  self->scopes = _gh_json_object_dup_strv (data, "scopes");
  if (self->scopes == NULL)
    self->scopes = g_new0 (char *, 1);
  parse_granular_scopes (self, _gh_json_object_get_array (data, "granular_scopes"));

  token_error = _gh_json_object_get_object (data, "error");
  self->error_code = _gh_json_object_get_int (token_error, "code", 0);
  self->error_subcode = _gh_json_object_get_int (token_error, "subcode",
                                                 _gh_json_object_get_int (token_error,
                                                                          "error_subcode", 0));

  return g_steal_pointer (&self);
}

gboolean
gh_token_info_get_is_valid (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), FALSE);

  return self->is_valid;
}

GhTokenKind
gh_token_info_get_kind (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), GH_TOKEN_KIND_UNKNOWN);

  return self->kind;
}

const char *
gh_token_info_get_kind_string (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), NULL);

  return self->kind_string;
}

const char *
gh_token_info_get_app_id (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), NULL);

  return self->app_id;
}

const char *
gh_token_info_get_application (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), NULL);

  return self->application;
}

const char *
gh_token_info_get_user_id (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), NULL);

  return self->user_id;
}

gint64
gh_token_info_get_expires_at (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), 0);

  return self->expires_at;
}

gint64
gh_token_info_get_issued_at (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), 0);

  return self->issued_at;
}

gint64
_gh_token_info_get_data_access_expires_at (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), 0);

  return self->data_access_expires_at;
}

const char * const *
gh_token_info_get_scopes (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), NULL);

  return (const char * const *) self->scopes;
}

gboolean
gh_token_info_has_scope (GhTokenInfo *self,
                         const char  *scope)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  if (g_strv_contains ((const char * const *) self->scopes, scope))
    return TRUE;

  for (guint i = 0; i < self->granular->len; i++)
    if (strcmp (g_ptr_array_index (self->granular, i), scope) == 0)
      return TRUE;

  return FALSE;
}

const char * const *
gh_token_info_get_target_ids (GhTokenInfo *self,
                              const char  *scope)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  return g_hash_table_lookup (self->target_ids, scope);
}

gint64
gh_token_info_get_error_code (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), 0);

  return self->error_code;
}

gint64
gh_token_info_get_error_subcode (GhTokenInfo *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_INFO (self), 0);

  return self->error_subcode;
}
