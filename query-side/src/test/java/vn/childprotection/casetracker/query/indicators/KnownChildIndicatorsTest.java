package vn.childprotection.casetracker.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;

/**
 * A child reported again (a second case naming the same {@code childId}) is counted once in the children
 * indicators (Circular 13/2021: 0101 counts abused children), while each report stays a case received; a case
 * closed as a duplicate report still counts as a case received in its period. Uses 2016 in one commune, which no
 * other test uses.
 */
class KnownChildIndicatorsTest extends QuerySideIntegrationTest {

    private static final String COMMUNE = "313-tt-truong-son";
    private static final String INDICATORS = "/api/v1/indicators?orgUnit=" + COMMUNE + "&from=2016-01-01&to=2016-12-31";

    @Test
    void the_same_child_reported_twice_raises_0101_by_one_and_a_duplicate_still_counts_as_a_case_received() {
        JsonNode before = getJson(INDICATORS);
        long abusedBefore = total(before, "0101");
        long casesBefore = total(before, "CASES_REPORTED");
        long closedBefore = total(before, "CLOSED_CASES");

        String childId = newId("child");
        String first = newId("case");
        String second = newId("case");
        Instant t1 = Instant.parse("2016-03-01T02:00:00Z");
        Instant t2 = Instant.parse("2016-03-02T02:00:00Z");
        append(WORKER, t1, abused(first, childId, t1));
        append(WORKER, t2, abused(second, childId, t2));
        append(CHAIR, t2.plusSeconds(3600), new CaseClosed(second, t2.plusSeconds(3600), "DUPLICATE_REPORT", null,
                first));
        awaitCaseFile(second, 2);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode answer = getJson(INDICATORS);
            assertThat(total(answer, "CASES_REPORTED")).as("two reports received").isEqualTo(casesBefore + 2);
            assertThat(total(answer, "CLOSED_CASES")).isEqualTo(closedBefore + 1);
        });

        assertThat(total(getJson(INDICATORS), "0101")).as("one child").isEqualTo(abusedBefore + 1);
    }

    @Test
    void a_duplicate_closing_names_its_original_in_the_case_file_and_the_audit_trail() {
        String childId = newId("child");
        String first = newId("case");
        String second = newId("case");
        // Outside the other test's year: its figures are read as a difference, so nothing else may land in 2016.
        Instant t1 = Instant.parse("2017-05-01T02:00:00Z");
        append(WORKER, t1, abused(first, childId, t1));
        append(WORKER, t1, abused(second, childId, t1));
        append(CHAIR, t1.plusSeconds(60), new CaseClosed(second, t1.plusSeconds(60), "DUPLICATE_REPORT", null,
                first));

        JsonNode file = awaitCaseFile(second, 2);
        assertThat(file.get("closure").get("reasonCode").asString()).isEqualTo("DUPLICATE_REPORT");
        assertThat(file.get("closure").get("duplicateOfCaseId").asString()).isEqualTo(first);
        assertThat(file.get("child").get("childId").asString()).isEqualTo(childId);
        String trail = "/api/v1/audit-trail?action=CaseClosed&caseId=" + second;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(getJson(trail).get("items").size())
                .isEqualTo(1));
        assertThat(getJson(trail).get("items").get(0).get("summary").asString())
                .isEqualTo("closed: DUPLICATE_REPORT, duplicate of case " + first);
    }

    private static CaseReported abused(String caseId, String childId, Instant at) {
        return new CaseReported(caseId, childId, at, COMMUNE, COMMUNE, CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.VIOLENCE), AbuseSetting.FAMILY, Set.of(), Sex.MALE, 8,
                false, "Kinh", null, null, null, false, null, null);
    }

    private static long total(JsonNode answer, String code) {
        return answer.get("indicators").values().stream().filter(i -> i.get("code").asString().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no indicator " + code)).get("total").asLong();
    }
}
