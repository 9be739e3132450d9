package vn.childprotection.casetracker.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.query.paging.PageWalk;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * Every query endpoint but the case file, per role: what is allowed, what is refused, and that a refusal holds
 * nothing of what was asked for.
 */
class RegisterAccessTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-08-04T01:00:00Z");
    private static final Instant DUE = Instant.parse("2025-08-20T17:00:00Z");
    private static final String AN_THAI = "313-an-thai";
    private static final String AN_TIEN = "313-an-tien";

    /**
     * A case of An Thái (the test user worker.anthai's commune): a missed review, the police's missed intervention,
     * the health centre's declined one. Not An Lão town: the overdue register test counts that commune's items.
     */
    private String anThaiCase;
    /** A case of An Tiến: a missed review. */
    private String anTienCase;

    @BeforeEach
    void twoCasesOfTwoCommunes() {
        anThaiCase = newId("case");
        String childId = newId("child");
        append(AN_THAI_WORKER, T0, reported(anThaiCase, childId, AN_THAI, T0));
        append(AN_THAI_WORKER, T0.plusSeconds(60), new InitialAssessmentRecorded(anThaiCase, T0.plusSeconds(60),
                RiskLevel.HIGH, false, null));
        append(AN_THAI_WORKER, T0.plusSeconds(120), new SupportPlanDrafted(anThaiCase, T0.plusSeconds(120), 1,
                List.of(
                new PlannedIntervention("i-legal", InterventionMeasure.LEGAL_AID, "313-police", day("2025-08-20"),
                        seal(childId, "Hỗ trợ pháp lý")),
                new PlannedIntervention("i-therapy", InterventionMeasure.PSYCHOLOGICAL_THERAPY, "313-health-centre",
                        day("2025-08-25"), seal(childId, "Tham vấn tâm lý"))), null));
        append(AN_THAI_WORKER, T0.plusSeconds(180), new SupportPlanApproved(anThaiCase, T0.plusSeconds(180), 1));
        append(AN_THAI_WORKER, T0.plusSeconds(180), scheduled(anThaiCase, T0.plusSeconds(180),
                "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE, DUE, "313-police", "i-legal"));
        append(AN_THAI_WORKER, T0.plusSeconds(180), scheduled(anThaiCase, T0.plusSeconds(180), "CASE_REVIEW-2",
                DeadlineRule.CASE_REVIEW, DUE, AN_THAI, null));
        append(HEALTH, T0.plusSeconds(240), new InterventionStatusChanged(anThaiCase, T0.plusSeconds(240),
                "i-therapy", "313-health-centre", InterventionStatus.ASSIGNED, InterventionStatus.DECLINED, null));
        appendBySystem("313-police", DUE, new DeadlineMissed(anThaiCase, DUE, "INTERVENTION_DUE-1",
                DeadlineRule.INTERVENTION_DUE, DUE, "313-police", "i-legal"));
        appendBySystem(AN_THAI, DUE, new DeadlineMissed(anThaiCase, DUE, "CASE_REVIEW-2", DeadlineRule.CASE_REVIEW,
                DUE, AN_THAI, null));

        anTienCase = newId("case");
        append(WORKER, T0, reported(anTienCase, newId("child"), AN_TIEN, T0));
        append(WORKER, T0, scheduled(anTienCase, T0, "CASE_REVIEW-1", DeadlineRule.CASE_REVIEW, DUE, AN_TIEN,
                null));
        appendBySystem(AN_TIEN, DUE, new DeadlineMissed(anTienCase, DUE, "CASE_REVIEW-1", DeadlineRule.CASE_REVIEW,
                DUE, AN_TIEN, null));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(caseIds(whole(READER, "/api/v1/overdue", "items"), "items")).contains(anThaiCase, anTienCase);
            assertThat(caseIds(whole(READER, "/api/v1/coordination/declined-interventions", "items"), "items"))
                    .contains(anThaiCase);
            assertThat(caseIds(whole(READER, "/api/v1/risk-register", "cases"), "cases"))
                    .contains(anThaiCase, anTienCase);
            assertThat(getJson("/api/v1/audit-trail?caseId=" + anThaiCase).get("items").size()).isEqualTo(9);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM case_history WHERE case_id = ?", Long.class,
                    anThaiCase)).isEqualTo(9);
        });
    }

    @Test
    void a_history_is_read_by_its_commune_coordinators_and_auditors_and_each_read_is_logged() {
        // The history view may still be catching up with the case's nine events: read them as a client would.
        String path = "/api/v1/cases/" + anThaiCase + "/history?minVersion=9";
        for (String user : List.of("worker.anthai", "coordinator", "auditor")) {
            HttpResponse<String> response = getAs(user, path);
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            assertThat(body(response).get("entries").size()).isEqualTo(9);
        }
        assertThat(accessLogOf(anThaiCase)).contains("worker.anthai CASE_HISTORY CASE_WORK",
                "coordinator CASE_HISTORY CASE_WORK", "auditor CASE_HISTORY CASE_WORK");

        assertRefused(getAs("worker.anlao", path), "outside-your-commune", anThaiCase, AN_THAI);
        assertRefused(getAs("chair.anlao", path), "outside-your-commune", anThaiCase, AN_THAI);
        assertRefused(getAs("police", path), "role-not-allowed", anThaiCase, AN_THAI);
        assertRefused(getAs("health", path), "role-not-allowed", anThaiCase, AN_THAI);
        assertRefused(getAs("dashboard", path), "aggregates-only", anThaiCase, AN_THAI);
        assertThat(accessLogOf(anThaiCase)).noneMatch(row -> row.contains("CASE_HISTORY")
                && List.of("police", "health", "dashboard", "worker.anlao", "chair.anlao")
                .contains(row.substring(0, row.indexOf(' '))));
        assertThat(getAs("dashboard", "/api/v1/cases/" + newId("no-such-case") + "/history").statusCode())
                .isEqualTo(404);
    }

    @Test
    void commune_staff_read_the_risk_register_of_their_own_commune_only() {
        JsonNode own = whole("worker.anthai", "/api/v1/risk-register", "cases");
        assertThat(caseIds(own, "cases")).contains(anThaiCase).doesNotContain(anTienCase);
        assertThat(own.get("cases").values()).allSatisfy(c -> assertThat(c.get("communeCode").asString())
                .isEqualTo(AN_THAI));
        assertThat(own.get("countsByCommune").propertyNames()).containsExactly(AN_THAI);
        assertThat(getAs("worker.anthai", "/api/v1/risk-register?commune=" + AN_THAI).statusCode()).isEqualTo(200);
        JsonNode anLao = whole("chair.anlao", "/api/v1/risk-register", "cases");
        assertThat(caseIds(anLao, "cases")).doesNotContain(anThaiCase, anTienCase);
        assertThat(anLao.get("cases").values()).allSatisfy(c -> assertThat(c.get("communeCode").asString())
                .isEqualTo("313-tt-an-lao"));

        assertRefused(getAs("worker.anthai", "/api/v1/risk-register?commune=" + AN_TIEN), "not-your-commune",
                AN_TIEN, anTienCase);
        assertRefused(getAs("chair.anlao", "/api/v1/risk-register?commune=" + AN_THAI), "not-your-commune",
                AN_THAI, anThaiCase);
        assertRefused(getAs("police", "/api/v1/risk-register"), "role-not-allowed", anThaiCase);
        assertRefused(getAs("dashboard", "/api/v1/risk-register"), "aggregates-only", anThaiCase);
        for (String user : List.of("coordinator", "auditor")) {
            assertThat(caseIds(whole(user, "/api/v1/risk-register", "cases"), "cases")).as(user)
                    .contains(anThaiCase, anTienCase);
            assertThat(caseIds(whole(user, "/api/v1/risk-register?commune=" + AN_TIEN, "cases"), "cases"))
                    .contains(anTienCase);
        }
    }

    @Test
    void the_overdue_register_is_scoped_to_ones_commune_or_agency() {
        JsonNode commune = whole("worker.anthai", "/api/v1/overdue", "items");
        assertThat(overdueItems(commune, anThaiCase)).containsExactlyInAnyOrder("INTERVENTION_DUE-1",
                "CASE_REVIEW-2");
        assertThat(caseIds(commune, "items")).doesNotContain(anTienCase);
        assertThat(commune.get("items").values()).allSatisfy(i -> assertThat(i.get("communeCode").asString())
                .isEqualTo(AN_THAI));
        assertThat(whole("chair.anlao", "/api/v1/overdue", "items").get("items").values())
                .allSatisfy(i -> assertThat(i.get("communeCode").asString()).isEqualTo("313-tt-an-lao"));
        assertRefused(getAs("worker.anthai", "/api/v1/overdue?commune=" + AN_TIEN), "not-your-commune", AN_TIEN,
                anTienCase);

        JsonNode police = whole("police", "/api/v1/overdue", "items");
        assertThat(overdueItems(police, anThaiCase)).containsExactly("INTERVENTION_DUE-1");
        assertThat(caseIds(police, "items")).doesNotContain(anTienCase);
        assertThat(police.get("items").values()).allSatisfy(i -> {
            assertThat(i.get("rule").asString()).isEqualTo("INTERVENTION_DUE");
            assertThat(i.get("responsibleOrgUnit").asString()).isEqualTo("313-police");
        });
        assertThat(caseIds(whole("police", "/api/v1/overdue?agency=313-police&commune=" + AN_THAI, "items"), "items"))
                .contains(anThaiCase);
        assertRefused(getAs("police", "/api/v1/overdue?agency=313-health-centre"), "not-your-org-unit",
                "313-health-centre", anThaiCase);
        assertRefused(getAs("dashboard", "/api/v1/overdue"), "aggregates-only", anThaiCase);

        for (String user : List.of("coordinator", "auditor")) {
            assertThat(caseIds(whole(user, "/api/v1/overdue", "items"), "items")).as(user)
                    .contains(anThaiCase, anTienCase);
        }
    }

    @Test
    void a_work_queue_is_read_by_its_own_org_unit_coordinators_and_auditors() {
        assertThat(caseIds(whole("police", "/api/v1/agencies/313-police/work-queue", "items"), "items"))
                .contains(anThaiCase);
        assertThat(getAs("worker.anthai", "/api/v1/agencies/" + AN_THAI + "/work-queue").statusCode())
                .isEqualTo(200);
        for (String user : List.of("coordinator", "auditor")) {
            assertThat(caseIds(whole(user, "/api/v1/agencies/313-police/work-queue", "items"), "items")).as(user)
                    .contains(anThaiCase);
        }
        assertRefused(getAs("police", "/api/v1/agencies/313-health-centre/work-queue"), "not-your-org-unit",
                "313-health-centre", anThaiCase);
        assertRefused(getAs("worker.anthai", "/api/v1/agencies/313-police/work-queue"), "not-your-org-unit",
                "313-police", anThaiCase);
        assertRefused(getAs("chair.anlao", "/api/v1/agencies/" + AN_THAI + "/work-queue"), "not-your-org-unit",
                AN_THAI);
        assertRefused(getAs("dashboard", "/api/v1/agencies/313-police/work-queue"), "aggregates-only", anThaiCase);
    }

    @Test
    void the_declined_list_is_the_coordinators() {
        assertThat(caseIds(whole("coordinator", "/api/v1/coordination/declined-interventions", "items"), "items"))
                .contains(anThaiCase);
        for (String user : List.of("auditor", "worker.anthai", "chair.anlao", "health", "police")) {
            assertRefused(getAs(user, "/api/v1/coordination/declined-interventions"), "role-not-allowed", anThaiCase,
                    AN_THAI);
        }
        assertRefused(getAs("dashboard", "/api/v1/coordination/declined-interventions"), "aggregates-only",
                anThaiCase);
    }

    @Test
    void the_audit_trail_is_read_by_coordinators_and_auditors_as_json_or_csv() {
        String path = "/api/v1/audit-trail?caseId=" + anThaiCase;
        for (String user : List.of("coordinator", "auditor")) {
            assertThat(body(getAs(user, path)).get("items").size()).as(user).isEqualTo(9);
            HttpResponse<String> csv = getAs(user, path + "&format=csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).contains(anThaiCase);
        }
        for (String user : List.of("worker.anthai", "chair.anlao", "health", "police")) {
            assertRefused(getAs(user, path), "role-not-allowed", anThaiCase, AN_THAI);
            assertRefused(getAs(user, path + "&format=csv"), "role-not-allowed", anThaiCase, AN_THAI);
        }
        assertRefused(getAs("dashboard", path), "aggregates-only", anThaiCase);
        assertRefused(getAs("dashboard", path + "&format=csv"), "aggregates-only", anThaiCase);
    }

    @Test
    void the_access_log_and_the_grants_are_for_auditors_and_statistics_for_dashboards_coordinators_and_auditors() {
        assertThat(getAs("auditor", "/api/v1/access-log?caseId=" + anThaiCase).statusCode()).isEqualTo(200);
        assertThat(getAs("auditor", "/api/v1/break-the-glass/grants").statusCode()).isEqualTo(200);
        for (String user : List.of("coordinator", "worker.anthai", "chair.anlao", "health")) {
            assertRefused(getAs(user, "/api/v1/access-log?caseId=" + anThaiCase), "role-not-allowed", anThaiCase);
            assertRefused(getAs(user, "/api/v1/break-the-glass/grants"), "role-not-allowed");
        }
        assertRefused(getAs("dashboard", "/api/v1/access-log"), "aggregates-only");

        for (String user : List.of("dashboard", "coordinator", "auditor")) {
            assertThat(getAs(user, "/api/v1/statistics/open-cases").statusCode()).as(user).isEqualTo(200);
        }
        for (String user : List.of("worker.anthai", "chair.anlao", "health", "police")) {
            assertRefused(getAs(user, "/api/v1/statistics/open-cases"), "role-not-allowed");
        }
    }

    @Test
    void org_units_stay_open_to_every_signed_in_user() {
        for (String user : List.of("dashboard", "police", "worker.anthai", "auditor")) {
            HttpResponse<String> response = getAs(user, "/api/v1/org-units?type=COMMUNE");
            assertThat(response.statusCode()).as(user).isEqualTo(200);
            assertThat(body(response).values()).extracting(unit -> unit.get("code").asString())
                    .contains("31-xa-an-lao");
        }
    }

    /**
     * Every page of a list read as {@code user}, its rows together in {@code field}.
     */
    private JsonNode whole(String user, String path, String field) {
        return PageWalk.whole(page -> {
            HttpResponse<String> response = getAs(user, page);
            assertThat(response.statusCode()).as("%s GET %s: %s", user, page, response.body()).isEqualTo(200);
            return body(response);
        }, path, field, json);
    }

    private static List<String> caseIds(JsonNode view, String listField) {
        return view.get(listField).values().stream().map(i -> i.get("caseId").asString()).toList();
    }

    private static List<String> overdueItems(JsonNode register, String caseId) {
        return register.get("items").values().stream().filter(i -> i.get("caseId").asString().equals(caseId))
                .map(i -> i.get("deadlineId").asString()).toList();
    }
}
