/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one way Gatehouse forgets a copy of a token: its bytes are overwritten in a way the
 * compiler may not drop (a plain memset right before free() may be optimised away). */
void gh_secret_wipe        (void  *data,
                            gsize  len);
/* Wipes @text up to its terminating nul.  NULL is allowed. */
void gh_secret_wipe_string (char  *text);
/* Wipes, then frees.  NULL is allowed. */
void gh_secret_free        (char  *text);
/* Wipes the whole allocation of @string (not only its length), then frees it. */
void gh_secret_free_gstring (GString *string);

/* A string holding a secret, wiped when it goes out of scope:
 *   g_auto(GhSecretString) token = …; */
typedef char *GhSecretString;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (GhSecretString, gh_secret_free, NULL)

G_END_DECLS
