/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "gh-access-check.h"

G_BEGIN_DECLS

#define GH_TYPE_GUIDE_PAGE (gh_guide_page_get_type ())
G_DECLARE_FINAL_TYPE (GhGuidePage, gh_guide_page, GH, GUIDE_PAGE, AdwBin)

/* The page starts at "Before you start" (GH_GUIDE_STEP_NONE).  The screens follow Business
 * Suite's order: two-factor authentication, system user, app, WhatsApp account, then the
 * token, generated and pasted on one screen (GH_GUIDE_STEP_PASTE_TOKEN shows that screen).
 * "I Already Have a Token" (every screen but the token's) and "Paste the Token" both
 * activate win.show-token. */

/* Remembers ticked steps in the "guide-done-steps" key of @settings (nullable), restores
 * them, and opens the first step not ticked yet ("Before you start" when none is). */
void         gh_guide_page_set_settings    (GhGuidePage *self,
                                            GSettings   *settings);
void         gh_guide_page_show_step       (GhGuidePage *self,
                                            GhGuideStep  step);
GhGuideStep  gh_guide_page_get_step        (GhGuidePage *self);
/* Adds ?business_id= to the Business Suite addresses; NULL or "" forgets it. */
void         gh_guide_page_set_business_id (GhGuidePage *self,
                                            const char  *business_id);
/* The address "Open" shows for @step (GH_GUIDE_STEP_NONE: the portfolio's apps), or NULL
 * when the step happens in Gatehouse itself. */
char        *gh_guide_page_dup_step_uri    (GhGuidePage *self,
                                            GhGuideStep  step);
/* Whether the person ticked "I have done this" for @step. */
gboolean     gh_guide_page_get_step_done   (GhGuidePage *self,
                                            GhGuideStep  step);

/* The guide's pieces, for other step-by-step screens (the token's replacement).  @text is
 * markup written by us (translated), with anything from the server escaped into it. */
/* A numbered instruction. */
GtkWidget   *gh_guide_instruction_row_new  (guint        number,
                                            const char  *text);
/* A card with an information icon: why a step matters, or what to watch out for. */
GtkWidget   *gh_guide_note_new             (const char  *text);

G_END_DECLS
