package vn.childprotection.casetracker.query.succession;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the open cases of given communes from the risk register ({@code risk_register}: the commune that runs each
 * case now, moved by a transfer or a carry-over) with their missed limits from the deadlines ({@code case_deadline}).
 * The answer is as fresh as the slower of the two groups.
 */
@Repository
class SuccessorChoiceQueries {

    private final JdbcTemplate jdbc;

    SuccessorChoiceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many cases of these communes are open. */
    long countOpen(Collection<String> communeCodes) {
        if (communeCodes.isEmpty()) {
            return 0;
        }
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM risk_register WHERE commune_code = ANY (?) AND status <> 'CLOSED'""",
                Long.class, (Object) communeCodes.toArray(String[]::new));
        return count == null ? 0 : count;
    }

    /** One page of the open cases of these communes, oldest report first. */
    List<OpenCase> open(Collection<String> communeCodes, int page, int size) {
        if (communeCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT r.case_id, r.commune_code, r.reported_at,
                       (SELECT count(*) FROM case_deadline d
                        WHERE d.case_id = r.case_id AND d.state = 'MISSED') AS overdue
                FROM risk_register r
                WHERE r.commune_code = ANY (?) AND r.status <> 'CLOSED'
                ORDER BY r.reported_at, r.case_id
                LIMIT ? OFFSET ?""", (rs, row) -> new OpenCase(rs.getString("case_id"),
                        rs.getString("commune_code"), rs.getTimestamp("reported_at").toInstant(),
                        rs.getLong("overdue")),
                communeCodes.toArray(String[]::new), size, (long) page * size);
    }

    record OpenCase(String caseId, String communeCode, Instant reportedAt, long overdueLimits) {
    }
}
