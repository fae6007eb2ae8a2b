/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-troubleshooting"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-graph-error.h"
#include "gh-token-store.h"
#include "gh-troubleshooting.h"

/* One problem.  The texts are untranslated here and looked up when shown, so the table can
 * be static; "codes" are Meta's error numbers, searched but never shown. */
struct _GhTroubleshootingTopic
{
  const char *id;
  const char *title;
  const char *symptom;
  const char *cause;
  const char *fix;
  const char *keywords;   /* separated by ";", translated too: both are searched */
  const char *codes;
};

static const GhTroubleshootingTopic topics[] = {
  { "temporary-token",
    N_("The Token Stopped Working After a Day"),
    N_("Everything worked when you set it up, and a day later the integration stopped. Meta "
       "says the session has expired."),
    N_("The token was copied from the API Setup page of the App Dashboard. That page gives a "
       "temporary token, which Meta switches off after 24 hours. It is meant for a first "
       "test, not for an integration."),
    N_("Make a token for a system user instead: choose Set Up Access in Gatehouse and follow "
       "the steps. Then put the new token into your integration and into Gatehouse."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("temporary;24 hours;one day;expired;session has expired;API Setup;App Dashboard"),
    "190 463" },
  { "expiring-token",
    N_("The Token Ran Out After 60 Days"),
    N_("The integration worked for about two months and then stopped, with Meta saying the "
       "session has expired. Gatehouse shows an end date for the token."),
    N_("The token was made with an expiration of 60 days. Meta now recommends tokens that "
       "expire, and some businesses are not offered Never at all, so this is often not a "
       "mistake: it means the token has to be replaced in time."),
    N_("When you generate a token and Business Suite offers Never, choose it. Otherwise "
       "replace the token before its end date: generate a new one for the same system user, "
       "put it into your integration, replace it in Gatehouse, and only then revoke the old "
       "one. Gatehouse warns you when the end date is near."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("60 days;two months;expires;expired;expiration;never;rotate;renew;replace;end date"),
    "190 463" },
  { "token-before-app",
    N_("The Token Was Made Before the App Was Added"),
    N_("The token works but has no WhatsApp permissions, or the list of permissions in the "
       "Generate Token window was empty. The check may also name an app you did not expect."),
    N_("A system user’s token can only carry permissions for the apps the system user was "
       "given. A token generated before the app was assigned stays without them."),
    N_("In Business settings → Users → System users, select the system user, choose Assign "
       "Assets → Apps → your integration’s app, turn on Manage app (full control) and save. "
       "Then generate a new token: the old one does not change."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("app;assign;assets;manage app;no permissions;empty list;wrong app;order;generate"),
    NULL },
  { "missing-permissions",
    N_("A Permission Was Left Unticked"),
    N_("Meta says the token does not have all the necessary scopes, or the check shows a "
       "permission with a cross."),
    N_("Each permission has to be ticked when the token is generated. A token never gains "
       "permissions later."),
    N_("Generate a new token for the same system user and tick "
       "whatsapp_business_management and whatsapp_business_messaging, and business_management "
       "if Gatehouse is to change who has access. Then replace the token in your integration "
       "and in Gatehouse."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("permission;permissions;scope;scopes;unticked;missing;necessary scopes;"
       "whatsapp_business_management;whatsapp_business_messaging;business_management"),
    NULL },
  { "account-not-assigned",
    N_("The System User Cannot See the WhatsApp Account"),
    N_("The token is accepted and has every permission, but reading the WhatsApp Business "
       "Account fails with a permission error."),
    N_("A system user with Basic access (the role once called Employee) sees only the "
       "accounts it was given. System users with Full control of the business see every "
       "account."),
    N_("In Business settings → Accounts → WhatsApp accounts, open the account, choose Add "
       "People, pick the system user and give it Full control. Then check the token again; "
       "if the account is still missing, generate a new token."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("not assigned;access;employee;add people;full control;cannot read;permission error"),
    "200" },
  { "other-accounts",
    N_("The Token Covers Other WhatsApp Accounts"),
    N_("The check lists the WhatsApp accounts the token reaches, and the one your integration "
       "uses is not among them."),
    N_("A token’s permissions can be limited to some accounts. This one was made for other "
       "accounts, or before this account was given to the system user."),
    N_("Give the system user this account (Business settings → Accounts → WhatsApp accounts → "
       "Add People → Full control), then generate a new token and check it in Gatehouse."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("other accounts;wrong account;missing account;limited;granular;target"),
    NULL },
  { "two-factor",
    N_("Business Suite Blocks the Next Step"),
    N_("Business Suite says you have been temporarily blocked from performing this action, "
       "or Meta refuses a change and asks for two-factor authentication."),
    N_("Meta lets only people who protect their Facebook account with two-factor "
       "authentication manage system users and tokens."),
    N_("Turn on two-factor authentication for your Facebook account (Accounts Center → "
       "Password and security → Two-factor authentication), then try the step again."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("two-factor;2FA;authentication;blocked;temporarily blocked;security;login code"),
    "415 2859009" },
  { "token-revoked",
    N_("The Token No Longer Works"),
    N_("Gatehouse or your integration says the token is not valid any more, although it "
       "worked before."),
    N_("The token was revoked, its system user was removed, or the system user lost its role "
       "or the app. Meta switches such a token off at once, for good."),
    N_("Check in Business settings → Users → System users that the system user still exists "
       "and still has the app, generate a new token, then replace it in your integration and "
       "in Gatehouse."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("invalid;not valid;revoked;no longer works;removed;deleted;invalidated;new token"),
    "190 460" },
  { "which-id",
    N_("Which ID Goes Where"),
    N_("Your integration asks for an ID, and Meta answers that the object does not exist."),
    N_("A phone number, its phone number ID, the WhatsApp Business Account ID, the business "
       "portfolio ID and the app ID are all different numbers, and they are easy to mix up."),
    N_("Open the account in Gatehouse: it finds every ID itself, names each one the way "
       "Business Suite does, and has a button to copy it. The phone number ID is not the "
       "phone number."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("ID;IDs;phone number ID;account ID;business ID;app ID;object does not exist;copy"),
    "100 33" },
  { "number-status",
    N_("A Phone Number Shows Pending or Test"),
    N_("The token checks out, but a phone number is pending, not registered, or marked as a "
       "test number."),
    N_("This is about the number, not the token. Each number has its own setup in WhatsApp "
       "Manager, and a test number can only message the few numbers you add to it."),
    N_("Open the account’s overview in Gatehouse: each number shows its status and what it "
       "means. To get a number sending, see “A Phone Number Cannot Send Messages”."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("phone;number;pending;test number;sandbox;not registered;status;verification"),
    NULL },
  { "rate-limit",
    N_("Too Many Calls"),
    N_("Meta says there have been too many calls to this WhatsApp Business Account and asks "
       "you to wait."),
    N_("Meta allows each account a limited number of calls an hour, shared by your "
       "integration and Gatehouse."),
    N_("Wait and try again. Gatehouse says how long Meta asks you to wait and keeps the "
       "changes you have not applied yet, so nothing is lost."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("too many calls;rate limit;limit;wait;throttled;try again later"),
    "4 17 32 613 80007 80008" },
  { "needs-admin",
    N_("Changes to Who Has Access Are Refused"),
    N_("Gatehouse shows who has access but cannot change it: the People view is read-only, "
       "or applying a change fails with a permission error."),
    N_("Only an admin system user can change who is assigned to an account, and the token "
       "belongs to a system user with Basic access (once called Employee)."),
    N_("In Business settings → Users → System users, give the system user Full control (once "
       "called Admin), or make the change with the token of a system user that has it."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("admin;employee;role;read-only;people;apply;refused;cannot change;edit"),
    "200 100" },
  { "no-system-users",
    N_("No System Users, or No App to Choose"),
    N_("Business settings has no System users page, or Generate New Token offers no app."),
    N_("System users belong to a business portfolio, and a token needs an app connected to "
       "that portfolio. Not every business has system users yet."),
    N_("Ask whoever set up your integration to connect its app to your business portfolio "
       "(Business settings → Accounts → Apps), then follow the guide again. When the token "
       "appears, copy it at once: Meta shows it only once."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("system users;no app;missing;generate new token;portfolio;shown once;copy"),
    NULL },
  { "account-restricted",
    N_("The Account Is Restricted"),
    N_("Meta refuses to send messages or to change settings and says the account is "
       "restricted."),
    N_("Meta has limited the WhatsApp Business Account or the business, usually after a "
       "policy review. Nothing in the token causes it."),
    N_("Open Account Quality in Business Suite to see why and to ask for a review. Gatehouse "
       "cannot lift a restriction."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("restricted;restriction;blocked;policy;banned;account quality;review"),
    "368 131031" },
  { "keyring",
    N_("The Token Cannot Be Saved"),
    N_("Gatehouse says there is no keyring on this computer, or that the keyring is locked. "
       "Elsewhere you may see “org.freedesktop.secrets was not provided by any .service "
       "files”, or “user interaction failed”."),
    N_("Gatehouse keeps tokens in your desktop keyring. Some sessions have none (minimal or "
       "non-GNOME desktops), and some leave it locked (automatic login). Installed as a "
       "Flatpak, Gatehouse keeps tokens in an encrypted file of its own, and the key to that "
       "file comes from your Login keyring: without one, it cannot be opened."),
    N_("Open Passwords and Keys and create a keyring named Login, or unlock it; on KDE "
       "Plasma use KWalletManager. Then choose Try the Keyring Again. Until then you can keep "
       "working with a checked token for this session; it is just not saved."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("keyring;locked;unlock;save;saved;password;Passwords and Keys;Seahorse;KWallet;"
       "secret service;Flatpak;portal"),
    NULL },
  { "token-safety",
    N_("Keeping the Token Safe"),
    N_("You want to know where the token is kept, who can see it and how to remove it."),
    N_("Whoever has the token can act for your business on WhatsApp, so it should be in as "
       "few places as possible."),
    N_("Gatehouse keeps it in your keyring only and never shows it again after saving. Put "
       "it into your integration, and do not keep it in chats, e-mails, documents or "
       "screenshots. Removing it from Gatehouse does not switch it off: to do that, revoke "
       "it in Business settings → Users → System users."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("safe;security;where;stored;remove;delete;revoke;share;leak;screenshot"),
    NULL },
  { "webhooks",
    N_("Messages From Customers Do Not Arrive"),
    N_("Your integration can send messages, but messages from customers never reach it."),
    N_("Meta passes incoming messages only to apps subscribed to this WhatsApp Business "
       "Account. Verifying the callback address in the App Dashboard does not subscribe the "
       "app, and every account needs its own subscription."),
    N_("Subscribe your integration’s app to this account. Many integrations have a setting "
       "for it; otherwise whoever set up the integration subscribes it with the token and "
       "the account’s ID, which Gatehouse shows on the overview."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("incoming;receive;not arriving;no messages;webhook;webhooks;callback;subscribe;"
       "subscribed apps"),
    NULL },
  { "payment",
    N_("Paid Messages Fail"),
    N_("Messages that Meta charges for are refused, and the account’s health mentions a "
       "payment problem."),
    N_("The WhatsApp Business Account has no valid payment method."),
    N_("Add or update a payment method in Business settings → Accounts → WhatsApp accounts → "
       "the account → Payment settings, or in WhatsApp Manager → Billing."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("payment;billing;credit card;paid;charged;invoice;payment method"),
    "131042 141006" },
  { "business-verification",
    N_("Messaging Is Limited Until the Business Is Verified"),
    N_("The account can only message a small number of customers a day, and its health says "
       "the business is not verified."),
    N_("Meta keeps the limits low until it has verified who the business is."),
    N_("In Business Suite, open Security Center and choose Start Verification. Meta asks for "
       "documents about the business, and the review can take a few days."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("verification;verify;verified;not verified;business;limit;security center;documents"),
    "141010" },
  { "number-cannot-send",
    N_("A Phone Number Cannot Send Messages"),
    N_("A number stays pending, or sending from it fails, although the token is fine."),
    N_("The number is not registered for the Cloud API yet, its display name was not "
       "approved, it is a test number, or it still runs on the On-Premises API, which Meta "
       "switched off in October 2025."),
    N_("Register the number with its two-step verification PIN (Meta allows 10 tries in 72 "
       "hours), submit the display name again in WhatsApp Manager if it was rejected, and "
       "use a real number instead of the test number. A number on the On-Premises API has "
       "to move to the Cloud API."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("phone;number;register;registration;PIN;display name;pending;cannot send;"
       "On-Premises;Cloud API;test number"),
    NULL },
  { "too-much-access",
    N_("Too Much Power in One Place"),
    N_("Your integration runs on an admin system user’s token, or people who have left or "
       "have no two-factor authentication still have full control of the account."),
    N_("Anyone with full control, and any token of an admin system user, can change "
       "everything about the account. The more of them there are, the more can go wrong."),
    N_("Give each kind of access its own system user with only the tasks it needs, and "
       "remove or reduce the others in the People view. Ask everyone who keeps full control "
       "to turn on two-factor authentication."),
    /* Translators: words people may search for, separated by semicolons; add your own */
    N_("full control;admin;too much;least privilege;people;remove;reduce;tasks;access"),
    NULL },
};

/* Words shorter than this are skipped in a query of several words ("a", "is", "my"), but not
 * numbers: "4" is an error code. */
#define MIN_TERM_CHARS 3
/* A word this long also matches its other endings ("expired", "expires"). */
#define MIN_STEM_BYTES 5
#define MAX_ENDING_BYTES 3

static gboolean
is_filler (const char *term)
{
  if (g_utf8_strlen (term, -1) >= MIN_TERM_CHARS)
    return FALSE;

  for (const char *p = term; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Permission names such as whatsapp_business_messaging stay one word: split at "_", each would
 * match half the catalogue. */
static char *
join_underscores (char *text)
{
  char *to = text;

  for (const char *from = text; *from != '\0'; from++)
    if (*from != '_')
      *to++ = *from;
  *to = '\0';
  return text;
}

static char *
search_text (const GhTroubleshootingTopic *topic)
{
  g_autoptr(GString) text = g_string_new (topic->id);

  /* Both languages: error texts from Meta and guides on the web are often in English. */
  g_string_append_printf (text, " %s %s %s %s %s %s %s %s",
                          _(topic->title), _(topic->symptom), _(topic->cause), _(topic->fix),
                          _(topic->keywords), topic->title, topic->keywords,
                          topic->codes != NULL ? topic->codes : "");
  g_strdelimit (text->str, ";-", ' ');
  return join_underscores (g_string_free (g_steal_pointer (&text), FALSE));
}

static gboolean
word_matches (const char *word,
              const char *term)
{
  size_t term_len = strlen (term);
  size_t common = 0;

  if (g_str_has_prefix (word, term))
    return TRUE;
  if (term_len < MIN_STEM_BYTES)
    return FALSE;

  while (word[common] != '\0' && word[common] == term[common])
    common++;
  return common >= MAX (MIN_STEM_BYTES, term_len - MAX_ENDING_BYTES);
}

static gboolean
term_found (const char *term,
            GStrv       words,
            GStrv       alternates)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (word_matches (words[i], term))
      return TRUE;
  for (guint i = 0; alternates[i] != NULL; i++)
    if (word_matches (alternates[i], term))
      return TRUE;
  return FALSE;
}

guint
gh_troubleshooting_get_n_topics (void)
{
  return G_N_ELEMENTS (topics);
}

const GhTroubleshootingTopic *
gh_troubleshooting_get_topic (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (topics), NULL);

  return &topics[position];
}

int
gh_troubleshooting_get_position (const char *id)
{
  if (id == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (g_str_equal (topics[i].id, id))
      return (int) i;
  return -1;
}

const GhTroubleshootingTopic *
gh_troubleshooting_lookup (const char *id)
{
  int position = gh_troubleshooting_get_position (id);

  return position >= 0 ? &topics[position] : NULL;
}

const char *
gh_troubleshooting_topic_get_id (const GhTroubleshootingTopic *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return topic->id;
}

const char *
gh_troubleshooting_topic_get_title (const GhTroubleshootingTopic *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return _(topic->title);
}

const char *
gh_troubleshooting_topic_get_symptom (const GhTroubleshootingTopic *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return _(topic->symptom);
}

const char *
gh_troubleshooting_topic_get_cause (const GhTroubleshootingTopic *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return _(topic->cause);
}

const char *
gh_troubleshooting_topic_get_fix (const GhTroubleshootingTopic *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return _(topic->fix);
}

gboolean
gh_troubleshooting_topic_matches (const GhTroubleshootingTopic *topic,
                                  const char                   *query)
{
  g_auto(GStrv) terms = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) alternates = NULL;
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;
  guint n_meaningful = 0;

  g_return_val_if_fail (topic != NULL, FALSE);

  if (query == NULL)
    return TRUE;
  joined = join_underscores (g_strdup (query));
  terms = g_str_tokenize_and_fold (joined, NULL, NULL);
  if (terms[0] == NULL)
    return TRUE;

  for (guint i = 0; terms[i] != NULL; i++)
    if (!is_filler (terms[i]))
      n_meaningful++;

  text = search_text (topic);
  words = g_str_tokenize_and_fold (text, NULL, &alternates);
  for (guint i = 0; terms[i] != NULL; i++)
    {
      /* A short word alone is someone still typing: it must match; among others it is
       * filler. */
      if (n_meaningful > 0 && is_filler (terms[i]))
        continue;
      if (!term_found (terms[i], words, alternates))
        return FALSE;
    }
  return TRUE;
}

const char *
gh_troubleshooting_topic_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  /* A keyring that is missing or locked has a topic; a failed read or write has no cause a
   * person can act on beyond trying again. */
  if (error->domain == GH_TOKEN_STORE_ERROR)
    return error->code == GH_TOKEN_STORE_ERROR_UNAVAILABLE
           || error->code == GH_TOKEN_STORE_ERROR_LOCKED ? "keyring" : NULL;

  if (error->domain != GH_GRAPH_ERROR)
    return NULL;

  switch ((GhGraphErrorCode) error->code)
    {
    case GH_GRAPH_ERROR_INVALID_TOKEN:
      return "token-revoked";
    case GH_GRAPH_ERROR_TOKEN_EXPIRED:
      return "expiring-token";
    case GH_GRAPH_ERROR_PERMISSION:
      return "account-not-assigned";
    case GH_GRAPH_ERROR_RATE_LIMITED:
      return "rate-limit";
    case GH_GRAPH_ERROR_INVALID_PARAMETER:
      return "which-id";
    case GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED:
      return "two-factor";
    case GH_GRAPH_ERROR_ACCOUNT_RESTRICTED:
      return "account-restricted";
    case GH_GRAPH_ERROR_NETWORK:
    case GH_GRAPH_ERROR_TIMEOUT:
    case GH_GRAPH_ERROR_TLS:
    case GH_GRAPH_ERROR_SERVER:
    case GH_GRAPH_ERROR_MALFORMED_RESPONSE:
    case GH_GRAPH_ERROR_REFUSED_URL:
    case GH_GRAPH_ERROR_UNKNOWN:
    default:
      return NULL;
    }
}
