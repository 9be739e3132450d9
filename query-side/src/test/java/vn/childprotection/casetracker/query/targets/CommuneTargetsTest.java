package vn.childprotection.casetracker.query.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.childprotection.casetracker.events.CommuneTargetsRecorded;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.CommuneTargetItem;

/**
 * The communes' figures for the plan's targets: every recording kept with who made it, the latest as of an instant
 * for the reports, and the case projections untouched by them.
 */
class CommuneTargetsTest extends QuerySideIntegrationTest {

    private static final Instant MAY = Instant.parse("2025-05-12T02:00:00Z");
    private static final Instant JULY = Instant.parse("2025-07-01T02:00:00Z");
    private static final Instant AUGUST = Instant.parse("2025-08-15T02:00:00Z");

    @Autowired
    CommuneTargetQueries queries;
    @Autowired
    CommuneTargetsProjection projection;

    /**
     * Appends the next recording of its commune and year, as the command side's aggregate would.
     */
    private void record(Actor actor, Instant recordedAt, CommuneTargetsRecorded event) {
        String id = "targets:" + event.communeCode() + ":" + event.year();
        long next = eventStore.lastSequenceNumberFor(id).map(n -> n + 1).orElse(0L);
        Map<String, Object> who = Map.of(ActorMetaData.USER, actor.username(), ActorMetaData.ORG_UNIT,
                actor.orgUnit(), ActorMetaData.ROLE, actor.role().name());
        eventStore.publish(new GenericDomainEventMessage<>("CommuneYearTargets", id, next, event, who,
                UUID.randomUUID().toString(), recordedAt));
    }

    private void awaitRecordings(String communeCode, int year, long count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM commune_target_record WHERE commune_code = ? AND year = ?", Long.class,
                communeCode, year)).isEqualTo(count));
    }

    @Test
    void a_report_as_of_an_instant_reads_the_latest_recording_made_by_then() {
        int year = 2031;
        Actor anThaiChair = new Actor("chair.313-an-thai", "313-an-thai", Role.COMMUNE_CHAIR);
        record(AN_THAI_WORKER, MAY, new CommuneTargetsRecorded("313-an-thai", year, MAY.minus(Duration.ofDays(2)),
                412, 398, 3, 2, false, true, null, null));
        record(COORDINATOR, MAY.plusSeconds(60), new CommuneTargetsRecorded("313-an-tho", year, MAY, 120, 120,
                null, null, true, true, true, true));
        record(anThaiChair, AUGUST, new CommuneTargetsRecorded("313-an-thai", year, AUGUST, 415, 410, 3, 3, true,
                true, true, false));
        awaitRecordings("313-an-thai", year, 2);
        awaitRecordings("313-an-tho", year, 1);

        List<CommuneTargets> inJuly = queries.latest(year, List.of("313-an-thai", "313-an-tho", "313-my-duc"), JULY);
        List<CommuneTargets> now = queries.latest(year, List.of("313-an-thai", "313-an-tho"), null);
        List<CommuneTargets> beforeAny = queries.latest(year, List.of("313-an-thai"), MAY.minusSeconds(1));

        assertThat(inJuly).extracting(CommuneTargets::communeCode).containsExactly("313-an-thai", "313-an-tho");
        CommuneTargets anThaiInJuly = inJuly.get(0);
        assertThat(anThaiInJuly.version()).isEqualTo(1);
        assertThat(anThaiInJuly.childrenUnder6()).isEqualTo(412);
        assertThat(anThaiInJuly.childrenUnder6WithHealthInsuranceCard()).isEqualTo(398);
        assertThat(anThaiInJuly.congenitalHeartDiseaseReceived()).isEqualTo(2);
        assertThat(anThaiInJuly.childFriendlyCommune()).isFalse();
        assertThat(anThaiInJuly.midAutumnFestivalHeld()).as("not reported").isNull();
        assertThat(anThaiInJuly.occurredAt()).isEqualTo(MAY.minus(Duration.ofDays(2)));
        assertThat(anThaiInJuly.recordedAt()).isEqualTo(MAY);
        assertThat(anThaiInJuly.recordedBy()).isEqualTo("worker.anthai");
        assertThat(anThaiInJuly.orgUnit()).isEqualTo("313-an-thai");
        assertThat(anThaiInJuly.role()).isEqualTo("COMMUNE_WORKER");
        CommuneTargets anTho = inJuly.get(1);
        assertThat(anTho.congenitalHeartDiseaseEligible()).isNull();
        assertThat(anTho.recordedBy()).isEqualTo("coordinator");
        assertThat(anTho.value(CommuneTargetItem.CHILDREN_FORUM_HELD)).isEqualTo(true);

        assertThat(now).as("as of the module's clock, after the revision").hasSize(2);
        CommuneTargets anThaiNow = now.get(0);
        assertThat(anThaiNow.version()).isEqualTo(2);
        assertThat(anThaiNow.childrenUnder6()).isEqualTo(415);
        assertThat(anThaiNow.value(CommuneTargetItem.CONGENITAL_HEART_DISEASE_RECEIVED)).isEqualTo(3);
        assertThat(anThaiNow.childFriendlyCommune()).isTrue();
        assertThat(anThaiNow.childrenForumHeld()).isFalse();
        assertThat(anThaiNow.recordedBy()).isEqualTo("chair.313-an-thai");
        assertThat(queries.latest(year, List.of("313-an-thai"), AUGUST)).extracting(CommuneTargets::version)
                .as("a recording made exactly at the instant counts").containsExactly(2L);

        assertThat(beforeAny).isEmpty();
        assertThat(queries.latest(year, List.of(), null)).isEmpty();
        assertThat(queries.latest(year + 1, List.of("313-an-thai"), null)).as("another year").isEmpty();
    }

    @Test
    void an_event_delivered_again_adds_no_row_and_a_recording_never_reaches_the_case_projections() {
        int year = 2032;
        String caseId = newId("case");
        CommuneTargetsRecorded figures = new CommuneTargetsRecorded("313-tan-dan", year, MAY, 80, 70, 1, 1, true,
                true, true, true);
        record(COORDINATOR, MAY, figures);
        awaitRecordings("313-tan-dan", year, 1);
        // The same event handed over again, as after a crash between the rows and the token.
        projection.on(figures, 0L, MAY, "coordinator", "313-labour-office", "COORDINATOR");
        awaitRecordings("313-tan-dan", year, 1);
        String id = "targets:313-tan-dan:" + year;
        append(WORKER, MAY.plusSeconds(5), reported(caseId, newId("child"), "313-tan-dan", MAY));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM case_history WHERE case_id = ?", Long.class, caseId)).isEqualTo(1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM audit_entry WHERE case_id = ?", Long.class, caseId)).isEqualTo(1));
        for (String table : List.of("case_history", "case_file", "risk_register", "audit_entry")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE case_id = ?", Long.class, id))
                    .as(table).isZero();
        }
        assertThat(queries.latest(year, List.of("313-tan-dan"), null)).singleElement()
                .satisfies(t -> assertThat(t.version()).isEqualTo(1));
    }
}
