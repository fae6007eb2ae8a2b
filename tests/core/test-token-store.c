/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-token-store"

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "gh-secret.h"
#include "gh-token-store-private.h"

/* The same suite runs against three keyrings, chosen by GH_TEST_KEYRING:
 *   file (default) libsecret's file backend, a fresh file per test
 *   real           a real gnome-keyring (see with-gnome-keyring.sh)
 *   locked         the same, with the login collection locked and no prompt possible
 *   none           a session bus with no Secret Service at all */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static const char *mode = "file";

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static void
spin_until_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
do_save (GhTokenStore       *store,
         GhSavedConnection  *connection,
         const char         *token,
         GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_token_store_save_async (store, connection, token, NULL, store_result_cb, &result);
  spin_until_result (&result);
  return gh_token_store_save_finish (store, result, error);
}

static GPtrArray *
do_list (GhTokenStore  *store,
         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_token_store_list_async (store, NULL, store_result_cb, &result);
  spin_until_result (&result);
  return gh_token_store_list_finish (store, result, error);
}

static char *
do_load (GhTokenStore  *store,
         const char    *id,
         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_token_store_load_async (store, id, NULL, store_result_cb, &result);
  spin_until_result (&result);
  return gh_token_store_load_finish (store, result, error);
}

static gboolean
do_forget (GhTokenStore  *store,
           const char    *id,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_token_store_forget_async (store, id, NULL, store_result_cb, &result);
  spin_until_result (&result);
  return gh_token_store_forget_finish (store, result, error);
}

static void
assert_token (GhTokenStore *store,
              const char   *id,
              const char   *expected)
{
  g_autoptr(GError) error = NULL;
  char *token;

  token = do_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected);
  gh_secret_free (token);
}

static GhTokenStore *
store_new (gboolean in_memory)
{
  return in_memory ? gh_token_store_new_in_memory () : gh_token_store_new ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (mode, "file"))
    {
      fixture->dir = g_dir_make_tmp ("gh-token-store-XXXXXX", &error);
      g_assert_no_error (error);
      fixture->path = g_build_filename (fixture->dir, "keyring", NULL);
      g_setenv ("SECRET_FILE_TEST_PATH", fixture->path, TRUE);
      /* libsecret caches its backend, and with it the file path */
      secret_service_disconnect ();
    }
  else if (g_str_equal (mode, "real") || g_str_equal (mode, "locked"))
    {
      g_autoptr(GhTokenStore) store = gh_token_store_new ();
      g_autoptr(GPtrArray) list = NULL;

      /* One keyring for the whole run: start every test without our items. */
      list = do_list (store, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < list->len; i++)
        {
          do_forget (store, gh_saved_connection_get_id (g_ptr_array_index (list, i)), &error);
          g_assert_no_error (error);
        }
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->path != NULL)
    {
      secret_service_disconnect ();
      g_unlink (fixture->path);
      g_rmdir (fixture->dir);
    }
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static GhSavedConnection *
make_connection (const char *label,
                 const char *waba_id)
{
  GhSavedConnection *connection = gh_saved_connection_new ();

  gh_saved_connection_set_label (connection, label);
  gh_saved_connection_set_business_id (connection, "1098765432101234");
  gh_saved_connection_set_business_name (connection, "Lucky Shrub Garden Centre");
  gh_saved_connection_set_system_user_name (connection, "Gatehouse Integration");
  gh_saved_connection_set_waba_id (connection, waba_id);
  gh_saved_connection_set_last_check (connection, 1767225600, TRUE);
  return connection;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  gboolean in_memory = GPOINTER_TO_INT (data);
  g_autoptr(GhTokenStore) store = store_new (in_memory);
  g_autoptr(GhSavedConnection) connection = make_connection ("Helpdesk", "102290129340398");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GhSavedConnection *listed;
  const char *token = "EAAGhTestRoundTripTokenAb12Cd34Ef56Gh78Ij90Kl12Mn34";
  char *loaded;

  g_assert_true (gh_token_store_is_in_memory (store) == in_memory);

  g_assert_true (do_save (store, connection, token, &error));
  g_assert_no_error (error);

  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_true (listed != connection);
  g_assert_cmpstr (gh_saved_connection_get_id (listed), ==,
                   gh_saved_connection_get_id (connection));
  g_assert_cmpstr (gh_saved_connection_get_label (listed), ==, "Helpdesk");
  g_assert_cmpstr (gh_saved_connection_get_business_id (listed), ==, "1098765432101234");
  g_assert_cmpstr (gh_saved_connection_get_business_name (listed), ==,
                   "Lucky Shrub Garden Centre");
  g_assert_cmpstr (gh_saved_connection_get_system_user_name (listed), ==,
                   "Gatehouse Integration");
  g_assert_cmpstr (gh_saved_connection_get_waba_id (listed), ==, "102290129340398");
  g_assert_cmpint (gh_saved_connection_get_last_checked (listed), ==, 1767225600);
  g_assert_true (gh_saved_connection_get_last_check_ok (listed));
  g_clear_pointer (&list, g_ptr_array_unref);

  loaded = do_load (store, gh_saved_connection_get_id (connection), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded, ==, token);
  gh_secret_free (loaded);

  g_assert_true (do_forget (store, gh_saved_connection_get_id (connection), &error));
  g_assert_no_error (error);

  loaded = do_load (store, gh_saved_connection_get_id (connection), &error);
  g_assert_error (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_assert_null (strstr (error->message, token));
  g_clear_error (&error);

  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&connection));
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GhTokenStore) store = store_new (GPOINTER_TO_INT (data));
  g_autoptr(GhSavedConnection) connection = make_connection ("Old name", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GhSavedConnection *listed;

  g_assert_true (do_save (store, connection, "EAAGhFirstTokenQq11Ww22Ee33Rr44Tt55", &error));
  g_assert_no_error (error);

  gh_saved_connection_set_label (connection, "New name");
  gh_saved_connection_set_waba_id (connection, "104996122399160");
  gh_saved_connection_set_last_check (connection, 1767312000, FALSE);
  g_assert_true (do_save (store, connection, "EAAGhSecondTokenYy66Uu77Ii88Oo99Pp00", &error));
  g_assert_no_error (error);

  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpstr (gh_saved_connection_get_label (listed), ==, "New name");
  g_assert_cmpstr (gh_saved_connection_get_waba_id (listed), ==, "104996122399160");
  g_assert_cmpint (gh_saved_connection_get_last_checked (listed), ==, 1767312000);
  g_assert_false (gh_saved_connection_get_last_check_ok (listed));

  assert_token (store, gh_saved_connection_get_id (connection),
                "EAAGhSecondTokenYy66Uu77Ii88Oo99Pp00");

  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_two_connections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GhTokenStore) store = store_new (GPOINTER_TO_INT (data));
  g_autoptr(GhSavedConnection) beta = make_connection ("Beta shop", "102290129340398");
  g_autoptr(GhSavedConnection) alpha = make_connection ("Alpha shop", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gh_saved_connection_get_id (alpha), !=, gh_saved_connection_get_id (beta));

  /* Saved in the wrong order: the list must still come sorted by label. */
  g_assert_true (do_save (store, beta, "EAAGhBetaTokenBb22Bb22Bb22Bb22Bb22", &error));
  g_assert_no_error (error);
  g_assert_true (do_save (store, alpha, "EAAGhAlphaTokenAa11Aa11Aa11Aa11Aa11", &error));
  g_assert_no_error (error);

  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (gh_saved_connection_get_label (g_ptr_array_index (list, 0)), ==,
                   "Alpha shop");
  g_assert_cmpstr (gh_saved_connection_get_label (g_ptr_array_index (list, 1)), ==,
                   "Beta shop");
  g_assert_null (gh_saved_connection_get_waba_id (g_ptr_array_index (list, 0)));
  g_assert_cmpstr (gh_saved_connection_get_waba_id (g_ptr_array_index (list, 1)), ==,
                   "102290129340398");
  g_clear_pointer (&list, g_ptr_array_unref);

  assert_token (store, gh_saved_connection_get_id (alpha), "EAAGhAlphaTokenAa11Aa11Aa11Aa11Aa11");
  assert_token (store, gh_saved_connection_get_id (beta), "EAAGhBetaTokenBb22Bb22Bb22Bb22Bb22");

  g_assert_true (do_forget (store, gh_saved_connection_get_id (alpha), &error));
  g_assert_no_error (error);

  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (gh_saved_connection_get_id (g_ptr_array_index (list, 0)), ==,
                   gh_saved_connection_get_id (beta));
  assert_token (store, gh_saved_connection_get_id (beta), "EAAGhBetaTokenBb22Bb22Bb22Bb22Bb22");

  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GhTokenStore) store = store_new (GPOINTER_TO_INT (data));
  g_autoptr(GError) error = NULL;
  char *token;

  token = do_load (store, "no-such-connection", &error);
  g_assert_error (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND);
  g_assert_null (token);
  g_clear_error (&error);

  /* Forgetting what is not there is not an error: the result is the same. */
  g_assert_true (do_forget (store, "no-such-connection", &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_memory_never_synchronous (void)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new_in_memory ();
  g_autoptr(GhSavedConnection) connection = make_connection ("Demo", NULL);
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  gh_token_store_save_async (store, connection, "EAAGhDemoMemoryTokenZz99", NULL,
                             store_result_cb, &save_result);
  g_assert_null (save_result);
  gh_token_store_load_async (store, gh_saved_connection_get_id (connection), NULL,
                             store_result_cb, &load_result);
  g_assert_null (load_result);

  spin_until_result (&save_result);
  spin_until_result (&load_result);
  g_assert_true (gh_token_store_save_finish (store, save_result, &error));
  g_assert_no_error (error);
  token = gh_token_store_load_finish (store, load_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "EAAGhDemoMemoryTokenZz99");
  gh_secret_free (token);

  /* The store keeps its own copy: the caller's object can change without touching it. */
  gh_saved_connection_set_label (connection, "Changed");
  {
    g_autoptr(GPtrArray) list = do_list (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (gh_saved_connection_get_label (g_ptr_array_index (list, 0)), ==, "Demo");
  }

  g_clear_object (&save_result);
  g_clear_object (&load_result);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_memory_cancelled (void)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new_in_memory ();
  g_autoptr(GhSavedConnection) connection = make_connection ("Demo", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  gh_token_store_save_async (store, connection, "EAAGhCancelledTokenXx00", cancellable,
                             store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  spin_until_result (&result);
  g_assert_false (gh_token_store_save_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_token_wiped (void)
{
  const char *secret = "EAAGhWipeMeQw12Er34Ty56Ui78";
  size_t len = strlen (secret);
  char *token = g_strdup (secret);

  gh_secret_wipe_string (token);
  for (size_t i = 0; i <= len; i++)
    g_assert_cmpint (token[i], ==, 0);
  g_free (token);

  /* NULL is accepted like g_free accepts it */
  gh_secret_wipe_string (NULL);
  gh_secret_free (NULL);
  gh_secret_free (g_strdup (secret));
}

static void
test_saved_connection (void)
{
  g_autoptr(GhSavedConnection) first = gh_saved_connection_new ();
  g_autoptr(GhSavedConnection) second = gh_saved_connection_new ();
  g_autoptr(GhSavedConnection) copy = NULL;
  g_autoptr(GhSavedConnection) named = gh_saved_connection_new_with_id ("fixed-id");
  g_autofree char *label = NULL;
  gint64 checked = 0;

  g_assert_true (g_uuid_string_is_valid (gh_saved_connection_get_id (first)));
  g_assert_cmpstr (gh_saved_connection_get_id (first), !=, gh_saved_connection_get_id (second));
  g_assert_cmpstr (gh_saved_connection_get_id (named), ==, "fixed-id");
  g_assert_null (gh_saved_connection_get_label (first));
  g_assert_cmpint (gh_saved_connection_get_last_checked (first), ==, 0);
  g_assert_false (gh_saved_connection_get_last_check_ok (first));

  gh_saved_connection_set_label (first, "Shop");
  gh_saved_connection_set_waba_id (first, "102290129340398");
  gh_saved_connection_set_last_check (first, 1767225600, TRUE);
  copy = gh_saved_connection_copy (first);
  g_assert_cmpstr (gh_saved_connection_get_id (copy), ==, gh_saved_connection_get_id (first));
  g_assert_cmpstr (gh_saved_connection_get_label (copy), ==, "Shop");
  g_assert_cmpstr (gh_saved_connection_get_waba_id (copy), ==, "102290129340398");
  g_assert_true (gh_saved_connection_get_last_check_ok (copy));

  g_object_get (copy, "label", &label, "last-checked", &checked, NULL);
  g_assert_cmpstr (label, ==, "Shop");
  g_assert_cmpint (checked, ==, 1767225600);

  /* Keyring attributes come back as "" when unset: that means unknown. */
  gh_saved_connection_set_label (copy, "");
  g_assert_null (gh_saved_connection_get_label (copy));
  g_assert_cmpstr (gh_saved_connection_get_label (first), ==, "Shop");

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&first));
}

static void
test_schema_name (void)
{
  g_assert_cmpstr (gh_token_store_get_schema_name (), ==,
                   "io.github.gatehouse_app.Gatehouse.Token");
}

/* Leaves one item behind on purpose: with-gnome-keyring.sh then looks for it with
 * secret-tool and makes sure the token is in no file in clear text. */
static void
test_real_keep (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new ();
  g_autoptr(GhSavedConnection) connection = make_connection ("Keyring check", NULL);
  g_autoptr(GError) error = NULL;
  const char *token = g_getenv ("GH_TEST_TOKEN");

  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >, 20);

  g_assert_true (do_save (store, connection, token, &error));
  g_assert_no_error (error);
  assert_token (store, gh_saved_connection_get_id (connection), token);

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_unavailable (void)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new ();
  g_autoptr(GhSavedConnection) connection = make_connection ("Nowhere", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = "EAAGhNoKeyringTokenNn11Mm22Bb33";
  gint64 start = g_get_monotonic_time ();

  g_assert_false (do_save (store, connection, token, &error));
  g_assert_error (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_UNAVAILABLE);
  g_assert_null (strstr (error->message, token));
  g_assert_cmpstr (error->message, ==,
                   "There is no keyring on this computer to keep the token in.");
  g_clear_error (&error);

  list = do_list (store, &error);
  g_assert_error (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_UNAVAILABLE);
  g_assert_null (list);
  g_clear_error (&error);

  /* No D-Bus timeouts (25 s each): the person learns at once that there is no keyring. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* What a person meets after an autologin: the login keyring exists but is locked, and no
 * prompt can be shown to unlock it. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GhTokenStore) store = gh_token_store_new ();
  g_autoptr(GhSavedConnection) connection = make_connection ("Locked away", NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = "EAAGhLockedKeyringTokenLl44Kk55Jj66";
  const char *paths[] = { "/org/freedesktop/secrets/collection/login", NULL };
  char *loaded;

  g_assert_true (do_save (store, connection, token, &error));
  g_assert_no_error (error);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets",
                                       "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "Lock",
                                       g_variant_new ("(^ao)", paths), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  loaded = do_load (store, gh_saved_connection_get_id (connection), &error);
  g_assert_error (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED);
  g_assert_null (loaded);
  g_assert_null (strstr (error->message, token));
  g_clear_error (&error);

  gh_saved_connection_set_label (connection, "Renamed");
  g_assert_false (do_save (store, connection, token, &error));
  g_assert_error (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* Names and IDs are not secret: the welcome page can still list the connection. */
  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (gh_saved_connection_get_label (g_ptr_array_index (list, 0)), ==,
                   "Locked away");

  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static gboolean
do_update (GhTokenStore       *store,
           GhSavedConnection  *connection,
           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gh_token_store_update_async (store, connection, NULL, store_result_cb, &result);
  spin_until_result (&result);
  return gh_token_store_update_finish (store, result, error);
}

/* The D-Bus object of the item saved for @id in a real keyring: a rewritten item would be a
 * new one. */
static char *
dup_item_path (const char *id)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  static const SecretSchema schema = {
    "io.github.gatehouse_app.Gatehouse.Token", SECRET_SCHEMA_DONT_MATCH_NAME,
    { { "connection-id", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  GList *items;
  char *path;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_insert (attributes, (char *) "connection-id", (char *) id);
  items = secret_service_search_sync (service, &schema, attributes, SECRET_SEARCH_ALL, NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  path = g_strdup (g_dbus_proxy_get_object_path (G_DBUS_PROXY (items->data)));
  g_list_free_full (items, g_object_unref);

  return path;
}

/* A new name and a new check result reach the keyring without the token being read or
 * written: it is never loaded, and in a real keyring the item stays the same object. */
static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GhTokenStore) store = store_new (GPOINTER_TO_INT (data));
  g_autoptr(GhSavedConnection) connection = make_connection ("Before", "102290129340398");
  g_autoptr(GhSavedConnection) stranger = make_connection ("Never saved", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path_before = NULL;
  g_autofree char *path_after = NULL;
  const char *token = "EAAGhUpdateKeepsThisTokenZz98Xx76Cc54Vv32Bb10";
  GhSavedConnection *listed;
  guint reads;

  g_assert_true (do_save (store, connection, token, &error));
  g_assert_no_error (error);
  if (g_str_equal (mode, "real"))
    path_before = dup_item_path (gh_saved_connection_get_id (connection));

  reads = _gh_token_store_get_token_reads (store);
  gh_saved_connection_set_label (connection, "After");
  gh_saved_connection_set_last_check (connection, 1767312000, FALSE);
  gh_saved_connection_set_scopes (connection, "whatsapp_business_management");
  g_assert_true (do_update (store, connection, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_gh_token_store_get_token_reads (store), ==, reads);

  list = do_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpstr (gh_saved_connection_get_id (listed), ==,
                   gh_saved_connection_get_id (connection));
  g_assert_cmpstr (gh_saved_connection_get_label (listed), ==, "After");
  g_assert_cmpint (gh_saved_connection_get_last_checked (listed), ==, 1767312000);
  g_assert_false (gh_saved_connection_get_last_check_ok (listed));
  g_assert_cmpstr (gh_saved_connection_get_scopes (listed), ==, "whatsapp_business_management");
  g_assert_cmpstr (gh_saved_connection_get_business_name (listed), ==,
                   "Lucky Shrub Garden Centre");
  if (path_before != NULL)
    {
      path_after = dup_item_path (gh_saved_connection_get_id (connection));
      g_assert_cmpstr (path_after, ==, path_before);
    }
  assert_token (store, gh_saved_connection_get_id (connection), token);

  /* Nothing saved under that id: said so, and nothing is created. */
  g_assert_false (do_update (store, stranger, &error));
  g_assert_error (error, GH_TOKEN_STORE_ERROR, GH_TOKEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = do_list (store, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* What libsecret reports becomes one of three plain sentences, by its codes, never its
 * English text. */
static void
test_error_mapping (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  static const struct
  {
    GQuark (*domain) (void);
    int    code;
    int    expected;
  } cases[] = {
    { g_dbus_error_quark, G_DBUS_ERROR_SERVICE_UNKNOWN, GH_TOKEN_STORE_ERROR_UNAVAILABLE },
    { g_dbus_error_quark, G_DBUS_ERROR_NAME_HAS_NO_OWNER, GH_TOKEN_STORE_ERROR_UNAVAILABLE },
    { g_dbus_error_quark, G_DBUS_ERROR_SPAWN_EXEC_FAILED, GH_TOKEN_STORE_ERROR_UNAVAILABLE },
    { secret_error_get_quark, SECRET_ERROR_IS_LOCKED, GH_TOKEN_STORE_ERROR_LOCKED },
    /* The Secret portal's "user interaction cancelled": an unlock nobody finished. */
    { g_io_error_quark, G_IO_ERROR_CANCELLED, GH_TOKEN_STORE_ERROR_LOCKED },
    { g_dbus_error_quark, G_DBUS_ERROR_ACCESS_DENIED, GH_TOKEN_STORE_ERROR_FAILED },
    { secret_error_get_quark, SECRET_ERROR_PROTOCOL, GH_TOKEN_STORE_ERROR_FAILED },
  };

  g_cancellable_cancel (cancelled);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* A message that would be wrong to match on. */
      g_autoptr(GError) raw = g_error_new_literal (cases[i].domain (), cases[i].code,
                                                   "was not provided by any .service files");
      g_autoptr(GError) mapped = _gh_token_store_map_error (raw, OP_SAVE, cancellable);

      g_assert_error (mapped, GH_TOKEN_STORE_ERROR, cases[i].expected);
      g_assert_null (strstr (mapped->message, ".service"));
    }

  /* Our own cancellation stays a cancellation, which callers ignore. */
  {
    g_autoptr(GError) raw = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
    g_autoptr(GError) mapped = _gh_token_store_map_error (raw, OP_LOAD, cancelled);

    g_assert_error (mapped, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }

  /* The file backend (the Secret portal) reports a failed unlock as a plain failure. */
  {
    g_autoptr(GError) raw = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");
    g_autoptr(GError) mapped = _gh_token_store_map_error (raw, OP_LOAD, cancellable);
    int expected = g_strcmp0 (g_getenv ("SECRET_BACKEND"), "file") == 0
                   ? GH_TOKEN_STORE_ERROR_LOCKED : GH_TOKEN_STORE_ERROR_FAILED;

    g_assert_error (mapped, GH_TOKEN_STORE_ERROR, expected);
  }
}

static void
add_store_tests (const char *prefix,
                 gboolean    in_memory)
{
  static const struct {
    const char *name;
    void (*func) (Fixture *, gconstpointer);
  } tests[] = {
    { "round-trip", test_round_trip },
    { "replace", test_replace },
    { "two-connections", test_two_connections },
    { "not-found", test_not_found },
    { "update", test_update },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, tests[i].name);

      g_test_add (path, Fixture, GINT_TO_POINTER (in_memory),
                  fixture_set_up, tests[i].func, fixture_tear_down);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *env_mode = g_getenv ("GH_TEST_KEYRING");

  g_test_init (&argc, &argv, NULL);

  if (env_mode != NULL && *env_mode != '\0')
    mode = env_mode;

  if (g_str_equal (mode, "file"))
    {
      add_store_tests ("/token-store/file", FALSE);
      add_store_tests ("/token-store/memory", TRUE);
      g_test_add_func ("/token-store/memory/never-synchronous", test_memory_never_synchronous);
      g_test_add_func ("/token-store/memory/cancelled", test_memory_cancelled);
      g_test_add_func ("/token-store/token-wiped", test_token_wiped);
      g_test_add_func ("/token-store/schema-name", test_schema_name);
      g_test_add_func ("/token-store/error-mapping", test_error_mapping);
      g_test_add_func ("/saved-connection/basics", test_saved_connection);
    }
  else if (g_str_equal (mode, "real"))
    {
      add_store_tests ("/token-store/real", FALSE);
      g_test_add ("/token-store/real/zz-keep", Fixture, NULL,
                  fixture_set_up, test_real_keep, NULL);
    }
  else if (g_str_equal (mode, "locked"))
    {
      g_test_add ("/token-store/locked", Fixture, NULL,
                  fixture_set_up, test_locked, NULL);
    }
  else if (g_str_equal (mode, "none"))
    {
      g_test_add_func ("/token-store/unavailable", test_unavailable);
    }
  else
    {
      g_printerr ("Unknown GH_TEST_KEYRING mode “%s”\n", mode);
      return 1;
    }

  return g_test_run ();
}
