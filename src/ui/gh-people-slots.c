/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-people-slots"

#include "config.h"

#include "gh-people-slots.h"

struct _GhPeopleSlot
{
  GObject       parent_instance;

  GhAssignment *assignment;
  guint         position;
};

G_DEFINE_FINAL_TYPE (GhPeopleSlot, gh_people_slot, G_TYPE_OBJECT)

enum
{
  SLOT_PROP_0,
  SLOT_PROP_ASSIGNMENT,
  SLOT_N_PROPS
};

static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
slot_set_assignment (GhPeopleSlot *self,
                     GhAssignment *assignment)
{
  if (g_set_object (&self->assignment, assignment))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ASSIGNMENT]);
}

static void
gh_people_slot_dispose (GObject *object)
{
  g_clear_object (&GH_PEOPLE_SLOT (object)->assignment);

  G_OBJECT_CLASS (gh_people_slot_parent_class)->dispose (object);
}

static void
gh_people_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case SLOT_PROP_ASSIGNMENT:
      g_value_set_object (value, GH_PEOPLE_SLOT (object)->assignment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_people_slot_class_init (GhPeopleSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_people_slot_dispose;
  object_class->get_property = gh_people_slot_get_property;

  slot_properties[SLOT_PROP_ASSIGNMENT] =
    g_param_spec_object ("assignment", NULL, NULL, GH_TYPE_ASSIGNMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
gh_people_slot_init (GhPeopleSlot *self)
{
}

GhAssignment *
gh_people_slot_get_assignment (GhPeopleSlot *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_SLOT (self), NULL);

  return self->assignment;
}

guint
gh_people_slot_get_position (GhPeopleSlot *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_SLOT (self), 0);

  return self->position;
}


struct _GhPeopleSlots
{
  GObject     parent_instance;

  GListModel *source;
  GPtrArray  *slots;      /* GhPeopleSlot* or NULL until asked for; one per place offered */
  guint       limit;
  guint       wanted;     /* places past this one are blank, on their way out */
  guint       shrink_id;
};

/* GTK 4.8 destroys the widgets of removed rows: a search that keeps a few of 10,000 rows
 * would destroy some 200 rows' widgets at once.  Places no longer wanted are blanked at once
 * and taken away this many per step. */
#define SHRINK_STEP 24
#define SHRINK_INTERVAL_MS 20

static void gh_people_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GhPeopleSlots, gh_people_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gh_people_slots_list_model_init))

static void
slot_unref (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

/* Points the places from @start to the end of those offered at the source's rows again. */
static void
refill (GhPeopleSlots *self,
        guint          start,
        guint          end)
{
  end = MIN (end, MIN (self->wanted, self->slots->len));

  for (guint i = start; i < end; i++)
    {
      GhPeopleSlot *slot = g_ptr_array_index (self->slots, i);
      g_autoptr(GhAssignment) assignment = NULL;

      /* Places the view never asked for get their row when it does. */
      if (slot == NULL)
        continue;

      assignment = g_list_model_get_item (self->source, i);
      slot_set_assignment (slot, assignment);
    }
}

/* A cell shows the place: GTK has a row's widgets for it. */
static gboolean
is_shown (GhPeopleSlot *slot)
{
  return slot != NULL
         && g_signal_has_handler_pending (slot, g_signal_lookup ("notify", G_TYPE_OBJECT),
                                          g_quark_from_static_string ("assignment"), FALSE);
}

/* Removes the unwanted places after the last one shown and up to SHRINK_STEP shown ones:
 * TRUE when none is left. */
static gboolean
shrink_step (GhPeopleSlots *self)
{
  guint len = self->slots->len;
  guint start = len;
  guint shown = 0;

  while (start > self->wanted && shown < SHRINK_STEP)
    if (is_shown (g_ptr_array_index (self->slots, --start)))
      shown++;

  if (start < len)
    {
      g_ptr_array_set_size (self->slots, start);
      g_list_model_items_changed (G_LIST_MODEL (self), start, len - start, 0);
    }

  return start <= self->wanted;
}

static gboolean
shrink_step_cb (gpointer user_data)
{
  GhPeopleSlots *self = user_data;

  if (shrink_step (self))
    {
      self->shrink_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Offers MIN (limit, rows in the source) places: only the end of the list changes. */
static void
resize (GhPeopleSlots *self)
{
  guint n_source = self->source != NULL ? g_list_model_get_n_items (self->source) : 0;
  guint wanted = MIN (self->limit, n_source);
  guint old_wanted = self->wanted;
  guint len = self->slots->len;

  self->wanted = wanted;
  /* Places blanked on their way out are wanted again. */
  if (wanted > old_wanted && old_wanted < len)
    refill (self, old_wanted, wanted);

  if (wanted > len)
    {
      g_ptr_array_set_size (self->slots, wanted);
      g_list_model_items_changed (G_LIST_MODEL (self), len, 0, wanted - len);
    }
  else if (wanted < len)
    {
      for (guint i = wanted; i < len; i++)
        if (g_ptr_array_index (self->slots, i) != NULL)
          slot_set_assignment (g_ptr_array_index (self->slots, i), NULL);

      if (!shrink_step (self) && self->shrink_id == 0)
        self->shrink_id = g_timeout_add (SHRINK_INTERVAL_MS, shrink_step_cb, self);
    }
}

static void
source_items_changed_cb (GhPeopleSlots *self,
                         guint          position,
                         guint          removed,
                         guint          added)
{
  /* Rows after @position moved unless as many came as went. */
  refill (self, position, removed == added ? position + added : G_MAXUINT);
  resize (self);
}

static GType
gh_people_slots_get_item_type (GListModel *model)
{
  return GH_TYPE_PEOPLE_SLOT;
}

static guint
gh_people_slots_get_n_items (GListModel *model)
{
  return GH_PEOPLE_SLOTS (model)->slots->len;
}

static gpointer
gh_people_slots_get_item (GListModel *model,
                          guint       position)
{
  GhPeopleSlots *self = GH_PEOPLE_SLOTS (model);
  GhPeopleSlot *slot;

  if (position >= self->slots->len)
    return NULL;

  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      g_autoptr(GhAssignment) assignment = NULL;

      if (position < self->wanted)
        assignment = g_list_model_get_item (self->source, position);

      slot = g_object_new (GH_TYPE_PEOPLE_SLOT, NULL);
      slot->assignment = g_steal_pointer (&assignment);
      slot->position = position;
      g_ptr_array_index (self->slots, position) = slot;
    }

  return g_object_ref (slot);
}

static void
gh_people_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gh_people_slots_get_item_type;
  iface->get_n_items = gh_people_slots_get_n_items;
  iface->get_item = gh_people_slots_get_item;
}

static void
gh_people_slots_dispose (GObject *object)
{
  GhPeopleSlots *self = GH_PEOPLE_SLOTS (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_ptr_array_set_size (self->slots, 0);
  g_clear_handle_id (&self->shrink_id, g_source_remove);

  G_OBJECT_CLASS (gh_people_slots_parent_class)->dispose (object);
}

static void
gh_people_slots_finalize (GObject *object)
{
  g_ptr_array_unref (GH_PEOPLE_SLOTS (object)->slots);

  G_OBJECT_CLASS (gh_people_slots_parent_class)->finalize (object);
}

static void
gh_people_slots_class_init (GhPeopleSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gh_people_slots_dispose;
  object_class->finalize = gh_people_slots_finalize;
}

static void
gh_people_slots_init (GhPeopleSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_unref);
  self->limit = G_MAXUINT;
}

GhPeopleSlots *
gh_people_slots_new (GListModel *source)
{
  GhPeopleSlots *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (GH_TYPE_PEOPLE_SLOTS, NULL);
  self->source = g_object_ref (source);
  g_signal_connect_object (source, "items-changed", G_CALLBACK (source_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  resize (self);

  return self;
}

void
gh_people_slots_set_limit (GhPeopleSlots *self,
                           guint          limit)
{
  g_return_if_fail (GH_IS_PEOPLE_SLOTS (self));

  self->limit = limit;
  resize (self);
}

guint
gh_people_slots_get_limit (GhPeopleSlots *self)
{
  g_return_val_if_fail (GH_IS_PEOPLE_SLOTS (self), 0);

  return self->limit;
}
