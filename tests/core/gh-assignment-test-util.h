/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-assignment-editor.h"
#include "gh-demo-server.h"
#include "gh-test-util.h"

G_BEGIN_DECLS

/* Demo people the editor's tests lean on (src/demo/gh-demo-data.c). */
#define MARIA_ID      "1972385232339563"   /* first listed, MANAGE */
#define ANNA_ID       "1972385232742142"   /* MANAGE */
#define JASPER_ID     "1972385232752545"   /* DEVELOP */
#define JOSE_ID       "1972385232158176"   /* MESSAGING */
#define BLANK_ID      "1972385232075954"   /* name " ", VIEW_COST */
#define BOLD_ID       "1972385232861168"   /* "<b>Bold & Co</b>", VIEW_TEMPLATES */
#define PRIYA_ID      "1972385232561913"   /* MANAGE */
#define CHEN_ID       "1972385232098702"   /* VIEW_TEMPLATES, VIEW_INSIGHTS + FUTURE_TASK */
#define GRACE_ID      "1972385232252353"   /* MANAGE */
#define OLIVER_ID     "1972385232611316"   /* in the business, not assigned */
#define AMARA_ID      "1972385232993744"   /* in the business, not assigned */
#define INVENTORY_ID  "104169029248311"    /* system user, MANAGE */
#define REPORTING_ID  "104169029248422"    /* system user, MANAGE */
#define CHATBOT_ID    "104169029248644"    /* system user, listed last */
#define ANALYTICS_ID  "104169029248977"    /* system user, not assigned */
#define N_DEMO_ROWS   41

/* A demo server and an admin client talking to it. */
typedef struct
{
  GhDemoServer  *server;
  GhGraphClient *client;
} GhEditorFixture;

void                gh_editor_fixture_set_up    (GhEditorFixture     *fixture,
                                                 gconstpointer        data);
/* Also checks that the token never went into a URL. */
void                gh_editor_fixture_tear_down (GhEditorFixture     *fixture,
                                                 gconstpointer        data);
#define GH_EDITOR_TEST_ADD(path, func) \
  g_test_add ((path), GhEditorFixture, NULL, gh_editor_fixture_set_up, (func), \
              gh_editor_fixture_tear_down)

/* A GAsyncReadyCallback storing the result in *(GAsyncResult **) user_data. */
void                gh_test_store_result_cb     (GObject             *object,
                                                 GAsyncResult        *result,
                                                 gpointer             user_data);
/* Spins the default context until *@slot is set. */
GAsyncResult       *gh_test_wait_for_result     (GAsyncResult       **slot);

gboolean            gh_test_run_load            (GhAssignmentEditor  *editor,
                                                 GError             **error);
gboolean            gh_test_run_apply           (GhAssignmentEditor  *editor,
                                                 guint               *n_failed,
                                                 GError             **error);
gboolean            gh_test_run_undo            (GhAssignmentEditor  *editor,
                                                 guint               *n_failed,
                                                 GError             **error);
/* A new editor of the demo WABA, loaded. */
GhAssignmentEditor *gh_test_load_editor         (GhEditorFixture     *fixture,
                                                 const char          *own_user_id);

/* Rows are owned by the editor's model: the pointers stay valid while they are listed. */
GhAssignment       *gh_test_find_row            (GhAssignmentEditor  *editor,
                                                 const char          *id);
GhAssignment       *gh_test_row_at              (GhAssignmentEditor  *editor,
                                                 guint                position);

/* What Meta holds now, read by an editor of its own. */
GhTaskFlags         gh_test_server_tasks        (GhEditorFixture     *fixture,
                                                 const char          *id,
                                                 GStrv               *unknown,
                                                 gboolean            *listed);
/* What someone else does on Meta meanwhile, outside the editor under test. */
void                gh_test_server_assign       (GhEditorFixture     *fixture,
                                                 const char          *id,
                                                 const char          *tasks_json);

/* Counters for notify:: and items-changed: user_data is a guint *. */
void                gh_test_count_cb            (gpointer             instance,
                                                 gpointer             pspec,
                                                 gpointer             user_data);
void                gh_test_items_changed_cb    (GListModel          *model,
                                                 guint                position,
                                                 guint                removed,
                                                 guint                added,
                                                 gpointer             user_data);

G_END_DECLS
