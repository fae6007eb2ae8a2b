/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Type-checked readers for JSON from the network: a wrong type reads as absent, never as a
 * critical. */
JsonObject *_gh_json_node_get_object   (JsonNode    *node);
JsonObject *_gh_json_object_get_object (JsonObject  *object,
                                        const char  *member);
JsonArray  *_gh_json_object_get_array  (JsonObject  *object,
                                        const char  *member);
const char *_gh_json_object_get_string (JsonObject  *object,
                                        const char  *member);
gint64      _gh_json_object_get_int    (JsonObject  *object,
                                        const char  *member,
                                        gint64       default_value);
gboolean    _gh_json_object_get_bool   (JsonObject  *object,
                                        const char  *member,
                                        gboolean     default_value);
gboolean    _gh_json_object_has_int    (JsonObject  *object,
                                        const char  *member);
/* An ID as a digit string, whether sent as a string or a number. */
char       *_gh_json_node_dup_id       (JsonNode    *node);
char       *_gh_json_object_dup_id     (JsonObject  *object,
                                        const char  *member);
/* The string elements of an array member, others skipped; NULL when the member is absent. */
GStrv       _gh_json_object_dup_strv   (JsonObject  *object,
                                        const char  *member);
/* Builds one model object from one element of a list; NULL skips the element. */
typedef gpointer (*GhJsonItemParser) (JsonNode *element,
                                      gpointer  user_data);
/* The objects @parse_item makes of the elements of @items (NULL: none), in order, bad
 * elements skipped; the array owns them (g_object_unref). */
GPtrArray  *_gh_json_array_parse_items (JsonArray        *items,
                                        GhJsonItemParser  parse_item,
                                        gpointer          user_data);
/* The same for the "data" array of a {"data": [...]} edge; fails with
 * GH_GRAPH_ERROR_MALFORMED_RESPONSE naming @what when there is none. */
GPtrArray  *_gh_json_parse_data_list   (JsonNode         *node,
                                        GhJsonItemParser  parse_item,
                                        gpointer          user_data,
                                        const char       *what,
                                        GError          **error);
/* How deep arrays and objects may nest in anything Gatehouse parses.  Meta's deepest
 * answers (a WABA with health_status.entities[].errors[], expanded edges, a batch with its
 * bodies parsed separately) nest under ten levels; 64 leaves room for any of them and keeps
 * json-glib's recursion far from the end of any stack. */
#define GH_JSON_MAX_DEPTH 64

/* TRUE when no array or object in the text nests deeper than @max_depth.  Reads exactly
 * @length bytes, builds nothing. */
gboolean    _gh_json_check_depth       (const char  *data,
                                        gsize        length,
                                        guint        max_depth);
/* Parses text into a node after checking its depth; NULL with a
 * GH_GRAPH_ERROR_MALFORMED_RESPONSE (cause not JSON, or too deep) when it cannot be read. */
JsonNode   *_gh_json_parse_bytes       (const char  *data,
                                        gsize        length,
                                        GError     **error);

G_END_DECLS
