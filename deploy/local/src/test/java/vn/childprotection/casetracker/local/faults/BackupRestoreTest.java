package vn.childprotection.casetracker.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;
import vn.childprotection.casetracker.platform.testing.TestProperties;

/**
 * {@code backup} takes a consistent copy of the embedded database while the service keeps writing; {@code restore}
 * puts it into a fresh data directory, where the service verifies its hash chain and answers the same reads.
 */
class BackupRestoreTest {

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LocalApplication.class).initializers(TestProperties.first(
                "server.port=0", "casetracker.database.embedded.data-dir=" + dataDir)).run();
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void a_backup_taken_during_writes_restores_to_a_service_with_a_verified_chain_and_the_same_reads()
            throws Exception {
        Path dataDir = dir.resolve("postgres");
        Path backup = dir.resolve("backup");
        Path restored = dir.resolve("restored");
        Map<String, JsonNode> histories = new LinkedHashMap<>();
        Map<String, JsonNode> files = new LinkedHashMap<>();
        int acknowledgedDuringBackup;
        try (ConfigurableApplicationContext service = start(dataDir)) {
            ApiClient api = api(service);
            for (String name : List.of("Vũ Thị Sao Lưu", "Đinh Văn Khôi Phục")) {
                Response created = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                        "communeCode", "31-xa-an-lao", "category", "AT_RISK", "channel", "SCHOOL",
                        "child", object("name", name, "sex", "FEMALE", "ageYears", 10),
                        "reporter", object("consentToRecordIdentity", false))));
                assertThat(created.status()).isEqualTo(201);
                String caseId = created.json().get("caseId").asString();
                assertThat(api.post("/api/v1/cases/" + caseId + "/initial-assessment", "worker.xaanlao",
                        json(object("riskLevel", "LOW", "emergency", false))).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Response file = api.get("/api/v1/cases/" + caseId, "worker.xaanlao");
                    return file.status() == 200 && file.json().get("version").asLong() == 2;
                });
                // minVersion: the history view may still lag behind the case file view.
                histories.put(caseId, api.get("/api/v1/cases/" + caseId + "/history?minVersion=2",
                        "auditor.haiphong").json());
                files.put(caseId, api.get("/api/v1/cases/" + caseId, "worker.xaanlao").json());
            }

            WriteLoad load = WriteLoad.start(api, 2, true);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedWrites() >= 3);
            LocalApplication.main(new String[] {"backup", backup.toString(), dataDir.toString()});
            acknowledgedDuringBackup = load.acknowledgedWrites();
            load.close();
            assertThat(load.refused()).as("the backup refuses no write").isEmpty();
        }
        assertThat(backup.resolve("backup_label")).exists();
        assertThat(backup.resolve("postmaster.pid")).doesNotExist();

        LocalApplication.main(new String[] {"restore", backup.toString(), restored.toString()});
        try (ConfigurableApplicationContext service = start(restored)) {
            ApiClient api = api(service);
            Response verification = api.get("/api/v1/integrity/verification", "auditor.haiphong");
            assertThat(verification.status()).isEqualTo(200);
            assertThat(verification.json().get("verified").asBoolean()).as(verification.body()).isTrue();
            assertThat(verification.json().get("events").asLong()).isGreaterThanOrEqualTo(4);
            for (String caseId : histories.keySet()) {
                assertThat(api.get("/api/v1/cases/" + caseId + "/history?minVersion=2", "auditor.haiphong").json())
                        .isEqualTo(histories.get(caseId));
                assertThat(api.get("/api/v1/cases/" + caseId, "worker.xaanlao").json()).isEqualTo(files.get(caseId));
            }
        }
        System.out.printf("backup during writes: %d writes acknowledged meanwhile; restored and verified%n",
                acknowledgedDuringBackup);
        assertThat(Files.exists(restored.resolve("backup_label"))).as("recovery from the backup finished")
                .isFalse();
    }
}
