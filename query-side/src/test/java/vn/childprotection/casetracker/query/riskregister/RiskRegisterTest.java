package vn.childprotection.casetracker.query.riskregister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

class RiskRegisterTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-05-05T03:00:00Z");
    private static final Instant RECORDED = Instant.parse("2025-05-20T00:00:00Z");

    @Test
    void open_cases_are_listed_by_risk_then_by_report_time_with_counts_per_commune() {
        String commune = "313-quang-trung";
        String high = reportAssessed(commune, T0.plus(days(1)), RiskLevel.HIGH, true);
        String lowLater = reportAssessed(commune, T0, RiskLevel.LOW, false);
        String unassessed = reportAssessed(commune, T0.minus(days(1)), null, false);
        String lowEarlier = reportAssessed(commune, T0.minus(days(2)), RiskLevel.LOW, false);
        String medium = reportAssessed(commune, T0.plus(days(5)), RiskLevel.MEDIUM, false);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caseIds(getJson("/api/v1/risk-register?commune="
                + commune))).containsExactly(high, medium, lowEarlier, lowLater, unassessed));
        JsonNode register = getJson("/api/v1/risk-register?commune=" + commune);
        assertThat(register.get("countsByCommune").properties()).hasSize(1);
        assertThat(register.get("countsByCommune").get(commune).asLong()).isEqualTo(5);
        assertThat(register.get("total").asInt()).isEqualTo(5);

        JsonNode first = register.get("cases").get(0);
        assertThat(first.get("communeCode").asString()).isEqualTo(commune);
        assertThat(first.get("category").asString()).isEqualTo("ABUSED");
        assertThat(first.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(first.get("emergency").asBoolean()).isTrue();
        assertThat(first.get("status").asString()).isEqualTo("INITIALLY_ASSESSED");
        assertThat(first.get("reportedAt").asString()).isEqualTo("2025-05-06T03:00:00Z");
        assertThat(register.get("cases").get(4).get("riskLevel").isNull()).isTrue();
        assertThat(register.get("cases").get(4).get("status").asString()).isEqualTo("REPORTED");

        JsonNode low = getJson("/api/v1/risk-register?commune=" + commune + "&riskLevel=LOW");
        assertThat(caseIds(low)).containsExactly(lowEarlier, lowLater);

        JsonNode everything = PageWalk.whole(this::getJson, "/api/v1/risk-register", "cases", json);
        assertThat(caseIds(everything)).contains(high, medium, lowEarlier, lowLater, unassessed);
        assertThat(everything.get("countsByCommune").get(commune).asLong()).isEqualTo(5);
        List<Integer> ranks = everything.get("cases").values().stream().map(RiskRegisterTest::rank).toList();
        assertThat(ranks).isSorted();
    }

    @Test
    void a_review_changes_the_risk_level_and_re_planning_the_status() {
        String commune = "313-truong-tho";
        String caseId = reportAssessed(commune, T0, RiskLevel.LOW, false);
        append(WORKER, RECORDED.plusSeconds(1), new CaseReviewed(caseId, T0.plus(days(3)), RiskLevel.HIGH,
                ReviewOutcome.REPLAN, null));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode cases = getJson("/api/v1/risk-register?commune=" + commune).get("cases");
            assertThat(cases.size()).isEqualTo(1);
            JsonNode entry = cases.get(0);
            assertThat(entry.get("caseId").asString()).isEqualTo(caseId);
            assertThat(entry.get("riskLevel").asString()).isEqualTo("HIGH");
            assertThat(entry.get("status").asString()).isEqualTo("DETAILED_ASSESSED");
        });
    }

    @Test
    void a_closed_case_leaves_the_register_and_a_reopened_one_comes_back() {
        String commune = "313-tan-vien";
        String caseId = reportAssessed(commune, T0, RiskLevel.HIGH, true);
        awaitRegister("?commune=" + commune, 1);

        append(CHAIR, RECORDED.plusSeconds(1), new CaseClosed(caseId, T0.plus(days(30)), "NO_FURTHER_RISK", null));
        JsonNode afterClosing = awaitRegister("?commune=" + commune, 0);
        assertThat(afterClosing.get("countsByCommune").properties()).isEmpty();
        assertThat(caseIds(PageWalk.whole(this::getJson, "/api/v1/risk-register", "cases", json)))
                .doesNotContain(caseId);

        append(CHAIR, RECORDED.plusSeconds(2), new CaseReopened(caseId, T0.plus(days(40)), null));
        JsonNode afterReopening = awaitRegister("?commune=" + commune, 1);
        JsonNode entry = afterReopening.get("cases").get(0);
        assertThat(entry.get("caseId").asString()).isEqualTo(caseId);
        assertThat(entry.get("status").asString()).isEqualTo("REOPENED");
        assertThat(entry.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(entry.get("reportedAt").asString()).isEqualTo("2025-05-05T03:00:00Z");
    }

    @Test
    void a_transferred_case_is_listed_under_its_new_commune() {
        String caseId = reportAssessed("313-thai-son", T0, RiskLevel.MEDIUM, false);
        awaitRegister("?commune=313-thai-son", 1);
        append(WORKER, RECORDED.plusSeconds(1), new CaseTransferred(caseId, T0.plus(days(2)), "313-thai-son",
                "313-truong-thanh", null));

        JsonNode destination = awaitRegister("?commune=313-truong-thanh", 1);
        assertThat(caseIds(destination)).containsExactly(caseId);
        assertThat(destination.get("countsByCommune").get("313-truong-thanh").asLong()).isEqualTo(1);
        assertThat(caseIds(getJson("/api/v1/risk-register?commune=313-thai-son"))).isEmpty();
    }

    @Test
    void each_case_shows_its_next_open_deadline_and_whether_a_missed_one_is_still_pending() {
        String commune = "313-chien-thang";
        String caseId = reportAssessed(commune, T0, RiskLevel.HIGH, true);
        JsonNode before = awaitEntry(commune, caseId, e -> assertThat(e.get("status").asString())
                .isEqualTo("INITIALLY_ASSESSED"));
        assertThat(before.get("nextDeadline").isNull()).isTrue();
        assertThat(before.get("overdue").asBoolean()).isFalse();

        Instant review = Instant.parse("2025-05-10T10:00:00Z");
        Instant drafting = Instant.parse("2025-05-12T10:00:00Z");
        append(WORKER, RECORDED.plusSeconds(1), scheduled(caseId, T0, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING,
                drafting, commune, null));
        append(WORKER, RECORDED.plusSeconds(2), scheduled(caseId, T0, "CASE_REVIEW-2", DeadlineRule.CASE_REVIEW,
                review, commune, null));
        JsonNode scheduled = awaitEntry(commune, caseId, e -> assertThat(e.get("nextDeadline").isNull()
                ? null : e.get("nextDeadline").get("deadlineId").asString()).isEqualTo("CASE_REVIEW-2"));
        assertThat(scheduled.get("nextDeadline").get("rule").asString()).isEqualTo("CASE_REVIEW");
        assertThat(scheduled.get("nextDeadline").get("dueAt").asString()).isEqualTo("2025-05-10T10:00:00Z");
        assertThat(scheduled.get("nextDeadline").get("responsibleOrgUnit").asString()).isEqualTo(commune);
        assertThat(scheduled.get("overdue").asBoolean()).isFalse();

        appendBySystem(commune, review, new DeadlineMissed(caseId, review, "CASE_REVIEW-2", DeadlineRule.CASE_REVIEW,
                review, commune, null));
        JsonNode missed = awaitEntry(commune, caseId, e -> assertThat(e.get("overdue").asBoolean()).isTrue());
        assertThat(missed.get("nextDeadline").get("deadlineId").asString()).isEqualTo("PLAN_DRAFTING-1");

        append(WORKER, RECORDED.plusSeconds(3), new DeadlineFulfilled(caseId, review.plusSeconds(600),
                "CASE_REVIEW-2", DeadlineRule.CASE_REVIEW, null, true));
        awaitEntry(commune, caseId, e -> assertThat(e.get("overdue").asBoolean()).isFalse());

        append(WORKER, RECORDED.plusSeconds(4), new DeadlineFulfilled(caseId, drafting.minusSeconds(600),
                "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING, null, false));
        JsonNode done = awaitEntry(commune, caseId, e -> assertThat(e.get("nextDeadline").isNull()).isTrue());
        assertThat(done.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void the_register_keeps_no_personal_data() {
        String caseId = reportAssessed("313-quang-hung", T0, RiskLevel.LOW, false);
        awaitRegister("?commune=313-quang-hung", 1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM risk_register WHERE case_id = ?", caseId);
        for (String plain : reportedPlainTexts()) {
            assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(plain));
        }
    }

    @Test
    void an_unknown_commune_or_risk_level_is_a_400_problem() {
        assertBadRequest("/api/v1/risk-register?commune=999", "commune");
        assertBadRequest("/api/v1/risk-register?commune=313-police", "commune");
        assertBadRequest("/api/v1/risk-register?riskLevel=EXTREME", "riskLevel");
    }

    private void assertBadRequest(String path, String field) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    /**
     * Reports a case to the commune at {@code reportedAt} and, unless {@code riskLevel} is null, records its initial
     * assessment.
     */
    private String reportAssessed(String commune, Instant reportedAt, RiskLevel riskLevel, boolean emergency) {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, RECORDED, reported(caseId, childId, commune, reportedAt));
        if (riskLevel != null) {
            append(WORKER, RECORDED, new InitialAssessmentRecorded(caseId, reportedAt.plusSeconds(3600), riskLevel,
                    emergency, null));
        }
        return caseId;
    }

    private JsonNode awaitEntry(String commune, String caseId, Consumer<JsonNode> requirement) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(entry(commune, caseId)).hasValueSatisfying(
                requirement));
        return entry(commune, caseId).orElseThrow();
    }

    private Optional<JsonNode> entry(String commune, String caseId) {
        return PageWalk.rows(this::getJson, "/api/v1/risk-register?commune=" + commune, "cases").stream()
                .filter(e -> e.get("caseId").asString().equals(caseId)).findFirst();
    }

    private JsonNode awaitRegister(String query, int count) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(getJson("/api/v1/risk-register" + query).get("cases").size()).isEqualTo(count));
        return getJson("/api/v1/risk-register" + query);
    }

    private static List<String> caseIds(JsonNode register) {
        return register.get("cases").values().stream().map(c -> c.get("caseId").asString()).toList();
    }

    private static int rank(JsonNode entry) {
        JsonNode level = entry.get("riskLevel");
        return level.isNull() ? 3 : RiskLevel.valueOf(level.asString()).ordinal();
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }
}
