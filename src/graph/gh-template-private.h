/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gh-template.h"

G_BEGIN_DECLS

/* Adds the templates of a further page. */
void _gh_template_summary_add_page (GhTemplateSummary *self,
                                    JsonNode          *node);

G_END_DECLS
