package vn.childprotection.casetracker.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.DeadlineMissed;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.RiskLevel;

/**
 * The counts of a register's first page ({@code total}, {@code countsBy*}) are what a plain COUNT of the rows the
 * reader may see gives, computed here by SQL of its own; the access rules limit counts exactly as they limit rows, so
 * two readers of the same register see different counts, and every row of every page is one the reader may see.
 */
class FirstPageCountsTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-08-04T02:00:00Z");
    /** Communes and an agency no other test of the module reads a register of. */
    private static final String AN_HUNG = "31-xa-an-hung";
    private static final String AN_TRUONG = "31-xa-an-truong";
    private static final String AGENCY = "31-xa-an-lao-health-station";
    private static final Actor AN_HUNG_WORKER = new Actor("worker." + AN_HUNG, AN_HUNG, Role.COMMUNE_WORKER);
    private static final Actor AN_TRUONG_WORKER = new Actor("worker." + AN_TRUONG, AN_TRUONG,
            Role.COMMUNE_WORKER);

    @Test
    void risk_register_counts_are_those_of_the_rows_each_reader_may_see() {
        for (int i = 0; i < 3; i++) {
            open(AN_HUNG_WORKER, AN_HUNG, T0.plusSeconds(i), i % 2 == 0 ? RiskLevel.HIGH : null);
        }
        String kept = open(AN_TRUONG_WORKER, AN_TRUONG, T0, RiskLevel.HIGH);
        String closed = open(AN_TRUONG_WORKER, AN_TRUONG, T0, RiskLevel.LOW);
        append(AN_TRUONG_WORKER, T0.plusSeconds(300), new CaseClosed(closed, T0.plusSeconds(300),
                "DUPLICATE_REPORT", null, kept));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode worker = first("worker." + AN_HUNG, "/api/v1/risk-register?limit=1");
            assertThat(worker.get("countsByCommune").properties()).extracting(Map.Entry::getKey)
                    .containsExactly(AN_HUNG);
            assertThat(worker.get("total").asLong()).isEqualTo(openCases("commune_code = '" + AN_HUNG + "'"))
                    .isEqualTo(worker.get("countsByCommune").get(AN_HUNG).asLong());
            JsonNode coordinator = first(READER, "/api/v1/risk-register?limit=1");
            assertThat(coordinator.get("total").asLong()).isEqualTo(openCases("TRUE"))
                    .isGreaterThan(worker.get("total").asLong());
            assertThat(counts(coordinator.get("countsByCommune"))).isEqualTo(openCasesByCommune());
            assertThat(first(READER, "/api/v1/risk-register?riskLevel=HIGH&limit=1").get("total").asLong())
                    .isEqualTo(openCases("risk_level = 'HIGH'"));
            assertThat(first("worker." + AN_TRUONG, "/api/v1/risk-register?riskLevel=HIGH&limit=1").get("total")
                    .asLong()).isEqualTo(openCases("risk_level = 'HIGH' AND commune_code = '" + AN_TRUONG + "'"));
        });

        List<JsonNode> rows = PageWalk.rows(path -> first("worker." + AN_HUNG, path),
                "/api/v1/risk-register?limit=2", "cases");
        assertThat(rows).extracting(r -> r.get("communeCode").asString()).containsOnly(AN_HUNG);
        assertThat((long) rows.size()).isEqualTo(openCases("commune_code = '" + AN_HUNG + "'"));
    }

    @Test
    void overdue_counts_are_those_of_the_items_each_reader_may_see() {
        String anHung = open(AN_HUNG_WORKER, AN_HUNG, T0, RiskLevel.MEDIUM);
        String anTruong = open(AN_TRUONG_WORKER, AN_TRUONG, T0, RiskLevel.MEDIUM);
        Instant due = T0.plus(Duration.ofDays(3));
        miss(AN_HUNG_WORKER, anHung, "CASE_REVIEW-1", DeadlineRule.CASE_REVIEW, due, AN_HUNG, null);
        miss(AN_HUNG_WORKER, anHung, "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE, due, AGENCY, "i-1");
        miss(AN_TRUONG_WORKER, anTruong, "INTERVENTION_DUE-1", DeadlineRule.INTERVENTION_DUE, due, AGENCY, "i-1");
        miss(AN_TRUONG_WORKER, anTruong, "PLAN_DRAFTING-1", DeadlineRule.PLAN_DRAFTING, due, AN_TRUONG, null);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode worker = first("worker." + AN_HUNG, "/api/v1/overdue?limit=1");
            assertThat(worker.get("total").asLong()).isEqualTo(late("commune_code = '" + AN_HUNG + "'"));
            assertThat(counts(worker.get("countsByCommune"))).containsOnlyKeys(AN_HUNG);
            JsonNode agency = first("health.xaanlao", "/api/v1/overdue?limit=1");
            assertThat(agency.get("total").asLong()).isEqualTo(late("rule = 'INTERVENTION_DUE' AND "
                    + "responsible_org_unit = '" + AGENCY + "'"));
            assertThat(counts(agency.get("countsByAgency"))).containsOnlyKeys(AGENCY);
            JsonNode coordinator = first(READER, "/api/v1/overdue?limit=1");
            assertThat(coordinator.get("total").asLong()).isEqualTo(late("TRUE"))
                    .isGreaterThan(agency.get("total").asLong()).isGreaterThan(worker.get("total").asLong());
            assertThat(counts(coordinator.get("countsByAgency")).get(AGENCY))
                    .isEqualTo(late("rule = 'INTERVENTION_DUE' AND responsible_org_unit = '" + AGENCY + "'"));
        });

        List<JsonNode> items = PageWalk.rows(path -> first("health.xaanlao", path), "/api/v1/overdue?limit=1",
                "items");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("rule").asString()).isEqualTo("INTERVENTION_DUE");
            assertThat(i.get("responsibleOrgUnit").asString()).isEqualTo(AGENCY);
        });
        assertThat((long) items.size()).isEqualTo(late("rule = 'INTERVENTION_DUE' AND responsible_org_unit = '"
                + AGENCY + "'"));
    }

    private JsonNode first(String user, String path) {
        var response = getAs(user, path);
        assertThat(response.statusCode()).as("%s %s: %s", user, path, response.body()).isEqualTo(200);
        return body(response);
    }

    private long openCases(String condition) {
        return jdbc.queryForObject("SELECT count(*) FROM risk_register WHERE status <> 'CLOSED' AND " + condition,
                Long.class);
    }

    private Map<String, Long> openCasesByCommune() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT commune_code, count(*) FROM risk_register WHERE status <> 'CLOSED' GROUP BY commune_code",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private long late(String condition) {
        return jdbc.queryForObject("SELECT count(*) FROM case_deadline WHERE state = 'MISSED' AND " + condition,
                Long.class);
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private String open(Actor worker, String commune, Instant reportedAt, RiskLevel level) {
        String caseId = newId("count");
        String childId = newId("child");
        append(worker, reportedAt, reported(caseId, childId, commune, reportedAt));
        if (level != null) {
            append(worker, reportedAt.plusSeconds(60), new InitialAssessmentRecorded(caseId,
                    reportedAt.plusSeconds(60), level, false, seal(childId, "Đánh giá ban đầu")));
        }
        return caseId;
    }

    private void miss(Actor worker, String caseId, String deadlineId, DeadlineRule rule, Instant dueAt,
                      String responsible, String interventionId) {
        append(worker, T0.plusSeconds(120), scheduled(caseId, T0.plusSeconds(120), deadlineId, rule, dueAt,
                responsible, interventionId));
        appendBySystem(responsible, dueAt, new DeadlineMissed(caseId, dueAt, deadlineId, rule, dueAt, responsible,
                interventionId));
    }
}
