#!/usr/bin/env python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists every file under src/ and data/ with strings to translate.

A file that is left out is never extracted, so its strings silently stay English; a listed file
that no longer exists breaks `meson compile gatehouse-pot`. Both fail this check.

Usage:
  check-potfiles.py [SOURCE_ROOT]   check a tree (default: the current directory)
  check-potfiles.py --write         rewrite po/POTFILES.in from the tree, sorted
  check-potfiles.py --self-test     prove on throw-away trees that the check can fail
"""

import os
import re
import shutil
import sys
import tempfile

SCANNED_DIRS = ("src", "data")

# gettext calls as xgettext's C keywords see them, with or without a space before "(".
C_MARKERS = re.compile(
    r"(?<![A-Za-z0-9_])"
    r"(?:_|N_|C_|NC_|Q_|gettext|ngettext|g_dgettext|g_dngettext|g_dpgettext2?)"
    r"\s*\("
)
UI_MARKER = re.compile(r"""translatable\s*=\s*["']yes["']""")

# These carry translatable fields by their format, whatever their content.
ALWAYS_TRANSLATABLE = (".desktop.in", ".metainfo.xml.in", ".appdata.xml.in", ".gschema.xml")
C_SUFFIXES = (".c", ".h")
UI_SUFFIXES = (".ui",)


def has_translatable_strings(path):
    name = os.path.basename(path)
    if name.endswith(ALWAYS_TRANSLATABLE):
        return True
    if not name.endswith(C_SUFFIXES + UI_SUFFIXES):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return False
    if name.endswith(UI_SUFFIXES):
        return UI_MARKER.search(text) is not None
    return C_MARKERS.search(text) is not None


def files_needing_translation(root):
    found = set()
    for top in SCANNED_DIRS:
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for filename in filenames:
                if filename.startswith("."):
                    continue
                full = os.path.join(dirpath, filename)
                if has_translatable_strings(full):
                    found.add(os.path.relpath(full, root).replace(os.sep, "/"))
    return found


def read_potfiles(path):
    """Return the listed paths in order; "[type: …]" prefixes are dropped as xgettext does."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            line = re.sub(r"^\[[^\]]*\]\s*", "", line)
            entries.append(line)
    return entries


def check(root):
    """Return a list of problems, empty when POTFILES.in and the tree agree."""
    potfiles = os.path.join(root, "po", "POTFILES.in")
    if not os.path.isfile(potfiles):
        return [f"{potfiles} does not exist"]

    problems = []
    listed = read_potfiles(potfiles)
    seen = set()
    for entry in listed:
        if entry in seen:
            problems.append(f"po/POTFILES.in lists {entry} twice")
        seen.add(entry)
        if not os.path.isfile(os.path.join(root, entry)):
            problems.append(f"po/POTFILES.in lists {entry}, which does not exist")

    for missing in sorted(files_needing_translation(root) - seen):
        problems.append(f"{missing} has translatable strings but is not in po/POTFILES.in")
    return problems


def self_test():
    """Build small trees whose right answer is known and make sure check() gives it."""
    files = {
        "src/app.c": 'puts (_("Hello"));\n',
        "src/spaced.c": 'puts (N_ ("Spaced"));\n',
        "src/plural.c": 'puts (g_dngettext (NULL, "a", "b", n));\n',
        "src/context.c": 'puts (C_("menu", "Open"));\n',
        "src/page.ui": '<property name="label" translatable="yes">Hi</property>\n',
        "data/x.desktop.in": "[Desktop Entry]\nName=X\n",
        "data/x.metainfo.xml.in": "<component/>\n",
        "data/x.gschema.xml": "<schemalist/>\n",
        # Look-alikes that must not count as translatable.
        "src/plain.c": "g_autoptr(GError) error = NULL; MAX_(1); x->y_(2);\n",
        "src/plain.ui": '<property name="label" translatable="no">Hi</property>\n',
        "data/style.css": "/* _(\"not code\") */\n",
    }
    listed = [
        "src/app.c", "src/spaced.c", "src/plural.c", "src/context.c", "src/page.ui",
        "data/x.desktop.in", "data/x.metainfo.xml.in", "data/x.gschema.xml",
    ]

    def make_tree(potfiles_lines, extra=None):
        root = tempfile.mkdtemp(prefix="check-potfiles-")
        for rel, text in {**files, **(extra or {})}.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)
        os.makedirs(os.path.join(root, "po"), exist_ok=True)
        with open(os.path.join(root, "po", "POTFILES.in"), "w", encoding="utf-8") as f:
            f.write("# comment\n\n" + "\n".join(potfiles_lines) + "\n")
        return root

    cases = [
        ("complete list passes", listed, None, []),
        ("[type:] prefix is understood",
         [e if e != "src/page.ui" else "[type: gettext/glade]src/page.ui" for e in listed],
         None, []),
    ]
    for removed in listed:
        cases.append((f"{removed} removed from the list",
                      [e for e in listed if e != removed], None, [removed]))
    cases += [
        ("a listed file that does not exist", listed + ["src/gone.c"], None, ["src/gone.c"]),
        ("a new file with strings that is not listed", listed,
         {"src/ui/new-page.c": 'label = _("New");\n'}, ["src/ui/new-page.c"]),
        ("a file listed twice", listed + ["src/app.c"], None, ["src/app.c"]),
    ]

    failures = 0
    for name, lines, extra, must_mention in cases:
        root = make_tree(lines, extra)
        try:
            problems = check(root)
        finally:
            shutil.rmtree(root)
        if must_mention:
            ok = bool(problems) and all(any(m in p for p in problems) for m in must_mention)
        else:
            ok = not problems
        print(f"{'ok' if ok else 'FAIL'}: {name}" + ("" if ok else f" -> {problems}"))
        failures += 0 if ok else 1
    return 1 if failures else 0


def write_potfiles(root):
    path = os.path.join(root, "po", "POTFILES.in")
    header = ("# Files with translatable strings, one per line; "
              "checked by build-aux/check-potfiles.py\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "".join(f"{entry}\n" for entry in sorted(files_needing_translation(root))))
    return 0


def main(argv):
    if len(argv) > 1 and argv[1] == "--self-test":
        return self_test()
    if len(argv) > 1 and argv[1] == "--write":
        return write_potfiles(".")
    root = argv[1] if len(argv) > 1 else "."
    problems = check(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"po/POTFILES.in lists all {len(read_potfiles(os.path.join(root, 'po', 'POTFILES.in')))}"
          " files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
