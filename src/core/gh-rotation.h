/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gh-check-report.h"
#include "gh-saved-connection.h"

G_BEGIN_DECLS

/* Replacing a saved connection's token with a new one: what the old token was (as the saved
 * connection recorded it) next to what the check of the new one found, so a person sees
 * before replacing that the integration keeps its system user, app, accounts and
 * permissions, and gets a new end date.  Pure: no I/O. */

typedef enum
{
  GH_ROTATION_ASPECT_TOKEN,        /* Meta accepts the new token */
  GH_ROTATION_ASPECT_SYSTEM_USER,
  GH_ROTATION_ASPECT_APP,
  GH_ROTATION_ASPECT_ACCOUNTS,     /* the WhatsApp Business Accounts it reaches */
  GH_ROTATION_ASPECT_PERMISSIONS,
  GH_ROTATION_ASPECT_END_DATE,
} GhRotationAspect;

typedef enum
{
  GH_ROTATION_SAME,      /* as before */
  GH_ROTATION_BETTER,    /* more than before: a later end, another account, a permission */
  GH_ROTATION_UNKNOWN,   /* the old token's side was not recorded: nothing to compare */
  GH_ROTATION_CHANGED,   /* different: the person confirms before replacing */
  GH_ROTATION_LOST,      /* something the old token had is gone: the person confirms */
  GH_ROTATION_BROKEN,    /* the new token does not work: it cannot replace anything */
} GhRotationVerdict;

#define GH_TYPE_ROTATION_ITEM (gh_rotation_item_get_type ())
G_DECLARE_FINAL_TYPE (GhRotationItem, gh_rotation_item, GH, ROTATION_ITEM, GObject)

GhRotationAspect   gh_rotation_item_get_aspect   (GhRotationItem *self);
GhRotationVerdict  gh_rotation_item_get_verdict  (GhRotationItem *self);
/* Translated: what is compared ("System user"), the old and the new side in a few words
 * (plain text: names come from the server), and one sentence on what it means. */
const char        *gh_rotation_item_get_title    (GhRotationItem *self);
const char        *gh_rotation_item_get_before   (GhRotationItem *self);
const char        *gh_rotation_item_get_after    (GhRotationItem *self);
const char        *gh_rotation_item_get_sentence (GhRotationItem *self);
/* A word for the verdict: "Same", "Later", "Changed"… */
const char        *gh_rotation_verdict_to_label  (GhRotationVerdict verdict);

#define GH_TYPE_ROTATION (gh_rotation_get_type ())
G_DECLARE_FINAL_TYPE (GhRotation, gh_rotation, GH, ROTATION, GObject)

/* @before: the saved connection being replaced; @after: the check of the new token; @now:
 * Unix seconds. */
GhRotation   *gh_rotation_compare          (GhSavedConnection *before,
                                            GhCheckReport     *after,
                                            gint64             now);
/* GhRotationItem*, one per aspect, in GhRotationAspect's order. */
GPtrArray    *gh_rotation_get_items        (GhRotation        *self);
GhRotationItem *gh_rotation_find_item      (GhRotation        *self,
                                            GhRotationAspect   aspect);
/* FALSE when Meta refuses the new token: then nothing may be replaced. */
gboolean      gh_rotation_get_can_replace  (GhRotation        *self);
/* TRUE when nothing changed for the worse or unexpectedly: replacing needs no second
 * thought. */
gboolean      gh_rotation_get_safe         (GhRotation        *self);
/* One translated sentence for the top of the comparison. */
const char   *gh_rotation_get_summary      (GhRotation        *self);

/* Writes into @saved who and what the token of @report is (system user id, app, accounts
 * reached), so a later replacement can be compared with it.  Nothing is written for a
 * token Meta refused: it cannot say who it is. */
void          gh_rotation_record           (GhSavedConnection *saved,
                                            GhCheckReport     *report);

G_END_DECLS
