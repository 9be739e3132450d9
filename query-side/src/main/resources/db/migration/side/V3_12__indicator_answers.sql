-- Group 'indicators'. Versions of the counted facts, so that an answer counted once is given again while nothing it
-- was counted from changed (IndicatorAnswers). Every value comes from one sequence, which never gives a value twice:
-- a version seen once is never seen again with other facts.
CREATE SEQUENCE indicator_fact_version;

-- Per commune: a new version in the transaction of every batch of the projection that rewrites counted facts of a
-- case the commune ran (IndicatorFactWriter). Not one of the group's tables: a rebuild, writing its shadow copies
-- of the facts (which no answer reads), leaves it alone, and its switch renews the generation below instead. A
-- commune without a row has had no fact written since this migration (the seed below covers the facts before it).
CREATE TABLE indicator_commune_version (
    commune_code VARCHAR(64) PRIMARY KEY,
    version      BIGINT      NOT NULL
);
INSERT INTO indicator_commune_version (commune_code, version)
SELECT commune_code, nextval('indicator_fact_version') FROM (SELECT DISTINCT commune_code FROM indicator_fact) c;

-- For all communes at once: a new generation when the facts are replaced wholesale (a rebuild's switch, the
-- projection's reset), in the same transaction.
ALTER TABLE indicator_fact_state ADD COLUMN generation BIGINT;
UPDATE indicator_fact_state SET generation = nextval('indicator_fact_version');
ALTER TABLE indicator_fact_state ALTER COLUMN generation SET NOT NULL;

-- The plain fields of the case's report (indicator_case) on each of its counted facts, so that a count reads
-- indicator_fact alone instead of joining indicator_case twice. The writer copies them from the report's row with
-- every fact it writes (a report's row never changes: a case is reported once); existing facts get them here.
ALTER TABLE indicator_fact
    ADD COLUMN child_id       VARCHAR(255),
    ADD COLUMN category       VARCHAR(64),
    ADD COLUMN channel        VARCHAR(64),
    ADD COLUMN sex            VARCHAR(16),
    ADD COLUMN age_years      INTEGER,
    ADD COLUMN setting        VARCHAR(64),
    ADD COLUMN abuse_forms    VARCHAR(64)[],
    ADD COLUMN special_groups VARCHAR(64)[],
    ADD COLUMN reported_at    TIMESTAMPTZ;
UPDATE indicator_fact f
SET child_id = c.child_id, category = c.category, channel = c.channel, sex = c.sex, age_years = c.age_years,
    setting = c.setting, abuse_forms = c.abuse_forms, special_groups = c.special_groups, reported_at = c.reported_at
FROM indicator_case c
WHERE c.case_id = f.case_id;
-- A fact is derived only from a case with its report, so none is left without one.
ALTER TABLE indicator_fact
    ALTER COLUMN child_id SET NOT NULL,
    ALTER COLUMN category SET NOT NULL,
    ALTER COLUMN channel SET NOT NULL,
    ALTER COLUMN sex SET NOT NULL,
    ALTER COLUMN age_years SET NOT NULL,
    ALTER COLUMN abuse_forms SET NOT NULL,
    ALTER COLUMN special_groups SET NOT NULL,
    ALTER COLUMN reported_at SET NOT NULL;
