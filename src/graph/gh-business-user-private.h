/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-business-user.h"

G_BEGIN_DECLS

const char     *_gh_business_user_get_role (GhBusinessUser  *self);  /* ADMIN, EMPLOYEE */

G_END_DECLS
