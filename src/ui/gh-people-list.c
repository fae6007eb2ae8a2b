/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-list"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-people-list.h"
#include "gh-people-slots.h"
#include "gh-person-row.h"
#include "gh-person-tasks.h"

struct _GhPeopleList
{
  AdwBin         parent_instance;

  AdwLeaflet    *leaflet;
  GtkWidget     *list_page;
  GtkListView   *list_view;
  GhPersonTasks *tasks;
  guint          open_position;              /* of the person whose tasks are open */
};

G_DEFINE_FINAL_TYPE (GhPeopleList, gh_people_list, ADW_TYPE_BIN)

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (item, gh_person_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  gh_person_row_bind (GH_PERSON_ROW (gtk_list_item_get_child (item)),
                      gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gh_person_row_unbind (GH_PERSON_ROW (gtk_list_item_get_child (item)));
}

static void
activate_cb (GtkListView  *list_view,
             guint         position,
             GhPeopleList *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GhPeopleSlot) slot = g_list_model_get_item (model, position);
  GhAssignment *row = slot != NULL ? gh_people_slot_get_assignment (slot) : NULL;

  if (row == NULL)
    return;

  self->open_position = position;
  gh_person_tasks_set_row (self->tasks, row);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->tasks));
  gh_person_tasks_focus_first (self->tasks);
}

/* Back in the list, the keyboard is on the person it left. */
static void
focus_open_row (GhPeopleList *self)
{
  GtkWidget *list_view = GTK_WIDGET (self->list_view);

  if (gtk_list_view_get_model (self->list_view) == NULL
      || self->open_position >= g_list_model_get_n_items (G_LIST_MODEL
                                                           (gtk_list_view_get_model
                                                              (self->list_view))))
    return;

  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", self->open_position);
  for (GtkWidget *item = gtk_widget_get_first_child (list_view);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (GH_IS_PERSON_ROW (row) && gh_person_row_get_slot (GH_PERSON_ROW (row)) != NULL
          && gh_people_slot_get_position (gh_person_row_get_slot (GH_PERSON_ROW (row)))
             == self->open_position)
        {
          gtk_widget_grab_focus (item);
          return;
        }
    }
}

static void
visible_child_cb (GhPeopleList *self)
{
  if (adw_leaflet_get_visible_child (self->leaflet) != self->list_page)
    return;

  gh_person_tasks_set_row (self->tasks, NULL);
  focus_open_row (self);
}

static void
back_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gh_people_list_close (GH_PEOPLE_LIST (widget));
}

static void
gh_people_list_dispose (GObject *object)
{
  GhPeopleList *self = GH_PEOPLE_LIST (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  self->list_view = NULL;

  G_OBJECT_CLASS (gh_people_list_parent_class)->dispose (object);
}

static void
gh_people_list_class_init (GhPeopleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_people_list_dispose;

  gtk_widget_class_install_action (widget_class, "people-list.back", NULL, back_activated_cb);
}

static void
gh_people_list_init (GhPeopleList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "gh-people-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People with access"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->list_view));
  self->list_page = scrolled;

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_unfold (self->leaflet, FALSE);
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_append (self->leaflet, scrolled);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (visible_child_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->leaflet));
}

GtkWidget *
gh_people_list_new (GhPeopleGrid *grid)
{
  GhPeopleList *self;

  g_return_val_if_fail (GH_IS_PEOPLE_GRID (grid), NULL);

  self = g_object_new (GH_TYPE_PEOPLE_LIST, NULL);
  self->tasks = GH_PERSON_TASKS (gh_person_tasks_new (grid));
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->tasks));
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);

  return GTK_WIDGET (self);
}

void
gh_people_list_set_model (GhPeopleList *self,
                          GListModel   *slots)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (GH_IS_PEOPLE_LIST (self));
  g_return_if_fail (slots == NULL || G_IS_LIST_MODEL (slots));

  if (slots != NULL)
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (slots)));
  else
    gh_people_list_close (self);
  gtk_list_view_set_model (self->list_view, selection);
}

GhAssignment *
gh_people_list_get_open_row (GhPeopleList *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_LIST (self), NULL);

  return gh_person_tasks_get_row (self->tasks);
}

void
gh_people_list_close (GhPeopleList *self)
{
  g_return_if_fail (GH_IS_PEOPLE_LIST (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
}
