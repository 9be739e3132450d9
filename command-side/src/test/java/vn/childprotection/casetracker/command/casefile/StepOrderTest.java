package vn.childprotection.casetracker.command.casefile;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.DeadlineMissCorrected;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.events.TransferWithdrawn;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.TemporaryRemoval;
import vn.childprotection.casetracker.values.TransferWithdrawalReason;

/**
 * A step may not be dated before the step it follows ({@link StepOrder}): each refused with 409's rule
 * {@code step-before-previous-step}, a detail naming both instants, and nothing written.
 */
class StepOrderTest {

    private static final String CASE = "case-12";
    private static final String COMMUNE = TestActors.COMMUNE;
    private static final String POLICE = "31-police";
    private static final String AN_THAI = "313-an-thai";
    /** Saturday 1 March 2025, 15:00 in Vietnam; each later step an hour after the one before. */
    private static final Instant REPORTED = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant ASSESSED = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant DETAILED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant DRAFTED = Instant.parse("2025-03-01T11:00:00Z");
    private static final Instant APPROVED = Instant.parse("2025-03-01T12:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-01T13:00:00Z");
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFileFixtures.timeLimits();
    }

    private static CaseReported reported() {
        return new CaseReported(CASE, "child-12", REPORTED, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.NEGLECT), AbuseSetting.FAMILY, Set.of(), Sex.MALE, 10,
                false, null, null, null, null, false, null, null);
    }

    private static Object[] upToApproval() {
        return new Object[] {reported(), new InitialAssessmentRecorded(CASE, ASSESSED, RiskLevel.HIGH, false, null),
                new DetailedAssessmentRecorded(CASE, DETAILED, RiskLevel.HIGH, null),
                new SupportPlanDrafted(CASE, DRAFTED, 1, List.of(new PlannedIntervention("legal",
                        InterventionMeasure.LEGAL_AID, POLICE, LocalDate.parse("2025-03-20"), null)), null),
                new SupportPlanApproved(CASE, APPROVED, 1)};
    }

    private static void refused(ResultValidator<CaseFile> result, Instant step, Instant previous) {
        result.expectException(ProcedureViolation.class)
                .expectExceptionMessage(allOf(containsString(step.toString()), containsString(previous.toString())))
                .expectNoEvents();
    }

    @Test
    void given_a_report_when_the_initial_assessment_is_dated_before_it_then_it_is_refused() {
        Instant early = REPORTED.minus(A_MINUTE);
        refused(fixture.given(reported())
                .when(new RecordInitialAssessment(CASE, null, early, RiskLevel.LOW, false, null)), early, REPORTED);
    }

    @Test
    void given_a_reopening_when_the_initial_assessment_is_dated_before_it_then_it_is_refused() {
        Instant reopened = LATER.plus(A_MINUTE);
        refused(fixture.given(reported(), new CaseClosed(CASE, LATER, "MOVED_AWAY", null),
                        new CaseReopened(CASE, reopened, null))
                .when(new RecordInitialAssessment(CASE, null, LATER, RiskLevel.LOW, false, null)), LATER, reopened);
    }

    @Test
    void given_an_initial_assessment_when_emergency_measures_are_dated_before_it_then_they_are_refused() {
        Instant early = ASSESSED.minus(A_MINUTE);
        refused(fixture.given(reported(), new InitialAssessmentRecorded(CASE, ASSESSED, RiskLevel.HIGH, true, null))
                .when(new TakeEmergencyMeasures(CASE, null, early, List.of(EmergencyMeasure.SAFE_PLACE), null,
                        null)), early, ASSESSED);
    }

    @Test
    void given_an_initial_assessment_when_the_detailed_assessment_is_dated_before_it_then_it_is_refused() {
        Instant early = ASSESSED.minus(A_MINUTE);
        refused(fixture.given(reported(), new InitialAssessmentRecorded(CASE, ASSESSED, RiskLevel.HIGH, false, null))
                .when(new RecordDetailedAssessment(CASE, null, early, RiskLevel.LOW, null)), early, ASSESSED);
    }

    @Test
    void given_a_detailed_assessment_when_the_plan_is_dated_before_it_then_it_is_refused() {
        Instant early = DETAILED.minus(A_MINUTE);
        refused(fixture.given(reported(), new InitialAssessmentRecorded(CASE, ASSESSED, RiskLevel.HIGH, false, null),
                        new DetailedAssessmentRecorded(CASE, DETAILED, RiskLevel.HIGH, null))
                .when(new DraftSupportPlan(CASE, null, early, List.of(new DraftSupportPlan.Intervention("legal",
                        InterventionMeasure.LEGAL_AID, POLICE, LocalDate.parse("2025-03-20"), null)), null)),
                early, DETAILED);
    }

    @Test
    void given_a_drafted_plan_when_the_approval_is_dated_before_it_then_it_is_refused() {
        Object[] upToDraft = List.of(upToApproval()).subList(0, 4).toArray();
        Instant early = DRAFTED.minus(A_MINUTE);
        refused(fixture.given(upToDraft).when(new ApproveSupportPlan(CASE, null, early, 1)), early, DRAFTED);
    }

    @Test
    void given_an_approval_when_a_review_is_dated_before_it_then_it_is_refused() {
        Instant early = APPROVED.minus(A_MINUTE);
        refused(fixture.given(upToApproval())
                .when(new ReviewCase(CASE, null, early, RiskLevel.LOW, ReviewOutcome.CONTINUE, null)), early,
                APPROVED);
    }

    @Test
    void given_steps_when_the_closure_is_dated_before_the_latest_of_them_then_it_is_refused() {
        Instant early = APPROVED.minus(A_MINUTE);
        refused(fixture.given(upToApproval()).when(new CloseCase(CASE, null, early, "MOVED_AWAY", null)), early,
                APPROVED);
    }

    @Test
    void given_a_closure_when_the_reopening_is_dated_before_it_then_it_is_refused() {
        Instant early = LATER.minus(A_MINUTE);
        refused(fixture.given(reported(), new CaseClosed(CASE, LATER, "MOVED_AWAY", null))
                .when(new ReopenCase(CASE, null, early, null)), early, LATER);
    }

    @Test
    void given_an_approval_when_an_intervention_changes_state_before_it_then_it_is_refused() {
        Instant early = APPROVED.minus(A_MINUTE);
        refused(fixture.given(upToApproval()).when(new ChangeInterventionStatus(CASE, null, early, "legal",
                InterventionStatus.ACCEPTED, POLICE, null)), early, APPROVED);
    }

    @Test
    void given_an_intervention_change_when_the_next_change_is_dated_before_it_then_it_is_refused() {
        refused(fixture.given(upToApproval())
                .andGiven(new InterventionStatusChanged(CASE, LATER, "legal", POLICE, InterventionStatus.ASSIGNED,
                        InterventionStatus.ACCEPTED, null))
                .when(new ChangeInterventionStatus(CASE, null, LATER.minus(A_MINUTE), "legal",
                        InterventionStatus.COMPLETED, POLICE, null)), LATER.minus(A_MINUTE), LATER);
    }

    @Test
    void given_an_approval_when_a_reassignment_is_dated_before_it_then_it_is_refused() {
        Instant early = APPROVED.minus(A_MINUTE);
        refused(fixture.given(upToApproval())
                .when(new ReassignIntervention(CASE, null, early, "legal", "313-health-centre", null)), early,
                APPROVED);
    }

    @Test
    void given_a_transfer_request_when_its_acceptance_is_dated_before_it_then_it_is_refused() {
        Instant early = LATER.minus(A_MINUTE);
        refused(fixture.given(reported(), new TransferRequested(CASE, LATER, COMMUNE, AN_THAI, null))
                .when(new AcceptTransfer(CASE, null, early, AN_THAI)), early, LATER);
    }

    @Test
    void given_a_transfer_request_when_its_decline_is_dated_before_it_then_it_is_refused() {
        Instant early = LATER.minus(A_MINUTE);
        refused(fixture.given(reported(), new TransferRequested(CASE, LATER, COMMUNE, AN_THAI, null))
                .when(new DeclineTransfer(CASE, null, early, AN_THAI, null)), early, LATER);
    }

    @Test
    void given_a_transfer_request_when_its_withdrawal_is_dated_before_it_then_it_is_refused() {
        Instant early = LATER.minus(A_MINUTE);
        refused(fixture.given(reported(), new TransferRequested(CASE, LATER, COMMUNE, AN_THAI, null))
                .when(new WithdrawTransfer(CASE, null, early, null)), early, LATER);
    }

    @Test
    void given_a_withdrawn_transfer_when_the_closure_is_dated_before_the_withdrawal_then_it_is_refused() {
        Instant withdrawn = LATER.plus(A_MINUTE);
        Instant between = LATER.plusSeconds(30);
        refused(fixture.given(reported(), new TransferRequested(CASE, LATER, COMMUNE, AN_THAI, null),
                        new TransferWithdrawn(CASE, withdrawn, COMMUNE, AN_THAI,
                                TransferWithdrawalReason.WITHDRAWN_BY_SENDER, null))
                .when(new CloseCase(CASE, null, between, "MOVED_AWAY", null)), between, withdrawn);
    }

    @Test
    void given_a_report_when_a_removal_starts_the_day_before_it_then_it_is_refused() {
        fixture.given(reported(), new InitialAssessmentRecorded(CASE, ASSESSED, RiskLevel.HIGH, true, null))
                .when(new TakeEmergencyMeasures(CASE, null, LATER, List.of(EmergencyMeasure.TEMPORARY_REMOVAL),
                        new TemporaryRemoval(LocalDate.parse("2025-02-28"), LocalDate.parse("2025-03-05")), null))
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(allOf(containsString("2025-02-28"), containsString("2025-03-01")))
                .expectNoEvents();
    }

    @Test
    void given_a_step_when_the_next_is_dated_at_the_same_instant_then_it_is_recorded() {
        fixture.given(reported())
                .when(new RecordInitialAssessment(CASE, null, REPORTED, RiskLevel.LOW, false, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InitialAssessmentRecorded(CASE, REPORTED, RiskLevel.LOW, false, null));
    }

    @Test
    void given_a_missed_limit_when_the_case_is_closed_on_a_date_before_it_was_due_then_the_miss_is_corrected() {
        Instant due = REPORTED.plus(Duration.ofHours(12));
        fixture.given(reported(), new InitialAssessmentRecorded(CASE, ASSESSED, RiskLevel.HIGH, true, null),
                        new DeadlineScheduled(CASE, ASSESSED, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                                due, COMMUNE, null, "schedule-1"),
                        new DeadlineMissed(CASE, due, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES, due,
                                COMMUNE, null))
                .when(new CloseCase(CASE, null, LATER, "MOVED_AWAY", null))
                .expectEvents(new DeadlineMissCorrected(CASE, LATER, "EMERGENCY_MEASURES-1",
                                DeadlineRule.EMERGENCY_MEASURES, null, due),
                        new DeadlineWithdrawn(CASE, LATER, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                                null, "CASE_CLOSED"),
                        new CaseClosed(CASE, LATER, "MOVED_AWAY", null));
    }
}
