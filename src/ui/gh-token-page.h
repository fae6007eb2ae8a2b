/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GH_TYPE_TOKEN_PAGE (gh_token_page_get_type ())
G_DECLARE_FINAL_TYPE (GhTokenPage, gh_token_page, GH, TOKEN_PAGE, AdwBin)

/* Properties: "session" (GhSession, set once by the window): "Check" hands the token to it. */

void  gh_token_page_set_busy   (GhTokenPage *self,
                                gboolean     busy);
/* Shows a problem under the field; the field keeps what the person pasted.  NULL hides it. */
void  gh_token_page_set_error  (GhTokenPage *self,
                                const char  *message);
void  gh_token_page_clear      (GhTokenPage *self);

G_END_DECLS
