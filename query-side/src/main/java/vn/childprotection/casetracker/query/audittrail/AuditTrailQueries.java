package vn.childprotection.casetracker.query.audittrail;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Reads the audit-trail projection, oldest first: by the instant recorded, then by position in the event store.
 */
@Component
public class AuditTrailQueries {

    private static final String COLUMNS = "event_id, case_id, sequence_number, action, recorded_at, occurred_at, "
            + "user_id, org_unit, role, agency_code, intervention_id, deadline_rule, summary";
    private static final String ORDER = " ORDER BY recorded_at, global_index, event_id";
    private static final int FETCH_SIZE = 500;

    private static final RowMapper<AuditEntry> ROW_MAPPER = (rs, i) -> new AuditEntry(
            rs.getString("event_id"), rs.getString("case_id"), rs.getLong("sequence_number"),
            rs.getString("action"), instant(rs, "recorded_at"), instant(rs, "occurred_at"),
            rs.getString("user_id"), rs.getString("org_unit"), rs.getString("role"), rs.getString("agency_code"),
            rs.getString("intervention_id"),
            rs.getString("deadline_rule") == null ? null : DeadlineRule.valueOf(rs.getString("deadline_rule")),
            rs.getString("summary"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public AuditTrailQueries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public long count(AuditFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("SELECT count(*) FROM audit_entry" + where.sql(), Long.class,
                where.arguments().toArray());
        return count == null ? 0 : count;
    }

    public List<AuditEntry> page(AuditFilter filter, int page, int size) {
        Where where = where(filter);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + ORDER + " LIMIT ? OFFSET ?",
                ROW_MAPPER, arguments.toArray());
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
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), arguments);
    }

    private record Where(String sql, List<Object> arguments) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
