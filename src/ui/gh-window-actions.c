/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-access-window.h"
#include "gh-application.h"
#include "gh-graph-error.h"
#include "gh-preferences-window.h"
#include "gh-shortcuts-window.h"
#include "gh-ui-util.h"
#include "gh-window-private.h"

/* What a person asks the window for.  Pages name these actions in their .ui files and
 * menus; the window asks the session and shows the result. */

static GhWindow *
window_from_result (GAsyncResult *result,
                    gpointer      user_data)
{
  GhWindow *self = user_data;

  /* A closed window may still be referenced by an answer in flight: such answers are
   * dropped. */
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return NULL;

  return self;
}

/* A saved connection or the demo was opened and checked. */
static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GhWindow) window = user_data;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GhWindow *self;

  report = gh_session_open_finish (GH_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || (self = window_from_result (result, window)) == NULL)
    return;

  if (report == NULL)
    {
      g_debug ("The check could not run: %s", error->message);
      if (gh_session_get_connection (self->session) == NULL)
        {
          /* The token could not even be read: the welcome page stays, and says why. */
          _gh_window_show_page (self, "welcome");
          gh_ui_toast (GTK_WIDGET (self), error->message);
          return;
        }
      _gh_window_show_page (self, "account");
      gh_account_view_set_error (_gh_window_get_account_view (self), error);
      return;
    }

  _gh_window_show_check_result (self);
}

static void
show_opening (GhWindow *self)
{
  gh_account_view_set_loading (_gh_window_get_account_view (self));
  _gh_window_show_page (self, "account");
}

static void
open_connection_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);

  show_opening (self);
  gh_session_open_async (self->session, g_variant_get_string (parameter, NULL),
                         self->cancellable, opened_cb, g_object_ref (self));
}

static void
try_demo_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GhApplication *application = GH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GhSavedConnection) description = NULL;
  g_autoptr(GError) error = NULL;
  const char *url;

  url = gh_application_start_demo_server (application, &error);
  if (url == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the built-in demo server did not start */
      message = g_strdup_printf (_("The demo could not start: %s"), error->message);
      gh_ui_toast (widget, message);
      return;
    }

  description = gh_saved_connection_new ();
  gh_saved_connection_set_label (description, _("Demo"));
  gh_saved_connection_set_business_name (description,
                                         gh_application_get_demo_business_name (application));
  show_opening (self);
  gh_session_open_demo_async (self->session, url,
                              gh_application_get_demo_token (application), description,
                              self->cancellable, opened_cb, g_object_ref (self));
}

static void
set_up_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);

  gh_session_set_replacing_id (self->session, NULL);
  gh_token_page_set_error (_gh_window_get_token_page (self), NULL);
  self->guide_return_page = "welcome";
  _gh_window_show_page (self, "guide");
}

static void
show_token_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _gh_window_show_page (GH_WINDOW (widget), "token");
}

static void
show_report_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _gh_window_show_check_result (GH_WINDOW (widget));
}

static void
show_account_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _gh_window_open_account (GH_WINDOW (widget));
}

static void
show_fix_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GhConnection *connection = gh_session_get_connection (self->session);
  GhCheckReport *report = connection != NULL ? gh_connection_get_report (connection) : NULL;
  GhWaba *waba = report != NULL ? gh_check_report_get_first_waba (report) : NULL;

  if (waba != NULL)
    gh_guide_page_set_business_id (_gh_window_get_guide_page (self),
                                   gh_waba_get_owner_business_id (waba));
  gh_guide_page_show_step (_gh_window_get_guide_page (self), g_variant_get_int32 (parameter));
  self->guide_return_page = "check";
  _gh_window_show_page (self, "guide");
}

static gboolean
start_rotation (GhWindow   *self,
                const char *connection_id)
{
  if (!gh_rotation_page_start (_gh_window_get_rotation_page (self), connection_id))
    return FALSE;

  gh_session_set_replacing_id (self->session, connection_id);
  _gh_window_show_page (self, "rotate");
  return TRUE;
}

typedef struct
{
  GhWindow *self;
  char     *id;
} RotateData;

static void
rotate_data_free (RotateData *data)
{
  g_clear_object (&data->self);
  g_free (data->id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RotateData, rotate_data_free)

static void
rotate_reloaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RotateData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!gh_session_reload_finish (GH_SESSION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && window_from_result (result, data->self) != NULL)
        gh_ui_toast (GTK_WIDGET (data->self), error->message);
      return;
    }

  if (window_from_result (result, data->self) != NULL && !start_rotation (data->self, data->id))
    gh_ui_toast (GTK_WIDGET (data->self), _("This connection is no longer saved."));
}

void
_gh_window_rotate (GhWindow   *self,
                   const char *connection_id)
{
  RotateData *data;

  if (start_rotation (self, connection_id))
    return;

  data = g_new0 (RotateData, 1);
  data->self = g_object_ref (self);
  data->id = g_strdup (connection_id);
  gh_session_reload_async (self->session, self->cancellable, rotate_reloaded_cb, data);
}

static void
rotate_confirmed (GhWindow *self,
                  gpointer  data)
{
  _gh_window_rotate (self, data);
}

static void
rotate_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _gh_window_confirm_discard (GH_WINDOW (widget), rotate_confirmed,
                              g_variant_dup_string (parameter, NULL), g_free);
}

static void
rotate_open_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GhConnection *connection = gh_session_get_connection (self->session);
  GhSavedConnection *saved = connection != NULL ? gh_connection_get_saved (connection) : NULL;

  if (saved != NULL && gh_session_get_origin (self->session) == GH_SESSION_ORIGIN_SAVED)
    _gh_window_confirm_discard (self, rotate_confirmed,
                                g_strdup (gh_saved_connection_get_id (saved)), g_free);
}

static void
preferences_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GtkWidget *preferences;

  preferences = gh_preferences_window_new (GTK_WINDOW (self),
                                           gh_session_get_settings (self->session));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
replace_token_confirmed (GhWindow *self,
                         gpointer  data)
{
  GhSavedConnection *saved = gh_session_find_connection (self->session, data);

  /* A token that ends is replaced with the assistant, which compares the new one with it
   * and shows how to retire it. */
  if (saved != NULL && gh_saved_connection_get_expires_at (saved) > 0)
    {
      _gh_window_rotate (self, data);
      return;
    }

  gh_session_set_replacing_id (self->session, data);
  gh_token_page_clear (_gh_window_get_token_page (self));
  _gh_window_show_page (self, "token");
}

static void
replace_token_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _gh_window_confirm_discard (GH_WINDOW (widget), replace_token_confirmed,
                              g_variant_dup_string (parameter, NULL), g_free);
}

static void
rename_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GhSavedConnection *saved = gh_session_find_connection (self->session,
                                                         g_variant_get_string (parameter,
                                                                               NULL));

  if (saved != NULL)
    _gh_window_ask_rename (self, saved);
}

static void
forget_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GhSavedConnection *saved = gh_session_find_connection (self->session,
                                                         g_variant_get_string (parameter,
                                                                               NULL));

  if (saved != NULL)
    _gh_window_ask_forget (self, saved);
}

typedef struct
{
  GhWindow *self;
  char     *label;
} CheckNowData;

static void
check_now_data_free (CheckNowData *data)
{
  g_clear_object (&data->self);
  g_free (data->label);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CheckNowData, check_now_data_free)

static void
checked_now_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CheckNowData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *toast = NULL;
  GhRecheckChange change;

  change = gh_session_recheck_finish (GH_SESSION (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || window_from_result (result, data->self) == NULL)
    return;

  if (error != NULL)
    {
      g_autofree char *what = gh_graph_error_dup_sentence (error);

      /* Translators: the first %s is a saved connection, the second what went wrong */
      toast = g_strdup_printf (_("“%s” could not be checked: %s"), data->label, what);
    }
  else if (change == GH_RECHECK_NONE)
    /* Translators: %s is the name of a saved connection */
    toast = g_strdup_printf (_("“%s” works"), data->label);

  /* Anything else is on the welcome page as a banner. */
  if (toast != NULL)
    gh_ui_toast (GTK_WIDGET (data->self), toast);
}

static void
check_now_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GhSavedConnection *saved = gh_session_find_connection (self->session, id);
  CheckNowData *data;

  if (saved == NULL)
    return;

  data = g_new0 (CheckNowData, 1);
  data->self = g_object_ref (self);
  data->label = g_strdup (gh_saved_connection_get_label (saved));
  gh_session_recheck_async (self->session, id, self->cancellable, checked_now_cb, data);
}

static void
retry_keyring_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);

  gh_session_reload_async (self->session, self->cancellable, NULL, NULL);
}

static void
without_keyring_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gh_session_use_session_store (GH_WINDOW (widget)->session);
}

static void
refresh_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GhConnection *connection = gh_session_get_connection (self->session);

  if (connection == NULL || g_strcmp0 (gh_window_get_visible_page (self), "account") != 0)
    return;

  /* Without a report the check itself failed: run it again rather than the account. */
  if (gh_connection_get_report (connection) == NULL)
    {
      gh_account_view_set_loading (_gh_window_get_account_view (self));
      gh_session_retry_async (self->session, self->cancellable, opened_cb, g_object_ref (self));
      return;
    }

  if (gh_session_get_waba_id (self->session) == NULL)
    {
      _gh_window_open_account (self);
      return;
    }

  /* Staged edits survive: the people grid reads the list again around them. */
  gh_account_view_reload (_gh_window_get_account_view (self));
}

static void
select_account_confirmed (GhWindow *self,
                          gpointer  data)
{
  gh_session_select_waba (self->session, data);
}

static void
select_account_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _gh_window_confirm_discard (GH_WINDOW (widget), select_account_confirmed,
                              g_variant_dup_string (parameter, NULL), g_free);
}

static void
navigate_back (GhWindow *self,
               gpointer  data)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  GhSessionOrigin origin = gh_session_get_origin (self->session);

  if (g_strcmp0 (page, "check") == 0
      && (origin == GH_SESSION_ORIGIN_NEW || origin == GH_SESSION_ORIGIN_REPLACING))
    {
      /* The pasted token is still in the field, ready to be corrected. */
      _gh_window_show_page (self, "token");
      return;
    }

  if (g_strcmp0 (page, "guide") == 0 && g_strcmp0 (self->guide_return_page, "check") == 0)
    {
      _gh_window_show_page (self, "check");
      return;
    }

  if (g_strcmp0 (page, "token") == 0 && gh_session_get_replacing_id (self->session) == NULL)
    {
      self->guide_return_page = "welcome";
      _gh_window_show_page (self, "guide");
      return;
    }

  if (g_strcmp0 (page, "token") != 0)
    gh_session_close (self->session);

  if (self->token_page != NULL)
    gh_token_page_set_busy (self->token_page, FALSE);
  gh_session_set_replacing_id (self->session, NULL);
  _gh_window_show_page (self, "welcome");
  gh_session_reload_async (self->session, self->cancellable, NULL, NULL);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "account") == 0)
    _gh_window_confirm_discard (self, navigate_back, NULL, NULL);
  else
    navigate_back (self, NULL);
}

/* Who has access to what across every saved connection, or its review: decisions about the
 * account shown are staged in its grid. */
static void
access_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GhWindow *self = GH_WINDOW (widget);
  GhAccessWindow *window;

  window = gh_access_window_new (GTK_WINDOW (self), self->session,
                                 gh_people_page_get_editor (
                                   gh_account_view_get_people_page (_gh_window_get_account_view (self))));
  gh_access_window_show_review (window, g_str_equal (action_name, "win.access-review"));
  gtk_window_present (GTK_WINDOW (window));
}

static void
shortcuts_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (gh_shortcuts_window_new (GTK_WINDOW (widget))));
}

void
_gh_window_install_actions (GtkWidgetClass *widget_class)
{
  /* GtkApplicationWindow's name for it, which the main menu uses. */
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   shortcuts_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-connection", "s",
                                   open_connection_action_cb);
  gtk_widget_class_install_action (widget_class, "win.try-demo", NULL, try_demo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.set-up", NULL, set_up_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-token", NULL, show_token_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-report", NULL,
                                   show_report_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-account", NULL,
                                   show_account_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-fix", "i", show_fix_action_cb);
  gtk_widget_class_install_action (widget_class, "win.replace-token", "s",
                                   replace_token_action_cb);
  gtk_widget_class_install_action (widget_class, "win.select-account", "s",
                                   select_account_action_cb);
  gtk_widget_class_install_action (widget_class, "win.rotate", "s", rotate_action_cb);
  gtk_widget_class_install_action (widget_class, "win.rotate-open", NULL,
                                   rotate_open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL,
                                   preferences_action_cb);
  gtk_widget_class_install_action (widget_class, "win.rename", "s", rename_action_cb);
  gtk_widget_class_install_action (widget_class, "win.forget", "s", forget_action_cb);
  gtk_widget_class_install_action (widget_class, "win.check-now", "s", check_now_action_cb);
  gtk_widget_class_install_action (widget_class, "win.retry-keyring", NULL,
                                   retry_keyring_action_cb);
  gtk_widget_class_install_action (widget_class, "win.without-keyring", NULL,
                                   without_keyring_action_cb);

  gtk_widget_class_install_action (widget_class, "win.access-overview", NULL,
                                   access_action_cb);
  gtk_widget_class_install_action (widget_class, "win.access-review", NULL, access_action_cb);

  gtk_widget_class_install_action (widget_class, "nav.back", NULL, back_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "nav.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "nav.back", NULL);
  gtk_widget_class_install_action (widget_class, "account.refresh", NULL, refresh_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "account.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "account.refresh", NULL);
}
