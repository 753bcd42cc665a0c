#!/bin/sh
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing, builds Hubdesk with its tests and runs every test with CTest, two
# at a time. Tests that read the public sample files look in ../shared/data beside the
# checkout unless HUBDESK_TEST_DATA_DIR names another folder; without them those tests skip.
set -eu

cd "$(dirname "$0")/.."
sh packaging/install-deps.sh
cmake --preset default
cmake --build --preset default
ctest --preset default "$@"
