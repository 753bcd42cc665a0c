#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Upload memory benchmark: a chunked upload of SIZE_MIB (default 1024) MiB against one request
# body of BASELINE_MIB (default 256) MiB, each into its own new hubd.
#
# Both hubd processes start with --demo on 127.0.0.1 and receive random bytes for the demo's
# inbound integration 3 with curl. The chunked upload sends 8 MiB chunks at increasing offsets
# and completes with the file's SHA-256, which the engine checks. The script prints hubd's peak
# resident memory (VmHWM from /proc/PID/status) after start-up, after the last chunk and after
# completion, and for the baseline after its single request. The completed file is random, so
# its run fails validation; the run is not part of the measurement.
#
# Usage: tests/benchmarks/upload-bench.sh [BUILD_DIR]   (default ./build)

set -euo pipefail
export QT_LOGGING_RULES="hub.*.info=false"

build=${1:-build}
hubd="$build/engine/hubd"
size_mib=${SIZE_MIB:-1024}
baseline_mib=${BASELINE_MIB:-256}
chunk_mib=8
token=upload-bench-token-0123456789abcdef

[[ -x $hubd ]] || { echo "missing $hubd; build hubd first" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is not installed" >&2; exit 2; }

work=$(mktemp -d /tmp/hub-upload-bench.XXXXXX)
pid=""
cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

peak_kib() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$1/status"; }

# Starts hubd with a data folder of its own and sets pid and engine.
start_hubd() {
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    HUBD_ADMIN_TOKEN=$token "$hubd" --listen "127.0.0.1:$port" --data-dir "$work/data-$1" \
        --demo --workers 1 --max-upload-mib 1024 >"$work/hubd-$1.log" 2>&1 &
    pid=$!
    engine="http://127.0.0.1:$port"
    for ((i = 0; i < 300; i++)); do
        curl -sf -H "Authorization: Bearer $token" "$engine/api/v1/health" >/dev/null && return
        sleep 0.2
    done
    echo "hubd did not start; see its log:" >&2
    cat "$work/hubd-$1.log" >&2
    exit 1
}

stop_hubd() {
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=""
}

file="$work/upload.bin"
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$file"
size=$(stat -c %s "$file")
sha=$(sha256sum <"$file" | cut -c1-64)
echo "file: $size bytes in $((size_mib / chunk_mib)) chunks of $chunk_mib MiB"

start_hubd chunked
idle=$(peak_kib "$pid")
uploads="$engine/api/v1/integrations/3/uploads"
id=$(curl -sf -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
         -d "{\"fileName\":\"upload.bin\",\"size\":$size,\"sha256\":\"$sha\"}" "$uploads" |
     python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
started=$(date +%s.%N)
chunks=$(((size + chunk_mib * 1048576 - 1) / (chunk_mib * 1048576)))
for ((i = 0; i < chunks; i++)); do
    offset=$((i * chunk_mib * 1048576))
    dd if="$file" bs=1M skip=$((i * chunk_mib)) count=$chunk_mib status=none |
        curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $token" \
             -H "Content-Type: application/octet-stream" --data-binary @- \
             "$uploads/$id?offset=$offset"
done
sent=$(date +%s.%N)
after_chunks=$(peak_kib "$pid")
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" "$uploads/$id/complete"
after_complete=$(peak_kib "$pid")
stop_hubd
seconds=$(python3 -c "print(f'{$sent - $started:.1f}')")
echo "chunked: $size_mib MiB in $seconds s; hubd VmHWM $idle kB at start, $after_chunks kB" \
     "after the last chunk, $after_complete kB after completion"

head -c $((baseline_mib * 1024 * 1024)) "$file" >"$work/baseline.bin"
start_hubd single
idle=$(peak_kib "$pid")
curl -sf -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/octet-stream" \
     --data-binary @"$work/baseline.bin" "$engine/api/v1/integrations/3/files?fileName=baseline.bin"
after_single=$(peak_kib "$pid")
stop_hubd
echo "one request: $baseline_mib MiB; hubd VmHWM $idle kB at start, $after_single kB after it"
