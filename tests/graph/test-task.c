/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-task"

#include "config.h"

#include <string.h>

#include "gh-task-private.h"

static const char * const all_wires[] = {
  "MANAGE", "DEVELOP", "MESSAGING", "MANAGE_TEMPLATES", "VIEW_TEMPLATES", "MANAGE_PHONE",
  "MANAGE_PHONE_ASSETS", "VIEW_PHONE_ASSETS", "VIEW_COST", "MANAGE_EXTENSIONS",
  "VIEW_INSIGHTS", "MANAGE_USERS", "MANAGE_BILLING",
};

static void
test_index_and_strings (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (all_wires), ==, GH_TASK_N_KNOWN);

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      GhTaskFlags task = gh_task_from_index (i);

      g_assert_cmpuint (task, ==, 1u << i);
      g_assert_cmpstr (_gh_task_to_string (task), ==, all_wires[i]);
      g_assert_cmpuint (gh_task_from_string (all_wires[i]), ==, task);
    }

  g_assert_cmpuint (gh_task_from_index (GH_TASK_N_KNOWN), ==, GH_TASK_NONE);
  g_assert_cmpuint (gh_task_from_string ("manage"), ==, GH_TASK_NONE);
  g_assert_cmpuint (gh_task_from_string ("FUTURE_TASK"), ==, GH_TASK_NONE);
  g_assert_cmpuint (gh_task_from_string (""), ==, GH_TASK_NONE);
  g_assert_cmpuint (gh_task_from_string (NULL), ==, GH_TASK_NONE);
  g_assert_null (_gh_task_to_string (GH_TASK_NONE));
  g_assert_null (_gh_task_to_string (GH_TASK_MANAGE | GH_TASK_DEVELOP));
  g_assert_null (_gh_task_to_string (1u << GH_TASK_N_KNOWN));
}

static void
test_labels (void)
{
  g_assert_cmpstr (gh_task_get_label (GH_TASK_MANAGE), ==, "Full control");
  g_assert_cmpstr (gh_task_get_label (GH_TASK_VIEW_PHONE_ASSETS), ==, "View phone assets");
  g_assert_cmpstr (gh_task_get_label (GH_TASK_MANAGE_EXTENSIONS), ==, "Manage extensions");
  /* The tasks Meta's 2026 pages list besides the ten of the API reference. */
  g_assert_cmpstr (gh_task_get_label (GH_TASK_VIEW_INSIGHTS), ==, "View insights");
  g_assert_cmpstr (gh_task_get_label (GH_TASK_MANAGE_USERS), ==, "Manage people");
  g_assert_cmpstr (gh_task_get_label (GH_TASK_MANAGE_BILLING), ==, "Manage billing");
  g_assert_nonnull (strstr (gh_task_get_description (GH_TASK_MANAGE_BILLING), "credit"));

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      GhTaskFlags task = gh_task_from_index (i);
      const char *label = gh_task_get_label (task);
      const char *description = gh_task_get_description (task);

      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 0);
      g_assert_nonnull (description);
      g_assert_true (g_str_has_suffix (description, "."));
      g_assert_cmpstr (label, !=, description);

      /* Each label names one task only. */
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (label, !=, gh_task_get_label (gh_task_from_index (j)));
    }

  g_assert_null (gh_task_get_label (GH_TASK_NONE));
  g_assert_null (gh_task_get_description (GH_TASK_PRESET_PARTIAL));
}

static void
test_from_strv (void)
{
  const char * const wires[] = {
    "DEVELOP", "VIEW_INSIGHTS", "MANAGE", "FUTURE_TASK", "MANAGE_USERS", "LATER_TASK",
    "FUTURE_TASK", "DEVELOP", "", "MANAGE_BILLING", "manage", NULL
  };
  g_auto(GStrv) unknown = NULL;
  GhTaskFlags flags;

  flags = gh_task_flags_from_strv (wires, &unknown);
  g_assert_cmpuint (flags, ==, GH_TASK_MANAGE | GH_TASK_DEVELOP | GH_TASK_VIEW_INSIGHTS |
                    GH_TASK_MANAGE_USERS | GH_TASK_MANAGE_BILLING);
  g_assert_nonnull (unknown);
  g_assert_cmpuint (g_strv_length (unknown), ==, 3);
  g_assert_cmpstr (unknown[0], ==, "FUTURE_TASK");
  g_assert_cmpstr (unknown[1], ==, "LATER_TASK");
  g_assert_cmpstr (unknown[2], ==, "manage");

  g_assert_cmpuint (gh_task_flags_from_strv (wires, NULL), ==, flags);
  g_assert_cmpuint (gh_task_flags_from_strv (NULL, NULL), ==, GH_TASK_NONE);
}

static void
test_round_trip (void)
{
  const char * const wires[] = { "VIEW_COST", "FUTURE_TASK", "MESSAGING", "MANAGE", NULL };
  g_auto(GStrv) unknown = NULL;
  g_auto(GStrv) back = NULL;
  g_auto(GStrv) unknown_again = NULL;
  GhTaskFlags flags;

  flags = gh_task_flags_from_strv (wires, &unknown);
  back = gh_task_flags_to_strv (flags, (const char * const *) unknown);

  /* Known tasks come back in display order, then the unknown ones as they were. */
  g_assert_cmpuint (g_strv_length (back), ==, 4);
  g_assert_cmpstr (back[0], ==, "MANAGE");
  g_assert_cmpstr (back[1], ==, "MESSAGING");
  g_assert_cmpstr (back[2], ==, "VIEW_COST");
  g_assert_cmpstr (back[3], ==, "FUTURE_TASK");

  g_assert_cmpuint (gh_task_flags_from_strv ((const char * const *) back, &unknown_again), ==,
                    flags);
  g_assert_true (g_strv_equal ((const char * const *) unknown,
                               (const char * const *) unknown_again));

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      g_auto(GStrv) single = gh_task_flags_to_strv (gh_task_from_index (i), NULL);

      g_assert_cmpuint (g_strv_length (single), ==, 1);
      g_assert_cmpstr (single[0], ==, all_wires[i]);
    }
}

static void
test_all_known (void)
{
  g_auto(GStrv) all = gh_task_flags_to_strv (GH_TASK_ALL_KNOWN, NULL);
  g_auto(GStrv) none = gh_task_flags_to_strv (GH_TASK_NONE, NULL);

  g_assert_cmpuint (g_strv_length (all), ==, GH_TASK_N_KNOWN);
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    g_assert_cmpstr (all[i], ==, all_wires[i]);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_to_json (void)
{
  const char * const unknown[] = { "FUTURE_TASK", "MANAGE", "FUTURE_TASK", NULL };
  g_autofree char *json = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *with_unknown = NULL;
  g_autofree char *partial = NULL;

  json = gh_task_flags_to_json (GH_TASK_MANAGE | GH_TASK_DEVELOP, NULL);
  g_assert_cmpstr (json, ==, "[\"MANAGE\",\"DEVELOP\"]");

  empty = gh_task_flags_to_json (GH_TASK_NONE, NULL);
  g_assert_cmpstr (empty, ==, "[]");

  /* An unknown task that is really a known one, or repeated, is sent once. */
  with_unknown = gh_task_flags_to_json (GH_TASK_MANAGE, unknown);
  g_assert_cmpstr (with_unknown, ==, "[\"MANAGE\",\"FUTURE_TASK\"]");

  partial = gh_task_flags_to_json (GH_TASK_PRESET_PARTIAL, NULL);
  g_assert_cmpstr (partial, ==,
                   "[\"DEVELOP\",\"MESSAGING\",\"VIEW_TEMPLATES\",\"VIEW_PHONE_ASSETS\"]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/task/index-and-strings", test_index_and_strings);
  g_test_add_func ("/task/labels", test_labels);
  g_test_add_func ("/task/from-strv", test_from_strv);
  g_test_add_func ("/task/round-trip", test_round_trip);
  g_test_add_func ("/task/all-known", test_all_known);
  g_test_add_func ("/task/to-json", test_to_json);

  return g_test_run ();
}
