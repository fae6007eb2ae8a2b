/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-history-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-export.h"
#include "gh-history-window.h"
#include "gh-ui-util.h"
#include "gh-wrap-box.h"

/* At most this many changes are read: years of a busy account, and still a quick read. */
#define MAX_ENTRIES 20000

struct _GhHistoryWindow
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkWidget          *problem_box;
  GtkLabel           *problem_label;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkColumnView      *column_view;

  GhJournal          *journal;
  char               *account_id;
  char               *account_name;
  GListStore         *entries;
  GtkFilterListModel *filtered;
  char               *filter;
  GCancellable       *cancellable;
  gboolean            loaded;
  gboolean            reading;
  gboolean            read_again;
  gboolean            setting_text;
};

G_DEFINE_FINAL_TYPE (GhHistoryWindow, gh_history_window, ADW_TYPE_WINDOW)

typedef enum
{
  COLUMN_WHEN,
  COLUMN_PERSON,
  COLUMN_ID,
  COLUMN_CHANGE,
  COLUMN_HOW,
  COLUMN_RESULT,
  COLUMN_DETAILS,
  COLUMN_CONNECTION,
} Column;

static void read_record (GhHistoryWindow *self);

static char *
format_when (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  /* Translators: a date and time in the history, see strftime(3) */
  return time != NULL ? g_date_time_format (time, C_("history time", "%e %b %Y, %H:%M"))
                      : g_strdup ("");
}

static char *
cell_text (GhJournalEntry *entry,
           Column          column)
{
  const char *label;

  switch (column)
    {
    case COLUMN_WHEN:
      return format_when (gh_journal_entry_get_when (entry));
    case COLUMN_PERSON:
      return g_strdup (gh_journal_entry_get_display_name (entry));
    case COLUMN_ID:
      return g_strdup (gh_journal_entry_get_person_id (entry));
    case COLUMN_CHANGE:
      return gh_journal_entry_describe_change (entry);
    case COLUMN_HOW:
      return g_strdup (gh_journal_kind_get_label (gh_journal_entry_get_kind (entry)));
    case COLUMN_RESULT:
      return g_strdup (gh_journal_result_get_label (gh_journal_entry_get_result (entry)));
    case COLUMN_DETAILS:
      return g_strdup (gh_journal_entry_get_message (entry));
    case COLUMN_CONNECTION:
    default:
      label = gh_journal_entry_get_connection_label (entry);
      return g_strdup (label != NULL ? label : "");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GhJournalEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = cell_text (entry, GPOINTER_TO_INT (user_data));

  /* Names from Meta are plain text. */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
add_column (GhHistoryWindow *self,
            Column           column,
            const char      *title,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->column_view, view_column);
}

static gboolean
filter_entry_cb (gpointer item,
                 gpointer user_data)
{
  GhHistoryWindow *self = user_data;
  GhJournalEntry *entry = item;
  g_autofree char *name = NULL;

  if (self->filter == NULL)
    return TRUE;

  if (strstr (gh_journal_entry_get_person_id (entry), self->filter) != NULL)
    return TRUE;
  name = g_utf8_strdown (gh_journal_entry_get_display_name (entry), -1);
  return strstr (name, self->filter) != NULL;
}

static void
update_view (GhHistoryWindow *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  if (!self->loaded)
    return;

  if (self->filter != NULL)
    /* Translators: "3 of 120 changes" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u change",
                                          "%u of %u changes", n_all), n_shown, n_all);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_all),
                             n_all);
  gtk_label_set_text (self->count_label, count);

  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", n_shown > 0);
}

static void
update_problem (GhHistoryWindow *self)
{
  const char *problem = gh_journal_get_problem (self->journal);

  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (self->problem_box, problem != NULL);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GhHistoryWindow) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = gh_journal_list_finish (GH_JOURNAL (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading = FALSE;
  if (entries == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      /* A status page's description is markup. */
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->loaded = TRUE;
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  update_view (self);

  if (self->read_again)
    read_record (self);
}

static void
read_record (GhHistoryWindow *self)
{
  /* One read at a time; a change meanwhile reads again once it is done. */
  if (self->reading)
    {
      self->read_again = TRUE;
      return;
    }

  self->reading = TRUE;
  self->read_again = FALSE;
  gh_journal_list_async (self->journal, self->account_id, MAX_ENTRIES, self->cancellable,
                         listed_cb, g_object_ref (self));
}

static void
search_changed_cb (GhHistoryWindow *self)
{
  /* Setting the text clears it first, and an empty search entry says so at once. */
  if (self->setting_text)
    return;

  gh_history_window_set_filter (self,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhHistoryWindow *self = GH_HISTORY_WINDOW (widget);
  char *csv = gh_history_window_dup_csv (self);
  g_autofree char *name = g_strdup_printf ("%s-history.csv", self->account_id);
  g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));

  gh_export_ask_and_save (widget, _("Export History"), name, _("CSV files"), "text/csv",
                          bytes);
}

static void
gh_history_window_dispose (GObject *object)
{
  GhHistoryWindow *self = GH_HISTORY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_HISTORY_WINDOW);

  G_OBJECT_CLASS (gh_history_window_parent_class)->dispose (object);
}

static void
gh_history_window_finalize (GObject *object)
{
  GhHistoryWindow *self = GH_HISTORY_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->journal);
  g_clear_object (&self->entries);
  g_clear_object (&self->filtered);
  g_free (self->account_id);
  g_free (self->account_name);
  g_free (self->filter);

  G_OBJECT_CLASS (gh_history_window_parent_class)->finalize (object);
}

static void
gh_history_window_class_init (GhHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_history_window_dispose;
  object_class->finalize = gh_history_window_finalize;

  gtk_widget_class_install_action (widget_class, "history.export", NULL, export_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (GH_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, problem_box);
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GhHistoryWindow, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
gh_history_window_init (GhHistoryWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->entries = g_list_store_new (GH_TYPE_JOURNAL_ENTRY);
  filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                              GTK_FILTER (filter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  add_column (self, COLUMN_WHEN, _("When"), FALSE);
  add_column (self, COLUMN_PERSON, _("Person"), FALSE);
  add_column (self, COLUMN_ID, _("ID"), FALSE);
  add_column (self, COLUMN_CHANGE, _("Change"), TRUE);
  add_column (self, COLUMN_HOW, _("How"), FALSE);
  add_column (self, COLUMN_RESULT, _("Result"), FALSE);
  add_column (self, COLUMN_DETAILS, _("Details"), TRUE);
  add_column (self, COLUMN_CONNECTION, _("Connection"), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", FALSE);
}

GhHistoryWindow *
gh_history_window_new (GtkWindow  *parent,
                       GhJournal  *journal,
                       const char *account_id,
                       const char *account_name)
{
  GhHistoryWindow *self;

  g_return_val_if_fail (GH_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  self = g_object_new (GH_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  self->account_id = g_strdup (account_id);
  self->account_name = g_strdup (account_name);
  adw_window_title_set_subtitle (self->window_title,
                                 account_name != NULL ? account_name : account_id);

  g_signal_connect_object (journal, "notify::problem", G_CALLBACK (update_problem), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (journal, "changed", G_CALLBACK (read_record), self,
                           G_CONNECT_SWAPPED);
  update_problem (self);
  read_record (self);

  return self;
}

void
gh_history_window_set_filter (GhHistoryWindow *self,
                              const char      *text)
{
  g_autofree char *stripped = NULL;
  GtkFilter *filter;

  g_return_if_fail (GH_IS_HISTORY_WINDOW (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_free (self->filter);
  self->filter = *stripped != '\0' ? g_utf8_strdown (stripped, -1) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 text != NULL ? text : "") != 0)
    {
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->setting_text = FALSE;
    }

  filter = gtk_filter_list_model_get_filter (self->filtered);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_view (self);
}

gboolean
gh_history_window_is_loaded (GhHistoryWindow *self)
{
  g_return_val_if_fail (GH_IS_HISTORY_WINDOW (self), FALSE);

  return self->loaded && !self->reading;
}

guint
gh_history_window_get_n_shown (GhHistoryWindow *self)
{
  g_return_val_if_fail (GH_IS_HISTORY_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

GhJournalEntry *
gh_history_window_get_entry (GhHistoryWindow *self,
                             guint            position)
{
  g_autoptr(GhJournalEntry) entry = NULL;

  g_return_val_if_fail (GH_IS_HISTORY_WINDOW (self), NULL);

  /* The list keeps its own reference. */
  entry = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  return entry;
}

char *
gh_history_window_dup_csv (GhHistoryWindow *self)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (GH_IS_HISTORY_WINDOW (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entries, g_list_model_get_item (G_LIST_MODEL (self->filtered), i));

  return gh_journal_entries_to_csv (entries);
}
