/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-check-report"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-check-report-private.h"
#include "gh-readiness.h"

/* The check report's types: what each requirement came to, the accounts the token reached,
 * and the report as a whole, with its plain-text form for the command line. */

G_DEFINE_FINAL_TYPE (GhCheckItem, gh_check_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (GhCheckWaba, gh_check_waba, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (GhCheckReport, gh_check_report, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_STATUS,
  ITEM_PROP_REQUIRED,
  ITEM_PROP_TITLE,
  ITEM_PROP_DESCRIPTION,
  ITEM_PROP_FIX,
  ITEM_PROP_FIX_STEP,
  ITEM_PROP_FIX_KIND,
  ITEM_PROP_ACCOUNT_ID,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

/* GhCheckItem */

static void
gh_check_item_finalize (GObject *object)
{
  GhCheckItem *self = (GhCheckItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->fix, g_free);
  g_clear_pointer (&self->fix_uri, g_free);
  g_clear_pointer (&self->fix_target, g_free);
  g_clear_pointer (&self->account_id, g_free);

  G_OBJECT_CLASS (gh_check_item_parent_class)->finalize (object);
}

static void
gh_check_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GhCheckItem *self = GH_CHECK_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case ITEM_PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case ITEM_PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case ITEM_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ITEM_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case ITEM_PROP_FIX:
      g_value_set_string (value, self->fix);
      break;
    case ITEM_PROP_FIX_STEP:
      g_value_set_int (value, self->fix_step);
      break;
    case ITEM_PROP_FIX_KIND:
      g_value_set_int (value, self->fix_kind);
      break;
    case ITEM_PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gh_check_item_class_init (GhCheckItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_check_item_finalize;
  object_class->get_property = gh_check_item_get_property;

  /* Read-only properties so list rows can bind them with <lookup>. */
  item_properties[ITEM_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, GH_CHECK_STATUS_OK, GH_CHECK_STATUS_ERROR,
                      GH_CHECK_STATUS_OK, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_FIX] =
    g_param_spec_string ("fix", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_FIX_STEP] =
    g_param_spec_int ("fix-step", NULL, NULL, GH_GUIDE_STEP_NONE, GH_GUIDE_STEP_PASTE_TOKEN,
                      GH_GUIDE_STEP_NONE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_FIX_KIND] =
    g_param_spec_int ("fix-kind", NULL, NULL, GH_CHECK_FIX_NONE, GH_CHECK_FIX_REGISTER,
                      GH_CHECK_FIX_NONE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
gh_check_item_init (GhCheckItem *self)
{
}

/* GhCheckWaba */

static void
gh_check_waba_finalize (GObject *object)
{
  GhCheckWaba *self = (GhCheckWaba *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->waba);
  g_clear_error (&self->error);
  g_clear_pointer (&self->subscribed_apps, g_ptr_array_unref);
  g_clear_error (&self->subscribed_apps_error);
  g_clear_error (&self->details_error);
  g_clear_pointer (&self->tasks, g_strfreev);

  G_OBJECT_CLASS (gh_check_waba_parent_class)->finalize (object);
}

static void
gh_check_waba_class_init (GhCheckWabaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_check_waba_finalize;
}

static void
gh_check_waba_init (GhCheckWaba *self)
{
}

/* GhCheckReport */

static void
gh_check_report_finalize (GObject *object)
{
  GhCheckReport *self = (GhCheckReport *)object;

  g_clear_object (&self->items);
  g_clear_object (&self->token_info);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->wabas, g_ptr_array_unref);
  g_clear_pointer (&self->readiness, g_ptr_array_unref);

  G_OBJECT_CLASS (gh_check_report_parent_class)->finalize (object);
}

static void
gh_check_report_class_init (GhCheckReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gh_check_report_finalize;
}

static const char *
summary_sentence (gboolean      passed,
                  GhCheckStatus verdict)
{
  /* The sentence agrees with the rows: a ✗ anywhere is "not ready", even when the token
   * itself is fine. */
  if (!passed)
    return _("This token can’t be used yet.");
  if (verdict == GH_CHECK_STATUS_ERROR)
    return _("This token works, but the integration is not ready yet.");
  if (verdict == GH_CHECK_STATUS_WARNING)
    return _("This token works, with warnings.");

  return _("This token works.");
}

static void
gh_check_report_init (GhCheckReport *self)
{
  self->items = g_list_store_new (GH_TYPE_CHECK_ITEM);
  self->wabas = g_ptr_array_new_with_free_func (g_object_unref);
  self->readiness = g_ptr_array_new_with_free_func (g_object_unref);
  self->is_admin = -1;
}

GhCheckReport *
_gh_check_report_new (void)
{
  return g_object_new (GH_TYPE_CHECK_REPORT, NULL);
}

GhCheckItem *
_gh_check_item_new (const char    *id,
                    GhCheckStatus  status,
                    gboolean       required,
                    const char    *title,
                    const char    *description,
                    const char    *fix,
                    GhGuideStep    fix_step)
{
  GhCheckItem *item = g_object_new (GH_TYPE_CHECK_ITEM, NULL);

  item->id = g_strdup (id);
  item->status = status;
  item->required = required;
  item->title = g_strdup (title);
  item->description = g_strdup (description);
  item->fix = status == GH_CHECK_STATUS_OK ? NULL : g_strdup (fix);
  item->fix_step = status == GH_CHECK_STATUS_OK ? GH_GUIDE_STEP_NONE : fix_step;
  item->fix_kind = GH_CHECK_FIX_NONE;

  return item;
}

void
_gh_check_item_set_action (GhCheckItem *item,
                           GhCheckFix   kind,
                           const char  *target,
                           const char  *uri)
{
  if (item->status == GH_CHECK_STATUS_OK)
    return;

  item->fix_kind = kind;
  g_free (item->fix_target);
  item->fix_target = g_strdup (target);
  g_free (item->fix_uri);
  item->fix_uri = g_strdup (uri);
}

void
_gh_check_item_set_account (GhCheckItem *item,
                            const char  *account_id)
{
  g_free (item->account_id);
  item->account_id = g_strdup (account_id);
}

GhCheckItem *
_gh_check_report_add_item (GhCheckReport *report,
                           const char    *id,
                           GhCheckStatus  status,
                           gboolean       required,
                           const char    *title,
                           const char    *description,
                           const char    *fix,
                           GhGuideStep    fix_step)
{
  g_autoptr(GhCheckItem) item = _gh_check_item_new (id, status, required, title, description,
                                                    fix, fix_step);

  g_list_store_append (report->items, item);
  return item;
}

void
_gh_check_report_append (GhCheckReport *report,
                         GhCheckItem   *item)
{
  g_list_store_append (report->items, item);
}

void
_gh_check_report_finish (GhCheckReport *report)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (report->items));

  report->passed = TRUE;
  report->verdict = GH_CHECK_STATUS_OK;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GhCheckItem) item = g_list_model_get_item (G_LIST_MODEL (report->items), i);

      report->verdict = MAX (report->verdict, item->status);
      if (item->required && item->status == GH_CHECK_STATUS_ERROR)
        report->passed = FALSE;
    }

  report->summary = summary_sentence (report->passed, report->verdict);
}


const char *
gh_check_summary_title (gboolean      passed,
                        GhCheckStatus verdict)
{
  if (!passed)
    return _("This Token Can’t Be Used Yet");
  if (verdict == GH_CHECK_STATUS_ERROR)
    return _("This Token Works, but the Integration Is Not Ready");
  if (verdict == GH_CHECK_STATUS_WARNING)
    return _("This Token Works, with Warnings");

  return _("This Token Works");
}

/* Public API */

const char *
gh_check_item_get_id (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), NULL);
  return self->id;
}

GhCheckStatus
gh_check_item_get_status (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), GH_CHECK_STATUS_ERROR);
  return self->status;
}

gboolean
gh_check_item_get_required (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), FALSE);
  return self->required;
}

const char *
gh_check_item_get_title (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), NULL);
  return self->title;
}

const char *
gh_check_item_get_description (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), NULL);
  return self->description;
}

const char *
gh_check_item_get_fix (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), NULL);
  return self->fix;
}

GhGuideStep
gh_check_item_get_fix_step (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), GH_GUIDE_STEP_NONE);
  return self->fix_step;
}

GhCheckFix
gh_check_item_get_fix_kind (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), GH_CHECK_FIX_NONE);
  return self->fix_kind;
}

const char *
gh_check_item_get_fix_uri (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), NULL);
  return self->fix_uri;
}

const char *
gh_check_item_get_fix_target (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), NULL);
  return self->fix_target;
}

const char *
gh_check_item_get_account_id (GhCheckItem *self)
{
  g_return_val_if_fail (GH_IS_CHECK_ITEM (self), NULL);
  return self->account_id;
}

GhCheckWaba *
gh_check_waba_new (const char   *id,
                   GhWaba       *waba,
                   const GError *read_error)
{
  GhCheckWaba *self;

  g_return_val_if_fail (id != NULL || waba != NULL, NULL);
  g_return_val_if_fail (waba == NULL || GH_IS_WABA (waba), NULL);

  if (id == NULL)
    id = gh_waba_get_id (waba);

  self = g_object_new (GH_TYPE_CHECK_WABA, NULL);
  self->id = g_strdup (id);
  self->waba = waba != NULL ? g_object_ref (waba) : NULL;
  self->error = read_error != NULL ? g_error_copy (read_error) : NULL;
  return self;
}

const char *
gh_check_waba_get_id (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), NULL);
  return self->id;
}

GhWaba *
gh_check_waba_get_waba (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), NULL);
  return self->waba;
}

const GError *
gh_check_waba_get_error (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), NULL);
  return self->error;
}

void
gh_check_waba_set_subscribed_apps (GhCheckWaba  *self,
                                   GPtrArray    *apps,
                                   const GError *error)
{
  g_return_if_fail (GH_IS_CHECK_WABA (self));

  g_clear_pointer (&self->subscribed_apps, g_ptr_array_unref);
  g_clear_error (&self->subscribed_apps_error);
  self->subscribed_apps = apps != NULL ? g_ptr_array_ref (apps) : NULL;
  self->subscribed_apps_error = apps == NULL && error != NULL ? g_error_copy (error) : NULL;
}

GPtrArray *
gh_check_waba_get_subscribed_apps (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), NULL);
  return self->subscribed_apps;
}

const GError *
gh_check_waba_get_subscribed_apps_error (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), NULL);
  return self->subscribed_apps_error;
}

void
gh_check_waba_set_details_error (GhCheckWaba  *self,
                                 const GError *error)
{
  g_return_if_fail (GH_IS_CHECK_WABA (self));

  g_clear_error (&self->details_error);
  self->details_error = error != NULL ? g_error_copy (error) : NULL;
}

const GError *
gh_check_waba_get_details_error (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), NULL);
  return self->details_error;
}

void
gh_check_waba_set_chosen (GhCheckWaba *self,
                          gboolean     chosen)
{
  g_return_if_fail (GH_IS_CHECK_WABA (self));
  self->chosen = !!chosen;
}

gboolean
gh_check_waba_get_chosen (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), FALSE);
  return self->chosen;
}

void
gh_check_waba_set_tasks (GhCheckWaba        *self,
                         const char * const *tasks)
{
  g_return_if_fail (GH_IS_CHECK_WABA (self));

  g_clear_pointer (&self->tasks, g_strfreev);
  self->tasks = g_strdupv ((char **) tasks);
}

const char * const *
gh_check_waba_get_tasks (GhCheckWaba *self)
{
  g_return_val_if_fail (GH_IS_CHECK_WABA (self), NULL);
  return (const char * const *) self->tasks;
}


GListModel *
gh_check_report_get_items (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  return G_LIST_MODEL (self->items);
}

GhCheckItem *
gh_check_report_find_item (GhCheckReport *self,
                           const char    *id)
{
  guint n_items;

  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GhCheckItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      /* The store keeps its own reference, so the borrowed pointer stays valid. */
      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }

  return NULL;
}

gboolean
gh_check_report_get_passed (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), FALSE);
  return self->passed;
}

GhCheckStatus
gh_check_report_get_verdict (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), GH_CHECK_STATUS_ERROR);
  return self->verdict;
}

const char *
gh_check_report_get_summary (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  return self->summary;
}

GhTokenInfo *
gh_check_report_get_token_info (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  return self->token_info;
}

const char *
gh_check_report_get_user_id (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  return self->user_id;
}

const char *
gh_check_report_get_user_name (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  return self->user_name;
}

GPtrArray *
gh_check_report_get_wabas (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  return self->wabas;
}

GhWaba *
gh_check_report_get_first_waba (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);

  for (guint i = 0; i < self->wabas->len; i++)
    {
      GhCheckWaba *check_waba = g_ptr_array_index (self->wabas, i);

      if (check_waba->waba != NULL)
        return check_waba->waba;
    }

  return NULL;
}

int
gh_check_report_get_is_admin (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), -1);
  return self->is_admin;
}

gboolean
gh_check_report_get_can_edit (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), FALSE);
  return self->is_admin != 0;
}

GPtrArray *
gh_check_report_get_readiness (GhCheckReport *self)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);
  return self->readiness;
}

GhAccountReadiness *
gh_check_report_find_readiness (GhCheckReport *self,
                                const char    *waba_id)
{
  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);

  for (guint i = 0; waba_id != NULL && i < self->readiness->len; i++)
    {
      GhAccountReadiness *readiness = g_ptr_array_index (self->readiness, i);

      if (g_strcmp0 (gh_account_readiness_get_waba_id (readiness), waba_id) == 0)
        return readiness;
    }

  return NULL;
}

char *
gh_check_report_to_text (GhCheckReport *self)
{
  const char *shown_account = NULL;
  GString *text;
  guint n_items;

  g_return_val_if_fail (GH_IS_CHECK_REPORT (self), NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n\n", self->summary);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GhCheckItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *mark;

      /* Each account's rows follow a line saying whether it is ready. */
      if (item->account_id != NULL && g_strcmp0 (item->account_id, shown_account) != 0)
        {
          GhAccountReadiness *readiness = gh_check_report_find_readiness (self,
                                                                          item->account_id);
          g_autofree char *summary = readiness != NULL
                                     ? gh_account_readiness_dup_summary (readiness) : NULL;

          shown_account = item->account_id;
          if (readiness != NULL)
            g_string_append_printf (text, "\n%s — %s\n",
                                    gh_account_readiness_get_name (readiness), summary);
        }

      switch (item->status)
        {
        case GH_CHECK_STATUS_OK:
          mark = "✓";
          break;
        case GH_CHECK_STATUS_WARNING:
          mark = "!";
          break;
        case GH_CHECK_STATUS_ERROR:
        default:
          mark = "✗";
          break;
        }

      g_string_append_printf (text, "%s %s — %s\n", mark, item->title, item->description);
      if (item->fix != NULL)
        g_string_append_printf (text, "    %s\n", item->fix);
    }

  return g_string_free (text, FALSE);
}
