package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * A time limit no longer applies: the case was closed, the intervention was reassigned (a new limit starts for
 * the new agency), or a new plan replaced the one it belonged to.
 *
 * @param reason a short code: {@code CASE_CLOSED}, {@code REASSIGNED}, {@code PLAN_REPLACED}
 */
public record DeadlineWithdrawn(String caseId, Instant occurredAt, String deadlineId, DeadlineRule rule,
                                String interventionId, String reason) implements CaseEvent {
}
