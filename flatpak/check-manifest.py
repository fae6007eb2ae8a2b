#!/usr/bin/env python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest's sandbox and launch command.

The sandbox is the promise Gatehouse makes to the people who install it: network for Meta,
a display, and nothing else. The keyring is reached through the Secret portal, so the app needs
no D-Bus names and no files. Any permission added later has to be added here on purpose.

Usage:
  check-manifest.py MANIFEST APP_ID COMMAND [DESKTOP_FILE]
  check-manifest.py --self-test MANIFEST APP_ID COMMAND
"""

import copy
import json
import sys

ALLOWED_FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]

# Named so the message says why, though the exact comparison would catch them anyway.
FORBIDDEN_PREFIXES = (
    "--talk-name",
    "--system-talk-name",
    "--own-name",
    "--filesystem",
    "--socket=x11",
    "--socket=session-bus",
    "--socket=system-bus",
    "--device=all",
)


def desktop_exec(path):
    with open(path, encoding="utf-8") as f:
        in_entry = False
        for line in f:
            line = line.strip()
            if line.startswith("["):
                in_entry = line == "[Desktop Entry]"
            elif in_entry and line.startswith("Exec="):
                words = line[len("Exec="):].split()
                return words[0] if words else ""
    return None


def check(manifest, app_id, command, desktop_command=None):
    problems = []
    if not isinstance(manifest, dict):
        return ["the manifest is not a JSON object"]

    if manifest.get("id", manifest.get("app-id")) != app_id:
        problems.append(f"id is {manifest.get('id')!r}, expected {app_id!r}")
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append("runtime is not org.gnome.Platform")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append("sdk is not org.gnome.Sdk")
    if not isinstance(manifest.get("runtime-version"), str):
        problems.append("runtime-version must be a string")

    if manifest.get("command") != command:
        problems.append(f"command is {manifest.get('command')!r}, "
                        f"but the installed binary is {command!r}")
    if desktop_command is not None and desktop_command != command:
        problems.append(f"the desktop file runs {desktop_command!r}, not {command!r}")

    args = manifest.get("finish-args")
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        problems.append("finish-args is not a list of strings")
        args = []
    for arg in args:
        if arg.startswith(FORBIDDEN_PREFIXES):
            problems.append(f"finish-args grants {arg}, which Gatehouse must not have")
    if len(args) != len(set(args)):
        problems.append("finish-args repeats an entry")
    if set(args) != set(ALLOWED_FINISH_ARGS):
        extra = sorted(set(args) - set(ALLOWED_FINISH_ARGS))
        missing = sorted(set(ALLOWED_FINISH_ARGS) - set(args))
        problems.append(f"finish-args differ: extra {extra}, missing {missing}")

    modules = manifest.get("modules")
    ours = [m for m in modules if isinstance(m, dict) and m.get("name") == "gatehouse"] \
        if isinstance(modules, list) else []
    if len(ours) != 1:
        problems.append("there must be exactly one module named gatehouse")
    else:
        module = ours[0]
        if module.get("buildsystem") != "meson":
            problems.append("the gatehouse module is not built with meson")
        opts = module.get("config-opts", [])
        for opt in ("-Dtests=false", "-Dbenchmarks=false"):
            if opt not in opts:
                problems.append(f"the gatehouse module lacks {opt}")
        if module.get("sources") != [{"type": "dir", "path": ".."}]:
            problems.append("the gatehouse module must build the checkout it sits in")
    return problems


def self_test(manifest, app_id, command):
    """Break a good manifest in known ways; each must be reported."""
    if check(manifest, app_id, command):
        print("FAIL: the real manifest must pass before mutating it")
        return 1

    def with_args(extra):
        m = copy.deepcopy(manifest)
        m["finish-args"] = m["finish-args"] + [extra]
        return m

    def without(key_path):
        m = copy.deepcopy(manifest)
        m["finish-args"] = [a for a in m["finish-args"] if a != key_path]
        return m

    def changed(key, value):
        m = copy.deepcopy(manifest)
        m[key] = value
        return m

    cases = [
        ("--talk-name for the keyring", with_args("--talk-name=org.freedesktop.secrets")),
        ("home directory access", with_args("--filesystem=home")),
        ("plain X11", with_args("--socket=x11")),
        ("all devices", with_args("--device=all")),
        ("an unknown permission", with_args("--socket=pulseaudio")),
        ("a repeated permission", with_args("--share=network")),
        ("no network", without("--share=network")),
        ("a different command", changed("command", "gatehouse-bin")),
        ("a different id", changed("id", "org.example.Other")),
        ("no modules", changed("modules", [])),
    ]
    failures = 0
    for name, broken in cases:
        caught = bool(check(broken, app_id, command))
        print(f"{'ok' if caught else 'FAIL'}: {name} is rejected")
        failures += 0 if caught else 1
    caught = bool(check(manifest, app_id, command, desktop_command="other"))
    print(f"{'ok' if caught else 'FAIL'}: a desktop file running another binary is rejected")
    failures += 0 if caught else 1
    return 1 if failures else 0


def main(argv):
    selftest = len(argv) > 1 and argv[1] == "--self-test"
    args = argv[2:] if selftest else argv[1:]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, app_id, command = args[:3]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: {e}", file=sys.stderr)
        return 1
    if selftest:
        return self_test(manifest, app_id, command)

    desktop_command = desktop_exec(args[3]) if len(args) > 3 else None
    problems = check(manifest, app_id, command, desktop_command)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{path}: sandbox is {' '.join(ALLOWED_FINISH_ARGS)}; command {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
