package vn.childprotection.casetracker.query.accesslog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One stored access_log row as its row MAC covers it: every column, as stored (resource and purpose as their codes,
 * so a row edited to a code the service does not know is still read, and shown as changed).
 *
 * @param accessedAt when it was read (UTC, microseconds as PostgreSQL keeps them)
 * @param grantId    the break-the-glass grant, or null
 */
public record AccessLogRow(long entryId, Instant accessedAt, String userId, String orgUnit, String role,
                           String caseId, String resource, String purpose, String grantId) {

    /** The columns {@link #read} expects, of access_log aliased {@code a}. */
    static final String COLUMNS = "a.entry_id AS a_entry_id, a.accessed_at, a.user_id, a.org_unit, a.role, "
            + "a.case_id, a.resource, a.purpose, a.grant_id";

    /**
     * @return the row at the result set's cursor, or null when its access_log row is missing (a left join)
     */
    static AccessLogRow read(ResultSet rs) throws SQLException {
        long entryId = rs.getLong("a_entry_id");
        if (rs.wasNull()) {
            return null;
        }
        return new AccessLogRow(entryId, rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
                rs.getString("user_id"), rs.getString("org_unit"), rs.getString("role"), rs.getString("case_id"),
                rs.getString("resource"), rs.getString("purpose"), rs.getString("grant_id"));
    }
}
