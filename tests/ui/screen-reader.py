#!/usr/bin/python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the real app the way a screen reader does, over AT-SPI.

Starts `gatehouse --demo` on a private accessibility bus, waits for the account overview,
then checks that every control a person can operate has a name, that the token shows up in
no name or description, and that the controls work when activated through AT-SPI.

Usage: screen-reader.py GATEHOUSE_BINARY SCREENSHOT_DIR
"""

import re
import sys
import time

import pyatspi

from atspi_util import (TYPE_NAME, accessible_env, click, find_named, repeats, start_app,
                        stop_app, text_of, walk, wait_for_text)

DEMO_WABA_NAME = "Lucky Shrub"
TOKEN_PREFIX = "EAAGhDemo"

OPERABLE = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_SWITCH if hasattr(pyatspi, "ROLE_SWITCH") else pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_LINK,
}


TAB_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_PAGE_TAB,
}
FULL_CONTROL_FOR = re.compile(r"Full control for \S.*")


def find_tab(app, name):
    for node in walk(app):
        if node.getRole() in TAB_ROLES and (node.name or "").strip() == name:
            return node
    return None


def wait_for_check_box(app, pattern, deadline):
    while time.monotonic() < deadline:
        for node in walk(app):
            if node.getRole() == pyatspi.ROLE_CHECK_BOX and pattern.fullmatch(node.name or ""):
                return node
        time.sleep(0.3)
    return None


def check_people(app, failures):
    """The People tab: every task check box says whose task it is."""
    tab = find_tab(app, "People")
    if tab is None:
        print("# skipped: the window has no \"People\" tab yet, so the grid was not checked")
        return
    click(tab)
    box = wait_for_check_box(app, FULL_CONTROL_FOR, time.monotonic() + 30)
    if box is None:
        failures.append("no check box named like 'Full control for <someone>' on People")
        return
    print(f"ok: a check box named {box.name!r}")
    unnamed = 0
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_CHECK_BOX and not (node.name or "").strip():
            unnamed += 1
    if unnamed:
        failures.append(f"{unnamed} check boxes on People have no name")
    else:
        print("ok: every check box on People has a name")


def main():
    binary = sys.argv[1]
    failures = []

    env = accessible_env()
    launcher, app_proc, app = start_app([binary, "--demo"], env)
    try:
        if app is None:
            print("not ok: gatehouse never appeared on the accessibility bus")
            return 1
        deadline = time.monotonic() + 30

        if wait_for_text(app, DEMO_WABA_NAME, deadline) is None:
            print(f"not ok: the overview never showed {DEMO_WABA_NAME!r}")
            return 1
        print(f"ok: the overview shows {DEMO_WABA_NAME!r} to a screen reader")

        # GTK 4.8 marks nothing but the window as SHOWING, so every page in the window is
        # checked, hidden or not: a stricter test than what is on screen.
        checked = 0
        for node in walk(app):
            if TOKEN_PREFIX in text_of(node):
                failures.append(f"the token is exposed by a {node.getRoleName()}")
            if node.getRole() not in OPERABLE:
                continue
            checked += 1
            name = (node.name or "").strip()
            if not name:
                failures.append(f"a {node.getRoleName()} has no accessible name")
            elif TYPE_NAME.fullmatch(name):
                failures.append(f"a {node.getRoleName()} is only called {name!r}")
            elif "_" in name:
                failures.append(f"a {node.getRoleName()} reads its mnemonic: {name!r}")
            elif repeats(name):
                failures.append(f"a {node.getRoleName()} says its name twice: {name!r}")
        print(f"ok: {checked} operable controls checked for names")

        # (The token page, with its Paste button, is walked by token-field.py.)
        for wanted in ("Copy WhatsApp Business Account ID", "Back to connections", "Refresh"):
            node = find_named(app, pyatspi.ROLE_PUSH_BUTTON, wanted)
            if node is None:
                failures.append(f"no button named {wanted!r}")
            else:
                print(f"ok: a button named {wanted!r}")

        check_people(app, failures)

        back = find_named(app, pyatspi.ROLE_PUSH_BUTTON, "Back to connections")
        if back is not None:
            click(back)
    finally:
        stop_app(launcher, app_proc)

    for failure in failures:
        print(f"not ok: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
