#!/bin/sh
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs the Debian 12 packages that building, testing and running Hubdesk need.
# Run as root. Packages already present are left as they are.
set -eu

build_packages="
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    libqt6opengl6-dev libgl-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libarchive-dev"

test_packages="
    xvfb xauth sqlite3 unzip"

missing=""
for package in $build_packages $test_packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $package"
    fi
done

if [ -n "$missing" ]; then
    echo "install-deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "install-deps: all packages present"
fi
