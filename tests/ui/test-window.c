/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "gh-account-page.h"
#include "gh-application.h"
#include "gh-check-page.h"
#include "gh-demo-server.h"
#include "gh-guide-page.h"
#include "gh-token-page.h"
#include "gh-ui-test-util.h"
#include "gh-welcome-page.h"
#include "gh-window.h"

/* A real window under Xvfb, a real HTTP server on loopback and libsecret's file backend:
 * a person's walk from a pasted token to the account overview. */

static GhApplication *application;

typedef struct
{
  char          *tmpdir;
  GhDemoServer  *server;
  GhApplication *app;
  GhWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keyring = NULL;

  fixture->tmpdir = g_dir_make_tmp ("gatehouse-window-XXXXXX", &error);
  g_assert_no_error (error);
  keyring = g_build_filename (fixture->tmpdir, "keyring", NULL);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);

  fixture->server = gh_demo_server_new (&error);
  g_assert_no_error (error);
  g_setenv ("GATEHOUSE_GRAPH_URL", gh_demo_server_get_url (fixture->server), TRUE);

  /* One application per process, as in real life; each test gets a new window. */
  if (application == NULL)
    {
      application = gh_application_new ();
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, &error);
      g_assert_no_error (error);
    }
  fixture->app = application;

  fixture->window = gh_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean
window_destroyed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer weak = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (gh_test_wait_for (window_destroyed, &weak, 5000));

  g_assert_finalize_object (fixture->server);
  g_unsetenv ("GATEHOUSE_GRAPH_URL");
  g_unsetenv ("SECRET_FILE_TEST_PATH");
  g_free (fixture->tmpdir);
}

typedef struct
{
  GhWindow   *window;
  const char *page;
  const char *text;
} PageWait;

static GtkStack *
find_stack (GhWindow *window)
{
  return GTK_STACK (gh_test_find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_STACK));
}

static gboolean
page_shows (gpointer data)
{
  PageWait *wait = data;

  if (g_strcmp0 (gh_window_get_visible_page (wait->window), wait->page) != 0)
    return FALSE;

  /* Only the page on screen counts: the one sliding away may show the same name. */
  return wait->text == NULL
         || gh_test_find_label (gtk_stack_get_visible_child (find_stack (wait->window)),
                                wait->text) != NULL;
}

static void
wait_for_page (GhWindow   *window,
               const char *page,
               const char *text)
{
  PageWait wait = { window, page, text };

  if (!gh_test_wait_for (page_shows, &wait, 20000))
    g_error ("The window shows “%s”, not “%s” with “%s”",
             gh_window_get_visible_page (window), page, text ? text : "");
}

static GtkWidget *
find_page (Fixture *fixture,
           GType    type)
{
  GtkWidget *page = gh_test_find_widget_of_type (GTK_WIDGET (fixture->window), type);

  g_assert_nonnull (page);
  return page;
}

/* "Set up access" opens the guide; someone who has a token skips to the token page. */
static void
open_token_page (Fixture *fixture)
{
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_WELCOME_PAGE), "welcome.set-up", NULL);
  wait_for_page (fixture->window, "guide", NULL);
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_GUIDE_PAGE), "guide.skip-to-token",
                              NULL);
  wait_for_page (fixture->window, "token", NULL);
}

typedef struct
{
  GPtrArray *connections;
  char      *token;
  gboolean   done;
} StoreResult;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  StoreResult *store_result = user_data;
  g_autoptr(GError) error = NULL;

  store_result->connections = gh_token_store_list_finish (GH_TOKEN_STORE (object), result,
                                                          &error);
  g_assert_no_error (error);
  store_result->done = TRUE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  StoreResult *store_result = user_data;
  g_autoptr(GError) error = NULL;

  store_result->token = gh_token_store_load_finish (GH_TOKEN_STORE (object), result, &error);
  g_assert_no_error (error);
  store_result->done = TRUE;
}

static gboolean
store_done (gpointer data)
{
  return ((StoreResult *) data)->done;
}

static void
test_token_to_overview (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *token_page;
  GtkWidget *check_page;
  GtkWidget *account_page;
  GhTokenStore *store = gh_application_get_token_store (fixture->app);
  StoreResult listed = { NULL, NULL, FALSE };
  StoreResult loaded = { NULL, NULL, FALSE };
  g_autofree char *screenshot = NULL;
  g_autofree char *token_left = NULL;

  open_token_page (fixture);

  /* Pasted the way people do: with spaces, a line break and a "Bearer " in front. */
  token_page = find_page (fixture, GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), "  Bearer " GH_DEMO_TOKEN_ADMIN "\n");
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));
  wait_for_page (fixture->window, "check", "This token works");

  /* Nothing is saved before the person accepts. */
  gh_token_store_list_async (store, NULL, listed_cb, &listed);
  g_assert_true (gh_test_wait_for (store_done, &listed, 10000));
  g_assert_cmpuint (listed.connections->len, ==, 0);
  g_clear_pointer (&listed.connections, g_ptr_array_unref);
  listed.done = FALSE;

  check_page = find_page (fixture, GH_TYPE_CHECK_PAGE);
  g_assert_true (gtk_widget_activate_action (check_page, "check.accept", NULL));
  wait_for_page (fixture->window, "account", GH_DEMO_WABA_NAME);
  account_page = find_page (fixture, GH_TYPE_ACCOUNT_PAGE);
  g_assert_nonnull (gh_test_find_label (account_page, GH_DEMO_BUSINESS_NAME));
  g_assert_nonnull (gh_test_find_label (account_page, GH_DEMO_WABA_ID));
  g_assert_nonnull (gh_test_find_label (account_page, "+1 555-025-3483"));

  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-overview.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);

  /* The token is in the keyring now, and no longer in the field. */
  gh_token_store_list_async (store, NULL, listed_cb, &listed);
  g_assert_true (gh_test_wait_for (store_done, &listed, 10000));
  g_assert_cmpuint (listed.connections->len, ==, 1);
  gh_token_store_load_async (store,
                             gh_saved_connection_get_id (g_ptr_array_index (listed.connections,
                                                                            0)),
                             NULL, loaded_cb, &loaded);
  g_assert_true (gh_test_wait_for (store_done, &loaded, 10000));
  g_assert_cmpstr (loaded.token, ==, GH_DEMO_TOKEN_ADMIN);
  token_left = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_null (token_left);

  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_clear_pointer (&listed.connections, g_ptr_array_unref);
  gh_token_store_free_token (loaded.token);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
test_invalid_token_is_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *bad = "EAAGhThisTokenWasRevokedLongAgoAndNoLongerWorksAtAllQx81";
  GtkWidget *token_page;
  GtkWidget *fix;
  g_autofree char *kept = NULL;

  open_token_page (fixture);
  token_page = find_page (fixture, GH_TYPE_TOKEN_PAGE);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), bad);
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));
  wait_for_page (fixture->window, "check", "can’t be used");

  /* A failed check offers no way to save, and going back finds the token as pasted. */
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_CHECK_PAGE), "check.accept", NULL);
  gh_test_wait_for (never, NULL, 300);
  g_assert_cmpstr (gh_window_get_visible_page (fixture->window), ==, "check");

  /* "How do I fix this?" opens the guide at the step that fixes it, and Back returns. */
  fix = gh_test_find_label (find_page (fixture, GH_TYPE_CHECK_PAGE), "How Do I Fix This?");
  g_assert_nonnull (fix);
  gtk_widget_activate (gtk_widget_get_ancestor (fix, GTK_TYPE_BUTTON));
  wait_for_page (fixture->window, "guide", NULL);
  g_assert_cmpint (gh_guide_page_get_step (GH_GUIDE_PAGE (find_page (fixture,
                                                                     GH_TYPE_GUIDE_PAGE))),
                   ==, GH_GUIDE_STEP_GENERATE_TOKEN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  wait_for_page (fixture->window, "check", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "nav.back", NULL));
  wait_for_page (fixture->window, "token", NULL);
  kept = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_cmpstr (kept, ==, bad);
}

static void
test_refused_url (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *token_page = find_page (fixture, GH_TYPE_TOKEN_PAGE);
  g_autofree char *kept = NULL;

  g_setenv ("GATEHOUSE_GRAPH_URL", "https://graph.example.com", TRUE);
  open_token_page (fixture);
  gh_token_page_set_token (GH_TOKEN_PAGE (token_page), GH_DEMO_TOKEN_ADMIN);
  g_assert_true (gtk_widget_activate_action (token_page, "token.check", NULL));

  /* Refused before any request, in words, with the token still in the field. */
  g_assert_nonnull (gh_test_find_label (token_page, "graph.example.com"));
  g_assert_cmpstr (gh_window_get_visible_page (fixture->window), ==, "token");
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
  kept = gh_token_page_dup_token (GH_TOKEN_PAGE (token_page));
  g_assert_cmpstr (kept, ==, GH_DEMO_TOKEN_ADMIN);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  gtk_widget_activate_action (find_page (fixture, GH_TYPE_WELCOME_PAGE), "welcome.try-demo",
                              NULL);
  g_autofree char *screenshot = NULL;

  wait_for_page (fixture->window, "account", GH_DEMO_WABA_NAME);
  g_assert_nonnull (gh_test_find_label (find_page (fixture, GH_TYPE_ACCOUNT_PAGE),
                                        GH_DEMO_BUSINESS_NAME));

  /* The picture the README and the AppStream data show. */
  screenshot = g_test_build_filename (G_TEST_BUILT, "screenshot-demo.png", NULL);
  gh_test_save_screenshot (GTK_WIDGET (fixture->window), screenshot);
  g_test_message ("Screenshot saved to %s", screenshot);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/window/token-to-overview", Fixture, NULL,
              fixture_setup, test_token_to_overview, fixture_teardown);
  g_test_add ("/window/invalid-token-is-kept", Fixture, NULL,
              fixture_setup, test_invalid_token_is_kept, fixture_teardown);
  g_test_add ("/window/refused-url", Fixture, NULL,
              fixture_setup, test_refused_url, fixture_teardown);
  g_test_add ("/window/demo", Fixture, NULL,
              fixture_setup, test_demo, fixture_teardown);

  status = g_test_run ();
  g_clear_object (&application);

  return status;
}
