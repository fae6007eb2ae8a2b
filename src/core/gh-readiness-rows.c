/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-readiness"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-graph-error.h"
#include "gh-readiness-private.h"
#include "gh-waba-words.h"

/* The rows of an account's readiness that say what holds it back: each entity of Meta's
 * health_status, the messaging limit, and each phone number; with the helpers every row
 * uses. */

/* Pages of Business Suite that fix what health_status and the numbers report. */
#define ACCOUNT_SETTINGS_URL "https://business.facebook.com/settings/whatsapp-business-accounts/"
#define SECURITY_CENTER_URL  "https://business.facebook.com/settings/security"
#define PHONE_NUMBERS_URL    "https://business.facebook.com/wa/manage/phone-numbers/"

static gboolean
is_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static char *
dup_page_uri (GhAccountReadiness *self,
              GhReadinessPage     page)
{
  const char *waba_id = gh_waba_get_id (self->waba);
  const char *business_id = is_digits (self->business_id) ? self->business_id : NULL;
  GString *uri;

  switch (page)
    {
    case GH_READINESS_PAGE_ACCOUNT_SETTINGS:
      uri = g_string_new (ACCOUNT_SETTINGS_URL);
      if (is_digits (waba_id))
        g_string_append (uri, waba_id);
      if (business_id != NULL)
        g_string_append_printf (uri, "?business_id=%s", business_id);
      break;

    case GH_READINESS_PAGE_SECURITY_CENTER:
      uri = g_string_new (SECURITY_CENTER_URL);
      if (business_id != NULL)
        g_string_append_printf (uri, "?business_id=%s", business_id);
      break;

    case GH_READINESS_PAGE_PHONE_NUMBERS:
    default:
      uri = g_string_new (PHONE_NUMBERS_URL);
      if (is_digits (waba_id))
        g_string_append_printf (uri, "?waba_id=%s", waba_id);
      if (business_id != NULL)
        g_string_append_printf (uri, "%cbusiness_id=%s", is_digits (waba_id) ? '&' : '?',
                                business_id);
      break;
    }

  return g_string_free (uri, FALSE);
}

static gboolean
wire_is (const char *wire,
         const char *value)
{
  return wire != NULL && g_ascii_strcasecmp (wire, value) == 0;
}

static GhCheckStatus
status_of_can_send (const char *can_send)
{
  if (wire_is (can_send, "BLOCKED"))
    return GH_CHECK_STATUS_ERROR;
  if (can_send == NULL || wire_is (can_send, "AVAILABLE"))
    return GH_CHECK_STATUS_OK;

  /* LIMITED, and anything newer Meta may send: it is not free to send. */
  return GH_CHECK_STATUS_WARNING;
}

GhCheckItem *
_gh_readiness_add_item (GhAccountReadiness *self,
                        const char         *id,
                        GhCheckStatus       status,
                        const char         *title,
                        const char         *description,
                        const char         *fix)
{
  GhCheckItem *item = _gh_check_item_new (id, status, FALSE, title, description, fix,
                                          GH_GUIDE_STEP_NONE);

  _gh_check_item_set_account (item, gh_waba_get_id (self->waba));
  g_ptr_array_add (self->items, item);

  return item;
}

void
_gh_readiness_set_link (GhAccountReadiness *self,
                        GhCheckItem        *item,
                        GhReadinessPage     page)
{
  g_autofree char *uri = dup_page_uri (self, page);

  _gh_check_item_set_action (item, GH_CHECK_FIX_LINK, NULL, uri);
}

void
_gh_readiness_append_sentence (GString    *text,
                               const char *sentence)
{
  if (sentence == NULL || *sentence == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

/* Health */

static const char *
entity_key (const char *entity_type)
{
  if (wire_is (entity_type, "WABA"))
    return "account";
  if (wire_is (entity_type, "BUSINESS"))
    return "business";
  if (wire_is (entity_type, "APP"))
    return "app";
  if (wire_is (entity_type, "PHONE_NUMBER"))
    return "phone";

  return NULL;
}

/* Meta's own words, our sentence for the codes we know, and what fixes it. */
static void
describe_entity (const GhHealthEntity *entity,
                 GString              *description,
                 const char          **fix,
                 gint64               *known_code)
{
  *fix = NULL;
  *known_code = 0;

  for (guint i = 0; i < entity->errors->len; i++)
    {
      GhHealthError *error = g_ptr_array_index (entity->errors, i);
      const char *error_fix = NULL;
      const char *ours = gh_words_health_error (error->code, &error_fix);

      _gh_readiness_append_sentence (description, ours);
      if (ours != NULL && *known_code == 0)
        {
          *known_code = error->code;
          *fix = error_fix;
        }
      if (error->description != NULL)
        {
          g_autofree char *meta = NULL;

          /* Translators: what Meta itself says, quoted; %s is Meta's text (in English) */
          meta = g_strdup_printf (_("Meta says: “%s”"), error->description);
          _gh_readiness_append_sentence (description, meta);
        }
      _gh_readiness_append_sentence (description, error->solution);
      if (*fix == NULL)
        *fix = error->solution;

      if (ours == NULL && error->description == NULL && error->solution == NULL)
        {
          g_autofree char *code = NULL;

          /* Translators: %d is Meta's error code */
          code = g_strdup_printf (_("Meta reports error %d."), (int) MIN (error->code, G_MAXINT));
          _gh_readiness_append_sentence (description, code);
        }
    }

  for (guint i = 0; entity->additional_info[i] != NULL; i++)
    _gh_readiness_append_sentence (description, entity->additional_info[i]);
}

static void
add_entity_item (GhAccountReadiness   *self,
                 const GhHealthEntity *entity)
{
  const char *key = entity_key (entity->entity_type);
  g_autofree char *id = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  const char *title = gh_words_for (GH_WORDS_ENTITY, entity->entity_type);
  GhCheckStatus status = status_of_can_send (entity->can_send_message);
  const char *fix = NULL;
  gint64 known_code;
  GhCheckItem *item;

  if (key != NULL)
    id = g_strdup_printf ("account.%s.health.%s", gh_waba_get_id (self->waba), key);
  else
    id = g_strdup_printf ("account.%s.health.%s", gh_waba_get_id (self->waba),
                          entity->entity_type != NULL ? entity->entity_type : "other");

  if (title == NULL)
    title = _("Something Meta names");
  if (status == GH_CHECK_STATUS_OK)
    status = GH_CHECK_STATUS_WARNING;

  if (wire_is (entity->can_send_message, "BLOCKED"))
    _gh_readiness_append_sentence (description, _("Meta blocks messages because of it."));
  else if (wire_is (entity->can_send_message, "LIMITED"))
    _gh_readiness_append_sentence (description, _("Meta limits messages because of it."));
  else if (entity->can_send_message != NULL && !wire_is (entity->can_send_message, "AVAILABLE"))
    {
      g_autofree char *said = NULL;

      /* Translators: %s is a value Meta sent that Gatehouse does not know, as sent */
      said = g_strdup_printf (_("Meta says “%s” about it."), entity->can_send_message);
      _gh_readiness_append_sentence (description, said);
    }
  describe_entity (entity, description, &fix, &known_code);

  if (fix == NULL)
    fix = _("Business settings → Accounts → WhatsApp accounts shows what Meta needs.");
  item = _gh_readiness_add_item (self, id, status, title, description->str, fix);
  if (known_code == 141010)
    _gh_readiness_set_link (self, item, GH_READINESS_PAGE_SECURITY_CENTER);
  else if (wire_is (entity->entity_type, "PHONE_NUMBER"))
    _gh_readiness_set_link (self, item, GH_READINESS_PAGE_PHONE_NUMBERS);
  else
    _gh_readiness_set_link (self, item, GH_READINESS_PAGE_ACCOUNT_SETTINGS);
}

GhCheckStatus
_gh_readiness_add_health_items (GhAccountReadiness *self,
                                const GError       *details_error)
{
  g_autofree char *id = g_strdup_printf ("account.%s.health", gh_waba_get_id (self->waba));
  GhHealth *health = gh_waba_get_health (self->waba);
  const char *title = _("Sending");
  const char *can_send;
  GhCheckStatus status;
  GPtrArray *entities;

  if (health == NULL)
    {
      if (details_error != NULL)
        _gh_readiness_add_item (self, id, GH_CHECK_STATUS_WARNING, title,
                                _("Gatehouse could not read whether Meta lets this account "
                                  "send messages."),
                                _("Run the check again. If it keeps failing, WhatsApp Manager "
                                  "shows the account’s status."));
      return GH_CHECK_STATUS_WARNING;
    }

  can_send = gh_health_get_can_send_message (health);
  status = status_of_can_send (can_send);
  entities = gh_health_get_entities (health);

  if (can_send == NULL)
    _gh_readiness_add_item (self, id, GH_CHECK_STATUS_WARNING, title,
                            _("Meta did not say whether this account can send messages."),
                            _("Check the account in WhatsApp Manager."));
  else if (status == GH_CHECK_STATUS_OK)
    _gh_readiness_add_item (self, id, GH_CHECK_STATUS_OK, title,
                            _("Meta lets this account send messages."), NULL);
  else if (status == GH_CHECK_STATUS_ERROR)
    _gh_readiness_add_item (self, id, status, title,
                            _("Meta blocks messages from this account: what holds it back is "
                              "below."),
                            _("Fix what is listed below; Meta lifts the block once it is "
                              "resolved."));
  else if (wire_is (can_send, "LIMITED"))
    _gh_readiness_add_item (self, id, status, title,
                            _("Meta limits the messages this account can send: what holds it "
                              "back is below."),
                            _("Fix what is listed below; Meta lifts the limit once it is "
                              "resolved."));
  else
    {
      g_autofree char *said = NULL;

      /* Translators: %s is a value Meta sent that Gatehouse does not know, as sent */
      said = g_strdup_printf (_("Meta says “%s” about sending from this account, which "
                                "Gatehouse does not know: it may not send freely."), can_send);
      _gh_readiness_add_item (self, id, status, title, said,
                              _("WhatsApp Manager shows what it means for the account."));
    }

  /* A number's own entity is told with the number. */
  for (guint i = 0; i < entities->len; i++)
    {
      GhHealthEntity *entity = g_ptr_array_index (entities, i);

      if (!wire_is (entity->entity_type, "PHONE_NUMBER") &&
          !gh_health_entity_is_available (entity))
        add_entity_item (self, entity);
    }

  return can_send == NULL ? GH_CHECK_STATUS_WARNING : status;
}

void
_gh_readiness_add_limit_item (GhAccountReadiness *self)
{
  const char *limit = gh_waba_get_messaging_limit (self->waba);
  g_autofree char *id = NULL;
  g_autofree char *description = NULL;

  if (limit == NULL || *limit == '\0')
    return;

  id = g_strdup_printf ("account.%s.limit", gh_waba_get_id (self->waba));
  /* Translators: %s is a messaging limit, e.g. "10,000 customers a day" */
  description = g_strdup_printf (_("%s, shared by every phone number of every account in the "
                                   "business portfolio."),
                                 gh_words_for (GH_WORDS_MESSAGING_LIMIT, limit));
  _gh_readiness_add_item (self, id, GH_CHECK_STATUS_OK, _("Messaging limit"), description, NULL);
}

/* Phone numbers */

typedef struct
{
  GhCheckStatus status;
  GString      *description;
  const char   *fix;
  GhCheckFix    fix_kind;
} PhoneVerdict;

static void
phone_problem (PhoneVerdict  *verdict,
               GhCheckStatus  status,
               const char    *sentence,
               const char    *fix)
{
  _gh_readiness_append_sentence (verdict->description, sentence);
  if (status > verdict->status)
    {
      verdict->status = status;
      verdict->fix = fix;
      verdict->fix_kind = GH_CHECK_FIX_LINK;
    }
  else if (verdict->fix == NULL)
    verdict->fix = fix;
}

static gboolean
name_approved (const char *name_status)
{
  return name_status == NULL || wire_is (name_status, "APPROVED") ||
         wire_is (name_status, "AVAILABLE_WITHOUT_REVIEW");
}

static void
judge_phone (GhPhoneNumber            *phone,
             const GhReadinessContext *context,
             PhoneVerdict             *verdict)
{
  const char *status = gh_phone_number_get_status (phone);
  const char *name_status = gh_phone_number_get_name_status (phone);
  const char *quality = gh_phone_number_get_quality_rating (phone);
  const char *pending_fix;
  GhHealth *health = gh_phone_number_get_health (phone);
  GhHealthEntity *entity = health != NULL ? gh_health_find_entity (health, "PHONE_NUMBER")
                                          : NULL;
  gboolean registered = TRUE;

  if (wire_is (gh_phone_number_get_platform_type (phone), "ON_PREMISE"))
    phone_problem (verdict, GH_CHECK_STATUS_ERROR,
                   _("An On-Premises number: Meta switched the On-Premises API off in "
                     "October 2025, so it no longer sends or receives messages."),
                   _("Move the number to Cloud API in WhatsApp Manager → Phone numbers."));
  else if (wire_is (status, "PENDING"))
    {
      registered = FALSE;
      pending_fix = context->may_register != 0
                    ? _("Register it with its six-digit two-step verification PIN.")
                    : _("Someone with full control of the account registers it in WhatsApp "
                        "Manager → Phone numbers.");
      phone_problem (verdict, GH_CHECK_STATUS_ERROR,
                     _("Not registered for Cloud API: it stays Pending and cannot send or "
                       "receive messages until it is registered."), pending_fix);
      if (context->may_register != 0)
        verdict->fix_kind = GH_CHECK_FIX_REGISTER;
    }
  else if (wire_is (status, "DELETED") || wire_is (status, "BANNED") ||
           wire_is (status, "DISCONNECTED") || wire_is (status, "UNVERIFIED"))
    phone_problem (verdict, GH_CHECK_STATUS_ERROR,
                   gh_words_help (GH_WORDS_PHONE_STATUS, status),
                   _("WhatsApp Manager → Phone numbers says what the number needs."));
  else if (gh_words_help (GH_WORDS_PHONE_STATUS, status) != NULL)
    phone_problem (verdict, GH_CHECK_STATUS_WARNING,
                   gh_words_help (GH_WORDS_PHONE_STATUS, status),
                   _("WhatsApp Manager → Phone numbers says what the number needs."));

  if (entity != NULL && wire_is (entity->can_send_message, "BLOCKED"))
    {
      g_autoptr(GString) said = g_string_new (_("Meta blocks messages from this number."));
      const char *fix = NULL;
      gint64 known;

      describe_entity (entity, said, &fix, &known);
      phone_problem (verdict, GH_CHECK_STATUS_ERROR, said->str,
                     fix != NULL ? fix : _("WhatsApp Manager → Phone numbers says what the "
                                           "number needs."));
    }
  else if (entity != NULL && !gh_health_entity_is_available (entity) && registered &&
           name_approved (name_status))
    {
      /* A name in review is said below in plainer words than Meta's additional_info. */
      g_autoptr(GString) said = g_string_new (_("Meta limits messages from this number."));
      const char *fix = NULL;
      gint64 known;

      describe_entity (entity, said, &fix, &known);
      phone_problem (verdict, GH_CHECK_STATUS_WARNING, said->str,
                     fix != NULL ? fix : _("WhatsApp Manager → Phone numbers says what the "
                                           "number needs."));
    }

  if (wire_is (gh_phone_number_get_account_mode (phone), "SANDBOX"))
    phone_problem (verdict, GH_CHECK_STATUS_WARNING,
                   _("A test number: it sends only to the few recipients added in the app’s "
                     "API Setup (Meta answers 131030 for anyone else)."),
                   _("Add the business’s real number in WhatsApp Manager → Phone numbers for "
                     "customers."));

  if (!name_approved (name_status))
    {
      const char *help = gh_words_help (GH_WORDS_NAME_STATUS, name_status);
      g_autofree char *generic = NULL;

      if (help == NULL)
        /* Translators: %s is the state of a display name as Meta sends it */
        help = generic = g_strdup_printf (_("The display name is not approved (%s): the "
                                            "number can start conversations with few "
                                            "customers only."),
                                          gh_words_for (GH_WORDS_NAME_STATUS, name_status));
      phone_problem (verdict, GH_CHECK_STATUS_WARNING, help,
                     _("Check the display name in WhatsApp Manager → Phone numbers → "
                       "Profile."));
    }

  if (gh_words_help (GH_WORDS_QUALITY, quality) != NULL)
    phone_problem (verdict, GH_CHECK_STATUS_WARNING, gh_words_help (GH_WORDS_QUALITY, quality),
                   _("WhatsApp Manager → Insights shows which messages customers block."));
}

void
_gh_readiness_add_phone_item (GhAccountReadiness       *self,
                              GhPhoneNumber            *phone,
                              const GhReadinessContext *context,
                              GhPhoneCounts            *counts)
{
  const char *phone_id = gh_phone_number_get_id (phone);
  const char *number = gh_phone_number_get_display_phone_number (phone);
  const char *verified_name = gh_phone_number_get_verified_name (phone);
  g_autofree char *id = g_strdup_printf ("phone.%s.ready", phone_id);
  g_autofree char *title = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  PhoneVerdict verdict = { GH_CHECK_STATUS_OK, description, NULL, GH_CHECK_FIX_NONE };
  GhCheckItem *item;

  if (number != NULL && verified_name != NULL && *verified_name != '\0')
    /* Translators: a phone number and the name customers see, e.g. "+1 555-0100 · Shop" */
    title = g_strdup_printf (_("%s · %s"), number, verified_name);
  else
    title = g_strdup (number != NULL ? number : phone_id);

  judge_phone (phone, context, &verdict);

  if (verdict.status == GH_CHECK_STATUS_OK)
    {
      const char *quality = gh_words_for (GH_WORDS_QUALITY,
                                          gh_phone_number_get_quality_rating (phone));

      if (quality != NULL)
        {
          g_autofree char *sentence = NULL;

          /* Translators: %s is a quality rating, e.g. "High" */
          sentence = g_strdup_printf (_("Registered and ready to send and receive; quality: "
                                        "%s."), quality);
          _gh_readiness_append_sentence (description, sentence);
        }
      else
        _gh_readiness_append_sentence (description, _("Registered and ready to send and receive."));
    }

  if (verdict.status == GH_CHECK_STATUS_ERROR)
    counts->broken++;
  else if (verdict.status == GH_CHECK_STATUS_WARNING)
    counts->limited++;
  else
    counts->ready++;

  item = _gh_readiness_add_item (self, id, verdict.status, title, description->str, verdict.fix);
  if (verdict.fix_kind == GH_CHECK_FIX_REGISTER)
    _gh_check_item_set_action (item, GH_CHECK_FIX_REGISTER, phone_id, NULL);
  else if (verdict.status != GH_CHECK_STATUS_OK)
    _gh_readiness_set_link (self, item, GH_READINESS_PAGE_PHONE_NUMBERS);
}

