package vn.childprotection.casetracker.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.events.CaseClosed;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;

/**
 * Open-case statistics for dashboards: small cells suppressed, totals only when they cannot give a small cell away.
 * Other tests share the database and report cases too (all ABUSED), so the expected numbers are read from the risk
 * register itself; the AT_RISK and SPECIAL_CIRCUMSTANCES cases are this test's alone. The communes used here are
 * ones whose number of cases no other test counts (the risk register test counts its own communes exactly).
 */
class OpenCaseStatisticsTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-02-03T01:00:00Z");
    private static final int THRESHOLD = 5;

    /** What the risk register must hold of each case this test reported: its risk level, or CLOSED. */
    private final Map<String, String> expectedStatus = new HashMap<>();

    @Test
    void small_cells_and_the_totals_that_would_reveal_them_are_suppressed() {
        String commune = "313-tt-truong-son";
        List<String> caseIds = new ArrayList<>();
        caseIds.addAll(report(commune, RiskLevel.MEDIUM, CaseCategory.AT_RISK, 6));
        caseIds.addAll(report(commune, RiskLevel.LOW, CaseCategory.AT_RISK, 2));
        caseIds.addAll(report(commune, RiskLevel.HIGH, CaseCategory.ABUSED, 5));
        caseIds.addAll(report(commune, null, CaseCategory.SPECIAL_CIRCUMSTANCES, 1));
        // A closed case is not open: it counts nowhere.
        List<String> closed = report(commune, RiskLevel.HIGH, CaseCategory.SPECIAL_CIRCUMSTANCES, 5);
        closed.forEach(caseId -> {
            append(CHAIR, T0.plusSeconds(7200), new CaseClosed(caseId, T0.plusSeconds(7200), "NO_FURTHER_RISK",
                    null));
            expectedStatus.put(caseId, "CLOSED");
        });
        awaitRegistered();

        HttpResponse<String> response = getAs("dashboard", "/api/v1/statistics/open-cases?commune=" + commune);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode statistics = body(response);
        assertThat(statistics.get("threshold").asInt()).isEqualTo(THRESHOLD);
        assertThat(statistics.get("commune").asString()).isEqualTo(commune);
        assertThat(statistics.get("asOf").asString()).isEqualTo("2025-09-01T00:00:00Z");
        assertThat(statistics.get("communes").size()).isEqualTo(1);
        JsonNode row = statistics.get("communes").get(0);
        assertThat(row.get("communeCode").asString()).isEqualTo(commune);
        assertThat(row.get("cells").size()).isEqualTo(12);

        assertThat(cell(row, "MEDIUM", "AT_RISK")).isEqualTo(shown(6));
        assertThat(cell(row, "LOW", "AT_RISK")).isEqualTo(hidden());
        assertThat(cell(row, "UNASSESSED", "SPECIAL_CIRCUMSTANCES")).isEqualTo(hidden());
        assertThat(cell(row, "HIGH", "SPECIAL_CIRCUMSTANCES")).isEqualTo(hidden());
        assertThat(cell(row, "MEDIUM", "SPECIAL_CIRCUMSTANCES")).isEqualTo(hidden());
        JsonNode highAbused = statistics.get("communes").get(0).get("cells").values().stream()
                .filter(c -> c.get("riskLevel").asString().equals("HIGH")
                        && c.get("category").asString().equals("ABUSED")).findFirst().orElseThrow();
        assertThat(highAbused.get("count").asLong()).isGreaterThanOrEqualTo(5);

        // 6 + 2 + 0 + 0 = 8 AT_RISK cases: above the threshold, but shown next to the 6 it would give the 2 away.
        assertThat(total(row.get("byCategory").get("AT_RISK"))).isEqualTo(hidden());
        assertThat(total(row.get("total"))).isEqualTo(hidden());
        awaitMatchingTheRegister("dashboard", "?commune=" + commune);
        for (String caseId : caseIds) {
            assertThat(response.body()).doesNotContain(caseId);
        }
    }

    @Test
    void a_commune_whose_every_cell_reaches_the_threshold_shows_every_total() {
        String commune = "313-bat-trang";
        for (RiskLevel riskLevel : new RiskLevel[] {RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW, null}) {
            for (CaseCategory category : CaseCategory.values()) {
                report(commune, riskLevel, category, THRESHOLD);
            }
        }
        awaitRegistered();

        JsonNode statistics = awaitMatchingTheRegister("coordinator", "?commune=" + commune);
        JsonNode row = statistics.get("communes").get(0);
        long sum = counts(commune).values().stream().mapToLong(Long::longValue).sum();
        assertThat(row.get("cells").values()).allSatisfy(c -> assertThat(c.get("suppressed").asBoolean()).isFalse());
        assertThat(total(row.get("total"))).isEqualTo(shown(sum));
        assertThat(total(row.get("byCategory").get("AT_RISK"))).isEqualTo(shown(4 * THRESHOLD));
        assertThat(total(row.get("byRiskLevel").get("UNASSESSED"))).isEqualTo(shown(3 * THRESHOLD));
        assertThat(total(statistics.get("total"))).isEqualTo(shown(sum));
    }

    @Test
    void every_commune_of_today_is_listed_a_ceased_one_only_while_it_runs_open_cases() {
        JsonNode statistics = awaitMatchingTheRegister("auditor", "");
        assertThat(statistics.get("commune").isNull()).isTrue();
        List<String> listed = statistics.get("communes").values().stream().map(c -> c.get("communeCode").asString())
                .toList();
        assertThat(listed).as("the module's clock stands at 1/9/2025, after the reform").contains("31-xa-an-lao",
                "31-xa-an-truong", "31-xa-an-quang", "31-xa-an-khanh", "31-xa-an-hung", "31-phuong-phu-lien");
        assertThat(listed.stream().filter(code -> code.startsWith("313-")))
                .allSatisfy(code -> assertThat(counts(code)).as(code).isNotEmpty());
    }

    @Test
    void only_dashboards_coordinators_and_auditors_read_statistics_and_a_commune_must_be_a_commune() {
        for (String user : List.of("dashboard", "coordinator", "auditor")) {
            assertThat(getAs(user, "/api/v1/statistics/open-cases?commune=313-an-thai").statusCode()).as(user)
                    .isEqualTo(200);
        }
        for (String user : List.of("worker.anlao", "chair.anlao", "health", "police")) {
            assertRefused(getAs(user, "/api/v1/statistics/open-cases"), "role-not-allowed");
        }
        HttpResponse<String> notACommune = getAs("dashboard", "/api/v1/statistics/open-cases?commune=313-police");
        assertThat(notACommune.statusCode()).isEqualTo(400);
        assertThat(body(notACommune).get("errors").get(0).get("field").asString()).isEqualTo("commune");
    }

    /**
     * Reads the statistics until they match the risk register (cases of other tests may still be on their way into
     * it), and answers them.
     */
    private JsonNode awaitMatchingTheRegister(String user, String query) {
        await().atMost(PATIENCE).untilAsserted(() -> assertMatchesTheRegister(
                body(getAs(user, "/api/v1/statistics/open-cases" + query))));
        return body(getAs(user, "/api/v1/statistics/open-cases" + query));
    }

    /**
     * Every cell shows the register's count when it reaches the threshold and is suppressed otherwise; every total
     * is shown exactly when all the cells it sums are shown, and then equals their sum. So no shown number gives a
     * suppressed one away.
     */
    private void assertMatchesTheRegister(JsonNode statistics) {
        Map<String, Map<String, Long>> expected = new HashMap<>();
        statistics.get("communes").values().forEach(c -> expected.put(c.get("communeCode").asString(),
                counts(c.get("communeCode").asString())));
        List<JsonNode> allCells = new ArrayList<>();
        for (JsonNode row : statistics.get("communes").values()) {
            Map<String, Long> counts = expected.get(row.get("communeCode").asString());
            List<JsonNode> cells = row.get("cells").values().stream().toList();
            for (JsonNode cell : cells) {
                long count = counts.getOrDefault(cell.get("riskLevel").asString() + "/"
                        + cell.get("category").asString(), 0L);
                assertThat(total(cell)).as("%s %s", row.get("communeCode").asString(), cell)
                        .isEqualTo(count < THRESHOLD ? hidden() : shown(count));
            }
            assertTotals(row, cells);
            allCells.addAll(cells);
        }
        assertTotals(statistics, allCells);
    }

    private static void assertTotals(JsonNode holder, List<JsonNode> cells) {
        assertTotal(holder.get("total"), cells);
        for (String riskLevel : List.of("HIGH", "MEDIUM", "LOW", "UNASSESSED")) {
            assertTotal(holder.get("byRiskLevel").get(riskLevel),
                    cells.stream().filter(c -> c.get("riskLevel").asString().equals(riskLevel)).toList());
        }
        for (CaseCategory category : CaseCategory.values()) {
            assertTotal(holder.get("byCategory").get(category.name()),
                    cells.stream().filter(c -> c.get("category").asString().equals(category.name())).toList());
        }
    }

    private static void assertTotal(JsonNode total, List<JsonNode> cells) {
        boolean anySuppressed = cells.stream().anyMatch(c -> c.get("suppressed").asBoolean());
        assertThat(total.get("suppressed").asBoolean()).as("total %s of %s", total, cells).isEqualTo(anySuppressed);
        if (!anySuppressed) {
            assertThat(total.get("count").asLong())
                    .isEqualTo(cells.stream().mapToLong(c -> c.get("count").asLong()).sum());
        } else {
            assertThat(total.get("count").isNull()).isTrue();
        }
    }

    /**
     * Open cases of the commune in the risk register, by "riskLevel/category".
     */
    private Map<String, Long> counts(String commune) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT COALESCE(risk_level, 'UNASSESSED') || '/' || category AS cell, count(*) AS n "
                + "FROM risk_register WHERE status <> 'CLOSED' AND commune_code = ? GROUP BY 1",
                rs -> {
                    counts.put(rs.getString("cell"), rs.getLong("n"));
                }, commune);
        return counts;
    }

    private List<String> report(String commune, RiskLevel riskLevel, CaseCategory category, int howMany) {
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < howMany; i++) {
            String caseId = newId("case");
            String childId = newId("child");
            append(WORKER, T0, new CaseReported(caseId, childId, T0, commune, commune, category,
                    ReportChannel.HOTLINE_111, Set.of(AbuseForm.NEGLECT), AbuseSetting.FAMILY, Set.of(), Sex.MALE,
                    11, false, "Kinh", seal(childId, "Trần Văn Thống Kê"), null, null, false, null, null));
            if (riskLevel != null) {
                append(WORKER, T0.plusSeconds(60), new InitialAssessmentRecorded(caseId, T0.plusSeconds(60),
                        riskLevel, false, null));
            }
            expectedStatus.put(caseId, riskLevel == null ? "UNASSESSED" : riskLevel.name());
            caseIds.add(caseId);
        }
        return caseIds;
    }

    /**
     * Waits until the risk register holds every case this test reported, as it must end up: its risk level, or
     * CLOSED for those it closed.
     */
    private void awaitRegistered() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, String> registered = new HashMap<>();
            jdbc.query("SELECT case_id, COALESCE(risk_level, 'UNASSESSED') AS risk_level, status FROM risk_register "
                    + "WHERE case_id = ANY (?)", rs -> {
                        registered.put(rs.getString("case_id"), "CLOSED".equals(rs.getString("status")) ? "CLOSED"
                                : rs.getString("risk_level"));
                    }, (Object) expectedStatus.keySet().toArray(new String[0]));
            assertThat(registered).isEqualTo(expectedStatus);
        });
    }

    private static SuppressedCount total(JsonNode count) {
        return new SuppressedCount(count.get("count").isNull() ? null : count.get("count").asLong(),
                count.get("suppressed").asBoolean());
    }

    private static SuppressedCount cell(JsonNode row, String riskLevel, String category) {
        return total(row.get("cells").values().stream().filter(c -> c.get("riskLevel").asString().equals(riskLevel)
                && c.get("category").asString().equals(category)).findFirst().orElseThrow());
    }

    private static SuppressedCount shown(long count) {
        return new SuppressedCount(count, false);
    }

    private static SuppressedCount hidden() {
        return new SuppressedCount(null, true);
    }
}
