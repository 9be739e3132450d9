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
