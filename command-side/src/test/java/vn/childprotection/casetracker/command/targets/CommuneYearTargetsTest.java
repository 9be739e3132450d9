package vn.childprotection.casetracker.command.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.childprotection.casetracker.command.casefile.AccessRefused;
import vn.childprotection.casetracker.events.CommuneTargetsRecorded;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;

/**
 * A commune's figures for the plan's targets: the first recording, revisions, the rules the figures keep and who may
 * record them.
 */
class CommuneYearTargetsTest {

    private static final String COMMUNE = "313-an-thai";
    private static final int YEAR = 2025;
    private static final String ID = "targets:313-an-thai:2025";
    private static final Instant T0 = Instant.parse("2025-05-10T08:00:00Z");
    private static final Instant T1 = Instant.parse("2025-11-10T08:00:00Z");
    private static final Map<String, Object> WORKER = actor("worker", COMMUNE, "COMMUNE_WORKER");
    private static final Map<String, Object> CHAIR = actor("chair", COMMUNE, "COMMUNE_CHAIR");
    private static final Map<String, Object> COORDINATOR = actor("coord", "313-labour-office", "COORDINATOR");

    private FixtureConfiguration<CommuneYearTargets> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CommuneYearTargets.class);
    }

    private static Map<String, Object> actor(String user, String orgUnit, String role) {
        return Map.of(ActorMetaData.USER, user, ActorMetaData.ORG_UNIT, orgUnit, ActorMetaData.ROLE, role);
    }

    private static RecordCommuneTargets record(Instant at, Integer under6, Integer withCard, Integer eligible,
                                               Integer received, Boolean childFriendly) {
        return new RecordCommuneTargets(COMMUNE, YEAR, null, at, under6, withCard, eligible, received, childFriendly,
                true, true, null);
    }

    private static CommuneTargetsRecorded recorded(Instant at, Integer under6, Integer withCard, Integer eligible,
                                                   Integer received, Boolean childFriendly) {
        return new CommuneTargetsRecorded(COMMUNE, YEAR, at, under6, withCard, eligible, received, childFriendly,
                true, true, null);
    }

    @Test
    void the_first_recording_of_a_commune_and_year_creates_its_figures() {
        fixture.givenNoPriorActivity()
                .when(record(T0, 412, 398, 3, 2, false), WORKER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded(T0, 412, 398, 3, 2, false))
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_figures_are_one_aggregate_per_commune_and_year() {
        assertThat(record(T0, 1, 1, null, null, null).targetsId()).isEqualTo(ID);
        assertThat(CommuneYearTargets.targetsId("313-an-tho", 2024)).isEqualTo("targets:313-an-tho:2024");
    }

    @Test
    void a_later_recording_is_a_revision_that_replaces_the_figures() {
        fixture.given(recorded(T0, 412, 398, 3, 2, false))
                .when(record(T1, 415, 410, 3, 3, true), CHAIR)
                .expectEvents(recorded(T1, 415, 410, 3, 3, true))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_revision_may_leave_items_unreported() {
        fixture.given(recorded(T0, 412, 398, 3, 2, false))
                .when(record(T1, null, null, 3, 3, null), COORDINATOR)
                .expectEvents(recorded(T1, null, null, 3, 3, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void recording_the_same_figures_again_records_nothing() {
        fixture.given(recorded(T0, 412, 398, 3, 2, false))
                .when(record(T1, 412, 398, 3, 2, false), WORKER)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_revision_made_on_an_older_version_is_refused() {
        fixture.given(recorded(T0, 412, 398, 3, 2, false), recorded(T1, 415, 410, 3, 3, true))
                .when(new RecordCommuneTargets(COMMUNE, YEAR, 0L, T1, 500, 400, 3, 3, true, true, true, true),
                        WORKER)
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void a_revision_made_on_the_current_version_is_recorded() {
        fixture.given(recorded(T0, 412, 398, 3, 2, false))
                .when(new RecordCommuneTargets(COMMUNE, YEAR, 0L, T1, 415, 410, 3, 3, true, true, true, null),
                        WORKER)
                .expectEvents(recorded(T1, 415, 410, 3, 3, true))
                .expectResultMessagePayload(2L);
    }

    @Test
    void more_children_cannot_have_received_the_policy_than_were_eligible() {
        fixture.givenNoPriorActivity()
                .when(record(T0, 412, 398, 2, 3, false), WORKER)
                .expectException(InvalidCommuneTargets.class)
                .expectExceptionMessage("congenitalHeartDiseaseReceived: must not be more than "
                        + "congenitalHeartDiseaseEligible")
                .expectNoEvents();
    }

    @Test
    void more_children_cannot_hold_a_health_insurance_card_than_live_in_the_commune() {
        fixture.given(recorded(T0, 412, 398, 3, 2, false))
                .when(record(T1, 412, 413, 3, 2, false), WORKER)
                .expectException(InvalidCommuneTargets.class)
                .expectNoEvents();
    }

    @Test
    void a_share_is_entered_as_a_whole_pair_or_not_at_all() {
        record Half(RecordCommuneTargets command, String message) {
        }
        for (Half half : List.of(
                new Half(record(T0, null, 398, null, null, null),
                        "childrenUnder6: must be reported with childrenUnder6WithHealthInsuranceCard (both or neither)"),
                new Half(record(T0, 412, null, null, null, null),
                        "childrenUnder6WithHealthInsuranceCard: must be reported with childrenUnder6 (both or neither)"),
                new Half(record(T0, null, null, 3, null, null),
                        "congenitalHeartDiseaseReceived: must be reported with congenitalHeartDiseaseEligible "
                                + "(both or neither)"),
                new Half(record(T0, null, null, null, 2, null),
                        "congenitalHeartDiseaseEligible: must be reported with congenitalHeartDiseaseReceived "
                                + "(both or neither)"))) {
            new AggregateTestFixture<>(CommuneYearTargets.class).given(recorded(T0, 412, 398, 3, 2, false))
                    .when(half.command(), WORKER)
                    .expectException(InvalidCommuneTargets.class)
                    .expectExceptionMessage(half.message())
                    .expectNoEvents();
        }
    }

    @Test
    void no_more_children_can_receive_the_heart_policy_than_were_eligible() {
        fixture.givenNoPriorActivity()
                .when(record(T0, null, null, 2, 3, null), WORKER)
                .expectException(InvalidCommuneTargets.class)
                .expectExceptionMessage("congenitalHeartDiseaseReceived: must not be more than "
                        + "congenitalHeartDiseaseEligible")
                .expectNoEvents();
    }

    @Test
    void a_count_cannot_be_negative() {
        fixture.givenNoPriorActivity()
                .when(record(T0, 5, -1, null, null, null), WORKER)
                .expectException(InvalidCommuneTargets.class)
                .expectExceptionMessage("childrenUnder6WithHealthInsuranceCard: must be 0 or more")
                .expectNoEvents();
    }

    @Test
    void a_worker_of_another_commune_may_not_record_its_figures() {
        fixture.givenNoPriorActivity()
                .when(record(T0, 412, 398, 3, 2, false), actor("worker2", "313-an-tho", "COMMUNE_WORKER"))
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }

    @Test
    void agency_staff_auditors_and_dashboards_may_not_record_figures() {
        for (Map<String, Object> who : List.of(actor("police", "313-police", "AGENCY_STAFF"),
                actor("auditor", "313", "AUDITOR"), actor("dash", "313", "DASHBOARD"),
                actor("nobody", COMMUNE, "NOT_A_ROLE"))) {
            new AggregateTestFixture<>(CommuneYearTargets.class).given(recorded(T0, 412, 398, 3, 2, false))
                    .when(record(T1, 415, 410, 3, 3, true), who)
                    .expectException(AccessRefused.class)
                    .expectNoEvents();
        }
    }

    @Test
    void a_refused_actor_is_refused_before_the_figures_are_judged() {
        fixture.givenNoPriorActivity()
                .when(record(T0, -5, null, 1, 2, null), actor("police", "313-police", "AGENCY_STAFF"))
                .expectException(AccessRefused.class)
                .expectNoEvents();
    }
}
