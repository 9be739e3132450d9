package vn.childprotection.casetracker.command.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;

/**
 * The procedure's time limits, on the fixture's controlled clock: scheduled by the step that starts them, met and
 * cancelled by the step that fulfils them, missed when their time passes first.
 */
class CaseFileDeadlinesTest {

    private static final String CASE = "case-7";
    private static final String CHILD = "child-7";
    private static final String COMMUNE = TestActors.CURRENT_COMMUNE;
    private static final String AN_HUNG = "31-xa-an-hung";
    private static final String POLICE = "31-xa-an-lao-police";
    private static final String HEALTH = "31-xa-an-lao-health-station";
    /** Thursday 23 April 2026, 09:00 in Vietnam; Monday 27 April, 30 April and 1 May are days off. */
    private static final Instant REPORTED = Instant.parse("2026-04-23T02:00:00Z");
    private static final Instant LATER = REPORTED.plus(Duration.ofHours(1));

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFileFixtures.timeLimits();
    }

    private static ReportCase report() {
        return new ReportCase(CASE, CHILD, REPORTED, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.MALE, 6,
                true, null, null, null, null, false, null, null);
    }

    private static RecordInitialAssessment assessment(boolean emergency) {
        return new RecordInitialAssessment(CASE, null, LATER, RiskLevel.HIGH, emergency, null);
    }

    private static Object[] upToApproval() {
        return new Object[] {report(), assessment(false),
                new RecordDetailedAssessment(CASE, null, LATER, RiskLevel.MEDIUM, null),
                new DraftSupportPlan(CASE, null, LATER, List.of(
                        new DraftSupportPlan.Intervention("legal", InterventionMeasure.LEGAL_AID, POLICE,
                                LocalDate.parse("2026-05-20"), null),
                        new DraftSupportPlan.Intervention("therapy", InterventionMeasure.PSYCHOLOGICAL_THERAPY,
                                HEALTH, LocalDate.parse("2026-05-25"), null)), null),
                new ApproveSupportPlan(CASE, null, LATER, 1)};
    }

    private static DeadlineScheduled scheduled(String id, DeadlineRule rule, Instant dueAt, String responsible,
                                               String interventionId) {
        return new DeadlineScheduled(CASE, LATER, id, rule, dueAt, responsible, interventionId, null);
    }

    @Test
    void an_emergency_assessment_starts_the_12_hour_limit_counted_from_the_report() {
        Instant due = REPORTED.plus(Duration.ofHours(12));
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report())
                .when(assessment(true))
                .expectScheduledDeadlineWithName(due, CaseFile.DEADLINE_NAME)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.CoreMatchers.anything(),
                        Matchers.equalTo(scheduled("EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES, due,
                                COMMUNE, null), new org.axonframework.test.matchers.IgnoreField(
                                DeadlineScheduled.class, "scheduleId")),
                        Matchers.andNoMore())));
    }

    @Test
    void a_non_emergency_assessment_starts_no_limit() {
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report())
                .when(assessment(false))
                .expectNoScheduledDeadlines();
    }

    @Test
    void emergency_measures_in_time_meet_the_limit_and_cancel_its_schedule() {
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report(), assessment(true))
                .when(new TakeEmergencyMeasures(CASE, null, LATER, List.of(EmergencyMeasure.MEDICAL_EMERGENCY), null,
                        null))
                .expectEvents(new EmergencyMeasuresTaken(CASE, LATER, List.of(EmergencyMeasure.MEDICAL_EMERGENCY),
                                null, null),
                        new DeadlineFulfilled(CASE, LATER, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                                null, false, REPORTED.plus(Duration.ofHours(12)), false))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_missed_limit_is_recorded_by_the_service_in_the_name_of_the_commune() {
        Instant due = REPORTED.plus(Duration.ofHours(12));
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report(), assessment(true))
                .whenTimeAdvancesTo(due.plusSeconds(1))
                .expectDeadlinesMetMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.equalTo(new DeadlineDue("EMERGENCY_MEASURES-1")), Matchers.andNoMore())))
                .expectEvents(new DeadlineMissed(CASE, due, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                        due, COMMUNE, null))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate((EventMessage<?> m) -> "system".equals(m.getMetaData().get("userId"))
                                && COMMUNE.equals(m.getMetaData().get("orgUnit"))
                                && "SYSTEM".equals(m.getMetaData().get("role"))),
                        Matchers.andNoMore()));
    }

    @Test
    void measures_dated_after_the_due_instant_fulfil_the_limit_late_with_no_correction_of_the_miss() {
        Instant due = REPORTED.plus(Duration.ofHours(12));
        fixture.givenCurrentTime(REPORTED.plus(Duration.ofHours(13)))
                .andGivenCommands(report(), assessment(true))
                .andGiven(new DeadlineMissed(CASE, due, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES, due,
                        COMMUNE, null))
                .when(new TakeEmergencyMeasures(CASE, null, REPORTED.plus(Duration.ofHours(13)),
                        List.of(EmergencyMeasure.OTHER), null, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.CoreMatchers.anything(),
                        Matchers.equalTo(new DeadlineFulfilled(CASE, REPORTED.plus(Duration.ofHours(13)),
                                "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES, null, true, due, true)),
                        Matchers.andNoMore())));
    }

    @Test
    void the_plan_drafting_limit_counts_working_days_across_a_weekend_and_holidays() {
        // From Thursday 23 April 2026: Fri 24 (1), Mon 27 off, Tue 28 (2), Wed 29 (3), Thu 30 and Fri 1 May off,
        // Mon 4 (4), Tue 5 (5): due when Tuesday 5 May ends in Vietnam.
        Instant due = Instant.parse("2026-05-05T17:00:00Z");
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report(), assessment(false))
                .when(new RecordDetailedAssessment(CASE, null, LATER, RiskLevel.MEDIUM, null))
                .expectEvents(new DetailedAssessmentRecorded(CASE, LATER, RiskLevel.MEDIUM, null),
                        scheduled("PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING, due, COMMUNE, null))
                .expectScheduledDeadlineWithName(due, CaseFile.DEADLINE_NAME);
    }

    @Test
    void the_approval_limit_skips_the_holidays_too() {
        // Drafted on Wednesday 29 April 2026: 30 April and 1 May off, the weekend, then Mon 4 (1), Tue 5 (2).
        Instant drafted = Instant.parse("2026-04-29T03:00:00Z");
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report(), assessment(false),
                        new RecordDetailedAssessment(CASE, null, LATER, RiskLevel.MEDIUM, null))
                .when(new DraftSupportPlan(CASE, null, drafted, List.of(new DraftSupportPlan.Intervention("legal",
                        InterventionMeasure.LEGAL_AID, POLICE, LocalDate.parse("2026-05-20"), null)), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.CoreMatchers.anything(),
                        Matchers.equalTo(new DeadlineFulfilled(CASE, drafted, "PLAN_DRAFTING-1",
                                DeadlineRule.PLAN_DRAFTING, null, false, Instant.parse("2026-05-05T17:00:00Z"),
                                false)),
                        Matchers.predicate((Object e) -> e instanceof DeadlineScheduled d
                                && d.rule() == DeadlineRule.PLAN_APPROVAL
                                && d.dueAt().equals(Instant.parse("2026-05-05T17:00:00Z"))),
                        Matchers.andNoMore())));
    }

    @Test
    void closing_withdraws_every_running_limit_and_cancels_its_schedule() {
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report(), assessment(true))
                .when(new CloseCase(CASE, null, LATER, "MOVED_AWAY", null))
                .expectEvents(new DeadlineWithdrawn(CASE, LATER, "EMERGENCY_MEASURES-1",
                                DeadlineRule.EMERGENCY_MEASURES, null, "CASE_CLOSED"),
                        new CaseClosed(CASE, LATER, "MOVED_AWAY", null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void approval_starts_each_intervention_limit_in_the_name_of_its_agency_and_the_review_limit() {
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report(), assessment(false),
                        new RecordDetailedAssessment(CASE, null, LATER, RiskLevel.MEDIUM, null),
                        new DraftSupportPlan(CASE, null, LATER, List.of(new DraftSupportPlan.Intervention("legal",
                                InterventionMeasure.LEGAL_AID, POLICE, LocalDate.parse("2026-05-20"), null)), null))
                .when(new ApproveSupportPlan(CASE, null, LATER, 1))
                .expectScheduledDeadlineWithName(Instant.parse("2026-05-20T17:00:00Z"), CaseFile.DEADLINE_NAME)
                .expectScheduledDeadlineWithName(Instant.parse("2026-05-23T17:00:00Z"), CaseFile.DEADLINE_NAME)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.CoreMatchers.anything(),
                        Matchers.predicate((Object e) -> e instanceof DeadlineFulfilled f
                                && f.rule() == DeadlineRule.PLAN_APPROVAL && !f.late()),
                        Matchers.predicate((Object e) -> e instanceof DeadlineScheduled d
                                && d.rule() == DeadlineRule.INTERVENTION_DUE && POLICE.equals(d.responsibleOrgUnit())
                                && "legal".equals(d.interventionId())),
                        Matchers.predicate((Object e) -> e instanceof DeadlineScheduled d
                                && d.rule() == DeadlineRule.CASE_REVIEW && COMMUNE.equals(d.responsibleOrgUnit())),
                        Matchers.andNoMore())));
    }

    @Test
    void a_declined_intervention_is_reassigned_and_its_limit_starts_again_for_the_new_agency() {
        LocalDate newDue = LocalDate.parse("2026-05-28");
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(upToApproval())
                .andGivenCommands(new ChangeInterventionStatus(CASE, null, LATER, "legal", InterventionStatus.DECLINED,
                        POLICE, null))
                .when(new ReassignIntervention(CASE, null, LATER, "legal", HEALTH, newDue))
                .expectEvents(
                        new DeadlineWithdrawn(CASE, LATER, "INTERVENTION_DUE-3", DeadlineRule.INTERVENTION_DUE,
                                "legal", "REASSIGNED"),
                        new InterventionReassigned(CASE, LATER, "legal", POLICE, HEALTH, newDue),
                        scheduled("INTERVENTION_DUE-6", DeadlineRule.INTERVENTION_DUE,
                                Instant.parse("2026-05-28T17:00:00Z"), HEALTH, "legal"));
    }

    @Test
    void the_new_agency_completing_after_the_due_date_fulfils_the_limit_late() {
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(upToApproval())
                .andGivenCommands(new ChangeInterventionStatus(CASE, null, LATER, "legal", InterventionStatus.DECLINED,
                                POLICE, null),
                        new ReassignIntervention(CASE, null, LATER, "legal", HEALTH, LocalDate.parse("2026-05-01")),
                        new ChangeInterventionStatus(CASE, null, LATER, "legal", InterventionStatus.ACCEPTED, HEALTH,
                                null))
                .andGiven(new DeadlineMissed(CASE, Instant.parse("2026-05-01T17:00:00Z"), "INTERVENTION_DUE-6",
                        DeadlineRule.INTERVENTION_DUE, Instant.parse("2026-05-01T17:00:00Z"), HEALTH, "legal"))
                .when(new ChangeInterventionStatus(CASE, null, Instant.parse("2026-05-02T00:00:00Z"), "legal",
                        InterventionStatus.COMPLETED, HEALTH, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.CoreMatchers.anything(),
                        Matchers.predicate((Object e) -> e instanceof DeadlineFulfilled f
                                && f.rule() == DeadlineRule.INTERVENTION_DUE && "legal".equals(f.interventionId())
                                && f.late()),
                        Matchers.andNoMore())));
    }

    @Test
    void an_intervention_is_not_reassigned_to_its_own_agency() {
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(upToApproval())
                .when(new ReassignIntervention(CASE, null, LATER, "legal", POLICE, null))
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(ProcedureRule.REASSIGN_SAME_AGENCY.explanation())
                .expectNoEvents();
    }

    @Test
    void a_completed_intervention_is_not_reassigned() {
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(upToApproval())
                .andGivenCommands(
                        new ChangeInterventionStatus(CASE, null, LATER, "legal", InterventionStatus.ACCEPTED, POLICE,
                                null),
                        new ChangeInterventionStatus(CASE, null, LATER, "legal", InterventionStatus.COMPLETED, POLICE,
                                null))
                .when(new ReassignIntervention(CASE, null, LATER, "legal", HEALTH, null))
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(ProcedureRule.REASSIGN_COMPLETED.explanation())
                .expectNoEvents();
    }

    @Test
    void after_an_accepted_transfer_a_missed_commune_limit_is_in_the_new_communes_name() {
        Instant due = REPORTED.plus(Duration.ofHours(12));
        fixture.givenCurrentTime(REPORTED)
                .andGivenCommands(report(), assessment(true),
                        new RequestTransfer(CASE, null, LATER, AN_HUNG, null),
                        new AcceptTransfer(CASE, null, LATER, AN_HUNG))
                .whenTimeAdvancesTo(due.plusSeconds(1))
                .expectEvents(new DeadlineMissed(CASE, due, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                        due, AN_HUNG, null));
    }
}
