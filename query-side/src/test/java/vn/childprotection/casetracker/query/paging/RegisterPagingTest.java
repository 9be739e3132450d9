package vn.childprotection.casetracker.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Each register and queue read page by page gives the list read whole: same order, no row twice, none missing, also
 * when rows are added between two pages. The whole list is read with the largest limit, in one page.
 */
class RegisterPagingTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-07-10T02:00:00Z");
    private static final String COMMUNE = "31-xa-an-quang";
    private static final String AGENCY = "31-xa-an-quang-police";
    private static final String REGISTER = "/api/v1/risk-register?commune=" + COMMUNE;
    private static final String WHOLE = "&limit=1000";

    @Test
    void risk_register_pages_give_the_whole_register_in_order_with_cases_added_between_pages() {
        List<String> opened = new ArrayList<>();
        RiskLevel[] levels = {RiskLevel.HIGH, RiskLevel.LOW, null, RiskLevel.MEDIUM};
        for (int i = 0; i < 8; i++) {
            // Two cases per report instant and level: the case id decides between them.
            opened.add(open(T0.plus(Duration.ofHours(i / 2)), levels[(i / 2) % 4]));
        }
        awaitListed(REGISTER + WHOLE, "cases", opened);
        List<String> before = ids(getJson(REGISTER + WHOLE).get("cases"), "caseId");

        JsonNode first = getJson(REGISTER + "&limit=3");
        assertThat(ids(first.get("cases"), "caseId")).containsExactlyElementsOf(before.subList(0, 3));
        assertThat(first.get("total").asLong()).isEqualTo(before.size());
        assertThat(first.get("countsByCommune").get(COMMUNE).asLong()).isEqualTo(before.size());
        assertThat(first.get("next").asString()).startsWith(REGISTER + "&limit=3&cursor=");

        String behind = open(T0.minus(Duration.ofDays(30)), RiskLevel.HIGH);
        String ahead = open(T0.plus(Duration.ofDays(30)), null);
        awaitListed(REGISTER + WHOLE, "cases", List.of(behind, ahead));
        List<String> whole = ids(getJson(REGISTER + WHOLE).get("cases"), "caseId");
        assertThat(whole.indexOf(behind)).isLessThan(whole.indexOf(before.get(2)));

        List<JsonNode> rest = PageWalk.pages(this::getJson, first.get("next").asString());
        List<String> paged = new ArrayList<>(ids(first.get("cases"), "caseId"));
        rest.forEach(page -> paged.addAll(ids(page.get("cases"), "caseId")));
        assertThat(paged).doesNotHaveDuplicates().contains(ahead).doesNotContain(behind)
                .containsExactlyElementsOf(whole.stream().filter(id -> !id.equals(behind)).toList());
        assertThat(rest).allSatisfy(page -> {
            assertThat(page.get("cases").size()).isLessThanOrEqualTo(3);
            assertThat(page.get("total").isNull()).isTrue();
            assertThat(page.get("countsByCommune").isNull()).isTrue();
        });
        assertThat(rest.get(rest.size() - 1).get("next").isNull()).isTrue();

        JsonNode high = getJson(REGISTER + "&riskLevel=HIGH&limit=1");
        assertThat(high.get("next").asString()).startsWith(REGISTER + "&riskLevel=HIGH&limit=1&cursor=");
        assertThat(PageWalk.rows(this::getJson, REGISTER + "&riskLevel=HIGH&limit=1", "cases"))
                .extracting(c -> c.get("caseId").asString())
                .containsExactlyElementsOf(ids(getJson(REGISTER + "&riskLevel=HIGH" + WHOLE).get("cases"), "caseId"));
    }

    @Test
    void overdue_register_pages_give_the_whole_register_in_order_for_a_commune_and_for_an_agency() {
        String caseId = open(T0, RiskLevel.HIGH);
        String other = open(T0, RiskLevel.LOW);
        Instant due = Instant.parse("2025-07-20T10:00:00Z");
        List<String> late = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            // The same due instant in both cases: the case id, then the deadline id decide.
            late.add(miss(caseId, "CASE_REVIEW-" + i, DeadlineRule.CASE_REVIEW, due.plus(Duration.ofDays(i % 2)),
                    COMMUNE, null));
            late.add(miss(other, "INTERVENTION_DUE-" + i, DeadlineRule.INTERVENTION_DUE,
                    due.plus(Duration.ofDays(i % 2)), AGENCY, "i-" + i));
        }
        String path = "/api/v1/overdue?commune=" + COMMUNE;
        awaitListed(path + WHOLE, "items", List.of(caseId, other));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(path + WHOLE).get("items").values())
                .filteredOn(i -> List.of(caseId, other).contains(i.get("caseId").asString())).hasSize(late.size()));

        assertPagesGiveTheWhole(path, "items", "deadlineId", 2);
        assertPagesGiveTheWhole(path + "&agency=" + AGENCY, "items", "deadlineId", 2);
        JsonNode first = getJson(path + "&agency=" + AGENCY + "&limit=2");
        assertThat(first.get("next").asString()).startsWith(path + "&agency=" + AGENCY + "&limit=2&cursor=");
        assertThat(first.get("countsByAgency").get(AGENCY).asLong()).isEqualTo(first.get("total").asLong());
    }

    @Test
    void work_queue_and_declined_pages_give_the_whole_list_in_either_order() {
        String caseId = open(T0, RiskLevel.MEDIUM);
        String other = open(T0, RiskLevel.MEDIUM);
        plan(caseId, "2025-08-01", "2025-08-02", "2025-08-01", "2025-08-03");
        plan(other, "2025-08-01", "2025-08-02", "2025-08-01");
        for (String id : List.of("i-1", "i-2", "i-3")) {
            append(WORKER, T0.plus(Duration.ofHours(3)), new InterventionStatusChanged(caseId,
                    T0.plus(Duration.ofHours(3)), id, AGENCY, InterventionStatus.ASSIGNED,
                    InterventionStatus.DECLINED, null));
        }
        String queue = "/api/v1/agencies/" + AGENCY + "/work-queue";
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(getJson(queue + "?limit=1000").get("total").asLong()).isEqualTo(7);
            assertThat(getJson(queue + "?status=DECLINED&limit=1000").get("total").asLong()).isEqualTo(3);
        });

        List<String> ascending = assertPagesGiveTheWhole(queue + "?sort=dueDate,asc", "items", "interventionId", 2);
        List<String> descending = assertPagesGiveTheWhole(queue + "?sort=dueDate,desc", "items", "interventionId",
                3);
        List<String> reversed = new ArrayList<>(ascending);
        Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
        assertPagesGiveTheWhole(queue + "?status=ASSIGNED", "items", "interventionId", 1);
        assertThat(getJson(queue + "?sort=dueDate,desc&limit=2").get("next").asString())
                .startsWith(queue + "?sort=dueDate,desc&limit=2&cursor=");

        assertPagesGiveTheWhole("/api/v1/coordination/declined-interventions?", "items", "interventionId", 2);
    }

    /**
     * Reads {@code path} whole and page by page ({@code limit} rows a page) and compares; answers the rows' keys.
     */
    private List<String> assertPagesGiveTheWhole(String path, String field, String idField, int limit) {
        String separator = path.endsWith("?") ? "" : (path.contains("?") ? "&" : "?");
        JsonNode whole = getJson(path + separator + "limit=1000");
        List<String> expected = ids(whole.get(field), idField);
        assertThat(whole.get("next").isNull()).isTrue();
        List<JsonNode> pages = PageWalk.pages(this::getJson, path + separator + "limit=" + limit);
        List<String> paged = pages.stream().flatMap(p -> ids(p.get(field), idField).stream()).toList();
        assertThat(paged).as(path).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(pages).as(path).hasSize(Math.max(1, (expected.size() + limit - 1) / limit));
        assertThat(pages.get(0).get("total").asLong()).isEqualTo(expected.size());
        return paged;
    }

    private void awaitListed(String path, String field, List<String> caseIds) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(getJson(path).get(field), "caseId"))
                .containsAll(caseIds));
    }

    /**
     * Each row's identity: the case id and the row's own id within it (when it has one).
     */
    private static List<String> ids(JsonNode rows, String idField) {
        return rows.values().stream().map(r -> idField.equals("caseId") ? r.get("caseId").asString()
                : r.get("caseId").asString() + "/" + r.get(idField).asString()).toList();
    }

    private String open(Instant reportedAt, RiskLevel level) {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, reportedAt, reported(caseId, childId, COMMUNE, reportedAt));
        if (level != null) {
            append(WORKER, reportedAt.plusSeconds(60), new InitialAssessmentRecorded(caseId,
                    reportedAt.plusSeconds(60), level, false, seal(childId, "Đánh giá ban đầu")));
        }
        return caseId;
    }

    private String miss(String caseId, String deadlineId, DeadlineRule rule, Instant dueAt, String responsible,
                        String interventionId) {
        append(WORKER, T0.plusSeconds(120), scheduled(caseId, T0.plusSeconds(120), deadlineId, rule, dueAt,
                responsible, interventionId));
        appendBySystem(responsible, dueAt, new DeadlineMissed(caseId, dueAt, deadlineId, rule, dueAt, responsible,
                interventionId));
        return caseId + "/" + deadlineId;
    }

    /**
     * A plan of one intervention for the agency per due date given (i-1, i-2...), approved.
     */
    private void plan(String caseId, String... dueDates) {
        List<PlannedIntervention> interventions = new ArrayList<>();
        for (int i = 0; i < dueDates.length; i++) {
            interventions.add(new PlannedIntervention("i-" + (i + 1), InterventionMeasure.LEGAL_AID, AGENCY,
                    day(dueDates[i]), null));
        }
        append(WORKER, T0.plus(Duration.ofHours(1)), new SupportPlanDrafted(caseId, T0.plus(Duration.ofHours(1)), 1,
                interventions, null));
        append(CHAIR, T0.plus(Duration.ofHours(2)), new SupportPlanApproved(caseId, T0.plus(Duration.ofHours(2)), 1));
    }
}
