#!/usr/bin/env bash
# Copyright 2026 The Gatehouse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a window test the way a person without any keyring meets Gatehouse: on a session bus
# where no Secret Service exists or can be started, with libsecret's real D-Bus backend.
#   without-secret-service.sh TEST-BINARY
set -euo pipefail

test_binary=${1:?usage: without-secret-service.sh TEST-BINARY}
bus_config=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/no-secret-service-bus.conf

unset SECRET_BACKEND SECRET_FILE_TEST_PATH SECRET_FILE_TEST_PASSWORD
exec dbus-run-session --config-file="$bus_config" -- "$test_binary"
