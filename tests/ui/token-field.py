#!/usr/bin/python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The token field as any other program on the accessibility bus sees it.

Starts `gatehouse` (no demo) on a private accessibility bus, goes to the token page the way a
person does, types a token into the real field through AT-SPI, and then reads the whole tree
— names, descriptions and the text of everything that has text — for any 12 characters of
the token in a row.  A screen reader may hear that a token is there and its masked form
(the first and last four characters), never more.

Usage: token-field.py GATEHOUSE_BINARY
"""

import os
import sys
import tempfile
import time

import pyatspi

from atspi_util import (accessible_env, click, find_named, start_app, stop_app, text_of, walk,
                        wait_for_named, wait_for_text)

# Shaped like a real one, made for this run only.
TOKEN = ("EAAGhAtspiProbe" + "".join(f"{(i * 7919) % 9973:04d}Zq" for i in range(30)))
SLICE = 12


def leaks(text):
    return [TOKEN[i:i + SLICE] for i in range(len(TOKEN) - SLICE + 1) if TOKEN[i:i + SLICE] in text]


def find_token_field(app, deadline):
    while time.monotonic() < deadline:
        for node in walk(app):
            if node.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY,
                                  pyatspi.ROLE_PASSWORD_TEXT):
                try:
                    node.queryEditableText()
                except NotImplementedError:
                    continue
                return node
        time.sleep(0.2)
    return None


def main():
    binary = sys.argv[1]
    failures = []
    env = accessible_env()
    keyring = tempfile.mkdtemp(prefix="gatehouse-token-field-")
    env["SECRET_BACKEND"] = "file"
    env["SECRET_FILE_TEST_PATH"] = os.path.join(keyring, "keyring")

    launcher, app_proc, app = start_app([binary], env)
    try:
        if app is None:
            print("not ok: gatehouse never appeared on the accessibility bus")
            return 1
        deadline = time.monotonic() + 30

        set_up = wait_for_named(app, pyatspi.ROLE_PUSH_BUTTON, "Set Up Access", deadline)
        if set_up is None:
            print("not ok: no “Set Up Access” button")
            return 1
        click(set_up)
        skip = wait_for_named(app, pyatspi.ROLE_PUSH_BUTTON, "I Already Have a Token", deadline)
        if skip is None:
            print("not ok: the guide offers no “I Already Have a Token”")
            return 1
        click(skip)

        field = find_token_field(app, deadline)
        if field is None:
            print("not ok: no editable token field on the accessibility bus")
            return 1
        print(f"ok: the token field is a {field.getRoleName()} named {field.name!r}")
        paste = find_named(app, pyatspi.ROLE_PUSH_BUTTON, "Paste the token from the clipboard")
        if paste is None:
            failures.append("no button named 'Paste the token from the clipboard'")
        else:
            print("ok: a button named 'Paste the token from the clipboard'")

        # As assistive technology types: through the field's EditableText interface.
        editable = field.queryEditableText()
        half = len(TOKEN) // 2
        editable.insertText(0, TOKEN[:half], half)
        editable.insertText(half, TOKEN[half:], len(TOKEN) - half)

        mask = f"Pasted: {TOKEN[:4]}…{TOKEN[-4:]} ({len(TOKEN)} characters)"
        if wait_for_text(app, mask, deadline) is None:
            failures.append(f"the page never said what was pasted ({mask!r})")
        else:
            print(f"ok: a screen reader hears the masked token {mask!r}")

        walked = 0
        for node in walk(app):
            walked += 1
            found = leaks(text_of(node))
            if found:
                failures.append(f"a {node.getRoleName()} named {node.name!r} exposes "
                                f"{len(found)} slices of the token, e.g. {found[0][:4]}…")
        print(f"ok: {walked} accessible objects read")

        text = field.queryText()
        content = text.getText(0, text.characterCount)
        if text.characterCount != len(TOKEN):
            failures.append(f"the field reports {text.characterCount} characters, "
                            f"not {len(TOKEN)}")
        elif set(content) != {"\u2022"}:
            failures.append("the field's text is not only bullets")
        else:
            print(f"ok: the field's text is {len(TOKEN)} bullets")

        # Deleting through the same interface edits the token behind the bullets.
        editable.deleteText(len(TOKEN) - 4, len(TOKEN))
        shorter = f"{TOKEN[:4]}…{TOKEN[-8:-4]} ({len(TOKEN) - 4} characters)"
        if wait_for_text(app, shorter, deadline) is None:
            failures.append(f"deleting four characters did not give {shorter!r}")
        else:
            print("ok: deleting through AT-SPI edits the token")
    finally:
        stop_app(launcher, app_proc)

    for failure in failures:
        print(f"not ok: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
