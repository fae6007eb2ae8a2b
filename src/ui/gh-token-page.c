/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-token-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gh-graph-error.h"
#include "gh-secret.h"
#include "gh-secret-field.h"
#include "gh-session.h"
#include "gh-token-page-private.h"
#include "gh-token-text.h"
#include "gh-ui-util.h"

/* Where a person pastes the token: a password row that never shows it, a Paste button, and
 * "Check", which hands the cleaned token to the session, the one place that keeps it.  What
 * was pasted stays in the field whatever goes wrong, until the session has saved it. */
struct _GhTokenPage
{
  AdwBin           parent_instance;

  AdwHeaderBar    *header_bar;

  AdwEntryRow     *token_row;
  GtkLabel        *mask_label;
  GtkLabel        *feedback_label;
  GtkSpinner      *spinner;
  GCancellable    *cancellable;
  gboolean         busy;

  GhSession       *session;
  GhSessionOrigin  origin;
  /* What was typed or pasted; the row itself only holds bullets. */
  GhSecretField   *field;
  /* The length after the last change, to tell a paste (many characters at once) from
   * typing. */
  guint            last_length;
  /* Whether what is in the field came by pasting (else it was typed). */
  gboolean         pasted;
};

G_DEFINE_FINAL_TYPE (GhTokenPage, gh_token_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (GhTokenPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "token.check",
                                 !self->busy && gh_secret_field_length (self->field) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "token.paste", !self->busy);
}

/* Enough of what was pasted to recognise it (the start and the end), never the token. */
static void
update_mask (GhTokenPage *self)
{
  char *clean = gh_token_text_clean (gh_secret_field_peek (self->field));
  g_autofree char *mask = NULL;
  g_autofree char *text = NULL;

  if (clean == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->mask_label), FALSE);
      return;
    }

  mask = gh_token_text_mask (clean);
  if (self->pasted)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is a shortened token,
                                          * e.g. EAAJ…x9Qf */
                                         "Pasted: %s (%u character)",
                                         "Pasted: %s (%u characters)",
                                         (gulong) g_utf8_strlen (clean, -1)),
                            mask, (guint) g_utf8_strlen (clean, -1));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is a shortened token,
                                          * e.g. EAAJ…x9Qf */
                                         "Typed: %s (%u character)",
                                         "Typed: %s (%u characters)",
                                         (gulong) g_utf8_strlen (clean, -1)),
                            mask, (guint) g_utf8_strlen (clean, -1));
  gtk_label_set_text (self->mask_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->mask_label), TRUE);
  gh_secret_free (clean);
}

static void forget_clipboard_token (GhTokenPage *self);

/* Tokens are far longer than this: more characters at once is a paste (or a drop), not
 * typing. */
#define PASTE_LENGTH 16

static void
token_changed_cb (GhTokenPage *self)
{
  guint length = gh_secret_field_length (self->field);
  gboolean paste = length >= self->last_length + PASTE_LENGTH;

  if (length == 0)
    self->pasted = FALSE;
  else if (paste)
    self->pasted = TRUE;
  self->last_length = length;

  gh_token_page_set_error (self, NULL);
  update_mask (self);
  update_actions (self);

  if (paste)
    forget_clipboard_token (self);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GhTokenPage) self = user_data;
  g_autoptr(GhCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = gh_session_open_finish (GH_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gh_token_page_set_busy (self, FALSE);
  if (report == NULL)
    {
      g_autofree char *message = NULL;

      g_debug ("The check could not run: %s", error->message);
      if (error->domain == GH_GRAPH_ERROR
          && error->code != GH_GRAPH_ERROR_REFUSED_URL)
        message = gh_graph_error_dup_sentence (error);
      gh_token_page_set_error (self, message != NULL ? message : error->message);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-report", NULL);
}

static void
check_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GhTokenPage *self = GH_TOKEN_PAGE (widget);
  const char *text = gh_secret_field_peek (self->field);
  g_auto(GhSecretString) token = NULL;
  GhTokenTextProblem problem;

  /* Common mistakes are explained before anything is sent anywhere. */
  problem = gh_token_text_diagnose (text, &token);
  if (problem != GH_TOKEN_TEXT_OK)
    {
      gh_token_page_set_error (self, gh_token_text_problem_message (problem));
      return;
    }

  gh_token_page_set_busy (self, TRUE);
  gh_session_check_token_async (self->session, token, self->cancellable, checked_cb,
                                g_object_ref (self));
}

static void
token_activated_cb (GhTokenPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "token.check", NULL);
}

/* A token left on the clipboard can be read by every other program: once it is in the
 * field, it leaves the clipboard (and the primary selection), and the person hears why. */
static void
clipboard_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GhTokenPage) self = user_data;
  GdkClipboard *clipboard = GDK_CLIPBOARD (object);
  g_autoptr(GError) error = NULL;
  g_auto(GhSecretString) text = NULL;
  g_auto(GhSecretString) held = NULL;
  g_auto(GhSecretString) ours = NULL;

  text = gdk_clipboard_read_text_finish (clipboard, result, &error);
  if (text == NULL || self->field == NULL)
    return;

  held = gh_token_text_clean (text);
  ours = gh_token_text_clean (gh_secret_field_peek (self->field));
  if (held == NULL || ours == NULL || strcmp (held, ours) != 0)
    return;

  gdk_clipboard_set_text (clipboard, "");
  if (clipboard == gtk_widget_get_clipboard (GTK_WIDGET (self)))
    gh_ui_toast (GTK_WIDGET (self), _("The token was removed from the clipboard, so other "
                                      "apps cannot read it"));
}

static void
forget_clipboard_token (GhTokenPage *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                                 self->cancellable, clipboard_checked_cb, g_object_ref (self));
  gdk_clipboard_read_text_async (gtk_widget_get_primary_clipboard (GTK_WIDGET (self)),
                                 self->cancellable, clipboard_checked_cb, g_object_ref (self));
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GhTokenPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GhSecretString) text = NULL;
  g_auto(GhSecretString) clean = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clean = text != NULL ? gh_token_text_clean (text) : NULL;
  if (clean == NULL)
    {
      gh_token_page_set_error (self, _("The clipboard has no text. Copy the token in Business "
                                       "Suite, then press Paste again."));
      return;
    }

  gh_secret_field_set_text (self->field, clean);
  gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
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

/* Once the session has saved what was pasted, the field lets go of it: the keyring is the
 * one place the token stays. */
static void
origin_changed_cb (GhTokenPage *self)
{
  GhSessionOrigin origin = gh_session_get_origin (self->session);

  if (origin == GH_SESSION_ORIGIN_SAVED
      && (self->origin == GH_SESSION_ORIGIN_NEW || self->origin == GH_SESSION_ORIGIN_REPLACING))
    gh_token_page_clear (self);
  self->origin = origin;
}

static void
gh_token_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GhTokenPage *self = GH_TOKEN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_token_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GhTokenPage *self = GH_TOKEN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_return_if_fail (self->session == NULL);
      self->session = g_value_dup_object (value);
      self->origin = gh_session_get_origin (self->session);
      g_signal_connect_object (self->session, "notify::origin",
                               G_CALLBACK (origin_changed_cb), self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_token_page_dispose (GObject *object)
{
  GhTokenPage *self = GH_TOKEN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->field, gh_secret_field_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_TOKEN_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gh_token_page_parent_class)->dispose (object);
}

static void
gh_token_page_class_init (GhTokenPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_token_page_dispose;
  object_class->get_property = gh_token_page_get_property;
  object_class->set_property = gh_token_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GH_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "token.check", NULL, check_action_cb);
  gtk_widget_class_install_action (widget_class, "token.paste", NULL, paste_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "token.paste", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-token-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhTokenPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, GhTokenPage, header_bar);
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
  adw_header_bar_pack_end (self->header_bar, gh_ui_main_menu_button_new (NULL));
  gh_ui_wrap_pill_labels (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->field = gh_secret_field_attach (GTK_EDITABLE (self->token_row));
  /* No spell checking, no word suggestions learned from it, no on-screen keyboard help. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->token_row), FALSE);
  adw_entry_row_set_input_purpose (self->token_row, GTK_INPUT_PURPOSE_PASSWORD);
  adw_entry_row_set_input_hints (self->token_row, GTK_INPUT_HINT_NO_SPELLCHECK
                                                  | GTK_INPUT_HINT_NO_EMOJI
                                                  | GTK_INPUT_HINT_PRIVATE);
  update_actions (self);
}

char *
gh_token_page_dup_token (GhTokenPage *self)
{
  g_return_val_if_fail (GH_IS_TOKEN_PAGE (self), NULL);

  return gh_token_text_clean (gh_secret_field_peek (self->field));
}

void
gh_token_page_set_token (GhTokenPage *self,
                         const char  *text)
{
  g_return_if_fail (GH_IS_TOKEN_PAGE (self));

  gh_secret_field_set_text (self->field, text);
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

  gh_secret_field_set_text (self->field, NULL);
  gh_token_page_set_error (self, NULL);
}
