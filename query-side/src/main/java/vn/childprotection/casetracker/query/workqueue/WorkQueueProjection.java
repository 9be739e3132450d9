package vn.childprotection.casetracker.query.workqueue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.query.deadlines.DeadlineState;
import vn.childprotection.casetracker.query.deadlines.TimeLimitReading;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.PlannedIntervention;

/**
 * Keeps the agencies' work queues (<i>danh sách công việc của cơ quan</i>) in {@code work_item}: every intervention
 * under the approved plan of an open case, with the agency it is assigned to now, its status and the state of its
 * {@code INTERVENTION_DUE} deadline.
 * <p>
 * As in the aggregate: a drafted plan version waits in {@code work_plan_draft}; its approval replaces the case's
 * work items by its interventions, each {@code ASSIGNED} afresh; the agency reports status; a reassignment moves
 * the item to another agency, {@code ASSIGNED} again with a new due date (the new deadline follows). A closed case
 * leaves the queues (nothing can be reported on it any more), and a reopening starts the procedure again with no
 * plan approved. The case's commune is kept in {@code work_case}, with the version (sequence number + 1) of the
 * last event of the case applied here, so an event delivered again is ignored.
 */
@Component
@ProcessingGroup(WorkQueueProjection.PROCESSING_GROUP)
public class WorkQueueProjection {

    public static final String PROCESSING_GROUP = "work-queue";

    private static final Logger log = LoggerFactory.getLogger(WorkQueueProjection.class);

    private final JdbcTemplate jdbc;

    public WorkQueueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM work_plan_draft");
        jdbc.update("DELETE FROM work_case");
    }

    @EventHandler
    void on(CaseReported e, @SequenceNumber Long sequenceNumber) {
        jdbc.update("""
                INSERT INTO work_case (case_id, commune_code, version) VALUES (?, ?, ?)
                ON CONFLICT (case_id) DO NOTHING""", e.caseId(), e.communeCode(), sequenceNumber + 1);
    }

    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode());
    }

    /** Carried over to the successor of its ceased commune: as after an accepted transfer. */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber) {
        runBy(e.caseId(), sequenceNumber, e.toCommuneCode());
    }

    private void runBy(String caseId, long sequenceNumber, String communeCode) {
        if (advance(caseId, sequenceNumber)) {
            jdbc.update("UPDATE work_case SET commune_code = ? WHERE case_id = ?", communeCode, caseId);
            jdbc.update("UPDATE work_item SET commune_code = ? WHERE case_id = ?", communeCode, caseId);
        }
    }

    /**
     * The latest draft replaces the previous one; the work items of the approved plan stay until it is approved.
     */
    @EventHandler
    void on(SupportPlanDrafted e, @SequenceNumber Long sequenceNumber) {
        if (!advance(e.caseId(), sequenceNumber)) {
            return;
        }
        jdbc.update("DELETE FROM work_plan_draft WHERE case_id = ?", e.caseId());
        List<PlannedIntervention> interventions = e.interventions() == null ? List.of() : e.interventions();
        jdbc.batchUpdate("""
                INSERT INTO work_plan_draft (case_id, intervention_id, plan_version, measure, agency_code, due_date)
                VALUES (?, ?, ?, ?, ?, ?)""", interventions.stream().map(i -> new Object[] {e.caseId(),
                i.interventionId(), e.planVersion(), i.measure().name(), i.agencyCode(), i.dueDate()}).toList());
    }

    @EventHandler
    void on(SupportPlanApproved e, @SequenceNumber Long sequenceNumber) {
        if (!advance(e.caseId(), sequenceNumber)) {
            return;
        }
        Integer drafted = jdbc.queryForObject("SELECT max(plan_version) FROM work_plan_draft WHERE case_id = ?",
                Integer.class, e.caseId());
        if (drafted == null || drafted != e.planVersion()) {
            log.warn("Case {}: plan version {} approved, but the latest draft is {}; the work items stay",
                    e.caseId(), e.planVersion(), drafted);
            return;
        }
        jdbc.update("DELETE FROM work_item WHERE case_id = ?", e.caseId());
        jdbc.update("""
                INSERT INTO work_item (case_id, intervention_id, commune_code, agency_code, measure, due_date,
                                       plan_version, status, assigned_at, status_changed_at)
                SELECT d.case_id, d.intervention_id, c.commune_code, d.agency_code, d.measure, d.due_date,
                       d.plan_version, 'ASSIGNED', ?, ?
                FROM work_plan_draft d JOIN work_case c ON c.case_id = d.case_id
                WHERE d.case_id = ?""", utc(e.occurredAt()), utc(e.occurredAt()), e.caseId());
        jdbc.update("DELETE FROM work_plan_draft WHERE case_id = ?", e.caseId());
    }

    @EventHandler
    void on(InterventionStatusChanged e, @SequenceNumber Long sequenceNumber) {
        if (advance(e.caseId(), sequenceNumber)) {
            jdbc.update("""
                    UPDATE work_item SET status = ?, status_changed_at = ?
                    WHERE case_id = ? AND intervention_id = ?""",
                    e.newStatus().name(), utc(e.occurredAt()), e.caseId(), e.interventionId());
        }
    }

    /**
     * The intervention leaves the old agency's queue and enters the new one's, {@code ASSIGNED}. Its deadline is
     * the one scheduled next for the new agency.
     */
    @EventHandler
    void on(InterventionReassigned e, @SequenceNumber Long sequenceNumber) {
        if (advance(e.caseId(), sequenceNumber)) {
            jdbc.update("""
                    UPDATE work_item SET agency_code = ?, due_date = COALESCE(?, due_date), status = 'ASSIGNED',
                                         assigned_at = ?, status_changed_at = ?, deadline_id = NULL,
                                         deadline_state = NULL
                    WHERE case_id = ? AND intervention_id = ?""",
                    e.toAgencyCode(), e.dueDate(), utc(e.occurredAt()), utc(e.occurredAt()), e.caseId(),
                    e.interventionId());
        }
    }

    @EventHandler
    void on(DeadlineScheduled e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE && advance(e.caseId(), sequenceNumber)) {
            jdbc.update("""
                    UPDATE work_item SET deadline_id = ?, deadline_state = 'OPEN'
                    WHERE case_id = ? AND intervention_id = ?""",
                    e.deadlineId(), e.caseId(), e.interventionId());
        }
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE && advance(e.caseId(), sequenceNumber)) {
            jdbc.update("""
                    UPDATE work_item SET deadline_state = 'MISSED'
                    WHERE case_id = ? AND intervention_id = ? AND deadline_id = ? AND deadline_state = 'OPEN'""",
                    e.caseId(), e.interventionId(), e.deadlineId());
        }
    }

    /**
     * A recorded miss did not happen (the step is dated before the due instant): no longer overdue.
     */
    @EventHandler
    void on(DeadlineMissCorrected e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE && advance(e.caseId(), sequenceNumber)) {
            jdbc.update("""
                    UPDATE work_item SET deadline_state = ?
                    WHERE case_id = ? AND intervention_id = ? AND deadline_id = ? AND deadline_state = 'MISSED'""",
                    TimeLimitReading.afterMissCorrected(DeadlineState.MISSED).name(), e.caseId(),
                    e.interventionId(), e.deadlineId());
        }
    }

    /**
     * Met in time or late, as {@link TimeLimitReading} reads the event: completed late means completed after the
     * due instant, whenever it was typed.
     */
    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE && advance(e.caseId(), sequenceNumber)) {
            jdbc.update("""
                    UPDATE work_item SET deadline_state = CASE deadline_state WHEN 'MISSED' THEN ? ELSE ? END
                    WHERE case_id = ? AND intervention_id = ? AND deadline_id = ?
                      AND deadline_state IN ('OPEN', 'MISSED')""",
                    TimeLimitReading.afterFulfilment(e, DeadlineState.MISSED).name(),
                    TimeLimitReading.afterFulfilment(e, DeadlineState.OPEN).name(), e.caseId(), e.interventionId(),
                    e.deadlineId());
        }
    }

    @EventHandler
    void on(DeadlineWithdrawn e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE && advance(e.caseId(), sequenceNumber)) {
            jdbc.update("""
                    UPDATE work_item SET deadline_state = 'WITHDRAWN'
                    WHERE case_id = ? AND intervention_id = ? AND deadline_id = ?
                      AND deadline_state IN ('OPEN', 'MISSED')""",
                    e.caseId(), e.interventionId(), e.deadlineId());
        }
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber Long sequenceNumber) {
        if (advance(e.caseId(), sequenceNumber)) {
            jdbc.update("DELETE FROM work_item WHERE case_id = ?", e.caseId());
        }
    }

    @EventHandler
    void on(CaseReopened e, @SequenceNumber Long sequenceNumber) {
        if (advance(e.caseId(), sequenceNumber)) {
            jdbc.update("DELETE FROM work_item WHERE case_id = ?", e.caseId());
        }
    }

    /**
     * Records that the case's event at this sequence number is being applied; false when it already was, or when
     * the case was never reported here (then the event is skipped with a warning).
     */
    private boolean advance(String caseId, long sequenceNumber) {
        long version = sequenceNumber + 1;
        int updated = jdbc.update("UPDATE work_case SET version = ? WHERE case_id = ? AND version < ?",
                version, caseId, version);
        if (updated == 0 && !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM work_case WHERE case_id = ?)", Boolean.class, caseId))) {
            log.warn("No reported case {} for its event at version {}; the event is skipped", caseId, version);
        }
        return updated == 1;
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
