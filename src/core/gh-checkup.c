/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-checkup"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-business-user.h"
#include "gh-checkup.h"
#include "gh-journal-entry.h"

/* Meta's Security Center advice, checked against one account: everyone with access uses
 * two-factor authentication, Full control stays with a few people, one system user per kind
 * of access (the admin one only for administration), and no invitation lingers. */

#define BUSINESS_SETTINGS_URI "https://business.facebook.com/settings/"

/* What an integration needs to connect and send messages: the fix for a system user that
 * has Full control without needing it. */
#define INTEGRATION_TASKS (GH_TASK_DEVELOP | GH_TASK_MESSAGING)

static const char * const two_factor_on[] = {
  "enabled", "on", "true", "yes", "active", "required", NULL
};
static const char * const two_factor_off[] = {
  "disabled", "off", "false", "no", "none", "inactive", "not_enabled", NULL
};

static GhCheckupPerson *
person_new (const GhAccessHolder *holder,
            const char           *detail)
{
  GhCheckupPerson *person = g_new0 (GhCheckupPerson, 1);
  g_autofree char *name = g_strstrip (g_strdup (holder->name != NULL ? holder->name : ""));

  person->id = g_strdup (holder->id);
  person->name = *name != '\0' ? g_steal_pointer (&name) : g_strdup (holder->id);
  person->detail = g_strdup (detail);

  return person;
}

static void
person_free (GhCheckupPerson *person)
{
  g_free (person->id);
  g_free (person->name);
  g_free (person->detail);
  g_free (person->fix_label);
  g_free (person);
}

static GhCheckupFinding *
finding_new (GhCheckupKind      kind,
             GhCheckupSeverity  severity)
{
  GhCheckupFinding *finding = g_new0 (GhCheckupFinding, 1);

  finding->kind = kind;
  finding->severity = severity;
  finding->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);

  return finding;
}

void
gh_checkup_finding_free (GhCheckupFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->title);
  g_free (finding->why);
  g_free (finding->link_uri);
  g_free (finding->link_label);
  g_ptr_array_unref (finding->people);
  g_free (finding);
}

static void
set_link (GhCheckupFinding *finding,
          const char       *input_business_id,
          const char       *page,
          const char       *label)
{
  g_autofree char *escaped = NULL;

  if (input_business_id == NULL)
    finding->link_uri = g_strconcat (BUSINESS_SETTINGS_URI, page, NULL);
  else
    {
      escaped = g_uri_escape_string (input_business_id, NULL, FALSE);
      finding->link_uri = g_strconcat (BUSINESS_SETTINGS_URI, page, "?business_id=", escaped,
                                       NULL);
    }
  finding->link_label = g_strdup (label);
}

static GhTaskFlags
holder_tasks (const GhAccessHolder *holder)
{
  g_auto(GStrv) words = g_strsplit (holder->tasks != NULL ? holder->tasks : "", " ", -1);

  return gh_task_flags_from_strv ((const char * const *) words, NULL);
}

static char *
tasks_detail (const GhAccessHolder *holder)
{
  g_autofree char *tasks = gh_journal_tasks_describe (holder->tasks);

  /* Translators: %s is a list of tasks, e.g. "Full control, Develop" */
  return g_strdup_printf (_("Has %s"), tasks);
}

static GhBusinessUser *
find_user (GPtrArray  *users,
           const char *id)
{
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      GhBusinessUser *user = g_ptr_array_index (users, i);

      if (g_strcmp0 (gh_business_user_get_id (user), id) == 0)
        return user;
    }

  return NULL;
}

static GhCheckupFinding *
check_two_factor (const GhCheckupInput *input)
{
  GhCheckupFinding *finding = finding_new (GH_CHECKUP_NO_TWO_FACTOR,
                                           GH_CHECKUP_SEVERITY_WARNING);
  guint n;

  for (guint i = 0; i < input->assigned->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (input->assigned, i);
      GhBusinessUser *user = holder->is_system_user ? NULL
                             : find_user (input->business_users, holder->id);
      g_autofree char *detail = NULL;
      GhCheckupPerson *person;

      if (user == NULL
          || gh_checkup_read_two_factor (gh_business_user_get_two_fac_status (user))
             != GH_TWO_FACTOR_OFF)
        continue;

      detail = tasks_detail (holder);
      person = person_new (holder, detail);
      person->fix = GH_CHECKUP_FIX_REMOVE;
      person->fix_label = g_strdup (_("_Remove From This Account"));
      g_ptr_array_add (finding->people, person);
    }

  n = finding->people->len;
  finding->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u person with access has no two-factor "
                                                 "authentication",
                                                 "%u people with access have no two-factor "
                                                 "authentication", n), n);
  finding->why = g_strdup (_("Without it a stolen password is enough to take over their "
                             "Facebook account, and with it this WhatsApp account. Meta’s "
                             "Security Center advises requiring it of everyone in the "
                             "business; until they turn it on, take their access away or "
                             "ask them to."));
  set_link (finding, input->business_id, "security-center",
            _("Open the _Security Center"));

  return finding;
}

static GhCheckupFinding *
check_full_control (const GhCheckupInput *input)
{
  GhCheckupFinding *finding = finding_new (GH_CHECKUP_TOO_MANY_FULL_CONTROL,
                                           GH_CHECKUP_SEVERITY_ADVICE);
  guint n;

  for (guint i = 0; i < input->assigned->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (input->assigned, i);
      g_autofree char *detail = NULL;
      GhCheckupPerson *person;

      if (holder->is_system_user || (holder_tasks (holder) & GH_TASK_MANAGE) == 0)
        continue;

      detail = tasks_detail (holder);
      person = person_new (holder, detail);
      person->fix = GH_CHECKUP_FIX_SET_TASKS;
      person->tasks = GH_TASK_PRESET_PARTIAL;
      person->fix_label = g_strdup (_("_Reduce to Partial Access"));
      g_ptr_array_add (finding->people, person);
    }

  n = finding->people->len;
  finding->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u person has Full control",
                                                 "%u people have Full control", n), n);
  finding->why = g_strdup_printf (_("Each of them can give anyone access to this account or "
                                    "take it away from everyone, the integration included. "
                                    "Meta advises keeping Full control to a few people: "
                                    "at most %u in a small business. Give the others only "
                                    "the tasks they use."), GH_CHECKUP_MAX_FULL_CONTROL);
  set_link (finding, input->business_id, "people", _("Open _People in Business Suite"));

  return finding;
}

static void
check_system_users (const GhCheckupInput *input,
                    GPtrArray            *findings)
{
  g_autoptr(GhCheckupFinding) own = finding_new (GH_CHECKUP_INTEGRATION_FULL_CONTROL,
                                                 GH_CHECKUP_SEVERITY_ADVICE);
  g_autoptr(GhCheckupFinding) others = finding_new (GH_CHECKUP_SYSTEM_USER_FULL_CONTROL,
                                                    GH_CHECKUP_SEVERITY_ADVICE);
  guint n;

  for (guint i = 0; i < input->assigned->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (input->assigned, i);
      g_autofree char *detail = NULL;
      GhCheckupPerson *person;

      if (!holder->is_system_user || (holder_tasks (holder) & GH_TASK_MANAGE) == 0)
        continue;

      detail = tasks_detail (holder);
      person = person_new (holder, detail);
      /* Taking Full control from this connection's own system user would lock Gatehouse
       * out: that one is fixed in Business Suite, with a system user of its own. */
      if (g_strcmp0 (holder->id, input->own_user_id) == 0)
        {
          g_ptr_array_add (own->people, person);
          continue;
        }
      person->fix = GH_CHECKUP_FIX_SET_TASKS;
      person->tasks = INTEGRATION_TASKS;
      person->fix_label = g_strdup (_("_Reduce to Develop and Messaging"));
      g_ptr_array_add (others->people, person);
    }

  if (own->people->len > 0)
    {
      own->title = g_strdup (_("The integration runs on a system user with Full control"));
      own->why = g_strdup (_("Anyone who gets this token can change who has access to the "
                             "account. Meta advises one system user per kind of access: keep "
                             "this admin one for administration, and give the integration a "
                             "system user of its own with Develop and Messaging only."));
      set_link (own, input->business_id, "system-users",
                _("Open _System Users in Business Suite"));
      g_ptr_array_add (findings, g_steal_pointer (&own));
    }

  n = others->people->len;
  if (n > 0)
    {
      others->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u other system user has Full control",
                                                    "%u other system users have Full control",
                                                    n), n);
      others->why = g_strdup (_("An integration needs Develop and Messaging to connect and "
                                "send messages, rarely more. With Full control its token "
                                "could change who has access. Meta advises one system user "
                                "per kind of access."));
      set_link (others, input->business_id, "system-users",
                _("Open _System Users in Business Suite"));
      g_ptr_array_add (findings, g_steal_pointer (&others));
    }
}

static GhCheckupFinding *
check_invitations (const GhCheckupInput *input)
{
  GhCheckupFinding *finding = finding_new (GH_CHECKUP_PENDING_INVITATION,
                                           GH_CHECKUP_SEVERITY_ADVICE);
  g_autoptr(GHashTable) assigned = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  for (guint i = 0; i < input->assigned->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (input->assigned, i);

      g_hash_table_insert (assigned, holder->id, holder);
    }

  for (guint i = 0; input->business_users != NULL && i < input->business_users->len; i++)
    {
      GhBusinessUser *user = g_ptr_array_index (input->business_users, i);
      const char *email = gh_business_user_get_pending_email (user);
      GhAccessHolder *holder = g_hash_table_lookup (assigned, gh_business_user_get_id (user));
      g_autoptr(GhAccessHolder) unassigned = NULL;
      g_autofree char *detail = NULL;
      GhCheckupPerson *person;

      if (email == NULL || *email == '\0')
        continue;

      if (holder == NULL)
        holder = unassigned = gh_access_holder_new (gh_business_user_get_id (user),
                                                    gh_business_user_get_display_name (user),
                                                    FALSE, NULL);
      if (holder != unassigned)
        /* Translators: %s is an e-mail address */
        detail = g_strdup_printf (_("Invited as %s; already has access to this account"), email);
      else
        /* Translators: %s is an e-mail address */
        detail = g_strdup_printf (_("Invited as %s"), email);
      person = person_new (holder, detail);
      if (holder != unassigned)
        {
          person->fix = GH_CHECKUP_FIX_REMOVE;
          person->fix_label = g_strdup (_("_Remove From This Account"));
        }
      g_ptr_array_add (finding->people, person);
    }

  n = finding->people->len;
  finding->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u invitation to the business is not "
                                                 "accepted yet",
                                                 "%u invitations to the business are not "
                                                 "accepted yet", n), n);
  finding->why = g_strdup (_("Whoever reads that mailbox can still accept it and join the "
                             "business. Cancel the invitations nobody is waiting for, and "
                             "send again the ones that are."));
  set_link (finding, input->business_id, "people", _("Open _People in Business Suite"));

  return finding;
}

static void
keep_if_found (GPtrArray        *findings,
               GhCheckupFinding *finding)
{
  if (finding->people->len > 0)
    g_ptr_array_add (findings, finding);
  else
    gh_checkup_finding_free (finding);
}

/* Public API */

GhTwoFactor
gh_checkup_read_two_factor (const char *status)
{
  g_autofree char *lower = NULL;

  if (status == NULL)
    return GH_TWO_FACTOR_UNKNOWN;

  lower = g_ascii_strdown (status, -1);
  g_strstrip (lower);
  if (g_strv_contains (two_factor_on, lower))
    return GH_TWO_FACTOR_ON;
  if (g_strv_contains (two_factor_off, lower))
    return GH_TWO_FACTOR_OFF;

  return GH_TWO_FACTOR_UNKNOWN;
}

GPtrArray *
gh_checkup_run (const GhCheckupInput *input)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_checkup_finding_free);

  g_return_val_if_fail (input != NULL && input->assigned != NULL, findings);

  if (input->business_users != NULL)
    keep_if_found (findings, check_two_factor (input));

  /* A few with Full control is how it should be. */
  {
    GhCheckupFinding *full = check_full_control (input);

    if (full->people->len > GH_CHECKUP_MAX_FULL_CONTROL)
      g_ptr_array_add (findings, full);
    else
      gh_checkup_finding_free (full);
  }

  check_system_users (input, findings);

  if (input->business_users != NULL)
    keep_if_found (findings, check_invitations (input));
  else
    {
      GhCheckupFinding *finding = finding_new (GH_CHECKUP_NOT_READ,
                                               GH_CHECKUP_SEVERITY_INFO);

      finding->title = g_strdup (_("Two-factor authentication and invitations could not be "
                                   "checked"));
      finding->why = g_strdup (input->not_read_reason != NULL
                               ? input->not_read_reason
                               : _("The business’s people could not be read."));
      g_ptr_array_add (findings, finding);
    }

  return findings;
}
