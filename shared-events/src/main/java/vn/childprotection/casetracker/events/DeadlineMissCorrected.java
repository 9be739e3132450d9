package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * A miss the scheduler recorded ({@link DeadlineMissed}) did not happen: the step that meets or ends the limit is
 * dated before the due instant but was typed after the scheduler had fired. Recorded just before the
 * {@link DeadlineFulfilled} (or {@link DeadlineWithdrawn}) of that step; the limit counts as met in time in every
 * view, and the correction stays in the history for auditors.
 *
 * @param occurredAt when the step that met or ended the limit happened (before {@code dueAt})
 * @param dueAt      the limit's due instant (UTC)
 */
public record DeadlineMissCorrected(String caseId, Instant occurredAt, String deadlineId, DeadlineRule rule,
                                    String interventionId, Instant dueAt) implements CaseEvent {
}
