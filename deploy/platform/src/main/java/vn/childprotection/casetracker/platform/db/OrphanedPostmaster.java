package vn.childprotection.casetracker.platform.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier run of the service may have left in its data directory, and how it is cleared before a start.
 * <p>
 * The embedded PostgreSQL runs in its own session, so when the service's JVM is killed ({@code kill -9}, the OOM
 * killer) its postmaster keeps running on the data directory and PostgreSQL would refuse a second one ("lock file
 * postmaster.pid already exists"). The caller holds the {@link DataDirectoryLock}, so no live service uses that
 * postmaster: it is an orphan, and it is shut down cleanly (SIGTERM; SIGKILL of it and its children only when it
 * does not stop in time, after which PostgreSQL's crash recovery runs at the next start). A {@code postmaster.pid}
 * whose process has ended is left to PostgreSQL, which recovers from it by itself; one whose PID now belongs to
 * another program (PIDs are reused, e.g. in containers) is removed, as PostgreSQL would refuse it.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {
    }

    /**
     * Shuts down a postmaster still running on the data directory, if there is one.
     *
     * @param dataDir the data directory, whose {@link DataDirectoryLock} the caller holds
     * @param timeout how long a clean shutdown may take before the orphan is killed
     * @throws IOException when {@code postmaster.pid} cannot be read or removed
     */
    static void shutDownIfRunning(Path dataDir, Duration timeout) throws IOException {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("postmaster.pid names process {}, which has ended: PostgreSQL recovers from the unclean stop "
                    + "at start", pid.getAsLong());
            return;
        }
        if (!isPostgresOf(process.get(), dataDir)) {
            log.warn("postmaster.pid names process {}, which is not a PostgreSQL server of {}: removing the stale "
                    + "file", pid.getAsLong(), dataDir);
            Files.delete(dataDir.resolve("postmaster.pid"));
            return;
        }
        log.warn("PostgreSQL (PID {}) left running on {} by an earlier run of the service that did not stop "
                + "cleanly: shutting it down", pid.getAsLong(), dataDir);
        stop(process.get(), timeout);
    }

    /**
     * The PID in the data directory's {@code postmaster.pid}, if there is one.
     */
    static OptionalLong postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException absent) {
            return OptionalLong.empty();
        }
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
    }

    /**
     * Stops a postmaster: SIGTERM, then after {@code timeout} SIGKILL; then waits for its children, which leave the
     * shared memory a new server needs.
     */
    static void stop(ProcessHandle postmaster, Duration timeout) {
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroy();
        if (!awaitExit(postmaster, timeout)) {
            log.warn("PostgreSQL (PID {}) did not stop within {}: killing it; crash recovery runs at the next "
                    + "start", postmaster.pid(), timeout);
            postmaster.destroyForcibly();
            awaitExit(postmaster, Duration.ofSeconds(10));
        }
        awaitChildren(children);
    }

    /**
     * Waits for the children of a postmaster that has ended (they notice its death within moments), killing those
     * that linger.
     */
    static void awaitChildren(List<ProcessHandle> children) {
        for (ProcessHandle child : children) {
            if (!awaitExit(child, Duration.ofSeconds(5))) {
                child.destroyForcibly();
                awaitExit(child, Duration.ofSeconds(5));
            }
        }
    }

    private static boolean isPostgresOf(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(true);
        Optional<String[]> arguments = info.arguments();
        if (!postgres || arguments.isEmpty()) {
            return postgres;
        }
        String[] args = arguments.get();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("-D".equals(args[i])) {
                return Path.of(args[i + 1]).toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize());
            }
        }
        return true;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
