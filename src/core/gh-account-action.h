/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "gh-readiness.h"

G_BEGIN_DECLS

/* The outcome of one confirmed write that fixes an account (subscribe the token's app to its
 * webhooks, register a phone number), told in plain words with what Meta holds afterwards.
 * Pure: made from the write's answer and the re-read that followed it. */

typedef enum
{
  GH_ACTION_DONE,        /* Meta accepted, and the re-read shows it */
  GH_ACTION_NOT_SHOWN,   /* Meta accepted, but the re-read does not show it (yet) */
  GH_ACTION_REFUSED,     /* Meta refused: nothing changed */
  GH_ACTION_UNCERTAIN,   /* no answer to the write: the re-read says what Meta holds */
} GhActionOutcome;

#define GH_TYPE_ACCOUNT_ACTION (gh_account_action_get_type ())
G_DECLARE_FINAL_TYPE (GhAccountAction, gh_account_action, GH, ACCOUNT_ACTION, GObject)

/* @write_error: the POST's error, NULL when Meta accepted it.  @after: the account as read
 * again afterwards (nullable), @reread_error why it could not be (nullable). */
GhAccountAction    *gh_account_action_new_subscribe  (const GError       *write_error,
                                                      GhAccountReadiness *after,
                                                      const GError       *reread_error,
                                                      const char         *app_name);
GhAccountAction    *gh_account_action_new_register   (const GError       *write_error,
                                                      GhAccountReadiness *after,
                                                      const GError       *reread_error,
                                                      const char         *phone_id);

GhActionOutcome     gh_account_action_get_outcome    (GhAccountAction    *self);
/* A short headline ("Subscribed"), one or two plain sentences, and the next step
 * (nullable); all translated. */
const char         *gh_account_action_get_title      (GhAccountAction    *self);
const char         *gh_account_action_get_sentence   (GhAccountAction    *self);
const char         *gh_account_action_get_next_step  (GhAccountAction    *self);
/* The write's error (GH_GRAPH_ERROR, for the technical details), or NULL. */
const GError       *gh_account_action_get_error      (GhAccountAction    *self);
/* What Meta holds now, or NULL when the re-read failed. */
GhAccountReadiness *gh_account_action_get_readiness  (GhAccountAction    *self);

/* NULL when @pin is a two-step verification PIN (exactly six digits), else one translated
 * sentence saying what is wrong.  Checked before anything is sent. */
const char         *gh_register_pin_problem          (const char         *pin);

/* Meta allows a number this many register attempts in GH_REGISTER_WINDOW_HOURS. */
#define GH_REGISTER_TRIES        10
#define GH_REGISTER_WINDOW_HOURS 72

G_END_DECLS
