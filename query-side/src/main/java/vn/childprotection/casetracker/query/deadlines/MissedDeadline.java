package vn.childprotection.casetracker.query.deadlines;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * A deadline that was missed and is neither fulfilled late nor withdrawn yet, as stored.
 *
 * @param missedAt when the miss was recorded (domain time of the {@code DeadlineMissed} event)
 */
public record MissedDeadline(String caseId, String deadlineId, DeadlineRule rule, Instant dueAt, Instant missedAt,
                             String responsibleOrgUnit, String interventionId, String communeCode) {
}
