/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-access-diff"

#include "config.h"

#include "gh-access-diff.h"

/* What changed between two loads of an account's list, and how it is said. */

static GPtrArray *
holders (const char *first_id,
         ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_access_holder_free);
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    {
      const char *name = va_arg (args, const char *);
      const char *tasks = va_arg (args, const char *);

      g_ptr_array_add (array, gh_access_holder_new (id, name, FALSE, tasks));
    }
  va_end (args);

  return array;
}

static void
test_diff (void)
{
  g_autoptr(GPtrArray) before = holders ("1", "Anna Flex", "MANAGE",
                                         "2", "Jasper Brown", "DEVELOP",
                                         "3", "José Núñez", "MESSAGING",
                                         "4", "Zoë", "VIEW_TEMPLATES X_NEW",
                                         NULL);
  g_autoptr(GPtrArray) after = holders ("1", "Anna Flex", "DEVELOP",
                                        "2", "Jasper B.", "DEVELOP",
                                        "5", "Oliver Schmidt", "VIEW_COST",
                                        "4", "Zoë", "VIEW_TEMPLATES X_NEW",
                                        "5", "Oliver Schmidt", "MANAGE",
                                        NULL);
  g_autoptr(GPtrArray) changes = gh_access_diff (before, after);
  g_autoptr(GPtrArray) none = gh_access_diff (after, after);
  GhAccessChange *change;

  g_assert_cmpuint (changes->len, ==, 3);

  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->id, ==, "1");
  g_assert_cmpstr (change->tasks_before, ==, "MANAGE");
  g_assert_cmpstr (change->tasks_after, ==, "DEVELOP");

  /* A new name alone is no change; a person listed twice counts once, the first time. */
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (change->id, ==, "5");
  g_assert_null (change->tasks_before);
  g_assert_cmpstr (change->tasks_after, ==, "VIEW_COST");

  change = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (change->id, ==, "3");
  g_assert_cmpstr (change->name, ==, "José Núñez");
  g_assert_cmpstr (change->tasks_before, ==, "MESSAGING");
  g_assert_null (change->tasks_after);

  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_sentences (void)
{
  struct {
    const char *before;
    const char *after;
    const char *sentence;
  } cases[] = {
    { NULL, "DEVELOP MESSAGING", "Jasper Brown was added with Develop, Messaging" },
    { "MANAGE", NULL, "Jasper Brown no longer has access" },
    { "MANAGE DEVELOP", "DEVELOP", "Jasper Brown no longer has Full control" },
    { "DEVELOP", "DEVELOP MESSAGING X_NEW", "Jasper Brown now also has Messaging, X_NEW" },
    { "MANAGE", "DEVELOP", "Jasper Brown now has Develop and no longer has Full control" },
    { "MANAGE", "MANAGE", "Jasper Brown has the same access as before" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sentence = gh_access_describe_change ("Jasper Brown", cases[i].before,
                                                             cases[i].after);

      g_assert_cmpstr (sentence, ==, cases[i].sentence);
    }
}

static void
test_join (void)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();
  g_autofree char *one = NULL;
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;

  g_ptr_array_add (sentences, (gpointer) "A was added with Develop");
  one = gh_access_join_sentences (sentences, 3);
  g_ptr_array_add (sentences, (gpointer) "B no longer has Full control");
  g_ptr_array_add (sentences, (gpointer) "C no longer has access");
  all = gh_access_join_sentences (sentences, 3);
  g_ptr_array_add (sentences, (gpointer) "D now also has Messaging");
  g_ptr_array_add (sentences, (gpointer) "E no longer has access");
  some = gh_access_join_sentences (sentences, 3);

  g_assert_cmpstr (one, ==, "A was added with Develop");
  g_assert_cmpstr (all, ==, "A was added with Develop; B no longer has Full control; "
                            "C no longer has access");
  g_assert_cmpstr (some, ==, "A was added with Develop; B no longer has Full control; "
                             "C no longer has access; and 2 more changes");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/access-diff/diff", test_diff);
  g_test_add_func ("/access-diff/sentences", test_sentences);
  g_test_add_func ("/access-diff/join", test_join);

  return g_test_run ();
}
