package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.childprotection.casetracker.platform.testing.TestProperties;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Stop the service and start it again on the same data directory: every case is still there, and the case
 * goes on where it stopped.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LocalApplication.class).initializers(TestProperties.first(
                "server.port=0", "casetracker.database.embedded.data-dir=" + dataDir.resolve("postgres"))).run();
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void every_case_is_still_there_after_a_restart() {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = api(first);
            Response created = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                    "communeCode", "31-xa-an-lao", "category", "AT_RISK", "channel", "SCHOOL",
                    "child", object("name", "Đỗ Văn Khởi Động", "sex", "MALE", "ageYears", 11),
                    "reporter", object("consentToRecordIdentity", false))));
            assertThat(created.status()).isEqualTo(201);
            caseId = created.json().get("caseId").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/cases/" + caseId, "worker.xaanlao")
                    .status() == 200);
        }

        assertThat(dataDir.resolve("postgres")).as("the data lives in the directory asked for").isDirectoryContaining(
                p -> p.getFileName().toString().equals("PG_VERSION"));
        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = api(second);
            Response file = api.get("/api/v1/cases/" + caseId, "worker.xaanlao");
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.json().get("child").get("name").asString()).isEqualTo("Đỗ Văn Khởi Động");
            assertThat(file.json().get("communeCode").asString()).isEqualTo("31-xa-an-lao");

            Response next = api.post("/api/v1/cases/" + caseId + "/initial-assessment", "worker.xaanlao",
                    json(object("riskLevel", "MEDIUM", "emergency", false)), Map.of("If-Match", "\"1\""));
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.json().get("version").asLong()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api.get("/api/v1/cases/" + caseId, "worker.xaanlao").json().get("status").asString())
                    .isEqualTo("INITIALLY_ASSESSED"));
        }
    }
}
