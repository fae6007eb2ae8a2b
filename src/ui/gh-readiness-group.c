/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-readiness-group"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-check-row.h"
#include "gh-graph-error.h"
#include "gh-readiness-group.h"
#include "gh-register-dialog.h"
#include "gh-secret.h"
#include "gh-ui-util.h"

struct _GhReadinessGroup
{
  AdwPreferencesGroup  parent_instance;

  GhConnection        *connection;
  GhAccountReadiness  *readiness;
  gboolean             show_name;
  gboolean             busy;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (GhReadinessGroup, gh_readiness_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_READINESS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a write needs once the person has said yes. */
typedef struct
{
  GhReadinessGroup *self;
  char             *waba_id;
  char             *phone_id;
  char             *pin;
} Pending;

static void render (GhReadinessGroup *self);

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->self);
  g_free (pending->waba_id);
  g_free (pending->phone_id);
  gh_secret_free (g_steal_pointer (&pending->pin));
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
pending_new (GhReadinessGroup *self,
             const char       *phone_id)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->waba_id = g_strdup (gh_account_readiness_get_waba_id (self->readiness));
  pending->phone_id = g_strdup (phone_id);

  return pending;
}

static GtkWindow *
parent_window (GhReadinessGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
app_name (GhReadinessGroup *self)
{
  GhCheckReport *report = self->connection != NULL
                          ? gh_connection_get_report (self->connection) : NULL;
  GhTokenInfo *info = report != NULL ? gh_check_report_get_token_info (report) : NULL;
  const char *name = info != NULL ? gh_token_info_get_application (info) : NULL;

  return name != NULL && *name != '\0' ? name : _("the token’s app");
}

static void
set_busy (GhReadinessGroup *self,
          gboolean          busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Results */

static void
show_outcome (GhReadinessGroup *self,
              GhAccountAction  *action)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  const char *next_step = gh_account_action_get_next_step (action);

  if (gh_account_action_get_readiness (action) != NULL)
    gh_readiness_group_set_readiness (self, gh_account_action_get_readiness (action),
                                      self->show_name);

  /* Done is news; anything else needs reading, and the next step. */
  if (gh_account_action_get_outcome (action) == GH_ACTION_DONE)
    {
      gh_ui_toast (GTK_WIDGET (self), gh_account_action_get_sentence (action));
      return;
    }

  if (next_step != NULL)
    body = g_strdup_printf ("%s\n\n%s", gh_account_action_get_sentence (action), next_step);
  else
    body = g_strdup (gh_account_action_get_sentence (action));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       gh_account_action_get_title (action),
                                                       body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_failure (GhReadinessGroup *self,
              const GError     *error)
{
  g_autofree char *sentence = gh_graph_error_dup_sentence (error);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       _("Nothing Was Sent"), sentence));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
written (GhReadinessGroup *self,
         GhAccountAction  *action,
         const GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (action != NULL)
    show_outcome (self, action);
  else
    show_failure (self, error);
}

static void
subscribed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GhReadinessGroup) self = user_data;
  g_autoptr(GhAccountAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = gh_connection_subscribe_app_finish (GH_CONNECTION (object), result, &error);
  written (self, action, error);
}

static void
registered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GhReadinessGroup) self = user_data;
  g_autoptr(GhAccountAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = gh_connection_register_phone_finish (GH_CONNECTION (object), result, &error);
  written (self, action, error);
}

/* Subscribe */

static void
subscribe_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Pending          *pending)
{
  GhReadinessGroup *self = pending->self;

  if (g_strcmp0 (response, "subscribe") != 0 || self->connection == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  gh_connection_subscribe_app_async (self->connection, pending->waba_id, self->cancellable,
                                     subscribed_cb, g_object_ref (self));
}

static void
subscribe_clicked_cb (GtkButton        *button,
                      GhReadinessGroup *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  /* Translators: %s is an app's name */
  heading = g_strdup_printf (_("Subscribe “%s”?"), app_name (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is a WhatsApp account's name */
                                  _("Meta will send the incoming messages and delivery updates "
                                    "of “%s” to the app, at the address the app set up. "
                                    "Gatehouse sends one request, then reads back what Meta "
                                    "holds."),
                                  gh_account_readiness_get_name (self->readiness));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "subscribe", _("_Subscribe"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "subscribe", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "subscribe");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (subscribe_response_cb),
                         pending_new (self, NULL), (GClosureNotify) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Register: the PIN first, then a last question, then one request. */

static const char *
phone_label (GhReadinessGroup *self,
             const char       *phone_id)
{
  GhPhoneNumber *phone = gh_account_readiness_find_phone (self->readiness, phone_id);
  const char *number = phone != NULL ? gh_phone_number_get_display_phone_number (phone)
                                     : NULL;

  return number != NULL ? number : phone_id;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Pending          *pending)
{
  GhReadinessGroup *self = pending->self;

  if (g_strcmp0 (response, "register") != 0 || self->connection == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  gh_connection_register_phone_async (self->connection, pending->waba_id, pending->phone_id,
                                      pending->pin, self->cancellable, registered_cb,
                                      g_object_ref (self));
}

static void
pin_response_cb (GhRegisterDialog *pin_dialog,
                 const char       *response,
                 Pending          *from)
{
  GhReadinessGroup *self = from->self;
  g_autoptr(Pending) pending = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (g_strcmp0 (response, "continue") != 0)
    return;

  pending = pending_new (self, from->phone_id);
  pending->pin = gh_register_dialog_dup_pin (pin_dialog);
  if (pending->pin == NULL)
    return;

  /* Translators: %s is a phone number */
  heading = g_strdup_printf (_("Register %s Now?"), phone_label (self, pending->phone_id));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: the first %d is 10, the second 72 */
                                  _("Gatehouse sends one request to Meta with this PIN, then "
                                    "reads the number back. A wrong PIN uses up one of the %d "
                                    "tries Meta allows in %d hours."),
                                  GH_REGISTER_TRIES, GH_REGISTER_WINDOW_HOURS);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "register", _("_Register"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "register", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "register");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb),
                         g_steal_pointer (&pending), (GClosureNotify) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
register_clicked_cb (GtkButton        *button,
                     GhReadinessGroup *self)
{
  const char *phone_id = g_object_get_data (G_OBJECT (button), "gh-target");
  GtkWidget *dialog = gh_register_dialog_new (parent_window (self),
                                              phone_label (self, phone_id));

  g_signal_connect_data (dialog, "response", G_CALLBACK (pin_response_cb),
                         pending_new (self, phone_id), (GClosureNotify) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows */

static void
link_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  gh_ui_open_uri (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "gh-target"));
}

static GtkWidget *
action_button_new (const char *mnemonic,
                   const char *accessible_name,
                   const char *target)
{
  GtkWidget *button = gh_ui_mnemonic_button_new (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_object_set_data_full (G_OBJECT (button), "gh-target", g_strdup (target), g_free);

  return button;
}

static void
add_fix_buttons (GhReadinessGroup *self,
                 AdwActionRow     *row,
                 GhCheckItem      *item)
{
  const char *title = gh_check_item_get_title (item);
  const char *target = gh_check_item_get_fix_target (item);
  g_autofree char *name = NULL;
  GtkWidget *button = NULL;

  switch (gh_check_item_get_fix_kind (item))
    {
    case GH_CHECK_FIX_SUBSCRIBE:
      if (self->connection == NULL)
        break;
      /* Translators: %s is a WhatsApp account's name */
      name = g_strdup_printf (_("Subscribe the token’s app to the webhooks of %s"),
                              gh_account_readiness_get_name (self->readiness));
      button = action_button_new (_("_Subscribe…"), name, target);
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_object (button, "clicked", G_CALLBACK (subscribe_clicked_cb), self, 0);
      break;

    case GH_CHECK_FIX_REGISTER:
      if (self->connection == NULL)
        break;
      /* Translators: %s is a phone number */
      name = g_strdup_printf (_("Register %s"), phone_label (self, target));
      button = action_button_new (_("_Register…"), name, target);
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_object (button, "clicked", G_CALLBACK (register_clicked_cb), self, 0);
      break;

    case GH_CHECK_FIX_LINK:
      /* Translators: %s is the title of a row, e.g. a phone number */
      name = g_strdup_printf (_("Open the page that fixes it: %s"), title);
      button = action_button_new (_("_Open"), name, gh_check_item_get_fix_uri (item));
      gtk_widget_set_tooltip_text (button, _("Opens Business Suite in your browser"));
      g_signal_connect (button, "clicked", G_CALLBACK (link_clicked_cb), NULL);
      break;

    case GH_CHECK_FIX_NONE:
    default:
      break;
    }

  if (button != NULL)
    {
      gtk_widget_set_sensitive (button, !self->busy);
      adw_action_row_add_suffix (row, button);
    }

  if (gh_check_item_get_fix_step (item) != GH_GUIDE_STEP_NONE)
    {
      g_clear_pointer (&name, g_free);
      /* Translators: %s is the title of a check item */
      name = g_strdup_printf (_("How do I fix this: %s"), title);
      button = gtk_button_new_with_label (_("How Do I Fix This?"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-fix");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i",
                                        (gint32) gh_check_item_get_fix_step (item));
      adw_action_row_add_suffix (row, button);
    }
}

static GtkWidget *
item_row_new (GhReadinessGroup *self,
              GhCheckItem      *item)
{
  GtkWidget *row = gh_check_item_row_new (item);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  add_fix_buttons (self, ADW_ACTION_ROW (row), item);

  return row;
}

static void
render (GhReadinessGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;
  GPtrArray *items;

  gh_ui_group_clear (group);
  if (self->readiness == NULL)
    {
      adw_preferences_group_set_title (group, "");
      adw_preferences_group_set_description (group, NULL);
      return;
    }

  /* The group's title and description are markup; the account's name is not. */
  if (self->show_name)
    escaped = g_markup_escape_text (gh_account_readiness_get_name (self->readiness), -1);
  adw_preferences_group_set_title (group, escaped != NULL ? escaped
                                                          : _("Ready to Send and Receive?"));
  g_clear_pointer (&escaped, g_free);

  summary = gh_account_readiness_dup_summary (self->readiness);
  description = g_strdup_printf ("%s\n%s %s", summary,
                                 gh_account_readiness_get_send_sentence (self->readiness),
                                 gh_account_readiness_get_receive_sentence (self->readiness));
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (group, escaped);

  items = gh_account_readiness_get_items (self->readiness);
  for (guint i = 0; i < items->len; i++)
    gh_ui_group_add_row (group, item_row_new (self, g_ptr_array_index (items, i)));
}

static void
gh_readiness_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GhReadinessGroup *self = GH_READINESS_GROUP (object);

  switch (prop_id)
    {
    case PROP_READINESS:
      g_value_set_object (value, self->readiness);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_readiness_group_dispose (GObject *object)
{
  GhReadinessGroup *self = GH_READINESS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->connection);
  g_clear_object (&self->readiness);

  G_OBJECT_CLASS (gh_readiness_group_parent_class)->dispose (object);
}

static void
gh_readiness_group_class_init (GhReadinessGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_readiness_group_dispose;
  object_class->get_property = gh_readiness_group_get_property;

  properties[PROP_READINESS] =
    g_param_spec_object ("readiness", NULL, NULL, GH_TYPE_ACCOUNT_READINESS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gh_readiness_group_init (GhReadinessGroup *self)
{
  self->cancellable = g_cancellable_new ();
  self->show_name = TRUE;
}

GtkWidget *
gh_readiness_group_new (void)
{
  return g_object_new (GH_TYPE_READINESS_GROUP, NULL);
}

void
gh_readiness_group_set_connection (GhReadinessGroup *self,
                                   GhConnection     *connection)
{
  g_return_if_fail (GH_IS_READINESS_GROUP (self));
  g_return_if_fail (connection == NULL || GH_IS_CONNECTION (connection));

  if (self->connection == connection)
    return;

  /* A write on its way belongs to the connection it started on. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;

  g_set_object (&self->connection, connection);
  render (self);
}

void
gh_readiness_group_set_readiness (GhReadinessGroup   *self,
                                  GhAccountReadiness *readiness,
                                  gboolean            show_name)
{
  g_return_if_fail (GH_IS_READINESS_GROUP (self));
  g_return_if_fail (readiness == NULL || GH_IS_ACCOUNT_READINESS (readiness));

  self->show_name = !!show_name;
  g_set_object (&self->readiness, readiness);
  render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READINESS]);
}

GhAccountReadiness *
gh_readiness_group_get_readiness (GhReadinessGroup *self)
{
  g_return_val_if_fail (GH_IS_READINESS_GROUP (self), NULL);

  return self->readiness;
}

gboolean
gh_readiness_group_get_busy (GhReadinessGroup *self)
{
  g_return_val_if_fail (GH_IS_READINESS_GROUP (self), FALSE);

  return self->busy;
}
