/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-token-page.h"
#include "gh-token-store.h"
#include "gh-token-text.h"

/* Where a person pastes the token: a password row that never shows it, a Paste button, and
 * "Check".  What was pasted stays in the field whatever goes wrong. */
struct _GhTokenPage
{
  AdwBin        parent_instance;

  AdwEntryRow  *token_row;
  GtkLabel     *mask_label;
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

/* Enough of what was pasted to recognise it (the start and the end), never the token. */
static void
update_mask (GhTokenPage *self)
{
  char *clean = gh_token_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
  g_autofree char *mask = NULL;
  g_autofree char *text = NULL;

  if (clean == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->mask_label), FALSE);
      return;
    }

  mask = gh_token_text_mask (clean);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is a shortened token, e.g. EAAJ…x9Qf */
                                       "Pasted: %s (%u character)",
                                       "Pasted: %s (%u characters)",
                                       (gulong) g_utf8_strlen (clean, -1)),
                          mask, (guint) g_utf8_strlen (clean, -1));
  gtk_label_set_text (self->mask_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->mask_label), TRUE);
  gh_token_text_free (clean);
}

static void
token_changed_cb (GhTokenPage *self)
{
  gh_token_page_set_error (self, NULL);
  update_mask (self);
  update_actions (self);
}

static void
check_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhTokenPage *self = GH_TOKEN_PAGE (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  char *token = NULL;
  GhTokenTextProblem problem;

  /* Common mistakes are explained before anything is sent anywhere. */
  problem = gh_token_text_diagnose (text, &token);
  if (problem != GH_TOKEN_TEXT_OK)
    {
      gh_token_page_set_error (self, gh_token_text_problem_message (problem));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CHECK_REQUESTED], 0, token);
  gh_token_text_free (token);
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
  char *text = NULL;
  char *clean = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clean = text != NULL ? gh_token_text_clean (text) : NULL;
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

  gh_token_text_free (text);
  gh_token_text_free (clean);
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
  gtk_widget_class_bind_template_child (widget_class, GhTokenPage, mask_label);
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

char *
gh_token_page_dup_token (GhTokenPage *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_PAGE (self), NULL);

  return gh_token_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
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
