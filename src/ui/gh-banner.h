/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A strip across the top of a page saying what needs attention, with one button for the
 * fix (libadwaita 1.2 has no AdwBanner).  "button-clicked" is emitted when it is pressed. */
#define GH_TYPE_BANNER (gh_banner_get_type ())
G_DECLARE_FINAL_TYPE (GhBanner, gh_banner, GH, BANNER, AdwBin)

GtkWidget  *gh_banner_new              (const char *title,
                                        const char *button_label);
/* Plain text. */
void        gh_banner_set_title        (GhBanner   *self,
                                        const char *title);
const char *gh_banner_get_title        (GhBanner   *self);
/* With a mnemonic; NULL hides the button. */
void        gh_banner_set_button_label (GhBanner   *self,
                                        const char *label);
GtkButton  *gh_banner_get_button       (GhBanner   *self);

G_END_DECLS
