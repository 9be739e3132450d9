package vn.childprotection.casetracker.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * The {@code limit} and {@code cursor} of every register and queue: bounds, a cursor that is not one, was changed
 * or belongs to another list, and the access rules on every page.
 */
class PageParameterTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-07-15T02:00:00Z");
    private static final String OWN = "31-xa-an-quang";
    private static final String OTHER = "31-xa-an-truong";
    private static final String OWN_WORKER = "worker." + OWN;
    private static final List<String> LISTS = List.of("/api/v1/risk-register", "/api/v1/overdue",
            "/api/v1/agencies/313-police/work-queue", "/api/v1/coordination/declined-interventions");

    @Test
    void limit_is_a_whole_number_from_1_to_1000_on_every_list() {
        for (String list : LISTS) {
            JsonNode one = getJson(list + "?limit=1");
            assertThat(one.get(one.has("cases") ? "cases" : "items").size()).as(list).isLessThanOrEqualTo(1);
            assertThat(getJson(list + "?limit=1000").has("next")).as(list).isTrue();
            for (String limit : List.of("0", "1001", "-1", "abc", "1.5", "+5", "007", "99999999999")) {
                assertBadRequest(get(list + "?limit=" + limit), "limit");
            }
        }
        assertThat(getJson("/api/v1/risk-register").get("cases").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void a_cursor_that_is_not_one_was_changed_or_belongs_to_another_list_is_refused_and_nothing_is_written() {
        List<String> cases = openCases(OWN, 3);
        awaitRegister(OWN, cases);
        String path = "/api/v1/risk-register?commune=" + OWN + "&limit=1";
        String cursor = cursorOf(getJson(path));
        String otherCommune = "/api/v1/risk-register?commune=" + OTHER + "&cursor=";
        long accessLogRows = accessLogRows();

        assertBadRequest(get(path + "&cursor=not-a-cursor!"), "cursor");
        assertBadRequest(get(path + "&cursor=AAAA"), "cursor");
        assertBadRequest(get(path + "&cursor=" + "A".repeat(3000)), "cursor");
        assertBadRequest(get(path + "&cursor=" + cursor.substring(0, cursor.length() - 4)), "cursor");
        assertBadRequest(get(path + "&cursor=" + edited(cursor)), "cursor");
        assertBadRequest(get(otherCommune + cursor), "cursor");
        assertBadRequest(get("/api/v1/risk-register?cursor=" + cursor), "cursor");
        assertBadRequest(get("/api/v1/risk-register?commune=" + OWN + "&riskLevel=LOW&cursor=" + cursor), "cursor");
        assertBadRequest(get("/api/v1/overdue?commune=" + OWN + "&cursor=" + cursor), "cursor");
        assertBadRequest(get("/api/v1/coordination/declined-interventions?cursor=" + cursor), "cursor");
        assertBadRequest(get(path + "&limit=2"), "limit");
        HttpResponse<String> both = get("/api/v1/risk-register?commune=" + OWN + "&limit=0&cursor=AAAA");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(body(both).get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("limit", "cursor");

        String ascending = policeQueueCursor();
        assertBadRequest(get("/api/v1/agencies/313-police/work-queue?sort=dueDate,desc&cursor=" + ascending), "cursor");
        assertBadRequest(get("/api/v1/agencies/313-health-centre/work-queue?cursor=" + ascending), "cursor");
        assertThat(get("/api/v1/agencies/313-police/work-queue?sort=dueDate,asc&cursor=" + ascending).statusCode())
                .isEqualTo(200);

        // Forged with a valid check value: still refused before anything reaches the database.
        ListScope own = ListScope.of("risk-register", "commune", OWN, "riskLevel", null);
        assertBadRequest(get(path + "&cursor=" + PageCursor.encode(own, List.of("7", "2025-07-15T02:00:00Z", "x"))),
                "cursor");
        assertBadRequest(get(path + "&cursor=" + PageCursor.encode(own,
                List.of("0", "+99999-01-01T00:00:00Z", "x"))), "cursor");
        assertBadRequest(get(path + "&cursor=" + PageCursor.encode(own, List.of("0", "x"))), "cursor");
        assertThat(get(path + "&cursor=" + PageCursor.encode(own, List.of("0", "2025-07-15T02:00:00Z", "x")))
                .statusCode()).isEqualTo(200);
        assertThat(accessLogRows()).isEqualTo(accessLogRows);
    }

    @Test
    void every_page_keeps_the_callers_access_rules_and_a_cursor_opens_no_other_unit() {
        List<String> own = openCases(OWN, 3);
        List<String> other = openCases(OTHER, 2);
        awaitRegister(OWN, own);
        awaitRegister(OTHER, other);

        List<JsonNode> walked = PageWalk.rows(path -> okBody(OWN_WORKER, path), "/api/v1/risk-register?limit=2",
                "cases");
        assertThat(walked).allSatisfy(c -> assertThat(c.get("communeCode").asString()).isEqualTo(OWN));
        assertThat(walked).extracting(c -> c.get("caseId").asString()).containsAll(own).doesNotContainAnyElementsOf(
                other);

        String districtCursor = cursorOf(getJson("/api/v1/risk-register?limit=1"));
        HttpResponse<String> foreign = getAs(OWN_WORKER, "/api/v1/risk-register?cursor=" + districtCursor);
        assertBadRequest(foreign, "cursor");
        assertThat(foreign.body()).doesNotContain(other.get(0)).doesNotContain(other.get(1)).doesNotContain(OTHER);
        String otherCursor = cursorOf(getJson("/api/v1/risk-register?commune=" + OTHER + "&limit=1"));
        assertRefused(getAs(OWN_WORKER, "/api/v1/risk-register?commune=" + OTHER + "&cursor=" + otherCursor),
                "not-your-commune", other.get(0));

        List<JsonNode> police = PageWalk.rows(path -> okBody("police", path), "/api/v1/overdue?limit=1", "items");
        assertThat(police).allSatisfy(i -> {
            assertThat(i.get("rule").asString()).isEqualTo("INTERVENTION_DUE");
            assertThat(i.get("responsibleOrgUnit").asString()).isEqualTo("313-police");
        });
        String allOverdue = PageCursor.encode(ListScope.of("overdue", "commune", null, "agency", null),
                List.of("2025-07-15T02:00:00Z", "case-x", "CASE_REVIEW-1"));
        assertThat(get("/api/v1/overdue?cursor=" + allOverdue).statusCode()).isEqualTo(200);
        assertBadRequest(getAs("police", "/api/v1/overdue?cursor=" + allOverdue), "cursor");
        assertRefused(getAs("police", "/api/v1/agencies/313-health-centre/work-queue?cursor=" + policeQueueCursor()),
                "not-your-org-unit");
        assertRefused(getAs("dashboard", "/api/v1/risk-register?cursor=" + districtCursor), "aggregates-only");
    }

    private List<String> openCases(String commune, int count) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String caseId = newId("case");
            append(WORKER, T0.plusSeconds(i), reported(caseId, newId("child"), commune, T0.plusSeconds(i)));
            cases.add(caseId);
        }
        return cases;
    }

    private void awaitRegister(String commune, List<String> cases) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson("/api/v1/risk-register?commune=" + commune
                + "&limit=1000").get("cases").values()).extracting(c -> c.get("caseId").asString())
                .containsAll(cases));
    }

    private JsonNode okBody(String user, String path) {
        HttpResponse<String> response = getAs(user, path);
        assertThat(response.statusCode()).as("%s GET %s: %s", user, path, response.body()).isEqualTo(200);
        return body(response);
    }

    /**
     * A cursor of the police's work queue by due date, ascending, without a status filter.
     */
    private static String policeQueueCursor() {
        return PageCursor.encode(ListScope.of("work-queue", "code", "313-police", "sort", "dueDate,asc", "status",
                null), List.of("2025-08-01", "case-x", "i-1"));
    }

    private static String cursorOf(JsonNode page) {
        String next = page.get("next").asString();
        return next.substring(next.indexOf("cursor=") + "cursor=".length());
    }

    /**
     * The cursor with one character in its middle changed to another base64url character.
     */
    private static String edited(String cursor) {
        int middle = cursor.length() / 2;
        char replacement = cursor.charAt(middle) == 'A' ? 'B' : 'A';
        return cursor.substring(0, middle) + replacement + cursor.substring(middle + 1);
    }

    private long accessLogRows() {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM access_log", Long.class);
        return rows == null ? 0 : rows;
    }

    private void assertBadRequest(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).get("errors").values()).extracting(e -> e.get("field").asString())
                .containsExactly(field);
    }
}
