package vn.childprotection.casetracker.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded PostgreSQL on one data directory for the life of the service, and starts it again when it dies.
 * <p>
 * Start: takes the {@link DataDirectoryLock} (a second service on the directory is refused, naming the first's
 * PID), shuts down a postmaster left running by an earlier run ({@link OrphanedPostmaster}), then starts PostgreSQL
 * with durable settings ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on, unless
 * {@code unsafe-fast-writes} or {@code ephemeral}), waiting up to {@code startup-wait} for crash recovery and logging its progress.
 * <p>
 * While the service runs, a watchdog checks the postmaster every second; when it has died it waits for its
 * children to exit and starts it again on the same port, so the connection pool's URL keeps working. Meanwhile
 * {@link #status()} says it is down, which the health endpoint reports.
 */
public final class EmbeddedPostgresSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final Path dataDir;
    private final EmbeddedDatabaseProperties properties;
    private final DataDirectoryLock lock;
    private final ScheduledExecutorService watchdog;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile List<ProcessHandle> children = List.of();
    private volatile Instant downSince;
    private volatile int restarts;
    private volatile boolean closing;

    private EmbeddedPostgresSupervisor(Path dataDir, EmbeddedDatabaseProperties properties, DataDirectoryLock lock,
                                       EmbeddedPostgres postgres) throws IOException {
        this.dataDir = dataDir;
        this.properties = properties;
        this.lock = lock;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.postmasterPid = OrphanedPostmaster.postmasterPid(dataDir).orElse(-1);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts PostgreSQL on a data directory.
     *
     * @param dataDir    the data directory (absolute); created and initialised when empty
     * @param properties durability, start wait and stop timeout
     * @return the running server, watched until {@link #close()}
     * @throws IllegalStateException when another service holds the data directory (the message names its PID)
     * @throws IOException           when PostgreSQL cannot be started within {@code startup-wait}
     */
    public static EmbeddedPostgresSupervisor start(Path dataDir, EmbeddedDatabaseProperties properties)
            throws IOException {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        try {
            OrphanedPostmaster.shutDownIfRunning(dataDir, properties.stopTimeout());
            EmbeddedPostgres postgres = launch(dataDir, properties, 0);
            return new EmbeddedPostgresSupervisor(dataDir, properties, lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedPostgres launch(Path dataDir, EmbeddedDatabaseProperties properties, int port)
            throws IOException {
        // An ephemeral database (tests) is deleted when the service stops: durability would buy nothing there.
        String durable = properties.unsafeFastWrites() || properties.ephemeral() ? "off" : "on";
        if (properties.unsafeFastWrites()) {
            log.warn("casetracker.database.embedded.unsafe-fast-writes is on: a crash may lose acknowledged "
                    + "writes or corrupt {}", dataDir);
        }
        long started = System.nanoTime();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-postgres-start");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledFuture<?> reporter = progress.scheduleAtFixedRate(() -> log.info(
                "Waiting for PostgreSQL on {} to accept connections: {} s of at most {} (after an unclean stop it "
                        + "first replays its write-ahead log; its own progress lines follow)",
                dataDir, (System.nanoTime() - started) / 1_000_000_000L, properties.startupWait()),
                10, 10, TimeUnit.SECONDS);
        try {
            // The library's defaults are for tests: -F (fsync off) and synchronous_commit=off. A later -c wins
            // over -F on PostgreSQL's command line, so each setting is stated here.
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(properties.startupWait())
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable)
                    .setServerConfig("log_startup_progress_interval", "5s")
                    .start();
        } finally {
            reporter.cancel(false);
            progress.shutdownNow();
        }
    }

    /**
     * The port PostgreSQL listens on (localhost); the same after every restart.
     */
    public int port() {
        return port;
    }

    /**
     * The data directory.
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Whether PostgreSQL is running now, since when it is not, and how often it has been started again.
     */
    public Status status() {
        Instant since = downSince; // read once: a restart may end between two reads
        return new Status(since == null, since, restarts, postmasterPid);
    }

    private void watch() {
        if (closing) {
            return;
        }
        try {
            if (postgres != null) {
                Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive);
                if (postmaster.isPresent()) {
                    children = postmaster.get().descendants().toList();
                    return;
                }
                downSince = Instant.now();
                log.error("The embedded PostgreSQL (PID {}) has stopped unexpectedly: starting it again on port {}",
                        postmasterPid, port);
                OrphanedPostmaster.awaitChildren(children);
                EmbeddedPostgres dead = postgres;
                postgres = null;
                closeQuietly(dead);
            }
            EmbeddedPostgres restarted = launch(dataDir, properties, port);
            if (closing) {
                closeQuietly(restarted);
                return;
            }
            postgres = restarted;
            postmasterPid = OrphanedPostmaster.postmasterPid(dataDir).orElse(-1);
            restarts++;
            log.info("The embedded PostgreSQL is running again (PID {}) after {} ms", postmasterPid,
                    Duration.between(downSince, Instant.now()).toMillis());
            downSince = null;
        } catch (Exception e) {
            log.error("Could not start the embedded PostgreSQL again; retrying", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the stopped embedded PostgreSQL", e);
        }
    }

    /**
     * Stops PostgreSQL cleanly (a fast shutdown, waiting up to {@code stop-timeout}) and releases the data
     * directory.
     */
    @Override
    public void close() throws IOException {
        closing = true;
        watchdog.shutdownNow();
        try {
            watchdog.awaitTermination(properties.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            EmbeddedPostgres running = postgres;
            if (running != null) {
                running.close();
            }
            ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)
                    .ifPresent(p -> OrphanedPostmaster.stop(p, properties.stopTimeout()));
        } finally {
            lock.close();
        }
    }

    /**
     * The embedded PostgreSQL's state.
     *
     * @param up        whether it is running
     * @param downSince when it was found stopped (UTC), null while up
     * @param restarts  how many times it was started again since the service started
     * @param pid       the postmaster's PID
     */
    public record Status(boolean up, Instant downSince, int restarts, long pid) {
    }
}
