/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-secret-field"

#include "config.h"

#include <string.h>

#include "gh-secret.h"
#include "gh-secret-field.h"

/* Tokens are a few hundred characters; anything this long is not one, and a fixed buffer
 * never leaves stale copies behind in reallocated memory. */
#define CAPACITY 8192

#define BULLET "\u2022"

struct _GhSecretField
{
  GtkEditable *editable;   /* the delegate that emits insert-text and delete-text */
  gulong       insert_id;
  gulong       delete_id;
  gboolean     inserting;
  gsize        len;        /* bytes in text, without the terminator */
  char         text[CAPACITY];
};

static gsize
byte_offset (GhSecretField *self,
             int            chars)
{
  gsize n = g_utf8_strlen (self->text, self->len);

  if (chars < 0 || (gsize) chars > n)
    chars = n;

  return g_utf8_offset_to_pointer (self->text, chars) - self->text;
}

static void
insert_text_cb (GtkEditable   *editable,
                const char    *new_text,
                int            length,
                int           *position,
                GhSecretField *self)
{
  gsize bytes = length < 0 ? strlen (new_text) : (gsize) length;
  const char *valid_end = NULL;
  g_autoptr(GString) bullets = NULL;
  gsize at;
  glong n_chars;

  if (self->inserting)
    return;

  g_signal_stop_emission_by_name (editable, "insert-text");

  /* Only whole characters: what is not valid UTF-8 is not part of any token. */
  g_utf8_validate_len (new_text, bytes, &valid_end);
  bytes = valid_end - new_text;
  if (bytes == 0)
    return;
  if (self->len + bytes >= CAPACITY)
    {
      gtk_widget_error_bell (GTK_WIDGET (editable));
      return;
    }

  at = byte_offset (self, *position);
  memmove (self->text + at + bytes, self->text + at, self->len - at + 1);
  memcpy (self->text + at, new_text, bytes);
  self->len += bytes;

  n_chars = g_utf8_strlen (new_text, bytes);
  bullets = g_string_sized_new (n_chars * strlen (BULLET));
  for (glong i = 0; i < n_chars; i++)
    g_string_append (bullets, BULLET);

  self->inserting = TRUE;
  gtk_editable_insert_text (editable, bullets->str, bullets->len, position);
  self->inserting = FALSE;
}

static void
delete_text_cb (GtkEditable   *editable,
                int            start,
                int            end,
                GhSecretField *self)
{
  gsize from = byte_offset (self, start);
  gsize to = byte_offset (self, end);

  if (to <= from)
    return;

  memmove (self->text + from, self->text + to, self->len - to + 1);
  self->len -= to - from;
  /* What moved down leaves its old bytes behind the terminator. */
  gh_secret_wipe (self->text + self->len + 1, to - from);
}

GhSecretField *
gh_secret_field_attach (GtkEditable *editable)
{
  GhSecretField *self;
  GtkEditable *delegate;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  delegate = editable;
  while (gtk_editable_get_delegate (delegate) != NULL)
    delegate = gtk_editable_get_delegate (delegate);

  self = g_new0 (GhSecretField, 1);
  self->editable = g_object_ref (delegate);
  /* Undo would put back what the entry held, which is only bullets. */
  gtk_editable_set_enable_undo (delegate, FALSE);
  gtk_editable_set_text (delegate, "");
  self->insert_id = g_signal_connect (delegate, "insert-text", G_CALLBACK (insert_text_cb), self);
  self->delete_id = g_signal_connect (delegate, "delete-text", G_CALLBACK (delete_text_cb), self);

  return self;
}

void
gh_secret_field_free (GhSecretField *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->insert_id, self->editable);
  g_clear_signal_handler (&self->delete_id, self->editable);
  g_clear_object (&self->editable);
  gh_secret_wipe (self, sizeof *self);
  g_free (self);
}

const char *
gh_secret_field_peek (GhSecretField *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

guint
gh_secret_field_length (GhSecretField *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_utf8_strlen (self->text, self->len);
}

void
gh_secret_field_set_text (GhSecretField *self,
                          const char    *text)
{
  int position = 0;

  g_return_if_fail (self != NULL);

  gtk_editable_delete_text (self->editable, 0, -1);
  if (text != NULL && *text != '\0')
    gtk_editable_insert_text (self->editable, text, -1, &position);
}
