package vn.childprotection.casetracker.command.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.TimeLimitOutcome;

/**
 * The running time limits of one case, owned by its {@link CaseFile}: it records a step of the procedure together
 * with what {@link TimeLimits} declares for it, and keeps the limits' state from their events.
 * <p>
 * A step is recorded as: the limits it withdraws, the step itself, the limits it meets, the limits it starts. A
 * limit met or withdrawn by a step dated before its due instant after the scheduler had already recorded it missed
 * is first corrected ({@link DeadlineMissCorrected}). Whether a meeting step was late compares its
 * {@code occurredAt} with the due instant ({@link TimeLimitOutcome#late}); whether it was recorded late compares
 * the instant it is recorded — the timestamp Axon gives its events ({@link GenericEventMessage#clock}) — with the
 * due instant.
 */
final class TimeLimitLedger {

    private final Map<String, OpenLimit> open = new LinkedHashMap<>();
    private int scheduled;

    /**
     * Applies {@code step} with the limits it withdraws (before it), meets and starts (after it).
     *
     * @param step      the step's event, not yet applied
     * @param facts     the case as the lines that start a limit read it, evaluated after the step is applied
     * @param deadlines where limits are scheduled and cancelled
     */
    void record(CaseEvent step, TimeLimits.CaseFacts facts, DeadlineManager deadlines) {
        Instant at = step.occurredAt();
        Instant recordedAt = GenericEventMessage.clock.instant();
        String caseId = step.caseId();
        List.copyOf(open.entrySet()).forEach(e -> withdrawal(step, e.getValue()).ifPresent(reason -> {
            end(caseId, at, e.getKey(), e.getValue(), deadlines);
            apply(new DeadlineWithdrawn(caseId, at, e.getKey(), e.getValue().rule(), e.getValue().interventionId(),
                    reason));
        }));
        apply(step);
        List.copyOf(open.entrySet()).stream().filter(e -> meets(step, e.getValue())).forEach(e -> {
            OpenLimit limit = e.getValue();
            end(caseId, at, e.getKey(), limit, deadlines);
            apply(new DeadlineFulfilled(caseId, at, e.getKey(), limit.rule(), limit.interventionId(),
                    TimeLimitOutcome.late(at, limit.dueAt()), limit.dueAt(),
                    TimeLimitOutcome.late(recordedAt, limit.dueAt())));
        });
        for (TimeLimits.Starts<?> clause : TimeLimits.starts(step)) {
            for (TimeLimits.NewLimit limit : TimeLimits.limits(clause, step, facts)) {
                String deadlineId = limit.rule().name() + "-" + (scheduled + 1);
                String scheduleId = deadlines.schedule(limit.dueAt(), CaseFile.DEADLINE_NAME,
                        new DeadlineDue(deadlineId));
                apply(new DeadlineScheduled(caseId, at, deadlineId, limit.rule(), limit.dueAt(),
                        limit.responsibleOrgUnit(), limit.interventionId(), scheduleId));
            }
        }
    }

    /** Whether a limit of {@code rule} is running. */
    boolean hasOpen(DeadlineRule rule) {
        return open.values().stream().anyMatch(l -> l.rule() == rule);
    }

    /** The running limit {@code deadlineId} that has not been recorded missed yet, if any. */
    Optional<OpenLimit> dueNow(String deadlineId) {
        return Optional.ofNullable(open.get(deadlineId)).filter(l -> !l.missed());
    }

    void scheduled(DeadlineScheduled event) {
        scheduled++;
        open.put(event.deadlineId(), new OpenLimit(event.rule(), event.dueAt(), event.responsibleOrgUnit(),
                event.interventionId(), event.scheduleId(), false));
    }

    void missed(String deadlineId, boolean missed) {
        open.computeIfPresent(deadlineId, (id, l) -> new OpenLimit(l.rule(), l.dueAt(), l.responsibleOrgUnit(),
                l.interventionId(), l.scheduleId(), missed));
    }

    void ended(String deadlineId) {
        open.remove(deadlineId);
    }

    /**
     * Cancels the schedule of a limit that is ending (a missed one's has run already), and corrects the miss when
     * the step that ends it is dated before the due instant.
     */
    private static void end(String caseId, Instant at, String deadlineId, OpenLimit limit,
                            DeadlineManager deadlines) {
        if (!limit.missed()) {
            deadlines.cancelSchedule(CaseFile.DEADLINE_NAME, limit.scheduleId());
        } else if (!TimeLimitOutcome.late(at, limit.dueAt())) {
            apply(new DeadlineMissCorrected(caseId, at, deadlineId, limit.rule(), limit.interventionId(),
                    limit.dueAt()));
        }
    }

    private static Optional<String> withdrawal(Object step, OpenLimit limit) {
        TimeLimits.RunningLimit running = limit.running();
        return TimeLimits.withdrawals(step).stream().filter(c -> TimeLimits.selects(c, step, running))
                .map(TimeLimits.Withdraws::reason).findFirst();
    }

    private static boolean meets(Object step, OpenLimit limit) {
        TimeLimits.RunningLimit running = limit.running();
        return TimeLimits.meetings(step).stream().anyMatch(c -> TimeLimits.selects(c, step, running));
    }

    /**
     * A running limit: its rule, due instant (UTC), who must meet it, its intervention (or null), the schedule that
     * fires it, and whether the scheduler has recorded it missed.
     */
    record OpenLimit(DeadlineRule rule, Instant dueAt, String responsibleOrgUnit, String interventionId,
                     String scheduleId, boolean missed) {

        TimeLimits.RunningLimit running() {
            return new TimeLimits.RunningLimit(rule, interventionId);
        }
    }
}
