# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the AT-SPI tests share: starting Gatehouse on an accessibility bus, walking the tree
as a screen reader does, finding and operating controls."""

import os
import subprocess
import time

import pyatspi


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
