package vn.childprotection.casetracker.query.casefile;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.query.deadlines.DeadlineState;
import vn.childprotection.casetracker.query.deadlines.TimeLimitReading;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * A time limit of the procedure (<i>thời hạn</i>) as the stored case file holds it, with its state. Immutable: each
 * change answers a new deadline. Instants are UTC.
 *
 * @param responsibleOrgUnit who must meet it: the commune that runs the case, or the intervention's agency
 * @param recordedLate       whether the step that met it was typed at or after {@code dueAt}; null until met
 * @param missCorrectedAt    when a recorded miss was found not to have happened; null when none was
 */
@JsonPropertyOrder({"deadlineId", "rule", "dueAt", "responsibleOrgUnit", "interventionId", "state", "scheduledAt",
        "missedAt", "fulfilledAt", "withdrawnAt", "withdrawnReason", "recordedLate", "missCorrectedAt"})
record StoredDeadline(String deadlineId, DeadlineRule rule, Instant dueAt, String responsibleOrgUnit,
                      String interventionId, DeadlineState state, Instant scheduledAt, Instant missedAt,
                      Instant fulfilledAt, Instant withdrawnAt, String withdrawnReason, Boolean recordedLate,
                      Instant missCorrectedAt) {

    /** A time limit that started running: open, nothing met, missed or withdrawn yet. */
    static StoredDeadline scheduled(DeadlineScheduled e) {
        return new StoredDeadline(e.deadlineId(), e.rule(), e.dueAt(), e.responsibleOrgUnit(), e.interventionId(),
                DeadlineState.OPEN, e.occurredAt(), null, null, null, null, null, null);
    }

    /** A miss of a time limit this document never saw scheduled (not expected): it is listed as missed. */
    static StoredDeadline missedUnscheduled(DeadlineMissed e) {
        return new StoredDeadline(e.deadlineId(), e.rule(), e.dueAt(), e.responsibleOrgUnit(), e.interventionId(),
                DeadlineState.MISSED, null, e.occurredAt(), null, null, null, null, null);
    }

    /** Whether it is still open or late: only such a one can be met, withdrawn, or move with the case. */
    boolean pending() {
        return state.isPending();
    }

    /** Missed at its due instant; the due instant and who was responsible as the miss says. */
    StoredDeadline missed(DeadlineMissed e) {
        return new StoredDeadline(deadlineId, rule, e.dueAt(), e.responsibleOrgUnit(), interventionId,
                DeadlineState.MISSED, scheduledAt, e.occurredAt(), fulfilledAt, withdrawnAt, withdrawnReason,
                recordedLate, missCorrectedAt);
    }

    /** The recorded miss did not happen: open (or late) again, the correction's recording instant kept. */
    StoredDeadline missCorrected(Instant recordedAt) {
        return new StoredDeadline(deadlineId, rule, dueAt, responsibleOrgUnit, interventionId,
                TimeLimitReading.afterMissCorrected(state), scheduledAt, null, fulfilledAt, withdrawnAt,
                withdrawnReason, recordedLate, recordedAt);
    }

    /** Met in time or late, as {@link TimeLimitReading} reads the event. */
    StoredDeadline fulfilled(DeadlineFulfilled e) {
        return new StoredDeadline(deadlineId, rule, dueAt, responsibleOrgUnit, interventionId,
                TimeLimitReading.afterFulfilment(e, state), scheduledAt, missedAt, e.occurredAt(), withdrawnAt,
                withdrawnReason, e.recordedLate(), missCorrectedAt);
    }

    StoredDeadline withdrawn(DeadlineWithdrawn e) {
        return new StoredDeadline(deadlineId, rule, dueAt, responsibleOrgUnit, interventionId, DeadlineState.WITHDRAWN,
                scheduledAt, missedAt, fulfilledAt, e.occurredAt(), e.reason(), recordedLate, missCorrectedAt);
    }

    /**
     * After the case moved to {@code communeCode}: a commune deadline still open or late is that commune's; a
     * closed one stays with who met or missed it, an intervention's with its agency.
     */
    StoredDeadline runBy(String communeCode) {
        if (rule == DeadlineRule.INTERVENTION_DUE || !pending()) {
            return this;
        }
        return new StoredDeadline(deadlineId, rule, dueAt, communeCode, interventionId, state, scheduledAt, missedAt,
                fulfilledAt, withdrawnAt, withdrawnReason, recordedLate, missCorrectedAt);
    }
}
