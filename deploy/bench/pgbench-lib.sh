# The pgbench baseline shared by deploy/bench/appends.sh and deploy/bench/scale.sh (sourced, not run alone): the
# event store's own migrations in a database of their own (bench_appends), a bare table shaped like
# domain_event_entry (its columns, keys and indexes, no trigger), one single-row insert script for each, and the
# commit rate of one cell. Uses the caller's ROOT, WORK, PG (psql connection options, the first six being host, port
# and user) and PGBENCH_SECONDS; PAYLOAD_BYTES and META_BYTES default to the sizes of a stored CaseReported.

MIGRATIONS="$ROOT/deploy/platform/src/main/resources/db/migration/common"

prepare_pgbench() {
  local payload=${PAYLOAD_BYTES:-1000} meta=${META_BYTES:-185} file table
  PGOPTIONS='-c client_min_messages=warning' psql "${PG[@]}" -d postgres \
    -c "DROP DATABASE IF EXISTS bench_appends" -c "CREATE DATABASE bench_appends"
  for file in $(ls "$MIGRATIONS"/V*.sql | sort -V); do
    psql "${PG[@]}" -d bench_appends -1 -f "$file" > /dev/null  # each in one transaction, as Flyway runs them
  done
  psql "${PG[@]}" -d bench_appends > /dev/null <<'SQL'
CREATE TABLE bare_event_entry (LIKE domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES);
CREATE SEQUENCE bare_event_entry_global_index_seq OWNED BY bare_event_entry.global_index;
ALTER TABLE bare_event_entry ALTER COLUMN global_index SET DEFAULT nextval('bare_event_entry_global_index_seq');
SQL
  for table in bare_event_entry domain_event_entry; do
    # No colon in the script: pgbench would read ":name" as a variable (the time stamp is ISO-8601 UTC).
    cat > "$WORK/$table.sql" <<SQL
INSERT INTO $table (event_identifier, aggregate_identifier, sequence_number, type, payload_type, payload_revision,
                    payload, meta_data, time_stamp)
VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 0, 'Case', 'bench.CaseReported', NULL,
        convert_to(repeat('p', $payload), 'UTF8'), convert_to(repeat('m', $meta), 'UTF8'),
        (to_json(clock_timestamp() AT TIME ZONE 'UTC') #>> '{}') || 'Z');
SQL
  done
}

pgbench_rate() { # $1 table, $2 clients: commits per second
  local threads=$(($2 < $(nproc) ? $2 : $(nproc)))
  pgbench "${PG[@]:0:6}" -n -M prepared -c "$2" -j "$threads" -T "$PGBENCH_SECONDS" \
    -f "$WORK/$1.sql" bench_appends 2> "$WORK/pgbench-$1-$2.err" | awk '/^tps = / { printf "%.0f", $3 }' || true
}
