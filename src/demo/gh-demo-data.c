/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "gh-demo"

#include "config.h"

#include "gh-demo-data.h"
#include "gh-demo-server.h"

/* The demo business: a garden centre with a retail and a wholesale WhatsApp account.  The
 * data is made to look like what a small business really has, odd corners included: names
 * in every script, a blank name (Meta's own sample has one), markup-like text, tasks and enum
 * values the app does not know. */

#define DAY (24 * 60 * 60)

#define SIXTY_DAY_USER_ID    "104169029248311"
#define NO_MESSAGING_USER_ID "104169029248422"
#define PERSON_USER_ID       "1972385232339563"

static const char * const both_wabas[] = { GH_DEMO_WABA_ID, GH_DEMO_WABA2_ID, NULL };
static const char * const first_waba[] = { GH_DEMO_WABA_ID, NULL };

static const GhDemoProfile profiles[] = {
  {
    .token = GH_DEMO_TOKEN_ADMIN, .type = "SYSTEM_USER",
    .user_id = GH_DEMO_ADMIN_USER_ID, .user_name = GH_DEMO_ADMIN_USER_NAME,
    .can_write = TRUE, .management = TRUE, .messaging = TRUE, .business_management = TRUE,
    .issued_ago = 212 * DAY,
  },
  {
    /* Granted both accounts in the token dialog but assigned to the first one only: the
     * scopes promise more than the asset assignment gives. */
    .token = GH_DEMO_TOKEN_EMPLOYEE, .type = "SYSTEM_USER",
    .user_id = GH_DEMO_EMPLOYEE_USER_ID, .user_name = "Helpdesk Connector",
    .management = TRUE, .messaging = TRUE,
    .target_ids = both_wabas, .readable_wabas = first_waba,
    .issued_ago = 30 * DAY,
  },
  {
    .token = GH_DEMO_TOKEN_SIXTY_DAY, .type = "SYSTEM_USER",
    .user_id = SIXTY_DAY_USER_ID, .user_name = "Inventory Sync",
    .can_write = TRUE, .management = TRUE, .messaging = TRUE, .business_management = TRUE,
    .issued_ago = 15 * DAY, .expires_in = 45 * DAY, .data_access_in = 75 * DAY,
  },
  {
    /* The temporary token of App Dashboard → WhatsApp → API Setup. */
    .token = GH_DEMO_TOKEN_USER_24H, .type = "USER",
    .user_id = PERSON_USER_ID, .user_name = "Maria Lopez",
    .management = TRUE, .messaging = TRUE,
    .target_ids = first_waba, .readable_wabas = first_waba,
    .issued_ago = 2 * 60 * 60, .expires_in = DAY - 2 * 60 * 60,
    .data_access_in = 90 * DAY - 2 * 60 * 60,
  },
  {
    .token = GH_DEMO_TOKEN_NO_MESSAGING, .type = "SYSTEM_USER",
    .user_id = NO_MESSAGING_USER_ID, .user_name = "Reporting Export",
    .can_write = TRUE, .management = TRUE, .business_management = TRUE,
    .issued_ago = 61 * DAY,
  },
};

typedef struct
{
  const char *id;
  const char *name;
  const char *role;
  const char *waba_tasks;   /* comma list; NULL: not assigned */
  const char *waba2_tasks;
} SystemUserSpec;

static const SystemUserSpec system_users[] = {
  { GH_DEMO_ADMIN_USER_ID, GH_DEMO_ADMIN_USER_NAME, "ADMIN", "MANAGE", "MANAGE" },
  { GH_DEMO_EMPLOYEE_USER_ID, "Helpdesk Connector", "EMPLOYEE", "DEVELOP,MESSAGING", NULL },
  { SIXTY_DAY_USER_ID, "Inventory Sync", "ADMIN", "MANAGE", "MANAGE" },
  { NO_MESSAGING_USER_ID, "Reporting Export", "ADMIN", "MANAGE", "MANAGE" },
  { "104169029248533", "CRM Bridge", "EMPLOYEE", "DEVELOP", NULL },
  { "104169029248644", "Chatbot Platform", "EMPLOYEE", "MESSAGING,MANAGE_TEMPLATES", NULL },
  { "104169029248755", "Marketing Automation", "EMPLOYEE", NULL, NULL },
  { "104169029248866", "Backup Exporter", "EMPLOYEE", NULL, NULL },
  { "104169029248977", "Analytics Pipeline", "ADMIN", NULL, NULL },
};

typedef struct
{
  const char *id;
  const char *name;
  const char *first_name;
  const char *last_name;
  const char *email;
  const char *role;
  const char *waba_tasks;
  const char *waba2_tasks;
} BusinessUserSpec;

static const BusinessUserSpec business_users[] = {
  { PERSON_USER_ID, "Maria Lopez", "Maria", "Lopez", "maria.lopez@luckyshrub.example",
    "ADMIN", "MANAGE", NULL },
  { "1972385232742142", "Anna Flex", "Anna", "Flex", "anna@luckyshrub.example",
    "ADMIN", "MANAGE", "MANAGE" },
  { "1972385232752545", "Jasper Brown", "Jasper", "Brown", "jasper.brown@luckyshrub.example",
    "EMPLOYEE", "DEVELOP", NULL },
  { "1972385232993908", "Zoë Ångström", "Zoë", "Ångström", "zoe.angstrom@luckyshrub.example",
    "EMPLOYEE", "MANAGE_TEMPLATES,VIEW_TEMPLATES", NULL },
  { "1972385232158176", "José Núñez", "José", "Núñez", "jose.nunez@luckyshrub.example",
    "EMPLOYEE", "MESSAGING", NULL },
  { "1972385232414002", "مريم الحسيني", "مريم", "الحسيني", "maryam.h@luckyshrub.example",
    "EMPLOYEE", "VIEW_TEMPLATES", NULL },
  { "1972385232682554", "דוד כהן", "דוד", "כהן", "david.cohen@luckyshrub.example",
    "EMPLOYEE", "MANAGE_PHONE", NULL },
  { "1972385232050631", "Sam 🌵 Rivera", "Sam", "Rivera", "sam.rivera@luckyshrub.example",
    "EMPLOYEE", "DEVELOP,MESSAGING", NULL },
  /* Meta's own sample answer carries a person whose name is a single space. */
  { "1972385232075954", " ", "", "", "orders@luckyshrub.example",
    "EMPLOYEE", "VIEW_COST", NULL },
  { "1972385232861168", "<b>Bold & Co</b>", "<b>Bold", "& Co</b>", "agency@boldco.example",
    "EMPLOYEE", "VIEW_TEMPLATES", NULL },
  { "1972385232561913", "Priya Natarajan", "Priya", "Natarajan", "priya@luckyshrub.example",
    "ADMIN", "MANAGE", NULL },
  { "1972385232098702", "陈伟", "伟", "陈", "chen.wei@luckyshrub.example",
    "EMPLOYEE", "VIEW_TEMPLATES,VIEW_INSIGHTS", NULL },
  { "1972385232383452", "Olusegun Adeyemi", "Olusegun", "Adeyemi", "segun@luckyshrub.example",
    "EMPLOYEE", "MANAGE_EXTENSIONS", NULL },
  { "1972385232611097", "Fatima Zahra Benali", "Fatima Zahra", "Benali",
    "fatima.benali@luckyshrub.example", "FINANCE_EDITOR", "VIEW_COST,VIEW_INSIGHTS", NULL },
  { "1972385232060816", "Lars Øvergård", "Lars", "Øvergård", "lars@luckyshrub.example",
    "EMPLOYEE", "MANAGE_PHONE_ASSETS", NULL },
  { "1972385232953893", "Aoife Ní Bhriain", "Aoife", "Ní Bhriain", "aoife@luckyshrub.example",
    "EMPLOYEE", "VIEW_PHONE_ASSETS", NULL },
  { "1972385232532084", "Mateus Gonçalves", "Mateus", "Gonçalves",
    "mateus@luckyshrub.example", "EMPLOYEE", "MANAGE_TEMPLATES", NULL },
  { "1972385232225127", "Emily Carter", "Emily", "Carter", "emily.carter@luckyshrub.example",
    "EMPLOYEE", "DEVELOP", NULL },
  { "1972385232039317", "Kenji Watanabe", "Kenji", "Watanabe", "kenji@luckyshrub.example",
    "EMPLOYEE", "MESSAGING", NULL },
  { "1972385232090122", "Léa Dubois", "Léa", "Dubois", "lea.dubois@luckyshrub.example",
    "EMPLOYEE", "VIEW_TEMPLATES,VIEW_COST", NULL },
  { "1972385232454710", "Tomasz Wiśniewski", "Tomasz", "Wiśniewski",
    "tomasz@luckyshrub.example", "EMPLOYEE", "MANAGE_PHONE,VIEW_PHONE_ASSETS", NULL },
  { "1972385232438485", "Nguyễn Thị Lan", "Lan", "Nguyễn Thị", "lan.nguyen@luckyshrub.example",
    "EMPLOYEE", "MESSAGING", NULL },
  { "1972385232073248", "Александр Петров", "Александр", "Петров",
    "a.petrov@luckyshrub.example", "EMPLOYEE", "DEVELOP", NULL },
  { "1972385232252353", "Grace O'Connor", "Grace", "O'Connor", "grace@luckyshrub.example",
    "ADMIN", "MANAGE", NULL },
  { "1972385232095119", "Ravi Shankar", "Ravi", "Shankar", "ravi@luckyshrub.example",
    "FINANCE_EDITOR", "VIEW_COST", NULL },
  { "1972385232577814", "Sofia Rossi", "Sofia", "Rossi", "sofia.rossi@luckyshrub.example",
    "EMPLOYEE", "MANAGE_TEMPLATES,VIEW_TEMPLATES", NULL },
  { "1972385232445140", "Hannah Müller", "Hannah", "Müller", "hannah@luckyshrub.example",
    "EMPLOYEE", "MESSAGING", "MESSAGING,VIEW_TEMPLATES" },
  { "1972385232061981", "Diego Fernández", "Diego", "Fernández", "diego@luckyshrub.example",
    "EMPLOYEE", "DEVELOP,MESSAGING", NULL },
  { "1972385232867017", "Ayşe Yılmaz", "Ayşe", "Yılmaz", "ayse@luckyshrub.example",
    "EMPLOYEE", "VIEW_TEMPLATES", NULL },
  { "1972385232592921", "Kwame Mensah", "Kwame", "Mensah", "kwame@luckyshrub.example",
    "EMPLOYEE", "MANAGE_EXTENSIONS,DEVELOP", NULL },
  { "1972385232129815", "Ingrid Johansson", "Ingrid", "Johansson", "ingrid@luckyshrub.example",
    "EMPLOYEE", "VIEW_PHONE_ASSETS", NULL },
  { "1972385232993473", "Marcus Webb", "Marcus", "Webb", "marcus.webb@luckyshrub.example",
    "EMPLOYEE", "MANAGE_PHONE", NULL },
  { "1972385232234083", "Yuki Tanaka", "Yuki", "Tanaka", "yuki@luckyshrub.example",
    "EMPLOYEE", "MESSAGING", NULL },
  { "1972385232661259", "Isabela Costa", "Isabela", "Costa", "isabela@luckyshrub.example",
    "EMPLOYEE", "VIEW_COST,MANAGE_TEMPLATES", NULL },
  { "1972385232657911", "Noah Williams", "Noah", "Williams", "noah@luckyshrub.example",
    "EMPLOYEE", "DEVELOP", NULL },
  /* Members of the business with no access to any WhatsApp account yet: "Add person". */
  { "1972385232611316", "Oliver Schmidt", "Oliver", "Schmidt", "oliver@luckyshrub.example",
    "EMPLOYEE", NULL, NULL },
  { "1972385232993744", "Amara Okafor", "Amara", "Okafor", "amara@luckyshrub.example",
    "EMPLOYEE", NULL, NULL },
  { "1972385232064867", "Lucía Martín", "Lucía", "Martín", "lucia@luckyshrub.example",
    "EMPLOYEE", NULL, NULL },
};

/* What Meta's Security Center warns about: people who never turned on two-factor
 * authentication (Priya Natarajan, who has Full control; Jasper Brown; Sam Rivera), and one
 * who has not accepted the invitation to the business yet. */
static const char * const without_two_factor[] = {
  "1972385232561913", "1972385232752545", "1972385232050631", NULL
};

typedef struct
{
  const char *id;
  const char *display_phone_number;
  const char *verified_name;
  const char *quality_rating;
  const char *code_verification_status;
  const char *status;
  const char *name_status;
  const char *platform_type;
  const char *throughput;
  const char *account_mode;
  const char *callback_override;   /* nullable: the number's own webhook URL */
} PhoneSpec;

static const PhoneSpec waba_phones[] = {
  { GH_DEMO_PHONE_ID, "+1 555-025-3483", "Lucky Shrub", "GREEN", "VERIFIED", "CONNECTED",
    "APPROVED", "CLOUD_API", "STANDARD", "LIVE", NULL },
  { GH_DEMO_PHONE_PENDING_ID, "+1 555-014-7720", "Lucky Shrub Deliveries", "UNKNOWN",
    "NOT_VERIFIED", "PENDING", "PENDING_REVIEW", "CLOUD_API", "STANDARD", "LIVE", NULL },
  { GH_DEMO_PHONE_SANDBOX_ID, "+1 555-199-0042", "Test Number", "GREEN", "VERIFIED",
    "CONNECTED", "APPROVED", "CLOUD_API", "STANDARD", "SANDBOX", GH_DEMO_PHONE_OVERRIDE_URL },
};

static const PhoneSpec waba2_phones[] = {
  { GH_DEMO_PHONE2_FLAGGED_ID, "+49 30 901820", "Lucky Shrub Wholesale", "YELLOW", "VERIFIED",
    "FLAGGED", "APPROVED", "CLOUD_API", "STANDARD", "LIVE", NULL },
  { GH_DEMO_PHONE2_ON_PREMISE_ID, "+49 40 822 3150", "Lucky Shrub Großhandel", "RED",
    "EXPIRED", "RESTRICTED", "DECLINED", "ON_PREMISE", "NOT_APPLICABLE", "LIVE", NULL },
};

typedef struct
{
  const char *id;
  const char *name;
  const char *language;
  const char *status;
  const char *category;
  const char *header;       /* nullable */
  const char *body;
  const char *rejected_reason;
} TemplateSpec;

static const TemplateSpec waba_templates[] = {
  { "1289406511935470", "order_confirmation", "en_US", "APPROVED", "UTILITY", "Order received",
    "Hi {{1}}, thanks for your order {{2}}. We will let you know when it is ready.", "NONE" },
  { "1289406511935471", "delivery_update", "en_US", "APPROVED", "UTILITY", NULL,
    "Your plants are on the way! Expected delivery: {{1}}.", "NONE" },
  { "1289406511935472", "delivery_update", "es", "APPROVED", "UTILITY", NULL,
    "¡Tus plantas están en camino! Entrega prevista: {{1}}.", "NONE" },
  { "1289406511935473", "spring_sale_2026", "en_US", "APPROVED", "MARKETING", "Spring sale 🌷",
    "Hi {{1}}, everything for your garden is 20% off until Sunday.", "NONE" },
  { "1289406511935474", "verification_code", "en_US", "APPROVED", "AUTHENTICATION", NULL,
    "{{1}} is your verification code.", "NONE" },
  { "1289406511935475", "appointment_reminder", "en_US", "PENDING", "UTILITY", NULL,
    "Reminder: your garden design consultation is on {{1}} at {{2}}.", "NONE" },
  { "1289406511935476", "plant_care_tips", "en_US", "REJECTED", "MARKETING", NULL,
    "Buy now!!! Best plants ever, click {{1}}", "PROMOTIONAL" },
  { "1289406511935477", "loyalty_points", "en_US", "PAUSED", "MARKETING", NULL,
    "You have {{1}} Lucky Points. Redeem them in store.", "NONE" },
  { "1289406511935478", "black_friday_2025", "en_US", "DISABLED", "MARKETING", "Black Friday",
    "Our biggest sale of the year starts now.", "NONE" },
  { "1289406511935479", "return_request", "fr", "APPROVED", "UTILITY", NULL,
    "Votre demande de retour {{1}} a bien été reçue.", "NONE" },
  { "1289406511935480", "back_in_stock", "en_GB", "IN_APPEAL", "MARKETING", NULL,
    "Good news: {{1}} is back in stock at your local Lucky Shrub.", "INCORRECT_CATEGORY" },
  { "1289406511935481", "login_code", "es", "APPROVED", "AUTHENTICATION", NULL,
    "{{1}} es tu código de verificación.", "NONE" },
};

static const TemplateSpec waba2_templates[] = {
  { "1376220948310551", "wholesale_price_list", "de", "APPROVED", "MARKETING", "Preisliste",
    "Hallo {{1}}, die neue Großhandelspreisliste ist da.", "NONE" },
  { "1376220948310552", "order_shipped", "de", "APPROVED", "UTILITY", NULL,
    "Ihre Bestellung {{1}} wurde versandt.", "NONE" },
  { "1376220948310553", "invoice_ready", "en_US", "PENDING", "UTILITY", NULL,
    "Invoice {{1}} for {{2}} is ready.", "NONE" },
};

/* Task sets given to generated users in turn, an unknown one among them. */
static const char * const generated_tasks[] = {
  "MANAGE", "DEVELOP,MESSAGING", "VIEW_TEMPLATES", "MANAGE_TEMPLATES,VIEW_TEMPLATES",
  "MANAGE_PHONE", "VIEW_COST", "MANAGE_EXTENSIONS", "MESSAGING", "DEVELOP",
  "VIEW_PHONE_ASSETS,VIEW_INSIGHTS", "MANAGE_PHONE_ASSETS", "VIEW_TEMPLATES,VIEW_COST",
};

const GhDemoProfile *
gh_demo_profile_lookup (const char *token)
{
  if (token == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    if (g_str_equal (profiles[i].token, token))
      return &profiles[i];

  return NULL;
}

gboolean
gh_demo_profile_can_read_waba (const GhDemoProfile *profile,
                               const char          *waba_id)
{
  if (!profile->management)
    return FALSE;
  if (profile->readable_wabas == NULL)
    return TRUE;
  return g_strv_contains (profile->readable_wabas, waba_id);
}

static JsonArray *
tasks_from_list (const char *list)
{
  g_auto(GStrv) tasks = g_strsplit (list, ",", -1);
  JsonArray *array = json_array_sized_new (g_strv_length (tasks));

  for (guint i = 0; tasks[i] != NULL; i++)
    json_array_add_string_element (array, tasks[i]);

  return array;
}

static JsonObject *
assignee_new (const char *id,
              const char *name,
              const char *user_type,
              const char *tasks)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", name);
  if (tasks != NULL)
    json_object_set_array_member (object, "tasks", tasks_from_list (tasks));
  json_object_set_string_member (object, "user_type", user_type);

  return object;
}

static JsonObject *
phone_new (const PhoneSpec *spec)
{
  JsonObject *object = json_object_new ();
  JsonObject *throughput = json_object_new ();

  json_object_set_string_member (object, "id", spec->id);
  json_object_set_string_member (object, "display_phone_number", spec->display_phone_number);
  json_object_set_string_member (object, "verified_name", spec->verified_name);
  json_object_set_string_member (object, "quality_rating", spec->quality_rating);
  json_object_set_string_member (object, "code_verification_status",
                                 spec->code_verification_status);
  json_object_set_string_member (object, "status", spec->status);
  json_object_set_string_member (object, "name_status", spec->name_status);
  json_object_set_string_member (object, "platform_type", spec->platform_type);
  json_object_set_string_member (throughput, "level", spec->throughput);
  json_object_set_object_member (object, "throughput", throughput);
  json_object_set_string_member (object, "account_mode", spec->account_mode);
  json_object_set_boolean_member (object, "is_official_business_account", FALSE);
  if (spec->callback_override != NULL)
    {
      /* gh_demo_waba_refresh fills in the rest and keeps this. */
      JsonObject *webhooks = json_object_new ();

      json_object_set_string_member (webhooks, "phone_number", spec->callback_override);
      json_object_set_object_member (object, "webhook_configuration", webhooks);
    }

  return object;
}

static JsonObject *
component_new (const char *type,
               const char *text)
{
  JsonObject *component = json_object_new ();

  json_object_set_string_member (component, "type", type);
  if (g_str_equal (type, "HEADER"))
    json_object_set_string_member (component, "format", "TEXT");
  if (text != NULL)
    json_object_set_string_member (component, "text", text);

  return component;
}

static JsonObject *
template_new (const TemplateSpec *spec)
{
  JsonObject *object = json_object_new ();
  JsonArray *components = json_array_new ();

  json_object_set_string_member (object, "name", spec->name);
  json_object_set_string_member (object, "parameter_format", "POSITIONAL");
  if (g_str_equal (spec->category, "AUTHENTICATION"))
    {
      JsonObject *body = component_new ("BODY", NULL);
      JsonObject *footer = component_new ("FOOTER", NULL);
      JsonObject *buttons = component_new ("BUTTONS", NULL);
      JsonObject *button = json_object_new ();
      JsonArray *button_list = json_array_new ();

      json_object_set_boolean_member (body, "add_security_recommendation", TRUE);
      json_object_set_int_member (footer, "code_expiration_minutes", 10);
      json_object_set_string_member (button, "type", "OTP");
      json_object_set_string_member (button, "otp_type", "COPY_CODE");
      json_object_set_string_member (button, "text", "Copy code");
      json_array_add_object_element (button_list, button);
      json_object_set_array_member (buttons, "buttons", button_list);
      json_array_add_object_element (components, body);
      json_array_add_object_element (components, footer);
      json_array_add_object_element (components, buttons);
    }
  else
    {
      if (spec->header != NULL)
        json_array_add_object_element (components, component_new ("HEADER", spec->header));
      json_array_add_object_element (components, component_new ("BODY", spec->body));
    }
  json_object_set_array_member (object, "components", components);
  json_object_set_string_member (object, "language", spec->language);
  json_object_set_string_member (object, "status", spec->status);
  json_object_set_string_member (object, "category", spec->category);
  json_object_set_string_member (object, "rejected_reason", spec->rejected_reason);
  json_object_set_string_member (object, "id", spec->id);

  return object;
}

static JsonObject *
business_info_new (const char *id,
                   const char *name)
{
  JsonObject *info = json_object_new ();

  json_object_set_string_member (info, "name", name);
  json_object_set_string_member (info, "id", id);

  return info;
}

static void
waba_free (GhDemoWaba *waba)
{
  g_free (waba->id);
  json_object_unref (waba->node);
  g_ptr_array_unref (waba->phone_numbers);
  g_ptr_array_unref (waba->templates);
  g_ptr_array_unref (waba->assigned_users);
  g_ptr_array_unref (waba->subscribed_apps);
  g_free (waba);
}

static GhDemoWaba *
waba_new (const char *id)
{
  GhDemoWaba *waba = g_new0 (GhDemoWaba, 1);

  waba->id = g_strdup (id);
  waba->node = json_object_new ();
  waba->phone_numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  waba->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  waba->assigned_users = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  waba->subscribed_apps = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  json_object_set_string_member (waba->node, "id", id);

  return waba;
}

static void
set_strings (JsonObject *object,
             const char *first_key,
             ...)
{
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    json_object_set_string_member (object, key, va_arg (args, const char *));
  va_end (args);
}

static void
add_assignments (GhDemoData *data,
                 gboolean    second)
{
  GhDemoWaba *waba = g_ptr_array_index (data->wabas, second ? 1 : 0);

  for (guint i = 0; i < G_N_ELEMENTS (business_users); i++)
    {
      const BusinessUserSpec *spec = &business_users[i];
      const char *tasks = second ? spec->waba2_tasks : spec->waba_tasks;

      if (tasks != NULL)
        g_ptr_array_add (waba->assigned_users,
                         assignee_new (spec->id, spec->name, "BUSINESS_USER", tasks));
    }

  /* System users come after the people, the way Business Settings lists them. */
  for (guint i = 0; i < G_N_ELEMENTS (system_users); i++)
    {
      const SystemUserSpec *spec = &system_users[i];
      const char *tasks = second ? spec->waba2_tasks : spec->waba_tasks;

      if (tasks != NULL)
        g_ptr_array_add (waba->assigned_users,
                         assignee_new (spec->id, spec->name, "SYSTEM_USER", tasks));
    }
}

GhDemoData *
gh_demo_data_new (void)
{
  GhDemoData *data = g_new0 (GhDemoData, 1);
  GhDemoWaba *waba;

  data->business = json_object_new ();
  set_strings (data->business,
               "id", GH_DEMO_BUSINESS_ID,
               "name", GH_DEMO_BUSINESS_NAME,
               "verification_status", "verified",
               "created_time", "2019-03-08T16:20:44+0000",
               "vertical", "RETAIL",
               NULL);

  data->system_users = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (system_users); i++)
    {
      JsonObject *object = json_object_new ();

      set_strings (object,
                   "id", system_users[i].id,
                   "name", system_users[i].name,
                   "role", system_users[i].role,
                   NULL);
      g_ptr_array_add (data->system_users, object);
    }

  data->business_users = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (business_users); i++)
    {
      JsonObject *object = json_object_new ();

      set_strings (object,
                   "id", business_users[i].id,
                   "name", business_users[i].name,
                   "email", business_users[i].email,
                   "role", business_users[i].role,
                   "first_name", business_users[i].first_name,
                   "last_name", business_users[i].last_name,
                   "two_fac_status", g_strv_contains (without_two_factor, business_users[i].id)
                                     ? "disabled" : "enabled",
                   /* Empty for everyone who has joined, as fields= asks for it of all. */
                   "pending_email", g_str_equal (business_users[i].id, GH_DEMO_PENDING_USER_ID)
                                    ? business_users[i].email : "",
                   NULL);
      g_ptr_array_add (data->business_users, object);
    }

  data->wabas = g_ptr_array_new_with_free_func ((GDestroyNotify) waba_free);
  data->owned_wabas = g_ptr_array_new ();
  data->client_wabas = g_ptr_array_new ();

  waba = waba_new (GH_DEMO_WABA_ID);
  set_strings (waba->node,
               "name", GH_DEMO_WABA_NAME,
               "currency", "USD",
               "timezone_id", "1",
               "message_template_namespace", "c8ae5f90_307a_ca4c_b8f6_d1e2a2573574",
               "account_review_status", "APPROVED",
               "business_verification_status", "verified",
               "country", "US",
               "ownership_type", "SELF",
               "primary_business_location", "US",
               "whatsapp_business_manager_messaging_limit", "TIER_10K",
               "creation_time", "2023-04-12T09:31:05+0000",
               "status", "ACTIVE",
               NULL);
  json_object_set_object_member (waba->node, "owner_business_info",
                                 business_info_new (GH_DEMO_BUSINESS_ID,
                                                    GH_DEMO_BUSINESS_NAME));
  for (guint i = 0; i < G_N_ELEMENTS (waba_phones); i++)
    g_ptr_array_add (waba->phone_numbers, phone_new (&waba_phones[i]));
  for (guint i = 0; i < G_N_ELEMENTS (waba_templates); i++)
    g_ptr_array_add (waba->templates, template_new (&waba_templates[i]));
  /* The retail account is ready: healthy, and its webhooks reach the helpdesk at a URL of
   * their own, the way integrations serving several accounts set it up. */
  waba->health = GH_DEMO_HEALTH_AVAILABLE;
  gh_demo_waba_subscribe_app (waba);
  json_object_set_string_member (g_ptr_array_index (waba->subscribed_apps, 0),
                                 "override_callback_uri", GH_DEMO_WABA_OVERRIDE_URL);
  gh_demo_waba_refresh (waba);
  g_ptr_array_add (data->wabas, waba);
  g_ptr_array_add (data->owned_wabas, waba);

  /* The wholesale account was set up for a partner: shared with the business rather than
   * owned, still in review, and using values the app may not know. */
  waba = waba_new (GH_DEMO_WABA2_ID);
  set_strings (waba->node,
               "name", GH_DEMO_WABA2_NAME,
               "currency", "EUR",
               "timezone_id", "101",
               "message_template_namespace", "5e1c0a7d_92b4_4f1e_a3c6_0b7d9e2f4a81",
               "account_review_status", "PENDING",
               "business_verification_status", "not_verified",
               "country", "DE",
               "ownership_type", "CLIENT_OWNED",
               "primary_business_location", "DE",
               "whatsapp_business_manager_messaging_limit", "TIER_2K",
               "creation_time", "2024-01-23T14:02:41+0000",
               "status", "ACTIVE",
               NULL);
  json_object_set_object_member (waba->node, "owner_business_info",
                                 business_info_new (GH_DEMO_BUSINESS_ID,
                                                    GH_DEMO_BUSINESS_NAME));
  json_object_set_object_member (waba->node, "on_behalf_of_business_info",
                                 business_info_new ("1185206391742286",
                                                    "Lucky Shrub Wholesale GmbH"));
  for (guint i = 0; i < G_N_ELEMENTS (waba2_phones); i++)
    g_ptr_array_add (waba->phone_numbers, phone_new (&waba2_phones[i]));
  for (guint i = 0; i < G_N_ELEMENTS (waba2_templates); i++)
    g_ptr_array_add (waba->templates, template_new (&waba2_templates[i]));
  /* The helpdesk was never subscribed here: the connector it replaced still is. */
  waba->health = GH_DEMO_HEALTH_WABA_UNVERIFIED;
  g_ptr_array_add (waba->subscribed_apps,
                   gh_demo_app_subscription_new (GH_DEMO_OTHER_APP_ID, GH_DEMO_OTHER_APP_NAME));
  gh_demo_waba_refresh (waba);
  g_ptr_array_add (data->wabas, waba);
  g_ptr_array_add (data->client_wabas, waba);

  add_assignments (data, FALSE);
  add_assignments (data, TRUE);

  return data;
}

void
gh_demo_data_free (GhDemoData *data)
{
  if (data == NULL)
    return;

  json_object_unref (data->business);
  g_ptr_array_unref (data->system_users);
  g_ptr_array_unref (data->business_users);
  g_ptr_array_unref (data->owned_wabas);
  g_ptr_array_unref (data->client_wabas);
  g_ptr_array_unref (data->wabas);
  g_free (data);
}

GhDemoWaba *
gh_demo_data_find_waba (GhDemoData *data,
                        const char *waba_id)
{
  for (guint i = 0; i < data->wabas->len; i++)
    {
      GhDemoWaba *waba = g_ptr_array_index (data->wabas, i);

      if (g_strcmp0 (waba->id, waba_id) == 0)
        return waba;
    }

  return NULL;
}

static JsonObject *
find_by_id (GPtrArray  *objects,
            const char *id)
{
  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "id", NULL), id) == 0)
        return object;
    }

  return NULL;
}

JsonObject *
gh_demo_data_find_phone (GhDemoData  *data,
                         const char  *phone_id,
                         GhDemoWaba **waba)
{
  for (guint i = 0; i < data->wabas->len; i++)
    {
      GhDemoWaba *candidate = g_ptr_array_index (data->wabas, i);
      JsonObject *phone = find_by_id (candidate->phone_numbers, phone_id);

      if (phone != NULL)
        {
          *waba = candidate;
          return phone;
        }
    }

  return NULL;
}

JsonObject *
gh_demo_data_new_assignee (GhDemoData *data,
                           const char *user_id)
{
  JsonObject *person;

  if ((person = find_by_id (data->system_users, user_id)) != NULL)
    return assignee_new (user_id, json_object_get_string_member (person, "name"),
                         "SYSTEM_USER", NULL);
  if ((person = find_by_id (data->business_users, user_id)) != NULL)
    return assignee_new (user_id, json_object_get_string_member (person, "name"),
                         "BUSINESS_USER", NULL);

  return NULL;
}

gint
gh_demo_waba_find_user (GhDemoWaba *waba,
                        const char *user_id)
{
  for (guint i = 0; i < waba->assigned_users->len; i++)
    {
      JsonObject *object = g_ptr_array_index (waba->assigned_users, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "id", NULL),
                     user_id) == 0)
        return (gint) i;
    }

  return -1;
}

void
gh_demo_waba_generate_users (GhDemoWaba *waba,
                             guint       count)
{
  g_ptr_array_unref (waba->assigned_users);
  waba->assigned_users = g_ptr_array_new_full (count, (GDestroyNotify) json_object_unref);

  for (guint i = 0; i < count; i++)
    {
      char id[32];
      char name[32];
      /* One in fifty is an integration rather than a person, like in a large company. */
      gboolean system = (i % 50) == 49;

      g_snprintf (id, sizeof id, "%" G_GUINT64_FORMAT,
                  (guint64) G_GUINT64_CONSTANT (1300000000000000) + (guint64) i * 7919);
      g_snprintf (name, sizeof name, "Person %05u", i + 1);
      g_ptr_array_add (waba->assigned_users,
                       assignee_new (id, name, system ? "SYSTEM_USER" : "BUSINESS_USER",
                                     generated_tasks[i % G_N_ELEMENTS (generated_tasks)]));
    }
}
