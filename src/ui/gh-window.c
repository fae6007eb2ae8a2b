/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-graph-error.h"
#include "gh-ui-util.h"
#include "gh-window-private.h"

/* The main window is a view over the session: it walks a person from the welcome page
 * through the token and its check to the account, and shows what the session holds.  What
 * a person asks for are actions (gh-window-actions.c); the questions asked before doing it
 * are in gh-window-dialogs.c. */

G_DEFINE_FINAL_TYPE (GhWindow, gh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_gh_window_show_page (GhWindow   *self,
                      const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static GhCheckReport *
open_report (GhWindow *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);

  return connection != NULL ? gh_connection_get_report (connection) : NULL;
}

/* The account banner: only what still lets the account open needs one there; the rest shows
 * the report. */
static void
update_account_banner (GhWindow *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);
  GhSavedConnection *saved = connection != NULL ? gh_connection_get_saved (connection) : NULL;
  GhRecheckFinding *finding = NULL;
  GhRecheckChange change;
  gboolean shown;

  if (saved != NULL && gh_session_get_origin (self->session) == GH_SESSION_ORIGIN_SAVED)
    finding = gh_session_find_finding (self->session, gh_saved_connection_get_id (saved));

  change = finding != NULL ? gh_recheck_finding_get_change (finding) : GH_RECHECK_NONE;
  shown = change == GH_RECHECK_EXPIRES_SOON || change == GH_RECHECK_PERMISSION_LOST;
  gh_banner_set_title (self->account_banner,
                       shown ? gh_recheck_finding_get_message (finding) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->account_banner), shown);
}

static void
select_waba_quietly (GhWindow   *self,
                     const char *waba_id)
{
  guint position;

  if (self->waba_ids == NULL || waba_id == NULL
      || !g_ptr_array_find_with_equal_func (self->waba_ids, waba_id, g_str_equal, &position))
    return;

  g_signal_handler_block (self->waba_dropdown, self->waba_selected_id);
  gtk_drop_down_set_selected (self->waba_dropdown, position);
  g_signal_handler_unblock (self->waba_dropdown, self->waba_selected_id);
}

static void
switch_to_pending_waba (GhWindow *self,
                        gpointer  data)
{
  g_autofree char *waba_id = g_steal_pointer (&self->pending_waba_id);

  if (waba_id != NULL)
    gh_session_select_waba (self->session, waba_id);
}

static void
waba_selected_cb (GhWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->waba_dropdown);
  const char *shown = gh_session_get_waba_id (self->session);

  if (self->waba_ids == NULL || position >= self->waba_ids->len
      || g_strcmp0 (g_ptr_array_index (self->waba_ids, position), shown) == 0)
    return;

  g_free (self->pending_waba_id);
  self->pending_waba_id = g_strdup (g_ptr_array_index (self->waba_ids, position));

  /* Until the person agrees to drop unapplied edits, the switcher keeps showing the account
   * those edits belong to. */
  select_waba_quietly (self, shown);
  _gh_window_confirm_discard (self, switch_to_pending_waba, NULL, NULL);
}

/* One entry per account the check found, readable or not: an unreadable one explains
 * itself on the overview. */
static void
fill_waba_switcher (GhWindow *self)
{
  GhCheckReport *report = open_report (self);
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

static const char *
known_waba_name (GhWindow   *self,
                 const char *waba_id)
{
  GhCheckReport *report = open_report (self);
  GPtrArray *wabas = report != NULL ? gh_check_report_get_wabas (report) : NULL;

  for (guint i = 0; wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);

      if (g_strcmp0 (gh_check_waba_get_id (check_waba), waba_id) == 0
          && gh_check_waba_get_waba (check_waba) != NULL)
        return gh_waba_get_name (gh_check_waba_get_waba (check_waba));
    }

  return NULL;
}

/* A new account is shown: the header names it at once, the overview reads it (it follows
 * the session by itself) and the people grid reads who is assigned to it. */
static void
waba_id_changed_cb (GhWindow *self)
{
  const char *waba_id = gh_session_get_waba_id (self->session);
  const char *name;
  GhCheckReport *report;

  if (waba_id == NULL)
    return;

  name = known_waba_name (self, waba_id);
  adw_view_switcher_title_set_title (self->switcher_title, name != NULL ? name : waba_id);
  adw_view_switcher_title_set_subtitle (self->switcher_title, "");
  select_waba_quietly (self, waba_id);

  report = open_report (self);
  gh_people_page_load (self->people_page,
                       gh_connection_get_client (gh_session_get_connection (self->session)),
                       waba_id, gh_session_get_business_id (self->session),
                       report != NULL ? gh_check_report_get_user_id (report) : NULL,
                       report != NULL && gh_check_report_get_is_admin (report) == 1);
}

static void
waba_loaded_cb (GhWindow *self)
{
  GhWaba *waba = gh_account_page_get_waba (self->account_page);

  if (waba == NULL)
    return;

  if (gh_waba_get_name (waba) != NULL)
    adw_view_switcher_title_set_title (self->switcher_title, gh_waba_get_name (waba));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        gh_waba_get_owner_business_name (waba) != NULL
                                        ? gh_waba_get_owner_business_name (waba) : "");
}

void
_gh_window_open_account (GhWindow *self)
{
  fill_waba_switcher (self);
  update_account_banner (self);
  _gh_window_show_page (self, "account");

  if (gh_session_open_account (self->session) == NULL)
    {
      g_autoptr(GError) error =
        g_error_new_literal (GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION,
                             _("This token does not reach any WhatsApp Business Account."));

      gh_people_page_clear (self->people_page);
      gh_account_page_set_error (self->account_page, error);
    }
}

void
_gh_window_show_check_result (GhWindow *self)
{
  GhSessionOrigin origin = gh_session_get_origin (self->session);
  GhCheckReport *report = open_report (self);
  gboolean pasted = origin == GH_SESSION_ORIGIN_NEW || origin == GH_SESSION_ORIGIN_REPLACING;

  if (report == NULL)
    return;

  update_account_banner (self);

  /* A saved or demo connection that still passes goes straight to its account; anything
   * new, or anything that changed for the worse, shows the report first. */
  if (!pasted && gh_check_report_get_passed (report))
    {
      _gh_window_open_account (self);
      return;
    }

  gh_check_page_set_saved (self->check_page, origin == GH_SESSION_ORIGIN_SAVED);
  gh_check_page_set_report (self->check_page, report, pasted);
  _gh_window_show_page (self, "check");
}

static void
findings_changed_cb (GhWindow *self)
{
  update_account_banner (self);
}

static void
account_banner_clicked_cb (GhWindow *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);
  GhSavedConnection *saved = connection != NULL ? gh_connection_get_saved (connection) : NULL;

  if (saved != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.replace-token", "s",
                                gh_saved_connection_get_id (saved));
}

static void
close_confirmed (GhWindow *self,
                 gpointer  data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gh_window_close_request (GtkWindow *window)
{
  GhWindow *self = GH_WINDOW (window);
  GSettings *settings = gh_session_get_settings (self->session);
  int width, height;

  if (!self->close_confirmed && gh_people_page_has_changes (self->people_page))
    {
      _gh_window_confirm_discard (self, close_confirmed, NULL, NULL);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (gh_window_parent_class)->close_request (window);
}

/* A destroyed window leaves its application at once but may be disposed only later, when
 * the last answer in flight lets go of it: stop everything now. */
static void
application_changed_cb (GhWindow *self)
{
  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
gh_window_constructed (GObject *object)
{
  GhWindow *self = GH_WINDOW (object);
  GSettings *settings = gh_session_get_settings (self->session);

  G_OBJECT_CLASS (gh_window_parent_class)->constructed (object);

  g_object_set (self->welcome_page, "session", self->session, NULL);
  gh_guide_page_set_settings (self->guide_page, settings);
  g_object_set (self->token_page, "session", self->session, NULL);
  g_object_set (self->check_page, "session", self->session, NULL);
  g_object_set (self->account_page, "session", self->session, NULL);
  gh_people_page_set_session (self->people_page, self->session);

  g_signal_connect_object (self->session, "notify::waba-id",
                           G_CALLBACK (waba_id_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_session_get_findings (self->session), "items-changed",
                           G_CALLBACK (findings_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gh_session_reload_async (self->session, self->cancellable, NULL, NULL);
}

static void
gh_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GhWindow *self = GH_WINDOW (object);

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
gh_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GhWindow *self = GH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_window_dispose (GObject *object)
{
  GhWindow *self = GH_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->waba_ids, g_ptr_array_unref);
  g_clear_pointer (&self->pending_waba_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gh_window_parent_class)->dispose (object);
}

static void
gh_window_class_init (GhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gh_window_constructed;
  object_class->dispose = gh_window_dispose;
  object_class->get_property = gh_window_get_property;
  object_class->set_property = gh_window_set_property;
  window_class->close_request = gh_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _gh_window_install_actions (widget_class);

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
  gtk_widget_class_bind_template_callback (widget_class, account_banner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, waba_loaded_cb);
}

static void
gh_window_init (GhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->guide_return_page = "welcome";
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

  self = g_object_new (GH_TYPE_WINDOW,
                       "application", application,
                       "session", gh_application_get_session (application),
                       NULL);

  if (gh_application_get_demo_mode (application))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  return self;
}

GhSession *
gh_window_get_session (GhWindow *self)
{
  g_return_val_if_fail (GH_IS_WINDOW (self), NULL);

  return self->session;
}

void
gh_window_open_demo (GhWindow *self)
{
  g_return_if_fail (GH_IS_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.try-demo", NULL);
}

const char *
gh_window_get_visible_page (GhWindow *self)
{
  g_return_val_if_fail (GH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
