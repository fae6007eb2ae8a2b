/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-export"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-export.h"
#include "gh-ui-util.h"

typedef struct
{
  GtkWidget *widget;
  GBytes    *contents;
} Export;

static void
export_free (Export *export)
{
  g_clear_weak_pointer (&export->widget);
  g_bytes_unref (export->contents);
  g_free (export);
}

typedef struct
{
  GtkWidget *widget;
  char      *name;
} Saving;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    /* Translators: %s is a file name, then the reason */
    text = g_strdup_printf (_("“%s” could not be saved: %s"), saving->name, error->message);
  else
    /* Translators: %s is a file name */
    text = g_strdup_printf (_("Saved as “%s”"), saving->name);

  if (saving->widget != NULL)
    gh_ui_toast (saving->widget, text);

  g_clear_weak_pointer (&saving->widget);
  g_free (saving->name);
  g_free (saving);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  Export *export = g_object_get_data (G_OBJECT (chooser), "gh-export");
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  Saving *saving;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && export->widget != NULL)
    {
      basename = g_file_get_basename (file);
      saving = g_new0 (Saving, 1);
      g_set_weak_pointer (&saving->widget, export->widget);
      saving->name = g_filename_display_name (basename);
      g_file_replace_contents_bytes_async (file, export->contents, NULL, FALSE,
                                           G_FILE_CREATE_REPLACE_DESTINATION, NULL, saved_cb,
                                           saving);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
gh_export_ask_and_save (GtkWidget  *widget,
                        const char *title,
                        const char *suggested_name,
                        const char *filter_name,
                        const char *mime_type,
                        GBytes     *contents)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (contents != NULL);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  export = g_new0 (Export, 1);
  g_set_weak_pointer (&export->widget, widget);
  export->contents = g_bytes_ref (contents);
  g_object_set_data_full (G_OBJECT (chooser), "gh-export", export,
                          (GDestroyNotify) export_free);

  /* The chooser keeps itself until the person answers. */
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
