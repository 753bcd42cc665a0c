#!/bin/sh
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing, builds Hubdesk with its tests and runs every test with CTest, two
# at a time. Tests that read the public sample files look in ../shared/data beside the
# checkout unless HUBDESK_TEST_DATA_DIR names another folder; without them those tests skip.
# Azurite, a second sshd and a throwaway PostgreSQL cluster start on 127.0.0.1 before the tests
# and stop when this script exits. The tests skip the cases whose fixture could not start; the
# NAME_pg variants of the store suites need PostgreSQL.
set -eu

cd "$(dirname "$0")/.."
sh packaging/install-deps.sh
cmake --preset default
cmake --build --preset default

# Each run gets a fixture folder of its own unless HUBDESK_FIXTURE_DIR names one, so that the
# runs of two checkouts do not stop each other's servers. The PostgreSQL cluster inside belongs
# to the postgres user, who must be able to enter the folder.
own_fixture_dir=
if [ -z "${HUBDESK_FIXTURE_DIR:-}" ]; then
    HUBDESK_FIXTURE_DIR=$(mktemp -d /tmp/hubdesk-fixtures.XXXXXX)
    chmod 755 "$HUBDESK_FIXTURE_DIR"
    own_fixture_dir=yes
fi
export HUBDESK_FIXTURE_DIR
stop_fixtures() {
    sh tests/fixtures/azurite.sh stop || true
    sh tests/fixtures/sshd.sh stop || true
    sh tests/fixtures/postgres.sh stop || true
    if [ -n "$own_fixture_dir" ]; then
        rm -rf "$HUBDESK_FIXTURE_DIR"
    fi
}
trap stop_fixtures EXIT INT TERM
sh tests/fixtures/azurite.sh start || echo "run-tests: Azurite did not start; its tests will skip"
sh tests/fixtures/sshd.sh start || echo "run-tests: sshd did not start; its tests will skip"
sh tests/fixtures/postgres.sh start || echo "run-tests: PostgreSQL did not start; the _pg tests will skip"
for env_file in "$HUBDESK_FIXTURE_DIR/azurite.env" "$HUBDESK_FIXTURE_DIR/sshd.env" \
    "$HUBDESK_FIXTURE_DIR/postgres.env"; do
    if [ -f "$env_file" ]; then
        set -a
        . "$env_file"
        set +a
    fi
done

ctest --preset default "$@"
