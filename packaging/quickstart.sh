#!/bin/sh
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing, builds Hubdesk and starts the console in local mode with the demo
# district. Without a display, hubdesk prints a notice and runs the same job headless. It
# starts the engine, loads the demo district, runs the demo outbound integration and prints the
# Runbook Activities rows. Extra arguments go to hubdesk.
set -eu

cd "$(dirname "$0")/.."
sh packaging/install-deps.sh
cmake --preset default
cmake --build --preset default --target hubd hubdesk
exec build/app/hubdesk --demo "$@"
