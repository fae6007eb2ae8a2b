/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-usage"

#include "config.h"

#include "fuzz-common.h"
#include "gh-graph-client-private.h"

/* Meta's usage headers and Retry-After, as the header values arrive.  Whatever they say, the
 * wait stays within a day. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *value = fuzz_strndup (data, size);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (
    SOUP_MESSAGE_HEADERS_RESPONSE);
  GhGraphUsage business = { 0 };
  GhGraphUsage app = { 0 };
  GhGraphUsage all = { 0 };

  _gh_graph_usage_add_business (&business, value);
  _gh_graph_usage_add_app (&app, value);
  g_assert (business.wait_minutes <= 24 * 60 && app.wait_minutes <= 24 * 60);
  g_assert (business.percent <= 1000 && app.percent <= 1000);

  /* Header values cannot hold line breaks; libsoup would refuse them. */
  if (strpbrk (value, "\r\n") == NULL)
    {
      soup_message_headers_append (headers, "X-Business-Use-Case-Usage", value);
      soup_message_headers_append (headers, "x-app-usage", value);
      soup_message_headers_append (headers, "Retry-After", value);
      _gh_graph_usage_read_headers (&all, headers);
      g_assert (all.percent == MAX (business.percent, app.percent));
      g_assert (_gh_graph_usage_retry_after (headers) <= 24 * 60 * 60);
    }

  return 0;
}
