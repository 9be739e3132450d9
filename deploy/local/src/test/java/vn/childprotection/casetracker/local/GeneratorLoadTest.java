package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
 * The synthetic data generator against the all-in-one over real HTTP: every case it records exists, in the commune
 * and with the status its recorded steps imply, once the query side has caught up. Reports from years back mean
 * many time limits are already past when scheduled; they are recorded as missed at once, which must not disturb
 * the steps that follow. Cases of An Lão's old communes still open on 1/7/2025 are found in their new commune.
 */
class GeneratorLoadTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;

    @Test
    void every_generated_case_exists_with_the_status_its_steps_imply() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalApplication.class)
                .initializers(TestProperties.first("server.port=0", "casetracker.database.embedded.ephemeral=true"))
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Path out = dir.resolve("generated-cases.jsonl");
            // Up to today, so that recent cases with limits still running are among them.
            GenerationRecord record = CaseGenerator.run(new GeneratorOptions(URI.create("http://localhost:" + port),
                    200, LocalDate.of(2023, 1, 1), LocalDate.now(VIETNAM), 42, out, 4));

            assertThat(record.cases()).hasSize(200);
            assertThat(record.cases().stream().map(GeneratedCase::caseId).distinct()).hasSize(200);
            assertThat(GenerationRecord.read(out).cases()).isEqualTo(record.cases());
            assertThat(record.cases().stream().map(GeneratedCase::communeCode).distinct().count())
                    .isGreaterThanOrEqualTo(15);
            assertThat(record.cases()).as("reports on both sides of 1/7/2025")
                    .anyMatch(c -> Reform2025.isOld(c.communeCode()))
                    .anyMatch(c -> !Reform2025.isOld(c.communeCode()));
            assertThat(record.cases()).anyMatch(GeneratedCase::closed).anyMatch(c -> !c.closed())
                    .anyMatch(c -> Boolean.TRUE.equals(c.helpedInTime()))
                    .anyMatch(c -> Boolean.FALSE.equals(c.helpedInTime()));

            ApiClient api = new ApiClient(port);
            List<GeneratedCase> pending = new ArrayList<>(record.cases());
            await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        pending.removeIf(c -> matches(api, c));
                        assertThat(pending.stream().map(c -> c.caseId() + " " + c.expectedStatus()))
                                .as("cases not (yet) read back as recorded").isEmpty();
                    });

            // The city's coordinator reads across the communes and sees the same.
            record.cases().stream().limit(20).forEach(c -> {
                Response file = api.get("/api/v1/cases/" + c.caseId(), "coordinator.haiphong");
                assertThat(file.status()).isEqualTo(200);
                assertThat(file.json().get("status").asString()).isEqualTo(c.expectedStatus().name());
            });
        }
    }

    /**
     * Read as the worker of the commune running the case now: the case file is there, in that commune, with the
     * status and the emergency flag the record implies. A case of a commune merged whole that no step reached after
     * 30/6/2025 is moved by the service's recurring task, before or after this read: the city's coordinator reads it,
     * in the old commune or its successor.
     */
    private static boolean matches(ApiClient api, GeneratedCase generated) {
        String now = generated.communeOn(Instant.now());
        boolean eitherCommune = !now.equals(generated.communeCode()) && !generated.carriedOverByAStep();
        Response response = api.get("/api/v1/cases/" + generated.caseId(),
                eitherCommune ? "coordinator.haiphong" : "worker." + now);
        if (response.status() != 200) {
            return false;
        }
        JsonNode file = response.json();
        String commune = file.get("communeCode").asString();
        return (commune.equals(now) || eitherCommune && commune.equals(generated.communeCode()))
                && file.get("status").asString().equals(generated.expectedStatus().name())
                && file.get("emergency").asBoolean() == generated.emergency();
    }
}
