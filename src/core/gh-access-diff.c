/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-access-diff"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-access-diff.h"
#include "gh-journal-entry.h"

GhAccessHolder *
gh_access_holder_new (const char *id,
                      const char *name,
                      gboolean    is_system_user,
                      const char *tasks)
{
  GhAccessHolder *holder = g_new0 (GhAccessHolder, 1);

  holder->id = g_strdup (id);
  holder->name = g_strdup (name);
  holder->is_system_user = !!is_system_user;
  holder->tasks = g_strdup (tasks);

  return holder;
}

GhAccessHolder *
gh_access_holder_copy (const GhAccessHolder *holder)
{
  return gh_access_holder_new (holder->id, holder->name, holder->is_system_user,
                               holder->tasks);
}

void
gh_access_holder_free (GhAccessHolder *holder)
{
  if (holder == NULL)
    return;

  g_free (holder->id);
  g_free (holder->name);
  g_free (holder->tasks);
  g_free (holder);
}

void
gh_access_change_free (GhAccessChange *change)
{
  if (change == NULL)
    return;

  g_free (change->id);
  g_free (change->name);
  g_free (change->tasks_before);
  g_free (change->tasks_after);
  g_free (change);
}

static GhAccessChange *
change_new (const GhAccessHolder *holder,
            const char           *tasks_before,
            const char           *tasks_after)
{
  GhAccessChange *change = g_new0 (GhAccessChange, 1);

  change->id = g_strdup (holder->id);
  change->name = g_strdup (holder->name);
  change->is_system_user = holder->is_system_user;
  change->tasks_before = g_strdup (tasks_before);
  change->tasks_after = g_strdup (tasks_after);

  return change;
}

GPtrArray *
gh_access_diff (GPtrArray *before,
                GPtrArray *after)
{
  g_autoptr(GHashTable) was = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) is = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) gh_access_change_free);

  g_return_val_if_fail (before != NULL, changes);
  g_return_val_if_fail (after != NULL, changes);

  for (guint i = 0; i < before->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (before, i);

      if (!g_hash_table_contains (was, holder->id))
        g_hash_table_insert (was, holder->id, holder);
    }

  for (guint i = 0; i < after->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (after, i);
      GhAccessHolder *old = g_hash_table_lookup (was, holder->id);

      /* Listed twice (a page boundary moved): the first counts. */
      if (!g_hash_table_insert (is, holder->id, holder))
        continue;
      if (old == NULL)
        g_ptr_array_add (changes, change_new (holder, NULL, holder->tasks));
      else if (g_strcmp0 (old->tasks, holder->tasks) != 0)
        g_ptr_array_add (changes, change_new (holder, old->tasks, holder->tasks));
    }

  for (guint i = 0; i < before->len; i++)
    {
      GhAccessHolder *holder = g_ptr_array_index (before, i);

      if (!g_hash_table_contains (is, holder->id)
          && g_hash_table_lookup (was, holder->id) == holder)
        g_ptr_array_add (changes, change_new (holder, holder->tasks, NULL));
    }

  return changes;
}

/* The words of @a that are not in @b, in @a's order. */
static char *
words_missing (const char *a,
               const char *b)
{
  g_auto(GStrv) words = g_strsplit (a != NULL ? a : "", " ", -1);
  g_auto(GStrv) others = g_strsplit (b != NULL ? b : "", " ", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && !g_strv_contains ((const char * const *) others, words[i]))
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (" ", (char **) kept->pdata);
}

char *
gh_access_describe_change (const char *name,
                           const char *tasks_before,
                           const char *tasks_after)
{
  g_autofree char *lost = NULL;
  g_autofree char *gained = NULL;
  g_autofree char *lost_words = NULL;
  g_autofree char *gained_words = NULL;

  if (tasks_before == NULL && tasks_after == NULL)
    /* Translators: %s is a person's name */
    return g_strdup_printf (_("%s has no access"), name);

  if (tasks_before == NULL)
    {
      g_autofree char *tasks = gh_journal_tasks_describe (tasks_after);

      /* Translators: the first %s is a person's name, the second a list of tasks */
      return g_strdup_printf (_("%s was added with %s"), name, tasks);
    }

  if (tasks_after == NULL)
    /* Translators: %s is a person's name */
    return g_strdup_printf (_("%s no longer has access"), name);

  lost_words = words_missing (tasks_before, tasks_after);
  gained_words = words_missing (tasks_after, tasks_before);
  lost = *lost_words != '\0' ? gh_journal_tasks_describe (lost_words) : NULL;
  gained = *gained_words != '\0' ? gh_journal_tasks_describe (gained_words) : NULL;

  if (lost != NULL && gained != NULL)
    /* Translators: a person's name, the tasks they got, the tasks they lost */
    return g_strdup_printf (_("%s now has %s and no longer has %s"), name, gained, lost);
  if (lost != NULL)
    /* Translators: the first %s is a person's name, the second a list of tasks */
    return g_strdup_printf (_("%s no longer has %s"), name, lost);
  if (gained != NULL)
    /* Translators: the first %s is a person's name, the second a list of tasks */
    return g_strdup_printf (_("%s now also has %s"), name, gained);

  /* Translators: %s is a person's name */
  return g_strdup_printf (_("%s has the same access as before"), name);
}

char *
gh_access_join_sentences (GPtrArray *sentences,
                          guint      max_shown)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown;

  g_return_val_if_fail (sentences != NULL, NULL);

  shown = MIN (sentences->len, MAX (max_shown, 1));
  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: separates sentences about people in a list */
        g_string_append (text, _("; "));
      g_string_append (text, g_ptr_array_index (sentences, i));
    }

  if (sentences->len > shown)
    {
      guint more = sentences->len - shown;

      g_string_append (text, _("; "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more change",
                                                 "and %u more changes", more), more);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
