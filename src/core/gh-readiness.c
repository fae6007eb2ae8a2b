/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-readiness"

#include "config.h"

#include <glib/gi18n.h>

#include "gh-graph-error.h"
#include "gh-readiness-private.h"
#include "gh-waba-words.h"

/* The evaluation of one account's readiness: its webhooks and its summary here, the rows of
 * its health and numbers in gh-readiness-rows.c. */

G_DEFINE_FINAL_TYPE (GhAccountReadiness, gh_account_readiness, G_TYPE_OBJECT)

static const char *
app_label (const GhReadinessContext *context)
{
  if (context->app_name != NULL && *context->app_name != '\0')
    return context->app_name;

  return _("the token’s app");
}

/* "A, B and C", each name quoted when @quoted. */
static char *
join_list (const char * const *names,
           gboolean            quoted)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i == n - 1)
        /* Translators: between the last two names of a list, e.g. "“A”, “B” and “C”" */
        g_string_append (text, _(" and "));
      else if (i > 0)
        /* Translators: between names of a list, e.g. "“A”, “B” and “C”" */
        g_string_append (text, _(", "));
      if (quoted)
        /* Translators: a name in a list, e.g. the name of an app */
        g_string_append_printf (text, _("“%s”"), names[i]);
      else
        g_string_append (text, names[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Webhooks */

static void
collect_hosts (GhAccountReadiness *self,
               GhSubscribedApp    *own)
{
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *phones = gh_waba_get_phone_numbers (self->waba);

  for (guint i = 0; i <= phones->len; i++)
    {
      const char *url;
      char *host;
      gboolean seen = FALSE;

      /* The numbers say where their webhooks really go; the subscription's own override
       * only stands in when no number said. */
      if (i < phones->len)
        url = gh_phone_number_get_webhook_url (g_ptr_array_index (phones, i));
      else if (hosts->len == 0 && own != NULL)
        url = gh_subscribed_app_get_override_callback_uri (own);
      else
        break;

      if ((host = gh_readiness_dup_host (url)) == NULL)
        continue;
      for (guint j = 0; j < hosts->len; j++)
        seen |= g_str_equal (g_ptr_array_index (hosts, j), host);
      if (seen)
        g_free (host);
      else
        g_ptr_array_add (hosts, host);
    }

  g_ptr_array_add (hosts, NULL);
  self->webhook_hosts = (GStrv) g_ptr_array_free (g_steal_pointer (&hosts), FALSE);
}

static void
add_webhooks_item (GhAccountReadiness       *self,
                   GPtrArray                *apps,
                   const GError             *apps_error,
                   const GhReadinessContext *context)
{
  g_autofree char *id = g_strdup_printf ("account.%s.webhooks", gh_waba_get_id (self->waba));
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree char *other_names = NULL;
  g_autofree char *hosts = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  GhSubscribedApp *own = gh_subscribed_app_find (apps, context->app_id);
  const char *title = _("Incoming messages");
  const char *fix;
  GhCheckItem *item;

  for (guint i = 0; apps != NULL && i < apps->len; i++)
    {
      GhSubscribedApp *app = g_ptr_array_index (apps, i);
      const char *name = gh_subscribed_app_get_name (app);

      if (app != own)
        g_ptr_array_add (others, (gpointer) (name != NULL && *name != '\0'
                                             ? name : gh_subscribed_app_get_id (app)));
    }
  g_ptr_array_add (others, NULL);
  self->other_apps = g_strdupv ((char **) others->pdata);
  other_names = join_list ((const char * const *) others->pdata, TRUE);

  collect_hosts (self, own);
  if (self->webhook_hosts[0] != NULL)
    hosts = join_list ((const char * const *) self->webhook_hosts, FALSE);

  if (apps == NULL && apps_error != NULL)
    {
      GhGraphErrorCode code = apps_error->domain == GH_GRAPH_ERROR
                              ? (GhGraphErrorCode) apps_error->code : GH_GRAPH_ERROR_UNKNOWN;

      self->subscribed = -1;
      _gh_readiness_append_sentence (description, _("Gatehouse could not read which apps "
                                                    "get this account’s webhooks."));
      _gh_readiness_append_sentence (description, gh_graph_error_code_to_summary (code));
      _gh_readiness_add_item (self, id, GH_CHECK_STATUS_WARNING, title, description->str,
                              gh_graph_error_code_to_next_step (code));
      return;
    }

  if (context->app_id == NULL)
    {
      self->subscribed = -1;
      if (apps->len == 0)
        _gh_readiness_append_sentence (description, _("No app is subscribed to this account’s "
                                                      "webhooks, so incoming messages reach "
                                                      "no integration."));
      else
        {
          g_autofree char *sentence = NULL;

          /* Translators: %s is a list of app names, e.g. "“A” and “B”" */
          sentence = g_strdup_printf (_("Subscribed to this account’s webhooks: %s."),
                                      other_names);
          _gh_readiness_append_sentence (description, sentence);
        }
      _gh_readiness_append_sentence (description, _("Meta did not say which app this token "
                                                    "belongs to, so Gatehouse cannot tell "
                                                    "whether it is among them."));
      _gh_readiness_add_item (self, id,
                              apps->len == 0 ? GH_CHECK_STATUS_ERROR : GH_CHECK_STATUS_WARNING,
                              title, description->str,
                              _("Make sure the integration’s app is subscribed to this "
                                "account’s webhooks."));
      return;
    }

  if (own != NULL)
    {
      g_autofree char *sentence = NULL;

      self->subscribed = 1;
      if (hosts != NULL)
        /* Translators: the first %s is an app's name, the second a list of host names */
        sentence = g_strdup_printf (_("“%s” is subscribed: incoming messages and delivery "
                                      "updates reach it, at %s."), app_label (context), hosts);
      else
        /* Translators: %s is an app's name */
        sentence = g_strdup_printf (_("“%s” is subscribed: incoming messages and delivery "
                                      "updates reach it."), app_label (context));
      _gh_readiness_add_item (self, id, GH_CHECK_STATUS_OK, title, sentence, NULL);
      return;
    }

  self->subscribed = 0;
  {
    g_autofree char *sentence = NULL;

    /* Translators: %s is an app's name */
    sentence = g_strdup_printf (_("“%s”, the token’s app, is not subscribed to this "
                                  "account’s webhooks, so incoming messages never reach the "
                                  "integration."), app_label (context));
    _gh_readiness_append_sentence (description, sentence);
    g_clear_pointer (&sentence, g_free);

    if (others->len > 1)
      {
        /* Translators: %s is a list of app names, e.g. "“A” and “B”" */
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Another app gets them instead: %s.",
                                                 "Other apps get them instead: %s.",
                                                 others->len - 1), other_names);
        _gh_readiness_append_sentence (description, sentence);
      }
  }

  self->can_subscribe = context->may_subscribe != 0;
  fix = self->can_subscribe
        ? _("Subscribe the app to this account. Verifying the callback URL in the App "
            "Dashboard is not enough: each account needs a subscription of its own.")
        : _("Ask someone with full control of this account to subscribe the app to it: "
            "verifying the callback URL in the App Dashboard is not enough.");
  item = _gh_readiness_add_item (self, id, GH_CHECK_STATUS_ERROR, title, description->str, fix);
  if (self->can_subscribe)
    _gh_check_item_set_action (item, GH_CHECK_FIX_SUBSCRIBE, gh_waba_get_id (self->waba),
                               NULL);
}

/* Summary */

static void
sum_up (GhAccountReadiness *self,
        GhCheckStatus       health,
        gboolean            details_read,
        GhPhoneCounts        *counts)
{
  guint usable = counts->ready + counts->limited;
  GhReadyState phones_state;

  if (!details_read)
    phones_state = GH_READY_UNKNOWN;
  else if (usable == 0)
    phones_state = GH_READY_NO;
  else if (counts->limited > 0 || counts->broken > 0)
    phones_state = GH_READY_LIMITED;
  else
    phones_state = GH_READY_YES;

  if (!details_read)
    {
      self->send = GH_READY_UNKNOWN;
      self->send_sentence = g_strdup (_("Gatehouse could not read whether it can send."));
    }
  else if (health == GH_CHECK_STATUS_ERROR)
    {
      self->send = GH_READY_NO;
      self->send_sentence = g_strdup (_("Meta blocks messages from this account."));
    }
  else if (phones_state == GH_READY_NO)
    {
      self->send = GH_READY_NO;
      self->send_sentence = g_strdup (_("No phone number of this account can send yet."));
    }
  else if (health == GH_CHECK_STATUS_WARNING || phones_state == GH_READY_LIMITED)
    {
      self->send = GH_READY_LIMITED;
      self->send_sentence = g_strdup (_("It can send, with limits or from some numbers only."));
    }
  else
    {
      self->send = GH_READY_YES;
      self->send_sentence = g_strdup (_("It can send messages."));
    }

  if (self->subscribed == 0)
    {
      self->receive = GH_READY_NO;
      self->receive_sentence = g_strdup (_("Incoming messages never reach the integration: "
                                           "its app is not subscribed."));
    }
  else if (details_read && counts->ready + counts->limited == 0)
    {
      self->receive = GH_READY_NO;
      self->receive_sentence = g_strdup (_("No phone number of this account can receive "
                                           "messages yet."));
    }
  else if (self->subscribed < 0 || !details_read)
    {
      self->receive = GH_READY_UNKNOWN;
      self->receive_sentence = g_strdup (_("Gatehouse could not tell whether incoming messages "
                                           "reach the integration."));
    }
  else if (counts->broken > 0)
    {
      self->receive = GH_READY_LIMITED;
      self->receive_sentence = g_strdup (_("Incoming messages reach the integration, for some "
                                           "of the numbers."));
    }
  else
    {
      self->receive = GH_READY_YES;
      self->receive_sentence = g_strdup (_("Incoming messages reach the integration."));
    }
}

static void
gh_account_readiness_finalize (GObject *object)
{
  GhAccountReadiness *self = (GhAccountReadiness *)object;

  g_clear_object (&self->waba);
  g_free (self->business_id);
  g_ptr_array_unref (self->items);
  g_free (self->send_sentence);
  g_free (self->receive_sentence);
  g_strfreev (self->other_apps);
  g_strfreev (self->webhook_hosts);

  G_OBJECT_CLASS (gh_account_readiness_parent_class)->finalize (object);
}

static void
gh_account_readiness_class_init (GhAccountReadinessClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gh_account_readiness_finalize;
}

static void
gh_account_readiness_init (GhAccountReadiness *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->subscribed = -1;
}

GhAccountReadiness *
gh_account_readiness_evaluate (GhWaba                   *waba,
                               const GError             *details_error,
                               GPtrArray                *apps,
                               const GError             *apps_error,
                               const GhReadinessContext *context)
{
  static const GhReadinessContext unknown = { NULL, NULL, -1, -1 };
  g_autoptr(GhAccountReadiness) self = NULL;
  GhPhoneCounts counts = { 0, 0, 0 };
  GhCheckStatus health;
  GPtrArray *phones;
  gboolean details_read;

  g_return_val_if_fail (GH_IS_WABA (waba), NULL);

  if (context == NULL)
    context = &unknown;

  self = g_object_new (GH_TYPE_ACCOUNT_READINESS, NULL);
  self->waba = g_object_ref (waba);
  self->business_id = g_strdup (gh_waba_get_owner_business_id (waba));
  phones = gh_waba_get_phone_numbers (waba);
  details_read = details_error == NULL &&
                 (gh_waba_get_health (waba) != NULL || phones->len > 0);

  if (apps != NULL || apps_error != NULL)
    add_webhooks_item (self, apps, apps_error, context);
  else
    {
      self->other_apps = g_new0 (char *, 1);
      collect_hosts (self, NULL);
    }

  health = _gh_readiness_add_health_items (self, details_error);
  _gh_readiness_add_limit_item (self);

  for (guint i = 0; details_error == NULL && i < phones->len; i++)
    _gh_readiness_add_phone_item (self, g_ptr_array_index (phones, i), context, &counts);

  if (details_read && phones->len == 0)
    {
      g_autofree char *id = g_strdup_printf ("account.%s.phones", gh_waba_get_id (waba));
      GhCheckItem *item;

      item = _gh_readiness_add_item (self, id, GH_CHECK_STATUS_ERROR, _("Phone numbers"),
                                     _("This account has no phone number, so it can neither "
                                       "send nor receive messages."),
                                     _("Add a phone number in WhatsApp Manager → Phone "
                                       "numbers."));
      _gh_readiness_set_link (self, item, GH_READINESS_PAGE_PHONE_NUMBERS);
    }

  sum_up (self, health, details_read, &counts);

  return g_steal_pointer (&self);
}

const char *
gh_account_readiness_get_waba_id (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  return gh_waba_get_id (self->waba);
}

const char *
gh_account_readiness_get_name (GhAccountReadiness *self)
{
  const char *name;

  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  name = gh_waba_get_name (self->waba);
  return name != NULL && *name != '\0' ? name : gh_waba_get_id (self->waba);
}

GhWaba *
gh_account_readiness_get_waba (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  return self->waba;
}

GhReadyState
gh_account_readiness_get_send (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), GH_READY_UNKNOWN);

  return self->send;
}

const char *
gh_account_readiness_get_send_sentence (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  return self->send_sentence;
}

GhReadyState
gh_account_readiness_get_receive (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), GH_READY_UNKNOWN);

  return self->receive;
}

const char *
gh_account_readiness_get_receive_sentence (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  return self->receive_sentence;
}

static const char *
ready_words (GhReadyState state)
{
  switch (state)
    {
    case GH_READY_YES:
      return C_("ready", "yes");
    case GH_READY_LIMITED:
      return C_("ready", "with limits");
    case GH_READY_NO:
      return C_("ready", "no");
    case GH_READY_UNKNOWN:
    default:
      return C_("ready", "unknown");
    }
}

char *
gh_account_readiness_dup_summary (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  /* Translators: each %s is "yes", "with limits", "no" or "unknown" */
  return g_strdup_printf (_("Ready to send: %s · Ready to receive: %s"),
                          ready_words (self->send), ready_words (self->receive));
}

GPtrArray *
gh_account_readiness_get_items (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  return self->items;
}

int
gh_account_readiness_get_subscribed (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), -1);

  return self->subscribed;
}

const char * const *
gh_account_readiness_get_other_apps (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  return (const char * const *) self->other_apps;
}

const char * const *
gh_account_readiness_get_webhook_hosts (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  return (const char * const *) self->webhook_hosts;
}

gboolean
gh_account_readiness_get_can_subscribe (GhAccountReadiness *self)
{
  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), FALSE);

  return self->can_subscribe;
}

GhPhoneNumber *
gh_account_readiness_find_phone (GhAccountReadiness *self,
                                 const char         *phone_id)
{
  GPtrArray *phones;

  g_return_val_if_fail (GH_IS_ACCOUNT_READINESS (self), NULL);

  phones = gh_waba_get_phone_numbers (self->waba);
  for (guint i = 0; phone_id != NULL && i < phones->len; i++)
    if (g_strcmp0 (gh_phone_number_get_id (g_ptr_array_index (phones, i)), phone_id) == 0)
      return g_ptr_array_index (phones, i);

  return NULL;
}

const char *
gh_ready_state_to_string (GhReadyState state)
{
  switch (state)
    {
    case GH_READY_YES:
      return "yes";
    case GH_READY_LIMITED:
      return "limited";
    case GH_READY_NO:
      return "no";
    case GH_READY_UNKNOWN:
    default:
      return "unknown";
    }
}

char *
gh_readiness_dup_host (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (url == NULL || *url == '\0')
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || *host == '\0')
    return NULL;

  return g_strdup (host);
}
