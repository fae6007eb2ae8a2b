/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-token-page.h"

G_BEGIN_DECLS

/* For tests: what a paste or typing puts in the field, and what the field holds now
 * (cleaned; NULL when empty; free with gh_secret_free). */
void  gh_token_page_set_token  (GhTokenPage *self,
                                const char  *text);
char *gh_token_page_dup_token  (GhTokenPage *self);

G_END_DECLS
