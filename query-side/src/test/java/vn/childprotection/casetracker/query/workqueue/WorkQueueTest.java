package vn.childprotection.casetracker.query.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReopened;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.DeadlineFulfilled;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.DeadlineWithdrawn;
import vn.childprotection.casetracker.events.InterventionReassigned;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;

class WorkQueueTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-08-01T02:00:00Z");
    private static final String POLICE_CODE = "313-police";
    private static final String HEALTH_CODE = "313-health-centre";

    @Test
    void a_declined_intervention_is_reassigned_to_another_agency_and_completed_late_there() {
        String caseId = newId("case");
        String childId = newId("child");
        String commune = "313-my-duc";
        Instant approvedAt = T0.plus(hours(2));
        append(WORKER, T0, reported(caseId, childId, commune, T0));
        append(WORKER, T0.plus(hours(1)), new SupportPlanDrafted(caseId, T0.plus(hours(1)), 1, List.of(
                planned(childId, "i-legal", InterventionMeasure.LEGAL_AID, POLICE_CODE, "2025-08-10"),
                planned(childId, "i-therapy", InterventionMeasure.PSYCHOLOGICAL_THERAPY, HEALTH_CODE, "2025-08-20")),
                null));
        append(CHAIR, approvedAt, new SupportPlanApproved(caseId, approvedAt, 1));
        append(CHAIR, approvedAt, scheduled(caseId, approvedAt, "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE,
                endOf("2025-08-10"), POLICE_CODE, "i-legal"));
        append(CHAIR, approvedAt, scheduled(caseId, approvedAt, "INTERVENTION_DUE-2", DeadlineRule.INTERVENTION_DUE,
                endOf("2025-08-20"), HEALTH_CODE, "i-therapy"));
        append(CHAIR, approvedAt, scheduled(caseId, approvedAt, "CASE_REVIEW-3", DeadlineRule.CASE_REVIEW,
                endOf("2025-10-01"), commune, null));

        JsonNode assigned = awaitItem(POLICE_CODE, caseId, "i-legal", "ASSIGNED");
        assertThat(assigned.get("communeCode").asString()).isEqualTo(commune);
        assertThat(assigned.get("measure").asString()).isEqualTo("LEGAL_AID");
        assertThat(assigned.get("measureLabel").asString()).isEqualTo(InterventionMeasure.LEGAL_AID.labelVi());
        assertThat(assigned.get("dueDate").asString()).isEqualTo("2025-08-10");
        assertThat(assigned.get("assignedAt").asString()).isEqualTo("2025-08-01T04:00:00Z");
        assertThat(assigned.get("statusChangedAt").asString()).isEqualTo("2025-08-01T04:00:00Z");
        assertThat(assigned.get("overdue").asBoolean()).isFalse();
        assertThat(assigned.get("completedLate").asBoolean()).isFalse();
        assertThat(item(HEALTH_CODE, caseId, "i-therapy")).isPresent();

        Instant declinedAt = T0.plus(hours(5));
        append(POLICE, declinedAt, new InterventionStatusChanged(caseId, declinedAt, "i-legal", POLICE_CODE,
                InterventionStatus.ASSIGNED, InterventionStatus.DECLINED, seal(childId, "Không thuộc thẩm quyền")));
        awaitItem(POLICE_CODE, caseId, "i-legal", "DECLINED");
        JsonNode declined = declined(caseId).orElseThrow();
        assertThat(declined.get("declinedBy").asString()).isEqualTo(POLICE_CODE);
        assertThat(declined.get("declinedAt").asString()).isEqualTo("2025-08-01T07:00:00Z");
        assertThat(declined.get("communeCode").asString()).isEqualTo(commune);
        assertThat(declined.get("measure").asString()).isEqualTo("LEGAL_AID");
        assertThat(declined.get("dueDate").asString()).isEqualTo("2025-08-10");
        assertThat(declined.get("overdue").asBoolean()).isFalse();

        Instant reassignedAt = T0.plus(hours(8));
        append(COORDINATOR, reassignedAt, new DeadlineWithdrawn(caseId, reassignedAt, "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, "i-legal", "REASSIGNED"));
        append(COORDINATOR, reassignedAt, new InterventionReassigned(caseId, reassignedAt, "i-legal", POLICE_CODE,
                HEALTH_CODE, day("2025-08-25")));
        append(COORDINATOR, reassignedAt, scheduled(caseId, reassignedAt, "INTERVENTION_DUE-4",
                DeadlineRule.INTERVENTION_DUE, endOf("2025-08-25"), HEALTH_CODE, "i-legal"));

        JsonNode moved = awaitItem(HEALTH_CODE, caseId, "i-legal", "ASSIGNED");
        assertThat(moved.get("dueDate").asString()).isEqualTo("2025-08-25");
        assertThat(moved.get("assignedAt").asString()).isEqualTo("2025-08-01T10:00:00Z");
        assertThat(moved.get("overdue").asBoolean()).isFalse();
        assertThat(item(POLICE_CODE, caseId, "i-legal")).isEmpty();
        assertThat(declined(caseId)).isEmpty();

        appendBySystem(HEALTH_CODE, endOf("2025-08-25").plusSeconds(5), new DeadlineMissed(caseId,
                endOf("2025-08-25"), "INTERVENTION_DUE-4", DeadlineRule.INTERVENTION_DUE, endOf("2025-08-25"),
                HEALTH_CODE, "i-legal"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(item(HEALTH_CODE, caseId, "i-legal"))
                .hasValueSatisfying(i -> assertThat(i.get("overdue").asBoolean()).isTrue()));

        Instant acceptedAt = Instant.parse("2025-08-26T03:00:00Z");
        Instant completedAt = Instant.parse("2025-08-28T09:00:00Z");
        append(HEALTH, acceptedAt, new InterventionStatusChanged(caseId, acceptedAt, "i-legal", HEALTH_CODE,
                InterventionStatus.ASSIGNED, InterventionStatus.ACCEPTED, null));
        append(HEALTH, completedAt, new InterventionStatusChanged(caseId, completedAt, "i-legal", HEALTH_CODE,
                InterventionStatus.ACCEPTED, InterventionStatus.COMPLETED, null));
        append(HEALTH, completedAt, new DeadlineFulfilled(caseId, completedAt, "INTERVENTION_DUE-4",
                DeadlineRule.INTERVENTION_DUE, "i-legal", true));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(item(HEALTH_CODE, caseId, "i-legal"))
                .hasValueSatisfying(i -> {
                    assertThat(i.get("status").asString()).isEqualTo("COMPLETED");
                    assertThat(i.get("completedLate").asBoolean()).isTrue();
                    assertThat(i.get("overdue").asBoolean()).isFalse();
                }));
        JsonNode completed = item(HEALTH_CODE, caseId, "i-legal").orElseThrow();
        assertThat(completed.get("statusChangedAt").asString()).isEqualTo("2025-08-28T09:00:00Z");
        assertThat(completed.get("assignedAt").asString()).isEqualTo("2025-08-01T10:00:00Z");

        assertThat(ids(getJson("/api/v1/agencies/" + HEALTH_CODE + "/work-queue?status=COMPLETED"), caseId))
                .containsExactly("i-legal");
        assertThat(ids(getJson("/api/v1/agencies/" + HEALTH_CODE + "/work-queue?status=ASSIGNED"), caseId))
                .containsExactly("i-therapy");
        assertThat(ids(getJson("/api/v1/agencies/" + HEALTH_CODE + "/work-queue"), caseId))
                .containsExactly("i-therapy", "i-legal");
        assertThat(ids(getJson("/api/v1/agencies/" + HEALTH_CODE + "/work-queue?sort=dueDate,desc"), caseId))
                .containsExactly("i-legal", "i-therapy");
        assertThat(ids(getJson("/api/v1/agencies/" + POLICE_CODE + "/work-queue"), caseId)).isEmpty();
    }

    @Test
    void the_queue_is_ordered_by_due_date_and_says_how_it_was_read() {
        String caseId = newId("case");
        String childId = newId("child");
        String agency = "313-red-cross";
        append(WORKER, T0, reported(caseId, childId, "313-my-duc", T0));
        append(WORKER, T0.plus(hours(1)), new SupportPlanDrafted(caseId, T0.plus(hours(1)), 1, List.of(
                planned(childId, "i-b", InterventionMeasure.SOCIAL_ASSISTANCE, agency, "2025-09-15"),
                planned(childId, "i-a", InterventionMeasure.OTHER_SUPPORT, agency, "2025-09-05"),
                planned(childId, "i-c", InterventionMeasure.EDUCATION_SUPPORT, agency, "2025-09-30")), null));
        append(CHAIR, T0.plus(hours(2)), new SupportPlanApproved(caseId, T0.plus(hours(2)), 1));
        awaitItem(agency, caseId, "i-c", "ASSIGNED");

        JsonNode ascending = getJson("/api/v1/agencies/" + agency + "/work-queue");
        assertThat(ascending.get("agencyCode").asString()).isEqualTo(agency);
        assertThat(ascending.get("sort").asString()).isEqualTo("dueDate,asc");
        assertThat(ascending.get("status").isNull()).isTrue();
        assertThat(ids(ascending, caseId)).containsExactly("i-a", "i-b", "i-c");
        assertThat(dueDates(ascending)).isSorted();
        assertThat(ascending.get("total").asInt()).isEqualTo(ascending.get("items").size());

        JsonNode descending = getJson("/api/v1/agencies/" + agency + "/work-queue?sort=dueDate,desc");
        assertThat(descending.get("sort").asString()).isEqualTo("dueDate,desc");
        assertThat(ids(descending, caseId)).containsExactly("i-c", "i-b", "i-a");
        assertThat(dueDates(descending)).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void a_new_approved_plan_replaces_the_items_and_a_closed_case_leaves_every_queue() {
        String caseId = newId("case");
        String childId = newId("child");
        String womensUnion = "313-womens-union";
        String youthUnion = "313-youth-union";
        Instant t = T0;
        append(WORKER, t, reported(caseId, childId, "313-my-duc", t));
        append(WORKER, t = t.plus(hours(1)), new SupportPlanDrafted(caseId, t, 1, List.of(
                planned(childId, "i-1", InterventionMeasure.CAREGIVER_COUNSELLING, womensUnion, "2025-09-01")),
                null));
        append(CHAIR, t = t.plus(hours(1)), new SupportPlanApproved(caseId, t, 1));
        append(WORKER, t = t.plus(hours(1)), new InterventionStatusChanged(caseId, t, "i-1", womensUnion,
                InterventionStatus.ASSIGNED, InterventionStatus.ACCEPTED, null));
        append(WORKER, t = t.plus(hours(1)), new CaseReviewed(caseId, t, RiskLevel.MEDIUM, ReviewOutcome.REPLAN,
                null));
        append(WORKER, t = t.plus(hours(1)), new SupportPlanDrafted(caseId, t, 2, List.of(
                planned(childId, "i-1", InterventionMeasure.CAREGIVER_COUNSELLING, youthUnion, "2025-09-10"),
                planned(childId, "i-2", InterventionMeasure.EDUCATION_SUPPORT, womensUnion, "2025-09-20")), null));

        // Until the new version is approved, the agencies keep working on the approved one.
        awaitItem(womensUnion, caseId, "i-1", "ACCEPTED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM work_plan_draft WHERE case_id = ?", Long.class, caseId)).isEqualTo(2));
        assertThat(item(youthUnion, caseId, "i-1")).isEmpty();

        append(CHAIR, t = t.plus(hours(1)), new SupportPlanApproved(caseId, t, 2));
        awaitItem(youthUnion, caseId, "i-1", "ASSIGNED");
        awaitItem(womensUnion, caseId, "i-2", "ASSIGNED");
        assertThat(item(womensUnion, caseId, "i-1")).isEmpty();

        append(CHAIR, t = t.plus(hours(1)), new CaseClosed(caseId, t, "MOVED_AWAY", null));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(item(youthUnion, caseId, "i-1")).isEmpty();
            assertThat(item(womensUnion, caseId, "i-2")).isEmpty();
        });
        append(CHAIR, t = t.plus(hours(1)), new CaseReopened(caseId, t, null));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT version FROM work_case WHERE case_id = ?", Long.class, caseId)).isEqualTo(9));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM work_item WHERE case_id = ?", Long.class, caseId))
                .isZero();
    }

    @Test
    void an_unknown_agency_a_bad_sort_or_a_bad_status_is_a_400_problem() {
        assertBadRequest("/api/v1/agencies/no-such-agency/work-queue", "code");
        assertBadRequest("/api/v1/agencies/313/work-queue", "code");
        assertBadRequest("/api/v1/agencies/313-police/work-queue?sort=measure,asc", "sort");
        assertBadRequest("/api/v1/agencies/313-police/work-queue?sort=dueDate,sideways", "sort");
        assertBadRequest("/api/v1/agencies/313-police/work-queue?status=LOST", "status");
        assertThat(get("/api/v1/agencies/313-an-thai/work-queue").statusCode()).isEqualTo(200);
    }

    private void assertBadRequest(String path, String field) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private PlannedIntervention planned(String childId, String id, InterventionMeasure measure, String agency,
                                        String dueDate) {
        return new PlannedIntervention(id, measure, agency, day(dueDate), seal(childId, "Mô tả " + id));
    }

    /**
     * The end of a due date in Vietnam (UTC+7).
     */
    private static Instant endOf(String date) {
        return LocalDate.parse(date).plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(7));
    }

    private JsonNode awaitItem(String agency, String caseId, String interventionId, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(item(agency, caseId, interventionId))
                .hasValueSatisfying(i -> assertThat(i.get("status").asString()).isEqualTo(status)));
        return item(agency, caseId, interventionId).orElseThrow();
    }

    private Optional<JsonNode> item(String agency, String caseId, String interventionId) {
        return PageWalk.rows(this::getJson, "/api/v1/agencies/" + agency + "/work-queue", "items").stream()
                .filter(i -> i.get("caseId").asString().equals(caseId)
                        && i.get("interventionId").asString().equals(interventionId))
                .findFirst();
    }

    private Optional<JsonNode> declined(String caseId) {
        JsonNode view = PageWalk.whole(this::getJson, "/api/v1/coordination/declined-interventions", "items", json);
        assertThat(view.get("total").asInt()).isEqualTo(view.get("items").size());
        return view.get("items").values().stream().filter(i -> i.get("caseId").asString().equals(caseId))
                .findFirst();
    }

    private static List<String> ids(JsonNode queue, String caseId) {
        return queue.get("items").values().stream().filter(i -> i.get("caseId").asString().equals(caseId))
                .map(i -> i.get("interventionId").asString()).toList();
    }

    private static List<String> dueDates(JsonNode queue) {
        return queue.get("items").values().stream().map(i -> i.get("dueDate").asString()).toList();
    }

    private static Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
