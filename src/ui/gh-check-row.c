/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-check-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-check-row.h"
#include "gh-ui-util.h"

static const char *
status_icon_name (GhCheckStatus status)
{
  switch (status)
    {
    case GH_CHECK_STATUS_OK:
      return "emblem-ok-symbolic";
    case GH_CHECK_STATUS_WARNING:
      return "dialog-warning-symbolic";
    case GH_CHECK_STATUS_ERROR:
    default:
      return "dialog-error-symbolic";
    }
}

static const char *
status_css_class (GhCheckStatus status)
{
  switch (status)
    {
    case GH_CHECK_STATUS_OK:
      return "success";
    case GH_CHECK_STATUS_WARNING:
      return "warning";
    case GH_CHECK_STATUS_ERROR:
    default:
      return "error";
    }
}

static const char *
status_words (GhCheckStatus status)
{
  switch (status)
    {
    case GH_CHECK_STATUS_OK:
      return _("Fine");
    case GH_CHECK_STATUS_WARNING:
      return _("Warning");
    case GH_CHECK_STATUS_ERROR:
    default:
      return _("Problem");
    }
}

void
gh_check_status_image_set (GtkImage      *image,
                           GhCheckStatus  status)
{
  static const GhCheckStatus all[] = {
    GH_CHECK_STATUS_OK, GH_CHECK_STATUS_WARNING, GH_CHECK_STATUS_ERROR
  };

  g_return_if_fail (GTK_IS_IMAGE (image));

  gtk_image_set_from_icon_name (image, status_icon_name (status));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (image), status_css_class (all[i]));
  gtk_widget_add_css_class (GTK_WIDGET (image), status_css_class (status));
  /* The icon's meaning must reach screen readers too, not only its colour. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_words (status), -1);
}

GtkWidget *
gh_check_item_row_new (GhCheckItem *item)
{
  g_autofree char *subtitle = NULL;
  GhCheckStatus status;
  const char *fix;
  GtkWidget *row;
  GtkWidget *icon;

  g_return_val_if_fail (GH_IS_CHECK_ITEM (item), NULL);

  status = gh_check_item_get_status (item);
  fix = gh_check_item_get_fix (item);

  if (fix != NULL && status != GH_CHECK_STATUS_OK)
    subtitle = g_strdup_printf ("%s\n%s", gh_check_item_get_description (item), fix);
  else
    subtitle = g_strdup (gh_check_item_get_description (item));

  row = gh_ui_plain_row_new (gh_check_item_get_title (item), subtitle);
  icon = gtk_image_new ();
  gh_check_status_image_set (GTK_IMAGE (icon), status);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}
