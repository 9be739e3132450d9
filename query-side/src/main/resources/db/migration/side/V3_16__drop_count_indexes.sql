-- The two count indexes of V3_11 served the district-wide counts of a first page (the risk register's and the
-- overdue register's) by index-only scans. Since V3_13 those counts, the statistics of open cases and the successor
-- choices' total read the counts the projections keep (open_case_count, late_deadline_count), and no statement
-- filters or groups on these keys any more: every write of a register row still paid for them. The pages keep their
-- own indexes (V3_1 risk_register_open_idx, V3_10).
DROP INDEX IF EXISTS risk_register_count_idx;
DROP INDEX IF EXISTS case_deadline_late_count_idx;
