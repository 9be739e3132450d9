package vn.childprotection.casetracker.query.indicators;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Reads the facts of the {@code indicators} projection as they had been recorded by an instant.
 */
@Repository
class IndicatorFactsRepository {

    /** Far enough in the future to stand for "everything recorded so far". */
    private static final OffsetDateTime EVERYTHING = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcTemplate jdbc;

    IndicatorFactsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The cases that any of these communes ran at some time (reported there, or received by a transfer or a
     * carry-over) and that were reported before {@code reportedBefore}, with their steps and the communes that ran
     * them, as recorded by {@code asOf} (everything recorded when null).
     */
    List<CaseFacts> load(Collection<String> communeCodes, Instant reportedBefore, Instant asOf) {
        if (communeCodes.isEmpty()) {
            return List.of();
        }
        String[] communes = communeCodes.toArray(String[]::new);
        OffsetDateTime before = reportedBefore.atOffset(ZoneOffset.UTC);
        OffsetDateTime recordedBy = asOf == null ? EVERYTHING : asOf.atOffset(ZoneOffset.UTC);
        String ranThere = """
                SELECT DISTINCT m.case_id FROM indicator_commune m
                WHERE m.commune_code = ANY (?) AND m.recorded_at <= ?""";
        Map<String, List<CaseStep>> steps = new LinkedHashMap<>();
        jdbc.query("""
                SELECT s.case_id, s.sequence_number, s.kind, s.occurred_at, s.deadline_id, s.deadline_rule, s.due_at
                FROM indicator_step s JOIN indicator_case c ON c.case_id = s.case_id
                WHERE c.case_id IN (%s) AND c.recorded_at <= ? AND c.reported_at < ? AND s.recorded_at <= ?
                ORDER BY s.case_id, s.sequence_number""".formatted(ranThere), rs -> {
                    String rule = rs.getString("deadline_rule");
                    steps.computeIfAbsent(rs.getString("case_id"), id -> new ArrayList<>()).add(new CaseStep(
                            rs.getLong("sequence_number"), StepKind.valueOf(rs.getString("kind")),
                            instant(rs, "occurred_at"), rs.getString("deadline_id"),
                            rule == null ? null : DeadlineRule.valueOf(rule), instant(rs, "due_at")));
                }, communes, recordedBy, recordedBy, before, recordedBy);
        Map<String, List<CaseFacts.CommuneSpell>> spells = new LinkedHashMap<>();
        jdbc.query("""
                SELECT k.case_id, k.sequence_number, k.commune_code, k.since
                FROM indicator_commune k JOIN indicator_case c ON c.case_id = k.case_id
                WHERE c.case_id IN (%s) AND c.recorded_at <= ? AND c.reported_at < ? AND k.recorded_at <= ?
                ORDER BY k.case_id, k.sequence_number""".formatted(ranThere), rs -> {
                    spells.computeIfAbsent(rs.getString("case_id"), id -> new ArrayList<>()).add(
                            new CaseFacts.CommuneSpell(rs.getLong("sequence_number"), rs.getString("commune_code"),
                                    instant(rs, "since")));
                }, communes, recordedBy, recordedBy, before, recordedBy);
        return jdbc.query("""
                SELECT case_id, child_id, commune_code, category, channel, sex, age_years, setting, abuse_forms,
                       special_groups, reported_at
                FROM indicator_case
                WHERE case_id IN (%s) AND recorded_at <= ? AND reported_at < ?
                ORDER BY reported_at, case_id""".formatted(ranThere), (rs, row) -> new CaseFacts(
                        rs.getString("case_id"), rs.getString("child_id"), rs.getString("commune_code"),
                        CaseCategory.valueOf(rs.getString("category")), rs.getString("channel"), rs.getString("sex"),
                        rs.getInt("age_years"), rs.getString("setting"), names(rs.getArray("abuse_forms")),
                        names(rs.getArray("special_groups")), instant(rs, "reported_at"),
                        List.copyOf(steps.getOrDefault(rs.getString("case_id"), List.of())),
                        spells.get(rs.getString("case_id"))),
                communes, recordedBy, recordedBy, before);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Set<String> names(Array array) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (Object value : (Object[]) array.getArray()) {
            names.add((String) value);
        }
        return Set.copyOf(names);
    }
}
