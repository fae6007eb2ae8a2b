/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-models"

#include "config.h"

#include "gh-assigned-user-private.h"
#include "gh-business-user-private.h"
#include "gh-graph-error.h"
#include "gh-phone-number-private.h"
#include "gh-template-private.h"
#include "gh-timezone-private.h"
#include "gh-token-info-private.h"
#include "gh-waba-private.h"

/* graph-api.md, "Token inspection", verbatim. */
static const char debug_token_sample[] =
  "{\"data\": {\"app_id\": \"634974688087057\", \"type\": \"SYSTEM_USER\", "
  "\"application\": \"Lucky Shrub\",\n"
  "  \"data_access_expires_at\": 0, \"expires_at\": 0, \"is_valid\": true, "
  "\"issued_at\": 1712099387,\n"
  "  \"scopes\": [\"whatsapp_business_management\", \"whatsapp_business_messaging\"],\n"
  "  \"granular_scopes\": [{\"scope\": \"whatsapp_business_management\"},\n"
  "                      {\"scope\": \"whatsapp_business_messaging\"}],\n"
  "  \"user_id\": \"104169029247128\"}}";

/* graph-api.md, "Assigned users", verbatim (the cursors are elided there too). */
static const char assigned_users_sample[] =
  "{\"data\": [{\"id\": \"1972385232742142\", \"name\": \"Anna Flex\", \"tasks\": [\"MANAGE\"]},\n"
  "            {\"id\": \"1972385232752545\", \"name\": \"Jasper Brown\", "
  "\"tasks\": [\"DEVELOP\"]}],\n"
  " \"paging\": {\"cursors\": {\"before\": \"…\", \"after\": \"…\"}},\n"
  " \"summary\": {\"total_count\": 2}}";

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static JsonArray *
data_array (JsonNode *node)
{
  return json_object_get_array_member (json_node_get_object (node), "data");
}

static void
test_token_info_sample (void)
{
  g_autoptr(JsonNode) node = parse (debug_token_sample);
  g_autoptr(GError) error = NULL;
  GhTokenInfo *info;
  const char * const *scopes;
  g_autofree char *user_id = NULL;

  info = gh_token_info_parse (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);

  g_assert_true (gh_token_info_get_is_valid (info));
  g_assert_cmpint (gh_token_info_get_kind (info), ==, GH_TOKEN_KIND_SYSTEM_USER);
  g_assert_cmpstr (gh_token_info_get_kind_string (info), ==, "SYSTEM_USER");
  g_assert_cmpstr (gh_token_info_get_app_id (info), ==, "634974688087057");
  g_assert_cmpstr (gh_token_info_get_application (info), ==, "Lucky Shrub");
  g_assert_cmpstr (gh_token_info_get_user_id (info), ==, "104169029247128");
  g_assert_cmpint (gh_token_info_get_expires_at (info), ==, 0);
  g_assert_cmpint (gh_token_info_get_issued_at (info), ==, 1712099387);
  g_assert_cmpint (_gh_token_info_get_data_access_expires_at (info), ==, 0);

  scopes = gh_token_info_get_scopes (info);
  g_assert_cmpuint (g_strv_length ((char **) scopes), ==, 2);
  g_assert_cmpstr (scopes[0], ==, "whatsapp_business_management");
  g_assert_true (gh_token_info_has_scope (info, "whatsapp_business_messaging"));
  g_assert_false (gh_token_info_has_scope (info, "business_management"));
  /* No target_ids: the scope covers every asset. */
  g_assert_null (gh_token_info_get_target_ids (info, "whatsapp_business_management"));
  g_assert_cmpint (gh_token_info_get_error_code (info), ==, 0);

  g_object_get (info, "user-id", &user_id, NULL);
  g_assert_cmpstr (user_id, ==, "104169029247128");

  g_assert_finalize_object (info);
}

static void
test_token_info_variants (void)
{
  g_autoptr(JsonNode) limited = parse (
    "{\"app_id\": 634974688087057, \"type\": \"USER\", \"is_valid\": true,"
    " \"expires_at\": 1712185787, \"issued_at\": 1712099387,"
    " \"scopes\": [\"whatsapp_business_management\", 7, null],"
    " \"granular_scopes\": [{\"scope\": \"whatsapp_business_management\","
    "                        \"target_ids\": [\"102290129340398\", 104996122399160, {}]},"
    "                       {\"scope\": \"business_management\", \"target_ids\": []},"
    "                       \"junk\", {\"scope\": 3}],"
    " \"error\": {\"code\": 190, \"message\": \"expired\", \"subcode\": 463}}");
  g_autoptr(JsonNode) wrong_types = parse (
    "{\"data\": {\"type\": 5, \"is_valid\": \"yes\", \"expires_at\": \"never\","
    " \"scopes\": \"whatsapp_business_management\", \"granular_scopes\": {},"
    " \"user_id\": [1], \"application\": false, \"error\": \"broken\"}}");
  g_autoptr(JsonNode) page_token = parse ("{\"data\": {\"type\": \"PAGE\", \"is_valid\": false}}");
  g_autoptr(JsonNode) failed = parse (
    "{\"error\": {\"message\": \"Error validating access token\", \"code\": 190,"
    " \"error_subcode\": 463, \"fbtrace_id\": \"Xy\"}}");
  g_autoptr(GError) error = NULL;
  const char * const *targets;
  GhTokenInfo *info;

  info = gh_token_info_parse (limited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gh_token_info_get_kind (info), ==, GH_TOKEN_KIND_USER);
  g_assert_cmpstr (gh_token_info_get_app_id (info), ==, "634974688087057");
  g_assert_cmpint (gh_token_info_get_expires_at (info), ==, 1712185787);
  g_assert_cmpuint (g_strv_length ((char **) gh_token_info_get_scopes (info)), ==, 1);
  targets = gh_token_info_get_target_ids (info, "whatsapp_business_management");
  g_assert_nonnull (targets);
  g_assert_cmpuint (g_strv_length ((char **) targets), ==, 2);
  g_assert_cmpstr (targets[0], ==, "102290129340398");
  g_assert_cmpstr (targets[1], ==, "104996122399160");
  g_assert_true (gh_token_info_has_scope (info, "business_management"));
  g_assert_nonnull (gh_token_info_get_target_ids (info, "business_management"));
  g_assert_null (gh_token_info_get_target_ids (info, "catalog_management"));
  g_assert_cmpint (gh_token_info_get_error_code (info), ==, 190);
  g_assert_cmpint (gh_token_info_get_error_subcode (info), ==, 463);
  g_assert_finalize_object (info);

  info = gh_token_info_parse (wrong_types, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gh_token_info_get_kind (info), ==, GH_TOKEN_KIND_UNKNOWN);
  g_assert_null (gh_token_info_get_kind_string (info));
  g_assert_false (gh_token_info_get_is_valid (info));
  g_assert_cmpint (gh_token_info_get_expires_at (info), ==, 0);
  g_assert_nonnull (gh_token_info_get_scopes (info));
  g_assert_cmpuint (g_strv_length ((char **) gh_token_info_get_scopes (info)), ==, 0);
  g_assert_null (gh_token_info_get_user_id (info));
  g_assert_null (gh_token_info_get_application (info));
  g_assert_cmpint (gh_token_info_get_error_code (info), ==, 0);
  g_assert_finalize_object (info);

  info = gh_token_info_parse (page_token, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gh_token_info_get_kind (info), ==, GH_TOKEN_KIND_PAGE);
  g_assert_false (gh_token_info_get_is_valid (info));
  g_assert_finalize_object (info);

  /* An expired token cannot inspect itself: Meta answers with a top-level error. */
  info = gh_token_info_parse (failed, &error);
  g_assert_null (info);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED);
  g_clear_error (&error);
}

static void
test_token_info_malformed (void)
{
  const char *inputs[] = { "{}", "{\"data\": {}}", "[]", "[{\"type\": \"USER\"}]", "null",
                           "\"SYSTEM_USER\"", "{\"data\": []}", "{\"paging\": {}}" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(JsonNode) node = parse (inputs[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GhTokenInfo) info = NULL;

      g_test_message ("%s", inputs[i]);
      info = gh_token_info_parse (node, &error);
      g_assert_null (info);
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
    }

  g_assert_null (gh_token_info_parse (NULL, NULL));
}

static void
test_assigned_users_sample (void)
{
  g_autoptr(JsonNode) node = parse (assigned_users_sample);
  g_autoptr(GPtrArray) users = gh_assigned_user_parse_array (data_array (node));
  GhAssignedUser *anna;
  GhAssignedUser *jasper;
  g_autofree char *display = NULL;

  g_assert_cmpuint (users->len, ==, 2);
  anna = g_object_ref (g_ptr_array_index (users, 0));
  jasper = g_object_ref (g_ptr_array_index (users, 1));
  g_clear_pointer (&users, g_ptr_array_unref);

  g_assert_cmpstr (gh_assigned_user_get_id (anna), ==, "1972385232742142");
  g_assert_cmpstr (gh_assigned_user_get_name (anna), ==, "Anna Flex");
  g_assert_cmpstr (_gh_assigned_user_get_display_name (anna), ==, "Anna Flex");
  g_assert_cmpuint (gh_assigned_user_get_tasks (anna), ==, GH_TASK_MANAGE);
  g_assert_cmpuint (g_strv_length ((char **) gh_assigned_user_get_unknown_tasks (anna)), ==, 0);
  g_assert_null (_gh_assigned_user_get_user_type (anna));
  g_assert_false (gh_assigned_user_is_system_user (anna));

  g_assert_cmpstr (gh_assigned_user_get_id (jasper), ==, "1972385232752545");
  g_assert_cmpuint (gh_assigned_user_get_tasks (jasper), ==, GH_TASK_DEVELOP);
  g_object_get (jasper, "display-name", &display, NULL);
  g_assert_cmpstr (display, ==, "Jasper Brown");

  g_assert_finalize_object (anna);
  g_assert_finalize_object (jasper);
}

static void
test_assigned_users_odd (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"data\": ["
    " {\"id\": \"1972385232742199\", \"name\": \" \", \"tasks\": [\"MANAGE\", \"FUTURE_TASK\","
    "  \"MANAGE\", 3, null, \"LATER_TASK\", \"FUTURE_TASK\"], \"user_type\": \"SYSTEM_USER\"},"
    " {\"id\": 9007199254740993, \"name\": \"  Padded Name \", \"tasks\": \"MANAGE\"},"
    " {\"name\": \"No ID\", \"tasks\": [\"MANAGE\"]},"
    " {\"id\": null}, {\"id\": \"\"}, {\"id\": [1]}, [\"array\"], 17, \"string\", null,"
    " {\"id\": 12345678901234567890123},"
    " {\"id\": \"104169029247999\", \"name\": 42, \"tasks\": {}, \"user_type\": 1},"
    " {\"id\": 1.5}, {\"id\": 4.0e15}, {}]}");
  g_autoptr(GPtrArray) users = gh_assigned_user_parse_array (data_array (node));
  g_autoptr(GPtrArray) empty = gh_assigned_user_parse_array (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GhAssignedUser) missing = NULL;
  GhAssignedUser *blank;
  GhAssignedUser *padded;
  GhAssignedUser *typed;
  GhAssignedUser *from_double;
  const char * const *unknown;

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (users->len, ==, 4);

  blank = g_ptr_array_index (users, 0);
  g_assert_cmpstr (gh_assigned_user_get_name (blank), ==, " ");
  g_assert_cmpstr (_gh_assigned_user_get_display_name (blank), ==, "1972385232742199");
  g_assert_true (gh_assigned_user_is_system_user (blank));
  g_assert_cmpuint (gh_assigned_user_get_tasks (blank), ==, GH_TASK_MANAGE);
  unknown = gh_assigned_user_get_unknown_tasks (blank);
  g_assert_cmpuint (g_strv_length ((char **) unknown), ==, 2);
  g_assert_cmpstr (unknown[0], ==, "FUTURE_TASK");
  g_assert_cmpstr (unknown[1], ==, "LATER_TASK");

  /* 2^53 + 1: a double would have lost the last digit. */
  padded = g_ptr_array_index (users, 1);
  g_assert_cmpstr (gh_assigned_user_get_id (padded), ==, "9007199254740993");
  g_assert_cmpstr (_gh_assigned_user_get_display_name (padded), ==, "Padded Name");
  g_assert_cmpuint (gh_assigned_user_get_tasks (padded), ==, GH_TASK_NONE);

  typed = g_ptr_array_index (users, 2);
  g_assert_cmpstr (gh_assigned_user_get_id (typed), ==, "104169029247999");
  g_assert_null (gh_assigned_user_get_name (typed));
  g_assert_cmpstr (_gh_assigned_user_get_display_name (typed), ==, "104169029247999");
  g_assert_null (_gh_assigned_user_get_user_type (typed));

  from_double = g_ptr_array_index (users, 3);
  g_assert_cmpstr (gh_assigned_user_get_id (from_double), ==, "4000000000000000");

  missing = _gh_assigned_user_parse (json_array_get_element (data_array (node), 2), &error);
  g_assert_null (missing);
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
}

static void
test_waba_expanded (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"id\": \"102290129340398\", \"name\": \"Lucky Shrub\", \"currency\": \"USD\","
    " \"timezone_id\": \"1\", \"message_template_namespace\": \"c8ae5f90_307a_ca4c_b8f6\","
    " \"account_review_status\": \"APPROVED\","
    " \"business_verification_status\": \"verified\", \"country\": \"US\","
    " \"ownership_type\": \"SELF\","
    " \"owner_business_info\": {\"name\": \"Lucky Shrub Garden Centre\","
    "                           \"id\": \"1098765432101234\"},"
    " \"health_status\": {\"can_send_message\": \"AVAILABLE\", \"entities\": []},"
    " \"whatsapp_business_manager_messaging_limit\": \"TIER_2K\","
    " \"creation_time\": \"2024-04-02T10:15:00+0000\", \"status\": \"ACTIVE\","
    " \"phone_numbers\": {\"data\": ["
    "   {\"display_phone_number\": \"+1 555-0100\", \"verified_name\": \"Lucky Shrub\","
    "    \"id\": \"106540352242922\"},"
    "   {\"display_phone_number\": \"+1 555-0101\", \"verified_name\": \"Lucky Shrub Support\","
    "    \"id\": \"106540352242923\"}],"
    "   \"paging\": {\"cursors\": {\"before\": \"QVFI\", \"after\": \"QVFJ\"}}},"
    " \"message_templates\": {\"data\": [], \"summary\": {\"total_count\": 12,"
    "   \"message_template_count\": 12, \"message_template_limit\": 250}}}");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GhWaba *waba;
  GPtrArray *numbers;
  GhTemplateSummary *templates;

  waba = gh_waba_parse (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gh_waba_get_id (waba), ==, "102290129340398");
  g_assert_cmpstr (gh_waba_get_name (waba), ==, "Lucky Shrub");
  g_assert_cmpstr (gh_waba_get_currency (waba), ==, "USD");
  g_assert_cmpstr (gh_waba_get_timezone_id (waba), ==, "1");
  g_assert_cmpstr (gh_waba_get_message_template_namespace (waba), ==, "c8ae5f90_307a_ca4c_b8f6");
  g_assert_cmpstr (gh_waba_get_account_review_status (waba), ==, "APPROVED");
  g_assert_cmpstr (gh_waba_get_business_verification_status (waba), ==, "verified");
  g_assert_cmpstr (gh_waba_get_country (waba), ==, "US");
  g_assert_cmpstr (gh_waba_get_ownership_type (waba), ==, "SELF");
  g_assert_cmpstr (gh_waba_get_owner_business_id (waba), ==, "1098765432101234");
  g_assert_cmpstr (gh_waba_get_owner_business_name (waba), ==, "Lucky Shrub Garden Centre");
  g_assert_cmpstr (gh_waba_get_can_send_message (waba), ==, "AVAILABLE");
  g_assert_cmpstr (gh_waba_get_messaging_limit (waba), ==, "TIER_2K");
  g_assert_cmpstr (gh_waba_get_creation_time (waba), ==, "2024-04-02T10:15:00+0000");
  g_assert_cmpstr (_gh_waba_get_status (waba), ==, "ACTIVE");
  g_assert_null (gh_waba_get_tasks (waba));

  g_object_get (waba, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Lucky Shrub");

  numbers = gh_waba_get_phone_numbers (waba);
  g_assert_cmpuint (numbers->len, ==, 2);
  g_assert_cmpstr (gh_phone_number_get_id (g_ptr_array_index (numbers, 0)), ==,
                   "106540352242922");
  g_assert_cmpstr (gh_phone_number_get_display_phone_number (g_ptr_array_index (numbers, 1)),
                   ==, "+1 555-0101");
  g_assert_cmpstr (gh_phone_number_get_verified_name (g_ptr_array_index (numbers, 1)), ==,
                   "Lucky Shrub Support");

  templates = gh_waba_get_templates (waba);
  g_assert_nonnull (templates);
  g_assert_cmpint (gh_template_summary_get_total (templates), ==, 12);
  g_assert_cmpint (gh_template_summary_get_limit (templates), ==, 250);
  g_assert_cmpuint (g_hash_table_size (gh_template_summary_get_by_status (templates)), ==, 0);

  g_assert_finalize_object (waba);
}

static void
test_waba_odd (void)
{
  g_autoptr(JsonNode) minimal = parse ("{\"id\": 102290129340398}");
  g_autoptr(JsonNode) wrong = parse (
    "{\"id\": \"104996122399160\", \"name\": [\"x\"], \"currency\": 5, \"timezone_id\": 1,"
    " \"owner_business_info\": \"1098765432101234\", \"health_status\": [],"
    " \"phone_numbers\": [{\"id\": \"1\"}], \"message_templates\": \"none\","
    " \"tasks\": [\"MANAGE\", 2, \"DEVELOP\"], \"creation_time\": 1712099387}");
  g_autoptr(JsonNode) list = parse (
    "{\"data\": [{\"id\": \"102290129340398\", \"name\": \"Lucky Shrub\","
    "             \"tasks\": [\"MANAGE\"]},"
    "            {\"name\": \"no id\"}, null, [],"
    "            {\"id\": \"104996122399160\", \"name\": \"Lucky Shrub Wholesale\"}]}");
  const char *bad[] = { "{}", "[]", "null", "{\"id\": {}}", "{\"id\": true}", "{\"id\": -5}" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) wabas = NULL;
  GhWaba *waba;

  waba = gh_waba_parse (minimal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gh_waba_get_id (waba), ==, "102290129340398");
  g_assert_null (gh_waba_get_name (waba));
  g_assert_null (gh_waba_get_owner_business_id (waba));
  g_assert_cmpuint (gh_waba_get_phone_numbers (waba)->len, ==, 0);
  g_assert_null (gh_waba_get_templates (waba));
  g_assert_finalize_object (waba);

  waba = gh_waba_parse (wrong, &error);
  g_assert_no_error (error);
  g_assert_null (gh_waba_get_name (waba));
  g_assert_null (gh_waba_get_currency (waba));
  g_assert_cmpstr (gh_waba_get_timezone_id (waba), ==, "1");
  g_assert_cmpstr (gh_waba_get_creation_time (waba), ==, "1712099387");
  g_assert_null (gh_waba_get_owner_business_id (waba));
  g_assert_null (gh_waba_get_can_send_message (waba));
  g_assert_cmpuint (gh_waba_get_phone_numbers (waba)->len, ==, 0);
  g_assert_null (gh_waba_get_templates (waba));
  g_assert_cmpuint (g_strv_length ((char **) gh_waba_get_tasks (waba)), ==, 2);
  g_assert_finalize_object (waba);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);

      g_assert_null (gh_waba_parse (node, &error));
      g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
      g_clear_error (&error);
    }

  wabas = gh_waba_parse_list (list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wabas->len, ==, 2);
  g_assert_cmpstr (gh_waba_get_tasks (g_ptr_array_index (wabas, 0))[0], ==, "MANAGE");
  g_assert_cmpstr (gh_waba_get_name (g_ptr_array_index (wabas, 1)), ==, "Lucky Shrub Wholesale");

  g_assert_null (gh_waba_parse_list (minimal, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
}

static void
test_waba_health (void)
{
  /* The shape of Meta's health status answer: a blocked phone number with its error, a
   * limited account without one, the rest available. */
  g_autoptr(JsonNode) node = parse (
    "{\"id\": \"104996122399160\","
    " \"on_behalf_of_business_info\": {\"name\": \"Lucky Shrub Wholesale GmbH\","
    "                                  \"id\": 1185206391742286},"
    " \"primary_business_location\": \"DE\","
    " \"health_status\": {\"can_send_message\": \"BLOCKED\", \"entities\": ["
    "   {\"entity_type\": \"PHONE_NUMBER\", \"id\": \"117392018465730\","
    "    \"can_send_message\": \"BLOCKED\", \"errors\": ["
    "     {\"error_code\": 141006, \"error_description\": \"There is an error with the"
    " payment method.\", \"possible_solution\": \"Update the payment method.\"}, 7]},"
    "   {\"entity_type\": \"WABA\", \"id\": \"104996122399160\","
    "    \"can_send_message\": \"LIMITED\"},"
    "   {\"entity_type\": \"BUSINESS\", \"id\": \"1098765432101234\","
    "    \"can_send_message\": \"AVAILABLE\"},"
    "   {\"entity_type\": \"APP\", \"can_send_message\": \"SOMETHING_NEW\","
    "    \"errors\": \"none\"}, null, 3]}}");
  g_autoptr(JsonNode) odd = parse (
    "{\"id\": \"1\", \"health_status\": {\"entities\": {\"a\": 1}},"
    " \"on_behalf_of_business_info\": [1]}");
  const char * const missing[] = { "primary_business_location", NULL };
  g_autoptr(GError) error = NULL;
  GhWabaHealthIssue *issue;
  GPtrArray *issues;
  GhWaba *waba;

  waba = gh_waba_parse (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gh_waba_get_can_send_message (waba), ==, "BLOCKED");
  g_assert_cmpstr (gh_waba_get_on_behalf_of_business_id (waba), ==, "1185206391742286");
  g_assert_cmpstr (gh_waba_get_on_behalf_of_business_name (waba), ==,
                   "Lucky Shrub Wholesale GmbH");
  g_assert_cmpstr (gh_waba_get_primary_business_location (waba), ==, "DE");

  issues = gh_waba_get_health_issues (waba);
  g_assert_cmpuint (issues->len, ==, 3);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpstr (issue->entity_type, ==, "PHONE_NUMBER");
  g_assert_cmpstr (issue->entity_id, ==, "117392018465730");
  g_assert_cmpstr (issue->can_send_message, ==, "BLOCKED");
  g_assert_cmpstr (issue->error_code, ==, "141006");
  g_assert_cmpstr (issue->description, ==, "There is an error with the payment method.");
  g_assert_cmpstr (issue->possible_solution, ==, "Update the payment method.");
  issue = g_ptr_array_index (issues, 1);
  g_assert_cmpstr (issue->entity_type, ==, "WABA");
  g_assert_cmpstr (issue->can_send_message, ==, "LIMITED");
  g_assert_null (issue->description);
  /* An unknown state is a problem to show, as sent. */
  issue = g_ptr_array_index (issues, 2);
  g_assert_cmpstr (issue->entity_type, ==, "APP");
  g_assert_cmpstr (issue->can_send_message, ==, "SOMETHING_NEW");
  g_assert_null (issue->entity_id);

  g_assert_null (gh_waba_get_unavailable_fields (waba));
  gh_waba_set_unavailable (waba, missing, "Needs the business_management permission");
  g_assert_true (gh_waba_is_field_unavailable (waba, "primary_business_location"));
  g_assert_false (gh_waba_is_field_unavailable (waba, "owner_business_info"));
  g_assert_cmpstr (gh_waba_get_unavailable_reason (waba), ==,
                   "Needs the business_management permission");
  gh_waba_set_unavailable (waba, NULL, "ignored");
  g_assert_null (gh_waba_get_unavailable_fields (waba));
  g_assert_null (gh_waba_get_unavailable_reason (waba));
  g_assert_finalize_object (waba);

  waba = gh_waba_parse (odd, &error);
  g_assert_no_error (error);
  g_assert_null (gh_waba_get_can_send_message (waba));
  g_assert_cmpuint (gh_waba_get_health_issues (waba)->len, ==, 0);
  g_assert_null (gh_waba_get_on_behalf_of_business_id (waba));
  g_assert_finalize_object (waba);
}

static void
test_timezone (void)
{
  static const struct { const char *id; const char *iana; const char *label; } cases[] = {
    { "1", "America/Los_Angeles", "Los Angeles (America/Los_Angeles)" },
    { "2", "America/Denver", "Denver (America/Denver)" },
    { "7", "America/New_York", "New York (America/New_York)" },
    { "9", "America/Argentina/San_Luis", "San Luis (America/Argentina/San_Luis)" },
    { "36", "America/Blanc-Sablon", "Blanc-Sablon (America/Blanc-Sablon)" },
    { "58", "Europe/London", "London (Europe/London)" },
    { "101", "Asia/Muscat", "Muscat (Asia/Muscat)" },
    { "370", "Etc/GMT+1", "Etc/GMT+1" },
    { "474", "UTC", "UTC" },
    { "475", "WET", "WET" },
    /* TZ_UNKNOWN, ids Meta may add later, and what is not an id at all: shown as sent. */
    { "0", NULL, "0" },
    { "476", NULL, "476" },
    { "99999999999999999999", NULL, "99999999999999999999" },
    { "-1", NULL, "-1" },
    { " 1", NULL, " 1" },
    { "1a", NULL, "1a" },
    { "", NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = gh_timezone_dup_label (cases[i].id);

      g_assert_cmpstr (_gh_timezone_get_iana_name (cases[i].id), ==, cases[i].iana);
      g_assert_cmpstr (label, ==, cases[i].label);
    }

  g_assert_null (_gh_timezone_get_iana_name (NULL));
  g_assert_null (gh_timezone_dup_label (NULL));
}

static void
test_phone_numbers (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"data\": ["
    " {\"verified_name\": \"Lucky Shrub\", \"code_verification_status\": \"VERIFIED\","
    "  \"display_phone_number\": \"+1 555-0100\", \"quality_rating\": \"GREEN\","
    "  \"platform_type\": \"CLOUD_API\", \"throughput\": {\"level\": \"STANDARD\"},"
    "  \"status\": \"CONNECTED\", \"name_status\": \"APPROVED\", \"account_mode\": \"LIVE\","
    "  \"is_official_business_account\": false, \"id\": \"106540352242922\"},"
    " {\"id\": 106540352242923, \"display_phone_number\": \"+1 555-0101\","
    "  \"quality_rating\": \"UNKNOWN\", \"code_verification_status\": \"NOT_VERIFIED\","
    "  \"status\": \"PENDING\", \"account_mode\": \"SANDBOX\", \"throughput\": \"HIGH\","
    "  \"is_official_business_account\": true},"
    " {\"display_phone_number\": \"+1 555-0199\"}, 5],"
    " \"paging\": {\"cursors\": {\"before\": \"QVFI\", \"after\": \"QVFJ\"}}}");
  g_autoptr(JsonNode) not_a_list = parse ("[{\"id\": \"1\"}]");
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  GhPhoneNumber *first;
  GhPhoneNumber *second;

  numbers = gh_phone_number_parse_list (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (numbers->len, ==, 2);

  first = g_ptr_array_index (numbers, 0);
  g_assert_cmpstr (gh_phone_number_get_id (first), ==, "106540352242922");
  g_assert_cmpstr (gh_phone_number_get_display_phone_number (first), ==, "+1 555-0100");
  g_assert_cmpstr (gh_phone_number_get_verified_name (first), ==, "Lucky Shrub");
  g_assert_cmpstr (gh_phone_number_get_quality_rating (first), ==, "GREEN");
  g_assert_cmpstr (gh_phone_number_get_code_verification_status (first), ==, "VERIFIED");
  g_assert_cmpstr (gh_phone_number_get_status (first), ==, "CONNECTED");
  g_assert_cmpstr (gh_phone_number_get_name_status (first), ==, "APPROVED");
  g_assert_cmpstr (gh_phone_number_get_platform_type (first), ==, "CLOUD_API");
  g_assert_cmpstr (gh_phone_number_get_throughput_level (first), ==, "STANDARD");
  g_assert_cmpstr (gh_phone_number_get_account_mode (first), ==, "LIVE");
  g_assert_false (_gh_phone_number_get_is_official_business_account (first));
  g_object_get (first, "display-phone-number", &display, NULL);
  g_assert_cmpstr (display, ==, "+1 555-0100");

  second = g_ptr_array_index (numbers, 1);
  g_assert_cmpstr (gh_phone_number_get_id (second), ==, "106540352242923");
  g_assert_null (gh_phone_number_get_verified_name (second));
  g_assert_null (gh_phone_number_get_throughput_level (second));
  g_assert_cmpstr (gh_phone_number_get_account_mode (second), ==, "SANDBOX");
  g_assert_true (_gh_phone_number_get_is_official_business_account (second));

  g_assert_null (gh_phone_number_parse_list (not_a_list, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
}

static void
test_templates (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"data\": ["
    " {\"name\": \"order_update\", \"language\": \"en_US\", \"status\": \"APPROVED\","
    "  \"category\": \"UTILITY\", \"id\": \"594425479261596\", \"components\": []},"
    " {\"name\": \"spring_sale\", \"language\": \"en_US\", \"status\": \"APPROVED\","
    "  \"category\": \"MARKETING\", \"id\": \"594425479261597\"},"
    " {\"name\": \"login_code\", \"language\": \"en_US\", \"status\": \"PENDING\","
    "  \"category\": \"AUTHENTICATION\", \"id\": \"594425479261598\"},"
    " {\"name\": \"odd\", \"status\": 5, \"category\": null}, \"junk\"],"
    " \"paging\": {\"cursors\": {\"before\": \"MAZDZD\", \"after\": \"MjQZD\"}}}");
  g_autoptr(JsonNode) page2 = parse (
    "{\"data\": [{\"name\": \"new_flow\", \"status\": \"REJECTED\","
    " \"category\": \"MARKETING\"}]}");
  g_autoptr(JsonNode) summary_only = parse (
    "{\"summary\": {\"total_count\": 40, \"message_template_count\": 40,"
    " \"message_template_limit\": 6000}}");
  g_autoptr(JsonNode) empty = parse ("{}");
  g_autoptr(JsonNode) array = parse ("[]");
  g_autoptr(GError) error = NULL;
  GhTemplateSummary *summary;
  GHashTable *by_status;
  GHashTable *by_category;

  summary = gh_template_summary_parse (node, &error);
  g_assert_no_error (error);
  /* No summary sent: the total is what was counted. */
  g_assert_cmpint (gh_template_summary_get_total (summary), ==, 4);
  g_assert_cmpint (gh_template_summary_get_limit (summary), ==, -1);
  by_status = gh_template_summary_get_by_status (summary);
  by_category = gh_template_summary_get_by_category (summary);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_status, "APPROVED")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_status, "PENDING")), ==, 1);
  g_assert_cmpuint (g_hash_table_size (by_status), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_category, "UTILITY")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_category, "MARKETING")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_category, "AUTHENTICATION")),
                    ==, 1);

  _gh_template_summary_add_page (summary, page2);
  _gh_template_summary_add_page (summary, array);
  g_assert_cmpint (gh_template_summary_get_total (summary), ==, 5);
  g_assert_cmpint (gh_template_summary_get_counted (summary), ==, 5);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_status, "REJECTED")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_category, "MARKETING")), ==, 2);
  g_assert_finalize_object (summary);

  summary = gh_template_summary_parse (summary_only, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gh_template_summary_get_total (summary), ==, 40);
  /* Only the summary came: nothing listed, so the counts cover none of the 40. */
  g_assert_cmpint (gh_template_summary_get_counted (summary), ==, 0);
  g_assert_cmpint (gh_template_summary_get_limit (summary), ==, 6000);
  g_assert_cmpuint (g_hash_table_size (gh_template_summary_get_by_status (summary)), ==, 0);
  g_assert_finalize_object (summary);

  summary = gh_template_summary_parse (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gh_template_summary_get_total (summary), ==, 0);
  g_assert_finalize_object (summary);

  g_assert_null (gh_template_summary_parse (array, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
}

static void
test_business_users (void)
{
  g_autoptr(JsonNode) system_users = parse (
    "{\"data\": [{\"id\": \"104169029247128\", \"name\": \"Gatehouse Integration\","
    "             \"role\": \"ADMIN\"},"
    "            {\"id\": \"104169029247999\", \"name\": \"Helpdesk Bot\", \"role\": \"EMPLOYEE\"},"
    "            {\"name\": \"no id\"}]}");
  g_autoptr(JsonNode) people = parse (
    "{\"data\": [{\"id\": \"1972385232742142\", \"name\": \"Anna Flex\","
    "             \"email\": \"anna@example.com\", \"role\": \"ADMIN\","
    "             \"first_name\": \"Anna\", \"last_name\": \"Flex\"},"
    "            {\"id\": \"1972385232742150\", \"name\": \"\", \"first_name\": \"Lee\","
    "             \"last_name\": \"Chan\", \"role\": \"EMPLOYEE\"},"
    "            {\"id\": \"1972385232742151\", \"email\": \"ops@example.com\"},"
    "            {\"id\": 1972385232742152, \"name\": \" \", \"role\": 3}]}");
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  GhBusinessUser *user;

  admins = gh_business_user_parse_list (system_users, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (admins->len, ==, 2);
  user = g_ptr_array_index (admins, 0);
  g_assert_cmpstr (gh_business_user_get_id (user), ==, "104169029247128");
  g_assert_cmpstr (gh_business_user_get_display_name (user), ==, "Gatehouse Integration");
  g_assert_true (gh_business_user_is_system_user (user));
  g_assert_true (gh_business_user_is_admin (user));
  g_assert_false (gh_business_user_is_admin (g_ptr_array_index (admins, 1)));

  users = gh_business_user_parse_list (people, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 4);
  user = g_ptr_array_index (users, 0);
  g_assert_false (gh_business_user_is_system_user (user));
  g_assert_cmpstr (gh_business_user_get_email (user), ==, "anna@example.com");
  g_assert_cmpstr (_gh_business_user_get_role (user), ==, "ADMIN");
  g_object_get (user, "email", &email, NULL);
  g_assert_cmpstr (email, ==, "anna@example.com");
  g_assert_cmpstr (gh_business_user_get_display_name (g_ptr_array_index (users, 1)), ==,
                   "Lee Chan");
  g_assert_cmpstr (gh_business_user_get_display_name (g_ptr_array_index (users, 2)), ==,
                   "ops@example.com");
  user = g_ptr_array_index (users, 3);
  g_assert_cmpstr (gh_business_user_get_display_name (user), ==, "1972385232742152");
  g_assert_null (_gh_business_user_get_role (user));
  g_assert_false (gh_business_user_is_admin (user));

  g_assert_null (gh_business_user_parse_list (NULL, TRUE, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/token-info/sample", test_token_info_sample);
  g_test_add_func ("/models/token-info/variants", test_token_info_variants);
  g_test_add_func ("/models/token-info/malformed", test_token_info_malformed);
  g_test_add_func ("/models/assigned-users/sample", test_assigned_users_sample);
  g_test_add_func ("/models/assigned-users/odd", test_assigned_users_odd);
  g_test_add_func ("/models/waba/expanded", test_waba_expanded);
  g_test_add_func ("/models/waba/odd", test_waba_odd);
  g_test_add_func ("/models/waba/health", test_waba_health);
  g_test_add_func ("/models/timezone", test_timezone);
  g_test_add_func ("/models/phone-numbers", test_phone_numbers);
  g_test_add_func ("/models/templates", test_templates);
  g_test_add_func ("/models/business-users", test_business_users);

  return g_test_run ();
}
