/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-graph-error"

#include "config.h"

#include <string.h>

#include "gh-graph-error.h"
#include "gh-graph-error-private.h"
#include "gh-graph-redact.h"

#define FAKE_TOKEN "EAAGm0PX4ZCpsBAKZCZBvh7Qx9LkTzWq1Yb3R5nM8cD2eF6gH0iJ4kL7mN9oP1qR3sT5uV"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

typedef struct
{
  gint64           code;
  gint64           subcode;
  guint            http_status;
  GhGraphErrorCode expected;
} MappingRow;

static const MappingRow mapping[] = {
  { 190, 0, 400, GH_GRAPH_ERROR_INVALID_TOKEN },
  { 190, 460, 400, GH_GRAPH_ERROR_INVALID_TOKEN },
  { 190, 458, 400, GH_GRAPH_ERROR_INVALID_TOKEN },
  { 190, 467, 400, GH_GRAPH_ERROR_INVALID_TOKEN },
  { 190, 463, 400, GH_GRAPH_ERROR_TOKEN_EXPIRED },
  { 10, 0, 403, GH_GRAPH_ERROR_PERMISSION },
  { 200, 0, 403, GH_GRAPH_ERROR_PERMISSION },
  { 200, 1349174, 403, GH_GRAPH_ERROR_PERMISSION },
  { 250, 0, 400, GH_GRAPH_ERROR_PERMISSION },
  { 299, 0, 400, GH_GRAPH_ERROR_PERMISSION },
  { 4, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED },
  { 17, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED },
  { 32, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED },
  { 613, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED },
  { 80007, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED },
  { 80008, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED },
  { 100, 0, 400, GH_GRAPH_ERROR_INVALID_PARAMETER },
  { 100, 33, 400, GH_GRAPH_ERROR_INVALID_PARAMETER },
  { 415, 0, 400, GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED },
  { 415, 2859009, 400, GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED },
  { 368, 0, 400, GH_GRAPH_ERROR_ACCOUNT_RESTRICTED },
  { 131031, 0, 400, GH_GRAPH_ERROR_ACCOUNT_RESTRICTED },
  { 1, 0, 500, GH_GRAPH_ERROR_SERVER },
  { 2, 0, 503, GH_GRAPH_ERROR_SERVER },
  { 131000, 0, 500, GH_GRAPH_ERROR_SERVER },
  { 0, 0, 502, GH_GRAPH_ERROR_SERVER },
  { 12345, 0, 500, GH_GRAPH_ERROR_SERVER },
  { 12345, 0, 400, GH_GRAPH_ERROR_UNKNOWN },
  { 300, 0, 400, GH_GRAPH_ERROR_UNKNOWN },
  { 0, 0, 0, GH_GRAPH_ERROR_UNKNOWN },
};

static void
test_mapping_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (mapping); i++)
    {
      const MappingRow *row = &mapping[i];
      g_autofree char *json = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("code %" G_GINT64_FORMAT " subcode %" G_GINT64_FORMAT " HTTP %u",
                      row->code, row->subcode, row->http_status);
      g_assert_cmpint (gh_graph_error_code_from_graph (row->code, row->subcode,
                                                       row->http_status), ==, row->expected);

      /* The same row through the JSON path, the way the client meets it. */
      json = g_strdup_printf ("{\"message\": \"(#%" G_GINT64_FORMAT ") Something\", "
                              "\"type\": \"OAuthException\", \"code\": %" G_GINT64_FORMAT
                              ", \"error_subcode\": %" G_GINT64_FORMAT
                              ", \"fbtrace_id\": \"AbCdEf123\"}",
                              row->code, row->code, row->subcode);
      object = parse_object (json);
      error = gh_graph_error_new_from_json (object, row->http_status);
      g_assert_error (error, GH_GRAPH_ERROR, (int) row->expected);
      g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, row->code);
      g_assert_cmpint (_gh_graph_error_get_graph_subcode (error), ==, row->subcode);
      g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, row->http_status);
      g_assert_cmpstr (error->message, ==, gh_graph_error_code_to_summary (row->expected));
    }
}

static void
test_transient_unknown (void)
{
  g_autoptr(JsonObject) transient = parse_object (
    "{\"message\": \"An unexpected error has occurred.\", \"code\": 9999, "
    "\"is_transient\": true}");
  g_autoptr(JsonObject) permanent = parse_object (
    "{\"message\": \"An unexpected error has occurred.\", \"code\": 9999, "
    "\"is_transient\": false}");
  g_autoptr(JsonObject) rate = parse_object (
    "{\"message\": \"Too many calls\", \"code\": 80008, \"is_transient\": true}");
  g_autoptr(GError) transient_error = gh_graph_error_new_from_json (transient, 400);
  g_autoptr(GError) permanent_error = gh_graph_error_new_from_json (permanent, 400);
  g_autoptr(GError) rate_error = gh_graph_error_new_from_json (rate, 400);

  g_assert_error (transient_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_SERVER);
  g_assert_true (_gh_graph_error_is_transient (transient_error));
  g_assert_error (permanent_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_UNKNOWN);
  g_assert_false (_gh_graph_error_is_transient (permanent_error));
  /* A known code wins over is_transient. */
  g_assert_error (rate_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_RATE_LIMITED);
  g_assert_true (_gh_graph_error_is_transient (rate_error));
}

static void
test_documented_sample (void)
{
  /* graph-api.md, "Errors", with the ellipses filled in. */
  g_autoptr(JsonObject) object = parse_object (
    "{\"message\": \"(#200) Permissions error\", \"type\": \"OAuthException\","
    " \"code\": 200, \"error_subcode\": 1349174, \"error_user_title\": \"No access\","
    " \"error_user_msg\": \"You do not have access to this account.\","
    " \"fbtrace_id\": \"AbCxYz0123\", \"is_transient\": false}");
  g_autoptr(GError) error = gh_graph_error_new_from_json (object, 403);
  g_autoptr(GError) copy = NULL;
  g_autofree char *details = NULL;

  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_PERMISSION);
  g_assert_cmpint (gh_graph_error_get_graph_code (error), ==, 200);
  g_assert_cmpint (_gh_graph_error_get_graph_subcode (error), ==, 1349174);
  g_assert_cmpstr (gh_graph_error_get_graph_message (error), ==, "(#200) Permissions error");
  g_assert_cmpstr (gh_graph_error_get_user_title (error), ==, "No access");
  g_assert_cmpstr (gh_graph_error_get_user_message (error), ==,
                   "You do not have access to this account.");
  g_assert_cmpstr (gh_graph_error_get_fbtrace_id (error), ==, "AbCxYz0123");
  g_assert_cmpuint (_gh_graph_error_get_http_status (error), ==, 403);
  g_assert_false (_gh_graph_error_is_transient (error));
  g_assert_cmpuint (gh_graph_error_get_retry_after (error), ==, 0);

  /* The message a person reads is ours, not Meta's raw text. */
  g_assert_null (strstr (error->message, "(#200)"));
  g_assert_cmpstr (error->message, ==, gh_graph_error_code_to_summary (GH_GRAPH_ERROR_PERMISSION));

  details = gh_graph_error_format_details (error);
  g_assert_nonnull (strstr (details, "AbCxYz0123"));
  g_assert_nonnull (strstr (details, "200"));
  g_assert_nonnull (strstr (details, "1349174"));
  g_assert_nonnull (strstr (details, "(#200) Permissions error"));

  /* The details survive a copy, as when a GTask hands the error on. */
  gh_graph_error_set_retry_after (error, 120);
  copy = g_error_copy (error);
  g_assert_cmpstr (gh_graph_error_get_fbtrace_id (copy), ==, "AbCxYz0123");
  g_assert_cmpuint (gh_graph_error_get_retry_after (copy), ==, 120);
  g_assert_cmpint (_gh_graph_error_get_graph_subcode (copy), ==, 1349174);
}

static void
test_error_data_shapes (void)
{
  g_autoptr(JsonObject) as_string = parse_object (
    "{\"message\": \"Invalid parameter\", \"code\": 100,"
    " \"error_data\": \"{\\\"blame_field_specs\\\":[[\\\"business\\\"]]}\","
    " \"fbtrace_id\": \"Trace1\"}");
  g_autoptr(JsonObject) as_object = parse_object (
    "{\"message\": \"Invalid parameter\", \"code\": 100,"
    " \"error_data\": {\"messaging_product\": \"whatsapp\", \"details\": \"Bad ID\"},"
    " \"fbtrace_id\": \"Trace2\"}");
  g_autoptr(JsonObject) odd = parse_object (
    "{\"message\": 42, \"code\": \"190\", \"error_subcode\": \"463\","
    " \"error_data\": [1, 2], \"fbtrace_id\": {\"x\": 1}, \"is_transient\": \"yes\"}");
  g_autoptr(GError) string_error = gh_graph_error_new_from_json (as_string, 400);
  g_autoptr(GError) object_error = gh_graph_error_new_from_json (as_object, 400);
  g_autoptr(GError) odd_error = gh_graph_error_new_from_json (odd, 400);
  g_autoptr(GError) null_error = gh_graph_error_new_from_json (NULL, 0);
  g_autofree char *string_details = gh_graph_error_format_details (string_error);
  g_autofree char *object_details = gh_graph_error_format_details (object_error);
  g_autofree char *odd_details = gh_graph_error_format_details (odd_error);

  g_assert_error (string_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_nonnull (strstr (string_details, "blame_field_specs"));
  g_assert_nonnull (strstr (string_details, "Trace1"));
  g_assert_cmpint (_gh_graph_error_get_graph_subcode (string_error), ==, 0);

  g_assert_error (object_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_PARAMETER);
  g_assert_nonnull (strstr (object_details, "Bad ID"));
  g_assert_nonnull (strstr (object_details, "Trace2"));

  /* Numbers sent as strings still count; wrong types are ignored. */
  g_assert_error (odd_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_TOKEN_EXPIRED);
  g_assert_null (gh_graph_error_get_graph_message (odd_error));
  g_assert_null (gh_graph_error_get_fbtrace_id (odd_error));
  g_assert_nonnull (odd_details);

  g_assert_error (null_error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_UNKNOWN);
}

static void
test_token_never_in_message (void)
{
  g_autofree char *json = g_strdup_printf (
    "{\"message\": \"Malformed access token " FAKE_TOKEN "\", \"code\": 190,"
    " \"error_user_msg\": \"Bearer " FAKE_TOKEN "\","
    " \"error_data\": \"access_token=" FAKE_TOKEN "\", \"fbtrace_id\": \"T1\"}");
  g_autoptr(JsonObject) object = parse_object (json);
  g_autoptr(GError) error = gh_graph_error_new_from_json (object, 400);
  g_autofree char *details = gh_graph_error_format_details (error);

  g_assert_error (error, GH_GRAPH_ERROR, GH_GRAPH_ERROR_INVALID_TOKEN);
  g_assert_null (strstr (error->message, "EAA"));
  g_assert_null (strstr (details, FAKE_TOKEN));
  g_assert_null (strstr (details, "EAAG"));
  g_assert_null (strstr (gh_graph_error_get_graph_message (error), FAKE_TOKEN));
  g_assert_null (strstr (gh_graph_error_get_user_message (error), FAKE_TOKEN));
  g_assert_nonnull (strstr (details, "[redacted]"));
  g_assert_nonnull (strstr (details, "T1"));
}

static void
test_summaries (void)
{
  for (int code = GH_GRAPH_ERROR_NETWORK; code <= GH_GRAPH_ERROR_PAGE_BUDGET; code++)
    {
      const char *summary = gh_graph_error_code_to_summary (code);
      const char *next_step = gh_graph_error_code_to_next_step (code);

      g_assert_nonnull (summary);
      g_assert_nonnull (next_step);
      g_assert_true (g_str_has_suffix (summary, "."));
      g_assert_true (g_str_has_suffix (next_step, "."));
      g_assert_cmpstr (summary, !=, next_step);

      for (int other = GH_GRAPH_ERROR_NETWORK; other < code; other++)
        g_assert_cmpstr (summary, !=, gh_graph_error_code_to_summary (other));
    }
}

static void
test_literal_and_foreign (void)
{
  g_autoptr(GError) literal = gh_graph_error_new_literal (GH_GRAPH_ERROR_NETWORK, NULL);
  g_autoptr(GError) custom = gh_graph_error_new_literal (GH_GRAPH_ERROR_TIMEOUT, "Slow.");
  g_autoptr(GError) foreign = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                   "Failed with " FAKE_TOKEN);
  g_autofree char *foreign_details = NULL;

  g_assert_error (literal, GH_GRAPH_ERROR, GH_GRAPH_ERROR_NETWORK);
  g_assert_cmpstr (literal->message, ==,
                   gh_graph_error_code_to_summary (GH_GRAPH_ERROR_NETWORK));
  g_assert_cmpint (gh_graph_error_get_graph_code (literal), ==, 0);
  g_assert_null (gh_graph_error_get_fbtrace_id (literal));
  gh_graph_error_set_retry_after (literal, 30);
  g_assert_cmpuint (gh_graph_error_get_retry_after (literal), ==, 30);

  g_assert_cmpstr (custom->message, ==, "Slow.");

  /* Accessors on other domains answer "absent", never crash. */
  g_assert_cmpint (gh_graph_error_get_graph_code (foreign), ==, 0);
  g_assert_null (gh_graph_error_get_graph_message (foreign));
  g_assert_cmpuint (gh_graph_error_get_retry_after (foreign), ==, 0);
  g_assert_false (_gh_graph_error_is_transient (foreign));
  g_assert_cmpint (gh_graph_error_get_graph_code (NULL), ==, 0);
  foreign_details = gh_graph_error_format_details (foreign);
  g_assert_null (strstr (foreign_details, FAKE_TOKEN));
}

static void
test_transport (void)
{
  struct {
    GQuark           domain;
    int              code;
    GhGraphErrorCode expected;
  } rows[] = {
    { G_IO_ERROR, G_IO_ERROR_TIMED_OUT, GH_GRAPH_ERROR_TIMEOUT },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, GH_GRAPH_ERROR_NETWORK },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, GH_GRAPH_ERROR_NETWORK },
    { G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND, GH_GRAPH_ERROR_NETWORK },
    { G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, GH_GRAPH_ERROR_TLS },
    { G_TLS_ERROR, G_TLS_ERROR_NOT_TLS, GH_GRAPH_ERROR_TLS },
    { G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, GH_GRAPH_ERROR_NETWORK },
  };
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
  g_autoptr(GError) kept = _gh_graph_error_new_from_transport (cancelled);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) transport = g_error_new_literal (rows[i].domain, rows[i].code,
                                                         "Failed for " FAKE_TOKEN);
      g_autoptr(GError) error = _gh_graph_error_new_from_transport (transport);
      g_autofree char *details = gh_graph_error_format_details (error);

      g_assert_error (error, GH_GRAPH_ERROR, (int) rows[i].expected);
      g_assert_cmpstr (error->message, ==, gh_graph_error_code_to_summary (rows[i].expected));
      g_assert_null (strstr (details, FAKE_TOKEN));
      g_assert_nonnull (strstr (details, "Failed for"));
    }

  /* Cancellation is not a failure to report: it stays what callers check for. */
  g_assert_error (kept, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  const char *input;
  const char *must_vanish;
  const char *must_stay;
} RedactCase;

static void
test_redact (void)
{
  static const RedactCase cases[] = {
    { "token " FAKE_TOKEN " here", FAKE_TOKEN, "token " },
    { "EAAB short", "EAAB", " short" },
    { "Authorization: Bearer abc.def-123", "abc.def-123", "Authorization: " },
    { "bearer xyz", "xyz", NULL },
    { "GET /v25.0/me?access_token=secret123&fields=id", "secret123", "fields=id" },
    { "debug_token?input_token=secret456", "secret456", "debug_token?input_token=" },
    { "cursor QVFIUmFhQkRfVjZAkUXpfMGo4WGlGTXBSa3lJTHVsb3pXbWZAaN0ZA1RVc19kaVdyRVdR",
      "QVFIUmFhQkRfVjZAkUXpfMGo4", "cursor " },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      NULL },
    { "102290129340398/assigned_users", NULL, "102290129340398/assigned_users" },
    { "fbtrace_id AbCxYz0123", NULL, "AbCxYz0123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gh_graph_redact (cases[i].input);

      g_test_message ("%s → %s", cases[i].input, out);
      if (cases[i].must_vanish != NULL)
        {
          g_assert_null (strstr (out, cases[i].must_vanish));
          g_assert_nonnull (strstr (out, "[redacted]"));
        }
      else
        g_assert_cmpstr (out, ==, cases[i].input);
      if (cases[i].must_stay != NULL)
        g_assert_nonnull (strstr (out, cases[i].must_stay));
    }

  g_assert_null (gh_graph_redact (NULL));
  {
    g_autofree char *empty = gh_graph_redact ("");
    g_autofree char *binary = gh_graph_redact ("\xff\xfe EAAxyz \xc3");

    g_assert_cmpstr (empty, ==, "");
    g_assert_null (strstr (binary, "EAAxyz"));
  }
}

typedef struct
{
  gint64           code;
  gint64           subcode;
  guint            http_status;
  GhGraphErrorCode expected;
  const char      *summary_part;   /* what the summary must say */
} DescribeRow;

/* Every row of the error table in graph-api.md, and the subcodes of 190. */
static const DescribeRow describe_rows[] = {
  { 190, 0, 400, GH_GRAPH_ERROR_INVALID_TOKEN, "no longer works" },
  { 190, 458, 400, GH_GRAPH_ERROR_INVALID_TOKEN, "no longer installed" },
  { 190, 459, 400, GH_GRAPH_ERROR_INVALID_TOKEN, "logs in" },
  { 190, 460, 400, GH_GRAPH_ERROR_INVALID_TOKEN, "password" },
  { 190, 463, 400, GH_GRAPH_ERROR_TOKEN_EXPIRED, "expired" },
  { 190, 464, 400, GH_GRAPH_ERROR_INVALID_TOKEN, "not been confirmed" },
  { 190, 467, 400, GH_GRAPH_ERROR_INVALID_TOKEN, "revoked" },
  { 190, 492, 400, GH_GRAPH_ERROR_INVALID_TOKEN, "lost their role" },
  { 10, 0, 403, GH_GRAPH_ERROR_PERMISSION, "missing a permission" },
  { 200, 1349174, 403, GH_GRAPH_ERROR_PERMISSION, "no access" },
  { 299, 0, 403, GH_GRAPH_ERROR_PERMISSION, "no access" },
  { 100, 0, 400, GH_GRAPH_ERROR_INVALID_PARAMETER, "did not accept" },
  { 100, 33, 400, GH_GRAPH_ERROR_INVALID_PARAMETER, "nothing with this ID" },
  { 33, 0, 400, GH_GRAPH_ERROR_INVALID_PARAMETER, "nothing with this ID" },
  { 4, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED, "This app" },
  { 17, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED, "system user" },
  { 32, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED, "how often" },
  { 613, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED, "how often" },
  { 80007, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED, "WhatsApp Business account" },
  { 80008, 0, 400, GH_GRAPH_ERROR_RATE_LIMITED, "WhatsApp Business account" },
  { 368, 0, 400, GH_GRAPH_ERROR_ACCOUNT_RESTRICTED, "policy violation" },
  { 415, 0, 400, GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED, "two-factor" },
  { 100, 2859009, 400, GH_GRAPH_ERROR_TWO_FACTOR_REQUIRED, "two-factor" },
  { 131031, 0, 400, GH_GRAPH_ERROR_ACCOUNT_RESTRICTED, "locked" },
  { 1, 0, 500, GH_GRAPH_ERROR_SERVER, "unexpected problem" },
  { 2, 0, 503, GH_GRAPH_ERROR_SERVER, "unavailable for a moment" },
  { 131000, 0, 500, GH_GRAPH_ERROR_SERVER, "side of WhatsApp" },
  { 0, 0, 502, GH_GRAPH_ERROR_SERVER, "temporary problem" },
};

static void
test_describe_table (void)
{
  g_autoptr(GHashTable) summaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);

  for (guint i = 0; i < G_N_ELEMENTS (describe_rows); i++)
    {
      const DescribeRow *row = &describe_rows[i];
      g_autofree char *json = NULL;
      g_autofree char *code = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GhGraphErrorText) text = NULL;
      const char *earlier;

      json = g_strdup_printf ("{\"message\": \"(#%" G_GINT64_FORMAT ") Raw words " FAKE_TOKEN
                              "\", \"type\": \"OAuthException\", \"code\": %"
                              G_GINT64_FORMAT ", \"error_subcode\": %" G_GINT64_FORMAT
                              ", \"fbtrace_id\": \"Trace%u\"}",
                              row->code, row->code, row->subcode, i);
      object = parse_object (json);
      error = gh_graph_error_new_from_json (object, row->http_status);
      text = gh_graph_error_describe (error);

      g_test_message ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ": %s / %s", row->code,
                      row->subcode, text->summary, text->next_step);
      g_assert_error (error, GH_GRAPH_ERROR, (int) row->expected);
      g_assert_nonnull (strstr (text->summary, row->summary_part));
      g_assert_true (g_str_has_suffix (text->summary, "."));
      g_assert_true (g_str_has_suffix (text->next_step, "."));
      g_assert_cmpstr (text->summary, !=, text->next_step);
      /* Meta's words are for the details, redacted; never the sentence a person reads. */
      g_assert_null (strstr (text->summary, "Raw words"));
      g_assert_null (strstr (text->details, FAKE_TOKEN));
      g_assert_nonnull (strstr (text->details, "Raw words"));
      g_assert_nonnull (strstr (text->details, "OAuthException"));
      code = g_strdup_printf ("Trace%u", i);
      g_assert_nonnull (strstr (text->details, code));

      if (row->expected == GH_GRAPH_ERROR_RATE_LIMITED)
        {
          g_assert_cmpuint (text->wait_minutes, ==, GH_GRAPH_DEFAULT_WAIT_MINUTES);
          g_assert_nonnull (text->wait);
        }
      else
        {
          g_assert_cmpuint (text->wait_minutes, ==, 0);
          g_assert_null (text->wait);
        }

      /* Rows with the same summary part say the same; all others differ. */
      earlier = g_hash_table_lookup (summaries, text->summary);
      if (earlier != NULL)
        g_assert_cmpstr (earlier, ==, row->summary_part);
      g_hash_table_insert (summaries, g_strdup (text->summary), (gpointer) row->summary_part);
    }
}

static void
test_describe_wait (void)
{
  g_autoptr(GError) error = gh_graph_error_new_literal (GH_GRAPH_ERROR_RATE_LIMITED, NULL);
  g_autoptr(GError) other = gh_graph_error_new_literal (GH_GRAPH_ERROR_SERVER, NULL);
  GhGraphErrorText *text;

  /* Rounded up, and plural-correct. */
  gh_graph_error_set_retry_after (error, 30);
  text = gh_graph_error_describe (error);
  g_assert_cmpuint (text->wait_minutes, ==, 1);
  g_assert_cmpstr (text->wait, ==, "Try again in 1 minute.");
  gh_graph_error_text_free (text);

  gh_graph_error_set_retry_after (error, 121);
  text = gh_graph_error_describe (error);
  g_assert_cmpuint (text->wait_minutes, ==, 3);
  g_assert_cmpstr (text->wait, ==, "Try again in 3 minutes.");
  gh_graph_error_text_free (text);

  /* A wait is only ever about the rate limit. */
  gh_graph_error_set_retry_after (other, 600);
  g_assert_cmpuint (gh_graph_error_get_wait_minutes (other), ==, 0);
  text = gh_graph_error_describe (other);
  g_assert_null (text->wait);
  gh_graph_error_text_free (text);
}

static void
test_describe_transport (void)
{
  struct {
    GQuark      domain;
    int         code;
    const char *summary_part;
  } rows[] = {
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "Nothing answered" },
    { G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "looked up" },
    { G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND, "looked up" },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, "broke off" },
    { G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "broke off" },
    { G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "too long" },
    { G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, "secure connection" },
    { G_IO_ERROR, G_IO_ERROR_FAILED, "could not reach" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) transport = g_error_new_literal (rows[i].domain, rows[i].code,
                                                         "Connection terminated unexpectedly");
      g_autoptr(GError) mapped = _gh_graph_error_new_from_transport (transport);
      g_autoptr(GhGraphErrorText) raw_text = gh_graph_error_describe (transport);
      g_autoptr(GhGraphErrorText) text = gh_graph_error_describe (mapped);

      /* libsoup's English is for the details; the person reads a sentence of ours, whether
       * the error was mapped first or not. */
      g_test_message ("%s", text->summary);
      g_assert_nonnull (strstr (text->summary, rows[i].summary_part));
      g_assert_cmpstr (raw_text->summary, ==, text->summary);
      g_assert_null (strstr (text->summary, "terminated"));
      g_assert_nonnull (strstr (text->details, "terminated"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graph-error/mapping-table", test_mapping_table);
  g_test_add_func ("/graph-error/transient-unknown", test_transient_unknown);
  g_test_add_func ("/graph-error/documented-sample", test_documented_sample);
  g_test_add_func ("/graph-error/error-data-shapes", test_error_data_shapes);
  g_test_add_func ("/graph-error/token-never-in-message", test_token_never_in_message);
  g_test_add_func ("/graph-error/summaries", test_summaries);
  g_test_add_func ("/graph-error/literal-and-foreign", test_literal_and_foreign);
  g_test_add_func ("/graph-error/transport", test_transport);
  g_test_add_func ("/graph-error/redact", test_redact);
  g_test_add_func ("/graph-error/describe-table", test_describe_table);
  g_test_add_func ("/graph-error/describe-wait", test_describe_wait);
  g_test_add_func ("/graph-error/describe-transport", test_describe_transport);

  return g_test_run ();
}
