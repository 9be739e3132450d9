package vn.childprotection.casetracker.command.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.events.CaseCarriedOver;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.platform.orgunits.OrgUnitNotValid;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;

/**
 * A case open across the 2025 reform (Nghị quyết 1669/NQ-UBTVQH15): a step dated after its commune ceased moves it to
 * the whole successor first, by a recorded {@link CaseCarriedOver}; a case of a split commune waits for a person's
 * choice; a closed case stays where it was.
 */
class CaseFileCarryOverTest {

    private static final String CASE = "case-reform";
    private static final String CHILD = "child-reform";
    private static final String TT_AN_LAO = "313-tt-an-lao";
    private static final String THAI_SON = "313-thai-son";
    private static final String XA_AN_LAO = "31-xa-an-lao";
    private static final String AN_KHANH = "31-xa-an-khanh";
    private static final String BASIS_AN_LAO = "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 46; Điều 2 khoản 2";
    private static final String BASIS_AN_KHANH = "Nghị quyết 1669/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 49; Điều 2 "
            + "khoản 2";
    private static final Instant REPORTED = Instant.parse("2025-03-01T08:00:00Z");
    private static final Instant ASSESSED = Instant.parse("2025-03-01T10:00:00Z");
    /** 00:00 on 1 July 2025 in Vietnam. */
    private static final Instant FIRST_DAY = Instant.parse("2025-06-30T17:00:00Z");
    /** Monday 2 March 2026, 09:00 in Vietnam. */
    private static final Instant STEP_2026 = Instant.parse("2026-03-02T02:00:00Z");

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFileFixtures.timeLimits();
    }

    private static CaseReported reportedIn(String commune) {
        return new CaseReported(CASE, CHILD, REPORTED, commune, commune, CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.MALE, 8,
                true, null, null, null, null, false, null, null);
    }

    private static InitialAssessmentRecorded assessed() {
        return new InitialAssessmentRecorded(CASE, ASSESSED, RiskLevel.HIGH, false, null);
    }

    private static Map<String, Object> chairOf(String commune) {
        return TestActors.actor("chair", commune, "COMMUNE_CHAIR");
    }

    private static Map<String, Object> coordinator() {
        return TestActors.actor("coordinator", "31-health-department", "COORDINATOR");
    }

    @Test
    void a_step_after_the_commune_ceased_first_carries_the_case_to_its_whole_successor_whose_name_the_new_limit_bears() {
        fixture.given(reportedIn(TT_AN_LAO), assessed())
                .when(new RecordDetailedAssessment(CASE, null, STEP_2026, RiskLevel.MEDIUM, null), chairOf(XA_AN_LAO))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseCarriedOver(CASE, FIRST_DAY, TT_AN_LAO, XA_AN_LAO, BASIS_AN_LAO, false),
                        new DetailedAssessmentRecorded(CASE, STEP_2026, RiskLevel.MEDIUM, null),
                        new DeadlineScheduled(CASE, STEP_2026, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING,
                                Instant.parse("2026-03-09T17:00:00Z"), XA_AN_LAO, null, null))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.predicate((EventMessage<?> m) ->
                                "system".equals(m.getMetaData().get("userId"))
                                        && "SYSTEM".equals(m.getMetaData().get("role"))
                                        && XA_AN_LAO.equals(m.getMetaData().get("orgUnit"))),
                        org.axonframework.test.matchers.Matchers.predicate((EventMessage<?> m) -> true),
                        org.axonframework.test.matchers.Matchers.predicate((EventMessage<?> m) -> true),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void the_ceased_communes_own_staff_cannot_take_a_step_after_its_end() {
        fixture.given(reportedIn(TT_AN_LAO), assessed())
                .when(new RecordDetailedAssessment(CASE, null, STEP_2026, RiskLevel.MEDIUM, null), chairOf(TT_AN_LAO))
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_step_dated_before_the_end_but_entered_after_the_carry_over_may_be_recorded_by_the_commune_of_that_day() {
        Instant before = Instant.parse("2025-06-30T03:00:00Z");
        fixture.given(reportedIn(TT_AN_LAO), assessed(),
                        new CaseCarriedOver(CASE, FIRST_DAY, TT_AN_LAO, XA_AN_LAO, BASIS_AN_LAO, false))
                .when(new RecordDetailedAssessment(CASE, null, before, RiskLevel.MEDIUM, null), chairOf(TT_AN_LAO))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.predicate((EventMessage<?> m) -> m.getPayload()
                                .equals(new DetailedAssessmentRecorded(CASE, before, RiskLevel.MEDIUM, null))),
                        org.axonframework.test.matchers.Matchers.predicate((EventMessage<?> m) -> true),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void after_the_carry_over_the_ceased_communes_staff_cannot_record_a_step_dated_after_it() {
        fixture.given(reportedIn(TT_AN_LAO), assessed(),
                        new CaseCarriedOver(CASE, FIRST_DAY, TT_AN_LAO, XA_AN_LAO, BASIS_AN_LAO, false))
                .when(new RecordDetailedAssessment(CASE, null, STEP_2026, RiskLevel.MEDIUM, null), chairOf(TT_AN_LAO))
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_step_dated_before_the_end_stays_in_the_old_commune() {
        Instant before = Instant.parse("2025-06-30T03:00:00Z");
        fixture.given(reportedIn(TT_AN_LAO), assessed())
                .when(new RecordDetailedAssessment(CASE, null, before, RiskLevel.MEDIUM, null), chairOf(TT_AN_LAO))
                .expectEvents(new DetailedAssessmentRecorded(CASE, before, RiskLevel.MEDIUM, null),
                        new DeadlineScheduled(CASE, before, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING,
                                Instant.parse("2025-07-07T17:00:00Z"), TT_AN_LAO, null, null));
    }

    @Test
    void a_running_limit_moves_with_the_case_and_is_missed_in_the_successors_name() {
        Instant monday = Instant.parse("2025-06-30T02:00:00Z");
        Instant due = Instant.parse("2025-07-07T17:00:00Z");
        fixture.givenCurrentTime(monday)
                .andGivenCommands(new ReportCase(CASE, CHILD, monday, TT_AN_LAO, TT_AN_LAO, CaseCategory.ABUSED,
                                ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(),
                                Sex.MALE, 8, true, null, null, null, null, false, null, null),
                        new RecordInitialAssessment(CASE, null, monday, RiskLevel.HIGH, false, null),
                        new RecordDetailedAssessment(CASE, null, monday, RiskLevel.MEDIUM, null))
                .whenTimeAdvancesTo(due.plusSeconds(1))
                .expectEvents(new CaseCarriedOver(CASE, FIRST_DAY, TT_AN_LAO, XA_AN_LAO, BASIS_AN_LAO, false),
                        new DeadlineMissed(CASE, due, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING, due, XA_AN_LAO,
                                null));
    }

    @Test
    void a_transfer_to_a_commune_that_ceased_before_its_acceptance_is_refused_naming_the_successor() {
        fixture.given(reportedIn(TT_AN_LAO), assessed(), new TransferRequested(
                        CASE, ASSESSED, TT_AN_LAO, "313-an-thai", null))
                .when(new AcceptTransfer(CASE, null, STEP_2026, "313-an-thai"), chairOf("313-an-thai"))
                .expectException(OrgUnitNotValid.class)
                .expectExceptionMessage(Matchers.containsString("31-xa-an-hung"))
                .expectNoEvents();
    }

    @Test
    void a_step_on_a_case_of_a_split_commune_waits_for_a_person_to_choose_among_the_successors() {
        fixture.given(reportedIn(THAI_SON), assessed())
                .when(new RecordDetailedAssessment(CASE, null, STEP_2026, RiskLevel.MEDIUM, null), chairOf(AN_KHANH))
                .expectException(SuccessorCommuneToChoose.class)
                .expectExceptionMessage(Matchers.allOf(
                        Matchers.containsString(AN_KHANH), Matchers.containsString(XA_AN_LAO)))
                .expectNoEvents();
    }

    @Test
    void the_candidates_of_a_split_commune_are_its_successors_that_took_people() {
        SuccessorCommuneToChoose refusal = (SuccessorCommuneToChoose) CommuneSuccession.on(ShippedOrgUnits.get(),
                CASE, THAI_SON, STEP_2026).toChoose();

        assertThat(refusal.rule()).isEqualTo(ProcedureRule.SUCCESSOR_COMMUNE_TO_CHOOSE);
        assertThat(refusal.successors()).extracting(u -> u.code()).containsExactly(AN_KHANH, XA_AN_LAO);
        assertThat(((SuccessorCommuneToChoose) CommuneSuccession.on(ShippedOrgUnits.get(), CASE,
                "313-tt-truong-son", STEP_2026).toChoose()).successors()).extracting(u -> u.code())
                .as("Phường Phù Liễn took land only").containsExactly(XA_AN_LAO);
    }

    @Test
    void a_coordinator_chooses_the_successor_and_the_case_is_carried_over_by_that_choice() {
        fixture.given(reportedIn(THAI_SON), assessed())
                .when(new ChooseSuccessorCommune(CASE, null, STEP_2026, AN_KHANH), coordinator())
                .expectResultMessagePayload(3L)
                .expectEvents(new CaseCarriedOver(CASE, FIRST_DAY, THAI_SON, AN_KHANH, BASIS_AN_KHANH, true));
    }

    @Test
    void after_the_choice_the_chosen_communes_chair_takes_the_next_step() {
        fixture.given(reportedIn(THAI_SON), assessed(),
                        new CaseCarriedOver(CASE, FIRST_DAY, THAI_SON, AN_KHANH, BASIS_AN_KHANH, true))
                .when(new RecordDetailedAssessment(CASE, null, STEP_2026, RiskLevel.MEDIUM, null), chairOf(AN_KHANH))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DetailedAssessmentRecorded(CASE, STEP_2026, RiskLevel.MEDIUM, null),
                        new DeadlineScheduled(CASE, STEP_2026, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING,
                                Instant.parse("2026-03-09T17:00:00Z"), AN_KHANH, null, null));
    }

    @Test
    void the_chair_of_a_candidate_commune_may_choose_but_not_the_chair_of_another() {
        fixture.given(reportedIn(THAI_SON), assessed())
                .when(new ChooseSuccessorCommune(CASE, null, STEP_2026, XA_AN_LAO), chairOf(XA_AN_LAO))
                .expectEvents(new CaseCarriedOver(CASE, FIRST_DAY, THAI_SON, XA_AN_LAO, BASIS_AN_LAO, true));
        fixture.given(reportedIn(THAI_SON), assessed())
                .when(new ChooseSuccessorCommune(CASE, null, STEP_2026, AN_KHANH), chairOf("31-xa-an-hung"))
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_choice_is_refused_for_a_commune_that_took_none_of_its_people() {
        fixture.given(reportedIn("313-tt-truong-son"), assessed())
                .when(new ChooseSuccessorCommune(CASE, null, STEP_2026, "31-phuong-phu-lien"), coordinator())
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(Matchers.containsString("31-phuong-phu-lien is not a successor"))
                .expectNoEvents();
    }

    @Test
    void a_choice_is_refused_while_the_commune_still_exists() {
        fixture.given(reportedIn(THAI_SON), assessed())
                .when(new ChooseSuccessorCommune(CASE, null, Instant.parse("2025-06-30T16:59:59Z"), AN_KHANH),
                        coordinator())
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(Matchers.containsString("there is no successor to choose"))
                .expectNoEvents();
    }

    @Test
    void a_closed_case_stays_where_it_was() {
        CaseClosed closed = new CaseClosed(CASE, Instant.parse("2025-05-01T03:00:00Z"), "MOVED_AWAY", null, null);
        fixture.given(reportedIn(THAI_SON), assessed(), closed)
                .when(new ChooseSuccessorCommune(CASE, null, STEP_2026, AN_KHANH), coordinator())
                .expectException(ProcedureViolation.class)
                .expectExceptionMessage(ProcedureRule.CASE_CLOSED.explanation())
                .expectNoEvents();
        fixture.given(reportedIn(TT_AN_LAO), assessed(), closed)
                .when(new CarryOverCase(CASE, STEP_2026))
                .expectResultMessagePayload(CarryOverOutcome.STAYS)
                .expectNoEvents();
    }

    @Test
    void the_carry_over_command_moves_an_open_case_once_and_leaves_a_split_communes_case_waiting() {
        fixture.given(reportedIn(TT_AN_LAO), assessed())
                .when(new CarryOverCase(CASE, STEP_2026))
                .expectResultMessagePayload(CarryOverOutcome.CARRIED_OVER)
                .expectEvents(new CaseCarriedOver(CASE, FIRST_DAY, TT_AN_LAO, XA_AN_LAO, BASIS_AN_LAO, false));
        fixture.given(reportedIn(TT_AN_LAO), assessed(),
                        new CaseCarriedOver(CASE, FIRST_DAY, TT_AN_LAO, XA_AN_LAO, BASIS_AN_LAO, false))
                .when(new CarryOverCase(CASE, STEP_2026))
                .expectResultMessagePayload(CarryOverOutcome.STAYS)
                .expectNoEvents();
        fixture.given(reportedIn(THAI_SON), assessed())
                .when(new CarryOverCase(CASE, STEP_2026))
                .expectResultMessagePayload(CarryOverOutcome.WAITING_FOR_CHOICE)
                .expectNoEvents();
    }
}
