import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load client for the benchmark {@code deploy/bench/appends.sh}: reports new cases ({@code POST /api/v1/cases})
 * from a number of concurrent clients for a fixed time and prints how many were stored per second. No dependency
 * beyond the JDK: run it as a source file, {@code java deploy/bench/AppendLoad.java --url http://localhost:18093
 * --clients 8 --seconds 15 --warmup 3}.
 * <p>
 * Each client sends one request after the other on its own HTTP/1.1 connection, as the demo user of one commune
 * (HTTP Basic, the password is the user's name), each report about a different synthetic child ("Trẻ Thử Tải"), with
 * its own {@code Idempotency-Key}, reported a minute before it is sent (so no time limit is already past). Answers
 * that arrive during the warm-up or after the measured time are not counted. Prints one line, {@code clients=8
 * seconds=15.0 stored=... refused=... errors=... rate=... p50_ms=... p99_ms=...}: {@code rate} is stored cases per
 * second of the measured time, {@code refused} counts answers other than 2xx by status (a benchmark with refusals
 * measures nothing useful, the script stops), {@code errors} requests without an answer; the latencies are those of
 * the counted answers.
 */
public final class AppendLoad {

    private static final String NOTE = "Dữ liệu tổng hợp để thử nghiệm, không phải người thật.";

    private AppendLoad() {
    }

    /**
     * @param args {@code --url} base URL (default {@code http://localhost:8080}), {@code --clients} concurrent
     *             clients (default 1), {@code --seconds} measured time (default 15), {@code --warmup} seconds sent
     *             before it and not counted (default 3), {@code --user} (default {@code worker.31-xa-an-lao}),
     *             {@code --commune} (default {@code 31-xa-an-lao}), {@code --run} a word that keeps ids unique
     *             across runs (default the start time)
     * @throws Exception when a client thread cannot be joined
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://localhost:8080").replaceFirst("/$", "");
        int clients = Integer.parseInt(options.getOrDefault("clients", "1"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "15"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "3"));
        String user = options.getOrDefault("user", "worker.31-xa-an-lao");
        String commune = options.getOrDefault("commune", "31-xa-an-lao");
        String run = options.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36));

        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (seconds * 1e9);
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> refused = Collections.synchronizedMap(new TreeMap<>());
        List<List<Long>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                while (System.nanoTime() < measureTo) {
                    long n = sequence.incrementAndGet();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/cases"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, application/problem+json")
                            .header("Authorization", authorization)
                            .header("Idempotency-Key", "bench-appends-" + run + "-" + n)
                            .POST(HttpRequest.BodyPublishers.ofString(body(commune, run, n))).build();
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        if (errors.getAndIncrement() == 0) {
                            System.err.println("AppendLoad: no answer: " + e);
                        }
                        continue;
                    }
                    long answered = System.nanoTime();
                    if (answered < measureFrom || answered > measureTo) {
                        continue;
                    }
                    if (status / 100 == 2) {
                        mine.add(answered - sent);
                    } else {
                        refused.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                }
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        System.out.printf("clients=%d seconds=%.1f stored=%d refused=%s errors=%d rate=%.1f p50_ms=%.1f p99_ms=%.1f%n",
                clients, seconds, all.size(), refused.isEmpty() ? "0" : refused.toString().replace(" ", ""),
                errors.get(), all.size() / seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    /** A report of abuse in the family, about a synthetic child of nine, as a worker of the commune sends it. */
    private static String body(String commune, String run, long n) {
        String occurredAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"occurredAt":"%s","communeCode":"%s","category":"ABUSED","channel":"HOTLINE_111",\
                "abuseForms":["VIOLENCE"],"setting":"FAMILY","specialCircumstanceGroups":[],\
                "child":{"name":"Trẻ Thử Tải %s-%d","ageYears":9,"sex":"FEMALE",\
                "address":"Địa chỉ thử số %d (dữ liệu tổng hợp)"},\
                "reporter":{"consentToRecordIdentity":false},"narrative":"%s"}"""
                .formatted(occurredAt, commune, run, n, n, NOTE);
    }
}
