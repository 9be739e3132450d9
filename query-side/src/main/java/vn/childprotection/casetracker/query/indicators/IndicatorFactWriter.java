package vn.childprotection.casetracker.query.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Keeps {@code indicator_fact} (V3_9) in step with the facts of the {@code indicators} projection: after an event of
 * a case is applied, the case's counted facts over recording time ({@link FactHistory}) are derived again from its
 * rows in {@code indicator_case}, {@code indicator_step} and {@code indicator_commune} and replace the ones it had.
 * Deterministic in those rows, so an event delivered again, a replay and a rebuild give the same rows.
 */
@Component
class IndicatorFactWriter {

    private final JdbcTemplate jdbc;

    IndicatorFactWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Derives again the counted facts of one case, in the caller's transaction. */
    void refresh(String caseId) {
        jdbc.update("DELETE FROM indicator_fact WHERE case_id = ?", caseId);
        List<FactHistory.CaseRecords> found = jdbc.query("""
                SELECT child_id, commune_code, reported_at, recorded_at FROM indicator_case WHERE case_id = ?""",
                (rs, row) -> new FactHistory.CaseRecords(new CaseFacts(caseId, rs.getString("child_id"),
                        rs.getString("commune_code"), null, null, null, 0, null, Set.of(), Set.of(),
                        instant(rs, "reported_at"), List.of(), null), instant(rs, "recorded_at"), null, null),
                caseId);
        if (found.isEmpty()) {
            return;
        }
        List<FactHistory.RecordedStep> steps = jdbc.query("""
                SELECT sequence_number, kind, occurred_at, deadline_id, deadline_rule, due_at, recorded_at
                FROM indicator_step WHERE case_id = ? ORDER BY sequence_number""", (rs, row) -> {
                    String rule = rs.getString("deadline_rule");
                    return new FactHistory.RecordedStep(new CaseStep(rs.getLong("sequence_number"),
                            StepKind.valueOf(rs.getString("kind")), instant(rs, "occurred_at"),
                            rs.getString("deadline_id"), rule == null ? null : DeadlineRule.valueOf(rule),
                            instant(rs, "due_at")), instant(rs, "recorded_at"));
                }, caseId);
        List<FactHistory.RecordedSpell> spells = jdbc.query("""
                SELECT sequence_number, commune_code, since, recorded_at
                FROM indicator_commune WHERE case_id = ? ORDER BY sequence_number""", (rs, row) ->
                new FactHistory.RecordedSpell(new CaseFacts.CommuneSpell(rs.getLong("sequence_number"),
                        rs.getString("commune_code"), instant(rs, "since")), instant(rs, "recorded_at")), caseId);
        FactHistory.CaseRecords reported = found.get(0);
        List<FactHistory.Recorded> history = FactHistory.of(new FactHistory.CaseRecords(reported.reported(),
                reported.reportRecordedAt(), steps, spells));
        jdbc.batchUpdate("""
                INSERT INTO indicator_fact (case_id, measure, commune_code, counted_at, previous_at, holds_after,
                                            holds_until, recorded_at, superseded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", history, history.size(), (statement, recorded) -> {
                    CountedFact fact = recorded.fact();
                    statement.setString(1, caseId);
                    statement.setString(2, fact.measure().name());
                    statement.setString(3, fact.communeCode());
                    statement.setObject(4, utc(fact.countedAt()));
                    statement.setObject(5, utc(fact.previousAt()));
                    statement.setObject(6, utc(fact.holdsAfter()));
                    statement.setObject(7, utc(fact.holdsUntil()));
                    statement.setObject(8, utc(recorded.recordedAt()));
                    statement.setObject(9, utc(recorded.supersededAt()));
                });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
