package vn.childprotection.casetracker.query.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;

/**
 * Break-the-glass (<i>truy cập khẩn cấp</i>): who may, what it opens, that it expires by itself when the clock
 * passes it, and how auditors review it.
 */
class BreakTheGlassTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-05-19T01:00:00Z");
    private static final String COMMUNE = "313-tt-an-lao";
    private static final String CHILD_NAME = "Nguyễn Thị Test";
    private static final String REASON = "Cuộc gọi khẩn cấp ban đêm, trẻ đang gặp nguy hiểm tại nơi ở mới";
    private static final String NOTE = "{\"note\": \"Đã xác minh: truy cập cần thiết\"}";

    @Test
    void a_worker_of_another_commune_reads_the_case_in_full_under_a_grant_until_it_expires() {
        String caseId = caseOfAnLao();
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, CHILD_NAME);

        HttpResponse<String> granted = breakTheGlass("worker.anthai", caseId, REASON);
        assertThat(granted.statusCode()).isEqualTo(201);
        JsonNode grant = body(granted);
        String grantId = grant.get("grantId").asString();
        assertThat(grantId).isNotBlank();
        assertThat(grant.get("caseId").asString()).isEqualTo(caseId);
        assertThat(grant.get("expiresAt").asString()).isEqualTo("2025-09-01T01:00:00Z");

        JsonNode file = body(getAs("worker.anthai", "/api/v1/cases/" + caseId));
        assertThat(file.get("child").get("name").asString()).isEqualTo(CHILD_NAME);
        assertThat(file.get("personalDataRedacted").asBoolean()).isFalse();
        assertThat(getAs("worker.anthai", "/api/v1/cases/" + caseId + "/history").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT resource || ' ' || purpose || ' ' || grant_id FROM access_log "
                + "WHERE case_id = ? AND user_id = 'worker.anthai' ORDER BY entry_id", String.class, caseId))
                .containsExactly("BREAK_THE_GLASS BREAK_THE_GLASS " + grantId,
                        "CASE_FILE BREAK_THE_GLASS " + grantId, "CASE_HISTORY BREAK_THE_GLASS " + grantId);

        moveClockTo(NOW.plus(Duration.ofMinutes(59)));
        assertThat(getAs("worker.anthai", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        moveClockTo(NOW.plus(Duration.ofMinutes(60)));
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, CHILD_NAME);
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId + "/history"), "outside-your-commune", caseId);
    }

    @Test
    void an_auditor_sees_personal_data_only_under_a_grant_and_redacted_again_once_it_expired() {
        String caseId = caseOfAnLao();
        JsonNode before = body(getAs("auditor", "/api/v1/cases/" + caseId));
        assertThat(before.get("personalDataRedacted").asBoolean()).isTrue();
        assertThat(before.get("child").get("name").isNull()).isTrue();

        HttpResponse<String> granted = breakTheGlass("auditor", caseId, REASON);
        assertThat(granted.statusCode()).isEqualTo(201);

        JsonNode during = body(getAs("auditor", "/api/v1/cases/" + caseId));
        assertThat(during.get("personalDataRedacted").asBoolean()).isFalse();
        assertThat(during.get("child").get("name").asString()).isEqualTo(CHILD_NAME);
        assertThat(during.get("report").get("narrative").asString()).isEqualTo("Hàng xóm nghe tiếng khóc kéo dài");

        moveClockTo(Instant.parse(body(granted).get("expiresAt").asString()).plusSeconds(1));
        JsonNode after = body(getAs("auditor", "/api/v1/cases/" + caseId));
        assertThat(after.get("personalDataRedacted").asBoolean()).isTrue();
        assertThat(after.get("child").get("name").isNull()).isTrue();
        assertThat(accessLogOf(caseId)).containsSubsequence("auditor BREAK_THE_GLASS BREAK_THE_GLASS",
                "auditor CASE_FILE BREAK_THE_GLASS");
        assertThat(accessLogOf(caseId).stream().filter(row -> row.startsWith("auditor CASE_FILE"))).hasSize(1);
    }

    @Test
    void the_glass_is_for_cases_outside_ones_scope_and_never_for_dashboards() {
        String caseId = caseOfAnLao();
        assertRefused(breakTheGlass("dashboard", caseId, REASON), "aggregates-only", caseId, COMMUNE);
        assertRefused(breakTheGlass("worker.anlao", caseId, REASON), "already-in-scope", caseId, COMMUNE);
        assertRefused(breakTheGlass("health", caseId, REASON), "already-in-scope", caseId, COMMUNE);
        assertThat(breakTheGlass("police", caseId, REASON).statusCode()).isEqualTo(201);
        assertThat(breakTheGlass("coordinator", caseId, REASON).statusCode()).isEqualTo(201);
        assertThat(breakTheGlass("police", newId("no-such-case"), REASON).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList("SELECT user_id FROM break_the_glass_grant WHERE case_id = ? ORDER BY user_id",
                String.class, caseId)).containsExactly("coordinator", "police");

        JsonNode police = body(getAs("police", "/api/v1/cases/" + caseId));
        assertThat(police.get("child").get("address").asString()).isEqualTo("Thôn Thử Nghiệm, xã An Thái");
    }

    @Test
    void the_reason_is_required_between_15_and_1000_characters_and_kept_sealed() {
        String caseId = caseOfAnLao();
        for (String body : List.of("{}", "{\"reason\": null}", "{\"reason\": \"   khẩn cấp    \"}",
                "{\"reason\": \"" + "x".repeat(1001) + "\"}")) {
            HttpResponse<String> refused = postAs("worker.anthai", "/api/v1/cases/" + caseId + "/break-the-glass",
                    body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM break_the_glass_grant WHERE case_id = ?", Long.class,
                caseId)).isZero();

        assertThat(breakTheGlass("worker.anthai", caseId, "x".repeat(1000)).statusCode()).isEqualTo(201);
        assertThat(breakTheGlass("auditor", caseId, REASON).statusCode()).isEqualTo(201);
        String stored = String.join("\n", jdbc.queryForList(
                "SELECT reason::text FROM break_the_glass_grant WHERE case_id = ?", String.class, caseId));
        assertThat(stored).contains("cipherText").doesNotContain("khẩn cấp").doesNotContain("xxxxxxxx");
    }

    @Test
    void auditors_review_flagged_grants_and_the_review_clears_the_flag_of_the_grant_and_its_log_entries() {
        String caseId = caseOfAnLao();
        String grantId = body(breakTheGlass("worker.anthai", caseId, REASON)).get("grantId").asString();
        assertThat(getAs("worker.anthai", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);

        JsonNode flagged = grant(getJson("auditor", "/api/v1/break-the-glass/grants?flagged=true&caseId=" + caseId),
                grantId);
        assertThat(flagged.get("userId").asString()).isEqualTo("worker.anthai");
        assertThat(flagged.get("orgUnit").asString()).isEqualTo("313-an-thai");
        assertThat(flagged.get("role").asString()).isEqualTo("COMMUNE_WORKER");
        assertThat(flagged.get("reason").asString()).isEqualTo(REASON);
        assertThat(flagged.get("grantedAt").asString()).isEqualTo("2025-09-01T00:00:00Z");
        assertThat(flagged.get("active").asBoolean()).isTrue();
        assertThat(flagged.get("flagged").asBoolean()).isTrue();
        assertThat(flagged.get("reviewedBy").isNull()).isTrue();
        JsonNode flaggedLog = getJson("auditor", "/api/v1/access-log?flagged=true&caseId=" + caseId);
        assertThat(flaggedLog.get("items").values()).extracting(e -> e.get("resource").asString())
                .containsExactly("BREAK_THE_GLASS", "CASE_FILE");
        assertThat(flaggedLog.get("items").values()).allSatisfy(e -> {
            assertThat(e.get("grantId").asString()).isEqualTo(grantId);
            assertThat(e.get("flagged").asBoolean()).isTrue();
        });

        assertRefused(postAs("coordinator", "/api/v1/break-the-glass/grants/" + grantId + "/review",
                "{\"note\": \"Đã xác minh\"}"), "role-not-allowed", caseId);
        moveClockTo(NOW.plus(Duration.ofDays(2)));
        HttpResponse<String> reviewed = postAs("auditor", "/api/v1/break-the-glass/grants/" + grantId + "/review",
                "{\"note\": \"Đã xác minh với Chủ tịch UBND xã: khẩn cấp thật\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        JsonNode review = body(reviewed);
        assertThat(review.get("flagged").asBoolean()).isFalse();
        assertThat(review.get("active").asBoolean()).isFalse();
        assertThat(review.get("reviewedBy").asString()).isEqualTo("auditor");
        assertThat(review.get("reviewedAt").asString()).isEqualTo("2025-09-03T00:00:00Z");
        assertThat(review.get("reviewNote").asString()).isEqualTo("Đã xác minh với Chủ tịch UBND xã: khẩn cấp thật");
        assertThat(jdbc.queryForObject("SELECT review_note::text FROM break_the_glass_grant WHERE grant_id = ?",
                String.class, grantId)).contains("cipherText").doesNotContain("xác minh");

        assertThat(getJson("auditor", "/api/v1/break-the-glass/grants?flagged=true&caseId=" + caseId).get("items")
                .size()).isZero();
        assertThat(getJson("auditor", "/api/v1/access-log?flagged=true&caseId=" + caseId).get("items").size())
                .isZero();
        assertThat(getJson("auditor", "/api/v1/access-log?flagged=false&caseId=" + caseId).get("items").values())
                .anySatisfy(e -> assertThat(e.get("grantId").asString()).isEqualTo(grantId));
        assertThat(grant(getJson("auditor", "/api/v1/break-the-glass/grants?flagged=false&caseId=" + caseId),
                grantId).get("reviewedBy").asString()).isEqualTo("auditor");

        HttpResponse<String> again = postAs("auditor.two", "/api/v1/break-the-glass/grants/" + grantId + "/review",
                NOTE);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).get("rule").asString()).isEqualTo("already-reviewed");
        assertThat(postAs("auditor", "/api/v1/break-the-glass/grants/" + newId("no-such-grant") + "/review", NOTE)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void an_auditor_does_not_review_their_own_grant() {
        String caseId = caseOfAnLao();
        String grantId = body(breakTheGlass("auditor", caseId, REASON)).get("grantId").asString();
        assertRefused(postAs("auditor", "/api/v1/break-the-glass/grants/" + grantId + "/review", NOTE), "own-grant",
                caseId);
        for (String body : List.of("{}", "{\"note\": \"   \"}", "{\"note\": \"" + "x".repeat(1001) + "\"}")) {
            HttpResponse<String> refused = postAs("auditor.two", "/api/v1/break-the-glass/grants/" + grantId
                    + "/review", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("note");
        }
        HttpResponse<String> reviewed = postAs("auditor.two", "/api/v1/break-the-glass/grants/" + grantId
                + "/review", NOTE);
        assertThat(reviewed.statusCode()).isEqualTo(200);
        assertThat(body(reviewed).get("reviewedBy").asString()).isEqualTo("auditor.two");
        assertThat(body(reviewed).get("reviewNote").asString()).isEqualTo("Đã xác minh: truy cập cần thiết");
    }

    /**
     * The reason and the note are free text about the child: an erasure of the child's identity shreds the reason,
     * and a note written afterwards is not kept.
     */
    @Test
    void after_an_erasure_the_reason_is_shredded_and_a_review_keeps_no_note() {
        String childId = newId("child");
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, childId, COMMUNE, T0);
        awaitCaseFile(caseId, 8);
        String grantId = body(breakTheGlass("worker.anthai", caseId, REASON)).get("grantId").asString();

        jdbc.update("DELETE FROM child_key WHERE child_id = ?", childId);
        append(COORDINATOR, T0.plus(Duration.ofDays(1)), new ChildIdentityErased(caseId, T0.plus(Duration.ofDays(1)),
                childId, "PDP_2025_ART_16", "QĐ-15/2025"));
        awaitCaseFile(caseId, 9);

        JsonNode grant = grant(getJson("auditor", "/api/v1/break-the-glass/grants?caseId=" + caseId), grantId);
        assertThat(grant.get("reason").isNull()).isTrue();
        HttpResponse<String> reviewed = postAs("auditor", "/api/v1/break-the-glass/grants/" + grantId + "/review",
                NOTE);
        assertThat(reviewed.statusCode()).isEqualTo(200);
        assertThat(body(reviewed).get("flagged").asBoolean()).isFalse();
        assertThat(body(reviewed).get("reviewNote").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT review_note IS NULL FROM break_the_glass_grant WHERE grant_id = ?",
                Boolean.class, grantId)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_key WHERE child_id = ?", Long.class, childId))
                .as("no key is created again for an erased child").isZero();
    }

    @Test
    void grants_are_paged_oldest_first_with_every_grant_once_and_their_filters_kept() {
        String caseId = caseOfAnLao();
        for (int i = 0; i < 3; i++) {
            // Two grants at the same instant: the grant id decides between them.
            moveClockTo(NOW.plus(Duration.ofMinutes(i / 2)));
            assertThat(breakTheGlass("worker.anthai", caseId, REASON).statusCode()).isEqualTo(201);
        }
        String ofCase = "/api/v1/break-the-glass/grants?caseId=" + caseId;
        List<JsonNode> pages = PageWalk.pages(path -> getJson("auditor", path), ofCase + "&limit=1");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).get("next").asString()).startsWith(ofCase + "&limit=1&cursor=");
        assertThat(pages.stream().map(p -> p.get("items").get(0).get("grantId").asString()).toList())
                .isEqualTo(jdbc.queryForList("SELECT grant_id FROM break_the_glass_grant WHERE case_id = ?"
                        + " ORDER BY granted_at, grant_id", String.class, caseId));
        String cursorOfCase = pages.get(0).get("next").asString().replaceAll(".*cursor=", "");
        HttpResponse<String> otherFilter = getAs("auditor", "/api/v1/break-the-glass/grants?flagged=true&cursor="
                + cursorOfCase);
        assertThat(otherFilter.statusCode()).isEqualTo(400);
        assertThat(body(otherFilter).get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        assertRefused(getAs("worker.anthai", ofCase + "&page=1"), "role-not-allowed");
        assertThat(body(getAs("auditor", ofCase + "&page=1")).get("errors").get(0).get("field").asString())
                .isEqualTo("page");
    }

    private String caseOfAnLao() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), COMMUNE, T0);
        awaitCaseFile(caseId, 8);
        return caseId;
    }

    private HttpResponse<String> breakTheGlass(String user, String caseId, String reason) {
        return postAs(user, "/api/v1/cases/" + caseId + "/break-the-glass",
                json.writeValueAsString(Map.of("reason", reason)));
    }

    private JsonNode getJson(String user, String path) {
        HttpResponse<String> response = getAs(user, path);
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return body(response);
    }

    private static JsonNode grant(JsonNode page, String grantId) {
        return page.get("items").values().stream().filter(g -> g.get("grantId").asString().equals(grantId))
                .findFirst().orElseThrow(() -> new AssertionError("no grant " + grantId + " in " + page));
    }
}
