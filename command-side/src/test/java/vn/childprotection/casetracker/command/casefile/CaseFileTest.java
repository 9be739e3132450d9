package vn.childprotection.casetracker.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.command.deadlines.DeadlinePolicy;
import vn.childprotection.casetracker.command.deadlines.ShippedCalendar;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * Every step of the procedure and every refusal, given-when-then. Sealing is replaced by a visible marker so the
 * expected events can be written out in full.
 */
class CaseFileTest {

    private static final String CASE = "case-1";
    private static final String CHILD = "child-1";
    private static final String COMMUNE = "313-tt-an-lao";
    private static final String POLICE = "31-police";
    private static final String HEALTH = "313-health-centre";
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2025-03-20");

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource((PersonalDataProtector) (childId, text) ->
                text == null ? null : sealed(text.value()));
        fixture.registerInjectableResource(new ProcedureSettings(15, List.of("NO_FURTHER_RISK", "MOVED_AWAY"),
                "NO_FURTHER_RISK", List.of("PURPOSE_FULFILLED")));
        fixture.registerCommandDispatchInterceptor(TestActors.usual());
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(FakeKnownChildren.none());
        fixture.registerInjectableResource(ShippedOrgUnits.get());
        fixture.registerIgnoredField(DeadlineScheduled.class, "scheduleId");
    }

    /**
     * 12 hours, 5 and 2 working days, 30 days between reviews; the shipped calendar (2023-2027: Hung Kings' day in
     * lieu, Reunification Day and Labour Day 2026 off, no day off in March 2025).
     */
    static final DeadlinePolicy POLICY = new DeadlinePolicy(Duration.ofHours(12), 5, 2, Period.ofDays(30),
            ShippedCalendar.get(), ZoneId.of("Asia/Ho_Chi_Minh"));

    private static DeadlineScheduled deadline(String id, DeadlineRule rule, Instant dueAt, String responsible,
                                              String interventionId) {
        return new DeadlineScheduled(CASE, T1, id, rule, dueAt, responsible, interventionId, null);
    }

    private static EncryptedText sealed(String text) {
        return new EncryptedText(CHILD, "sealed:" + text);
    }

    private static CaseReported reported() {
        return new CaseReported(CASE, CHILD, T0, COMMUNE, COMMUNE, CaseCategory.ABUSED, ReportChannel.HOTLINE_111,
                Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.FEMALE, 9, true, "Kinh",
                sealed("Nguyễn Thị Thử"), null, sealed("Thôn 1"), false, null, sealed("bị đánh"));
    }

    private static InitialAssessmentRecorded assessed() {
        return new InitialAssessmentRecorded(CASE, T1, RiskLevel.HIGH, true, null);
    }

    private static DetailedAssessmentRecorded detailed() {
        return new DetailedAssessmentRecorded(CASE, T1, RiskLevel.MEDIUM, null);
    }

    private static SupportPlanDrafted drafted(int version) {
        return new SupportPlanDrafted(CASE, T1, version, List.of(
                new PlannedIntervention("iv-1", InterventionMeasure.LEGAL_AID, POLICE, DUE, null),
                new PlannedIntervention("iv-2", InterventionMeasure.PSYCHOLOGICAL_THERAPY, HEALTH, DUE, null)),
                null);
    }

    private static SupportPlanApproved approved(int version) {
        return new SupportPlanApproved(CASE, T1, version);
    }

    /** 5 working days after Saturday 1 March 2025: Monday 3 to Friday 7, due when the 7th ends in Vietnam. */
    private static final DeadlineScheduled PLAN_DRAFTING_DUE = deadline("PLAN_DRAFTING-1",
            DeadlineRule.PLAN_DRAFTING, Instant.parse("2025-03-07T17:00:00Z"), COMMUNE, null);
    /** 2 working days after Saturday 1 March 2025: due when Tuesday 4 March ends. */
    private static final DeadlineScheduled PLAN_APPROVAL_DUE = deadline("PLAN_APPROVAL-1",
            DeadlineRule.PLAN_APPROVAL, Instant.parse("2025-03-04T17:00:00Z"), COMMUNE, null);

    private static Object[] upToApproval() {
        return new Object[] {reported(), assessed(), detailed(), drafted(1), approved(1)};
    }

    @Nested
    class Report {

        @Test
        void a_report_opens_a_case_with_personal_data_sealed() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(CASE, CHILD, T0, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                            ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(),
                            Sex.FEMALE, 9, true, "Kinh", PersonalText.of("Nguyễn Thị Thử"), null,
                            PersonalText.of("Thôn 1"), false, null, PersonalText.of("bị đánh")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reported());
        }

        @Test
        void the_reporter_identity_is_dropped_without_consent() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(CASE, CHILD, T0, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                            ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(),
                            Sex.FEMALE, 9, true, "Kinh", PersonalText.of("Nguyễn Thị Thử"), null,
                            PersonalText.of("Thôn 1"), false, PersonalText.of("Người báo"), PersonalText.of("bị đánh")))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.axonframework.test.matchers.Matchers.predicate(
                                            e -> ((CaseReported) e).reporterIdentity() == null),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        @Test
        void the_reporter_identity_is_kept_with_consent() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(CASE, CHILD, T0, COMMUNE, COMMUNE, CaseCategory.AT_RISK,
                            ReportChannel.POLICE, Set.of(), null, Set.of(), Sex.MALE, 4, false, null, null, null,
                            null, true, PersonalText.of("Người báo"), null))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.axonframework.test.matchers.Matchers.predicate(
                                            e -> sealed("Người báo").equals(((CaseReported) e).reporterIdentity())),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }
    }

    @Nested
    class InitialAssessment {

        @Test
        void is_recorded_after_the_report_and_answers_the_new_version() {
            fixture.given(reported())
                    .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.HIGH, true, null))
                    .expectEvents(assessed(), deadline("EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                            T0.plus(Duration.ofHours(12)), COMMUNE, null))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void is_made_only_once() {
            fixture.given(reported(), assessed())
                    .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.LOW, false, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.INITIAL_ASSESSMENT_ONCE.explanation())
                    .expectNoEvents();
        }

        @Test
        void is_made_again_after_a_reopening() {
            fixture.given(reported(), assessed(), new CaseClosed(CASE, T1, "MOVED_AWAY", null),
                            new CaseReopened(CASE, T1, sealed("again")))
                    .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.HIGH, true, null))
                    .expectEvents(assessed(), deadline("EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES,
                            T1.plus(Duration.ofHours(12)), COMMUNE, null))
                    .expectResultMessagePayload(6L);
        }
    }

    @Nested
    class EmergencyMeasures {

        private final TemporaryRemoval fifteenDays = new TemporaryRemoval(LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-16"));

        @Test
        void are_taken_after_the_initial_assessment_with_a_removal_of_at_most_15_days() {
            fixture.given(reported(), assessed())
                    .when(new TakeEmergencyMeasures(CASE, null, T1, List.of(EmergencyMeasure.TEMPORARY_REMOVAL),
                            fifteenDays, PersonalText.of("ở nhà bà")))
                    .expectEvents(new EmergencyMeasuresTaken(CASE, T1, List.of(EmergencyMeasure.TEMPORARY_REMOVAL),
                            fifteenDays, sealed("ở nhà bà")), deadline("TEMPORARY_REMOVAL_END-1",
                            DeadlineRule.TEMPORARY_REMOVAL_END, Instant.parse("2025-03-16T17:00:00Z"), COMMUNE, null));
        }

        @Test
        void need_the_initial_assessment_first() {
            fixture.given(reported())
                    .when(new TakeEmergencyMeasures(CASE, null, T1, List.of(EmergencyMeasure.MEDICAL_EMERGENCY),
                            null, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.INITIAL_ASSESSMENT_REQUIRED.explanation())
                    .expectNoEvents();
        }

        @Test
        void refuse_a_removal_longer_than_allowed() {
            fixture.given(reported(), assessed())
                    .when(new TakeEmergencyMeasures(CASE, null, T1, List.of(EmergencyMeasure.TEMPORARY_REMOVAL),
                            new TemporaryRemoval(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-17")),
                            null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage("A temporary removal (tạm thời cách ly) lasts at most 15 days "
                            + "(Art 32); this one lasts 16.")
                    .expectNoEvents();
        }

        @Test
        void refuse_a_removal_that_ends_before_it_starts() {
            fixture.given(reported(), assessed())
                    .when(new TakeEmergencyMeasures(CASE, null, T1, List.of(EmergencyMeasure.TEMPORARY_REMOVAL),
                            new TemporaryRemoval(LocalDate.parse("2025-03-05"), LocalDate.parse("2025-03-04")),
                            null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.REMOVAL_ENDS_BEFORE_START.explanation())
                    .expectNoEvents();
        }
    }

    @Nested
    class DetailedAssessment {

        @Test
        void follows_the_initial_assessment() {
            fixture.given(reported(), assessed())
                    .when(new RecordDetailedAssessment(CASE, null, T1, RiskLevel.MEDIUM, null))
                    .expectEvents(detailed(), PLAN_DRAFTING_DUE);
        }

        @Test
        void needs_the_initial_assessment() {
            fixture.given(reported())
                    .when(new RecordDetailedAssessment(CASE, null, T1, RiskLevel.MEDIUM, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.INITIAL_ASSESSMENT_REQUIRED.explanation())
                    .expectNoEvents();
        }

        @Test
        void is_not_recorded_once_a_plan_is_drafted() {
            fixture.given(reported(), assessed(), detailed(), drafted(1))
                    .when(new RecordDetailedAssessment(CASE, null, T1, RiskLevel.MEDIUM, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.DETAILED_ASSESSMENT_ORDER.explanation())
                    .expectNoEvents();
        }
    }

    @Nested
    class Plan {

        private DraftSupportPlan draft() {
            return new DraftSupportPlan(CASE, null, T1, List.of(
                    new DraftSupportPlan.Intervention("iv-1", InterventionMeasure.LEGAL_AID, POLICE, DUE, null),
                    new DraftSupportPlan.Intervention("iv-2", InterventionMeasure.PSYCHOLOGICAL_THERAPY, HEALTH,
                            DUE, null)), null);
        }

        @Test
        void is_drafted_after_the_detailed_assessment() {
            fixture.given(reported(), assessed(), detailed())
                    .when(draft())
                    .expectEvents(drafted(1), PLAN_APPROVAL_DUE);
        }

        @Test
        void is_redrafted_as_a_new_version() {
            fixture.given(reported(), assessed(), detailed(), drafted(1))
                    .when(draft())
                    .expectEvents(drafted(2), PLAN_APPROVAL_DUE);
        }

        @Test
        void cannot_be_drafted_before_the_detailed_assessment() {
            fixture.given(reported(), assessed())
                    .when(draft())
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.PLAN_NEEDS_DETAILED_ASSESSMENT.explanation())
                    .expectNoEvents();
        }

        @Test
        void an_approved_plan_is_redrafted_only_after_a_review_decides_to_replan() {
            fixture.given(upToApproval())
                    .when(draft())
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.REPLAN_NEEDS_REVIEW.explanation())
                    .expectNoEvents();
        }

        @Test
        void a_review_that_decides_to_replan_allows_a_new_version() {
            fixture.given(upToApproval())
                    .andGiven(new CaseReviewed(CASE, T1, RiskLevel.MEDIUM, ReviewOutcome.REPLAN, null))
                    .when(draft())
                    .expectEvents(drafted(2), PLAN_APPROVAL_DUE);
        }

        @Test
        void is_approved_in_its_latest_version() {
            fixture.given(reported(), assessed(), detailed(), drafted(1), drafted(2))
                    .when(new ApproveSupportPlan(CASE, null, T1, 2))
                    .expectEvents(approved(2),
                            deadline("INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE,
                                    Instant.parse("2025-03-20T17:00:00Z"), POLICE, "iv-1"),
                            deadline("INTERVENTION_DUE-2", DeadlineRule.INTERVENTION_DUE,
                                    Instant.parse("2025-03-20T17:00:00Z"), HEALTH, "iv-2"),
                            deadline("CASE_REVIEW-3", DeadlineRule.CASE_REVIEW,
                                    Instant.parse("2025-03-31T17:00:00Z"), COMMUNE, null))
                    .expectResultMessagePayload(9L);
        }

        @Test
        void plan_cannot_be_approved_before_it_is_drafted() {
            fixture.given(reported(), assessed(), detailed())
                    .when(new ApproveSupportPlan(CASE, null, T1, 1))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.APPROVAL_NEEDS_DRAFT.explanation())
                    .expectNoEvents();
        }

        @Test
        void an_older_version_cannot_be_approved() {
            fixture.given(reported(), assessed(), detailed(), drafted(1), drafted(2))
                    .when(new ApproveSupportPlan(CASE, null, T1, 1))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage("Version 1 cannot be approved; the latest drafted version is 2.")
                    .expectNoEvents();
        }

        @Test
        void an_approved_plan_is_not_approved_twice() {
            fixture.given(upToApproval())
                    .when(new ApproveSupportPlan(CASE, null, T1, 1))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.APPROVAL_NEEDS_DRAFT.explanation())
                    .expectNoEvents();
        }
    }

    @Nested
    class Interventions {

        @Test
        void the_assigned_agency_accepts_then_completes() {
            fixture.given(upToApproval())
                    .andGiven(new InterventionStatusChanged(CASE, T1, "iv-1", POLICE, InterventionStatus.ASSIGNED,
                            InterventionStatus.ACCEPTED, null))
                    .when(new ChangeInterventionStatus(CASE, null, T1, "iv-1", InterventionStatus.COMPLETED, POLICE,
                            PersonalText.of("xong")))
                    .expectEvents(new InterventionStatusChanged(CASE, T1, "iv-1", POLICE,
                            InterventionStatus.ACCEPTED, InterventionStatus.COMPLETED, sealed("xong")));
        }

        @Test
        void another_agency_cannot_change_it() {
            fixture.given(upToApproval())
                    .when(new ChangeInterventionStatus(CASE, null, T1, "iv-1", InterventionStatus.ACCEPTED, HEALTH,
                            null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage("Intervention iv-1 is not assigned to your org unit.")
                    .expectNoEvents();
        }

        @Test
        void an_agency_only_named_in_a_draft_is_outside_the_case_and_refused_before_any_rule() {
            fixture.given(reported(), assessed(), detailed(), drafted(1))
                    .when(new ChangeInterventionStatus(CASE, null, T1, "iv-1", InterventionStatus.ACCEPTED, POLICE,
                            null))
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }

        @Test
        void need_an_approved_plan() {
            fixture.given(reported(), assessed(), detailed(), drafted(1))
                    .when(new ChangeInterventionStatus(CASE, null, T1, "iv-1", InterventionStatus.ACCEPTED, COMMUNE,
                            null), TestActors.actor("worker", COMMUNE, "COMMUNE_WORKER"))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.INTERVENTIONS_NEED_APPROVED_PLAN.explanation())
                    .expectNoEvents();
        }

        @Test
        void an_unknown_intervention_is_not_found() {
            fixture.given(upToApproval())
                    .when(new ChangeInterventionStatus(CASE, null, T1, "iv-9", InterventionStatus.ACCEPTED, POLICE,
                            null))
                    .expectException(UnknownInterventionException.class)
                    .expectNoEvents();
        }

        @Test
        void a_declined_intervention_cannot_be_completed() {
            fixture.given(upToApproval())
                    .andGiven(new InterventionStatusChanged(CASE, T1, "iv-1", POLICE, InterventionStatus.ASSIGNED,
                            InterventionStatus.DECLINED, null))
                    .when(new ChangeInterventionStatus(CASE, null, T1, "iv-1", InterventionStatus.COMPLETED, POLICE,
                            null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage("An intervention that is DECLINED cannot become COMPLETED; allowed: [].")
                    .expectNoEvents();
        }
    }

    @Nested
    class ReviewAndClosure {

        @Test
        void a_review_is_made_on_an_approved_plan() {
            fixture.given(upToApproval())
                    .when(new ReviewCase(CASE, null, T1, RiskLevel.LOW, ReviewOutcome.PROPOSE_CLOSURE, null))
                    .expectEvents(new CaseReviewed(CASE, T1, RiskLevel.LOW, ReviewOutcome.PROPOSE_CLOSURE, null),
                            deadline("CASE_REVIEW-1", DeadlineRule.CASE_REVIEW,
                                    Instant.parse("2025-03-31T17:00:00Z"), COMMUNE, null));
        }

        @Test
        void a_review_needs_an_approved_plan() {
            fixture.given(reported(), assessed(), detailed(), drafted(1))
                    .when(new ReviewCase(CASE, null, T1, RiskLevel.LOW, ReviewOutcome.CONTINUE, null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.REVIEW_NEEDS_APPROVED_PLAN.explanation())
                    .expectNoEvents();
        }

        @Test
        void closing_for_no_further_risk_follows_a_review_that_proposed_it() {
            fixture.given(upToApproval())
                    .andGiven(new CaseReviewed(CASE, T1, RiskLevel.LOW, ReviewOutcome.PROPOSE_CLOSURE, null))
                    .when(new CloseCase(CASE, null, T1, "NO_FURTHER_RISK", null))
                    .expectEvents(new CaseClosed(CASE, T1, "NO_FURTHER_RISK", null));
        }

        @Test
        void closing_for_no_further_risk_without_a_proposal_is_refused() {
            fixture.given(upToApproval())
                    .andGiven(new CaseReviewed(CASE, T1, RiskLevel.LOW, ReviewOutcome.CONTINUE, null))
                    .when(new CloseCase(CASE, null, T1, "NO_FURTHER_RISK", null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.CLOSURE_NEEDS_PROPOSAL.explanation())
                    .expectNoEvents();
        }

        @Test
        void other_closing_reasons_need_no_review() {
            fixture.given(reported())
                    .when(new CloseCase(CASE, null, T1, "MOVED_AWAY", PersonalText.of("chuyển đi")))
                    .expectEvents(new CaseClosed(CASE, T1, "MOVED_AWAY", sealed("chuyển đi")));
        }
    }

    @Nested
    class ClosedCase {

        private Object[] closed() {
            return new Object[] {reported(), assessed(), new CaseClosed(CASE, T1, "MOVED_AWAY", null)};
        }

        @Test
        void nothing_but_reopening_is_allowed_on_a_closed_case() {
            List<Object> commands = List.of(
                    new RecordDetailedAssessment(CASE, null, T1, RiskLevel.LOW, null),
                    new TakeEmergencyMeasures(CASE, null, T1, List.of(EmergencyMeasure.OTHER), null, null),
                    new ReviewCase(CASE, null, T1, RiskLevel.LOW, ReviewOutcome.CONTINUE, null),
                    new CloseCase(CASE, null, T1, "MOVED_AWAY", null),
                    new RequestTransfer(CASE, null, T1, "313-an-thai", null),
                    new ApproveSupportPlan(CASE, null, T1, 1),
                    new RecordInitialAssessment(CASE, null, T1, RiskLevel.LOW, false, null));
            for (Object command : commands) {
                fixture.given(closed())
                        .when(command)
                        .expectException(ProcedureViolation.class)
                        .expectExceptionMessage(ProcedureRule.CASE_CLOSED.explanation())
                        .expectNoEvents();
            }
            assertThat(commands).hasSize(7);
        }

        @Test
        void a_closed_case_is_reopened() {
            fixture.given(closed())
                    .when(new ReopenCase(CASE, null, T1, PersonalText.of("báo lại")))
                    .expectEvents(new CaseReopened(CASE, T1, sealed("báo lại")));
        }

        @Test
        void an_open_case_cannot_be_reopened() {
            fixture.given(reported())
                    .when(new ReopenCase(CASE, null, T1, PersonalText.of("báo lại")))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.REOPEN_ONLY_CLOSED.explanation())
                    .expectNoEvents();
        }
    }

    @Nested
    class Transfer {

        private static final String AN_THAI = "313-an-thai";

        @Test
        void is_requested_and_the_case_stays_until_accepted() {
            fixture.given(reported())
                    .when(new RequestTransfer(CASE, null, T1, AN_THAI, PersonalText.of("chuyển nhà")))
                    .expectEvents(new TransferRequested(CASE, T1, COMMUNE, AN_THAI, sealed("chuyển nhà")));
        }

        @Test
        void the_receiving_commune_accepts_and_runs_the_case() {
            fixture.given(reported(), new TransferRequested(CASE, T1, COMMUNE, AN_THAI, sealed("chuyển nhà")))
                    .when(new AcceptTransfer(CASE, null, T1, AN_THAI))
                    .expectEvents(new CaseTransferred(CASE, T1, COMMUNE, AN_THAI, sealed("chuyển nhà")));
        }

        @Test
        void the_receiving_commune_declines_and_the_case_stays() {
            fixture.given(reported(), new TransferRequested(CASE, T1, COMMUNE, AN_THAI, null))
                    .when(new DeclineTransfer(CASE, null, T1, AN_THAI, PersonalText.of("không cư trú")))
                    .expectEvents(new TransferDeclined(CASE, T1, COMMUNE, AN_THAI, sealed("không cư trú")));
        }

        @Test
        void a_third_commune_is_refused_before_any_rule_so_it_learns_nothing_of_the_transfer() {
            fixture.given(reported(), new TransferRequested(CASE, T1, COMMUNE, AN_THAI, null))
                    .when(new AcceptTransfer(CASE, null, T1, "313-an-tho"))
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }

        @Test
        void only_the_receiving_commune_decides() {
            fixture.given(reported(), new TransferRequested(CASE, T1, COMMUNE, AN_THAI, null))
                    .when(new AcceptTransfer(CASE, null, T1, COMMUNE))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.NOT_RECEIVING_COMMUNE.explanation())
                    .expectNoEvents();
        }

        @Test
        void once_declined_the_other_commune_is_outside_the_case_again() {
            fixture.given(reported(), new TransferRequested(CASE, T1, COMMUNE, AN_THAI, null),
                            new TransferDeclined(CASE, T1, COMMUNE, AN_THAI, null))
                    .when(new AcceptTransfer(CASE, null, T1, AN_THAI))
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }

        @Test
        void nothing_to_decide_without_a_request() {
            fixture.given(reported())
                    .when(new AcceptTransfer(CASE, null, T1, COMMUNE))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.NO_PENDING_TRANSFER.explanation())
                    .expectNoEvents();
        }

        @Test
        void one_request_at_a_time() {
            fixture.given(reported(), new TransferRequested(CASE, T1, COMMUNE, AN_THAI, null))
                    .when(new RequestTransfer(CASE, null, T1, "313-an-tho", null))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.TRANSFER_PENDING.explanation())
                    .expectNoEvents();
        }

        @Test
        void refuses_the_commune_it_is_already_with() {
            fixture.given(reported(), new TransferRequested(CASE, T1, COMMUNE, AN_THAI, null),
                            new CaseTransferred(CASE, T1, COMMUNE, AN_THAI, null))
                    .when(new RequestTransfer(CASE, null, T1, AN_THAI, null),
                            TestActors.actor("chair.anthai", AN_THAI, "COMMUNE_CHAIR"))
                    .expectException(ProcedureViolation.class)
                    .expectExceptionMessage(ProcedureRule.TRANSFER_SAME_COMMUNE.explanation())
                    .expectNoEvents();
        }
    }

    @Nested
    class Versions {

        @Test
        void a_write_conditional_on_an_old_version_is_refused() {
            fixture.given(reported(), assessed())
                    .when(new RecordDetailedAssessment(CASE, 0L, T1, RiskLevel.MEDIUM, null))
                    .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void a_write_conditional_on_the_current_version_succeeds() {
            fixture.given(reported(), assessed())
                    .when(new RecordDetailedAssessment(CASE, 1L, T1, RiskLevel.MEDIUM, null))
                    .expectEvents(detailed(), PLAN_DRAFTING_DUE)
                    .expectResultMessagePayload(4L);
        }
    }
}
