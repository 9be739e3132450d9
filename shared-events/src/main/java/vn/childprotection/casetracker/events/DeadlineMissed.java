package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * A time limit passed without being met. Recorded by the service itself (user {@code system}); the item stays
 * late until a {@link DeadlineFulfilled}, a {@link DeadlineWithdrawn}, or a {@link DeadlineMissCorrected} when the step
 * that met it turns out to be dated before the due instant.
 *
 * @param occurredAt         when it was missed: the due instant itself (the event's timestamp says when the
 *                           service recorded it, at or after that)
 * @param responsibleOrgUnit who had to meet it when it was missed
 */
public record DeadlineMissed(String caseId, Instant occurredAt, String deadlineId, DeadlineRule rule, Instant dueAt,
                             String responsibleOrgUnit, String interventionId) implements CaseEvent {
}
