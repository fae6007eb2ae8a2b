/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-test-demo"

#include "config.h"

#include <string.h>

#include "gh-demo-test-util.h"

/* Assigned users of an account: cursor paging the way Meta pages, edits by an admin system
 * user only, and thousands of users for scale. */

enum
{
  SEEN_UNKNOWN_TASK = 1 << 0,
  SEEN_BLANK        = 1 << 1,
  SEEN_MARKUP       = 1 << 2,
  SEEN_RTL          = 1 << 3,
  SEEN_ALL          = (1 << 4) - 1,
};

/* Adds the users' ids to @seen (each once) and notes the odd ones the data must have. */
static void
scan_users (JsonArray  *items,
            GHashTable *seen,
            guint      *flags)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *user = json_array_get_object_element (items, i);
      const char *name = json_object_get_string_member (user, "name");

      g_assert_true (g_hash_table_add (seen,
                                       g_strdup (json_object_get_string_member (user, "id"))));
      if (gh_test_has_string (json_object_get_array_member (user, "tasks"), "VIEW_INSIGHTS"))
        *flags |= SEEN_UNKNOWN_TASK;
      if (g_str_equal (name, " "))
        *flags |= SEEN_BLANK;
      if (g_str_equal (name, "<b>Bold & Co</b>"))
        *flags |= SEEN_MARKUP;
      if (g_str_equal (name, "مريم الحسيني") || g_str_equal (name, "דוד כהן"))
        *flags |= SEEN_RTL;
    }
}

static void
test_assigned_users_paging (GhTestFixture *fixture,
                            gconstpointer  data)
{
  const char *base = "/v25.0/" GH_DEMO_WABA_ID "/assigned_users";
  g_autofree char *target = g_strdup_printf ("%s?business=%s&limit=10&summary=total_count",
                                             base, GH_DEMO_BUSINESS_ID);
  g_autoptr(GhTestReply) first = gh_test_get (fixture, target, GH_DEMO_TOKEN_ADMIN);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GUri) next_uri = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *next_link = NULL;
  JsonObject *paging;
  const char *next;
  gint64 total;
  guint pages = 1;
  guint flags = 0;

  g_assert_cmpuint (json_array_get_length (gh_test_reply_data (first)), ==, 10);
  total = json_object_get_int_member (json_object_get_object_member (gh_test_reply_object (first),
                                                                     "summary"),
                                      "total_count");
  g_assert_cmpint (total, >=, 35);
  paging = json_object_get_object_member (gh_test_reply_object (first), "paging");
  g_assert_nonnull (json_object_get_string_member (
    json_object_get_object_member (paging, "cursors"), "after"));
  g_assert_false (json_object_has_member (paging, "previous"));

  /* The next link is absolute, on the server's own origin, and carries the token. */
  next = json_object_get_string_member (paging, "next");
  next_uri = g_uri_parse (next, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_assert_nonnull (next_uri);
  origin = g_strdup_printf ("http://%s:%d", g_uri_get_host (next_uri),
                            g_uri_get_port (next_uri));
  g_assert_cmpstr (origin, ==, gh_demo_server_get_url (fixture->server));
  g_assert_cmpstr (g_uri_get_path (next_uri), ==, base);
  g_assert_nonnull (strstr (next, "access_token=" GH_DEMO_TOKEN_ADMIN));
  g_assert_nonnull (strstr (next, "business=" GH_DEMO_BUSINESS_ID));
  g_assert_nonnull (strstr (next, "after="));

  scan_users (gh_test_reply_data (first), seen, &flags);

  /* Follow the links the way a careful client does: strip the token, send the header. */
  gh_demo_server_reset_counts (fixture->server);
  next_link = g_strdup (next);
  while (next_link != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (next_link, G_URI_FLAGS_ENCODED_QUERY, NULL);
      g_autoptr(GHashTable) params = soup_form_decode (g_uri_get_query (uri));
      g_autofree char *query = NULL;
      g_autofree char *url = NULL;
      g_autoptr(GhTestReply) page = NULL;
      JsonArray *items;

      g_assert_true (g_hash_table_remove (params, "access_token"));
      query = soup_form_encode_hash (params);
      url = g_strdup_printf ("%s?%s", g_uri_get_path (uri), query);
      page = gh_test_get (fixture, url, GH_DEMO_TOKEN_ADMIN);
      items = gh_test_reply_data (page);
      pages++;
      g_assert_cmpuint (json_array_get_length (items), >, 0);
      scan_users (items, seen, &flags);

      paging = json_object_get_object_member (gh_test_reply_object (page), "paging");
      g_assert_true (json_object_has_member (paging, "previous"));
      g_clear_pointer (&next_link, g_free);
      if (json_object_has_member (paging, "next"))
        next_link = g_strdup (json_object_get_string_member (paging, "next"));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, total);
  g_assert_cmpuint (pages, ==, (total + 9) / 10);
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_cmphex (flags, ==, SEEN_ALL);

  {
    /* before= goes back a page. */
    g_autoptr(GhTestReply) page = gh_test_get (fixture, target, GH_DEMO_TOKEN_ADMIN);
    JsonObject *first_paging = json_object_get_object_member (gh_test_reply_object (page),
                                                              "paging");
    const char *after = json_object_get_string_member (
      json_object_get_object_member (first_paging, "cursors"), "after");
    g_autofree char *second_target = g_strdup_printf ("%s&after=%s", target, after);
    g_autoptr(GhTestReply) second = gh_test_get (fixture, second_target, GH_DEMO_TOKEN_ADMIN);
    JsonObject *second_paging = json_object_get_object_member (gh_test_reply_object (second),
                                                               "paging");
    const char *before = json_object_get_string_member (
      json_object_get_object_member (second_paging, "cursors"), "before");
    g_autofree char *back_target = g_strdup_printf ("%s&before=%s", target, before);
    g_autoptr(GhTestReply) back = gh_test_get (fixture, back_target, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpstr (json_object_get_string_member (
      json_array_get_object_element (gh_test_reply_data (back), 0), "id"), ==,
      json_object_get_string_member (json_array_get_object_element (gh_test_reply_data (page), 0),
                                     "id"));
  }

  {
    g_autoptr(GhTestReply) missing = gh_test_get (fixture, base, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (gh_test_reply_error_code (missing), ==, 100);
    g_assert_cmpstr (gh_test_reply_error_message (missing), ==,
                     "(#100) The parameter business is required");
  }

  {
    /* One of Meta's pages passes the WABA id as business. */
    g_autoptr(GhTestReply) waba_as_business =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID
                   "/assigned_users?business=" GH_DEMO_WABA_ID
                   "&limit=500", GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (json_array_get_length (gh_test_reply_data (waba_as_business)), ==, total);
    g_assert_false (json_object_has_member (
      json_object_get_object_member (gh_test_reply_object (waba_as_business), "paging"), "next"));
  }

  {
    g_autoptr(GhTestReply) bad =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                   GH_DEMO_BUSINESS_ID "&after=not-a-cursor",
                   GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpint (gh_test_reply_error_code (bad), ==, 100);
  }
}

static void
test_assign_and_remove (GhTestFixture *fixture,
                        gconstpointer  data)
{
  const char *target = "/v25.0/" GH_DEMO_WABA_ID "/assigned_users";
  const char *oliver = "1972385232611316";
  g_autoptr(JsonArray) before = gh_test_all_assigned_users (fixture);
  guint count = json_array_get_length (before);
  JsonArray *tasks;

  g_assert_null (gh_test_find_by_id (before, oliver));
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server, GH_DEMO_WABA_ID),
                    ==, count);

  {
    g_autoptr(GhTestReply) added = gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                                  "user=1972385232611316&tasks=%5B%22MANAGE%22%2C"
                                                  "%22DEVELOP%22%5D");
    g_autoptr(JsonArray) after = NULL;
    JsonObject *user;

    g_assert_cmpuint (added->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (gh_test_reply_object (added), "success"));
    after = gh_test_all_assigned_users (fixture);
    g_assert_cmpuint (json_array_get_length (after), ==, count + 1);
    user = gh_test_find_by_id (after, oliver);
    g_assert_nonnull (user);
    g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "Oliver Schmidt");
    g_assert_cmpstr (json_object_get_string_member (user, "user_type"), ==, "BUSINESS_USER");
    tasks = json_object_get_array_member (user, "tasks");
    g_assert_cmpuint (json_array_get_length (tasks), ==, 2);
    g_assert_true (gh_test_has_string (tasks, "MANAGE"));
    g_assert_true (gh_test_has_string (tasks, "DEVELOP"));
  }

  {
    /* Meta's curl form, and the set is replaced, not added to. */
    g_autoptr(GhTestReply) changed =
      gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                     "user=1972385232611316&tasks=%5B%27VIEW_COST%27%5D");
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpuint (changed->status, ==, 200);
    after = gh_test_all_assigned_users (fixture);
    tasks = json_object_get_array_member (gh_test_find_by_id (after, oliver), "tasks");
    g_assert_cmpuint (json_array_get_length (tasks), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (tasks, 0), ==, "VIEW_COST");
  }

  {
    g_autoptr(GhTestReply) removed = gh_test_fetch (fixture, "DELETE",
                                                    "/v25.0/" GH_DEMO_WABA_ID
                                                    "/assigned_users?user=1972385232611316",
                                                    GH_DEMO_TOKEN_ADMIN, NULL);
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpuint (removed->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (gh_test_reply_object (removed), "success"));
    after = gh_test_all_assigned_users (fixture);
    g_assert_cmpuint (json_array_get_length (after), ==, count);
    g_assert_null (gh_test_find_by_id (after, oliver));
  }

  {
    g_autoptr(GhTestReply) unknown =
      gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                     "user=999999999999999&tasks=%5B%22MANAGE%22%5D");

    g_assert_cmpint (gh_test_reply_error_code (unknown), ==, 100);
    g_assert_cmpint (gh_test_reply_error_subcode (unknown), ==, 33);
  }

  {
    g_autoptr(GhTestReply) bad = gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                                "user=1972385232611316&tasks=MANAGE");
    g_autoptr(GhTestReply) missing = gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_ADMIN,
                                                    "user=1972385232611316");

    g_assert_cmpint (gh_test_reply_error_code (bad), ==, 100);
    g_assert_cmpint (gh_test_reply_error_code (missing), ==, 100);
  }

  {
    /* Only an admin system user may edit. */
    g_autoptr(GhTestReply) employee =
      gh_test_fetch (fixture, "POST", target, GH_DEMO_TOKEN_EMPLOYEE,
                     "user=1972385232611316&tasks=%5B%22MANAGE%22%5D");
    g_autoptr(GhTestReply) person = gh_test_fetch (fixture, "DELETE", "/v25.0/" GH_DEMO_WABA_ID
                                                   "/assigned_users?user=1972385232742142",
                                                   GH_DEMO_TOKEN_USER_24H, NULL);
    g_autoptr(JsonArray) after = NULL;

    g_assert_cmpint (gh_test_reply_error_code (employee), ==, 200);
    g_assert_cmpuint (employee->status, ==, 403);
    g_assert_cmpstr (gh_test_reply_error_message (employee), ==, "(#200) Permissions error");
    g_assert_cmpint (gh_test_reply_error_code (person), ==, 200);
    after = gh_test_all_assigned_users (fixture);
    g_assert_cmpuint (json_array_get_length (after), ==, count);
    g_assert_null (gh_test_find_by_id (after, oliver));
  }
}

static void
test_many_users (GhTestFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *next = g_strdup ("/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                                    GH_DEMO_BUSINESS_ID "&limit=100&summary=total_count");
  gint64 start = g_get_monotonic_time ();
  guint pages = 0;

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 10000);
  /* Timing belongs to the benchmarks; note it for whoever reads the log. */
  g_test_message ("generated 10000 users in %" G_GINT64_FORMAT " µs",
                  g_get_monotonic_time () - start);
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server, GH_DEMO_WABA_ID),
                    ==, 10000);
  g_assert_cmpuint (gh_demo_server_get_assigned_user_count (fixture->server, "1"), ==, 0);

  gh_demo_server_reset_counts (fixture->server);
  while (next != NULL)
    {
      /* Following the links as they come counts the token in the URL: that is what a
       * careless client would do, and what the counter exposes. */
      g_autoptr(GhTestReply) page = gh_test_get (fixture, next, GH_DEMO_TOKEN_ADMIN);
      JsonArray *items = gh_test_reply_data (page);
      JsonObject *paging = json_object_get_object_member (gh_test_reply_object (page), "paging");

      pages++;
      g_assert_cmpuint (json_array_get_length (items), ==, 100);
      if (pages == 1)
        g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
          gh_test_reply_object (page), "summary"), "total_count"), ==, 10000);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *user = json_array_get_object_element (items, i);

          g_hash_table_add (seen, g_strdup (json_object_get_string_member (user, "id")));
          g_assert_true (g_str_has_prefix (json_object_get_string_member (user, "name"),
                                           "Person "));
        }

      g_clear_pointer (&next, g_free);
      if (json_object_has_member (paging, "next"))
        next = g_strdup (json_object_get_string_member (paging, "next"));
    }

  g_assert_cmpuint (pages, ==, 100);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 10000);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 100);
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 99);

  gh_demo_server_set_assigned_user_count (fixture->server, GH_DEMO_WABA_ID, 0);
  {
    g_autoptr(GhTestReply) empty =
      gh_test_get (fixture, "/v25.0/" GH_DEMO_WABA_ID "/assigned_users?business="
                   GH_DEMO_BUSINESS_ID, GH_DEMO_TOKEN_ADMIN);

    g_assert_cmpuint (json_array_get_length (gh_test_reply_data (empty)), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  GH_TEST_ADD ("/demo/assigned-users-paging", test_assigned_users_paging);
  GH_TEST_ADD ("/demo/assign-and-remove", test_assign_and_remove);
  GH_TEST_ADD ("/demo/many-users", test_many_users);

  return g_test_run ();
}
