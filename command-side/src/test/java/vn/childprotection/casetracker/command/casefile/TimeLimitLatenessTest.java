package vn.childprotection.casetracker.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.command.casefile.EmergencyLimitScenario.CASE;
import static vn.childprotection.casetracker.command.casefile.EmergencyLimitScenario.COMMUNE;
import static vn.childprotection.casetracker.command.casefile.EmergencyLimitScenario.DUE;
import static vn.childprotection.casetracker.command.casefile.EmergencyLimitScenario.REPORTED;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;

/**
 * Whether a time limit was met comes from the step's date against the due instant, never from whether the scheduler
 * had fired when the step was typed (issue: emergency measures dated 3 h after the report, limit 12 h).
 */
class TimeLimitLatenessTest {

    private final EmergencyLimitScenario scenario = new EmergencyLimitScenario();

    private static final Instant ASSESSED = REPORTED.plus(Duration.ofHours(1));
    private static final Instant MEASURES = REPORTED.plus(Duration.ofHours(3));
    private static final String LIMIT = "EMERGENCY_MEASURES-1";

    @Test
    void measures_dated_in_time_but_typed_after_the_scheduler_fired_correct_the_miss_and_meet_the_limit_in_time() {
        Instant typed = DUE.plus(Duration.ofSeconds(25));
        List<Object> history = scenario.assessedThenSchedulerRuns(ASSESSED, typed);
        assertThat(history).last().isEqualTo(new DeadlineMissed(CASE, DUE, LIMIT, DeadlineRule.EMERGENCY_MEASURES,
                DUE, COMMUNE, null));

        assertThat(scenario.measuresTyped(history, MEASURES, typed)).containsExactly(
                new EmergencyMeasuresTaken(CASE, MEASURES, List.of(EmergencyMeasure.SAFE_PLACE), null, null),
                new DeadlineMissCorrected(CASE, MEASURES, LIMIT, DeadlineRule.EMERGENCY_MEASURES, null, DUE),
                new DeadlineFulfilled(CASE, MEASURES, LIMIT, DeadlineRule.EMERGENCY_MEASURES, null, false, DUE,
                        true));
    }

    @Test
    void the_same_measures_typed_before_the_scheduler_fired_meet_the_limit_in_time_and_not_recorded_late() {
        Instant typed = MEASURES.plus(Duration.ofSeconds(3));
        List<Object> history = scenario.assessedThenSchedulerRuns(ASSESSED, typed);
        assertThat(history).noneMatch(DeadlineMissed.class::isInstance);

        assertThat(scenario.measuresTyped(history, MEASURES, typed)).containsExactly(
                new EmergencyMeasuresTaken(CASE, MEASURES, List.of(EmergencyMeasure.SAFE_PLACE), null, null),
                new DeadlineFulfilled(CASE, MEASURES, LIMIT, DeadlineRule.EMERGENCY_MEASURES, null, false, DUE,
                        false));
    }

    @Test
    void measures_dated_after_the_due_instant_but_typed_quickly_meet_the_limit_late() {
        Instant dated = DUE.plus(Duration.ofHours(2));
        Instant typed = dated.plus(Duration.ofSeconds(3));
        // The scheduler has not run since the assessment: no miss is recorded, yet the step is late by its date.
        List<Object> history = scenario.assessedThenSchedulerRuns(ASSESSED, ASSESSED);

        assertThat(scenario.measuresTyped(history, dated, typed)).containsExactly(
                new EmergencyMeasuresTaken(CASE, dated, List.of(EmergencyMeasure.SAFE_PLACE), null, null),
                new DeadlineFulfilled(CASE, dated, LIMIT, DeadlineRule.EMERGENCY_MEASURES, null, true, DUE, true));
    }

    @Test
    void measures_dated_exactly_at_the_due_instant_are_late() {
        List<Object> history = scenario.assessedThenSchedulerRuns(ASSESSED, ASSESSED);

        assertThat(scenario.measuresTyped(history, DUE, DUE)).containsExactly(
                new EmergencyMeasuresTaken(CASE, DUE, List.of(EmergencyMeasure.SAFE_PLACE), null, null),
                new DeadlineFulfilled(CASE, DUE, LIMIT, DeadlineRule.EMERGENCY_MEASURES, null, true, DUE, true));
    }
}
