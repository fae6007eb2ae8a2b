#!/usr/bin/env python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the fuzz targets' build lists every source of src/graph.

tests/fuzz is a project of its own, built with clang by `build-aux/dev fuzz`, so nothing in
the main build notices when a new file of the Graph layer is missing there until the fuzzers
fail to link. This does.

Usage: check-sources.py SOURCE_ROOT
"""

import os
import re
import sys


def main(root):
    with open(os.path.join(root, "tests", "fuzz", "meson.build"), encoding="utf-8") as f:
        listed = set(re.findall(r"'graph/([^']+\.c)'", f.read()))
    present = {name for name in os.listdir(os.path.join(root, "src", "graph"))
               if name.endswith(".c")}
    missing = sorted(present - listed)
    gone = sorted(listed - present)
    for name in missing:
        print(f"tests/fuzz/meson.build does not build src/graph/{name}", file=sys.stderr)
    for name in gone:
        print(f"tests/fuzz/meson.build builds src/graph/{name}, which is gone", file=sys.stderr)
    if not missing and not gone:
        print(f"tests/fuzz/meson.build builds all {len(present)} sources of src/graph")
    return 1 if missing or gone else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.getcwd()))
