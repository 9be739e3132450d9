-- Group 'indicators'. Counted facts (sự việc được tính): what each case counts for, derived from indicator_case,
-- indicator_step and indicator_commune whenever an event of the case arrives, so that a question reads only the rows
-- of its period and communes instead of every case its communes ever ran.
--
-- A case counts for a measure in a period [start, end) (Vietnam days as UTC instants) in commune_code when it was
-- reported before end and one of its rows for that measure holds:
--   (counted_at IS NULL OR start <= counted_at < end)   the counted fact happened in the period
--   AND (previous_at IS NULL OR previous_at < start)   the first of its kind in the period
--   AND (holds_after IS NULL OR holds_after < end)     e.g. assessed by the end of the period
--   AND (holds_until IS NULL OR end <= holds_until)    e.g. not closed by the end of the period
-- As of an instant asOf, the rows that hold are those with recorded_at <= asOf < superseded_at (NULL: still).
-- A rebuild of the group fills the table. Cases recorded before it existed have no rows yet: see indicator_fact_state
-- below.
CREATE TABLE indicator_fact (
    case_id       VARCHAR(255) NOT NULL,
    measure       VARCHAR(32)  NOT NULL,
    commune_code  VARCHAR(64)  NOT NULL,
    counted_at    TIMESTAMPTZ,
    previous_at   TIMESTAMPTZ,
    holds_after   TIMESTAMPTZ,
    holds_until   TIMESTAMPTZ,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    superseded_at TIMESTAMPTZ
);
CREATE INDEX indicator_fact_case_idx ON indicator_fact (case_id);
-- Facts of an instant in the period (reported, followed, helped in time, supported, closed).
CREATE INDEX indicator_fact_dated_idx ON indicator_fact (commune_code, counted_at) WHERE counted_at IS NOT NULL;
-- Facts of a period's end (open at the end): those still holding at the period's end, from their last one on.
CREATE INDEX indicator_fact_open_idx ON indicator_fact (commune_code, COALESCE(holds_until, 'infinity'))
    WHERE counted_at IS NULL;

-- Whether indicator_fact holds the rows of every case (one row). A store that already holds cases when this
-- migration runs has none of their rows yet: it starts incomplete, the service then rebuilds the group by itself at
-- start, and the rebuild's switch sets it complete in its own transaction (IndicatorFactsBackfill). While incomplete,
-- every answer counted from indicator_fact is refused (503) rather than given short. A fresh store is complete.
-- Not one of the group's tables: a rebuild does not copy it, it only sets it.
CREATE TABLE indicator_fact_state (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    complete  BOOLEAN NOT NULL
);
INSERT INTO indicator_fact_state (complete) SELECT NOT EXISTS (SELECT 1 FROM indicator_case);
