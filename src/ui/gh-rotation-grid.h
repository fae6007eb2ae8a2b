/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "gh-rotation.h"

G_BEGIN_DECLS

/* The old token and its replacement side by side: a row per aspect with both sides and the
 * verdict in words (an icon only repeats them), and the sentence that explains it below. */
#define GH_TYPE_ROTATION_GRID (gh_rotation_grid_get_type ())
G_DECLARE_FINAL_TYPE (GhRotationGrid, gh_rotation_grid, GH, ROTATION_GRID, GtkGrid)

/* Shows @rotation, replacing what was shown. */
void gh_rotation_grid_set_rotation (GhRotationGrid *self,
                                    GhRotation     *rotation);

G_END_DECLS
