package vn.childprotection.casetracker.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.command.casefile.EmergencyLimitScenario.CASE;
import static vn.childprotection.casetracker.command.casefile.EmergencyLimitScenario.DUE;
import static vn.childprotection.casetracker.command.casefile.EmergencyLimitScenario.REPORTED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;

/**
 * For random dates of the steps and random moments at which they are typed relative to the scheduler, the events
 * say what the times say: {@code late} is the step's date against the due instant, {@code recordedLate} the moment
 * of typing against it, and a miss is corrected exactly when the scheduler recorded one and the step is dated in
 * time.
 */
class TimeLimitLatenessPropertyTest {

    /** The assessment that calls for emergency measures; the limit runs from the report whenever it is made. */
    private static final Instant ASSESSED = REPORTED.plus(Duration.ofHours(1));

    private final EmergencyLimitScenario scenario = new EmergencyLimitScenario();
    /** The case's events before the measures, without and with a miss recorded by the scheduler. */
    private final Map<Boolean, List<Object>> histories = new HashMap<>();

    @Property(tries = 50)
    void lateness_follows_the_times_whenever_the_step_is_typed(
            @ForAll("measuresDates") Instant measuresAt,
            @ForAll @LongRange(min = 0, max = 30 * 3600) long typedAfterDateSeconds,
            @ForAll @LongRange(min = 0, max = 120) long schedulerLagSeconds) {
        Instant dated = measuresAt.isBefore(ASSESSED) ? ASSESSED : measuresAt;
        Instant typedAt = dated.plusSeconds(typedAfterDateSeconds);
        boolean missRecorded = !typedAt.isBefore(DUE.plusSeconds(schedulerLagSeconds));
        // The scheduler ran before the measures were typed either past the due instant or not.
        List<Object> history = histories.computeIfAbsent(missRecorded, missed -> scenario.assessedThenSchedulerRuns(
                ASSESSED, missed ? DUE.plusSeconds(schedulerLagSeconds) : DUE.minusMillis(1)));
        assertThat(history.stream().anyMatch(DeadlineMissed.class::isInstance)).isEqualTo(missRecorded);

        boolean datedLate = dated.compareTo(DUE) >= 0;
        boolean typedLate = typedAt.compareTo(DUE) >= 0;
        List<Object> expected = new ArrayList<>();
        expected.add(new EmergencyMeasuresTaken(CASE, dated, List.of(EmergencyMeasure.SAFE_PLACE), null, null));
        if (missRecorded && !datedLate) {
            expected.add(new DeadlineMissCorrected(CASE, dated, "EMERGENCY_MEASURES-1",
                    DeadlineRule.EMERGENCY_MEASURES, null, DUE));
        }
        expected.add(new DeadlineFulfilled(CASE, dated, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                null, datedLate, DUE, typedLate));
        assertThat(scenario.measuresTyped(history, dated, typedAt)).isEqualTo(expected);
    }

    /** Dates anywhere in the first 30 hours, and close around the due instant. */
    @Provide
    Arbitrary<Instant> measuresDates() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 30 * 3600).map(REPORTED::plusSeconds),
                Arbitraries.longs().between(-2, 2).map(DUE::plusSeconds),
                Arbitraries.longs().between(-2000, 2000).map(ms -> DUE.plus(Duration.ofMillis(ms))));
    }
}
