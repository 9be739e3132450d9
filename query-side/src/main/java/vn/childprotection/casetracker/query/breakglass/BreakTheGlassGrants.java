package vn.childprotection.casetracker.query.breakglass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.query.access.ActiveGrant;
import vn.childprotection.casetracker.query.paging.CursorKey;
import vn.childprotection.casetracker.query.paging.KeysetQuery;

/**
 * The break-the-glass grants (<i>truy cập khẩn cấp</i>) in {@code break_the_glass_grant}. A grant is active while
 * the clock is before its {@code expires_at}: it expires by itself, nothing has to revoke it.
 */
@Component
public class BreakTheGlassGrants {

    private static final String COLUMNS = "grant_id, case_id, user_id, org_unit, role, reason, granted_at, "
            + "expires_at, flagged, reviewed_by, reviewed_at, review_note";

    private static final KeysetQuery ORDER = KeysetQuery.ascending("granted_at", "grant_id");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<StoredGrant> rowMapper;

    public BreakTheGlassGrants(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rowMapper = (rs, i) -> new StoredGrant(rs.getString("grant_id"), rs.getString("case_id"),
                rs.getString("user_id"), rs.getString("org_unit"), rs.getString("role"),
                tree(json, rs.getString("reason")), instant(rs, "granted_at"), instant(rs, "expires_at"),
                rs.getBoolean("flagged"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                tree(json, rs.getString("review_note")));
    }

    /**
     * The reader's grant for the case that expires last, if it has not expired at {@code now}.
     */
    public Optional<ActiveGrant> active(String userId, String caseId, Instant now) {
        return jdbc.query("""
                        SELECT grant_id, expires_at FROM break_the_glass_grant
                        WHERE user_id = ? AND case_id = ? AND expires_at > ?
                        ORDER BY expires_at DESC, grant_id LIMIT 1""",
                (rs, i) -> new ActiveGrant(rs.getString(1), instant(rs, "expires_at")), userId, caseId, utc(now))
                .stream().findFirst();
    }

    void insert(String grantId, String caseId, Actor holder, JsonNode sealedReason, Instant grantedAt,
                Instant expiresAt) {
        jdbc.update("""
                INSERT INTO break_the_glass_grant (grant_id, case_id, user_id, org_unit, role, reason, granted_at,
                                                   expires_at, flagged)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, TRUE)""",
                grantId, caseId, holder.username(), holder.orgUnit(), holder.role().name(),
                json.writeValueAsString(sealedReason), utc(grantedAt), utc(expiresAt));
    }

    /**
     * The grant, its row locked until the transaction ends (a review is decided on it).
     */
    Optional<StoredGrant> findForUpdate(String grantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM break_the_glass_grant WHERE grant_id = ? FOR UPDATE",
                rowMapper, grantId).stream().findFirst();
    }

    Optional<StoredGrant> find(String grantId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM break_the_glass_grant WHERE grant_id = ?", rowMapper,
                grantId).stream().findFirst();
    }

    void markReviewed(String grantId, String reviewer, Instant reviewedAt, JsonNode sealedNote) {
        jdbc.update("""
                UPDATE break_the_glass_grant SET flagged = FALSE, reviewed_by = ?, reviewed_at = ?,
                                                 review_note = ?::jsonb
                WHERE grant_id = ?""",
                reviewer, utc(reviewedAt), sealedNote == null ? null : json.writeValueAsString(sealedNote), grantId);
    }

    /**
     * Up to {@code rows} grants, oldest first (as the audit trail and the access log), after the grant whose sort
     * key {@code after} holds (see {@link #key}); read by {@code break_the_glass_grant_page_idx} (or its part of the
     * grants waiting for review).
     */
    List<StoredGrant> page(GrantFilter filter, Optional<CursorKey> after, int rows) {
        Where where = where(filter);
        KeysetQuery.Statement page = ORDER.page("SELECT " + COLUMNS + " FROM break_the_glass_grant",
                where.conditions(), where.arguments(), after,
                key -> List.of(utc(key.instant(0)), key.id(1)), rows);
        return jdbc.query(page.sql(), rowMapper, page.values());
    }

    /**
     * The sort key of a grant as its cursor carries it: granted at, grant id.
     */
    static List<String> key(GrantView grant) {
        return List.of(CursorKey.text(grant.grantedAt()), grant.grantId());
    }

    private static Where where(GrantFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (filter.flagged() != null) {
            conditions.add("flagged = ?");
            arguments.add(filter.flagged());
        }
        if (filter.caseId() != null) {
            conditions.add("case_id = ?");
            arguments.add(filter.caseId());
        }
        if (filter.user() != null) {
            conditions.add("user_id = ?");
            arguments.add(filter.user());
        }
        return new Where(conditions, arguments);
    }

    private record Where(List<String> conditions, List<Object> arguments) {
    }

    private static JsonNode tree(JsonMapper json, String value) {
        return value == null ? null : json.readTree(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
