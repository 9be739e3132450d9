package vn.childprotection.casetracker.query.succession;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.childprotection.casetracker.query.paging.CursorKey;
import vn.childprotection.casetracker.query.paging.KeysetQuery;

/**
 * Reads the open cases of given communes from the risk register ({@code risk_register}: the commune that runs each
 * case now, moved by a transfer or a carry-over) with their missed limits from the deadlines ({@code case_deadline}),
 * and their number from the risk register's kept counts. The answer is as fresh as the slower of the two groups.
 */
@Repository
class SuccessorChoiceQueries {

    private static final KeysetQuery ORDER = KeysetQuery.ascending("r.reported_at", "r.case_id");

    private final JdbcTemplate jdbc;

    SuccessorChoiceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many cases of these communes are open, read from the counts the risk register keeps beside its rows
     * ({@code open_case_count}, V3_13): written in the same transaction as the rows {@link #open} lists, so the total
     * and the pages agree, and a few rows per commune are read whatever the number of its cases.
     */
    long countOpen(Collection<String> communeCodes) {
        if (communeCodes.isEmpty()) {
            return 0;
        }
        Long count = jdbc.queryForObject("""
                SELECT COALESCE(sum(open_cases), 0) FROM open_case_count WHERE commune_code = ANY (?)""",
                Long.class, (Object) communeCodes.toArray(String[]::new));
        return count == null ? 0 : count;
    }

    /**
     * Up to {@code rows} open cases of these communes, oldest report first (then by case id), after the case whose
     * sort key {@code after} holds (see {@link #key}).
     */
    List<OpenCase> open(Collection<String> communeCodes, Optional<CursorKey> after, int rows) {
        if (communeCodes.isEmpty()) {
            return List.of();
        }
        KeysetQuery.Statement page = ORDER.page("""
                SELECT r.case_id, r.commune_code, r.reported_at,
                       (SELECT count(*) FROM case_deadline d
                        WHERE d.case_id = r.case_id AND d.state = 'MISSED') AS overdue
                FROM risk_register r""", List.of("r.commune_code = ANY (?)", "r.status <> 'CLOSED'"),
                List.of((Object) communeCodes.toArray(String[]::new)), after,
                key -> List.of(key.instant(0).atOffset(ZoneOffset.UTC), key.id(1)), rows);
        return jdbc.query(page.sql(), (rs, row) -> new OpenCase(rs.getString("case_id"),
                rs.getString("commune_code"), rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
                rs.getLong("overdue")), page.values());
    }

    /** The sort key of a case as its cursor carries it: reported at, case id. */
    static List<String> key(SuccessorChoice choice) {
        return List.of(CursorKey.text(choice.reportedAt()), choice.caseId());
    }

    record OpenCase(String caseId, String communeCode, Instant reportedAt, long overdueLimits) {
    }
}
