package vn.childprotection.casetracker.query.workqueue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * Reads the work-queue projection.
 */
@Component
public class WorkQueueQueries {

    private final JdbcTemplate jdbc;

    public WorkQueueQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The interventions assigned to the agency now, optionally of one status, by due date (then case and
     * intervention id, so the order is stable).
     */
    public List<WorkItem> queue(String agencyCode, InterventionStatus status, boolean latestDueFirst) {
        StringBuilder sql = new StringBuilder("""
                SELECT case_id, commune_code, intervention_id, measure, due_date, status, assigned_at,
                       status_changed_at, deadline_state
                FROM work_item WHERE agency_code = ?""");
        List<Object> arguments = new ArrayList<>(List.of(agencyCode));
        if (status != null) {
            sql.append(" AND status = ?");
            arguments.add(status.name());
        }
        sql.append(latestDueFirst ? " ORDER BY due_date DESC" : " ORDER BY due_date")
                .append(", case_id, intervention_id");
        return jdbc.query(sql.toString(), (rs, i) -> {
            InterventionMeasure measure = InterventionMeasure.valueOf(rs.getString("measure"));
            String deadlineState = rs.getString("deadline_state");
            return new WorkItem(rs.getString("case_id"), rs.getString("commune_code"),
                    rs.getString("intervention_id"), measure, measure.labelVi(), date(rs, "due_date"),
                    InterventionStatus.valueOf(rs.getString("status")), instant(rs, "assigned_at"),
                    instant(rs, "status_changed_at"), "MISSED".equals(deadlineState),
                    "FULFILLED_LATE".equals(deadlineState));
        }, arguments.toArray());
    }

    /**
     * Every intervention whose current status is DECLINED, the longest waiting first.
     */
    public List<DeclinedIntervention> declined() {
        return jdbc.query("""
                SELECT case_id, commune_code, intervention_id, measure, due_date, agency_code, status_changed_at,
                       deadline_state
                FROM work_item WHERE status = 'DECLINED'
                ORDER BY status_changed_at, case_id, intervention_id""", (rs, i) -> {
            InterventionMeasure measure = InterventionMeasure.valueOf(rs.getString("measure"));
            return new DeclinedIntervention(rs.getString("case_id"), rs.getString("commune_code"),
                    rs.getString("intervention_id"), measure, measure.labelVi(), date(rs, "due_date"),
                    rs.getString("agency_code"), instant(rs, "status_changed_at"),
                    "MISSED".equals(rs.getString("deadline_state")));
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
