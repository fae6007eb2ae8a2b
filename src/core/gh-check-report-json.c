/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-check-report"

#include "config.h"

#include <json-glib/json-glib.h>

#include "gh-check-report-private.h"
#include "gh-readiness.h"

/* The check report for scripts and monitoring: `gatehouse --check --json`.  The schema is
 * versioned (GH_CHECK_REPORT_JSON_VERSION) and described in the README; an addition keeps the
 * version, a change of meaning or a removal bumps it.  Words are the translated ones a person
 * reads; ids, statuses and verdicts are stable English keys. */

static const char *
status_key (GhCheckStatus status)
{
  switch (status)
    {
    case GH_CHECK_STATUS_OK:
      return "ok";
    case GH_CHECK_STATUS_WARNING:
      return "warning";
    case GH_CHECK_STATUS_ERROR:
    default:
      return "error";
    }
}

static const char *
verdict_key (GhCheckStatus verdict)
{
  switch (verdict)
    {
    case GH_CHECK_STATUS_OK:
      return "ready";
    case GH_CHECK_STATUS_WARNING:
      return "warnings";
    case GH_CHECK_STATUS_ERROR:
    default:
      return "not-ready";
    }
}

static const char *
guide_step_key (GhGuideStep step)
{
  switch (step)
    {
    case GH_GUIDE_STEP_TWO_FACTOR:
      return "two-factor";
    case GH_GUIDE_STEP_SYSTEM_USER:
      return "system-user";
    case GH_GUIDE_STEP_ASSIGN_APP:
      return "assign-app";
    case GH_GUIDE_STEP_GENERATE_TOKEN:
      return "generate-token";
    case GH_GUIDE_STEP_ASSIGN_WABA:
      return "assign-account";
    case GH_GUIDE_STEP_PASTE_TOKEN:
      return "paste-token";
    case GH_GUIDE_STEP_NONE:
    default:
      return NULL;
    }
}

static const char *
fix_action_key (GhCheckItem *item)
{
  switch (gh_check_item_get_fix_kind (item))
    {
    case GH_CHECK_FIX_LINK:
      return "open-link";
    case GH_CHECK_FIX_SUBSCRIBE:
      return "subscribe";
    case GH_CHECK_FIX_REGISTER:
      return "register";
    case GH_CHECK_FIX_NONE:
    default:
      return gh_check_item_get_fix_step (item) != GH_GUIDE_STEP_NONE ? "guide" : NULL;
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_tristate (JsonBuilder *builder,
              const char  *member,
              int          value)
{
  json_builder_set_member_name (builder, member);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, value > 0);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
begin_document (JsonBuilder *builder,
                const char  *connection,
                const char  *verdict,
                int          exit_code,
                const char  *summary)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, GH_CHECK_REPORT_JSON_VERSION);
  add_string (builder, "connection", connection);
  add_string (builder, "verdict", verdict);
  json_builder_set_member_name (builder, "exit_code");
  json_builder_add_int_value (builder, exit_code);
  add_string (builder, "summary", summary);
}

static char *
end_document (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static void
add_token (JsonBuilder   *builder,
           GhCheckReport *report)
{
  GhTokenInfo *info = gh_check_report_get_token_info (report);
  gint64 expires_at = info != NULL ? gh_token_info_get_expires_at (info) : -1;

  json_builder_set_member_name (builder, "token");
  json_builder_begin_object (builder);
  add_string (builder, "user_id", gh_check_report_get_user_id (report));
  add_string (builder, "user_name", gh_check_report_get_user_name (report));
  add_string (builder, "kind", info != NULL ? gh_token_info_get_kind_string (info) : NULL);
  add_string (builder, "app_id", info != NULL ? gh_token_info_get_app_id (info) : NULL);
  add_string (builder, "app_name", info != NULL ? gh_token_info_get_application (info) : NULL);

  /* null: never, or not known (then "kind" is null as well). */
  json_builder_set_member_name (builder, "expires_at");
  if (expires_at > 0)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (expires_at);
      g_autofree char *text = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

      if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
    }
  else
    json_builder_add_null_value (builder);

  add_tristate (builder, "is_admin", gh_check_report_get_is_admin (report));
  json_builder_end_object (builder);
}

static void
add_accounts (JsonBuilder   *builder,
              GhCheckReport *report)
{
  GPtrArray *wabas = gh_check_report_get_wabas (report);

  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);
      GhWaba *waba = gh_check_waba_get_waba (check_waba);
      GhAccountReadiness *readiness =
        gh_check_report_find_readiness (report, gh_check_waba_get_id (check_waba));

      json_builder_begin_object (builder);
      add_string (builder, "id", gh_check_waba_get_id (check_waba));
      add_string (builder, "name", waba != NULL ? gh_waba_get_name (waba) : NULL);
      json_builder_set_member_name (builder, "reachable");
      json_builder_add_boolean_value (builder, waba != NULL);
      json_builder_set_member_name (builder, "chosen");
      json_builder_add_boolean_value (builder, gh_check_waba_get_chosen (check_waba));

      if (readiness != NULL)
        {
          add_string (builder, "ready_to_send",
                      gh_ready_state_to_string (gh_account_readiness_get_send (readiness)));
          add_string (builder, "send_sentence",
                      gh_account_readiness_get_send_sentence (readiness));
          add_string (builder, "ready_to_receive",
                      gh_ready_state_to_string (gh_account_readiness_get_receive (readiness)));
          add_string (builder, "receive_sentence",
                      gh_account_readiness_get_receive_sentence (readiness));
          add_tristate (builder, "subscribed", gh_account_readiness_get_subscribed (readiness));
          add_strv (builder, "other_apps", gh_account_readiness_get_other_apps (readiness));
          add_strv (builder, "webhook_hosts",
                    gh_account_readiness_get_webhook_hosts (readiness));
          add_string (builder, "messaging_limit", gh_waba_get_messaging_limit (waba));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_items (JsonBuilder   *builder,
           GhCheckReport *report)
{
  GListModel *items = gh_check_report_get_items (report);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GhCheckItem) item = g_list_model_get_item (items, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", gh_check_item_get_id (item));
      add_string (builder, "status", status_key (gh_check_item_get_status (item)));
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, gh_check_item_get_required (item));
      add_string (builder, "account", gh_check_item_get_account_id (item));
      add_string (builder, "title", gh_check_item_get_title (item));
      add_string (builder, "sentence", gh_check_item_get_description (item));
      add_string (builder, "fix", gh_check_item_get_fix (item));
      add_string (builder, "fix_action", fix_action_key (item));
      add_string (builder, "fix_link", gh_check_item_get_fix_uri (item));
      add_string (builder, "fix_target", gh_check_item_get_fix_target (item));
      add_string (builder, "guide_step", guide_step_key (gh_check_item_get_fix_step (item)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
gh_check_report_to_json (GhCheckReport *self,
                         const char    *connection)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GhCheckStatus verdict;

  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);

  verdict = gh_check_report_get_verdict (self);
  begin_document (builder, connection, verdict_key (verdict),
                  verdict == GH_CHECK_STATUS_ERROR ? 1 : 0, gh_check_report_get_summary (self));
  add_token (builder, self);
  add_accounts (builder, self);
  add_items (builder, self);

  return end_document (builder);
}

char *
gh_check_report_error_to_json (const char *connection,
                               const char *sentence,
                               const char *next_step)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  begin_document (builder, connection, "could-not-check", 2, sentence);
  add_string (builder, "fix", next_step);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);

  return end_document (builder);
}
