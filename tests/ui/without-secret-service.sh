#!/usr/bin/env bash
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a window test the way a person without any keyring meets Gatehouse: on a session bus
# where no Secret Service exists or can be started, with libsecret's real D-Bus backend.
#   without-secret-service.sh TEST-BINARY
set -euo pipefail

test_binary=${1:?usage: without-secret-service.sh TEST-BINARY}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A bus without any <servicedir>: the org.freedesktop.secrets name has no owner and never
# will, as on a desktop without gnome-keyring.
cat >"$work/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$work</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

unset SECRET_BACKEND SECRET_FILE_TEST_PATH SECRET_FILE_TEST_PASSWORD
exec dbus-run-session --config-file="$work/session.conf" -- "$test_binary"
