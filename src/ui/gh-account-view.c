/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-account-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-account-view.h"
#include "gh-banner.h"
#include "gh-graph-error.h"
#include "gh-session.h"
#include "gh-ui-util.h"

struct _GhAccountView
{
  AdwBin                parent_instance;

  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown          *waba_dropdown;
  GMenuModel           *connection_menu;
  GhBanner             *account_banner;
  AdwViewStack         *view_stack;
  GhAccountPage        *account_page;
  GhPeoplePage         *people_page;

  GhSession            *session;
  /* The WABA ids behind the switcher's entries. */
  GPtrArray            *waba_ids;
  gulong                waba_selected_id;
};

G_DEFINE_FINAL_TYPE (GhAccountView, gh_account_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GhCheckReport *
open_report (GhAccountView *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);

  return connection != NULL ? gh_connection_get_report (connection) : NULL;
}

/* Only what still lets the account open needs a banner here; the rest shows the report. */
static void
update_banner (GhAccountView *self)
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
banner_clicked_cb (GhAccountView *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);
  GhSavedConnection *saved = connection != NULL ? gh_connection_get_saved (connection) : NULL;

  if (saved != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.replace-token", "s",
                                gh_saved_connection_get_id (saved));
}

static void
select_waba_quietly (GhAccountView *self,
                     const char    *waba_id)
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
waba_selected_cb (GhAccountView *self)
{
  guint position = gtk_drop_down_get_selected (self->waba_dropdown);
  const char *shown = gh_session_get_waba_id (self->session);
  const char *chosen;

  if (self->waba_ids == NULL || position >= self->waba_ids->len)
    return;

  chosen = g_ptr_array_index (self->waba_ids, position);
  if (g_strcmp0 (chosen, shown) == 0)
    return;

  /* Until the person agrees to drop unapplied edits, the switcher keeps showing the account
   * those edits belong to; the window asks. */
  select_waba_quietly (self, shown);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-account", "s", chosen);
}

/* One entry per account the check found, readable or not: an unreadable one explains
 * itself on the overview. */
static void
fill_waba_switcher (GhAccountView *self)
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
known_waba_name (GhAccountView *self,
                 const char    *waba_id)
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
waba_id_changed_cb (GhAccountView *self)
{
  const char *waba_id = gh_session_get_waba_id (self->session);
  g_autoptr(JsonNode) first_page = NULL;
  GhConnection *connection;
  const char *name;
  GhCheckReport *report;

  if (waba_id == NULL)
    return;

  name = known_waba_name (self, waba_id);
  adw_view_switcher_title_set_title (self->switcher_title, name != NULL ? name : waba_id);
  adw_view_switcher_title_set_subtitle (self->switcher_title, "");
  select_waba_quietly (self, waba_id);

  report = open_report (self);
  connection = gh_session_get_connection (self->session);
  first_page = gh_connection_take_people_page (connection, waba_id);
  gh_people_page_load_with_first_page (self->people_page, gh_connection_get_client (connection),
                                       waba_id, gh_session_get_business_id (self->session),
                                       report != NULL ? gh_check_report_get_user_id (report)
                                                      : NULL,
                                       report != NULL && gh_check_report_get_can_edit (report),
                                       first_page);
}

static void
waba_loaded_cb (GhAccountView *self)
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

static void
connection_changed_cb (GhAccountView *self)
{
  /* Another connection: what the grid showed belonged to the one before. */
  if (gh_session_get_connection (self->session) == NULL)
    gh_people_page_clear (self->people_page);
}

static void
set_session (GhAccountView *self,
             GhSession     *session)
{
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_object_set (self->account_page, "session", session, NULL);
  gh_people_page_set_session (self->people_page, session);
  g_signal_connect_object (session, "notify::waba-id",
                           G_CALLBACK (waba_id_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::connection",
                           G_CALLBACK (connection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gh_session_get_findings (session), "items-changed",
                           G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
}

static void
gh_account_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GhAccountView *self = GH_ACCOUNT_VIEW (object);

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
gh_account_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GhAccountView *self = GH_ACCOUNT_VIEW (object);

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
gh_account_view_dispose (GObject *object)
{
  GhAccountView *self = GH_ACCOUNT_VIEW (object);

  g_clear_pointer (&self->waba_ids, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_ACCOUNT_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gh_account_view_parent_class)->dispose (object);
}

static void
gh_account_view_class_init (GhAccountViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_account_view_dispose;
  object_class->get_property = gh_account_view_get_property;
  object_class->set_property = gh_account_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GH_TYPE_ACCOUNT_PAGE);
  g_type_ensure (GH_TYPE_BANNER);
  g_type_ensure (GH_TYPE_PEOPLE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-account-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, waba_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, connection_menu);
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, account_banner);
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, account_page);
  gtk_widget_class_bind_template_child (widget_class, GhAccountView, people_page);
  gtk_widget_class_bind_template_callback (widget_class, banner_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, waba_loaded_cb);
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (name));
}

/* The chosen account's name gives way in a narrow window; the list shows names whole. */
static GtkListItemFactory *
name_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);
  return factory;
}

static void
gh_account_view_init (GhAccountView *self)
{
  g_autoptr(GtkListItemFactory) button_factory = name_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = name_factory_new (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* One menu: this connection's items above the app's. */
  adw_header_bar_pack_end (self->header_bar, gh_ui_main_menu_button_new (self->connection_menu));
  gh_banner_set_button_label (self->account_banner, _("Re_place Token…"));
  gtk_drop_down_set_factory (self->waba_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->waba_dropdown, list_factory);
  self->waba_selected_id = g_signal_connect_swapped (self->waba_dropdown, "notify::selected",
                                                     G_CALLBACK (waba_selected_cb), self);

  /* GTK 4.8's drop-down and menu button do not pass their names on to the button a screen
   * reader meets. */
  gh_ui_name_inner_button (GTK_WIDGET (self->waba_dropdown), _("WhatsApp Business Account"));
}

void
gh_account_view_open (GhAccountView *self)
{
  g_return_if_fail (GH_IS_ACCOUNT_VIEW (self));

  fill_waba_switcher (self);
  update_banner (self);

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
gh_account_view_set_error (GhAccountView *self,
                           const GError  *error)
{
  g_return_if_fail (GH_IS_ACCOUNT_VIEW (self));

  gh_account_page_set_error (self->account_page, error);
}

void
gh_account_view_set_loading (GhAccountView *self)
{
  g_return_if_fail (GH_IS_ACCOUNT_VIEW (self));

  gh_people_page_clear (self->people_page);
  gh_account_page_set_loading (self->account_page);
}

void
gh_account_view_reload (GhAccountView *self)
{
  g_return_if_fail (GH_IS_ACCOUNT_VIEW (self));

  gh_account_page_reload (self->account_page);
  gh_people_page_reload (self->people_page);
}

GhAccountPage *
gh_account_view_get_account_page (GhAccountView *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_VIEW (self), NULL);

  return self->account_page;
}

GhPeoplePage *
gh_account_view_get_people_page (GhAccountView *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_VIEW (self), NULL);

  return self->people_page;
}
