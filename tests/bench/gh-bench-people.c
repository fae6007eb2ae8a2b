/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "gh-bench-people.h"
#include "gh-people-page.h"
#include "gh-ui-test-util.h"

/* The people grid as a person meets it: the real GhPeoplePage in a real window, 10,000
 * people read from the demo server with a network's latency, and how long the window stops
 * answering (the longest gap of the main loop) while it loads, searches, sorts and scrolls. */

#define STALL_BUDGET_MS 50.0
#define ALL_ROWS_BUDGET 1.5
#define SETTLE_MS 600

typedef struct
{
  GhDemoServer  *server;
  GtkWindow     *window;
  GhPeoplePage  *page;
  GtkColumnView *view;
  guint          people;
  gint64         load_start;
  gint64         first_rows;
} Grid;

static guint
grid_rows (Grid *grid)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (grid->view)));
}

static gboolean
window_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

static gboolean
all_rows_shown (gpointer data)
{
  Grid *grid = data;
  GhAssignmentEditor *editor = gh_people_page_get_editor (grid->page);
  guint rows = grid_rows (grid);

  if (grid->first_rows == 0 && rows > 0)
    grid->first_rows = g_get_monotonic_time () - grid->load_start;

  return editor != NULL && !gh_assignment_editor_get_loading (editor) && rows == grid->people;
}

static gboolean
editor_idle (gpointer data)
{
  Grid *grid = data;
  GhAssignmentEditor *editor = gh_people_page_get_editor (grid->page);

  return editor != NULL && !gh_assignment_editor_get_loading (editor);
}

static void
grid_open (Grid         *grid,
           GhDemoServer *server,
           guint         people)
{
  grid->server = server;
  grid->people = people;
  grid->window = GTK_WINDOW (gtk_window_new ());
  grid->page = g_object_new (GH_TYPE_PEOPLE_PAGE, NULL);
  gtk_window_set_child (grid->window, GTK_WIDGET (grid->page));
  gtk_window_set_default_size (grid->window, 1280, 800);
  gtk_window_present (grid->window);
  if (!gh_test_wait_for (window_allocated, grid->window, 10000))
    g_error ("The window was never shown");
  grid->view = GTK_COLUMN_VIEW (gh_test_find_widget_of_type (GTK_WIDGET (grid->page),
                                                             GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (grid->view);
  gh_bench_spin (300);
}

static void
grid_close (Grid *grid)
{
  gtk_window_destroy (grid->window);
  gh_bench_spin (200);
}

static void
grid_sort (Grid        *grid,
           GtkSortType  order)
{
  g_autoptr(GtkColumnViewColumn) person = NULL;

  person = g_list_model_get_item (gtk_column_view_get_columns (grid->view), 0);
  gtk_column_view_sort_by_column (grid->view, person, order);
}

/* Loads @people and returns the time until every row is in the grid, in ms. */
static double
grid_load (Grid         *grid,
           GhGraphClient *client,
           double        *stall)
{
  GhStallTimer timer;
  double all_rows;

  gh_bench_new_hour (grid->server);
  gh_stall_timer_start (&timer);
  grid->first_rows = 0;
  grid->load_start = g_get_monotonic_time ();
  gh_people_page_load (grid->page, client, GH_DEMO_WABA_ID, GH_DEMO_BUSINESS_ID,
                       GH_DEMO_ADMIN_USER_ID, TRUE);
  if (!gh_test_wait_for (all_rows_shown, grid, 180000))
    g_error ("The grid never showed all %u people", grid->people);
  all_rows = (g_get_monotonic_time () - grid->load_start) / 1000.0;
  gh_bench_spin (SETTLE_MS);
  *stall = gh_stall_timer_stop (&timer);

  return all_rows;
}

typedef struct
{
  Grid  *grid;
  guint  expected;
} CountWait;

static gboolean
shows_expected (gpointer data)
{
  CountWait *wait = data;

  return grid_rows (wait->grid) == wait->expected;
}

static guint
count_matches (Grid       *grid,
               const char *text)
{
  GListModel *model = gh_assignment_editor_get_model (gh_people_page_get_editor (grid->page));
  g_autofree char *needle = g_utf8_strdown (text, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GhAssignment) row = g_list_model_get_item (model, i);

      if (strstr (gh_assignment_get_search_key (row), needle) != NULL)
        n++;
    }

  return n;
}

/* Types @text one character at a time, as a person does, waiting for each result. */
static void
grid_type (Grid       *grid,
           const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (gh_test_find_widget_of_type (GTK_WIDGET (grid->page),
                                                                  GTK_TYPE_SEARCH_ENTRY));
  glong n_chars = g_utf8_strlen (text, -1);

  for (glong i = n_chars == 0 ? 0 : 1; i <= n_chars; i++)
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, i);
      CountWait wait = { grid, 0 };

      wait.expected = *prefix != '\0' ? count_matches (grid, prefix) : grid->people;
      gtk_editable_set_text (entry, prefix);
      if (!gh_test_wait_for (shows_expected, &wait, 30000))
        g_error ("Searching “%s” never showed %u rows (%u shown)", prefix, wait.expected,
                 grid_rows (grid));
      gh_bench_spin (100);
    }
}

static void
grid_scroll_to_end (Grid *grid)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (grid->view),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  const guint steps = 20;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* Dragging the scroll bar down in a few moves, then to the very end. */
  for (guint i = 1; i <= steps; i++)
    {
      double end = gtk_adjustment_get_upper (adjustment)
                   - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, end * i / steps);
      gh_bench_spin (100);
    }
  gh_bench_spin (SETTLE_MS);
}

static void
print_stall (const char *name,
             double      value,
             const char *note)
{
  GhFigure figure = {
    .name = name, .value = value, .unit = "ms",
    .budget_of = GH_BUDGET_VALUE, .budget = STALL_BUDGET_MS, .note = note,
  };

  gh_bench_print (&figure);
}

void
gh_bench_people_ui (GhDemoServer  *server,
                    GhGraphClient *client,
                    guint          people,
                    double         one_request,
                    double         no_ui_load)
{
  Grid grid = { NULL };
  GhStallTimer timer;
  double stall, all_rows, sorted_stall, sorted_all_rows;
  guint requests;

  /* Rows arriving in the order shown: each page lands after the rows already built. */
  grid_open (&grid, server, people);
  sorted_all_rows = grid_load (&grid, client, &sorted_stall);
  grid_close (&grid);

  /* Rows arriving in the reverse of the order shown (the grid sorted Z to A): each page
   * lands before every row already built, as unsorted names do. */
  grid_open (&grid, server, people);
  grid_sort (&grid, GTK_SORT_DESCENDING);
  all_rows = grid_load (&grid, client, &stall);

  print_stall ("people-ui-load-stall", stall,
               "longest main-loop gap while 10,000 people load into the grid, names arriving "
               "in the reverse of the order shown");
  {
    GhFigure figure = {
      .name = "people-ui-all-rows-time", .value = all_rows, .unit = "ms",
      .baseline_name = "people-10000-load-time", .baseline = no_ui_load,
      .budget_of = GH_BUDGET_RATIO, .budget = ALL_ROWS_BUDGET,
      .note = "every row in the grid, names in reverse order, against the same load "
              "without a window",
    };
    gh_bench_print (&figure);
  }
  {
    GhFigure figure = {
      .name = "people-ui-first-rows-time", .value = grid.first_rows / 1000.0, .unit = "ms",
      .baseline_name = "one-request-time", .baseline = one_request,
      .budget_of = GH_BUDGET_ROUND_TRIPS, .budget = 1,
    };
    gh_bench_print (&figure);
  }
  print_stall ("people-ui-sorted-load-stall", sorted_stall,
               "the same load with names arriving in the order shown");
  {
    GhFigure figure = {
      .name = "people-ui-sorted-all-rows-time", .value = sorted_all_rows, .unit = "ms",
      .baseline_name = "people-10000-load-time", .baseline = no_ui_load,
      .budget_of = GH_BUDGET_RATIO, .budget = ALL_ROWS_BUDGET,
    };
    gh_bench_print (&figure);
  }

  gh_stall_timer_start (&timer);
  grid_type (&grid, "person 0999");
  stall = gh_stall_timer_stop (&timer);
  print_stall ("people-ui-search-stall", stall,
               "typing “person 0999” one character at a time until each result shows");

  gh_stall_timer_start (&timer);
  grid_type (&grid, "");
  gh_bench_spin (SETTLE_MS);
  stall = gh_stall_timer_stop (&timer);
  print_stall ("people-ui-clear-stall", stall, "clearing that search: back to 10,000 rows");

  gh_stall_timer_start (&timer);
  grid_sort (&grid, GTK_SORT_ASCENDING);
  gh_bench_spin (SETTLE_MS);
  grid_sort (&grid, GTK_SORT_DESCENDING);
  gh_bench_spin (SETTLE_MS);
  stall = gh_stall_timer_stop (&timer);
  print_stall ("people-ui-sort-stall", stall, "sorting by name A to Z, then Z to A");

  gh_stall_timer_start (&timer);
  grid_scroll_to_end (&grid);
  stall = gh_stall_timer_stop (&timer);
  print_stall ("people-ui-scroll-stall", stall,
               "scrolling from the first row to the last in 20 moves");

  /* What one press of Refresh costs against Meta's 200 calls an hour. */
  gh_bench_new_hour (server);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid.page), "people.reload", NULL));
  gh_bench_spin (50);
  if (!gh_test_wait_for (editor_idle, &grid, 180000))
    g_error ("The refresh never ended");
  requests = gh_demo_server_get_request_count (server);
  {
    g_autofree char *note = g_strdup_printf ("HTTP requests at the demo server for one "
                                             "refresh of %u people (%u Graph operations)",
                                             people,
                                             gh_demo_server_get_operation_count (server));
    GhFigure figure = {
      .name = "people-refresh-calls", .value = requests, .unit = "requests",
      .budget_of = GH_BUDGET_VALUE, .budget = 5, .note = note,
    };
    gh_bench_print (&figure);
  }

  grid_close (&grid);
}
