/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gh-token-text.h"

/* Real system-user tokens are well over a hundred characters; anything under this was cut
 * off while copying, or is something else. */
#define MIN_TOKEN_LENGTH 40

static void
wipe (char  *text,
      gsize  len)
{
  volatile char *p = text;

  while (len-- > 0)
    *p++ = '\0';
}

/* Removes one leading "Bearer" or one quote mark at either end; TRUE when it did. */
static gboolean
strip_one_wrapper (GString *text)
{
  static const char * const quotes[] = { "\"", "'", "`", "“", "”", "‘", "’", "«", "»" };

  if (g_ascii_strncasecmp (text->str, "Bearer ", 7) == 0)
    {
      g_string_erase (text, 0, 7);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      gsize len = strlen (quotes[i]);

      if (g_str_has_prefix (text->str, quotes[i]))
        {
          g_string_erase (text, 0, len);
          return TRUE;
        }
      if (text->len >= len && g_str_has_suffix (text->str, quotes[i]))
        {
          g_string_truncate (text, text->len - len);
          return TRUE;
        }
    }

  /* A comma or semicolon copied along from code or a spreadsheet, or spaces left inside
   * the quotes. */
  if (text->len > 0 && strchr (",; ", text->str[text->len - 1]) != NULL)
    {
      g_string_truncate (text, text->len - 1);
      return TRUE;
    }
  if (text->len > 0 && text->str[0] == ' ')
    {
      g_string_erase (text, 0, 1);
      return TRUE;
    }

  return FALSE;
}

char *
gh_token_text_clean (const char *text)
{
  g_autoptr(GString) clean = NULL;
  const char *end;
  char *result = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Line breaks and zero-width spaces come from e-mail and web pages wrapping a long token;
   * every other kind of space becomes a plain one.  What was pasted may not be UTF-8 at all:
   * each character is read only within the text, and a broken one stays as U+FFFD for
   * diagnose to refuse. */
  clean = g_string_new (NULL);
  end = text + strlen (text);
  for (const char *p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          c = 0xFFFD;
          p++;
        }
      else
        p += g_utf8_skip[*(const guchar *) p];

      if (c == '\n' || c == '\r' || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF
          || c == 0x2028 || c == 0x2029)
        continue;
      if (g_unichar_isspace (c))
        c = ' ';
      g_string_append_unichar (clean, c);
    }

  while (clean->len > 0 && strip_one_wrapper (clean))
    ;

  if (clean->len > 0)
    result = g_strndup (clean->str, clean->len);

  wipe (clean->str, clean->allocated_len);
  return result;
}

static gboolean
all_chars (const char *text,
           gboolean  (*accept) (char c))
{
  for (const char *p = text; *p != '\0'; p++)
    if (!accept (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

static gboolean
is_digit (char c)
{
  return g_ascii_isdigit (c);
}

/* Tokens are printable ASCII; anything else was never part of one. */
static gboolean
is_token_char (char c)
{
  return c > ' ' && c < 0x7f;
}

GhTokenTextProblem
gh_token_text_diagnose (const char  *text,
                        char       **clean_out)
{
  char *clean;
  gsize len;
  GhTokenTextProblem problem = GH_TOKEN_TEXT_OK;

  if (clean_out != NULL)
    *clean_out = NULL;

  if (text == NULL || (clean = gh_token_text_clean (text)) == NULL)
    return GH_TOKEN_TEXT_EMPTY;

  len = strlen (clean);

  if (g_ascii_strncasecmp (clean, "http://", 7) == 0
      || g_ascii_strncasecmp (clean, "https://", 8) == 0
      || strstr (clean, "facebook.com") != NULL
      || strstr (clean, "access_token=") != NULL)
    problem = GH_TOKEN_TEXT_URL;
  else if (strchr (clean, ' ') != NULL || strchr (clean, '\t') != NULL)
    problem = GH_TOKEN_TEXT_HAS_SPACES;
  else if (!all_chars (clean, is_token_char))
    problem = GH_TOKEN_TEXT_NOT_A_TOKEN;
  else if (all_chars (clean, is_digit))
    problem = GH_TOKEN_TEXT_NUMERIC_ID;
  else if (len == 32 && all_chars (clean, is_hex))
    problem = GH_TOKEN_TEXT_APP_SECRET;
  else if (len < MIN_TOKEN_LENGTH)
    problem = GH_TOKEN_TEXT_TOO_SHORT;

  if (problem == GH_TOKEN_TEXT_OK && clean_out != NULL)
    *clean_out = clean;
  else
    gh_token_text_free (clean);

  return problem;
}

const char *
gh_token_text_problem_message (GhTokenTextProblem problem)
{
  switch (problem)
    {
    case GH_TOKEN_TEXT_OK:
      return "";
    case GH_TOKEN_TEXT_EMPTY:
      return _("The field is empty. Paste the token you copied from Business Suite.");
    case GH_TOKEN_TEXT_APP_SECRET:
      return _("This looks like an app secret (32 letters and digits), not an access token. "
               "Generate a token for your system user in Business settings → System users.");
    case GH_TOKEN_TEXT_NUMERIC_ID:
      return _("This is a number, like a phone number ID, an account ID or an app ID, not an "
               "access token. Gatehouse finds the IDs itself: paste the long token that starts "
               "with “EAA”.");
    case GH_TOKEN_TEXT_URL:
      return _("This is a web address, not an access token. Copy only the token itself, the "
               "long text that starts with “EAA”.");
    case GH_TOKEN_TEXT_HAS_SPACES:
      return _("This has spaces inside, so it is more than a token. Copy only the token, the "
               "long text without spaces that starts with “EAA”.");
    case GH_TOKEN_TEXT_TOO_SHORT:
      return _("This is too short to be an access token; part of it was probably cut off. "
               "Copy the whole token again: it is shown only once, so generate a new one if "
               "you no longer have it.");
    case GH_TOKEN_TEXT_NOT_A_TOKEN:
      return _("This has characters an access token never has, so it is not a token. Copy "
               "only the token itself, the long text of letters and digits that starts with "
               "“EAA”.");
    default:
      g_assert_not_reached ();
    }
}

char *
gh_token_text_mask (const char *token)
{
  gsize len;

  if (token == NULL || *token == '\0')
    return g_strdup ("");

  len = strlen (token);
  /* Short text would be given away almost whole by four characters at each end, and cutting
   * anything but ASCII at a byte could split a character. */
  if (len < 16 || !all_chars (token, is_token_char))
    return g_strdup ("…");

  return g_strdup_printf ("%.4s…%s", token, token + len - 4);
}

void
gh_token_text_free (char *text)
{
  if (text == NULL)
    return;

  wipe (text, strlen (text));
  g_free (text);
}
