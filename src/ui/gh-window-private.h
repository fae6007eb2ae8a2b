/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-account-view.h"
#include "gh-check-page.h"
#include "gh-guide-page.h"
#include "gh-rotation-page.h"
#include "gh-session.h"
#include "gh-token-page.h"
#include "gh-welcome-page.h"
#include "gh-window.h"

G_BEGIN_DECLS

/* Shared by the window's files: gh-window.c (the view over the session),
 * gh-window-actions.c (what a person asks for) and gh-window-dialogs.c (the questions the
 * window asks before doing it). */
struct _GhWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GhWelcomePage        *welcome_page;
  /* Built when first shown (start-up only builds the welcome page); use the getters. */
  GhGuidePage          *guide_page;
  GhTokenPage          *token_page;
  GhCheckPage          *check_page;
  GhAccountView        *account_view;
  GhRotationPage       *rotation_page;

  GhSession            *session;
  /* Cancelled when the window closes: what it asked the session for is no longer wanted. */
  GCancellable         *cancellable;
  /* Set once the person agreed to close with unapplied changes. */
  gboolean              close_confirmed;
  /* The page "Back" returns to from the guide: the welcome page, or the check report whose
   * "How do I fix this?" opened it. */
  const char           *guide_return_page;
  /* The origin before the last change: a token just saved is one that was pasted. */
  GhSessionOrigin       previous_origin;
};

/* Shows the page @name ("welcome", "guide", "token", "check", "account"), built if needed. */
void     _gh_window_show_page           (GhWindow   *self,
                                         const char *name);
GhGuidePage   *_gh_window_get_guide_page   (GhWindow *self);
GhTokenPage   *_gh_window_get_token_page   (GhWindow *self);
GhCheckPage   *_gh_window_get_check_page   (GhWindow *self);
GhAccountView *_gh_window_get_account_view (GhWindow *self);
GhRotationPage *_gh_window_get_rotation_page (GhWindow *self);
/* Whether the people grid holds edits not applied yet. */
gboolean       _gh_window_has_unapplied    (GhWindow *self);
/* Shows the open connection's report, or its account when there is nothing to review. */
void     _gh_window_show_check_result   (GhWindow   *self);
/* Shows the open connection's account (the switcher filled, the remembered account). */
void     _gh_window_open_account        (GhWindow   *self);
void     _gh_window_install_actions     (GtkWidgetClass *widget_class);

/* Unapplied edits in the people grid are never dropped silently: @then runs once the person
 * agreed to discard them (or at once when there are none). */
typedef void (*GhWindowThenFunc) (GhWindow *self,
                                  gpointer  data);
void     _gh_window_confirm_discard     (GhWindow         *self,
                                         GhWindowThenFunc  then,
                                         gpointer          data,
                                         GDestroyNotify    data_free);
void     _gh_window_ask_rename          (GhWindow          *self,
                                         GhSavedConnection *saved);
void     _gh_window_ask_forget          (GhWindow          *self,
                                         GhSavedConnection *saved);
/* Opens the rotation assistant for the saved connection @connection_id (read again from the
 * keyring first when the session does not know it yet, as after a click on a reminder). */
void     _gh_window_rotate              (GhWindow          *self,
                                         const char        *connection_id);
/* After a token that ends was saved: offers the reminders, once. */
void     _gh_window_offer_reminders     (GhWindow          *self,
                                         GhSavedConnection *saved);
/* Says once, in a toast, why the last background check could not finish. */
void     _gh_window_report_background   (GhWindow          *self);

G_END_DECLS
