package vn.childprotection.casetracker.query.indicators;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.ProjectionBatch;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Writes what one batch of the {@code indicators} projection changed, once: the new rows of {@code indicator_case},
 * {@code indicator_step} and {@code indicator_commune}, and for every case whose counted facts over recording time
 * ({@link FactHistory}) they change, those facts in place of the ones it had in {@code indicator_fact}, with a new
 * version for each commune whose facts changed (V3_12, read by {@link IndicatorAnswers}).
 * <p>
 * Set-based, whatever the number of cases: the stored rows of the batch's cases are read with one query per table
 * ({@code case_id = ANY (?)}), merged in memory with the batch's rows exactly as the inserts will merge them (a row
 * already stored under the same key is kept, see {@code ON CONFLICT DO NOTHING}), the facts are removed with one
 * {@code DELETE} and inserted with one batched {@code INSERT}. Deterministic in the rows, so an event delivered
 * again, a replay, a rebuild and one event at a time give the same rows.
 * <p>
 * <b>Only facts that change are written, and only their communes get a new version.</b> Most events a case gets
 * count for nothing (a time limit of an intervention scheduled or met, an intervention carried out, a step recorded
 * again): the case's facts come out as they were. For each case the writer derives the fact rows twice, from the
 * rows stored before the batch and from the merged rows ({@link CaseFactRows}: every fact with its recording and
 * superseding instants and the report fields the row carries); when the two are equal it writes neither the
 * {@code DELETE}/{@code INSERT} of the case's facts nor a version. When they differ it rewrites the case's facts and
 * renews the communes of every fact row that is in one and not in the other, of the old facts and of the new
 * ({@link CaseFactRows#communesChangedFrom}): a case moved from commune A to B loses a row of A (an open case's
 * stretch now ends) and gains one of B, so both are renewed. Why skipping is exact:
 * <ul>
 *   <li>The stored facts of a case are what this writer derived from its stored rows (the rows and their facts are
 *       written in one transaction, and a case's events are applied by one segment, in order), and the derivation
 *       is a function of the rows alone. Equal derivations mean the table would hold the same rows, column for
 *       column, after a rewrite; every count ({@link IndicatorFactsRepository}: the rows of the communes asked,
 *       filtered by period and {@code asOf}) reads the same, so an answer kept under the old version is right.</li>
 *   <li>A commune's count reads only its own rows ({@code commune_code = ANY (?)}): a commune none of whose rows
 *       changed counts as before, whatever happened to the case's rows of another commune.</li>
 *   <li>An event recorded late with an earlier {@code occurredAt} is a new recording instant: whatever it changes,
 *       as of any instant, is a fact row that differs (a fact gains a {@code superseded_at}, a new one starts at
 *       the late recording), so it is written and its communes renewed; one that changes nothing as of any instant
 *       leaves every row, and every answer, as it was.</li>
 *   <li>A report's row is written once and never changed ({@code ON CONFLICT DO NOTHING}); a report corrected
 *       after the fact reaches these tables only as steps or communes, checked as above.</li>
 *   <li>A rebuild writes its shadow copies with this same code (reading and writing the shadow tables); no answer
 *       reads them, and its switch renews the generation of every commune ({@link FactsVersions#newGeneration}).
 *       While the facts are incomplete (after V3_9 on a store with cases) no answer is counted at all
 *       ({@link IndicatorFactsCompleteness}) and the rebuild that completes them replaces every row.</li>
 *   <li>A change of the derivation itself (a new measure, a fixed rule) comes with a rebuild of the group, as the
 *       facts of the cases no batch touches would otherwise keep the old derivation anyway.</li>
 * </ul>
 */
@Component
class IndicatorFactWriter {

    static final String INSERT_CASE = """
            INSERT INTO indicator_case (case_id, child_id, commune_code, category, channel, sex, age_years, setting,
                                        abuse_forms, special_groups, reported_at, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id) DO NOTHING""";
    static final String INSERT_STEP = """
            INSERT INTO indicator_step (case_id, sequence_number, kind, occurred_at, recorded_at, deadline_id,
                                        deadline_rule, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id, sequence_number) DO NOTHING""";
    static final String INSERT_COMMUNE = """
            INSERT INTO indicator_commune (case_id, sequence_number, commune_code, since, recorded_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (case_id, sequence_number) DO NOTHING""";
    static final String DELETE_FACTS = "DELETE FROM indicator_fact WHERE case_id = ANY (?)";
    static final String INSERT_FACT = """
            INSERT INTO indicator_fact (case_id, measure, commune_code, counted_at, previous_at, holds_after,
                                        holds_until, recorded_at, superseded_at, child_id, category, channel, sex,
                                        age_years, setting, abuse_forms, special_groups, reported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /**
     * A new version for each commune whose facts the batch changed (V3_12), in the order of their codes, so that two
     * batches writing at once lock the communes' rows in the same order; last of the batch's statements, so the rows
     * stay locked only until the commit. Nothing when the batch writes a rebuild's shadow copy of the facts
     * ({@code indicator_fact} is not {@code public}'s then: see {@code ShadowSchemaTransactionManager}), which no
     * answer reads; the rebuild's switch renews every version at once ({@link FactsVersions#newGeneration}).
     */
    static final String NEW_COMMUNE_VERSIONS = """
            INSERT INTO public.indicator_commune_version (commune_code, version)
            SELECT commune_code, nextval('public.indicator_fact_version')
            FROM (SELECT DISTINCT unnest(?::text[]) AS commune_code) touched
            WHERE to_regclass('indicator_fact') = to_regclass('public.indicator_fact')
            ORDER BY commune_code
            ON CONFLICT (commune_code) DO UPDATE SET version = EXCLUDED.version""";

    private static final String READ_CASES = """
            SELECT case_id, child_id, commune_code, category, channel, sex, age_years, setting,
                   array_to_string(abuse_forms, ',') AS abuse_forms,
                   array_to_string(special_groups, ',') AS special_groups, reported_at, recorded_at
            FROM indicator_case WHERE case_id = ANY (?)""";
    private static final String READ_STEPS = """
            SELECT case_id, sequence_number, kind, occurred_at, deadline_id, deadline_rule, due_at, recorded_at
            FROM indicator_step WHERE case_id = ANY (?)""";
    private static final String READ_COMMUNES = """
            SELECT case_id, sequence_number, commune_code, since, recorded_at FROM indicator_commune
            WHERE case_id = ANY (?)""";

    private final JdbcTemplate jdbc;

    IndicatorFactWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds to {@code batch} the statements that store the rows of {@code changed} and replace the counted facts of
     * those of their cases whose facts they change, with new versions of the communes whose facts changed; reads
     * the cases' stored rows first (three queries), in the batch's transaction.
     *
     * @param batch   the projection's batch, being written (its statements go out right after this returns, in the
     *                order they were first added: the rows, then the facts' {@code DELETE}, then their
     *                {@code INSERT}, then the communes' versions; the last three only when some facts change)
     * @param changed the rows the batch's events added, by case id, in the order of the events
     */
    void write(ProjectionBatch batch, Map<String, IndicatorRows> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Array caseIds = connection.createArrayOf("text", changed.keySet().toArray());
            Map<String, IndicatorRows> stored = stored(connection, caseIds);
            for (Map.Entry<String, IndicatorRows> rows : changed.entrySet()) {
                addRows(batch, connection, rows.getKey(), rows.getValue());
            }
            Map<String, CaseFactRows> rewritten = new TreeMap<>();
            Set<String> communes = new TreeSet<>();
            changed.forEach((caseId, rows) -> {
                IndicatorRows before = stored.getOrDefault(caseId, IndicatorRows.NONE);
                IndicatorRows merged = before.then(rows);
                if (merged.equals(before)) {
                    return;
                }
                CaseFactRows was = CaseFactRows.of(caseId, before);
                CaseFactRows now = CaseFactRows.of(caseId, merged);
                if (!now.equals(was)) {
                    rewritten.put(caseId, now);
                    communes.addAll(now.communesChangedFrom(was));
                }
            });
            if (!rewritten.isEmpty()) {
                batch.add(DELETE_FACTS, connection.createArrayOf("text", rewritten.keySet().toArray()));
                rewritten.forEach((caseId, facts) -> {
                    if (facts.report() != null) {
                        addFacts(batch, connection, caseId, facts);
                    }
                });
            }
            if (!communes.isEmpty()) {
                batch.add(NEW_COMMUNE_VERSIONS, connection.createArrayOf("text", communes.toArray()));
            }
            return null;
        });
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static void addRows(ProjectionBatch batch, Connection connection, String caseId, IndicatorRows rows)
            throws SQLException {
        IndicatorRows.Report report = rows.report();
        if (report != null) {
            batch.add(INSERT_CASE, caseId, report.childId(), report.communeCode(), report.category(),
                    report.channel(), report.sex(), report.ageYears(), report.setting(),
                    connection.createArrayOf("varchar", report.abuseForms().toArray()),
                    connection.createArrayOf("varchar", report.specialGroups().toArray()),
                    utc(report.reportedAt()), utc(report.recordedAt()));
        }
        for (FactHistory.RecordedStep recorded : rows.steps()) {
            CaseStep step = recorded.step();
            batch.add(INSERT_STEP, caseId, step.sequenceNumber(), step.kind().name(), utc(step.occurredAt()),
                    utc(recorded.recordedAt()), step.deadlineId(), step.rule() == null ? null : step.rule().name(),
                    utc(step.dueAt()));
        }
        for (FactHistory.RecordedSpell recorded : rows.spells()) {
            CaseFacts.CommuneSpell spell = recorded.spell();
            batch.add(INSERT_COMMUNE, caseId, spell.sequenceNumber(), spell.communeCode(), utc(spell.since()),
                    utc(recorded.recordedAt()));
        }
    }

    /** The case's facts, each with the plain fields of its report (V3_12), so a count needs no other table. */
    private static void addFacts(ProjectionBatch batch, Connection connection, String caseId, CaseFactRows facts) {
        IndicatorRows.Report report = facts.report();
        Array abuseForms;
        Array specialGroups;
        try {
            abuseForms = connection.createArrayOf("varchar", report.abuseForms().toArray());
            specialGroups = connection.createArrayOf("varchar", report.specialGroups().toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("Arrays of the report of case " + caseId + " cannot be made", e);
        }
        for (FactHistory.Recorded recorded : facts.facts()) {
            CountedFact fact = recorded.fact();
            batch.add(INSERT_FACT, caseId, fact.measure().name(), fact.communeCode(), utc(fact.countedAt()),
                    utc(fact.previousAt()), utc(fact.holdsAfter()), utc(fact.holdsUntil()),
                    utc(recorded.recordedAt()), utc(recorded.supersededAt()), report.childId(), report.category(),
                    report.channel(), report.sex(), report.ageYears(), report.setting(), abuseForms, specialGroups,
                    utc(report.reportedAt()));
        }
    }

    /** The rows stored for the given cases (only the columns the facts are derived from), by case id. */
    private static Map<String, IndicatorRows> stored(Connection connection, Array caseIds) throws SQLException {
        Map<String, IndicatorRows.Report> reports = new HashMap<>();
        read(connection, READ_CASES, caseIds, rs -> reports.put(rs.getString("case_id"), new IndicatorRows.Report(
                rs.getString("child_id"), rs.getString("commune_code"), rs.getString("category"),
                rs.getString("channel"), rs.getString("sex"), rs.getInt("age_years"), rs.getString("setting"),
                names(rs.getString("abuse_forms")), names(rs.getString("special_groups")),
                instant(rs, "reported_at"), instant(rs, "recorded_at"))));
        Map<String, List<FactHistory.RecordedStep>> steps = new HashMap<>();
        read(connection, READ_STEPS, caseIds, rs -> {
            String rule = rs.getString("deadline_rule");
            steps.computeIfAbsent(rs.getString("case_id"), id -> new ArrayList<>()).add(new FactHistory.RecordedStep(
                    new CaseStep(rs.getLong("sequence_number"), StepKind.valueOf(rs.getString("kind")),
                            instant(rs, "occurred_at"), rs.getString("deadline_id"),
                            rule == null ? null : DeadlineRule.valueOf(rule), instant(rs, "due_at")),
                    instant(rs, "recorded_at")));
        });
        Map<String, List<FactHistory.RecordedSpell>> spells = new HashMap<>();
        read(connection, READ_COMMUNES, caseIds, rs -> spells.computeIfAbsent(rs.getString("case_id"),
                id -> new ArrayList<>()).add(new FactHistory.RecordedSpell(new CaseFacts.CommuneSpell(
                        rs.getLong("sequence_number"), rs.getString("commune_code"), instant(rs, "since")),
                instant(rs, "recorded_at"))));
        Map<String, IndicatorRows> stored = new HashMap<>();
        reports.forEach((caseId, report) -> stored.put(caseId, new IndicatorRows(report, List.of(), List.of())));
        steps.forEach((caseId, list) -> stored.merge(caseId, new IndicatorRows(null, list, List.of()),
                IndicatorRows::then));
        spells.forEach((caseId, list) -> stored.merge(caseId, new IndicatorRows(null, List.of(), list),
                IndicatorRows::then));
        return stored;
    }

    private static void read(Connection connection, String sql, Array caseIds, RowCallbackHandler rows)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, caseIds);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.processRow(rs);
                }
            }
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
