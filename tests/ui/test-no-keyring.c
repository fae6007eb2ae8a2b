/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-application.h"
#include "gh-check-page.h"
#include "gh-demo-server.h"
#include "gh-guide-page.h"
#include "gh-token-page-private.h"
#include "gh-ui-test-util.h"
#include "gh-welcome-page.h"
#include "gh-window.h"

/* Run by without-secret-service.sh on a bus with no Secret Service: Gatehouse says so in
 * plain words, and a person can still check a token and use the account for the session. */

static GhApplication *application;
static GhDemoServer *server;

static gboolean
page_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (gh_window_get_visible_page (args[0]), args[1]) == 0;
}

static void
wait_for_page (GhWindow   *window,
               const char *page)
{
  gpointer args[] = { window, (gpointer) page };

  if (!gh_test_wait_for (page_is, args, 20000))
    g_error ("The window shows “%s”, not “%s”", gh_window_get_visible_page (window), page);
}

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;

  return gh_test_find_label (args[0], args[1]) != NULL;
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gpointer args[] = { root, (gpointer) text };

  if (!gh_test_wait_for (label_shown, args, 20000))
    g_error ("No label with “%s”", text);
}

static GtkWidget *
find (GhWindow *window,
      GType     type)
{
  GtkWidget *widget = gh_test_find_widget_of_type (GTK_WIDGET (window), type);

  g_assert_nonnull (widget);
  return widget;
}

static GhWindow *
new_window (void)
{
  GhWindow *window = gh_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 760);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
check_and_accept (GhWindow *window)
{
  GtkWidget *welcome = find (window, GH_TYPE_WELCOME_PAGE);
  GtkWidget *token_page;

  gtk_widget_activate_action (welcome, "win.set-up", NULL);
  wait_for_page (window, "guide");
  gtk_widget_activate_action (find (window, GH_TYPE_GUIDE_PAGE), "guide.skip-to-token", NULL);
  wait_for_page (window, "token");
  token_page = find (window, GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));
  wait_for_page (window, "check");
  wait_for_label (find (window, GH_TYPE_CHECK_PAGE), "This Token Works");
  g_assert_true (gtk_widget_activate_action (find (window, GH_TYPE_CHECK_PAGE), "check.accept",
                                             NULL));
}

static AdwMessageDialog *
wait_for_dialog (GhWindow *window)
{
  for (guint tries = 0; tries < 2000; tries++)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
            && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
          return l->data;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  g_error ("No dialog appeared");
}

/* Saving fails, nothing is lost, and "Continue Without Saving" opens the account. */
static void
test_save_offers_session (void)
{
  GhWindow *window = new_window ();
  GtkWidget *welcome = find (window, GH_TYPE_WELCOME_PAGE);
  AdwMessageDialog *dialog;
  g_autofree char *kept = NULL;

  /* The welcome page says what is wrong and how to fix it. */
  wait_for_label (welcome, "no keyring");
  g_assert_nonnull (gh_test_find_label (welcome, "“login”"));
  g_assert_nonnull (gh_test_find_label (welcome, "Continue Without Saving"));

  check_and_accept (window);
  dialog = wait_for_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Token Could Not Be Saved");
  g_assert_nonnull (g_strstr_len (adw_message_dialog_get_body (dialog), -1, "no keyring"));
  g_assert_true (adw_message_dialog_has_response (dialog, "session"));

  /* Still on the report, with the pasted token in its field. */
  g_assert_cmpstr (gh_window_get_visible_page (window), ==, "check");
  kept = gh_token_page_dup_token (GH_TOKEN_PAGE (find (window, GH_TYPE_TOKEN_PAGE)));
  g_assert_cmpstr (kept, ==, GH_DEMO_TOKEN_ADMIN);

  adw_message_dialog_response (dialog, "session");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_page (window, "account");
  wait_for_label (GTK_WIDGET (window), GH_DEMO_WABA_NAME);
  g_assert_true (gh_token_store_is_in_memory (gh_session_get_token_store (gh_application_get_session (application))));

  /* Listed for the rest of the session, said to be kept only until Gatehouse closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "nav.back", NULL));
  wait_for_page (window, "welcome");
  wait_for_label (welcome, "last until you close Gatehouse");
  wait_for_label (welcome, GH_DEMO_BUSINESS_NAME);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  g_setenv ("GATEHOUSE_GRAPH_URL", gh_demo_server_get_url (server), TRUE);

  application = gh_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/no-keyring/save-offers-session", test_save_offers_session);

  status = g_test_run ();
  g_clear_object (&application);
  g_clear_object (&server);

  return status;
}
