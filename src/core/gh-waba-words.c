/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-waba-words"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-waba-words.h"

static const GhWordsEntry review_words[] = {
  { "APPROVED", N_("Approved") },
  { "PENDING", N_("Pending review") },
  { "REJECTED", N_("Rejected") },
  { "RESTRICTED", N_("Restricted") },
  { NULL, NULL }
};

static const GhWordsEntry verification_words[] = {
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

static const GhWordsEntry limit_words[] = {
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

static const GhWordsEntry health_words[] = {
  { "AVAILABLE", N_("Can send messages") },
  { "LIMITED", N_("Can send messages, with limits") },
  { "BLOCKED", N_("Cannot send messages") },
  { NULL, NULL }
};

static const GhWordsEntry entity_words[] = {
  { "WABA", N_("This WhatsApp account") },
  { "BUSINESS", N_("The business portfolio") },
  { "APP", N_("The app") },
  { "PHONE_NUMBER", N_("A phone number") },
  { NULL, NULL }
};

static const GhWordsEntry phone_status_words[] = {
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

static const GhWordsEntry quality_words[] = {
  { "GREEN", N_("High") },
  { "YELLOW", N_("Medium") },
  { "RED", N_("Low") },
  { "NA", N_("Not rated yet") },
  { "UNKNOWN", N_("Not rated yet") },
  { NULL, NULL }
};

static const GhWordsEntry code_words[] = {
  { "VERIFIED", N_("Verified") },
  { "NOT_VERIFIED", N_("Not verified") },
  { "UNVERIFIED", N_("Not verified") },
  { "EXPIRED", N_("Expired") },
  { NULL, NULL }
};

static const GhWordsEntry platform_words[] = {
  { "CLOUD_API", N_("Cloud API") },
  { "ON_PREMISE", N_("On-premises") },
  { "NOT_APPLICABLE", N_("Not set up for the API") },
  { NULL, NULL }
};

static const GhWordsEntry mode_words[] = {
  { "LIVE", N_("Live") },
  { "SANDBOX", N_("Test number (sandbox)") },
  { NULL, NULL }
};

static const GhWordsEntry throughput_words[] = {
  { "STANDARD", N_("Standard") },
  { "HIGH", N_("High") },
  { "NOT_APPLICABLE", N_("Not applicable") },
  { NULL, NULL }
};

static const GhWordsEntry name_status_words[] = {
  { "APPROVED", N_("Approved") },
  { "AVAILABLE_WITHOUT_REVIEW", N_("Usable without review") },
  { "PENDING_REVIEW", N_("Pending review") },
  { "DECLINED", N_("Declined") },
  { "EXPIRED", N_("Expired") },
  { "NONE", N_("Not submitted") },
  { NULL, NULL }
};

/* In the order a person reads them; anything else follows as sent. */
static const GhWordsEntry template_status_words[] = {
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

static const GhWordsEntry category_words[] = {
  { "MARKETING", N_("Marketing") },
  { "UTILITY", N_("Utility") },
  { "AUTHENTICATION", N_("Authentication") },
  { NULL, NULL }
};

static const GhWordsEntry phone_status_help[] = {
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

static const GhWordsEntry quality_help[] = {
  { "RED", N_("Customers are blocking or reporting messages from this number. Send fewer, "
              "more relevant messages, or it may be flagged and limited.") },
  { "YELLOW", N_("Quality is dropping: some customers block or report messages from this "
                 "number.") },
  { NULL, NULL }
};

static const GhWordsEntry code_help[] = {
  { "NOT_VERIFIED", N_("Meta has not confirmed that the business owns this number. Verify it "
                       "with a code by text message or phone call in WhatsApp Manager.") },
  { "UNVERIFIED", N_("Meta has not confirmed that the business owns this number. Verify it "
                     "with a code by text message or phone call in WhatsApp Manager.") },
  { "EXPIRED", N_("The ownership check has expired. Verify the number again with a code in "
                  "WhatsApp Manager.") },
  { NULL, NULL }
};

static const GhWordsEntry mode_help[] = {
  { "SANDBOX", N_("A test number: it can only message the few recipients added in the app’s "
                  "API Setup, never real customers.") },
  { NULL, NULL }
};

static const GhWordsEntry name_status_help[] = {
  { "PENDING_REVIEW", N_("Meta is reviewing the display name. Until it is approved, customers "
                         "may see only the number.") },
  { "DECLINED", N_("Meta declined the display name. Change it in WhatsApp Manager → Phone "
                   "numbers → Profile.") },
  { "EXPIRED", N_("The display name’s approval expired. Submit the name again in WhatsApp "
                  "Manager.") },
  { "NONE", N_("No display name was submitted: customers see only the number.") },
  { NULL, NULL }
};

static const GhWordsEntry no_help[] = {
  { NULL, NULL }
};

static const struct
{
  const GhWordsEntry *words;
  const GhWordsEntry *help;
} kinds[] = {
  [GH_WORDS_REVIEW_STATUS] = { review_words, no_help },
  [GH_WORDS_VERIFICATION] = { verification_words, no_help },
  [GH_WORDS_MESSAGING_LIMIT] = { limit_words, no_help },
  [GH_WORDS_HEALTH] = { health_words, no_help },
  [GH_WORDS_ENTITY] = { entity_words, no_help },
  [GH_WORDS_PHONE_STATUS] = { phone_status_words, phone_status_help },
  [GH_WORDS_QUALITY] = { quality_words, quality_help },
  [GH_WORDS_CODE_VERIFICATION] = { code_words, code_help },
  [GH_WORDS_PLATFORM] = { platform_words, no_help },
  [GH_WORDS_ACCOUNT_MODE] = { mode_words, mode_help },
  [GH_WORDS_THROUGHPUT] = { throughput_words, no_help },
  [GH_WORDS_NAME_STATUS] = { name_status_words, name_status_help },
  [GH_WORDS_TEMPLATE_STATUS] = { template_status_words, no_help },
  [GH_WORDS_TEMPLATE_CATEGORY] = { category_words, no_help },
};

static const GhWordsEntry *
find_entry (const GhWordsEntry *table,
            const char         *wire)
{
  if (wire == NULL)
    return NULL;

  for (guint i = 0; table[i].wire != NULL; i++)
    if (g_ascii_strcasecmp (table[i].wire, wire) == 0)
      return &table[i];

  return NULL;
}

const GhWordsEntry *
gh_words_table (GhWordsKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), no_help);

  return kinds[kind].words;
}

gboolean
gh_words_is_known (GhWordsKind  kind,
                   const char  *wire)
{
  return find_entry (gh_words_table (kind), wire) != NULL;
}

const char *
gh_words_for (GhWordsKind  kind,
              const char  *wire)
{
  const GhWordsEntry *found;

  if (wire == NULL || *wire == '\0')
    return NULL;

  found = find_entry (gh_words_table (kind), wire);
  return found != NULL ? _(found->words) : wire;
}

const char *
gh_words_help (GhWordsKind  kind,
               const char  *wire)
{
  const GhWordsEntry *found;

  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  found = find_entry (kinds[kind].help, wire);
  return found != NULL ? _(found->words) : NULL;
}

static const struct
{
  gint64      code;
  const char *words;
  const char *fix;
} health_errors[] = {
  { 141006,
    N_("The account has no valid payment method, so paid messages fail (Meta answers "
       "131042 when they are sent)."),
    N_("Add or fix the payment method under Business settings → Accounts → WhatsApp accounts "
       "→ this account → Payment settings.") },
  { 141010,
    N_("The business is not verified, so it can start conversations with a limited number "
       "of customers only."),
    N_("Start or finish business verification in Business settings → Security Center.") },
};

const char *
gh_words_health_error (gint64       code,
                       const char **fix)
{
  for (guint i = 0; i < G_N_ELEMENTS (health_errors); i++)
    if (health_errors[i].code == code)
      {
        if (fix != NULL)
          *fix = _(health_errors[i].fix);
        return _(health_errors[i].words);
      }

  if (fix != NULL)
    *fix = NULL;

  return NULL;
}

/* "April 12, 2023" in local time; Meta sends ISO 8601 ("2023-04-12T09:31:05+0000") or, in
 * newer versions, seconds since 1970.  Anything else is shown as sent. */
char *
gh_words_format_time (const char *text)
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

