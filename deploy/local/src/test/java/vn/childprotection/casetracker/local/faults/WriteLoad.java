package vn.childprotection.casetracker.local.faults;

import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * Writes through the public API from several threads until stopped, as workers would: each thread reports a case
 * (with an {@code Idempotency-Key}) and, when {@code followUp}, records its initial assessment. It remembers every
 * write the service acknowledged (2xx) with the version it answered, and every other answer.
 */
public final class WriteLoad implements AutoCloseable {

    private final ApiClient api;
    private final boolean followUp;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    /** Case id to the highest version acknowledged for it. */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledgedWrites = new AtomicInteger();
    private final ConcurrentLinkedQueue<Answer> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unreachable = new AtomicInteger();

    /**
     * A non-2xx answer and how long it took.
     */
    public record Answer(int status, Response response, Duration took) {
    }

    private WriteLoad(ApiClient api, boolean followUp) {
        this.api = api;
        this.followUp = followUp;
    }

    public static WriteLoad start(ApiClient api, int threads, boolean followUp) {
        WriteLoad load = new WriteLoad(api, followUp);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(load::run, "write-load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run() {
        int n = 0;
        while (running.get()) {
            n++;
            Response created = send(() -> api.post("/api/v1/cases", "worker.xaanlao", json(object(
                    "communeCode", "31-xa-an-lao", "category", "AT_RISK", "channel", "SCHOOL",
                    "child", object("name", "Phạm Thị Bền Vững", "sex", "FEMALE", "ageYears", 8),
                    "reporter", object("consentToRecordIdentity", false))),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())));
            if (created == null || created.status() != 201) {
                continue;
            }
            String caseId = created.json().get("caseId").asString();
            acknowledge(caseId, created.json().get("version").asLong());
            if (followUp && n % 2 == 0) {
                Response assessed = send(() -> api.post("/api/v1/cases/" + caseId + "/initial-assessment",
                        "worker.xaanlao", json(object("riskLevel", "MEDIUM", "emergency", false))));
                if (assessed != null && assessed.status() == 200) {
                    acknowledge(caseId, assessed.json().get("version").asLong());
                }
            }
        }
    }

    private void acknowledge(String caseId, long version) {
        acknowledged.merge(caseId, version, Math::max);
        acknowledgedWrites.incrementAndGet();
    }

    private Response send(java.util.function.Supplier<Response> request) {
        long started = System.nanoTime();
        try {
            Response response = request.get();
            if (response.status() / 100 != 2) {
                refused.add(new Answer(response.status(), response, Duration.ofNanos(System.nanoTime() - started)));
            }
            return response;
        } catch (IllegalStateException connectionFailed) {
            // The service itself is not there (killed, stopping): no answer, so nothing acknowledged.
            unreachable.incrementAndGet();
            return null;
        }
    }

    /** Every case with the highest version the service acknowledged for it. */
    public Map<String, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** How many writes were answered 2xx. */
    public int acknowledgedWrites() {
        return acknowledgedWrites.get();
    }

    /** Every answer that was not 2xx. */
    public List<Answer> refused() {
        return List.copyOf(refused);
    }

    /** How many requests found no service to answer them. */
    public int unreachable() {
        return unreachable.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }
}
