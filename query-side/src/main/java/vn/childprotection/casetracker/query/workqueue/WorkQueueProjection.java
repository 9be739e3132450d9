package vn.childprotection.casetracker.query.workqueue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.childprotection.casetracker.query.projection.CaseFolds;
import vn.childprotection.casetracker.query.projection.WritesPerBatch;
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
 * <p>
 * A case, its items and its draft are folded in memory over a batch of events ({@link WorkCase}, {@link CaseFolds})
 * and written once per batch ({@link WorkCaseRows}).
 */
@Component
@WritesPerBatch
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
        CaseFolds<WorkCase> cases = cases();
        if (cases.current(e.caseId()) == null) {
            cases.replace(e.caseId(), new WorkCase(e.communeCode(), sequenceNumber + 1, Map.of(), List.of()));
        }
    }

    @EventHandler
    void on(CaseTransferred e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> c.runBy(e.toCommuneCode()));
    }

    /** Carried over to the successor of its ceased commune: as after an accepted transfer. */
    @EventHandler
    void on(CaseCarriedOver e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> c.runBy(e.toCommuneCode()));
    }

    /**
     * The latest draft replaces the previous one; the work items of the approved plan stay until it is approved.
     */
    @EventHandler
    void on(SupportPlanDrafted e, @SequenceNumber Long sequenceNumber) {
        List<PlannedIntervention> interventions = e.interventions() == null ? List.of() : e.interventions();
        apply(e.caseId(), sequenceNumber, c -> c.withDraft(interventions.stream().map(i -> new WorkCase.Draft(
                i.interventionId(), e.planVersion(), i.measure().name(), i.agencyCode(), i.dueDate())).toList()));
    }

    @EventHandler
    void on(SupportPlanApproved e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> {
            Integer drafted = c.draft().stream().map(WorkCase.Draft::planVersion).max(Integer::compare).orElse(null);
            if (drafted == null || drafted != e.planVersion()) {
                log.warn("Case {}: plan version {} approved, but the latest draft is {}; the work items stay",
                        e.caseId(), e.planVersion(), drafted);
                return c;
            }
            OffsetDateTime at = utc(e.occurredAt());
            Map<String, WorkCase.Item> items = new LinkedHashMap<>();
            c.draft().forEach(d -> items.put(d.interventionId(), new WorkCase.Item(d.interventionId(),
                    c.communeCode(), d.agencyCode(), d.measure(), d.dueDate(), d.planVersion(), "ASSIGNED", at, at,
                    null, null)));
            return c.withItems(items).withDraft(List.of());
        });
    }

    @EventHandler
    void on(InterventionStatusChanged e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> c.changeItem(e.interventionId(),
                item -> item.withStatus(e.newStatus().name(), utc(e.occurredAt()))));
    }

    /**
     * The intervention leaves the old agency's queue and enters the new one's, {@code ASSIGNED}. Its deadline is
     * the one scheduled next for the new agency.
     */
    @EventHandler
    void on(InterventionReassigned e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> c.changeItem(e.interventionId(),
                item -> item.reassigned(e.toAgencyCode(), e.dueDate(), utc(e.occurredAt()))));
    }

    @EventHandler
    void on(DeadlineScheduled e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE) {
            apply(e.caseId(), sequenceNumber, c -> c.changeItem(e.interventionId(),
                    item -> item.withDeadline(e.deadlineId(), "OPEN")));
        }
    }

    @EventHandler
    void on(DeadlineMissed e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE) {
            deadline(e.caseId(), sequenceNumber, e.interventionId(), e.deadlineId(), "OPEN"::equals,
                    state -> "MISSED");
        }
    }

    /**
     * A recorded miss did not happen (the step is dated before the due instant): no longer overdue.
     */
    @EventHandler
    void on(DeadlineMissCorrected e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE) {
            deadline(e.caseId(), sequenceNumber, e.interventionId(), e.deadlineId(), "MISSED"::equals,
                    state -> TimeLimitReading.afterMissCorrected(DeadlineState.MISSED).name());
        }
    }

    /**
     * Met in time or late, as {@link TimeLimitReading} reads the event: completed late means completed after the
     * due instant, whenever it was typed.
     */
    @EventHandler
    void on(DeadlineFulfilled e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE) {
            deadline(e.caseId(), sequenceNumber, e.interventionId(), e.deadlineId(), WorkQueueProjection::pending,
                    state -> TimeLimitReading.afterFulfilment(e, DeadlineState.valueOf(state)).name());
        }
    }

    @EventHandler
    void on(DeadlineWithdrawn e, @SequenceNumber Long sequenceNumber) {
        if (e.rule() == DeadlineRule.INTERVENTION_DUE) {
            deadline(e.caseId(), sequenceNumber, e.interventionId(), e.deadlineId(), WorkQueueProjection::pending,
                    state -> "WITHDRAWN");
        }
    }

    @EventHandler
    void on(CaseClosed e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> c.withItems(Map.of()));
    }

    @EventHandler
    void on(CaseReopened e, @SequenceNumber Long sequenceNumber) {
        apply(e.caseId(), sequenceNumber, c -> c.withItems(Map.of()));
    }

    /**
     * Moves the state of the item's deadline {@code deadlineId} on, when it is in a state {@code from} accepts.
     */
    private void deadline(String caseId, long sequenceNumber, String interventionId, String deadlineId,
                          Predicate<String> from, UnaryOperator<String> to) {
        apply(caseId, sequenceNumber, c -> c.changeItem(interventionId, item ->
                deadlineId.equals(item.deadlineId()) && item.deadlineState() != null && from.test(item.deadlineState())
                        ? item.withDeadline(deadlineId, to.apply(item.deadlineState())) : item));
    }

    private static boolean pending(String deadlineState) {
        return "OPEN".equals(deadlineState) || "MISSED".equals(deadlineState);
    }

    /**
     * Applies the case's event at this sequence number unless it already was, or the case was never reported here
     * (then the event is skipped with a warning).
     */
    private void apply(String caseId, long sequenceNumber, UnaryOperator<WorkCase> change) {
        long version = sequenceNumber + 1;
        CaseFolds<WorkCase> cases = cases();
        WorkCase current = cases.current(caseId);
        if (current == null) {
            log.warn("No reported case {} for its event at version {}; the event is skipped", caseId, version);
            return;
        }
        if (current.version() < version) {
            cases.replace(caseId, change.apply(current.atVersion(version)));
        }
    }

    private CaseFolds<WorkCase> cases() {
        return CaseFolds.of(this, jdbc, WorkCaseRows::load, WorkCaseRows::write);
    }

    private static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
