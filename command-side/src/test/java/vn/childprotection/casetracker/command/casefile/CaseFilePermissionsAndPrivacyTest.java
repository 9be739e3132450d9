package vn.childprotection.casetracker.command.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * Who may take which step (need-to-know), consent to disclosure, and erasure of the child's identity.
 */
class CaseFilePermissionsAndPrivacyTest {

    private static final String CASE = "case-9";
    private static final String CHILD = "child-9";
    private static final String COMMUNE = TestActors.COMMUNE;
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant T1 = Instant.parse("2025-03-02T08:00:00Z");
    private static final Map<String, Object> WORKER = TestActors.actor("worker", COMMUNE, "COMMUNE_WORKER");
    private static final Map<String, Object> CHAIR = TestActors.actor("chair", COMMUNE, "COMMUNE_CHAIR");
    private static final Map<String, Object> OTHER_CHAIR = TestActors.actor("chair2", "313-an-thai",
            "COMMUNE_CHAIR");
    private static final Map<String, Object> POLICE = TestActors.actor("police", "31-police", "AGENCY_STAFF");
    private static final Map<String, Object> COORDINATOR = TestActors.actor("coord", "313-labour-office",
            "COORDINATOR");
    private static final Map<String, Object> AUDITOR = TestActors.actor("auditor", "313", "AUDITOR");
    private static final Map<String, Object> DASHBOARD = TestActors.actor("dash", "313", "DASHBOARD");

    private FixtureConfiguration<CaseFile> fixture;
    private final java.util.List<String> shredded = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource((PersonalDataProtector) (childId, text) ->
                text == null ? null : new EncryptedText(childId, "sealed:" + text.value()));
        fixture.registerInjectableResource(new ProcedureSettings(15, List.of("NO_FURTHER_RISK", "MOVED_AWAY"),
                "NO_FURTHER_RISK", List.of("PURPOSE_FULFILLED")));
        fixture.registerInjectableResource(CaseFileTest.POLICY);
        fixture.registerInjectableResource(FakeKnownChildren.none());
        fixture.registerInjectableResource(ShippedOrgUnits.get());
        fixture.registerInjectableResource((ChildKeyShredder) shredded::add);
        fixture.registerCommandDispatchInterceptor(TestActors.usual());
    }

    private static CaseReported reported(int age) {
        return new CaseReported(CASE, CHILD, T0, COMMUNE, COMMUNE, CaseCategory.ABUSED, ReportChannel.HOTLINE_111,
                Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.FEMALE, age, true, null,
                new EncryptedText(CHILD, "sealed:name"), null, null, false, null, null);
    }

    private static Object[] drafted() {
        return new Object[] {reported(9), new InitialAssessmentRecorded(CASE, T0, RiskLevel.HIGH, false, null),
                new DetailedAssessmentRecorded(CASE, T0, RiskLevel.MEDIUM, null),
                new SupportPlanDrafted(CASE, T0, 1, List.of(new PlannedIntervention("legal",
                        InterventionMeasure.LEGAL_AID, "31-police", LocalDate.parse("2025-03-20"), null)), null)};
    }

    @Test
    void a_commune_worker_assesses_a_case_of_their_commune() {
        fixture.given(reported(9))
                .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.LOW, false, null), WORKER)
                .expectEvents(new InitialAssessmentRecorded(CASE, T1, RiskLevel.LOW, false, null));
    }

    @Test
    void staff_of_another_commune_cannot_work_on_the_case() {
        fixture.given(reported(9))
                .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.LOW, false, null), OTHER_CHAIR)
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void agencies_auditors_and_dashboards_do_not_take_commune_steps() {
        for (Map<String, Object> actor : List.of(POLICE, AUDITOR, DASHBOARD, COORDINATOR)) {
            fixture.given(reported(9))
                    .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.LOW, false, null), actor)
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }
    }

    @Test
    void only_the_chair_approves_the_plan() {
        fixture.given(drafted())
                .when(new ApproveSupportPlan(CASE, null, T1, 1), WORKER)
                .expectException(AccessRefused.class)
                .expectExceptionMessage("Only the chair of the commune running the case (Chủ tịch UBND cấp xã) "
                        + "may decide this.")
                .expectNoEvents();
    }

    @Test
    void only_the_chair_decides_a_temporary_removal_but_a_worker_takes_other_emergency_measures() {
        fixture.given(reported(9), new InitialAssessmentRecorded(CASE, T0, RiskLevel.HIGH, true, null))
                .when(new TakeEmergencyMeasures(CASE, null, T1, List.of(EmergencyMeasure.TEMPORARY_REMOVAL),
                        new TemporaryRemoval(LocalDate.parse("2025-03-02"), LocalDate.parse("2025-03-10")), null),
                        WORKER)
                .expectException(AccessRefused.class)
                .expectNoEvents();
        fixture.given(reported(9), new InitialAssessmentRecorded(CASE, T0, RiskLevel.HIGH, true, null))
                .when(new TakeEmergencyMeasures(CASE, null, T1, List.of(EmergencyMeasure.MEDICAL_EMERGENCY), null,
                        null), WORKER)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void only_the_chair_closes_the_case() {
        fixture.given(reported(9))
                .when(new CloseCase(CASE, null, T1, "MOVED_AWAY", null), WORKER)
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void only_the_coordinator_reassigns() {
        fixture.given(drafted())
                .andGiven(new SupportPlanApproved(CASE, T0, 1))
                .when(new ReassignIntervention(CASE, null, T1, "legal", "313-health-centre", null), CHAIR)
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void the_coordinator_does_not_report_on_an_agencys_intervention() {
        fixture.given(drafted())
                .andGiven(new SupportPlanApproved(CASE, T0, 1))
                .when(new ChangeInterventionStatus(CASE, null, T1, "legal", InterventionStatus.ACCEPTED,
                        "313-labour-office", null), COORDINATOR)
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void consent_of_the_guardian_and_of_a_child_of_7_or_more_is_recorded() {
        fixture.given(reported(9))
                .when(new RecordDisclosureConsent(CASE, null, T1, ConsentParty.CHILD, ConsentStatus.GIVEN), WORKER)
                .expectEvents(new DisclosureConsentRecorded(CASE, T1, ConsentParty.CHILD, ConsentStatus.GIVEN));
    }

    @Test
    void a_child_under_7_gives_no_consent_of_their_own() {
        fixture.given(reported(6))
                .when(new RecordDisclosureConsent(CASE, null, T1, ConsentParty.CHILD, ConsentStatus.GIVEN), WORKER)
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(ProcedureRule.CHILD_CONSENT_FROM_7.explanation())
                .expectNoEvents();
    }

    @Test
    void erasure_records_why_and_deletes_the_childs_key_even_on_a_closed_case() {
        fixture.given(reported(9), new CaseClosed(CASE, T0, "MOVED_AWAY", null))
                .when(new EraseChildIdentity(CASE, null, T1, "PURPOSE_FULFILLED", "QĐ 12/2026"), COORDINATOR)
                .expectEvents(new ChildIdentityErased(CASE, T1, CHILD, "PURPOSE_FULFILLED", "QĐ 12/2026"))
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(shredded).containsExactly(CHILD));
    }

    @Test
    void erasure_is_not_for_a_worker_nor_for_another_communes_chair() {
        for (Map<String, Object> actor : List.of(WORKER, OTHER_CHAIR, AUDITOR)) {
            fixture.given(reported(9))
                    .when(new EraseChildIdentity(CASE, null, T1, "PURPOSE_FULFILLED", "QĐ 12/2026"), actor)
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }
        org.assertj.core.api.Assertions.assertThat(shredded).isEmpty();
    }

    @Test
    void after_erasure_no_personal_data_is_recorded_but_the_work_goes_on() {
        fixture.given(reported(9), new ChildIdentityErased(CASE, T0, CHILD, "PURPOSE_FULFILLED", "QĐ 12/2026"))
                .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.LOW, false, PersonalText.of("ghi chú")),
                        WORKER)
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(ProcedureRule.IDENTITY_ERASED.explanation())
                .expectNoEvents();
        fixture.given(reported(9), new ChildIdentityErased(CASE, T0, CHILD, "PURPOSE_FULFILLED", "QĐ 12/2026"))
                .when(new RecordInitialAssessment(CASE, null, T1, RiskLevel.LOW, false, null), WORKER)
                .expectEvents(new InitialAssessmentRecorded(CASE, T1, RiskLevel.LOW, false, null));
    }

    @Test
    void an_identity_is_erased_once() {
        fixture.given(reported(9), new ChildIdentityErased(CASE, T0, CHILD, "PURPOSE_FULFILLED", "QĐ 12/2026"))
                .when(new EraseChildIdentity(CASE, null, T1, "PURPOSE_FULFILLED", "QĐ 13/2026"), COORDINATOR)
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(ProcedureRule.IDENTITY_ALREADY_ERASED.explanation())
                .expectNoEvents();
    }
}
