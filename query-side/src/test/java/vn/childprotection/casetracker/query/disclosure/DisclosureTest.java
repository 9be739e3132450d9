package vn.childprotection.casetracker.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;

/**
 * The disclosure package (<i>cung cấp thông tin</i>): only for readers of the full case file, only with the consents
 * the law asks for, never after an erasure, and always in the access log.
 */
class DisclosureTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-03-10T01:00:00Z");
    private static final String COMMUNE = "313-tt-an-lao";
    private static final String REASON = "Cơ quan điều tra yêu cầu cung cấp hồ sơ theo văn bản số 12/CV";

    @Test
    void a_child_of_seven_or_more_and_the_guardian_must_both_have_given_their_latest_consent() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, COMMUNE, T0);
        awaitCaseFile(caseId, 8);
        String path = "/api/v1/cases/" + caseId + "/disclosure";

        assertConsentRequired(getAs("worker.anlao", path), Map.of("GUARDIAN", "MISSING", "CHILD", "MISSING"));
        consent(caseId, ConsentParty.GUARDIAN, ConsentStatus.GIVEN, 9);
        assertConsentRequired(getAs("worker.anlao", path), Map.of("CHILD", "MISSING"));
        consent(caseId, ConsentParty.CHILD, ConsentStatus.REFUSED, 10);
        assertConsentRequired(getAs("worker.anlao", path), Map.of("CHILD", "REFUSED"));
        assertThat(accessLogOf(caseId)).noneMatch(row -> row.contains("DISCLOSURE"));

        consent(caseId, ConsentParty.CHILD, ConsentStatus.GIVEN, 11);
        HttpResponse<String> response = getAs("worker.anlao", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        JsonNode disclosure = body(response);
        assertThat(disclosure.get("caseId").asString()).isEqualTo(caseId);
        assertThat(disclosure.get("preparedAt").asString()).isEqualTo("2025-09-01T00:00:00Z");
        assertThat(disclosure.get("preparedBy").get("userId").asString()).isEqualTo("worker.anlao");
        assertThat(disclosure.get("preparedBy").get("orgUnit").asString()).isEqualTo(COMMUNE);
        assertThat(disclosure.get("childConsentRequired").asBoolean()).isTrue();
        JsonNode caseFile = disclosure.get("caseFile");
        assertThat(caseFile.get("child").get("name").asString()).isEqualTo("Nguyễn Thị Test");
        assertThat(caseFile.get("report").get("narrative").asString()).isEqualTo("Hàng xóm nghe tiếng khóc kéo dài");
        assertThat(caseFile.get("consents").get("child").get("status").asString()).isEqualTo("GIVEN");
        assertThat(caseFile.get("consents").get("guardian").get("status").asString()).isEqualTo("GIVEN");
        assertThat(disclosure.get("history").size()).isEqualTo(11);
        assertThat(disclosure.get("history").get(10).get("eventType").asString())
                .isEqualTo("DisclosureConsentRecorded");
        assertThat(accessLogOf(caseId)).containsOnlyOnce("worker.anlao DISCLOSURE DISCLOSURE");

        // A withdrawal stops disclosure from then on.
        consent(caseId, ConsentParty.GUARDIAN, ConsentStatus.WITHDRAWN, 12);
        assertConsentRequired(getAs("worker.anlao", path), Map.of("GUARDIAN", "WITHDRAWN"));
    }

    @Test
    void under_seven_the_guardians_consent_is_enough() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, new CaseReported(caseId, childId, T0, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                ReportChannel.DIRECT_REPORT, Set.of(AbuseForm.NEGLECT), AbuseSetting.FAMILY, Set.of(), Sex.MALE, 6,
                true, "Kinh", seal(childId, "Lê Văn Nhỏ"), null, null, false, null, null));
        awaitCaseFile(caseId, 1);
        String path = "/api/v1/cases/" + caseId + "/disclosure";
        assertConsentRequired(getAs("chair.anlao", path), Map.of("GUARDIAN", "MISSING"));

        consent(caseId, ConsentParty.GUARDIAN, ConsentStatus.GIVEN, 2);
        HttpResponse<String> response = getAs("chair.anlao", path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("childConsentRequired").asBoolean()).isFalse();
        assertThat(body(response).get("caseFile").get("child").get("name").asString()).isEqualTo("Lê Văn Nhỏ");
    }

    @Test
    void only_readers_of_the_full_case_file_prepare_one_and_an_auditor_only_under_a_grant() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, COMMUNE, T0);
        consent(caseId, ConsentParty.GUARDIAN, ConsentStatus.GIVEN, 9);
        consent(caseId, ConsentParty.CHILD, ConsentStatus.GIVEN, 10);
        String path = "/api/v1/cases/" + caseId + "/disclosure";

        assertThat(getAs("coordinator", path).statusCode()).isEqualTo(200);
        assertRefused(getAs("health", path), "full-view-required", caseId, COMMUNE, "Nguyễn Thị Test");
        assertRefused(getAs("auditor", path), "full-view-required", caseId, COMMUNE, "Nguyễn Thị Test");
        assertRefused(getAs("worker.anthai", path), "outside-your-commune", caseId, COMMUNE, "Nguyễn Thị Test");
        assertRefused(getAs("dashboard", path), "aggregates-only", caseId, COMMUNE, "Nguyễn Thị Test");
        assertThat(getAs("police", "/api/v1/cases/" + newId("no-such-case") + "/disclosure").statusCode())
                .isEqualTo(404);

        HttpResponse<String> granted = postAs("auditor", "/api/v1/cases/" + caseId + "/break-the-glass",
                json.writeValueAsString(Map.of("reason", REASON)));
        assertThat(granted.statusCode()).isEqualTo(201);
        String grantId = body(granted).get("grantId").asString();
        assertThat(getAs("auditor", path).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT user_id || ' ' || purpose || ' ' || COALESCE(grant_id, '-') "
                + "FROM access_log WHERE case_id = ? AND resource = 'DISCLOSURE' ORDER BY entry_id", String.class,
                caseId)).containsExactly("coordinator DISCLOSURE -", "auditor DISCLOSURE " + grantId);
    }

    @Test
    void after_an_erasure_nothing_is_disclosed_and_the_case_file_says_why() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, COMMUNE, T0);
        consent(caseId, ConsentParty.GUARDIAN, ConsentStatus.GIVEN, 9);
        consent(caseId, ConsentParty.CHILD, ConsentStatus.GIVEN, 10);
        assertThat(getAs("worker.anlao", "/api/v1/cases/" + caseId + "/disclosure").statusCode()).isEqualTo(200);

        jdbc.update("DELETE FROM child_key WHERE child_id = ?", childId);
        append(COORDINATOR, T0.plusSeconds(86_400), new ChildIdentityErased(caseId, T0.plusSeconds(86_400), childId,
                "PDP_2025_ART_16", "QĐ-15/2025"));
        JsonNode file = awaitCaseFile(caseId, 11);
        assertThat(file.get("personalDataErased").asBoolean()).isTrue();
        assertThat(file.get("identityErasedAt").asString()).isEqualTo("2025-03-11T01:00:00Z");

        HttpResponse<String> refused = getAs("worker.anlao", "/api/v1/cases/" + caseId + "/disclosure");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(refused).get("rule").asString()).isEqualTo("identity-erased");

        HttpResponse<String> glass = postAs("worker.anthai", "/api/v1/cases/" + caseId + "/break-the-glass",
                json.writeValueAsString(Map.of("reason", REASON)));
        assertThat(glass.statusCode()).isEqualTo(409);
        assertThat(body(glass).get("rule").asString()).isEqualTo("identity-erased");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_key WHERE child_id = ?", Long.class, childId))
                .as("no key is created again for an erased child").isZero();
    }

    /**
     * Records a consent and waits until both the case file and the history (the package holds both, from two
     * processors that each go at their own pace) have it.
     */
    private void consent(String caseId, ConsentParty party, ConsentStatus status, long version) {
        Instant at = T0.plusSeconds(3600L * version);
        append(WORKER, at, new DisclosureConsentRecorded(caseId, at, party, status));
        awaitCaseFile(caseId, version);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM case_history WHERE case_id = ?", Long.class, caseId)).isEqualTo(version));
    }

    private void assertConsentRequired(HttpResponse<String> response, Map<String, String> parties) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("rule").asString()).isEqualTo("consent-required");
        Map<String, String> named = new HashMap<>();
        problem.get("parties").values().forEach(p -> named.put(p.get("party").asString(), p.get("status").asString()));
        assertThat(named).isEqualTo(parties);
        assertThat(response.body()).doesNotContain("Nguyễn Thị Test");
    }
}
