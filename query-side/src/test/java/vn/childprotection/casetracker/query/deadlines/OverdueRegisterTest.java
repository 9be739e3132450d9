package vn.childprotection.casetracker.query.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.DeadlineRule;

class OverdueRegisterTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-08-20T01:30:00Z");

    @Test
    void a_deadline_is_met_or_missed_then_fulfilled_late_or_withdrawn_and_only_a_missed_one_is_overdue() {
        String caseId = newId("case");
        append(WORKER, T0, reported(caseId, newId("child"), "313-tan-dan", T0));
        String commune = "313-tan-dan";
        schedule(caseId, "EMERGENCY_MEASURES-1", DeadlineRule.EMERGENCY_MEASURES, T0.plus(hours(12)), commune, null);
        schedule(caseId, "PLAN_DRAFTING-2", DeadlineRule.PLAN_DRAFTING, T0.plus(days(5)), commune, null);
        schedule(caseId, "PLAN_APPROVAL-3", DeadlineRule.PLAN_APPROVAL, T0.plus(days(7)), commune, null);
        schedule(caseId, "CASE_REVIEW-4", DeadlineRule.CASE_REVIEW, T0.plus(days(8)), commune, null);
        append(CHAIR, T0.plus(hours(6)), new DeadlineFulfilled(caseId, T0.plus(hours(6)), "EMERGENCY_MEASURES-1",
                DeadlineRule.EMERGENCY_MEASURES, null, false));
        miss(caseId, "PLAN_DRAFTING-2", DeadlineRule.PLAN_DRAFTING, T0.plus(days(5)), "313-tan-dan", null);
        append(WORKER, T0.plus(days(6)), new DeadlineFulfilled(caseId, T0.plus(days(6)), "PLAN_DRAFTING-2",
                DeadlineRule.PLAN_DRAFTING, null, true));
        append(CHAIR, T0.plus(days(6)), new DeadlineWithdrawn(caseId, T0.plus(days(6)), "PLAN_APPROVAL-3",
                DeadlineRule.PLAN_APPROVAL, null, "PLAN_REPLACED"));
        miss(caseId, "CASE_REVIEW-4", DeadlineRule.CASE_REVIEW, T0.plus(days(8)), "313-tan-dan", null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(states(caseId)).containsExactly(
                "EMERGENCY_MEASURES-1=MET", "PLAN_DRAFTING-2=FULFILLED_LATE", "PLAN_APPROVAL-3=WITHDRAWN",
                "CASE_REVIEW-4=MISSED"));
        JsonNode late = awaitOverdue("?commune=313-tan-dan", caseId, 1).get(0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT deadline_id || '=' || state FROM case_deadline WHERE case_id = ? ORDER BY due_at",
                String.class, caseId)).containsExactly("EMERGENCY_MEASURES-1=MET", "PLAN_DRAFTING-2=FULFILLED_LATE",
                "PLAN_APPROVAL-3=WITHDRAWN", "CASE_REVIEW-4=MISSED"));
        assertThat(late.get("deadlineId").asString()).isEqualTo("CASE_REVIEW-4");
        assertThat(late.get("rule").asString()).isEqualTo("CASE_REVIEW");
        assertThat(late.get("ruleLabel").asString()).isEqualTo(DeadlineRule.CASE_REVIEW.labelVi());
        assertThat(late.get("dueAt").asString()).isEqualTo("2025-08-28T01:30:00Z");
        assertThat(late.get("missedAt").asString()).isEqualTo("2025-08-28T01:30:00Z");
        assertThat(late.get("responsibleOrgUnit").asString()).isEqualTo("313-tan-dan");
        assertThat(late.get("interventionId").isNull()).isTrue();
        assertThat(late.get("communeCode").asString()).isEqualTo("313-tan-dan");
        // The module's clock stands at 2025-09-01T00:00:00Z: 3 days 22 h 30 min after it was due.
        assertThat(late.get("lateBy").asString()).isEqualTo("PT94H30M");
        assertThat(late.get("lateHours").asDouble()).isEqualTo(94.5);

        append(CHAIR, T0.plus(days(9)), new DeadlineWithdrawn(caseId, T0.plus(days(9)), "CASE_REVIEW-4",
                DeadlineRule.CASE_REVIEW, null, "CASE_CLOSED"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(states(caseId)).endsWith("CASE_REVIEW-4=WITHDRAWN"));
        awaitOverdue("?commune=313-tan-dan", caseId, 0);
    }

    @Test
    void the_register_lists_the_most_late_first_with_counts_per_commune_and_agency() {
        String commune = "313-tt-an-lao";
        String reviewLate = newId("case");
        String interventionLate = newId("case");
        String approvalLate = newId("case");
        for (String caseId : List.of(reviewLate, interventionLate, approvalLate)) {
            append(WORKER, T0, reported(caseId, newId("child"), commune, T0));
        }
        schedule(interventionLate, "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE,
                Instant.parse("2025-08-25T17:00:00Z"), "313-police", "i-legal");
        miss(interventionLate, "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE,
                Instant.parse("2025-08-25T17:00:00Z"), "313-police", "i-legal");
        schedule(approvalLate, "PLAN_APPROVAL-1", DeadlineRule.PLAN_APPROVAL, Instant.parse("2025-08-30T10:00:00Z"),
                commune, null);
        miss(approvalLate, "PLAN_APPROVAL-1", DeadlineRule.PLAN_APPROVAL, Instant.parse("2025-08-30T10:00:00Z"),
                commune, null);
        schedule(reviewLate, "CASE_REVIEW-1", DeadlineRule.CASE_REVIEW, Instant.parse("2025-08-20T00:00:00Z"),
                commune, null);
        miss(reviewLate, "CASE_REVIEW-1", DeadlineRule.CASE_REVIEW, Instant.parse("2025-08-20T00:00:00Z"), commune,
                null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caseIds(getJson("/api/v1/overdue?commune="
                + commune))).containsExactly(reviewLate, interventionLate, approvalLate));
        JsonNode register = getJson("/api/v1/overdue?commune=" + commune);
        assertThat(register.get("asOf").asString()).isEqualTo("2025-09-01T00:00:00Z");
        assertThat(register.get("items").values()).extracting(i -> i.get("lateBy").asString())
                .containsExactly("PT288H", "PT151H", "PT38H");
        assertThat(register.get("items").values()).extracting(i -> i.get("lateHours").asDouble())
                .containsExactly(288.0, 151.0, 38.0);
        assertThat(register.get("total").asInt()).isEqualTo(3);
        assertThat(register.get("countsByCommune").properties()).hasSize(1);
        assertThat(register.get("countsByCommune").get(commune).asLong()).isEqualTo(3);
        assertThat(register.get("countsByAgency").properties()).hasSize(1);
        assertThat(register.get("countsByAgency").get("313-police").asLong()).isEqualTo(1);
        JsonNode intervention = register.get("items").get(1);
        assertThat(intervention.get("rule").asString()).isEqualTo("INTERVENTION_DUE");
        assertThat(intervention.get("responsibleOrgUnit").asString()).isEqualTo("313-police");
        assertThat(intervention.get("interventionId").asString()).isEqualTo("i-legal");
        assertThat(intervention.get("communeCode").asString()).isEqualTo(commune);

        JsonNode police = getJson("/api/v1/overdue?agency=313-police");
        assertThat(caseIds(police)).contains(interventionLate).doesNotContain(reviewLate, approvalLate);
        assertThat(police.get("items").values()).allSatisfy(i -> {
            assertThat(i.get("rule").asString()).isEqualTo("INTERVENTION_DUE");
            assertThat(i.get("responsibleOrgUnit").asString()).isEqualTo("313-police");
        });
        assertThat(police.get("countsByAgency").properties()).hasSize(1);
        assertThat(caseIds(getJson("/api/v1/overdue?commune=" + commune + "&agency=313-police")))
                .containsExactly(interventionLate);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode everything = PageWalk.whole(this::getJson, "/api/v1/overdue", "items", json);
            assertThat(caseIds(everything)).contains(reviewLate, interventionLate, approvalLate);
            assertThat(everything.get("items").values().stream().map(i -> i.get("lateHours").asDouble()).toList())
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(everything.get("items").size()).isEqualTo(everything.get("total").asInt());
        });
    }

    @Test
    void an_accepted_transfer_moves_the_commune_deadlines_still_open_or_late_to_the_new_commune() {
        String caseId = newId("case");
        String childId = newId("child");
        String from = "313-quoc-tuan";
        String to = "313-tt-truong-son";
        append(WORKER, T0, reported(caseId, childId, from, T0));
        schedule(caseId, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING, T0.plus(days(1)), from, null);
        schedule(caseId, "CASE_REVIEW-2", DeadlineRule.CASE_REVIEW, T0.plus(days(2)), from, null);
        schedule(caseId, "PLAN_APPROVAL-3", DeadlineRule.PLAN_APPROVAL, Instant.parse("2025-09-10T10:00:00Z"), from,
                null);
        schedule(caseId, "INTERVENTION_DUE-4", DeadlineRule.INTERVENTION_DUE, T0.plus(days(3)), "313-police",
                "i-1");
        append(WORKER, T0.plus(hours(5)), new DeadlineFulfilled(caseId, T0.plus(hours(5)), "PLAN_DRAFTING-1",
                DeadlineRule.PLAN_DRAFTING, null, false));
        miss(caseId, "CASE_REVIEW-2", DeadlineRule.CASE_REVIEW, T0.plus(days(2)), from, null);
        miss(caseId, "INTERVENTION_DUE-4", DeadlineRule.INTERVENTION_DUE, T0.plus(days(3)), "313-police", "i-1");
        append(WORKER, T0.plus(days(4)), new TransferRequested(caseId, T0.plus(days(4)), from, to,
                seal(childId, "Trẻ về ở với bà nội")));

        awaitOverdue("?commune=" + from, caseId, 2);
        assertThat(responsible(caseId)).containsExactly("PLAN_DRAFTING-1=" + from, "CASE_REVIEW-2=" + from,
                "PLAN_APPROVAL-3=" + from, "INTERVENTION_DUE-4=313-police");

        append(WORKER, T0.plus(days(5)), new CaseTransferred(caseId, T0.plus(days(5)), from, to, null));

        List<JsonNode> moved = awaitOverdue("?commune=" + to, caseId, 2);
        assertThat(moved).extracting(i -> i.get("deadlineId").asString() + "=" + i.get("responsibleOrgUnit")
                .asString()).containsExactly("CASE_REVIEW-2=" + to, "INTERVENTION_DUE-4=313-police");
        assertThat(moved).allSatisfy(i -> assertThat(i.get("communeCode").asString()).isEqualTo(to));
        assertThat(overdueOf("?commune=" + from, caseId)).isEmpty();
        assertThat(getJson("/api/v1/overdue?commune=" + to).get("countsByCommune").get(to).asLong()).isEqualTo(2);
        // A met deadline stays with who met it; the case's commune is the new one on every row.
        assertThat(responsible(caseId)).containsExactly("PLAN_DRAFTING-1=" + from, "CASE_REVIEW-2=" + to,
                "PLAN_APPROVAL-3=" + to, "INTERVENTION_DUE-4=313-police");
        assertThat(jdbc.queryForList("SELECT DISTINCT commune_code FROM case_deadline WHERE case_id = ?",
                String.class, caseId)).containsExactly(to);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/cases/" + caseId)
                .get("deadlines").values()).extracting(d -> d.get("deadlineId").asString() + "="
                + d.get("responsibleOrgUnit").asString() + "/" + d.get("state").asString()).containsExactly(
                "PLAN_DRAFTING-1=" + from + "/MET", "CASE_REVIEW-2=" + to + "/MISSED",
                "PLAN_APPROVAL-3=" + to + "/OPEN", "INTERVENTION_DUE-4=313-police/MISSED"));
    }

    @Test
    void an_unknown_or_wrong_kind_of_org_unit_code_is_a_400_problem() {
        assertBadRequest("/api/v1/overdue?commune=999", "commune");
        assertBadRequest("/api/v1/overdue?commune=313-police", "commune");
        assertBadRequest("/api/v1/overdue?agency=no-such-agency", "agency");
        assertBadRequest("/api/v1/overdue?agency=313", "agency");
    }

    private void assertBadRequest(String path, String field) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private void schedule(String caseId, String deadlineId, DeadlineRule rule, Instant dueAt, String responsible,
                          String interventionId) {
        append(WORKER, T0.plus(hours(1)), scheduled(caseId, T0.plus(hours(1)), deadlineId, rule, dueAt,
                responsible, interventionId));
    }

    private void miss(String caseId, String deadlineId, DeadlineRule rule, Instant dueAt, String responsible,
                      String interventionId) {
        appendBySystem(responsible, dueAt.plusSeconds(30), new DeadlineMissed(caseId, dueAt, deadlineId, rule, dueAt,
                responsible, interventionId));
    }

    private List<String> states(String caseId) {
        return getJson("/api/v1/cases/" + caseId).get("deadlines").values().stream()
                .map(d -> d.get("deadlineId").asString() + "=" + d.get("state").asString()).toList();
    }

    private List<String> responsible(String caseId) {
        return jdbc.queryForList("SELECT deadline_id || '=' || responsible_org_unit FROM case_deadline "
                + "WHERE case_id = ? ORDER BY deadline_id", String.class, caseId).stream()
                .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }

    private static int number(String deadline) {
        return Integer.parseInt(deadline.substring(deadline.indexOf('-') + 1, deadline.indexOf('=')));
    }

    private List<JsonNode> awaitOverdue(String query, String caseId, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(overdueOf(query, caseId)).hasSize(count));
        return overdueOf(query, caseId);
    }

    private List<JsonNode> overdueOf(String query, String caseId) {
        return PageWalk.rows(this::getJson, "/api/v1/overdue" + query, "items").stream()
                .filter(i -> i.get("caseId").asString().equals(caseId)).toList();
    }

    private static List<String> caseIds(JsonNode register) {
        return register.get("items").values().stream().map(i -> i.get("caseId").asString()).toList();
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }
}
