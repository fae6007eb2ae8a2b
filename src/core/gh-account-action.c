/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-account-action"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gh-account-action.h"
#include "gh-graph-error.h"
#include "gh-waba-words.h"

/* Meta's codes for registering a number (Cloud API error codes). */
#define CODE_PIN_MISMATCH      133005
#define CODE_NEEDS_VERIFYING   133006
#define CODE_REGISTER_LIMIT    133016

struct _GhAccountAction
{
  GObject             parent_instance;

  GhActionOutcome     outcome;
  char               *title;
  char               *sentence;
  char               *next_step;
  GError             *error;
  GhAccountReadiness *readiness;
};

G_DEFINE_FINAL_TYPE (GhAccountAction, gh_account_action, G_TYPE_OBJECT)

static void
gh_account_action_finalize (GObject *object)
{
  GhAccountAction *self = (GhAccountAction *)object;

  g_free (self->title);
  g_free (self->sentence);
  g_free (self->next_step);
  g_clear_error (&self->error);
  g_clear_object (&self->readiness);

  G_OBJECT_CLASS (gh_account_action_parent_class)->finalize (object);
}

static void
gh_account_action_class_init (GhAccountActionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_account_action_finalize;
}

static void
gh_account_action_init (GhAccountAction *self)
{
}

static GhAccountAction *
action_new (const GError       *write_error,
            GhAccountReadiness *after)
{
  GhAccountAction *self = g_object_new (GH_TYPE_ACCOUNT_ACTION, NULL);

  self->error = write_error != NULL ? g_error_copy (write_error) : NULL;
  self->readiness = after != NULL ? g_object_ref (after) : NULL;

  return self;
}

static void
set_words (GhAccountAction *self,
           GhActionOutcome  outcome,
           const char      *title,
           char            *sentence,
           const char      *next_step)
{
  self->outcome = outcome;
  self->title = g_strdup (title);
  self->sentence = sentence;
  self->next_step = g_strdup (next_step);
}

/* No answer came back: the write may have reached Meta, so it is not "refused". */
static gboolean
is_unanswered (const GError *error)
{
  return g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK) ||
         g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TIMEOUT) ||
         g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER) ||
         g_error_matches (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_MALFORMED_RESPONSE);
}

/* "Why. Meta says: “…”" with Meta's words for a person, when it sent some. */
static char *
refusal_sentence (const char   *why,
                  const GError *error)
{
  const char *meta = gh_graph_error_get_user_message (error);

  if (meta == NULL || *meta == '\0')
    meta = gh_graph_error_get_user_title (error);
  if (meta == NULL || *meta == '\0')
    return g_strdup (why);

  /* Translators: the first %s says why, the second is Meta's own words, quoted */
  return g_strdup_printf (_("%s Meta says: “%s”"), why, meta);
}

static GhGraphErrorCode
code_of (const GError *error)
{
  return error->domain == GH_GRAPH_ERROR ? (GhGraphErrorCode) error->code
                                         : GH_GRAPH_ERROR_UNKNOWN;
}

/* Subscribe */

GhAccountAction *
gh_account_action_new_subscribe (const GError       *write_error,
                                 GhAccountReadiness *after,
                                 const GError       *reread_error,
                                 const char         *app_name)
{
  GhAccountAction *self = action_new (write_error, after);
  int subscribed = after != NULL ? gh_account_readiness_get_subscribed (after) : -1;
  const char * const *hosts = after != NULL ? gh_account_readiness_get_webhook_hosts (after)
                                            : NULL;
  g_autofree char *app = g_strdup (app_name != NULL && *app_name != '\0'
                                   ? app_name : _("the token’s app"));

  if (subscribed > 0 && (write_error == NULL || is_unanswered (write_error)))
    {
      char *sentence;

      if (hosts != NULL && hosts[0] != NULL)
        /* Translators: the first %s is an app's name, the second a host name */
        sentence = g_strdup_printf (_("Meta now sends this account’s incoming messages to "
                                      "“%s”, at %s."), app, hosts[0]);
      else
        /* Translators: %s is an app's name */
        sentence = g_strdup_printf (_("Meta now sends this account’s incoming messages to "
                                      "“%s”."), app);
      set_words (self, GH_ACTION_DONE, _("Subscribed"), sentence, NULL);
    }
  else if (write_error == NULL && subscribed == 0)
    set_words (self, GH_ACTION_NOT_SHOWN, _("Subscription Not Shown"),
               /* Translators: %s is an app's name */
               g_strdup_printf (_("Meta accepted the subscription, but the account’s list of "
                                  "subscribed apps does not show “%s”."), app),
               _("Check the account again in a minute. If the app is still missing, "
                 "subscribe it in the App Dashboard → WhatsApp → Configuration."));
  else if (write_error == NULL)
    set_words (self, GH_ACTION_NOT_SHOWN, _("Subscription Not Read Back"),
               g_strdup (_("Meta accepted the subscription, but Gatehouse could not read the "
                           "account’s subscriptions back to show it.")),
               reread_error != NULL
               ? gh_graph_error_code_to_next_step (code_of (reread_error))
               : _("Check the account again in a minute."));
  else if (is_unanswered (write_error))
    set_words (self, GH_ACTION_UNCERTAIN, _("No Answer From Meta"),
               g_strdup (subscribed == 0
                         ? _("Meta did not answer the request, and the account does not list "
                             "the app: it was not subscribed.")
                         : _("Meta did not answer the request, so Gatehouse cannot tell "
                             "whether the app was subscribed.")),
               _("Check the account again, and subscribe again once Meta answers."));
  else if (g_error_matches (write_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION))
    set_words (self, GH_ACTION_REFUSED, _("Meta Refused the Subscription"),
               refusal_sentence (_("This token may not subscribe apps to this account."),
                                 write_error),
               _("Use the token of a system user with full control of the account, or ask "
                 "an admin of the business to subscribe the app."));
  else
    set_words (self, GH_ACTION_REFUSED, _("Meta Refused the Subscription"),
               refusal_sentence (gh_graph_error_code_to_summary (code_of (write_error)),
                                 write_error),
               gh_graph_error_code_to_next_step (code_of (write_error)));

  return self;
}

/* Register */

static gboolean
is_pin_mismatch (const GError *error)
{
  const char *texts[] = {
    gh_graph_error_get_user_title (error),
    gh_graph_error_get_user_message (error),
    gh_graph_error_get_graph_message (error),
  };

  if (gh_graph_error_get_graph_code (error) == CODE_PIN_MISMATCH)
    return TRUE;
  if (gh_graph_error_get_graph_code (error) != 100)
    return FALSE;

  /* Meta also answers a wrong PIN with a plain invalid parameter, naming the PIN. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = texts[i] != NULL ? g_utf8_casefold (texts[i], -1) : NULL;

      if (folded != NULL && strstr (folded, "pin") != NULL)
        return TRUE;
    }

  return FALSE;
}

GhAccountAction *
gh_account_action_new_register (const GError       *write_error,
                                GhAccountReadiness *after,
                                const GError       *reread_error,
                                const char         *phone_id)
{
  GhAccountAction *self = action_new (write_error, after);
  GhPhoneNumber *phone = after != NULL ? gh_account_readiness_find_phone (after, phone_id)
                                       : NULL;
  const char *number = phone != NULL ? gh_phone_number_get_display_phone_number (phone) : NULL;
  const char *status = phone != NULL ? gh_phone_number_get_status (phone) : NULL;
  gboolean registered = status != NULL && g_ascii_strcasecmp (status, "PENDING") != 0;
  g_autofree char *tries = NULL;

  if (number == NULL)
    number = phone_id;

  /* Translators: the first %d is 10, the second 72 */
  tries = g_strdup_printf (_("Meta allows %d tries in %d hours."), GH_REGISTER_TRIES,
                           GH_REGISTER_WINDOW_HOURS);

  if (registered && (write_error == NULL || is_unanswered (write_error)))
    set_words (self, GH_ACTION_DONE, _("Registered"),
               /* Translators: the first %s is a phone number, the second its state, e.g.
                * "Connected" */
               g_strdup_printf (_("Meta now shows %s as %s: it can send and receive "
                                  "messages."), number,
                                gh_words_for (GH_WORDS_PHONE_STATUS, status)),
               NULL);
  else if (write_error == NULL && phone != NULL)
    set_words (self, GH_ACTION_NOT_SHOWN, _("Still Pending"),
               /* Translators: %s is a phone number */
               g_strdup_printf (_("Meta accepted the registration, but still shows %s as "
                                  "pending."), number),
               _("Check the account again in a few minutes: registering can take a moment."));
  else if (write_error == NULL)
    set_words (self, GH_ACTION_NOT_SHOWN, _("Registration Not Read Back"),
               g_strdup (_("Meta accepted the registration, but Gatehouse could not read the "
                           "number back to show it.")),
               reread_error != NULL
               ? gh_graph_error_code_to_next_step (code_of (reread_error))
               : _("Check the account again in a few minutes."));
  else if (is_unanswered (write_error))
    set_words (self, GH_ACTION_UNCERTAIN, _("No Answer From Meta"),
               g_strdup (phone != NULL
                         ? _("Meta did not answer the request, and still shows the number as "
                             "pending.")
                         : _("Meta did not answer the request, so Gatehouse cannot tell "
                             "whether the number was registered.")),
               _("Check the account again before you try again: each try counts."));
  else if (is_pin_mismatch (write_error))
    {
      g_autofree char *next = NULL;

      /* Translators: %s is "Meta allows 10 tries in 72 hours." */
      next = g_strdup_printf (_("Check the PIN in WhatsApp Manager → Phone numbers → the "
                                "number → Two-step verification, or reset it there. %s"),
                              tries);
      set_words (self, GH_ACTION_REFUSED, _("Wrong PIN"),
                 g_strdup (_("Meta says this is not the number’s two-step verification "
                             "PIN. Nothing changed.")), next);
    }
  else if (gh_graph_error_get_graph_code (write_error) == CODE_REGISTER_LIMIT)
    {
      g_autofree char *sentence = NULL;

      /* Translators: %s is "Meta allows 10 tries in 72 hours." */
      sentence = g_strdup_printf (_("Too many tries for this number. %s"), tries);
      set_words (self, GH_ACTION_REFUSED, _("Too Many Tries"), g_steal_pointer (&sentence),
                 _("Wait until the 72 hours have passed before trying again; Gatehouse sends "
                   "nothing until you ask."));
    }
  else if (gh_graph_error_get_graph_code (write_error) == CODE_NEEDS_VERIFYING)
    set_words (self, GH_ACTION_REFUSED, _("The Number Needs Verifying"),
               refusal_sentence (_("Meta needs the number verified with a code first."),
                                 write_error),
               _("Verify the number with a code by text message or call in WhatsApp Manager → "
                 "Phone numbers, then register it."));
  else if (g_error_matches (write_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION))
    set_words (self, GH_ACTION_REFUSED, _("Meta Refused the Registration"),
               refusal_sentence (_("This token may not register this account’s numbers."),
                                 write_error),
               _("Use the token of a system user with full control of the account, or "
                 "register the number in WhatsApp Manager → Phone numbers."));
  else
    set_words (self, GH_ACTION_REFUSED, _("Meta Refused the Registration"),
               refusal_sentence (gh_graph_error_code_to_summary (code_of (write_error)),
                                 write_error),
               gh_graph_error_code_to_next_step (code_of (write_error)));

  return self;
}

GhActionOutcome
gh_account_action_get_outcome (GhAccountAction *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_ACTION (self), GH_ACTION_REFUSED);

  return self->outcome;
}

const char *
gh_account_action_get_title (GhAccountAction *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_ACTION (self), NULL);

  return self->title;
}

const char *
gh_account_action_get_sentence (GhAccountAction *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_ACTION (self), NULL);

  return self->sentence;
}

const char *
gh_account_action_get_next_step (GhAccountAction *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_ACTION (self), NULL);

  return self->next_step;
}

const GError *
gh_account_action_get_error (GhAccountAction *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_ACTION (self), NULL);

  return self->error;
}

GhAccountReadiness *
gh_account_action_get_readiness (GhAccountAction *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_ACTION (self), NULL);

  return self->readiness;
}

const char *
gh_register_pin_problem (const char *pin)
{
  gsize n = 0;

  if (pin == NULL || *pin == '\0')
    return _("Enter the number’s six-digit two-step verification PIN.");

  for (const char *p = pin; *p != '\0'; p++, n++)
    if (!g_ascii_isdigit (*p))
      return _("The PIN is made of digits only.");

  if (n < 6)
    return _("The PIN has six digits: some are missing.");
  if (n > 6)
    return _("The PIN has six digits, no more.");

  return NULL;
}
