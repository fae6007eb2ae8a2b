/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What people paste instead of a token, recognised before any request is made. */
typedef enum
{
  GH_TOKEN_TEXT_OK,
  GH_TOKEN_TEXT_EMPTY,
  GH_TOKEN_TEXT_APP_SECRET,     /* 32 hexadecimal digits */
  GH_TOKEN_TEXT_NUMERIC_ID,     /* a phone-number, WABA, business or app ID */
  GH_TOKEN_TEXT_URL,            /* a web address */
  GH_TOKEN_TEXT_HAS_SPACES,     /* words or several things at once */
  GH_TOKEN_TEXT_TOO_SHORT,      /* cut off while copying */
  GH_TOKEN_TEXT_NOT_A_TOKEN,    /* characters no token has: accents, symbols, broken text */
} GhTokenTextProblem;

/* Cleans what was pasted: surrounding spaces and quotes, line breaks, zero-width spaces and a
 * leading "Bearer ".  Spaces inside stay, so that diagnose can explain them, and so does
 * anything else a token never holds; bytes that are not UTF-8 become U+FFFD.  NULL when
 * nothing is left.  Free with gh_token_text_free. */
char               *gh_token_text_clean           (const char         *text);
/* Cleans @text and says what is wrong with it, if anything; @clean_out (nullable) receives the
 * cleaned text when the result is GH_TOKEN_TEXT_OK, and then it is printable ASCII only. */
GhTokenTextProblem  gh_token_text_diagnose        (const char         *text,
                                                   char              **clean_out);
/* One plain, translated sentence and the next step. */
const char         *gh_token_text_problem_message (GhTokenTextProblem  problem);
/* "EAAJ…x9Qf": enough to recognise a token, never enough to use it. */
char               *gh_token_text_mask            (const char         *token);
/* Wipes and frees. */
void                gh_token_text_free            (char               *text);

G_END_DECLS
