#!/usr/bin/env bash
# The service at scale, measured in one run on one fresh all-in-one (embedded PostgreSQL, heap limit $HEAP, 512 MiB by
# default), and printed as one set of Markdown tables (stdout; progress goes to stderr):
#   1. growth: `templates` cases loaded through the public API by the generator (20 % taken beyond the report), then
#      the store grown in the service to `cases` cases by cloning them (POST /api/v1/admin/store-growth, enabled with
#      --casetracker.bench.store-growth.enabled=true; skipped with a loud note where the build has no such endpoint),
#      with the projections paused meanwhile ("pauseProjections": true; PAUSE_PROJECTIONS=false grows with them live);
#   2. catch-up: seconds from the projections' start after the growth (its projectionsResumedAt) until every
#      projection's lag is 0;
#   3. rebuilds: the raw ordered scan of domain_event_entry over JDBC (deploy/bench/ScanRate.java), plain and with
#      each payload parsed as JSON, then each projection rebuilt in turn, its rate as a ratio to both scans; first
#      (FLOOR_PROJECTION) bench-floor, a projection that receives every case event's payload and writes nothing
#      (deploy/local, FloorProjection), rebuilt by the same machinery: the floor under every projection's rate (it is
#      rebuilt once before, not counted, for the JIT to compile the rebuild's code); with it (REBUILD_BOUNDS), each
#      rebuild's CPU (service and PostgreSQL, from /proc: deploy/bench/ProcessCpu.java), PostgreSQL's own cheapest write
#      of the projection's rows (COPY into empty copies of its tables, the indexes a rebuild defers built after), and
#      the bound these give on this machine: the rate a rebuild costing the floor's CPU per event plus that write
#      would reach with every core busy;
#   4. reads: $READERS concurrent readers per read endpoint family for $READ_SECONDS s after $READ_WARMUP s not
#      counted (deploy/bench/ReadLoad.java), with ids sampled from the store: p50/p95/p99/max, errors, answer sizes;
#      then every family at once while a projection is rebuilt. Each read is judged against baselines of the same run,
#      since a closed loop's mean latency is readers ÷ rate (p99 <= 50 ms at 32 readers needs >= 640 answers/s):
#      - the HTTP floor (FLOOR): the cell $FLOOR_CELL (the declined list: an authenticated request through the whole
#        filter chain whose answer is one indexed look-up of an empty page, 34 bytes, the same at any store size and
#        for any sampled id) measured first; each row gives its rate ÷ the floor rate and the floor bound, readers ÷
#        floor rate: the least mean latency a closed loop of that many readers can have on this machine now;
#      - the CPU per answer (READ_CPU): utime + stime over the measured time of the service's process and of the
#        embedded PostgreSQL's (its postmaster with every backend and worker, from /proc) ÷ answers, and the load
#        client's own CPU per answer;
#      - PostgreSQL's own rate for the same question (PGBENCH_READS): for each family with a script in
#        deploy/bench/read-sql/ (the statements of one answer, see its README), pgbench with as many clients as
#        readers, threads as cores, for the same seconds, on the same ids, right after the HTTP cell: tps, latency
#        average, and HTTP ÷ pgbench;
#      - cold and warm (COLD): the cells of COLD_CELLS (indicators and reports) first ask their question once alone
#        (cold_ms); the loaded figures that follow are the warm state;
#      - beside writers (WRITERS): the cells of WRITE_CELLS read again while WRITERS clients report new cases in
#        WRITE_COMMUNE (AppendLoad) over the same measured time, with this year's indicators of that commune, whose
#        facts every stored report changes: what a live system's readers see of the indicator answers' cache; that
#        question twice, without and with Cache-Control: max-stale=MAX_STALE (indicators-written and
#        indicators-written-max-stale: answers from the last count, their Age counted as "aged", while a recount runs
#        in the background);
#   5. appends: pgbench single-row commits into a bare table shaped like domain_event_entry and into the real one
#      (as deploy/bench/appends.sh does, on the same server and durability), and POST /api/v1/cases through HTTP
#      (deploy/bench/AppendLoad.java) at 1, 8 and 16 clients; the live projections' lag in time during the largest
#      cell (deploy/bench/ProjectionLag.java, a poll every 200 ms);
#   6. memory: the heap used at most (from the JVM's GC log, before each collection) and the resident set at most
#      (VmHWM of the service's process; the embedded PostgreSQL's own processes not included).
# Needs bash, curl, python3, psql and pgbench (Debian: postgresql-client), a JDK 17 and the jars built
# (mvn -B -DskipTests package).
#
# Usage: deploy/bench/scale.sh [cases=100000] [templates=2000]
# Environment (defaults): HEAP (512m), PORT (18094), FOLLOW_UP (20), SEED (1), READERS (32), READ_SECONDS (20),
#   READ_WARMUP (5), READ_TIMEOUT (30), READ_CELLS (all: see CELLS below), REBUILD_READ_SECONDS (60),
#   REBUILD_DURING_READS (case-file), REBUILDS (every projection; empty: none), SAMPLE (5000 case ids), DISTRICT (313),
#   COMMUNE (313-an-thai), YEAR (2024), PGBENCH_SECONDS (10), HTTP_SECONDS (12), HTTP_WARMUP (3), CLIENTS ("1 8 16"),
#   STARTUP_SECONDS (600), GROWTH_SECONDS (3600), CATCH_UP_SECONDS (3600), REBUILD_SECONDS (3600, each),
#   PAUSE_PROJECTIONS (true), JAR (deploy/local/target/case-tracker.jar: another build to measure), KEEP_WORK (unset:
#   the temporary directory, with the service's data and logs, is removed at the end), STORE (unset: a kept store to
#   measure again, e.g. another build on the same data: the data directory of an earlier run kept with KEEP_WORK,
#   <work>/service/data/postgres; the service starts on it, in place, and the growth is skipped; the catch-up is then
#   counted from the service's start, after its migrations), APPENDS (true; false skips part 5), FLOOR (true),
#   FLOOR_CELL (declined-list), READ_CPU (true), PGBENCH_READS (true), COLD (true), COLD_CELLS (indicators-district
#   indicators-commune report-district statistics-indicators), WRITERS (4; 0 skips the reads beside writers),
#   WRITE_CELLS (case-file indicators-district indicators-commune report-district indicators-written
#   indicators-written-max-stale), FLOOR_PROJECTION (true: the service runs bench-floor), REBUILD_BOUNDS (true),
#   WRITE_COMMUNE (31-xa-an-lao: the commune the writers report in, as worker.<it>),
#   MAX_STALE (60: the seconds of Cache-Control: max-stale sent by the cells named *-max-stale), JIT_WARMUP (90 s of
#   every family but the cold ones before the floor, not counted; 0 skips it: on 2 cores the read paths are still
#   being compiled a minute after the service's first read, and a cell measured then reads the compiler's
#   progress), QUIET_SECONDS (300: how long to wait,
#   before the scan and before each rebuild, for the store to stop growing — the service records the time limits that
#   lapse in the cloned cases as events of their own, and a rebuild measured while they are appended reads more events
#   than the scan did and shares the machine with their recording)
set -euo pipefail

CASES=${1:-100000}
TEMPLATES=${2:-2000}
HEAP=${HEAP:-512m}
PORT=${PORT:-18094}
FOLLOW_UP=${FOLLOW_UP:-20}
READERS=${READERS:-32}
READ_SECONDS=${READ_SECONDS:-20}
READ_WARMUP=${READ_WARMUP:-5}
REBUILD_READ_SECONDS=${REBUILD_READ_SECONDS:-60}
REBUILD_DURING_READS=${REBUILD_DURING_READS:-case-file}
DISTRICT=${DISTRICT:-313}
COMMUNE=${COMMUNE:-313-an-thai}
YEAR=${YEAR:-2024}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-10}
HTTP_SECONDS=${HTTP_SECONDS:-12}
HTTP_WARMUP=${HTTP_WARMUP:-3}
CLIENTS=${CLIENTS:-1 8 16}
PAUSE_PROJECTIONS=${PAUSE_PROJECTIONS:-true}
STORE=${STORE:-}
APPENDS=${APPENDS:-true}
FLOOR=${FLOOR:-true}
FLOOR_PROJECTION=${FLOOR_PROJECTION:-true}
REBUILD_BOUNDS=${REBUILD_BOUNDS:-true}
FLOOR_CELL=${FLOOR_CELL:-declined-list}
FLOOR_RATE=
READ_CPU=${READ_CPU:-true}
PGBENCH_READS=${PGBENCH_READS:-true}
COLD=${COLD:-true}
COLD_CELLS=${COLD_CELLS:-indicators-district indicators-commune report-district statistics-indicators}
WRITERS=${WRITERS:-4}
JIT_WARMUP=${JIT_WARMUP:-90}
WRITE_CELLS=${WRITE_CELLS:-case-file indicators-district indicators-commune report-district indicators-written \
indicators-written-max-stale}
WRITE_COMMUNE=${WRITE_COMMUNE:-31-xa-an-lao}
MAX_STALE=${MAX_STALE:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/deploy/bench"
JAR=${JAR:-$ROOT/deploy/local/target/case-tracker.jar}
GENERATOR="$ROOT/deploy/generator/target/case-generator.jar"
API="http://localhost:$PORT/api/v1"
AUTH=(-u coordinator.haiphong:coordinator.haiphong)
WORK=$(mktemp -d)
OUT="$WORK/out" && mkdir -p "$OUT"
DIR="$WORK/service"
SERVICE=
DONE=
OVERRIDES=$(env | grep -E '^(JAR|HEAP|PORT|FOLLOW_UP|SEED|READERS|READ_[A-Z]+|REBUILD[A-Z_]*|SAMPLE|DISTRICT|COMMUNE'\
'|YEAR|PGBENCH_[A-Z]+|HTTP_[A-Z]+|CLIENTS|PAUSE_PROJECTIONS|STORE|APPENDS|FLOOR[A-Z_]*|COLD[A-Z_]*|WRITE[A-Z_]*|JIT_WARMUP'\
'|MAX_STALE)=' \
  | sort | sed -E "s/=(.*[ ].*)$/='\\1'/" | tr '\n' ' ') || true
COMMAND="${OVERRIDES}deploy/bench/scale.sh $CASES $TEMPLATES"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')

# Every read family: label|path[|user]; {cases}, {agencies} and {communes} are drawn from ids sampled from the store.
PERIOD="from=$YEAR-01-01&to=$YEAR-12-31"
CELLS=(
  "case-file|/api/v1/cases/{cases}"
  "case-history|/api/v1/cases/{cases}/history"
  "risk-register-commune|/api/v1/risk-register?commune={communes}"
  "risk-register-all|/api/v1/risk-register"
  "overdue-commune|/api/v1/overdue?commune={communes}"
  "overdue-all|/api/v1/overdue"
  "work-queue|/api/v1/agencies/{agencies}/work-queue"
  "declined-list|/api/v1/coordination/declined-interventions"
  "audit-trail-page|/api/v1/audit-trail?agency={agencies}&limit=50"
  "indicators-district|/api/v1/indicators?orgUnit=$DISTRICT&$PERIOD"
  "indicators-commune|/api/v1/indicators?orgUnit=$COMMUNE&$PERIOD"
  "report-district|/api/v1/reports/$YEAR/annual?orgUnit=$DISTRICT&format=json"
  "statistics-open-cases|/api/v1/statistics/open-cases|dashboard.haiphong"
  "statistics-indicators|/api/v1/statistics/indicators?orgUnit=$DISTRICT&$PERIOD|dashboard.haiphong"
)
# Read only beside the writers (WRITE_CELLS): this year's indicators of the commune the writers report in, whose facts
# every stored report changes; the same question with Cache-Control: max-stale=$MAX_STALE (a cell named *-max-stale
# sends it).
THIS_YEAR=$(date -u +%Y)
WRITE_ONLY_CELLS=(
  "indicators-written|/api/v1/indicators?orgUnit=$WRITE_COMMUNE&from=$THIS_YEAR-01-01&to=$THIS_YEAR-12-31"
  "indicators-written-max-stale|/api/v1/indicators?orgUnit=$WRITE_COMMUNE&from=$THIS_YEAR-01-01&to=$THIS_YEAR-12-31"
)

log() { echo "[scale $(date -u +%H:%M:%S)] $*" >&2; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
get() { curl -sf --max-time 60 "${AUTH[@]}" "$@"; }
alive() { [ -n "$SERVICE" ] && kill -0 "$SERVICE" 2>/dev/null; }
sql() { psql "${PG[@]}" -d postgres -At "$@"; }
section() { cat >> "$OUT/$1.md"; }   # results, printed at the end (also when the run stops early)

# shellcheck source=deploy/bench/scale-lib.sh
. "$BENCH/scale-lib.sh"

stop_service() {
  if [ -n "$SERVICE" ]; then
    memory_section
    kill "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
    SERVICE=
  fi
}
finish() {
  local status=$?
  stop_service
  print_tables "$status"
  if [ -n "${KEEP_WORK:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

fail() {
  log "$*"
  echo "$*" > "$OUT/stopped.txt"
  [ ! -f "$DIR/service.log" ] || tail -5 "$DIR/service.log" >&2
  exit 1
}
for tool in java javac curl python3 psql pgbench unzip; do
  command -v "$tool" > /dev/null || fail "needs $tool"
done
[ -z "$STORE" ] || [ -f "$STORE/postmaster.opts" ] || fail "STORE=$STORE is not a PostgreSQL data directory"
# The service keeps its secrets beside the data directory (<data>/secrets): without the key-encryption keys the kept
# store's child keys were sealed under, no personal data opens and every case file read measures an error path.
[ -z "$STORE" ] || [ -d "$(dirname "${STORE%/}")/secrets/kek" ] \
  || fail "no $(dirname "${STORE%/}")/secrets/kek beside STORE=$STORE: keep the run's whole <work>/service/data"
[ -f "$JAR" ] && [ -f "$GENERATOR" ] || fail "no $JAR or $GENERATOR: build first (mvn -B -DskipTests package)"
! curl -s -o /dev/null "http://localhost:$PORT/" || fail "port $PORT is taken: set PORT"

log "compiling the load tools"
mkdir -p "$WORK/lib" "$WORK/classes"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/postgresql-*.jar' 'BOOT-INF/lib/jackson-databind-3*.jar' \
  'BOOT-INF/lib/jackson-core-3*.jar' 'BOOT-INF/lib/jackson-annotations-*.jar' -d "$WORK/lib"
LIBS=$(ls "$WORK"/lib/*.jar | tr '\n' ':')
javac -cp "$LIBS" -d "$WORK/classes" "$BENCH/ReadLoad.java" "$BENCH/ProcessCpu.java" "$BENCH/AppendLoad.java" \
  "$BENCH/ProjectionLag.java" "$BENCH/ScanRate.java"
tool() { java -cp "$WORK/classes:$LIBS" "$@"; }

DATA_DIR=${STORE:-$DIR/data/postgres}
log "starting the all-in-one (heap $HEAP) in $DIR on the data directory $DATA_DIR"
mkdir -p "$DIR"
START_SECONDS=$SECONDS
BENCH_ARGS=(--casetracker.bench.store-growth.enabled=true)
if [ "$FLOOR_PROJECTION" = true ]; then
  # Its processor configured as the real projections' are (query-side's casetracker-query.properties).
  BENCH_ARGS+=(--casetracker.bench.floor-projection.enabled=true --axon.eventhandling.processors.bench-floor.mode=pooled
    --axon.eventhandling.processors.bench-floor.initial-segment-count=2
    --axon.eventhandling.processors.bench-floor.thread-count=1
    --axon.eventhandling.processors.bench-floor.batch-size=1000)
fi
(cd "$DIR" && exec java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -Xlog:gc:file="$DIR/gc.log":uptime \
  -jar "$JAR" --server.port="$PORT" --casetracker.database.embedded.data-dir="$DATA_DIR" \
  "${BENCH_ARGS[@]}" > "$DIR/service.log" 2>&1) &
SERVICE=$!
deadline=$((SECONDS + ${STARTUP_SECONDS:-600}))
until curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  alive || fail "the service stopped while starting"
  [ $SECONDS -lt $deadline ] || fail "the service did not report UP in time (log: $DIR/service.log)"
  sleep 1
done
# postmaster.pid, line 4: the port of the embedded PostgreSQL (trust authentication, user postgres); line 1: the
# postmaster's process id (its backends and workers are its children).
PG_PORT=$(sed -n 4p "$DATA_DIR/postmaster.pid")
PG_PID=$(sed -n 1p "$DATA_DIR/postmaster.pid")
PG=(-h localhost -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
PG_VERSION=$(sql -c "SHOW server_version")
DURABILITY=$(sql -c "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers')")

# Seconds until every projection has lag 0 (polled each second), or "> limit" when it did not happen in time.
wait_caught_up() {
  local begin=$SECONDS limit=${1:-${CATCH_UP_SECONDS:-3600}} lag
  while :; do
    lag=$(get "$API/admin/projections" | json "sum(p['lag'] for p in d)") || lag=unknown
    [ "$lag" = "0" ] && { echo $((SECONDS - begin)); return; }
    alive || fail "the service stopped while its projections caught up"
    [ $((SECONDS - begin)) -lt "$limit" ] || { echo "> $limit"; return; }
    [ $(((SECONDS - begin) % 30)) -ne 29 ] || log "  catching up: $lag events behind in all"
    sleep 1
  done
}
events_in_store() { sql -c "SELECT count(*) FROM domain_event_entry"; }
last_index() { sql -c "SELECT coalesce(max(global_index), 0) FROM domain_event_entry"; }
# Waits until no event was appended for 10 s (at most QUIET_SECONDS), then for every projection to be caught up;
# logs how many events were appended meanwhile.
wait_store_quiet() {
  local first last now still=0 deadline=$((SECONDS + ${QUIET_SECONDS:-300}))
  first=$(last_index); last=$first
  while [ $still -lt 10 ] && [ $SECONDS -lt $deadline ]; do
    sleep 2
    now=$(last_index)
    if [ "$now" = "$last" ]; then still=$((still + 2)); else still=0; last=$now; fi
  done
  [ $still -ge 10 ] || log "  !!! the store still grew after ${QUIET_SECONDS:-300} s; measuring anyway"
  [ "$last" = "$first" ] || log "  waited for $((last - first)) events the service appended (time limits that lapsed)"
  wait_caught_up > /dev/null
}
cases_in_store() { sql -c "SELECT count(*) FROM domain_event_entry WHERE sequence_number = 0 AND type = 'CaseFile'"; }

# ---- 1. Growth ------------------------------------------------------------------------------------------------------
if [ -n "$STORE" ]; then
  log "1/6 no growth: measuring the kept store $STORE; 2/6 catch-up from the service's start"
  LOADED="kept store, $STORE"
  echo "**A kept store measured again (STORE): no growth in this run; the catch-up is counted from the start of the" \
    "service (its migrations included) until every projection is at lag 0.**" > "$OUT/growth-note.txt"
  CATCH_UP=$(wait_caught_up)
  [ "${CATCH_UP:0:1}" = ">" ] || CATCH_UP=$((SECONDS - START_SECONDS))
  printf '| Start on the kept store until every projection is at lag 0 | | | %s | |\n' "$CATCH_UP" | section 1-growth
else
log "1/6 loading $TEMPLATES template cases through the API (generator, $FOLLOW_UP % follow-up)"
t0=$SECONDS
java -jar "$GENERATOR" --url "http://localhost:$PORT" --cases "$TEMPLATES" --follow-up "$FOLLOW_UP" \
  --from 2023-01-01 --to 2025-12-31 --seed "${SEED:-1}" --out "$WORK/cases.jsonl" > "$WORK/generator.txt" \
  2> "$WORK/generator.err" || fail "the generator failed: $(tail -3 "$WORK/generator.err")"
LOADED=$(grep '^Created' "$WORK/generator.txt")
TEMPLATE_EVENTS=$(events_in_store)
log "  $LOADED; waiting for the projections"
TEMPLATE_CATCH_UP=$(wait_caught_up)
printf '| Templates through the API (generator, %s %% follow-up) | %s | %s | %s | %s |\n' "$FOLLOW_UP" \
  "$(cases_in_store)" "$TEMPLATE_EVENTS" "$((SECONDS - t0))" \
  "$(python3 -c "print(round($TEMPLATE_EVENTS / max(1, $SECONDS - $t0)))")" | section 1-growth

GROWTH_BODY="{\"cases\": $CASES, \"pauseProjections\": $PAUSE_PROJECTIONS}"
log "  POST /admin/store-growth $GROWTH_BODY"
code=$(curl -s -o "$WORK/growth.json" -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' \
  -X POST "$API/admin/store-growth" -d "$GROWTH_BODY") || code=000
GROWTH_FINISHED=
if [ "$code" = "404" ]; then
  log "  !!! NO STORE GROWTH: this build answers 404 to POST /api/v1/admin/store-growth; measuring the templates only"
  echo "**NO STORE GROWTH: this build has no \`POST /api/v1/admin/store-growth\` (404); every figure below is of the" \
    "$TEMPLATES template cases only, not of $CASES cases.**" > "$OUT/growth-note.txt"
elif [ "$code" != "202" ]; then
  fail "store growth refused: HTTP $code $(cat "$WORK/growth.json")"
else
  deadline=$((SECONDS + ${GROWTH_SECONDS:-3600}))
  while :; do
    get "$API/admin/store-growth" > "$WORK/growth.json" || true
    state=$(json "d['state']" < "$WORK/growth.json" 2>/dev/null) || state=unknown
    [ "$state" = "FINISHED" ] || [ "$state" = "FAILED" ] && break
    alive || fail "the service stopped while growing the store"
    [ $SECONDS -lt $deadline ] || fail "the store growth did not finish within ${GROWTH_SECONDS:-3600} s"
    [ $((SECONDS % 15)) -ne 0 ] || log "  growth $state: $(json "'%s/%s cases, %s events' % (d['cases'], \
      d['targetCases'], d['events'])" < "$WORK/growth.json" 2>/dev/null)"
    sleep 1
  done
  [ "$state" = "FINISHED" ] || fail "store growth $state: $(json "d['error']" < "$WORK/growth.json")"
  GROWTH_FINISHED=1
  PAUSED_NOTE=$([ "$PAUSE_PROJECTIONS" = true ] && echo "projections paused" || echo "projections live")
  json "'| Store growth in the service (clones of the templates, fresh ids and child keys; $PAUSED_NOTE) \
| %d | %d | %.0f | %.0f |' % (d['cases'] - d['templateCases'], d['events'], d['seconds'], d['eventsPerSecond'])" \
    < "$WORK/growth.json" | section 1-growth
fi

# ---- 2. Catch-up ----------------------------------------------------------------------------------------------------
if [ -n "$GROWTH_FINISHED" ]; then
  BEHIND=$(get "$API/admin/projections" | json "max(p['lag'] for p in d)")
  log "2/6 catch-up after the growth: $BEHIND events behind (largest lag)"
  CATCH_UP=$(wait_caught_up)
  # Counted from the projections' start (projectionsResumedAt, the service's clock on this machine) when they were
  # paused, else from the growth's end: either way from when they had the whole backlog to apply.
  if [ "${CATCH_UP:0:1}" != ">" ]; then
    CATCH_UP=$(json "round((__import__('datetime').datetime.now(__import__('datetime').timezone.utc) \
      - __import__('datetime').datetime.fromisoformat((d['projectionsResumedAt'] or d['finishedAt']) \
      .replace('Z', '+00:00'))).total_seconds())" < "$WORK/growth.json")
  fi
  printf '| Catch-up after the growth (every projection at lag 0) | | %s behind | %s | %s |\n' "$BEHIND" "$CATCH_UP" \
    "$(python3 -c "print(round($BEHIND / max(1, $CATCH_UP)) if '$CATCH_UP'.isdigit() else '–')")" | section 1-growth
else
  log "2/6 catch-up after the template load: $TEMPLATE_CATCH_UP s (no growth)"
  printf '| Catch-up after the template load (no growth) | | | %s | |\n' "$TEMPLATE_CATCH_UP" | section 1-growth
fi
fi
wait_store_quiet
STORE_CASES=$(cases_in_store)
STORE_EVENTS=$(events_in_store)
STORE_SIZE=$(sql -c "SELECT pg_size_pretty(pg_total_relation_size('domain_event_entry'))")
log "  store: $STORE_CASES cases, $STORE_EVENTS events, domain_event_entry $STORE_SIZE"

# ---- 3. Scan and rebuilds -------------------------------------------------------------------------------------------
JDBC="jdbc:postgresql://localhost:$PG_PORT/postgres"
log "3/6 raw ordered scan of domain_event_entry ($STORE_EVENTS rows): a first pass to warm the caches, then counted"
tool ScanRate --jdbc "$JDBC" > /dev/null
SCAN=$(tool ScanRate --jdbc "$JDBC")
SCAN_PARSED=$(tool ScanRate --jdbc "$JDBC" --parse true)
field() { echo "$1" | sed -E "s/.*(^| )$2=([^ ]+).*/\\2/"; }
SCAN_RATE=$(field "$SCAN" rate)
PARSED_RATE=$(field "$SCAN_PARSED" rate)
log "  $SCAN; parsed: $SCAN_PARSED"
ratio() { python3 -c "print('%.2f' % ($1 / $2) if float($2) else '–')"; }
{
  echo "| Raw ordered scan, JDBC, batches of 1000 | $(field "$SCAN" rows) | $(field "$SCAN" seconds) | $SCAN_RATE" \
    "| 1 | $(ratio "$SCAN_RATE" "$PARSED_RATE") |"
  echo "| The same, each payload parsed as JSON (Jackson 3 tree) | $(field "$SCAN_PARSED" rows)" \
    "| $(field "$SCAN_PARSED" seconds) | $PARSED_RATE | $(ratio "$PARSED_RATE" "$SCAN_RATE") | 1 |"
} | section 3-rebuilds

# Starts a rebuild of $1 and waits for its end; prints "events seconds rate state".
rebuild() {
  local name=$1 deadline=$((SECONDS + ${REBUILD_SECONDS:-3600})) status
  get -X POST "$API/admin/projections/$name/rebuild" > /dev/null || fail "the rebuild of $name was refused"
  while :; do
    sleep 1
    status=$(get "$API/admin/projections/$name" | json "'%s: %s %%, %s events, %.0f events/s' % \
      (d['rebuild']['state'], d['rebuild']['percent'], d['rebuild']['eventsDone'], d['rebuild']['rate'])") \
      || status="unknown"
    case "$status" in DONE*|PARKED*|FAILED*) break ;; esac
    alive || fail "the service stopped during the rebuild of $name"
    [ $SECONDS -lt $deadline ] || fail "the rebuild of $name did not end within ${REBUILD_SECONDS:-3600} s"
    [ $((SECONDS % 10)) -ne 0 ] || log "  rebuild of $name $status"
  done
  get "$API/admin/projections/$name" | json "'%d %.1f %.0f %s' % (d['rebuild']['eventsDone'], (lambda s, f: \
    (f - s).total_seconds())(*[__import__('datetime').datetime.fromisoformat(d['rebuild'][k].replace('Z', '+00:00')) \
    for k in ('startedAt', 'finishedAt')]), d['rebuild']['rate'], d['rebuild']['state'])"
}
# The floor first, if the service runs it.
PROJECTIONS=$(get "$API/admin/projections" | json "' '.join(sorted((p['name'] for p in d), \
  key=lambda n: n != 'bench-floor'))")
# The bulk replay's code is compiled by the first rebuild after the start (on 2 cores it ran 16-37 % slower):
# the floor is rebuilt once first, not counted.
case " ${REBUILDS-$PROJECTIONS} " in
  *" bench-floor "*) wait_store_quiet; log "  rebuilding bench-floor once, not counted (the JIT)"
    rebuild bench-floor > /dev/null; wait_caught_up > /dev/null ;;
esac
FLOOR_RATE= FLOOR_CPU_PER_EVENT=
for name in ${REBUILDS-$PROJECTIONS}; do
  wait_store_quiet
  before=$(last_index)
  log "  rebuilding $name"
  cpu_service=$(tree_cpu "$SERVICE") cpu_pg=$(tree_cpu "$PG_PID")
  read -r events secs rate state < <(rebuild "$name")
  cpu_service=$(python3 -c "print('%.1f' % ($(tree_cpu "$SERVICE") - $cpu_service))")
  cpu_pg=$(python3 -c "print('%.1f' % ($(tree_cpu "$PG_PID") - $cpu_pg))")
  per_second=$(python3 -c "print(round($events / max($secs, 0.001)))")
  appended=$(( $(last_index) - before ))
  log "  $name: $state, $events events in $secs s, $per_second events/s, $appended appended meanwhile;" \
    "CPU s: service $cpu_service, PostgreSQL $cpu_pg"
  [ "$appended" -eq 0 ] || state="$state, $appended events appended meanwhile"
  echo "| Rebuild of $name ($state) | $events | $secs | $per_second | $(ratio "$per_second" "$SCAN_RATE")" \
    "| $(ratio "$per_second" "$PARSED_RATE") |" \
    | section 3-rebuilds
  wait_caught_up > /dev/null
  [ "$REBUILD_BOUNDS" = true ] && [ "$events" -gt 0 ] || continue
  if [ "$name" = bench-floor ]; then
    FLOOR_RATE=$per_second
    FLOOR_CPU_PER_EVENT=$(python3 -c "print(($cpu_service + $cpu_pg) / $events)")
    echo "| $name | $per_second | $cpu_service / $cpu_pg | – | $per_second | $(ratio "$per_second" "$SCAN_RATE")" \
      "| 1 |" | section 3-rebuild-bounds
  elif [ -n "$FLOOR_RATE" ]; then
    tables=$(get "$API/admin/projections/$name" | json "' '.join(d['tables'])")
    # shellcheck disable=SC2086 # the tables, one word each
    read -r rows write_cpu < <(pg_write_cost $tables) || fail "PostgreSQL's own write of the rows of $name failed"
    bound=$(python3 -c "print(round(min($FLOOR_RATE,
      $events * $(nproc) / ($events * $FLOOR_CPU_PER_EVENT + $write_cpu))))")
    log "  $name: PostgreSQL's own write of its $rows rows: $write_cpu CPU s; bound $bound events/s"
    echo "| $name | $per_second | $cpu_service / $cpu_pg | $rows / $write_cpu | $bound" \
      "| $(ratio "$bound" "$SCAN_RATE") | $(ratio "$per_second" "$bound") |" | section 3-rebuild-bounds
  fi
done

# ---- 4. Reads -------------------------------------------------------------------------------------------------------
log "4/6 reads: sampling ids from the store"
sql -c "SELECT aggregate_identifier FROM domain_event_entry WHERE sequence_number = 0 AND type = 'CaseFile'
        ORDER BY random() LIMIT ${SAMPLE:-5000}" > "$WORK/cases.txt"
sql -c "SELECT DISTINCT agency_code FROM work_item" > "$WORK/agencies.txt"
sql -c "SELECT DISTINCT commune_code FROM risk_register WHERE status <> 'CLOSED'" > "$WORK/communes.txt"
[ -s "$WORK/agencies.txt" ] || echo "31-xa-an-lao-police" > "$WORK/agencies.txt"
log "  $(wc -l < "$WORK/cases.txt") cases, $(wc -l < "$WORK/agencies.txt") agencies," \
  "$(wc -l < "$WORK/communes.txt") communes with open cases"
VALUES=(--values "cases=$WORK/cases.txt" --values "agencies=$WORK/agencies.txt" --values "communes=$WORK/communes.txt")
CPU=()
[ "$READ_CPU" != true ] || CPU=(--cpu "service=$SERVICE" --cpu "postgres=$PG_PID" --clock-ticks "$(getconf CLK_TCK)")
if [ "$PGBENCH_READS" = true ]; then
  log "  loading the sampled ids for pgbench (schema bench_read)"
  if ! prepare_read_pgbench; then
    log "  !!! no pgbench for the reads: the schema bench_read could not be made"
    PGBENCH_READS=false
  fi
fi
read_cell() { # $1 seconds, $2 cold (true: each target asked once alone first), then targets: the ReadLoad lines
  local seconds=$1 cold=$2; shift 2
  local targets=() cell headers=()
  for cell in "$@"; do targets+=(--target "$cell"); done
  # A single cell named *-max-stale asks with Cache-Control: max-stale (ReadLoad sends it with every request).
  case "$#:${1%%|*}" in 1:*-max-stale) headers=(--max-stale "$MAX_STALE") ;; esac
  tool ReadLoad --url "http://localhost:$PORT" --clients "$READERS" --seconds "$seconds" --warmup "$READ_WARMUP" \
    --timeout "${READ_TIMEOUT:-30}" --cold "$cold" "${CPU[@]}" "${VALUES[@]}" "${headers[@]}" "${targets[@]}"
}
# The JIT first: on a kept store without rebuilds the service has served nothing yet, and the first cells (the floor
# among them) would measure the interpreter. Every family but the cold ones at once, not counted.
if [ "$JIT_WARMUP" -gt 0 ]; then
  log "  warm-up: every family but those asked cold, $JIT_WARMUP s, not counted"
  WARM=()
  for cell in "${CELLS[@]}"; do
    case " $COLD_CELLS " in *" ${cell%%|*} "*) [ "$COLD" = true ] && continue ;; esac
    WARM+=("$cell")
  done
  read_cell "$JIT_WARMUP" false "${WARM[@]}" > /dev/null || fail "the read load client failed in the warm-up"
fi
# The floor cell first, so every row can be read against it.
ORDERED=()
for cell in "${CELLS[@]}"; do
  label=${cell%%|*}
  if [ "$FLOOR" = true ] && [ "$label" = "$FLOOR_CELL" ]; then ORDERED=("$cell" "${ORDERED[@]}"); continue; fi
  case " ${READ_CELLS:-all} " in *" all "*|*" $label "*) ORDERED+=("$cell") ;; esac
done
[ "$FLOOR" != true ] || [ "${ORDERED[0]%%|*}" = "$FLOOR_CELL" ] || fail "FLOOR_CELL=$FLOOR_CELL is not a read cell"
for cell in "${ORDERED[@]}"; do
  label=${cell%%|*}
  cold=false
  case " $COLD_CELLS " in *" $label "*) cold=$COLD ;; esac
  log "  $READERS readers on $label for $READ_SECONDS s$([ "$cold" = false ] || echo ", asked once alone first")"
  alive || fail "the service stopped during the reads"
  read_cell "$READ_SECONDS" "$cold" "$cell" > "$WORK/read-$label.txt" || fail "the read load client failed"
  cat "$WORK/read-$label.txt" >> "$WORK/reads.txt"
  line=$(grep "^target=$label " "$WORK/read-$label.txt") || true
  if [ "$FLOOR" = true ] && [ "$label" = "$FLOOR_CELL" ] && [ -n "$line" ]; then
    FLOOR_RATE=$(field "$line" rate)
    floor_note "$label" "$line" | section 4-reads-notes
    [ "${FLOOR_RATE%.*}" != "0" ] || FLOOR_RATE=
  fi
  pgbench_line=
  if [ "$PGBENCH_READS" = true ] && [ -f "$BENCH/read-sql/$label.sql" ]; then
    log "  pgbench, the statements of one $label answer, $READERS clients for $READ_SECONDS s"
    pgbench_line=$(read_pgbench "$label")
    [ -n "$pgbench_line" ] || log "  !!! pgbench failed for $label: $(tail -3 "$WORK/pgbench-read-$label.err")"
  fi
  read_row "$cell" "$WORK/read-$label.txt" "$pgbench_line" | section 4-reads
done
[ "$PGBENCH_READS" != true ] || drop_read_pgbench
if [ "$WRITERS" -gt 0 ]; then
  # The append path warmed first (its first answers on a cold JVM can take longer than a short measured time, and
  # AppendLoad counts only the answers that arrive within it): not counted.
  tool AppendLoad --url "http://localhost:$PORT" --clients "$WRITERS" --seconds 0 --warmup 5 \
    --user "worker.$WRITE_COMMUNE" --commune "$WRITE_COMMUNE" --run "rw-warm-$$" > /dev/null \
    || fail "the append load client failed while warming up"
  # The same readers while $WRITERS clients report new cases in $WRITE_COMMUNE over the same measured time: answers
  # whose facts the writes change are counted again (the first of them after each change), those of other communes
  # and periods should not be.
  for cell in "${CELLS[@]}" "${WRITE_ONLY_CELLS[@]}"; do
    label=${cell%%|*}
    case " $WRITE_CELLS " in *" $label "*) ;; *) continue ;; esac
    log "  $READERS readers on $label for $READ_SECONDS s, $WRITERS writers reporting cases in $WRITE_COMMUNE"
    alive || fail "the service stopped during the reads"
    tool AppendLoad --url "http://localhost:$PORT" --clients "$WRITERS" --seconds "$READ_SECONDS" \
      --warmup "$READ_WARMUP" --user "worker.$WRITE_COMMUNE" --commune "$WRITE_COMMUNE" --run "rw-$label-$$" \
      > "$WORK/write-$label.txt" &
    WRITES=$!
    read_cell "$READ_SECONDS" false "$cell" > "$WORK/read-write-$label.txt" || fail "the read load client failed"
    wait "$WRITES" || fail "the append load client failed beside $label: $(cat "$WORK/write-$label.txt")"
    read_row "$cell" "$WORK/read-write-$label.txt" "" | section 4-reads-writes
    echo "- beside $label: $(cat "$WORK/write-$label.txt")" | section 4-reads-writes-notes
    case $label in *-max-stale)
      aged=$(grep "^target=$label " "$WORK/read-write-$label.txt" | grep -oE '(requests|aged|age_max_s)=[0-9]+' \
        | tr '\n' ' ' || true)
      echo "- $label (Cache-Control: max-stale=$MAX_STALE): answers given from an earlier count, with Age: $aged" \
        | section 4-reads-writes-notes ;;
    esac
  done
fi
log "  every family at once for $REBUILD_READ_SECONDS s, a rebuild of $REBUILD_DURING_READS started after the warm-up"
read_cell "$REBUILD_READ_SECONDS" false "${CELLS[@]}" > "$WORK/reads-rebuild.txt" &
READS=$!
sleep "$READ_WARMUP"
get -X POST "$API/admin/projections/$REBUILD_DURING_READS/rebuild" > /dev/null \
  || fail "the rebuild of $REBUILD_DURING_READS was refused"
wait "$READS" || fail "the read load client failed"
alive || fail "the service stopped during the reads with a rebuild running"
for cell in "${CELLS[@]}"; do
  read_row "$cell" "$WORK/reads-rebuild.txt" "" mix | section 4-reads-rebuild
done
read_cpu_note "$WORK/reads-rebuild.txt" | section 4-reads-rebuild-notes
wait_rebuild_end "$REBUILD_DURING_READS" "$WORK/reads-rebuild.txt"

# ---- 5. Appends -----------------------------------------------------------------------------------------------------
if [ "$APPENDS" = true ]; then
log "5/6 appends: pgbench into a database of its own on the same server"
prepare_pgbench
declare -A BARE REAL HTTP LINE CATCH
for c in $CLIENTS; do
  log "  pgbench, $c client(s)"
  BARE[$c]=$(pgbench_rate bare_event_entry "$c")
  REAL[$c]=$(pgbench_rate domain_event_entry "$c")
  [ -n "${BARE[$c]}" ] && [ -n "${REAL[$c]}" ] || fail "pgbench gave no rate: $(cat "$WORK"/pgbench-*-"$c".err)"
done
log "  HTTP warm-up (not counted)"
tool AppendLoad --url "http://localhost:$PORT" --clients 4 --seconds 0 --warmup 10 --run warm-up > /dev/null
wait_caught_up > /dev/null
LAG_CLIENTS=$(echo "$CLIENTS" | tr ' ' '\n' | sort -n | tail -1)
for c in $CLIENTS; do
  log "  HTTP POST /cases, $c client(s)"
  if [ "$c" = "$LAG_CLIENTS" ]; then
    tool ProjectionLag --url "http://localhost:$PORT" --delay "$HTTP_WARMUP" --seconds "$HTTP_SECONDS" \
      > "$WORK/lag.txt" &
    LAG_WATCH=$!
  fi
  LINE[$c]=$(tool AppendLoad --url "http://localhost:$PORT" --clients "$c" --seconds "$HTTP_SECONDS" \
    --warmup "$HTTP_WARMUP" --run "http-$c") || fail "the append load client failed"
  [ "$c" != "$LAG_CLIENTS" ] || wait "$LAG_WATCH"
  HTTP[$c]=$(field "${LINE[$c]}" rate)
  CATCH[$c]=$(wait_caught_up)
  log "  ${LINE[$c]}; caught up after ${CATCH[$c]} s"
done
for c in $CLIENTS; do
  # AppendLoad counts the answers that arrive within the measured time only.
  [ "$(field "${LINE[$c]}" stored)" != "0" ] || HTTP[$c]="**0: no answer within the ${HTTP_SECONDS} s**"
  echo "| $c | ${BARE[$c]} | ${REAL[$c]} | $(ratio "${REAL[$c]}" "${BARE[$c]}") | ${HTTP[$c]} |" \
    "$(ratio "$(field "${LINE[$c]}" rate)" "${BARE[$c]}") |" \
    "$(field "${LINE[$c]}" p50_ms) / $(field "${LINE[$c]}" p99_ms) |" \
    "$(field "${LINE[$c]}" refused) / $(field "${LINE[$c]}" errors) | ${CATCH[$c]} |" | section 5-appends
done
lag_section "$LAG_CLIENTS"
else
  log "5/6 appends skipped (APPENDS=false)"
fi

# ---- 6. Memory (also written when the run stops early) --------------------------------------------------------------
log "6/6 memory"
DONE=1
