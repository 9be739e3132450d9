package vn.childprotection.casetracker.query.audittrail;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.query.paging.CursorKey;
import vn.childprotection.casetracker.query.paging.KeysetQuery;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Reads the audit-trail projection, oldest first: by the instant recorded, then by position in the event store.
 */
@Component
public class AuditTrailQueries {

    private static final String COLUMNS = "event_id, case_id, sequence_number, action, recorded_at, occurred_at, "
            + "user_id, org_unit, role, agency_code, intervention_id, deadline_rule, summary";
    /**
     * An entry's position in the event store as the page indexes of migration {@code V3_11} read it: an entry
     * without one (applied by a retry of a parked event) after those recorded at the same instant.
     */
    static final String POSITION = "COALESCE(global_index, 9223372036854775807)";
    private static final KeysetQuery PAGE_ORDER = KeysetQuery.ascending("recorded_at", POSITION, "event_id");
    private static final String ORDER = PAGE_ORDER.orderBy();
    private static final int FETCH_SIZE = 500;

    private static final RowMapper<AuditEntry> ROW_MAPPER = (rs, i) -> new AuditEntry(
            rs.getString("event_id"), rs.getString("case_id"), rs.getLong("sequence_number"),
            rs.getString("action"), instant(rs, "recorded_at"), instant(rs, "occurred_at"),
            rs.getString("user_id"), rs.getString("org_unit"), rs.getString("role"), rs.getString("agency_code"),
            rs.getString("intervention_id"),
            rs.getString("deadline_rule") == null ? null : DeadlineRule.valueOf(rs.getString("deadline_rule")),
            rs.getString("summary"));

    private static final RowMapper<Positioned> POSITIONED = (rs, i) -> new Positioned(ROW_MAPPER.mapRow(rs, i),
            rs.getLong("position"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public AuditTrailQueries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * How many entries match: for the CSV export's {@code X-Total-Count} only (its cost grows with the entries that
     * match, which is why no JSON page asks for it).
     */
    public long count(AuditFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("SELECT count(*) FROM audit_entry" + where.sql(), Long.class,
                where.arguments().toArray());
        return count == null ? 0 : count;
    }

    /**
     * Up to {@code rows} entries matching the filter, oldest first, after the entry whose sort key {@code after}
     * holds (see {@link #key}). Each filter is served by an index of migration {@code V3_11} ending with the sort
     * key. The agency filter matches either of two columns, so it reads one page from each column's index and keeps
     * the first {@code rows} of both (an entry matching both is kept once).
     */
    public List<Positioned> page(AuditFilter filter, Optional<CursorKey> after, int rows) {
        Function<CursorKey, List<Object>> keyValues = key -> List.of(key.instant(0).atOffset(ZoneOffset.UTC),
                key.wholeNumber(1), key.id(2));
        if (filter.agency() == null) {
            KeysetQuery.Statement page = PAGE_ORDER.page("SELECT " + COLUMNS + ", " + POSITION + " AS position"
                    + " FROM audit_entry", conditions(filter, null), arguments(filter, null), after, keyValues, rows);
            return jdbc.query(page.sql(), POSITIONED, page.values());
        }
        List<Object> arguments = new ArrayList<>();
        List<String> halves = new ArrayList<>();
        for (String column : List.of("agency_code", "org_unit")) {
            KeysetQuery.Statement half = PAGE_ORDER.page("SELECT " + COLUMNS + ", " + POSITION + " AS position"
                            + " FROM audit_entry", conditions(filter, column), arguments(filter, column), after,
                    keyValues, rows);
            halves.add("(" + half.sql() + ")");
            arguments.addAll(half.arguments());
        }
        arguments.add(rows);
        return jdbc.query("SELECT " + COLUMNS + ", position FROM (" + String.join(" UNION ", halves) + ") page"
                + " ORDER BY recorded_at, position, event_id LIMIT ?", POSITIONED, arguments.toArray());
    }

    /**
     * The sort key of an entry as its cursor carries it: recorded at, position in the event store (the largest
     * whole number when it has none, as {@link #POSITION} reads it), event id.
     */
    static List<String> key(Positioned row) {
        return List.of(CursorKey.text(row.entry().recordedAt()), Long.toString(row.position()),
                row.entry().eventId());
    }

    /**
     * An entry of a page with its position in the event store as the page's order reads it.
     */
    public record Positioned(AuditEntry entry, long position) {
    }

    /**
     * Hands the first {@code limit} matching entries to {@code each}, in order, without holding them all in memory
     * (a cursor inside a read-only transaction).
     */
    public void forEach(AuditFilter filter, int limit, Consumer<AuditEntry> each) {
        Where where = where(filter);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(limit);
        String sql = "SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + ORDER + " LIMIT ?";
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            new ArgumentPreparedStatementSetter(arguments.toArray()).setValues(statement);
            return statement;
        }, (RowCallbackHandler) rs -> each.accept(ROW_MAPPER.mapRow(rs, rs.getRow()))));
    }

    /**
     * The WHERE clause of a filter: fixed text from this class, values only as arguments.
     */
    private static Where where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (filter.caseId() != null) {
            conditions.add("case_id = ?");
            arguments.add(filter.caseId());
        }
        if (filter.agency() != null) {
            conditions.add("(agency_code = ? OR org_unit = ?)");
            arguments.add(filter.agency());
            arguments.add(filter.agency());
        }
        if (filter.user() != null) {
            conditions.add("user_id = ?");
            arguments.add(filter.user());
        }
        if (filter.action() != null) {
            conditions.add("action = ?");
            arguments.add(filter.action());
        }
        if (filter.from() != null) {
            conditions.add("recorded_at >= ?");
            arguments.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("recorded_at < ?");
            arguments.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        return new Where(conditions, arguments);
    }

    /**
     * The filters of a page: those of {@link #where} but the agency, which matches {@code agencyColumn} only (null:
     * no agency filter).
     */
    private static List<String> conditions(AuditFilter filter, String agencyColumn) {
        List<String> conditions = new ArrayList<>(where(withoutAgency(filter)).conditions());
        if (agencyColumn != null) {
            conditions.add(0, agencyColumn + " = ?");
        }
        return conditions;
    }

    private static List<Object> arguments(AuditFilter filter, String agencyColumn) {
        List<Object> arguments = new ArrayList<>(where(withoutAgency(filter)).arguments());
        if (agencyColumn != null) {
            arguments.add(0, filter.agency());
        }
        return arguments;
    }

    private static AuditFilter withoutAgency(AuditFilter filter) {
        return new AuditFilter(filter.caseId(), null, filter.user(), filter.action(), filter.from(), filter.to());
    }

    private record Where(List<String> conditions, List<Object> arguments) {

        String sql() {
            return KeysetQuery.where(conditions);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
