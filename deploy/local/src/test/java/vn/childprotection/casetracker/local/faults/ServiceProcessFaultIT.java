package vn.childprotection.casetracker.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.TestProperties;

/**
 * The service in its own JVM, on its embedded PostgreSQL: a second copy on the same data directory is refused; a
 * {@code kill -9} of the JVM during writes, then a start, loses no acknowledged write and needs no manual step (the
 * orphaned PostgreSQL is shut down); a graceful stop under writes finishes or refuses each request and leaves
 * nothing half-done. The tests run in order on one data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceProcessFaultIT {

    private static final Duration START = Duration.ofSeconds(180);
    /**
     * How many more writes the service acknowledges, after the first 20, before the kill: each of the 4 writers
     * sends its next request as soon as the last is answered, so 4 are in flight whenever the kill comes, and the
     * acknowledged ones before it are many.
     */
    private static final int WRITES_BEFORE_KILL = 40;
    /** How often the projections are compared with the store while they catch up after a start. */
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(250);
    /** The services' output, kept for reading after a failure. */
    private static final Path LOGS = Path.of("target", "fault-tests");
    private static final Path LOG = LOGS.resolve("service-process.log");

    @TempDir
    static Path dir;

    private Path dataDir;
    private ServiceProcess service;

    @BeforeAll
    void startService() throws Exception {
        dataDir = dir.resolve("postgres");
        Files.createDirectories(LOGS);
        service = ServiceProcess.start(dataDir, LOG);
        System.out.printf("first start of the service: up in %d ms%n", service.awaitUp(START).toMillis());
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (service != null) {
            service.destroy();
        }
        ServiceProcess.stopPostgresOf(dataDir);
    }

    private ServiceProcess running() throws Exception {
        if (service == null || !service.isAlive()) {
            service = ServiceProcess.start(dataDir, LOG);
            service.awaitUp(START);
        }
        return service;
    }

    @Test
    @Order(1)
    void a_second_service_on_the_same_data_directory_refuses_to_start_naming_the_first_ones_pid() throws Exception {
        ServiceProcess first = running();
        assertThatThrownBy(() -> new SpringApplicationBuilder(LocalApplication.class).initializers(
                TestProperties.first("server.port=0", "casetracker.database.embedded.data-dir=" + dataDir)).run()
                .close())
                .hasStackTraceContaining("already in use by another case tracker service (PID " + first.pid() + ")");
        assertThat(first.api().get("/api/v1/org-units", "worker.xaanlao").status()).as("the first one carries on")
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void after_a_kill_of_its_jvm_during_writes_it_starts_again_by_itself_with_every_acknowledged_write()
            throws Exception {
        ServiceProcess first = running();
        WriteLoad load = WriteLoad.start(first.api(), 4, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedWrites() >= 20);
        int warmedUp = load.acknowledgedWrites();
        await("writes acknowledged under load").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> load.acknowledgedWrites() >= warmedUp + WRITES_BEFORE_KILL);
        first.kill();
        load.close();
        assertThat(ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false))
                .as("PostgreSQL outlived the JVM, as after a real kill -9").isTrue();

        service = ServiceProcess.start(dataDir, LOG);
        Duration recovery = service.awaitUp(START);

        Map<String, Long> stored = EventStoreCheck.eventsPerCase(dataDir);
        EventStoreCheck.assertEveryAcknowledgedWriteStored(load.acknowledged(), stored);
        await().atMost(Duration.ofSeconds(120)).pollInterval(CATCH_UP_POLL)
                .until(() -> EventStoreCheck.projectionsEqualTheStore(service.api(), stored));
        System.out.printf("kill -9 of the JVM: %d writes acknowledged (%d cases), 0 lost; %d stored cases; "
                        + "up again in %d ms%n", load.acknowledgedWrites(), load.acknowledged().size(),
                stored.size(), recovery.toMillis());
    }

    @Test
    @Order(3)
    void a_graceful_stop_under_writes_finishes_or_refuses_each_request_and_leaves_nothing_half_done()
            throws Exception {
        ServiceProcess current = running();
        WriteLoad load = WriteLoad.start(current.api(), 4, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedWrites() >= 20);
        current.stop(Duration.ofSeconds(90));
        load.close();
        assertThat(load.refused()).as("answers other than 2xx while stopping are 503 problems")
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(answer.response().isProblem()).isTrue();
                });
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).as("PostgreSQL stopped with the service")
                .isFalse();

        service = ServiceProcess.start(dataDir, LOG);
        service.awaitUp(START);
        Map<String, Long> stored = EventStoreCheck.eventsPerCase(dataDir);
        EventStoreCheck.assertEveryAcknowledgedWriteStored(load.acknowledged(), stored);
        assertThat(stored.values()).as("each case holds whole commands only: its report, maybe its assessment")
                .allSatisfy(events -> assertThat(events).isBetween(1L, 2L));
        await().atMost(Duration.ofSeconds(120)).pollInterval(CATCH_UP_POLL)
                .until(() -> EventStoreCheck.projectionsEqualTheStore(service.api(), stored));
        System.out.printf("graceful stop under writes: %d writes acknowledged, 0 lost, %d refused with 503%n",
                load.acknowledgedWrites(), load.refused().size());
        service.stop(Duration.ofSeconds(90));
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }
}
