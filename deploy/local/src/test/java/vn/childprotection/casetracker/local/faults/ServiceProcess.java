package vn.childprotection.casetracker.local.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.platform.testing.ApiClient;

/**
 * The all-in-one service in a separate JVM, started as an operator would (with {@code -XX:+ExitOnOutOfMemoryError}),
 * so that a test can kill it as the OOM killer or a power cut would. Flags that only shorten its start on a busy
 * test machine are added ({@link #FAST_START}): what the tests prove (crash recovery, graceful stop) does not depend
 * on the JIT compiler or the garbage collector.
 */
public final class ServiceProcess {

    /**
     * Only the quick first-tier compiler (no C2 threads competing for the cores while Spring starts), the serial
     * collector (no parallel GC threads) and the JDK's class data sharing archive.
     */
    static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /**
     * The system property naming {@code case-tracker.jar}: set by the build for the tests that run after the package
     * phase, so the service starts from the jar users run; unset (a single test run from an IDE), from the test
     * classpath.
     */
    public static final String PACKAGED_JAR = "casetracker.test.jar";

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service on a data directory, from {@code case-tracker.jar} when {@link #PACKAGED_JAR} names it;
     * its output goes to {@code log}.
     */
    public static ServiceProcess start(Path dataDir, Path log) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError", "-Xmx512m"));
        command.addAll(FAST_START);
        String jar = System.getProperty(PACKAGED_JAR);
        if (jar != null) {
            command.addAll(List.of("-jar", jar));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), LocalApplication.class.getName()));
        }
        command.addAll(List.of("--server.port=" + port, "--casetracker.database.embedded.data-dir=" + dataDir));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(process, port, log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the service answers its health check with UP.
     *
     * @return how long it took from now
     */
    public Duration awaitUp(Duration atMost) {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service ended with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * SIGKILL: the JVM ends at once, nothing of it runs.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM: a graceful stop; waits for the JVM to end.
     *
     * @return its exit status
     */
    public int stop(Duration atMost) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The service did not stop within " + atMost + "; see " + log);
        }
        return process.exitValue();
    }

    /**
     * Stops a PostgreSQL that a killed service left running on {@code dataDir}, so that no test leaves one behind.
     */
    public static void stopPostgresOf(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (java.nio.file.Files.exists(pidFile)) {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    /**
     * Ends the JVM if a failed test left it running.
     */
    public void destroy() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
