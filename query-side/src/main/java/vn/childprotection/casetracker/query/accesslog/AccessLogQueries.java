package vn.childprotection.casetracker.query.accesslog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.access.AccessedResource;
import vn.childprotection.casetracker.query.access.Purpose;

/**
 * Reads the access log, oldest first. An entry is flagged while the break-the-glass grant it was made under waits
 * for review: that is the grant's state, joined when read, so a review clears all of the grant's entries at once.
 */
@Component
public class AccessLogQueries {

    private static final String FROM = " FROM access_log a"
            + " LEFT JOIN break_the_glass_grant g ON g.grant_id = a.grant_id";
    private static final String FLAGGED = "COALESCE(g.flagged, FALSE)";

    private static final RowMapper<AccessLogEntry> ROW_MAPPER = (rs, i) -> new AccessLogEntry(
            rs.getLong("entry_id"), rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
            rs.getString("user_id"), rs.getString("org_unit"), rs.getString("role"), rs.getString("case_id"),
            AccessedResource.valueOf(rs.getString("resource")), Purpose.valueOf(rs.getString("purpose")),
            rs.getString("grant_id"), rs.getBoolean("flagged"));

    private final JdbcTemplate jdbc;

    public AccessLogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(AccessLogFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("SELECT count(*)" + FROM + where.sql(), Long.class,
                where.arguments().toArray());
        return count == null ? 0 : count;
    }

    List<AccessLogEntry> page(AccessLogFilter filter, int page, int size) {
        Where where = where(filter);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query("SELECT a.entry_id, a.accessed_at, a.user_id, a.org_unit, a.role, a.case_id, a.resource, "
                + "a.purpose, a.grant_id, " + FLAGGED + " AS flagged" + FROM + where.sql()
                + " ORDER BY a.accessed_at, a.entry_id LIMIT ? OFFSET ?", ROW_MAPPER, arguments.toArray());
    }

    /**
     * The WHERE clause of a filter: fixed text from this class, values only as arguments.
     */
    private static Where where(AccessLogFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (filter.caseId() != null) {
            conditions.add("a.case_id = ?");
            arguments.add(filter.caseId());
        }
        if (filter.user() != null) {
            conditions.add("a.user_id = ?");
            arguments.add(filter.user());
        }
        if (filter.from() != null) {
            conditions.add("a.accessed_at >= ?");
            arguments.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("a.accessed_at < ?");
            arguments.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.flagged() != null) {
            conditions.add(FLAGGED + " = ?");
            arguments.add(filter.flagged());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), arguments);
    }

    private record Where(String sql, List<Object> arguments) {
    }
}
