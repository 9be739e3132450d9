#!/usr/bin/env bash
# What an append costs at 1, 8 and 16 writers, in one run, against PostgreSQL's own single-row commits on the same
# server with the same durability settings. Prints one Markdown table:
#   - pgbench: single-row commits into a bare table shaped like domain_event_entry (its columns, keys and indexes,
#     no trigger), and into the real domain_event_entry with its hash-chain triggers (the event store's migrations
#     applied to a database of its own on the same embedded PostgreSQL, so the service's store stays clean);
#   - POST /api/v1/cases through HTTP (deploy/bench/AppendLoad.java), with the events authenticated and anchored
#     (the default) and with casetracker.integrity.seal-events=false, each as requests/s and as a ratio to the bare
#     table's commits/s at the same number of clients.
# Two fresh all-in-ones one after the other (the default, then seal-events=false), each in its own temporary
# directory; pgbench runs on the first while it is idle. Between HTTP cells the script waits until every projection
# has caught up, so one cell's backlog does not slow the next. Needs bash, curl, python3, psql and pgbench
# (Debian: postgresql-client; they talk to the embedded PostgreSQL 17) and the jars built
# (mvn -B -DskipTests package).
#
# Usage: deploy/bench/appends.sh     environment: PGBENCH_SECONDS (10), HTTP_SECONDS (12), WARMUP_SECONDS (3, per
#        HTTP cell), FIRST_WARMUP_SECONDS (10, once per all-in-one), CLIENTS ("1 8 16"), PORT (18093),
#        PAYLOAD_BYTES (1000) and META_BYTES (185) (the sizes of a stored CaseReported), STARTUP_SECONDS (600),
#        CATCH_UP_SECONDS (300)
set -euo pipefail

PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}
HTTP_SECONDS=${HTTP_SECONDS:-12}
WARMUP_SECONDS=${WARMUP_SECONDS:-3}
CLIENTS=${CLIENTS:-1 8 16}
PORT=${PORT:-18093}
PAYLOAD_BYTES=${PAYLOAD_BYTES:-1000}
META_BYTES=${META_BYTES:-185}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/deploy/local/target/case-tracker.jar"
API="http://localhost:$PORT/api/v1"
AUTH=(-u coordinator.haiphong:coordinator.haiphong)
WORK=$(mktemp -d)
SERVICE=
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

stop_service() {
  if [ -n "$SERVICE" ]; then
    kill "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
    SERVICE=
  fi
}
trap 'status=$?; stop_service; rm -rf "$WORK"; exit $status' EXIT
trap 'exit 130' INT TERM

fail() {
  echo "appends.sh: $*" >&2
  [ -z "$SERVICE" ] || tail -5 "$WORK"/*/service.log >&2
  exit 1
}
for tool in java javac curl python3 psql pgbench; do
  command -v "$tool" > /dev/null || fail "needs $tool"
done
[ -f "$JAR" ] || fail "no $JAR: build first (mvn -B -DskipTests package)"
! curl -s -o /dev/null "http://localhost:$PORT/" || fail "port $PORT is taken: set PORT"

# The load client compiled once (a source launch compiles it again on every start, seconds on a busy machine).
javac -d "$WORK/classes" "$ROOT/deploy/bench/AppendLoad.java"
load() { java -cp "$WORK/classes" AppendLoad --url "http://localhost:$PORT" "$@"; }

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# Starts a fresh all-in-one in $WORK/$1 (its ./data, secrets and anchors there too) with the extra arguments, and
# waits until it reports UP; sets SERVICE and PG (psql connection options for its embedded PostgreSQL).
start_service() {
  local dir="$WORK/$1"; shift
  mkdir -p "$dir"
  (cd "$dir" && exec java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.port="$PORT" \
    --casetracker.database.embedded.data-dir="$dir/data/postgres" "$@" > "$dir/service.log" 2>&1) &
  SERVICE=$!
  local deadline=$((SECONDS + ${STARTUP_SECONDS:-600}))
  until curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$SERVICE" 2>/dev/null || { tail -20 "$dir/service.log" >&2; fail "the service stopped while starting"; }
    [ $SECONDS -lt $deadline ] || fail "the service did not report UP in time (log: $dir/service.log)"
    sleep 1
  done
  # postmaster.pid, line 4: the port the embedded PostgreSQL listens on (trust authentication, user postgres).
  PG=(-h localhost -p "$(sed -n 4p "$dir/data/postgres/postmaster.pid")" -U postgres -X -q -v ON_ERROR_STOP=1)
}

sql() { psql "${PG[@]}" -At "$@"; }

wait_caught_up() { # prints the seconds it took
  local begin=$SECONDS deadline=$((SECONDS + ${CATCH_UP_SECONDS:-300}))
  until [ "$(curl -sf "${AUTH[@]}" "$API/admin/projections" | json "sum(p['lag'] for p in d)")" = "0" ]; do
    [ $SECONDS -lt $deadline ] || fail "projections did not catch up within ${CATCH_UP_SECONDS:-300} s"
    sleep 1
  done
  echo $((SECONDS - begin))
}

warm_up() { # the JIT and the connection pools, not counted
  load --clients 4 --seconds 0 --warmup "${FIRST_WARMUP_SECONDS:-10}" --run "warm-up-$1" > /dev/null
  wait_caught_up > /dev/null
}

# shellcheck source=deploy/bench/pgbench-lib.sh
. "$ROOT/deploy/bench/pgbench-lib.sh"

http_rate() { # $1 label, $2 clients: prints stored requests/s; the load client's line is kept in $WORK
  local line
  line=$(load --clients "$2" --seconds "$HTTP_SECONDS" --warmup "$WARMUP_SECONDS" --run "$1-$2") || true
  [ -n "$line" ] || fail "the load client gave no result"
  echo "$line" > "$WORK/http-$1-$2.txt"
  case "$line" in *" refused=[!0]"*|*" errors=[!0]"*) fail "requests failed: $line" ;; esac
  echo "$line" | sed -E 's/.* rate=([0-9.]+) .*/\1/'
}

# Whether this build authenticates events (event_chain.link_mac exists) and how many it did: "MACed/sealed/events".
authenticated() {
  if [ "$(sql -d postgres -c "SELECT count(*) FROM information_schema.columns
                                WHERE table_name = 'event_chain' AND column_name = 'link_mac'")" = "0" ]; then
    echo "no link_mac column in this build"
  else
    sql -d postgres -c "SELECT count(*) FILTER (WHERE link_mac IS NOT NULL) || ' with a link MAC, '
                               || count(*) FILTER (WHERE chain_position IS NOT NULL) || ' sealed, of '
                               || count(*) || ' events' FROM event_chain"
  fi
}

declare -A BARE REAL ON OFF CATCH_ON CATCH_OFF LINE_ON LINE_OFF
echo "Starting the all-in-one (events authenticated and anchored: the default)..." >&2
start_service on
PG_VERSION=$(sql -d postgres -c "SHOW server_version")
DURABILITY=$(sql -d postgres -c "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay')")
prepare_pgbench
for c in $CLIENTS; do
  echo "pgbench, $c client(s)..." >&2
  BARE[$c]=$(pgbench_rate bare_event_entry "$c")
  REAL[$c]=$(pgbench_rate domain_event_entry "$c")
  [ -n "${BARE[$c]}" ] && [ -n "${REAL[$c]}" ] || fail "pgbench gave no rate: $(cat "$WORK"/pgbench-*-"$c".err)"
done
echo "HTTP warm-up..." >&2
warm_up on
for c in $CLIENTS; do
  echo "HTTP, $c client(s), sealing on..." >&2
  ON[$c]=$(http_rate on "$c"); LINE_ON[$c]=$(cat "$WORK/http-on-$c.txt")
  CATCH_ON[$c]=$(wait_caught_up)
done
AUTH_ON=$(authenticated)
stop_service

echo "Starting a second fresh all-in-one with --casetracker.integrity.seal-events=false..." >&2
start_service off --casetracker.integrity.seal-events=false
warm_up off
for c in $CLIENTS; do
  echo "HTTP, $c client(s), sealing off..." >&2
  OFF[$c]=$(http_rate off "$c"); LINE_OFF[$c]=$(cat "$WORK/http-off-$c.txt")
  CATCH_OFF[$c]=$(wait_caught_up)
done
AUTH_OFF=$(authenticated)
stop_service

ratio() { python3 -c "print('%.2g' % ($1 / $2) if $2 else '–')"; }
echo
echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'); pgbench ${PGBENCH_SECONDS} s, HTTP ${HTTP_SECONDS} s (after ${WARMUP_SECONDS} s" \
  "not counted) per cell"
echo "- Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
  "$(java -version 2>&1 | head -1); load average at the start $LOAD_START," \
  "at the end $(cut -d' ' -f1-3 /proc/loadavg); the run took $SECONDS s"
echo "- PostgreSQL $PG_VERSION (embedded), $(pgbench --version); every row: $DURABILITY"
echo "- Rows inserted by pgbench: one per transaction, a new aggregate each, payload $PAYLOAD_BYTES bytes, metadata" \
  "$META_BYTES bytes"
echo "- Events authenticated, sealing on: $AUTH_ON; sealing off: $AUTH_OFF"
echo
echo "| Writers | pgbench, bare table (commits/s) | pgbench, domain_event_entry with its chain (commits/s) | ÷ bare" \
  "| HTTP, authenticated and anchored (requests/s) | ÷ bare | HTTP, seal-events=false (requests/s) | ÷ bare" \
  "| HTTP on ÷ off | Catch-up after the cell, on / off (s) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in $CLIENTS; do
  echo "| $c | ${BARE[$c]} | ${REAL[$c]} | $(ratio "${REAL[$c]}" "${BARE[$c]}") | ${ON[$c]} |" \
    "$(ratio "${ON[$c]}" "${BARE[$c]}") | ${OFF[$c]} | $(ratio "${OFF[$c]}" "${BARE[$c]}") |" \
    "$(ratio "${ON[$c]}" "${OFF[$c]}") | ${CATCH_ON[$c]} / ${CATCH_OFF[$c]} |"
done
echo
for c in $CLIENTS; do
  echo "- HTTP latency at $c writer(s), on: $(echo "${LINE_ON[$c]}" | grep -o 'p50_ms=.*'); off:" \
    "$(echo "${LINE_OFF[$c]}" | grep -o 'p50_ms=.*')"
done
