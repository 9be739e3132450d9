package vn.childprotection.casetracker.query.workqueue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.paging.CursorKey;
import vn.childprotection.casetracker.query.paging.KeysetQuery;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;

/**
 * Reads the work-queue projection a page at a time, each list in one total order served by an index of migration
 * {@code V3_10}: an agency's queue by due date, case id, intervention id ({@code work_item_agency_page_idx},
 * {@code work_item_agency_status_page_idx}; read backwards for the latest due first), the declined interventions by
 * when declined, case id, intervention id ({@code work_item_declined_page_idx}).
 */
@Component
public class WorkQueueQueries {

    /** An agency's queue, soonest due first; its indexes end with these three columns. */
    private static final KeysetQuery QUEUE = KeysetQuery.ascending("due_date", "case_id", "intervention_id");
    /** The declined interventions, longest waiting first. */
    private static final KeysetQuery DECLINED = KeysetQuery.ascending("status_changed_at", "case_id",
            "intervention_id");

    private final JdbcTemplate jdbc;

    public WorkQueueQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code rows} interventions assigned to the agency now, optionally of one status, by due date, then case
     * and intervention id (all three reversed when {@code latestDueFirst}), after the item whose sort key
     * {@code after} holds (see {@link #key(WorkItem)}).
     */
    public List<WorkItem> queue(String agencyCode, InterventionStatus status, boolean latestDueFirst,
                                Optional<CursorKey> after, int rows) {
        List<Object> arguments = new ArrayList<>();
        KeysetQuery.Statement page = QUEUE.reversedWhen(latestDueFirst).page("""
                SELECT case_id, commune_code, intervention_id, measure, due_date, status, assigned_at,
                       status_changed_at, deadline_state
                FROM work_item""", queueFilter(agencyCode, status, arguments), arguments, after,
                key -> List.of(key.date(0), key.id(1), key.id(2)), rows);
        return jdbc.query(page.sql(), (rs, i) -> {
            InterventionMeasure measure = InterventionMeasure.valueOf(rs.getString("measure"));
            String deadlineState = rs.getString("deadline_state");
            return new WorkItem(rs.getString("case_id"), rs.getString("commune_code"),
                    rs.getString("intervention_id"), measure, measure.labelVi(), date(rs, "due_date"),
                    InterventionStatus.valueOf(rs.getString("status")), instant(rs, "assigned_at"),
                    instant(rs, "status_changed_at"), "MISSED".equals(deadlineState),
                    "FULFILLED_LATE".equals(deadlineState));
        }, page.values());
    }

    /**
     * How many interventions the agency's queue holds, with the same filters as {@link #queue}.
     */
    public long queueSize(String agencyCode, InterventionStatus status) {
        List<Object> arguments = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT count(*) FROM work_item"
                + KeysetQuery.where(queueFilter(agencyCode, status, arguments)), Long.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Up to {@code rows} interventions whose current status is DECLINED, the longest waiting first, after the one
     * whose sort key {@code after} holds (see {@link #key(DeclinedIntervention)}).
     */
    public List<DeclinedIntervention> declined(Optional<CursorKey> after, int rows) {
        KeysetQuery.Statement page = DECLINED.page("""
                SELECT case_id, commune_code, intervention_id, measure, due_date, agency_code, status_changed_at,
                       deadline_state
                FROM work_item""", List.of("status = 'DECLINED'"), List.of(), after,
                key -> List.of(key.instant(0).atOffset(ZoneOffset.UTC), key.id(1), key.id(2)), rows);
        return jdbc.query(page.sql(), (rs, i) -> {
            InterventionMeasure measure = InterventionMeasure.valueOf(rs.getString("measure"));
            return new DeclinedIntervention(rs.getString("case_id"), rs.getString("commune_code"),
                    rs.getString("intervention_id"), measure, measure.labelVi(), date(rs, "due_date"),
                    rs.getString("agency_code"), instant(rs, "status_changed_at"),
                    "MISSED".equals(rs.getString("deadline_state")));
        }, page.values());
    }

    /**
     * How many interventions are declined and waiting for the coordinator.
     */
    public long declinedCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM work_item WHERE status = 'DECLINED'", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The sort key of a work item as its cursor carries it: due date, case id, intervention id.
     */
    static List<String> key(WorkItem item) {
        return List.of(item.dueDate().toString(), item.caseId(), item.interventionId());
    }

    /**
     * The sort key of a declined intervention as its cursor carries it: declined at, case id, intervention id.
     */
    static List<String> key(DeclinedIntervention item) {
        return List.of(CursorKey.text(item.declinedAt()), item.caseId(), item.interventionId());
    }

    private static List<String> queueFilter(String agencyCode, InterventionStatus status, List<Object> arguments) {
        arguments.add(agencyCode);
        if (status == null) {
            return List.of("agency_code = ?");
        }
        arguments.add(status.name());
        return List.of("agency_code = ?", "status = ?");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
