/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-add-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-add-person-dialog.h"
#include "gh-graph-error.h"
#include "gh-ui-util.h"

/* Picks who to add to the WhatsApp Business Account: from the business's system users and
 * people not assigned yet, or by a pasted user ID when they cannot be listed. */
struct _GhAddPersonDialog
{
  AdwWindow           parent_instance;

  GtkSearchEntry     *search_entry;
  GtkStack           *candidate_stack;
  GtkSpinner         *spinner;
  GtkListBox         *candidate_list;
  GtkLabel           *candidate_message;
  AdwEntryRow        *id_row;
  GtkLabel           *id_error_label;
  GtkCheckButton     *full_radio;
  GtkCheckButton     *partial_radio;
  GtkCheckButton     *custom_radio;
  GtkWidget          *tasks_box;
  GtkLabel           *error_label;

  GhAssignmentEditor *editor;
  GCancellable       *cancellable;
  GPtrArray          *candidates;      /* GhBusinessUser*, parallel to the list's rows */
  GhBusinessUser     *chosen;          /* the candidate whose ID the entry holds */
  char               *search_text;
  gboolean            filling_id;
  GtkWidget          *task_checks[GH_TASK_N_KNOWN];
};

G_DEFINE_FINAL_TYPE (GhAddPersonDialog, gh_add_person_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_PERSON_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
all_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static void
set_error (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static char *
candidate_subtitle (GhBusinessUser *user)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *email = gh_business_user_get_email (user);

  g_ptr_array_add (parts, (gpointer) (gh_business_user_is_system_user (user)
                                      ? _("System user") : _("Person")));
  if (gh_business_user_is_admin (user))
    g_ptr_array_add (parts, (gpointer) _("Admin of the business"));
  if (email != NULL && *email != '\0')
    g_ptr_array_add (parts, (gpointer) email);
  g_ptr_array_add (parts, (gpointer) gh_business_user_get_id (user));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static const char *
candidate_name (GhBusinessUser *user)
{
  const char *name = gh_business_user_get_display_name (user);

  return name != NULL && *name != '\0' ? name : gh_business_user_get_id (user);
}

static gboolean
candidate_matches (GtkListBoxRow *row,
                   gpointer       user_data)
{
  GhAddPersonDialog *self = user_data;
  GhBusinessUser *user = g_object_get_data (G_OBJECT (row), "gh-user");
  const char *email;
  g_autofree char *joined = NULL;
  g_autofree char *haystack = NULL;

  if (self->search_text == NULL || *self->search_text == '\0' || user == NULL)
    return TRUE;

  email = gh_business_user_get_email (user);
  joined = g_strjoin (" ", candidate_name (user), email != NULL ? email : "",
                      gh_business_user_get_id (user), NULL);
  haystack = g_utf8_strdown (joined, -1);
  return strstr (haystack, self->search_text) != NULL;
}

static GhTaskFlags
chosen_tasks (GhAddPersonDialog *self)
{
  GhTaskFlags tasks = GH_TASK_NONE;

  if (gtk_check_button_get_active (self->full_radio))
    return GH_TASK_PRESET_FULL_CONTROL;
  if (gtk_check_button_get_active (self->partial_radio))
    return GH_TASK_PRESET_PARTIAL;

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->task_checks[i])))
      tasks |= gh_task_from_index (i);

  return tasks;
}

static void
search_changed_cb (GhAddPersonDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_free (self->search_text);
  self->search_text = g_utf8_strdown (stripped, -1);
  gtk_list_box_invalidate_filter (self->candidate_list);
}

static void
row_selected_cb (GhAddPersonDialog *self,
                 GtkListBoxRow     *row)
{
  GhBusinessUser *user;

  if (row == NULL)
    return;

  user = g_object_get_data (G_OBJECT (row), "gh-user");
  g_set_object (&self->chosen, user);

  /* The entry is the one source of truth for the ID: picking fills it in. */
  self->filling_id = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), gh_business_user_get_id (user));
  self->filling_id = FALSE;
  set_error (self->id_error_label, NULL);
  set_error (self->error_label, NULL);
}

static void
id_changed_cb (GhAddPersonDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  set_error (self->error_label, NULL);
  if (!self->filling_id)
    {
      if (self->chosen != NULL
          && g_strcmp0 (gh_business_user_get_id (self->chosen), stripped) != 0)
        {
          g_clear_object (&self->chosen);
          gtk_list_box_unselect_all (self->candidate_list);
        }
    }

  if (*stripped != '\0' && !all_digits (stripped))
    set_error (self->id_error_label,
               _("A user ID has only digits, like 1972385232742142. Copy it from Business "
                 "settings → Users."));
  else
    set_error (self->id_error_label, NULL);
}

static void
preset_toggled_cb (GhAddPersonDialog *self)
{
  gtk_widget_set_sensitive (self->tasks_box, gtk_check_button_get_active (self->custom_radio));
}

static void
fill_candidates (GhAddPersonDialog *self,
                 GPtrArray         *candidates)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list))) != NULL)
    gtk_list_box_remove (self->candidate_list, child);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = g_ptr_array_ref (candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      GhBusinessUser *user = g_ptr_array_index (candidates, i);
      g_autofree char *subtitle = candidate_subtitle (user);
      GtkWidget *row = gh_ui_plain_row_new (candidate_name (user), subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "gh-user", g_object_ref (user), g_object_unref);
      gtk_list_box_append (self->candidate_list, row);
    }
}

static void
candidates_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GhAddPersonDialog) self = user_data;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;

  candidates = gh_assignment_editor_list_candidates_finish (GH_ASSIGNMENT_EDITOR (object),
                                                            result, &error);
  /* A closed dialog has let go of its editor. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->editor == NULL)
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (candidates == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION))
        text = g_strdup (_("Gatehouse cannot list the business’s people: this token was not "
                           "given the business_management permission. You can still paste "
                           "a user ID below."));
      else if (error != NULL)
        {
          g_autoptr(GhGraphErrorText) words = gh_graph_error_describe (error);

          text = g_strdup_printf ("%s %s", words->summary,
                                  _("You can still paste a user ID below."));
        }
      else
        text = g_strdup (_("The business’s people could not be listed. You can still paste a "
                           "user ID below."));
      gtk_label_set_text (self->candidate_message, text);
      gtk_widget_set_visible (GTK_WIDGET (self->search_entry), FALSE);
      gtk_stack_set_visible_child_name (self->candidate_stack, "message");
      return;
    }

  if (candidates->len == 0)
    {
      gtk_label_set_text (self->candidate_message,
                          _("Everyone in the business already has access to this account. "
                            "To add someone else, first add them to the business in Business "
                            "Suite, or paste their user ID below."));
      gtk_widget_set_visible (GTK_WIDGET (self->search_entry), FALSE);
      gtk_stack_set_visible_child_name (self->candidate_stack, "message");
      return;
    }

  fill_candidates (self, candidates);
  gtk_stack_set_visible_child_name (self->candidate_stack, "list");
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GhAddPersonDialog *self = GH_ADD_PERSON_DIALOG (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  g_autofree char *user_id = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  GhTaskFlags tasks = chosen_tasks (self);
  GhBusinessUser *chosen = NULL;
  GhAssignment *row;

  if (*user_id == '\0')
    {
      set_error (self->error_label,
                 _("Choose someone from the list, or paste a user ID."));
      return;
    }
  if (tasks == GH_TASK_NONE)
    {
      set_error (self->error_label, _("Choose at least one task."));
      return;
    }

  if (self->chosen != NULL && g_strcmp0 (gh_business_user_get_id (self->chosen), user_id) == 0)
    chosen = self->chosen;

  /* A pasted ID is taken as a person until Meta's list says otherwise after apply. */
  row = gh_assignment_editor_add (self->editor, user_id,
                                  chosen != NULL ? gh_business_user_get_name (chosen) : NULL,
                                  chosen != NULL && gh_business_user_is_system_user (chosen),
                                  tasks, &error);
  if (row == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        set_error (self->error_label, _("This person already has access to this account."));
      else
        set_error (self->error_label, error != NULL ? error->message
                                                    : _("This person could not be added."));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_PERSON_ADDED], 0, row);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gh_add_person_dialog_dispose (GObject *object)
{
  GhAddPersonDialog *self = GH_ADD_PERSON_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_ADD_PERSON_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->editor);
  g_clear_object (&self->chosen);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (gh_add_person_dialog_parent_class)->dispose (object);
}

static void
gh_add_person_dialog_finalize (GObject *object)
{
  GhAddPersonDialog *self = GH_ADD_PERSON_DIALOG (object);

  g_free (self->search_text);

  G_OBJECT_CLASS (gh_add_person_dialog_parent_class)->finalize (object);
}

static void
gh_add_person_dialog_class_init (GhAddPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_add_person_dialog_dispose;
  object_class->finalize = gh_add_person_dialog_finalize;

  signals[SIGNAL_PERSON_ADDED] =
    g_signal_new ("person-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GH_TYPE_ASSIGNMENT);

  gtk_widget_class_install_action (widget_class, "add-person.add", NULL, add_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-add-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, candidate_stack);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, candidate_message);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, id_error_label);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, full_radio);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, partial_radio);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, custom_radio);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, tasks_box);
  gtk_widget_class_bind_template_child (widget_class, GhAddPersonDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_toggled_cb);
}

static void
gh_add_person_dialog_init (GhAddPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_filter_func (self->candidate_list, candidate_matches, self, NULL);

  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      GhTaskFlags task = gh_task_from_index (i);
      GtkWidget *check = gtk_check_button_new_with_label (gh_task_get_label (task));

      gtk_widget_set_tooltip_text (check, gh_task_get_description (task));
      gtk_box_append (GTK_BOX (self->tasks_box), check);
      self->task_checks[i] = check;
    }
}

GhAddPersonDialog *
gh_add_person_dialog_new (GtkWindow          *parent,
                          GhAssignmentEditor *editor)
{
  GhAddPersonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GH_IS_ASSIGNMENT_EDITOR (editor), NULL);

  self = g_object_new (GH_TYPE_ADD_PERSON_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->editor = g_object_ref (editor);

  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->candidate_stack, "loading");
  gh_assignment_editor_list_candidates_async (editor, self->cancellable, candidates_cb,
                                              g_object_ref (self));

  return self;
}

guint
gh_add_person_dialog_get_n_candidates (GhAddPersonDialog *self)
{
  g_return_val_if_fail (GH_IS_ADD_PERSON_DIALOG (self), 0);

  return self->candidates != NULL ? self->candidates->len : 0;
}

gboolean
gh_add_person_dialog_select_candidate (GhAddPersonDialog *self,
                                       const char        *user_id)
{
  g_return_val_if_fail (GH_IS_ADD_PERSON_DIALOG (self), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GhBusinessUser *user = g_object_get_data (G_OBJECT (child), "gh-user");

      if (user != NULL && g_strcmp0 (gh_business_user_get_id (user), user_id) == 0)
        {
          gtk_list_box_select_row (self->candidate_list, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }

  return FALSE;
}
