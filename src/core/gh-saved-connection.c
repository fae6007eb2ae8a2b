/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-saved-connection"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-saved-connection.h"

struct _GhSavedConnection
{
  GObject parent_instance;

  char *id;
  char *label;
  char *business_id;
  char *business_name;
  char *system_user_name;
  char *waba_id;
  gint64 last_checked;
  gboolean last_check_ok;
  /* What the last check saw, so the next one can say what changed. */
  char *scopes;
  gint64 expires_at;
  char *system_user_id;
  char *app_id;
  char *app_name;
  char *account_ids;
};

G_DEFINE_FINAL_TYPE (GhSavedConnection, gh_saved_connection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_BUSINESS_ID,
  PROP_BUSINESS_NAME,
  PROP_SYSTEM_USER_NAME,
  PROP_WABA_ID,
  PROP_LAST_CHECKED,
  PROP_LAST_CHECK_OK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Empty strings come back from keyring attributes; treat them as "not known". */
static gboolean
set_string (GhSavedConnection *self,
            char             **field,
            const char        *value,
            GParamSpec        *pspec)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

static void
gh_saved_connection_finalize (GObject *object)
{
  GhSavedConnection *self = (GhSavedConnection *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->business_id, g_free);
  g_clear_pointer (&self->business_name, g_free);
  g_clear_pointer (&self->system_user_name, g_free);
  g_clear_pointer (&self->waba_id, g_free);
  g_clear_pointer (&self->scopes, g_free);
  g_clear_pointer (&self->system_user_id, g_free);
  g_clear_pointer (&self->app_id, g_free);
  g_clear_pointer (&self->app_name, g_free);
  g_clear_pointer (&self->account_ids, g_free);

  G_OBJECT_CLASS (gh_saved_connection_parent_class)->finalize (object);
}

static void
gh_saved_connection_constructed (GObject *object)
{
  GhSavedConnection *self = (GhSavedConnection *)object;

  G_OBJECT_CLASS (gh_saved_connection_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
gh_saved_connection_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GhSavedConnection *self = GH_SAVED_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_BUSINESS_ID:
      g_value_set_string (value, self->business_id);
      break;
    case PROP_BUSINESS_NAME:
      g_value_set_string (value, self->business_name);
      break;
    case PROP_SYSTEM_USER_NAME:
      g_value_set_string (value, self->system_user_name);
      break;
    case PROP_WABA_ID:
      g_value_set_string (value, self->waba_id);
      break;
    case PROP_LAST_CHECKED:
      g_value_set_int64 (value, self->last_checked);
      break;
    case PROP_LAST_CHECK_OK:
      g_value_set_boolean (value, self->last_check_ok);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_saved_connection_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GhSavedConnection *self = GH_SAVED_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      {
        const char *id = g_value_get_string (value);

        g_clear_pointer (&self->id, g_free);
        if (id != NULL && *id != '\0')
          self->id = g_strdup (id);
      }
      break;
    case PROP_LABEL:
      gh_saved_connection_set_label (self, g_value_get_string (value));
      break;
    case PROP_BUSINESS_ID:
      gh_saved_connection_set_business_id (self, g_value_get_string (value));
      break;
    case PROP_BUSINESS_NAME:
      gh_saved_connection_set_business_name (self, g_value_get_string (value));
      break;
    case PROP_SYSTEM_USER_NAME:
      gh_saved_connection_set_system_user_name (self, g_value_get_string (value));
      break;
    case PROP_WABA_ID:
      gh_saved_connection_set_waba_id (self, g_value_get_string (value));
      break;
    case PROP_LAST_CHECKED:
      gh_saved_connection_set_last_check (self, g_value_get_int64 (value), self->last_check_ok);
      break;
    case PROP_LAST_CHECK_OK:
      gh_saved_connection_set_last_check (self, self->last_checked, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_saved_connection_class_init (GhSavedConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_saved_connection_finalize;
  object_class->constructed = gh_saved_connection_constructed;
  object_class->get_property = gh_saved_connection_get_property;
  object_class->set_property = gh_saved_connection_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSINESS_ID] =
    g_param_spec_string ("business-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSINESS_NAME] =
    g_param_spec_string ("business-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SYSTEM_USER_NAME] =
    g_param_spec_string ("system-user-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WABA_ID] =
    g_param_spec_string ("waba-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_CHECKED] =
    g_param_spec_int64 ("last-checked", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_CHECK_OK] =
    g_param_spec_boolean ("last-check-ok", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_saved_connection_init (GhSavedConnection *self)
{
}

GhSavedConnection *
gh_saved_connection_new (void)
{
  return g_object_new (GH_TYPE_SAVED_CONNECTION, NULL);
}

GhSavedConnection *
gh_saved_connection_new_with_id (const char *id)
{
  return g_object_new (GH_TYPE_SAVED_CONNECTION, "id", id, NULL);
}

GhSavedConnection *
gh_saved_connection_copy (GhSavedConnection *self)
{
  GhSavedConnection *copy;

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);

  copy = g_object_new (GH_TYPE_SAVED_CONNECTION,
                       "id", self->id,
                       "label", self->label,
                       "business-id", self->business_id,
                       "business-name", self->business_name,
                       "system-user-name", self->system_user_name,
                       "waba-id", self->waba_id,
                       "last-checked", self->last_checked,
                       "last-check-ok", self->last_check_ok,
                       NULL);
  copy->scopes = g_strdup (self->scopes);
  copy->expires_at = self->expires_at;
  copy->system_user_id = g_strdup (self->system_user_id);
  copy->app_id = g_strdup (self->app_id);
  copy->app_name = g_strdup (self->app_name);
  copy->account_ids = g_strdup (self->account_ids);

  return copy;
}

const char *
gh_saved_connection_get_id (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->id;
}

const char *
gh_saved_connection_get_label (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->label;
}

void
gh_saved_connection_set_label (GhSavedConnection *self,
                               const char        *label)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_string (self, &self->label, label, properties[PROP_LABEL]);
}

const char *
gh_saved_connection_get_business_id (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->business_id;
}

void
gh_saved_connection_set_business_id (GhSavedConnection *self,
                                     const char        *business_id)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_string (self, &self->business_id, business_id, properties[PROP_BUSINESS_ID]);
}

const char *
gh_saved_connection_get_business_name (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->business_name;
}

void
gh_saved_connection_set_business_name (GhSavedConnection *self,
                                       const char        *business_name)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_string (self, &self->business_name, business_name, properties[PROP_BUSINESS_NAME]);
}

const char *
gh_saved_connection_get_system_user_name (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->system_user_name;
}

void
gh_saved_connection_set_system_user_name (GhSavedConnection *self,
                                          const char        *name)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_string (self, &self->system_user_name, name, properties[PROP_SYSTEM_USER_NAME]);
}

const char *
gh_saved_connection_get_waba_id (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->waba_id;
}

void
gh_saved_connection_set_waba_id (GhSavedConnection *self,
                                 const char        *waba_id)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_string (self, &self->waba_id, waba_id, properties[PROP_WABA_ID]);
}

gint64
gh_saved_connection_get_last_checked (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), 0);
  return self->last_checked;
}

gboolean
gh_saved_connection_get_last_check_ok (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), FALSE);
  return self->last_check_ok;
}

void
gh_saved_connection_set_last_check (GhSavedConnection *self,
                                    gint64             when,
                                    gboolean           ok)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));

  ok = !!ok;
  if (when < 0)
    when = 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->last_checked != when)
    {
      self->last_checked = when;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHECKED]);
    }
  if (self->last_check_ok != ok)
    {
      self->last_check_ok = ok;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHECK_OK]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
gh_saved_connection_get_scopes (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->scopes;
}

void
gh_saved_connection_set_scopes (GhSavedConnection *self,
                                const char        *scopes)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));

  if (scopes != NULL && *scopes == '\0')
    scopes = NULL;
  g_free (self->scopes);
  self->scopes = g_strdup (scopes);
}

gboolean
gh_saved_connection_had_scope (GhSavedConnection *self,
                               const char        *scope)
{
  g_auto(GStrv) scopes = NULL;

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  if (self->scopes == NULL)
    return FALSE;

  scopes = g_strsplit (self->scopes, ",", -1);
  return g_strv_contains ((const char * const *) scopes, scope);
}

gint64
gh_saved_connection_get_expires_at (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), 0);
  return self->expires_at;
}

void
gh_saved_connection_set_expires_at (GhSavedConnection *self,
                                    gint64             expires_at)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  self->expires_at = MAX (expires_at, 0);
}

/* Like the scopes, these are not properties: nothing shows them as they change. */
static void
set_plain_string (char       **field,
                  const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

const char *
gh_saved_connection_get_system_user_id (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->system_user_id;
}

void
gh_saved_connection_set_system_user_id (GhSavedConnection *self,
                                        const char        *user_id)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_plain_string (&self->system_user_id, user_id);
}

const char *
gh_saved_connection_get_app_id (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->app_id;
}

void
gh_saved_connection_set_app_id (GhSavedConnection *self,
                                const char        *app_id)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_plain_string (&self->app_id, app_id);
}

const char *
gh_saved_connection_get_app_name (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->app_name;
}

void
gh_saved_connection_set_app_name (GhSavedConnection *self,
                                  const char        *app_name)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_plain_string (&self->app_name, app_name);
}

const char *
gh_saved_connection_get_account_ids (GhSavedConnection *self)
{
  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);
  return self->account_ids;
}

void
gh_saved_connection_set_account_ids (GhSavedConnection *self,
                                     const char        *account_ids)
{
  g_return_if_fail (GH_IS_SAVED_CONNECTION (self));
  set_plain_string (&self->account_ids, account_ids);
}

static char *
describe_last_check (GhSavedConnection *self)
{
  gint64 when = gh_saved_connection_get_last_checked (self);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;

  if (when <= 0)
    return g_strdup (_("Not checked yet"));

  date = g_date_time_new_from_unix_local (when);
  /* Translators: a date, e.g. "22 Nov 2026" */
  date_text = g_date_time_format (date, _("%e %b %Y"));
  g_strstrip (date_text);

  if (gh_saved_connection_get_last_check_ok (self))
    /* Translators: %s is a date */
    return g_strdup_printf (_("Worked on %s"), date_text);
  /* Translators: %s is a date */
  return g_strdup_printf (_("Needed attention on %s"), date_text);
}

char *
gh_saved_connection_dup_description (GhSavedConnection *self)
{
  const char *business;
  const char *user;
  g_autofree char *checked = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (self), NULL);

  business = gh_saved_connection_get_business_name (self);
  user = gh_saved_connection_get_system_user_name (self);
  checked = describe_last_check (self);

  if (business != NULL && *business != '\0' && user != NULL && *user != '\0')
    /* Translators: a business portfolio's name, then the system user's, e.g.
     * "Lucky Shrub · Gatehouse Integration" */
    g_string_printf (text, _("%s · %s"), business, user);
  else if (business != NULL && *business != '\0')
    g_string_append (text, business);
  else if (user != NULL && *user != '\0')
    g_string_append (text, user);

  g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", checked);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
