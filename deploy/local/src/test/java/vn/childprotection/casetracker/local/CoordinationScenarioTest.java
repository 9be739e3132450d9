package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The police decline an intervention, the coordinator reassigns it to the health centre, the health centre
 * completes it late: the work queues, the declined list, the overdue register and the audit trail all show
 * exactly that.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
class CoordinationScenarioTest {

    private static final String POLICE = "31-xa-an-lao-police";
    private static final String HEALTH = "31-xa-an-lao-health-station";

    @LocalServerPort
    int port;

    @Test
    void a_declined_intervention_is_reassigned_and_completed_late_and_everyone_sees_it() {
        ApiClient api = new ApiClient(port);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String caseId = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "SCHOOL",
                "abuseForms", List.of("VIOLENCE"), "setting", "SCHOOL",
                "child", object("sex", "MALE", "ageYears", 13),
                "reporter", object("consentToRecordIdentity", false)))).json().get("caseId").asString();
        String base = "/api/v1/cases/" + caseId;
        ok(api.post(base + "/initial-assessment", "worker.xaanlao",
                json(object("riskLevel", "MEDIUM", "emergency", false))));
        ok(api.post(base + "/detailed-assessment", "worker.xaanlao", json(object("riskLevel", "MEDIUM"))));
        ok(api.post(base + "/plan", "worker.xaanlao", json(object("interventions", List.of(
                object("interventionId", "legal", "measure", "LEGAL_AID", "agencyCode", POLICE,
                        "dueDate", today.plusDays(20).toString()))))));
        ok(api.post(base + "/plan/approval", "chair.xaanlao", json(object("planVersion", 1))));

        ok(api.post(base + "/interventions/legal/status", "police.xaanlao",
                json(object("status", "DECLINED", "note", "Không thuộc chức năng"))));
        JsonNode policeQueue = await().atMost(Duration.ofSeconds(30)).until(
                () -> queue(api, POLICE), q -> item(q, caseId) != null
                        && "DECLINED".equals(item(q, caseId).get("status").asString()));
        assertThat(item(policeQueue, caseId).get("overdue").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> declined(api), d -> item(d, caseId) != null);
        assertThat(item(declined(api), caseId).get("declinedBy").asString()).isEqualTo(POLICE);

        // Reassigned with a due date already past: the limit is missed at once, by the health centre.
        Response reassigned = api.post(base + "/interventions/legal/reassignment", "coordinator.haiphong",
                json(object("toAgencyCode", HEALTH, "dueDate", today.minusDays(2).toString())));
        ok(reassigned);
        JsonNode overdue = await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/v1/overdue?agency=" + HEALTH, "coordinator.haiphong").json(),
                o -> item(o, caseId) != null);
        JsonNode late = item(overdue, caseId);
        assertThat(late.get("rule").asString()).isEqualTo("INTERVENTION_DUE");
        assertThat(late.get("interventionId").asString()).isEqualTo("legal");
        assertThat(late.get("responsibleOrgUnit").asString()).isEqualTo(HEALTH);
        assertThat(late.get("lateHours").asDouble()).isGreaterThan(24.0);
        assertThat(overdue.get("countsByAgency").get(HEALTH).asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/overdue?agency=" + POLICE, "coordinator.haiphong").json().get("total").asInt())
                .isZero();

        ok(api.post(base + "/interventions/legal/status", "health.xaanlao", json(object("status", "ACCEPTED"))));
        ok(api.post(base + "/interventions/legal/status", "health.xaanlao", json(object("status", "COMPLETED"))));

        // The completion and the fulfilled time limit are two events: the item may show the first alone for a moment.
        JsonNode healthQueue = await().atMost(Duration.ofSeconds(30)).until(() -> queue(api, HEALTH),
                q -> item(q, caseId) != null && "COMPLETED".equals(item(q, caseId).get("status").asString())
                        && item(q, caseId).get("completedLate").asBoolean());
        assertThat(item(healthQueue, caseId).get("completedLate").asBoolean()).isTrue();
        assertThat(item(healthQueue, caseId).get("overdue").asBoolean()).isFalse();
        assertThat(item(healthQueue, caseId).get("dueDate").asString()).isEqualTo(today.minusDays(2).toString());
        assertThat(item(queue(api, POLICE), caseId)).as("no longer the police's").isNull();
        assertThat(item(declined(api), caseId)).as("no longer waiting for the coordinator").isNull();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> item(api.get("/api/v1/overdue", "coordinator.haiphong").json(), caseId) == null);

        JsonNode trail = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/audit-trail?caseId=" + caseId + "&limit=100", "auditor.haiphong").json(),
                t -> t.get("items").valueStream().anyMatch(e -> "DeadlineFulfilled".equals(e.get("action")
                        .asString()) && "legal".equals(text(e, "interventionId"))));
        List<String> legal = trail.get("items").valueStream()
                .filter(e -> "legal".equals(text(e, "interventionId")))
                .map(e -> e.get("action").asString() + " by " + e.get("userId").asString() + "@"
                        + e.get("orgUnit").asString() + " for " + text(e, "agencyCode"))
                .toList();
        assertThat(legal).containsExactly(
                "DeadlineScheduled by chair.xaanlao@31-xa-an-lao for " + POLICE,
                "InterventionStatusChanged by police.xaanlao@31-xa-an-lao-police for " + POLICE,
                "DeadlineWithdrawn by coordinator.haiphong@31-health-department for " + POLICE,
                "InterventionReassigned by coordinator.haiphong@31-health-department for " + HEALTH,
                "DeadlineScheduled by coordinator.haiphong@31-health-department for " + HEALTH,
                "DeadlineMissed by system@" + HEALTH + " for " + HEALTH,
                "InterventionStatusChanged by health.xaanlao@31-xa-an-lao-health-station for " + HEALTH,
                "InterventionStatusChanged by health.xaanlao@31-xa-an-lao-health-station for " + HEALTH,
                "DeadlineFulfilled by health.xaanlao@31-xa-an-lao-health-station for " + HEALTH);

        JsonNode byHealth = api.get("/api/v1/audit-trail?caseId=" + caseId + "&agency=" + HEALTH + "&limit=100",
                "auditor.haiphong").json();
        Response csv = api.get("/api/v1/audit-trail?caseId=" + caseId + "&agency=" + HEALTH + "&format=csv",
                "auditor.haiphong");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().strip().split("\r?\n")).hasSize(byHealth.get("items").size() + 1);
        assertThat(byHealth.get("items").valueStream().map(e -> e.get("action").asString()).toList())
                .contains("InterventionReassigned", "DeadlineMissed", "DeadlineFulfilled")
                .doesNotContain("CaseReported");
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static JsonNode queue(ApiClient api, String agency) {
        return api.get("/api/v1/agencies/" + agency + "/work-queue",
                agency.equals(POLICE) ? "police.xaanlao" : "health.xaanlao")
                .json();
    }

    private static JsonNode declined(ApiClient api) {
        return api.get("/api/v1/coordination/declined-interventions", "coordinator.haiphong").json();
    }

    private static JsonNode item(JsonNode list, String caseId) {
        Predicate<JsonNode> ofCase = i -> caseId.equals(i.get("caseId").asString());
        return list.get("items").valueStream().filter(ofCase).findFirst().orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

}
