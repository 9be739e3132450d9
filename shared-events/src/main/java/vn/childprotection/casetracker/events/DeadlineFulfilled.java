package vn.childprotection.casetracker.events;

import java.time.Instant;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.TimeLimitOutcome;

/**
 * What a time limit asked for was done, by the step dated {@code occurredAt}.
 * <p>
 * Whether it was done in time is decided by the times alone ({@link TimeLimitOutcome#late(Instant, Instant)}): a
 * step dated before the due instant met the limit, whenever it was typed and whether or not the scheduler had
 * recorded a miss in between (that miss is then withdrawn first by a {@link DeadlineMissCorrected}). When the step
 * was typed is a separate fact, {@code recordedLate}.
 *
 * @param late         whether {@code occurredAt} is at or after {@code dueAt}
 * @param dueAt        the limit's due instant (UTC); null only in events recorded before it was carried
 * @param recordedLate whether the step was recorded (typed) at or after {@code dueAt}, whatever its date
 */
public record DeadlineFulfilled(String caseId, Instant occurredAt, String deadlineId, DeadlineRule rule,
                                String interventionId, boolean late, Instant dueAt, boolean recordedLate)
        implements CaseEvent {

    /**
     * The shape recorded before the due instant was carried: {@code late} then meant "after a miss had been
     * recorded", which is how such events are read back.
     */
    public DeadlineFulfilled(String caseId, Instant occurredAt, String deadlineId, DeadlineRule rule,
                             String interventionId, boolean late) {
        this(caseId, occurredAt, deadlineId, rule, interventionId, late, null, false);
    }
}
