# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the AT-SPI tests share: starting Gatehouse on an accessibility bus, walking the tree
as a screen reader does, finding and operating controls, judging their names, pressing keys
and hearing the events the app sends back."""

import os
import re
import subprocess
import time

import pyatspi
from gi.repository import Atspi, GLib


def walk(node, depth=0, prune=None):
    """@node and everything under it, depth first; not under the nodes @prune is true for."""
    if node is None or depth > 60:
        return
    yield node
    if prune is not None and prune(node):
        return
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, prune)


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


def start_app(args, env):
    """Starts the app on its own accessibility bus; returns (launcher, process, app node).

    An X server under load may refuse a connection now and then; that says nothing about
    the app, so a start that dies at once is tried again (three times at most)."""
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                env=env)
    time.sleep(1.0)
    app = None
    app_proc = None
    for attempt in range(3):
        app_proc = subprocess.Popen(args, env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and app is None and app_proc.poll() is None:
            app = find_app("gatehouse", time.monotonic() + 1)
        if app is not None:
            break
        print(f"# start {attempt + 1} failed (exit status {app_proc.poll()})")
        if app_proc.poll() is None:
            app_proc.kill()
            app_proc.wait()
    return launcher, app_proc, app


def stop_app(launcher, app_proc):
    if app_proc is not None:
        app_proc.terminate()
        try:
            app_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_proc.kill()
    launcher.terminate()


def accessible_env():
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    return env


def wait_for_named(app, role, name, deadline):
    while time.monotonic() < deadline:
        node = find_named(app, role, name)
        if node is not None:
            return node
        time.sleep(0.2)
    return None


# What a screen reader reads out as a name, and what makes one useless to a listener.
TYPE_NAME = re.compile(r"(Gtk|Adw|Gh)[A-Z][A-Za-z]*")


def repeats(name):
    """GTK 4.8 can join a button's label property and its label: "Save Save"."""
    words = name.split()
    half = len(words) // 2
    return len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]


def bad_name(name, role):
    """Why a @role called @name tells a listener nothing, or None when the name is fine."""
    name = (name or "").strip()
    if not name:
        return f"a {role} has no accessible name"
    if TYPE_NAME.fullmatch(name):
        return f"a {role} is only called {name!r}"
    if "_" in name:
        return f"a {role} reads its mnemonic: {name!r}"
    if repeats(name):
        return f"a {role} says its name twice: {name!r}"
    return None


def name_problem(node):
    return bad_name(node.name, node.getRoleName())


# The roles of what a person operates: each needs a name of its own.
CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_LINK,
}


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def ancestor(node, role):
    node = node.parent
    while node is not None and node.getRole() != role:
        node = node.parent
    return node


def wait_until(predicate, deadline, interval=0.2):
    """The first true value @predicate returns before @deadline, or None."""
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return None


def labels_under(node):
    """The text of every label under @node, in order: what a screen reader reads of a cell."""
    return [child.name or "" for child in walk(node) if child.getRole() == pyatspi.ROLE_LABEL]


# X keysyms for the keys a screen-reader user presses.
KEY_TAB = 0xff09
KEY_RIGHT = 0xff53
KEY_SPACE = 0x20


def press_key(keysym):
    """A key press and release through the registry, as an AT synthesizes them."""
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


class Hearing:
    """What the app says on the accessibility bus, as a screen reader hears it: the events
    of the given types, from the moment the object is made until stop()."""

    def __init__(self, *event_types):
        self._types = event_types
        self._heard = []
        self._listener = Atspi.EventListener.new(self._on_event)
        for event_type in event_types:
            self._listener.register(event_type)

    def _on_event(self, event):
        self._heard.append((event.type, event.source, event.detail1, event.any_data))

    def _dispatch(self):
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass

    def forget(self):
        """Drops what was heard so far."""
        self._dispatch()
        self._heard.clear()

    def wait(self, matches, deadline):
        """The first event heard since forget() for which @matches(type, source, detail1,
        any_data) is true, waiting for it until @deadline; None if it never came."""
        while time.monotonic() < deadline:
            self._dispatch()
            for event in self._heard:
                try:
                    if matches(*event):
                        return event
                except Exception:
                    continue    # about an object gone meanwhile
            time.sleep(0.02)
        return None

    def stop(self):
        for event_type in self._types:
            self._listener.deregister(event_type)


class FocusWatch(Hearing):
    """Where the focus goes, from the focus events: how a screen reader follows it."""

    def __init__(self):
        super().__init__("object:state-changed:focused")

    def press(self, keysym, deadline):
        """Presses @keysym; returns the object the focus went to, or None if it stayed."""
        self.forget()
        press_key(keysym)
        if self.wait(lambda kind, source, gained, data: gained, deadline) is None:
            return None
        # Let a focus that moves on at once (into a row, then to its first box) land.
        time.sleep(0.05)
        self._dispatch()
        return [source for kind, source, gained, data in self._heard if gained][-1]
