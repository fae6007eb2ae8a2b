/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-banner.h"
#include "gh-ui-util.h"
#include "gh-welcome-page.h"

/* The first screen: saved connections to open, setting up a new one, or the demo.  It
 * follows the session: its list of connections, what the re-checks found, the keyring. */
struct _GhWelcomePage
{
  AdwBin                parent_instance;

  AdwHeaderBar         *header_bar;
  AdwPreferencesGroup  *connections_group;
  GtkListBox           *connections_list;
  GtkBox               *banners_box;
  GtkWidget            *keyring_box;
  GtkLabel             *keyring_title;
  GtkLabel             *keyring_label;
  GtkWidget            *keyring_buttons;

  GhSession            *session;
};

G_DEFINE_FINAL_TYPE (GhWelcomePage, gh_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_menu_item (GMenu      *menu,
               const char *label,
               const char *action,
               const char *id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", id);
  g_menu_append_item (menu, item);
}

static GtkWidget *
create_connection_row (gpointer item,
                       gpointer user_data)
{
  GhSavedConnection *saved = item;
  g_autofree char *subtitle = gh_saved_connection_dup_description (saved);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *options_name = NULL;
  const char *id = gh_saved_connection_get_id (saved);
  GtkWidget *menu_button;
  GtkWidget *row;
  GtkWidget *arrow;

  row = gh_ui_plain_row_new (gh_saved_connection_get_label (saved), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-connection");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);

  add_menu_item (menu, _("_Check Now"), "win.check-now", id);
  add_menu_item (menu, _("_Rename…"), "win.rename", id);
  add_menu_item (menu, _("Re_place Token…"), "win.replace-token", id);
  add_menu_item (menu, _("_Forget…"), "win.forget", id);

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

  return row;
}

static void
connections_changed_cb (GhWelcomePage *self)
{
  GListModel *connections = gh_session_get_connections (self->session);

  gtk_widget_set_visible (GTK_WIDGET (self->connections_group),
                          g_list_model_get_n_items (connections) > 0);
}

static void
banner_clicked_cb (GhBanner         *banner,
                   GhRecheckFinding *finding)
{
  /* A new token for the same connection, or the check report that says what to fix. */
  gtk_widget_activate_action (GTK_WIDGET (banner),
                              gh_recheck_needs_new_token (gh_recheck_finding_get_change (finding))
                              ? "win.replace-token" : "win.open-connection",
                              "s", gh_recheck_finding_get_id (finding));
}

static GtkWidget *
create_banner (GhRecheckFinding *finding)
{
  GhRecheckChange change = gh_recheck_finding_get_change (finding);
  GtkWidget *banner;

  banner = gh_banner_new (gh_recheck_finding_get_message (finding),
                          gh_recheck_needs_new_token (change) ? _("Re_place Token…")
                                                              : _("_Show What to Fix"));
  g_signal_connect_data (banner, "button-clicked", G_CALLBACK (banner_clicked_cb),
                         g_object_ref (finding),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return banner;
}

/* One banner per finding, in the same order; only what changed is replaced, so a banner a
 * person is about to press stays where it is. */
static void
findings_changed_cb (GListModel    *findings,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GhWelcomePage *self)
{
  GtkWidget *before = NULL;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->banners_box));

  for (guint i = 0; i < position && child != NULL; i++)
    {
      before = child;
      child = gtk_widget_get_next_sibling (child);
    }

  for (guint i = 0; i < removed && child != NULL; i++)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->banners_box, child);
      child = next;
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GhRecheckFinding) finding = g_list_model_get_item (findings, position + i);
      GtkWidget *banner = create_banner (finding);

      gtk_box_insert_child_after (self->banners_box, banner, before);
      before = banner;
    }
}

/* A missing or locked keyring is not fatal: say so, how to fix it, and offer to go on
 * without saving. */
static void
keyring_changed_cb (GhWelcomePage *self)
{
  const GError *error = gh_session_get_store_error (self->session);

  if (error != NULL)
    {
      gtk_label_set_text (self->keyring_title, error->message);
      if (g_error_matches (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED))
        gtk_label_set_text (self->keyring_label,
                            _("Open Passwords and Keys, select the “Login” keyring and choose "
                              "Unlock, then try again. Or continue without saving: you will "
                              "paste the token again next time."));
      else if (g_error_matches (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_FAILED))
        gtk_label_set_text (self->keyring_label,
                            _("The keyring answered with an error. Try again; if it keeps "
                              "failing, open Passwords and Keys to check the “Login” keyring, "
                              "or continue without saving: you will paste the token again next "
                              "time."));
      else if (gh_session_get_keyring_is_portal (self->session))
        gtk_label_set_text (self->keyring_label,
                            _("Gatehouse keeps tokens through the desktop’s Secret portal. "
                              "Install your desktop’s portal (on GNOME, xdg-desktop-portal-gnome "
                              "and GNOME Keyring), log out and in again, then try again. Or "
                              "continue without saving: you will paste the token again next "
                              "time."));
      else
        gtk_label_set_text (self->keyring_label,
                            _("Gatehouse keeps tokens in the desktop keyring. Install GNOME "
                              "Keyring (or another Secret Service), log out and in again, and a "
                              "“Login” keyring is created for you; in Passwords and Keys you can "
                              "also create one with + → Password Keyring, named “login”. Or "
                              "continue without saving: you will paste the token again next "
                              "time."));
      gtk_widget_set_visible (self->keyring_buttons, TRUE);
      gtk_widget_set_visible (self->keyring_box, TRUE);
    }
  else if (gh_session_get_session_only (self->session))
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

static void
set_session (GhWelcomePage *self,
             GhSession     *session)
{
  GListModel *connections;

  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  connections = gh_session_get_connections (session);
  gtk_list_box_bind_model (self->connections_list, connections, create_connection_row,
                           NULL, NULL);
  g_signal_connect_object (connections, "items-changed",
                           G_CALLBACK (connections_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_session_get_findings (session), "items-changed",
                           G_CALLBACK (findings_changed_cb), self, 0);
  g_signal_connect_object (session, "notify::store-error",
                           G_CALLBACK (keyring_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::session-only",
                           G_CALLBACK (keyring_changed_cb), self, G_CONNECT_SWAPPED);

  connections_changed_cb (self);
  findings_changed_cb (gh_session_get_findings (session), 0, 0,
                       g_list_model_get_n_items (gh_session_get_findings (session)), self);
  keyring_changed_cb (self);
}

static void
gh_welcome_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GhWelcomePage *self = GH_WELCOME_PAGE (object);

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
gh_welcome_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GhWelcomePage *self = GH_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_welcome_page_dispose (GObject *object)
{
  GhWelcomePage *self = GH_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_WELCOME_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gh_welcome_page_parent_class)->dispose (object);
}

static void
gh_welcome_page_class_init (GhWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_welcome_page_dispose;
  object_class->get_property = gh_welcome_page_get_property;
  object_class->set_property = gh_welcome_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, connections_group);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, connections_list);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, banners_box);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_box);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_title);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, GhWelcomePage, keyring_buttons);
}

static void
gh_welcome_page_init (GhWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_wrap_pill_labels (GTK_WIDGET (self));
  adw_header_bar_pack_end (self->header_bar, gh_ui_main_menu_button_new (NULL));
}
