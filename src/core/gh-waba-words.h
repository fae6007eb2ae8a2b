/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain, translated words for the values Meta documents for an account, its phone numbers
 * and templates, and a sentence for the ones that are a problem.  Meta's enums are open:
 * a value not listed here is shown as it came. */
typedef enum
{
  GH_WORDS_REVIEW_STATUS,
  GH_WORDS_VERIFICATION,
  GH_WORDS_MESSAGING_LIMIT,
  GH_WORDS_HEALTH,
  GH_WORDS_ENTITY,
  GH_WORDS_PHONE_STATUS,
  GH_WORDS_QUALITY,
  GH_WORDS_CODE_VERIFICATION,
  GH_WORDS_PLATFORM,
  GH_WORDS_ACCOUNT_MODE,
  GH_WORDS_THROUGHPUT,
  GH_WORDS_NAME_STATUS,
  GH_WORDS_TEMPLATE_STATUS,
  GH_WORDS_TEMPLATE_CATEGORY,
} GhWordsKind;

typedef struct
{
  const char *wire;    /* as Meta sends it */
  const char *words;   /* untranslated: look it up with gettext before showing it */
} GhWordsEntry;

/* The known values of @kind in the order Meta documents them, ending with { NULL, NULL }. */
const GhWordsEntry *gh_words_table       (GhWordsKind  kind);
gboolean            gh_words_is_known    (GhWordsKind  kind,
                                          const char  *wire);
/* Words for @wire, @wire itself when unknown, NULL when empty. */
const char         *gh_words_for         (GhWordsKind  kind,
                                          const char  *wire);
/* What a problem value means and what to do, or NULL when @wire is not a problem. */
const char         *gh_words_help        (GhWordsKind  kind,
                                          const char  *wire);
/* Our own sentence for an error code of health_status that Meta documents, and in @fix
 * (nullable) what fixes it; NULL for a code Gatehouse does not know (then Meta's own
 * description is all there is). */
const char         *gh_words_health_error (gint64       code,
                                           const char **fix);
/* "April 12, 2023" in local time, from Meta's ISO 8601 or Unix seconds; other text as it
 * came; NULL for NULL or empty. */
char               *gh_words_format_time (const char  *text);

G_END_DECLS
