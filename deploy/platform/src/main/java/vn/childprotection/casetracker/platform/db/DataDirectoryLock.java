package vn.childprotection.casetracker.platform.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock that makes one service process the only user of an embedded PostgreSQL data directory.
 * <p>
 * The lock file sits beside the data directory ({@code <data-dir>.lock}, e.g. {@code ./data/postgres.lock}), not
 * inside it, so that {@code initdb} finds a fresh directory empty and a backup copies no lock. It holds the PID of
 * the process that owns it. The operating system releases the lock when that process ends in any way, including
 * {@code kill -9}, so a lock is never stale; what a dead process leaves behind (a still-running postmaster) is
 * handled by {@link OrphanedPostmaster}.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a data directory, or refuses.
     *
     * @param dataDir the embedded PostgreSQL data directory (absolute)
     * @return the lock, held until {@link #close()} or the end of this process
     * @throws IllegalStateException naming the PID of the process that holds the lock, when another service
     *                               (or another application context of this process) already uses the directory
     * @throws IOException           when the lock file cannot be created
     */
    static DataDirectoryLock acquire(Path dataDir) throws IOException {
        Path file = lockFileOf(dataDir);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw new IllegalStateException("The data directory " + dataDir + " is already in use by another "
                    + "case tracker service (PID " + holder + "). Two services must never share one data "
                    + "directory: stop that one first, or give this one its own "
                    + "casetracker.database.embedded.data-dir.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
        channel.force(true);
        return new DataDirectoryLock(channel, lock);
    }

    static Path lockFileOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.isEmpty() ? "unknown" : pid;
    }

    @Override
    public void close() throws IOException {
        // The file stays: deleting it could let a process that opened it a moment ago lock a file that no longer
        // has a name while a third one locks a new one.
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
