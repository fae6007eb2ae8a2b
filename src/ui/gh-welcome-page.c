/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-token-store.h"
#include "gh-ui-util.h"
#include "gh-banner.h"
#include "gh-token-store.h"
#include "gh-welcome-page.h"

/* The first screen: saved connections to open, setting up a new one, or the demo. */
struct _GhWelcomePage
{
  AdwBin                parent_instance;

  AdwPreferencesGroup  *connections_group;
  GtkListBox           *connections_list;
  GtkBox               *banners_box;
  GtkWidget            *keyring_box;
  GtkLabel             *keyring_title;
  GtkLabel             *keyring_label;
  GtkWidget            *keyring_buttons;
  gboolean              session_only;

  /* id → GhSavedConnection, for the row menus' actions */
  GHashTable           *connections;
};

G_DEFINE_FINAL_TYPE (GhWelcomePage, gh_welcome_page, ADW_TYPE_BIN)

enum {
  SIGNAL_OPEN_CONNECTION,
  SIGNAL_RENAME_CONNECTION,
  SIGNAL_REPLACE_TOKEN,
  SIGNAL_FORGET_CONNECTION,
  SIGNAL_SET_UP,
  SIGNAL_TRY_DEMO,
  SIGNAL_CHECK_CONNECTION,
  SIGNAL_RETRY_KEYRING,
  SIGNAL_WITHOUT_KEYRING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_last_check (GhSavedConnection *saved)
{
  gint64 when = gh_saved_connection_get_last_checked (saved);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *date_text = NULL;

  if (when <= 0)
    return g_strdup (_("Not checked yet"));

  date = g_date_time_new_from_unix_local (when);
  /* Translators: a date, e.g. "22 Nov 2026" */
  date_text = g_date_time_format (date, _("%e %b %Y"));
  g_strstrip (date_text);

  if (gh_saved_connection_get_last_check_ok (saved))
    /* Translators: %s is a date */
    return g_strdup_printf (_("Worked on %s"), date_text);
  /* Translators: %s is a date */
  return g_strdup_printf (_("Needed attention on %s"), date_text);
}

static GtkWidget *
create_connection_row (GhSavedConnection *saved)
{
  const char *business = gh_saved_connection_get_business_name (saved);
  const char *user = gh_saved_connection_get_system_user_name (saved);
  g_autofree char *checked = describe_last_check (saved);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GMenu) menu = NULL;
  g_autofree char *options_name = NULL;
  const char *id = gh_saved_connection_get_id (saved);
  GMenuItem *item;
  GtkWidget *menu_button;
  GtkWidget *row;
  GtkWidget *arrow;

  if (business != NULL && *business != '\0')
    g_string_append (subtitle, business);
  if (user != NULL && *user != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", user);
  g_string_append_printf (subtitle, "%s%s", subtitle->len ? "\n" : "", checked);

  row = gh_ui_plain_row_new (gh_saved_connection_get_label (saved), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  menu = g_menu_new ();
  item = g_menu_item_new (_("_Check Now"), NULL);
  g_menu_item_set_action_and_target (item, "welcome.check-now", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target (item, "welcome.rename", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Re_place Token…"), NULL);
  g_menu_item_set_action_and_target (item, "welcome.replace-token", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Forget…"), NULL);
  g_menu_item_set_action_and_target (item, "welcome.forget", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Options"));
  /* Translators: %s is the name of a saved connection */
  options_name = g_strdup_printf (_("Options for %s"), gh_saved_connection_get_label (saved));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, options_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "gh-saved-connection",
                          g_object_ref (saved), g_object_unref);

  return row;
}

static void
connection_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         GhWelcomePage *self)
{
  GhSavedConnection *saved = g_object_get_data (G_OBJECT (row), "gh-saved-connection");

  if (saved != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_CONNECTION], 0, saved);
}

static void
connection_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GhWelcomePage *self = GH_WELCOME_PAGE (widget);
  GhSavedConnection *saved = g_hash_table_lookup (self->connections,
                                                  g_variant_get_string (parameter, NULL));
  guint signal_id;

  if (saved == NULL)
    return;

  if (g_str_equal (action_name, "welcome.rename"))
    signal_id = signals[SIGNAL_RENAME_CONNECTION];
  else if (g_str_equal (action_name, "welcome.replace-token"))
    signal_id = signals[SIGNAL_REPLACE_TOKEN];
  else if (g_str_equal (action_name, "welcome.check-now"))
    signal_id = signals[SIGNAL_CHECK_CONNECTION];
  else
    signal_id = signals[SIGNAL_FORGET_CONNECTION];

  g_signal_emit (self, signal_id, 0, saved);
}

static void
set_up_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_SET_UP], 0);
}

static void
try_demo_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_TRY_DEMO], 0);
}

static void
keyring_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (g_str_equal (action_name, "welcome.retry-keyring"))
    g_signal_emit (widget, signals[SIGNAL_RETRY_KEYRING], 0);
  else
    g_signal_emit (widget, signals[SIGNAL_WITHOUT_KEYRING], 0);
}

typedef struct
{
  GhWelcomePage     *self;
  GhSavedConnection *saved;
  GhRecheckChange    change;
} BannerData;

static void
banner_data_free (gpointer data)
{
  BannerData *banner_data = data;

  g_clear_object (&banner_data->saved);
  g_free (banner_data);
}

static void
banner_clicked_cb (GhBanner   *banner,
                   BannerData *data)
{
  /* A new token for the same connection, or the check report that says what to fix. */
  g_signal_emit (data->self,
                 signals[gh_recheck_needs_new_token (data->change) ? SIGNAL_REPLACE_TOKEN
                                                                   : SIGNAL_OPEN_CONNECTION],
                 0, data->saved);
}

static GhBanner *
find_banner (GhWelcomePage *self,
             const char    *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->banners_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BannerData *data = g_object_get_data (G_OBJECT (child), "gh-banner-data");

      if (data != NULL && g_strcmp0 (gh_saved_connection_get_id (data->saved), id) == 0)
        return GH_BANNER (child);
    }

  return NULL;
}

static void
gh_welcome_page_dispose (GObject *object)
{
  GhWelcomePage *self = GH_WELCOME_PAGE (object);

  g_clear_pointer (&self->connections, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (gh_welcome_page_parent_class)->dispose (object);
}

static void
gh_welcome_page_class_init (GhWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_welcome_page_dispose;

  signals[SIGNAL_OPEN_CONNECTION] =
    g_signal_new ("open-connection", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GH_TYPE_SAVED_CONNECTION);
  signals[SIGNAL_RENAME_CONNECTION] =
    g_signal_new ("rename-connection", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GH_TYPE_SAVED_CONNECTION);
  signals[SIGNAL_REPLACE_TOKEN] =
    g_signal_new ("replace-token", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GH_TYPE_SAVED_CONNECTION);
  signals[SIGNAL_FORGET_CONNECTION] =
    g_signal_new ("forget-connection", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GH_TYPE_SAVED_CONNECTION);
  signals[SIGNAL_SET_UP] =
    g_signal_new ("set-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CHECK_CONNECTION] =
    g_signal_new ("check-connection", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GH_TYPE_SAVED_CONNECTION);
  signals[SIGNAL_RETRY_KEYRING] =
    g_signal_new ("retry-keyring", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_WITHOUT_KEYRING] =
    g_signal_new ("continue-without-keyring", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_TRY_DEMO] =
    g_signal_new ("try-demo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "welcome.rename", "s", connection_action_cb);
  gtk_widget_class_install_action (widget_class, "welcome.replace-token", "s",
                                   connection_action_cb);
  gtk_widget_class_install_action (widget_class, "welcome.forget", "s", connection_action_cb);
  gtk_widget_class_install_action (widget_class, "welcome.check-now", "s", connection_action_cb);
  gtk_widget_class_install_action (widget_class, "welcome.retry-keyring", NULL,
                                   keyring_action_cb);
  gtk_widget_class_install_action (widget_class, "welcome.without-keyring", NULL,
                                   keyring_action_cb);
  gtk_widget_class_install_action (widget_class, "welcome.set-up", NULL, set_up_action_cb);
  gtk_widget_class_install_action (widget_class, "welcome.try-demo", NULL, try_demo_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, connections_group);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, connections_list);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, banners_box);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_box);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_title);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_buttons);
  gtk_widget_class_bind_template_callback (widget_class, connection_activated_cb);
}

static void
gh_welcome_page_init (GhWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->connections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
gh_welcome_page_set_connections (GhWelcomePage *self,
                                 GPtrArray     *connections,
                                 const GError  *error)
{
  GtkWidget *child;

  g_return_if_fail (GH_IS_WELCOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->connections_list))) != NULL)
    gtk_list_box_remove (self->connections_list, child);

  g_hash_table_remove_all (self->connections);
  for (guint i = 0; connections != NULL && i < connections->len; i++)
    {
      GhSavedConnection *saved = g_ptr_array_index (connections, i);

      g_hash_table_insert (self->connections, g_strdup (gh_saved_connection_get_id (saved)),
                           g_object_ref (saved));
      gtk_list_box_append (self->connections_list, create_connection_row (saved));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->connections_group),
                          connections != NULL && connections->len > 0);

  /* A banner for a connection that is gone has nothing left to fix. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->banners_box)); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      BannerData *data = g_object_get_data (G_OBJECT (child), "gh-banner-data");

      if (data != NULL
          && !g_hash_table_contains (self->connections, gh_saved_connection_get_id (data->saved)))
        gtk_box_remove (self->banners_box, child);
      child = next;
    }

  /* A missing or locked keyring is not fatal: say so, how to fix it, and offer to go on
   * without saving. */
  if (error != NULL)
    {
      g_autofree char *help = NULL;

      gtk_label_set_text (self->keyring_title, error->message);
      if (g_error_matches (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED))
        help = g_strdup (_("Open Passwords and Keys, select the “Login” keyring and choose "
                           "Unlock, then try again. Or continue without saving: you will "
                           "paste the token again next time."));
      else
        help = g_strdup (_("Gatehouse keeps tokens in the desktop keyring. Install GNOME Keyring "
                           "(or another Secret Service), log out and in again, and a “Login” "
                           "keyring is created for you; in Passwords and Keys you can also "
                           "create one with + → Password Keyring, named “login”. Or continue "
                           "without saving: you will paste the token again next time."));
      gtk_label_set_text (self->keyring_label, help);
      gtk_widget_set_visible (self->keyring_buttons, TRUE);
      gtk_widget_set_visible (self->keyring_box, TRUE);
    }
  else if (self->session_only)
    {
      gtk_label_set_text (self->keyring_title, _("Not Saved in a Keyring"));
      gtk_label_set_text (self->keyring_label,
                          _("Connections you add now last until you close Gatehouse."));
      gtk_widget_set_visible (self->keyring_buttons, FALSE);
      gtk_widget_set_visible (self->keyring_box, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->keyring_box, FALSE);
    }
}

void
gh_welcome_page_show_change (GhWelcomePage     *self,
                             GhSavedConnection *saved,
                             GhRecheckChange    change,
                             const char        *message)
{
  GhBanner *banner;
  BannerData *data;
  const char *button;

  g_return_if_fail (GH_IS_WELCOME_PAGE (self));
  g_return_if_fail (GH_IS_SAVED_CONNECTION (saved));

  banner = find_banner (self, gh_saved_connection_get_id (saved));
  if (banner != NULL)
    gtk_box_remove (self->banners_box, GTK_WIDGET (banner));

  if (change == GH_RECHECK_NONE)
    return;

  button = gh_recheck_needs_new_token (change) ? _("Re_place Token…")
                                               : _("_Show What to Fix");

  banner = GH_BANNER (gh_banner_new (message, button));
  data = g_new0 (BannerData, 1);
  data->self = self;
  data->saved = g_object_ref (saved);
  data->change = change;
  g_object_set_data_full (G_OBJECT (banner), "gh-banner-data", data, banner_data_free);
  g_signal_connect (banner, "button-clicked", G_CALLBACK (banner_clicked_cb), data);
  gtk_box_append (self->banners_box, GTK_WIDGET (banner));
}

const char *
gh_welcome_page_get_change_message (GhWelcomePage *self,
                                    const char    *id)
{
  GhBanner *banner;

  g_return_val_if_fail (GH_IS_WELCOME_PAGE (self), NULL);

  banner = find_banner (self, id);
  return banner != NULL ? gh_banner_get_title (banner) : NULL;
}

void
gh_welcome_page_set_session_only (GhWelcomePage *self,
                                  gboolean       session_only)
{
  g_return_if_fail (GH_IS_WELCOME_PAGE (self));

  self->session_only = !!session_only;
}
