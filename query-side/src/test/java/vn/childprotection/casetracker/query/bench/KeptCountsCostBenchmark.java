package vn.childprotection.casetracker.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.annotation.DirtiesContext;
import vn.childprotection.casetracker.query.QuerySideIntegrationTest;

/**
 * Measures what the district-wide counts cost when counted from the rows (the statements the overdue register, the
 * risk register and the statistics of open cases ran until V3_13) against reading the counts the projections keep
 * (the statements they run now), at two sizes of a synthetic store, in one run (the machine may be shared, so only
 * ratios mean something). Not part of the suite; run it with
 * <pre>
 * mvn -B -o -q -pl query-side -am verify -Dtest=KeptCountsCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcasetracker.bench.keptcounts=true [-Dcasetracker.bench.sizes=20000,200000]
 * </pre>
 * Rows are written straight into {@code risk_register} and {@code case_deadline} with {@code generate_series} (about
 * 60 % of the cases open, one late deadline for every fifth case, half of those an intervention's, over the 17
 * communes of the former district, {@link RegisterRows}), and the kept counts are then filled from them as migration
 * V3_13 does. Each
 * statement's {@code EXPLAIN (ANALYZE)} execution time is the median of 15 runs after 3; each first page over HTTP
 * the median of 15 requests after 3. Written to {@code target/kept-counts-cost.txt}.
 */
@EnabledIfSystemProperty(named = "casetracker.bench.keptcounts", matches = "true")
@DirtiesContext
class KeptCountsCostBenchmark extends QuerySideIntegrationTest {

    private static final int RUNS = 15;
    private static final int WARM_UP = 3;
    private static final Pattern EXECUTION_TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

    /** What each answer ran until V3_13 (counted from the rows) and runs now (read from the kept counts). */
    private static final Map<String, List<String>> STATEMENTS = new LinkedHashMap<>();

    static {
        STATEMENTS.put("overdue register, late counts", List.of(
                "SELECT commune_code, CASE WHEN rule = 'INTERVENTION_DUE' THEN responsible_org_unit END AS agency, "
                        + "count(*) AS late FROM case_deadline WHERE state = 'MISSED' GROUP BY 1, 2",
                "SELECT commune_code, agency_code, late FROM late_deadline_count"));
        STATEMENTS.put("risk register, counts by commune", List.of(
                "SELECT r.commune_code, count(*) AS cases FROM risk_register r WHERE r.status <> 'CLOSED' "
                        + "GROUP BY r.commune_code",
                "SELECT commune_code, open_cases FROM open_case_count"));
        STATEMENTS.put("statistics of open cases, cells", List.of(
                "SELECT commune_code, COALESCE(risk_level, 'UNASSESSED') AS risk_level, category, count(*) "
                        + "AS open_cases FROM risk_register WHERE status <> 'CLOSED' "
                        + "GROUP BY commune_code, COALESCE(risk_level, 'UNASSESSED'), category",
                "SELECT commune_code, risk_level, category, open_cases FROM open_case_count WHERE open_cases > 0"));
    }

    @Test
    void prints_the_cost_of_counting_the_rows_against_reading_the_kept_counts_at_two_sizes() throws IOException {
        List<Integer> sizes = Arrays.stream(System.getProperty("casetracker.bench.sizes", "20000,200000")
                .split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
        List<String> lines = new ArrayList<>();
        Map<String, double[]> first = new LinkedHashMap<>();
        int filled = 0;
        for (int size : sizes) {
            RegisterRows.write(jdbc, filled + 1, size);
            filled = size;
            lines.add("");
            lines.add("Synthetic store: " + size + " cases, " + count("risk_register WHERE status <> 'CLOSED'")
                    + " open, " + count("case_deadline WHERE state = 'MISSED'") + " late deadlines, "
                    + count("open_case_count") + " + " + count("late_deadline_count") + " kept count rows");
            for (Map.Entry<String, List<String>> statement : STATEMENTS.entrySet()) {
                double rows = median(() -> executionTime(statement.getValue().get(0)));
                double kept = median(() -> executionTime(statement.getValue().get(1)));
                lines.add(String.format("%s, EXPLAIN ANALYZE: counted from the rows %.3f ms, read from the kept "
                        + "counts %.3f ms: %.0f×", statement.getKey(), rows, kept, rows / kept));
                first.computeIfAbsent(statement.getKey(), k -> new double[] {rows, kept});
                double[] smallest = first.get(statement.getKey());
                lines.add(String.format("    growth since %d cases: from the rows %.1f×, kept counts %.1f×",
                        sizes.get(0), rows / smallest[0], kept / smallest[1]));
            }
            for (String path : List.of("/api/v1/overdue", "/api/v1/risk-register", "/api/v1/statistics/open-cases")) {
                String next = path.startsWith("/api/v1/statistics") ? null : getJson(path).get("next").asString();
                double firstPage = median(() -> millis(() -> getJson(path)));
                if (next == null) {
                    lines.add(String.format("%s, HTTP, district-wide: %.1f ms", path, firstPage));
                } else {
                    double nextPage = median(() -> millis(() -> getJson(next)));
                    lines.add(String.format("%s, HTTP, district-wide: first page %.1f ms ÷ next page %.1f ms = %.1f",
                            path, firstPage, nextPage, firstPage / nextPage));
                }
            }
            for (List<String> pair : STATEMENTS.values()) {
                lines.add("");
                lines.add(pair.get(0));
                lines.addAll(jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + pair.get(0), String.class));
                lines.add(pair.get(1));
                lines.addAll(jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + pair.get(1), String.class));
            }
        }
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "kept-counts-cost.txt"), lines);
        assertThat(getJson("/api/v1/risk-register").get("total").asLong())
                .isEqualTo(count("risk_register WHERE status <> 'CLOSED'"));
        assertThat(getJson("/api/v1/overdue").get("total").asLong())
                .isEqualTo(count("case_deadline WHERE state = 'MISSED'"));
    }

    private double executionTime(String sql) {
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN (ANALYZE) " + sql, String.class));
        Matcher time = EXECUTION_TIME.matcher(plan);
        assertThat(time.find()).as(plan).isTrue();
        return Double.parseDouble(time.group(1));
    }

    private static double millis(Runnable run) {
        long started = System.nanoTime();
        run.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static double median(Supplier<Double> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        double[] values = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            values[i] = run.get();
        }
        Arrays.sort(values);
        return values[RUNS / 2];
    }

    private long count(String tableAndCondition) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + tableAndCondition, Long.class);
        return count == null ? 0 : count;
    }
}
