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

/* Pages but the welcome page are built when first shown: a start builds only what it
 * shows. */
static void
add_page (GhWindow   *self,
          GtkWidget  *page,
          const char *name)
{
  g_object_set (page, "session", self->session, NULL);
  gtk_stack_add_named (self->stack, page, name);
  gh_ui_name_mnemonic_buttons (page);
}

GhGuidePage *
_gh_window_get_guide_page (GhWindow *self)
{
  if (self->guide_page == NULL)
    {
      self->guide_page = g_object_new (GH_TYPE_GUIDE_PAGE, NULL);
      gh_guide_page_set_settings (self->guide_page, gh_session_get_settings (self->session));
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->guide_page), "guide");
      gh_ui_name_mnemonic_buttons (GTK_WIDGET (self->guide_page));
    }

  return self->guide_page;
}

GhTokenPage *
_gh_window_get_token_page (GhWindow *self)
{
  if (self->token_page == NULL)
    {
      self->token_page = g_object_new (GH_TYPE_TOKEN_PAGE, NULL);
      add_page (self, GTK_WIDGET (self->token_page), "token");
    }

  return self->token_page;
}

GhCheckPage *
_gh_window_get_check_page (GhWindow *self)
{
  if (self->check_page == NULL)
    {
      self->check_page = g_object_new (GH_TYPE_CHECK_PAGE, NULL);
      add_page (self, GTK_WIDGET (self->check_page), "check");
    }

  return self->check_page;
}

GhAccountView *
_gh_window_get_account_view (GhWindow *self)
{
  if (self->account_view == NULL)
    {
      self->account_view = g_object_new (GH_TYPE_ACCOUNT_VIEW, NULL);
      add_page (self, GTK_WIDGET (self->account_view), "account");
    }

  return self->account_view;
}

GhRotationPage *
_gh_window_get_rotation_page (GhWindow *self)
{
  if (self->rotation_page == NULL)
    {
      self->rotation_page = g_object_new (GH_TYPE_ROTATION_PAGE, NULL);
      add_page (self, GTK_WIDGET (self->rotation_page), "rotate");
    }

  return self->rotation_page;
}

gboolean
_gh_window_has_unapplied (GhWindow *self)
{
  return self->account_view != NULL
         && gh_people_page_has_changes (gh_account_view_get_people_page (self->account_view));
}

void
_gh_window_show_page (GhWindow   *self,
                      const char *name)
{
  if (g_str_equal (name, "guide"))
    _gh_window_get_guide_page (self);
  else if (g_str_equal (name, "token"))
    _gh_window_get_token_page (self);
  else if (g_str_equal (name, "check"))
    _gh_window_get_check_page (self);
  else if (g_str_equal (name, "account"))
    _gh_window_get_account_view (self);
  else if (g_str_equal (name, "rotate"))
    _gh_window_get_rotation_page (self);

  gtk_stack_set_visible_child_name (self->stack, name);
}

static GhCheckReport *
open_report (GhWindow *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);

  return connection != NULL ? gh_connection_get_report (connection) : NULL;
}

void
_gh_window_open_account (GhWindow *self)
{
  GhAccountView *view = _gh_window_get_account_view (self);

  _gh_window_show_page (self, "account");
  gh_account_view_open (view);
}

void
_gh_window_show_check_result (GhWindow *self)
{
  GhSessionOrigin origin = gh_session_get_origin (self->session);
  GhCheckReport *report = open_report (self);
  gboolean pasted = origin == GH_SESSION_ORIGIN_NEW || origin == GH_SESSION_ORIGIN_REPLACING;
  GhCheckPage *check_page;

  if (report == NULL)
    return;

  /* A saved or demo connection that still passes goes straight to its account; anything
   * new, or anything that changed for the worse, shows the report first. */
  if (!pasted && gh_check_report_get_passed (report))
    {
      _gh_window_open_account (self);
      return;
    }

  check_page = _gh_window_get_check_page (self);
  gh_check_page_set_saved (check_page, origin == GH_SESSION_ORIGIN_SAVED);
  gh_check_page_set_report (check_page, report, pasted);
  _gh_window_show_page (self, "check");
}

/* A pasted token was just saved (a new connection or a replacement): one that ends gets the
 * reminders offered.  Replacing is possible only for a saved connection. */
static void
origin_changed_cb (GhWindow *self)
{
  GhSessionOrigin origin = gh_session_get_origin (self->session);
  GhConnection *connection = gh_session_get_connection (self->session);
  GhSavedConnection *saved = connection != NULL ? gh_connection_get_saved (connection) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rotate-open",
                                 origin == GH_SESSION_ORIGIN_SAVED && saved != NULL);
  if (origin == GH_SESSION_ORIGIN_SAVED && saved != NULL
      && (self->previous_origin == GH_SESSION_ORIGIN_NEW
          || self->previous_origin == GH_SESSION_ORIGIN_REPLACING))
    _gh_window_offer_reminders (self, saved);
  self->previous_origin = origin;
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

  if (!self->close_confirmed && _gh_window_has_unapplied (self))
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

/* The saved connections are listed once the first frame is on screen: reading the keyring
 * may take a D-Bus round trip, or (the Secret portal's file) deriving a key, and a person
 * should see the window first. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GhWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  gh_session_reload_async (self->session, self->cancellable, NULL, NULL);
}

static void
mapped_cb (GhWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, mapped_cb, NULL);
  if (clock == NULL)
    {
      gh_session_reload_async (self->session, self->cancellable, NULL, NULL);
      return;
    }

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self, 0);
}

static void
gh_window_constructed (GObject *object)
{
  GhWindow *self = GH_WINDOW (object);
  GSettings *settings = gh_session_get_settings (self->session);

  G_OBJECT_CLASS (gh_window_parent_class)->constructed (object);

  g_object_set (self->welcome_page, "session", self->session, NULL);
  g_signal_connect_object (self->session, "notify::origin",
                           G_CALLBACK (origin_changed_cb), self, G_CONNECT_SWAPPED);
  self->previous_origin = gh_session_get_origin (self->session);
  origin_changed_cb (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  _gh_window_report_background (self);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/gh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GhWindow, welcome_page);
}

static void
gh_window_init (GhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->guide_return_page = "welcome";
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
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
