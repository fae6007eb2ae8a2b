/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-assignment"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-assignment-private.h"

G_DEFINE_FINAL_TYPE (GhAssignment, gh_assignment, G_TYPE_OBJECT)

static GParamSpec *properties[GH_ASSIGNMENT_N_PROPS];

static const char * const no_tasks[] = { NULL };

/* Internal API */

gboolean
_gh_strv_is_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

gboolean
_gh_strv_same_set (const char * const *a,
                   const char * const *b)
{
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    if (b == NULL || !g_strv_contains (b, a[i]))
      return FALSE;
  for (guint i = 0; b != NULL && b[i] != NULL; i++)
    if (a == NULL || !g_strv_contains (a, b[i]))
      return FALSE;

  return TRUE;
}

GStrv
_gh_strv_dup_or_null (const char * const *strv)
{
  return _gh_strv_is_empty (strv) ? NULL : g_strdupv ((GStrv) strv);
}

void
_gh_assignment_notify (GhAssignment     *self,
                       GhAssignmentProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_gh_assignment_set_name (GhAssignment *self,
                         const char   *name)
{
  g_autofree char *stripped = NULL;
  g_autofree char *lower = NULL;
  gboolean notify = self->id != NULL && self->display_name != NULL;

  if (self->display_name != NULL && g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  g_free (self->display_name);
  /* Meta's own sample has a name of " ": a person needs something to recognise. */
  self->display_name = *stripped != '\0' ? g_steal_pointer (&stripped) : g_strdup (self->id);

  g_free (self->search_key);
  if (g_strcmp0 (self->display_name, self->id) == 0)
    self->search_key = g_strdup (self->id);
  else
    {
      lower = g_utf8_strdown (self->display_name, -1);
      self->search_key = g_strconcat (lower, " ", self->id, NULL);
    }

  if (notify)
    {
      _gh_assignment_notify (self, GH_ASSIGNMENT_PROP_NAME);
      _gh_assignment_notify (self, GH_ASSIGNMENT_PROP_DISPLAY_NAME);
      _gh_assignment_notify (self, GH_ASSIGNMENT_PROP_SEARCH_KEY);
    }
}

GhAssignment *
_gh_assignment_new (const char *id,
                    const char *name,
                    gboolean    is_system_user,
                    const char *own_user_id)
{
  GhAssignment *self = g_object_new (GH_TYPE_ASSIGNMENT, NULL);

  self->id = g_strdup (id);
  self->is_system_user = !!is_system_user;
  self->is_own = own_user_id != NULL && g_strcmp0 (id, own_user_id) == 0;
  _gh_assignment_set_name (self, name);

  return self;
}

GhAssignment *
_gh_assignment_new_from_user (GhAssignedUser *user,
                              const char     *own_user_id)
{
  GhAssignment *self = _gh_assignment_new (gh_assigned_user_get_id (user),
                                           gh_assigned_user_get_name (user),
                                           gh_assigned_user_is_system_user (user),
                                           own_user_id);

  self->held_tasks = self->tasks = gh_assigned_user_get_tasks (user);
  self->unknown_tasks = _gh_strv_dup_or_null (gh_assigned_user_get_unknown_tasks (user));
  self->state = GH_ASSIGNMENT_STATE_UNCHANGED;

  return self;
}

void
_gh_assignment_set_result (GhAssignment       *self,
                           GhAssignmentResult  result,
                           const char         *message)
{
  if (self->result != result)
    {
      self->result = result;
      _gh_assignment_notify (self, GH_ASSIGNMENT_PROP_RESULT);
    }
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      _gh_assignment_notify (self, GH_ASSIGNMENT_PROP_MESSAGE);
    }
}

gboolean
_gh_assignment_stages_full_control (GhAssignment *self)
{
  return self->state != GH_ASSIGNMENT_STATE_REMOVED && (self->tasks & GH_TASK_MANAGE) != 0;
}

GhAssignmentState
_gh_assignment_compute_state (GhAssignment *self)
{
  if (self->is_new)
    return GH_ASSIGNMENT_STATE_NEW;
  if (self->removed)
    return GH_ASSIGNMENT_STATE_REMOVED;
  if (self->tasks != self->held_tasks)
    return GH_ASSIGNMENT_STATE_CHANGED;

  return GH_ASSIGNMENT_STATE_UNCHANGED;
}

void
_gh_assignment_set_tasks (GhAssignment *self,
                          GhTaskFlags   tasks)
{
  if (self->tasks == tasks)
    return;

  self->tasks = tasks;
  _gh_assignment_notify (self, GH_ASSIGNMENT_PROP_TASKS);
}

void
_gh_assignment_set_held (GhAssignment       *self,
                         GhTaskFlags         held_tasks,
                         const char * const *unknown)
{
  if (self->held_tasks != held_tasks)
    {
      self->held_tasks = held_tasks;
      _gh_assignment_notify (self, GH_ASSIGNMENT_PROP_HELD_TASKS);
    }
  if (!_gh_strv_same_set ((const char * const *) self->unknown_tasks, unknown))
    {
      g_strfreev (self->unknown_tasks);
      self->unknown_tasks = _gh_strv_dup_or_null (unknown);
    }
}

/* Overrides */

static void
gh_assignment_finalize (GObject *object)
{
  GhAssignment *self = (GhAssignment *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->display_name);
  g_free (self->search_key);
  g_free (self->message);
  g_strfreev (self->unknown_tasks);

  G_OBJECT_CLASS (gh_assignment_parent_class)->finalize (object);
}

static void
gh_assignment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GhAssignment *self = GH_ASSIGNMENT (object);

  switch (prop_id)
    {
    case GH_ASSIGNMENT_PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case GH_ASSIGNMENT_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case GH_ASSIGNMENT_PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case GH_ASSIGNMENT_PROP_IS_SYSTEM_USER:
      g_value_set_boolean (value, self->is_system_user);
      break;

    case GH_ASSIGNMENT_PROP_IS_OWN:
      g_value_set_boolean (value, self->is_own);
      break;

    case GH_ASSIGNMENT_PROP_TASKS:
      g_value_set_uint (value, self->tasks);
      break;

    case GH_ASSIGNMENT_PROP_HELD_TASKS:
      g_value_set_uint (value, self->held_tasks);
      break;

    case GH_ASSIGNMENT_PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case GH_ASSIGNMENT_PROP_RESULT:
      g_value_set_uint (value, self->result);
      break;

    case GH_ASSIGNMENT_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case GH_ASSIGNMENT_PROP_SEARCH_KEY:
      g_value_set_string (value, self->search_key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_assignment_class_init (GhAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gh_assignment_finalize;
  object_class->get_property = gh_assignment_get_property;

  properties[GH_ASSIGNMENT_PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[GH_ASSIGNMENT_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[GH_ASSIGNMENT_PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[GH_ASSIGNMENT_PROP_IS_SYSTEM_USER] =
    g_param_spec_boolean ("is-system-user", NULL, NULL, FALSE, flags);
  properties[GH_ASSIGNMENT_PROP_IS_OWN] =
    g_param_spec_boolean ("is-own", NULL, NULL, FALSE, flags);
  /* GhTaskFlags and the two enums are not registered types: they travel as plain uints. */
  properties[GH_ASSIGNMENT_PROP_TASKS] =
    g_param_spec_uint ("tasks", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[GH_ASSIGNMENT_PROP_HELD_TASKS] =
    g_param_spec_uint ("held-tasks", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[GH_ASSIGNMENT_PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, GH_ASSIGNMENT_STATE_REMOVED,
                       GH_ASSIGNMENT_STATE_UNCHANGED, flags);
  properties[GH_ASSIGNMENT_PROP_RESULT] =
    g_param_spec_uint ("result", NULL, NULL, 0, GH_ASSIGNMENT_RESULT_FAILED,
                       GH_ASSIGNMENT_RESULT_NONE, flags);
  properties[GH_ASSIGNMENT_PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[GH_ASSIGNMENT_PROP_SEARCH_KEY] =
    g_param_spec_string ("search-key", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, GH_ASSIGNMENT_N_PROPS, properties);
}

static void
gh_assignment_init (GhAssignment *self)
{
}

/* Public API */

const char *
gh_assignment_get_id (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->id;
}

const char *
gh_assignment_get_name (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->name;
}

const char *
gh_assignment_get_display_name (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->display_name;
}

gboolean
gh_assignment_get_is_system_user (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), FALSE);

  return self->is_system_user;
}

gboolean
gh_assignment_get_is_own (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), FALSE);

  return self->is_own;
}

GhTaskFlags
gh_assignment_get_tasks (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_TASK_NONE);

  return self->tasks;
}

GhTaskFlags
gh_assignment_get_held_tasks (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_TASK_NONE);

  return self->held_tasks;
}

const char * const *
gh_assignment_get_unknown_tasks (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), no_tasks);

  return self->unknown_tasks != NULL ? (const char * const *) self->unknown_tasks : no_tasks;
}

GhAssignmentState
gh_assignment_get_state (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_ASSIGNMENT_STATE_UNCHANGED);

  return self->state;
}

GhAssignmentResult
gh_assignment_get_result (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), GH_ASSIGNMENT_RESULT_NONE);

  return self->result;
}

const char *
gh_assignment_get_message (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->message;
}

const char *
gh_assignment_get_search_key (GhAssignment *self)
{
  g_return_val_if_fail (GH_IS_ASSIGNMENT (self), NULL);

  return self->search_key;
}
