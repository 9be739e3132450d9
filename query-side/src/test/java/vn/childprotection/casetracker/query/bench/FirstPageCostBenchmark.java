package vn.childprotection.casetracker.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * Measures what a district-wide first page costs against a following page, and the audit trail's page read by
 * number (OFFSET and a COUNT of the whole trail, as until API 0.3) against its keyset page, in one run on synthetic
 * projection rows (the machine may be shared, so only ratios mean something). Not part of the suite; run it with
 * <pre>
 * mvn -B -o -q -pl query-side -am verify -Dtest=FirstPageCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcasetracker.bench.firstpage=true [-Dcasetracker.bench.cases=5000]
 * </pre>
 * It writes {@code cases} rows of the risk register (about 60 % open) over the 17 communes of the former district,
 * two deadlines per case (one missed for every fifth case, half of those an intervention's) and twelve audit entries
 * per case, as the projections would (same tables, same indexes), then times each statement (median of 25 runs after
 * 5 warm-up runs) and prints its plan ({@code EXPLAIN (ANALYZE, BUFFERS)}) into
 * {@code target/first-page-cost.txt}. Since V3_13 a first page reads the counts the projections keep (filled here
 * from the rows written, {@link RegisterRows}), and since V3_16 the count indexes it compared them with until then
 * are gone; {@link KeptCountsCostBenchmark} measures counting the rows against reading the kept counts.
 */
@EnabledIfSystemProperty(named = "casetracker.bench.firstpage", matches = "true")
@DirtiesContext
class FirstPageCostBenchmark extends QuerySideIntegrationTest {

    private static final String REGISTER_COUNT = "SELECT commune_code, sum(open_cases) FROM open_case_count "
            + "GROUP BY commune_code";
    private static final String LATE_COUNT = "SELECT commune_code, agency_code, late FROM late_deadline_count";
    private static final int RUNS = 25;
    private static final int WARM_UP = 5;

    @Test
    void prints_first_page_costs_against_later_pages_and_offset_pages() throws IOException {
        int cases = Integer.getInteger("casetracker.bench.cases", 5000);
        fill(cases);
        List<String> lines = new ArrayList<>();
        lines.add("Synthetic store: " + cases + " cases, " + count("risk_register WHERE status <> 'CLOSED'")
                + " open, " + count("case_deadline WHERE state = 'MISSED'") + " missed deadlines, "
                + count("audit_entry") + " audit entries");

        JsonNode register = getJson("/api/v1/risk-register");
        String registerNext = register.get("next").asString();
        JsonNode overdue = getJson("/api/v1/overdue");
        String overdueNext = overdue.get("next").asString();
        compare(lines, "risk register, district-wide, HTTP: first page ÷ next page",
                () -> getJson("/api/v1/risk-register"), () -> getJson(registerNext));
        compare(lines, "overdue register, district-wide, HTTP: first page ÷ next page",
                () -> getJson("/api/v1/overdue"), () -> getJson(overdueNext));
        List<String> countPlans = new ArrayList<>();
        for (String sql : List.of(REGISTER_COUNT, LATE_COUNT)) {
            countPlans.add("");
            countPlans.add("The first page's counts: " + sql);
            countPlans.addAll(jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class));
        }

        String agency = "/api/v1/audit-trail?agency=313-health-centre&limit=50";
        JsonNode trail = getJson(agency);
        String trailNext = trail.get("next").asString();
        compare(lines, "audit trail by agency, HTTP: first keyset page ÷ next keyset page",
                () -> getJson(agency), () -> getJson(trailNext));

        String offsetCount = "SELECT count(*) FROM audit_entry WHERE (agency_code = '313-health-centre' "
                + "OR org_unit = '313-health-centre')";
        String offsetPage = "SELECT * FROM audit_entry WHERE (agency_code = '313-health-centre' "
                + "OR org_unit = '313-health-centre') ORDER BY recorded_at, global_index, event_id LIMIT 50 OFFSET 0";
        String keysetPage = """
                SELECT * FROM ((SELECT *, COALESCE(global_index, 9223372036854775807) AS position FROM audit_entry
                  WHERE agency_code = '313-health-centre'
                  ORDER BY recorded_at, COALESCE(global_index, 9223372036854775807), event_id LIMIT 51)
                 UNION (SELECT *, COALESCE(global_index, 9223372036854775807) AS position FROM audit_entry
                  WHERE org_unit = '313-health-centre'
                  ORDER BY recorded_at, COALESCE(global_index, 9223372036854775807), event_id LIMIT 51)) page
                ORDER BY recorded_at, position, event_id LIMIT 51""";
        compareSql(lines, "audit trail by agency, SQL: page 0 by OFFSET + COUNT (API 0.3) ÷ keyset page",
                List.of(offsetCount, offsetPage), List.of(keysetPage));
        String lateOffset = offsetPage.replace("OFFSET 0", "OFFSET " + (cases / 2));
        compareSql(lines, "audit trail by agency, SQL: a late page by OFFSET + COUNT ÷ keyset page",
                List.of(offsetCount, lateOffset), List.of(keysetPage));

        lines.addAll(countPlans);
        for (String sql : List.of(offsetCount, offsetPage, keysetPage)) {
            lines.add("");
            lines.add(sql.replaceAll("\\s+", " "));
            lines.addAll(jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class));
        }
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "first-page-cost.txt"), lines);
        assertThat(register.get("total").asLong()).isEqualTo(count("risk_register WHERE status <> 'CLOSED'"));
    }

    private void fill(int cases) {
        RegisterRows.write(jdbc, 1, cases);
        jdbc.update("""
                INSERT INTO audit_entry (event_id, global_index, case_id, sequence_number, action, recorded_at,
                                         occurred_at, user_id, org_unit, role, agency_code, summary)
                SELECT 'bench-' || i || '-' || k, 1000000 + i * 12 + k, 'bench-' || i, k,
                       CASE WHEN k >= 9 THEN 'InterventionStatusChanged' ELSE 'CaseReviewed' END,
                       TIMESTAMPTZ '2024-01-01 00:00Z' + i * INTERVAL '7 minutes' + k * INTERVAL '1 hour',
                       TIMESTAMPTZ '2024-01-01 00:00Z' + i * INTERVAL '7 minutes' + k * INTERVAL '1 hour',
                       CASE WHEN k = 10 THEN 'health' ELSE 'worker.anlao' END,
                       CASE WHEN k = 10 THEN '313-health-centre' ELSE (%s)[1 + i %% 17] END,
                       CASE WHEN k = 10 THEN 'AGENCY_STAFF' ELSE 'COMMUNE_WORKER' END,
                       CASE WHEN k >= 9 AND i %% 4 = 0 THEN '313-health-centre' END, 'bench'
                FROM generate_series(1, ?) i CROSS JOIN generate_series(0, 11) k""".formatted(RegisterRows.COMMUNES), cases);
        jdbc.execute("VACUUM ANALYZE audit_entry");
    }

    private void compare(List<String> lines, String what, Supplier<?> first, Supplier<?> second) {
        double a = median(first);
        double b = median(second);
        lines.add(String.format("%s: %.2f ms ÷ %.2f ms = %.1f", what, a, b, a / b));
    }

    private void compareSql(List<String> lines, String what, List<String> before, List<String> after) {
        compare(lines, what, () -> before.stream().map(s -> jdbc.queryForList(s)).toList(),
                () -> after.stream().map(s -> jdbc.queryForList(s)).toList());
    }

    private static double median(Supplier<?> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            run.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private long count(String tableAndCondition) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + tableAndCondition, Long.class);
        return count == null ? 0 : count;
    }
}
