/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-rotation"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-rotation.h"

struct _GhRotationItem
{
  GObject parent_instance;

  GhRotationAspect aspect;
  GhRotationVerdict verdict;
  char *title;
  char *before;
  char *after;
  char *sentence;
};

G_DEFINE_FINAL_TYPE (GhRotationItem, gh_rotation_item, G_TYPE_OBJECT)

struct _GhRotation
{
  GObject parent_instance;

  GPtrArray *items;
  gboolean can_replace;
  gboolean safe;
  char *summary;
};

G_DEFINE_FINAL_TYPE (GhRotation, gh_rotation, G_TYPE_OBJECT)

static void
add_item (GhRotation        *self,
          GhRotationAspect   aspect,
          GhRotationVerdict  verdict,
          const char        *title,
          const char        *before,
          const char        *after,
          char              *sentence)
{
  GhRotationItem *item = g_object_new (GH_TYPE_ROTATION_ITEM, NULL);

  item->aspect = aspect;
  item->verdict = verdict;
  item->title = g_strdup (title);
  item->before = g_strdup (before != NULL ? before : _("Not recorded"));
  item->after = g_strdup (after != NULL ? after : _("Unknown"));
  item->sentence = sentence;
  g_ptr_array_add (self->items, item);
}

static char *
format_date (gint64 when)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (when);
  char *text;

  if (date == NULL)
    return g_strdup ("?");

  /* The check report's words for an end date. */
  text = g_date_time_format (date, C_("expiry date", "%-d %B %Y"));
  return text != NULL ? text : g_strdup ("?");
}

static char *
describe_end (gint64 expires_at)
{
  g_autofree char *date = NULL;

  if (expires_at == 0)
    return g_strdup (_("Never"));

  date = format_date (expires_at);
  return g_strdup (date);
}

/* The old token as its last check found it. */
static const char *
describe_last_check (GhSavedConnection *before)
{
  if (gh_saved_connection_get_last_checked (before) == 0)
    return NULL;
  if (gh_saved_connection_get_last_check_ok (before))
    /* Translators: how the old token did at its last check */
    return C_("old token", "Worked");
  return C_("old token", "Needed attention");
}

static GStrv
split_list (const char *joined)
{
  if (joined == NULL || *joined == '\0')
    return NULL;

  return g_strsplit (joined, ",", -1);
}

/* Who the token belongs to: the ids decide when both sides know them, else the names. */
static void
compare_system_user (GhRotation        *self,
                     GhSavedConnection *before,
                     GhCheckReport     *after)
{
  const char *old_id = gh_saved_connection_get_system_user_id (before);
  const char *old_name = gh_saved_connection_get_system_user_name (before);
  const char *new_id = gh_check_report_get_user_id (after);
  const char *new_name = gh_check_report_get_user_name (after);
  const char *old_shown = old_name != NULL ? old_name : old_id;
  const char *new_shown = new_name != NULL && *new_name != '\0' ? new_name : new_id;
  GhRotationVerdict verdict;
  char *sentence;

  if (old_id != NULL && new_id != NULL)
    verdict = g_strcmp0 (old_id, new_id) == 0 ? GH_ROTATION_SAME : GH_ROTATION_CHANGED;
  else if (old_name != NULL && new_shown != NULL)
    verdict = g_strcmp0 (old_name, new_shown) == 0 ? GH_ROTATION_SAME : GH_ROTATION_CHANGED;
  else
    verdict = GH_ROTATION_UNKNOWN;

  if (verdict == GH_ROTATION_SAME)
    sentence = g_strdup (_("The integration keeps acting as the same system user."));
  else if (verdict == GH_ROTATION_CHANGED)
    sentence = g_strdup (_("The new token belongs to another system user: the integration "
                           "would act as someone else, with that system user’s access."));
  else
    sentence = g_strdup (_("Gatehouse did not record the old token’s system user."));

  add_item (self, GH_ROTATION_ASPECT_SYSTEM_USER, verdict, _("System user"), old_shown,
            new_shown, sentence);
}

static void
compare_app (GhRotation        *self,
             GhSavedConnection *before,
             GhTokenInfo       *info)
{
  const char *old_id = gh_saved_connection_get_app_id (before);
  const char *old_name = gh_saved_connection_get_app_name (before);
  const char *new_id = info != NULL ? gh_token_info_get_app_id (info) : NULL;
  const char *new_name = info != NULL ? gh_token_info_get_application (info) : NULL;
  GhRotationVerdict verdict;
  char *sentence;

  if (old_id == NULL || new_id == NULL)
    verdict = GH_ROTATION_UNKNOWN;
  else if (g_strcmp0 (old_id, new_id) == 0)
    verdict = GH_ROTATION_SAME;
  else
    verdict = GH_ROTATION_CHANGED;

  if (verdict == GH_ROTATION_SAME)
    sentence = g_strdup (_("The token is for the same app."));
  else if (verdict == GH_ROTATION_CHANGED)
    sentence = g_strdup (_("The new token is for another app. The integration works only with "
                           "a token for its own app: choose that app when you generate it."));
  else if (old_id == NULL)
    sentence = g_strdup (_("Gatehouse did not record the old token’s app."));
  else
    sentence = g_strdup (_("Meta did not say which app the new token is for."));

  add_item (self, GH_ROTATION_ASPECT_APP, verdict, _("App"),
            old_name != NULL ? old_name : old_id, new_name != NULL ? new_name : new_id,
            sentence);
}

static const char *
account_name (GhCheckReport *report,
              const char    *id)
{
  GPtrArray *wabas = gh_check_report_get_wabas (report);

  for (guint i = 0; wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);
      GhWaba *waba = gh_check_waba_get_waba (check_waba);

      if (waba != NULL && g_strcmp0 (gh_check_waba_get_id (check_waba), id) == 0)
        return gh_waba_get_name (waba) != NULL ? gh_waba_get_name (waba) : id;
    }

  return id;
}

/* The accounts a report could read. */
static GPtrArray *
readable_accounts (GhCheckReport *report)
{
  GPtrArray *wabas = gh_check_report_get_wabas (report);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; wabas != NULL && i < wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (wabas, i);

      if (gh_check_waba_get_waba (check_waba) != NULL)
        g_ptr_array_add (ids, g_strdup (gh_check_waba_get_id (check_waba)));
    }

  return ids;
}

static char *
join_names (GhCheckReport *report,
            GPtrArray     *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of WhatsApp Business Accounts in a list */
        g_string_append (text, _(", "));
      g_string_append (text, account_name (report, g_ptr_array_index (ids, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
ids_contain (GPtrArray  *ids,
             const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

static void
compare_accounts (GhRotation        *self,
                  GhSavedConnection *before,
                  GhCheckReport     *after)
{
  g_auto(GStrv) recorded = split_list (gh_saved_connection_get_account_ids (before));
  g_autoptr(GPtrArray) old_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_ids = readable_accounts (after);
  g_autoptr(GPtrArray) lost = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gboolean gained = FALSE;
  GhRotationVerdict verdict;
  char *sentence;

  /* Saved before the accounts were recorded: the one it was saved with still counts. */
  for (guint i = 0; recorded != NULL && recorded[i] != NULL; i++)
    g_ptr_array_add (old_ids, g_strdup (recorded[i]));
  if (old_ids->len == 0 && gh_saved_connection_get_waba_id (before) != NULL)
    g_ptr_array_add (old_ids, g_strdup (gh_saved_connection_get_waba_id (before)));

  for (guint i = 0; i < old_ids->len; i++)
    if (!ids_contain (new_ids, g_ptr_array_index (old_ids, i)))
      g_ptr_array_add (lost, g_strdup (g_ptr_array_index (old_ids, i)));
  for (guint i = 0; i < new_ids->len; i++)
    gained |= !ids_contain (old_ids, g_ptr_array_index (new_ids, i));

  if (old_ids->len == 0)
    verdict = GH_ROTATION_UNKNOWN;
  else if (lost->len > 0)
    verdict = GH_ROTATION_LOST;
  else if (gained)
    verdict = GH_ROTATION_BETTER;
  else
    verdict = GH_ROTATION_SAME;

  if (verdict == GH_ROTATION_LOST)
    {
      g_autofree char *names = join_names (after, lost);

      /* Translators: %s lists WhatsApp Business Accounts (names or IDs) */
      sentence = g_strdup_printf (_("The new token does not reach %s. Give its system user "
                                    "full control of the account, then generate the token "
                                    "again."), names);
    }
  else if (verdict == GH_ROTATION_UNKNOWN)
    sentence = g_strdup (_("Gatehouse did not record which accounts the old token reached."));
  else if (verdict == GH_ROTATION_BETTER)
    sentence = g_strdup (_("The new token reaches every account the old one did, and more."));
  else
    sentence = g_strdup (_("The new token reaches the same accounts."));

  old_text = old_ids->len > 0 ? join_names (after, old_ids) : NULL;
  new_text = new_ids->len > 0 ? join_names (after, new_ids) : g_strdup (_("None"));
  add_item (self, GH_ROTATION_ASPECT_ACCOUNTS, verdict, _("WhatsApp accounts"), old_text,
            new_text, sentence);
}

static void
compare_permissions (GhRotation        *self,
                     GhSavedConnection *before,
                     GhTokenInfo       *info)
{
  g_auto(GStrv) old_scopes = split_list (gh_saved_connection_get_scopes (before));
  const char * const *new_scopes = info != NULL ? gh_token_info_get_scopes (info) : NULL;
  g_autoptr(GPtrArray) lost = g_ptr_array_new ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gboolean gained = FALSE;
  GhRotationVerdict verdict;
  char *sentence;

  for (guint i = 0; old_scopes != NULL && old_scopes[i] != NULL; i++)
    if (new_scopes == NULL || !g_strv_contains (new_scopes, old_scopes[i]))
      g_ptr_array_add (lost, old_scopes[i]);
  for (guint i = 0; old_scopes != NULL && new_scopes != NULL && new_scopes[i] != NULL; i++)
    gained |= !g_strv_contains ((const char * const *) old_scopes, new_scopes[i]);

  if (old_scopes == NULL || new_scopes == NULL)
    verdict = GH_ROTATION_UNKNOWN;
  else if (lost->len > 0)
    verdict = GH_ROTATION_LOST;
  else if (gained)
    verdict = GH_ROTATION_BETTER;
  else
    verdict = GH_ROTATION_SAME;

  if (verdict == GH_ROTATION_LOST)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (lost, NULL);
      /* Meta's own names of permissions, as Business Suite shows them: not translated. */
      names = g_strjoinv (", ", (char **) lost->pdata);
      /* Translators: %s lists permission names as Meta shows them, e.g.
       * whatsapp_business_messaging */
      sentence = g_strdup_printf (_("The new token lacks %s. Generate it again with the same "
                                    "permissions ticked."), names);
    }
  else if (verdict == GH_ROTATION_UNKNOWN)
    sentence = g_strdup (new_scopes == NULL
                         ? _("Meta did not say which permissions the new token has.")
                         : _("Gatehouse did not record the old token’s permissions."));
  else if (verdict == GH_ROTATION_BETTER)
    sentence = g_strdup (_("The new token has every permission the old one had, and more."));
  else
    sentence = g_strdup (_("The new token has the same permissions."));

  /* One permission a line: their names are long. */
  if (old_scopes != NULL)
    old_text = g_strjoinv ("\n", old_scopes);
  if (new_scopes != NULL)
    new_text = g_strjoinv ("\n", (char **) new_scopes);
  add_item (self, GH_ROTATION_ASPECT_PERMISSIONS, verdict, _("Permissions"), old_text,
            new_text, sentence);
}

static void
compare_end_date (GhRotation        *self,
                  GhSavedConnection *before,
                  GhTokenInfo       *info,
                  gint64             now)
{
  /* Never checked: an expiry of 0 means "not known", not "never". */
  gboolean old_known = gh_saved_connection_get_last_checked (before) > 0;
  gint64 old_end = gh_saved_connection_get_expires_at (before);
  gint64 new_end = info != NULL ? gh_token_info_get_expires_at (info) : 0;
  g_autofree char *old_text = old_known ? describe_end (old_end) : NULL;
  g_autofree char *new_text = info != NULL ? describe_end (new_end) : NULL;
  GhRotationVerdict verdict;
  char *sentence;

  if (info == NULL)
    {
      verdict = GH_ROTATION_UNKNOWN;
      sentence = g_strdup (_("Meta did not say when the new token ends."));
    }
  else if (new_end == 0)
    {
      verdict = old_known && old_end == 0 ? GH_ROTATION_SAME : GH_ROTATION_BETTER;
      sentence = g_strdup (_("The new token never ends: there is nothing to replace again."));
    }
  else if (new_end <= now)
    {
      verdict = GH_ROTATION_BROKEN;
      sentence = g_strdup (_("The new token has already ended."));
    }
  else if (!old_known)
    {
      verdict = GH_ROTATION_UNKNOWN;
      /* Translators: %s is a date */
      sentence = g_strdup_printf (_("The new token ends on %s."), new_text);
    }
  else if (old_end == 0)
    {
      verdict = GH_ROTATION_CHANGED;
      /* Translators: %s is a date */
      sentence = g_strdup_printf (_("The old token never ended; the new one ends on %s and "
                                    "will need replacing before then."), new_text);
    }
  else if (new_end > old_end)
    {
      verdict = GH_ROTATION_BETTER;
      /* Translators: %s is a date */
      sentence = g_strdup_printf (_("The new token ends later, on %s."), new_text);
    }
  else
    {
      verdict = GH_ROTATION_CHANGED;
      sentence = g_strdup (_("The new token does not end later than the old one. Is it the "
                             "old token again? Copy the one Business Suite showed last."));
    }

  add_item (self, GH_ROTATION_ASPECT_END_DATE, verdict, _("Ends"), old_text, new_text,
            sentence);
}

static void
gh_rotation_item_finalize (GObject *object)
{
  GhRotationItem *self = GH_ROTATION_ITEM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->before, g_free);
  g_clear_pointer (&self->after, g_free);
  g_clear_pointer (&self->sentence, g_free);

  G_OBJECT_CLASS (gh_rotation_item_parent_class)->finalize (object);
}

static void
gh_rotation_item_class_init (GhRotationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_rotation_item_finalize;
}

static void
gh_rotation_item_init (GhRotationItem *self)
{
}

static void
gh_rotation_finalize (GObject *object)
{
  GhRotation *self = GH_ROTATION (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (gh_rotation_parent_class)->finalize (object);
}

static void
gh_rotation_class_init (GhRotationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_rotation_finalize;
}

static void
gh_rotation_init (GhRotation *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GhRotationAspect
gh_rotation_item_get_aspect (GhRotationItem *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_ITEM (self), GH_ROTATION_ASPECT_TOKEN);
  return self->aspect;
}

GhRotationVerdict
gh_rotation_item_get_verdict (GhRotationItem *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_ITEM (self), GH_ROTATION_UNKNOWN);
  return self->verdict;
}

const char *
gh_rotation_item_get_title (GhRotationItem *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_ITEM (self), NULL);
  return self->title;
}

const char *
gh_rotation_item_get_before (GhRotationItem *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_ITEM (self), NULL);
  return self->before;
}

const char *
gh_rotation_item_get_after (GhRotationItem *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_ITEM (self), NULL);
  return self->after;
}

const char *
gh_rotation_item_get_sentence (GhRotationItem *self)
{
  g_return_val_if_fail (GH_IS_ROTATION_ITEM (self), NULL);
  return self->sentence;
}

const char *
gh_rotation_verdict_to_label (GhRotationVerdict verdict)
{
  switch (verdict)
    {
    case GH_ROTATION_SAME:
      /* Translators: the verdict of comparing an old token with its replacement */
      return C_("rotation", "Same");
    case GH_ROTATION_BETTER:
      return C_("rotation", "Better");
    case GH_ROTATION_UNKNOWN:
      return C_("rotation", "Not compared");
    case GH_ROTATION_CHANGED:
      return C_("rotation", "Changed");
    case GH_ROTATION_LOST:
      return C_("rotation", "Lost");
    case GH_ROTATION_BROKEN:
    default:
      return C_("rotation", "Does not work");
    }
}

GhRotation *
gh_rotation_compare (GhSavedConnection *before,
                     GhCheckReport     *after,
                     gint64             now)
{
  g_autoptr(GhRotation) self = NULL;
  GhCheckItem *token_item;
  GhTokenInfo *info;
  const char *label;

  g_return_val_if_fail (GH_IS_SAVED_CONNECTION (before), NULL);
  g_return_val_if_fail (GH_IS_CHECK_REPORT (after), NULL);

  self = g_object_new (GH_TYPE_ROTATION, NULL);
  info = gh_check_report_get_token_info (after);
  token_item = gh_check_report_find_item (after, "token.valid");
  label = gh_saved_connection_get_label (before);
  self->can_replace = token_item == NULL
                      || gh_check_item_get_status (token_item) != GH_CHECK_STATUS_ERROR;

  if (!self->can_replace)
    {
      add_item (self, GH_ROTATION_ASPECT_TOKEN, GH_ROTATION_BROKEN, _("Token"),
                describe_last_check (before), _("Refused by Meta"),
                g_strdup (gh_check_item_get_description (token_item)));
      self->summary = g_strdup (_("Meta does not accept the new token, so it cannot replace "
                                  "the old one. Copy it again from Business Suite, or "
                                  "generate a new one."));
      return g_steal_pointer (&self);
    }

  add_item (self, GH_ROTATION_ASPECT_TOKEN, GH_ROTATION_SAME, _("Token"),
            describe_last_check (before), _("Works"),
            g_strdup (_("Meta accepts the new token.")));
  compare_system_user (self, before, after);
  compare_app (self, before, info);
  compare_accounts (self, before, after);
  compare_permissions (self, before, info);
  compare_end_date (self, before, info, now);

  self->safe = TRUE;
  for (guint i = 0; i < self->items->len; i++)
    {
      GhRotationVerdict verdict = GH_ROTATION_ITEM (g_ptr_array_index (self->items, i))->verdict;

      self->can_replace &= verdict != GH_ROTATION_BROKEN;
      self->safe &= verdict == GH_ROTATION_SAME || verdict == GH_ROTATION_BETTER
                    || verdict == GH_ROTATION_UNKNOWN;
    }
  self->safe &= self->can_replace;

  if (!self->can_replace)
    self->summary = g_strdup (_("The new token cannot replace the old one: it has already "
                                "ended. Generate a new one."));
  else if (self->safe)
    /* Translators: %s is the name of a saved connection */
    self->summary = g_strdup_printf (_("The new token can do what the old one of “%s” did. "
                                       "Replace it once your integration uses it."),
                                     label != NULL ? label : "");
  else
    self->summary = g_strdup (_("The new token is not like the old one. Read what changed "
                                "before you replace it."));

  return g_steal_pointer (&self);
}

GPtrArray *
gh_rotation_get_items (GhRotation *self)
{
  g_return_val_if_fail (GH_IS_ROTATION (self), NULL);
  return self->items;
}

GhRotationItem *
gh_rotation_find_item (GhRotation       *self,
                       GhRotationAspect  aspect)
{
  g_return_val_if_fail (GH_IS_ROTATION (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      GhRotationItem *item = g_ptr_array_index (self->items, i);

      if (item->aspect == aspect)
        return item;
    }

  return NULL;
}

gboolean
gh_rotation_get_can_replace (GhRotation *self)
{
  g_return_val_if_fail (GH_IS_ROTATION (self), FALSE);
  return self->can_replace;
}

gboolean
gh_rotation_get_safe (GhRotation *self)
{
  g_return_val_if_fail (GH_IS_ROTATION (self), FALSE);
  return self->safe;
}

const char *
gh_rotation_get_summary (GhRotation *self)
{
  g_return_val_if_fail (GH_IS_ROTATION (self), NULL);
  return self->summary;
}

void
gh_rotation_record (GhSavedConnection *saved,
                    GhCheckReport     *report)
{
  GhCheckItem *token_item;
  GhTokenInfo *info;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (GH_IS_SAVED_CONNECTION (saved));
  g_return_if_fail (GH_IS_CHECK_REPORT (report));

  /* What the old token was stays recorded while it is refused, until a new one replaces it. */
  token_item = gh_check_report_find_item (report, "token.valid");
  if (token_item != NULL && gh_check_item_get_status (token_item) == GH_CHECK_STATUS_ERROR)
    return;

  info = gh_check_report_get_token_info (report);
  if (gh_check_report_get_user_id (report) != NULL)
    gh_saved_connection_set_system_user_id (saved, gh_check_report_get_user_id (report));
  if (info != NULL && gh_token_info_get_app_id (info) != NULL)
    {
      gh_saved_connection_set_app_id (saved, gh_token_info_get_app_id (info));
      gh_saved_connection_set_app_name (saved, gh_token_info_get_application (info));
    }

  accounts = readable_accounts (report);
  if (accounts->len == 0)
    return;
  g_ptr_array_add (accounts, NULL);
  joined = g_strjoinv (",", (char **) accounts->pdata);
  gh_saved_connection_set_account_ids (saved, joined);
}
