#!/usr/bin/env bash
# Loads synthetic cases into a fresh all-in-one through the public API, then rebuilds every projection from the event
# store, one after the other, and prints a Markdown table: load rate, rebuild time and rate per projection, and the
# service's memory. Needs bash, curl and python3, and the jars built (mvn -B -DskipTests install).
#
# Usage: deploy/bench/load-and-rebuild.sh [cases] [follow-up %]     (defaults: 5000 cases, 20 %)
set -euo pipefail

CASES=${1:-5000}
FOLLOW_UP=${2:-20}
PORT=${PORT:-18090}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
API="http://localhost:$PORT/api/v1"
AUTH=(-u coordinator.haiphong:coordinator.haiphong)

java -Xmx1g -jar "$ROOT/deploy/local/target/case-tracker.jar" --server.port="$PORT" \
  --casetracker.database.embedded.data-dir="$WORK/postgres" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'status=$?; kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$WORK"; exit $status' EXIT

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done

java -jar "$ROOT/deploy/generator/target/case-generator.jar" --url "http://localhost:$PORT" --cases "$CASES" \
  --follow-up "$FOLLOW_UP" --from 2023-01-01 --to 2025-12-31 --seed 1 --out "$WORK/cases.jsonl" \
  2> /dev/null | tee "$WORK/generator.txt" >&2

caught_up() {
  curl -sf "${AUTH[@]}" "$API/admin/projections" | json "sum(p['lag'] for p in d)"
}
for _ in $(seq 1 300); do
  [ "$(caught_up)" = "0" ] && break
  sleep 1
done

LOADED=$(grep '^Created' "$WORK/generator.txt")
echo
echo "- Machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "- Load: $LOADED"
echo
echo "| Projection | Events replayed | Rebuild (s) | Events/s |"
echo "|---|---:|---:|---:|"
for name in $(curl -sf "${AUTH[@]}" "$API/admin/projections" | json "' '.join(p['name'] for p in d)"); do
  curl -sf "${AUTH[@]}" -X POST "$API/admin/projections/$name/rebuild" > /dev/null
  for _ in $(seq 1 1800); do
    state=$(curl -sf "${AUTH[@]}" "$API/admin/projections/$name" | json "d['rebuild']['state']")
    [ "$state" = "DONE" ] || [ "$state" = "PARKED" ] || [ "$state" = "FAILED" ] && break
    sleep 1
  done
  curl -sf "${AUTH[@]}" "$API/admin/projections/$name" | json "'| %s | %d | %.1f | %d |' % (d['name'], \
    d['rebuild']['eventsDone'], (__import__('datetime').datetime.fromisoformat(d['rebuild']['finishedAt'].replace('Z','+00:00')) \
    - __import__('datetime').datetime.fromisoformat(d['rebuild']['startedAt'].replace('Z','+00:00'))).total_seconds(), \
    d['rebuild']['rate'])"
done
echo
echo "- Service resident memory after the rebuilds: $(( $(ps -o rss= -p $SERVICE) / 1024 )) MiB (heap limit 1 GiB)"
