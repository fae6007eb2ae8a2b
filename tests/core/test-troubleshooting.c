/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-graph-error.h"
#include "gh-token-store.h"
#include "gh-troubleshooting.h"

/* The troubleshooting catalogue: every problem admins meet, complete, findable by its id and
 * by the words a person would type. */

/* One per problem in the material the catalogue is written from. */
#define N_PROBLEMS 21

static void
test_every_topic_is_complete (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (gh_troubleshooting_get_n_topics (), ==, N_PROBLEMS);

  for (guint i = 0; i < gh_troubleshooting_get_n_topics (); i++)
    {
      const GhTroubleshootingTopic *topic = gh_troubleshooting_get_topic (i);
      const char *id = gh_troubleshooting_topic_get_id (topic);
      const char *title = gh_troubleshooting_topic_get_title (topic);
      const char *texts[] = {
        gh_troubleshooting_topic_get_symptom (topic),
        gh_troubleshooting_topic_get_cause (topic),
        gh_troubleshooting_topic_get_fix (topic),
      };

      g_test_message ("topic %u: %s", i, id);
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_true (gh_troubleshooting_lookup (id) == topic);
      g_assert_cmpint (gh_troubleshooting_get_position (id), ==, (int) i);

      /* A title, not a sentence (HIG): no final period. */
      g_assert_cmpuint (strlen (title), >, 0);
      g_assert_false (g_str_has_suffix (title, "."));
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_assert_cmpuint (strlen (texts[t]), >, 0);
          g_assert_true (g_str_has_suffix (texts[t], "."));
        }
    }
}

static void
test_unknown_ids (void)
{
  g_assert_null (gh_troubleshooting_lookup ("no-such-problem"));
  g_assert_null (gh_troubleshooting_lookup (""));
  g_assert_null (gh_troubleshooting_lookup (NULL));
  g_assert_cmpint (gh_troubleshooting_get_position ("no-such-problem"), ==, -1);
}

/* The ids of the topics @query finds, in order, joined by spaces. */
static char *
search (const char *query)
{
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint i = 0; i < gh_troubleshooting_get_n_topics (); i++)
    {
      const GhTroubleshootingTopic *topic = gh_troubleshooting_get_topic (i);

      if (gh_troubleshooting_topic_matches (topic, query))
        g_string_append_printf (found, "%s%s", found->len > 0 ? " " : "",
                                gh_troubleshooting_topic_get_id (topic));
    }
  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
assert_search (const char *query,
               const char *expected)
{
  g_autofree char *found = search (query);

  g_test_message ("“%s” finds: %s", query, found);
  g_assert_cmpstr (found, ==, expected);
}

static void
test_search (void)
{
  /* Nothing typed yet: the whole list. */
  for (guint i = 0; i < gh_troubleshooting_get_n_topics (); i++)
    {
      g_assert_true (gh_troubleshooting_topic_matches (gh_troubleshooting_get_topic (i), ""));
      g_assert_true (gh_troubleshooting_topic_matches (gh_troubleshooting_get_topic (i), " "));
      g_assert_true (gh_troubleshooting_topic_matches (gh_troubleshooting_get_topic (i), NULL));
    }

  /* Meta's error numbers, which people copy from their integration's log. */
  assert_search ("463", "temporary-token expiring-token");
  assert_search ("131042", "payment");
  assert_search ("2859009", "two-factor");
  /* Words from what a person sees, in any case and ending. */
  assert_search ("Keyring LOCKED", "keyring");
  assert_search ("webhook", "webhooks");
  assert_search ("messages not arriving", "webhooks");
  assert_search ("the token expired after one day", "temporary-token expiring-token");
  assert_search ("24 hours", "temporary-token");
  assert_search ("whatsapp_business_messaging", "missing-permissions");
  assert_search ("Seahorse", "keyring");
  assert_search ("On-Premises", "number-cannot-send");
  assert_search ("Business verification", "business-verification");
  /* A single letter is someone still typing: it narrows, it is not ignored. */
  assert_search ("xyzzy", "");
  assert_search ("q", "account-restricted");
  /* Every word has to match somewhere. */
  assert_search ("keyring payment", "");
}

static void
test_topics_for_errors (void)
{
  struct {
    GQuark      domain;
    int         code;
    const char *topic;
  } cases[] = {
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_TOKEN, "token-revoked" },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED, "expiring-token" },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION, "account-not-assigned" },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED, "rate-limit" },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER, "which-id" },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED, "two-factor" },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_ACCOUNT_RESTRICTED, "account-restricted" },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK, NULL },
    { GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER, NULL },
    { GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_UNAVAILABLE, "keyring" },
    { GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED, "keyring" },
    { GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_FAILED, NULL },
    { G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "x");
      const char *topic = gh_troubleshooting_topic_for_error (error);

      g_assert_cmpstr (topic, ==, cases[i].topic);
      /* A link to a topic that does not exist would open the bare list. */
      if (topic != NULL)
        g_assert_nonnull (gh_troubleshooting_lookup (topic));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/troubleshooting/complete", test_every_topic_is_complete);
  g_test_add_func ("/troubleshooting/unknown-ids", test_unknown_ids);
  g_test_add_func ("/troubleshooting/search", test_search);
  g_test_add_func ("/troubleshooting/errors", test_topics_for_errors);

  return g_test_run ();
}
