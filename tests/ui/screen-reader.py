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

import pyatspi

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


def is_showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


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
            if is_showing(node) and wanted in text_of(node):
                return node
        time.sleep(0.3)
    return None


def find_named(app, role, name):
    for node in walk(app):
        if node.getRole() == role and node.name == name and is_showing(node):
            return node
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


def main():
    binary = sys.argv[1]
    failures = []

    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                env=env)
    time.sleep(1.0)
    app_proc = subprocess.Popen([binary, "--demo"], env=env)
    try:
        deadline = time.monotonic() + 30
        app = find_app("gatehouse", deadline)
        if app is None:
            print("not ok: gatehouse never appeared on the accessibility bus")
            return 1

        if wait_for_text(app, DEMO_WABA_NAME, deadline) is None:
            print(f"not ok: the overview never showed {DEMO_WABA_NAME!r}")
            return 1
        print(f"ok: the overview shows {DEMO_WABA_NAME!r} to a screen reader")

        checked = 0
        for node in walk(app):
            if not is_showing(node):
                continue
            if TOKEN_PREFIX in text_of(node):
                failures.append(f"the token is exposed by a {node.getRoleName()}")
            if node.getRole() in OPERABLE:
                checked += 1
                if not (node.name or "").strip():
                    failures.append(f"a {node.getRoleName()} has no accessible name")
        print(f"ok: {checked} operable controls on the overview checked for names")

        copy = find_named(app, pyatspi.ROLE_PUSH_BUTTON, "Copy WhatsApp Business Account ID")
        if copy is None:
            failures.append("no button named 'Copy WhatsApp Business Account ID'")

        back = find_named(app, pyatspi.ROLE_PUSH_BUTTON, "Back to connections")
        if back is None:
            failures.append("no button named 'Back to connections'")
        else:
            click(back)
            if wait_for_text(app, "Set Up Access", time.monotonic() + 10) is None:
                failures.append("activating 'Back to connections' did not reach the welcome page")
            else:
                print("ok: 'Back to connections' works through AT-SPI")
                for node in walk(app):
                    if is_showing(node) and node.getRole() in OPERABLE \
                            and not (node.name or "").strip():
                        failures.append(f"welcome page: a {node.getRoleName()} has no name")
    finally:
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
