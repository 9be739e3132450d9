package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * What a time limit asked for was done.
 *
 * @param late whether it was done after the limit had been missed
 */
public record DeadlineFulfilled(String caseId, Instant occurredAt, String deadlineId, DeadlineRule rule,
                                String interventionId, boolean late) implements CaseEvent {
}
