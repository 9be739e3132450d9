package vn.childprotection.casetracker.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CommuneTargetsRecorded;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * A district's share of children sums only the communes that entered the whole pair (part and whole): figures
 * recorded before pairs had to be entered whole may hold one half, which is left out and counted as such.
 */
class PlanTargetPairsTest extends QuerySideIntegrationTest {

    private static final int YEAR = 2016;
    private static final String COMPLETE = "313-an-thang";
    private static final String HALF = "313-bat-trang";

    @Test
    void a_district_share_counts_only_communes_with_a_whole_pair_and_says_how_many_were_left_out() {
        // The complete commune: 150 of 200 children under 6 hold a card, 3 of 4 eligible received the policy.
        recordTargets(new CommuneTargetsRecorded(COMPLETE, YEAR, Instant.parse("2016-11-01T00:00:00Z"), 200, 150,
                4, 3, true, true, true, true));
        // The other entered only the part of one pair and only the whole of the other (an old, half recording).
        recordTargets(new CommuneTargetsRecorded(HALF, YEAR, Instant.parse("2016-11-02T00:00:00Z"), null, 100,
                5, null, false, true, null, null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM commune_target_record WHERE year = ? AND commune_code IN (?, ?)", Long.class,
                YEAR, COMPLETE, HALF)).isEqualTo(2L));

        JsonNode district = getJson("/api/v1/targets/" + YEAR + "?orgUnit=313");

        assertThat(district.get("communes").size()).as("An Lão's 17 communes in 2016").isEqualTo(17);
        JsonNode cards = line(district, "UNDER_6_HEALTH_INSURANCE_SHARE");
        assertThat(cards.get("achieved").asLong()).isEqualTo(150);
        assertThat(cards.get("base").asLong()).isEqualTo(200);
        assertThat(cards.get("percent").asDouble()).as("150 / 200, the complete commune's own share").isEqualTo(75.0);
        assertThat(cards.get("met").asBoolean()).isFalse();
        assertThat(cards.get("communesCounted").asInt()).isEqualTo(1);
        assertThat(cards.get("communesLeftOut").asInt()).as("the half commune and 15 that entered nothing")
                .isEqualTo(16);
        JsonNode heart = line(district, "HEART_POLICY_SHARE");
        assertThat(heart.get("achieved").asLong()).isEqualTo(3);
        assertThat(heart.get("base").asLong()).isEqualTo(4);
        assertThat(heart.get("percent").asDouble()).as("3 / 4").isEqualTo(75.0);
        assertThat(heart.get("communesCounted").asInt()).isEqualTo(1);
        JsonNode actionMonth = line(district, "ACTION_MONTH_COMMUNES");
        assertThat(actionMonth.get("achieved").asLong()).as("yes/no items count every commune").isEqualTo(2);
        assertThat(actionMonth.get("communesCounted").asInt()).isEqualTo(17);
        assertThat(actionMonth.get("communesLeftOut").asInt()).isZero();
        assertThat(line(district, "ABUSED_HELPED_IN_TIME_SHARE").get("communesCounted").isNull())
                .as("a line from the cases").isTrue();

        JsonNode halfAlone = line(getJson("/api/v1/targets/" + YEAR + "?orgUnit=" + HALF),
                "UNDER_6_HEALTH_INSURANCE_SHARE");
        assertThat(halfAlone.get("achieved").isNull()).as("no share from half a pair").isTrue();
        assertThat(halfAlone.get("percent").isNull()).isTrue();
        assertThat(halfAlone.get("communesLeftOut").asInt()).isEqualTo(1);
    }

    private void recordTargets(CommuneTargetsRecorded event) {
        String id = "targets:" + event.communeCode() + ":" + event.year();
        eventStore.publish(new GenericDomainEventMessage<>("CommuneYearTargets", id, 0L, event,
                Map.of(ActorMetaData.USER, COORDINATOR.username(), ActorMetaData.ORG_UNIT, COORDINATOR.orgUnit(),
                        ActorMetaData.ROLE, COORDINATOR.role().name()), UUID.randomUUID().toString(),
                event.occurredAt().plusSeconds(60)));
    }

    private static JsonNode line(JsonNode targets, String code) {
        return targets.get("lines").values().stream().filter(l -> l.get("code").asString().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no target line " + code));
    }
}
