/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-account-page.h"
#include "gh-graph-error.h"
#include "gh-ui-util.h"

/* The overview of one WhatsApp Business Account: its details, phone numbers and templates,
 * with every ID copyable and named the way Business Suite names it. */
struct _GhAccountPage
{
  AdwBin               parent_instance;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkExpander         *details_expander;
  GtkLabel            *details_label;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *phones_group;
  AdwPreferencesGroup *templates_group;
};

G_DEFINE_FINAL_TYPE (GhAccountPage, gh_account_page, ADW_TYPE_BIN)

enum {
  SIGNAL_REFRESH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *wire;
  const char *words;
} EnumWords;

/* Plain words for the values Meta documents; anything else is shown as it came. */
static const char *
enum_to_words (const EnumWords *table,
               const char      *wire)
{
  if (wire == NULL || *wire == '\0')
    return NULL;

  for (guint i = 0; table[i].wire != NULL; i++)
    if (g_ascii_strcasecmp (table[i].wire, wire) == 0)
      return _(table[i].words);

  return wire;
}

static const EnumWords review_words[] = {
  { "APPROVED", N_("Approved") },
  { "PENDING", N_("Pending review") },
  { "REJECTED", N_("Rejected") },
  { "RESTRICTED", N_("Restricted") },
  { NULL, NULL }
};

static const EnumWords verification_words[] = {
  { "verified", N_("Verified") },
  { "not_verified", N_("Not verified") },
  { "pending", N_("Pending") },
  { "pending_need_more_info", N_("Pending: Meta needs more information") },
  { "pending_submission", N_("Not submitted yet") },
  { "rejected", N_("Rejected") },
  { "failed", N_("Failed") },
  { "expired", N_("Expired") },
  { "ineligible", N_("Not eligible") },
  { "revoked", N_("Revoked") },
  { NULL, NULL }
};

static const EnumWords phone_status_words[] = {
  { "CONNECTED", N_("Connected") },
  { "PENDING", N_("Pending registration") },
  { "FLAGGED", N_("Flagged for low quality") },
  { "RESTRICTED", N_("Restricted") },
  { "DELETED", N_("Deleted") },
  { "DISCONNECTED", N_("Disconnected") },
  { "MIGRATED", N_("Migrated") },
  { "BANNED", N_("Banned") },
  { "RATE_LIMITED", N_("Rate limited") },
  { "UNVERIFIED", N_("Unverified") },
  { NULL, NULL }
};

static const EnumWords quality_words[] = {
  { "GREEN", N_("High quality") },
  { "YELLOW", N_("Medium quality") },
  { "RED", N_("Low quality") },
  { "NA", N_("Quality not rated yet") },
  { "UNKNOWN", N_("Quality not rated yet") },
  { NULL, NULL }
};

static const EnumWords health_words[] = {
  { "AVAILABLE", N_("Can send messages") },
  { "LIMITED", N_("Can send messages, with limits") },
  { "BLOCKED", N_("Cannot send messages") },
  { NULL, NULL }
};

static void
add_text_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *value)
{
  gh_ui_group_add_row (group, gh_ui_plain_row_new (title, value != NULL ? value
                                                                        : _("Not available")));
}

static void
fill_details (GhAccountPage *self,
              GhWaba        *waba)
{
  const char *business_name = gh_waba_get_owner_business_name (waba);
  const char *business_id = gh_waba_get_owner_business_id (waba);

  gh_ui_group_clear (self->details_group);

  add_text_row (self->details_group, _("Name"), gh_waba_get_name (waba));
  gh_ui_group_add_row (self->details_group,
                       gh_ui_copy_row_new (_("WhatsApp Business Account ID"),
                                           gh_waba_get_id (waba),
                                           _("Copy WhatsApp Business Account ID")));
  add_text_row (self->details_group, _("Owning business"), business_name);
  if (business_id != NULL)
    gh_ui_group_add_row (self->details_group,
                         gh_ui_copy_row_new (_("Business portfolio ID"), business_id,
                                             _("Copy business portfolio ID")));
  add_text_row (self->details_group, _("Account review"),
                enum_to_words (review_words, gh_waba_get_account_review_status (waba)));
  add_text_row (self->details_group, _("Business verification"),
                enum_to_words (verification_words,
                               gh_waba_get_business_verification_status (waba)));
  add_text_row (self->details_group, _("Messaging"),
                enum_to_words (health_words, gh_waba_get_can_send_message (waba)));
  add_text_row (self->details_group, _("Currency"), gh_waba_get_currency (waba));
  add_text_row (self->details_group, _("Time zone ID"), gh_waba_get_timezone_id (waba));
}

static void
fill_phone_numbers (GhAccountPage *self,
                    GhWaba        *waba)
{
  GPtrArray *phones = gh_waba_get_phone_numbers (waba);

  gh_ui_group_clear (self->phones_group);

  if (phones == NULL || phones->len == 0)
    {
      gh_ui_group_add_row (self->phones_group,
                           gh_ui_plain_row_new (_("No phone numbers"),
                                                _("Add a number in WhatsApp Manager before "
                                                  "an integration can send messages.")));
      return;
    }

  for (guint i = 0; i < phones->len; i++)
    {
      GhPhoneNumber *phone = g_ptr_array_index (phones, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      const char *verified_name = gh_phone_number_get_verified_name (phone);
      const char *status = enum_to_words (phone_status_words, gh_phone_number_get_status (phone));
      const char *quality = enum_to_words (quality_words,
                                           gh_phone_number_get_quality_rating (phone));
      const char *title = gh_phone_number_get_display_phone_number (phone);

      if (verified_name != NULL)
        g_ptr_array_add (parts, (gpointer) verified_name);
      if (status != NULL)
        g_ptr_array_add (parts, (gpointer) status);
      if (quality != NULL)
        g_ptr_array_add (parts, (gpointer) quality);
      if (g_strcmp0 (gh_phone_number_get_account_mode (phone), "SANDBOX") == 0)
        g_ptr_array_add (parts, (gpointer) _("Test number (sandbox)"));
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **) parts->pdata);

      gh_ui_group_add_row (self->phones_group,
                           gh_ui_plain_row_new (title != NULL ? title
                                                              : gh_phone_number_get_id (phone),
                                                subtitle));
    }
}

static void
fill_templates (GhAccountPage *self,
                GhWaba        *waba)
{
  GhTemplateSummary *templates = gh_waba_get_templates (waba);
  g_autofree char *total = NULL;

  gh_ui_group_clear (self->templates_group);

  if (templates == NULL)
    {
      add_text_row (self->templates_group, _("Templates"), NULL);
      return;
    }

  total = g_strdup_printf ("%" G_GINT64_FORMAT, gh_template_summary_get_total (templates));
  add_text_row (self->templates_group, _("Total"), total);
}

static void
refresh_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_REFRESH], 0);
}

static void
gh_account_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_ACCOUNT_PAGE);

  G_OBJECT_CLASS (gh_account_page_parent_class)->dispose (object);
}

static void
gh_account_page_class_init (GhAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_account_page_dispose;

  signals[SIGNAL_REFRESH] =
    g_signal_new ("refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "account.refresh", NULL, refresh_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "account.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "account.refresh", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_expander);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, phones_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, templates_group);
}

static void
gh_account_page_init (GhAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
gh_account_page_set_loading (GhAccountPage *self)
{
  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.refresh", FALSE);
}

void
gh_account_page_set_waba (GhAccountPage *self,
                          GhWaba        *waba)
{
  const char *name;

  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (GH_IS_WABA (waba));

  name = gh_waba_get_name (waba);
  adw_window_title_set_title (self->window_title,
                              name != NULL ? name : gh_waba_get_id (waba));
  adw_window_title_set_subtitle (self->window_title, gh_waba_get_owner_business_name (waba));

  fill_details (self, waba);
  fill_phone_numbers (self, waba);
  fill_templates (self, waba);

  gtk_stack_set_visible_child_name (self->stack, "content");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.refresh", TRUE);
}

void
gh_account_page_set_error (GhAccountPage *self,
                           const GError  *error)
{
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (error != NULL);

  if (error->domain == GH_GRAPH_ERROR)
    {
      adw_status_page_set_title (self->error_page, gh_graph_error_code_to_summary (error->code));
      description = g_markup_escape_text (gh_graph_error_code_to_next_step (error->code), -1);
      details = gh_graph_error_format_details (error);
    }
  else
    {
      adw_status_page_set_title (self->error_page, _("The Account Could Not Be Read"));
      description = g_markup_escape_text (error->message, -1);
    }

  /* AdwStatusPage reads its description as markup. */
  adw_status_page_set_description (self->error_page, description);
  gtk_label_set_text (self->details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_expander), details != NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.refresh", TRUE);
}
