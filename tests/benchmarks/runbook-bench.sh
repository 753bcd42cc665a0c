#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Runbook benchmark: the runbook's queries through hubd against the same SQL in the sqlite3
# shell, on a store with RUNS runs (default 1,000,000) and 5 phases per run, and the console's
# runbook model's time to first rows and memory.
#
# The script starts "hubd --demo" once to create the store, stops it, and fills the runs and
# phases with one INSERT ... SELECT over a recursive CTE each in the sqlite3 shell, with the
# change-feed triggers dropped for the fill and created again after it. Then it starts hubd on
# 127.0.0.1 and times with curl (time_total, fastest of REPEATS, default 9):
#   first page:  GET /api/v1/runs?date=LAST&limit=100&count=false (the runbook's first request)
#   30-day range: GET /api/v1/runs?from=LAST-29&to=LAST&limit=100&count=false
#   30-day range with its total: the same without count=false
# The baseline runs the statements those requests run (the district's zone, the count where
# the request asks for one, the change version, the maximum id and the page) in the sqlite3
# shell, PASSES times in one shell less the shell's start-up, fastest of REPEATS (time_sql).
# hub-runbook-bench then loads the first page and PAGES pages (default 100) into the console's
# RunbookModel and reports the time to first rows (fastest and median of REPEATS) and its
# resident memory.
#
# When HUBDESK_PG_URL is set (tests/fixtures/postgres.sh writes it), the script then fills a new
# PostgreSQL database the same way with psql. The fill skips the change-feed triggers through
# session_replication_role. Then it starts hubd on that database and times the same three
# requests against the same statements in psql, measured like the sqlite3 shell's.
#
# Usage: tests/benchmarks/runbook-bench.sh [BUILD_DIR]   (default build)
# Needs: hubd and hub-runbook-bench built, sqlite3, curl, jq, python3, and psql for PostgreSQL.

set -euo pipefail

build=${1:-build}
hubd="$build/engine/hubd"
bench="$build/tests/benchmarks/hub-runbook-bench"
runs=${RUNS:-1000000}
phases_per_run=5
repeats=${REPEATS:-9}
pages=${PAGES:-100}
token="runbook-bench-token-0123456789"
# 2025-01-01T00:00:00Z; one run a minute from then.
base_epoch=1735689600

for tool in "$hubd" "$bench"; do
    [[ -x $tool ]] || { echo "missing $tool; build hubd and hub-runbook-bench first" >&2; exit 2; }
done
for tool in sqlite3 curl jq python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d /tmp/hub-runbook-bench.XXXXXX)
hubd_pid=""
stop_hubd() {
    if [[ -n $hubd_pid ]]; then
        kill "$hubd_pid" 2>/dev/null || true
        wait "$hubd_pid" 2>/dev/null || true
        hubd_pid=""
    fi
}
cleanup() {
    stop_hubd
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_hubd() {
    port=$(free_port)
    HUBD_ADMIN_TOKEN=$token "$hubd" --listen "127.0.0.1:$port" --data-dir "$work/data" \
        --workers 1 "$@" >>"$work/hubd.log" 2>&1 &
    hubd_pid=$!
    for _ in $(seq 1 300); do
        curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/health" \
            >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "hubd did not start; see $work/hubd.log" >&2
    exit 1
}

now_ms() { date +%s%3N; }

# Fastest curl time_total, in milliseconds, of REPEATS requests.
time_request() { # PATH_AND_QUERY
    local best=""
    for _ in $(seq 1 "$repeats"); do
        local seconds
        seconds=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
            "http://127.0.0.1:$port$1")
        local ms
        ms=$(python3 -c "print(round($seconds * 1000, 1))")
        if [[ -z $best ]] || python3 -c "import sys; sys.exit(0 if $ms < $best else 1)"; then
            best=$ms
        fi
    done
    echo "$best"
}

# The sqlite3 shell's time for the statements of a SQL file, in milliseconds: one shell runs
# the file PASSES times (default 20) and the time of a shell that runs nothing is taken off,
# divided by PASSES, fastest of REPEATS. The shell's own ".timer" prints whole milliseconds,
# too coarse for statements that take less than one.
time_sql() { # FILE
    python3 - "$db" "$1" "$repeats" "${PASSES:-20}" <<'PY'
import subprocess, sys, time
db, path, repeats, passes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sql = open(path).read()
def run(script):
    start = time.perf_counter()
    subprocess.run(["sqlite3", db], input=script.encode(), stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start
empty = min(run("") for _ in range(repeats))
full = min(run(sql * passes) for _ in range(repeats))
print(round(max(full - empty, 0) * 1000 / passes, 2))
PY
}

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
# The ratio after the HTTP floor is taken off the hubd time.
net_ratio() { python3 -c "print(f'{max($1 - $2, 0) / $3:.2f}')"; }

# 1. An empty store with the demo district and its integrations 1 and 2.
mkdir -p "$work/data"
start_hubd --demo
stop_hubd
db="$work/data/hub.sqlite"

# 2. The runs and phases, without the per-row change-feed triggers.
fill_start=$(now_ms)
triggers=$(sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger'")
for name in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'trigger'"); do
    sqlite3 "$db" "DROP TRIGGER $name"
done
sqlite3 "$db" <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $runs - 1)
INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, started_at, ended_at,
                 message, change_version)
SELECT 1, 1 + i % 2,
       CASE WHEN i % 50 = 0 THEN 'manual' WHEN i % 97 = 0 THEN 'catch-up' ELSE 'schedule' END,
       CASE WHEN i % 23 = 0 THEN 9 WHEN i % 41 = 0 THEN 8 ELSE 0 END,
       strftime('%Y-%m-%dT%H:%M:%S.000Z', $base_epoch + i * 60, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%S.000Z', $base_epoch + i * 60, 'unixepoch'),
       strftime('%Y-%m-%dT%H:%M:%S.000Z', $base_epoch + i * 60 + 20 + i % 37, 'unixepoch'),
       NULL, i + 1
FROM n;
WITH RECURSIVE p(position) AS (SELECT 1 UNION ALL SELECT position + 1 FROM p
                               WHERE position < $phases_per_run)
INSERT INTO run_phases(run_id, position, name, status, started_at, ended_at, rows_read,
                       rows_written, bytes)
SELECT r.id, p.position,
       CASE p.position WHEN 1 THEN 'Query' WHEN 2 THEN 'Format' ELSE 'Deliver to Folder '
            || (p.position - 2) END,
       0, r.started_at, r.ended_at, 4000, 4000, 250000
FROM runs r CROSS JOIN p;
UPDATE run_change_counter SET value = (SELECT max(change_version) FROM runs) WHERE id = 1;
COMMIT;
SQL
printf '%s\n' "$triggers" | sqlite3 "$db"
sqlite3 "$db" "ANALYZE" 
fill_ms=$(( $(now_ms) - fill_start ))
counts=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM runs) || ' runs, ' || (SELECT count(*) FROM run_phases) || ' phases'")
echo "filled $counts in $fill_ms ms"

# The last day with runs, in America/Detroit (the demo district's zone).
last_day=$(python3 -c "
import datetime as d, zoneinfo
t = d.datetime.fromtimestamp($base_epoch + ($runs - 1) * 60, d.timezone.utc)
print(t.astimezone(zoneinfo.ZoneInfo('America/Detroit')).date())")
first_day=$(python3 -c "import datetime as d; print(d.date.fromisoformat('$last_day') - d.timedelta(days=29))")
bounds=$(python3 -c "
import datetime as d, zoneinfo
z = zoneinfo.ZoneInfo('America/Detroit')
f = lambda day: d.datetime.combine(day, d.time(), z).astimezone(d.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
last = d.date.fromisoformat('$last_day')
print(f(last + d.timedelta(days=1)), f(last - d.timedelta(days=29)))")
read -r end_bound start_bound <<<"$bounds"

# 3. The SQL that GET /api/v1/runs runs (engine/api/runroutes.cpp and runjson.cpp), with the
#    bindings written in.
run_select="SELECT r.id, r.integration_id, i.integration_type, r.trigger, r.status, r.school_year,
 r.queued_at, r.started_at, r.ended_at, r.message, r.retry_of, r.output_file,
 p.system_type || ': ' || p.name || ' ' || (SELECT count(*) FROM integrations s
   WHERE s.district_id = i.district_id AND s.product_id = i.product_id AND s.id <= i.id) ||
 coalesce(': ' || o.name, '') || ' (' || CASE WHEN i.school_year IS NULL THEN 'current'
   ELSE (i.school_year - 1) || '-' || i.school_year END || ')',
 (SELECT name FROM run_phases ph WHERE ph.run_id = r.id ORDER BY ph.position DESC LIMIT 1),
 r.scheduled_for, r.change_version, r.cancel_requested, r.row_count, r.output_digest,
 r.rows_added, r.rows_removed, r.previous_run_id
 FROM runs r JOIN integrations i ON i.id = r.integration_id JOIN products p ON p.id = i.product_id
 LEFT JOIN product_outputs o ON o.id = i.output_id"
# hubd reads one row past the page to tell whether another page follows.
order=" ORDER BY coalesce(r.started_at, r.queued_at) DESC NULLS LAST, r.id DESC LIMIT 101 OFFSET 0;"
first_where="WHERE r.district_id = 1 AND coalesce(r.started_at, r.queued_at) < '$end_bound'"
range_where="$first_where AND coalesce(r.started_at, r.queued_at) >= '$start_bound'"
cat >"$work/first-page.sql" <<SQL
SELECT time_zone FROM districts WHERE id = 1;
SELECT value FROM run_change_counter WHERE id = 1;
SELECT coalesce(max(id), 0) FROM runs;
$run_select $first_where$order
SQL
cat >"$work/range.sql" <<SQL
SELECT time_zone FROM districts WHERE id = 1;
SELECT value FROM run_change_counter WHERE id = 1;
SELECT coalesce(max(id), 0) FROM runs;
$run_select $range_where$order
SQL
cat >"$work/range-total.sql" <<SQL
SELECT time_zone FROM districts WHERE id = 1;
SELECT count(*) FROM runs r $range_where;
SELECT value FROM run_change_counter WHERE id = 1;
SELECT coalesce(max(id), 0) FROM runs;
$run_select $range_where$order
SQL

# 4. Both contenders, each after one untimed pass that warms the page cache.
start_hubd
first_path="/api/v1/runs?date=$last_day&limit=100&count=false"
range_total_path="/api/v1/runs?from=$first_day&to=$last_day&limit=100"
range_path="$range_total_path&count=false"
for path in "$first_path" "$range_path" "$range_total_path"; do
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
done
for file in first-page range range-total; do sqlite3 "$db" <"$work/$file.sql" >/dev/null; done

total=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$range_total_path" | jq .total)
# GET /api/v1/health runs one small query: the cost of an HTTP request to hubd on its own.
http_floor=$(time_request /api/v1/health)
hubd_first=$(time_request "$first_path")
sqlite_first=$(time_sql "$work/first-page.sql")
hubd_range=$(time_request "$range_path")
sqlite_range=$(time_sql "$work/range.sql")
hubd_range_total=$(time_request "$range_total_path")
sqlite_range_total=$(time_sql "$work/range-total.sql")

printf '\nHTTP floor (GET /api/v1/health): %s ms\n' "$http_floor"
printf '%-28s %10s %12s %7s %16s\n' query hubd_ms sqlite3_ms ratio ratio_less_floor
printf '%-28s %10s %12s %7s %16s\n' "first page (date=$last_day)" "$hubd_first" "$sqlite_first" \
    "$(ratio "$hubd_first" "$sqlite_first")" "$(net_ratio "$hubd_first" "$http_floor" "$sqlite_first")"
printf '%-28s %10s %12s %7s %16s\n' "30 days ($total runs)" "$hubd_range" "$sqlite_range" \
    "$(ratio "$hubd_range" "$sqlite_range")" "$(net_ratio "$hubd_range" "$http_floor" "$sqlite_range")"
printf '%-28s %10s %12s %7s %16s\n' "30 days with total" "$hubd_range_total" \
    "$sqlite_range_total" "$(ratio "$hubd_range_total" "$sqlite_range_total")" \
    "$(net_ratio "$hubd_range_total" "$http_floor" "$sqlite_range_total")"

# 5. The console's model.
model=$("$bench" "http://127.0.0.1:$port" "$token" "$last_day" "$pages" "$repeats")
echo
echo "runbook model: $model"
eval "$model"
echo "time to first rows: ${first_rows_ms} ms, median ${first_rows_median_ms} ms (target < 200 ms)"
echo "model memory after the first page: $(( (rss_first_kb - rss_start_kb) / 1024 )) MB;" \
     "after $rows rows: $(( (rss_pages_kb - rss_start_kb) / 1024 )) MB (target < 100 MB)"
echo "hubd VmHWM: $(grep VmHWM "/proc/$hubd_pid/status" | awk '{print $2, $3}')"

# 6. PostgreSQL, when HUBDESK_PG_URL names a server: the same runs and phases in a new database,
#    the same requests to a hubd on it, and the same statements in psql.
[[ -n ${HUBDESK_PG_URL:-} ]] || exit 0
command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 2; }
stop_hubd
pg_name="hub_runbook_$(date +%s%N)"
psql -q "$HUBDESK_PG_URL" -c "CREATE DATABASE $pg_name"
pg_url="${HUBDESK_PG_URL%/*}/$pg_name"
rm -rf "$work/data"
mkdir -p "$work/data"
start_hubd --demo --database "$pg_url"
stop_hubd

fill_start=$(now_ms)
# session_replication_role = replica skips the change-feed triggers for the fill. That setting
# needs a superuser, which the fixture's user is.
psql -q -v ON_ERROR_STOP=1 "$pg_url" <<SQL
SET session_replication_role = replica;
BEGIN;
INSERT INTO runs(district_id, integration_id, trigger, status, queued_at, started_at, ended_at,
                 message, change_version)
SELECT 1, 1 + i % 2,
       CASE WHEN i % 50 = 0 THEN 'manual' WHEN i % 97 = 0 THEN 'catch-up' ELSE 'schedule' END,
       CASE WHEN i % 23 = 0 THEN 9 WHEN i % 41 = 0 THEN 8 ELSE 0 END,
       to_char(to_timestamp($base_epoch + i * 60) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
       to_char(to_timestamp($base_epoch + i * 60) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
       to_char(to_timestamp($base_epoch + i * 60 + 20 + i % 37) AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
       NULL, i + 1
FROM generate_series(0, $runs - 1) i;
INSERT INTO run_phases(run_id, position, name, status, started_at, ended_at, rows_read,
                       rows_written, bytes)
SELECT r.id, p.position,
       CASE p.position WHEN 1 THEN 'Query' WHEN 2 THEN 'Format' ELSE 'Deliver to Folder '
            || (p.position - 2) END,
       0, r.started_at, r.ended_at, 4000, 4000, 250000
FROM runs r CROSS JOIN generate_series(1, $phases_per_run) p(position);
UPDATE run_change_counter SET value = (SELECT max(change_version) FROM runs) WHERE id = 1;
COMMIT;
ANALYZE;
SQL
fill_ms=$(( $(now_ms) - fill_start ))
counts=$(psql -qtA "$pg_url" -c "SELECT (SELECT count(*) FROM runs) || ' runs, ' || (SELECT count(*) FROM run_phases) || ' phases'")
echo
echo "PostgreSQL: filled $counts in $fill_ms ms"

# psql's time for the statements of a SQL file, in milliseconds, measured as time_sql does.
time_psql() { # FILE
    python3 - "$pg_url" "$1" "$repeats" "${PASSES:-20}" <<'PY'
import subprocess, sys, time
url, path, repeats, passes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sql = open(path).read()
def run(script):
    start = time.perf_counter()
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url], input=script.encode(),
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start
empty = min(run("") for _ in range(repeats))
full = min(run(sql * passes) for _ in range(repeats))
print(round(max(full - empty, 0) * 1000 / passes, 2))
PY
}

# hubd leaves NULLS LAST out of this sort on PostgreSQL, because the sort key is never NULL
# and the clause would keep PostgreSQL from scanning the runs_start index backwards.
for file in first-page range range-total; do
    sed 's/ DESC NULLS LAST, r.id DESC/ DESC, r.id DESC/' "$work/$file.sql" >"$work/$file.pg.sql"
done

start_hubd --database "$pg_url"
for path in "$first_path" "$range_path" "$range_total_path"; do
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path"
done
for file in first-page range range-total; do psql -X -q "$pg_url" -f "$work/$file.pg.sql" >/dev/null; done

total=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$range_total_path" | jq .total)
http_floor=$(time_request /api/v1/health)
hubd_first=$(time_request "$first_path")
pg_first=$(time_psql "$work/first-page.pg.sql")
hubd_range=$(time_request "$range_path")
pg_range=$(time_psql "$work/range.pg.sql")
hubd_range_total=$(time_request "$range_total_path")
pg_range_total=$(time_psql "$work/range-total.pg.sql")

printf '\nPostgreSQL HTTP floor (GET /api/v1/health): %s ms\n' "$http_floor"
printf '%-28s %10s %12s %7s %16s\n' query hubd_ms psql_ms ratio ratio_less_floor
printf '%-28s %10s %12s %7s %16s\n' "first page (date=$last_day)" "$hubd_first" "$pg_first" \
    "$(ratio "$hubd_first" "$pg_first")" "$(net_ratio "$hubd_first" "$http_floor" "$pg_first")"
printf '%-28s %10s %12s %7s %16s\n' "30 days ($total runs)" "$hubd_range" "$pg_range" \
    "$(ratio "$hubd_range" "$pg_range")" "$(net_ratio "$hubd_range" "$http_floor" "$pg_range")"
printf '%-28s %10s %12s %7s %16s\n' "30 days with total" "$hubd_range_total" \
    "$pg_range_total" "$(ratio "$hubd_range_total" "$pg_range_total")" \
    "$(net_ratio "$hubd_range_total" "$http_floor" "$pg_range_total")"
