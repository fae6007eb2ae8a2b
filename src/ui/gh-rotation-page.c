/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-rotation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-graph-error.h"
#include "gh-guide-page.h"
#include "gh-rotation-grid.h"
#include "gh-rotation-page.h"
#include "gh-secret.h"
#include "gh-session.h"
#include "gh-token-text.h"
#include "gh-ui-util.h"

#define SYSTEM_USERS_URI "https://business.facebook.com/settings/system-users"
#define DAY (24 * 60 * 60)

/* The assistant walks one saved connection from its old token to a new one.  The new token
 * reaches Gatehouse the way every token does, pasted by the person: Gatehouse never copies a
 * token anywhere, so the integration gets it straight from Business Suite.  The session
 * checks it, compares it with what the connection recorded of the old one, and replaces the
 * old one in the keyring only when the person says so; id, name and settings stay. */
struct _GhRotationPage
{
  AdwBin               parent_instance;

  AdwHeaderBar        *header_bar;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkLabel            *status_label;
  GtkBox              *generate_box;
  GtkBox              *integration_box;
  GtkBox              *revoke_box;
  AdwPreferencesGroup *generate_group;
  AdwPreferencesGroup *integration_group;
  AdwPreferencesGroup *revoke_group;
  AdwEntryRow         *token_row;
  GtkLabel            *mask_label;
  GtkLabel            *feedback_label;
  GtkSpinner          *spinner;
  GtkBox              *compare_box;
  GtkLabel            *summary_label;
  GhRotationGrid      *compare_grid;
  GtkButton           *replace_button;
  GtkLabel            *replaced_label;
  GtkLabel            *progress_label;
  GtkButton           *next_button;

  /* What start() put on the screens, taken away by the next start(). */
  GPtrArray           *added;

  GhSession           *session;
  GCancellable        *cancellable;
  /* The connection being replaced, as it was when the assistant started. */
  GhSavedConnection   *saved;
  GhRotation          *rotation;
  gboolean             busy;
  gboolean             replaced;
};

G_DEFINE_FINAL_TYPE (GhRotationPage, gh_rotation_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const step_names[] = { "generate", "integration", "check", "revoke" };

enum { STEP_GENERATE, STEP_INTEGRATION, STEP_CHECK, STEP_REVOKE, N_STEPS };

static guint
current_step (GhRotationPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < N_STEPS; i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;

  return STEP_GENERATE;
}

static void
show_step (GhRotationPage *self,
           guint           step)
{
  gtk_stack_set_visible_child_name (self->stack, step_names[step]);
}

static const char *
label_of (GhRotationPage *self)
{
  const char *label = self->saved != NULL ? gh_saved_connection_get_label (self->saved) : NULL;

  return label != NULL ? label : _("this connection");
}

static char *
format_date (gint64 when)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (when);
  char *text = date != NULL ? g_date_time_format (date, C_("expiry date", "%-d %B %Y")) : NULL;

  return text != NULL ? text : g_strdup ("?");
}

/* Markup of ours around a name from the server, which goes in as plain text. */
static char *
bold (const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);

  return g_strconcat ("<b>", escaped, "</b>", NULL);
}

static void
add_instruction (GhRotationPage      *self,
                 AdwPreferencesGroup *group,
                 guint                number,
                 const char          *markup)
{
  GtkWidget *row = gh_guide_instruction_row_new (number, markup);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added, row);
}

static void
add_note (GhRotationPage *self,
          GtkBox         *box,
          const char     *markup)
{
  GtkWidget *note = gh_guide_note_new (markup);

  gtk_box_append (box, note);
  g_ptr_array_add (self->added, note);
}

static void
clear_added (GhRotationPage *self)
{
  for (guint i = 0; i < self->added->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->added, i);
      GtkWidget *parent = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);

      if (ADW_IS_PREFERENCES_ROW (widget) && parent != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (parent), widget);
      else
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (widget)), widget);
    }
  g_ptr_array_set_size (self->added, 0);
}

static char *
describe_status (GhRotationPage *self)
{
  gint64 expires_at = gh_saved_connection_get_expires_at (self->saved);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *date = NULL;

  if (expires_at == 0)
    /* Translators: %s is the name of a saved connection */
    return g_strdup_printf (_("This replaces the token of “%s”. The connection keeps its name "
                              "and settings."), label_of (self));

  date = format_date (expires_at);
  if (expires_at <= now)
    /* Translators: the first %s is a saved connection, the second a date */
    return g_strdup_printf (_("The token of “%s” ended on %s. Until it is replaced, the "
                              "integration cannot reach WhatsApp."), label_of (self), date);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the first %s is a saved connection,
                                        * the second a date, %d a number of days */
                                       "The token of “%s” ends on %s, in %d day. Replace it "
                                       "before then and the integration never stops.",
                                       "The token of “%s” ends on %s, in %d days. Replace it "
                                       "before then and the integration never stops.",
                                       (expires_at - now) / DAY),
                          label_of (self), date, (int) ((expires_at - now) / DAY));
}

static void
fill_generate (GhRotationPage *self)
{
  const char *user = gh_saved_connection_get_system_user_name (self->saved);
  const char *app = gh_saved_connection_get_app_name (self->saved);
  const char *scopes = gh_saved_connection_get_scopes (self->saved);
  g_autofree char *status = describe_status (self);
  g_autofree char *user_markup = user != NULL ? bold (user) : NULL;
  g_autofree char *app_markup = app != NULL ? bold (app) : NULL;
  g_autofree char *scopes_markup = NULL;
  g_autofree char *text = NULL;

  gtk_label_set_text (self->status_label, status);

  if (user_markup != NULL)
    /* Translators: %s is the name of a system user, in bold */
    text = g_strdup_printf (_("In Business Suite, open <b>Business settings</b> → <b>Users</b> "
                              "→ <b>System users</b> and select %s."), user_markup);
  else
    text = g_strdup (_("In Business Suite, open <b>Business settings</b> → <b>Users</b> → "
                       "<b>System users</b> and select the system user of this connection."));
  add_instruction (self, self->generate_group, 1, text);
  g_clear_pointer (&text, g_free);

  if (app_markup != NULL)
    /* Translators: %s is the name of a Meta app, in bold */
    text = g_strdup_printf (_("Press <b>Generate new token</b> and choose the app %s."),
                            app_markup);
  else
    text = g_strdup (_("Press <b>Generate new token</b> and choose your integration’s app."));
  add_instruction (self, self->generate_group, 2, text);
  g_clear_pointer (&text, g_free);

  add_instruction (self, self->generate_group, 3,
                   _("Set the token expiration to <b>Never</b> if Business Suite offers it, "
                     "else to <b>60 days</b>."));

  if (scopes != NULL)
    {
      g_auto(GStrv) names = g_strsplit (scopes, ",", -1);
      g_autofree char *joined = g_strjoinv (", ", names);

      scopes_markup = bold (joined);
      /* Translators: %s lists permission names as Meta shows them, in bold */
      text = g_strdup_printf (_("Tick the same permissions as before: %s."), scopes_markup);
    }
  else
    text = g_strdup (_("Tick <b>whatsapp_business_management</b>, "
                       "<b>whatsapp_business_messaging</b> and <b>business_management</b>."));
  add_instruction (self, self->generate_group, 4, text);

  add_instruction (self, self->generate_group, 5,
                   _("Press <b>Generate token</b> and leave the page open: Business Suite shows "
                     "the token only <b>once</b>."));
  add_note (self, self->generate_box,
            _("The old token keeps working while you do this, so the integration does not "
              "stop in between."));
}

static void
fill_integration (GhRotationPage *self)
{
  add_instruction (self, self->integration_group, 1,
                   _("In Business Suite, press <b>Copy</b> next to the new token."));
  add_instruction (self, self->integration_group, 2,
                   _("Open your integration’s settings where its WhatsApp token goes, put the "
                     "new token in place of the old one, and save there."));
  add_instruction (self, self->integration_group, 3,
                   _("Keep Business Suite open and press <b>Next</b>: you paste the same token "
                     "into Gatehouse, so it checks the token your integration now uses."));
  add_note (self, self->integration_box,
            _("Gatehouse never puts a token on the clipboard itself. The copy comes straight "
              "from Business Suite, and nothing of it stays behind in Gatehouse but the keyring "
              "entry."));
}

static void
fill_revoke (GhRotationPage *self)
{
  GhSavedConnection *now = gh_session_find_connection (self->session,
                                                       gh_saved_connection_get_id (self->saved));
  const char *user = gh_saved_connection_get_system_user_name (self->saved);
  const char *app = gh_saved_connection_get_app_name (self->saved);
  gint64 old_end = gh_saved_connection_get_expires_at (self->saved);
  gint64 new_end = now != NULL ? gh_saved_connection_get_expires_at (now) : 0;
  g_autofree char *user_markup = bold (user != NULL ? user : _("the system user"));
  g_autofree char *app_markup = bold (app != NULL ? app : _("your integration’s app"));
  g_autofree char *new_date = new_end > 0 ? format_date (new_end) : NULL;
  g_autofree char *old_date = old_end > 0 ? format_date (old_end) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;

  if (new_date != NULL)
    /* Translators: the first %s is a saved connection, the second a date */
    text = g_strdup_printf (_("“%s” now uses the new token, which ends on %s. Its name and "
                              "settings are as before, and the keyring holds only the new "
                              "token."), label_of (self), new_date);
  else
    /* Translators: %s is the name of a saved connection */
    text = g_strdup_printf (_("“%s” now uses the new token, which never ends. Its name and "
                              "settings are as before, and the keyring holds only the new "
                              "token."), label_of (self));
  gtk_label_set_text (self->replaced_label, text);
  g_clear_pointer (&text, g_free);

  add_instruction (self, self->revoke_group, 1,
                   _("Send a test message through your integration, to be sure it works with "
                     "the new token."));
  /* Translators: %s is the name of a system user, in bold */
  text = g_strdup_printf (_("In Business Suite, open <b>System users</b>, select %s and press "
                            "<b>Revoke tokens</b>."), user_markup);
  add_instruction (self, self->revoke_group, 2, text);
  g_clear_pointer (&text, g_free);
  /* Translators: %s is the name of a Meta app, in bold */
  text = g_strdup_printf (_("Choose the app %s and revoke the old token."), app_markup);
  add_instruction (self, self->revoke_group, 3, text);

  if (old_date != NULL)
    {
      /* The note is markup; the date, however a locale spells it, goes in as text. */
      g_autofree char *escaped_date = g_markup_escape_text (old_date, -1);

      /* Translators: %s is a date */
      note = g_strdup_printf (_("If Business Suite offers only to revoke every token of the "
                                "system user for this app at once, do not: the new token would "
                                "stop too. The old token then simply ends by itself on %s."),
                              escaped_date);
    }
  else
    note = g_strdup (_("If Business Suite offers only to revoke every token of the system user "
                       "for this app at once, do not: the new token would stop too. The old "
                       "token never ends by itself, so keep it out of every other tool."));
  add_note (self, self->revoke_box, note);
}

static void
update_actions (GhRotationPage *self)
{
  guint step = current_step (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  gboolean can_replace = self->rotation != NULL && gh_rotation_get_can_replace (self->rotation);
  g_autofree char *progress = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rotate.previous",
                                 step > STEP_GENERATE && !self->busy && !self->replaced);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rotate.next",
                                 step < STEP_CHECK && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rotate.check",
                                 !self->busy && !self->replaced && text != NULL && *text != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rotate.paste",
                                 !self->busy && !self->replaced);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rotate.replace",
                                 !self->busy && !self->replaced && can_replace);

  /* Translators: the step of the token's replacement shown, e.g. "Step 2 of 4" */
  progress = g_strdup_printf (_("Step %u of %u"), step + 1, (guint) N_STEPS);
  gtk_label_set_text (self->progress_label, progress);
  if (step < STEP_CHECK)
    gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->next_button), "suggested-action");
}

static void
set_busy (GhRotationPage *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Read-only rather than insensitive: the field keeps the keyboard focus meanwhile. */
  gtk_editable_set_editable (GTK_EDITABLE (self->token_row), !busy && !self->replaced);
  update_actions (self);
}

static void
set_feedback (GhRotationPage *self,
              const char     *message)
{
  gtk_label_set_text (self->feedback_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), message != NULL);
}

static void
show_rotation (GhRotationPage *self)
{
  gh_rotation_grid_set_rotation (self->compare_grid, self->rotation);
  gtk_label_set_text (self->summary_label, gh_rotation_get_summary (self->rotation));
  gtk_widget_set_visible (GTK_WIDGET (self->replace_button),
                          gh_rotation_get_can_replace (self->rotation));
  gtk_widget_remove_css_class (GTK_WIDGET (self->replace_button), "suggested-action");
  gtk_widget_remove_css_class (GTK_WIDGET (self->replace_button), "destructive-action");
  if (gh_rotation_get_safe (self->rotation))
    {
      gh_ui_button_set_mnemonic (self->replace_button, _("_Replace Token"));
      gtk_widget_add_css_class (GTK_WIDGET (self->replace_button), "suggested-action");
    }
  else
    {
      gh_ui_button_set_mnemonic (self->replace_button, _("_Replace Anyway…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->replace_button), "destructive-action");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->compare_box), TRUE);
  update_actions (self);
}

static void
forget_rotation (GhRotationPage *self)
{
  g_clear_object (&self->rotation);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_box), FALSE);
}

static void
update_mask (GhRotationPage *self)
{
  char *clean = gh_token_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
  g_autofree char *mask = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->mask_label), clean != NULL);
  if (clean == NULL)
    return;

  mask = gh_token_text_mask (clean);
  /* Translators: %s is a shortened token, e.g. EAAJ…x9Qf, for recognising it */
  text = g_strdup_printf (_("Pasted: %s"), mask);
  gtk_label_set_text (self->mask_label, text);
  gh_secret_free (clean);
}

static void
token_changed_cb (GhRotationPage *self)
{
  /* A comparison is about the token that was checked, not the one in the field now. */
  set_feedback (self, NULL);
  forget_rotation (self);
  update_mask (self);
  update_actions (self);
}

static void
token_activated_cb (GhRotationPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "rotate.check", NULL);
}

static void
visible_child_changed_cb (GhRotationPage *self)
{
  update_actions (self);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GhRotationPage) self = user_data;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = gh_session_open_finish (GH_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (report == NULL)
    {
      g_autofree char *message = gh_graph_error_dup_sentence (error);

      g_debug ("The check could not run: %s", error->message);
      set_feedback (self, message);
      return;
    }

  g_clear_object (&self->rotation);
  self->rotation = gh_session_compare_rotation (self->session);
  if (self->rotation != NULL)
    show_rotation (self);
}

static void
check_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhRotationPage *self = GH_ROTATION_PAGE (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_auto(GhSecretString) token = NULL;
  GhTokenTextProblem problem;

  problem = gh_token_text_diagnose (text, &token);
  if (problem != GH_TOKEN_TEXT_OK)
    {
      set_feedback (self, gh_token_text_problem_message (problem));
      return;
    }

  set_feedback (self, NULL);
  forget_rotation (self);
  set_busy (self, TRUE);
  gh_session_set_replacing_id (self->session, gh_saved_connection_get_id (self->saved));
  gh_session_check_token_async (self->session, token, self->cancellable, checked_cb,
                                g_object_ref (self));
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GhRotationPage) self = user_data;
  g_auto(GhSecretString) text = NULL;
  g_auto(GhSecretString) clean = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  clean = text != NULL ? gh_token_text_clean (text) : NULL;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (clean == NULL)
    {
      set_feedback (self, _("The clipboard has no text. Copy the new token in Business Suite, "
                            "then press Paste again."));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->token_row), clean);
  gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

static void
paste_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhRotationPage *self = GH_ROTATION_PAGE (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 clipboard_read_cb, g_object_ref (self));
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GhRotationPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!gh_session_save_finish (GH_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      /* Translators: %s says why the keyring refused */
      message = g_strdup_printf (_("%s Nothing was replaced: the old token is still the saved "
                                   "one."), error->message);
      set_feedback (self, message);
      return;
    }

  self->replaced = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  set_busy (self, FALSE);
  fill_revoke (self);
  show_step (self, STEP_REVOKE);
  gh_ui_toast (GTK_WIDGET (self), _("Token replaced"));
}

static void
replace (GhRotationPage *self)
{
  set_busy (self, TRUE);
  gh_session_save_async (self->session, self->cancellable, replaced_cb, g_object_ref (self));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GhRotationPage   *self)
{
  if (g_strcmp0 (response, "replace") == 0 && self->rotation != NULL && !self->replaced)
    replace (self);
}

/* The differences in a few sentences, for the question before replacing anyway. */
static char *
describe_differences (GhRotation *rotation)
{
  GPtrArray *items = gh_rotation_get_items (rotation);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      GhRotationItem *item = g_ptr_array_index (items, i);
      GhRotationVerdict verdict = gh_rotation_item_get_verdict (item);

      if (verdict == GH_ROTATION_CHANGED || verdict == GH_ROTATION_LOST)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                                gh_rotation_item_get_sentence (item));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
replace_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GhRotationPage *self = GH_ROTATION_PAGE (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->rotation == NULL || !gh_rotation_get_can_replace (self->rotation))
    return;
  if (gh_rotation_get_safe (self->rotation))
    {
      replace (self);
      return;
    }

  body = describe_differences (self->rotation);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Replace With a Different Token?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_suite_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GhRotationPage *self = GH_ROTATION_PAGE (widget);
  const char *business_id = self->saved != NULL
                            ? gh_saved_connection_get_business_id (self->saved) : NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  /* The ID came from the server: escaped, so it cannot add parameters of its own. */
  if (business_id != NULL)
    escaped = g_uri_escape_string (business_id, NULL, FALSE);
  uri = escaped != NULL ? g_strconcat (SYSTEM_USERS_URI "?business_id=", escaped, NULL)
                        : g_strdup (SYSTEM_USERS_URI);
  gh_ui_open_uri (widget, uri);
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GhRotationPage *self = GH_ROTATION_PAGE (widget);
  guint step = current_step (self);

  if (step > STEP_GENERATE && !self->replaced)
    show_step (self, step - 1);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhRotationPage *self = GH_ROTATION_PAGE (widget);
  guint step = current_step (self);

  if (step < STEP_CHECK)
    show_step (self, step + 1);
  if (step + 1 == STEP_CHECK)
    gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

static void
done_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.show-account", NULL);
}

static void
gh_rotation_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GhRotationPage *self = GH_ROTATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_rotation_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GhRotationPage *self = GH_ROTATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_return_if_fail (self->session == NULL);
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_rotation_page_dispose (GObject *object)
{
  GhRotationPage *self = GH_ROTATION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_ROTATION_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->saved);
  g_clear_object (&self->rotation);

  G_OBJECT_CLASS (gh_rotation_page_parent_class)->dispose (object);
}

static void
gh_rotation_page_class_init (GhRotationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_rotation_page_dispose;
  object_class->get_property = gh_rotation_page_get_property;
  object_class->set_property = gh_rotation_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "rotate.previous", NULL, previous_action_cb);
  gtk_widget_class_install_action (widget_class, "rotate.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "rotate.open-suite", NULL,
                                   open_suite_action_cb);
  gtk_widget_class_install_action (widget_class, "rotate.paste", NULL, paste_action_cb);
  gtk_widget_class_install_action (widget_class, "rotate.check", NULL, check_action_cb);
  gtk_widget_class_install_action (widget_class, "rotate.replace", NULL, replace_action_cb);
  gtk_widget_class_install_action (widget_class, "rotate.done", NULL, done_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "rotate.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "rotate.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "rotate.paste", NULL);

  g_type_ensure (GH_TYPE_ROTATION_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-rotation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, generate_box);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, integration_box);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, revoke_box);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, generate_group);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, integration_group);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, revoke_group);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, mask_label);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, compare_box);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, compare_grid);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, replace_button);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, replaced_label);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GhRotationPage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, token_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
}

static void
gh_rotation_page_init (GhRotationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_header_bar_pack_end (self->header_bar, gh_ui_main_menu_button_new (NULL));
  gh_ui_wrap_pill_labels (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->added = g_ptr_array_new ();
  update_actions (self);
}

gboolean
gh_rotation_page_start (GhRotationPage *self,
                        const char     *connection_id)
{
  GhSavedConnection *saved;

  g_return_val_if_fail (GH_IS_ROTATION_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  saved = connection_id != NULL ? gh_session_find_connection (self->session, connection_id)
                                : NULL;
  if (saved == NULL)
    return FALSE;

  /* Whatever a previous replacement was doing is no longer wanted. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_object (&self->saved);
  self->saved = gh_saved_connection_copy (saved);
  self->replaced = FALSE;
  self->busy = FALSE;
  clear_added (self);
  forget_rotation (self);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  set_feedback (self, NULL);
  set_busy (self, FALSE);
  adw_window_title_set_subtitle (self->window_title, label_of (self));

  fill_generate (self);
  fill_integration (self);
  show_step (self, STEP_GENERATE);
  update_actions (self);

  return TRUE;
}

const char *
gh_rotation_page_get_connection_id (GhRotationPage *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_PAGE (self), NULL);

  return self->saved != NULL ? gh_saved_connection_get_id (self->saved) : NULL;
}

const char *
gh_rotation_page_get_step (GhRotationPage *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_PAGE (self), NULL);

  return step_names[current_step (self)];
}

GhRotation *
gh_rotation_page_get_rotation (GhRotationPage *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_PAGE (self), NULL);

  return self->rotation;
}
