-- Counts kept by the projections beside the rows they count, so that a district-wide first page (the overdue
-- register's and the risk register's counts) and the statistics of open cases read a few rows per commune instead of
-- counting every late deadline or open case of the store. Each table belongs to the processing group that writes the
-- rows it counts (admin/ProjectionDefinitions), so a rebuild makes an empty shadow copy of it, the rebuild's batches
-- fill it, and the switch swaps it in with the rows. The writers (tally/KeptCounts) add to a count, in the batch's
-- transaction, what the batch changed in the rows it counts, and delete a count that falls to zero: a table holds
-- exactly the groups a GROUP BY over the rows would give, with the same numbers.
--
-- Filled here from the rows as they are, so an upgrade needs no rebuild. The SHARE locks keep any writer of the rows
-- waiting until this migration commits, so the counts start from exactly the rows committed.

-- Group 'deadlines'. Late deadlines (state MISSED) per commune that runs the case now and per agency of an
-- INTERVENTION_DUE deadline ('' for every other rule): the groups of the overdue register's first page.
LOCK TABLE case_deadline IN SHARE MODE;
CREATE TABLE late_deadline_count (
    commune_code VARCHAR(64) NOT NULL,
    agency_code  VARCHAR(64) NOT NULL,
    late         BIGINT      NOT NULL CHECK (late >= 0),
    PRIMARY KEY (commune_code, agency_code)
);
INSERT INTO late_deadline_count (commune_code, agency_code, late)
SELECT commune_code, CASE WHEN rule = 'INTERVENTION_DUE' THEN responsible_org_unit ELSE '' END, count(*)
FROM case_deadline
WHERE state = 'MISSED'
GROUP BY 1, 2;

-- Group 'risk-register'. Open cases (status other than CLOSED) per commune, risk level ('UNASSESSED' before the
-- first assessment) and category: the cells of the statistics of open cases, and (added up) the risk register's
-- counts per commune.
LOCK TABLE risk_register IN SHARE MODE;
CREATE TABLE open_case_count (
    commune_code VARCHAR(64) NOT NULL,
    risk_level   VARCHAR(16) NOT NULL,
    category     VARCHAR(64) NOT NULL,
    open_cases   BIGINT      NOT NULL CHECK (open_cases >= 0),
    PRIMARY KEY (commune_code, risk_level, category)
);
INSERT INTO open_case_count (commune_code, risk_level, category, open_cases)
SELECT commune_code, COALESCE(risk_level, 'UNASSESSED'), category, count(*)
FROM risk_register
WHERE status <> 'CLOSED'
GROUP BY 1, 2, 3;
