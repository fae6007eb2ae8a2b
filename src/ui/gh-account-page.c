/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-account-page.h"
#include "gh-graph-error.h"
#include "gh-timezone.h"
#include "gh-ui-util.h"

/* The overview of one WhatsApp Business Account: its details, health, phone numbers and
 * templates, in plain words, with every ID copyable and labelled with where Business Suite
 * shows it.  The window owns the header bar and the refresh action; this page only shows. */
struct _GhAccountPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkWidget           *fix_button;
  GtkExpander         *details_expander;
  GtkLabel            *details_label;
  AdwPreferencesPage  *content_page;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *health_group;
  AdwPreferencesGroup *phones_group;
  AdwPreferencesGroup *templates_group;

  GCancellable        *cancellable;
  char                *waba_id;
  char                *business_id;
};

G_DEFINE_FINAL_TYPE (GhAccountPage, gh_account_page, ADW_TYPE_BIN)

typedef struct
{
  const char *wire;
  const char *words;
} EnumWords;

typedef struct
{
  GhAccountPage *self;
  char          *uri;
} ShowUriData;

#define BUSINESS_SUITE_URL "https://business.facebook.com/settings/whatsapp-business-accounts"
#define WHATSAPP_MANAGER_URL "https://business.facebook.com/wa/manage/home/"

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

static const EnumWords limit_words[] = {
  { "TIER_50", N_("50 customers a day") },
  { "TIER_250", N_("250 customers a day") },
  { "TIER_1K", N_("1,000 customers a day") },
  { "TIER_2K", N_("2,000 customers a day") },
  { "TIER_10K", N_("10,000 customers a day") },
  { "TIER_100K", N_("100,000 customers a day") },
  { "TIER_UNLIMITED", N_("Unlimited") },
  { "UNTIERED", N_("No limit assigned yet") },
  { NULL, NULL }
};

static const EnumWords health_words[] = {
  { "AVAILABLE", N_("Can send messages") },
  { "LIMITED", N_("Can send messages, with limits") },
  { "BLOCKED", N_("Cannot send messages") },
  { NULL, NULL }
};

static const EnumWords entity_words[] = {
  { "WABA", N_("This WhatsApp account") },
  { "BUSINESS", N_("The business portfolio") },
  { "APP", N_("The app") },
  { "PHONE_NUMBER", N_("A phone number") },
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
  { "GREEN", N_("High") },
  { "YELLOW", N_("Medium") },
  { "RED", N_("Low") },
  { "NA", N_("Not rated yet") },
  { "UNKNOWN", N_("Not rated yet") },
  { NULL, NULL }
};

static const EnumWords code_words[] = {
  { "VERIFIED", N_("Verified") },
  { "NOT_VERIFIED", N_("Not verified") },
  { "UNVERIFIED", N_("Not verified") },
  { "EXPIRED", N_("Expired") },
  { NULL, NULL }
};

static const EnumWords platform_words[] = {
  { "CLOUD_API", N_("Cloud API") },
  { "ON_PREMISE", N_("On-premises") },
  { "NOT_APPLICABLE", N_("Not set up for the API") },
  { NULL, NULL }
};

static const EnumWords mode_words[] = {
  { "LIVE", N_("Live") },
  { "SANDBOX", N_("Test number (sandbox)") },
  { NULL, NULL }
};

static const EnumWords throughput_words[] = {
  { "STANDARD", N_("Standard") },
  { "HIGH", N_("High") },
  { "NOT_APPLICABLE", N_("Not applicable") },
  { NULL, NULL }
};

static const EnumWords name_status_words[] = {
  { "APPROVED", N_("Approved") },
  { "AVAILABLE_WITHOUT_REVIEW", N_("Usable without review") },
  { "PENDING_REVIEW", N_("Pending review") },
  { "DECLINED", N_("Declined") },
  { "EXPIRED", N_("Expired") },
  { "NONE", N_("Not submitted") },
  { NULL, NULL }
};

/* In the order a person reads them; anything else follows as sent. */
static const EnumWords template_status_words[] = {
  { "APPROVED", N_("Approved") },
  { "PENDING", N_("Pending review") },
  { "IN_APPEAL", N_("In appeal") },
  { "REJECTED", N_("Rejected") },
  { "PAUSED", N_("Paused") },
  { "DISABLED", N_("Disabled") },
  { "LIMIT_EXCEEDED", N_("Over the limit") },
  { "ARCHIVED", N_("Archived") },
  { "PENDING_DELETION", N_("Being deleted") },
  { "DELETED", N_("Deleted") },
  { NULL, NULL }
};

static const EnumWords category_words[] = {
  { "MARKETING", N_("Marketing") },
  { "UTILITY", N_("Utility") },
  { "AUTHENTICATION", N_("Authentication") },
  { NULL, NULL }
};

static const EnumWords phone_status_help[] = {
  { "PENDING", N_("The number is added but not registered for sending yet. Register it in "
                  "WhatsApp Manager → Phone numbers before an integration uses it.") },
  { "FLAGGED", N_("Meta flagged the number because its quality dropped. If quality does not "
                  "recover within 7 days, its messaging limit goes down.") },
  { "RESTRICTED", N_("The number cannot start new conversations for now: it reached its "
                     "messaging limit or was restricted for a policy reason. It can still "
                     "answer customers who write first.") },
  { "BANNED", N_("Meta banned this number. WhatsApp Manager → Phone numbers says why and "
                 "how to appeal.") },
  { "DISCONNECTED", N_("The number is not connected to WhatsApp any more. Register it again "
                       "in WhatsApp Manager.") },
  { "DELETED", N_("The number was deleted from this account.") },
  { "RATE_LIMITED", N_("Too many messages were sent from this number in a short time. Wait "
                       "before sending more.") },
  { "UNVERIFIED", N_("The number is not verified yet: verify it in WhatsApp Manager.") },
  { NULL, NULL }
};

static const EnumWords quality_help[] = {
  { "RED", N_("Customers are blocking or reporting messages from this number. Send fewer, "
              "more relevant messages, or it may be flagged and limited.") },
  { "YELLOW", N_("Quality is dropping: some customers block or report messages from this "
                 "number.") },
  { NULL, NULL }
};

static const EnumWords code_help[] = {
  { "NOT_VERIFIED", N_("Meta has not confirmed that the business owns this number. Verify it "
                       "with a code by text message or phone call in WhatsApp Manager.") },
  { "UNVERIFIED", N_("Meta has not confirmed that the business owns this number. Verify it "
                     "with a code by text message or phone call in WhatsApp Manager.") },
  { "EXPIRED", N_("The ownership check has expired. Verify the number again with a code in "
                  "WhatsApp Manager.") },
  { NULL, NULL }
};

static const EnumWords mode_help[] = {
  { "SANDBOX", N_("A test number: it can only message the few recipients added in the app's "
                  "API Setup, never real customers.") },
  { NULL, NULL }
};

static const EnumWords name_status_help[] = {
  { "PENDING_REVIEW", N_("Meta is reviewing the display name. Until it is approved, customers "
                         "may see only the number.") },
  { "DECLINED", N_("Meta declined the display name. Change it in WhatsApp Manager → Phone "
                   "numbers → Profile.") },
  { "EXPIRED", N_("The display name's approval expired. Submit the name again in WhatsApp "
                  "Manager.") },
  { "NONE", N_("No display name was submitted: customers see only the number.") },
  { NULL, NULL }
};

static const EnumWords *
enum_find (const EnumWords *table,
           const char      *wire)
{
  if (wire == NULL)
    return NULL;

  for (guint i = 0; table[i].wire != NULL; i++)
    if (g_ascii_strcasecmp (table[i].wire, wire) == 0)
      return &table[i];

  return NULL;
}

/* Plain words for the values Meta documents; anything else is shown as it came. */
static const char *
enum_to_words (const EnumWords *table,
               const char      *wire)
{
  const EnumWords *found;

  if (wire == NULL || *wire == '\0')
    return NULL;

  found = enum_find (table, wire);
  return found != NULL ? _(found->words) : wire;
}

/* The explanation of a problem state, NULL when the value is not a problem. */
static const char *
enum_to_help (const EnumWords *table,
              const char      *wire)
{
  const EnumWords *found = enum_find (table, wire);

  return found != NULL ? _(found->words) : NULL;
}

static gboolean
is_graph_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* "April 12, 2023" in local time; Meta sends ISO 8601 ("2023-04-12T09:31:05+0000") or, in
 * newer versions, seconds since 1970.  Anything else is shown as sent. */
static char *
format_creation_time (const char *text)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  guint64 seconds;

  if (text == NULL || *text == '\0')
    return NULL;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64 / G_USEC_PER_SEC, &seconds, NULL))
    utc = g_date_time_new_from_unix_utc ((gint64) seconds);
  else
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();

      utc = g_date_time_new_from_iso8601 (text, tz);
    }

  if (utc == NULL || (local = g_date_time_to_local (utc)) == NULL)
    return g_strdup (text);

  /* TRANSLATORS: the date an account was created, see g_date_time_format() */
  return g_date_time_format (local, C_("creation date", "%B %-d, %Y"));
}

static char *
dup_business_suite_uri (GhAccountPage *self)
{
  g_autoptr(GString) uri = g_string_new (BUSINESS_SUITE_URL);

  if (is_graph_id (self->waba_id))
    g_string_append_printf (uri, "/%s", self->waba_id);
  if (is_graph_id (self->business_id))
    g_string_append_printf (uri, "?business_id=%s", self->business_id);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static char *
dup_whatsapp_manager_uri (GhAccountPage *self)
{
  g_autoptr(GString) uri = g_string_new (WHATSAPP_MANAGER_URL);
  char separator = '?';

  if (is_graph_id (self->waba_id))
    {
      g_string_append_printf (uri, "%cwaba_id=%s", separator, self->waba_id);
      separator = '&';
    }
  if (is_graph_id (self->business_id))
    g_string_append_printf (uri, "%cbusiness_id=%s", separator, self->business_id);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static void
show_uri_data_free (ShowUriData *data)
{
  g_object_unref (data->self);
  g_free (data->uri);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowUriData, show_uri_data_free)

static GtkWidget *
value_label_new (const char *value,
                 gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Server text: never markup. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), value);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A wrapping label asks for the width of its longest word only, and the row's title takes
   * the rest: short values would break after every few letters. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (value, -1) + 2, 20));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* A row naming a field on the left and its value on the right; @subtitle explains. */
static GtkWidget *
value_row_new (const char *title,
               const char *value,
               const char *subtitle)
{
  GtkWidget *row = gh_ui_plain_row_new (title, subtitle);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             value_label_new (value != NULL ? value : _("Unknown"),
                                              value == NULL));
  return row;
}

static void
row_mark_problem (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Needs attention"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
}

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *value = g_object_get_data (G_OBJECT (button), "gh-copy-value");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), value);
  gh_ui_toast (GTK_WIDGET (button), _("Copied"));
}

/* An ID: what it is, where Business Suite shows it, the value and a Copy button. */
static GtkWidget *
id_row_new (const char *title,
            const char *value,
            const char *where,
            const char *copy_name)
{
  GtkWidget *row = value_row_new (title, value, where);
  GtkWidget *button;

  if (value == NULL || *value == '\0')
    return row;

  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  copy_name, -1);
  g_object_set_data_full (G_OBJECT (button), "gh-copy-value", g_strdup (value), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
add_value (AdwPreferencesGroup *group,
           const char          *title,
           const char          *value)
{
  gh_ui_group_add_row (group, value_row_new (title, value, NULL));
}

/* A field the token may not read: "Not available" and why, never an error page. */
static void
add_unavailable (AdwPreferencesGroup *group,
                 const char          *title,
                 GhWaba              *waba)
{
  const char *reason = gh_waba_get_unavailable_reason (waba);
  GtkWidget *row = gh_ui_plain_row_new (title, reason);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label_new (_("Not available"), TRUE));
  gh_ui_group_add_row (group, row);
}

static void
fill_details (GhAccountPage *self,
              GhWaba        *waba)
{
  AdwPreferencesGroup *group = self->details_group;
  const char *business_name = gh_waba_get_owner_business_name (waba);
  const char *business_id = gh_waba_get_owner_business_id (waba);
  g_autofree char *timezone = gh_timezone_dup_label (gh_waba_get_timezone_id (waba));
  g_autofree char *created = format_creation_time (gh_waba_get_creation_time (waba));

  gh_ui_group_clear (group);

  add_value (group, _("Name"), gh_waba_get_name (waba));
  gh_ui_group_add_row (group,
                       id_row_new (_("WhatsApp Business Account ID"), gh_waba_get_id (waba),
                                   _("Business settings → Accounts → WhatsApp accounts"),
                                   _("Copy WhatsApp Business Account ID")));

  if (gh_waba_is_field_unavailable (waba, "owner_business_info"))
    add_unavailable (group, _("Owning business"), waba);
  else
    {
      add_value (group, _("Owning business"), business_name);
      gh_ui_group_add_row (group,
                           id_row_new (_("Business portfolio ID"), business_id,
                                       _("Business settings → Business info"),
                                       _("Copy business portfolio ID")));
    }

  if (gh_waba_is_field_unavailable (waba, "on_behalf_of_business_info"))
    add_unavailable (group, _("On behalf of"), waba);
  else if (gh_waba_get_on_behalf_of_business_name (waba) != NULL ||
           gh_waba_get_on_behalf_of_business_id (waba) != NULL)
    {
      /* A partner's account: the business the messages are sent for. */
      add_value (group, _("On behalf of"), gh_waba_get_on_behalf_of_business_name (waba));
      gh_ui_group_add_row (group,
                           id_row_new (_("Client business ID"),
                                       gh_waba_get_on_behalf_of_business_id (waba),
                                       _("Business settings → Accounts → WhatsApp accounts → "
                                         "Partners"),
                                       _("Copy client business ID")));
    }

  add_value (group, _("Account review"),
             enum_to_words (review_words, gh_waba_get_account_review_status (waba)));
  add_value (group, _("Business verification"),
             enum_to_words (verification_words,
                            gh_waba_get_business_verification_status (waba)));
  add_value (group, _("Messaging limit"),
             enum_to_words (limit_words, gh_waba_get_messaging_limit (waba)));
  add_value (group, _("Currency"), gh_waba_get_currency (waba));
  add_value (group, _("Time zone"), timezone);
  add_value (group, _("Country"), gh_waba_get_country (waba));

  if (gh_waba_is_field_unavailable (waba, "primary_business_location"))
    add_unavailable (group, _("Business location"), waba);
  else if (gh_waba_get_primary_business_location (waba) != NULL)
    add_value (group, _("Business location"), gh_waba_get_primary_business_location (waba));

  gh_ui_group_add_row (group,
                       id_row_new (_("Message template namespace"),
                                   gh_waba_get_message_template_namespace (waba),
                                   _("WhatsApp Manager → Message templates"),
                                   _("Copy message template namespace")));
  add_value (group, _("Created"), created);
}

static void
fill_health (GhAccountPage *self,
             GhWaba        *waba)
{
  GPtrArray *issues = gh_waba_get_health_issues (waba);
  const char *can_send = gh_waba_get_can_send_message (waba);
  GtkWidget *row;

  gh_ui_group_clear (self->health_group);

  row = value_row_new (_("Can it send messages?"), enum_to_words (health_words, can_send),
                       issues->len > 0 ? _("What holds it back:") : NULL);
  if (can_send != NULL && g_ascii_strcasecmp (can_send, "AVAILABLE") != 0)
    row_mark_problem (row);
  gh_ui_group_add_row (self->health_group, row);

  for (guint i = 0; i < issues->len; i++)
    {
      GhWabaHealthIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *title = NULL;
      g_autofree char *explanation = NULL;
      const char *entity = enum_to_words (entity_words, issue->entity_type);

      if (entity == NULL)
        entity = _("Something");
      if (g_strcmp0 (issue->entity_type, "PHONE_NUMBER") == 0 && issue->entity_id != NULL)
        /* TRANSLATORS: %s is a phone number ID */
        title = g_strdup_printf (_("Phone number %s"), issue->entity_id);
      else
        title = g_strdup (entity);

      if (issue->description != NULL && issue->possible_solution != NULL)
        explanation = g_strdup_printf ("%s %s", issue->description, issue->possible_solution);
      else if (issue->description != NULL)
        explanation = g_strdup (issue->description);
      else if (issue->error_code != NULL)
        /* TRANSLATORS: %s is Meta's error code */
        explanation = g_strdup_printf (_("Meta reports error %s."), issue->error_code);

      row = value_row_new (title, enum_to_words (health_words, issue->can_send_message),
                           explanation);
      row_mark_problem (row);
      gh_ui_group_add_row (self->health_group, row);
    }
}

/* One row of a phone number's details, with its explanation when the value is a problem. */
static gboolean
add_phone_detail (AdwExpanderRow  *expander,
                  const char      *title,
                  const EnumWords *words,
                  const EnumWords *help,
                  const char      *wire)
{
  const char *explanation = help != NULL ? enum_to_help (help, wire) : NULL;
  GtkWidget *row = value_row_new (title, enum_to_words (words, wire), explanation);

  if (explanation != NULL)
    row_mark_problem (row);
  adw_expander_row_add_row (expander, row);

  return explanation != NULL;
}

static void
fill_phone_numbers (GhAccountPage *self,
                    GhWaba        *waba)
{
  GPtrArray *phones = gh_waba_get_phone_numbers (waba);

  gh_ui_group_clear (self->phones_group);

  if (phones->len == 0)
    {
      GtkWidget *row = gh_ui_plain_row_new (_("No phone numbers yet"),
                                            _("An integration needs a phone number to send "
                                              "messages. Add one in WhatsApp Manager → Phone "
                                              "numbers → Add phone number, then refresh."));

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gh_ui_group_add_row (self->phones_group, row);
      return;
    }

  for (guint i = 0; i < phones->len; i++)
    {
      GhPhoneNumber *phone = g_ptr_array_index (phones, i);
      const char *number = gh_phone_number_get_display_phone_number (phone);
      const char *verified_name = gh_phone_number_get_verified_name (phone);
      const char *status = enum_to_words (phone_status_words, gh_phone_number_get_status (phone));
      g_autofree char *subtitle = NULL;
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *icon;
      gboolean problem = FALSE;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     number != NULL ? number : gh_phone_number_get_id (phone));
      if (verified_name != NULL && status != NULL)
        subtitle = g_strdup_printf ("%s · %s", verified_name, status);
      else
        subtitle = g_strdup (verified_name != NULL ? verified_name : status);
      if (subtitle != NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                id_row_new (_("Phone number ID"), gh_phone_number_get_id (phone),
                                            _("WhatsApp Manager → Phone numbers → Phone "
                                              "number ID"),
                                            _("Copy phone number ID")));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                value_row_new (_("Verified name"), verified_name, NULL));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Status"),
                                   phone_status_words, phone_status_help,
                                   gh_phone_number_get_status (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Display name"),
                                   name_status_words, name_status_help,
                                   gh_phone_number_get_name_status (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Quality rating"),
                                   quality_words, quality_help,
                                   gh_phone_number_get_quality_rating (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Ownership check"),
                                   code_words, code_help,
                                   gh_phone_number_get_code_verification_status (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Mode"),
                                   mode_words, mode_help,
                                   gh_phone_number_get_account_mode (phone));
      add_phone_detail (ADW_EXPANDER_ROW (expander), _("Platform"), platform_words, NULL,
                        gh_phone_number_get_platform_type (phone));
      add_phone_detail (ADW_EXPANDER_ROW (expander), _("Throughput"), throughput_words, NULL,
                        gh_phone_number_get_throughput_level (phone));

      /* The state of each number at a glance, without opening it. */
      icon = gtk_image_new_from_icon_name (problem ? "dialog-warning-symbolic"
                                                   : "emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, problem ? "warning" : "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      problem ? _("Needs attention") : _("Ready"), -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), icon);

      gh_ui_group_add_row (self->phones_group, expander);
    }
}

/* "Approved: 7 · Pending review: 1", known values in @table's order, others after. */
static char *
format_counts (GHashTable      *counts,
               const EnumWords *table)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **keys = NULL;
  guint n_keys = 0;

  for (guint i = 0; table[i].wire != NULL; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, table[i].wire));

      if (n > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%s: %u", _(table[i].words), n));
    }

  keys = (const char **) g_hash_table_get_keys_as_array (counts, &n_keys);
  for (guint i = 0; i < n_keys; i++)
    if (enum_find (table, keys[i]) == NULL)
      g_ptr_array_add (parts, g_strdup_printf ("%s: %u", keys[i],
                                               GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                      keys[i]))));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
fill_templates (GhAccountPage *self,
                GhWaba        *waba)
{
  GhTemplateSummary *templates = gh_waba_get_templates (waba);
  g_autofree char *total_text = NULL;
  g_autofree char *by_status = NULL;
  g_autofree char *by_category = NULL;
  g_autofree char *note = NULL;
  gint64 total;
  gint64 limit;
  gint64 counted;

  gh_ui_group_clear (self->templates_group);

  if (templates == NULL)
    {
      add_value (self->templates_group, _("Templates"), NULL);
      return;
    }

  total = gh_template_summary_get_total (templates);
  limit = gh_template_summary_get_limit (templates);
  counted = gh_template_summary_get_counted (templates);

  total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  if (limit >= 0)
    {
      g_autofree char *limit_text = g_strdup_printf ("%" G_GINT64_FORMAT, limit);
      g_autofree char *count_text = g_steal_pointer (&total_text);

      /* TRANSLATORS: templates in use out of the account's limit, e.g. "12 of 250" */
      total_text = g_strdup_printf (_("%s of %s"), count_text, limit_text);
    }

  if (counted < total && counted > 0)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Counts below cover the first %u template.",
                                         "Counts below cover the first %u templates.",
                                         (gulong) counted), (guint) counted);
  else if (counted < total)
    note = g_strdup (_("Meta sent no counts by status or category."));

  gh_ui_group_add_row (self->templates_group,
                       value_row_new (limit >= 0 ? _("Templates in use, of the limit")
                                                 : _("Templates"),
                                      total_text, note));

  if (total == 0)
    return;

  by_status = format_counts (gh_template_summary_get_by_status (templates),
                             template_status_words);
  by_category = format_counts (gh_template_summary_get_by_category (templates),
                               category_words);
  if (by_status != NULL)
    {
      GtkWidget *row = gh_ui_plain_row_new (_("By status"), by_status);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gh_ui_group_add_row (self->templates_group, row);
    }
  if (by_category != NULL)
    {
      GtkWidget *row = gh_ui_plain_row_new (_("By category"), by_category);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gh_ui_group_add_row (self->templates_group, row);
    }
}

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ShowUriData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* No browser answered: hand the address over so the person can still go on. */
  g_debug ("Could not open %s: %s", data->uri, error->message);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (data->self)), data->uri);
  gh_ui_toast (GTK_WIDGET (data->self),
               _("No web browser opened. The address is copied: paste it into your browser."));
}

static void
open_uri (GhAccountPage *self,
          char          *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ShowUriData *data = g_new0 (ShowUriData, 1);

  data->self = g_object_ref (self);
  data->uri = uri;
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, data->uri,
                     GDK_CURRENT_TIME, self->cancellable, show_uri_cb, data);
}

static void
open_business_suite_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (widget);

  open_uri (self, dup_business_suite_uri (self));
}

static void
open_whatsapp_manager_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (widget);

  open_uri (self, dup_whatsapp_manager_uri (self));
}

static void
copy_details_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          gtk_label_get_text (self->details_label));
  gh_ui_toast (widget, _("Copied"));
}

static void
set_ids (GhAccountPage *self,
         const char    *waba_id,
         const char    *business_id)
{
  g_free (self->waba_id);
  self->waba_id = g_strdup (waba_id);
  g_free (self->business_id);
  self->business_id = g_strdup (business_id);
}

static void
gh_account_page_dispose (GObject *object)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_ACCOUNT_PAGE);

  G_OBJECT_CLASS (gh_account_page_parent_class)->dispose (object);
}

static void
gh_account_page_finalize (GObject *object)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->waba_id);
  g_free (self->business_id);

  G_OBJECT_CLASS (gh_account_page_parent_class)->finalize (object);
}

static void
gh_account_page_class_init (GhAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_account_page_dispose;
  object_class->finalize = gh_account_page_finalize;

  /* Not "account.": that prefix belongs to the window's refresh action. */
  gtk_widget_class_install_action (widget_class, "overview.open-business-suite", NULL,
                                   open_business_suite_cb);
  gtk_widget_class_install_action (widget_class, "overview.open-whatsapp-manager", NULL,
                                   open_whatsapp_manager_cb);
  gtk_widget_class_install_action (widget_class, "overview.copy-details", NULL,
                                   copy_details_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, fix_button);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_expander);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, content_page);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, health_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, phones_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, templates_group);
}

static void
gh_account_page_init (GhAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* Not a bound template child: AdwBin already owns it and unparents it on dispose. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
}

void
gh_account_page_set_loading (GhAccountPage *self)
{
  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
gh_account_page_set_waba (GhAccountPage *self,
                          GhWaba        *waba)
{
  const char *business_id;

  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (GH_IS_WABA (waba));

  business_id = gh_waba_get_owner_business_id (waba);
  set_ids (self, gh_waba_get_id (waba),
           business_id != NULL ? business_id : self->business_id);

  fill_details (self, waba);
  fill_health (self, waba);
  fill_phone_numbers (self, waba);
  fill_templates (self, waba);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

void
gh_account_page_set_error (GhAccountPage *self,
                           const GError  *error)
{
  gboolean not_assigned;

  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (error != NULL);

  gh_ui_status_page_set_error (self->error_page, self->details_label,
                               GTK_WIDGET (self->details_expander), error,
                               _("The Account Could Not Be Read"));

  /* The commonest cause has a fix Business Suite can do, with a button to its page. */
  not_assigned = g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  if (not_assigned)
    {
      adw_status_page_set_title (self->error_page, _("This Token Can’t Read This Account"));
      adw_status_page_set_description (self->error_page,
                                       _("The system user behind this token is not assigned "
                                         "to this WhatsApp Business Account. In Business "
                                         "Suite, open Business settings → Accounts → WhatsApp "
                                         "accounts, choose the account, select Assign people, "
                                         "pick the system user and give it Full control. Then "
                                         "try again."));
    }

  gtk_widget_set_visible (self->fix_button, not_assigned);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
gh_account_page_set_account_hint (GhAccountPage *self,
                                  const char    *waba_id,
                                  const char    *business_id)
{
  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));

  set_ids (self, waba_id, business_id);
}
