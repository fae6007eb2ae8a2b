/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-journal"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-csv.h"
#include "gh-journal-entry.h"
#include "gh-journal-private.h"

struct _GhJournalEntry
{
  GObject          parent_instance;

  gint64           id;
  GhJournalKind    kind;
  GhJournalResult  result;
  gint64           when;
  gint64           settled;
  char            *run;
  char            *connection_id;
  char            *connection_label;
  char            *account_id;
  char            *account_name;
  char            *person_id;
  char            *person_name;
  char            *display_name;
  gboolean         is_system_user;
  char            *tasks_before;
  char            *tasks_after;
  char            *message;
};

G_DEFINE_FINAL_TYPE (GhJournalEntry, gh_journal_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_NAME,
  PROP_PERSON_ID,
  PROP_WHEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The words the database keeps for kinds and results: stable, never translated. */
static const char * const kind_words[] = { "apply", "undo", "seen", NULL };
static const char * const result_words[] = { "sent", "done", "differs", "failed", "seen", NULL };

static void
replace_string (char       **field,
                const char  *value)
{
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static void
gh_journal_entry_finalize (GObject *object)
{
  GhJournalEntry *self = GH_JOURNAL_ENTRY (object);

  g_free (self->run);
  g_free (self->connection_id);
  g_free (self->connection_label);
  g_free (self->account_id);
  g_free (self->account_name);
  g_free (self->person_id);
  g_free (self->person_name);
  g_free (self->display_name);
  g_free (self->tasks_before);
  g_free (self->tasks_after);
  g_free (self->message);

  G_OBJECT_CLASS (gh_journal_entry_parent_class)->finalize (object);
}

static void
gh_journal_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GhJournalEntry *self = GH_JOURNAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PERSON_NAME:
      g_value_set_string (value, gh_journal_entry_get_display_name (self));
      break;
    case PROP_PERSON_ID:
      g_value_set_string (value, self->person_id);
      break;
    case PROP_WHEN:
      g_value_set_int64 (value, self->when);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_journal_entry_class_init (GhJournalEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gh_journal_entry_finalize;
  object_class->get_property = gh_journal_entry_get_property;

  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, NULL, flags);
  properties[PROP_PERSON_ID] = g_param_spec_string ("person-id", NULL, NULL, NULL, flags);
  properties[PROP_WHEN] = g_param_spec_int64 ("when", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_journal_entry_init (GhJournalEntry *self)
{
}

/* Internal API */

const char *
_gh_journal_kind_to_word (GhJournalKind kind)
{
  return kind < GH_JOURNAL_KIND_OTHER ? kind_words[kind] : "other";
}

GhJournalKind
_gh_journal_kind_from_word (const char *word)
{
  for (guint i = 0; word != NULL && kind_words[i] != NULL; i++)
    if (strcmp (word, kind_words[i]) == 0)
      return (GhJournalKind) i;

  return GH_JOURNAL_KIND_OTHER;
}

const char *
_gh_journal_result_to_word (GhJournalResult result)
{
  return result < GH_JOURNAL_RESULT_OTHER ? result_words[result] : "other";
}

GhJournalResult
_gh_journal_result_from_word (const char *word)
{
  for (guint i = 0; word != NULL && result_words[i] != NULL; i++)
    if (strcmp (word, result_words[i]) == 0)
      return (GhJournalResult) i;

  return GH_JOURNAL_RESULT_OTHER;
}

void
_gh_journal_entry_set_id (GhJournalEntry *self,
                          gint64          id)
{
  self->id = id;
}

void
_gh_journal_entry_set_kind (GhJournalEntry *self,
                            GhJournalKind   kind)
{
  self->kind = kind;
}

/* Public API */

GhJournalEntry *
gh_journal_entry_new (GhJournalKind  kind,
                      const char    *account_id,
                      const char    *person_id)
{
  GhJournalEntry *self;

  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (person_id != NULL, NULL);

  self = g_object_new (GH_TYPE_JOURNAL_ENTRY, NULL);
  self->kind = kind;
  self->result = kind == GH_JOURNAL_KIND_SEEN ? GH_JOURNAL_RESULT_SEEN
                                              : GH_JOURNAL_RESULT_SENT;
  self->account_id = g_strdup (account_id);
  self->person_id = g_strdup (person_id);
  self->when = g_get_real_time () / G_USEC_PER_SEC;

  return self;
}

gint64
gh_journal_entry_get_id (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), 0);
  return self->id;
}

GhJournalKind
gh_journal_entry_get_kind (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), GH_JOURNAL_KIND_OTHER);
  return self->kind;
}

GhJournalResult
gh_journal_entry_get_result (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), GH_JOURNAL_RESULT_OTHER);
  return self->result;
}

gint64
gh_journal_entry_get_when (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), 0);
  return self->when;
}

gint64
gh_journal_entry_get_settled (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), 0);
  return self->settled;
}

const char *
gh_journal_entry_get_run (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->run;
}

const char *
gh_journal_entry_get_connection_id (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->connection_id;
}

const char *
gh_journal_entry_get_connection_label (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->connection_label;
}

const char *
gh_journal_entry_get_account_id (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->account_id;
}

const char *
gh_journal_entry_get_account_name (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->account_name;
}

const char *
gh_journal_entry_get_person_id (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->person_id;
}

const char *
gh_journal_entry_get_person_name (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->person_name;
}

gboolean
gh_journal_entry_get_is_system_user (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), FALSE);
  return self->is_system_user;
}

const char *
gh_journal_entry_get_tasks_before (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->tasks_before;
}

const char *
gh_journal_entry_get_tasks_after (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->tasks_after;
}

const char *
gh_journal_entry_get_message (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);
  return self->message;
}

void
gh_journal_entry_set_result (GhJournalEntry  *self,
                             GhJournalResult  result,
                             const char      *message)
{
  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));

  self->result = result;
  replace_string (&self->message, message);
}

void
gh_journal_entry_set_when (GhJournalEntry *self,
                           gint64          when)
{
  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));
  self->when = when;
}

void
gh_journal_entry_set_settled (GhJournalEntry *self,
                              gint64          settled)
{
  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));
  self->settled = settled;
}

void
gh_journal_entry_set_run (GhJournalEntry *self,
                          const char     *run)
{
  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));
  replace_string (&self->run, run);
}

void
gh_journal_entry_set_connection (GhJournalEntry *self,
                                 const char     *connection_id,
                                 const char     *connection_label)
{
  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));
  replace_string (&self->connection_id, connection_id);
  replace_string (&self->connection_label, connection_label);
}

void
gh_journal_entry_set_account_name (GhJournalEntry *self,
                                   const char     *account_name)
{
  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));
  replace_string (&self->account_name, account_name);
}

void
gh_journal_entry_set_person (GhJournalEntry *self,
                             const char     *person_name,
                             gboolean        is_system_user)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));

  replace_string (&self->person_name, person_name);
  self->is_system_user = !!is_system_user;

  stripped = g_strstrip (g_strdup (person_name != NULL ? person_name : ""));
  g_free (self->display_name);
  self->display_name = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

void
gh_journal_entry_set_tasks (GhJournalEntry *self,
                            const char     *tasks_before,
                            const char     *tasks_after)
{
  g_return_if_fail (GH_IS_JOURNAL_ENTRY (self));
  replace_string (&self->tasks_before, tasks_before);
  replace_string (&self->tasks_after, tasks_after);
}

const char *
gh_journal_entry_get_display_name (GhJournalEntry *self)
{
  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);

  return self->display_name != NULL ? self->display_name : self->person_id;
}

char *
gh_journal_entry_describe_change (GhJournalEntry *self)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (GH_IS_JOURNAL_ENTRY (self), NULL);

  before = self->tasks_before != NULL ? gh_journal_tasks_describe (self->tasks_before) : NULL;
  after = self->tasks_after != NULL ? gh_journal_tasks_describe (self->tasks_after) : NULL;

  if (before == NULL && after == NULL)
    return g_strdup (_("No access before or after"));
  if (before == NULL)
    /* Translators: %s is a list of tasks, e.g. "Develop, Messaging" */
    return g_strdup_printf (_("Added with %s"), after);
  if (after == NULL)
    /* Translators: %s is a list of tasks, e.g. "Full control" */
    return g_strdup_printf (_("Removed (had %s)"), before);

  /* Translators: the tasks before and after a change, e.g. "Full control → Develop" */
  return g_strdup_printf (_("%s → %s"), before, after);
}

const char *
gh_journal_result_get_label (GhJournalResult result)
{
  switch (result)
    {
    case GH_JOURNAL_RESULT_SENT:
      return _("Sent, result unknown");
    case GH_JOURNAL_RESULT_DONE:
      return _("Done");
    case GH_JOURNAL_RESULT_DIFFERS:
      return _("Meta holds something else");
    case GH_JOURNAL_RESULT_FAILED:
      return _("Not made");
    case GH_JOURNAL_RESULT_SEEN:
      return _("Seen");
    case GH_JOURNAL_RESULT_OTHER:
    default:
      return _("Unknown");
    }
}

const char *
gh_journal_kind_get_label (GhJournalKind kind)
{
  switch (kind)
    {
    case GH_JOURNAL_KIND_APPLY:
      return _("Applied with Gatehouse");
    case GH_JOURNAL_KIND_UNDO:
      return _("Undone with Gatehouse");
    case GH_JOURNAL_KIND_SEEN:
      return _("Changed outside Gatehouse");
    case GH_JOURNAL_KIND_OTHER:
    default:
      return _("Unknown");
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
gh_journal_tasks_to_text (GhTaskFlags         tasks,
                          const char * const *unknown)
{
  g_auto(GStrv) wires = gh_task_flags_to_strv (tasks, unknown);
  guint n_known = 0;

  /* Meta sends unknown tasks in any order: sorted, the same set reads the same. */
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (tasks & gh_task_from_index (i))
      n_known++;
  if (g_strv_length (wires) > n_known + 1)
    qsort (wires + n_known, g_strv_length (wires) - n_known, sizeof (char *), compare_strings);

  return g_strjoinv (" ", wires);
}

char *
gh_journal_tasks_describe (const char *tasks)
{
  g_auto(GStrv) wires = g_strsplit (tasks != NULL ? tasks : "", " ", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; wires[i] != NULL; i++)
    {
      GhTaskFlags task;

      if (wires[i][0] == '\0')
        continue;
      task = gh_task_from_string (wires[i]);
      g_ptr_array_add (parts, task != GH_TASK_NONE ? (gpointer) gh_task_get_label (task)
                                                   : wires[i]);
    }

  if (parts->len == 0)
    return g_strdup (_("no tasks"));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the names of tasks in a list */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

char *
_gh_journal_format_time (gint64 when)
{
  g_autoptr(GDateTime) time = when > 0 ? g_date_time_new_from_unix_local (when) : NULL;

  return time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("");
}

char *
gh_journal_entries_to_csv (GPtrArray *entries)
{
  GhCsvWriter *csv = gh_csv_writer_new ();

  g_return_val_if_fail (entries != NULL, NULL);

  gh_csv_writer_add_row (csv, "time", "how", "connection", "account", "account_id", "person",
                         "person_id", "type", "tasks_before", "tasks_after", "result",
                         "message", "settled", NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      GhJournalEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = _gh_journal_format_time (entry->when);
      g_autofree char *settled = _gh_journal_format_time (entry->settled);

      gh_csv_writer_add_cell (csv, when);
      gh_csv_writer_add_cell (csv, _gh_journal_kind_to_word (entry->kind));
      gh_csv_writer_add_cell (csv, entry->connection_label);
      gh_csv_writer_add_cell (csv, entry->account_name);
      gh_csv_writer_add_cell (csv, entry->account_id);
      gh_csv_writer_add_cell (csv, entry->display_name != NULL ? entry->person_name : "");
      gh_csv_writer_add_cell (csv, entry->person_id);
      gh_csv_writer_add_cell (csv, entry->is_system_user ? "SYSTEM_USER" : "BUSINESS_USER");
      /* An empty cell is "no access", a dash "assigned with no tasks": a spreadsheet must
       * tell them apart. */
      gh_csv_writer_add_cell (csv, entry->tasks_before == NULL ? ""
                                   : *entry->tasks_before == '\0' ? "-" : entry->tasks_before);
      gh_csv_writer_add_cell (csv, entry->tasks_after == NULL ? ""
                                   : *entry->tasks_after == '\0' ? "-" : entry->tasks_after);
      gh_csv_writer_add_cell (csv, _gh_journal_result_to_word (entry->result));
      gh_csv_writer_add_cell (csv, entry->message);
      gh_csv_writer_add_cell (csv, settled);
      gh_csv_writer_end_row (csv);
    }

  return gh_csv_writer_free_to_string (csv);
}
