-- The risk register's overdue flag probes each listed case for a missed deadline (RiskRegisterQueries.page). Through
-- the primary key that probe read every deadline of the case from the heap to test its state; a partial index of the
-- missed ones by case answers it from the index alone. At 100,000 cases it cut a commune's first page from ~630 to
-- ~520 buffers and its PostgreSQL CPU per answer from 0.90 ms to 0.63-0.86 ms (docs/benchmarks.md, "The risk
-- register's overdue probe through a partial index").
-- Only rows in state MISSED are in it: an open deadline that lapses is written into it once.
CREATE INDEX IF NOT EXISTS case_deadline_missed_case_idx ON case_deadline (case_id) WHERE state = 'MISSED';
