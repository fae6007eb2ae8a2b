#!/usr/bin/env python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifests: the sandbox, the launch command and what each one builds.

The sandbox is the promise Gatehouse makes to the people who install it: network for Meta,
a display, and nothing else. The keyring is reached through the Secret portal, so the app needs
no D-Bus names and no files. Any permission added later has to be added here on purpose.

There are two manifests that must agree on everything but their source:
  - the release manifest (the one Flathub builds) fetches this project's git repository at
    the release tag "v" + VERSION, pinned to that tag's commit;
  - the Devel manifest builds the checkout it sits in, for local builds.

Usage:
  check-manifest.py [--self-test] --release MANIFEST --devel MANIFEST --app-id ID
                    --command BINARY --version VERSION --metainfo METAINFO
                    [--desktop DESKTOP_FILE] [--repo SOURCE_DIR]

--repo lets the check ask git that the pinned commit exists (skipped outside a full clone of
this project).
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

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

COMMIT = re.compile(r"^[0-9a-f]{40}$")
DEVEL_SOURCES = [{"type": "dir", "path": ".."}]


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


def project_url(metainfo_path):
    """The repository's address as the AppStream data gives it."""
    root = ElementTree.parse(metainfo_path).getroot()
    for url in root.findall("url"):
        if url.get("type") == "vcs-browser":
            return (url.text or "").strip()
    return None


class Repo:
    """Asks a git checkout about commits; says nothing when it cannot know."""

    def __init__(self, path):
        self.path = path
        self.usable = False
        if path is None:
            return
        try:
            # Only this project's own history counts: not a tarball unpacked inside another
            # repository, not a shallow clone, not a fresh `git init` without commits.
            top = self._git("rev-parse", "--show-toplevel")
            shallow = self._git("rev-parse", "--is-shallow-repository")
            self._git("rev-parse", "--verify", "--quiet", "HEAD")
        except (OSError, subprocess.CalledProcessError):
            return
        self.usable = (os.path.realpath(top) == os.path.realpath(path)
                       and shallow == "false")

    def _git(self, *args):
        return subprocess.run(["git", "-C", self.path, *args], check=True, text=True,
                              capture_output=True).stdout.strip()

    def has_commit(self, commit):
        try:
            self._git("cat-file", "-e", commit + "^{commit}")
            return True
        except subprocess.CalledProcessError:
            return False

    def tag_commit(self, tag):
        try:
            return self._git("rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}")
        except subprocess.CalledProcessError:
            return None


def our_module(manifest):
    modules = manifest.get("modules")
    if not isinstance(modules, list):
        return None
    ours = [m for m in modules if isinstance(m, dict) and m.get("name") == "gatehouse"]
    return ours[0] if len(ours) == 1 else None


def check_common(manifest, app_id, command, desktop_command=None):
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

    module = our_module(manifest)
    if module is None:
        problems.append("there must be exactly one module named gatehouse")
    else:
        if module.get("buildsystem") != "meson":
            problems.append("the gatehouse module is not built with meson")
        opts = module.get("config-opts", [])
        for opt in ("-Dtests=false", "-Dbenchmarks=false"):
            if opt not in opts:
                problems.append(f"the gatehouse module lacks {opt}")
    return problems


def check_release_source(manifest, url, version, repo):
    module = our_module(manifest)
    if module is None:
        return []
    sources = module.get("sources")
    if not isinstance(sources, list) or len(sources) != 1 or not isinstance(sources[0], dict):
        return ["the release must build from exactly one source"]
    source = sources[0]
    problems = []
    if source.get("type") != "git":
        return [f"the release builds from a {source.get('type')!r} source, not git "
                "(Flathub does not accept a local directory)"]
    if source.get("url") != url:
        problems.append(f"the release fetches {source.get('url')!r}, not {url!r}")
    tag = f"v{version}"
    if source.get("tag") != tag:
        problems.append(f"the release is pinned to tag {source.get('tag')!r}, not {tag!r}")
    if "branch" in source:
        problems.append("the release follows a branch; it must be pinned to a tag")
    commit = source.get("commit")
    if not isinstance(commit, str) or not COMMIT.match(commit):
        problems.append(f"the release's commit {commit!r} is not a full commit id")
    elif set(commit) == {"0"}:
        problems.append("the release's commit is a placeholder")
    elif repo.usable:
        if not repo.has_commit(commit):
            problems.append(f"the release's commit {commit} is not in this repository")
        tagged = repo.tag_commit(tag)
        if tagged is not None and tagged != commit:
            problems.append(f"tag {tag} is commit {tagged}, but the release pins {commit}")
    return problems


def check_devel_source(manifest):
    module = our_module(manifest)
    if module is not None and module.get("sources") != DEVEL_SOURCES:
        return ["the Devel manifest must build the checkout it sits in (a dir source '..')"]
    return []


def without_sources(manifest):
    stripped = copy.deepcopy(manifest)
    module = our_module(stripped)
    if module is not None:
        module.pop("sources", None)
    return stripped


def check(release, devel, app_id, command, url, version, repo, desktop_command=None):
    problems = [f"release: {p}" for p in check_common(release, app_id, command, desktop_command)]
    problems += [f"devel: {p}" for p in check_common(devel, app_id, command, desktop_command)]
    if problems:
        return problems
    problems += [f"release: {p}" for p in check_release_source(release, url, version, repo)]
    problems += [f"devel: {p}" for p in check_devel_source(devel)]
    if without_sources(release) != without_sources(devel):
        problems.append("the release and Devel manifests differ in more than their source")
    return problems


def self_test(release, devel, app_id, command, url, version, repo):
    """Break good manifests in known ways; each must be reported."""
    if check(release, devel, app_id, command, url, version, repo):
        print("FAIL: the real manifests must pass before mutating them")
        return 1

    def with_args(manifest, extra):
        m = copy.deepcopy(manifest)
        m["finish-args"] = m["finish-args"] + [extra]
        return m

    def without_arg(manifest, arg):
        m = copy.deepcopy(manifest)
        m["finish-args"] = [a for a in m["finish-args"] if a != arg]
        return m

    def changed(manifest, key, value):
        m = copy.deepcopy(manifest)
        m[key] = value
        return m

    def source_changed(manifest, **fields):
        m = copy.deepcopy(manifest)
        source = our_module(m)["sources"][0]
        for key, value in fields.items():
            if value is None:
                source.pop(key, None)
            else:
                source[key] = value
        return m

    def sources(manifest, value):
        m = copy.deepcopy(manifest)
        our_module(m)["sources"] = value
        return m

    release_source = our_module(release)["sources"]
    cases = [
        ("--talk-name for the keyring",
         with_args(release, "--talk-name=org.freedesktop.secrets"), devel),
        ("home directory access", with_args(release, "--filesystem=home"), devel),
        ("plain X11 in the Devel manifest", release, with_args(devel, "--socket=x11")),
        ("all devices", with_args(release, "--device=all"), devel),
        ("an unknown permission", with_args(release, "--socket=pulseaudio"), devel),
        ("a repeated permission", with_args(release, "--share=network"), devel),
        ("no network", without_arg(release, "--share=network"), devel),
        ("a different command", changed(release, "command", "gatehouse-bin"), devel),
        ("a different id", release, changed(devel, "id", "org.example.Other")),
        ("no modules", changed(release, "modules", []), devel),
        ("a release built from a directory", sources(release, DEVEL_SOURCES), devel),
        ("a release without a commit", source_changed(release, commit=None), devel),
        ("a placeholder commit", source_changed(release, commit="0" * 40), devel),
        ("a short commit", source_changed(release, commit="df4f01d"), devel),
        ("a release following a branch",
         source_changed(release, tag=None, branch="main"), devel),
        ("a tag of another version", source_changed(release, tag="v9.9.9"), devel),
        ("another repository",
         source_changed(release, url="https://example.com/gatehouse.git"), devel),
        ("a Devel manifest fetching git", release, sources(devel, release_source)),
        ("manifests on different runtimes",
         release, changed(devel, "runtime-version", "1")),
    ]
    if repo.usable:
        cases.append(("a commit this repository does not have",
                      source_changed(release, commit="1234567" * 5 + "89abc"), devel))
    else:
        print("note: not a full git checkout; the commit's existence is not tested")

    failures = 0
    for name, broken_release, broken_devel in cases:
        caught = bool(check(broken_release, broken_devel, app_id, command, url, version, repo))
        print(f"{'ok' if caught else 'FAIL'}: {name} is rejected")
        failures += 0 if caught else 1
    caught = bool(check(release, devel, app_id, command, url, version, repo,
                        desktop_command="other"))
    print(f"{'ok' if caught else 'FAIL'}: a desktop file running another binary is rejected")
    failures += 0 if caught else 1
    return 1 if failures else 0


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--release", required=True)
    parser.add_argument("--devel", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--metainfo", required=True)
    parser.add_argument("--desktop")
    parser.add_argument("--repo")
    args = parser.parse_args(argv[1:])

    try:
        release = load(args.release)
        devel = load(args.devel)
        url = project_url(args.metainfo)
    except (OSError, ValueError, ElementTree.ParseError) as e:
        print(e, file=sys.stderr)
        return 1
    if not url:
        print(f"{args.metainfo}: no <url type=\"vcs-browser\">", file=sys.stderr)
        return 1
    url += ".git"
    repo = Repo(args.repo if args.repo and os.path.isdir(args.repo) else None)

    if args.self_test:
        return self_test(release, devel, args.app_id, args.command, url, args.version, repo)

    desktop_command = desktop_exec(args.desktop) if args.desktop else None
    problems = check(release, devel, args.app_id, args.command, url, args.version, repo,
                     desktop_command)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    source = our_module(release)["sources"][0]
    print(f"sandbox is {' '.join(ALLOWED_FINISH_ARGS)}; command {args.command}")
    print(f"release: {source['url']} at {source['tag']} ({source['commit']})"
          + ("" if repo.usable else "; commit not looked up"))
    print("devel: this checkout")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
