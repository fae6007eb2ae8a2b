/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-guide-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gh-guide-page.h"
#include "gh-ui-util.h"

/* Indexed by GhGuideStep; GH_GUIDE_STEP_PASTE_TOKEN has no screen of its own. */
#define N_SCREENS (GH_GUIDE_STEP_PASTE_TOKEN + 1)
#define MAX_INSTRUCTIONS 4
#define DONE_STEPS_KEY "guide-done-steps"

/* The setup guide for someone who has never made a Meta system user: what they need first,
 * then one screen per step in Business Suite, each with its reason, a button that opens the
 * right page and a box to tick.  Ticks survive restarts so a person can stop half way.  The
 * token is generated last and pasted at once, since Business Suite shows it only once. */
struct _GhGuidePage
{
  AdwBin          parent_instance;

  AdwHeaderBar   *header_bar;

  GtkStack       *stack;
  GtkLabel       *progress_label;
  GtkButton      *next_button;

  GtkWidget      *screens[N_SCREENS];
  GtkCheckButton *done_buttons[N_SCREENS];

  GSettings      *settings;
  char           *business_id;
  GhGuideStep     step;
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (GhGuidePage, gh_guide_page, ADW_TYPE_BIN)

typedef struct
{
  /* Names the screen in the stack and the step in GSettings: never translated or changed. */
  const char *name;
  const char *icon_name;
  const char *title;
  /* Our own text, so it may carry markup for the exact words Business Suite shows. */
  const char *instructions[MAX_INSTRUCTIONS + 1];
  const char *why;
  const char *open_label;
  /* Accessible name of the tick box, saying which step it belongs to. */
  const char *done_label;
  const char *uri;
  gboolean    takes_business_id;
} StepInfo;

#define BUSINESS_SETTINGS_URI "https://business.facebook.com/settings/"

/* Translators: the <b>…</b> words are what Meta Business Suite shows on its buttons and
 * menus; translate them the way Business Suite does in your language and keep the tags. */
static const StepInfo steps[N_SCREENS] = {
  [GH_GUIDE_STEP_NONE] = {
    "prerequisites", "checkbox-checked-symbolic", N_("Before You Start"),
    { NULL },
    NULL,
    N_("_Open Apps in Business Suite"),
    NULL,
    BUSINESS_SETTINGS_URI "apps", TRUE,
  },
  [GH_GUIDE_STEP_TWO_FACTOR] = {
    "two-factor", "security-high-symbolic", N_("Turn On Two-Factor Authentication"),
    {
      N_("Open the security settings of your Facebook account."),
      N_("Choose <b>Two-factor authentication</b> and pick a method, such as an "
         "authentication app or text messages."),
      N_("Follow the instructions until two-factor authentication is <b>on</b>."),
      NULL,
    },
    N_("Business settings refuses to add system users or generate tokens for an account "
       "without two-factor authentication, and says only “You have been temporarily blocked "
       "from performing this action”."),
    N_("_Open Security Settings"),
    N_("I have turned on two-factor authentication"),
    "https://www.facebook.com/security/2fac/settings", FALSE,
  },
  [GH_GUIDE_STEP_SYSTEM_USER] = {
    "system-user", "avatar-default-symbolic", N_("Create a System User"),
    {
      N_("In Business Suite, open <b>Business settings</b>: the gear next to your business "
         "name."),
      N_("Go to <b>Users</b> → <b>System users</b> and press <b>Add</b>. Accept the policy "
         "if you are asked to."),
      N_("Give it a name you will recognise, such as the name of your integration."),
      N_("Set the role to <b>Full control</b> and press <b>Create system user</b>. Older "
         "versions of Business Suite call this role <b>Admin</b>."),
      NULL,
    },
    N_("A system user belongs to the business, not to a person, so the integration keeps "
       "working when someone leaves. With <b>Full control</b> it reaches every WhatsApp "
       "account of the business, including ones added later, and Gatehouse can manage who has "
       "access. <b>Basic access</b> (once called Employee) reaches only the accounts you give "
       "it and cannot change who has access."),
    N_("_Open in Business Suite"),
    N_("I have created the system user"),
    BUSINESS_SETTINGS_URI "system-users", TRUE,
  },
  [GH_GUIDE_STEP_ASSIGN_APP] = {
    "assign-app", "application-x-executable-symbolic", N_("Give the System User Your App"),
    {
      N_("On the <b>System users</b> page, select the system user you created."),
      N_("Press <b>Assign assets</b> and choose <b>Apps</b>."),
      N_("Select your app, turn on <b>Manage app</b> and press <b>Save</b>."),
      NULL,
    },
    N_("Do this <b>before</b> you generate the token. A token generated before the app was "
       "assigned lacks the WhatsApp permissions, and the list to choose them from may even "
       "be empty."),
    N_("_Open in Business Suite"),
    N_("I have assigned the app to the system user"),
    BUSINESS_SETTINGS_URI "system-users", TRUE,
  },
  [GH_GUIDE_STEP_ASSIGN_WABA] = {
    "assign-waba", "system-users-symbolic", N_("Give the System User Your WhatsApp Account"),
    {
      N_("In Business settings, go to <b>Accounts</b> → <b>WhatsApp accounts</b> and select "
         "your account."),
      N_("Press <b>Add people</b> and choose the system user."),
      N_("Turn on <b>Full control</b> and confirm."),
      NULL,
    },
    N_("Do this <b>before</b> you generate the token, so the token covers this account. A "
       "token reaches only the WhatsApp accounts its system user is assigned to; for any "
       "other, Meta answers with a permissions error although the token is fine. "
       "<b>Full control</b> also lets the integration manage templates and phone numbers."),
    N_("_Open in Business Suite"),
    N_("I have given the system user full control of the WhatsApp account"),
    BUSINESS_SETTINGS_URI "whatsapp-business-accounts", TRUE,
  },
  /* The last screen: the token is shown only once, so it goes straight into Gatehouse. */
  [GH_GUIDE_STEP_GENERATE_TOKEN] = {
    "generate-token", "dialog-password-symbolic", N_("Generate the Token and Paste It"),
    {
      N_("On the <b>System users</b> page, select the system user, press <b>Generate new "
         "token</b> and choose your app."),
      N_("Set the token expiration to <b>Never</b> if Business Suite offers it. If it does "
         "not, choose <b>60 days</b>: Gatehouse can remind you before the token ends and walks "
         "you through replacing it."),
      N_("Tick <b>whatsapp_business_management</b>, <b>whatsapp_business_messaging</b> and "
         "<b>business_management</b>. Add <b>catalog_management</b> only if you sell from a "
         "product catalog."),
      N_("Press <b>Generate token</b>, copy the token and press <b>Paste the Token</b> below "
         "straight away: Business Suite shows it only <b>once</b>."),
      NULL,
    },
    N_("Without these permissions the integration cannot read your WhatsApp account or send "
       "messages. Meta now recommends tokens that expire, and some businesses are offered only "
       "60 days: that works as long as the token is replaced before it ends. Gatehouse checks "
       "the token before anything is saved and keeps it in your keyring, never in a file."),
    N_("_Open in Business Suite"),
    NULL,
    BUSINESS_SETTINGS_URI "system-users", TRUE,
  },
};

/* The screens in Business Suite's order (2026): everything the token must cover is in place
 * before it is generated. */
static const GhGuideStep screen_order[] = {
  GH_GUIDE_STEP_NONE,
  GH_GUIDE_STEP_TWO_FACTOR,
  GH_GUIDE_STEP_SYSTEM_USER,
  GH_GUIDE_STEP_ASSIGN_APP,
  GH_GUIDE_STEP_ASSIGN_WABA,
  GH_GUIDE_STEP_GENERATE_TOKEN,
};

#define LAST_STEP GH_GUIDE_STEP_GENERATE_TOKEN

static gboolean
step_is_valid (GhGuideStep step)
{
  return step >= GH_GUIDE_STEP_NONE && step <= GH_GUIDE_STEP_PASTE_TOKEN;
}

/* Pasting is part of the token's screen. */
static GhGuideStep
screen_step (GhGuideStep step)
{
  return step == GH_GUIDE_STEP_PASTE_TOKEN ? GH_GUIDE_STEP_GENERATE_TOKEN : step;
}

static guint
screen_position (GhGuideStep step)
{
  for (guint i = 0; i < G_N_ELEMENTS (screen_order); i++)
    if (screen_order[i] == screen_step (step))
      return i;

  g_assert_not_reached ();
}

/* Icons here only decorate words that say the same thing. */
static GtkWidget *
decorative_icon_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static GtkWidget *
header_new (const StepInfo *info,
            const char     *intro)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = decorative_icon_new (info->icon_name);
  GtkWidget *title = gtk_label_new (_(info->title));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "title-1");
  gtk_box_append (GTK_BOX (box), title);

  if (intro != NULL)
    {
      GtkWidget *label = gtk_label_new (intro);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static GtkWidget *
markup_row_new (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }

  return row;
}

static GtkWidget *
icon_row_new (const char *icon_name,
              const char *title,
              const char *subtitle)
{
  GtkWidget *row = markup_row_new (title, subtitle);
  GtkWidget *icon = decorative_icon_new (icon_name);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static GtkWidget *
pill_button_new (const char *label,
                 const char *action_name,
                 gboolean    suggested)
{
  GtkWidget *button = gh_ui_mnemonic_button_new (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gh_ui_wrap_pill_labels (button);

  return button;
}

/* On every screen, for whoever made a token before, or with someone else's help. */
static GtkWidget *
skip_button_new (void)
{
  GtkWidget *button = gh_ui_mnemonic_button_new (_("I Already Have a _Token"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "guide.skip-to-token");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Skip the guide and paste a token you made earlier"));
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* Wraps a screen's content in the scrolling, width-clamped frame every screen shares. */
static GtkWidget *
screen_new (GtkWidget *content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 400);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  return scrolled;
}

static GtkWidget *
prerequisites_screen_new (void)
{
  const StepInfo *info = &steps[GH_GUIDE_STEP_NONE];
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();

  gtk_box_append (GTK_BOX (content),
                  header_new (info, _("You are going to give your integration its own account "
                                      "in Meta Business Suite, called a system user, and a "
                                      "token that lets it in. It takes about ten minutes. "
                                      "Make sure of three things first.")));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What You Need"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
    icon_row_new ("security-high-symbolic",
                  _("Two-factor authentication on your Facebook account"),
                  _("Business Suite blocks the next steps without it. The first step shows "
                    "how to turn it on.")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
    icon_row_new ("system-users-symbolic",
                  _("Full control of your business portfolio"),
                  _("Only people with full control can add system users. If you do not have "
                    "it, ask someone who does to give it to you, or to follow this guide.")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
    icon_row_new ("application-x-executable-symbolic",
                  _("An app connected to the portfolio"),
                  _("The token belongs to an app: usually the one the maker of your "
                    "integration names, or the one created when WhatsApp was set up. "
                    "<b>Business settings</b> → <b>Accounts</b> → <b>Apps</b> lists them.")));

  /* Some people have never met a Meta app; tell them what to do rather than leave them
   * stuck on an empty list. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("What if I have no app?"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
    gh_guide_instruction_row_new (1, _("Ask the company behind your integration first: many "
                                       "give you an app to connect, and their setup page says "
                                       "which.")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
    gh_guide_instruction_row_new (2, _("Otherwise make one: on <b>developers.facebook.com</b> "
                                       "choose <b>My Apps</b> → <b>Create app</b>, pick the "
                                       "<b>Business</b> type and this business portfolio.")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
    gh_guide_instruction_row_new (3, _("In the new app, add the <b>WhatsApp</b> product. The "
                                       "app then appears under <b>Apps</b> in Business "
                                       "settings.")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  gtk_box_append (GTK_BOX (content), group);

  gtk_box_append (GTK_BOX (content), pill_button_new (_(info->open_label), "guide.open",
                                                      FALSE));
  gtk_box_append (GTK_BOX (content), skip_button_new ());

  return screen_new (content);
}

static GtkWidget *
step_screen_new (GhGuidePage *self,
                 GhGuideStep  step)
{
  const StepInfo *info = &steps[step];
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_box_append (GTK_BOX (content), header_new (info, NULL));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What to Do"));
  for (guint i = 0; info->instructions[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               gh_guide_instruction_row_new (i + 1, _(info->instructions[i])));
  gtk_box_append (GTK_BOX (content), group);

  gtk_box_append (GTK_BOX (content), gh_guide_note_new (_(info->why)));

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  if (info->open_label != NULL)
    gtk_box_append (GTK_BOX (buttons), pill_button_new (_(info->open_label), "guide.open",
                                                        FALSE));
  if (info->done_label != NULL)
    {
      GtkWidget *check = gtk_check_button_new_with_mnemonic (_("I _have done this"));

      gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->done_label),
                                      -1);
      gtk_box_append (GTK_BOX (buttons), check);
      self->done_buttons[step] = GTK_CHECK_BUTTON (check);
    }
  /* Whoever is here has a token on screen: one way on, no "I already have one" beside it. */
  if (step == LAST_STEP)
    gtk_box_append (GTK_BOX (buttons), pill_button_new (_("_Paste the Token"), "guide.finish",
                                                        TRUE));
  gtk_box_append (GTK_BOX (content), buttons);
  if (step != LAST_STEP)
    gtk_box_append (GTK_BOX (content), skip_button_new ());

  return screen_new (content);
}

static gboolean
step_is_done (GhGuidePage *self,
              GhGuideStep  step)
{
  return self->done_buttons[step] != NULL
         && gtk_check_button_get_active (self->done_buttons[step]);
}

static void
update_navigation (GhGuidePage *self)
{
  g_autofree char *progress = NULL;
  gboolean ready;

  guint position = screen_position (self->step);
  guint last = G_N_ELEMENTS (screen_order) - 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.previous", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "guide.next", position < last);

  if (self->step == GH_GUIDE_STEP_NONE)
    progress = g_strdup (_("Before you start"));
  else
    progress = g_strdup_printf (_("Step %d of %d"), (int) position, (int) last);
  gtk_label_set_text (self->progress_label, progress);

  /* Next becomes the obvious move once the screen's work is done. */
  ready = self->step == GH_GUIDE_STEP_NONE || step_is_done (self, self->step);
  if (ready && position < last)
    gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->next_button), "suggested-action");
}

static void
load_done_steps (GhGuidePage *self)
{
  g_auto(GStrv) names = NULL;

  if (self->settings == NULL)
    return;

  names = g_settings_get_strv (self->settings, DONE_STEPS_KEY);
  self->syncing = TRUE;
  for (guint step = 0; step < N_SCREENS; step++)
    if (self->done_buttons[step] != NULL)
      gtk_check_button_set_active (self->done_buttons[step],
                                   g_strv_contains ((const char * const *) names,
                                                    steps[step].name));
  self->syncing = FALSE;
}

static void
save_done_steps (GhGuidePage *self)
{
  g_auto(GStrv) old_names = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  if (self->settings == NULL)
    return;

  /* Keep names this version does not know, in case a newer one wrote them. */
  old_names = g_settings_get_strv (self->settings, DONE_STEPS_KEY);
  for (guint i = 0; old_names[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint step = 0; step < N_SCREENS; step++)
        known |= self->done_buttons[step] != NULL
                 && g_strcmp0 (old_names[i], steps[step].name) == 0;
      if (!known)
        g_strv_builder_add (builder, old_names[i]);
    }

  for (guint step = 0; step < N_SCREENS; step++)
    if (step_is_done (self, step))
      g_strv_builder_add (builder, steps[step].name);

  names = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, DONE_STEPS_KEY, (const char * const *) names);
}

static GhGuideStep
first_open_step (GhGuidePage *self)
{
  gboolean any_done = FALSE;

  for (guint step = 0; step < N_SCREENS; step++)
    any_done |= step_is_done (self, step);

  /* Someone who has ticked nothing has not read what they need yet. */
  if (!any_done)
    return GH_GUIDE_STEP_NONE;

  for (guint i = 1; i < G_N_ELEMENTS (screen_order); i++)
    if (self->done_buttons[screen_order[i]] != NULL && !step_is_done (self, screen_order[i]))
      return screen_order[i];

  return LAST_STEP;
}

static void
done_toggled_cb (GhGuidePage *self)
{
  if (self->syncing)
    return;

  save_done_steps (self);
  update_navigation (self);
}

static void
settings_changed_cb (GhGuidePage *self)
{
  load_done_steps (self);
  update_navigation (self);
}

static void
visible_child_changed_cb (GhGuidePage *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  if (child == NULL)
    return;

  for (guint step = 0; step < N_SCREENS; step++)
    if (self->screens[step] == child)
      self->step = step;

  update_navigation (self);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhGuidePage *self = GH_GUIDE_PAGE (widget);
  g_autofree char *uri = gh_guide_page_dup_step_uri (self, self->step);

  if (uri != NULL)
    gh_ui_open_uri (widget, uri);
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GhGuidePage *self = GH_GUIDE_PAGE (widget);
  guint position = screen_position (self->step);

  if (position > 0)
    gh_guide_page_show_step (self, screen_order[position - 1]);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GhGuidePage *self = GH_GUIDE_PAGE (widget);
  guint position = screen_position (self->step);

  if (position + 1 < G_N_ELEMENTS (screen_order))
    gh_guide_page_show_step (self, screen_order[position + 1]);
}

/* Skipping ahead and finishing both lead to the token: the window decides how. */
static void
to_token_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.show-token", NULL);
}

static void
gh_guide_page_dispose (GObject *object)
{
  GhGuidePage *self = GH_GUIDE_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->business_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), GH_TYPE_GUIDE_PAGE);
  memset (self->screens, 0, sizeof self->screens);
  memset (self->done_buttons, 0, sizeof self->done_buttons);

  G_OBJECT_CLASS (gh_guide_page_parent_class)->dispose (object);
}

static void
gh_guide_page_class_init (GhGuidePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gh_guide_page_dispose;

  gtk_widget_class_install_action (widget_class, "guide.previous", NULL, previous_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.skip-to-token", NULL,
                                   to_token_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.finish", NULL, to_token_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "guide.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "guide.next", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/gh-guide-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GhGuidePage, stack);
  gtk_widget_class_bind_template_child (widget_class, GhGuidePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GhGuidePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GhGuidePage, next_button);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
}

static void
gh_guide_page_init (GhGuidePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_header_bar_pack_end (self->header_bar, gh_ui_main_menu_button_new (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (screen_order); i++)
    {
      GhGuideStep step = screen_order[i];
      GtkWidget *screen = step == GH_GUIDE_STEP_NONE ? prerequisites_screen_new ()
                                                     : step_screen_new (self, step);

      self->screens[step] = screen;
      gtk_stack_add_titled (self->stack, screen, steps[step].name, _(steps[step].title));
      if (self->done_buttons[step] != NULL)
        g_signal_connect_swapped (self->done_buttons[step], "toggled",
                                  G_CALLBACK (done_toggled_cb), self);
    }

  gh_guide_page_show_step (self, GH_GUIDE_STEP_NONE);
}

void
gh_guide_page_set_settings (GhGuidePage *self,
                            GSettings   *settings)
{
  g_return_if_fail (GH_IS_GUIDE_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, settings_changed_cb, self);
  g_set_object (&self->settings, settings);
  if (settings == NULL)
    return;

  g_signal_connect_object (settings, "changed::" DONE_STEPS_KEY,
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  load_done_steps (self);
  gh_guide_page_show_step (self, first_open_step (self));
}

void
gh_guide_page_show_step (GhGuidePage *self,
                         GhGuideStep  step)
{
  g_return_if_fail (GH_IS_GUIDE_PAGE (self));
  g_return_if_fail (step_is_valid (step));

  self->step = screen_step (step);
  gtk_stack_set_visible_child (self->stack, self->screens[self->step]);
  update_navigation (self);
}

GhGuideStep
gh_guide_page_get_step (GhGuidePage *self)
{
  g_return_val_if_fail (GH_IS_GUIDE_PAGE (self), GH_GUIDE_STEP_NONE);

  return self->step;
}

void
gh_guide_page_set_business_id (GhGuidePage *self,
                               const char  *business_id)
{
  g_return_if_fail (GH_IS_GUIDE_PAGE (self));

  g_clear_pointer (&self->business_id, g_free);
  if (business_id != NULL && *business_id != '\0')
    self->business_id = g_strdup (business_id);
}

char *
gh_guide_page_dup_step_uri (GhGuidePage *self,
                            GhGuideStep  step)
{
  const StepInfo *info;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (GH_IS_GUIDE_PAGE (self), NULL);
  g_return_val_if_fail (step_is_valid (step), NULL);

  info = &steps[screen_step (step)];
  if (info->uri == NULL)
    return NULL;
  if (!info->takes_business_id || self->business_id == NULL)
    return g_strdup (info->uri);

  /* The ID came from the server: escape it rather than trust it to be digits. */
  escaped = g_uri_escape_string (self->business_id, NULL, FALSE);
  return g_strconcat (info->uri, "?business_id=", escaped, NULL);
}

gboolean
gh_guide_page_get_step_done (GhGuidePage *self,
                             GhGuideStep  step)
{
  g_return_val_if_fail (GH_IS_GUIDE_PAGE (self), FALSE);
  g_return_val_if_fail (step_is_valid (step), FALSE);

  return step_is_done (self, screen_step (step));
}

GtkWidget *
gh_guide_instruction_row_new (guint       number,
                              const char *text)
{
  GtkWidget *row = markup_row_new (text, NULL);
  g_autofree char *digits = g_strdup_printf ("%u", number);
  GtkWidget *label = gtk_label_new (digits);

  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "accent");
  gtk_widget_set_size_request (label, 24, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);

  return row;
}

GtkWidget *
gh_guide_note_new (const char *why)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = decorative_icon_new ("dialog-information-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "accent");
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_set_margin_top (icon, 12);
  gtk_box_append (GTK_BOX (box), icon);

  /* Markup only ever comes from our own translated text here, for the bold choices. */
  gtk_label_set_markup (GTK_LABEL (label), why);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}
