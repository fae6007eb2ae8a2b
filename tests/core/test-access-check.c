/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-access-check"

#include "config.h"

#include <string.h>

#include "gh-access-check.h"
#include "gh-graph-error.h"

#define WABA1_ID "102290129340398"
#define WABA2_ID "104996122399160"
#define DEMO_APP_ID   "634974688087057"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* debug_token's answer for a token of @type issued now, expiring @lifetime seconds from now
 * (0 = never), with @scopes (a JSON array body) and @granular (a JSON array body). */
static GhTokenInfo *
make_token_info (const char *type,
                 gint64      lifetime,
                 const char *scopes,
                 const char *granular)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GhTokenInfo *info;

  json = g_strdup_printf ("{\"data\": {\"app_id\": \"" DEMO_APP_ID "\", \"type\": \"%s\","
                          " \"application\": \"Lucky Shrub Helpdesk\","
                          " \"data_access_expires_at\": 0,"
                          " \"expires_at\": %" G_GINT64_FORMAT ","
                          " \"is_valid\": true, \"issued_at\": %" G_GINT64_FORMAT ","
                          " \"scopes\": [%s], \"granular_scopes\": [%s],"
                          " \"user_id\": \"104169029247128\"}}",
                          type, lifetime == 0 ? 0 : now + lifetime, now, scopes, granular);
  node = parse_json (json);
  info = gh_token_info_parse (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static GhCheckWaba *
make_readable_waba (const char *id,
                    const char *name)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  json = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"%s\","
                          " \"account_review_status\": \"APPROVED\","
                          " \"owner_business_info\": {\"id\": \"1098765432101234\","
                          " \"name\": \"Lucky Shrub Garden Centre\"}}", id, name);
  node = parse_json (json);
  waba = gh_waba_parse (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (waba);
  return gh_check_waba_new (id, waba, NULL);
}

static GhCheckWaba *
make_unreadable_waba (const char       *id,
                      GhGraphErrorCode  code)
{
  g_autoptr(GError) error = gh_graph_error_new_literal (code, "(#200) Permissions error");

  return gh_check_waba_new (id, NULL, error);
}

static GPtrArray *
wabas_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
assert_item (GhCheckReport *report,
             const char    *id,
             GhCheckStatus  status,
             gboolean       required,
             GhGuideStep    fix_step)
{
  GhCheckItem *item = gh_check_report_find_item (report, id);

  if (item == NULL)
    g_error ("No item “%s” in the report", id);

  g_assert_cmpstr (gh_check_item_get_id (item), ==, id);
  g_assert_cmpint (gh_check_item_get_status (item), ==, status);
  g_assert_cmpint (gh_check_item_get_required (item), ==, required);
  g_assert_cmpint (gh_check_item_get_fix_step (item), ==, fix_step);
  g_assert_nonnull (gh_check_item_get_title (item));
  g_assert_cmpstr (gh_check_item_get_title (item), !=, "");
  g_assert_nonnull (gh_check_item_get_description (item));
  g_assert_cmpstr (gh_check_item_get_description (item), !=, "");

  if (status == GH_CHECK_STATUS_OK)
    g_assert_null (gh_check_item_get_fix (item));
  else
    g_assert_nonnull (gh_check_item_get_fix (item));
}

static void
assert_item_text (GhCheckReport *report,
                  const char    *id,
                  const char    *in_title,
                  const char    *in_description)
{
  GhCheckItem *item = gh_check_report_find_item (report, id);

  g_assert_nonnull (item);
  if (in_title != NULL && strstr (gh_check_item_get_title (item), in_title) == NULL)
    g_error ("Title of “%s” is “%s”, expected it to contain “%s”",
             id, gh_check_item_get_title (item), in_title);
  if (in_description != NULL &&
      strstr (gh_check_item_get_description (item), in_description) == NULL)
    g_error ("Description of “%s” is “%s”, expected it to contain “%s”",
             id, gh_check_item_get_description (item), in_description);
}

static char **
item_ids (GhCheckReport *report)
{
  GListModel *items = gh_check_report_get_items (report);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GhCheckItem) item = g_list_model_get_item (items, i);

      g_strv_builder_add (builder, gh_check_item_get_id (item));
    }

  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

#define ALL_SCOPES "\"whatsapp_business_management\", \"whatsapp_business_messaging\"," \
                   " \"business_management\""

static void
test_admin_never_expires (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *text = NULL;
  const char * const expected_ids[] = {
    "token.valid", "token.kind", "token.expiry",
    "permission.whatsapp_business_management", "permission.whatsapp_business_messaging",
    "permission.business_management", "permission.catalog_management",
    "accounts.found", "account." WABA1_ID ".reachable", "account." WABA2_ID ".reachable",
    "token.admin", "token.app", NULL
  };

  info = make_token_info ("SYSTEM_USER", 0, ALL_SCOPES,
                          "{\"scope\": \"whatsapp_business_management\"},"
                          " {\"scope\": \"whatsapp_business_messaging\"}");
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));
  g_ptr_array_add (wabas, make_readable_waba (WABA2_ID, "Lucky Shrub Wholesale"));

  report = gh_access_check_evaluate (info, NULL, "104169029247128", "Gatehouse Integration",
                                     wabas, 1);

  ids = item_ids (report);
  g_assert_cmpstrv (ids, expected_ids);

  assert_item (report, "token.valid", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item_text (report, "token.valid", NULL, "Gatehouse Integration");
  assert_item (report, "token.kind", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item (report, "token.expiry", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item_text (report, "token.expiry", "Never", NULL);
  assert_item (report, "permission.whatsapp_business_management", GH_CHECK_STATUS_OK, TRUE,
               GH_GUIDE_STEP_NONE);
  assert_item (report, "permission.whatsapp_business_messaging", GH_CHECK_STATUS_OK, TRUE,
               GH_GUIDE_STEP_NONE);
  assert_item (report, "permission.business_management", GH_CHECK_STATUS_OK, FALSE,
               GH_GUIDE_STEP_NONE);
  /* Not given, and only for catalogs: still fine. */
  assert_item (report, "permission.catalog_management", GH_CHECK_STATUS_OK, FALSE,
               GH_GUIDE_STEP_NONE);
  assert_item_text (report, "permission.catalog_management", NULL, "catalog");
  assert_item (report, "accounts.found", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item_text (report, "accounts.found", NULL, "Lucky Shrub Wholesale");
  assert_item (report, "account." WABA1_ID ".reachable", GH_CHECK_STATUS_OK, FALSE,
               GH_GUIDE_STEP_NONE);
  assert_item_text (report, "account." WABA1_ID ".reachable", "Lucky Shrub", WABA1_ID);
  assert_item (report, "token.admin", GH_CHECK_STATUS_OK, FALSE, GH_GUIDE_STEP_NONE);
  assert_item (report, "token.app", GH_CHECK_STATUS_OK, FALSE, GH_GUIDE_STEP_NONE);
  assert_item_text (report, "token.app", NULL,
                    "Belongs to the app Lucky Shrub Helpdesk (" DEMO_APP_ID ")");

  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==, "This token works.");
  g_assert_cmpint (gh_check_report_get_is_admin (report), ==, 1);
  g_assert_cmpstr (gh_check_report_get_user_id (report), ==, "104169029247128");
  g_assert_cmpstr (gh_check_report_get_user_name (report), ==, "Gatehouse Integration");
  g_assert_true (gh_check_report_get_token_info (report) == info);
  g_assert_cmpuint (gh_check_report_get_wabas (report)->len, ==, 2);
  g_assert_cmpstr (gh_waba_get_id (gh_check_report_get_first_waba (report)), ==, WABA1_ID);
  g_assert_null (gh_check_report_find_item (report, "no-such-item"));

  text = gh_check_report_to_text (report);
  g_assert_true (g_str_has_prefix (text, "This token works.\n"));
  g_assert_nonnull (strstr (text, "\n✓ Never expires — "));
  g_assert_null (strstr (text, "\n✗ "));
  g_assert_null (strstr (text, "\n! "));

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_finalize_object (g_steal_pointer (&info));
}

static void
test_employee_unreadable_waba (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_line = NULL;

  info = make_token_info ("SYSTEM_USER", 0, ALL_SCOPES,
                          "{\"scope\": \"whatsapp_business_management\","
                          "  \"target_ids\": [\"" WABA1_ID "\", \"" WABA2_ID "\"]},"
                          " {\"scope\": \"whatsapp_business_messaging\","
                          "  \"target_ids\": [\"" WABA1_ID "\", \"" WABA2_ID "\"]}");
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));
  g_ptr_array_add (wabas, make_unreadable_waba (WABA2_ID, GH_GRAPH_ERROR_PERMISSION));

  report = gh_access_check_evaluate (info, NULL, "104169029247999", "Helpdesk", wabas, 0);

  assert_item (report, "token.valid", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item (report, "accounts.found", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item_text (report, "accounts.found", NULL, "Lucky Shrub");
  assert_item (report, "account." WABA1_ID ".reachable", GH_CHECK_STATUS_OK, FALSE,
               GH_GUIDE_STEP_NONE);
  /* Granted in the token dialog but not assigned, and not the account the person chose:
   * named and mentioned, not a problem. */
  assert_item (report, "account." WABA2_ID ".reachable", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_ASSIGN_WABA);
  assert_item_text (report, "account." WABA2_ID ".reachable", "Another WhatsApp account",
                    "ID " WABA2_ID);
  g_assert_null (strstr (gh_check_item_get_title (gh_check_report_find_item (
    report, "account." WABA2_ID ".reachable")), WABA2_ID));
  assert_item (report, "token.admin", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_SYSTEM_USER);
  assert_item_text (report, "token.admin", NULL, "read-only");

  /* One account works: usable, but the person should hear about the other one. */
  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==,
                   "This token works, with warnings.");
  g_assert_cmpint (gh_check_report_get_is_admin (report), ==, 0);
  g_assert_cmpstr (gh_waba_get_id (gh_check_report_get_first_waba (report)), ==, WABA1_ID);
  g_assert_true (gh_check_waba_get_waba (g_ptr_array_index (gh_check_report_get_wabas (report),
                                                             1)) == NULL);
  g_assert_error (gh_check_waba_get_error (g_ptr_array_index (gh_check_report_get_wabas (report),
                                                               1)),
                  GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);

  text = gh_check_report_to_text (report);
  g_test_message ("%s", text);
  expected_line = g_strdup_printf ("\n! %s — %s\n    %s\n",
                                   gh_check_item_get_title (gh_check_report_find_item (
                                     report, "account." WABA2_ID ".reachable")),
                                   gh_check_item_get_description (gh_check_report_find_item (
                                     report, "account." WABA2_ID ".reachable")),
                                   gh_check_item_get_fix (gh_check_report_find_item (
                                     report, "account." WABA2_ID ".reachable")));
  g_assert_nonnull (strstr (text, expected_line));
  g_assert_nonnull (strstr (text, "\n! System user with basic access — "));
  g_assert_null (strstr (text, "\n✗ "));

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

/* The account the person chose is out of reach: that is a ✗, and the verdict is "not
 * ready" although the token itself can be used. */
static void
test_chosen_unreadable_waba (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;
  GhCheckWaba *chosen;

  info = make_token_info ("SYSTEM_USER", 0, ALL_SCOPES, "");
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));
  chosen = make_unreadable_waba (WABA2_ID, GH_GRAPH_ERROR_PERMISSION);
  gh_check_waba_set_chosen (chosen, TRUE);
  g_ptr_array_add (wabas, chosen);

  report = gh_access_check_evaluate (info, NULL, NULL, NULL, wabas, 1);

  assert_item (report, "account." WABA2_ID ".reachable", GH_CHECK_STATUS_ERROR, FALSE,
               GH_GUIDE_STEP_ASSIGN_WABA);
  assert_item_text (report, "account." WABA2_ID ".reachable", "chosen", "ID " WABA2_ID);
  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpint (gh_check_report_get_verdict (report), ==, GH_CHECK_STATUS_ERROR);
  g_assert_cmpstr (gh_check_report_get_summary (report), ==,
                   "This token works, but the integration is not ready yet.");

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_limited_targets (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;

  info = make_token_info ("SYSTEM_USER", 0, ALL_SCOPES,
                          "{\"scope\": \"whatsapp_business_management\","
                          "  \"target_ids\": [\"" WABA1_ID "\"]},"
                          " {\"scope\": \"whatsapp_business_messaging\"}");
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));
  g_ptr_array_add (wabas, make_readable_waba (WABA2_ID, "Lucky Shrub Wholesale"));

  report = gh_access_check_evaluate (info, NULL, NULL, NULL, wabas, 1);

  assert_item (report, "account." WABA1_ID ".reachable", GH_CHECK_STATUS_OK, FALSE,
               GH_GUIDE_STEP_NONE);
  assert_item (report, "account." WABA2_ID ".reachable", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_ASSIGN_WABA);
  g_assert_true (gh_check_report_get_passed (report));
  /* The user id falls back to debug_token's when /me was not read */
  g_assert_cmpstr (gh_check_report_get_user_id (report), ==, "104169029247128");

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_sixty_days (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;
  GhCheckItem *expiry;

  /* Meta recommends expiring system-user tokens now: a date, not a problem. */
  info = make_token_info ("SYSTEM_USER", 60 * 24 * 60 * 60, ALL_SCOPES, "");
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));

  report = gh_access_check_evaluate (info, NULL, NULL, NULL, wabas, 1);

  assert_item (report, "token.kind", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item (report, "token.expiry", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  expiry = gh_check_report_find_item (report, "token.expiry");
  end = g_date_time_new_from_unix_local (gh_token_info_get_expires_at (info));
  date = g_date_time_format (end, "%-d %B %Y");
  expected = g_strdup_printf ("Ends on %s (60 days). Gatehouse will remind you.", date);
  g_assert_cmpstr (gh_check_item_get_description (expiry), ==, expected);
  g_assert_true (g_str_has_prefix (gh_check_item_get_title (expiry), "Ends on "));

  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==, "This token works.");

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_one_day_left (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Issued 59 days ago: a 60-day token on its last days, not a 24-hour one */
  json = g_strdup_printf ("{\"data\": {\"type\": \"SYSTEM_USER\", \"is_valid\": true,"
                          " \"issued_at\": %" G_GINT64_FORMAT ","
                          " \"expires_at\": %" G_GINT64_FORMAT ","
                          " \"scopes\": [" ALL_SCOPES "]}}",
                          now - 59 * 86400, now + 86400 + 600);
  node = parse_json (json);
  info = gh_token_info_parse (node, &error);
  g_assert_no_error (error);

  report = gh_access_check_evaluate (info, NULL, NULL, NULL, NULL, -1);
  /* Near its end, it becomes something to act on; the day count is singular. */
  assert_item (report, "token.expiry", GH_CHECK_STATUS_WARNING, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_item_text (report, "token.expiry", NULL, "(1 day)");
  assert_item (report, "token.admin", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_SYSTEM_USER);
  assert_item (report, "accounts.found", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_ASSIGN_WABA);
  g_assert_false (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_user_24_hours (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;
  g_autofree char *text = NULL;

  info = make_token_info ("USER", 24 * 60 * 60,
                          "\"whatsapp_business_management\", \"whatsapp_business_messaging\"",
                          "");
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));

  report = gh_access_check_evaluate (info, NULL, "10229", "Anna Flex", wabas, -1);

  assert_item (report, "token.valid", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item (report, "token.kind", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_SYSTEM_USER);
  assert_item_text (report, "token.kind", "This is a personal or 24-hour token", NULL);
  assert_item (report, "token.expiry", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_item_text (report, "token.expiry", "24 hours", NULL);
  assert_item (report, "permission.business_management", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_item (report, "token.admin", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_SYSTEM_USER);

  g_assert_false (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==, "This token can’t be used yet.");

  text = gh_check_report_to_text (report);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "This token can’t be used yet.\n"));
  g_assert_nonnull (strstr (text, "\n✗ This is a personal or 24-hour token — "));
  g_assert_nonnull (strstr (text, "\n! Permission business_management — "));

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_no_messaging_scope (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;
  GhCheckItem *item;

  info = make_token_info ("SYSTEM_USER", 0,
                          "\"whatsapp_business_management\", \"business_management\","
                          " \"catalog_management\"", "");
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));

  report = gh_access_check_evaluate (info, NULL, NULL, NULL, wabas, 1);

  assert_item (report, "permission.whatsapp_business_management", GH_CHECK_STATUS_OK, TRUE,
               GH_GUIDE_STEP_NONE);
  assert_item (report, "permission.whatsapp_business_messaging", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  item = gh_check_report_find_item (report, "permission.whatsapp_business_messaging");
  g_assert_nonnull (strstr (gh_check_item_get_fix (item), "whatsapp_business_messaging"));
  assert_item (report, "permission.catalog_management", GH_CHECK_STATUS_OK, FALSE,
               GH_GUIDE_STEP_NONE);

  g_assert_false (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==, "This token can’t be used yet.");

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_invalid_token (void)
{
  g_autoptr(GError) token_error = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autofree char *text = NULL;

  token_error = gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_TOKEN,
                                            "Invalid OAuth access token");
  report = gh_access_check_evaluate (NULL, token_error, NULL, NULL, NULL, -1);

  assert_item (report, "token.valid", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_item_text (report, "token.valid", "This token no longer works", NULL);
  /* Nothing else can be known about a token Meta rejects. */
  g_assert_cmpuint (g_list_model_get_n_items (gh_check_report_get_items (report)), ==, 1);
  g_assert_false (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==, "This token can’t be used yet.");
  g_assert_null (gh_check_report_get_first_waba (report));
  g_assert_null (gh_check_report_get_token_info (report));

  text = gh_check_report_to_text (report);
  g_assert_nonnull (strstr (text, "\n✗ This token no longer works — "));
  /* Meta's developer message stays out of what people read */
  g_assert_null (strstr (text, "OAuth"));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_expired_token (void)
{
  g_autoptr(GError) token_error = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  GhCheckItem *item;

  token_error = gh_graph_error_new_literal (GH_GRAPH_ERROR_TOKEN_EXPIRED,
                                            "Session has expired");
  report = gh_access_check_evaluate (NULL, token_error, NULL, NULL, NULL, -1);

  assert_item (report, "token.valid", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  item = gh_check_report_find_item (report, "token.valid");
  g_assert_nonnull (strstr (gh_check_item_get_title (item), "expired"));
  g_assert_nonnull (strstr (gh_check_item_get_fix (item), "Never"));
  g_assert_false (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_expired_by_date (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  json = g_strdup_printf ("{\"data\": {\"type\": \"SYSTEM_USER\", \"is_valid\": true,"
                          " \"issued_at\": %" G_GINT64_FORMAT ","
                          " \"expires_at\": %" G_GINT64_FORMAT ","
                          " \"scopes\": [" ALL_SCOPES "]}}",
                          now - 61 * 86400, now - 86400);
  node = parse_json (json);
  info = gh_token_info_parse (node, &error);
  g_assert_no_error (error);

  report = gh_access_check_evaluate (info, NULL, NULL, NULL, NULL, 1);
  assert_item (report, "token.expiry", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_item_text (report, "token.expiry", "expired", "stopped working");
  g_assert_false (gh_check_report_get_passed (report));

  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_without_debug_token (void)
{
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;

  /* debug_token refused (it wants an app token): what /me and the WABA read tell is used. */
  g_ptr_array_add (wabas, make_readable_waba (WABA1_ID, "Lucky Shrub"));
  report = gh_access_check_evaluate (NULL, NULL, "104169029247128", "Gatehouse Integration",
                                     wabas, 1);

  assert_item (report, "token.valid", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item (report, "token.kind", GH_CHECK_STATUS_WARNING, TRUE,
               GH_GUIDE_STEP_SYSTEM_USER);
  assert_item (report, "token.expiry", GH_CHECK_STATUS_WARNING, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_item (report, "permission.whatsapp_business_management", GH_CHECK_STATUS_OK, TRUE,
               GH_GUIDE_STEP_NONE);
  assert_item (report, "permission.whatsapp_business_messaging", GH_CHECK_STATUS_WARNING, TRUE,
               GH_GUIDE_STEP_GENERATE_TOKEN);
  assert_item (report, "accounts.found", GH_CHECK_STATUS_OK, TRUE, GH_GUIDE_STEP_NONE);
  assert_item (report, "token.app", GH_CHECK_STATUS_WARNING, FALSE, GH_GUIDE_STEP_ASSIGN_APP);

  g_assert_true (gh_check_report_get_passed (report));
  g_assert_cmpstr (gh_check_report_get_summary (report), ==,
                   "This token works, with warnings.");

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_no_waba_reached (void)
{
  g_autoptr(GhTokenInfo) info = NULL;
  g_autoptr(GPtrArray) wabas = wabas_new ();
  g_autoptr(GhCheckReport) report = NULL;

  info = make_token_info ("SYSTEM_USER", 0, ALL_SCOPES, "");
  g_ptr_array_add (wabas, make_unreadable_waba (WABA1_ID, GH_GRAPH_ERROR_PERMISSION));
  g_ptr_array_add (wabas, make_unreadable_waba (WABA2_ID, GH_GRAPH_ERROR_SERVER));

  report = gh_access_check_evaluate (info, NULL, NULL, NULL, wabas, 0);

  assert_item (report, "accounts.found", GH_CHECK_STATUS_ERROR, TRUE,
               GH_GUIDE_STEP_ASSIGN_WABA);
  assert_item (report, "account." WABA1_ID ".reachable", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_ASSIGN_WABA);
  /* Not a permission problem: the item says what happened, not "assign it" */
  assert_item (report, "account." WABA2_ID ".reachable", GH_CHECK_STATUS_WARNING, FALSE,
               GH_GUIDE_STEP_NONE);
  g_assert_false (gh_check_report_get_passed (report));
  g_assert_null (gh_check_report_get_first_waba (report));

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_item_properties (void)
{
  g_autoptr(GError) token_error = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autofree char *id = NULL;
  g_autofree char *fix = NULL;
  GhCheckItem *item;
  int status = -1;
  int fix_step = -1;
  gboolean required = FALSE;

  token_error = gh_graph_error_new_literal (GH_GRAPH_ERROR_INVALID_TOKEN, "invalid");
  report = gh_access_check_evaluate (NULL, token_error, NULL, NULL, NULL, -1);
  item = gh_check_report_find_item (report, "token.valid");
  g_object_get (item, "id", &id, "status", &status, "required", &required,
                "fix", &fix, "fix-step", &fix_step, NULL);
  g_assert_cmpstr (id, ==, "token.valid");
  g_assert_cmpint (status, ==, GH_CHECK_STATUS_ERROR);
  g_assert_true (required);
  g_assert_cmpstr (fix, ==, gh_check_item_get_fix (item));
  g_assert_cmpint (fix_step, ==, GH_GUIDE_STEP_GENERATE_TOKEN);

  g_assert_finalize_object (g_steal_pointer (&report));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/access-check/admin-never-expires", test_admin_never_expires);
  g_test_add_func ("/access-check/employee-unreadable-waba", test_employee_unreadable_waba);
  g_test_add_func ("/access-check/chosen-unreadable-waba", test_chosen_unreadable_waba);
  g_test_add_func ("/access-check/limited-targets", test_limited_targets);
  g_test_add_func ("/access-check/sixty-days", test_sixty_days);
  g_test_add_func ("/access-check/one-day-left", test_one_day_left);
  g_test_add_func ("/access-check/user-24-hours", test_user_24_hours);
  g_test_add_func ("/access-check/no-messaging-scope", test_no_messaging_scope);
  g_test_add_func ("/access-check/invalid-token", test_invalid_token);
  g_test_add_func ("/access-check/expired-token", test_expired_token);
  g_test_add_func ("/access-check/expired-by-date", test_expired_by_date);
  g_test_add_func ("/access-check/without-debug-token", test_without_debug_token);
  g_test_add_func ("/access-check/no-waba-reached", test_no_waba_reached);
  g_test_add_func ("/access-check/item-properties", test_item_properties);

  return g_test_run ();
}
