/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-connection.h"

G_BEGIN_DECLS

/* The connection's own copy of its token, for the session to save it in the keyring.  Never
 * copied further than that call. */
const char *_gh_connection_peek_token (GhConnection *self);

G_END_DECLS
