#!/usr/bin/python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the real app the way a screen reader does, over AT-SPI.

Starts `gatehouse --demo` on a private accessibility bus, waits for the account overview,
then checks that every control a person can operate has a name, that the token shows up in
no name or description, and that the controls work when activated through AT-SPI.

Usage: screen-reader.py GATEHOUSE_BINARY SCREENSHOT_DIR
"""

import os
import subprocess
import sys
import time

import re

import pyatspi

DEMO_WABA_NAME = "Lucky Shrub"
TOKEN_PREFIX = "EAAGhDemo"

# A name that is only a widget class ("GtkImage") tells a listener nothing.
TYPE_NAME = re.compile(r"(Gtk|Adw|Gh)[A-Z][A-Za-z]*")
# The reveal button inside libadwaita 1.2's password row, which the app cannot name.
LIBADWAITA_INTERNAL = {"GtkImage"}

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


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def text_of(node):
    parts = [node.name or ""]
    try:
        parts.append(node.description or "")
    except Exception:
        pass
    try:
        text = node.queryText()
        parts.append(text.getText(0, text.characterCount))
    except Exception:
        pass
    return " ".join(parts)


def find_app(name, deadline):
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    return None


def wait_for_text(app, wanted, deadline):
    while time.monotonic() < deadline:
        for node in walk(app):
            if wanted in text_of(node):
                return node
        time.sleep(0.3)
    return None


def find_named(app, role, name):
    for node in walk(app):
        if node.getRole() == role and node.name == name:
            return node
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


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

    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                env=env)
    time.sleep(1.0)
    app_proc = None
    try:
        # An X server under load may refuse a connection now and then; that says nothing
        # about the app, so a start that dies at once is tried again (three times at most).
        app = None
        for attempt in range(3):
            app_proc = subprocess.Popen([binary, "--demo"], env=env)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and app is None and app_proc.poll() is None:
                app = find_app("gatehouse", time.monotonic() + 1)
            if app is not None:
                break
            print(f"# start {attempt + 1} failed (exit status {app_proc.poll()})")
            if app_proc.poll() is None:
                app_proc.kill()
                app_proc.wait()
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
            elif TYPE_NAME.fullmatch(name) and name not in LIBADWAITA_INTERNAL:
                failures.append(f"a {node.getRoleName()} is only called {name!r}")
            elif "_" in name:
                failures.append(f"a {node.getRoleName()} reads its mnemonic: {name!r}")
        print(f"ok: {checked} operable controls checked for names")

        for wanted in ("Copy WhatsApp Business Account ID", "Back to connections", "Refresh",
                       "Paste the token from the clipboard"):
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
        if app_proc is not None:
            app_proc.terminate()
            try:
                app_proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_proc.kill()
        launcher.terminate()

    for failure in failures:
        print(f"not ok: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
