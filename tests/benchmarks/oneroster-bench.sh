#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# OneRoster paging benchmark: hubd serving /users and /enrollments pages against nginx serving
# the same pages as static JSON files, both on 127.0.0.1, both driven by wrk.
#
# The script generates a district with "hubd generate-district", loads it with
# hub-export-bench load, starts hubd, registers a OneRoster application through the admin API
# and takes a token at /oauth/token. It then pages through /ims/oneroster/v1p1/users and
# /enrollments with LIMIT records per page, saving every page as a file under an nginx root.
# wrk then cycles through the same page URLs at CONNECTIONS connections for DURATION, first
# against hubd (with the bearer token), then against nginx, and then against hubd restarted
# with its OneRoster response cache off (--oneroster-cache-mb 0). It prints requests per second
# and the 99th percentile latency of each, the ratios of both hubd runs to nginx and the load
# average before and after the timed runs.
#
# wrk reads the same pages again and again while the store does not change, so nearly every
# request of the first hubd run is a cache hit. The run with the cache off shows what a single
# pass over fresh data gets.
#
# When HUBDESK_PG_URL is set (tests/fixtures/postgres.sh writes it), the script then loads the
# same bundle into a new PostgreSQL database and starts hubd on it. It checks that this hubd's
# first users page lists the same records as the saved one, runs wrk through the same page
# URLs with the cache on and off, and prints the ratios of that hubd to the nginx result above.
#
# Usage: tests/benchmarks/oneroster-bench.sh [BUILD_DIR]   (default: build)
# SCHOOLS (default 10) schools of 2,000 students; LIMIT (default 100); CONNECTIONS (default 64);
# DURATION (default 15s); THREADS (default 2).

set -euo pipefail

build=${1:-build}
hubd="$build/engine/hubd"
bench="$build/tests/benchmarks/hub-export-bench"
schools=${SCHOOLS:-10}
limit=${LIMIT:-100}
connections=${CONNECTIONS:-64}
duration=${DURATION:-15s}
threads=${THREADS:-2}
token="oneroster-bench-admin-token-0123456789"

for tool in "$hubd" "$bench"; do
    [[ -x $tool ]] || { echo "missing $tool; build hubd and hub-export-bench first" >&2; exit 2; }
done
for tool in wrk nginx curl jq python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d /tmp/hub-oneroster-bench.XXXXXX)
hubd_pid=""
nginx_pid=""
cleanup() {
    if [[ -n $hubd_pid ]]; then kill "$hubd_pid" 2>/dev/null || true; wait "$hubd_pid" 2>/dev/null || true; fi
    if [[ -n $nginx_pid ]]; then kill "$nginx_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

"$hubd" generate-district --out "$work/bundle" --schools "$schools" --students-per-school 2000 \
    --teachers-per-school 80 --school-year 2027 --seed 7 >"$work/generate.log"
"$bench" load --data-dir "$work/data" --bundle "$work/bundle" >"$work/load.log"

start_hubd() { # LOG_FILE [HUBD_OPTION...]: starts hubd on the SQLite store and waits for it
    local log=$1
    shift
    port=$(free_port)
    HUBD_ADMIN_TOKEN=$token "$hubd" --listen "127.0.0.1:$port" --data-dir "$work/data" \
        --workers 1 "$@" >"$log" 2>&1 &
    hubd_pid=$!
    for _ in $(seq 1 100); do
        curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
        sleep 0.1
    done
}
stop_hubd() {
    kill "$hubd_pid"
    wait "$hubd_pid" 2>/dev/null || true
    hubd_pid=""
}

start_hubd "$work/hubd.log"

app=$(curl -sS --fail-with-body -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    --data '{"name":"Benchmark","vendor":"Bench","scopes":["roster-core.readonly"]}' \
    "http://127.0.0.1:$port/api/v1/oneroster/applications")
client_id=$(jq -r .clientId <<<"$app")
client_secret=$(jq -r .clientSecret <<<"$app")
access_token=$(curl -sS --fail-with-body -u "$client_id:$client_secret" \
    --data "grant_type=client_credentials" "http://127.0.0.1:$port/oauth/token" | jq -r .access_token)

# Every page of both collections, once through hubd, saved for nginx under the same order.
mkdir -p "$work/www"
: >"$work/hubd-paths"
: >"$work/nginx-paths"
for collection in users enrollments; do
    mkdir -p "$work/www/$collection"
    total=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $access_token" \
        "http://127.0.0.1:$port/ims/oneroster/v1p1/$collection?limit=1" |
        awk -F': ' 'tolower($1) == "x-total-count" {print $2+0}')
    for ((offset = 0; offset < total; offset += limit)); do
        path="/ims/oneroster/v1p1/$collection?limit=$limit&offset=$offset"
        curl -sS --fail-with-body -H "Authorization: Bearer $access_token" \
            "http://127.0.0.1:$port$path" -o "$work/www/$collection/$offset.json"
        echo "$path" >>"$work/hubd-paths"
        echo "/$collection/$offset.json" >>"$work/nginx-paths"
    done
done
pages=$(wc -l <"$work/hubd-paths")

nginx_port=$(free_port)
# nginx's workers run as an unprivileged user, which must be able to read the pages.
chmod 755 "$work"
chmod -R a+rX "$work/www"
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$nginx_port/users/0.json" >/dev/null && break
    sleep 0.1
done

# Each wrk thread cycles through the page list from its own start, so deep pages are read as
# often as the first ones.
cat >"$work/pages.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PAGES_FILE")) do paths[#paths + 1] = line end
local index = 0
local authorization = os.getenv("BEARER")
function setup(thread) end
function init(args) index = math.random(#paths) - 1 end
function request()
    index = index % #paths + 1
    local headers = {}
    if authorization ~= nil and authorization ~= "" then
        headers["Authorization"] = "Bearer " .. authorization
    end
    return wrk.format("GET", paths[index], headers)
end
LUA

run_wrk() { # URL PAGES_FILE BEARER
    PAGES_FILE=$2 BEARER=$3 wrk -t"$threads" -c"$connections" -d"$duration" --latency \
        -s "$work/pages.lua" "$1"
}
# One untimed pass before each timed hubd run warms hubd's caches (keyset page ends, counts
# and, with the cache on, the responses).
run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token" >/dev/null
# Other processes on the machine change every rate, so the load average is printed with them.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hubd_out=$(run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token")
nginx_out=$(run_wrk "http://127.0.0.1:$nginx_port" "$work/nginx-paths" "")
# The access token is in the store, so it stays valid across the restart.
stop_hubd
start_hubd "$work/hubd-uncached.log" --oneroster-cache-mb 0
run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token" >/dev/null
uncached_out=$(run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$hubd_out" >"$work/wrk-hubd.txt"

cat >"$work/report.py" <<'PY'
import re, sys
def parse(text):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rate, p99, int(errors.group(1)) if errors else 0
# Arguments: "print-nginx" or "no-nginx", the nginx output, then pairs of a label and a hubd
# output. Prints a row per run, then each hubd run's rate as a ratio of nginx's.
nginx = parse(sys.argv[2])
runs = [(sys.argv[i], parse(sys.argv[i + 1])) for i in range(3, len(sys.argv), 2)]
rows = ([("nginx", nginx)] if sys.argv[1] == "print-nginx" else []) + runs
for label, (rate, p99, errors) in rows:
    print(f"{label:28} {rate:10.0f} {p99:8.1f} {errors:8d}")
for label, (rate, _, _) in runs:
    print(f"ratio {label} / nginx: {rate / nginx[0]:.3f}")
PY
echo "pages: $pages of $limit records, $connections connections"
printf '%-28s %10s %8s %8s\n' server req/s "p99 ms" non-2xx
python3 "$work/report.py" print-nginx "$nginx_out" "hubd (cache on)" "$hubd_out" \
    "hubd (cache off)" "$uncached_out"
echo "load average (1, 5, 15 min): $load_before before, $load_after after"

# PostgreSQL, when HUBDESK_PG_URL names a server: the same bundle loaded into a new database,
# a hubd on it, and the same page list through wrk, against the nginx result above.
[[ -n ${HUBDESK_PG_URL:-} ]] || exit 0
command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 2; }
stop_hubd
pg_name="hub_oneroster_$(date +%s%N)"
psql -q "$HUBDESK_PG_URL" -c "CREATE DATABASE $pg_name"
pg_url="${HUBDESK_PG_URL%/*}/$pg_name"
rm -rf "$work/data-pg"
"$bench" load --data-dir "$work/data-pg" --bundle "$work/bundle" --database "$pg_url" >"$work/load-pg.log"
start_pg_hubd() { # LOG_FILE [HUBD_OPTION...]: starts hubd on the PostgreSQL store and waits
    local log=$1
    shift
    port=$(free_port)
    HUBD_ADMIN_TOKEN=$token "$hubd" --listen "127.0.0.1:$port" --data-dir "$work/data-pg" \
        --database "$pg_url" --workers 1 "$@" >"$log" 2>&1 &
    hubd_pid=$!
    for _ in $(seq 1 300); do
        curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
        sleep 0.1
    done
}
start_pg_hubd "$work/hubd-pg.log"
app=$(curl -sS --fail-with-body -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    --data '{"name":"Benchmark","vendor":"Bench","scopes":["roster-core.readonly"]}' \
    "http://127.0.0.1:$port/api/v1/oneroster/applications")
access_token=$(curl -sS --fail-with-body -u "$(jq -r .clientId <<<"$app"):$(jq -r .clientSecret <<<"$app")" \
    --data "grant_type=client_credentials" "http://127.0.0.1:$port/oauth/token" | jq -r .access_token)
# The pages must match the ones nginx serves, so the PostgreSQL store returns the same records.
first_page=$(curl -sS --fail-with-body -H "Authorization: Bearer $access_token" \
    "http://127.0.0.1:$port$(head -n 1 "$work/hubd-paths")")
pg_ids=$(jq -c '.users | map(.sourcedId)' <<<"$first_page")
sqlite_ids=$(jq -c '.users | map(.sourcedId)' "$work/www/users/0.json")
if [[ $pg_ids != "$sqlite_ids" ]]; then
    echo "the first users page on PostgreSQL lists ${pg_ids:0:200}, on SQLite ${sqlite_ids:0:200}" >&2
    exit 1
fi
run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token" >/dev/null
pg_out=$(run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token")
stop_hubd
start_pg_hubd "$work/hubd-pg-uncached.log" --oneroster-cache-mb 0
run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token" >/dev/null
pg_uncached_out=$(run_wrk "http://127.0.0.1:$port" "$work/hubd-paths" "$access_token")

python3 "$work/report.py" no-nginx "$nginx_out" "hubd PostgreSQL (cache on)" "$pg_out" \
    "hubd PostgreSQL (cache off)" "$pg_uncached_out"
