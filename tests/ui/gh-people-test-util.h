/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-assignment-editor.h"
#include "gh-demo-server.h"
#include "gh-people-page.h"
#include "gh-ui-test-util.h"

G_BEGIN_DECLS

/* Demo people the people page's tests lean on (src/demo/gh-demo-data.c). */
#define ANNA_ID   "1972385232742142"
#define JASPER_ID "1972385232752545"
#define BLANK_ID  "1972385232075954"
#define OLIVER_ID "1972385232611316"
#define AMARA_ID  "1972385232993744"

/* The people page alone in a real window with the app's style, a demo server on loopback
 * and an admin client for it.  Nothing is loaded yet. */
typedef struct
{
  char          *tmpdir;
  GhDemoServer  *server;
  GhGraphClient *client;
  GtkWindow     *window;
  GhPeoplePage  *page;
} GhPeopleFixture;

void                gh_people_fixture_set_up    (GhPeopleFixture    *fixture,
                                                 gconstpointer       data);
/* Also checks that the page let go of the client once it was gone. */
void                gh_people_fixture_tear_down (GhPeopleFixture    *fixture,
                                                 gconstpointer       data);
#define GH_PEOPLE_TEST_ADD(path, func) \
  g_test_add ((path), GhPeopleFixture, NULL, gh_people_fixture_set_up, (func), \
              gh_people_fixture_tear_down)

/* A GhTestCondition on a GhPeopleFixture: the page's editor holds its first rows. */
gboolean            gh_test_page_loaded         (gpointer            fixture);
/* Loads the demo WABA as its admin (@can_edit) or its employee, and waits for the rows. */
void                gh_test_load_page           (GhPeopleFixture    *fixture,
                                                 gboolean            can_edit);
GhAssignmentEditor *gh_test_editor_of           (GhPeopleFixture    *fixture);
/* The row of @id; rows are owned by the editor's model. */
GhAssignment       *gh_test_find_row            (GhAssignmentEditor *editor,
                                                 const char         *id);

/* Waits for the page to show a widget of @type named @label for screen readers. */
GtkWidget          *gh_test_page_named          (GhPeopleFixture    *fixture,
                                                 GType               type,
                                                 const char         *label);
/* The same for a check box. */
GtkWidget          *gh_test_find_check          (GhPeopleFixture    *fixture,
                                                 const char         *label);
/* How many rows the grid shows. */
guint               gh_test_grid_rows           (GhPeopleFixture    *fixture);
/* Waits up to @timeout_ms for the grid to show @n rows; fails the test if it does not. */
void                gh_test_wait_for_rows       (GhPeopleFixture    *fixture,
                                                 guint               n,
                                                 guint               timeout_ms);
/* Types into the search field and waits for the grid to show @n rows. */
void                gh_test_search              (GhPeopleFixture    *fixture,
                                                 const char         *text,
                                                 guint               n);
/* Waits until @editor neither loads nor applies. */
void                gh_test_wait_editor_idle    (GhAssignmentEditor *editor);

/* For callbacks that end a wait: @done once called, @ok what the call returned. */
typedef struct
{
  gboolean done;
  gboolean ok;
} GhTestDone;

/* A GhTestCondition on a GhTestDone. */
gboolean            gh_test_is_done             (gpointer            data);

/* What Meta holds now, read by an editor of its own (the caller's). */
GhAssignmentEditor *gh_test_read_back           (GhPeopleFixture    *fixture);
/* The tasks Meta holds now for @id, who must be listed. */
GhTaskFlags         gh_test_held_on_server      (GhPeopleFixture    *fixture,
                                                 const char         *id);

G_END_DECLS
