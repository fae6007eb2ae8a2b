#!/usr/bin/env bash
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs test-token-store against what people really have, in a private session bus:
#   with-gnome-keyring.sh TEST-BINARY               a fresh, unlocked gnome-keyring; then proves
#                                                   the item is there with our schema and that
#                                                   no file holds the token in clear text; then
#                                                   locks it
#   with-gnome-keyring.sh --no-service TEST-BINARY  a bus on which no Secret Service exists
#   with-gnome-keyring.sh --window TEST-BINARY      a fresh, unlocked gnome-keyring, and a
#                                                   window test that locks it itself; only the
#                                                   test sees the display
set -euo pipefail

mode=keyring
case "${1:-}" in
  --no-service) mode=no-service; shift ;;
  --window) mode=window; shift ;;
  --keyring) shift ;;
esac
test_binary=${1:?usage: with-gnome-keyring.sh [--no-service|--window] TEST-BINARY}

# No prompt may appear: a headless test has nobody to answer it, and a locked keyring must be
# reported as locked, not wait for a password.  The bus and the daemons it starts never see the
# display; a window test gets it back for itself alone.
export GH_KEYRING_DISPLAY=${GH_KEYRING_DISPLAY-${DISPLAY:-}}
unset DISPLAY WAYLAND_DISPLAY

schema=io.github.gatehouse_app.Gatehouse.Token

for tool in dbus-run-session gnome-keyring-daemon secret-tool dbus-send; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-gnome-keyring: $tool is missing (packages dbus gnome-keyring libsecret-tools)" >&2
    exit 1
  fi
done

# Stage 1: start a bus of our own and run stage 2 inside it.
if [ -z "${GH_KEYRING_STAGE:-}" ]; then
  export GH_KEYRING_STAGE=inner
  if [ "$mode" = no-service ]; then
    bus_config=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/no-secret-service-bus.conf
    dbus-run-session --config-file="$bus_config" -- \
      bash "$0" --no-service "$test_binary"
  else
    exec dbus-run-session -- bash "$0" "--$mode" "$test_binary"
  fi
  exit $?
fi

# Stage 2: inside the private bus.
root=$(mktemp -d)
export HOME=$root/home
export XDG_DATA_HOME=$HOME/.local/share
export XDG_CONFIG_HOME=$HOME/.config
export XDG_CACHE_HOME=$HOME/.cache
export XDG_RUNTIME_DIR=$root/run
mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset SECRET_BACKEND SECRET_FILE_TEST_PATH SECRET_FILE_TEST_PASSWORD

daemon_pid=
cleanup() {
  if [ -n "$daemon_pid" ]; then
    kill "$daemon_pid" 2>/dev/null || true
  fi
  rm -rf "$root"
}
trap cleanup EXIT

if [ "$mode" = no-service ]; then
  GH_TEST_KEYRING=none "$test_binary" --tap
  exit $?
fi

# Empty until the daemon has taken the name (it does so after --unlock returns).
secrets_owner_pid() {
  { dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets \
      2>/dev/null || true; } | awk '/uint32/ { print $2 }'
}

# A fresh keyring directory plus --unlock makes the daemon create the login collection.
eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets)"
for _ in $(seq 50); do
  daemon_pid=$(secrets_owner_pid)
  [ -n "$daemon_pid" ] && break
  sleep 0.1
done
if [ -z "$daemon_pid" ]; then
  echo "with-gnome-keyring: gnome-keyring-daemon did not take org.freedesktop.secrets" >&2
  exit 1
fi

if [ "$mode" = window ]; then
  DISPLAY=$GH_KEYRING_DISPLAY "$test_binary" --tap
  exit $?
fi

# A token made for this run only, so finding it anywhere can only mean we leaked it.
token="EAAGhKeyringTest$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

GH_TEST_KEYRING=real GH_TEST_TOKEN=$token "$test_binary" --tap

# The item is in the keyring, under our schema, with the token as its secret.
found=$(secret-tool search --all xdg:schema "$schema" 2>&1 || true)
if ! grep -qF "secret = $token" <<<"$found"; then
  echo "not ok - secret-tool does not find the token under $schema" >&2
  grep -vF "$token" <<<"$found" >&2 || true
  exit 1
fi
if ! grep -qF "attribute.label = Keyring check" <<<"$found" ||
   ! grep -qF "label = Gatehouse: Keyring check" <<<"$found"; then
  echo "not ok - the keyring item lacks its label or attributes" >&2
  grep -vF "$token" <<<"$found" >&2 || true
  exit 1
fi
echo "ok - secret-tool finds the item with schema $schema"

# Nothing on disk holds the token in clear text: not the keyring directory, not /tmp.
leaks=$(grep -rlF -D skip -- "$token" "$HOME" "$XDG_RUNTIME_DIR" /tmp 2>/dev/null || true)
if [ -n "$leaks" ]; then
  echo "not ok - the token is in clear text in:" >&2
  echo "$leaks" >&2
  exit 1
fi
echo "ok - no file under \$HOME, \$XDG_RUNTIME_DIR or /tmp holds the token"

if [ ! -s "$XDG_DATA_HOME/keyrings/login.keyring" ]; then
  echo "not ok - the login keyring was not written" >&2
  exit 1
fi
echo "ok - the login keyring was written (encrypted)"

# Last, as it leaves the keyring locked: no prompt can be shown here, like after an autologin.
GH_TEST_KEYRING=locked "$test_binary" --tap
