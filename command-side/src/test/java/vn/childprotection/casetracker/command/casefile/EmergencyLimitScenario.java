package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;

/**
 * The scenario on the fixture's clock, in two parts: a case reported and assessed as an emergency, with
 * the scheduler run (or not) up to some moment; then emergency measures dated at one instant and typed at another.
 * The second part starts from the events the first stored, on a fixture whose clock is the moment of typing. The second
 * part's fixture is made once and reset by every run.
 */
final class EmergencyLimitScenario {

    static final String CASE = "case-11";
    static final String COMMUNE = TestActors.CURRENT_COMMUNE;
    /** Thursday 23 April 2026, 09:00 in Vietnam. */
    static final Instant REPORTED = Instant.parse("2026-04-23T02:00:00Z");
    /** 12 hours after the report (Art 26.3), as configured in {@link CaseFileTest#POLICY}. */
    static final Instant DUE = Instant.parse("2026-04-23T14:00:00Z");

    private final FixtureConfiguration<CaseFile> typing = fixture();

    static FixtureConfiguration<CaseFile> fixture() {
        return CaseFileFixtures.timeLimits();
    }

    /**
     * The events of a case reported at {@link #REPORTED} and assessed as an emergency at {@code assessedAt} (typed
     * then), after the scheduler ran up to {@code schedulerRunsTo}.
     */
    List<Object> assessedThenSchedulerRuns(Instant assessedAt, Instant schedulerRunsTo) {
        // A new fixture each time: its deadline manager keeps what was scheduled.
        FixtureConfiguration<CaseFile> fixture = fixture();
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report())
                .andGivenCurrentTime(assessedAt)
                .andGivenCommands(new RecordInitialAssessment(CASE, null, assessedAt, RiskLevel.HIGH, true, null))
                .whenTimeAdvancesTo(schedulerRunsTo);
        return payloads(fixture);
    }

    /**
     * What recording emergency measures dated {@code measuresAt}, typed at {@code typedAt}, adds to {@code history}.
     */
    List<Object> measuresTyped(List<Object> history, Instant measuresAt, Instant typedAt) {
        FixtureConfiguration<CaseFile> fixture = typing;
        fixture.givenCurrentTime(typedAt)
                .andGiven(history)
                .when(new TakeEmergencyMeasures(CASE, null, measuresAt, List.of(EmergencyMeasure.SAFE_PLACE), null,
                        null));
        List<Object> all = payloads(fixture);
        return all.subList(history.size(), all.size());
    }

    static ReportCase report() {
        return new ReportCase(CASE, "child-11", REPORTED, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.FEMALE, 8,
                false, null, null, null, null, false, null, null);
    }

    private static List<Object> payloads(FixtureConfiguration<CaseFile> fixture) {
        return fixture.getEventStore().readEvents(CASE).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
    }
}
