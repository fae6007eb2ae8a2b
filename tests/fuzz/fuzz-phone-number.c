/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fuzz-phone-number"

#include "config.h"

#include "fuzz-common.h"
#include "gh-phone-number-private.h"

/* One phone number, and the phone_numbers edge. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_parse (data, size);
  g_autoptr(GhPhoneNumber) number = NULL;
  g_autoptr(GPtrArray) list = NULL;

  number = _gh_phone_number_parse (node, NULL);
  if (number != NULL)
    g_assert (gh_phone_number_get_id (number) != NULL);

  list = gh_phone_number_parse_list (node, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    g_assert (gh_phone_number_get_id (g_ptr_array_index (list, i)) != NULL);

  return 0;
}
