/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-application.h"
#include "gh-background.h"
#include "gh-check-cli.h"
#include "gh-demo-server.h"
#include "gh-help-window.h"
#include "gh-window.h"

/* The application: command-line options, app-wide actions, the session every window shows
 * and, for the demo, the demo Graph server running on loopback inside this process. */
struct _GhApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GhSession      *session;
  GhDemoServer   *demo_server;
  GhHelpWindow   *help_window;     /* weak: the window closes on its own */
  gboolean        demo_mode;
};

G_DEFINE_FINAL_TYPE (GhApplication, gh_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open the built-in demo account (no Meta account needed)"), NULL },
  { "check", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check the saved connections and exit: 0 when they work, 1 when something is not "
       "ready, 2 when they could not be checked"), NULL },
  { "connection", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --check, check only the saved connection with this name"), N_("NAME") },
  { "token-stdin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --check, check the token read from standard input instead (never saved)"), NULL },
  { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --check, print one JSON object per connection instead of text"), NULL },
  { "background-check", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check the saved connections quietly, at most once a day, send a notification for a "
       "token that ends soon or has stopped working, and exit (used at login when reminders "
       "are on)"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GhApplication *self = user_data;
  static const char *developers[] = { "The Gatehouse authors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Gatehouse"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Gatehouse authors"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/gatehouse-app/gatehouse",
                         "issue-url", "https://github.com/gatehouse-app/gatehouse/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Gatehouse authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Give your help desk or chatbot safe access to "
                                       "WhatsApp Business."),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Opens Troubleshooting on the problem named by the parameter ("" for all of them), so an
 * error page can link straight to its explanation. */
static void
help_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GhApplication *self = user_data;

  if (self->help_window == NULL)
    {
      GtkWindow *parent = NULL;

      /* It belongs to the main window the person last used, not to a dialog about to close. */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self));
           l != NULL && parent == NULL; l = l->next)
        if (GH_IS_WINDOW (l->data))
          parent = l->data;

      self->help_window = gh_help_window_new ();
      g_object_add_weak_pointer (G_OBJECT (self->help_window), (gpointer *) &self->help_window);
      gtk_window_set_application (GTK_WINDOW (self->help_window), GTK_APPLICATION (self));
      gtk_window_set_transient_for (GTK_WINDOW (self->help_window), parent);
    }

  gh_help_window_show_topic (self->help_window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (self->help_window));
}

/* The window that shows the app, made when there is none (a click on a reminder may start
 * the app just for that). */
static GtkWidget *
present_main_window (GhApplication *self)
{
  GtkWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GH_IS_WINDOW (l->data))
      {
        window = l->data;
        break;
      }

  if (window == NULL)
    window = GTK_WINDOW (gh_window_new (self));
  gtk_window_present (window);

  return GTK_WIDGET (window);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  gtk_widget_activate_action (present_main_window (user_data), "win.preferences", NULL);
}

/* What a click on a reminder asks for: the connection's replacement, or its report. */
static void
rotate_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gtk_widget_activate_action (present_main_window (user_data), "win.rotate", "s",
                              g_variant_get_string (parameter, NULL));
}

static void
open_connection_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  gtk_widget_activate_action (present_main_window (user_data), "win.open-connection", "s",
                              g_variant_get_string (parameter, NULL));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GhApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close rather than quit so each window saves its state and can ask about unsaved work. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "help", help_action_cb, "s" },
  { "preferences", preferences_action_cb },
  { "rotate", rotate_action_cb, "s" },
  { "open-connection", open_connection_action_cb, "s" },
  { "quit", quit_action_cb },
};

static int
gh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  GhApplication *self = GH_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "check"))
    {
      const char *connection_name = NULL;

      g_variant_dict_lookup (options, "connection", "&s", &connection_name);
      self->settings = g_settings_new (APP_ID);
      return gh_check_cli_run (self->settings, connection_name,
                               g_variant_dict_contains (options, "token-stdin"),
                               g_variant_dict_contains (options, "json"));
    }

  if (g_variant_dict_contains (options, "background-check"))
    {
      self->settings = g_settings_new (APP_ID);
      return gh_background_run (self->settings);
    }

  if (g_variant_dict_contains (options, "connection")
      || g_variant_dict_contains (options, "token-stdin")
      || g_variant_dict_contains (options, "json"))
    {
      g_printerr ("%s\n", _("--connection, --token-stdin and --json only go with --check."));
      return GH_CHECK_EXIT_COULD_NOT_CHECK;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      /* A demo instance must not hand its window to a real one already running. */
      self->demo_mode = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
gh_application_startup (GApplication *app)
{
  GhApplication *self = GH_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (gh_application_parent_class)->startup (app);

  /* GtkApplication has put the icons in our resources on the icon theme's path, so the
   * windows and About find the app's icon even when it is run from the build tree. */
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help('')", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  self->settings = g_settings_new (APP_ID);
  if (self->demo_mode)
    {
      g_autoptr(GhTokenStore) store = gh_token_store_new_in_memory ();
      g_autoptr(GError) error = NULL;
      const char *url = gh_application_start_demo_server (self, &error);

      /* Without its server the demo falls back to what it would reach anyway: nothing but
       * loopback, which then says it cannot connect. */
      if (url == NULL)
        g_warning ("The demo server did not start: %s", error->message);
      self->session = gh_session_new (self->settings, store, url);
    }
  else
    {
      g_autoptr(GhTokenStore) store = gh_token_store_new ();

      self->session = gh_session_new (self->settings, store, NULL);
    }
}

static void
gh_application_activate (GApplication *app)
{
  GhApplication *self = GH_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (gh_window_new (self));
      if (self->demo_mode)
        gh_window_open_demo (GH_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
gh_application_shutdown (GApplication *app)
{
  GhApplication *self = GH_APPLICATION (app);

  G_APPLICATION_CLASS (gh_application_parent_class)->shutdown (app);

  g_clear_object (&self->demo_server);
}

static void
gh_application_finalize (GObject *object)
{
  GhApplication *self = GH_APPLICATION (object);

  g_clear_weak_pointer (&self->help_window);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->demo_server);

  G_OBJECT_CLASS (gh_application_parent_class)->finalize (object);
}

static void
gh_application_class_init (GhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gh_application_finalize;

  app_class->handle_local_options = gh_application_handle_local_options;
  app_class->startup = gh_application_startup;
  app_class->activate = gh_application_activate;
  app_class->shutdown = gh_application_shutdown;
}

static void
gh_application_init (GhApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Connect your tools to WhatsApp Business safely."));
}

GhApplication *
gh_application_new (void)
{
  return g_object_new (GH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

GhSession *
gh_application_get_session (GhApplication *self)
{
  g_return_val_if_fail (GH_IS_APPLICATION (self), NULL);

  return self->session;
}

GSettings *
gh_application_get_settings (GhApplication *self)
{
  g_return_val_if_fail (GH_IS_APPLICATION (self), NULL);

  return self->settings;
}

gboolean
gh_application_get_demo_mode (GhApplication *self)
{
  g_return_val_if_fail (GH_IS_APPLICATION (self), FALSE);

  return self->demo_mode;
}

const char *
gh_application_start_demo_server (GhApplication  *self,
                                  GError        **error)
{
  g_return_val_if_fail (GH_IS_APPLICATION (self), NULL);

  /* The demo server lives as long as the application: started on first use only, so a
   * normal start costs nothing for it. */
  if (self->demo_server == NULL)
    {
      self->demo_server = gh_demo_server_new (error);
      if (self->demo_server == NULL)
        return NULL;
    }

  return gh_demo_server_get_url (self->demo_server);
}

const char *
gh_application_get_demo_token (GhApplication *self)
{
  return GH_DEMO_TOKEN_ADMIN;
}

const char *
gh_application_get_demo_business_name (GhApplication *self)
{
  return GH_DEMO_BUSINESS_NAME;
}
