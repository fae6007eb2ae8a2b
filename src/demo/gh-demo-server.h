/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A stand-in for Meta's Graph API on 127.0.0.1, speaking the subset Gatehouse uses with the
 * data of a small demo business.  Used by `gatehouse --demo`, the tests and the benchmarks.
 * Knobs inject the failures real admins meet. */
#define GH_TYPE_DEMO_SERVER (gh_demo_server_get_type ())
G_DECLARE_FINAL_TYPE (GhDemoServer, gh_demo_server, GH, DEMO_SERVER, GObject)

/* Token profiles.  Any other bearer token is invalid (error 190). */
#define GH_DEMO_TOKEN_ADMIN \
  "EAAGhDemoAdminSystemUserNeverExpiresZx7Qm2Lp9Rt4Vb8Nc3Kd6Wf1Hj5Sg0Ya2Ue7Io4Pq9x9Qf"
#define GH_DEMO_TOKEN_EMPLOYEE \
  "EAAGhDemoEmployeeSystemUserNoEditRightsMm3Nb7Vc2Xz5Lk8Jh1Gf4Ds6Aq9Wp0Oe3Ri7Ty2Ku5"
#define GH_DEMO_TOKEN_SIXTY_DAY \
  "EAAGhDemoSixtyDayTokenExpiresSoonRt5Yu8Io1Pa4Sd7Fg0Hj3Kl6Zx9Cv2Bn5Mq8We1Er4Ty7Ui0"
#define GH_DEMO_TOKEN_USER_24H \
  "EAAGhDemoPersonalTwentyFourHourTokenQa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8Ol9Pz0Xc1Vb2Nm3Lk4Jh5"
#define GH_DEMO_TOKEN_NO_MESSAGING \
  "EAAGhDemoTokenWithoutMessagingScopeZa9Xs8Cd7Vf6Bg5Nh4Mj3Kl2Po1Iu0Yt9Re8Wq7As6Df5"

/* IDs of the demo business and its two WhatsApp Business Accounts. */
#define GH_DEMO_BUSINESS_ID      "1098765432101234"
#define GH_DEMO_BUSINESS_NAME    "Lucky Shrub Garden Centre"
#define GH_DEMO_WABA_ID          "102290129340398"
#define GH_DEMO_WABA_NAME        "Lucky Shrub"
#define GH_DEMO_WABA2_ID         "104996122399160"
#define GH_DEMO_WABA2_NAME       "Lucky Shrub Wholesale"
#define GH_DEMO_APP_ID           "634974688087057"
#define GH_DEMO_APP_NAME         "Lucky Shrub Helpdesk"
#define GH_DEMO_ADMIN_USER_ID    "104169029247128"
#define GH_DEMO_ADMIN_USER_NAME  "Gatehouse Integration"
#define GH_DEMO_EMPLOYEE_USER_ID "104169029247999"
/* A person invited to the business who has not accepted yet: business_users gives them a
 * pending_email (everyone else an empty one).  Three others have two_fac_status "disabled",
 * everyone else "enabled". */
#define GH_DEMO_PENDING_USER_ID  "1972385232064867"

/* Where the demo app (GH_DEMO_APP_ID, the app of every demo token) receives webhooks. */
#define GH_DEMO_APP_CALLBACK_URL "https://helpdesk.luckyshrub.example/whatsapp/webhook"
/* The callback override of the demo app's subscription to the first account. */
#define GH_DEMO_WABA_OVERRIDE_URL \
  "https://helpdesk.luckyshrub.example/whatsapp/webhook/" GH_DEMO_WABA_ID
/* Another app, the only one subscribed to the second account's webhooks at start. */
#define GH_DEMO_OTHER_APP_ID     "429318775640139"
#define GH_DEMO_OTHER_APP_NAME   "Old Helpdesk Connector"

/* Phone numbers of the first account: registered and fully healthy; not registered for Cloud
 * API yet (status PENDING, display name in review: its PHONE_NUMBER entity is LIMITED); a
 * test number (account_mode SANDBOX) whose webhooks go to its own override. */
#define GH_DEMO_PHONE_ID             "106540352242922"
#define GH_DEMO_PHONE_PENDING_ID     "113829405716283"
#define GH_DEMO_PHONE_SANDBOX_ID     "109283746501928"
#define GH_DEMO_PHONE_OVERRIDE_URL   "https://staging.luckyshrub.example/whatsapp/webhook"
/* Phone numbers of the second account: quality FLAGGED; an On-Premises number whose display
 * name was declined (its PHONE_NUMBER entity is LIMITED). */
#define GH_DEMO_PHONE2_FLAGGED_ID    "117392018465730"
#define GH_DEMO_PHONE2_ON_PREMISE_ID "118273645019283"

/* What holds an account back in its health_status (GET /{waba-id}?fields=health_status and
 * GET /{phone-id}?fields=health_status), as flags.  The first account starts AVAILABLE, the
 * second with GH_DEMO_HEALTH_WABA_UNVERIFIED. */
typedef enum
{
  GH_DEMO_HEALTH_AVAILABLE           = 0,      /* every entity AVAILABLE */
  GH_DEMO_HEALTH_WABA_UNVERIFIED     = 1 << 0, /* WABA entity LIMITED, error 141010 */
  GH_DEMO_HEALTH_PAYMENT_METHOD      = 1 << 1, /* WABA entity BLOCKED, error 141006 */
  GH_DEMO_HEALTH_BUSINESS_UNVERIFIED = 1 << 2, /* BUSINESS entity LIMITED, error 141010 */
} GhDemoHealth;

typedef enum
{
  GH_DEMO_FAULT_NONE,
  GH_DEMO_FAULT_NOT_JSON,        /* 200 with an HTML body */
  GH_DEMO_FAULT_TRUNCATED,       /* 200 with half a JSON document */
  GH_DEMO_FAULT_DROP,            /* close the connection without an answer */
} GhDemoFault;

/* Listens on 127.0.0.1, port chosen by the system, serving on the thread-default context. */
GhDemoServer *gh_demo_server_new                 (GError      **error);
/* "http://127.0.0.1:PORT" without a trailing slash; pass it as the Graph base URL. */
const char   *gh_demo_server_get_url             (GhDemoServer *self);

/* HTTP requests served (a batch is one), and Graph operations (a batch of 3 is 3). */
guint         gh_demo_server_get_request_count   (GhDemoServer *self);
guint         gh_demo_server_get_operation_count (GhDemoServer *self);
/* Graph operations that may change something: every POST and DELETE, alone or inside a
 * batch, refused ones included; never the batch request that carries them. */
guint         gh_demo_server_get_write_count     (GhDemoServer *self);
/* Those operations in order, as "METHOD path" ("POST 102290129340398/subscribed_apps"):
 * the path without version or parameters, never the token. */
char        **gh_demo_server_dup_write_log       (GhDemoServer *self);
/* Zeroes every count and empties the write log. */
void          gh_demo_server_reset_counts        (GhDemoServer *self);
/* The Authorization-less requests and query-string tokens seen (must stay 0). */
guint         gh_demo_server_get_token_in_url_count (GhDemoServer *self);

/* Delay before every HTTP answer. */
void          gh_demo_server_set_latency         (GhDemoServer *self,
                                                  guint         milliseconds);
/* Answer operations whose path (without version, e.g. "me" or "<waba>/assigned_users")
 * starts with @path_prefix with this Graph error.  @times: how many times, 0 = always. */
void          gh_demo_server_set_error           (GhDemoServer *self,
                                                  const char   *path_prefix,
                                                  guint         http_status,
                                                  gint          graph_code,
                                                  gint          graph_subcode,
                                                  guint         times);
/* Transport-level fault for HTTP requests whose path starts with @path_prefix. */
void          gh_demo_server_set_fault           (GhDemoServer *self,
                                                  const char   *path_prefix,
                                                  GhDemoFault   fault,
                                                  guint         times);
/* After @calls more WABA operations, answer 80008 with the usage header saying
 * @wait_minutes, until gh_demo_server_clear_faults.  0 calls turns it off. */
void          gh_demo_server_set_rate_limit      (GhDemoServer *self,
                                                  guint         calls,
                                                  guint         wait_minutes);
/* Forgets every fault and the calls counted against the hour's budget (which otherwise
 * report usage as calls in the last hour ÷ 2, as Meta's 200 an hour would). */
void          gh_demo_server_clear_faults        (GhDemoServer *self);
/* TRUE: a POST to assigned_users adds the tasks to those held instead of replacing them
 * (Meta does not document which it does).  Not reset by clear_faults. */
void          gh_demo_server_set_assign_adds     (GhDemoServer *self,
                                                  gboolean      adds);
/* Replaces the assigned users of @waba_id with @count generated ones (for scale tests). */
void          gh_demo_server_set_assigned_user_count (GhDemoServer *self,
                                                      const char   *waba_id,
                                                      guint         count);
guint         gh_demo_server_get_assigned_user_count (GhDemoServer *self,
                                                      const char   *waba_id);
/* What someone does in Business Suite, where Gatehouse cannot see it: gives @user_id (a
 * system user or person of the demo business) @tasks on @waba_id (comma-separated wire
 * names, "MANAGE,DEVELOP"; a person not assigned yet is added at the end), or takes their
 * access away when @tasks is NULL.  Counts no call.  FALSE when the business has no such
 * person. */
gboolean      gh_demo_server_set_assigned_tasks  (GhDemoServer *self,
                                                  const char   *waba_id,
                                                  const char   *user_id,
                                                  const char   *tasks);
/* Replaces what holds @waba_id back, in the health of the account and of its phone numbers
 * (a BUSINESS problem shows in this account's answers only).  Not reset by clear_faults. */
void          gh_demo_server_set_health          (GhDemoServer *self,
                                                  const char   *waba_id,
                                                  GhDemoHealth  health);

G_END_DECLS
