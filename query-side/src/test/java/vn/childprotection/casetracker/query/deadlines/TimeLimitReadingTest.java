package vn.childprotection.casetracker.query.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.values.DeadlineRule;

class TimeLimitReadingTest {

    private static final Instant DUE = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void a_fulfilment_carrying_its_due_instant_is_late_only_when_it_says_so_even_after_a_recorded_miss() {
        DeadlineFulfilled inTime = fulfilled(DUE.minusSeconds(1), false, DUE, true);
        DeadlineFulfilled late = fulfilled(DUE, true, DUE, false);

        assertThat(TimeLimitReading.afterFulfilment(inTime, DeadlineState.MISSED)).isEqualTo(DeadlineState.MET);
        assertThat(TimeLimitReading.afterFulfilment(inTime, DeadlineState.OPEN)).isEqualTo(DeadlineState.MET);
        assertThat(TimeLimitReading.afterFulfilment(late, DeadlineState.OPEN)).isEqualTo(DeadlineState.FULFILLED_LATE);
        assertThat(TimeLimitReading.describe(inTime)).isEqualTo("fulfilled in time (recorded late)");
        assertThat(TimeLimitReading.describe(late)).isEqualTo("fulfilled late");
    }

    @Test
    void an_older_fulfilment_without_its_due_instant_is_late_when_it_says_so_or_a_miss_was_recorded() {
        DeadlineFulfilled old = new DeadlineFulfilled("c", DUE.minusSeconds(60), "d", DeadlineRule.PLAN_DRAFTING,
                null, false);

        assertThat(TimeLimitReading.afterFulfilment(old, DeadlineState.OPEN)).isEqualTo(DeadlineState.MET);
        assertThat(TimeLimitReading.afterFulfilment(old, DeadlineState.MISSED))
                .isEqualTo(DeadlineState.FULFILLED_LATE);
        assertThat(TimeLimitReading.afterFulfilment(new DeadlineFulfilled("c", DUE.minusSeconds(60), "d",
                DeadlineRule.PLAN_DRAFTING, null, true), DeadlineState.OPEN)).isEqualTo(DeadlineState.FULFILLED_LATE);
    }

    @Test
    void a_corrected_miss_opens_the_limit_again_and_leaves_any_other_state_alone() {
        assertThat(TimeLimitReading.afterMissCorrected(DeadlineState.MISSED)).isEqualTo(DeadlineState.OPEN);
        assertThat(TimeLimitReading.afterMissCorrected(DeadlineState.MET)).isEqualTo(DeadlineState.MET);
        assertThat(TimeLimitReading.describe(new DeadlineMissCorrected("c", DUE.minusSeconds(3600), "d",
                DeadlineRule.EMERGENCY_MEASURES, null, DUE)))
                .isEqualTo("miss corrected: met 2025-03-01T11:00:00Z, due 2025-03-01T12:00:00Z");
    }

    private static DeadlineFulfilled fulfilled(Instant at, boolean late, Instant dueAt, boolean recordedLate) {
        return new DeadlineFulfilled("c", at, "d", DeadlineRule.EMERGENCY_MEASURES, null, late, dueAt, recordedLate);
    }
}
