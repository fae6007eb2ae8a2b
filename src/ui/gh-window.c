/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-account-page.h"
#include "gh-check-page.h"
#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-graph-error.h"
#include "gh-guide-page.h"
#include "gh-token-page.h"
#include "gh-welcome-page.h"
#include "gh-window.h"

/* The main window walks a person from the welcome page through the token and its check to
 * the account.  It owns the open connection; the pages only show and ask. */
struct _GhWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GhWelcomePage        *welcome_page;
  GhGuidePage          *guide_page;
  GhTokenPage          *token_page;
  GhCheckPage          *check_page;
  GhAccountPage        *account_page;

  GSettings            *settings;
  GCancellable         *cancellable;
  GhConnection         *connection;
  /* Where the open connection came from: the token page (a new token, not saved yet), the
   * keyring (saved) or the demo. */
  gboolean              from_token_page;
  gboolean              is_saved;
  gboolean              is_demo;
  /* Set while a new token is being checked for an existing connection ("Replace token"):
   * saving keeps its id, name and settings. */
  GhSavedConnection    *replacing;
  /* The page "Back" returns to from the guide: the welcome page, or the check report whose
   * "How do I fix this?" opened it. */
  const char           *guide_return_page;
};

G_DEFINE_FINAL_TYPE (GhWindow, gh_window, ADW_TYPE_APPLICATION_WINDOW)

static GhApplication *
get_application (GhWindow *self)
{
  return GH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
show_page (GhWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* Starts a new flow: whatever the previous one was still doing is cancelled. */
static GCancellable *
restart_cancellable (GhWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

static void
connections_listed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;

  connections = gh_token_store_list_finish (GH_TOKEN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gh_welcome_page_set_connections (self->welcome_page, connections, error);
}

static void
reload_connections (GhWindow *self)
{
  GhTokenStore *store = gh_application_get_token_store (get_application (self));

  gh_token_store_list_async (store, self->cancellable, connections_listed_cb,
                             g_object_ref (self));
}

static void
waba_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GhWaba) waba = NULL;
  g_autoptr(GError) error = NULL;

  waba = gh_connection_load_waba_finish (GH_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (waba == NULL)
    {
      g_debug ("Reading the account failed: %s", error->message);
      gh_account_page_set_error (self->account_page, error);
      return;
    }

  g_settings_set_string (self->settings, "last-waba", gh_waba_get_id (waba));
  gh_account_page_set_waba (self->account_page, waba);
}

/* The account to show: the one this connection showed last if the token still reaches it,
 * else the first one the check could read. */
static const char *
choose_waba_id (GhWindow *self)
{
  GhCheckReport *report = gh_connection_get_report (self->connection);
  GhSavedConnection *saved = gh_connection_get_saved (self->connection);
  const char *wanted = saved != NULL ? gh_saved_connection_get_waba_id (saved) : NULL;
  GPtrArray *wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;
  GhWaba *first;

  for (guint i = 0; wanted != NULL && wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *candidate = g_ptr_array_index (wabas, i);

      if (gh_check_waba_get_waba (candidate) != NULL
          && g_strcmp0 (gh_check_waba_get_id (candidate), wanted) == 0)
        return wanted;
    }

  first = report != NULL ? gh_check_report_get_first_waba (report) : NULL;
  return first != NULL ? gh_waba_get_id (first) : NULL;
}

static void
open_account (GhWindow *self)
{
  const char *waba_id = choose_waba_id (self);

  show_page (self, "account");

  if (waba_id == NULL)
    {
      g_autoptr(GError) error =
        g_error_new_literal (GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION,
                             _("This token does not reach any WhatsApp Business Account."));

      gh_account_page_set_error (self->account_page, error);
      return;
    }

  gh_account_page_set_loading (self->account_page);
  gh_connection_load_waba_async (self->connection, waba_id, self->cancellable,
                                 waba_loaded_cb, g_object_ref (self));
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = gh_connection_check_finish (GH_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gh_token_page_set_busy (self->token_page, FALSE);

  if (report == NULL)
    {
      g_debug ("The check could not run: %s", error->message);
      if (self->from_token_page)
        {
          g_autofree char *message = NULL;

          if (error->domain == GH_GRAPH_ERROR)
            message = g_strdup_printf ("%s %s", gh_graph_error_code_to_summary (error->code),
                                       gh_graph_error_code_to_next_step (error->code));
          gh_token_page_set_error (self->token_page,
                                   message != NULL ? message : error->message);
        }
      else
        {
          show_page (self, "account");
          gh_account_page_set_error (self->account_page, error);
        }
      return;
    }

  /* A saved or demo connection that still passes goes straight to its account; anything
   * new, or anything that changed for the worse, shows the report first. */
  if (!self->from_token_page && gh_check_report_get_passed (report))
    {
      open_account (self);
      return;
    }

  gh_check_page_set_report (self->check_page, report, !self->is_saved && !self->is_demo);
  show_page (self, "check");
}

static void
start_check (GhWindow          *self,
             GhGraphClient     *client,
             const char        *token,
             GhSavedConnection *saved)
{
  GCancellable *cancellable = restart_cancellable (self);

  g_clear_object (&self->connection);
  self->connection = gh_connection_new (client, token, saved);

  if (self->from_token_page)
    gh_token_page_set_busy (self->token_page, TRUE);
  else
    {
      show_page (self, "account");
      gh_account_page_set_loading (self->account_page);
    }

  gh_connection_check_async (self->connection, cancellable, check_done_cb, g_object_ref (self));
}

static void
check_requested_cb (GhWindow   *self,
                    const char *token)
{
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = gh_application_create_client (get_application (self), &error);
  if (client == NULL)
    {
      gh_token_page_set_error (self->token_page, error->message);
      return;
    }

  self->from_token_page = TRUE;
  self->is_saved = FALSE;
  self->is_demo = gh_application_get_demo_mode (get_application (self));
  start_check (self, client, token, self->replacing);
}

typedef struct
{
  GhWindow          *self;
  GhSavedConnection *saved;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->saved);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
token_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  GhWindow *self = data->self;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (token == NULL)
    {
      gh_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  client = gh_application_create_client (get_application (self), &error);
  if (client == NULL)
    {
      gh_window_add_toast (self, adw_toast_new (error->message));
      gh_token_store_free_token (token);
      return;
    }

  self->from_token_page = FALSE;
  self->is_saved = TRUE;
  self->is_demo = FALSE;
  g_settings_set_string (self->settings, "last-connection",
                         gh_saved_connection_get_id (data->saved));
  start_check (self, client, token, data->saved);
  gh_token_store_free_token (token);
}

static void
open_connection_cb (GhWindow          *self,
                    GhSavedConnection *saved)
{
  GhTokenStore *store = gh_application_get_token_store (get_application (self));
  GCancellable *cancellable = restart_cancellable (self);
  OpenData *data = g_new0 (OpenData, 1);

  data->self = g_object_ref (self);
  data->saved = g_object_ref (saved);
  gh_token_store_load_async (store, gh_saved_connection_get_id (saved), cancellable,
                             token_loaded_cb, data);
}

static void
set_up_cb (GhWindow *self)
{
  g_clear_object (&self->replacing);
  gh_token_page_set_error (self->token_page, NULL);
  self->guide_return_page = "welcome";
  show_page (self, "guide");
}

static void
guide_to_token_cb (GhWindow *self)
{
  show_page (self, "token");
}

static void
show_fix_cb (GhWindow    *self,
             GhGuideStep  step)
{
  GhCheckReport *report = self->connection != NULL
                          ? gh_connection_get_report (self->connection) : NULL;
  GhWaba *waba = report != NULL ? gh_check_report_get_first_waba (report) : NULL;

  if (waba != NULL)
    gh_guide_page_set_business_id (self->guide_page, gh_waba_get_owner_business_id (waba));
  gh_guide_page_show_step (self->guide_page, step);
  self->guide_return_page = "check";
  show_page (self, "guide");
}

static void
replace_token_cb (GhWindow          *self,
                  GhSavedConnection *saved)
{
  g_set_object (&self->replacing, saved);
  gh_token_page_clear (self->token_page);
  show_page (self, "token");
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_token_store_forget_finish (GH_TOKEN_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gh_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  gh_window_add_toast (self, adw_toast_new (_("Connection forgotten")));
  reload_connections (self);
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  GhSavedConnection *saved = user_data;
  GhWindow *self = GH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "forget") != 0)
    return;

  gh_token_store_forget_async (gh_application_get_token_store (get_application (self)),
                               gh_saved_connection_get_id (saved), self->cancellable,
                               forgotten_cb, g_object_ref (self));
}

static void
forget_connection_cb (GhWindow          *self,
                      GhSavedConnection *saved)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Forget This Connection?"), NULL));
  /* Translators: %s is the name of a saved connection */
  adw_message_dialog_format_body (dialog,
                                  _("The token of “%s” will be removed from your keyring. The "
                                    "integration that uses it keeps working: to stop it, "
                                    "revoke the token in Business Suite."),
                                  gh_saved_connection_get_label (saved));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "forget", _("_Forget"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (forget_response_cb),
                         g_object_ref (saved), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GhWindow          *self;
  GhSavedConnection *renamed;
} RenameData;

static void
rename_data_free (RenameData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->renamed);
  g_free (data);
}

static void
renamed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RenameData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_token_store_save_finish (GH_TOKEN_STORE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gh_window_add_toast (data->self, adw_toast_new (error->message));
  else if (error == NULL)
    reload_connections (data->self);

  rename_data_free (data);
}

static void
rename_token_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RenameData *data = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  /* The keyring keeps the name next to the token, so renaming stores the token again. */
  token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  if (token == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gh_window_add_toast (data->self, adw_toast_new (error->message));
      rename_data_free (data);
      return;
    }

  gh_token_store_save_async (GH_TOKEN_STORE (object), data->renamed, token,
                             data->self->cancellable, renamed_cb, data);
  gh_token_store_free_token (token);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  GhSavedConnection *saved = user_data;
  GhWindow *self = GH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  RenameData *data;

  if (g_strcmp0 (response, "rename") != 0 || *label == '\0')
    return;

  data = g_new0 (RenameData, 1);
  data->self = g_object_ref (self);
  data->renamed = gh_saved_connection_copy (saved);
  gh_saved_connection_set_label (data->renamed, label);
  gh_token_store_load_async (gh_application_get_token_store (get_application (self)),
                             gh_saved_connection_get_id (saved), self->cancellable,
                             rename_token_loaded_cb, data);
}

static void
rename_connection_cb (GhWindow          *self,
                      GhSavedConnection *saved)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Rename Connection"), NULL));
  adw_message_dialog_set_body (dialog, _("A name that says which business or integration "
                                         "this connection is for."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), gh_saved_connection_get_label (saved));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Connection name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb),
                         g_object_ref (saved), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_demo_cb (GhWindow *self)
{
  gh_window_open_demo (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_token_store_save_finish (GH_TOKEN_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Not saved, but nothing is lost: the connection works for this session. */
      g_autofree char *message =
        g_strdup_printf (_("%s The connection works until you close Gatehouse."),
                         error->message);
      gh_window_add_toast (self, adw_toast_new (message));
    }
  else
    {
      self->is_saved = TRUE;
      g_clear_object (&self->replacing);
      gh_token_page_clear (self->token_page);
      gh_window_add_toast (self, adw_toast_new (_("Saved in your keyring")));
    }

  gh_check_page_set_busy (self->check_page, FALSE);
  self->from_token_page = FALSE;
  open_account (self);
}

/* What the keyring keeps next to the token; @base (nullable) is the connection whose token is
 * being replaced, whose id and name stay. */
static GhSavedConnection *
describe_connection (GhCheckReport     *report,
                     GhSavedConnection *base)
{
  GhSavedConnection *saved = base != NULL ? gh_saved_connection_copy (base)
                                          : gh_saved_connection_new ();
  GhWaba *waba = gh_check_report_get_first_waba (report);
  const char *business = waba != NULL ? gh_waba_get_owner_business_name (waba) : NULL;
  const char *label = business;

  if (label == NULL && waba != NULL)
    label = gh_waba_get_name (waba);
  if (label == NULL)
    label = _("WhatsApp Business");

  if (base == NULL)
    gh_saved_connection_set_label (saved, label);
  gh_saved_connection_set_system_user_name (saved, gh_check_report_get_user_name (report));
  if (waba != NULL)
    {
      gh_saved_connection_set_business_id (saved, gh_waba_get_owner_business_id (waba));
      gh_saved_connection_set_business_name (saved, business);
      gh_saved_connection_set_waba_id (saved, gh_waba_get_id (waba));
    }
  gh_saved_connection_set_last_check (saved, g_get_real_time () / G_USEC_PER_SEC,
                                      gh_check_report_get_passed (report));

  return saved;
}

static void
check_accepted_cb (GhWindow *self)
{
  GhTokenStore *store = gh_application_get_token_store (get_application (self));
  GhCheckReport *report = gh_connection_get_report (self->connection);
  g_autoptr(GhSavedConnection) saved = NULL;
  char *token;

  if (self->is_saved || self->is_demo || report == NULL)
    {
      self->from_token_page = FALSE;
      open_account (self);
      return;
    }

  token = gh_token_page_dup_token (self->token_page);
  if (token == NULL)
    {
      open_account (self);
      return;
    }

  saved = describe_connection (report, self->replacing);
  gh_connection_set_saved (self->connection, saved);
  gh_check_page_set_busy (self->check_page, TRUE);
  gh_token_store_save_async (store, saved, token, self->cancellable, saved_cb,
                             g_object_ref (self));
  gh_token_store_free_token (token);
}

static void
refresh_cb (GhWindow *self)
{
  if (self->connection == NULL)
    return;

  /* Without a report the check itself failed: run it again rather than the account. */
  if (gh_connection_get_report (self->connection) == NULL)
    {
      gh_account_page_set_loading (self->account_page);
      gh_connection_check_async (self->connection, self->cancellable, check_done_cb,
                                 g_object_ref (self));
      return;
    }

  open_account (self);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "check") == 0 && self->from_token_page)
    {
      /* The pasted token is still in the field, ready to be corrected. */
      show_page (self, "token");
      return;
    }

  if (g_strcmp0 (page, "guide") == 0 && g_strcmp0 (self->guide_return_page, "check") == 0)
    {
      show_page (self, "check");
      return;
    }

  if (g_strcmp0 (page, "token") == 0 && self->replacing == NULL)
    {
      self->guide_return_page = "welcome";
      show_page (self, "guide");
      return;
    }

  if (g_strcmp0 (page, "token") != 0)
    {
      restart_cancellable (self);
      g_clear_object (&self->connection);
    }

  gh_token_page_set_busy (self->token_page, FALSE);
  g_clear_object (&self->replacing);
  show_page (self, "welcome");
  reload_connections (self);
}

static gboolean
gh_window_close_request (GtkWindow *window)
{
  GhWindow *self = GH_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (gh_window_parent_class)->close_request (window);
}

static void
gh_window_dispose (GObject *object)
{
  GhWindow *self = GH_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->connection);
  g_clear_object (&self->replacing);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_WINDOW);

  G_OBJECT_CLASS (gh_window_parent_class)->dispose (object);
}

static void
gh_window_class_init (GhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gh_window_dispose;
  window_class->close_request = gh_window_close_request;

  gtk_widget_class_install_action (widget_class, "nav.back", NULL, back_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "nav.back", NULL);

  g_type_ensure (GH_TYPE_WELCOME_PAGE);
  g_type_ensure (GH_TYPE_GUIDE_PAGE);
  g_type_ensure (GH_TYPE_TOKEN_PAGE);
  g_type_ensure (GH_TYPE_CHECK_PAGE);
  g_type_ensure (GH_TYPE_ACCOUNT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/gh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, guide_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, token_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, check_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, account_page);
  gtk_widget_class_bind_template_callback (widget_class, open_connection_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_up_cb);
  gtk_widget_class_bind_template_callback (widget_class, guide_to_token_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_fix_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_connection_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_token_cb);
  gtk_widget_class_bind_template_callback (widget_class, forget_connection_cb);
  gtk_widget_class_bind_template_callback (widget_class, try_demo_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_accepted_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_cb);
}

static void
gh_window_init (GhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GhWindow *
gh_window_new (GhApplication *application)
{
  GhWindow *self;

  g_return_val_if_fail (GH_IS_APPLICATION (application), NULL);

  self = g_object_new (GH_TYPE_WINDOW, "application", application, NULL);

  /* Not in constructed(): "application" is set only after it runs. */
  self->settings = g_object_ref (gh_application_get_settings (application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (gh_application_get_demo_mode (application))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  gh_guide_page_set_settings (self->guide_page, self->settings);

  reload_connections (self);

  return self;
}

void
gh_window_open_demo (GhWindow *self)
{
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhSavedConnection) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GH_IS_WINDOW (self));

  client = gh_application_create_demo_client (get_application (self), &error);
  if (client == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The demo could not start: %s"),
                                                  error->message);
      gh_window_add_toast (self, adw_toast_new (message));
      return;
    }

  saved = gh_saved_connection_new ();
  gh_saved_connection_set_label (saved, _("Demo"));
  gh_saved_connection_set_business_name (saved, GH_DEMO_BUSINESS_NAME);

  self->from_token_page = FALSE;
  self->is_saved = FALSE;
  self->is_demo = TRUE;
  start_check (self, client, GH_DEMO_TOKEN_ADMIN, saved);
}

void
gh_window_add_toast (GhWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (GH_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
gh_window_get_visible_page (GhWindow *self)
{
  g_return_val_if_fail (GH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
