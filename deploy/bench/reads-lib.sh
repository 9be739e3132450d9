# The read cells' same-run baselines for deploy/bench/scale.sh (sourced by it, not run alone): PostgreSQL's own rate
# for the statements of one answer (pgbench, the scripts in read-sql/), and the Markdown rows of the read tables with
# the CPU per answer, the cold answer and the HTTP floor. Uses the script's variables (WORK, BENCH, PG, READERS,
# READ_SECONDS, FLOOR_RATE, FLOOR_CELL).

# Loads the sampled ids ($WORK/cases.txt, agencies.txt, communes.txt) into the schema bench_read of the service's
# database, numbered from 1, and makes copies of the access log's two tables there (same columns, keys and indexes,
# identity of their own; no trigger, no foreign key), which the pgbench scripts write instead of the service's log.
# Returns non-zero when a step fails (e.g. a build without those tables).
prepare_read_pgbench() {
  local kind
  PGOPTIONS='-c client_min_messages=warning' psql "${PG[@]}" -d postgres > /dev/null <<'SQL' || return 1
DROP SCHEMA IF EXISTS bench_read CASCADE;
CREATE SCHEMA bench_read;
CREATE TABLE bench_read.cases (n INTEGER PRIMARY KEY, id TEXT NOT NULL);
CREATE TABLE bench_read.agencies (n INTEGER PRIMARY KEY, id TEXT NOT NULL);
CREATE TABLE bench_read.communes (n INTEGER PRIMARY KEY, id TEXT NOT NULL);
CREATE TABLE bench_read.access_log (LIKE public.access_log INCLUDING ALL);
CREATE TABLE bench_read.access_log_chain (LIKE public.access_log_chain INCLUDING ALL);
SQL
  for kind in cases agencies communes; do
    awk 'NF { n++; print n "\t" $0 }' "$WORK/$kind.txt" > "$WORK/$kind.tsv" || return 1
    psql "${PG[@]}" -d postgres -c "\\copy bench_read.$kind FROM '$WORK/$kind.tsv'" > /dev/null || return 1
  done
  psql "${PG[@]}" -d postgres -c "ANALYZE bench_read.cases, bench_read.agencies, bench_read.communes" > /dev/null
}

drop_read_pgbench() {
  PGOPTIONS='-c client_min_messages=warning' psql "${PG[@]}" -d postgres -c "DROP SCHEMA IF EXISTS bench_read CASCADE" \
    > /dev/null || true
}

# pgbench with $READERS clients (threads: as many as cores, at most one a client) for $READ_SECONDS s running
# read-sql/$1.sql against the service's database; prints "tps latency_average_ms", or nothing when it failed (its
# output and errors kept in $WORK/pgbench-read-$1.*).
read_pgbench() {
  local threads=$((READERS < $(nproc) ? READERS : $(nproc)))
  pgbench "${PG[@]:0:6}" -n -M prepared -c "$READERS" -j "$threads" -T "$READ_SECONDS" \
    -D ncases="$(wc -l < "$WORK/cases.tsv")" -D nagencies="$(wc -l < "$WORK/agencies.tsv")" \
    -D ncommunes="$(wc -l < "$WORK/communes.tsv")" -f "$BENCH/read-sql/$1.sql" postgres \
    > "$WORK/pgbench-read-$1.txt" 2> "$WORK/pgbench-read-$1.err" || true
  awk '/^tps = / { tps = $3 } /^latency average = / { latency = $4 }
       END { if (tps != "") printf "%.0f %.2f", tps, latency }' "$WORK/pgbench-read-$1.txt"
}

# One row of a read table: its rate, latencies, errors and sizes (ReadLoad's line), the cold answer, the CPU per
# answer of the service with PostgreSQL and of the load client, the rate that CPU allows on all cores (cores × 1000 ÷
# the three together: the machine's ceiling for this question while the client shares it), pgbench's rate for the
# same statements and HTTP ÷ pgbench, the rate ÷ the floor's and the floor bound. $1 the cell (label|path[|user]),
# $2 the file of ReadLoad's output, $3 pgbench's
# "tps latency" for the cell or empty, $4 "mix" when the file holds every family at once (then the CPU, measured for
# the whole mix, is given below the table, not per row).
read_row() {
  local label path user
  IFS='|' read -r label path user <<< "$1"
  python3 - "$label" "$path" "$user" "$2" "$3" "${4:-}" "$READERS" "${FLOOR_RATE:-}" "$(nproc)" <<'PY'
import re, sys
label, path, user, output, pgbench, mix, readers, floor, cores = sys.argv[1:]
lines = open(output).read().splitlines()
line = next((l for l in lines if l.startswith('target=%s ' % label)), None)
if line is None:
    print('| %s | `%s` | no result |%s' % (label, path, ' |' * 13)); sys.exit()
f = dict(re.findall(r'(\w+)=(\S+)', line))
cpu = dict(re.findall(r'(\w+)_cpu_ms=(\d+)', next((l for l in lines if l.startswith('cpu ')), '')))
rate, answers = float(f['rate']), int(f['requests']) - int(f['errors'])
ratio = lambda a, b: '%.2f' % (a / b) if b else '–'
cold = f.get('cold_ms') or ('**%s**' % f['cold_status'] if 'cold_status' in f else '–')
if mix or 'service' not in cpu or not answers:
    server_cpu = client_cpu = cpu_rate = '–'
else:
    service, postgres, client = (int(cpu[k]) / answers for k in ('service', 'postgres', 'client'))
    server_cpu = '%.2f (PostgreSQL %.2f)' % (service + postgres, postgres)
    client_cpu = '%.2f' % client
    cpu_rate = '%.0f' % (int(cores) * 1000 / (service + postgres + client)) if service + postgres + client else '–'
tps, latency = (pgbench.split() + ['', ''])[:2]
floor_rate = float(floor) if floor and not mix else 0  # in the mix the readers share every family
print('| %s | `%s`%s | %s | %s | %.0f / %.0f / %.0f | %.0f | %s / %s / %s | %s / %s | %s | %s | %s | %s | %s | %s | %s '
      '| %s |' % (label, path, ' as %s' % user if user else '', f['requests'], f['rate'], float(f['p50_ms']),
         float(f['p95_ms']), float(f['p99_ms']), float(f['max_ms']), f['refused'], f['errors'], f['timeouts'],
         f['bytes_p50'], f['bytes_max'], cold, server_cpu, client_cpu, cpu_rate,
         '%s / %s' % (tps, latency) if tps else '–', ratio(rate, float(tps)) if tps else '–',
         ratio(rate, floor_rate) if floor_rate else '–',
         '%.0f' % (int(readers) * 1000 / floor_rate) if floor_rate else '–'))
PY
}

# What the floor cell says (one sentence): $1 its label, $2 its ReadLoad line.
floor_note() {
  python3 - "$1" "$2" "$READERS" <<'PY'
import re, sys
label, line, readers = sys.argv[1], sys.argv[2], int(sys.argv[3])
f = dict(re.findall(r'(\w+)=(\S+)', line))
rate = float(f['rate'])
print('- **HTTP floor** (FLOOR_CELL, measured first): %s, %s answers/s, p50 %s ms, p99 %s ms: authenticated, through '
      'the whole filter chain, its answer (%s bytes here) one indexed look-up of a page that does not grow with the '
      'store. A closed loop of %d readers cannot average below %d ÷ that rate = **%s ms** on this machine now (the '
      'floor bound of each row); p99 <= 50 ms at %d readers needs a mean below 50 ms, so at least %d answers/s.'
      % (label, f['rate'], f['p50_ms'], f['p99_ms'], f['bytes_p50'], readers, readers,
         '%.0f' % (readers * 1000 / rate) if rate else '–', readers, readers * 20))
PY
}

# The CPU of a whole ReadLoad run (file $1) per answer, as one sentence.
read_cpu_note() {
  python3 - "$1" "$(nproc)" <<'PY'
import re, sys
lines, cores = open(sys.argv[1]).read().splitlines(), sys.argv[2]
cpu = dict(re.findall(r'(\w+)_cpu_ms=(\d+)', next((l for l in lines if l.startswith('cpu ')), '')))
answers = sum(int(f['requests']) - int(f['errors'])
              for f in (dict(re.findall(r'(\w+)=(\S+)', l)) for l in lines if l.startswith('target=')))
if 'service' in cpu and answers:
    service, postgres, client = (int(cpu[k]) / answers for k in ('service', 'postgres', 'client'))
    print('- CPU per answer over the whole mix (%d answers): service + PostgreSQL %.2f ms (service %.2f, PostgreSQL '
          '%.2f), the load client %.2f ms; the rate that CPU allows on %s cores: %.0f answers/s'
          % (answers, service + postgres, service, postgres, client, cores,
             int(cores) * 1000 / max(service + postgres + client, 0.001)))
PY
}
