import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of processes for the load clients of {@code deploy/bench} (see {@code ReadLoad}): this JVM's own, and that
 * of a process with its descendants from Linux's {@code /proc/<pid>/stat} (utime + stime, in clock ticks), e.g. the
 * service's JVM, or the PostgreSQL postmaster with its backends, checkpointer, WAL writer and autovacuum workers; and
 * the time of the root's children that ended, which the kernel adds to the process that waited for them (its cutime +
 * cstime: a backend that exits, a parallel worker of an index build).
 * <p>
 * Also a command for {@code scale.sh}: {@code java ProcessCpu <pid> <clock ticks>} prints the tree's CPU in seconds.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Prints the CPU seconds of process {@code args[0]} and its tree; {@code args[1]}: clock ticks per second. */
    public static void main(String[] args) {
        long millis = millis(Map.of("tree", Long.parseLong(args[0])), Long.parseLong(args[1])).get("tree");
        System.out.printf(java.util.Locale.ROOT, "%.2f%n", millis / 1000.0);
    }

    /**
     * The CPU time (user and system) spent so far by this JVM and by each named process tree.
     *
     * @param cpuOf      a name for each process whose tree is counted (the process and its descendants alive now, and
     *                   the root's children that ended)
     * @param clockTicks the kernel's clock ticks per second ({@code getconf CLK_TCK}, 100 on Linux as a rule)
     * @return milliseconds by name, {@code client} first (this JVM, from {@code OperatingSystemMXBean})
     * @throws IllegalStateException when {@code /proc} cannot be listed (not Linux)
     */
    static Map<String, Long> millis(Map<String, Long> cpuOf, long clockTicks) {
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put("client", ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000L);
        if (cpuOf.isEmpty()) {
            return millis;
        }
        // pid -> {parent pid, utime + stime, cutime + cstime}, in ticks
        Map<Long, long[]> processes = new HashMap<>();
        try (var entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    // pid (comm) state ppid ...: comm may hold spaces, so the fields are counted after its ')'.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    processes.put(Long.parseLong(entry.getFileName().toString()), new long[] {
                            Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                            Long.parseLong(fields[13]) + Long.parseLong(fields[14])});
                } catch (IOException | RuntimeException gone) {
                    // the process ended while /proc was read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        cpuOf.forEach((name, root) -> {
            long[] rootProcess = processes.get(root);
            long ticks = rootProcess == null ? 0 : rootProcess[2];
            for (Map.Entry<Long, long[]> process : processes.entrySet()) {
                for (long pid = process.getKey(); pid > 1; ) {
                    if (pid == root) {
                        ticks += process.getValue()[1];
                        break;
                    }
                    long[] parent = processes.get(pid);
                    pid = parent == null ? 0 : parent[0];
                }
            }
            millis.put(name, ticks * 1000 / clockTicks);
        });
        return millis;
    }

}
