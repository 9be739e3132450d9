package vn.childprotection.casetracker.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the case history projection.
 */
@Component
public class CaseHistoryQueries {

    private static final String COLUMNS = "sequence_number, event_type, occurred_at, recorded_at, user_id, org_unit, "
            + "role, details";

    private final JdbcTemplate jdbc;
    private final RowMapper<CaseHistoryEntry> rowMapper;

    public CaseHistoryQueries(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.rowMapper = (rs, i) -> new CaseHistoryEntry(rs.getLong("sequence_number"), rs.getString("event_type"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("user_id"), rs.getString("org_unit"), rs.getString("role"),
                json.readTree(rs.getString("details")));
    }

    /**
     * The case's version as the history holds it: its highest sequence number plus one (the history keeps every
     * event of a case, numbered from 0, and applies them in order); empty when it holds none yet.
     */
    public OptionalLong version(String caseId) {
        Long highest = jdbc.queryForObject("SELECT max(sequence_number) FROM case_history WHERE case_id = ?",
                Long.class, caseId);
        return highest == null ? OptionalLong.empty() : OptionalLong.of(highest + 1);
    }

    /**
     * The case's events in order; with {@code asOf}, only those recorded at or before it.
     */
    public List<CaseHistoryEntry> entries(String caseId, Instant asOf) {
        if (asOf == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM case_history WHERE case_id = ? ORDER BY sequence_number",
                    rowMapper, caseId);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM case_history WHERE case_id = ? AND recorded_at <= ? "
                + "ORDER BY sequence_number", rowMapper, caseId, asOf.atOffset(ZoneOffset.UTC));
    }
}
