/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gh-application.h"
#include "gh-connection.h"
#include "gh-demo-server.h"
#include "gh-graph-error.h"
#include "gh-token-text.h"
#include "gh-window.h"

/* The application: command-line options, app-wide actions, the token store and, in demo
 * mode, the demo Graph server running on loopback inside this process. */
struct _GhApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GhTokenStore   *token_store;
  GhDemoServer   *demo_server;
  gboolean        demo_mode;
};

G_DEFINE_FINAL_TYPE (GhApplication, gh_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open the built-in demo account (no Meta account needed)"), NULL },
  { "check", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check the saved connections and exit: 0 when they work, 1 when something required is "
       "missing, 2 when they could not be checked"), NULL },
  { "connection", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --check, check only the saved connection with this name"), N_("NAME") },
  { "token-stdin", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --check, check the token read from standard input instead (never saved)"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/* Exit codes of --check, for scripts and deploy pipelines. */
enum {
  CHECK_EXIT_OK = 0,
  CHECK_EXIT_MISSING = 1,
  CHECK_EXIT_COULD_NOT_CHECK = 2,
};

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

/* --check runs before any display is opened, so it can run on a server without one; it
 * waits for each asynchronous step on a loop of its own. */
static GAsyncResult *
wait_for_result (Wait *wait)
{
  g_clear_object (&wait->result);
  g_main_loop_run (wait->loop);
  return wait->result;
}

static int
check_token (GhApplication     *self,
             Wait              *wait,
             const char        *token,
             GhSavedConnection *saved)
{
  g_autofree char *version = NULL;
  g_autoptr(GhGraphClient) client = NULL;
  g_autoptr(GhConnection) connection = NULL;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  version = g_settings_get_string (self->settings, "graph-api-version");
  client = gh_graph_client_new_from_environment (version, &error);
  if (client == NULL)
    {
      g_printerr ("%s\n", error->message);
      return CHECK_EXIT_COULD_NOT_CHECK;
    }

  connection = gh_connection_new (client, token, saved);
  gh_connection_check_async (connection, NULL, wait_cb, wait);
  report = gh_connection_check_finish (connection, wait_for_result (wait), &error);
  if (report == NULL)
    {
      if (error->domain == GH_GRAPH_ERROR)
        g_printerr ("%s %s\n", gh_graph_error_code_to_summary (error->code),
                    gh_graph_error_code_to_next_step (error->code));
      else
        g_printerr ("%s\n", error->message);
      return CHECK_EXIT_COULD_NOT_CHECK;
    }

  text = gh_check_report_to_text (report);
  g_print ("%s\n", text);

  return gh_check_report_get_passed (report) ? CHECK_EXIT_OK : CHECK_EXIT_MISSING;
}

static char *
read_token_from_stdin (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  char buffer[512];
  size_t n;
  char *token = NULL;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0 && input->len < 64 * 1024)
    g_string_append_len (input, buffer, n);

  token = g_strndup (input->str, input->len);
  explicit_bzero (input->str, input->allocated_len);
  explicit_bzero (buffer, sizeof buffer);

  return token;
}

static int
run_check (GhApplication *self,
           const char    *connection_name,
           gboolean       token_stdin)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, NULL };
  g_autoptr(GhTokenStore) store = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;
  int status = CHECK_EXIT_OK;
  guint checked = 0;

  self->settings = g_settings_new (APP_ID);

  if (token_stdin)
    {
      char *input = read_token_from_stdin ();
      char *token = NULL;
      GhTokenTextProblem problem = gh_token_text_diagnose (input, &token);

      gh_token_text_free (input);
      if (problem != GH_TOKEN_TEXT_OK)
        {
          g_printerr ("%s\n", gh_token_text_problem_message (problem));
          return CHECK_EXIT_MISSING;
        }

      status = check_token (self, &wait, token, NULL);
      gh_token_text_free (token);
      g_clear_object (&wait.result);
      return status;
    }

  store = gh_token_store_new ();
  gh_token_store_list_async (store, NULL, wait_cb, &wait);
  connections = gh_token_store_list_finish (store, wait_for_result (&wait), &error);
  if (connections == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_clear_object (&wait.result);
      return CHECK_EXIT_COULD_NOT_CHECK;
    }

  for (guint i = 0; i < connections->len; i++)
    {
      GhSavedConnection *saved = g_ptr_array_index (connections, i);
      const char *label = gh_saved_connection_get_label (saved);
      char *token;
      int one;

      if (connection_name != NULL && g_strcmp0 (connection_name, label) != 0
          && g_strcmp0 (connection_name, gh_saved_connection_get_id (saved)) != 0)
        continue;

      checked++;
      /* Translators: %s is the name of a saved connection */
      g_print (_("Connection “%s”"), label);
      g_print ("\n");

      gh_token_store_load_async (store, gh_saved_connection_get_id (saved), NULL, wait_cb,
                                 &wait);
      token = gh_token_store_load_finish (store, wait_for_result (&wait), &error);
      if (token == NULL)
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          status = MAX (status, CHECK_EXIT_COULD_NOT_CHECK);
          continue;
        }

      one = check_token (self, &wait, token, saved);
      gh_token_store_free_token (token);
      status = MAX (status, one);
    }

  g_clear_object (&wait.result);

  if (checked == 0)
    {
      if (connection_name != NULL)
        /* Translators: %s is the name given on the command line */
        g_printerr (_("There is no saved connection called “%s”."), connection_name);
      else
        g_printerr (_("There are no saved connections. Open Gatehouse to set one up, or pass a "
                      "token with --token-stdin."));
      g_printerr ("\n");
      return CHECK_EXIT_COULD_NOT_CHECK;
    }

  return status;
}

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
                         NULL);
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
      return run_check (self, connection_name, g_variant_dict_contains (options, "token-stdin"));
    }

  if (g_variant_dict_contains (options, "connection")
      || g_variant_dict_contains (options, "token-stdin"))
    {
      g_printerr ("%s\n", _("--connection and --token-stdin only go with --check."));
      return CHECK_EXIT_COULD_NOT_CHECK;
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

  G_APPLICATION_CLASS (gh_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  self->settings = g_settings_new (APP_ID);
  self->token_store = self->demo_mode ? gh_token_store_new_in_memory () : gh_token_store_new ();
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

  g_clear_object (&self->settings);
  g_clear_object (&self->token_store);
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

GhTokenStore *
gh_application_get_token_store (GhApplication *self)
{
  g_return_val_if_fail (GH_IS_APPLICATION (self), NULL);

  return self->token_store;
}

void
gh_application_use_session_store (GhApplication *self)
{
  g_return_if_fail (GH_IS_APPLICATION (self));

  if (gh_token_store_is_in_memory (self->token_store))
    return;

  g_clear_object (&self->token_store);
  self->token_store = gh_token_store_new_in_memory ();
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

GhGraphClient *
gh_application_create_client (GhApplication  *self,
                              GError        **error)
{
  g_autofree char *version = NULL;

  g_return_val_if_fail (GH_IS_APPLICATION (self), NULL);

  if (self->demo_mode)
    return gh_application_create_demo_client (self, error);

  version = g_settings_get_string (self->settings, "graph-api-version");
  return gh_graph_client_new_from_environment (version, error);
}

GhGraphClient *
gh_application_create_demo_client (GhApplication  *self,
                                   GError        **error)
{
  g_autofree char *version = NULL;

  g_return_val_if_fail (GH_IS_APPLICATION (self), NULL);

  /* The demo server lives as long as the application: started on first use only, so a
   * normal start costs nothing for it. */
  if (self->demo_server == NULL)
    {
      self->demo_server = gh_demo_server_new (error);
      if (self->demo_server == NULL)
        return NULL;
    }

  version = g_settings_get_string (self->settings, "graph-api-version");
  return gh_graph_client_new (gh_demo_server_get_url (self->demo_server), version, error);
}
