package vn.childprotection.casetracker.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;

/**
 * The access log (<i>nhật ký truy cập</i>): every read of personal data or of a history is recorded, in the request's
 * transaction, and auditors read it.
 */
class AccessLogTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-04-21T01:00:00Z");
    private static final String COMMUNE = "313-tt-an-lao";

    @Test
    void each_read_of_personal_data_or_of_a_history_says_who_read_which_case_when_and_why() {
        String caseId = caseOfAnLao();
        moveClockTo(NOW.plus(Duration.ofHours(1)));
        assertThat(getAs("worker.anlao", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        moveClockTo(NOW.plus(Duration.ofHours(2)));
        assertThat(getAs("health", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(getAs("auditor", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(getAs("auditor", "/api/v1/cases/" + caseId + "/history?asOf=2025-04-21T03:00:00Z").statusCode())
                .isEqualTo(200);
        assertThat(getAs("worker.anthai", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(403);

        HttpResponse<String> response = getAs("auditor", "/api/v1/access-log?caseId=" + caseId
                + "&from=2025-09-01T00:30:00Z");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = body(response);
        assertThat(page.get("next").isNull()).isTrue();
        List<JsonNode> items = page.get("items").values().stream().toList();
        assertThat(items).extracting(i -> i.get("userId").asString() + " " + i.get("resource").asString() + " "
                + i.get("purpose").asString()).containsExactly("worker.anlao CASE_FILE CASE_WORK",
                "health CASE_FILE CASE_WORK", "auditor CASE_HISTORY CASE_WORK");
        JsonNode first = items.get(0);
        assertThat(first.get("caseId").asString()).isEqualTo(caseId);
        assertThat(first.get("orgUnit").asString()).isEqualTo(COMMUNE);
        assertThat(first.get("role").asString()).isEqualTo("COMMUNE_WORKER");
        assertThat(first.get("accessedAt").asString()).isEqualTo("2025-09-01T01:00:00Z");
        assertThat(first.get("grantId").isNull()).isTrue();
        assertThat(first.get("flagged").asBoolean()).isFalse();
        assertThat(items.get(1).get("orgUnit").asString()).isEqualTo("313-health-centre");
        assertThat(items.get(2).get("accessedAt").asString()).isEqualTo("2025-09-01T02:00:00Z");
        assertThat(first.get("entryId").asLong()).isLessThan(items.get(1).get("entryId").asLong());

        for (String plain : procedurePlainTexts()) {
            assertThat(response.body()).doesNotContain(plain);
        }
    }

    @Test
    void the_log_is_filtered_by_user_and_time_and_paged() {
        String caseId = caseOfAnLao();
        for (int i = 0; i < 5; i++) {
            moveClockTo(NOW.plus(Duration.ofMinutes(10 + i)));
            getAs("chair.anlao", "/api/v1/cases/" + caseId + "/history");
        }
        String ofChair = "/api/v1/access-log?caseId=" + caseId + "&user=chair.anlao";
        JsonNode all = body(getAs("auditor", ofChair));
        assertThat(all.get("items").size()).isEqualTo(5);
        assertThat(all.get("items").values()).allSatisfy(i -> assertThat(i.get("userId").asString())
                .isEqualTo("chair.anlao"));

        List<JsonNode> pages = PageWalk.pages(path -> body(getAs("auditor", path)), ofChair + "&limit=2");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).get("next").asString()).startsWith(ofChair + "&limit=2&cursor=");
        assertThat(pages.stream().flatMap(p -> p.get("items").values().stream()).map(i -> i.get("accessedAt")
                .asString()).toList()).containsExactly("2025-09-01T00:10:00Z", "2025-09-01T00:11:00Z",
                "2025-09-01T00:12:00Z", "2025-09-01T00:13:00Z", "2025-09-01T00:14:00Z");
        assertThat(pages.stream().flatMap(p -> p.get("items").values().stream()).map(i -> i.get("entryId")
                .asLong()).toList()).isEqualTo(jdbc.queryForList("SELECT entry_id FROM access_log"
                + " WHERE case_id = ? AND user_id = 'chair.anlao' ORDER BY accessed_at, entry_id", Long.class, caseId));

        JsonNode window = body(getAs("auditor", ofChair + "&from=2025-09-01T00:11:00Z&to=2025-09-01T00:13:00Z"));
        assertThat(window.get("items").values()).extracting(i -> i.get("accessedAt").asString())
                .containsExactly("2025-09-01T00:11:00Z", "2025-09-01T00:12:00Z");

        for (String bad : List.of("limit=0", "limit=1001", "page=1", "size=2", "cursor=AQAB",
                "from=2025-09-02T00:00:00Z&to=2025-09-01T00:00:00Z", "from=yesterday", "flagged=maybe")) {
            HttpResponse<String> refused = getAs("auditor", "/api/v1/access-log?" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    /**
     * The row is written in the read's own transaction: when it cannot be written, the case file is not sent.
     */
    @Test
    void a_read_whose_log_row_cannot_be_written_is_not_answered() {
        String caseId = caseOfAnLao();
        jdbc.execute("ALTER TABLE access_log ADD CONSTRAINT test_refuse_chair CHECK (user_id <> 'chair.anlao') "
                + "NOT VALID");
        try {
            HttpResponse<String> response = getAs("chair.anlao", "/api/v1/cases/" + caseId);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("Nguyễn Thị Test").doesNotContain("Thôn Thử Nghiệm");
            assertThat(getAs("worker.anlao", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        } finally {
            jdbc.execute("ALTER TABLE access_log DROP CONSTRAINT test_refuse_chair");
        }
        assertThat(accessLogOf(caseId)).noneMatch(row -> row.startsWith("chair.anlao"));
    }

    @Test
    void the_log_is_append_only() {
        String caseId = caseOfAnLao();
        getAs("worker.anlao", "/api/v1/cases/" + caseId);
        assertThatThrownBy(() -> jdbc.update("UPDATE access_log SET user_id = 'someone' WHERE case_id = ?", caseId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log WHERE case_id = ?", caseId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE access_log"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(accessLogOf(caseId)).contains("worker.anlao CASE_FILE CASE_WORK");
    }

    private String caseOfAnLao() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), COMMUNE, T0);
        awaitCaseFile(caseId, 8);
        return caseId;
    }
}
