/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Meta's numeric time zone ids (the timezone_id of ad accounts, businesses and WhatsApp
 * Business Accounts: 1 is TZ_AMERICA_LOS_ANGELES, 2 TZ_AMERICA_DENVER, …).  Pure lookups. */

/* "Los Angeles (America/Los_Angeles)"; @meta_id itself when unknown; NULL for NULL. */
char       *gh_timezone_dup_label     (const char *meta_id);

G_END_DECLS
