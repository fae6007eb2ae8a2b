/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gh-application.h"
#include "gh-check-page.h"
#include "gh-demo-server.h"
#include "gh-secret.h"
#include "gh-test-util.h"
#include "gh-token-page-private.h"
#include "gh-ui-test-util.h"
#include "gh-window.h"

/* A locked keyring, met through the window, with a real gnome-keyring on a bus of its own
 * (tests/core/with-gnome-keyring.sh --window): no prompt can be shown there, as after an
 * autologin, so asking to unlock is refused just as a person cancelling the prompt is.  Saving
 * a pasted token says what happened and offers a way on; the pasted token stays in its field
 * and the connection saved before stays listed. */

#define SAVED_LABEL "Saved before the lock"

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
  if (!gh_test_wait_for (page_is, (gpointer[]) { window, (gpointer) page }, 20000))
    g_error ("The window shows “%s”, not “%s”", gh_window_get_visible_page (window), page);
}

static void
lock_keyring (void)
{
  const char *paths[] = { "/org/freedesktop/secrets/collection/login", NULL };
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "Lock",
                                       g_variant_new ("(^ao)", paths), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
listed (gpointer data)
{
  GListModel *connections = gh_session_get_connections (data);

  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(GhSavedConnection) connection = g_list_model_get_item (connections, i);

      if (g_strcmp0 (gh_saved_connection_get_label (connection), SAVED_LABEL) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_locked_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GhDemoServer) server = gh_test_demo_server_new ();
  g_autoptr(GhApplication) application = NULL;
  g_autoptr(GhSavedConnection) saved = gh_saved_connection_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *body = NULL;
  g_auto(GhSecretString) kept = NULL;
  GhTokenStore *store;
  GhSession *session;
  GhWindow *window;
  GtkWidget *token_page;
  AdwMessageDialog *dialog;
  gpointer weak;

  g_setenv ("GATEHOUSE_GRAPH_URL", gh_demo_server_get_url (server), TRUE);
  application = gh_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  session = gh_application_get_session (application);
  store = gh_session_get_token_store (session);

  /* A connection saved while the keyring was open, then the keyring locks. */
  gh_saved_connection_set_label (saved, SAVED_LABEL);
  gh_token_store_save_async (store, saved, GH_DEMO_TOKEN_SIXTY_DAY, NULL,
                             gh_test_keep_result_cb, &result);
  g_assert_true (gh_token_store_save_finish (store, gh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  lock_keyring ();

  window = gh_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gh_test_wait_for (listed, session, 20000));

  /* A new token, pasted and checked: saving it meets the lock. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-up", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-token", NULL));
  wait_for_page (window, "token");
  token_page = gh_test_find_widget_of_type (GTK_WIDGET (window), GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));
  wait_for_page (window, "check");
  g_assert_true (gtk_widget_activate_action (
    gh_test_find_widget_of_type (GTK_WIDGET (window), GH_TYPE_CHECK_PAGE), "check.accept", NULL));

  /* What happened, what to do, and a way on without the keyring. */
  dialog = ADW_MESSAGE_DIALOG (gh_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Token Could Not Be Saved");
  body = g_strdup (adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (body, "keyring"));
  g_assert_nonnull (strstr (body, "Unlock"));
  g_assert_null (strstr (body, "EAAG"));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));
  g_assert_true (adw_message_dialog_has_response (dialog, "session"));

  /* Cancelled: nothing is lost, on the page or in the keyring's list. */
  gh_test_respond (GTK_WIDGET (dialog), "Cancel");
  g_assert_cmpstr (gh_window_get_visible_page (window), ==, "check");
  kept = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_cmpstr (kept, ==, GH_DEMO_TOKEN_ADMIN);
  g_assert_true (listed (session));

  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (gh_test_wait_for (gh_test_pointer_cleared, &weak, 5000));
  gh_session_close (session);
  g_unsetenv ("GATEHOUSE_GRAPH_URL");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/keyring-window/locked", test_locked_keyring);

  return g_test_run ();
}
