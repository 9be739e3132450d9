package vn.childprotection.casetracker.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent backup of the embedded PostgreSQL while the service runs, and its restore into a fresh data
 * directory.
 * <p>
 * The embedded server ships only {@code initdb}, {@code pg_ctl} and {@code postgres} (no {@code pg_basebackup},
 * no {@code pg_dump}), so the backup uses PostgreSQL's low-level base backup API (PostgreSQL manual, "Making a Base
 * Backup Using the Low Level API"): on one connection, a temporary physical replication slot keeps every
 * write-ahead log segment from now on, {@code pg_backup_start} checkpoints, the data directory is copied file by
 * file while the service keeps writing (pages torn by the copy are repaired from the full-page images in the WAL,
 * which is why {@code full_page_writes} stays on), {@code pg_backup_stop} returns the {@code backup_label}, and the
 * WAL written meanwhile is copied last. A restore copies the backup into a new, empty directory; at its first start
 * PostgreSQL replays that WAL from the label's checkpoint to the end of the backup and opens a consistent database.
 */
public final class EmbeddedDatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseBackup.class);

    /** Not copied: runtime state PostgreSQL rebuilds, and the lock files of the server and of the library. */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "backup_label.old", "tablespace_map", "pg_internal.init");
    /** Copied empty (PostgreSQL manual: their contents are not needed and are recreated). */
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private EmbeddedDatabaseBackup() {
    }

    /**
     * Backs up a running embedded PostgreSQL.
     *
     * @param dataDir the running server's data directory (its {@code postmaster.pid} gives the port)
     * @param target  a directory that does not exist yet or is empty; receives a complete data directory
     * @throws IOException           when a file cannot be read or written
     * @throws SQLException          when the server cannot be reached or refuses the backup
     * @throws IllegalStateException when no server runs on {@code dataDir} or {@code target} is not empty
     */
    public static void backup(Path dataDir, Path target) throws IOException, SQLException {
        int port = runningPort(dataDir);
        prepareEmptyDirectory(target);
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port
                + "/postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            String slot = "casetracker_backup_" + ProcessHandle.current().pid();
            statement.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true, true)");
            String startLsn;
            try (ResultSet rs = statement.executeQuery("SELECT pg_backup_start('casetracker', true)")) {
                rs.next();
                startLsn = rs.getString(1);
            }
            log.info("Backup of {} started at WAL {}", dataDir, startLsn);
            copyTree(dataDir, target, true);
            String label;
            String tablespaceMap;
            try (ResultSet rs = statement.executeQuery("SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                rs.next();
                log.info("Backup of {} ends at WAL {}", dataDir, rs.getString(1));
                label = rs.getString(2);
                tablespaceMap = rs.getString(3);
            }
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaceMap, StandardCharsets.UTF_8);
            }
            copyWal(dataDir.resolve("pg_wal"), target.resolve("pg_wal"));
            statement.execute("SELECT pg_drop_replication_slot('" + slot + "')");
        }
        log.info("Backup of {} written to {} in {} ms", dataDir, target, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Restores a backup into a fresh data directory; start the service on it
     * ({@code casetracker.database.embedded.data-dir}) and PostgreSQL recovers to the end of the backup.
     *
     * @param backup  a directory written by {@link #backup(Path, Path)}
     * @param dataDir a directory that does not exist yet or is empty
     * @throws IOException           when a file cannot be copied
     * @throws IllegalStateException when {@code backup} holds no backup or {@code dataDir} is not empty
     */
    public static void restore(Path backup, Path dataDir) throws IOException {
        if (!Files.isRegularFile(backup.resolve("backup_label")) || !Files.isRegularFile(backup.resolve("PG_VERSION"))) {
            throw new IllegalStateException(backup + " holds no backup (no backup_label or PG_VERSION)");
        }
        prepareEmptyDirectory(dataDir);
        copyTree(backup, dataDir, false);
        log.info("Restored {} into {}; PostgreSQL replays the backup's WAL at its first start", backup, dataDir);
    }

    private static int runningPort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            throw new IllegalStateException("No PostgreSQL runs on " + dataDir + " (no postmaster.pid): start the "
                    + "service, or copy the directory while it is stopped");
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        return Integer.parseInt(lines.get(3).trim());
    }

    private static void prepareEmptyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(dir + " is not empty; choose a new directory");
                }
            }
        } else {
            Files.createDirectories(dir);
        }
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * @param live true when copying a running server's directory (runtime files and the WAL left out), false for
     *             a restore (everything)
     */
    private static void copyTree(Path from, Path to, boolean live) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(copy);
                if (live && !dir.equals(from) && EMPTIED_DIRECTORIES.contains(dir.getFileName().toString())
                        && dir.getParent().equals(from)) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(copy.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (live && (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp"))) {
                    return FileVisitResult.CONTINUE;
                }
                copyIfStillThere(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void copyWal(Path from, Path to) throws IOException {
        try (var segments = Files.list(from)) {
            segments.filter(Files::isRegularFile).forEach(segment -> {
                try {
                    copyIfStillThere(segment, to.resolve(segment.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void copyIfStillThere(Path file, Path copy) throws IOException {
        try {
            // A file dropped while the copy runs (a table removed, a temporary file) is simply not needed.
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException gone) {
            log.debug("{} went away during the backup", file);
        }
    }

    /**
     * The command: {@code backup <target-dir> [data-dir]} or {@code restore <backup-dir> <new-data-dir>}; the data
     * directory defaults to {@code ./data/postgres}.
     *
     * @param args the command and its directories
     * @return 0 when done, 2 for a usage error
     * @throws IOException           when a file cannot be read or written
     * @throws SQLException          when the running server cannot be reached or refuses the backup
     * @throws IllegalStateException when no server runs on the data directory, or a target is not empty
     */
    public static int run(String... args) throws IOException, SQLException {
        if (args.length >= 2 && args[0].equals("backup")) {
            backup(Path.of(args.length > 2 ? args[2] : "./data/postgres").toAbsolutePath().normalize(),
                    Path.of(args[1]).toAbsolutePath().normalize());
            return 0;
        }
        if (args.length == 3 && args[0].equals("restore")) {
            restore(Path.of(args[1]).toAbsolutePath().normalize(), Path.of(args[2]).toAbsolutePath().normalize());
            return 0;
        }
        System.err.println("Usage: backup <target-dir> [data-dir, default ./data/postgres]\n"
                + "       restore <backup-dir> <new-data-dir>");
        return 2;
    }
}
