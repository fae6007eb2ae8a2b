/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-checkup"

#include "config.h"

#include <string.h>

#include "gh-business-user.h"
#include "gh-checkup.h"

/* The security checkup's findings, from lists as Meta sends them. */

#define OWN_ID       "104169029247128"
#define INVENTORY_ID "104169029248311"
#define CHATBOT_ID   "104169029248644"
#define MARIA_ID     "1972385232339563"
#define ANNA_ID      "1972385232742142"
#define PRIYA_ID     "1972385232561913"
#define GRACE_ID     "1972385232252353"
#define JASPER_ID    "1972385232752545"
#define LUCIA_ID     "1972385232064867"

/* As /{business}/business_users?fields=id,name,email,role,two_fac_status,pending_email. */
static const char business_users_json[] =
  "{\"data\": ["
  "{\"id\": \"" MARIA_ID "\", \"name\": \"Maria Lopez\", \"role\": \"ADMIN\","
  " \"two_fac_status\": \"enabled\", \"pending_email\": \"\"},"
  "{\"id\": \"" ANNA_ID "\", \"name\": \"Anna Flex\", \"role\": \"ADMIN\","
  " \"two_fac_status\": \"ENABLED\"},"
  "{\"id\": \"" PRIYA_ID "\", \"name\": \"Priya Natarajan\", \"role\": \"ADMIN\","
  " \"two_fac_status\": \"disabled\"},"
  "{\"id\": \"" GRACE_ID "\", \"name\": \"Grace O'Connor\", \"role\": \"ADMIN\","
  " \"two_fac_status\": \"something new\"},"
  "{\"id\": \"" JASPER_ID "\", \"name\": \"Jasper Brown\", \"role\": \"EMPLOYEE\","
  " \"two_fac_status\": \"Disabled\"},"
  "{\"id\": \"" LUCIA_ID "\", \"name\": \"Lucía Martín\", \"role\": \"EMPLOYEE\","
  " \"two_fac_status\": \"disabled\", \"pending_email\": \"lucia@luckyshrub.example\"}"
  "]}";

static GPtrArray *
parse_users (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *users;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  users = gh_business_user_parse_list (json_parser_get_root (parser), FALSE, &error);
  g_assert_no_error (error);
  return users;
}

static GPtrArray *
holders_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gh_access_holder_free);
}

static void
add (GPtrArray  *assigned,
     const char *id,
     const char *name,
     gboolean    is_system_user,
     const char *tasks)
{
  g_ptr_array_add (assigned, gh_access_holder_new (id, name, is_system_user, tasks));
}

static GhCheckupFinding *
find_kind (GPtrArray     *findings,
           GhCheckupKind  kind)
{
  for (guint i = 0; i < findings->len; i++)
    {
      GhCheckupFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind)
        return finding;
    }

  return NULL;
}

static GhCheckupPerson *
person_at (GhCheckupFinding *finding,
           guint             index)
{
  g_assert_cmpuint (index, <, finding->people->len);
  return g_ptr_array_index (finding->people, index);
}

static void
test_business_user_fields (void)
{
  g_autoptr(GPtrArray) users = parse_users (business_users_json);
  GhBusinessUser *maria = g_ptr_array_index (users, 0);
  GhBusinessUser *anna = g_ptr_array_index (users, 1);
  GhBusinessUser *lucia = g_ptr_array_index (users, 5);

  g_assert_cmpstr (gh_business_user_get_two_fac_status (maria), ==, "enabled");
  g_assert_cmpstr (gh_business_user_get_pending_email (maria), ==, "");
  g_assert_null (gh_business_user_get_pending_email (anna));
  g_assert_cmpstr (gh_business_user_get_pending_email (lucia), ==,
                   "lucia@luckyshrub.example");
}

static void
test_two_factor_words (void)
{
  g_assert_cmpint (gh_checkup_read_two_factor ("enabled"), ==, GH_TWO_FACTOR_ON);
  g_assert_cmpint (gh_checkup_read_two_factor ("ENABLED"), ==, GH_TWO_FACTOR_ON);
  g_assert_cmpint (gh_checkup_read_two_factor (" Disabled "), ==, GH_TWO_FACTOR_OFF);
  g_assert_cmpint (gh_checkup_read_two_factor ("none"), ==, GH_TWO_FACTOR_OFF);
  g_assert_cmpint (gh_checkup_read_two_factor ("something new"), ==, GH_TWO_FACTOR_UNKNOWN);
  g_assert_cmpint (gh_checkup_read_two_factor (NULL), ==, GH_TWO_FACTOR_UNKNOWN);
}

static void
test_findings (void)
{
  g_autoptr(GPtrArray) users = parse_users (business_users_json);
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GhCheckupInput input = { NULL, users, NULL, OWN_ID, "1098765432101234" };
  GhCheckupFinding *finding;
  GhCheckupPerson *person;

  input.assigned = assigned = holders_new ();
  add (assigned, MARIA_ID, "Maria Lopez", FALSE, "MANAGE");
  add (assigned, ANNA_ID, "Anna Flex", FALSE, "MANAGE");
  add (assigned, PRIYA_ID, "Priya Natarajan", FALSE, "MANAGE");
  add (assigned, GRACE_ID, "Grace O'Connor", FALSE, "MANAGE DEVELOP");
  add (assigned, JASPER_ID, "Jasper Brown", FALSE, "DEVELOP");
  add (assigned, OWN_ID, "Gatehouse Integration", TRUE, "MANAGE");
  add (assigned, INVENTORY_ID, "Inventory Sync", TRUE, "MANAGE");
  add (assigned, CHATBOT_ID, "Chatbot Platform", TRUE, "MESSAGING MANAGE_TEMPLATES");

  findings = gh_checkup_run (&input);
  g_assert_cmpuint (findings->len, ==, 5);

  /* Most serious first. */
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpint (finding->kind, ==, GH_CHECKUP_NO_TWO_FACTOR);
  g_assert_cmpint (finding->severity, ==, GH_CHECKUP_SEVERITY_WARNING);
  g_assert_cmpstr (finding->title, ==, "2 people with access have no two-factor "
                                       "authentication");
  g_assert_nonnull (strstr (finding->why, "stolen password"));
  g_assert_cmpstr (finding->link_uri, ==, "https://business.facebook.com/settings/"
                                          "security-center?business_id=1098765432101234");
  person = person_at (finding, 0);
  g_assert_cmpstr (person->id, ==, PRIYA_ID);
  g_assert_cmpstr (person->detail, ==, "Has Full control");
  g_assert_cmpint (person->fix, ==, GH_CHECKUP_FIX_REMOVE);
  g_assert_cmpstr (person_at (finding, 1)->id, ==, JASPER_ID);

  /* Four people with Full control; the system users are counted apart. */
  finding = find_kind (findings, GH_CHECKUP_TOO_MANY_FULL_CONTROL);
  g_assert_cmpuint (finding->people->len, ==, 4);
  person = person_at (finding, 3);
  g_assert_cmpstr (person->id, ==, GRACE_ID);
  g_assert_cmpint (person->fix, ==, GH_CHECKUP_FIX_SET_TASKS);
  g_assert_cmpuint (person->tasks, ==, GH_TASK_PRESET_PARTIAL);

  /* The connection's own system user: advice and a link, never a staged change that would
   * lock Gatehouse out. */
  finding = find_kind (findings, GH_CHECKUP_INTEGRATION_FULL_CONTROL);
  g_assert_cmpuint (finding->people->len, ==, 1);
  g_assert_cmpint (person_at (finding, 0)->fix, ==, GH_CHECKUP_FIX_NONE);
  g_assert_nonnull (strstr (finding->link_uri, "/settings/system-users?business_id="));
  g_assert_nonnull (strstr (finding->why, "one system user per kind of access"));

  finding = find_kind (findings, GH_CHECKUP_SYSTEM_USER_FULL_CONTROL);
  g_assert_cmpuint (finding->people->len, ==, 1);
  person = person_at (finding, 0);
  g_assert_cmpstr (person->id, ==, INVENTORY_ID);
  g_assert_cmpuint (person->tasks, ==, GH_TASK_DEVELOP | GH_TASK_MESSAGING);

  finding = find_kind (findings, GH_CHECKUP_PENDING_INVITATION);
  g_assert_cmpuint (finding->people->len, ==, 1);
  person = person_at (finding, 0);
  g_assert_cmpstr (person->name, ==, "Lucía Martín");
  g_assert_cmpstr (person->detail, ==, "Invited as lucia@luckyshrub.example");
  g_assert_cmpint (person->fix, ==, GH_CHECKUP_FIX_NONE);
}

static void
test_all_well (void)
{
  g_autoptr(GPtrArray) users = parse_users (business_users_json);
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GhCheckupInput input = { NULL, users, NULL, OWN_ID, NULL };

  input.assigned = assigned = holders_new ();
  add (assigned, MARIA_ID, "Maria Lopez", FALSE, "MANAGE");
  add (assigned, ANNA_ID, "Anna Flex", FALSE, "MANAGE");
  add (assigned, GRACE_ID, "Grace O'Connor", FALSE, "DEVELOP");
  add (assigned, OWN_ID, "Gatehouse Integration", TRUE, "DEVELOP MESSAGING");
  /* Lucía accepted. */
  g_ptr_array_remove_index (users, 5);

  findings = gh_checkup_run (&input);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Without business_management the people cannot be listed: said, and the rest checked. */
static void
test_people_not_read (void)
{
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GhCheckupInput input = { NULL, NULL, "The token lacks business_management.", NULL, NULL };
  GhCheckupFinding *finding;

  input.assigned = assigned = holders_new ();
  add (assigned, INVENTORY_ID, "Inventory Sync", TRUE, "MANAGE");
  findings = gh_checkup_run (&input);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpint (((GhCheckupFinding *) g_ptr_array_index (findings, 0))->kind, ==,
                   GH_CHECKUP_SYSTEM_USER_FULL_CONTROL);
  finding = g_ptr_array_index (findings, 1);
  g_assert_cmpint (finding->kind, ==, GH_CHECKUP_NOT_READ);
  g_assert_cmpint (finding->severity, ==, GH_CHECKUP_SEVERITY_INFO);
  g_assert_cmpstr (finding->why, ==, "The token lacks business_management.");
  g_assert_null (finding->link_uri);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checkup/business-user-fields", test_business_user_fields);
  g_test_add_func ("/checkup/two-factor-words", test_two_factor_words);
  g_test_add_func ("/checkup/findings", test_findings);
  g_test_add_func ("/checkup/all-well", test_all_well);
  g_test_add_func ("/checkup/people-not-read", test_people_not_read);

  return g_test_run ();
}
