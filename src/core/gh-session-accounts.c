/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-session"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-connection-private.h"
#include "gh-secret.h"
#include "gh-session-private.h"

/* Which account of the open connection is shown, remembered per saved connection. */

static GhCheckWaba *
find_check_waba (GhSession  *self,
                 const char *waba_id)
{
  GhCheckReport *report = self->connection != NULL
                          ? gh_connection_get_report (self->connection) : NULL;
  GPtrArray *wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;

  for (guint i = 0; waba_id != NULL && wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *candidate = g_ptr_array_index (wabas, i);

      if (g_strcmp0 (gh_check_waba_get_id (candidate), waba_id) == 0)
        return candidate;
    }

  return NULL;
}

/* The per-connection memory of the account switcher: only for saved connections (the demo
 * is new on every run, remembering it would only pile up). */
static const char *
remembered_key (GhSession *self)
{
  GhSavedConnection *saved = self->connection != NULL
                             ? gh_connection_get_saved (self->connection) : NULL;

  if (self->origin != GH_SESSION_ORIGIN_SAVED || saved == NULL)
    return NULL;

  return gh_saved_connection_get_id (saved);
}

char *
_gh_session_dup_remembered_waba (GhSession         *self,
                                 GhSavedConnection *saved)
{
  g_autoptr(GVariant) map = NULL;
  char *waba_id = NULL;

  if (saved == NULL)
    return NULL;

  map = g_settings_get_value (self->settings, "selected-wabas");
  if (!g_variant_lookup (map, gh_saved_connection_get_id (saved), "s", &waba_id))
    return NULL;

  return waba_id;
}

static char *
dup_remembered_waba (GhSession *self)
{
  GhSavedConnection *saved = self->connection != NULL
                             ? gh_connection_get_saved (self->connection) : NULL;

  return remembered_key (self) != NULL ? _gh_session_dup_remembered_waba (self, saved) : NULL;
}

static void
remember_waba (GhSession  *self,
               const char *waba_id)
{
  const char *key = remembered_key (self);
  g_autoptr(GVariant) map = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *k;
  const char *v;

  g_settings_set_string (self->settings, "last-waba", waba_id);
  if (key == NULL)
    return;

  map = g_settings_get_value (self->settings, "selected-wabas");
  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_variant_builder_add (&builder, "{ss}", key, waba_id);
  g_settings_set_value (self->settings, "selected-wabas", g_variant_builder_end (&builder));
}

const char *
gh_session_open_account (GhSession *self)
{
  g_autofree char *remembered = NULL;
  GhSavedConnection *saved;
  GhCheckReport *report;
  GhCheckWaba *check_waba;
  GhWaba *first;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  if (self->connection == NULL)
    return NULL;

  report = gh_connection_get_report (self->connection);
  saved = gh_connection_get_saved (self->connection);
  remembered = dup_remembered_waba (self);
  check_waba = find_check_waba (self, remembered);
  if (check_waba == NULL && saved != NULL)
    {
      check_waba = find_check_waba (self, gh_saved_connection_get_waba_id (saved));
      if (check_waba != NULL && gh_check_waba_get_waba (check_waba) == NULL)
        check_waba = NULL;
    }

  if (check_waba != NULL)
    gh_session_select_waba (self, gh_check_waba_get_id (check_waba));
  else if ((first = report != NULL ? gh_check_report_get_first_waba (report) : NULL) != NULL)
    gh_session_select_waba (self, gh_waba_get_id (first));
  else
    _gh_session_set_waba_id (self, NULL);

  return self->waba_id;
}

void
gh_session_select_waba (GhSession  *self,
                        const char *waba_id)
{
  g_return_if_fail (GH_IS_SESSION (self));
  g_return_if_fail (waba_id != NULL);

  remember_waba (self, waba_id);
  _gh_session_set_waba_id (self, waba_id);
}

const char *
gh_session_get_waba_id (GhSession *self)
{
  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  return self->waba_id;
}

const char *
gh_session_get_business_id (GhSession *self)
{
  GhCheckWaba *check_waba;
  GhWaba *waba;
  GhSavedConnection *saved;
  GhCheckReport *report;
  const char *business_id;

  g_return_val_if_fail (GH_IS_SESSION (self), NULL);

  if (self->connection == NULL)
    return NULL;

  check_waba = find_check_waba (self, self->waba_id);
  waba = check_waba != NULL ? gh_check_waba_get_waba (check_waba) : NULL;
  saved = gh_connection_get_saved (self->connection);
  business_id = waba != NULL ? gh_waba_get_owner_business_id (waba) : NULL;

  if (business_id == NULL && saved != NULL)
    business_id = gh_saved_connection_get_business_id (saved);
  if (business_id == NULL)
    {
      GhWaba *first;

      /* Accounts a token reaches nearly always belong to one portfolio. */
      report = gh_connection_get_report (self->connection);
      first = report != NULL ? gh_check_report_get_first_waba (report) : NULL;
      business_id = first != NULL ? gh_waba_get_owner_business_id (first) : NULL;
    }

  return business_id;
}

