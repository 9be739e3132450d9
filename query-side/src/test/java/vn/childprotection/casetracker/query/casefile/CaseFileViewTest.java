package vn.childprotection.casetracker.query.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.CaseTransferred;
import vn.childprotection.casetracker.events.ChildIdentityErased;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.DisclosureConsentRecorded;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.events.TransferDeclined;
import vn.childprotection.casetracker.events.TransferRequested;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.ConsentParty;
import vn.childprotection.casetracker.values.ConsentStatus;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

class CaseFileViewTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");

    @Test
    void case_file_shows_the_current_state_with_personal_data_opened_only_in_the_response() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, "313-an-thai", T0);

        JsonNode file = awaitVersion(caseId, 8);
        HttpResponse<String> response = get("/api/v1/cases/" + caseId);
        assertThat(response.headers().firstValue("ETag")).contains("\"8\"");

        assertThat(file.get("caseId").asString()).isEqualTo(caseId);
        assertThat(file.get("communeCode").asString()).isEqualTo("313-an-thai");
        assertThat(file.get("status").asString()).isEqualTo("PLAN_APPROVED");
        assertThat(file.get("riskLevel").asString()).isEqualTo("LOW");
        assertThat(file.get("emergency").asBoolean()).isTrue();
        assertThat(file.get("personalDataErased").asBoolean()).isFalse();
        assertThat(file.get("updatedAt").asString()).isEqualTo("2025-03-03T08:00:00Z");

        JsonNode child = file.get("child");
        assertThat(child.get("childId").asString()).isEqualTo(childId);
        assertThat(child.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(child.get("ageYears").asInt()).isEqualTo(9);
        assertThat(child.get("ageEstimated").asBoolean()).isFalse();
        assertThat(child.get("ethnicity").asString()).isEqualTo("Kinh");
        assertThat(child.get("name").asString()).isEqualTo("Nguyễn Thị Test");
        assertThat(child.get("birthDate").asString()).isEqualTo("2015-06-01");
        assertThat(child.get("address").asString()).isEqualTo("Thôn Thử Nghiệm, xã An Thái");

        JsonNode report = file.get("report");
        assertThat(report.get("category").asString()).isEqualTo("ABUSED");
        assertThat(report.get("channel").asString()).isEqualTo("HOTLINE_111");
        assertThat(texts(report.get("abuseForms"))).containsExactly("VIOLENCE", "NEGLECT");
        assertThat(report.get("setting").asString()).isEqualTo("FAMILY");
        assertThat(texts(report.get("specialCircumstanceGroups"))).containsExactly("I_HARMED_BY_VIOLENCE");
        assertThat(report.get("receivingOrgUnit").asString()).isEqualTo("313-tt-an-lao");
        assertThat(report.get("reportedAt").asString()).isEqualTo("2025-03-03T01:00:00Z");
        assertThat(report.get("reporterConsent").asBoolean()).isTrue();
        assertThat(report.get("reporterIdentity").asString()).isEqualTo("Trần Văn Báo Tin");
        assertThat(report.get("narrative").asString()).isEqualTo("Hàng xóm nghe tiếng khóc kéo dài");

        assertThat(file.get("initialAssessment").get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(file.get("initialAssessment").get("notes").asString()).isEqualTo("Vết bầm trên cánh tay trái");
        assertThat(file.get("detailedAssessment").get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(file.get("detailedAssessment").get("findings").asString()).isEqualTo("Cha thường xuyên say rượu");

        JsonNode emergency = file.get("emergencyMeasures");
        assertThat(emergency.size()).isEqualTo(1);
        assertThat(texts(emergency.get(0).get("measures"))).containsExactly("TEMPORARY_REMOVAL", "SAFE_PLACE");
        assertThat(emergency.get(0).get("notes").asString()).isEqualTo("Đưa về nhà bà ngoại");
        assertThat(file.get("temporaryRemoval").get("startDate").asString()).isEqualTo("2025-03-03");
        assertThat(file.get("temporaryRemoval").get("endDate").asString()).isEqualTo("2025-03-17");

        JsonNode plan = file.get("plan");
        assertThat(plan.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(plan.get("approvedVersion").asInt()).isEqualTo(1);
        assertThat(plan.get("goals").asString()).isEqualTo("Trẻ an toàn và đi học lại");
        JsonNode interventions = plan.get("interventions");
        assertThat(interventions.size()).isEqualTo(2);
        assertThat(interventions.get(0).get("interventionId").asString()).isEqualTo("i-1");
        assertThat(interventions.get(0).get("measure").asString()).isEqualTo("PSYCHOLOGICAL_THERAPY");
        assertThat(interventions.get(0).get("agencyCode").asString()).isEqualTo("313-health-centre");
        assertThat(interventions.get(0).get("dueDate").asString()).isEqualTo("2025-04-01");
        assertThat(interventions.get(0).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(interventions.get(0).get("description").asString()).isEqualTo("Tham vấn tâm lý hằng tuần");
        assertThat(interventions.get(0).get("note").asString()).isEqualTo("Buổi tham vấn đầu tiên đã diễn ra");
        assertThat(interventions.get(1).get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(interventions.get(1).get("description").asString()).isEqualTo("Trợ giúp pháp lý cho mẹ");

        assertThat(file.get("reviews").size()).isEqualTo(1);
        assertThat(file.get("reviews").get(0).get("outcome").asString()).isEqualTo("CONTINUE");
        assertThat(file.get("reviews").get(0).get("notes").asString()).isEqualTo("Trẻ đã ổn định hơn");
        assertThat(file.get("closure").isNull()).isTrue();
    }

    @Test
    void the_stored_case_file_holds_personal_data_only_sealed() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, "313-an-thai", T0);
        awaitVersion(caseId, 8);

        String stored = jdbc.queryForObject("SELECT doc::text FROM case_file WHERE case_id = ?", String.class,
                caseId);
        assertThat(stored).contains("cipherText");
        for (String plain : procedurePlainTexts()) {
            assertThat(stored).doesNotContain(plain);
        }
    }

    @Test
    void closing_then_reopening_moves_the_closure_into_the_reopening() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-an-thang", T0));
        append(CHAIR, T0.plusSeconds(60), new CaseClosed(caseId, T0.plusSeconds(60), "NO_FURTHER_RISK",
                seal(childId, "Gia đình đã chuyển đi nơi khác")));
        JsonNode closed = awaitVersion(caseId, 2);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closure").get("reasonCode").asString()).isEqualTo("NO_FURTHER_RISK");
        assertThat(closed.get("closure").get("closedAt").asString()).isEqualTo("2025-03-03T01:01:00Z");
        assertThat(closed.get("closure").get("notes").asString()).isEqualTo("Gia đình đã chuyển đi nơi khác");

        append(CHAIR, T0.plusSeconds(120), new CaseReopened(caseId, T0.plusSeconds(120),
                seal(childId, "Có thông báo mới")));
        JsonNode reopened = awaitVersion(caseId, 3);
        assertThat(reopened.get("status").asString()).isEqualTo("REOPENED");
        assertThat(reopened.get("closure").isNull()).isTrue();
        assertThat(reopened.get("reopenings").get(0).get("reason").asString()).isEqualTo("Có thông báo mới");
        assertThat(reopened.get("reopenings").get(0).get("previousClosure").get("reasonCode").asString())
                .isEqualTo("NO_FURTHER_RISK");
    }

    @Test
    void a_transfer_changes_the_commune_and_is_listed() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-an-tien", T0));
        append(WORKER, T0.plusSeconds(60), new CaseTransferred(caseId, T0.plusSeconds(60), "313-an-tien",
                "313-an-tho", seal(childId, "Trẻ chuyển về ở với cô ruột")));
        JsonNode file = awaitVersion(caseId, 2);
        assertThat(file.get("communeCode").asString()).isEqualTo("313-an-tho");
        assertThat(file.get("status").asString()).isEqualTo("REPORTED");
        JsonNode transfer = file.get("transfers").get(0);
        assertThat(transfer.get("fromCommuneCode").asString()).isEqualTo("313-an-tien");
        assertThat(transfer.get("toCommuneCode").asString()).isEqualTo("313-an-tho");
        assertThat(transfer.get("reason").asString()).isEqualTo("Trẻ chuyển về ở với cô ruột");
        assertThat(jdbc.queryForObject("SELECT commune_code FROM case_file WHERE case_id = ?", String.class, caseId))
                .isEqualTo("313-an-tho");
    }

    @Test
    void re_planning_returns_to_drafting_and_approval_assigns_every_intervention_afresh() {
        String caseId = newId("case");
        String childId = newId("child");
        Instant t = T0;
        append(WORKER, t, reported(caseId, childId, "313-my-duc", t));
        append(WORKER, t = t.plusSeconds(60), new InitialAssessmentRecorded(caseId, t, RiskLevel.MEDIUM, false, null));
        append(WORKER, t = t.plusSeconds(60), new DetailedAssessmentRecorded(caseId, t, RiskLevel.MEDIUM, null));
        append(WORKER, t = t.plusSeconds(60), new SupportPlanDrafted(caseId, t, 1, List.of(
                intervention(childId, "i-1", "313-health-centre"), intervention(childId, "i-2", "313-police")), null));
        append(CHAIR, t = t.plusSeconds(60), new SupportPlanApproved(caseId, t, 1));
        append(HEALTH, t = t.plusSeconds(60), new InterventionStatusChanged(caseId, t, "i-1", "313-health-centre",
                InterventionStatus.ASSIGNED, InterventionStatus.COMPLETED, null));
        append(WORKER, t = t.plusSeconds(60), new CaseReviewed(caseId, t, RiskLevel.HIGH, ReviewOutcome.REPLAN,
                null));

        JsonNode replanned = awaitVersion(caseId, 7);
        assertThat(replanned.get("status").asString()).isEqualTo("DETAILED_ASSESSED");
        assertThat(replanned.get("riskLevel").asString()).isEqualTo("HIGH");
        assertThat(replanned.get("emergency").asBoolean()).isFalse();

        append(WORKER, t = t.plusSeconds(60), new SupportPlanDrafted(caseId, t, 2, List.of(
                        intervention(childId, "i-1", "313-health-centre"),
                        intervention(childId, "i-3", "313-education-office")), null));
        JsonNode drafted = awaitVersion(caseId, 8);
        assertThat(drafted.get("status").asString()).isEqualTo("PLAN_DRAFTED");
        assertThat(drafted.get("plan").get("currentVersion").asInt()).isEqualTo(2);
        assertThat(drafted.get("plan").get("approvedVersion").asInt()).isEqualTo(1);
        assertThat(statuses(drafted)).containsExactly("i-1=COMPLETED", "i-3=null");

        append(CHAIR, t = t.plusSeconds(60), new SupportPlanApproved(caseId, t, 2));
        JsonNode approved = awaitVersion(caseId, 9);
        assertThat(approved.get("status").asString()).isEqualTo("PLAN_APPROVED");
        assertThat(approved.get("plan").get("approvedVersion").asInt()).isEqualTo(2);
        assertThat(statuses(approved)).containsExactly("i-1=ASSIGNED", "i-3=ASSIGNED");

        append(CHAIR, t = t.plusSeconds(60), new CaseClosed(caseId, t, "NO_FURTHER_RISK", null));
        append(CHAIR, t = t.plusSeconds(60), new CaseReopened(caseId, t, null));
        JsonNode reopened = awaitVersion(caseId, 11);
        assertThat(reopened.get("status").asString()).isEqualTo("REOPENED");
        assertThat(reopened.get("plan").get("currentVersion").asInt()).isEqualTo(2);
        assertThat(reopened.get("plan").get("approvedVersion").isNull()).isTrue();
        assertThat(statuses(reopened)).containsExactly("i-1=null", "i-3=null");
    }

    @Test
    void a_key_missing_without_an_erasure_leaves_personal_fields_null_and_reads_unreadable_not_erased() {
        String caseId = newId("case");
        String childId = newId("child");
        append(WORKER, T0, reported(caseId, childId, "313-quoc-tuan", T0));
        JsonNode before = awaitVersion(caseId, 1);
        assertThat(before.get("child").get("name").asString()).isEqualTo("Nguyễn Thị Test");

        jdbc.update("DELETE FROM child_key WHERE child_id = ?", childId);

        JsonNode after = getJson("/api/v1/cases/" + caseId);
        assertThat(after.get("personalDataErased").asBoolean()).as("no erasure was recorded").isFalse();
        assertThat(after.get("personalDataUnreadable").asBoolean()).isTrue();
        assertThat(after.get("child").get("name").isNull()).isTrue();
        assertThat(after.get("child").get("address").isNull()).isTrue();
        assertThat(after.get("report").get("reporterIdentity").isNull()).isTrue();
        assertThat(after.get("report").get("narrative").isNull()).isTrue();
        assertThat(after.get("child").get("sex").asString()).isEqualTo("FEMALE");
        assertThat(after.get("report").get("category").asString()).isEqualTo("ABUSED");
    }

    @Test
    void a_requested_transfer_is_pending_until_the_receiving_commune_declines_or_accepts_it() {
        String caseId = newId("case");
        String childId = newId("child");
        Instant t = T0;
        append(WORKER, t, reported(caseId, childId, "313-an-thai", t));
        append(WORKER, t = t.plusSeconds(60), scheduled(caseId, t, "CASE_REVIEW-1", DeadlineRule.CASE_REVIEW,
                T0.plusSeconds(86_400), "313-an-thai", null));
        append(WORKER, t = t.plusSeconds(60), new TransferRequested(caseId, t, "313-an-thai", "313-an-thang",
                seal(childId, "Gia đình chuyển về xã An Thắng")));

        JsonNode pending = awaitVersion(caseId, 3);
        assertThat(pending.get("communeCode").asString()).isEqualTo("313-an-thai");
        assertThat(pending.get("pendingTransfer").get("fromCommuneCode").asString()).isEqualTo("313-an-thai");
        assertThat(pending.get("pendingTransfer").get("toCommuneCode").asString()).isEqualTo("313-an-thang");
        assertThat(pending.get("pendingTransfer").get("requestedAt").asString()).isEqualTo("2025-03-03T01:02:00Z");
        assertThat(pending.get("pendingTransfer").get("reason").asString())
                .isEqualTo("Gia đình chuyển về xã An Thắng");
        assertThat(pending.get("transfers").size()).isZero();

        append(WORKER, t = t.plusSeconds(60), new TransferDeclined(caseId, t, "313-an-thai", "313-an-thang",
                seal(childId, "Trẻ vẫn sống tại xã An Thái")));
        JsonNode declined = awaitVersion(caseId, 4);
        assertThat(declined.get("pendingTransfer").isNull()).isTrue();
        assertThat(declined.get("communeCode").asString()).isEqualTo("313-an-thai");
        JsonNode refusal = declined.get("transfers").get(0);
        assertThat(refusal.get("outcome").asString()).isEqualTo("DECLINED");
        assertThat(refusal.get("toCommuneCode").asString()).isEqualTo("313-an-thang");
        assertThat(refusal.get("requestedAt").asString()).isEqualTo("2025-03-03T01:02:00Z");
        assertThat(refusal.get("decidedAt").asString()).isEqualTo("2025-03-03T01:03:00Z");
        assertThat(refusal.get("transferredAt").isNull()).isTrue();
        assertThat(refusal.get("reason").asString()).isEqualTo("Gia đình chuyển về xã An Thắng");
        assertThat(refusal.get("declineReason").asString()).isEqualTo("Trẻ vẫn sống tại xã An Thái");

        append(WORKER, t = t.plusSeconds(60), new TransferRequested(caseId, t, "313-an-thai", "313-an-tho",
                seal(childId, "Trẻ chuyển về ở với bà ngoại")));
        append(WORKER, t = t.plusSeconds(60), new CaseTransferred(caseId, t, "313-an-thai", "313-an-tho", null));
        JsonNode accepted = awaitVersion(caseId, 6);
        assertThat(accepted.get("communeCode").asString()).isEqualTo("313-an-tho");
        assertThat(accepted.get("pendingTransfer").isNull()).isTrue();
        JsonNode move = accepted.get("transfers").get(1);
        assertThat(move.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(move.get("fromCommuneCode").asString()).isEqualTo("313-an-thai");
        assertThat(move.get("requestedAt").asString()).isEqualTo("2025-03-03T01:04:00Z");
        assertThat(move.get("transferredAt").asString()).isEqualTo("2025-03-03T01:05:00Z");
        assertThat(move.get("reason").asString()).isEqualTo("Trẻ chuyển về ở với bà ngoại");
        assertThat(move.get("declineReason").isNull()).isTrue();
        assertThat(accepted.get("deadlines").get(0).get("responsibleOrgUnit").asString()).isEqualTo("313-an-tho");

        String stored = jdbc.queryForObject("SELECT doc::text FROM case_file WHERE case_id = ?", String.class,
                caseId);
        assertThat(stored).doesNotContain("Gia đình chuyển").doesNotContain("Trẻ vẫn sống").doesNotContain("bà ngoại");
    }

    @Test
    void a_reassigned_intervention_shows_its_new_agency_and_the_deadlines_their_states() {
        String caseId = newId("case");
        String childId = newId("child");
        Instant t = T0;
        append(WORKER, t, reported(caseId, childId, "313-my-duc", t));
        append(WORKER, t = t.plusSeconds(60), new SupportPlanDrafted(caseId, t, 1, List.of(
                intervention(childId, "i-1", "313-police")), null));
        append(CHAIR, t = t.plusSeconds(60), new SupportPlanApproved(caseId, t, 1));
        append(CHAIR, t, scheduled(caseId, t, "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE,
                Instant.parse("2025-05-01T17:00:00Z"), "313-police", "i-1"));
        append(POLICE, t = t.plusSeconds(60), new InterventionStatusChanged(caseId, t, "i-1", "313-police",
                InterventionStatus.ASSIGNED, InterventionStatus.DECLINED, seal(childId, "Không đủ nhân lực")));
        append(COORDINATOR, t = t.plusSeconds(60), new DeadlineWithdrawn(caseId, t, "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, "i-1", "REASSIGNED"));
        append(COORDINATOR, t, new InterventionReassigned(caseId, t, "i-1", "313-police", "313-health-centre",
                day("2025-05-20")));
        append(COORDINATOR, t, scheduled(caseId, t, "INTERVENTION_DUE-2", DeadlineRule.INTERVENTION_DUE,
                Instant.parse("2025-05-20T17:00:00Z"), "313-health-centre", "i-1"));

        JsonNode file = awaitVersion(caseId, 8);
        assertThat(get("/api/v1/cases/" + caseId).headers().firstValue("ETag")).contains("\"8\"");
        JsonNode intervention = file.get("plan").get("interventions").get(0);
        assertThat(intervention.get("agencyCode").asString()).isEqualTo("313-health-centre");
        assertThat(intervention.get("dueDate").asString()).isEqualTo("2025-05-20");
        assertThat(intervention.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(intervention.get("statusChangedAt").asString()).isEqualTo("2025-03-03T01:04:00Z");
        assertThat(intervention.get("note").asString()).isEqualTo("Không đủ nhân lực");

        JsonNode deadlines = file.get("deadlines");
        assertThat(deadlines.size()).isEqualTo(2);
        assertThat(deadlines.get(0).get("deadlineId").asString()).isEqualTo("INTERVENTION_DUE-1");
        assertThat(deadlines.get(0).get("rule").asString()).isEqualTo("INTERVENTION_DUE");
        assertThat(deadlines.get(0).get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(deadlines.get(0).get("withdrawnReason").asString()).isEqualTo("REASSIGNED");
        assertThat(deadlines.get(0).get("responsibleOrgUnit").asString()).isEqualTo("313-police");
        assertThat(deadlines.get(1).get("state").asString()).isEqualTo("OPEN");
        assertThat(deadlines.get(1).get("dueAt").asString()).isEqualTo("2025-05-20T17:00:00Z");
        assertThat(deadlines.get(1).get("responsibleOrgUnit").asString()).isEqualTo("313-health-centre");
        assertThat(deadlines.get(1).get("interventionId").asString()).isEqualTo("i-1");
    }

    @Test
    void the_case_file_shows_the_latest_consent_of_each_party_to_disclosure() {
        String caseId = newId("case");
        append(WORKER, T0, reported(caseId, newId("child"), "313-an-thang", T0));
        JsonNode none = awaitVersion(caseId, 1);
        assertThat(none.get("consents").get("child").isNull()).isTrue();
        assertThat(none.get("consents").get("guardian").isNull()).isTrue();

        append(WORKER, T0.plusSeconds(60), new DisclosureConsentRecorded(caseId, T0.plusSeconds(60),
                ConsentParty.GUARDIAN, ConsentStatus.GIVEN));
        append(WORKER, T0.plusSeconds(120), new DisclosureConsentRecorded(caseId, T0.plusSeconds(120),
                ConsentParty.CHILD, ConsentStatus.REFUSED));
        append(WORKER, T0.plusSeconds(180), new DisclosureConsentRecorded(caseId, T0.plusSeconds(180),
                ConsentParty.GUARDIAN, ConsentStatus.WITHDRAWN));
        JsonNode consents = awaitVersion(caseId, 4).get("consents");
        assertThat(consents.get("guardian").get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(consents.get("guardian").get("recordedAt").asString()).isEqualTo("2025-03-03T01:03:00Z");
        assertThat(consents.get("child").get("status").asString()).isEqualTo("REFUSED");
        assertThat(consents.get("child").get("recordedAt").asString()).isEqualTo("2025-03-03T01:02:00Z");
    }

    /**
     * The erasure event alone makes the file erased, even while the key still opens values: the document drops
     * every sealed value, and says when, on which ground and by which decision.
     */
    @Test
    void an_erasure_is_shown_and_the_stored_document_keeps_no_sealed_value() {
        String caseId = newId("case");
        String childId = newId("child");
        appendProcedureUpToFirstReview(caseId, childId, "313-an-thang", T0);
        awaitVersion(caseId, 8);
        append(COORDINATOR, T0.plusSeconds(86_400), new ChildIdentityErased(caseId, T0.plusSeconds(86_400), childId,
                "PDP_2025_ART_16", "QĐ-15/2025"));

        JsonNode erased = awaitVersion(caseId, 9);
        assertThat(erased.get("personalDataErased").asBoolean()).isTrue();
        assertThat(erased.get("identityErasedAt").asString()).isEqualTo("2025-03-04T01:00:00Z");
        assertThat(erased.get("erasureLegalBasis").asString()).isEqualTo("PDP_2025_ART_16");
        assertThat(erased.get("erasureAuthorisationReference").asString()).isEqualTo("QĐ-15/2025");
        assertThat(erased.get("child").get("name").isNull()).isTrue();
        assertThat(erased.get("report").get("narrative").isNull()).isTrue();
        assertThat(erased.get("plan").get("goals").isNull()).isTrue();
        assertThat(erased.get("child").get("ageYears").asInt()).isEqualTo(9);
        assertThat(erased.get("plan").get("interventions").size()).isEqualTo(2);
        String stored = jdbc.queryForObject("SELECT doc::text FROM case_file WHERE case_id = ?", String.class,
                caseId);
        assertThat(stored).doesNotContain("cipherText").doesNotContain("keyId");
    }

    @Test
    void an_unknown_case_is_a_404_problem() {
        HttpResponse<String> response = get("/api/v1/cases/" + newId("no-such-case"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response).get("status").asInt()).isEqualTo(404);
    }

    private PlannedIntervention intervention(String childId, String id, String agencyCode) {
        return new PlannedIntervention(id, InterventionMeasure.OTHER_SUPPORT, agencyCode, day("2025-05-01"),
                seal(childId, "Hỗ trợ " + id));
    }

    private JsonNode awaitVersion(String caseId, long version) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/cases/" + caseId);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body(response).get("version").asLong()).isEqualTo(version);
        });
        return getJson("/api/v1/cases/" + caseId);
    }

    private static List<String> texts(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private static List<String> statuses(JsonNode file) {
        return file.get("plan").get("interventions").values().stream()
                .map(i -> i.get("interventionId").asString() + "=" + (i.get("status").isNull() ? "null"
                        : i.get("status").asString()))
                .toList();
    }
}
