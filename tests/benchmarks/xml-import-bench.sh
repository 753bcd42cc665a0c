#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# OneRoster XML import benchmark: the same roster uploaded as one XML file and as a zipped CSV
# bundle to one hubd, timed by the runs' own phases.
#
# The script generates a district with "hubd generate-district" (SCHOOLS schools of 2,000
# students, default 10), writes its OneRoster files as XML in the layout of
# docs/oneroster-xml.md and as a zip, and starts hubd --demo on 127.0.0.1 with one worker. The
# first zip upload replaces the demo roster, so it is held and approved, and it is not timed.
# Then the XML file and the zip are uploaded in turn REPEATS times (default 3). Every later load
# stores the same rows, so the two formats do the same work after they are received. For each
# format it prints the fastest Receive, Validate and Load phase, the records per second from
# Receive to the end of Load, the ratio XML / CSV, and hubd's peak resident memory (VmHWM).
#
# Usage: tests/benchmarks/xml-import-bench.sh [BUILD_DIR]   (default ./build)

set -euo pipefail
export QT_LOGGING_RULES="hub.*.info=false"

build=${1:-build}
hubd="$build/engine/hubd"
schools=${SCHOOLS:-10}
repeats=${REPEATS:-3}
token=xml-bench-token-0123456789abcdef

[[ -x $hubd ]] || { echo "missing $hubd; build hubd first" >&2; exit 2; }
for tool in curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done

work=$(mktemp -d /tmp/hub-xml-bench.XXXXXX)
pid=""
cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$hubd" generate-district --out "$work/bundle" --schools "$schools" \
    --students-per-school 2000 --seed 7 >/dev/null

python3 - "$work" <<'PY'
import csv, os, sys, zipfile
from xml.sax.saxutils import quoteattr

work = sys.argv[1]
sections = {"orgs": "org", "academicSessions": "academicSession", "courses": "course",
            "classes": "class", "users": "user", "enrollments": "enrollment",
            "demographics": "demographic"}
# XML turns a raw line break or tab in an attribute into a space, so they are escaped.
escapes = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
with open(os.path.join(work, "roster.xml"), "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<oneRoster version="1.1">\n')
    for key, record in sections.items():
        with open(os.path.join(work, "bundle", key + ".csv"), newline="",
                  encoding="utf-8-sig") as source:
            rows = csv.reader(source)
            header = next(rows)
            out.write('<%s mode="bulk">\n' % key)
            for row in rows:
                values = " ".join("%s=%s" % (name, quoteattr(value, escapes))
                                  for name, value in zip(header, row))
                out.write("<%s %s/>\n" % (record, values))
            out.write("</%s>\n" % key)
    out.write("</oneRoster>\n")
with zipfile.ZipFile(os.path.join(work, "bundle.zip"), "w", zipfile.ZIP_DEFLATED) as bundle:
    for name in os.listdir(os.path.join(work, "bundle")):
        bundle.write(os.path.join(work, "bundle", name), name)
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HUBD_ADMIN_TOKEN=$token "$hubd" --listen "127.0.0.1:$port" --data-dir "$work/data" --demo \
    --workers 1 >"$work/hubd.log" 2>&1 &
pid=$!
engine="http://127.0.0.1:$port"
api() { curl -sf -H "Authorization: Bearer $token" "$@"; }
for _ in $(seq 1 100); do api "$engine/api/v1/health" >/dev/null && break; sleep 0.2; done

upload() {
    api -X POST --data-binary @"$work/$1" -H "Content-Type: application/octet-stream" \
        "$engine/api/v1/integrations/3/files?fileName=$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

# Waits until run $1 has ended or is held; prints "held" or the status code. At most 10 minutes.
wait_run() {
    local state
    for _ in $(seq 1 1200); do
        state=$(api "$engine/api/v1/runs/$1" | python3 -c '
import json, sys
run = json.load(sys.stdin)
print("held" if run.get("hold") == "held" else run["status"])')
        [[ $state == 1 || $state == 2 ]] || { echo "$state"; return; }
        sleep 0.5
    done
    echo "timed out"
}

# Prints "receive validate load total records" in seconds for run $1, from its last phases.
phase_seconds() {
    api "$engine/api/v1/runs/$1" | python3 -c '
import datetime, json, sys
run = json.load(sys.stdin)
def seconds(phase):
    start = datetime.datetime.fromisoformat(phase["startedAt"].replace("Z", "+00:00"))
    end = datetime.datetime.fromisoformat(phase["endedAt"].replace("Z", "+00:00"))
    return (end - start).total_seconds()
last = {phase["name"]: phase for phase in run["phases"]}
receive, validate, load = (seconds(last[name]) for name in ("Receive", "Validate", "Load"))
print(receive, validate, load, receive + validate + load, last["Validate"]["rowsRead"])'
}

first=$(upload bundle.zip)
state=$(wait_run "$first")
if [[ $state == held ]]; then
    api -X POST "$engine/api/v1/runs/$first/approve" >/dev/null
    sleep 1
    state=$(wait_run "$first")
fi
[[ $state == 0 || $state == 8 ]] || { echo "the first load ended with status $state" >&2; exit 1; }

declare -A best
for _ in $(seq 1 "$repeats"); do
    for file in roster.xml bundle.zip; do
        run=$(upload "$file")
        state=$(wait_run "$run")
        [[ $state == 0 || $state == 8 ]] || { echo "$file: run $run ended with $state" >&2; exit 1; }
        read -r receive validate load total records < <(phase_seconds "$run")
        if [[ -z ${best[$file]:-} ]] || python3 -c "import sys; sys.exit(not $total < ${best[$file]%% *})"; then
            best[$file]="$total $receive $validate $load $records"
        fi
    done
done

printf '%-11s %10s %9s %9s %9s %9s %10s\n' file bytes receive validate load total records/s
for file in roster.xml bundle.zip; do
    read -r total receive validate load records <<<"${best[$file]}"
    printf '%-11s %10d %9.3f %9.3f %9.3f %9.3f %10.0f\n' "$file" "$(stat -c %s "$work/$file")" \
        "$receive" "$validate" "$load" "$total" "$(python3 -c "print($records / $total)")"
done
read -r xml_total _ <<<"${best[roster.xml]}"
read -r csv_total _ <<<"${best[bundle.zip]}"
echo "records: $(read -r _ _ _ _ r <<<"${best[roster.xml]}"; echo "$r")"
echo "ratio XML / CSV (rate): $(python3 -c "print(round($csv_total / $xml_total, 2))")"
sed -n 's/^VmHWM:[[:space:]]*/hubd VmHWM: /p' "/proc/$pid/status"
