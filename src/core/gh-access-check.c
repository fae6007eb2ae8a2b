/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-access-check"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-access-check.h"
#include "gh-check-report-private.h"
#include "gh-graph-error.h"
#include "gh-readiness.h"
#include "gh-recheck.h"
#include "gh-task.h"

/* The scopes Gatehouse looks at, and how much each one matters. */
#define SCOPE_MANAGEMENT "whatsapp_business_management"
#define SCOPE_MESSAGING  "whatsapp_business_messaging"
#define SCOPE_BUSINESS   "business_management"
#define SCOPE_CATALOG    "catalog_management"

/* A token whose lifetime is at most this long is the temporary one from API Setup; an hour
 * of slack covers clocks and rounding on Meta's side. */
#define TEMPORARY_TOKEN_LIFETIME (24 * 60 * 60 + 60 * 60)

#define DAY (24 * 60 * 60)
/* An expiring token turns into a warning this close to its end, as the re-check's does. */
#define EXPIRY_WARNING_DAYS GH_RECHECK_EXPIRY_WARNING_DAYS

static GhCheckItem *
add_item (GhCheckReport *report,
          const char    *id,
          GhCheckStatus  status,
          gboolean       required,
          const char    *title,
          const char    *description,
          const char    *fix,
          GhGuideStep    fix_step)
{
  return _gh_check_report_add_item (report, id, status, required, title, description, fix,
                                    fix_step);
}

static const char *
waba_display_name (GhCheckWaba *check_waba)
{
  const char *name = NULL;

  if (check_waba->waba != NULL)
    name = gh_waba_get_name (check_waba->waba);

  if (name == NULL || *name == '\0')
    name = check_waba->id;

  return name;
}

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  if (strv == NULL || str == NULL)
    return FALSE;

  return g_strv_contains (strv, str);
}

static char *
format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (unix_seconds);
  char *text = NULL;

  if (date != NULL)
    /* TRANSLATORS: a date as in "It stops working on 12 March 2026"; see g_date_time_format */
    text = g_date_time_format (date, C_("expiry date", "%-d %B %Y"));

  return text != NULL ? text : g_strdup_printf ("%" G_GINT64_FORMAT, unix_seconds);
}

/* Items */

static void
add_token_item (GhCheckReport *report,
                GhTokenInfo   *info,
                const GError  *token_error,
                gboolean       reached_anything)
{
  const char *fix_new_token = _("Generate a new token for the system user and paste it here.");
  gboolean expired = FALSE;
  gboolean rejected = FALSE;

  if (token_error != NULL)
    {
      rejected = TRUE;
      expired = g_error_matches (token_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED);
    }
  else if (info != NULL && !gh_token_info_get_is_valid (info))
    {
      rejected = TRUE;
      expired = gh_token_info_get_error_code (info) == 190 &&
                gh_token_info_get_error_subcode (info) == 463;
    }

  if (expired)
    {
      add_item (report, "token.valid", GH_CHECK_STATUS_ERROR, TRUE,
                _("This token has expired"),
                _("Meta no longer accepts it because the time it was made for ran out."),
                _("Generate a new token for the system user and choose Never as its expiry."),
                GH_GUIDE_STEP_GENERATE_TOKEN);
    }
  else if (rejected)
    {
      add_item (report, "token.valid", GH_CHECK_STATUS_ERROR, TRUE,
                _("This token no longer works"),
                _("Meta did not accept it: it was revoked, mistyped, or its system user or app "
                  "was removed."),
                fix_new_token, GH_GUIDE_STEP_GENERATE_TOKEN);
    }
  else if (info != NULL || report->user_id != NULL || reached_anything)
    {
      g_autofree char *description = NULL;

      if (report->user_name != NULL && *report->user_name != '\0')
        description = g_strdup_printf (_("Meta accepts it as the token of “%s”."),
                                       report->user_name);
      else
        description = g_strdup (_("Meta accepts it."));

      add_item (report, "token.valid", GH_CHECK_STATUS_OK, TRUE,
                _("The token is accepted"), description, NULL, GH_GUIDE_STEP_NONE);
    }
  else
    {
      add_item (report, "token.valid", GH_CHECK_STATUS_WARNING, TRUE,
                _("The token could not be confirmed"),
                _("Meta did not say whether it accepts this token."),
                _("Check the connection to the internet and run the check again."),
                GH_GUIDE_STEP_NONE);
    }
}

static void
add_kind_item (GhCheckReport *report,
               GhTokenInfo   *info)
{
  const char *fix = _("In Business settings, create a system user and generate its token "
                      "instead.");

  if (info == NULL)
    {
      add_item (report, "token.kind", GH_CHECK_STATUS_WARNING, TRUE,
                _("Kind of token unknown"),
                _("Meta did not say whether this is a system user token."),
                fix, GH_GUIDE_STEP_SYSTEM_USER);
      return;
    }

  switch (gh_token_info_get_kind (info))
    {
    case GH_TOKEN_KIND_SYSTEM_USER:
      add_item (report, "token.kind", GH_CHECK_STATUS_OK, TRUE,
                _("A system user token"),
                _("It belongs to a system user, not to a person, so it keeps working when "
                  "people come and go."),
                NULL, GH_GUIDE_STEP_NONE);
      break;

    case GH_TOKEN_KIND_USER:
      add_item (report, "token.kind", GH_CHECK_STATUS_ERROR, TRUE,
                _("This is a personal or 24-hour token"),
                _("It belongs to a person’s Facebook account, like the temporary token of the "
                  "app’s API Setup page, and stops working soon."),
                fix, GH_GUIDE_STEP_SYSTEM_USER);
      break;

    case GH_TOKEN_KIND_PAGE:
      add_item (report, "token.kind", GH_CHECK_STATUS_ERROR, TRUE,
                _("This is a Page token"),
                _("It gives access to a Facebook Page, not to WhatsApp accounts."),
                fix, GH_GUIDE_STEP_SYSTEM_USER);
      break;

    case GH_TOKEN_KIND_APP:
      add_item (report, "token.kind", GH_CHECK_STATUS_ERROR, TRUE,
                _("This is an app token"),
                _("It speaks for the app itself and cannot reach a business’s WhatsApp "
                  "accounts."),
                fix, GH_GUIDE_STEP_SYSTEM_USER);
      break;

    case GH_TOKEN_KIND_UNKNOWN:
    default:
      {
        const char *kind = gh_token_info_get_kind_string (info);
        g_autofree char *description = NULL;

        if (kind != NULL && *kind != '\0')
          description = g_strdup_printf (_("Meta calls it a “%s” token, which Gatehouse does "
                                           "not know."), kind);
        else
          description = g_strdup (_("Meta did not say whether this is a system user token."));

        add_item (report, "token.kind", GH_CHECK_STATUS_WARNING, TRUE,
                  _("Kind of token unknown"), description, fix, GH_GUIDE_STEP_SYSTEM_USER);
      }
      break;
    }
}

static void
add_expiry_item (GhCheckReport *report,
                 GhTokenInfo   *info,
                 gint64         now)
{
  const char *fix = _("Generate a new token for the system user and choose Never as its "
                      "expiry.");
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  gint64 expires_at;
  gint64 issued_at;

  if (info == NULL)
    {
      add_item (report, "token.expiry", GH_CHECK_STATUS_WARNING, TRUE,
                _("Expiry unknown"),
                _("Meta did not say when this token stops working."),
                fix, GH_GUIDE_STEP_GENERATE_TOKEN);
      return;
    }

  expires_at = gh_token_info_get_expires_at (info);
  issued_at = gh_token_info_get_issued_at (info);

  if (expires_at <= 0)
    {
      add_item (report, "token.expiry", GH_CHECK_STATUS_OK, TRUE,
                _("Never expires"),
                _("The token keeps working until someone revokes it."),
                NULL, GH_GUIDE_STEP_NONE);
      return;
    }

  date = format_date (expires_at);

  if (expires_at <= now)
    {
      description = g_strdup_printf (_("It stopped working on %s."), date);
      add_item (report, "token.expiry", GH_CHECK_STATUS_ERROR, TRUE,
                _("This token has expired"), description, fix, GH_GUIDE_STEP_GENERATE_TOKEN);
    }
  else if (issued_at > 0 && expires_at - issued_at <= TEMPORARY_TOKEN_LIFETIME)
    {
      description = g_strdup_printf (_("It was made to last a single day and stops working "
                                       "on %s."), date);
      add_item (report, "token.expiry", GH_CHECK_STATUS_ERROR, TRUE,
                _("This token lasts only 24 hours"), description, fix,
                GH_GUIDE_STEP_GENERATE_TOKEN);
    }
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *days_left = NULL;
      /* Days left to the nearest whole day (Meta's 60 days read as 60, not 59), at least 1. */
      int days = (int) CLAMP ((expires_at - now + DAY / 2) / DAY, 1, G_MAXINT);
      gboolean soon = days <= EXPIRY_WARNING_DAYS;

      /* Translators: %s is a date, e.g. "13 January 2027" */
      title = g_strdup_printf (_("Ends on %s"), date);
      days_left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days),
                                   days);
      /* An expiring system-user token is what Meta now recommends (and some businesses are
       * not offered Never): a date, not a problem, until the end is near. */
      if (soon)
        /* Translators: the first %s is a date, the second "N days" */
        description = g_strdup_printf (_("Ends on %s (%s). Replace it before then, and the "
                                         "integration’s copy with it."), date, days_left);
      else
        /* Translators: the first %s is a date, the second "N days" */
        description = g_strdup_printf (_("Ends on %s (%s). Gatehouse will remind you."),
                                       date, days_left);
      add_item (report, "token.expiry", soon ? GH_CHECK_STATUS_WARNING : GH_CHECK_STATUS_OK,
                TRUE, title, description,
                _("Generate a new token for the system user, give it to the integration and "
                  "replace it here; then revoke the old one."),
                GH_GUIDE_STEP_GENERATE_TOKEN);
    }
}

typedef enum
{
  SCOPE_REQUIRED,
  SCOPE_RECOMMENDED,
  SCOPE_OPTIONAL,
} ScopeNeed;

static void
add_scope_item (GhCheckReport *report,
                GhTokenInfo   *info,
                const char    *scope,
                ScopeNeed      need,
                const char    *purpose,
                gboolean       seen_working)
{
  g_autofree char *id = g_strconcat ("permission.", scope, NULL);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *fix = NULL;
  GhCheckStatus status;

  /* TRANSLATORS: %s is a permission name as Meta shows it, e.g. whatsapp_business_messaging */
  title = g_strdup_printf (_("Permission %s"), scope);
  /* TRANSLATORS: %s is a permission name as Meta shows it */
  fix = g_strdup_printf (_("Generate a new token with %s ticked. If it is not offered, assign "
                           "the app to the system user first."), scope);

  if (info == NULL && seen_working)
    {
      status = GH_CHECK_STATUS_OK;
      /* TRANSLATORS: %s says what the permission is for */
      description = g_strdup_printf (_("%s Reading the WhatsApp account worked."), purpose);
    }
  else if (info == NULL)
    {
      status = need == SCOPE_OPTIONAL ? GH_CHECK_STATUS_OK : GH_CHECK_STATUS_WARNING;
      /* TRANSLATORS: %s says what the permission is for */
      description = g_strdup_printf (_("%s Meta did not list the token’s permissions."),
                                     purpose);
    }
  else if (gh_token_info_has_scope (info, scope))
    {
      status = GH_CHECK_STATUS_OK;
      description = g_strdup (purpose);
    }
  else
    {
      switch (need)
        {
        case SCOPE_REQUIRED:
          status = GH_CHECK_STATUS_ERROR;
          /* TRANSLATORS: %s says what the permission is for */
          description = g_strdup_printf (_("Missing. %s"), purpose);
          break;
        case SCOPE_RECOMMENDED:
          status = GH_CHECK_STATUS_WARNING;
          /* TRANSLATORS: %s says what the permission is for */
          description = g_strdup_printf (_("Missing, and recommended. %s"), purpose);
          break;
        case SCOPE_OPTIONAL:
        default:
          status = GH_CHECK_STATUS_OK;
          /* TRANSLATORS: %s says what the permission is for */
          description = g_strdup_printf (_("Not given, which is fine. %s"), purpose);
          break;
        }
    }

  add_item (report, id, status, need == SCOPE_REQUIRED, title, description, fix,
            GH_GUIDE_STEP_GENERATE_TOKEN);
}

static void
add_scope_items (GhCheckReport *report,
                 GhTokenInfo   *info,
                 guint          n_readable)
{
  add_scope_item (report, info, SCOPE_MANAGEMENT, SCOPE_REQUIRED,
                  _("Lets the integration read the WhatsApp account, its phone numbers and "
                    "message templates."),
                  n_readable > 0);
  add_scope_item (report, info, SCOPE_MESSAGING, SCOPE_REQUIRED,
                  _("Lets the integration send and receive WhatsApp messages."), FALSE);
  add_scope_item (report, info, SCOPE_BUSINESS, SCOPE_RECOMMENDED,
                  _("Lets Gatehouse find the business’s accounts and its system users, and "
                    "read this system user’s role."), FALSE);
  add_scope_item (report, info, SCOPE_CATALOG, SCOPE_OPTIONAL,
                  _("Only needed to sell from a product catalog in WhatsApp."), FALSE);
}

static gboolean
waba_outside_targets (GhTokenInfo *info,
                      const char  *waba_id)
{
  static const char * const scopes[] = { SCOPE_MANAGEMENT, SCOPE_MESSAGING };

  if (info == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      const char * const *targets = gh_token_info_get_target_ids (info, scopes[i]);

      if (targets != NULL && !strv_contains (targets, waba_id))
        return TRUE;
    }

  return FALSE;
}

/* An account the token found but cannot read.  Only the one the person chose is a problem:
 * the others (granted in the token dialog but never assigned, say) are named and left be. */
static void
add_unreachable_item (GhCheckReport *report,
                      GhCheckWaba   *check_waba,
                      const char    *id,
                      const char    *assign_fix)
{
  const GError *error = check_waba->error;
  GhCheckStatus status = check_waba->chosen ? GH_CHECK_STATUS_ERROR : GH_CHECK_STATUS_WARNING;
  g_autofree char *description = NULL;
  const char *title;

  if (error == NULL || g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION))
    {
      title = check_waba->chosen ? _("The chosen WhatsApp account is out of reach")
                                 : _("Another WhatsApp account, out of reach");
      if (check_waba->chosen)
        /* Translators: %s is a WhatsApp Business Account ID */
        description = g_strdup_printf (_("Meta refuses to show the WhatsApp account this "
                                         "connection uses (ID %s) to the token: its system "
                                         "user is not assigned to it."), check_waba->id);
      else
        /* Translators: %s is a WhatsApp Business Account ID */
        description = g_strdup_printf (_("The token’s permissions name the WhatsApp account "
                                         "with ID %s, but its system user is not assigned to "
                                         "it, so Meta does not show it. That is fine if the "
                                         "integration does not use it."), check_waba->id);
      add_item (report, id, status, FALSE, title, description, assign_fix,
                GH_GUIDE_STEP_ASSIGN_WABA);
    }
  else
    {
      GhGraphErrorCode code = error->domain == GH_GRAPH_ERROR
        ? (GhGraphErrorCode)error->code
        : GH_GRAPH_ERROR_UNKNOWN;

      title = check_waba->chosen ? _("The chosen WhatsApp account could not be read")
                                 : _("Another WhatsApp account could not be read");
      /* Translators: the first %s is a WhatsApp Business Account ID, the second says why */
      description = g_strdup_printf (_("The account with ID %s: %s"), check_waba->id,
                                     gh_graph_error_code_to_summary (code));
      add_item (report, id, status, FALSE, title, description,
                gh_graph_error_code_to_next_step (code), GH_GUIDE_STEP_NONE);
    }
}

static void
add_waba_items (GhCheckReport *report,
                GhTokenInfo   *info)
{
  const char *assign_fix = _("In Business settings → Accounts → WhatsApp Accounts, open the "
                             "account, choose Add people and give the system user Full "
                             "control.");
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_readable = 0;

  for (guint i = 0; i < report->wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (report->wabas, i);

      if (check_waba->waba == NULL)
        continue;

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, waba_display_name (check_waba));
      n_readable++;
    }

  if (n_readable == 0)
    {
      add_item (report, "accounts.found", GH_CHECK_STATUS_ERROR, TRUE,
                _("No WhatsApp account reached"),
                _("The token does not reach any WhatsApp Business Account."),
                assign_fix, GH_GUIDE_STEP_ASSIGN_WABA);
    }
  else
    {
      g_autofree char *description = NULL;

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The token reaches %s.",
                                                  "The token reaches these accounts: %s.",
                                                  n_readable),
                                     names->str);
      add_item (report, "accounts.found", GH_CHECK_STATUS_OK, TRUE,
                g_dngettext (GETTEXT_PACKAGE, "WhatsApp account found",
                             "WhatsApp accounts found", n_readable),
                description, NULL, GH_GUIDE_STEP_NONE);
    }

  for (guint i = 0; i < report->wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (report->wabas, i);
      g_autofree char *id = g_strdup_printf ("account.%s.reachable", check_waba->id);
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      if (check_waba->waba == NULL)
        add_unreachable_item (report, check_waba, id, assign_fix);
      else if (waba_outside_targets (info, check_waba->id))
        {
          title = g_strdup (waba_display_name (check_waba));
          description = g_strdup_printf (_("The token’s WhatsApp permissions were given for "
                                           "other accounts, not for this one (ID %s)."),
                                         check_waba->id);
          add_item (report, id, GH_CHECK_STATUS_WARNING, FALSE, title, description,
                    _("Assign this account to the system user, then generate a new token."),
                    GH_GUIDE_STEP_ASSIGN_WABA);
        }
      else
        {
          title = g_strdup (waba_display_name (check_waba));
          description = g_strdup_printf (_("The token can read this WhatsApp account "
                                           "(ID %s)."), check_waba->id);
          add_item (report, id, GH_CHECK_STATUS_OK, FALSE, title, description,
                    NULL, GH_GUIDE_STEP_NONE);
        }
    }
}

static void
add_admin_item (GhCheckReport *report)
{
  const char *fix = _("In Business settings → Users → System users, give the system user "
                      "Full control. Only needed to edit access with Gatehouse.");

  if (report->is_admin > 0)
    add_item (report, "token.admin", GH_CHECK_STATUS_OK, FALSE,
              _("System user with full control"),
              _("It can edit who has access to the WhatsApp accounts."),
              NULL, GH_GUIDE_STEP_NONE);
  else if (report->is_admin == 0)
    add_item (report, "token.admin", GH_CHECK_STATUS_WARNING, FALSE,
              _("System user with basic access"),
              _("It is read-only here: it can’t change the people assigned to the accounts."),
              fix, GH_GUIDE_STEP_SYSTEM_USER);
  else
    add_item (report, "token.admin", GH_CHECK_STATUS_WARNING, FALSE,
              _("Role of the system user unknown"),
              _("Gatehouse could not read this system user’s role. Editing who has access "
                "stays on; if Meta refuses a change, Gatehouse says why."),
              fix, GH_GUIDE_STEP_SYSTEM_USER);
}

/* Whether the token may change the account's set-up (subscribe its app, register a number):
 * an admin system user may, so may one whose tasks here include @enough; the token needs
 * whatsapp_business_management either way.  -1 when nothing says. */
static int
may_change (GhTokenInfo        *info,
            int                 is_admin,
            const char * const *tasks,
            GhTaskFlags         enough)
{
  if (info != NULL && !gh_token_info_has_scope (info, SCOPE_MANAGEMENT))
    return 0;
  if (is_admin > 0)
    return 1;
  if (tasks != NULL)
    return (gh_task_flags_from_strv (tasks, NULL) & enough) != 0 ? 1 : 0;

  return -1;
}

static void
fill_context (GhCheckReport      *report,
              GhTokenInfo        *info,
              GhCheckWaba        *check_waba,
              GhReadinessContext *context)
{
  const char * const *tasks = check_waba != NULL ? (const char * const *) check_waba->tasks
                                                 : NULL;
  const char *app_id = info != NULL ? gh_token_info_get_app_id (info) : NULL;

  context->app_id = app_id != NULL && *app_id != '\0' ? app_id : NULL;
  context->app_name = info != NULL ? gh_token_info_get_application (info) : NULL;
  context->may_subscribe = may_change (info, report->is_admin, tasks, GH_TASK_MANAGE);
  context->may_register = may_change (info, report->is_admin, tasks,
                                      GH_TASK_MANAGE | GH_TASK_MANAGE_PHONE);
}

static void
add_readiness (GhCheckReport *report,
               GhTokenInfo   *info)
{
  for (guint i = 0; i < report->wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (report->wabas, i);
      g_autoptr(GhAccountReadiness) readiness = NULL;
      GhReadinessContext context;
      GPtrArray *items;

      if (check_waba->waba == NULL)
        continue;

      fill_context (report, info, check_waba, &context);
      readiness = gh_account_readiness_evaluate (check_waba->waba, check_waba->details_error,
                                                 check_waba->subscribed_apps,
                                                 check_waba->subscribed_apps_error, &context);
      items = gh_account_readiness_get_items (readiness);
      for (guint j = 0; j < items->len; j++)
        _gh_check_report_append (report, g_ptr_array_index (items, j));
      g_ptr_array_add (report->readiness, g_steal_pointer (&readiness));
    }
}

static void
add_app_item (GhCheckReport *report,
              GhTokenInfo   *info)
{
  const char *app_id = info != NULL ? gh_token_info_get_app_id (info) : NULL;
  const char *application = info != NULL ? gh_token_info_get_application (info) : NULL;
  g_autofree char *description = NULL;

  if (app_id == NULL || *app_id == '\0')
    {
      add_item (report, "token.app", GH_CHECK_STATUS_WARNING, FALSE,
                _("App unknown"),
                _("Meta did not say which app this token was generated for."),
                _("Make sure the token was generated for the integration’s app."),
                GH_GUIDE_STEP_ASSIGN_APP);
      return;
    }

  if (application != NULL && *application != '\0')
    description = g_strdup_printf (_("Belongs to the app %s (%s)."), application, app_id);
  else
    description = g_strdup_printf (_("Belongs to the app with ID %s."), app_id);

  add_item (report, "token.app", GH_CHECK_STATUS_OK, FALSE, _("App"), description,
            NULL, GH_GUIDE_STEP_NONE);
}

GhCheckReport *
gh_access_check_evaluate (GhTokenInfo  *token_info,
                          const GError *token_error,
                          const char   *user_id,
                          const char   *user_name,
                          GPtrArray    *wabas,
                          int           is_admin)
{
  g_autoptr(GhCheckReport) report = NULL;
  guint n_readable = 0;

  g_return_val_if_fail (token_info == NULL || GH_IS_TOKEN_INFO (token_info), NULL);

  report = _gh_check_report_new ();
  report->token_info = token_info != NULL ? g_object_ref (token_info) : NULL;
  report->user_id = g_strdup (user_id);
  report->user_name = g_strdup (user_name);
  report->is_admin = is_admin < 0 ? -1 : is_admin > 0 ? 1 : 0;

  for (guint i = 0; wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);

      if (!GH_IS_CHECK_WABA (check_waba))
        continue;

      g_ptr_array_add (report->wabas, g_object_ref (check_waba));
      if (check_waba->waba != NULL)
        n_readable++;
    }

  if (report->user_id == NULL && token_info != NULL)
    report->user_id = g_strdup (gh_token_info_get_user_id (token_info));

  add_token_item (report, token_info, token_error, n_readable > 0);

  /* A rejected token cannot tell anything more; the other items would only be noise. */
  if (token_error == NULL &&
      (token_info == NULL || gh_token_info_get_is_valid (token_info)))
    {
      add_kind_item (report, token_info);
      add_expiry_item (report, token_info, g_get_real_time () / G_USEC_PER_SEC);
      add_scope_items (report, token_info, n_readable);
      add_waba_items (report, token_info);
      add_admin_item (report);
      add_app_item (report, token_info);
      add_readiness (report, token_info);
    }

  _gh_check_report_finish (report);
  return g_steal_pointer (&report);
}

void
gh_access_check_fill_context (GhCheckReport      *report,
                              const char         *waba_id,
                              GhReadinessContext *context)
{
  GhCheckWaba *found = NULL;

  g_return_if_fail (report == NULL || GH_IS_CHECK_REPORT (report));
  g_return_if_fail (context != NULL);

  *context = (GhReadinessContext) { NULL, NULL, -1, -1 };
  if (report == NULL)
    return;

  for (guint i = 0; waba_id != NULL && i < report->wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (report->wabas, i);

      if (g_strcmp0 (check_waba->id, waba_id) == 0)
        found = check_waba;
    }

  fill_context (report, report->token_info, found, context);
}
