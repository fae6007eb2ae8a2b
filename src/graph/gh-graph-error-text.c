/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-graph-error"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-graph-error-private.h"
#include "gh-graph-redact.h"

/* What a person reads about an error: one sentence on what happened, one on what to do,
 * the wait, and the details Meta support asks for.  Every Graph code in Meta's table and
 * every way the connection can fail has its own words here; the window and the command
 * line both read them from gh_graph_error_describe. */

typedef struct
{
  const char *summary;
  const char *next_step;
} Words;

static Words
words_for_invalid_token (gint64 subcode)
{
  switch (subcode)
    {
    case 458:
      return (Words) {
        _("The app this token was made for is no longer installed for its user."),
        _("In Business settings, add the app to the system user again under Assigned assets, "
          "then generate a new token and paste it here.") };
    case 459:
      return (Words) {
        _("Meta has put the Facebook account behind this token on hold until someone logs "
          "in and confirms it."),
        _("Log in on facebook.com with that account and follow the steps Meta shows, then "
          "try again.") };
    case 460:
      return (Words) {
        _("This token stopped working because a password was changed or Meta ended the "
          "session for security."),
        _("Generate a new token for the system user and paste it here.") };
    case 464:
      return (Words) {
        _("The Facebook account behind this token has not been confirmed."),
        _("Log in on facebook.com with that account and confirm it, then generate a new "
          "token.") };
    case 467:
      return (Words) {
        _("Meta does not accept this token: it was revoked, or only part of it was copied."),
        _("Generate a new token for the system user and paste all of it here.") };
    case 492:
      return (Words) {
        _("The session behind this token is no longer valid, because the person who made "
          "it lost their role in the business."),
        _("Ask an admin of the business portfolio to generate a new token for the system "
          "user, then paste it here.") };
    default:
      return (Words) {
        gh_graph_error_code_to_summary (GH_GRAPH_ERROR_INVALID_TOKEN),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_INVALID_TOKEN) };
    }
}

static Words
words_for_rate_limit (const GError *error)
{
  if (_gh_graph_error_get_cause (error) == GH_GRAPH_CAUSE_WAITING)
    return (Words) {
      _("Gatehouse is holding back its calls to Meta because the limit of calls for this "
        "hour has been reached."),
      gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_RATE_LIMITED) };

  switch (gh_graph_error_get_graph_code (error))
    {
    case 4:
      return (Words) {
        _("This app has made too many calls to Meta in the last hour."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_RATE_LIMITED) };
    case 17:
      return (Words) {
        _("This system user has made too many calls to Meta in the last hour."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_RATE_LIMITED) };
    case 32:
    case 613:
      return (Words) {
        _("Meta limits how often this kind of information can be read, and the limit has "
          "been reached."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_RATE_LIMITED) };
    default:
      return (Words) {
        gh_graph_error_code_to_summary (GH_GRAPH_ERROR_RATE_LIMITED),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_RATE_LIMITED) };
    }
}

static Words
words_for_server (const GError *error)
{
  switch (gh_graph_error_get_graph_code (error))
    {
    case 1:
      return (Words) {
        _("Meta’s server ran into an unexpected problem."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_SERVER) };
    case 2:
      return (Words) {
        _("Meta’s service is unavailable for a moment."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_SERVER) };
    case 131000:
      return (Words) {
        _("Something went wrong on Meta’s side of WhatsApp."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_SERVER) };
    default:
      return (Words) {
        gh_graph_error_code_to_summary (GH_GRAPH_ERROR_SERVER),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_SERVER) };
    }
}

static Words
words_for_cause (const GError *error)
{
  switch (_gh_graph_error_get_cause (error))
    {
    case GH_GRAPH_CAUSE_CONNECTION_REFUSED:
      return (Words) {
        _("Nothing answered at the server’s address."),
        _("Check that this computer is connected to the internet; if a test server is set "
          "with GATEHOUSE_GRAPH_URL, check that it is running.") };
    case GH_GRAPH_CAUSE_HOST_NOT_FOUND:
      return (Words) {
        _("The address of Meta’s server could not be looked up."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_NETWORK) };
    case GH_GRAPH_CAUSE_CONNECTION_LOST:
      return (Words) {
        _("The connection to Meta’s server broke off before the answer was complete."),
        _("Try again. If it keeps happening, check the network this computer is on.") };
    case GH_GRAPH_CAUSE_DEADLINE:
      return (Words) {
        _("Meta’s server took too long to answer, so Gatehouse stopped waiting."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_TIMEOUT) };
    case GH_GRAPH_CAUSE_TOO_LARGE:
      return (Words) {
        _("The server sent an answer larger than 16 MB, far more than Meta ever sends, so "
          "Gatehouse did not read it."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_MALFORMED_RESPONSE) };
    case GH_GRAPH_CAUSE_TOO_DEEP:
      return (Words) {
        _("The server sent an answer nested far deeper than Meta’s answers are, so Gatehouse "
          "did not read it."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_MALFORMED_RESPONSE) };
    case GH_GRAPH_CAUSE_REDIRECT:
      return (Words) {
        _("The server sent Gatehouse to another address, which it never follows so that the "
          "token cannot be sent elsewhere."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_MALFORMED_RESPONSE) };
    case GH_GRAPH_CAUSE_BATCH_ITEM_MISSING:
      return (Words) {
        _("Meta’s answer left out part of what Gatehouse asked for."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_MALFORMED_RESPONSE) };
    case GH_GRAPH_CAUSE_BATCH_ITEM_TIMED_OUT:
      return (Words) {
        _("Meta did not finish this part of the request in time."),
        _("Wait a moment and try again.") };
    case GH_GRAPH_CAUSE_NEXT_ELSEWHERE:
      return (Words) {
        _("The next page of the list is on another server, so Gatehouse did not follow it."),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_MALFORMED_RESPONSE) };
    case GH_GRAPH_CAUSE_NEXT_REPEATED:
      return (Words) {
        _("Meta’s server sent a page of the list that had already been read, so Gatehouse "
          "stopped reading it."),
        _("What was read is shown. Try again later to read the whole list.") };
    case GH_GRAPH_CAUSE_BAD_REQUEST:
      return (Words) {
        _("Gatehouse could not put this request together."),
        _("Please report this problem, with the details below.") };
    case GH_GRAPH_CAUSE_NONE:
    case GH_GRAPH_CAUSE_NOT_JSON:
    case GH_GRAPH_CAUSE_WRONG_SHAPE:
    case GH_GRAPH_CAUSE_WAITING:
    default:
      return (Words) {
        gh_graph_error_code_to_summary (error->code),
        gh_graph_error_code_to_next_step (error->code) };
    }
}

static Words
words_for (const GError *error)
{
  gint64 graph_code = gh_graph_error_get_graph_code (error);
  gint64 subcode = _gh_graph_error_get_graph_subcode (error);

  switch ((GhGraphErrorCode) error->code)
    {
    case GH_GRAPH_ERROR_INVALID_TOKEN:
      return words_for_invalid_token (subcode);

    case GH_GRAPH_ERROR_PERMISSION:
      if (graph_code == 10)
        return (Words) {
          _("The token is missing a permission this needs."),
          _("Generate a new token for the system user with the permissions "
            "whatsapp_business_management and business_management ticked, and paste it "
            "here.") };
      return (Words) {
        _("The system user has no access to this WhatsApp account, or not enough."),
        _("In Business settings, assign the system user to this WhatsApp account with Full "
          "control, then try again.") };

    case GH_GRAPH_ERROR_INVALID_PARAMETER:
      if (subcode == 33 || graph_code == 33)
        return (Words) {
          _("Meta found nothing with this ID, or this token is not allowed to see it."),
          _("Check the account ID. If it is right, assign the system user to that account "
            "in Business settings.") };
      if (_gh_graph_error_get_cause (error) == GH_GRAPH_CAUSE_BAD_REQUEST)
        return words_for_cause (error);
      return (Words) {
        gh_graph_error_code_to_summary (GH_GRAPH_ERROR_INVALID_PARAMETER),
        gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_INVALID_PARAMETER) };

    case GH_GRAPH_ERROR_RATE_LIMITED:
      return words_for_rate_limit (error);

    case GH_GRAPH_ERROR_ACCOUNT_RESTRICTED:
      if (graph_code == 131031)
        return (Words) {
          _("Meta has locked this WhatsApp Business account."),
          _("Contact Meta Business Support from the Help menu of Business Suite to have it "
            "unlocked.") };
      return (Words) {
        _("Meta has blocked this action for a while because of a policy violation."),
        _("Open Account Quality in Business Suite to see why and to ask for a review.") };

    case GH_GRAPH_ERROR_SERVER:
      return words_for_server (error);

    case GH_GRAPH_ERROR_NETWORK:
    case GH_GRAPH_ERROR_TIMEOUT:
    case GH_GRAPH_ERROR_MALFORMED_RESPONSE:
      return words_for_cause (error);

    case GH_GRAPH_ERROR_TLS:
    case GH_GRAPH_ERROR_TOKEN_EXPIRED:
    case GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED:
    case GH_GRAPH_ERROR_REFUSED_URL:
    case GH_GRAPH_ERROR_UNKNOWN:
    case GH_GRAPH_ERROR_PAGE_BUDGET:
    default:
      return (Words) {
        gh_graph_error_code_to_summary (error->code),
        gh_graph_error_code_to_next_step (error->code) };
    }
}

static void
append_line (GString    *details,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (details->len > 0)
    g_string_append_c (details, '\n');
  g_string_append_printf (details, "%s %s", label, value);
}

const char *
gh_graph_error_code_to_summary (GhGraphErrorCode code)
{
  switch (code)
    {
    case GH_GRAPH_ERROR_NETWORK:
      return _("Gatehouse could not reach Meta’s server.");
    case GH_GRAPH_ERROR_TIMEOUT:
      return _("Meta’s server took too long to answer.");
    case GH_GRAPH_ERROR_TLS:
      return _("The secure connection to Meta’s server could not be checked.");
    case GH_GRAPH_ERROR_INVALID_TOKEN:
      return _("This token no longer works.");
    case GH_GRAPH_ERROR_TOKEN_EXPIRED:
      return _("This token has expired.");
    case GH_GRAPH_ERROR_PERMISSION:
      return _("This token is not allowed to do this.");
    case GH_GRAPH_ERROR_RATE_LIMITED:
      return _("There have been too many calls to this WhatsApp Business account for now.");
    case GH_GRAPH_ERROR_INVALID_PARAMETER:
      return _("Meta did not accept what Gatehouse asked for, or the ID does not exist.");
    case GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED:
      return _("Meta requires two-factor authentication for this action.");
    case GH_GRAPH_ERROR_ACCOUNT_RESTRICTED:
      return _("This business account is restricted or locked by Meta.");
    case GH_GRAPH_ERROR_SERVER:
      return _("Meta’s server had a temporary problem.");
    case GH_GRAPH_ERROR_MALFORMED_RESPONSE:
      return _("Meta’s server sent an answer Gatehouse could not read.");
    case GH_GRAPH_ERROR_REFUSED_URL:
      return _("Gatehouse refused to connect to this server address.");
    case GH_GRAPH_ERROR_PAGE_BUDGET:
      return _("The list is too long to read at once: Gatehouse stopped so as not to use up "
               "Meta’s limit of calls for the hour.");
    case GH_GRAPH_ERROR_UNKNOWN:
    default:
      return _("Meta’s server reported an error Gatehouse does not recognise.");
    }
}

const char *
gh_graph_error_code_to_next_step (GhGraphErrorCode code)
{
  switch (code)
    {
    case GH_GRAPH_ERROR_NETWORK:
      return _("Check that this computer is connected to the internet, then try again.");
    case GH_GRAPH_ERROR_TIMEOUT:
      return _("Wait a moment and try again.");
    case GH_GRAPH_ERROR_TLS:
      return _("Check the date and time of this computer and the network you are on, "
                "then try again.");
    case GH_GRAPH_ERROR_INVALID_TOKEN:
      return _("In Business settings, open System users, generate a new token for the "
                "system user and paste it here.");
    case GH_GRAPH_ERROR_TOKEN_EXPIRED:
      return _("Generate a new token for the system user with the expiration set to Never, "
                "and paste it here.");
    case GH_GRAPH_ERROR_PERMISSION:
      return _("Assign the system user to this WhatsApp account with Full control, or "
                "generate a new token with the missing permission.");
    case GH_GRAPH_ERROR_RATE_LIMITED:
      return _("Wait before trying again: each call made sooner makes Meta’s block longer, "
               "for the live integration too.");
    case GH_GRAPH_ERROR_INVALID_PARAMETER:
      return _("Check that the account ID is right. If it is, please report this problem.");
    case GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED:
      return _("Turn on two-factor authentication for your Facebook account, then try again.");
    case GH_GRAPH_ERROR_ACCOUNT_RESTRICTED:
      return _("Open Account Quality in Business Suite or contact Meta Business Support.");
    case GH_GRAPH_ERROR_SERVER:
      return _("Wait a few minutes and try again.");
    case GH_GRAPH_ERROR_MALFORMED_RESPONSE:
      return _("Try again later. If it keeps happening, please report this problem.");
    case GH_GRAPH_ERROR_REFUSED_URL:
      return _("Remove the GATEHOUSE_GRAPH_URL setting, or point it at a test server on "
                "this computer.");
    case GH_GRAPH_ERROR_PAGE_BUDGET:
      return _("Work with the part that was read. Loading again reads the list from the "
                "start, so wait an hour before you do.");
    case GH_GRAPH_ERROR_UNKNOWN:
    default:
      return _("Try again. If it keeps happening, copy the details and contact Meta "
                "Business Support.");
    }
}

char *
gh_graph_error_format_details (const GError *error)
{
  g_autoptr(GString) details = NULL;
  g_autofree char *code = NULL;
  g_autofree char *subcode = NULL;
  g_autofree char *status = NULL;
  g_autofree char *retry = NULL;
  g_autofree char *attempts = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  details = g_string_new (NULL);
  if (error->domain != GH_GRAPH_ERROR)
    {
      g_autofree char *message = gh_graph_redact (error->message);

      g_string_append_printf (details, "%s %d: %s", g_quark_to_string (error->domain),
                              error->code, message);
      return g_string_free (g_steal_pointer (&details), FALSE);
    }

  if (gh_graph_error_get_graph_code (error) != 0)
    code = g_strdup_printf ("%" G_GINT64_FORMAT, gh_graph_error_get_graph_code (error));
  if (_gh_graph_error_get_graph_subcode (error) != 0)
    subcode = g_strdup_printf ("%" G_GINT64_FORMAT, _gh_graph_error_get_graph_subcode (error));
  if (_gh_graph_error_get_http_status (error) != 0)
    status = g_strdup_printf ("%u", _gh_graph_error_get_http_status (error));
  if (gh_graph_error_get_retry_after (error) != 0)
    retry = g_strdup_printf ("%u", gh_graph_error_get_retry_after (error));
  if (_gh_graph_error_get_attempts (error) > 1)
    attempts = g_strdup_printf ("%u", _gh_graph_error_get_attempts (error));

  g_string_append (details, error->message);
  append_line (details, _("Error code:"), code);
  append_line (details, _("Subcode:"), subcode);
  append_line (details, _("Type:"), _gh_graph_error_get_graph_type (error));
  append_line (details, _("Message:"), gh_graph_error_get_graph_message (error));
  append_line (details, _("Title:"), gh_graph_error_get_user_title (error));
  append_line (details, _("Explanation:"), gh_graph_error_get_user_message (error));
  append_line (details, _("Error data:"), _gh_graph_error_get_error_data (error));
  append_line (details, _("HTTP status:"), status);
  append_line (details, _("Retry after (seconds):"), retry);
  append_line (details, _("Attempts:"), attempts);
  append_line (details, "fbtrace_id:", gh_graph_error_get_fbtrace_id (error));

  return g_string_free (g_steal_pointer (&details), FALSE);
}

GhGraphErrorText *
gh_graph_error_describe (const GError *error)
{
  GhGraphErrorText *text;

  g_return_val_if_fail (error != NULL, NULL);

  text = g_new0 (GhGraphErrorText, 1);
  text->details = gh_graph_error_format_details (error);

  if (error->domain != GH_GRAPH_ERROR)
    {
      g_autoptr(GError) mapped = NULL;

      /* Errors of our own code already carry a translated sentence; a raw transport error
       * from libsoup or GIO does not, so it gets the sentence of what it means. */
      if (error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR
          || error->domain == G_TLS_ERROR)
        mapped = _gh_graph_error_new_from_transport (error);

      if (mapped != NULL && mapped->domain == GH_GRAPH_ERROR)
        {
          Words words = words_for (mapped);

          text->summary = g_strdup (words.summary);
          text->next_step = g_strdup (words.next_step);
        }
      else
        {
          text->summary = g_strdup (error->message);
          text->next_step = g_strdup (gh_graph_error_code_to_next_step (GH_GRAPH_ERROR_UNKNOWN));
        }
      return text;
    }

  if (error->code == GH_GRAPH_ERROR_PAGE_BUDGET && _gh_graph_error_get_pages (error) > 0)
    {
      guint pages = _gh_graph_error_get_pages (error);

      text->summary = g_strdup_printf (ngettext ("The list is too long to read at once: "
                                                 "Gatehouse stopped after %u page so as not "
                                                 "to use up Meta’s limit of calls for the "
                                                 "hour.",
                                                 "The list is too long to read at once: "
                                                 "Gatehouse stopped after %u pages so as not "
                                                 "to use up Meta’s limit of calls for the "
                                                 "hour.", pages), pages);
      text->next_step = g_strdup (gh_graph_error_code_to_next_step (error->code));
    }
  else
    {
      Words words = words_for (error);

      text->summary = g_strdup (words.summary);
      text->next_step = g_strdup (words.next_step);
    }

  text->wait_minutes = gh_graph_error_get_wait_minutes (error);
  if (text->wait_minutes > 0)
    text->wait = g_strdup_printf (ngettext ("Try again in %u minute.",
                                            "Try again in %u minutes.",
                                            text->wait_minutes),
                                  text->wait_minutes);

  return text;
}

void
gh_graph_error_text_free (GhGraphErrorText *text)
{
  if (text == NULL)
    return;

  g_free (text->summary);
  g_free (text->next_step);
  g_free (text->wait);
  g_free (text->details);
  g_free (text);
}

char *
gh_graph_error_dup_sentence (const GError *error)
{
  g_autoptr(GhGraphErrorText) text = NULL;
  GString *sentence;

  g_return_val_if_fail (error != NULL, NULL);

  text = gh_graph_error_describe (error);
  sentence = g_string_new (text->summary);
  if (text->next_step != NULL && *text->next_step != '\0')
    g_string_append_printf (sentence, " %s", text->next_step);
  if (text->wait != NULL)
    g_string_append_printf (sentence, " %s", text->wait);

  return g_string_free (sentence, FALSE);
}
