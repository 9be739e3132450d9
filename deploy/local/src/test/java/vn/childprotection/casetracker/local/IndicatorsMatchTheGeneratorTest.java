package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.generator.CaseGenerator;
import vn.childprotection.casetracker.generator.GeneratedCase;
import vn.childprotection.casetracker.generator.GenerationRecord;
import vn.childprotection.casetracker.generator.GeneratorOptions;
import vn.childprotection.casetracker.generator.Reform2025;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;
import vn.childprotection.casetracker.platform.testing.TestProperties;

/**
 * Indicators, reports and a projection rebuild on 1,080 generated cases, checked against the generator's own record
 * of what it created ({@link IndicatorOracle}), never against numbers the service computed.
 * <p>
 * The generator first loads 1,080 cases over 2023-2025 (600 of them only reported or taken a step or two
 * further, 480 through the whole procedure); the instant after the service has caught up is noted; a last run then
 * records 100 more cases that happened back in 2023-2024 (late records). Reports before 1/7/2025 fall in An
 * Lão's old communes, later ones in the new communes; cases open on 1/7/2025 go on in their new commune (carried
 * over by the service, or, for the split communes Thái Sơn and Trường Sơn, after the city coordinator chose).
 * Indicators for several periods and org units — old communes and the district before the reform, a new commune
 * after it and the city after it (with Phường Phù Liễn, which took land only), the plan year 2025 across it for the
 * reporting group "the former An Lão district" — must equal the
 * oracle over both runs, and asked as of the noted instant, the oracle
 * over the first data set only, also through the annual report. Finally the indicators projection is rebuilt from the
 * event store while it keeps answering, and must hold exactly the rows it held when built live.
 * <p>
 * The data set is as small as it can be while every comparison still has something to compare: every indicator has
 * cases in every period and org unit asked (with and without the as-of instant), and every cell the service lists for
 * a breakdown (each sex, age group, form of abuse, setting, group of special circumstances, channel, category and
 * commune) has cases in at least one of them. The test asserts both, so a change of the generator that thins the data
 * out fails here instead of comparing zeros with zeros.
 */
class IndicatorsMatchTheGeneratorTest {

    /**
     * A little above the fewest cases (the generator's first cases of each seed) with which {@link Coverage} holds:
     * from 450 full-procedure cases on, the old town (Thị trấn An Lão) has a followed at-risk child in 2025's first
     * half, the lightest of the cells asked; the light cases spread the breakdowns over the communes cheaply.
     */
    private static final int BULK_CASES = 600;
    private static final int FULL_CASES = 480;
    private static final int CASES = BULK_CASES + FULL_CASES;
    private static final int LATE_CASES = 100;
    private static final String READER = "coordinator.haiphong";
    private static final List<String> CODES = List.of("CASES_REPORTED", "CASES_BY_CHANNEL", "0101",
            "AT_RISK_DETECTED", "AT_RISK_FOLLOWED", "SPECIAL_CIRCUMSTANCES", "CHILDREN_SUPPORTED",
            "ABUSED_HELPED_IN_TIME", "OPEN_CASES", "CLOSED_CASES");

    @TempDir
    Path dir;

    @Test
    void indicators_reports_and_a_rebuilt_projection_match_what_the_generator_created() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalApplication.class)
                .initializers(TestProperties.first("server.port=0", "casetracker.database.embedded.ephemeral=true"))
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            ApiClient api = new ApiClient(port);
            URI url = URI.create("http://localhost:" + port);

            // Most cases only reported or a little further (a quick load), then cases taken through the whole
            // procedure; together the first data set.
            GenerationRecord bulk = CaseGenerator.run(new GeneratorOptions(url, BULK_CASES, LocalDate.of(2023, 1, 1),
                    LocalDate.of(2025, 12, 31), 2023, dir.resolve("bulk.jsonl"), 6, 10));
            GenerationRecord full = CaseGenerator.run(new GeneratorOptions(url, FULL_CASES, LocalDate.of(2023, 1, 1),
                    LocalDate.of(2025, 12, 31), 2025, dir.resolve("full.jsonl"), 4));
            List<GeneratedCase> first = new ArrayList<>(bulk.cases());
            first.addAll(full.cases());
            assertThat(first).hasSize(CASES);
            carryOver(api);
            awaitCaughtUp(api);
            Instant asOf = Instant.now();
            GenerationRecord late = CaseGenerator.run(new GeneratorOptions(url, LATE_CASES,
                    LocalDate.of(2023, 6, 1), LocalDate.of(2024, 12, 31), 2024, dir.resolve("late.jsonl"), 4));
            assertThat(late.cases()).hasSize(LATE_CASES);
            carryOver(api);
            awaitCaughtUp(api);
            List<GeneratedCase> all = new ArrayList<>(first);
            all.addAll(late.cases());

            assertThat(all).as("cases carried over to a new commune by a step, and a split commune's chosen one")
                    .anyMatch(GeneratedCase::carriedOverByAStep)
                    .anyMatch(c -> Reform2025.SPLIT.contains(c.communeCode()) && c.successorCommune() != null);

            List<Ask> asks = List.of(
                    new Ask("31", "2023-01-01", "2023-12-31"),
                    new Ask("313", "2023-11-15", "2024-11-14"),
                    new Ask("313-an-thai", "2024-01-01", "2024-06-30"),
                    new Ask("313-tt-an-lao", "2025-01-01", "2025-06-30"),
                    new Ask("313", "2024-11-15", "2025-05-14"),
                    new Ask("31-xa-an-lao", "2025-07-01", "2025-12-31"),
                    new Ask("former-313", "2024-11-15", "2025-11-14"),
                    new Ask("31", "2025-07-01", "2025-12-31"));
            assertThat(oracle(all, asks.get(6)).communes("CLOSED_CASES").keySet())
                    .as("the plan year 2025 has closings in old and in new communes")
                    .anyMatch(Reform2025::isOld).anyMatch(commune -> !Reform2025.isOld(commune));
            Coverage coverage = new Coverage();
            for (Ask ask : asks) {
                assertMatches(api, ask, null, oracle(all, ask), coverage);
                assertMatches(api, ask, asOf, oracle(first, ask), coverage);
            }
            coverage.assertEveryIndicatorAndCellHasCases();
            assertThat(oracle(all, asks.get(1)).total("0101")).as("late records change the 2024 figures")
                    .isGreaterThan(oracle(first, asks.get(1)).total("0101"));

            JsonNode report = api.get("/api/v1/reports/2024/annual?orgUnit=313&asOf=" + asOf, READER).json();
            IndicatorOracle reported = oracle(first, new Ask("313", report.get("from").asString(),
                    report.get("to").asString()));
            assertThat(report.get("from").asString()).isEqualTo("2023-11-15");
            for (String code : CODES) {
                assertThat(indicator(report, code).get("total").asLong()).as("annual report as of, " + code)
                        .isEqualTo(reported.total(code));
            }

            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Map<String, String> live = checksums(jdbc);
            Response started = api.post("/api/v1/admin/projections/indicators/rebuild", READER, "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonNode status = api.get("/api/v1/admin/projections/indicators", READER).json();
                assertThat(status.get("rebuild").get("state").asString()).as(status.toString()).isEqualTo("DONE");
            });
            assertThat(checksums(jdbc)).as("rebuilt from the store = built live").isEqualTo(live);
            assertMatches(api, asks.get(1), asOf, oracle(first, asks.get(1)), new Coverage());
        }
    }

    /**
     * Cases of a commune merged whole that no step touched since 1/7/2025 move when the carry-over runs (a recurring
     * task); run it after each load, as an administrator may, so the figures do not depend on when it runs.
     */
    private static void carryOver(ApiClient api) {
        Response carried = api.post("/api/v1/admin/org-units/carry-over", READER, "");
        assertThat(carried.status()).as(carried.body()).isEqualTo(200);
        assertThat(carried.json().get("failed").asLong()).as(carried.body()).isZero();
    }

    private record Ask(String orgUnit, String from, String to) {
    }

    private static IndicatorOracle oracle(List<GeneratedCase> cases, Ask ask) {
        return new IndicatorOracle(cases, area(ask.orgUnit()), LocalDate.parse(ask.from()),
                LocalDate.parse(ask.to()));
    }

    /**
     * @return the communes of an org unit or reporting group, as org-units.json places them: the province holds
     * every commune; district 313 its 17 old ones; "former-313" those and the five new communes formed from them
     * (not Phường Phù Liễn, which took land only)
     */
    private static Predicate<String> area(String orgUnit) {
        return switch (orgUnit) {
            case "31" -> commune -> true;
            case "313" -> Reform2025::isOld;
            case "former-313" -> commune -> !commune.equals("31-phuong-phu-lien");
            default -> orgUnit::equals;
        };
    }

    private static void assertMatches(ApiClient api, Ask ask, Instant asOf, IndicatorOracle expected,
                                      Coverage coverage) {
        Response response = api.get("/api/v1/indicators?orgUnit=" + ask.orgUnit() + "&from=" + ask.from() + "&to="
                + ask.to() + (asOf == null ? "" : "&asOf=" + asOf), READER);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String where = ask + (asOf == null ? "" : " as of " + asOf);
        for (String code : CODES) {
            JsonNode indicator = indicator(response.json(), code);
            assertThat(indicator.get("total").asLong()).as(code + " " + where).isEqualTo(expected.total(code));
            coverage.total(code + " " + where, expected.total(code));
            for (JsonNode breakdown : indicator.get("breakdowns")) {
                String dimension = breakdown.get("dimension").asString();
                Map<String, Long> cells = new TreeMap<>(breakdown.get("cells").values().stream()
                        .filter(c -> c.get("count").asLong() > 0)
                        .collect(Collectors.toMap(c -> c.get("key").asString(), c -> c.get("count").asLong())));
                assertThat(cells).as(code + " by " + dimension + " " + where)
                        .isEqualTo(expected.cells(code, dimension));
                breakdown.get("cells").values().forEach(c -> coverage.listed(code + " by " + dimension,
                        c.get("key").asString()));
                coverage.counted(code + " by " + dimension, expected.cells(code, dimension).keySet());
            }
        }
    }

    private static JsonNode indicator(JsonNode answer, String code) {
        return answer.get("indicators").values().stream().filter(i -> i.get("code").asString().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError("no indicator " + code));
    }

    /** Waits until the indicators projection has applied every event appended so far. */
    private static void awaitCaughtUp(ApiClient api) {
        long head = api.get("/api/v1/admin/projections/indicators", READER).json().get("headGlobalIndex").asLong();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode status = api.get("/api/v1/admin/projections/indicators", READER).json();
            assertThat(status.get("headGlobalIndex").asLong() - status.get("lag").asLong())
                    .as("indicators applied up to").isGreaterThanOrEqualTo(head);
        });
    }

    private static Map<String, String> checksums(JdbcTemplate jdbc) {
        Map<String, String> sums = new TreeMap<>();
        for (String table : List.of("indicator_case", "indicator_step")) {
            sums.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                    + "ORDER BY t::text)), '') FROM " + table + " t", String.class));
        }
        return sums;
    }
}
