/* Copyright 2026 The Gatehouse authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include "gh-csv.h"

static char *
one_cell (const char *text)
{
  GhCsvWriter *csv = gh_csv_writer_new ();

  gh_csv_writer_add_cell (csv, text);
  return gh_csv_writer_free_to_string (csv);
}

static void
test_rows (void)
{
  GhCsvWriter *csv = gh_csv_writer_new ();
  g_autofree char *text = NULL;

  gh_csv_writer_add_row (csv, "when", "who", "what", NULL);
  gh_csv_writer_add_cell (csv, "2026-04-01");
  gh_csv_writer_add_cell (csv, NULL);
  gh_csv_writer_add_cell (csv, "");
  gh_csv_writer_end_row (csv);
  /* The last row is ended even when the caller forgets. */
  gh_csv_writer_add_cell (csv, "a");
  gh_csv_writer_add_cell (csv, "b");

  text = gh_csv_writer_free_to_string (csv);
  g_assert_cmpstr (text, ==, "when,who,what\r\n2026-04-01,,\r\na,b\r\n");
}

static void
test_empty (void)
{
  g_autofree char *text = gh_csv_writer_free_to_string (gh_csv_writer_new ());
  g_autoptr(GhCsvWriter) unused = gh_csv_writer_new ();

  g_assert_cmpstr (text, ==, "");
  gh_csv_writer_add_cell (unused, "freed by g_autoptr");
}

static void
test_quoting (void)
{
  static const struct
  {
    const char *cell;
    const char *line;
  } cases[] = {
    { "plain", "plain\r\n" },
    { "Doe, Jane", "\"Doe, Jane\"\r\n" },
    { "The \"Quoted\" One", "\"The \"\"Quoted\"\" One\"\r\n" },
    { "Two\nLines", "\"Two\nLines\"\r\n" },
    { "cr\rhere", "\"cr\rhere\"\r\n" },
    { "陈伟", "陈伟\r\n" },
    { " leading space", " leading space\r\n" },
    /* Formula starters are defused; the guard comes before quoting. */
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n" },
    { "+1 Sales", "'+1 Sales\r\n" },
    { "-minus", "'-minus\r\n" },
    { "@at", "'@at\r\n" },
    { "\tTab", "'\tTab\r\n" },
    { "\rReturn", "\"'\rReturn\"\r\n" },
    /* Only at the start. */
    { "a=b", "a=b\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = one_cell (cases[i].cell);

      g_assert_cmpstr (text, ==, cases[i].line);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/rows", test_rows);
  g_test_add_func ("/csv/empty", test_empty);
  g_test_add_func ("/csv/quoting", test_quoting);

  return g_test_run ();
}
