package vn.childprotection.casetracker.query.accesslog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.access.AccessedResource;
import vn.childprotection.casetracker.query.access.Purpose;
import vn.childprotection.casetracker.query.paging.CursorKey;
import vn.childprotection.casetracker.query.paging.KeysetQuery;

/**
 * Reads the access log, oldest first. An entry is flagged while the break-the-glass grant it was made under waits
 * for review: that is the grant's state, joined when read, so a review clears all of the grant's entries at once.
 */
@Component
public class AccessLogQueries {

    private static final String FROM = " FROM access_log a"
            + " LEFT JOIN break_the_glass_grant g ON g.grant_id = a.grant_id";
    private static final String FLAGGED = "COALESCE(g.flagged, FALSE)";
    /**
     * The {@code flagged} filter as a semi-join, which the planner can drive from the few grants waiting for review
     * ({@code break_the_glass_grant_flagged_page_idx}) through {@code access_log_grant_idx}; the same condition on the
     * joined column ({@link #FLAGGED}) could only be checked entry by entry, over the whole log.
     */
    private static final String FLAGGED_GRANT = "EXISTS (SELECT 1 FROM break_the_glass_grant f "
            + "WHERE f.grant_id = a.grant_id AND f.flagged)";

    private static final RowMapper<AccessLogEntry> ROW_MAPPER = (rs, i) -> new AccessLogEntry(
            rs.getLong("entry_id"), rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
            rs.getString("user_id"), rs.getString("org_unit"), rs.getString("role"), rs.getString("case_id"),
            AccessedResource.valueOf(rs.getString("resource")), Purpose.valueOf(rs.getString("purpose")),
            rs.getString("grant_id"), rs.getBoolean("flagged"));

    private static final KeysetQuery ORDER = KeysetQuery.ascending("a.accessed_at", "a.entry_id");

    private final JdbcTemplate jdbc;

    public AccessLogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code rows} entries matching the filter, oldest first (read at, then entry id), after the entry whose
     * sort key {@code after} holds (see {@link #key}); each filter but {@code flagged} is served by an index ending
     * with that order ({@code access_log_order_idx}, {@code access_log_case_page_idx}, {@code _user_page_idx});
     * {@code flagged=true} reads the entries of the grants waiting for review and sorts those.
     */
    List<AccessLogEntry> page(AccessLogFilter filter, Optional<CursorKey> after, int rows) {
        Where where = where(filter);
        KeysetQuery.Statement page = ORDER.page("SELECT a.entry_id, a.accessed_at, a.user_id, a.org_unit, a.role, "
                        + "a.case_id, a.resource, a.purpose, a.grant_id, " + FLAGGED + " AS flagged" + FROM,
                where.conditions(), where.arguments(), after,
                key -> List.of(key.instant(0).atOffset(ZoneOffset.UTC), key.wholeNumber(1)), rows);
        return jdbc.query(page.sql(), ROW_MAPPER, page.values());
    }

    /**
     * The sort key of an entry as its cursor carries it: read at, entry id.
     */
    static List<String> key(AccessLogEntry entry) {
        return List.of(CursorKey.text(entry.accessedAt()), Long.toString(entry.entryId()));
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
            conditions.add((filter.flagged() ? "" : "NOT ") + FLAGGED_GRANT);
        }
        return new Where(conditions, arguments);
    }

    private record Where(List<String> conditions, List<Object> arguments) {
    }
}
