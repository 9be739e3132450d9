package vn.childprotection.casetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.boot.config.startup.ContextReadyStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.childprotection.casetracker.platform.testing.TestProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * A time limit scheduled before a restart fires after it: deadlines are persistent (db-scheduler on PostgreSQL),
 * not kept in memory. The scheduler starts only once the context is refreshed, after Axon subscribed its handlers,
 * so no task due at start fails for want of a handler.
 */
class DeadlineRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LocalApplication.class).initializers(TestProperties.first(
                "server.port=0", "casetracker.database.embedded.data-dir=" + dataDir.resolve("postgres"),
                "casetracker.deadlines.emergency-measures=PT10S", "db-scheduler.polling-interval=1s")).run();
    }

    /** Axon's deadline schedules (its db-scheduler task name), not the project's recurring tasks. */
    private static final String DEADLINE_SCHEDULES =
            "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'";

    private static long missed(ConfigurableApplicationContext context, String caseId) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%DeadlineMissed'", Long.class, caseId);
    }

    @Test
    void a_deadline_scheduled_before_a_restart_fires_after_it() {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = new ApiClient(Integer.parseInt(first.getEnvironment().getProperty("local.server.port")));
            Response created = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                    "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "POLICE",
                    "abuseForms", List.of("SEXUAL_ABUSE"),
                    "child", object("sex", "FEMALE", "ageYears", 12),
                    "reporter", object("consentToRecordIdentity", false))));
            caseId = created.json().get("caseId").asString();
            Response assessed = api.post("/api/v1/cases/" + caseId + "/initial-assessment", "worker.xaanlao",
                    json(object("riskLevel", "HIGH", "emergency", true)));
            assertThat(assessed.status()).isEqualTo(200);
            assertThat(first.getBean(JdbcTemplate.class).queryForObject(
                    DEADLINE_SCHEDULES, Long.class)).as("schedule stored").isEqualTo(1);
            assertThat(missed(first, caseId)).as("not fired before the restart").isZero();
        }

        Instant restartedAt = Instant.now();
        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> missed(second, caseId) == 1);
            Map<String, Object> row = second.getBean(JdbcTemplate.class).queryForMap(
                    "SELECT time_stamp, convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta "
                            + "FROM domain_event_entry WHERE aggregate_identifier = ? "
                            + "AND payload_type LIKE '%DeadlineMissed'", caseId);
            assertThat(Instant.parse((String) row.get("time_stamp"))).as("recorded after the restart")
                    .isAfter(restartedAt);
            assertThat((String) row.get("payload")).contains("\"rule\":\"EMERGENCY_MEASURES\"",
                    "\"responsibleOrgUnit\":\"31-xa-an-lao\"");
            assertThat((String) row.get("meta")).contains("\"userId\":\"system\"", "\"role\":\"SYSTEM\"");
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    DEADLINE_SCHEDULES, Long.class)).as("schedule consumed").isZero();
            assertThat(second.getBean(DbSchedulerStarter.class))
                    .as("tasks run only once Axon's handlers are subscribed").isInstanceOf(ContextReadyStart.class);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COALESCE(sum(consecutive_failures), 0) FROM scheduled_tasks", Long.class))
                    .as("no scheduled task failed across the restart").isZero();
        }
    }
}
