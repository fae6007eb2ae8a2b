#!/usr/bin/python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One errand from start to end, the way a screen-reader user runs it, over AT-SPI only.

Starts `gatehouse` (no --demo) on a private accessibility bus and goes: the welcome page →
"Try With Demo Data" → the account overview → People → searches for a person, moves to them
with Tab and the arrow keys, ticks one task with Space → Apply → Refresh, which reads the
list again from the demo server; then leaves the account and opens the demo again, which
reads it afresh.  The change must be what the demo server (Meta's side, inside the app)
holds, not only what is staged.  Every control the test operates, the focus lands on or the
People page holds must have a name a listener can use, and no name, description or text
anywhere may hold the demo token.

The window opens wide enough for the people grid (below about 980 pixels a list replaces
it): the app keeps its size in GSettings, here a key file in a temporary directory.

Usage: end-to-end.py GATEHOUSE_BINARY
"""

import os
import re
import shutil
import sys
import tempfile
import time
from types import SimpleNamespace

import pyatspi

from atspi_util import (CONTROLS, KEY_RIGHT, KEY_SPACE, KEY_TAB, FocusWatch, Hearing,
                        accessible_env, ancestor, bad_name, click, find_named, has_state,
                        labels_under, name_problem, press_key, start_app, stop_app, text_of,
                        wait_for_named, wait_for_text, wait_until, walk)

TOKEN_PREFIX = "EAAGhDemo"
DEMO_WABA_NAME = "Lucky Shrub"
PERSON = "Jasper Brown"      # holds Develop in the demo data, and not Messaging
TASK = "Messaging"
HELD_TASK = "Develop"
APP_SCHEMA_PATH = "io/github/gatehouse_app/Gatehouse"
WIDE = (1200, 760)
PEOPLE_TABLE = "People with access"
# The Apply button is found by what it does, so that its name can be checked.
APPLY_DOES = "Send the staged changes to Meta"
# "41 people, 7 with full control", or "1 shown of 41 people, …" while searching.
COUNTS = re.compile(r".*\bpeople, \d+ with full control")
CHANGES = re.compile(r"No changes|\d+ changes?")
# Generous: they only bound how long a broken app keeps the test waiting.
STEP_SECONDS = 60
KEY_SECONDS = 20
MAX_TABS = 40
STARTED = time.monotonic()


class Failed(Exception):
    pass


def deadline():
    return time.monotonic() + STEP_SECONDS


def ok(message):
    print(f"ok: {message}  [{time.monotonic() - STARTED:.1f} s]", flush=True)


def named(node, what):
    """@node, after checking that a screen reader has a name to read for it."""
    if node is None:
        raise Failed(f"no {what}")
    problem = name_problem(node)
    if problem is not None:
        raise Failed(f"{what}: {problem}")
    return node


def operate(app, role, name):
    node = named(wait_for_named(app, role, name, deadline()), f"control named {name!r}")
    click(node)
    ok(f"activated the {node.getRoleName()} {name!r}")


def find_tab(app, name):
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_PAGE_TAB and node.name == name:
            return node
    return None


def no_token_anywhere(app, where):
    """Reads every name, description and text of the app, hidden pages included."""
    walked = 0
    for node in walk(app):
        walked += 1
        if TOKEN_PREFIX in text_of(node):
            raise Failed(f"{where}: a {node.getRoleName()} named {node.name!r} shows the token")
    ok(f"{where}: none of {walked} accessible objects shows the token")


# The People page, read in one walk of its own subtree: the rest of the window (the
# overview alone is a thousand objects) is not walked again for every look.

def people_page(app):
    """The People page's root: the nearest ancestor the grid shares with Apply (the walk
    does not go into the grid's rows, which are most of the page)."""
    table = apply = None
    for node in walk(app, prune=lambda node: node.getRole() == pyatspi.ROLE_TREE_TABLE):
        role = node.getRole()
        if role == pyatspi.ROLE_TREE_TABLE and node.name == PEOPLE_TABLE:
            table = node
        elif role == pyatspi.ROLE_PUSH_BUTTON and node.description == APPLY_DOES:
            apply = node
        if table is not None and apply is not None:
            break
    else:
        return None
    above_apply = set()
    node = apply
    while node is not None:
        above_apply.add(node)
        node = node.parent
    node = table
    while node is not None and node not in above_apply:
        node = node.parent
    return node


def look(page):
    """What a screen reader finds on the People page now; every control on it, hidden or
    not, must have a name to be heard by."""
    seen = SimpleNamespace(boxes={}, table=None, narrow=None, counts=None, changes=None,
                           apply=None)
    for node in walk(page):
        role = node.getRole()
        name = node.name or ""
        if role in CONTROLS and bad_name(name, "control") is not None:
            raise Failed(f"on People, {name_problem(node)}")
        if role == pyatspi.ROLE_CHECK_BOX and name.endswith(f" for {PERSON}"):
            seen.boxes[name] = node
        elif role == pyatspi.ROLE_TREE_TABLE and name == PEOPLE_TABLE:
            seen.table = node
        elif role == pyatspi.ROLE_LIST and name == PEOPLE_TABLE:
            seen.narrow = node
        elif role == pyatspi.ROLE_LABEL and COUNTS.fullmatch(name):
            seen.counts = name
        elif role == pyatspi.ROLE_LABEL and CHANGES.fullmatch(name):
            seen.changes = name
        elif role == pyatspi.ROLE_PUSH_BUTTON and node.description == APPLY_DOES:
            seen.apply = node
    seen.box = seen.boxes.get(f"{TASK} for {PERSON}")
    seen.ticked = seen.box is not None and has_state(seen.box, pyatspi.STATE_CHECKED)
    seen.state = row_state(seen.table, seen.box)
    return seen


def row_state(table, box):
    """What the State cell of @box's row reads ("" when it shows nothing), finding the
    column by its title as a screen reader's table navigation does."""
    if table is None or box is None:
        return None
    header = next((child for child in table if child.getRole() == pyatspi.ROLE_TABLE_ROW), None)
    row = ancestor(box, pyatspi.ROLE_TABLE_ROW)
    if header is None or row is None:
        return None
    column = next((i for i, title in enumerate(header) if "State" in labels_under(title)), None)
    if column is None or column >= row.childCount:
        return None
    texts = labels_under(row.getChildAtIndex(column))
    for text in texts:
        problem = bad_name(text, "label")
        if problem is not None:
            raise Failed(f"in the State cell of {PERSON}, {problem}")
    return " ".join(texts)


def describe(seen):
    return (f"'{TASK} for {PERSON}' {'ticked' if seen.ticked else 'not ticked'}, the row "
            f"reading {seen.state!r}, the bar {seen.changes!r}")


def wait_for_page(page, wanted, what):
    """The page once @wanted holds of what it shows; fails saying what it showed instead."""
    last = None

    def check():
        nonlocal last
        last = look(page)
        return last if wanted(last) else None
    seen = wait_until(check, deadline(), 0.3)
    if seen is None:
        raise Failed(f"{what}, yet the page shows {describe(last)}")
    return seen


def settled(states):
    """The task ticked, the row reading one of @states, "No changes" in the bar and the
    count of people back in its place (no read under way)."""
    return lambda seen: (seen.ticked and seen.state in states and seen.changes == "No changes"
                         and seen.counts is not None)


def apply_button(seen):
    """The button that sends the staged changes; a screen reader must hear it as "Apply"."""
    button = named(seen.apply, f"button that does {APPLY_DOES!r}")
    if button.name != "Apply":
        raise Failed(f"the button that does {APPLY_DOES!r} is called {button.name!r}")
    return button


def open_people(app):
    """The People tab of the open account; returns its page, which may still be reading."""
    tab = named(wait_until(lambda: find_tab(app, "People"), deadline()), "page tab 'People'")
    click(tab)
    ok("activated the page tab 'People'")
    page = wait_until(lambda: people_page(app), deadline())
    if page is None:
        raise Failed(f"no table named {PEOPLE_TABLE!r} next to a button that does "
                     f"{APPLY_DOES!r}")
    return page


def search(page):
    """Narrows the grid to the person, as one finds someone among many."""
    entry = named(find_named(page, pyatspi.ROLE_ENTRY, "Search people by name or ID"),
                  "search entry")
    editable = entry.queryEditableText()
    editable.deleteText(0, entry.queryText().characterCount)
    editable.insertText(0, PERSON, len(PERSON))
    seen = wait_for_page(page, lambda seen: seen.box is not None and seen.counts is not None
                         and seen.counts.startswith("1 shown of"),
                         f"the search should show {PERSON} alone")
    ok(f"typed {PERSON!r} into the entry {entry.name!r}: {seen.counts!r}")
    if seen.narrow is not None and seen.narrow.childCount > 0:
        raise Failed("the window is narrow: People shows the list, not the grid")
    if seen.table is None:
        raise Failed(f"no table named {PEOPLE_TABLE!r}")
    ok(f"People shows the grid, a table named {PEOPLE_TABLE!r}")
    return seen


def tab_to_person(watch):
    """Tab until the focus is in the person's row, hearing each stop as a screen reader."""
    heard = []
    for _ in range(MAX_TABS):
        focus = watch.press(KEY_TAB, time.monotonic() + KEY_SECONDS)
        if focus is None:
            raise Failed(f"Tab moved the focus nowhere after {heard}")
        named(focus, f"the {focus.getRoleName()} the focus reached after {heard}")
        heard.append(focus.name)
        if focus.getRole() == pyatspi.ROLE_CHECK_BOX and focus.name.endswith(f" for {PERSON}"):
            ok(f"Tab went through {len(heard)} named stops: {' → '.join(heard)}")
            return focus
    raise Failed(f"{MAX_TABS} presses of Tab never reached {PERSON}'s boxes: {heard}")


def arrow_to_task(focus, watch):
    wanted = f"{TASK} for {PERSON}"
    heard = [focus.name]
    while focus.name != wanted:
        if len(heard) > 20:
            raise Failed(f"Right never reached {wanted!r}: {heard}")
        focus = watch.press(KEY_RIGHT, time.monotonic() + KEY_SECONDS)
        if focus is None:
            raise Failed(f"Right moved the focus nowhere after {heard}")
        named(focus, f"the {focus.getRoleName()} Right reached")
        heard.append(focus.name)
    ok(f"Right went along the row: {' → '.join(heard)}")
    return focus


def walk_through(app, watch):
    # The welcome page, as the app opens without --demo.
    if wait_for_text(app, "Connect WhatsApp Business to Your Tools", deadline()) is None:
        raise Failed("the welcome page never showed")
    ok("the welcome page shows")
    operate(app, pyatspi.ROLE_PUSH_BUTTON, "Try With Demo Data")

    # The account overview of the demo.
    for wanted in (DEMO_WABA_NAME, "WhatsApp Business Account ID"):
        if wait_for_text(app, wanted, deadline()) is None:
            raise Failed(f"the overview never showed {wanted!r}")
    ok(f"the overview shows {DEMO_WABA_NAME!r} and its IDs")
    no_token_anywhere(app, "the overview")

    # People, before the change: what the demo server holds.
    page = open_people(app)
    seen = search(page)
    held = seen.boxes.get(f"{HELD_TASK} for {PERSON}")
    if seen.box is None or seen.ticked or held is None \
       or not has_state(held, pyatspi.STATE_CHECKED):
        raise Failed(f"{PERSON} does not hold {HELD_TASK} without {TASK}: {describe(seen)}")
    if seen.changes != "No changes" or seen.state != "":
        raise Failed(f"something is staged before any change: {describe(seen)}")
    if has_state(apply_button(seen), pyatspi.STATE_SENSITIVE):
        raise Failed("Apply can be pressed with nothing staged")
    ok(f"{PERSON} holds {HELD_TASK} and not {TASK}; 'No changes', and Apply is off")

    # The change, made from the keyboard.
    box = arrow_to_task(tab_to_person(watch), watch)
    press_key(KEY_SPACE)
    seen = wait_for_page(page, lambda seen: seen.ticked and seen.changes == "1 change"
                         and seen.state == "Changed", f"Space on {box.name!r} should stage it")
    ok(f"Space ticked {box.name!r}: the row reads 'Changed', the bar '1 change'")

    button = apply_button(seen)
    if not has_state(button, pyatspi.STATE_SENSITIVE):
        raise Failed("Apply cannot be pressed with a change staged")
    click(button)
    ok(f"activated the push button {button.name!r} ({button.description!r})")
    seen = wait_for_page(page, settled(("Applied",)), "Apply should make Meta hold the change")
    if has_state(apply_button(seen), pyatspi.STATE_SENSITIVE):
        raise Failed("Apply can still be pressed after the change was applied")
    ok(f"after Apply the row reads 'Applied', {TASK} ticked, the bar 'No changes'")

    # Refresh: the list read again from the demo server.  A refresh that finds the list as
    # the app holds it keeps the rows (and their "Applied"); any difference reads it whole.
    refresh = named(find_named(app, pyatspi.ROLE_PUSH_BUTTON, "Refresh"), "Refresh button")
    hearing = Hearing("object:children-changed")
    try:
        click(refresh)
        ok(f"activated the push button {refresh.name!r} ({refresh.description!r})")
        # While it reads, the page shows its progress where the count of people was.
        if hearing.wait(lambda kind, source, index, child: kind.endswith(":remove")
                        and COUNTS.fullmatch(child.name or ""), deadline()) is None:
            raise Failed("Refresh never started reading the list again")
    finally:
        hearing.stop()
    wait_for_page(page, settled(("Applied", "")),
                  "read again, the list should show the change as held")
    ok(f"read again from the server, {PERSON} holds {TASK}, nothing staged")
    no_token_anywhere(app, "People read again")

    # Leave the account and open the demo again: a new connection reads the list afresh,
    # so the row has no "Applied" left from this session.
    operate(app, pyatspi.ROLE_PUSH_BUTTON, "Back to connections")
    operate(app, pyatspi.ROLE_PUSH_BUTTON, "Try With Demo Data")
    page = open_people(app)
    search(page)
    wait_for_page(page, settled(("",)), "opened again, the demo should hold the change")
    ok(f"opened again, the demo shows {TASK} held by {PERSON}, nothing staged")


def wide_window_settings(directory):
    """A GSettings key file that opens the window wide enough for the grid."""
    settings = os.path.join(directory, "config", "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as keyfile:
        keyfile.write(f"[{APP_SCHEMA_PATH}]\nwindow-width={WIDE[0]}\nwindow-height={WIDE[1]}\n")


def main():
    binary = sys.argv[1]
    home = tempfile.mkdtemp(prefix="gatehouse-end-to-end-")
    env = accessible_env()
    wide_window_settings(home)
    env["GSETTINGS_BACKEND"] = "keyfile"
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["SECRET_BACKEND"] = "file"
    env["SECRET_FILE_TEST_PATH"] = os.path.join(home, "keyring")

    launcher, app_proc, app = start_app([binary], env)
    watch = FocusWatch()
    try:
        if app is None:
            print("not ok: gatehouse never appeared on the accessibility bus")
            return 1
        walk_through(app, watch)
    except Failed as failure:
        print(f"not ok: {failure}")
        return 1
    finally:
        watch.stop()
        stop_app(launcher, app_proc)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
