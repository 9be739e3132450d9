package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * A time limit of the procedure started running for this case.
 *
 * @param occurredAt         when it started running (the step that started it)
 * @param deadlineId         the deadline within the case, e.g. {@code PLAN_APPROVAL-2} (rule and a counter within the case)
 * @param dueAt              the instant by which it must be met
 * @param responsibleOrgUnit org unit code of who must meet it: the commune, or the agency of an intervention
 * @param interventionId     the intervention, for {@link DeadlineRule#INTERVENTION_DUE}; otherwise null
 * @param scheduleId         the id of the persistent schedule that fires it, so it can be cancelled when met
 */
public record DeadlineScheduled(String caseId, Instant occurredAt, String deadlineId, DeadlineRule rule,
                                Instant dueAt, String responsibleOrgUnit, String interventionId, String scheduleId)
        implements CaseEvent {
}
