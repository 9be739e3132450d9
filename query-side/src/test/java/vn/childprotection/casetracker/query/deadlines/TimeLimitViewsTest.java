package vn.childprotection.casetracker.query.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.values.DeadlineRule;

/**
 * Issue 11, item 1: whether a time limit was met is read from the times in every view (case file, overdue and risk
 * registers, work queue, audit trail, history, indicators), never from whether the scheduler fired before the step
 * was typed. Cases of 2013 in one commune, which no other test uses.
 */
class TimeLimitViewsTest extends TimeLimitViewsSupport {

    private static final String COMMUNE = "313-tan-vien";

    @Test
    void emergency_measures_dated_in_time_but_typed_after_the_scheduler_fired_are_met_in_time_everywhere() {
        String caseId = newId("case");
        Instant reported = Instant.parse("2013-03-04T01:00:00Z");
        Instant emergencyDue = Instant.parse("2013-03-04T13:00:00Z");
        Instant interventionDue = Instant.parse("2013-03-19T17:00:00Z");
        appendCaseWithTwoLimits(caseId, newId("child"), COMMUNE, reported, emergencyDue, interventionDue);
        Entry emergency = new Entry(emergencyDue, Instant.parse("2013-03-04T04:00:00Z"),
                emergencyDue.plusSeconds(25), true);
        Entry intervention = new Entry(interventionDue, Instant.parse("2013-03-18T09:00:00Z"),
                interventionDue.plus(Duration.ofHours(1)), true);
        long version = 6 + appendMissIfFired(caseId, EMERGENCY, DeadlineRule.EMERGENCY_MEASURES, COMMUNE, null,
                emergency);

        assertThat(caseFileDeadline(caseId, version, EMERGENCY).get("state").asString()).isEqualTo("MISSED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(overdueItems(COMMUNE, caseId)).hasSize(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(riskEntry(COMMUNE, caseId))
                .hasValueSatisfying(entry -> assertThat(entry.get("overdue").asBoolean()).isTrue()));

        version += appendEmergencyMeasures(caseId, emergency);
        version += appendMissIfFired(caseId, INTERVENTION, DeadlineRule.INTERVENTION_DUE, AGENCY, INTERVENTION_ID,
                intervention);
        version += appendInterventionCompleted(caseId, intervention);

        JsonNode met = caseFileDeadline(caseId, version, EMERGENCY);
        assertThat(met.get("state").asString()).isEqualTo("MET");
        assertThat(met.get("recordedLate").asBoolean()).isTrue();
        assertThat(met.get("missCorrectedAt").asString()).isEqualTo("2013-03-04T13:00:25Z");
        assertThat(met.get("missedAt").isNull()).isTrue();
        assertThat(met.get("fulfilledAt").asString()).isEqualTo("2013-03-04T04:00:00Z");
        assertThat(caseFileDeadline(caseId, version, INTERVENTION).get("state").asString()).isEqualTo("MET");
        assertThat(registerState(caseId, version, EMERGENCY)).isEqualTo("MET");
        assertThat(registerState(caseId, version, INTERVENTION)).isEqualTo("MET");
        assertThat(overdueItems(COMMUNE, caseId)).isEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(riskEntry(COMMUNE, caseId))
                .hasValueSatisfying(entry -> assertThat(entry.get("overdue").asBoolean()).isFalse()));
        JsonNode item = workItem(caseId, version);
        assertThat(item.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(item.get("completedLate").asBoolean()).isFalse();
        assertThat(item.get("overdue").asBoolean()).isFalse();
        assertThat(auditOfLimits(caseId, version)).containsExactly(
                "DeadlineMissed EMERGENCY_MEASURES: missed, due 2013-03-04T13:00:00Z",
                "DeadlineMissCorrected EMERGENCY_MEASURES: miss corrected: met 2013-03-04T04:00:00Z, "
                        + "due 2013-03-04T13:00:00Z",
                "DeadlineFulfilled EMERGENCY_MEASURES: fulfilled in time (recorded late)",
                "DeadlineMissed INTERVENTION_DUE: missed, due 2013-03-19T17:00:00Z",
                "DeadlineMissCorrected INTERVENTION_DUE: miss corrected: met 2013-03-18T09:00:00Z, "
                        + "due 2013-03-19T17:00:00Z",
                "DeadlineFulfilled INTERVENTION_DUE: fulfilled in time (recorded late)");
        assertThat(historyTypes(caseId, version)).containsSubsequence("DeadlineMissed", "EmergencyMeasuresTaken",
                "DeadlineMissCorrected", "DeadlineFulfilled");
        assertThat(helpedInTime(caseId, COMMUNE, LocalDate.parse("2013-03-01"), LocalDate.parse("2013-03-31")))
                .isEqualTo(1);
    }

    @Test
    void steps_dated_after_their_due_time_are_late_everywhere_though_typed_before_any_miss_was_recorded() {
        String caseId = newId("case");
        Instant reported = Instant.parse("2013-06-03T01:00:00Z");
        Instant emergencyDue = Instant.parse("2013-06-03T13:00:00Z");
        Instant interventionDue = Instant.parse("2013-06-19T17:00:00Z");
        appendCaseWithTwoLimits(caseId, newId("child"), COMMUNE, reported, emergencyDue, interventionDue);
        Entry emergency = new Entry(emergencyDue, emergencyDue.plusSeconds(1), emergencyDue.plusSeconds(3), false);
        Entry intervention = new Entry(interventionDue, interventionDue.plus(Duration.ofDays(1)),
                interventionDue.plus(Duration.ofDays(1)).plusSeconds(600), false);
        long version = 6 + appendEmergencyMeasures(caseId, emergency) + appendInterventionCompleted(caseId,
                intervention);

        JsonNode late = caseFileDeadline(caseId, version, EMERGENCY);
        assertThat(late.get("state").asString()).isEqualTo("FULFILLED_LATE");
        assertThat(late.get("recordedLate").asBoolean()).isTrue();
        assertThat(late.get("missCorrectedAt").isNull()).isTrue();
        assertThat(caseFileDeadline(caseId, version, INTERVENTION).get("state").asString())
                .isEqualTo("FULFILLED_LATE");
        assertThat(registerState(caseId, version, EMERGENCY)).isEqualTo("FULFILLED_LATE");
        assertThat(registerState(caseId, version, INTERVENTION)).isEqualTo("FULFILLED_LATE");
        assertThat(overdueItems(COMMUNE, caseId)).isEmpty();
        JsonNode item = workItem(caseId, version);
        assertThat(item.get("completedLate").asBoolean()).isTrue();
        assertThat(item.get("overdue").asBoolean()).isFalse();
        assertThat(auditOfLimits(caseId, version)).containsExactly(
                "DeadlineFulfilled EMERGENCY_MEASURES: fulfilled late (recorded late)",
                "DeadlineFulfilled INTERVENTION_DUE: fulfilled late (recorded late)");
        assertThat(historyTypes(caseId, version)).doesNotContain("DeadlineMissed", "DeadlineMissCorrected");
        assertThat(helpedInTime(caseId, COMMUNE, LocalDate.parse("2013-06-01"), LocalDate.parse("2013-06-30")))
                .isZero();
    }
}
