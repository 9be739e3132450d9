package vn.childprotection.casetracker.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.DeadlineRule;

class CaseHistoryTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-04-07T02:00:00Z");

    @Test
    void the_history_lists_every_event_in_order_with_who_recorded_it() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-chien-thang", T0);

        JsonNode history = awaitEntries(caseId, 8);
        assertThat(history.get("caseId").asString()).isEqualTo(caseId);
        assertThat(history.get("asOf").isNull()).isTrue();
        List<JsonNode> entries = history.get("entries").values().stream().toList();
        assertThat(entries).extracting(e -> e.get("sequenceNumber").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(entries).extracting(e -> e.get("eventType").asString()).containsExactly("CaseReported",
                "InitialAssessmentRecorded", "EmergencyMeasuresTaken", "DetailedAssessmentRecorded",
                "SupportPlanDrafted", "SupportPlanApproved", "InterventionStatusChanged", "CaseReviewed");
        assertThat(entries).extracting(e -> e.get("userId").asString()).containsExactly("worker.anlao",
                "worker.anlao", "chair.anlao", "worker.anlao", "worker.anlao", "chair.anlao", "health",
                "worker.anlao");
        JsonNode approval = entries.get(5);
        assertThat(approval.get("orgUnit").asString()).isEqualTo("313-tt-an-lao");
        assertThat(approval.get("role").asString()).isEqualTo("COMMUNE_CHAIR");
        assertThat(entries.get(6).get("orgUnit").asString()).isEqualTo("313-health-centre");
        assertThat(entries.get(6).get("role").asString()).isEqualTo("AGENCY_STAFF");
        assertThat(approval.get("occurredAt").asString()).isEqualTo("2025-04-07T07:00:00Z");
        assertThat(approval.get("recordedAt").asString()).isEqualTo("2025-04-07T07:00:00Z");
        assertThat(approval.get("details").get("planVersion").asInt()).isEqualTo(1);
    }

    @Test
    void the_details_keep_the_plain_fields_and_drop_every_sealed_one() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-chien-thang", T0);
        List<JsonNode> entries = awaitEntries(caseId, 8).get("entries").values().stream().toList();

        JsonNode report = entries.get(0).get("details");
        assertThat(report.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(report.get("ageYears").asInt()).isEqualTo(9);
        assertThat(report.get("communeCode").asString()).isEqualTo("313-chien-thang");
        assertThat(report.get("abuseForms").values()).extracting(JsonNode::asString)
                .containsExactly("VIOLENCE", "NEGLECT");
        assertThat(report.get("reporterConsentToRecordIdentity").asBoolean()).isTrue();
        assertThat(report.has("childName")).isFalse();
        assertThat(report.has("birthDate")).isFalse();
        assertThat(report.has("address")).isFalse();
        assertThat(report.has("reporterIdentity")).isFalse();
        assertThat(report.has("narrative")).isFalse();

        JsonNode plan = entries.get(4).get("details");
        assertThat(plan.has("goals")).isFalse();
        JsonNode firstIntervention = plan.get("interventions").get(0);
        assertThat(firstIntervention.get("measure").asString()).isEqualTo("PSYCHOLOGICAL_THERAPY");
        assertThat(firstIntervention.has("description")).isFalse();

        String stored = String.join("\n", jdbc.queryForList(
                "SELECT details::text FROM case_history WHERE case_id = ?", String.class, caseId));
        assertThat(stored).doesNotContain("cipherText").doesNotContain("keyId");
        for (String plain : procedurePlainTexts()) {
            assertThat(stored).doesNotContain(plain);
        }
    }

    @Test
    void as_of_an_instant_the_history_has_only_what_was_recorded_by_then() {
        String caseId = newId("case");
        appendProcedureUpToFirstReview(caseId, newId("child"), "313-chien-thang", T0);
        awaitEntries(caseId, 8);

        JsonNode halfway = getJson("/api/v1/cases/" + caseId + "/history?asOf=2025-04-07T05:30:00Z");
        assertThat(halfway.get("asOf").asString()).isEqualTo("2025-04-07T05:30:00Z");
        assertThat(halfway.get("entries").values()).extracting(e -> e.get("eventType").asString())
                .containsExactly("CaseReported", "InitialAssessmentRecorded", "EmergencyMeasuresTaken",
                        "DetailedAssessmentRecorded");

        JsonNode atTheApproval = getJson("/api/v1/cases/" + caseId + "/history?asOf=2025-04-07T07:00:00Z");
        assertThat(atTheApproval.get("entries").size()).isEqualTo(6);

        JsonNode beforeTheReport = getJson("/api/v1/cases/" + caseId + "/history?asOf=2025-04-07T01:59:59Z");
        assertThat(beforeTheReport.get("entries").size()).isZero();
    }

    @Test
    void coordination_events_show_with_who_recorded_them_and_without_personal_data() {
        String caseId = newId("case");
        String childId = newId("child");
        Instant due = T0.plusSeconds(7200);
        append(WORKER, T0, reported(caseId, childId, "313-chien-thang", T0));
        append(WORKER, T0.plusSeconds(60), scheduled(caseId, T0, "EMERGENCY_MEASURES-1",
                DeadlineRule.EMERGENCY_MEASURES, due, "313-chien-thang", null));
        appendBySystem("313-chien-thang", due.plusSeconds(3), new DeadlineMissed(caseId, due, "EMERGENCY_MEASURES-1",
                DeadlineRule.EMERGENCY_MEASURES, due, "313-chien-thang", null));
        append(WORKER, due.plusSeconds(60), new TransferRequested(caseId, due.plusSeconds(60), "313-chien-thang",
                "313-an-tien", seal(childId, "Trẻ theo mẹ về xã An Tiến")));

        List<JsonNode> entries = awaitEntries(caseId, 4).get("entries").values().stream().toList();
        assertThat(entries).extracting(e -> e.get("eventType").asString()).containsExactly("CaseReported",
                "DeadlineScheduled", "DeadlineMissed", "TransferRequested");
        JsonNode missed = entries.get(2);
        assertThat(missed.get("userId").asString()).isEqualTo("system");
        assertThat(missed.get("role").asString()).isEqualTo("SYSTEM");
        assertThat(missed.get("orgUnit").asString()).isEqualTo("313-chien-thang");
        assertThat(missed.get("details").get("rule").asString()).isEqualTo("EMERGENCY_MEASURES");
        assertThat(missed.get("details").get("dueAt").asString()).isEqualTo("2025-04-07T04:00:00Z");
        JsonNode request = entries.get(3);
        assertThat(request.get("userId").asString()).isEqualTo("worker.anlao");
        assertThat(request.get("role").asString()).isEqualTo("COMMUNE_WORKER");
        assertThat(request.get("details").get("toCommuneCode").asString()).isEqualTo("313-an-tien");
        assertThat(request.get("details").has("reason")).isFalse();
        assertThat(get("/api/v1/cases/" + caseId + "/history").body()).doesNotContain("theo mẹ")
                .doesNotContain("cipherText");
    }

    @Test
    void consents_and_an_erasure_show_like_every_other_event() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-chien-thang", T0));
        append(WORKER, T0.plusSeconds(60), new DisclosureConsentRecorded(caseId, T0.plusSeconds(60),
                ConsentParty.GUARDIAN, ConsentStatus.GIVEN));
        append(COORDINATOR, T0.plusSeconds(120), new ChildIdentityErased(caseId, T0.plusSeconds(120), childId,
                "PDP_2025_ART_16", "QĐ-15/2025"));

        List<JsonNode> entries = awaitEntries(caseId, 3).get("entries").values().stream().toList();
        assertThat(entries).extracting(e -> e.get("eventType").asString()).containsExactly("CaseReported",
                "DisclosureConsentRecorded", "ChildIdentityErased");
        assertThat(entries.get(1).get("details").get("party").asString()).isEqualTo("GUARDIAN");
        assertThat(entries.get(1).get("details").get("status").asString()).isEqualTo("GIVEN");
        JsonNode erasure = entries.get(2);
        assertThat(erasure.get("userId").asString()).isEqualTo("coordinator");
        assertThat(erasure.get("details").get("legalBasis").asString()).isEqualTo("PDP_2025_ART_16");
        assertThat(erasure.get("details").get("authorisationReference").asString()).isEqualTo("QĐ-15/2025");
    }

    @Test
    void an_unknown_case_or_a_malformed_instant_is_a_problem() {
        HttpResponse<String> unknown = get("/api/v1/cases/" + newId("no-such-case") + "/history");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        String caseId = newId("case");
        append(WORKER, T0, reported(caseId, newId("child"), "313-chien-thang", T0));
        awaitEntries(caseId, 1);
        HttpResponse<String> malformed = get("/api/v1/cases/" + caseId + "/history?asOf=yesterday");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(body(malformed).get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    private JsonNode awaitEntries(String caseId, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/cases/" + caseId + "/history");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body(response).get("entries").size()).isEqualTo(count);
        });
        return getJson("/api/v1/cases/" + caseId + "/history");
    }
}
