/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-people-grid"

#include "config.h"

#include "gh-people-grid.h"
#include "gh-people-keys.h"
#include "gh-people-list.h"
#include "gh-people-slots.h"
#include "gh-people-test-util.h"
#include "gh-person-tasks.h"
#include "gh-shortcuts-window.h"

/* The people grid in a real window under Xvfb: that it fits the window and the text size,
 * how the keyboard moves through it, and the list that takes its place when narrow. */

/* A grid that fits */

typedef struct
{
  GhPeopleFixture *fixture;
  int              width;
} WidthWait;

static gboolean
window_has_width (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (GTK_WIDGET (wait->fixture->window)) == wait->width;
}

/* Resizes the window as a person would; a window cannot be narrower than what it shows
 * needs, so @width is a wish below that. */
static void
resize_window (GhPeopleFixture *fixture,
               int              width,
               int              height)
{
  WidthWait wait = { fixture, 0 };
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  wait.width = MAX (width, minimum);
  gtk_window_set_default_size (fixture->window, width, height);
  g_assert_true (gh_test_wait_for (window_has_width, &wait, 10000));
  /* The columns take their widths in an idle after the resize. */
  gh_test_pause (300);
}

static void
save_screenshot (GhPeopleFixture *fixture,
                 const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  gh_test_save_screenshot (GTK_WIDGET (fixture->window), path);
  g_test_message ("Screenshot saved to %s", path);
}

static GtkWidget *
grid_view (GhPeopleFixture *fixture)
{
  GtkWidget *view = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                 GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (view);
  return view;
}

static GtkWidget *
grid_of (GhPeopleFixture *fixture)
{
  GtkWidget *grid = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                 GH_TYPE_PEOPLE_GRID);

  g_assert_nonnull (grid);
  return grid;
}

/* Nothing the grid shows is off to the side. */
static void
assert_fits (GhPeopleFixture *fixture)
{
  GtkWidget *view = grid_view (fixture);
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture->window)));
}

/* Every task of @name has its box on screen, inside the window. */
static void
assert_all_boxes (GhPeopleFixture *fixture,
                  const char      *name)
{
  for (guint i = 0; i < GH_TASK_N_KNOWN; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s for %s",
                                                gh_task_get_label (gh_task_from_index (i)),
                                                name);
      GtkWidget *check = gh_test_find_check (fixture, label);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (check, GTK_WIDGET (fixture->window), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (fixture->window)));
    }
}

static void
test_fits (GhPeopleFixture *fixture,
           gconstpointer    data)
{
  gh_test_load_page (fixture, TRUE);
  gh_test_search (fixture, "", 41);

  for (guint i = 0; i < 2; i++)
    {
      int width = i == 0 ? 1280 : 1024;
      g_autofree char *name = g_strdup_printf ("screenshot-people-%d.png", width);

      resize_window (fixture, width, 800);
      save_screenshot (fixture, name);
      assert_fits (fixture);
      assert_all_boxes (fixture, "Anna Flex");

      /* Tasks under the names a person knows them by. */
      gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Templates");
      gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Phone numbers");
      gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Apps and development");
      g_assert_nonnull (gh_test_find_label (grid_view (fixture), "assets"));
    }

  /* The presets are still there. */
  g_assert_true (gtk_widget_activate_action (gh_test_page_named (fixture, GTK_TYPE_MENU_BUTTON,
                                                                 "Access presets for Anna Flex"),
                                             "row.partial", NULL));
  g_assert_cmpuint (gh_assignment_get_tasks (gh_test_find_row (gh_test_editor_of (fixture),
                                                               ANNA_ID)), ==,
                    GH_TASK_PRESET_PARTIAL);
}

static void
test_task_groups (void)
{
  GhTaskFlags seen = GH_TASK_NONE;

  for (GhTaskGroup group = 0; group < GH_TASK_N_GROUPS; group++)
    {
      GhTaskFlags members[GH_TASK_GROUP_MAX_TASKS];
      guint n = gh_task_group_get_tasks (group, members);

      g_assert_nonnull (gh_task_group_get_label (group));
      for (guint i = 0; i < n; i++)
        {
          /* In one group only. */
          g_assert_cmpuint (seen & members[i], ==, 0);
          seen |= members[i];
          g_assert_cmpuint (gh_task_get_group (members[i]), ==, group);
          /* Named within a group of several, by the group's name when alone. */
          if (n > 1)
            g_assert_nonnull (gh_task_get_short_label (members[i]));
        }
    }

  /* Every task Gatehouse knows is in a group. */
  g_assert_cmpuint (seen, ==, GH_TASK_ALL_KNOWN);
  g_assert_cmpuint (gh_task_get_group (GH_TASK_NONE), ==, GH_TASK_N_GROUPS);
  g_assert_cmpstr (gh_task_group_get_label (gh_task_get_group (GH_TASK_MANAGE)), ==,
                   "Full control");
  g_assert_null (gh_task_get_short_label (GH_TASK_MESSAGING));
  g_assert_cmpstr (gh_task_get_short_label (GH_TASK_VIEW_TEMPLATES), ==, "view");
  g_assert_cmpuint (gh_task_get_group (GH_TASK_MANAGE_PHONE_ASSETS), ==, GH_TASK_GROUP_PHONE);
  g_assert_cmpuint (gh_task_get_group (GH_TASK_MANAGE_EXTENSIONS), ==, GH_TASK_GROUP_APPS);
}

static GtkColumnViewColumn *
column_of (GhPeopleFixture *fixture,
           guint            index)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (grid_view (fixture)));
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, index);

  return column;
}

typedef struct
{
  GtkColumnViewColumn *column;
  int                  width;
} ColumnWait;

static gboolean
column_widened (gpointer data)
{
  ColumnWait *wait = data;

  return gtk_column_view_column_get_fixed_width (wait->column) >= wait->width;
}

static gboolean
column_back (gpointer data)
{
  ColumnWait *wait = data;

  return gtk_column_view_column_get_fixed_width (wait->column) == wait->width;
}

/* How narrow the grid goes before the list takes its place. */
static int
least_width (GhPeopleFixture *fixture)
{
  int width = 0;

  gtk_widget_get_size_request (gtk_widget_get_ancestor (grid_view (fixture),
                                                        GTK_TYPE_SCROLLED_WINDOW),
                               &width, NULL);
  return width;
}

/* Large text: the name column grows with it, and nothing goes off to the side. */
static void
test_text_scale (GhPeopleFixture *fixture,
                 gconstpointer    data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkAdjustment *adjustment;
  int dpi = 0;
  int person, tasks, least;
  ColumnWait wait;

  gh_test_load_page (fixture, TRUE);
  gh_test_search (fixture, "", 41);
  resize_window (fixture, 1280, 800);
  person = gtk_column_view_column_get_fixed_width (column_of (fixture, 0));
  tasks = gtk_column_view_column_get_fixed_width (column_of (fixture, 1));
  g_assert_cmpint (person, >, 0);

  least = least_width (fixture);

  /* Half as large again: the titles, the boxes' room and the least width of every column
   * grow with the text. */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", dpi * 3 / 2, NULL);
  wait = (ColumnWait) { column_of (fixture, 1), tasks * 6 / 5 };
  g_assert_true (gh_test_wait_for (column_widened, &wait, 10000));
  gh_test_pause (300);
  g_assert_cmpint (least_width (fixture), >=, least * 13 / 10);
  save_screenshot (fixture, "screenshot-people-1280-large-text.png");

  /* Either the grid fits, or the list takes its place. */
  adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid_view (fixture)));
  if (gtk_widget_get_mapped (grid_view (fixture)))
    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                       gtk_adjustment_get_page_size (adjustment));
  else
    gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Templates (view)");

  /* A quarter larger, the grid fits, and the names have more room than before. */
  g_object_set (settings, "gtk-xft-dpi", dpi * 5 / 4, NULL);
  wait = (ColumnWait) { column_of (fixture, 0), person * 6 / 5 };
  g_assert_true (gh_test_wait_for (column_widened, &wait, 10000));
  gh_test_pause (300);
  assert_fits (fixture);

  /* Back to the usual size, the grid is back as it was. */
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  wait = (ColumnWait) { column_of (fixture, 0), person };
  g_assert_true (gh_test_wait_for (column_back, &wait, 10000));
  wait = (ColumnWait) { column_of (fixture, 1), tasks };
  g_assert_true (gh_test_wait_for (column_back, &wait, 10000));
  gh_test_pause (300);
  assert_fits (fixture);
}

/* A name or an ID the column has no room for is in the tooltip. */
static void
test_cut_names (GhPeopleFixture *fixture,
                gconstpointer    data)
{
  GtkWidget *view;
  GtkWidget *id;
  GtkWidget *badge;
  graphene_rect_t bounds;
  g_autoptr(GtkTooltip) tooltip = NULL;
  gboolean shown = FALSE;
  int natural = 0;

  gh_test_load_page (fixture, TRUE);
  gh_test_search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  gh_test_pause (300);
  view = grid_view (fixture);
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);

  /* With room, nothing is cut and the name has no tooltip. */
  id = gh_test_wait_for_label (view, "104169029247128");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (id))));
  g_assert_true (gtk_widget_compute_bounds (id, view, &bounds));
  g_signal_emit_by_name (view, "query-tooltip", (int) bounds.origin.x + 2,
                         (int) bounds.origin.y + 2, FALSE, tooltip, &shown);
  g_assert_false (shown);

  /* The window as narrow as the grid goes before the list takes its place. */
  resize_window (fixture, least_width (fixture), 800);
  g_assert_true (gtk_widget_get_mapped (view));
  assert_fits (fixture);

  /* The badge is never cut. */
  badge = gh_test_wait_for_label (GTK_WIDGET (fixture->page), "This connection");
  gtk_widget_measure (badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (badge, badge, &bounds));
  g_assert_cmpfloat (bounds.size.width, >=, natural);

  /* The ID is cut: the tooltip has it whole. */
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (id))));
  g_assert_true (gtk_widget_compute_bounds (id, view, &bounds));
  g_signal_emit_by_name (view, "query-tooltip", (int) bounds.origin.x + 2,
                         (int) bounds.origin.y + 2, FALSE, tooltip, &shown);
  g_assert_true (shown);
}

/* Keys */

static gboolean
press_key (GhPeopleFixture *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid_of (fixture));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}

/* Runs what the grid's shortcut for @accel does, as pressing it would. */
static gboolean
press_shortcut (GhPeopleFixture *fixture,
                const char      *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (grid_of (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string
                                       (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (trigger, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, accel))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 grid_of (fixture),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static GtkWidget *
focus_of (GhPeopleFixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
assert_focus (GhPeopleFixture *fixture,
              const char      *label)
{
  GtkWidget *focus = focus_of (fixture);

  g_assert_nonnull (focus);
  if (!gh_test_accessible_label_is (focus, label))
    g_error ("The focus is not on “%s”", label);
}

static void
focus_on (GhPeopleFixture *fixture,
          GType            type,
          const char      *label)
{
  g_assert_true (gtk_widget_grab_focus (gh_test_page_named (fixture, type, label)));
  assert_focus (fixture, label);
}

/* The name of the row the grid shows at @position. */
static const char *
name_at (GhPeopleFixture *fixture,
         guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW
                                                                 (grid_view (fixture))));
  g_autoptr(GhPeopleSlot) slot = g_list_model_get_item (model, position);

  g_assert_nonnull (slot);
  return gh_assignment_get_display_name (gh_people_slot_get_assignment (slot));
}

static void
test_keys (GhPeopleFixture *fixture,
           gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GtkWidget *dialog;

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);
  gh_test_search (fixture, "", 41);

  /* Up and Down keep the column: the same task of the person above or below. */
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  assert_focus (fixture, "Messaging for Aoife Ní Bhriain");
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  assert_focus (fixture, "Messaging for Ayşe Yılmaz");
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  assert_focus (fixture, "Messaging for Aoife Ní Bhriain");
  focus_on (fixture, GTK_TYPE_BUTTON, "Remove Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  assert_focus (fixture, "Remove <b>Bold & Co</b>");

  /* Left and Right go along the row. */
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  assert_focus (fixture, "Manage templates for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  assert_focus (fixture, "Full control for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  assert_focus (fixture, "Full control for Anna Flex");

  /* Down past the rows on screen: the list scrolls along. */
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "View templates for Anna Flex");
  for (guint i = 0; i < 30; i++)
    g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  {
    g_autofree char *label = g_strdup_printf ("View templates for %s", name_at (fixture, 32));
    graphene_rect_t bounds;

    assert_focus (fixture, label);
    gh_test_pause (300);
    assert_focus (fixture, label);
    g_assert_true (gtk_widget_get_mapped (focus_of (fixture)));
    g_assert_true (gtk_widget_compute_bounds (focus_of (fixture), grid_view (fixture), &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_widget_get_height (grid_view (fixture)));
  }
  /* The first row stays put going up. */
  gh_test_search (fixture, "anna flex", 1);
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for Anna Flex");
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  assert_focus (fixture, "Messaging for Anna Flex");

  /* Delete marks the person for removal, as the trash button does. */
  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpint (gh_assignment_get_state (gh_test_find_row (editor, ANNA_ID)), ==,
                   GH_ASSIGNMENT_STATE_REMOVED);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "To be removed");
  g_assert_nonnull (gh_test_page_named (fixture, GTK_TYPE_BUTTON, "Restore Anna Flex"));

  /* With the same question as the button when it would lock the account out. */
  gh_test_search (fixture, GH_DEMO_ADMIN_USER_ID, 1);
  focus_on (fixture, GTK_TYPE_CHECK_BUTTON, "Messaging for " GH_DEMO_ADMIN_USER_NAME);
  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));
  dialog = gh_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (gh_assignment_get_state (gh_test_find_row (editor, GH_DEMO_ADMIN_USER_ID)), ==,
                   GH_ASSIGNMENT_STATE_UNCHANGED);
  gh_test_respond (dialog, "Cancel");
  g_assert_cmpint (gh_assignment_get_state (gh_test_find_row (editor, GH_DEMO_ADMIN_USER_ID)), ==,
                   GH_ASSIGNMENT_STATE_UNCHANGED);

  /* Ctrl+Return applies. */
  g_assert_true (press_shortcut (fixture, "<Control>Return"));
  g_assert_true (gh_assignment_editor_get_applying (editor));
  gh_test_wait_editor_idle (editor);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Changes applied");
  {
    GhAssignmentEditor *meta = gh_test_read_back (fixture);

    g_assert_null (gh_test_find_row (meta, ANNA_ID));
    g_assert_finalize_object (meta);
  }
}

/* Narrow */

static GtkWidget *
narrow_list (GhPeopleFixture *fixture)
{
  GtkWidget *list = gh_test_find_widget_of_type (GTK_WIDGET (fixture->page),
                                                 GH_TYPE_PEOPLE_LIST);

  g_assert_nonnull (list);
  return gh_test_find_widget_of_type (list, GTK_TYPE_LIST_VIEW);
}

static void
test_narrow (GhPeopleFixture *fixture,
             gconstpointer    data)
{
  GhAssignmentEditor *editor;
  GhAssignment *anna;
  GtkWidget *list;
  GtkWidget *check;
  GhTaskFlags insights[GH_TASK_GROUP_MAX_TASKS];

  gh_test_load_page (fixture, TRUE);
  editor = gh_test_editor_of (fixture);
  anna = gh_test_find_row (editor, ANNA_ID);
  gh_test_search (fixture, "", 41);

  /* A phone's width: a list of people, each with what they may do in a line. */
  resize_window (fixture, 360, 720);
  save_screenshot (fixture, "screenshot-people-360.png");
  g_assert_false (gtk_widget_get_mapped (grid_view (fixture)));
  list = narrow_list (fixture);
  g_assert_true (gtk_widget_get_mapped (list));
  gh_test_wait_for_label (list, "Messaging, Templates (manage)");
  gh_test_wait_for_label (list, "Templates (view)");
  gh_test_wait_for_label (list, "System user · 104169029248644");
  gh_test_search (fixture, "tomasz", 1);
  gh_test_wait_for_label (list, "Phone numbers (manage, view)");
  /* Fatima holds VIEW_INSIGHTS, which Gatehouse may not know yet: then it is counted. */
  gh_test_search (fixture, "fatima", 1);
  if (gh_task_group_get_tasks (GH_TASK_GROUP_INSIGHTS, insights) > 0)
    gh_test_wait_for_label (list, "Cost and billing (view), Insights");
  else
    gh_test_wait_for_label (list, "Cost and billing, 1 other task");

  /* Choosing someone opens their tasks, with the keyboard on the first. */
  gh_test_search (fixture, "anna flex", 1);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", 0));
  check = gh_test_find_check (fixture, "Messaging for Anna Flex");
  assert_focus (fixture, "Full control for Anna Flex");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gh_test_find_check
                                                                  (fixture,
                                                                   "Full control for Anna Flex"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_CHANGED);
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "Changed");
  gh_test_wait_for_label (GTK_WIDGET (fixture->page), "1 change");
  save_screenshot (fixture, "screenshot-people-360-tasks.png");

  /* The presets are there too. */
  gh_test_click (gh_test_button_with_label (GTK_WIDGET (fixture->page), "Give Partial Access"));
  g_assert_cmpuint (gh_assignment_get_tasks (anna), ==, GH_TASK_PRESET_PARTIAL);
  g_assert_false (gtk_check_button_get_active
                    (GTK_CHECK_BUTTON (gh_test_find_check (fixture,
                                                           "Full control for Anna Flex"))));

  /* Back returns to the list, on the same person, who now reads differently. */
  g_assert_true (gtk_widget_activate_action (check, "people-list.back", NULL));
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (gh_people_keys_row_of (focus_of (fixture)) == anna);
  gh_test_wait_for_label (list, "Messaging, Templates (view), Phone numbers (view), Apps and "
                        "development (develop)");

  /* Delete marks the person for removal here too. */
  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpint (gh_assignment_get_state (anna), ==, GH_ASSIGNMENT_STATE_REMOVED);
  gh_test_wait_for_label (list, "To be removed");

  /* Wide again: the grid is back, and the list lets go of its rows. */
  resize_window (fixture, 1280, 800);
  g_assert_true (gtk_widget_get_mapped (grid_view (fixture)));
  g_assert_null (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_nonnull (gh_test_page_named (fixture, GTK_TYPE_BUTTON, "Restore Anna Flex"));
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *accels)
{
  if (GTK_IS_SHORTCUT_LABEL (widget))
    g_string_append_printf (accels, "%s;",
                            gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, accels);
}

/* The keys are listed where a person looks for them. */
static void
test_shortcuts_window (void)
{
  GtkWidget *window = gh_shortcuts_window_new (NULL);
  g_autoptr(GString) accels = g_string_new (NULL);

  collect_accelerators (window, accels);

  g_assert_nonnull (strstr (accels->str, "<Control>Return;"));
  g_assert_nonnull (strstr (accels->str, "Delete;"));
  g_assert_nonnull (strstr (accels->str, "Up Down;"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend lets the tests read the names screen readers get. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  GH_PEOPLE_TEST_ADD ("/people/fits", test_fits);
  GH_PEOPLE_TEST_ADD ("/people/text-scale", test_text_scale);
  GH_PEOPLE_TEST_ADD ("/people/cut-names", test_cut_names);
  GH_PEOPLE_TEST_ADD ("/people/keys", test_keys);
  GH_PEOPLE_TEST_ADD ("/people/narrow", test_narrow);
  g_test_add_func ("/people/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/people/task-groups", test_task_groups);

  return g_test_run ();
}
