/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "gh-check-page.h"
#include "gh-connection.h"
#include "gh-demo-data.h"
#include "gh-demo-server.h"
#include "gh-readiness-group.h"
#include "gh-register-dialog.h"
#include "gh-test-util.h"
#include "gh-ui-test-util.h"

/* Ready to send, ready to receive, and the two fixes Gatehouse makes itself, driven as a
 * person would: Subscribe asks first, Register asks for the PIN and then once more; each
 * sends one request and shows what Meta holds afterwards. */

GResource *gh_get_resource (void);

typedef struct
{
  GhDemoServer     *server;
  GhConnection     *connection;
  GhCheckReport    *report;
  GtkWidget        *window;
  GhReadinessGroup *group;
} Fixture;

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page = adw_preferences_page_new ();

  fixture->server = gh_test_demo_server_new ();
  fixture->connection = gh_test_connection_new (fixture->server, GH_DEMO_TOKEN_ADMIN, NULL);
  gh_connection_check_async (fixture->connection, NULL, gh_test_keep_result_cb, &result);
  g_assert_true (gh_test_wait_for (result_arrived, &result, 20000));
  fixture->report = gh_connection_check_finish (fixture->connection, result, &error);
  g_assert_no_error (error);
  gh_demo_server_reset_counts (fixture->server);

  fixture->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 860, 900);
  fixture->group = GH_READINESS_GROUP (gh_readiness_group_new ());
  gh_readiness_group_set_connection (fixture->group, fixture->connection);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (fixture->group));
  adw_window_set_content (ADW_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer weak = fixture->group;

  g_object_add_weak_pointer (G_OBJECT (fixture->group), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (gh_test_wait_for (pointer_cleared, &weak, 5000));

  g_clear_object (&fixture->report);
  g_assert_finalize_object (g_steal_pointer (&fixture->connection));
  g_assert_cmpuint (gh_demo_server_get_token_in_url_count (fixture->server), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&fixture->server));
}

static void
show_account (Fixture    *fixture,
              const char *waba_id)
{
  GhAccountReadiness *readiness = gh_check_report_find_readiness (fixture->report, waba_id);

  g_assert_nonnull (readiness);
  gh_readiness_group_set_readiness (fixture->group, readiness, TRUE);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shows (gpointer data)
{
  LabelWait *wait = data;

  return gh_test_find_label (wait->root, wait->text) != NULL;
}

static GtkWidget *
find_text (GtkWidget  *root,
           const char *text)
{
  LabelWait wait = { root, text };

  if (!gh_test_wait_for (label_shows, &wait, 5000))
    g_error ("Nothing shows “%s”", text);

  return gh_test_find_label (root, text);
}

/* The label of the button that reads @text (other labels may mention it). */
static GtkWidget *
find_button_label (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0
      && gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button whose label contains @text, in the row titled @row_title. */
static GtkWidget *
find_button (Fixture    *fixture,
             const char *row_title,
             const char *text)
{
  GtkWidget *row = find_row (GTK_WIDGET (fixture->group), row_title);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = gh_test_find_label (row, text);
  g_assert_nonnull (label);

  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

typedef struct
{
  GType       type;
  const char *heading;
  GtkWidget  *found;
} DialogWait;

static gboolean
dialog_shows (gpointer data)
{
  DialogWait *wait = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  wait->found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, wait->type) && gtk_widget_get_visible (window)
          && strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                     wait->heading) != NULL)
        wait->found = window;
    }

  return wait->found != NULL;
}

static AdwMessageDialog *
wait_for_dialog (GType       type,
                 const char *heading)
{
  DialogWait wait = { type, heading, NULL };

  if (!gh_test_wait_for (dialog_shows, &wait, 5000))
    g_error ("No dialog “%s”", heading);

  return ADW_MESSAGE_DIALOG (wait.found);
}

static gboolean
not_busy (gpointer data)
{
  return !gh_readiness_group_get_busy (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static GhCheckItem *
find_item (GhAccountReadiness *readiness,
           const char         *id)
{
  GPtrArray *items = gh_account_readiness_get_items (readiness);

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (gh_check_item_get_id (g_ptr_array_index (items, i)), id))
      return g_ptr_array_index (items, i);

  return NULL;
}

static void
test_subscribe (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(GStrv) log = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *button;

  show_account (fixture, GH_DEMO_WABA2_ID);
  find_text (GTK_WIDGET (fixture->group), "Ready to send: with limits · Ready to receive: no");
  find_text (GTK_WIDGET (fixture->group), GH_DEMO_OTHER_APP_NAME);

  /* Asked first; saying no sends nothing. */
  button = find_button (fixture, "Incoming messages", "Subscribe…");
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);
  dialog = wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG, "Subscribe “" GH_DEMO_APP_NAME "”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "one request"));
  adw_message_dialog_response (dialog, "cancel");
  gh_test_wait_for (never, NULL, 200);
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);

  /* Saying yes: one POST, and the row shows what Meta holds now. */
  gtk_widget_activate (find_button (fixture, "Incoming messages", "Subscribe…"));
  dialog = wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG, "Subscribe “" GH_DEMO_APP_NAME "”?");
  adw_message_dialog_response (dialog, "subscribe");
  g_assert_true (gh_test_wait_for (not_busy, fixture->group, 20000));

  log = gh_demo_server_dup_write_log (fixture->server);
  g_assert_cmpstrv (log, ((const char *[]) { "POST " GH_DEMO_WABA2_ID "/subscribed_apps",
                                             NULL }));
  g_assert_cmpint (gh_account_readiness_get_subscribed (
    gh_readiness_group_get_readiness (fixture->group)), ==, 1);
  find_text (GTK_WIDGET (fixture->group), "“" GH_DEMO_APP_NAME "” is subscribed");
  g_assert_null (gh_test_find_label (GTK_WIDGET (fixture->group), "Subscribe…"));

  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT,
                                                   "screenshot-readiness-subscribed.png",
                                                   NULL);

    gh_test_save_screenshot (fixture->window, path);
  }
}

static void
type_pin (AdwMessageDialog *dialog,
          const char       *pin)
{
  GtkWidget *entry = gh_test_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), pin);
}

static void
test_register (Fixture       *fixture,
               gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GhCheckItem *item;

  show_account (fixture, GH_DEMO_WABA_ID);
  gtk_widget_activate (find_button (fixture, "Lucky Shrub Deliveries", "Register…"));
  dialog = wait_for_dialog (GH_TYPE_REGISTER_DIALOG, "Register +1 555-014-7720");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "10 tries in 72 hours"));

  /* The PIN is checked here, before anything can be sent. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));
  type_pin (dialog, "24a");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));
  g_assert_nonnull (gh_test_find_label (GTK_WIDGET (dialog), "digits only"));
  type_pin (dialog, "24681");
  g_assert_nonnull (gh_test_find_label (GTK_WIDGET (dialog), "some are missing"));
  type_pin (dialog, GH_DEMO_REGISTER_PIN);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "continue"));
  adw_message_dialog_response (dialog, "continue");

  /* One more question, then one request. */
  dialog = wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG, "Register +1 555-014-7720 Now?");
  g_assert_cmpuint (gh_demo_server_get_request_count (fixture->server), ==, 0);
  adw_message_dialog_response (dialog, "register");
  g_assert_true (gh_test_wait_for (not_busy, fixture->group, 20000));

  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 1);
  item = find_item (gh_readiness_group_get_readiness (fixture->group),
                    "phone." GH_DEMO_PHONE_PENDING_ID ".ready");
  g_assert_cmpint (gh_check_item_get_fix_kind (item), !=, GH_CHECK_FIX_REGISTER);
  g_assert_null (gh_test_find_label (GTK_WIDGET (fixture->group), "Register…"));
}

static void
test_register_wrong_pin (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog;

  show_account (fixture, GH_DEMO_WABA_ID);
  gtk_widget_activate (find_button (fixture, "Lucky Shrub Deliveries", "Register…"));
  dialog = wait_for_dialog (GH_TYPE_REGISTER_DIALOG, "Register +1 555-014-7720");
  type_pin (dialog, "135790");
  adw_message_dialog_response (dialog, "continue");
  dialog = wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG, "Now?");
  adw_message_dialog_response (dialog, "register");
  g_assert_true (gh_test_wait_for (not_busy, fixture->group, 20000));

  /* Meta's refusal in plain words, the next step, and no second try behind the person. */
  dialog = wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG, "Wrong PIN");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Two-step verification"));
  adw_message_dialog_response (dialog, "close");
  gh_test_wait_for (never, NULL, 200);
  g_assert_cmpuint (gh_demo_server_get_write_count (fixture->server), ==, 1);
  g_assert_nonnull (find_button (fixture, "Lucky Shrub Deliveries", "Register…"));
}

/* The check page: the token's rows, then one group per account; the summary agrees. */
static void
test_check_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = g_object_new (GH_TYPE_CHECK_PAGE, NULL);
  gpointer weak = page;

  gtk_window_set_default_size (GTK_WINDOW (window), 860, 1400);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gh_check_page_set_report (GH_CHECK_PAGE (page), fixture->report, TRUE);

  find_text (page, "This Token Works, but the Integration Is Not Ready");
  find_text (page, "The token itself is fine and can be saved");
  find_text (page, "A system user token");
  find_text (page, GH_DEMO_WABA2_NAME);
  find_text (page, "Ready to send: with limits · Ready to receive: no");
  find_text (page, "Not registered for Cloud API");
  /* The token can be saved even though an account is not ready. */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
    find_button_label (page, "Save and Continue"), GTK_TYPE_BUTTON)));

  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "screenshot-check-readiness.png",
                                                   NULL);

    gh_test_save_screenshot (window, path);
  }

  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (gh_test_wait_for (pointer_cleared, &weak, 5000));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (gh_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/readiness-group/subscribe", test_subscribe);
  ADD ("/readiness-group/register", test_register);
  ADD ("/readiness-group/register-wrong-pin", test_register_wrong_pin);
  ADD ("/readiness-group/check-page", test_check_page);

#undef ADD

  return g_test_run ();
}
