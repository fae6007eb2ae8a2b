/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-check-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-check-page.h"
#include "gh-check-row.h"
#include "gh-readiness-group.h"
#include "gh-session.h"
#include "gh-ui-util.h"
#include "gh-wrap-box.h"

/* The check report in plain words: one row per requirement of the token with ✓, warning or
 * ✗, and what to do about it; then, per account it reaches, whether it is ready to send and
 * to receive, with Subscribe and Register where they fix it.  Nothing is saved until the
 * person accepts. */
struct _GhCheckPage
{
  AdwBin               parent_instance;

  AdwHeaderBar        *header_bar;

  GtkImage            *summary_icon;
  GtkLabel            *summary_label;
  GtkLabel            *detail_label;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *actions_group;
  GPtrArray           *readiness_groups;
  GtkSpinner          *spinner;
  GtkButton           *accept_button;
  GtkButton           *replace_button;
  /* The report is of a connection already saved: its fix is a new token. */
  gboolean             saved;

  GhCheckReport       *report;
  gboolean             busy;

  GhSession           *session;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (GhCheckPage, gh_check_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_item_row (GhCheckPage *self,
                 GhCheckItem *item)
{
  GhCheckStatus status = gh_check_item_get_status (item);
  GtkWidget *row = gh_check_item_row_new (item);

  if (status != GH_CHECK_STATUS_OK && gh_check_item_get_fix_step (item) != GH_GUIDE_STEP_NONE)
    {
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_button_new_with_label (_("How Do I Fix This?"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: %s is the title of a check item, e.g. "Permission to send messages" */
      name = g_strdup_printf (_("How do I fix this: %s"), gh_check_item_get_title (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-fix");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i",
                                        (gint32) gh_check_item_get_fix_step (item));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* The verdict of what is shown now: the token's rows as checked, each account as it is
 * after any Subscribe or Register done here. */
static GhCheckStatus
shown_verdict (GhCheckPage *self)
{
  GListModel *items = gh_check_report_get_items (self->report);
  GhCheckStatus worst = GH_CHECK_STATUS_OK;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GhCheckItem) item = g_list_model_get_item (items, i);

      if (gh_check_item_get_account_id (item) == NULL)
        worst = MAX (worst, gh_check_item_get_status (item));
    }

  for (guint i = 0; i < self->readiness_groups->len; i++)
    {
      GhAccountReadiness *readiness =
        gh_readiness_group_get_readiness (g_ptr_array_index (self->readiness_groups, i));
      GPtrArray *rows = readiness != NULL ? gh_account_readiness_get_items (readiness) : NULL;

      for (guint j = 0; rows != NULL && j < rows->len; j++)
        worst = MAX (worst, gh_check_item_get_status (g_ptr_array_index (rows, j)));
    }

  return worst;
}

static void
update_summary (GhCheckPage *self)
{
  gboolean passed = gh_check_report_get_passed (self->report);
  GhCheckStatus verdict = shown_verdict (self);
  GhCheckStatus shown = passed ? verdict : GH_CHECK_STATUS_ERROR;

  gtk_label_set_text (self->summary_label, gh_check_summary_title (passed, verdict));
  gh_check_status_image_set (self->summary_icon, shown);
}

static void
clear_readiness_groups (GhCheckPage *self)
{
  for (guint i = 0; i < self->readiness_groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->readiness_groups, i);

      g_signal_handlers_disconnect_by_data (group, self);
      adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (group));
    }
  g_ptr_array_set_size (self->readiness_groups, 0);
}

/* One group per account the token reads, before the buttons. */
static void
add_readiness_groups (GhCheckPage *self)
{
  GPtrArray *readiness = gh_check_report_get_readiness (self->report);
  GhConnection *connection = self->session != NULL ? gh_session_get_connection (self->session)
                                                   : NULL;

  clear_readiness_groups (self);
  adw_preferences_page_remove (self->page, self->actions_group);

  for (guint i = 0; i < readiness->len; i++)
    {
      GtkWidget *group = gh_readiness_group_new ();

      gh_readiness_group_set_connection (GH_READINESS_GROUP (group), connection);
      gh_readiness_group_set_readiness (GH_READINESS_GROUP (group),
                                        g_ptr_array_index (readiness, i), TRUE);
      g_signal_connect_swapped (group, "notify::readiness", G_CALLBACK (update_summary), self);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->readiness_groups, group);
    }

  adw_preferences_page_add (self->page, self->actions_group);
}

static void
update_accept (GhCheckPage *self)
{
  gboolean passed = self->report != NULL && gh_check_report_get_passed (self->report);

  gtk_widget_set_visible (GTK_WIDGET (self->accept_button), passed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.accept", passed && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->replace_button),
                          self->report != NULL && !passed && self->saved);
}

static const char *
open_saved_id (GhCheckPage *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);
  GhSavedConnection *saved = connection != NULL ? gh_connection_get_saved (connection) : NULL;

  return saved != NULL ? gh_saved_connection_get_id (saved) : NULL;
}

static void
replace_token_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GhCheckPage *self = GH_CHECK_PAGE (widget);
  const char *id = open_saved_id (self);

  if (id != NULL)
    gtk_widget_activate_action (widget, "win.replace-token", "s", id);
}

static void save (GhCheckPage *self);

static void
save_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GhCheckPage      *self)
{
  if (g_strcmp0 (response, "session") == 0)
    gh_session_use_session_store (self->session);

  if (g_strcmp0 (response, "session") == 0 || g_strcmp0 (response, "retry") == 0)
    save (self);
}

/* Not saved, but nothing is lost: the token stays with the session and in its field, and
 * the person chooses between trying again and going on for this session only. */
static void
ask_save_without_keyring (GhCheckPage  *self,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                          : NULL,
                                                       _("The Token Could Not Be Saved"),
                                                       NULL));
  /* Translators: %s says what is wrong with the keyring */
  adw_message_dialog_format_body (dialog,
                                  _("%s Unlock or create a “login” keyring in Passwords and "
                                    "Keys and try again, or continue without saving: "
                                    "Gatehouse then keeps the connection until you close it."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "session", _("_Continue Without Saving"),
                                    "retry", _("Try _Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GhCheckPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_session_save_finish (GH_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      gh_check_page_set_busy (self, FALSE);
      ask_save_without_keyring (self, error);
      return;
    }

  gh_check_page_set_busy (self, FALSE);
  gh_ui_toast (GTK_WIDGET (self), gh_session_get_session_only (self->session)
                                  ? _("Kept until you close Gatehouse")
                                  : _("Saved in your keyring"));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-account", NULL);
}

static void
save (GhCheckPage *self)
{
  gh_check_page_set_busy (self, TRUE);
  gh_session_save_async (self->session, self->cancellable, saved_cb, g_object_ref (self));
}

static void
accept_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhCheckPage *self = GH_CHECK_PAGE (widget);
  GhSessionOrigin origin = gh_session_get_origin (self->session);

  /* Only a pasted token waits to be saved; a saved connection or the demo goes on. */
  if (origin == GH_SESSION_ORIGIN_NEW || origin == GH_SESSION_ORIGIN_REPLACING)
    save (self);
  else
    gtk_widget_activate_action (widget, "win.show-account", NULL);
}

static void
gh_check_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GhCheckPage *self = GH_CHECK_PAGE (object);

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
gh_check_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GhCheckPage *self = GH_CHECK_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_set_object (&self->session, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_check_page_dispose (GObject *object)
{
  GhCheckPage *self = GH_CHECK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);
  if (self->readiness_groups != NULL)
    clear_readiness_groups (self);
  g_clear_pointer (&self->readiness_groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_CHECK_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gh_check_page_parent_class)->dispose (object);
}

static void
gh_check_page_class_init (GhCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_check_page_dispose;
  object_class->get_property = gh_check_page_get_property;
  object_class->set_property = gh_check_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "check.accept", NULL, accept_action_cb);
  gtk_widget_class_install_action (widget_class, "check.replace-token", NULL,
                                   replace_token_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-check-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, page);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, items_group);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, accept_button);
  gtk_widget_class_bind_template_child (widget_class, GhCheckPage, replace_button);
}

static void
gh_check_page_init (GhCheckPage *self)
{
  g_type_ensure (GH_TYPE_READINESS_GROUP);
  g_type_ensure (GH_TYPE_WRAP_BOX);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_header_bar_pack_end (self->header_bar, gh_ui_main_menu_button_new (NULL));
  gh_ui_wrap_pill_labels (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->readiness_groups = g_ptr_array_new ();
  gh_ui_button_set_mnemonic (self->replace_button, _("Re_place Token…"));
  update_accept (self);
}

void
gh_check_page_set_saved (GhCheckPage *self,
                         gboolean     saved)
{
  g_return_if_fail (GH_IS_CHECK_PAGE (self));

  self->saved = !!saved;
  update_accept (self);
}

void
gh_check_page_set_report (GhCheckPage   *self,
                          GhCheckReport *report,
                          gboolean       can_save)
{
  GListModel *items;
  gboolean passed;

  g_return_if_fail (GH_IS_CHECK_PAGE (self));
  g_return_if_fail (GH_IS_CHECK_REPORT (report));

  g_set_object (&self->report, report);
  passed = gh_check_report_get_passed (report);

  /* The token's own rows here; each account's in a group of its own. */
  gh_ui_group_clear (self->items_group);
  items = gh_check_report_get_items (report);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GhCheckItem) item = g_list_model_get_item (items, i);

      if (gh_check_item_get_account_id (item) == NULL)
        gh_ui_group_add_row (self->items_group, create_item_row (self, item));
    }
  add_readiness_groups (self);
  update_summary (self);

  if (!passed && self->saved)
    gtk_label_set_text (self->detail_label,
                        _("This saved connection no longer has what the integration needs. Fix "
                          "the problems marked below in Business Suite; when the token itself "
                          "is the problem, replace it with a new one. The connection and its "
                          "name are kept."));
  else if (!passed)
    gtk_label_set_text (self->detail_label,
                        _("Fix the problems marked below in Business Suite, then check a new "
                          "token. Nothing has been saved."));
  else if (can_save && gh_check_report_get_verdict (report) == GH_CHECK_STATUS_ERROR)
    gtk_label_set_text (self->detail_label,
                        _("The token itself is fine and can be saved; what is marked below "
                          "keeps the integration from working until it is fixed. Nothing is "
                          "saved until you choose Save and Continue."));
  else if (can_save)
    gtk_label_set_text (self->detail_label,
                        _("Nothing is saved until you choose Save and Continue. The token "
                          "will be kept in your keyring."));
  else
    gtk_label_set_text (self->detail_label,
                        _("This connection is for this session only; it will not be saved."));

  gh_ui_button_set_mnemonic (self->accept_button, can_save ? _("_Save and Continue")
                                                           : _("_Continue"));
  update_accept (self);
}

void
gh_check_page_set_busy (GhCheckPage *self,
                        gboolean     busy)
{
  g_return_if_fail (GH_IS_CHECK_PAGE (self));

  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_accept (self);
}
