#!/usr/bin/env bash
# Measures what durable writes cost: loads the same synthetic cases through the public API into two fresh
# all-in-ones, one after the other in one run, first with the default (fsync, synchronous_commit and full_page_writes
# on), then with casetracker.database.embedded.unsafe-fast-writes=true, and prints a Markdown table of the load
# rates. Needs bash, curl and the jars built (mvn -B -DskipTests package).
#
# Usage: deploy/bench/durability.sh [cases] [follow-up %]     (defaults: 1000 cases, 20 %)
set -euo pipefail

CASES=${1:-1000}
FOLLOW_UP=${2:-20}
PORT=${PORT:-18091}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
SERVICE=
trap 'status=$?; [ -n "$SERVICE" ] && kill $SERVICE 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; exit $status' EXIT

load() { # $1: label, $2: unsafe-fast-writes
  java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar "$ROOT/deploy/local/target/case-tracker.jar" --server.port="$PORT" \
    --casetracker.database.embedded.data-dir="$WORK/$2/postgres" \
    --casetracker.database.embedded.unsafe-fast-writes="$2" > "$WORK/service-$2.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 300); do
    curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
    sleep 1
  done
  java -jar "$ROOT/deploy/generator/target/case-generator.jar" --url "http://localhost:$PORT" --cases "$CASES" \
    --follow-up "$FOLLOW_UP" --from 2023-01-01 --to 2025-12-31 --seed 1 --out "$WORK/cases-$2.jsonl" \
    2> /dev/null > "$WORK/generator-$2.txt"
  kill $SERVICE; wait $SERVICE 2>/dev/null || true
  SERVICE=
  echo "| $1 | $(grep '^Created' "$WORK/generator-$2.txt" | sed -E 's/^Created ([0-9]+) cases in ([0-9.]+) s: ([0-9]+) requests, ([0-9.]+) requests\/s, ([0-9.]+) cases\/s.*/\1 | \2 | \3 | \4 | \5/') |"
}

echo "- Machine: $(nproc) cores; $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Embedded PostgreSQL | Cases | Load (s) | Requests | Requests/s | Cases/s |"
echo "|---|---:|---:|---:|---:|---:|"
load "durable (default: fsync, synchronous_commit, full_page_writes on)" false
load "unsafe-fast-writes=true (all three off)" true
