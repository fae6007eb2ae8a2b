/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-phone-number.h"

G_BEGIN_DECLS

/* @node: one element of phone_numbers.data.  Needs at least "id". */
GhPhoneNumber *_gh_phone_number_parse                             (JsonNode       *node,
                                                                   GError        **error);
gboolean       _gh_phone_number_get_is_official_business_account (GhPhoneNumber  *self);

G_END_DECLS
