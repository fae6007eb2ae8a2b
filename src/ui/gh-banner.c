/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-banner"

#include "config.h"

#include "gh-banner.h"
#include "gh-ui-util.h"

struct _GhBanner
{
  AdwBin     parent_instance;

  GtkLabel  *label;
  GtkButton *button;
};

G_DEFINE_FINAL_TYPE (GhBanner, gh_banner, ADW_TYPE_BIN)

enum {
  SIGNAL_BUTTON_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
button_clicked_cb (GhBanner *self)
{
  g_signal_emit (self, signals[SIGNAL_BUTTON_CLICKED], 0);
}

static void
gh_banner_class_init (GhBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_BUTTON_CLICKED] =
    g_signal_new ("button-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "banner");
  /* Read out when it appears, like a notification. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
gh_banner_init (GhBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (GTK_WIDGET (self), "gh-banner");

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_use_markup (self->label, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (button_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
gh_banner_new (const char *title,
               const char *button_label)
{
  GhBanner *self = g_object_new (GH_TYPE_BANNER, NULL);

  gh_banner_set_title (self, title);
  gh_banner_set_button_label (self, button_label);

  return GTK_WIDGET (self);
}

void
gh_banner_set_title (GhBanner   *self,
                     const char *title)
{
  g_return_if_fail (GH_IS_BANNER (self));

  gtk_label_set_text (self->label, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

const char *
gh_banner_get_title (GhBanner *self)
{
  g_return_val_if_fail (GH_IS_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}

void
gh_banner_set_button_label (GhBanner   *self,
                            const char *label)
{
  g_return_if_fail (GH_IS_BANNER (self));

  gtk_widget_set_visible (GTK_WIDGET (self->button), label != NULL);
  if (label != NULL)
    gh_ui_button_set_mnemonic (self->button, label);
}

GtkButton *
gh_banner_get_button (GhBanner *self)
{
  g_return_val_if_fail (GH_IS_BANNER (self), NULL);

  return self->button;
}
