/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-account-page.h"
#include "gh-graph-error.h"
#include "gh-readiness-group.h"
#include "gh-session.h"
#include "gh-timezone.h"
#include "gh-ui-util.h"
#include "gh-waba-words.h"

/* The overview of one WhatsApp Business Account: whether it is ready to send and to
 * receive, its details, phone numbers and templates, in plain words, with every ID copyable
 * and labelled with where Business Suite shows it.  It follows the session's shown account
 * and reads it (one round trip); the window owns the header bar and the refresh action. */
struct _GhAccountPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkWidget           *fix_button;
  GtkExpander         *details_expander;
  GtkWidget           *help_button;
  GtkLabel            *details_label;
  AdwPreferencesPage  *content_page;
  AdwPreferencesGroup *details_group;
  GhReadinessGroup    *readiness_group;
  AdwPreferencesGroup *phones_group;
  AdwPreferencesGroup *templates_group;

  GCancellable        *cancellable;
  char                *waba_id;
  char                *business_id;

  GhSession           *session;
  GhWaba              *waba;
};

G_DEFINE_FINAL_TYPE (GhAccountPage, gh_account_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_WABA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BUSINESS_SUITE_URL "https://business.facebook.com/settings/whatsapp-business-accounts"
#define WHATSAPP_MANAGER_URL "https://business.facebook.com/wa/manage/home/"

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

static GtkWidget *
value_label_new (const char *value,
                 gboolean    dim)
{
  GtkWidget *label = gtk_label_new (NULL);
  glong length;

  /* Server text: never markup. */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), value);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A wrapping label asks for the width of its longest word only, and the row's title takes
   * the rest: short values (IDs above all) would break after every few letters, so they
   * ask for their whole width; long ones wrap anyway, and ask for little on a phone. */
  length = g_utf8_strlen (value, -1);
  gtk_label_set_width_chars (GTK_LABEL (label), length <= 18 ? (int) length + 2 : 12);
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

/* An ID: what it is, where Business Suite shows it, the value and a Copy button. */
static GtkWidget *
id_row_new (const char *title,
            const char *value,
            const char *where,
            const char *copy_name)
{
  GtkWidget *row = value_row_new (title, value, where);

  if (value != NULL && *value != '\0')
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gh_ui_copy_button_new (value, copy_name));

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
  g_autofree char *created = gh_words_format_time (gh_waba_get_creation_time (waba));

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
             gh_words_for (GH_WORDS_REVIEW_STATUS, gh_waba_get_account_review_status (waba)));
  add_value (group, _("Business verification"),
             gh_words_for (GH_WORDS_VERIFICATION,
                           gh_waba_get_business_verification_status (waba)));
  add_value (group, _("Messaging limit"),
             gh_words_for (GH_WORDS_MESSAGING_LIMIT, gh_waba_get_messaging_limit (waba)));
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

/* One row of a phone number's details, with its explanation when the value is a problem. */
static gboolean
add_phone_detail (AdwExpanderRow *expander,
                  const char     *title,
                  GhWordsKind     kind,
                  const char     *wire)
{
  const char *explanation = gh_words_help (kind, wire);
  GtkWidget *row = value_row_new (title, gh_words_for (kind, wire), explanation);

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
      const char *status = gh_words_for (GH_WORDS_PHONE_STATUS, gh_phone_number_get_status (phone));
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
                                   GH_WORDS_PHONE_STATUS,
                                   gh_phone_number_get_status (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Display name"),
                                   GH_WORDS_NAME_STATUS,
                                   gh_phone_number_get_name_status (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Quality rating"),
                                   GH_WORDS_QUALITY,
                                   gh_phone_number_get_quality_rating (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Ownership check"),
                                   GH_WORDS_CODE_VERIFICATION,
                                   gh_phone_number_get_code_verification_status (phone));
      problem |= add_phone_detail (ADW_EXPANDER_ROW (expander), _("Mode"),
                                   GH_WORDS_ACCOUNT_MODE,
                                   gh_phone_number_get_account_mode (phone));
      add_phone_detail (ADW_EXPANDER_ROW (expander), _("Platform"), GH_WORDS_PLATFORM,
                        gh_phone_number_get_platform_type (phone));
      add_phone_detail (ADW_EXPANDER_ROW (expander), _("Throughput"), GH_WORDS_THROUGHPUT,
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

static char *
format_count (const char *what,
              guint       n)
{
  /* Translators: how many templates have a status or category, e.g. "Approved: 7" */
  return g_strdup_printf (_("%s: %u"), what, n);
}

/* "Approved: 7 · Pending review: 1", known values in the order Meta documents them, others
 * after. */
static char *
format_counts (GHashTable  *counts,
               GhWordsKind  kind)
{
  const GhWordsEntry *table = gh_words_table (kind);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **keys = NULL;
  guint n_keys = 0;

  for (guint i = 0; table[i].wire != NULL; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, table[i].wire));

      if (n > 0)
        g_ptr_array_add (parts, format_count (_(table[i].words), n));
    }

  keys = (const char **) g_hash_table_get_keys_as_array (counts, &n_keys);
  for (guint i = 0; i < n_keys; i++)
    if (!gh_words_is_known (kind, keys[i]))
      g_ptr_array_add (parts,
                       format_count (keys[i],
                                     GPOINTER_TO_UINT (g_hash_table_lookup (counts, keys[i]))));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between counts, e.g. "Approved: 7 · Pending review: 1" */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
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
                             GH_WORDS_TEMPLATE_STATUS);
  by_category = format_counts (gh_template_summary_get_by_category (templates),
                               GH_WORDS_TEMPLATE_CATEGORY);
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
open_business_suite_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autofree char *uri = dup_business_suite_uri (GH_ACCOUNT_PAGE (widget));

  gh_ui_open_uri (widget, uri);
}

static void
open_whatsapp_manager_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autofree char *uri = dup_whatsapp_manager_uri (GH_ACCOUNT_PAGE (widget));

  gh_ui_open_uri (widget, uri);
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
account_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GhAccountPage) self = user_data;
  g_autoptr(GhAccountReadiness) readiness = NULL;
  g_autoptr(GError) error = NULL;

  readiness = gh_connection_load_account_finish (GH_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (readiness == NULL)
    {
      g_debug ("Reading the account failed: %s", error->message);
      gh_account_page_set_error (self, error);
      return;
    }

  gh_account_page_set_account (self, readiness);
}

static void
load (GhAccountPage *self)
{
  GhConnection *connection = gh_session_get_connection (self->session);
  const char *waba_id = gh_session_get_waba_id (self->session);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (connection == NULL || waba_id == NULL)
    return;

  set_ids (self, waba_id, gh_session_get_business_id (self->session));
  gh_account_page_set_loading (self);
  gh_readiness_group_set_connection (self->readiness_group, connection);
  gh_connection_load_account_async (connection, waba_id, self->cancellable, account_loaded_cb,
                                    g_object_ref (self));
}

static void
gh_account_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_WABA:
      g_value_set_object (value, self->waba);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_account_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_return_if_fail (self->session == NULL);
      self->session = g_value_dup_object (value);
      g_signal_connect_object (self->session, "notify::waba-id", G_CALLBACK (load), self,
                               G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_account_page_dispose (GObject *object)
{
  GhAccountPage *self = GH_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_ACCOUNT_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->waba);

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
  object_class->get_property = gh_account_page_get_property;
  object_class->set_property = gh_account_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WABA] =
    g_param_spec_object ("waba", NULL, NULL, GH_TYPE_WABA,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, help_button);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, content_page);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, readiness_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, phones_group);
  gtk_widget_class_bind_template_child (widget_class, GhAccountPage, templates_group);
}

static void
gh_account_page_init (GhAccountPage *self)
{
  g_type_ensure (GH_TYPE_READINESS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  gh_ui_wrap_pill_labels (GTK_WIDGET (self));
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

static void
show_account (GhAccountPage      *self,
              GhWaba             *waba,
              GhAccountReadiness *readiness)
{
  const char *business_id = gh_waba_get_owner_business_id (waba);

  set_ids (self, gh_waba_get_id (waba),
           business_id != NULL ? business_id : self->business_id);

  gh_readiness_group_set_readiness (self->readiness_group, readiness, FALSE);
  fill_details (self, waba);
  fill_phone_numbers (self, waba);
  fill_templates (self, waba);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "content");

  if (g_set_object (&self->waba, waba))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WABA]);
}

void
gh_account_page_set_waba (GhAccountPage *self,
                          GhWaba        *waba)
{
  GhConnection *connection;
  GhReadinessContext context;
  g_autoptr(GhAccountReadiness) readiness = NULL;

  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (GH_IS_WABA (waba));

  connection = self->session != NULL ? gh_session_get_connection (self->session) : NULL;
  gh_access_check_fill_context (connection != NULL ? gh_connection_get_report (connection)
                                                    : NULL,
                                gh_waba_get_id (waba), &context);
  readiness = gh_account_readiness_evaluate (waba, NULL, NULL, NULL, &context);
  show_account (self, waba, readiness);
}

void
gh_account_page_set_account (GhAccountPage      *self,
                             GhAccountReadiness *readiness)
{
  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (GH_IS_ACCOUNT_READINESS (readiness));

  show_account (self, gh_account_readiness_get_waba (readiness), readiness);
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
  gh_ui_help_button_set_error (self->help_button, error);

  /* The commonest cause has a fix Business Suite can do, with a button to its page. */
  not_assigned = g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  if (not_assigned)
    {
      adw_status_page_set_title (self->error_page, _("This Token Can’t Read This Account"));
      adw_status_page_set_description (self->error_page,
                                       _("The system user behind this token is not assigned "
                                         "to this WhatsApp Business Account. In Business "
                                         "Suite, open Business settings → Accounts → WhatsApp "
                                         "accounts, choose the account, select Add people, "
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

GhWaba *
gh_account_page_get_waba (GhAccountPage *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_PAGE (self), NULL);

  return self->waba;
}

void
gh_account_page_reload (GhAccountPage *self)
{
  g_return_if_fail (GH_IS_ACCOUNT_PAGE (self));

  load (self);
}
