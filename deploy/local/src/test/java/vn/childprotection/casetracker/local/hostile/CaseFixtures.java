package vn.childprotection.casetracker.local.hostile;

import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Cases brought, through the public API, to the state in which an operation's valid request would be accepted:
 * a fresh report for an initial assessment, an approved plan with intervention {@code iv-1} assigned to the police
 * for a status change, a closed case for a reopening, a pending transfer to An Thái for a decision or a
 * withdrawal, an
 * unreviewed break-the-glass grant for a review. All times are "now" (no time limit falls due during the test);
 * all names are invented.
 */
final class CaseFixtures {

    static final String COMMUNE = "31-xa-an-lao";
    static final String WORKER = "worker.xaanlao";
    static final String CHAIR = "chair.xaanlao";

    private final ApiClient api;
    private String readable;

    CaseFixtures(ApiClient api) {
        this.api = api;
    }

    /**
     * Path values that make the operation's valid request acceptable.
     *
     * @param path the operation's path template
     * @return values by path parameter name ({@code caseId}, {@code interventionId}, {@code grantId}, ...)
     */
    Map<String, String> prepare(String path) {
        Map<String, String> values = new HashMap<>();
        String suffix = path.startsWith("/api/v1/cases/{caseId}") ? path.substring("/api/v1/cases/{caseId}".length()) : null;
        if (suffix != null) {
            String caseId = suffix.isEmpty() || suffix.startsWith("/history") || suffix.equals("/disclosure")
                    ? readable() : report();
            values.put("caseId", caseId);
            values.put("interventionId", "iv-1");
            switch (suffix) {
                case "/emergency-measures" -> initialAssessment(caseId, true);
                case "/detailed-assessment" -> initialAssessment(caseId, false);
                case "/plan" -> assessed(caseId);
                case "/plan/approval" -> planned(caseId);
                case "/interventions/{interventionId}/status", "/interventions/{interventionId}/reassignment",
                     "/reviews" -> approved(caseId);
                case "/closure" -> reviewedForClosure(caseId);
                case "/reopening" -> {
                    reviewedForClosure(caseId);
                    step(caseId, "/closure", CHAIR, object("reasonCode", "NO_FURTHER_RISK"));
                }
                case "/transfer/decision", "/transfer/withdrawal" -> step(caseId, "/transfer", WORKER, object("toCommuneCode", "31-xa-an-hung",
                        "reason", "Gia đình chuyển đến xã An Thái."));
                case "/break-the-glass" -> visible(caseId, "/api/v1/cases/" + caseId);
                default -> {
                }
            }
        }
        if (suffix != null && suffix.equals("/successor-commune")) {
            values.put("caseId", reportInSplitCommune());
        }
        if (path.equals("/api/v1/admin/org-units")) {
            // A new list must keep every unit of the list in force: the valid one is that list, downloaded.
            Response current = api.get("/api/v1/admin/org-units", "coordinator.haiphong");
            expectSuccess(current, "the list of org units in force");
            // Mutations name fields through the first element of each list: put first a unit that has successors.
            ObjectNode list = (ObjectNode) current.json();
            ArrayNode units = (ArrayNode) list.get("orgUnits");
            for (int i = 0; i < units.size(); i++) {
                if (!units.get(i).get("successors").isEmpty()) {
                    units.insert(0, units.remove(i));
                    break;
                }
            }
            values.put(HostileRequests.BODY, list.toString());
        }
        if (path.startsWith("/api/v1/break-the-glass/grants")) {
            String caseId = report();
            visible(caseId, "/api/v1/cases/" + caseId);
            Response grant = api.post("/api/v1/cases/" + caseId + "/break-the-glass", "coordinator.haiphong", json(object(
                    "reason", "Cuộc gọi khẩn cấp ngoài giờ, không liên lạc được với UBND xã")));
            expectSuccess(grant, "break-the-glass");
            values.put("grantId", grant.json().get("grantId").asString());
        }
        values.put("year", "2025");
        values.put("communeCode", COMMUNE);
        values.put("kind", "annual");
        values.put("code", "31-xa-an-lao-health-station");
        values.put("name", "case-file");
        return values;
    }

    /** One case, shared by the reads, that its consents make disclosable; ready once the case file shows it. */
    private String readable() {
        if (readable == null) {
            String caseId = report();
            step(caseId, "/consents", WORKER, object("party", "GUARDIAN", "status", "GIVEN"));
            step(caseId, "/consents", WORKER, object("party", "CHILD", "status", "GIVEN"));
            visible(caseId, "/api/v1/cases/" + caseId + "/disclosure");
            readable = caseId;
        }
        return readable;
    }

    private String report() {
        Response created = api.post("/api/v1/cases", WORKER, json(object(
                "communeCode", COMMUNE, "category", "ABUSED", "channel", "HOTLINE_111",
                "abuseForms", List.of("VIOLENCE"), "setting", "FAMILY",
                "child", object("name", "Hoàng Thị Thử Nghiệm", "ageYears", 9, "sex", "FEMALE", "ethnicity", "Tày"),
                "reporter", object("consentToRecordIdentity", false),
                "narrative", "Hàng xóm báo trẻ bị bỏ mặc.")));
        expectSuccess(created, "report");
        return created.json().get("caseId").asString();
    }

    /**
     * A case of Xã Thái Sơn, reported before the 2025 reform and still open: the commune was split between Xã An
     * Khánh and Xã An Lão, so a person chooses which one runs it now.
     */
    private String reportInSplitCommune() {
        Response created = api.post("/api/v1/cases", "worker.313-thai-son", json(object(
                "occurredAt", "2025-05-05T02:00:00Z", "communeCode", "313-thai-son", "category", "ABUSED",
                "channel", "HOTLINE_111", "abuseForms", List.of("VIOLENCE"), "setting", "FAMILY",
                "child", object("name", "Đinh Văn Thử Nghiệm", "ageYears", 10, "sex", "MALE", "ethnicity", "Kinh"),
                "reporter", object("consentToRecordIdentity", false),
                "narrative", "Giáo viên báo trẻ có vết thương.")));
        expectSuccess(created, "report in a split commune");
        return created.json().get("caseId").asString();
    }

    private void initialAssessment(String caseId, boolean emergency) {
        step(caseId, "/initial-assessment", WORKER, object("riskLevel", "HIGH", "emergency", emergency));
    }

    private void assessed(String caseId) {
        initialAssessment(caseId, false);
        step(caseId, "/detailed-assessment", WORKER, object("riskLevel", "MEDIUM", "findings", "Cần hỗ trợ."));
    }

    private void planned(String caseId) {
        assessed(caseId);
        LocalDate due = HostileRequests.today().plusDays(20);
        step(caseId, "/plan", WORKER, object("goals", "Trẻ an toàn.", "interventions", List.of(object(
                "interventionId", "iv-1", "measure", "LEGAL_AID", "agencyCode", "31-xa-an-lao-police", "dueDate", due.toString()))));
    }

    private void approved(String caseId) {
        planned(caseId);
        step(caseId, "/plan/approval", CHAIR, object("planVersion", 1));
    }

    private void reviewedForClosure(String caseId) {
        approved(caseId);
        step(caseId, "/reviews", WORKER, object("riskLevel", "LOW", "outcome", "PROPOSE_CLOSURE"));
    }

    private void step(String caseId, String suffix, String user, Map<String, Object> body) {
        expectSuccess(api.post("/api/v1/cases/" + caseId + suffix, user, json(body)), suffix);
    }

    private void visible(String caseId, String readPath) {
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(readPath, "coordinator.haiphong").status() == 200);
    }

    private static void expectSuccess(Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("setting up a case failed at " + what + ": " + response.status() + " "
                    + response.body());
        }
    }
}
