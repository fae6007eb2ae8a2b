#!/usr/bin/env bash
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test on a session bus of its own where nothing can be started on demand: no
# notification service, no keyring, no portal, unless the test provides it.
#   on-private-bus.sh TEST-BINARY [ARGS…]
set -euo pipefail

: "${1:?usage: on-private-bus.sh TEST-BINARY [ARGS…]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

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

exec dbus-run-session --config-file="$work/session.conf" -- "$@"
