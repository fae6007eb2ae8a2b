/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-recheck"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-recheck.h"

struct _GhRecheckFinding
{
  GObject parent_instance;

  GhSavedConnection *connection;
  GhRecheckChange change;
  char *message;
};

G_DEFINE_FINAL_TYPE (GhRecheckFinding, gh_recheck_finding, G_TYPE_OBJECT)

/* The permissions whose loss the person hears about, most important first. */
static const char * const watched_scopes[] = {
  "whatsapp_business_management",
  "whatsapp_business_messaging",
  "business_management",
  NULL
};

static gboolean
item_failed (GhCheckReport *report,
             const char    *id)
{
  GhCheckItem *item = gh_check_report_find_item (report, id);

  return item != NULL && gh_check_item_get_status (item) == GH_CHECK_STATUS_ERROR;
}

static const char *
connection_label (GhSavedConnection *saved)
{
  const char *label = gh_saved_connection_get_label (saved);

  return label != NULL ? label : _("this connection");
}

GhRecheckChange
gh_recheck_compare (GhSavedConnection *before,
                    GhCheckReport     *after,
                    gint64             now,
                    char             **message)
{
  GhTokenInfo *info;
  const char *label;
  gint64 expires_at;

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (before), GH_RECHECK_NONE);
  g_return_val_if_fail (GH_IS_CHECK_REPORT (after), GH_RECHECK_NONE);

  if (message != NULL)
    *message = NULL;

  label = connection_label (before);
  info = gh_check_report_get_token_info (after);

  if (item_failed (after, "token.valid"))
    {
      if (message != NULL)
        /* Translators: %s is the name of a saved connection */
        *message = g_strdup_printf (_("Meta no longer accepts the token of “%s”: it was "
                                      "revoked or expired, or its system user was removed."),
                                    label);
      return GH_RECHECK_TOKEN_REJECTED;
    }

  for (guint i = 0; info != NULL && watched_scopes[i] != NULL; i++)
    {
      const char *scope = watched_scopes[i];

      if (gh_saved_connection_had_scope (before, scope) && !gh_token_info_has_scope (info, scope))
        {
          if (message != NULL)
            /* Translators: the first %s is a saved connection, the second a permission name
             * as Meta shows it, e.g. whatsapp_business_messaging */
            *message = g_strdup_printf (_("The token of “%s” lost the %s permission."),
                                        label, scope);
          return GH_RECHECK_PERMISSION_LOST;
        }
    }

  if (item_failed (after, "accounts.found"))
    {
      if (message != NULL)
        /* Translators: %s is the name of a saved connection */
        *message = g_strdup_printf (_("The token of “%s” no longer reaches any WhatsApp "
                                      "Business Account."), label);
      return GH_RECHECK_ACCESS_LOST;
    }

  expires_at = info != NULL ? gh_token_info_get_expires_at (info) : 0;
  if (expires_at > 0 && expires_at - now < GH_RECHECK_EXPIRY_WARNING_DAYS * 24 * 60 * 60)
    {
      gint64 days = MAX (expires_at - now, 0) / (24 * 60 * 60);

      if (message != NULL)
        *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 /* Translators: %s is a saved connection */
                                                 "The token of “%s” stops working within a "
                                                 "day.",
                                                 "The token of “%s” stops working in %d days.",
                                                 days),
                                    label, (int) days);
      return GH_RECHECK_EXPIRES_SOON;
    }

  if (!gh_check_report_get_passed (after))
    {
      if (message != NULL)
        /* Translators: %s is the name of a saved connection */
        *message = g_strdup_printf (_("“%s” needs attention: something the integration needs "
                                      "is missing."), label);
      return GH_RECHECK_FAILING;
    }

  return GH_RECHECK_NONE;
}

void
gh_recheck_record (GhSavedConnection *saved,
                   GhCheckReport     *report,
                   gint64             now)
{
  GhTokenInfo *info;
  const char *user_name;

  g_return_if_fail (GH_IS_SAVED_CONNECTION (saved));
  g_return_if_fail (GH_IS_CHECK_REPORT (report));

  info = gh_check_report_get_token_info (report);
  gh_saved_connection_set_last_check (saved, now, gh_check_report_get_passed (report));

  /* A token Meta refused cannot inspect itself: keep what it had, so the loss stays
   * visible once it is replaced. */
  if (info != NULL && !item_failed (report, "token.valid"))
    {
      const char * const *scopes = gh_token_info_get_scopes (info);
      g_autofree char *joined = scopes != NULL ? g_strjoinv (",", (char **) scopes) : NULL;

      gh_saved_connection_set_scopes (saved, joined);
      gh_saved_connection_set_expires_at (saved, gh_token_info_get_expires_at (info));
    }

  user_name = gh_check_report_get_user_name (report);
  if (user_name != NULL && *user_name != '\0')
    gh_saved_connection_set_system_user_name (saved, user_name);
}

gboolean
gh_recheck_needs_new_token (GhRecheckChange change)
{
  return change == GH_RECHECK_TOKEN_REJECTED
         || change == GH_RECHECK_PERMISSION_LOST
         || change == GH_RECHECK_EXPIRES_SOON;
}

static void
gh_recheck_finding_finalize (GObject *object)
{
  GhRecheckFinding *self = (GhRecheckFinding *)object;

  g_clear_object (&self->connection);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (gh_recheck_finding_parent_class)->finalize (object);
}

static void
gh_recheck_finding_class_init (GhRecheckFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_recheck_finding_finalize;
}

static void
gh_recheck_finding_init (GhRecheckFinding *self)
{
}

GhRecheckFinding *
gh_recheck_finding_new (GhSavedConnection *connection,
                        GhRecheckChange    change,
                        const char        *message)
{
  GhRecheckFinding *self;

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (connection), NULL);

  self = g_object_new (GH_TYPE_RECHECK_FINDING, NULL);
  self->connection = g_object_ref (connection);
  self->change = change;
  self->message = g_strdup (message);

  return self;
}

GhSavedConnection *
gh_recheck_finding_get_connection (GhRecheckFinding *self)
{
  g_return_val_if_fail (GH_IS_RECHECK_FINDING (self), NULL);

  return self->connection;
}

const char *
gh_recheck_finding_get_id (GhRecheckFinding *self)
{
  g_return_val_if_fail (GH_IS_RECHECK_FINDING (self), NULL);

  return gh_saved_connection_get_id (self->connection);
}

GhRecheckChange
gh_recheck_finding_get_change (GhRecheckFinding *self)
{
  g_return_val_if_fail (GH_IS_RECHECK_FINDING (self), GH_RECHECK_NONE);

  return self->change;
}

const char *
gh_recheck_finding_get_message (GhRecheckFinding *self)
{
  g_return_val_if_fail (GH_IS_RECHECK_FINDING (self), NULL);

  return self->message;
}
