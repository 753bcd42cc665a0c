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
    libqt6sql6-sqlite libqt6sql6-psql qt6-translations-l10n libarchive-dev libssh-dev libsodium-dev
    libssl-dev qtkeychain-qt6-dev libpq-dev"

# openssh-server, nodejs and npm run the SFTP and Azurite fixtures of tests/fixtures, and
# postgresql-15 runs the PostgreSQL fixture. openssl makes the HTTPS test server's certificate,
# and jq reads the JSON responses in the README's examples. wrk and nginx-light run the
# OneRoster paging benchmark (tests/benchmarks/oneroster-bench.sh).
# A Node.js that came from elsewhere (with its own npm) is used as it is, because Debian's npm
# package conflicts with it.
test_packages="
    xvfb xauth sqlite3 unzip openssh-server openssl postgresql-15 jq wrk nginx-light"
# dpkg-dev computes the packages' dependencies (dpkg-shlibdeps); the rest serve
# packaging/test-packages.sh: a clean Debian root, and the checks of the packaged files.
package_packages="
    dpkg-dev fakeroot debootstrap curl lintian appstream desktop-file-utils"
command -v node >/dev/null 2>&1 || test_packages="$test_packages nodejs"
command -v npm >/dev/null 2>&1 || test_packages="$test_packages npm"

missing=""
for package in $build_packages $test_packages $package_packages; do
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

# Azurite, the Azure Storage emulator, for the Azure Blob destination tests. It goes into its own
# prefix, pinned, and only when that version is not there yet.
azurite_version=3.35.0
azurite_prefix=/opt/hubdesk/azurite
installed_version=$(node -p "require('$azurite_prefix/node_modules/azurite/package.json').version" \
    2>/dev/null || true)
if [ "$installed_version" != "$azurite_version" ]; then
    echo "install-deps: installing azurite@$azurite_version into $azurite_prefix"
    mkdir -p "$azurite_prefix"
    npm install --prefix "$azurite_prefix" --no-audit --no-fund --loglevel=error \
        "azurite@$azurite_version"
else
    echo "install-deps: azurite $azurite_version present"
fi
