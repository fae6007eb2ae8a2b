/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-waba.h"

G_BEGIN_DECLS

const char         *_gh_waba_get_status (GhWaba *self);
/* Tasks the token's user holds here, when listed from me/assigned_whatsapp_business_accounts
 * (wire strings, NULL when not sent). */
const char * const *_gh_waba_get_tasks  (GhWaba *self);

G_END_DECLS
