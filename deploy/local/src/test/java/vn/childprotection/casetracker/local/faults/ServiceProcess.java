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
 * so that a test can kill it as the OOM killer or a power cut would.
 */
public final class ServiceProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service on a data directory; its output goes to {@code log}.
     */
    public static ServiceProcess start(Path dataDir, Path log) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-XX:+ExitOnOutOfMemoryError", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), LocalApplication.class.getName(),
                "--server.port=" + port, "--casetracker.database.embedded.data-dir=" + dataDir))
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
