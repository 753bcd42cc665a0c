#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Inbound import benchmark: the OneRoster bundle loader against the sqlite3 shell's .import, and
# on PostgreSQL against psql's \copy.
#
# The script generates a district with "hubd generate-district" and imports it twice, each into
# a fresh store: with "hub-export-bench load", which opens, fully validates and loads the bundle
# in one transaction as an inbound run does, and with the sqlite3 shell's ".import --csv" of the
# same CSV files into bare tables that the shell creates from each header (no types, keys or
# checks), which is the floor for SQLite. The loader runs twice: validating each next file while
# it loads the previous one (hubd --overlap-bundle-loads), and validating the whole bundle first
# (inbound runs' default). A third contender, the sqlite3 shell copying the loader's stored rows
# into an empty store, measures what storing the rows costs without reading CSV. Each contender
# runs REPEATS times (default 3) and the fastest run counts. It prints the data rows, rows per
# second of each, the ratios to the shell (the target for the loader is 0.7 or more) and the peak
# resident memory (the target for the loader is under 500 MB).
#
# Each time is the whole process, from start to exit. The loader's store copies its write-ahead
# log into the database file on a thread of its own, as the engine's does, and closing the store
# waits for that copy, so the loader's time includes it. The script also prints when the load
# committed, which is when an inbound run ends and the console shows its rows.
#
# When HUBDESK_PG_URL is set (tests/fixtures/postgres.sh writes it), the script goes on to
# PostgreSQL, with a new database for each run. "hub-export-bench load --database" loads the
# bundle, and its loader stores the rows with COPY FROM STDIN. psql's "\copy ... (FORMAT csv,
# HEADER true)" copies the same CSV files into bare tables of text columns made from each
# header, which is the floor for PostgreSQL. The loader's time is the one it prints: open, validate
# and load, without creating the schema in the new database. psql's time is its whole process.
# It prints rows per second of both and their ratio (loader / psql).
#
# Usage: tests/benchmarks/import-bench.sh [BUILD_DIR]   (default ./build)
# SCHOOLS=100 sets the number of schools of 2,000 students and 80 teachers each (default 20).
# SCHOOLS=700 is a statewide bundle: 1.4 million students, 56,000 teachers and 8.7 million
# enrollments, 11.8 million data rows in 824 MB of CSV. It needs about 8 GB free in /tmp and
# runs each contender once unless REPEATS is set.

set -euo pipefail
export QT_LOGGING_RULES="hub.*.info=false"

build=${1:-build}
hubd="$build/engine/hubd"
bench="$build/tests/benchmarks/hub-export-bench"
schools=${SCHOOLS:-20}
if ((schools >= 100)); then
    repeats=${REPEATS:-1}
else
    repeats=${REPEATS:-3}
fi

for tool in "$hubd" "$bench"; do
    [[ -x $tool ]] || { echo "missing $tool; build hubd and hub-export-bench first" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed" >&2; exit 2; }

work=$(mktemp -d /tmp/hub-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Runs a command and prints "seconds peak_kib committed_seconds" from wait4(), so no GNU time
# is needed. committed_seconds is the time that the loader prints ("in N ms": from opening the
# bundle until its load committed), or the whole time for the other commands.
measure() {
    python3 - "$@" <<'PY'
import os, re, subprocess, sys, time
start = time.monotonic()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, text=True)
output = process.stdout.read()
_, status, usage = os.wait4(process.pid, 0)
elapsed = time.monotonic() - start
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("command failed: " + " ".join(sys.argv[1:]))
committed = re.search(r" in (\d+) ms", output)
print(f"{elapsed:.3f} {usage.ru_maxrss} {int(committed.group(1)) / 1000 if committed else elapsed:.3f}")
PY
}

bundle="$work/bundle"
"$hubd" generate-district --out "$bundle" --schools "$schools" --students-per-school 2000 \
    --teachers-per-school 80 >/dev/null
rows=0
imports=""
bulk_files=()
# Only the files that the manifest declares bulk, which are the ones the loader reads.
for name in $(sed -n 's/^file\.\([A-Za-z]*\),bulk\r\{0,1\}$/\1/p' "$bundle/manifest.csv"); do
    csv="$bundle/$name.csv"
    [[ -f $csv ]] || continue
    lines=$(($(wc -l <"$csv") - 1))
    rows=$((rows + lines))
    imports+=".import --csv $csv $name"$'\n'
    bulk_files+=("$csv")
done
printf '%s' "$imports" >"$work/import.sql"
echo "bundle: $schools schools, $rows data rows, $(du -sh "$bundle" | cut -f1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

best() { # NAME COMMAND...: the fastest of $repeats runs, as measure() prints it
    local name=$1; shift
    local fastest=""
    for ((i = 0; i < repeats; i++)); do
        rm -rf "$work/run"; mkdir -p "$work/run"
        # The disk writes what the run before left in the page cache first, so that no
        # contender's time includes another one's writes.
        sync
        local result
        result=$(measure "$@")
        if [[ -z $fastest ]] || python3 -c "import sys; sys.exit(0 if float('${result%% *}') < float('${fastest%% *}') else 1)"; then
            fastest=$result
        fi
    done
    echo "$fastest"
}

# Inbound runs validate the whole bundle before the load unless hubd runs with
# --overlap-bundle-loads; --sequential does the same here.
sequential=$(best sequential "$bench" load --data-dir "$work/run" --bundle "$bundle" --sequential)
loader=$(best loader "$bench" load --data-dir "$work/run" --bundle "$bundle")
# The last loader run's store, closed and so checkpointed into one file.
mv "$work/run/hub.sqlite" "$work/loaded.sqlite"
shell=$(best sqlite3 sh -c "sqlite3 '$work/run/bare.sqlite' < '$work/import.sql'")

# The store's own floor: the sqlite3 shell copies the rows that the loader stored into the same
# schema, page size and settings, and builds the same indexes, in one transaction, as the load
# does. It reads them from another SQLite file instead of parsing and checking CSV, so its time
# is what storing the rows costs alone. floor_schema.sql makes the empty store, floor.sql is the
# timed copy.
python3 - "$work/loaded.sqlite" "$work/floor_schema.sql" "$work/floor.sql" <<'PY'
import sqlite3, sys
loaded, schema_out, copy_out = sys.argv[1:]
db = sqlite3.connect(loaded)
page_size = db.execute("PRAGMA page_size").fetchone()[0]
objects = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                     "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid").fetchall()
filled = [name for kind, name, _, _ in objects
          if kind == "table" and "district_id" in
          [c[1] for c in db.execute(f'PRAGMA table_info("{name}")')]
          and name != "districts"
          and db.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]]
with open(schema_out, "w") as out:
    out.write(f"PRAGMA page_size = {page_size};\nPRAGMA journal_mode = WAL;\n")
    for kind, name, table, sql in objects:
        out.write(sql + ";\n")
    out.write("INSERT INTO districts SELECT * FROM src.districts;\n")
indexes = [(name, sql) for kind, name, table, sql in objects if kind == "index" and table in filled]
with open(copy_out, "w") as out:
    out.write("PRAGMA synchronous = NORMAL;\nPRAGMA cache_size = -65536;\n")
    out.write(f"ATTACH '{loaded}' AS src;\nBEGIN IMMEDIATE;\n")
    for name, _ in indexes:
        out.write(f'DROP INDEX "{name}";\n')
    for name in filled:
        # The WHERE clause keeps SQLite from moving the stored records as they are (its
        # transfer optimization for INSERT INTO t SELECT * FROM u), so each row is inserted.
        out.write(f'INSERT INTO main."{name}" SELECT * FROM src."{name}" '
                  'WHERE district_id IS NOT NULL;\n')
    for _, sql in indexes:
        out.write(sql + ";\n")
    out.write("COMMIT;\n")
PY
floor=""
for ((i = 0; i < repeats; i++)); do
    rm -f "$work/floor.sqlite"*
    { echo "ATTACH '$work/loaded.sqlite' AS src;"; cat "$work/floor_schema.sql"; } |
        sqlite3 "$work/floor.sqlite" >/dev/null
    sync
    result=$(measure sh -c "sqlite3 '$work/floor.sqlite' < '$work/floor.sql'")
    if [[ -z $floor ]] || python3 -c "import sys; sys.exit(0 if float('${result%% *}') < float('${floor%% *}') else 1)"; then
        floor=$result
    fi
done

python3 - "$rows" "$loader" "$shell" "$floor" "$sequential" <<'PY'
import sys
rows = int(sys.argv[1])
loader_s, loader_kib, loader_committed = map(float, sys.argv[2].split())
shell_s, shell_kib, _ = map(float, sys.argv[3].split())
floor_s = float(sys.argv[4].split()[0])
sequential_s, sequential_kib, sequential_committed = map(float, sys.argv[5].split())
loader_rate = rows / loader_s
shell_rate = rows / shell_s
print(f"loader (validate + load): {loader_s:8.2f} s {loader_rate:12,.0f} rows/s  peak {loader_kib / 1024:7.1f} MiB")
print(f"loader, validate first:   {sequential_s:8.2f} s {rows / sequential_s:12,.0f} rows/s  peak {sequential_kib / 1024:7.1f} MiB")
print(f"sqlite3 .import:          {shell_s:8.2f} s {shell_rate:12,.0f} rows/s  peak {shell_kib / 1024:7.1f} MiB")
print(f"store floor (copy only):  {floor_s:8.2f} s {rows / floor_s:12,.0f} rows/s")
print(f"ratio loader / sqlite3:   {loader_rate / shell_rate:.2f} (target 0.70)")
print(f"ratio validate first:     {shell_s / sequential_s:.2f}")
print(f"loader committed after:   {loader_committed:8.2f} s (ratio {shell_s / loader_committed:.2f}); validate first {sequential_committed:.2f} s (ratio {shell_s / sequential_committed:.2f})")
print(f"ratio floor / sqlite3:    {shell_s / floor_s:.2f} (the most any loader into this store can reach)")
print(f"ratio loader / floor:     {floor_s / loader_s:.2f}")
print(f"loader peak under 500 MB: {'yes' if max(loader_kib, sequential_kib) * 1024 < 500e6 else 'no'}")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

[[ -n ${HUBDESK_PG_URL:-} ]] || exit 0
command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 2; }

# One CREATE TABLE of text columns and one \copy per file, named after the file.
python3 - "${bulk_files[@]}" >"$work/copy.sql" <<'PY'
import csv, os, sys
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    table = os.path.splitext(os.path.basename(path))[0].lower()
    columns = ", ".join('"%s" text' % name.replace('"', '""') for name in header)
    print(f'CREATE TABLE "{table}" ({columns});')
    print(f"\\copy \"{table}\" FROM '{path}' WITH (FORMAT csv, HEADER true)")
PY

new_database() { # prints the URL of a new empty database beside HUBDESK_PG_URL's
    local name
    name="hub_import_$(date +%s%N)"
    psql -q "$HUBDESK_PG_URL" -c "CREATE DATABASE $name" >/dev/null
    echo "${HUBDESK_PG_URL%/*}/$name"
}

pg_loader=""
pg_copy=""
for ((i = 0; i < repeats; i++)); do
    rm -rf "$work/run"; mkdir -p "$work/run"
    url=$(new_database)
    # The first load into a new database creates its schema; the loader's own time leaves it out.
    seconds=$("$bench" load --data-dir "$work/run" --bundle "$bundle" --database "$url" |
        sed -n 's/.* in \([0-9]*\) ms$/\1/p' | awk '{ printf "%.3f", $1 / 1000 }')
    [[ -n $seconds ]] || { echo "hub-export-bench load on PostgreSQL failed" >&2; exit 1; }
    if [[ -z $pg_loader ]] || python3 -c "import sys; sys.exit(0 if $seconds < $pg_loader else 1)"; then
        pg_loader=$seconds
    fi
    url=$(new_database)
    result=$(measure psql -q -v ON_ERROR_STOP=1 -f "$work/copy.sql" "$url")
    if [[ -z $pg_copy ]] || python3 -c "import sys; sys.exit(0 if ${result%% *} < $pg_copy else 1)"; then
        pg_copy=${result%% *}
    fi
done

python3 - "$rows" "$pg_loader" "$pg_copy" <<'PY'
import sys
rows = int(sys.argv[1])
loader_s, copy_s = float(sys.argv[2]), float(sys.argv[3])
print(f"PostgreSQL loader (validate + COPY load): {loader_s:8.2f} s {rows / loader_s:12,.0f} rows/s")
print(f"PostgreSQL psql \\copy:                   {copy_s:8.2f} s {rows / copy_s:12,.0f} rows/s")
print(f"ratio loader / psql:                      {copy_s / loader_s:.2f}")
PY
