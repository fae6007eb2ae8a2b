/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-account-page.h"
#include "gh-banner.h"
#include "gh-check-page.h"
#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-graph-error.h"
#include "gh-guide-page.h"
#include "gh-people-page.h"
#include "gh-recheck.h"
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
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown          *waba_dropdown;
  GhBanner             *account_banner;
  AdwViewStack         *view_stack;
  GhPeoplePage         *people_page;

  GSettings            *settings;
  GCancellable         *cancellable;
  /* Quiet re-checks of saved connections run beside whatever the person does. */
  GCancellable         *recheck_cancellable;
  gboolean              launch_rechecked;
  /* The WABA ids behind the switcher's entries, and the one shown. */
  GPtrArray            *waba_ids;
  gulong                waba_selected_id;
  char                 *shown_waba_id;
  char                 *pending_waba_id;
  /* Set once the person agreed to close with unapplied changes. */
  gboolean              close_confirmed;
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

static void resave_connection (GhWindow          *self,
                               GhSavedConnection *saved,
                               gboolean           quiet);
static void store_connection  (GhWindow          *self,
                               GhSavedConnection *saved,
                               const char        *token,
                               gboolean           quiet);
static void replace_token_cb  (GhWindow          *self,
                               GhSavedConnection *saved);

G_DEFINE_FINAL_TYPE (GhWindow, gh_window, ADW_TYPE_APPLICATION_WINDOW)

static GhApplication *
get_application (GhWindow *self)
{
  return GH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* A closed window may still be referenced by an answer in flight (libsecret's file backend
 * does not honour cancellation): such answers are dropped. */
static gboolean
is_closed (GhWindow *self)
{
  return gtk_window_get_application (GTK_WINDOW (self)) == NULL;
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
show_account_banner (GhWindow        *self,
                     GhRecheckChange  change,
                     const char      *message)
{
  /* Only what still lets the account open needs a banner there; the rest shows the report. */
  gboolean shown = change == GH_RECHECK_EXPIRES_SOON || change == GH_RECHECK_PERMISSION_LOST;

  gh_banner_set_title (self->account_banner, shown ? message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->account_banner), shown);
}

/* Tells the person what a check of a saved connection found compared with last time, and
 * keeps the result with the connection. */
/* @token: nullable; when the caller still holds it, the keyring is not read again. */
static void
note_saved_check (GhWindow          *self,
                  GhSavedConnection *saved,
                  GhCheckReport     *report,
                  const char        *token,
                  gboolean           announce)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GhSavedConnection) updated = gh_saved_connection_copy (saved);
  g_autofree char *message = NULL;
  GhRecheckChange change;

  change = gh_recheck_compare (saved, report, now, &message);
  gh_welcome_page_show_change (self->welcome_page, saved, change, message);
  if (self->connection != NULL && gh_connection_get_saved (self->connection) == saved)
    show_account_banner (self, change, message);

  if (announce && change == GH_RECHECK_NONE)
    {
      g_autofree char *works = NULL;

      /* Translators: %s is the name of a saved connection */
      works = g_strdup_printf (_("“%s” works"), gh_saved_connection_get_label (saved));
      gh_window_add_toast (self, adw_toast_new (works));
    }

  gh_recheck_record (updated, report, now);
  if (self->connection != NULL && gh_connection_get_saved (self->connection) == saved)
    gh_connection_set_saved (self->connection, updated);
  if (token != NULL)
    store_connection (self, updated, token, TRUE);
  else
    resave_connection (self, updated, TRUE);
}

typedef struct
{
  GhWindow          *self;
  GhSavedConnection *saved;
  GhConnection      *connection;
  /* Kept until the result is saved with it, so the keyring is read once per re-check. */
  char              *token;
  gboolean           announce;
} RecheckData;

static void
recheck_data_free (RecheckData *data)
{
  g_clear_pointer (&data->token, gh_token_store_free_token);
  g_clear_object (&data->self);
  g_clear_object (&data->saved);
  g_clear_object (&data->connection);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecheckData, recheck_data_free)

static void
recheck_failed (RecheckData  *data,
                const GError *error)
{
  g_autofree char *message = NULL;

  g_debug ("A saved connection could not be checked: %s", error->message);
  if (!data->announce)
    return;

  /* Translators: the first %s is a saved connection, the second what went wrong */
  message = g_strdup_printf (_("“%s” could not be checked: %s"),
                             gh_saved_connection_get_label (data->saved),
                             error->domain == GH_GRAPH_ERROR
                             ? gh_graph_error_code_to_summary (error->code) : error->message);
  gh_window_add_toast (data->self, adw_toast_new (message));
}

static void
rechecked_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RecheckData) data = user_data;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = gh_connection_check_finish (GH_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_closed (data->self))
    return;

  if (report == NULL)
    {
      recheck_failed (data, error);
      return;
    }

  note_saved_check (data->self, data->saved, report, data->token, data->announce);
}

static void
recheck_token_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(RecheckData) data = user_data;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GhWindow *self = data->self;
  GhConnection *connection;
  char *token;

  token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_closed (self))
    {
      gh_token_store_free_token (token);
      return;
    }

  if (token == NULL || (client = gh_application_create_client (get_application (self),
                                                              &error)) == NULL)
    {
      recheck_failed (data, error);
      gh_token_store_free_token (token);
      return;
    }

  connection = gh_connection_new (client, token, data->saved);
  data->connection = connection;
  data->token = token;
  gh_connection_check_async (connection, self->recheck_cancellable, rechecked_cb,
                             g_steal_pointer (&data));
}

/* @announce: the person asked (Check Now), so a good result is said too. */
static void
recheck_saved (GhWindow          *self,
               GhSavedConnection *saved,
               gboolean           announce)
{
  RecheckData *data = g_new0 (RecheckData, 1);

  data->self = g_object_ref (self);
  data->saved = g_object_ref (saved);
  data->announce = announce;
  gh_token_store_load_async (gh_application_get_token_store (get_application (self)),
                             gh_saved_connection_get_id (saved), self->recheck_cancellable,
                             recheck_token_loaded_cb, data);
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
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_closed (self))
    return;

  gh_welcome_page_set_connections (self->welcome_page, connections, error);

  /* Once per launch, every saved connection is checked again in the background, so a token
   * revoked or about to expire is found before the integration stops. */
  if (connections != NULL && !self->launch_rechecked)
    {
      self->launch_rechecked = TRUE;
      for (guint i = 0; i < connections->len; i++)
        recheck_saved (self, g_ptr_array_index (connections, i), FALSE);
    }
}

static void
reload_connections (GhWindow *self)
{
  GhTokenStore *store = gh_application_get_token_store (get_application (self));

  gh_token_store_list_async (store, self->cancellable, connections_listed_cb,
                             g_object_ref (self));
}

/* Unapplied edits in the people grid are never dropped silently: @then runs once the
 * person agreed to discard them (or at once when there are none). */
typedef void (*AfterDiscardFunc) (GhWindow *self);

typedef struct
{
  GhWindow         *self;
  AfterDiscardFunc  then;
} AfterDiscard;

static gboolean
after_discard_cb (gpointer user_data)
{
  AfterDiscard *after = user_data;

  if (!is_closed (after->self))
    after->then (after->self);
  g_object_unref (after->self);
  g_free (after);

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  GhWindow *self = GH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  AfterDiscard *after;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  gh_people_page_discard (self->people_page);

  /* Going on may close the window: not while its dialog is still answering. */
  after = g_new0 (AfterDiscard, 1);
  after->self = g_object_ref (self);
  after->then = (AfterDiscardFunc) user_data;
  g_idle_add (after_discard_cb, after);
}

static void
confirm_discard (GhWindow         *self,
                 AfterDiscardFunc  then)
{
  AdwMessageDialog *dialog;

  if (!gh_people_page_has_changes (self->people_page))
    {
      then (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Unapplied Changes?"), NULL));
  adw_message_dialog_set_body (dialog, _("Changes to who can use this account have not been "
                                         "applied yet. If you go on, they are lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), (gpointer) then);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The per-connection memory of which account the switcher showed. */
static const char *
saved_key (GhWindow *self)
{
  GhSavedConnection *saved = self->connection != NULL
                             ? gh_connection_get_saved (self->connection) : NULL;

  return saved != NULL ? gh_saved_connection_get_id (saved) : NULL;
}

static char *
dup_remembered_waba (GhWindow *self)
{
  const char *key = saved_key (self);
  g_autoptr(GVariant) map = NULL;
  char *waba_id = NULL;

  if (key == NULL)
    return NULL;

  map = g_settings_get_value (self->settings, "selected-wabas");
  if (!g_variant_lookup (map, key, "s", &waba_id))
    return NULL;

  return waba_id;
}

static void
remember_waba (GhWindow   *self,
               const char *waba_id)
{
  const char *key = saved_key (self);
  g_autoptr(GVariant) map = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *k;
  const char *v;

  g_settings_set_string (self->settings, "last-waba", waba_id);
  /* The demo's connection is new on every run: remembering it would only pile up. */
  if (key == NULL || self->is_demo)
    return;

  map = g_settings_get_value (self->settings, "selected-wabas");
  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_variant_builder_add (&builder, "{ss}", key, waba_id);
  g_settings_set_value (self->settings, "selected-wabas", g_variant_builder_end (&builder));
}

static GhCheckWaba *
find_check_waba (GhWindow   *self,
                 const char *waba_id)
{
  GhCheckReport *report = gh_connection_get_report (self->connection);
  GPtrArray *wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;

  for (guint i = 0; waba_id != NULL && wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *candidate = g_ptr_array_index (wabas, i);

      if (g_strcmp0 (gh_check_waba_get_id (candidate), waba_id) == 0)
        return candidate;
    }

  return NULL;
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

  if (gh_waba_get_name (waba) != NULL)
    adw_view_switcher_title_set_title (self->switcher_title, gh_waba_get_name (waba));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        gh_waba_get_owner_business_name (waba) != NULL
                                        ? gh_waba_get_owner_business_name (waba) : "");
  gh_account_page_set_waba (self->account_page, waba);
}

/* The business portfolio @waba_id belongs to, as far as the check or the saved connection
 * knows it. */
static const char *
find_business_id (GhWindow   *self,
                  const char *waba_id)
{
  GhCheckWaba *check_waba = find_check_waba (self, waba_id);
  GhWaba *waba = check_waba != NULL ? gh_check_waba_get_waba (check_waba) : NULL;
  GhSavedConnection *saved = gh_connection_get_saved (self->connection);
  const char *business_id = waba != NULL ? gh_waba_get_owner_business_id (waba) : NULL;

  if (business_id == NULL && saved != NULL)
    business_id = gh_saved_connection_get_business_id (saved);
  if (business_id == NULL)
    {
      GhCheckReport *report = gh_connection_get_report (self->connection);
      GhWaba *first = report != NULL ? gh_check_report_get_first_waba (report) : NULL;

      /* Accounts a token reaches nearly always belong to one portfolio. */
      business_id = first != NULL ? gh_waba_get_owner_business_id (first) : NULL;
    }

  return business_id;
}

/* Starts reading who is assigned to @waba_id, beside the overview's own request. */
static void
load_people (GhWindow   *self,
             const char *waba_id)
{
  GhCheckReport *report = gh_connection_get_report (self->connection);

  gh_people_page_load (self->people_page, gh_connection_get_client (self->connection),
                       waba_id, find_business_id (self, waba_id),
                       report != NULL ? gh_check_report_get_user_id (report) : NULL,
                       report != NULL && gh_check_report_get_is_admin (report) == 1);
}

static void
show_waba (GhWindow   *self,
           const char *waba_id)
{
  GhCheckWaba *check_waba = find_check_waba (self, waba_id);
  GhWaba *known = check_waba != NULL ? gh_check_waba_get_waba (check_waba) : NULL;

  gh_account_page_set_account_hint (self->account_page, waba_id,
                                    find_business_id (self, waba_id));

  g_free (self->shown_waba_id);
  self->shown_waba_id = g_strdup (waba_id);
  remember_waba (self, waba_id);

  adw_view_switcher_title_set_title (self->switcher_title,
                                     known != NULL && gh_waba_get_name (known) != NULL
                                     ? gh_waba_get_name (known) : waba_id);
  adw_view_switcher_title_set_subtitle (self->switcher_title, "");

  gh_account_page_set_loading (self->account_page);
  gh_connection_load_waba_async (self->connection, waba_id, self->cancellable,
                                 waba_loaded_cb, g_object_ref (self));
  load_people (self, waba_id);
}

static void
select_waba_quietly (GhWindow   *self,
                     const char *waba_id)
{
  guint position;

  if (self->waba_ids == NULL
      || !g_ptr_array_find_with_equal_func (self->waba_ids, waba_id, g_str_equal, &position))
    return;

  g_signal_handler_block (self->waba_dropdown, self->waba_selected_id);
  gtk_drop_down_set_selected (self->waba_dropdown, position);
  g_signal_handler_unblock (self->waba_dropdown, self->waba_selected_id);
}

static void
switch_to_pending_waba (GhWindow *self)
{
  g_autofree char *waba_id = g_steal_pointer (&self->pending_waba_id);

  if (waba_id == NULL)
    return;

  select_waba_quietly (self, waba_id);
  show_waba (self, waba_id);
}

static void
waba_selected_cb (GhWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->waba_dropdown);

  if (self->waba_ids == NULL || position >= self->waba_ids->len
      || g_strcmp0 (g_ptr_array_index (self->waba_ids, position), self->shown_waba_id) == 0)
    return;

  g_free (self->pending_waba_id);
  self->pending_waba_id = g_strdup (g_ptr_array_index (self->waba_ids, position));

  /* Until the person agrees to drop unapplied edits, the switcher keeps showing the account
   * those edits belong to. */
  select_waba_quietly (self, self->shown_waba_id);
  confirm_discard (self, switch_to_pending_waba);
}

/* One entry per account the check found, readable or not: an unreadable one explains
 * itself on the overview. */
static void
fill_waba_switcher (GhWindow *self)
{
  GhCheckReport *report = gh_connection_get_report (self->connection);
  GPtrArray *wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->waba_ids, g_ptr_array_unref);
  self->waba_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);
      GhWaba *waba = gh_check_waba_get_waba (check_waba);
      const char *name = waba != NULL ? gh_waba_get_name (waba) : NULL;
      g_autofree char *label = NULL;

      if (name != NULL)
        label = g_strdup (name);
      else
        /* Translators: %s is the ID of a WhatsApp Business Account the token cannot read */
        label = g_strdup_printf (_("%s (cannot be read)"), gh_check_waba_get_id (check_waba));
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->waba_ids, g_strdup (gh_check_waba_get_id (check_waba)));
    }

  g_signal_handler_block (self->waba_dropdown, self->waba_selected_id);
  gtk_drop_down_set_model (self->waba_dropdown, G_LIST_MODEL (names));
  g_signal_handler_unblock (self->waba_dropdown, self->waba_selected_id);
  gtk_widget_set_visible (GTK_WIDGET (self->waba_dropdown), self->waba_ids->len > 1);
}

/* The account to show: the one chosen last for this connection if the token still reaches
 * it, else the one it was saved with, else the first one the check could read. */
static char *
choose_waba_id (GhWindow *self)
{
  GhCheckReport *report = gh_connection_get_report (self->connection);
  GhSavedConnection *saved = gh_connection_get_saved (self->connection);
  g_autofree char *remembered = dup_remembered_waba (self);
  GhWaba *first;

  if (find_check_waba (self, remembered) != NULL)
    return g_steal_pointer (&remembered);

  if (saved != NULL)
    {
      GhCheckWaba *check_waba = find_check_waba (self, gh_saved_connection_get_waba_id (saved));

      if (check_waba != NULL && gh_check_waba_get_waba (check_waba) != NULL)
        return g_strdup (gh_check_waba_get_id (check_waba));
    }

  first = report != NULL ? gh_check_report_get_first_waba (report) : NULL;
  return first != NULL ? g_strdup (gh_waba_get_id (first)) : NULL;
}

static void
open_account (GhWindow *self)
{
  g_autofree char *waba_id = NULL;

  fill_waba_switcher (self);
  waba_id = choose_waba_id (self);
  show_page (self, "account");

  if (waba_id == NULL)
    {
      g_autoptr(GError) error =
        g_error_new_literal (GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION,
                             _("This token does not reach any WhatsApp Business Account."));

      gh_people_page_clear (self->people_page);
      gh_account_page_set_error (self->account_page, error);
      return;
    }

  select_waba_quietly (self, waba_id);
  show_waba (self, waba_id);
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
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_closed (self))
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

  if (self->is_saved && !self->from_token_page && gh_connection_get_saved (self->connection))
    note_saved_check (self, gh_connection_get_saved (self->connection), report, NULL, FALSE);
  else
    show_account_banner (self, GH_RECHECK_NONE, NULL);

  /* A saved or demo connection that still passes goes straight to its account; anything
   * new, or anything that changed for the worse, shows the report first. */
  if (!self->from_token_page && gh_check_report_get_passed (report))
    {
      open_account (self);
      return;
    }

  gh_check_page_set_saved (self->check_page, self->is_saved && !self->from_token_page);
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
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || is_closed (self))
    {
      gh_token_store_free_token (token);
      return;
    }

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

/* The keyring keeps a connection's description next to its token in one item, so changing
 * the description (a new name, the last check) stores the token again. */
typedef struct
{
  GhWindow          *self;
  GhSavedConnection *saved;
  gboolean           quiet;
} ResaveData;

static void
resave_data_free (ResaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->saved);
  g_free (data);
}

static void
resaved_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ResaveData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (gh_token_store_save_finish (GH_TOKEN_STORE (object), result, &error))
    {
      if (!is_closed (data->self))
        reload_connections (data->self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Could not update a saved connection: %s", error->message);
      if (!data->quiet)
        gh_window_add_toast (data->self, adw_toast_new (error->message));
    }

  resave_data_free (data);
}

static void
resave_token_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ResaveData *data = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  if (token == NULL || is_closed (data->self))
    {
      gh_token_store_free_token (token);
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !data->quiet)
        gh_window_add_toast (data->self, adw_toast_new (error->message));
      resave_data_free (data);
      return;
    }

  gh_token_store_save_async (GH_TOKEN_STORE (object), data->saved, token,
                             data->self->recheck_cancellable, resaved_cb, data);
  gh_token_store_free_token (token);
}

static ResaveData *
resave_data_new (GhWindow          *self,
                 GhSavedConnection *saved,
                 gboolean           quiet)
{
  ResaveData *data = g_new0 (ResaveData, 1);

  data->self = g_object_ref (self);
  data->saved = g_object_ref (saved);
  data->quiet = quiet;
  return data;
}

/* Stores @saved's description with @token, which the caller already has. */
static void
store_connection (GhWindow          *self,
                  GhSavedConnection *saved,
                  const char        *token,
                  gboolean           quiet)
{
  gh_token_store_save_async (gh_application_get_token_store (get_application (self)), saved,
                             token, self->recheck_cancellable, resaved_cb,
                             resave_data_new (self, saved, quiet));
}

/* @quiet: a background update (the last check) that only logs a failure. */
static void
resave_connection (GhWindow          *self,
                   GhSavedConnection *saved,
                   gboolean           quiet)
{
  gh_token_store_load_async (gh_application_get_token_store (get_application (self)),
                             gh_saved_connection_get_id (saved), self->recheck_cancellable,
                             resave_token_loaded_cb, resave_data_new (self, saved, quiet));
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
  g_autoptr(GhSavedConnection) renamed = NULL;

  if (g_strcmp0 (response, "rename") != 0 || *label == '\0')
    return;

  renamed = gh_saved_connection_copy (saved);
  gh_saved_connection_set_label (renamed, label);
  resave_connection (self, renamed, FALSE);
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

static void check_accepted_cb (GhWindow *self);

static void
use_session_store (GhWindow *self)
{
  gh_application_use_session_store (get_application (self));
  gh_welcome_page_set_session_only (self->welcome_page, TRUE);
}

static void
save_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  GhWindow *self = GH_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "session") == 0)
    use_session_store (self);

  if (g_strcmp0 (response, "session") == 0 || g_strcmp0 (response, "retry") == 0)
    check_accepted_cb (self);
}

static void
ask_save_without_keyring (GhWindow     *self,
                          const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
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
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
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

      /* Not saved, but nothing is lost: the token stays in its field and the person
       * chooses between trying again and going on for this session only. */
      gh_check_page_set_busy (self->check_page, FALSE);
      ask_save_without_keyring (self, error);
      return;
    }

  self->is_saved = TRUE;
  g_clear_object (&self->replacing);
  gh_token_page_clear (self->token_page);
  gh_window_add_toast (self, adw_toast_new (
    gh_token_store_is_in_memory (gh_application_get_token_store (get_application (self)))
    ? _("Kept until you close Gatehouse") : _("Saved in your keyring")));

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
  gh_recheck_record (saved, report, g_get_real_time () / G_USEC_PER_SEC);

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
refresh_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);

  if (self->connection == NULL || g_strcmp0 (gh_window_get_visible_page (self), "account") != 0)
    return;

  /* Without a report the check itself failed: run it again rather than the account. */
  if (gh_connection_get_report (self->connection) == NULL)
    {
      gh_account_page_set_loading (self->account_page);
      gh_connection_check_async (self->connection, self->cancellable, check_done_cb,
                                 g_object_ref (self));
      return;
    }

  if (self->shown_waba_id == NULL)
    {
      open_account (self);
      return;
    }

  /* Staged edits survive: the people grid reads the list again around them. */
  gh_account_page_set_loading (self->account_page);
  gh_connection_load_waba_async (self->connection, self->shown_waba_id, self->cancellable,
                                 waba_loaded_cb, g_object_ref (self));
  gh_people_page_reload (self->people_page);
}

static void
check_connection_cb (GhWindow          *self,
                     GhSavedConnection *saved)
{
  recheck_saved (self, saved, TRUE);
}

static void
retry_keyring_cb (GhWindow *self)
{
  reload_connections (self);
}

static void
without_keyring_cb (GhWindow *self)
{
  use_session_store (self);
  reload_connections (self);
}

static void
replace_shown_token (GhWindow *self)
{
  GhSavedConnection *saved = self->connection != NULL
                             ? gh_connection_get_saved (self->connection) : NULL;

  if (saved != NULL)
    replace_token_cb (self, saved);
}

static void
check_replace_token_cb (GhWindow *self)
{
  replace_shown_token (self);
}

static void
account_banner_clicked_cb (GhWindow *self)
{
  confirm_discard (self, replace_shown_token);
}

static void
navigate_back (GhWindow *self)
{
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
      gh_people_page_clear (self->people_page);
      g_clear_pointer (&self->shown_waba_id, g_free);
      g_clear_object (&self->connection);
    }

  gh_token_page_set_busy (self->token_page, FALSE);
  g_clear_object (&self->replacing);
  show_page (self, "welcome");
  reload_connections (self);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "account") == 0)
    confirm_discard (self, navigate_back);
  else
    navigate_back (self);
}

static void
close_confirmed (GhWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gh_window_close_request (GtkWindow *window)
{
  GhWindow *self = GH_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && gh_people_page_has_changes (self->people_page))
    {
      confirm_discard (self, close_confirmed);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (gh_window_parent_class)->close_request (window);
}

/* A destroyed window leaves its application at once but may be disposed only later, when
 * the last answer in flight lets go of it: stop everything now. */
static void
application_changed_cb (GhWindow *self)
{
  if (!is_closed (self))
    return;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->recheck_cancellable);
}

static void
gh_window_dispose (GObject *object)
{
  GhWindow *self = GH_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->recheck_cancellable);
  g_clear_object (&self->recheck_cancellable);
  g_clear_pointer (&self->waba_ids, g_ptr_array_unref);
  g_clear_pointer (&self->shown_waba_id, g_free);
  g_clear_pointer (&self->pending_waba_id, g_free);
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
  gtk_widget_class_install_action (widget_class, "account.refresh", NULL, refresh_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "account.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "account.refresh", NULL);

  g_type_ensure (GH_TYPE_WELCOME_PAGE);
  g_type_ensure (GH_TYPE_GUIDE_PAGE);
  g_type_ensure (GH_TYPE_TOKEN_PAGE);
  g_type_ensure (GH_TYPE_CHECK_PAGE);
  g_type_ensure (GH_TYPE_ACCOUNT_PAGE);
  g_type_ensure (GH_TYPE_BANNER);
  g_type_ensure (GH_TYPE_PEOPLE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/gh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, guide_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, token_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, check_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, account_page);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, waba_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, account_banner);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, people_page);
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
  gtk_widget_class_bind_template_callback (widget_class, check_connection_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_keyring_cb);
  gtk_widget_class_bind_template_callback (widget_class, without_keyring_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_banner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_replace_token_cb);
}

static void
gh_window_init (GhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->recheck_cancellable = g_cancellable_new ();
  gh_banner_set_button_label (self->account_banner, _("Re_place Token…"));
  self->waba_selected_id = g_signal_connect_swapped (self->waba_dropdown, "notify::selected",
                                                     G_CALLBACK (waba_selected_cb), self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

  /* GTK 4.8's drop-down does not pass its name on to the button a screen reader meets. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->waba_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("WhatsApp Business Account"), -1);
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
