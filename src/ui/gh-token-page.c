/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gh-token-page.h"
#include "gh-token-store.h"

/* Where a person pastes the token: a password row that never shows it, a Paste button, and
 * "Check".  What was pasted stays in the field whatever goes wrong. */
struct _GhTokenPage
{
  AdwBin        parent_instance;

  AdwEntryRow  *token_row;
  GtkLabel     *feedback_label;
  GtkSpinner   *spinner;
  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (GhTokenPage, gh_token_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CHECK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (GhTokenPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "token.check",
                                 !self->busy && text != NULL && *text != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "token.paste", !self->busy);
}

static void
token_changed_cb (GhTokenPage *self)
{
  gh_token_page_set_error (self, NULL);
  update_actions (self);
}

static void
check_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhTokenPage *self = GH_TOKEN_PAGE (widget);
  char *token = gh_token_page_dup_token (self);

  if (token == NULL)
    {
      gh_token_page_set_error (self, _("The field is empty. Paste the token you copied from "
                                       "Business Suite."));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CHECK_REQUESTED], 0, token);
  gh_token_store_free_token (token);
}

static void
token_activated_cb (GhTokenPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "token.check", NULL);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GhTokenPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clean = text != NULL ? gh_token_page_clean_text (text) : NULL;
  if (clean == NULL)
    {
      gh_token_page_set_error (self, _("The clipboard has no text. Copy the token in Business "
                                       "Suite, then press Paste again."));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->token_row), clean);
      gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
    }

  if (text != NULL)
    memset (text, 0, strlen (text));
  if (clean != NULL)
    memset (clean, 0, strlen (clean));
}

static void
paste_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhTokenPage *self = GH_TOKEN_PAGE (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, self->cancellable, clipboard_read_cb,
                                 g_object_ref (self));
}

static void
gh_token_page_dispose (GObject *object)
{
  GhTokenPage *self = GH_TOKEN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_TOKEN_PAGE);

  G_OBJECT_CLASS (gh_token_page_parent_class)->dispose (object);
}

static void
gh_token_page_class_init (GhTokenPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_token_page_dispose;

  /* The token travels as a plain string for one signal emission only; receivers copy it. */
  signals[SIGNAL_CHECK_REQUESTED] =
    g_signal_new ("check-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "token.check", NULL, check_action_cb);
  gtk_widget_class_install_action (widget_class, "token.paste", NULL, paste_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "token.paste", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-token-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhTokenPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, GhTokenPage, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, GhTokenPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, token_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_activated_cb);
}

static void
gh_token_page_init (GhTokenPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

/* Removes one leading "Bearer" or one quote mark at either end; TRUE when it did. */
static gboolean
strip_one_wrapper (GString *text)
{
  static const char * const quotes[] = { "\"", "'", "`", "“", "”", "‘", "’", "«", "»" };

  if (g_ascii_strncasecmp (text->str, "Bearer", 6) == 0 && text->len > 6)
    {
      g_string_erase (text, 0, 6);
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

  /* A comma or semicolon copied along from code or a spreadsheet. */
  if (text->len > 0 && strchr (",;", text->str[text->len - 1]) != NULL)
    {
      g_string_truncate (text, text->len - 1);
      return TRUE;
    }

  return FALSE;
}

char *
gh_token_page_clean_text (const char *text)
{
  g_autoptr(GString) clean = NULL;
  char *result = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* A token never contains whitespace, and copying from a web page or an e-mail often adds
   * some, including line breaks and zero-width spaces. */
  while (g_ascii_isspace (*text))
    text++;
  if (g_ascii_strncasecmp (text, "Bearer", 6) == 0 && g_ascii_isspace (text[6]))
    text += 6;

  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (clean, c);
    }

  while (clean->len > 0 && strip_one_wrapper (clean))
    ;

  if (clean->len > 0)
    result = g_strndup (clean->str, clean->len);

  memset (clean->str, 0, clean->allocated_len);
  return result;
}

char *
gh_token_page_dup_token (GhTokenPage *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_PAGE (self), NULL);

  return gh_token_page_clean_text (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
}

void
gh_token_page_set_token (GhTokenPage *self,
                         const char  *text)
{
  g_return_if_fail (GH_IS_TOKEN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->token_row), text != NULL ? text : "");
}

void
gh_token_page_set_busy (GhTokenPage *self,
                        gboolean     busy)
{
  g_return_if_fail (GH_IS_TOKEN_PAGE (self));

  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !busy);
  update_actions (self);
}

void
gh_token_page_set_error (GhTokenPage *self,
                         const char  *message)
{
  g_return_if_fail (GH_IS_TOKEN_PAGE (self));

  gtk_label_set_text (self->feedback_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->token_row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->token_row),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
gh_token_page_clear (GhTokenPage *self)
{
  g_return_if_fail (GH_IS_TOKEN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  gh_token_page_set_error (self, NULL);
}
