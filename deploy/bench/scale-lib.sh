# Functions of deploy/bench/scale.sh (sourced by it, not run alone): the pgbench cells (from pgbench-lib.sh), the
# read cells' baselines (from reads-lib.sh), waiting for a rebuild, and the Markdown it prints. They use the
# script's variables (WORK, OUT, PG, API, AUTH, SERVICE, DIR...).

# shellcheck source=deploy/bench/pgbench-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/pgbench-lib.sh"
# shellcheck source=deploy/bench/reads-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/reads-lib.sh"

# CPU seconds (user + system) spent so far by process $1 and its descendants, those that ended included (ProcessCpu).
tree_cpu() { java -cp "$WORK/classes" ProcessCpu "$1" "$(getconf CLK_TCK)"; }

# The indexes of table $1 (a regclass: schema.table) that a rebuild builds only after its bulk replay: not unique, not
# primary, first column other than case_id: the rule of ShadowTables.dropDeferrableIndexes, kept the same by hand
# (a change to one is a change to both). Answers "name definition" rows.
deferred_indexes() {
  echo "SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
    WHERE i.indrelid = '$1'::regclass AND NOT i.indisunique AND NOT i.indisprimary AND a.attname <> 'case_id'"
}

# PostgreSQL's own cheapest write of a projection's rows ($@: its tables), laid out as a rebuild lays them out
# (ShadowTables): empty copies of the tables (LIKE ... INCLUDING ALL) in a schema of their own without the deferred
# indexes, loaded with binary COPY from a copy of the live rows taken first, then those indexes built; one backend, no
# parallel workers. Prints "rows cpu_seconds": the rows, and PostgreSQL's CPU (the postmaster's tree) over the load
# and the builds. The copies and their files are removed after.
pg_write_cost() {
  local table prepare="SET client_min_messages = warning; SET max_parallel_maintenance_workers = 0;
    DROP SCHEMA IF EXISTS bench_write CASCADE; CREATE SCHEMA bench_write;" load="" build="" rows=0 files
  files=$(cd "$DATA_DIR" && pwd)/bench_write
  for table in "$@"; do
    prepare+="CREATE TABLE bench_write.$table (LIKE public.$table INCLUDING ALL);
      COPY public.$table TO '${files}_$table' (FORMAT binary);
      DO \$\$ DECLARE r record; BEGIN FOR r IN $(deferred_indexes "bench_write.$table") LOOP
        EXECUTE 'DROP INDEX ' || r.name; END LOOP; END \$\$;"
    load+="COPY bench_write.$table FROM '${files}_$table' (FORMAT binary);"$'\n'
    build+=$(sql -c "SELECT replace(definition, ' ON public.', ' ON bench_write.') || ';'
      FROM ($(deferred_indexes "public.$table")) d")$'\n'
    rows=$((rows + $(sql -c "SELECT count(*) FROM public.$table")))
  done
  # The files in the data directory, which the server can write; psql's \! runs here, while the session's backend
  # lives.
  if ! sql > /dev/null <<SQL
$prepare
CHECKPOINT;
\! java -cp "$WORK/classes" ProcessCpu $PG_PID $(getconf CLK_TCK) > "$WORK/write-cost-from"
$load
$build
\! java -cp "$WORK/classes" ProcessCpu $PG_PID $(getconf CLK_TCK) > "$WORK/write-cost-to"
DROP SCHEMA bench_write CASCADE;
SQL
  then
    sql -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS bench_write CASCADE" > /dev/null
    rm -f "$files"_*
    return 1
  fi
  rm -f "$files"_*
  [ -s "$WORK/write-cost-from" ] && [ -s "$WORK/write-cost-to" ] || return 1
  echo "$rows $(python3 -c "print('%.1f' % ($(cat "$WORK/write-cost-to") - $(cat "$WORK/write-cost-from")))")"
}

# Waits for the end of the rebuild of $1 started during the reads with every family, and adds its row to the rebuild
# table with how much of the measured read time (the window line ReadLoad wrote in file $2) it overlapped.
wait_rebuild_end() {
  local name=$1 deadline=$((SECONDS + ${REBUILD_SECONDS:-3600})) state window
  window=$(sed -nE 's/^window from_ms=([0-9]+) to_ms=([0-9]+)/\1 \2/p' "$2")
  while :; do
    state=$(get "$API/admin/projections/$name" | json "d['rebuild']['state']") || state=unknown
    case "$state" in DONE|PARKED|FAILED) break ;; esac
    alive || fail "the service stopped during the rebuild of $name"
    [ $SECONDS -lt $deadline ] || fail "the rebuild of $name did not end within ${REBUILD_SECONDS:-3600} s"
    sleep 1
  done
  get "$API/admin/projections/$name" | python3 -c "
import datetime, json, sys
d = json.load(sys.stdin)['rebuild']
WINDOW_FROM, WINDOW_TO = (int(x) / 1000 for x in '$window'.split())
t = lambda k: datetime.datetime.fromisoformat(d[k].replace('Z', '+00:00')).timestamp()
secs = t('finishedAt') - t('startedAt')
rate = d['eventsDone'] / max(secs, 0.001)
overlap = max(0.0, min(t('finishedAt'), WINDOW_TO) - max(t('startedAt'), WINDOW_FROM))
window = WINDOW_TO - WINDOW_FROM
ratio = lambda a, b: '%.2f' % (a / b) if b else '–'
print('| Rebuild of %s (%s) while %s readers read every family (it ran during %.0f of the %.0f s measured) '
      '| %d | %.1f | %.0f | %s | %s |' % ('$name', d['state'], '$READERS', overlap, window, d['eventsDone'], secs,
      rate, ratio(rate, float('$SCAN_RATE')), ratio(rate, float('$PARSED_RATE'))))" | section 3-rebuilds
  wait_caught_up > /dev/null
}

lag_section() { # $1 clients of the watched cell
  python3 - "$1" "$WORK/lag.txt" <<'PY' | section 5-appends-lag
import re, sys
clients, path = sys.argv[1], sys.argv[2]
rows = [dict(re.findall(r'(\w+)=(\S+)', l)) for l in open(path) if l.strip()]
if not rows:
    print('- Live projection lag during the %s-client cell: no result' % clients); sys.exit()
a = rows[0]
print('- Live projection lag in time during the %s-client cell (polled every 200 ms, each poll the largest of all '
      'projections; an upper bound, at most one poll too high): p50 %s ms, **p99 %s ms**, max %s ms (%s polls, %s '
      'failed); largest lag in events %s; the service\'s own secondsBehind at most %s s' % (clients, a['p50_ms'],
      a['p99_ms'], a['max_ms'], a['samples'], a['failed_polls'], a['max_events'], a['max_seconds_behind']))
print('- p99 / max per projection (ms): ' + ', '.join('%s %s / %s' % (r['projection'], r['p99_ms'], r['max_ms'])
                                                       for r in rows[1:]))
PY
}

# Heap and resident memory of the service's JVM, while it still runs (called before it is stopped).
memory_section() {
  [ ! -f "$OUT/6-memory.md" ] || return 0
  local hwm oom
  hwm=$(awk '/^VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVICE/status" 2>/dev/null) || true
  oom=$(grep -c 'OutOfMemoryError' "$DIR/service.log" 2>/dev/null) || true
  errors=$(grep -c '^[0-9T:.-]*Z *ERROR ' "$DIR/service.log" 2>/dev/null) || true
  warnings=$(grep -c '^[0-9T:.-]*Z *WARN ' "$DIR/service.log" 2>/dev/null) || true
  python3 - "$DIR/gc.log" "$HEAP" "${hwm:-– (process gone)}" "${oom:-0}" "${errors:-0}" "${warnings:-0}" <<'PY' \
    | section 6-memory
import re, sys
path, heap, hwm, oom, errors, warnings = sys.argv[1:]
before, after, pauses, full = [], [], [], 0
try:
    for line in open(path):
        m = re.search(r'Pause (\w+).* (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms', line)
        if m:
            before.append(int(m.group(2))); after.append(int(m.group(3))); pauses.append(float(m.group(5)))
            full += m.group(1) == 'Full'
except FileNotFoundError:
    pass
print('| %s | %s | %s | %d pauses, %.1f s in all, longest %.0f ms; %d full | %s | %s | %s / %s |' % (
    heap, '%d MiB' % max(before) if before else '–', '%d MiB' % max(after) if after else '–', len(pauses),
    sum(pauses) / 1000, max(pauses) if pauses else 0, full, hwm, 'none' if oom == '0' else '**%s**' % oom,
    errors if errors == '0' else '**%s**' % errors, warnings))
PY
}

print_tables() { # $1 the script's exit status
  [ -d "$OUT" ] || return 0
  local part
  echo
  echo "- Command: \`$COMMAND\`"
  echo "- Run: $STARTED, $SECONDS s; machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' \
    /proc/meminfo), $(java -version 2>&1 | head -1); load average at the start $LOAD_START, at the end" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Service: the all-in-one, heap limit $HEAP (-XX:+ExitOnOutOfMemoryError), embedded PostgreSQL" \
    "${PG_VERSION:-?}: ${DURABILITY:-?}"
  echo "- Store: ${STORE_CASES:-?} cases, ${STORE_EVENTS:-?} events, domain_event_entry ${STORE_SIZE:-?};" \
    "templates: ${LOADED:-?}"
  [ ! -f "$OUT/growth-note.txt" ] || { echo; cat "$OUT/growth-note.txt"; }
  if [ "$1" != "0" ] || [ -z "$DONE" ]; then
    echo
    echo "**The run stopped early (exit status $1): $(cat "$OUT/stopped.txt" 2>/dev/null || echo interrupted)." \
      "The tables hold what was measured before.**"
  fi
  for part in 1-growth 3-rebuilds 3-rebuild-bounds 4-reads 4-reads-writes 4-reads-rebuild 5-appends 6-memory; do
    [ -f "$OUT/$part.md" ] || continue
    echo
    case $part in
      1-growth) echo "| Growth | Cases | Events | Seconds | Events/s |"; echo "|---|---:|---:|---:|---:|" ;;
      3-rebuilds) echo "| Reading the store in order | Events | Seconds | Events/s | ÷ raw scan | ÷ scan with JSON |"
                  echo "|---|---:|---:|---:|---:|---:|" ;;
      3-rebuild-bounds) echo "| Rebuild | Events/s | CPU s, service / PostgreSQL | PostgreSQL's own write of its" \
                          "rows: rows / CPU s | Bound on $(nproc) cores (events/s) | Bound ÷ raw scan" \
                          "| Rebuild ÷ bound |"
                        echo "|---|---:|---:|---:|---:|---:|---:|" ;;
      4-reads) echo "| Read ($READERS readers, $READ_SECONDS s each after $READ_WARMUP s not counted) | Path" \
                 "| Requests | Requests/s | p50 / p95 / p99 (ms) | Max (ms) | Refused / errors / timeouts" \
                 "| Size p50 / max (bytes) | Cold: asked once alone first (ms) | CPU per answer, service +" \
                 "PostgreSQL (ms) | CPU per answer, load client (ms)" \
                 "| Rate the CPU allows: $(nproc) cores ÷ all three" \
                 "(answers/s) | pgbench, the same statements, $READERS clients" \
                 "(tps / latency avg ms) | HTTP ÷ pgbench | ÷ floor rate | Floor bound: $READERS readers ÷ floor" \
                 "rate (ms, mean) |"
               echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" ;;
      4-reads-writes) echo "| Read ($READERS readers, $READ_SECONDS s) while $WRITERS writers report cases in" \
                        "$WRITE_COMMUNE | Path | Requests | Requests/s | p50 / p95 / p99 (ms) | Max (ms)" \
                        "| Refused / errors / timeouts | Size p50 / max (bytes) | Cold (ms)" \
                        "| CPU per answer, service + PostgreSQL (ms) | CPU per answer, load client (ms)" \
                        "| Rate the CPU allows (answers/s)" \
                        "| pgbench (tps / latency avg ms) | HTTP ÷ pgbench | ÷ floor rate | Floor bound (ms, mean) |"
                      echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" ;;
      4-reads-rebuild) echo "| Read, every family at once, with a rebuild of $REBUILD_DURING_READS running" \
                         "($READERS readers, $REBUILD_READ_SECONDS s) | Path | Requests | Requests/s" \
                         "| p50 / p95 / p99 (ms) | Max (ms) | Refused / errors / timeouts | Size p50 / max (bytes)" \
                         "| Cold (ms) | CPU per answer, service + PostgreSQL (ms) | CPU per answer, load client (ms)" \
                         "| Rate the CPU allows (answers/s)" \
                         "| pgbench (tps / latency avg ms) | HTTP ÷ pgbench | ÷ floor rate | Floor bound (ms, mean) |"
                       echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" ;;
      5-appends) echo "| Writers | pgbench, bare table (commits/s) | pgbench, domain_event_entry (commits/s)" \
                   "| ÷ bare | HTTP POST /cases (requests/s) | HTTP ÷ bare | HTTP p50 / p99 (ms) | Refused / errors" \
                   "| Catch-up after the cell (s) |"
                 echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|" ;;
      6-memory) echo "| Heap limit | Heap used, max (before a GC) | Heap after a GC, max | GC pauses" \
                  "| RSS max (VmHWM) | OutOfMemoryError | Service log: ERROR / WARN lines |"
                echo "|---|---:|---:|---|---:|---|---:|" ;;
    esac
    cat "$OUT/$part.md"
    [ "$part" != 3-rebuild-bounds ] || { echo; echo "- Bound: the most a rebuild could reach on these cores if it" \
      "cost the service and PostgreSQL no more than bench-floor does per event (reading every event, deserialising" \
      "its payload, handing it to a handler) plus what PostgreSQL itself spends writing the projection's rows in its" \
      "cheapest way (pg_write_cost: COPY into empty tables, the deferred indexes built after), with every core busy:" \
      "cores × events ÷ (floor CPU per event × events + that write's CPU), and never more than the floor's own rate." \
      "A bound under 0.25 of the raw scan means no change to the service reaches 0.25 on this machine without" \
      "writing less."; }
    [ "$part" != 4-reads ] || [ ! -f "$OUT/4-reads-notes.md" ] || { echo; cat "$OUT/4-reads-notes.md"; }
    [ "$part" != 4-reads-writes ] || [ ! -f "$OUT/4-reads-writes-notes.md" ] \
      || { echo; cat "$OUT/4-reads-writes-notes.md"; }
    [ "$part" != 4-reads-rebuild ] || [ ! -f "$OUT/4-reads-rebuild-notes.md" ] \
      || { echo; cat "$OUT/4-reads-rebuild-notes.md"; }
    [ "$part" != 5-appends ] || [ ! -f "$OUT/5-appends-lag.md" ] || { echo; cat "$OUT/5-appends-lag.md"; }
  done
}
