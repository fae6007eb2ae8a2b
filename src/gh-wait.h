/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Waiting for one asynchronous step at a time, on a loop of its own: for the command line
 * and the background check, which have no window to keep responsive. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} GhWait;

/* The GAsyncReadyCallback to pass with a GhWait* as its user data. */
void          gh_wait_cb         (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data);
/* Runs @wait's loop until gh_wait_cb is called, and returns its result (owned by @wait until
 * the next wait, or until the caller clears @wait->result). */
GAsyncResult *gh_wait_for_result (GhWait       *wait);

G_END_DECLS
