package vn.childprotection.casetracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.command.intake.IdempotencyRetention;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The idempotency records of {@code POST /cases}: keyed hashes only, kept for the retention, deleted with an erasure.
 * Same context as {@link CommandApiTest}.
 */
class IdempotencyRecordsTest extends CommandHttpTest {

    private static final String WORKER = "worker.31-xa-an-lao";
    private static final String ROWS_OF_CASE = "SELECT count(*) FROM idempotency_key WHERE case_id = ?";

    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    IdempotencyRetention retention;

    @Test
    void a_record_holds_neither_the_key_nor_a_plain_hash_of_the_body() throws Exception {
        String key = "bao-cao-dinh-van-thu-2016-02-03";
        String body = json(CommandApiTest.report("Đinh Văn Thử"));

        Response created = api.post("/api/v1/cases", WORKER, body, Map.of("Idempotency-Key", key));

        assertThat(created.status()).isEqualTo(201);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM idempotency_key WHERE case_id = ?",
                created.json().get("caseId").asString());
        String canonical = jsonMapper.writeValueAsString(jsonMapper.readValue(body, ReportCaseRequest.class));
        List<String> plainHashes = List.of(sha256(body), sha256(canonical), sha256(key));
        assertThat(row.values()).doesNotContain(key);
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(plainHashes::contains)
                .noneMatch(value -> value.contains("Đinh Văn Thử"));
        assertThat((String) row.get("request_hmac")).matches("[0-9a-f]{64}");
        assertThat((String) row.get("key_hmac")).matches("[0-9a-f]{64}");
    }

    @Test
    void a_replay_within_the_retention_answers_the_first_case() {
        String body = json(CommandApiTest.report("Hà Thị Lặp Lại"));
        Map<String, String> key = Map.of("Idempotency-Key", "replay-within-retention");

        Response first = api.post("/api/v1/cases", WORKER, body, key);
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '6 days 23 hours' WHERE case_id = ?",
                first.json().get("caseId").asString());
        Response again = api.post("/api/v1/cases", WORKER, body, key);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("caseId").asString()).isEqualTo(first.json().get("caseId").asString());
    }

    @Test
    void a_replay_after_the_retention_is_a_new_request_even_before_the_cleanup_ran() {
        String body = json(CommandApiTest.report("Vũ Văn Quá Hạn"));
        Map<String, String> key = Map.of("Idempotency-Key", "replay-after-retention");
        Response first = api.post("/api/v1/cases", WORKER, body, key);
        String firstCase = first.json().get("caseId").asString();
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '7 days 1 minute' WHERE case_id = ?",
                firstCase);

        Response after = api.post("/api/v1/cases", WORKER, body, key);
        Response replayOfTheNew = api.post("/api/v1/cases", WORKER, body, key);

        assertThat(after.status()).isEqualTo(201);
        assertThat(after.header("Idempotent-Replayed")).isNull();
        String newCase = after.json().get("caseId").asString();
        assertThat(newCase).isNotEqualTo(firstCase);
        assertThat(jdbc.queryForObject(ROWS_OF_CASE, Long.class, firstCase)).isZero();
        assertThat(replayOfTheNew.status()).isEqualTo(200);
        assertThat(replayOfTheNew.json().get("caseId").asString()).isEqualTo(newCase);
    }

    @Test
    void the_cleanup_deletes_the_records_older_than_the_retention_only() {
        String old = api.post("/api/v1/cases", WORKER, json(CommandApiTest.report("Lò Văn Cũ")),
                Map.of("Idempotency-Key", "cleanup-old")).json().get("caseId").asString();
        String fresh = api.post("/api/v1/cases", WORKER, json(CommandApiTest.report("Lò Văn Mới")),
                Map.of("Idempotency-Key", "cleanup-fresh")).json().get("caseId").asString();
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '8 days' WHERE case_id = ?", old);

        int deleted = retention.deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(ROWS_OF_CASE, Long.class, old)).isZero();
        assertThat(jdbc.queryForObject(ROWS_OF_CASE, Long.class, fresh)).isOne();
    }

    @Test
    void an_erasure_deletes_the_childs_idempotency_records_and_a_replay_then_is_a_new_request() {
        String body = json(CommandApiTest.report("Cầm Thị Xoá"));
        Map<String, String> key = Map.of("Idempotency-Key", "erased-child-report");
        String caseId = api.post("/api/v1/cases", WORKER, body, key).json().get("caseId").asString();
        String childId = jdbc.queryForObject("SELECT child_id FROM idempotency_key WHERE case_id = ?", String.class,
                caseId);
        long otherRows = jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE child_id <> ?", Long.class,
                childId);

        Response erased = api.post("/api/v1/cases/" + caseId + "/erasure", "chair.31-xa-an-lao",
                json(object("legalBasis", "CONSENT_WITHDRAWN", "authorisationReference", "QĐ 7/2026")));

        assertThat(erased.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE child_id = ?", Long.class,
                childId)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE child_id <> ?", Long.class,
                childId)).as("other children's records stay").isEqualTo(otherRows);
        Response replay = api.post("/api/v1/cases", WORKER, body, key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("caseId").asString()).isNotEqualTo(caseId);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
