#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Run-queue benchmark on PostgreSQL: runs per minute of three hubd nodes against one node.
#
# The script makes one empty database on the PostgreSQL server of HUBDESK_PG_URL
# (tests/fixtures/postgres.sh starts one). The first node loads the demo district into it, and
# the script copies the demo's MiLEARN-Sections integration INTEGRATIONS times (default 50).
# Then, on that same database, it starts one node and later three on 127.0.0.1 with WORKERS
# workers each (default 2), and each time queues RUNS runs (default 500) spread over the copies.
# The time runs from the queue insert to the moment no run is queued or running. It prints runs
# per minute for both and the ratio three nodes / one node.
#
# Usage: tests/benchmarks/multinode-bench.sh [BUILD_DIR]   (default build)

set -euo pipefail

build=${1:-build}
hubd="$build/engine/hubd"
workers=${WORKERS:-2}
integrations=${INTEGRATIONS:-50}
runs=${RUNS:-500}
token="multinode-bench-token-0123456789"

[[ -x $hubd ]] || { echo "missing $hubd; build hubd first" >&2; exit 2; }
[[ -n ${HUBDESK_PG_URL:-} ]] || { echo "HUBDESK_PG_URL is not set; start tests/fixtures/postgres.sh" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 2; }

work=$(mktemp -d /tmp/hub-multinode-bench.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

database="hub_bench_$(date +%s%N)"
psql -q "$HUBDESK_PG_URL" -c "CREATE DATABASE $database"
url="${HUBDESK_PG_URL%/*}/$database"

# Starts node $1 on the database. Each node keeps its data folder between starts, and node 1
# loads the demo district on its first start.
start_node() {
    local n=$1 dir="$work/node$1" demo=()
    if [[ ! -d $dir ]]; then
        mkdir -p "$dir"
        if [[ $n -eq 1 ]]; then
            demo=(--demo)
        else
            cp "$work/node1/secret.key" "$dir/"
        fi
    fi
    : >"$dir/hubd.log"
    HUBD_ADMIN_TOKEN=$token "$hubd" --listen 127.0.0.1:0 --data-dir "$dir" --database "$url" \
        --workers "$workers" "${demo[@]}" >"$dir/hubd.log" 2>&1 &
    pids+=($!)
    local waited=0
    until grep -q "hubd listening on" "$dir/hubd.log"; do
        sleep 0.2
        waited=$((waited + 1))
        if [[ $waited -gt 300 ]]; then
            echo "node $n did not start; see $dir/hubd.log" >&2
            exit 1
        fi
    done
}

stop_nodes() {
    for pid in "${pids[@]}"; do
        kill "$pid"
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    pids=()
}

# Prints the runs per minute of $1 nodes, for a batch of runs marked by queued_at $2.
measure() {
    local nodes=$1 marker=$2
    for ((n = 1; n <= nodes; n++)); do
        start_node "$n"
    done
    local start end
    start=$(date +%s.%N)
    psql -q "$url" <<SQL
INSERT INTO runs(district_id, integration_id, trigger, status, queued_at)
SELECT i.district_id, i.id, 'manual', 2, '$marker'
FROM (SELECT district_id, id, row_number() OVER (ORDER BY id) AS k FROM integrations
      WHERE notes = 'benchmark copy') i
JOIN generate_series(0, $runs - 1) g ON g % $integrations = i.k - 1;
NOTIFY hub_runs_queued;
SQL
    local waited=0
    until [[ $(psql -qtA "$url" -c "SELECT count(*) FROM runs WHERE status IN (1, 2)") == 0 ]]; do
        sleep 0.2
        waited=$((waited + 1))
        if [[ $waited -gt 3000 ]]; then
            echo "the runs did not finish within 600 s" >&2
            exit 1
        fi
    done
    end=$(date +%s.%N)
    local done_runs failed
    done_runs=$(psql -qtA "$url" -c "SELECT count(*) FROM runs WHERE status IN (0, 8) AND queued_at = '$marker'")
    failed=$(psql -qtA "$url" -c "SELECT count(*) FROM runs WHERE status = 9 AND queued_at = '$marker'")
    echo "$nodes node(s): $done_runs runs succeeded, $failed failed in $(echo "$end - $start" | bc) s" >&2
    echo "$done_runs $start $end" | awk '{ printf "%.0f\n", $1 * 60 / ($3 - $2) }'
    stop_nodes
}

# The demo district and the integration copies, made once by node 1.
start_node 1
psql -q "$url" <<SQL
CREATE TEMP TABLE copies AS SELECT generate_series(1, $integrations) AS n;
WITH demo AS (SELECT * FROM integrations WHERE output_id IS NOT NULL ORDER BY id LIMIT 1),
added AS (
    INSERT INTO integrations(district_id, product_id, output_id, integration_type, notes,
                             query_timeout_seconds, format, created_at, updated_at)
    SELECT district_id, product_id, output_id, integration_type, 'benchmark copy',
           query_timeout_seconds, format, created_at, updated_at FROM demo CROSS JOIN copies
    RETURNING id)
INSERT INTO integration_destinations(integration_id, position, destination_id, active)
SELECT added.id, 1, l.destination_id, 1 FROM added
CROSS JOIN (SELECT destination_id FROM integration_destinations
            WHERE integration_id = (SELECT id FROM demo)) l;
SQL
stop_nodes

one=$(measure 1 '2026-12-04T00:00:00.000Z')
three=$(measure 3 '2026-12-04T00:00:01.000Z')
echo "one node: $one runs per minute"
echo "three nodes: $three runs per minute"
echo "ratio three / one: $(echo "$three $one" | awk '{ printf "%.2f", $1 / $2 }')"
