#!/usr/bin/env python3
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check what software centres and Flathub's review read beyond `appstreamcli validate`.

The AppStream data: a summary of at most 35 characters, titles and captions without a final
period, search keywords, release notes for this version, and screenshots in light and dark
that are files in data/screenshots, fetched from this project's repository at the release tag.
The desktop file: exactly one main category.

Usage:
  check-appstream.py [--self-test] --metainfo METAINFO --desktop DESKTOP_FILE
                     --screenshots DIR --version VERSION
"""

import argparse
import copy
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

MAX_SUMMARY_CHARS = 35
MIN_KEYWORDS = 3
# The freedesktop.org menu specification's main categories ("GTK" and the like are additional).
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
    "Office", "Science", "Settings", "System", "Utility",
}
DARK = "gnome:dark"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def text(element):
    return (element.text or "").strip() if element is not None else ""


def github_raw_base(root, version):
    """Screenshots come from the repository the metainfo names, at this release's tag."""
    for url in root.findall("url"):
        if url.get("type") == "vcs-browser":
            match = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+?)/?", text(url))
            if match:
                owner, name = match.groups()
                return (f"https://raw.githubusercontent.com/{owner}/{name}/v{version}"
                        "/data/screenshots/")
    return None


def is_png(path):
    try:
        with open(path, "rb") as f:
            return f.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
    except OSError:
        return False


def check_metainfo(root, version, screenshot_files):
    problems = []

    name = text(root.find("name"))
    summary = text(root.find("summary"))
    if len(summary) > MAX_SUMMARY_CHARS:
        problems.append(f"the summary has {len(summary)} characters, more than "
                        f"{MAX_SUMMARY_CHARS}: {summary!r}")
    if summary.lower().startswith(name.lower()):
        problems.append("the summary repeats the app's name")
    for what, value in [("name", name), ("summary", summary)]:
        if not value:
            problems.append(f"the {what} is empty")
        elif value.endswith("."):
            problems.append(f"the {what} ends with a period: {value!r}")

    keywords = [text(k) for k in root.findall("keywords/keyword")]
    if len([k for k in keywords if k]) < MIN_KEYWORDS:
        problems.append(f"fewer than {MIN_KEYWORDS} search keywords")

    releases = root.findall("releases/release")
    if not releases:
        problems.append("there are no releases")
    else:
        newest = releases[0]
        if newest.get("version") != version:
            problems.append(f"the newest release is {newest.get('version')!r}, "
                            f"but this is version {version!r}")
        if not newest.get("date"):
            problems.append("the newest release has no date")
        notes = newest.find("description")
        if notes is None or not "".join(notes.itertext()).strip():
            problems.append("the newest release has no notes")

    if root.find("content_rating") is None:
        problems.append("there is no content rating")
    if root.find("launchable") is None:
        problems.append("there is no launchable desktop file")
    if root.find("developer/name") is None:
        problems.append("there is no developer")
    schemes = {c.get("scheme_preference") for c in root.findall("branding/color")}
    if not {"light", "dark"} <= schemes:
        problems.append("the branding lacks a light or a dark colour")

    base = github_raw_base(root, version)
    if base is None:
        problems.append("no GitHub vcs-browser URL to fetch screenshots from")
        return problems

    shots = root.findall("screenshots/screenshot")
    referenced = set()
    light, dark = set(), set()
    if not any(s.get("type") == "default" for s in shots):
        problems.append("no screenshot is the default")
    for shot in shots:
        url = text(shot.find("image"))
        caption = text(shot.find("caption"))
        if not caption:
            problems.append(f"the screenshot {url} has no caption")
        elif caption.endswith("."):
            problems.append(f"the caption {caption!r} ends with a period")
        if not url.startswith(base):
            problems.append(f"the screenshot {url} is not under {base}")
            continue
        file = url[len(base):]
        referenced.add(file)
        if file not in screenshot_files:
            problems.append(f"the screenshot {file} is not in data/screenshots")
        elif not screenshot_files[file]:
            problems.append(f"data/screenshots/{file} is not a PNG image")
        stem = re.sub(r"-dark$", "", os.path.splitext(file)[0])
        (dark if shot.get("environment") == DARK else light).add(stem)
    for stem in sorted(light ^ dark):
        problems.append(f"the screenshot {stem} is not shown in both light and dark")
    for file in sorted(set(screenshot_files) - referenced):
        problems.append(f"data/screenshots/{file} is in no <screenshot>")
    return problems


def desktop_categories(lines):
    in_entry = False
    for line in lines:
        line = line.strip()
        if line.startswith("["):
            in_entry = line == "[Desktop Entry]"
        elif in_entry and line.startswith("Categories="):
            return [c for c in line[len("Categories="):].split(";") if c]
    return []


def check_desktop(lines):
    main = [c for c in desktop_categories(lines) if c in MAIN_CATEGORIES]
    if len(main) != 1:
        return [f"the desktop file has {len(main)} main categories {main}, not one"]
    return []


def check(root, desktop_lines, version, screenshot_files):
    return check_metainfo(root, version, screenshot_files) + check_desktop(desktop_lines)


def self_test(root, desktop_lines, version, screenshot_files):
    """Break good data in known ways; each must be reported."""
    if check(root, desktop_lines, version, screenshot_files):
        print("FAIL: the real data must pass before mutating it")
        return 1

    def mutated(change):
        broken = copy.deepcopy(root)
        change(broken)
        return broken

    def set_text(path, value):
        def change(r):
            r.find(path).text = value
        return change

    def remove_all(tag):
        def change(r):
            for child in r.findall(tag):
                r.remove(child)
        return change

    def first_image(value):
        return set_text("screenshots/screenshot/image", value)

    def drop_dark(r):
        for parent in r.findall("screenshots"):
            for shot in list(parent):
                if shot.get("environment") == DARK:
                    parent.remove(shot)
                    return

    base = github_raw_base(root, version)
    cases = [
        ("a long summary", mutated(set_text("summary", "Give your help desk or chatbot safe "
                                                       "access to WhatsApp Business")),
         desktop_lines, version, screenshot_files),
        ("a summary with a final period", mutated(set_text("summary", "Safe access.")),
         desktop_lines, version, screenshot_files),
        ("a caption with a final period",
         mutated(set_text("screenshots/screenshot/caption", "The overview.")),
         desktop_lines, version, screenshot_files),
        ("no keywords", mutated(remove_all("keywords")), desktop_lines, version,
         screenshot_files),
        ("no release for this version", root, desktop_lines, "9.9.9", screenshot_files),
        ("a screenshot missing from data/screenshots",
         mutated(first_image(base + "missing.png")), desktop_lines, version, screenshot_files),
        ("a screenshot from the main branch",
         mutated(first_image(base.replace(f"/v{version}/", "/main/") + "overview.png")),
         desktop_lines, version, screenshot_files),
        ("a screenshot file that is not a PNG", root, desktop_lines, version,
         {f: False for f in screenshot_files}),
        ("a file in data/screenshots no screenshot shows", root, desktop_lines, version,
         dict(screenshot_files, **{"stale.png": True})),
        ("a screenshot only in light", mutated(drop_dark), desktop_lines, version,
         screenshot_files),
        ("no content rating", mutated(remove_all("content_rating")), desktop_lines, version,
         screenshot_files),
        ("two main categories", root,
         [l.replace("Categories=", "Categories=Network;") for l in desktop_lines], version,
         screenshot_files),
        ("no main category", root,
         [re.sub(r"^Categories=.*", "Categories=GTK;", l) for l in desktop_lines], version,
         screenshot_files),
    ]
    failures = 0
    for name, *args in cases:
        caught = bool(check(*args))
        print(f"{'ok' if caught else 'FAIL'}: {name} is rejected")
        failures += 0 if caught else 1
    return 1 if failures else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--metainfo", required=True)
    parser.add_argument("--desktop", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--version", required=True)
    args = parser.parse_args(argv[1:])

    try:
        root = ElementTree.parse(args.metainfo).getroot()
        with open(args.desktop, encoding="utf-8") as f:
            desktop_lines = f.readlines()
        screenshot_files = {f: is_png(os.path.join(args.screenshots, f))
                            for f in sorted(os.listdir(args.screenshots))}
    except (OSError, ElementTree.ParseError) as e:
        print(e, file=sys.stderr)
        return 1

    if args.self_test:
        return self_test(root, desktop_lines, args.version, screenshot_files)

    problems = check(root, desktop_lines, args.version, screenshot_files)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"summary {text(root.find('summary'))!r}; "
          f"{len(root.findall('screenshots/screenshot'))} screenshots in data/screenshots; "
          f"release {args.version} has notes; one main category")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
