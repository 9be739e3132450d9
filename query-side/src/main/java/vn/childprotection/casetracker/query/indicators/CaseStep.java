package vn.childprotection.casetracker.query.indicators;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * A counted step of a case, in the order of the case's events.
 *
 * @param deadlineId for deadline steps, the time limit concerned
 * @param rule       for deadline steps, its rule
 * @param dueAt      for {@link StepKind#DEADLINE_SCHEDULED}, when it falls due
 */
record CaseStep(long sequenceNumber, StepKind kind, Instant occurredAt, String deadlineId, DeadlineRule rule,
                Instant dueAt) {
}
