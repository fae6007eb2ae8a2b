#!/usr/bin/env python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every language in po/LINGUAS translates every string of the current sources.

The strings are extracted afresh from the files po/POTFILES.in lists (as `meson compile
gatehouse-pot` does), merged into each language's .po in a temporary directory, and the result
must pass `msgfmt --check` with no fuzzy and no untranslated message. A string added to the code
and not yet translated fails here, not in front of a Spanish-speaking admin.

Usage:
  check-translations.py [SOURCE_ROOT]   check a tree (default: the current directory)
  check-translations.py --self-test     prove on throw-away trees that the check can fail
"""

import os
import re
import subprocess
import sys
import tempfile

# The keywords and flags of meson's "glib" gettext preset, which po/meson.build uses.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_printerr:1:c-format",
]

STATISTICS = re.compile(
    r"(?P<translated>\d+) translated messages?"
    r"(?:, (?P<fuzzy>\d+) fuzzy translations?)?"
    r"(?:, (?P<untranslated>\d+) untranslated messages?)?"
)


def extract(root, pot):
    subprocess.run(["xgettext", *XGETTEXT_ARGS, "--package-name=gatehouse",
                    "--directory=" + root, "--files-from=" + os.path.join(root, "po", "POTFILES.in"),
                    "--output=" + pot],
                   check=True, capture_output=True, text=True)


def languages(root):
    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        return [word for line in f for word in line.split("#")[0].split()]


def check_language(root, pot, language, scratch):
    """Problems with one language, as sentences; empty when it is complete."""
    merged = os.path.join(scratch, language + ".po")
    result = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file=" + merged,
                             os.path.join(root, "po", language + ".po"), pot],
                            capture_output=True, text=True)
    if result.returncode != 0:
        return [f"{language}: msgmerge failed: {result.stderr.strip()}"]

    result = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file=/dev/null",
                             merged], capture_output=True, text=True)
    problems = []
    if result.returncode != 0:
        problems.append(f"{language}: msgfmt --check fails:\n{result.stderr.strip()}")

    match = STATISTICS.search(result.stderr)
    if match is None:
        return problems + [f"{language}: no statistics from msgfmt: {result.stderr.strip()}"]
    fuzzy = int(match.group("fuzzy") or 0)
    untranslated = int(match.group("untranslated") or 0)
    print(f"{language}: {match.group('translated')} translated, {fuzzy} fuzzy, "
          f"{untranslated} untranslated")
    if fuzzy or untranslated:
        problems.append(f"{language}: {fuzzy} fuzzy and {untranslated} untranslated messages "
                        f"(msgmerge po/{language}.po against the current strings, then translate)")
    return problems


def cut_strings(pot):
    """Strings xgettext cut short at a format macro such as G_GINT64_FORMAT: the code's whole
    string never matches the catalog, so it is never translated."""
    with open(pot, encoding="utf-8") as f:
        text = f.read()
    return [m.group(1) for m in re.finditer(r'^msgid(?:_plural)? "((?:[^"\\]|\\.)*%)"$',
                                             text, re.M)]


def check(root):
    with tempfile.TemporaryDirectory() as scratch:
        pot = os.path.join(scratch, "gatehouse.pot")
        extract(root, pot)
        problems = [f"a string ends at a format macro, write the number another way: \"{cut}\""
                    for cut in cut_strings(pot)]
        for language in languages(root):
            problems += check_language(root, pot, language, scratch)
    return problems


PO_HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def write_tree(root, source, po_body):
    os.makedirs(os.path.join(root, "src"))
    os.makedirs(os.path.join(root, "po"))
    with open(os.path.join(root, "src", "a.c"), "w", encoding="utf-8") as f:
        f.write(source)
    with open(os.path.join(root, "po", "POTFILES.in"), "w", encoding="utf-8") as f:
        f.write("src/a.c\n")
    with open(os.path.join(root, "po", "LINGUAS"), "w", encoding="utf-8") as f:
        f.write("es\n")
    with open(os.path.join(root, "po", "es.po"), "w", encoding="utf-8") as f:
        f.write(PO_HEADER + po_body)


def self_test():
    source = 'const char *a = _("Hello");\nconst char *b = _("%d people");\n'
    cases = [
        ("complete", 'msgid "Hello"\nmsgstr "Hola"\n\n'
                     '#, c-format\nmsgid "%d people"\nmsgstr "%d personas"\n', True),
        ("a string not in the .po", 'msgid "Hello"\nmsgstr "Hola"\n', False),
        ("an untranslated string", 'msgid "Hello"\nmsgstr "Hola"\n\n'
                                   '#, c-format\nmsgid "%d people"\nmsgstr ""\n', False),
        ("a fuzzy string", 'msgid "Hello"\nmsgstr "Hola"\n\n'
                           '#, fuzzy, c-format\nmsgid "%d people"\nmsgstr "%d personas"\n', False),
        ("a broken format", 'msgid "Hello"\nmsgstr "Hola"\n\n'
                            '#, c-format\nmsgid "%d people"\nmsgstr "%s personas"\n', False),
    ]
    macro_source = source + 'const char *c = _("%" G_GINT64_FORMAT " left");\n'
    macro_po = ('msgid "Hello"\nmsgstr "Hola"\n\n#, c-format\nmsgid "%d people"\n'
                'msgstr "%d personas"\n\nmsgid "%"\nmsgstr "%"\n')
    cases.append(("a string cut at a format macro", macro_po, False))
    failures = 0
    for name, body, should_pass in cases:
        with tempfile.TemporaryDirectory() as root:
            write_tree(root, macro_source if body is macro_po else source, body)
            passed = not check(root)
        if passed != should_pass:
            print(f"self-test: {name}: the check {'failed' if should_pass else 'passed'}")
            failures += 1
    print(f"{len(cases) - failures} passed, {failures} failed")
    return 1 if failures else 0


def main(argv):
    if len(argv) > 1 and argv[1] == "--self-test":
        return self_test()
    root = argv[1] if len(argv) > 1 else os.getcwd()
    problems = check(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
