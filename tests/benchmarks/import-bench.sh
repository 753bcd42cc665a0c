#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Inbound import benchmark: the OneRoster bundle loader against the sqlite3 shell's .import.
#
# The script generates a district with "hubd generate-district" and imports it twice, each into
# a fresh store: with "hub-export-bench load", which opens, fully validates and loads the bundle
# in one transaction as an inbound run does, and with the sqlite3 shell's ".import --csv" of the
# same CSV files into bare tables that the shell creates from each header (no types, keys or
# checks), which is the floor for SQLite. Each contender runs REPEATS times (default 3) and the
# fastest run counts. It prints the data rows, rows per second of both, their ratio
# (loader / sqlite3; the target is 0.7 or more) and the peak resident memory of each (the target
# for the loader is under 500 MB).
#
# Usage: tests/benchmarks/import-bench.sh [BUILD_DIR]   (default ./build)
# SCHOOLS=100 sets the number of schools of 2,000 students and 80 teachers each (default 20).

set -euo pipefail
export QT_LOGGING_RULES="hub.*.info=false"

build=${1:-build}
hubd="$build/engine/hubd"
bench="$build/tests/benchmarks/hub-export-bench"
schools=${SCHOOLS:-20}
repeats=${REPEATS:-3}

for tool in "$hubd" "$bench"; do
    [[ -x $tool ]] || { echo "missing $tool; build hubd and hub-export-bench first" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed" >&2; exit 2; }

work=$(mktemp -d /tmp/hub-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Runs a command and prints "seconds peak_kib" from wait4(), so no GNU time is needed.
measure() {
    python3 - "$@" <<'PY'
import os, subprocess, sys, time
start = time.monotonic()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
elapsed = time.monotonic() - start
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("command failed: " + " ".join(sys.argv[1:]))
print(f"{elapsed:.3f} {usage.ru_maxrss}")
PY
}

bundle="$work/bundle"
"$hubd" generate-district --out "$bundle" --schools "$schools" --students-per-school 2000 \
    --teachers-per-school 80 >/dev/null
rows=0
imports=""
# Only the files that the manifest declares bulk, which are the ones the loader reads.
for name in $(sed -n 's/^file\.\([A-Za-z]*\),bulk\r\{0,1\}$/\1/p' "$bundle/manifest.csv"); do
    csv="$bundle/$name.csv"
    [[ -f $csv ]] || continue
    lines=$(($(wc -l <"$csv") - 1))
    rows=$((rows + lines))
    imports+=".import --csv $csv $name"$'\n'
done
printf '%s' "$imports" >"$work/import.sql"
echo "bundle: $schools schools, $rows data rows, $(du -sh "$bundle" | cut -f1)"

best() { # NAME COMMAND...: the fastest of $repeats runs, as "seconds peak_kib"
    local name=$1; shift
    local fastest=""
    for ((i = 0; i < repeats; i++)); do
        rm -rf "$work/run"; mkdir -p "$work/run"
        local result
        result=$(measure "$@")
        if [[ -z $fastest ]] || python3 -c "import sys; sys.exit(0 if float('${result% *}') < float('${fastest% *}') else 1)"; then
            fastest=$result
        fi
    done
    echo "$fastest"
}

loader=$(best loader "$bench" load --data-dir "$work/run" --bundle "$bundle")
shell=$(best sqlite3 sh -c "sqlite3 '$work/run/bare.sqlite' < '$work/import.sql'")

python3 - "$rows" "$loader" "$shell" <<'PY'
import sys
rows = int(sys.argv[1])
loader_s, loader_kib = map(float, sys.argv[2].split())
shell_s, shell_kib = map(float, sys.argv[3].split())
loader_rate = rows / loader_s
shell_rate = rows / shell_s
print(f"loader (validate + load): {loader_s:8.2f} s {loader_rate:12,.0f} rows/s  peak {loader_kib / 1024:7.1f} MiB")
print(f"sqlite3 .import:          {shell_s:8.2f} s {shell_rate:12,.0f} rows/s  peak {shell_kib / 1024:7.1f} MiB")
print(f"ratio loader / sqlite3:   {loader_rate / shell_rate:.2f} (target 0.70)")
print(f"loader peak under 500 MB: {'yes' if loader_kib * 1024 < 500e6 else 'no'}")
PY
