#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Outbound export benchmark: hubd runs against the sqlite3 shell running the same query.
#
# For two district sizes ten times apart, the script generates a district with
# "hubd generate-district", loads it into a fresh data folder with hub-export-bench (the
# inbound bundle loader), starts hubd on 127.0.0.1 and exports MiLEARN-Sections Data and
# MiLEARN-Authorizations Data through runs to a folder destination. The hubd time is the
# run's Query phase start to its Format phase end. The baseline is "sqlite3 -csv" running the
# report's SQL (bindings written in by "hub-export-bench sql") into a file. Each contender runs
# REPEATS times (default 3) and the fastest time counts, which keeps a noisy machine from
# deciding the ratio. It prints rows per second for both, their ratio (hubd / sqlite3) and
# hubd's peak resident memory (VmHWM) after both outputs.
#
# Usage: tests/benchmarks/export-bench.sh [BUILD_DIR]   (default /work/build-export)
# SIZES="10 100" sets the number of schools of 2,000 students each.

set -euo pipefail

build=${1:-/work/build-export}
hubd="$build/engine/hubd"
bench="$build/tests/benchmarks/hub-export-bench"
sizes=${SIZES:-"10 100"}
repeats=${REPEATS:-3}
students_per_school=2000
teachers_per_school=80
school_year=2027
token="export-bench-token-0123456789"
outputs="milearn-sections milearn-authorizations"

for tool in "$hubd" "$bench"; do
    [[ -x $tool ]] || { echo "missing $tool; build hubd and hub-export-bench first" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed" >&2; exit 2; }

work=$(mktemp -d /tmp/hub-export-bench.XXXXXX)
hubd_pid=""
cleanup() {
    if [[ -n $hubd_pid ]]; then kill "$hubd_pid" 2>/dev/null || true; wait "$hubd_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

api() { # METHOD PATH [JSON]
    curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $token" \
        -H "Content-Type: application/json" ${3:+--data "$3"} "http://127.0.0.1:$port$2"
}

# Milliseconds between two ISO 8601 UTC times.
elapsed_ms() {
    python3 -c 'import sys, datetime as d
f = lambda s: d.datetime.fromisoformat(s.replace("Z", "+00:00"))
print(round((f(sys.argv[2]) - f(sys.argv[1])).total_seconds() * 1000))' "$1" "$2"
}

now_ms() { date +%s%3N; }

printf '%-10s %-24s %9s %12s %12s %7s %11s\n' students output rows hubd_rows/s sqlite_rows/s ratio hubd_VmHWM
for schools in $sizes; do
    students=$((schools * students_per_school))
    dir="$work/$students"
    mkdir -p "$dir/outbox"
    "$hubd" generate-district --out "$dir/bundle" --schools "$schools" \
        --students-per-school "$students_per_school" --teachers-per-school "$teachers_per_school" \
        --school-year "$school_year" --seed 7 >"$dir/generate.log"
    "$bench" load --data-dir "$dir/data" --bundle "$dir/bundle" >"$dir/load.log"

    port=$(free_port)
    HUBD_ADMIN_TOKEN=$token "$hubd" --listen "127.0.0.1:$port" --data-dir "$dir/data" \
        --workers 1 >"$dir/hubd.log" 2>&1 &
    hubd_pid=$!
    for _ in $(seq 1 100); do
        api GET /api/v1/health >/dev/null 2>&1 && break
        sleep 0.1
    done

    destination=$(api POST /api/v1/destinations \
        "{\"name\":\"Bench Folder\",\"kind\":\"folder\",\"settings\":{\"path\":\"$dir/outbox\"}}" | jq .id)
    products=$(api GET /api/v1/catalog/products)
    district=$(sqlite3 "$dir/data/hub.sqlite" 'SELECT min(id) FROM districts')

    for output in $outputs; do
        product_id=$(jq --arg key "$output" \
            '[.products[] | select(any(.outputs[]; .key == $key))][0].id' <<<"$products")
        output_id=$(jq --arg key "$output" \
            '[.products[].outputs[] | select(.key == $key)][0].id' <<<"$products")
        integration=$(api POST /api/v1/integrations "{\"productId\":$product_id,\"outputId\":$output_id,\
\"schoolYear\":$school_year,\"queryTimeoutSeconds\":3600,\
\"destinations\":[{\"destinationId\":$destination,\"active\":true}]}" | jq .id)

        sql=$("$bench" sql --output "$output" --district "$district" --school-year "$school_year")
        # One untimed pass warms the page cache for both contenders.
        sqlite3 -csv "$dir/data/hub.sqlite" "$sql" >/dev/null

        hubd_ms=""
        sqlite_ms=""
        for _ in $(seq 1 "$repeats"); do
            run=$(api POST "/api/v1/integrations/$integration/runs" | jq .id)
            status=2
            for _ in $(seq 1 3000); do
                sleep 0.2
                detail=$(api GET "/api/v1/runs/$run")
                status=$(jq .status <<<"$detail")
                [[ $status == 1 || $status == 2 ]] || break
            done
            if [[ $status != 0 && $status != 8 ]]; then
                echo "run $run of $output ended with status $status: $(jq -r .message <<<"$detail")" >&2
                exit 1
            fi
            rows=$(jq .rowCount <<<"$detail")
            query_start=$(jq -r '.phases[] | select(.name == "Query") | .startedAt' <<<"$detail")
            format_end=$(jq -r '.phases[] | select(.name == "Format") | .endedAt' <<<"$detail")
            ms=$(elapsed_ms "$query_start" "$format_end")
            [[ -z $hubd_ms || $ms -lt $hubd_ms ]] && hubd_ms=$ms

            start=$(now_ms)
            sqlite3 -csv "$dir/data/hub.sqlite" "$sql" >"$dir/$output.sqlite.csv"
            ms=$(( $(now_ms) - start ))
            [[ -z $sqlite_ms || $ms -lt $sqlite_ms ]] && sqlite_ms=$ms
        done
        sqlite_rows=$(wc -l <"$dir/$output.sqlite.csv")

        hwm=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$hubd_pid/status")
        python3 -c 'import sys
rows, hubd_ms, sqlite_rows, sqlite_ms = int(sys.argv[3]), max(1, int(sys.argv[4])), int(sys.argv[5]), max(1, int(sys.argv[6]))
hubd_rate = rows * 1000 / hubd_ms
sqlite_rate = sqlite_rows * 1000 / sqlite_ms
print("%-10s %-24s %9d %12.0f %12.0f %7.2f %11s" % (sys.argv[1], sys.argv[2], rows, hubd_rate, sqlite_rate, hubd_rate / sqlite_rate, sys.argv[7]))' \
            "$students" "$output" "$rows" "$hubd_ms" "$sqlite_rows" "$sqlite_ms" "$hwm"
    done

    kill "$hubd_pid"
    wait "$hubd_pid" 2>/dev/null || true
    hubd_pid=""
done
