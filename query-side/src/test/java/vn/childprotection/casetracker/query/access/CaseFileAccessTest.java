package vn.childprotection.casetracker.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.PlannedIntervention;

/**
 * Who reads how much of a case file (<i>cần biết</i>), over HTTP, and what the access log keeps of it.
 */
class CaseFileAccessTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-06-16T01:00:00Z");
    private static final String COMMUNE = "313-tt-an-lao";
    private static final String CHILD_NAME = "Nguyễn Thị Test";

    @Test
    void the_commune_running_the_case_and_the_coordinator_read_it_in_full() {
        String caseId = caseOfAnLao();
        for (String user : List.of("worker.anlao", "chair.anlao", "coordinator")) {
            HttpResponse<String> response = getAs(user, "/api/v1/cases/" + caseId);
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).contains("\"11\"");
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            JsonNode file = body(response);
            assertThat(file.get("personalDataRedacted").asBoolean()).isFalse();
            assertThat(file.get("child").get("name").asString()).isEqualTo(CHILD_NAME);
            assertThat(file.get("child").get("address").asString()).isEqualTo("Thôn Thử Nghiệm, xã An Thái");
            assertThat(file.get("report").get("narrative").asString()).isEqualTo("Hàng xóm nghe tiếng khóc kéo dài");
            assertThat(file.get("plan").get("interventions").size()).isEqualTo(2);
        }
        assertThat(accessLogOf(caseId)).contains("worker.anlao CASE_FILE CASE_WORK", "chair.anlao CASE_FILE CASE_WORK",
                "coordinator CASE_FILE CASE_WORK");
    }

    @Test
    void an_assigned_agency_reads_only_what_its_work_needs() {
        String caseId = caseOfAnLao();
        HttpResponse<String> response = getAs("health", "/api/v1/cases/" + caseId);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"11\"");
        JsonNode view = body(response);

        assertThat(fieldNames(view)).containsExactlyInAnyOrder("caseId", "communeCode", "status", "version",
                "limitedToOrgUnit", "shape", "personalDataErased", "personalDataUnreadable", "child", "interventions",
                "deadlines");
        assertThat(view.get("caseId").asString()).isEqualTo(caseId);
        assertThat(view.get("communeCode").asString()).isEqualTo(COMMUNE);
        assertThat(view.get("status").asString()).isEqualTo("PLAN_APPROVED");
        assertThat(view.get("version").asLong()).isEqualTo(11);
        assertThat(view.get("limitedToOrgUnit").asString()).isEqualTo("313-health-centre");
        JsonNode child = view.get("child");
        assertThat(fieldNames(child)).containsExactlyInAnyOrder("childId", "name", "sex", "ageYears",
                "ageEstimated");
        assertThat(child.get("name").asString()).isEqualTo(CHILD_NAME);
        assertThat(child.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(child.get("ageYears").asInt()).isEqualTo(9);

        JsonNode interventions = view.get("interventions");
        assertThat(interventions.size()).isEqualTo(1);
        assertThat(interventions.get(0).get("interventionId").asString()).isEqualTo("i-1");
        assertThat(interventions.get(0).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(interventions.get(0).get("description").asString()).isEqualTo("Tham vấn tâm lý hằng tuần");
        assertThat(interventions.get(0).has("note")).isFalse();
        assertThat(view.get("deadlines").values()).extracting(d -> d.get("deadlineId").asString())
                .containsExactly("INTERVENTION_DUE-1");

        // Nothing of the birth date, address, ethnicity, reporter, narrative, assessments, emergency notes,
        // review, goals, nor the other agency's intervention.
        assertThat(response.body()).doesNotContain("2015-06-01", "Thôn Thử Nghiệm", "Kinh", "Trần Văn Báo Tin",
                "Hàng xóm", "Vết bầm", "bà ngoại", "say rượu", "ổn định hơn", "đi học lại", "Trợ giúp pháp lý",
                "313-justice-office", "i-2", "CASE_REVIEW", "Buổi tham vấn");
        assertThat(accessLogOf(caseId)).contains("health CASE_FILE CASE_WORK");
    }

    @Test
    void an_auditor_without_a_grant_reads_the_case_file_with_every_personal_field_null_and_it_is_not_logged() {
        String caseId = caseOfAnLao();
        HttpResponse<String> response = getAs("auditor", "/api/v1/cases/" + caseId);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode file = body(response);
        assertThat(file.get("personalDataRedacted").asBoolean()).isTrue();
        assertThat(file.get("personalDataErased").asBoolean()).isFalse();
        assertThat(file.get("child").get("name").isNull()).isTrue();
        assertThat(file.get("child").get("birthDate").isNull()).isTrue();
        assertThat(file.get("report").get("reporterIdentity").isNull()).isTrue();
        assertThat(file.get("plan").get("goals").isNull()).isTrue();
        assertThat(file.get("plan").get("interventions").get(0).get("description").isNull()).isTrue();
        // What is not personal stays: the procedure can be audited.
        assertThat(file.get("child").get("sex").asString()).isEqualTo("FEMALE");
        assertThat(file.get("riskLevel").asString()).isEqualTo("LOW");
        assertThat(file.get("plan").get("interventions").get(1).get("agencyCode").asString())
                .isEqualTo("313-justice-office");
        for (String plain : procedurePlainTexts()) {
            assertThat(response.body()).doesNotContain(plain);
        }
        assertThat(response.body()).doesNotContain("cipherText");
        assertThat(accessLogOf(caseId)).noneMatch(row -> row.startsWith("auditor "));
    }

    @Test
    void others_are_refused_with_nothing_of_the_case_in_the_answer_and_nothing_logged() {
        String caseId = caseOfAnLao();
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, COMMUNE,
                CHILD_NAME);
        assertRefused(getAs("police", "/api/v1/cases/" + caseId), "not-assigned-to-your-org-unit", caseId, COMMUNE,
                CHILD_NAME);
        assertRefused(getAs("dashboard", "/api/v1/cases/" + caseId), "aggregates-only", caseId, COMMUNE,
                CHILD_NAME);
        assertThat(accessLogOf(caseId)).noneMatch(row -> row.startsWith("worker.anthai ")
                || row.startsWith("police ") || row.startsWith("dashboard "));
    }

    @Test
    void an_unknown_case_stays_a_404_for_every_role() {
        String unknown = newId("no-such-case");
        for (String user : List.of("worker.anlao", "health", "auditor", "dashboard", "coordinator")) {
            HttpResponse<String> response = getAs(user, "/api/v1/cases/" + unknown);
            assertThat(response.statusCode()).as(user).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void the_commune_a_transfer_waits_for_reads_the_case_until_it_declines() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, COMMUNE, T0));
        append(WORKER, T0.plusSeconds(60), new TransferRequested(caseId, T0.plusSeconds(60), COMMUNE, "313-an-thai",
                seal(childId, "Gia đình chuyển về xã An Thái")));
        awaitCaseFile(caseId, 2);

        HttpResponse<String> pending = getAs("worker.anthai", "/api/v1/cases/" + caseId);
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(body(pending).get("child").get("name").asString()).isEqualTo(CHILD_NAME);
        assertThat(getAs("worker.anthai", "/api/v1/cases/" + caseId + "/history").statusCode()).isEqualTo(200);

        append(AN_THAI_WORKER, T0.plusSeconds(120), new TransferDeclined(caseId, T0.plusSeconds(120), COMMUNE,
                "313-an-thai", null));
        awaitCaseFile(caseId, 3);
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId), "outside-your-commune", caseId, CHILD_NAME);
    }

    @Test
    void an_agency_loses_the_case_when_it_is_closed() {
        String caseId = caseOfAnLao();
        assertThat(getAs("health", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
        append(CHAIR, T0.plus(Duration.ofDays(1)), new CaseClosed(caseId, T0.plus(Duration.ofDays(1)),
                "NO_FURTHER_RISK", null));
        awaitCaseFile(caseId, 12);
        assertRefused(getAs("health", "/api/v1/cases/" + caseId), "not-assigned-to-your-org-unit", caseId,
                CHILD_NAME);
        // The commune keeps it.
        assertThat(getAs("worker.anlao", "/api/v1/cases/" + caseId).statusCode()).isEqualTo(200);
    }

    @Test
    void an_intervention_only_drafted_gives_its_agency_nothing_yet() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, COMMUNE, T0));
        append(WORKER, T0.plusSeconds(60), new SupportPlanDrafted(caseId, T0.plusSeconds(60), 1, List.of(
                new PlannedIntervention("i-1", InterventionMeasure.LEGAL_AID, "313-police", day("2025-07-01"),
                        seal(childId, "Hỗ trợ pháp lý"))), null));
        awaitCaseFile(caseId, 2);
        assertRefused(getAs("police", "/api/v1/cases/" + caseId), "not-assigned-to-your-org-unit", caseId);

        append(CHAIR, T0.plusSeconds(120), new SupportPlanApproved(caseId, T0.plusSeconds(120), 1));
        awaitCaseFile(caseId, 3);
        JsonNode view = body(getAs("police", "/api/v1/cases/" + caseId));
        assertThat(view.get("interventions").get(0).get("description").asString()).isEqualTo("Hỗ trợ pháp lý");
    }

    @Test
    void a_commune_given_an_intervention_in_another_communes_case_reads_it_as_an_agency_would() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, COMMUNE, T0));
        append(WORKER, T0.plusSeconds(60), new SupportPlanDrafted(caseId, T0.plusSeconds(60), 1, List.of(
                new PlannedIntervention("i-1", InterventionMeasure.OTHER_SUPPORT, "313-an-thai", day("2025-07-01"),
                        seal(childId, "Theo dõi tại nơi ở mới")),
                new PlannedIntervention("i-2", InterventionMeasure.LEGAL_AID, "313-police", day("2025-07-01"),
                        seal(childId, "Hỗ trợ pháp lý cho mẹ"))), null));
        append(CHAIR, T0.plusSeconds(120), new SupportPlanApproved(caseId, T0.plusSeconds(120), 1));
        awaitCaseFile(caseId, 3);

        HttpResponse<String> response = getAs("worker.anthai", "/api/v1/cases/" + caseId);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode view = body(response);
        assertThat(view.get("limitedToOrgUnit").asString()).isEqualTo("313-an-thai");
        assertThat(view.get("interventions").values()).extracting(i -> i.get("interventionId").asString())
                .containsExactly("i-1");
        assertThat(response.body()).doesNotContain("Hỗ trợ pháp lý cho mẹ", "Thôn Thử Nghiệm");
        assertRefused(getAs("worker.anthai", "/api/v1/cases/" + caseId + "/history"), "outside-your-commune",
                caseId);
    }

    /**
     * The procedure up to a first review in An Lão town (8 events), then the deadlines of both interventions and
     * of the next review (11 events).
     */
    private String caseOfAnLao() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), COMMUNE, T0);
        Instant approved = T0.plus(Duration.ofHours(5));
        append(CHAIR, T0.plus(Duration.ofHours(8)), scheduled(caseId, approved, "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, Instant.parse("2025-07-01T17:00:00Z"), "313-health-centre", "i-1"));
        append(CHAIR, T0.plus(Duration.ofHours(8)), scheduled(caseId, approved, "INTERVENTION_DUE-2",
                DeadlineRule.INTERVENTION_DUE, Instant.parse("2025-07-15T17:00:00Z"), "313-justice-office", "i-2"));
        append(CHAIR, T0.plus(Duration.ofHours(8)), scheduled(caseId, approved, "CASE_REVIEW-3",
                DeadlineRule.CASE_REVIEW, Instant.parse("2025-07-16T17:00:00Z"), COMMUNE, null));
        awaitCaseFile(caseId, 11);
        return caseId;
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }
}
