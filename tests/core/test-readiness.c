/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-readiness"

#include "config.h"

#include <string.h>

#include "gh-access-check.h"
#include "gh-account-action.h"
#include "gh-graph-error.h"
#include "gh-readiness.h"

/* Whether an account really works, judged from Meta's answers alone: webhooks, health per
 * entity, the limit, each number; the outcome of a write told in plain words; and the
 * report as --json prints it. */

#define WABA_ID     "102290129340398"
#define BUSINESS_ID "1098765432101234"
#define TOKEN_APP_ID      "634974688087057"
#define OTHER_APP   "429318775640139"
#define PHONE_ID    "106540352242922"
#define PENDING_ID  "113829405716283"

static const GhReadinessContext admin_context = { TOKEN_APP_ID, "Lucky Shrub Helpdesk", 1, 1 };

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

#define PHONE_READY \
  "{\"id\": \"" PHONE_ID "\", \"display_phone_number\": \"+1 555-025-3483\"," \
  " \"verified_name\": \"Lucky Shrub\", \"quality_rating\": \"GREEN\"," \
  " \"code_verification_status\": \"VERIFIED\", \"status\": \"CONNECTED\"," \
  " \"name_status\": \"APPROVED\", \"platform_type\": \"CLOUD_API\", \"account_mode\": \"LIVE\"," \
  " \"webhook_configuration\": {\"application\": \"https://hooks.example.com/wa\"}}"

#define PHONE_PENDING \
  "{\"id\": \"" PENDING_ID "\", \"display_phone_number\": \"+1 555-014-7720\"," \
  " \"status\": \"PENDING\", \"name_status\": \"PENDING_REVIEW\"," \
  " \"code_verification_status\": \"NOT_VERIFIED\", \"platform_type\": \"CLOUD_API\"}"

/* An account with @health (a health_status object) and @phones (elements of data). */
static GhWaba *
make_waba (const char *health,
           const char *phones)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GhWaba *waba;

  json = g_strdup_printf ("{\"id\": \"" WABA_ID "\", \"name\": \"Lucky Shrub\","
                          " \"owner_business_info\": {\"id\": \"" BUSINESS_ID "\"},"
                          " \"whatsapp_business_manager_messaging_limit\": \"TIER_2K\","
                          " \"health_status\": %s, \"phone_numbers\": {\"data\": [%s]}}",
                          health, phones);
  node = parse_json (json);
  waba = gh_waba_parse (node, &error);
  g_assert_no_error (error);
  return waba;
}

static GPtrArray *
make_apps (const char *data)
{
  g_autofree char *json = g_strdup_printf ("{\"data\": [%s]}", data);
  g_autoptr(JsonNode) node = parse_json (json);
  g_autoptr(GError) error = NULL;
  GPtrArray *apps = gh_subscribed_app_parse_list (node, &error);

  g_assert_no_error (error);
  return apps;
}

#define AVAILABLE "{\"can_send_message\": \"AVAILABLE\", \"entities\": []}"

#define OUR_APP \
  "{\"whatsapp_business_api_data\": {\"id\": \"" TOKEN_APP_ID "\", \"name\": \"Lucky Shrub " \
  "Helpdesk\"}, \"override_callback_uri\": \"https://override.example.net/x\"}"
#define OTHER \
  "{\"whatsapp_business_api_data\": {\"id\": \"" OTHER_APP "\", \"name\": \"Old Connector\"}}"

static GhCheckItem *
find (GhAccountReadiness *readiness,
      const char         *id)
{
  GPtrArray *items = gh_account_readiness_get_items (readiness);

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (gh_check_item_get_id (g_ptr_array_index (items, i)), id) == 0)
      return g_ptr_array_index (items, i);

  g_error ("No item “%s”", id);
  return NULL;
}

static gboolean
has_item (GhAccountReadiness *readiness,
          const char         *id)
{
  GPtrArray *items = gh_account_readiness_get_items (readiness);

  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (gh_check_item_get_id (g_ptr_array_index (items, i)), id) == 0)
      return TRUE;

  return FALSE;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

static void
test_models (void)
{
  g_autoptr(JsonNode) health_node = NULL;
  g_autoptr(GhHealth) health = NULL;
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  GhHealthEntity *entity;
  GhHealthError *health_error;
  GhPhoneNumber *phone;

  /* Odd shapes read as absent, never as a critical: a quoted code, a string where an array
   * belongs, an entity that is not an object. */
  health_node = parse_json ("{\"can_send_message\": \"BLOCKED\", \"entities\": ["
                            " {\"entity_type\": \"WABA\", \"id\": 102290129340398,"
                            "  \"can_send_message\": \"BLOCKED\", \"errors\": ["
                            "   {\"error_code\": \"141006\", \"error_description\": \"<b>x</b>\","
                            "    \"possible_solution\": \"Add one.\"}, 7]},"
                            " \"junk\","
                            " {\"entity_type\": \"APP\", \"errors\": \"none\","
                            "  \"additional_info\": [\"a\", 3]}]}");
  health = gh_health_parse (health_node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gh_health_get_can_send_message (health), ==, "BLOCKED");
  g_assert_cmpuint (gh_health_get_entities (health)->len, ==, 2);
  entity = gh_health_find_entity (health, "WABA");
  g_assert_cmpstr (entity->id, ==, WABA_ID);
  g_assert_cmpuint (entity->errors->len, ==, 1);
  health_error = g_ptr_array_index (entity->errors, 0);
  g_assert_cmpint (health_error->code, ==, 141006);
  g_assert_cmpstr (health_error->description, ==, "<b>x</b>");
  g_assert_false (gh_health_entity_is_available (entity));
  entity = gh_health_find_entity (health, "APP");
  g_assert_cmpuint (entity->errors->len, ==, 0);
  g_assert_cmpstrv (entity->additional_info, ((const char *[]) { "a", NULL }));
  g_assert_true (gh_health_entity_is_available (entity));
  g_assert_null (gh_health_find_entity (health, "BUSINESS"));
  g_clear_pointer (&health_node, json_node_unref);
  health_node = parse_json ("[1]");
  g_assert_null (gh_health_parse (health_node, &error));
  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);

  /* Subscribed apps: Meta's wrapper, a bare app, and one without an ID (skipped). */
  apps = make_apps (OUR_APP ", {\"id\": 429318775640139, \"name\": \"Bare\"},"
                    " {\"whatsapp_business_api_data\": {\"name\": \"No ID\"}}");
  g_assert_cmpuint (apps->len, ==, 2);
  g_assert_cmpstr (gh_subscribed_app_get_name (gh_subscribed_app_find (apps, TOKEN_APP_ID)), ==,
                   "Lucky Shrub Helpdesk");
  g_assert_cmpstr (gh_subscribed_app_get_override_callback_uri (g_ptr_array_index (apps, 0)),
                   ==, "https://override.example.net/x");
  g_assert_cmpstr (gh_subscribed_app_get_name (gh_subscribed_app_find (apps, OTHER_APP)), ==,
                   "Bare");
  g_assert_null (gh_subscribed_app_find (apps, "1"));

  /* A number's webhooks go to its own address first, then the account's, then the app's. */
  waba = make_waba (AVAILABLE,
                    "{\"id\": \"1\", \"webhook_configuration\": {\"application\": \"https://a\","
                    " \"whatsapp_business_account\": \"https://w\", \"phone_number\": \"\"}},"
                    "{\"id\": \"2\", \"webhook_configuration\": {\"application\": \"https://a\","
                    " \"phone_number\": \"https://p\"}, \"health_status\": " AVAILABLE "},"
                    "{\"id\": \"3\"}");
  phone = g_ptr_array_index (gh_waba_get_phone_numbers (waba), 0);
  g_assert_cmpstr (gh_phone_number_get_webhook_url (phone), ==, "https://w");
  g_assert_null (gh_phone_number_get_health (phone));
  phone = g_ptr_array_index (gh_waba_get_phone_numbers (waba), 1);
  g_assert_cmpstr (gh_phone_number_get_webhook_url (phone), ==, "https://p");
  g_assert_nonnull (gh_phone_number_get_health (phone));
  g_assert_null (gh_phone_number_get_webhook_url (g_ptr_array_index (
    gh_waba_get_phone_numbers (waba), 2)));
  g_assert_cmpstr (gh_health_get_can_send_message (gh_waba_get_health (waba)), ==,
                   "AVAILABLE");

  host = gh_readiness_dup_host ("https://hooks.example.com:8443/wa?x=1");
  g_assert_cmpstr (host, ==, "hooks.example.com");
  g_assert_null (gh_readiness_dup_host ("not a url"));
  g_assert_null (gh_readiness_dup_host (NULL));
}

static void
test_ready (void)
{
  g_autoptr(GhWaba) waba = make_waba (AVAILABLE, PHONE_READY);
  g_autoptr(GPtrArray) apps = make_apps (OUR_APP);
  g_autoptr(GhAccountReadiness) readiness = NULL;
  g_autofree char *summary = NULL;
  GhCheckItem *item;

  readiness = gh_account_readiness_evaluate (waba, NULL, apps, NULL, &admin_context);

  g_assert_cmpstr (gh_account_readiness_get_waba_id (readiness), ==, WABA_ID);
  g_assert_cmpstr (gh_account_readiness_get_name (readiness), ==, "Lucky Shrub");
  g_assert_cmpint (gh_account_readiness_get_send (readiness), ==, GH_READY_YES);
  g_assert_cmpint (gh_account_readiness_get_receive (readiness), ==, GH_READY_YES);
  g_assert_cmpint (gh_account_readiness_get_subscribed (readiness), ==, 1);
  g_assert_false (gh_account_readiness_get_can_subscribe (readiness));
  g_assert_cmpstrv (gh_account_readiness_get_webhook_hosts (readiness),
                    ((const char *[]) { "hooks.example.com", NULL }));
  g_assert_cmpstrv (gh_account_readiness_get_other_apps (readiness),
                    ((const char *[]) { NULL }));
  summary = gh_account_readiness_dup_summary (readiness);
  g_assert_cmpstr (summary, ==, "Ready to send: yes · Ready to receive: yes");

  item = find (readiness, "account." WABA_ID ".webhooks");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_OK);
  assert_contains (gh_check_item_get_description (item), "hooks.example.com");
  g_assert_null (strstr (gh_check_item_get_description (item), "/wa"));
  g_assert_cmpstr (gh_check_item_get_account_id (item), ==, WABA_ID);
  g_assert_cmpint (gh_check_item_get_status (find (readiness, "account." WABA_ID ".health")),
                   ==, GH_CHECK_STATUS_OK);
  item = find (readiness, "account." WABA_ID ".limit");
  assert_contains (gh_check_item_get_description (item), "2,000 customers a day");
  assert_contains (gh_check_item_get_description (item), "business portfolio");
  item = find (readiness, "phone." PHONE_ID ".ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_OK);
  g_assert_null (gh_check_item_get_fix (item));
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_NONE);
  assert_contains (gh_check_item_get_title (item), "+1 555-025-3483");
}

/* Another app's subscription does not count; it is named.  Subscribe is offered only where
 * the token may do it. */
static void
test_webhooks (void)
{
  g_autoptr(GhWaba) waba = make_waba (AVAILABLE, PHONE_READY);
  g_autoptr(GPtrArray) others = make_apps (OTHER);
  g_autoptr(GPtrArray) none = make_apps ("");
  g_autoptr(GhAccountReadiness) readiness = NULL;
  g_autoptr(GError) refused = NULL;
  GhReadinessContext employee = { TOKEN_APP_ID, NULL, 0, 0 };
  GhReadinessContext unknown_app = { NULL, NULL, -1, -1 };
  GhCheckItem *item;

  readiness = gh_account_readiness_evaluate (waba, NULL, others, NULL, &admin_context);
  item = find (readiness, "account." WABA_ID ".webhooks");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  assert_contains (gh_check_item_get_description (item), "“Lucky Shrub Helpdesk”");
  assert_contains (gh_check_item_get_description (item), "“Old Connector”");
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_SUBSCRIBE);
  g_assert_cmpstr (gh_check_item_get_fix_target (item), ==, WABA_ID);
  g_assert_true (gh_account_readiness_get_can_subscribe (readiness));
  g_assert_cmpint (gh_account_readiness_get_receive (readiness), ==, GH_READY_NO);
  /* Sending does not need webhooks. */
  g_assert_cmpint (gh_account_readiness_get_send (readiness), ==, GH_READY_YES);
  g_clear_object (&readiness);

  readiness = gh_account_readiness_evaluate (waba, NULL, none, NULL, &employee);
  item = find (readiness, "account." WABA_ID ".webhooks");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_NONE);
  g_assert_false (gh_account_readiness_get_can_subscribe (readiness));
  assert_contains (gh_check_item_get_description (item), "the token’s app");
  g_clear_object (&readiness);

  /* Without debug_token, the app is unknown: the apps are named, nothing is claimed. */
  readiness = gh_account_readiness_evaluate (waba, NULL, others, NULL, &unknown_app);
  item = find (readiness, "account." WABA_ID ".webhooks");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_WARNING);
  assert_contains (gh_check_item_get_description (item), "Old Connector");
  g_assert_cmpint (gh_account_readiness_get_subscribed (readiness), ==, -1);
  g_assert_cmpint (gh_account_readiness_get_receive (readiness), ==, GH_READY_UNKNOWN);
  g_clear_object (&readiness);

  refused = gh_graph_error_new_literal (GH_GRAPH_ERROR_PERMISSION, "(#200) nope");
  readiness = gh_account_readiness_evaluate (waba, NULL, NULL, refused, &admin_context);
  item = find (readiness, "account." WABA_ID ".webhooks");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_WARNING);
  g_assert_null (strstr (gh_check_item_get_description (item), "nope"));
  g_clear_object (&readiness);

  /* Not asked for: no row at all. */
  readiness = gh_account_readiness_evaluate (waba, NULL, NULL, NULL, &admin_context);
  g_assert_false (has_item (readiness, "account." WABA_ID ".webhooks"));
  g_assert_cmpint (gh_account_readiness_get_subscribed (readiness), ==, -1);
}

/* health_status per entity: Meta's words as plain text, ours for the codes we know, and the
 * page that fixes it. */
static void
test_health (void)
{
  const char *blocked =
    "{\"can_send_message\": \"BLOCKED\", \"entities\": ["
    " {\"entity_type\": \"WABA\", \"id\": \"" WABA_ID "\", \"can_send_message\": \"BLOCKED\","
    "  \"errors\": [{\"error_code\": 141006, \"error_description\": \"Payment <issue>.\","
    "                \"possible_solution\": \"Add a payment method.\"}]},"
    " {\"entity_type\": \"BUSINESS\", \"id\": \"" BUSINESS_ID "\","
    "  \"can_send_message\": \"LIMITED\", \"errors\": [{\"error_code\": 141010,"
    "  \"error_description\": \"Not verified.\", \"possible_solution\": \"Verify.\"}],"
    "  \"additional_info\": [\"Limited to 250 customers.\"]},"
    " {\"entity_type\": \"APP\", \"id\": \"" TOKEN_APP_ID "\","
    "  \"can_send_message\": \"AVAILABLE\"},"
    " {\"entity_type\": \"NEW_KIND\", \"can_send_message\": \"LIMITED\","
    "  \"errors\": [{\"error_code\": 999}]}]}";
  g_autoptr(GhWaba) waba = make_waba (blocked, PHONE_READY);
  g_autoptr(GPtrArray) apps = make_apps (OUR_APP);
  g_autoptr(GhAccountReadiness) readiness = NULL;
  GhCheckItem *item;

  readiness = gh_account_readiness_evaluate (waba, NULL, apps, NULL, &admin_context);

  g_assert_cmpint (gh_check_item_get_status (find (readiness, "account." WABA_ID ".health")),
                   ==, GH_CHECK_STATUS_ERROR);
  g_assert_cmpint (gh_account_readiness_get_send (readiness), ==, GH_READY_NO);
  /* Receiving still works: a payment problem blocks sending only. */
  g_assert_cmpint (gh_account_readiness_get_receive (readiness), ==, GH_READY_YES);

  item = find (readiness, "account." WABA_ID ".health.account");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  assert_contains (gh_check_item_get_description (item), "payment method");
  assert_contains (gh_check_item_get_description (item), "131042");
  assert_contains (gh_check_item_get_description (item), "Payment <issue>.");
  assert_contains (gh_check_item_get_fix (item), "Payment settings");
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_LINK);
  g_assert_cmpstr (gh_check_item_get_fix_uri (item), ==,
                   "https://business.facebook.com/settings/whatsapp-business-accounts/"
                   WABA_ID "?business_id=" BUSINESS_ID);

  item = find (readiness, "account." WABA_ID ".health.business");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_WARNING);
  assert_contains (gh_check_item_get_description (item), "not verified");
  assert_contains (gh_check_item_get_description (item), "Limited to 250 customers.");
  g_assert_cmpstr (gh_check_item_get_fix_uri (item), ==,
                   "https://business.facebook.com/settings/security?business_id=" BUSINESS_ID);

  /* An available entity has nothing to say; an unknown one is shown as Meta sent it. */
  g_assert_false (has_item (readiness, "account." WABA_ID ".health.app"));
  item = find (readiness, "account." WABA_ID ".health.NEW_KIND");
  assert_contains (gh_check_item_get_description (item), "999");
}

/* Each number: registered or pending, test number, On-Premises, name, quality. */
static void
test_phones (void)
{
  const char *phones =
    PHONE_PENDING ","
    "{\"id\": \"3\", \"display_phone_number\": \"+1 3\", \"status\": \"CONNECTED\","
    " \"account_mode\": \"SANDBOX\", \"name_status\": \"APPROVED\"},"
    "{\"id\": \"4\", \"status\": \"CONNECTED\", \"platform_type\": \"ON_PREMISE\"},"
    "{\"id\": \"5\", \"status\": \"CONNECTED\", \"name_status\": \"DECLINED\","
    " \"quality_rating\": \"RED\"},"
    "{\"id\": \"6\", \"status\": \"CONNECTED\", \"health_status\": {\"can_send_message\":"
    " \"BLOCKED\", \"entities\": [{\"entity_type\": \"PHONE_NUMBER\", \"id\": \"6\","
    " \"can_send_message\": \"BLOCKED\", \"errors\": [{\"error_code\": 1,"
    " \"error_description\": \"Number blocked.\"}]}]}}";
  g_autoptr(GhWaba) waba = make_waba (AVAILABLE, phones);
  g_autoptr(GhWaba) empty = make_waba (AVAILABLE, "");
  g_autoptr(GPtrArray) apps = make_apps (OUR_APP);
  g_autoptr(GhAccountReadiness) readiness = NULL;
  GhReadinessContext no_rights = { TOKEN_APP_ID, NULL, 0, 0 };
  GhCheckItem *item;

  readiness = gh_account_readiness_evaluate (waba, NULL, apps, NULL, &admin_context);

  item = find (readiness, "phone." PENDING_ID ".ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  assert_contains (gh_check_item_get_description (item), "Pending");
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_REGISTER);
  g_assert_cmpstr (gh_check_item_get_fix_target (item), ==, PENDING_ID);
  item = find (readiness, "phone.3.ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_WARNING);
  assert_contains (gh_check_item_get_description (item), "131030");
  item = find (readiness, "phone.4.ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  assert_contains (gh_check_item_get_description (item), "October 2025");
  item = find (readiness, "phone.5.ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_WARNING);
  assert_contains (gh_check_item_get_description (item), "declined the display name");
  assert_contains (gh_check_item_get_description (item), "blocking or reporting");
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_LINK);
  assert_contains (gh_check_item_get_fix_uri (item), "/wa/manage/phone-numbers/?waba_id=");
  item = find (readiness, "phone.6.ready");
  g_assert_cmpint (gh_check_item_get_status (item), ==, GH_CHECK_STATUS_ERROR);
  assert_contains (gh_check_item_get_description (item), "Number blocked.");

  /* Two of five can send, with limits: the account can send with limits. */
  g_assert_cmpint (gh_account_readiness_get_send (readiness), ==, GH_READY_LIMITED);
  g_assert_cmpint (gh_account_readiness_get_receive (readiness), ==, GH_READY_LIMITED);
  g_assert_nonnull (gh_account_readiness_find_phone (readiness, PENDING_ID));
  g_assert_null (gh_account_readiness_find_phone (readiness, "7"));
  g_clear_object (&readiness);

  /* A token that may not register gets the page, not the button. */
  readiness = gh_account_readiness_evaluate (waba, NULL, apps, NULL, &no_rights);
  item = find (readiness, "phone." PENDING_ID ".ready");
  g_assert_cmpint (gh_check_item_get_fix_kind (item), ==, GH_CHECK_FIX_LINK);
  g_clear_object (&readiness);

  /* No number at all: nothing can send or receive. */
  readiness = gh_account_readiness_evaluate (empty, NULL, apps, NULL, &admin_context);
  g_assert_cmpint (gh_check_item_get_status (find (readiness, "account." WABA_ID ".phones")),
                   ==, GH_CHECK_STATUS_ERROR);
  g_assert_cmpint (gh_account_readiness_get_send (readiness), ==, GH_READY_NO);
  g_assert_cmpint (gh_account_readiness_get_receive (readiness), ==, GH_READY_NO);
}

static GError *
graph_error (const char *json,
             guint       http_status)
{
  g_autoptr(JsonNode) node = parse_json (json);

  return gh_graph_error_new_from_json (json_node_get_object (node), http_status);
}

static GhAccountReadiness *
readiness_after (const char *phones,
                 const char *apps_data)
{
  g_autoptr(GhWaba) waba = make_waba (AVAILABLE, phones);
  g_autoptr(GPtrArray) apps = make_apps (apps_data);

  return gh_account_readiness_evaluate (waba, NULL, apps, NULL, &admin_context);
}

static void
test_subscribe_outcomes (void)
{
  g_autoptr(GhAccountReadiness) subscribed = readiness_after (PHONE_READY, OUR_APP);
  g_autoptr(GhAccountReadiness) missing = readiness_after (PHONE_READY, OTHER);
  g_autoptr(GError) refused = graph_error ("{\"code\": 200, \"message\": \"(#200) Permissions "
                                           "error\", \"error_user_msg\": \"Ask an <admin>.\"}",
                                           403);
  g_autoptr(GError) dropped = gh_graph_error_new_literal (GH_GRAPH_ERROR_NETWORK, "dropped");
  g_autoptr(GhAccountAction) action = NULL;

  action = gh_account_action_new_subscribe (NULL, subscribed, NULL, "Lucky Shrub Helpdesk");
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_DONE);
  assert_contains (gh_account_action_get_sentence (action), "hooks.example.com");
  g_assert_true (gh_account_action_get_readiness (action) == subscribed);
  g_assert_null (gh_account_action_get_next_step (action));
  g_clear_object (&action);

  /* Accepted but not there when read back: said, with what to do. */
  action = gh_account_action_new_subscribe (NULL, missing, NULL, "Lucky Shrub Helpdesk");
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_NOT_SHOWN);
  assert_contains (gh_account_action_get_sentence (action), "does not show");
  g_assert_nonnull (gh_account_action_get_next_step (action));
  g_clear_object (&action);

  action = gh_account_action_new_subscribe (NULL, NULL, dropped, NULL);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_NOT_SHOWN);
  g_assert_null (gh_account_action_get_readiness (action));
  g_clear_object (&action);

  action = gh_account_action_new_subscribe (refused, missing, NULL, "Lucky Shrub Helpdesk");
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_REFUSED);
  assert_contains (gh_account_action_get_sentence (action), "may not subscribe");
  /* Meta's words for people come along, as plain text. */
  assert_contains (gh_account_action_get_sentence (action), "Ask an <admin>.");
  g_assert_error (gh_account_action_get_error (action), GH_GRAPH_ERROR,
                  GH_GRAPH_ERROR_PERMISSION);
  g_clear_object (&action);

  /* No answer: the re-read tells what happened. */
  action = gh_account_action_new_subscribe (dropped, missing, NULL, NULL);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_UNCERTAIN);
  assert_contains (gh_account_action_get_sentence (action), "was not subscribed");
  g_clear_object (&action);
  action = gh_account_action_new_subscribe (dropped, subscribed, NULL, NULL);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_DONE);
}

static void
test_register_outcomes (void)
{
  g_autoptr(GhAccountReadiness) registered = readiness_after (
    "{\"id\": \"" PENDING_ID "\", \"display_phone_number\": \"+1 555-014-7720\","
    " \"status\": \"CONNECTED\"}", OUR_APP);
  g_autoptr(GhAccountReadiness) pending = readiness_after (PHONE_PENDING, OUR_APP);
  g_autoptr(GError) wrong_pin = graph_error ("{\"code\": 100, \"message\": \"(#100) Invalid "
                                             "parameter\", \"error_user_title\": \"Incorrect "
                                             "PIN\"}", 400);
  g_autoptr(GError) mismatch = graph_error ("{\"code\": 133005, \"message\": \"Two step "
                                            "verification PIN Mismatch\"}", 400);
  g_autoptr(GError) limit = graph_error ("{\"code\": 133016, \"message\": \"(#133016) Account "
                                         "register deregister rate limit exceeded\"}", 400);
  g_autoptr(GError) other = graph_error ("{\"code\": 100, \"message\": \"(#100) Param "
                                         "messaging_product must be one of {WHATSAPP}\"}", 400);
  g_autoptr(GError) forbidden = graph_error ("{\"code\": 200, \"message\": \"(#200) "
                                             "Permissions error\"}", 403);
  g_autoptr(GhAccountAction) action = NULL;

  action = gh_account_action_new_register (NULL, registered, NULL, PENDING_ID);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_DONE);
  assert_contains (gh_account_action_get_sentence (action), "+1 555-014-7720 as Connected");
  g_clear_object (&action);

  action = gh_account_action_new_register (NULL, pending, NULL, PENDING_ID);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_NOT_SHOWN);
  assert_contains (gh_account_action_get_sentence (action), "still shows");
  g_clear_object (&action);

  /* Both ways Meta says the PIN is wrong read the same, with the tries Meta allows. */
  action = gh_account_action_new_register (wrong_pin, pending, NULL, PENDING_ID);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_REFUSED);
  g_assert_cmpstr (gh_account_action_get_title (action), ==, "Wrong PIN");
  assert_contains (gh_account_action_get_next_step (action), "10 tries in 72 hours");
  g_clear_object (&action);
  action = gh_account_action_new_register (mismatch, pending, NULL, PENDING_ID);
  g_assert_cmpstr (gh_account_action_get_title (action), ==, "Wrong PIN");
  g_clear_object (&action);

  action = gh_account_action_new_register (limit, pending, NULL, PENDING_ID);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_REFUSED);
  g_assert_cmpstr (gh_account_action_get_title (action), ==, "Too Many Tries");
  g_clear_object (&action);

  action = gh_account_action_new_register (forbidden, pending, NULL, PENDING_ID);
  assert_contains (gh_account_action_get_sentence (action), "may not register");
  g_clear_object (&action);

  /* Another invalid parameter is not a PIN problem: Meta's summary, no raw message. */
  action = gh_account_action_new_register (other, pending, NULL, PENDING_ID);
  g_assert_cmpint (gh_account_action_get_outcome (action), ==, GH_ACTION_REFUSED);
  g_assert_cmpstr (gh_account_action_get_title (action), !=, "Wrong PIN");
  g_assert_null (strstr (gh_account_action_get_sentence (action), "messaging_product"));
}

static void
test_pin (void)
{
  g_assert_null (gh_register_pin_problem ("246810"));
  g_assert_null (gh_register_pin_problem ("000000"));
  assert_contains (gh_register_pin_problem (NULL), "six-digit");
  assert_contains (gh_register_pin_problem (""), "six-digit");
  assert_contains (gh_register_pin_problem ("12345"), "missing");
  assert_contains (gh_register_pin_problem ("1234567"), "no more");
  assert_contains (gh_register_pin_problem ("12 456"), "digits only");
  assert_contains (gh_register_pin_problem ("１２３４５６"), "digits only");
  assert_contains (gh_register_pin_problem ("12345a"), "digits only");
}

/* --json: a versioned document, a verdict, then items with stable ids. */
static void
test_json (void)
{
  g_autoptr(GhWaba) waba = make_waba (AVAILABLE, PHONE_READY "," PHONE_PENDING);
  g_autoptr(GPtrArray) apps = make_apps (OTHER);
  g_autoptr(GPtrArray) wabas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) error_root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *error_json = NULL;
  GhCheckWaba *check_waba = gh_check_waba_new (WABA_ID, waba, NULL);
  JsonObject *object;
  JsonObject *account;
  JsonArray *items;
  gboolean seen_webhooks = FALSE;

  gh_check_waba_set_subscribed_apps (check_waba, apps, NULL);
  g_ptr_array_add (wabas, check_waba);
  report = gh_access_check_evaluate (NULL, NULL, "104169029247128", "Gatehouse", wabas, 1);

  json = gh_check_report_to_json (report, "Front desk");
  root = parse_json (json);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==,
                   GH_CHECK_REPORT_JSON_VERSION);
  g_assert_cmpstr (json_object_get_string_member (object, "connection"), ==, "Front desk");
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "not-ready");
  g_assert_cmpint (json_object_get_int_member (object, "exit_code"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "summary"), ==,
                   gh_check_report_get_summary (report));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object,
                                                                             "token"),
                                              "expires_at"));

  account = json_array_get_object_element (json_object_get_array_member (object, "accounts"),
                                           0);
  g_assert_cmpstr (json_object_get_string_member (account, "id"), ==, WABA_ID);
  g_assert_true (json_object_get_boolean_member (account, "reachable"));
  g_assert_cmpstr (json_object_get_string_member (account, "ready_to_receive"), ==,
                   "unknown");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (
    account, "other_apps"), 0), ==, "Old Connector");

  items = json_object_get_array_member (object, "items");
  g_assert_cmpuint (json_array_get_length (items), ==,
                    g_list_model_get_n_items (gh_check_report_get_items (report)));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "id"), ==, "token.valid");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (item, "id");
      const char *status = json_object_get_string_member (item, "status");

      g_assert_true (g_str_equal (status, "ok") || g_str_equal (status, "warning") ||
                     g_str_equal (status, "error"));
      g_assert_nonnull (json_object_get_string_member (item, "sentence"));
      if (g_str_equal (id, "phone." PENDING_ID ".ready"))
        {
          g_assert_cmpstr (status, ==, "error");
          g_assert_cmpstr (json_object_get_string_member (item, "fix_action"), ==, "register");
          g_assert_cmpstr (json_object_get_string_member (item, "fix_target"), ==, PENDING_ID);
          g_assert_cmpstr (json_object_get_string_member (item, "account"), ==, WABA_ID);
        }
      if (g_str_equal (id, "account." WABA_ID ".webhooks"))
        seen_webhooks = TRUE;
      if (g_str_equal (status, "ok"))
        g_assert_true (json_object_get_null_member (item, "fix"));
    }
  g_assert_true (seen_webhooks);

  error_json = gh_check_report_error_to_json (NULL, "Could not reach Meta.", "Try again.");
  error_root = parse_json (error_json);
  object = json_node_get_object (error_root);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "could-not-check");
  g_assert_cmpint (json_object_get_int_member (object, "exit_code"), ==, 2);
  g_assert_true (json_object_get_null_member (object, "connection"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")),
                    ==, 0);

  g_clear_pointer (&wabas, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&report));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readiness/models", test_models);
  g_test_add_func ("/readiness/ready", test_ready);
  g_test_add_func ("/readiness/webhooks", test_webhooks);
  g_test_add_func ("/readiness/health", test_health);
  g_test_add_func ("/readiness/phones", test_phones);
  g_test_add_func ("/readiness/subscribe-outcomes", test_subscribe_outcomes);
  g_test_add_func ("/readiness/register-outcomes", test_register_outcomes);
  g_test_add_func ("/readiness/pin", test_pin);
  g_test_add_func ("/readiness/json", test_json);

  return g_test_run ();
}
