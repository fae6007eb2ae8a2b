/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps what a person types or pastes into an entry out of the entry: the entry holds one
 * bullet per character, so nothing that reads the entry — the accessibility bus, copy and
 * cut, drag and drop, an input method — ever sees the token, while typing, pasting,
 * selecting and deleting work as usual.  The real text lives in a fixed buffer of the field,
 * wiped when it changes size or goes away. */
typedef struct _GhSecretField GhSecretField;

/* Takes over @editable's text (its delegate, for an AdwEntryRow). */
GhSecretField *gh_secret_field_attach   (GtkEditable   *editable);
void           gh_secret_field_free     (GhSecretField *self);
/* The real text, NUL-terminated; valid until the next change. */
const char    *gh_secret_field_peek     (GhSecretField *self);
/* The number of characters (equal to the entry's bullets). */
guint          gh_secret_field_length   (GhSecretField *self);
/* Replaces the whole text, as a paste over everything would. */
void           gh_secret_field_set_text (GhSecretField *self,
                                         const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GhSecretField, gh_secret_field_free)

G_END_DECLS
