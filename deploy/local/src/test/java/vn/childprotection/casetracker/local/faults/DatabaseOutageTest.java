package vn.childprotection.casetracker.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.db.DatabaseServer;
import vn.childprotection.casetracker.platform.db.EmbeddedPostgresSupervisor;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;
import vn.childprotection.casetracker.platform.testing.TestProperties;

/**
 * PostgreSQL goes away while the service runs: requests fail fast with 503 problems and {@code Retry-After}, never
 * 500; the embedded server is noticed (health DOWN) and started again, an external one is reconnected to when it is
 * back; the service carries on without a restart, no acknowledged write is lost, and a time limit that fell due
 * around the outage is recorded missed once.
 */
class DatabaseOutageTest {

    /** Short, so that the outage shows as 503s rather than as requests waiting for the restart. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    /**
     * The emergency measures' limit, so short that it falls due while PostgreSQL is down or just after: either way the
     * scheduler, whose polls failed meanwhile, must still fire it, and only once.
     */
    private static final String EMERGENCY_LIMIT = "PT3S";

    private static final String PASSWORD = "mật-khẩu-dài-1";

    @TempDir
    Path dir;

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void when_the_embedded_postgresql_is_killed_under_writes_it_is_started_again_and_no_acknowledged_write_is_lost()
            throws Exception {
        Path dataDir = dir.resolve("postgres");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalApplication.class)
                .initializers(TestProperties.first("server.port=0",
                        "casetracker.database.embedded.data-dir=" + dataDir,
                        "casetracker.database.connection-timeout=" + CONNECTION_TIMEOUT.toMillis() + "ms",
                        "casetracker.deadlines.emergency-measures=" + EMERGENCY_LIMIT, "db-scheduler.polling-interval=1s"))
                .run()) {
            ApiClient api = api(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            EmbeddedPostgresSupervisor postgres = context.getBean(DatabaseServer.class).embedded().orElseThrow();
            WriteLoad load = WriteLoad.start(api, 4, true);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedWrites() >= 20);
            String limitDueInOutage = emergencyCase(api);
            HealthIndicator embeddedHealth = context.getBean("embeddedDatabase", HealthIndicator.class);
            HealthWatch health = HealthWatch.start(() -> embeddedHealth.health().getStatus().equals(Status.DOWN));

            long killedAt = System.nanoTime();
            ProcessHandle.of(postgres.status().pid()).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(120)).until(() -> postgres.status().restarts() == 1
                    && postgres.status().up());
            Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);
            int acknowledgedAtRecovery = load.acknowledgedWrites();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedWrites() >= acknowledgedAtRecovery + 10);
            load.close();
            health.close();

            assertThat(health.sawDown()).as("health said DOWN while PostgreSQL was down").isTrue();
            assertThat(load.refused()).as("writes refused while PostgreSQL was down").isNotEmpty()
                    .allSatisfy(answer -> {
                        assertThat(answer.status()).isEqualTo(503);
                        assertThat(answer.response().isProblem()).isTrue();
                        assertThat(answer.response().header("Retry-After")).isEqualTo("5");
                        assertThat(answer.took()).as("failed fast").isLessThan(CONNECTION_TIMEOUT.plusSeconds(4));
                    });
            await("the time limit due during the outage fires after it").atMost(Duration.ofSeconds(60))
                    .until(() -> missedLimits(jdbc, limitDueInOutage) == 1);
            Map<String, Long> stored = EventStoreCheck.eventsPerCase(dataDir);
            EventStoreCheck.assertEveryAcknowledgedWriteStored(load.acknowledged(), stored);
            await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> EventStoreCheck.projectionsEqualTheStore(api, stored));
            assertThat(missedLimits(jdbc, limitDueInOutage)).as("the scheduler fired it once, not again")
                    .isEqualTo(1);
            System.out.printf("embedded PostgreSQL killed: %d writes acknowledged, 0 lost, %d answered 503; "
                            + "running again %d ms after the kill%n", load.acknowledgedWrites(),
                    load.refused().size(), recovery.toMillis());
        }
    }

    /**
     * A report and an initial assessment calling for emergency measures: their limit ({@link #EMERGENCY_LIMIT}
     * here, 12 hours by Art 26.3) falls due about when PostgreSQL is killed.
     *
     * @return the case id
     */
    private static String emergencyCase(ApiClient api) {
        Response created = api.post("/api/v1/cases", "worker.xaanlao", json(object(
                "communeCode", "31-xa-an-lao", "category", "ABUSED", "channel", "POLICE",
                "abuseForms", List.of("VIOLENCE"), "child", object("sex", "FEMALE", "ageYears", 10),
                "reporter", object("consentToRecordIdentity", false))));
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.json().get("caseId").asString();
        assertThat(api.post("/api/v1/cases/" + caseId + "/initial-assessment", "worker.xaanlao",
                json(object("riskLevel", "HIGH", "emergency", true))).status()).isEqualTo(200);
        return caseId;
    }

    private static long missedLimits(JdbcTemplate jdbc, String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%DeadlineMissed'", Long.class, caseId);
    }

    @Test
    void against_an_external_postgresql_that_restarts_requests_get_503_then_the_pool_reconnects_by_itself()
            throws Exception {
        Path externalDir = dir.resolve("external");
        EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(externalDir)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
        int port = external.getPort();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalApplication.class)
                .initializers(TestProperties.first("server.port=0",
                        "spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                        "casetracker.idempotency.secret=database-outage-test-secret-0123456789",
                        "casetracker.integrity.key=database-outage-test-integrity-key-0123456789",
                        "casetracker.crypto.kek=test:JbeiTj9ykrxrir+TDoAm5v/+Pwyn/Q/6LDKUaHEWqi0=",
                        "casetracker.security.users[0].username=lan.worker",
                        "casetracker.security.users[0].password-hash="
                                + PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD),
                        "casetracker.security.users[0].org-unit=31-xa-an-hung",
                        "casetracker.security.users[0].role=COMMUNE_WORKER",
                        "casetracker.database.connection-timeout=" + CONNECTION_TIMEOUT.toMillis() + "ms"))
                .run()) {
            ApiClient api = api(context);
            String report = json(object("communeCode", "31-xa-an-hung", "category", "AT_RISK", "channel", "SCHOOL",
                    "child", object("sex", "MALE", "ageYears", 7), "reporter", object("consentToRecordIdentity", false)));
            assertThat(api.postWithPassword("/api/v1/cases", "lan.worker", PASSWORD, report).status())
                    .isEqualTo(201);
            external.close();

            long started = System.nanoTime();
            Response refused = api.postWithPassword("/api/v1/cases", "lan.worker", PASSWORD, report);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed fast")
                    .isLessThan(CONNECTION_TIMEOUT.plusSeconds(4));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().get("title").asString()).isEqualTo("Database unavailable");
            assertThat(api.get("/actuator/health", null).status()).as("health while the database is down")
                    .isEqualTo(503);

            external = EmbeddedPostgres.builder().setDataDirectory(externalDir).setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false).setPort(port).start();
            await().atMost(Duration.ofSeconds(60)).until(() -> api.postWithPassword("/api/v1/cases", "lan.worker",
                    PASSWORD, report).status() == 201);
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/actuator/health", null).status() == 200);
        } finally {
            external.close();
        }
    }

    /**
     * Reads the embedded database's health indicator (the {@code embeddedDatabase} component of
     * {@code /actuator/health}) every millisecond and remembers whether it was ever DOWN. It reads the indicator
     * rather than the endpoint because on an idle machine PostgreSQL is back within about a second, less than one
     * answer of the endpoint can take while its {@code db} check waits for a connection; that the endpoint answers
     * 503 while the database is down is shown against the external database below.
     */
    private static final class HealthWatch implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger down = new AtomicInteger();
        private final Thread thread;

        private HealthWatch(BooleanSupplier isDown) {
            thread = new Thread(() -> {
                while (running.get()) {
                    if (isDown.getAsBoolean()) {
                        down.incrementAndGet();
                    }
                    LockSupport.parkNanos(1_000_000);
                }
            }, "health-watch");
            thread.setDaemon(true);
        }

        static HealthWatch start(BooleanSupplier isDown) {
            HealthWatch watch = new HealthWatch(isDown);
            watch.thread.start();
            return watch;
        }

        boolean sawDown() {
            return down.get() > 0;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
