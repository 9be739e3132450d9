import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read load client for the benchmark {@code deploy/bench/scale.sh}: a number of concurrent readers send {@code GET}
 * requests to one or more read endpoints for a fixed time, after a warm-up that is not counted, and it prints the
 * latency percentiles, errors and response sizes of each endpoint. No dependency beyond the JDK: compile it with
 * {@code ProcessCpu.java} ({@code javac -d classes deploy/bench/ReadLoad.java deploy/bench/ProcessCpu.java}) and run
 * it, e.g. {@code java -cp classes ReadLoad --url http://localhost:18094 --clients 32 --seconds 20 --warmup 5
 * --values cases=case-ids.txt --target 'case-file|/api/v1/cases/{cases}'}.
 * <p>
 * A target is {@code label|path} or {@code label|path|user}: the path may hold placeholders {@code {name}}, each
 * replaced in every request by a value drawn at random from the list given with {@code --values name=file} (one
 * value a line, e.g. case ids sampled from the store). With several targets each request goes to one drawn at
 * random, so one run measures a mixed load. Each reader sends one request after the other on its own HTTP/1.1
 * keep-alive connection, in its own thread with the JDK's blocking {@code HttpURLConnection} (the client's CPU per
 * answer stays a fraction of the service's on a shared machine), signed in with HTTP Basic (the demo users' password
 * is their name), and reads each answer to its last byte without keeping it.
 * <p>
 * Counted are the requests <em>sent</em> during the measured time, each with its whole latency, also when the answer
 * comes after the end (a slow answer is never left out). Prints one line per target: {@code target=case-file
 * requests=... rate=... refused=0 errors=0 timeouts=0 p50_ms=... p95_ms=... p99_ms=... max_ms=... bytes_p50=...
 * bytes_max=...}: {@code rate} is counted requests per second of the measured time, {@code refused} the answers other
 * than 2xx by status ({@code {500=3}}), {@code errors} requests without an answer, {@code timeouts} those of them
 * that waited {@code --timeout} for their next byte; latencies and sizes (bytes of the body as sent, uncompressed)
 * are those of the 2xx answers. A last line, {@code window from_ms=... to_ms=...}, gives the measured time in
 * milliseconds since the epoch.
 * <p>
 * Headers: {@code --header 'Name: value'} (repeatable) is sent with every request, e.g. {@code --header
 * 'Cache-Control: max-stale=60'}; {@code --max-stale N} is short for that one. Each target's line then also gives
 * {@code aged=...}, the 2xx answers that carried an {@code Age} header (given from facts counted before the request),
 * and {@code age_max_s=...}, the greatest {@code Age} among them.
 * <p>
 * With {@code --cold true}, each target is first asked once alone, before any reader starts (one question drawn as
 * the readers draw theirs), and its line ends with {@code cold_ms=...} (or {@code cold_status=...} when the answer was
 * not 2xx): the first, cold answer, against which the loaded, warm figures can be read.
 * <p>
 * CPU over the measured time: a line {@code cpu client_cpu_ms=... [name_cpu_ms=...]...} before the window line gives
 * the CPU time (user and system) this client spent between the start and the end of the measured time, and for each
 * {@code --cpu name=pid} that of the process {@code pid} with all its descendants then alive (Linux
 * {@code /proc/<pid>/stat}, utime + stime, in clock ticks of {@code --clock-ticks} per second, 100 by default), e.g.
 * the service's JVM and the PostgreSQL postmaster with its backends. A descendant that ends within the measured time
 * takes its CPU with it: the figure is then a little low.
 */
public final class ReadLoad {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private ReadLoad() {
    }

    /** One endpoint to measure: what it is called, its path template and the user who reads it. */
    private record Target(String label, String path, String authorization, Tally tally) {
    }

    /** Headers sent with every request, as name, value, name, value... ({@code --header}, {@code --max-stale}). */
    private static String[] headers = new String[0];

    /** What one target's counted requests gave; shared by the readers. */
    private static final class Tally {
        final List<long[]> answers = Collections.synchronizedList(new ArrayList<>()); // {nanos, bytes}
        final Map<Integer, AtomicLong> refused = Collections.synchronizedMap(new TreeMap<>());
        final AtomicLong errors = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong aged = new AtomicLong();
        final AtomicLong ageMax = new AtomicLong();
    }

    /**
     * @param args {@code --url} base URL (default {@code http://localhost:8080}), {@code --clients} concurrent readers
     *             (default 32), {@code --seconds} measured time (default 20), {@code --warmup} seconds of requests
     *             sent before it and not counted (default 5), {@code --timeout} seconds a request may take (default
     *             30), {@code --user} the default user (default {@code coordinator.haiphong}), {@code --values
     *             name=file} (repeatable), {@code --target label|path[|user]} (repeatable, at least one),
     *             {@code --cold true} (ask each target once alone first), {@code --header 'Name: value'}
     *             (repeatable), {@code --max-stale N} ({@code Cache-Control: max-stale=N}), {@code --cpu name=pid}
     *             (repeatable),
     *             {@code --clock-ticks} (the kernel's clock ticks per second, {@code getconf CLK_TCK})
     * @throws Exception when a value file cannot be read or a reader thread cannot be joined
     */
    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.computeIfAbsent(args[i].replaceFirst("^--", ""), k -> new ArrayList<>()).add(args[i + 1]);
        }
        String url = one(options, "url", "http://localhost:8080").replaceFirst("/$", "");
        int clients = Integer.parseInt(one(options, "clients", "32"));
        // The JDK keeps at most http.maxConnections (5) idle connections per server: every reader must find its own
        // again, or most requests would open a new connection. Read once, when HttpURLConnection is first used.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, clients)));
        }
        double seconds = Double.parseDouble(one(options, "seconds", "20"));
        double warmup = Double.parseDouble(one(options, "warmup", "5"));
        Duration timeout = Duration.ofMillis((long) (Double.parseDouble(one(options, "timeout", "30")) * 1000));
        String defaultUser = one(options, "user", "coordinator.haiphong");
        List<String> headerList = new ArrayList<>();
        List<String> headerSpecs = new ArrayList<>(options.getOrDefault("header", List.of()));
        for (String maxStale : options.getOrDefault("max-stale", List.of())) {
            if (!maxStale.matches("[0-9]+")) {
                throw new IllegalArgumentException("--max-stale takes a whole number of seconds, not " + maxStale);
            }
            headerSpecs.add("Cache-Control: max-stale=" + maxStale);
        }
        for (String spec : headerSpecs) {
            int colon = spec.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--header takes 'Name: value', not " + spec);
            }
            headerList.add(spec.substring(0, colon).strip());
            headerList.add(spec.substring(colon + 1).strip());
        }
        headers = headerList.toArray(String[]::new);

        Map<String, List<String>> values = new TreeMap<>();
        for (String spec : options.getOrDefault("values", List.of())) {
            String[] parts = spec.split("=", 2);
            List<String> lines = Files.readAllLines(Path.of(parts[1]), StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("no values in " + parts[1] + " for {" + parts[0] + "}");
            }
            values.put(parts[0], lines);
        }
        List<Target> targets = new ArrayList<>();
        for (String spec : options.getOrDefault("target", List.of())) {
            String[] parts = spec.split("\\|");
            String user = parts.length > 2 ? parts[2] : defaultUser;
            Matcher m = PLACEHOLDER.matcher(parts[1]);
            while (m.find()) {
                if (!values.containsKey(m.group(1))) {
                    throw new IllegalArgumentException("no --values for {" + m.group(1) + "} in " + parts[1]);
                }
            }
            targets.add(new Target(parts[0], parts[1], "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)), new Tally()));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("give at least one --target label|path[|user]");
        }

        Map<String, Long> cold = new HashMap<>();
        if (Boolean.parseBoolean(one(options, "cold", "false"))) {
            for (Target target : targets) {
                cold.put(target.label(), askOnce(url, target, values, timeout));
            }
        }
        Map<String, Long> cpuOf = new LinkedHashMap<>();
        for (String spec : options.getOrDefault("cpu", List.of())) {
            String[] parts = spec.split("=", 2);
            cpuOf.put(parts[0], Long.parseLong(parts[1]));
        }
        long clockTicks = Long.parseLong(one(options, "clock-ticks", "100"));

        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> read(url, targets, values, timeout, measureFrom, measureTo),
                    "reader-" + c);
            threads.add(thread);
            thread.start();
        }
        sleepUntil(measureFrom);
        Map<String, Long> cpuFrom = ProcessCpu.millis(cpuOf, clockTicks);
        sleepUntil(measureTo);
        Map<String, Long> cpuTo = ProcessCpu.millis(cpuOf, clockTicks);
        for (Thread thread : threads) {
            thread.join();
        }
        for (Target target : targets) {
            Long coldNanos = cold.get(target.label());
            System.out.println(summary(target, seconds) + (coldNanos == null ? ""
                    : coldNanos < 0 ? " cold_status=" + (-coldNanos) : String.format(java.util.Locale.ROOT,
                    " cold_ms=%.1f", coldNanos / 1e6)));
        }
        StringBuilder cpu = new StringBuilder("cpu");
        cpuTo.forEach((name, to) -> cpu.append(' ').append(name).append("_cpu_ms=").append(to - cpuFrom.get(name)));
        System.out.println(cpu);
        long epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        System.out.printf("window from_ms=%d to_ms=%d%n", (measureFrom + epochOffsetNanos) / 1_000_000L,
                (measureTo + epochOffsetNanos) / 1_000_000L);
    }

    /**
     * One request of the target alone: its latency in nanoseconds when answered 2xx, else minus its status (minus
     * 1 without an answer).
     */
    private static long askOnce(String url, Target target, Map<String, List<String>> values, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = withHeaders(HttpRequest.newBuilder(URI.create(url + fill(target.path(), values,
                        ThreadLocalRandom.current()))).timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", target.authorization())).GET().build();
        long sent = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - sent;
            return response.statusCode() / 100 == 2 ? nanos : -response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The builder with the headers of {@code --header} and {@code --max-stale}, if any. */
    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder) {
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            Thread.sleep(Math.max(1, left / 1_000_000L));
        }
    }

    /**
     * One reader: requests one after the other until the end of the measured time, each through the JDK's blocking
     * {@link HttpURLConnection} in this thread (its keep-alive cache hands the reader its connection back), the
     * answer read to its last byte. Blocking on purpose: the JDK's asynchronous {@link HttpClient} (which
     * {@link #askOnce} still uses) passes every exchange between its selector and executor threads and took
     * 0.45–1.1 ms of CPU per answer on the 2 cores it shares with the service, this 0.12–0.21 ms
     * (docs/benchmarks.md, "The load client's own CPU").
     */
    private static void read(String url, List<Target> targets, Map<String, List<String>> values, Duration timeout,
                             long measureFrom, long measureTo) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] buffer = new byte[64 * 1024];
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        long sent;
        while ((sent = System.nanoTime()) < measureTo) {
            Target target = targets.get(random.nextInt(targets.size()));
            boolean counted = sent >= measureFrom;
            Tally tally = target.tally();
            try {
                HttpURLConnection request = (HttpURLConnection) URI.create(url + fill(target.path(), values, random))
                        .toURL().openConnection();
                request.setConnectTimeout(10_000);
                request.setReadTimeout(timeoutMillis);
                request.setRequestProperty("Accept", "application/json, application/problem+json");
                request.setRequestProperty("Authorization", target.authorization());
                for (int h = 0; h + 1 < headers.length; h += 2) {
                    request.setRequestProperty(headers[h], headers[h + 1]);
                }
                int status = request.getResponseCode();
                long bytes = 0;
                // The error stream of an answer other than 2xx is read out too, so the connection is kept.
                try (InputStream body = status / 100 == 2 ? request.getInputStream() : request.getErrorStream()) {
                    if (body != null) {
                        for (int n; (n = body.read(buffer)) >= 0; ) {
                            bytes += n;
                        }
                    }
                }
                long answered = System.nanoTime();
                if (!counted) {
                    continue;
                }
                if (status / 100 == 2) {
                    tally.answers.add(new long[] {answered - sent, bytes});
                    String age = request.getHeaderField("Age");
                    if (age != null) {
                        tally.aged.incrementAndGet();
                        tally.ageMax.accumulateAndGet(Long.parseLong(age.strip()), Math::max);
                    }
                } else {
                    tally.refused.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
            } catch (SocketTimeoutException e) {
                if (counted) {
                    tally.errors.incrementAndGet();
                    tally.timeouts.incrementAndGet();
                }
            } catch (IOException e) {
                if (counted && tally.errors.getAndIncrement() == 0) {
                    System.err.println("ReadLoad: no answer from " + target.label() + ": " + e);
                }
            }
        }
    }

    private static String fill(String path, Map<String, List<String>> values, ThreadLocalRandom random) {
        Matcher m = PLACEHOLDER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            List<String> choices = values.get(m.group(1));
            m.appendReplacement(filled, Matcher.quoteReplacement(choices.get(random.nextInt(choices.size()))));
        }
        return m.appendTail(filled).toString();
    }

    private static String summary(Target target, double seconds) {
        List<long[]> answers;
        synchronized (target.tally().answers) {
            answers = new ArrayList<>(target.tally().answers);
        }
        List<Long> nanos = new ArrayList<>(answers.stream().map(a -> a[0]).toList());
        List<Long> bytes = new ArrayList<>(answers.stream().map(a -> a[1]).toList());
        Collections.sort(nanos);
        Collections.sort(bytes);
        Map<Integer, AtomicLong> refused = target.tally().refused;
        long refusedCount = refused.values().stream().mapToLong(AtomicLong::get).sum();
        long requests = answers.size() + refusedCount + target.tally().errors.get();
        return String.format(java.util.Locale.ROOT, "target=%s requests=%d rate=%.1f refused=%s errors=%d timeouts=%d"
                        + " p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f bytes_p50=%d bytes_max=%d aged=%d"
                        + " age_max_s=%d",
                target.label(), requests, requests / seconds,
                refused.isEmpty() ? "0" : refused.toString().replace(" ", ""), target.tally().errors.get(),
                target.tally().timeouts.get(), percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.95) / 1e6,
                percentile(nanos, 0.99) / 1e6, nanos.isEmpty() ? 0 : nanos.get(nanos.size() - 1) / 1e6,
                percentile(bytes, 0.50), bytes.isEmpty() ? 0 : bytes.get(bytes.size() - 1), target.tally().aged.get(),
                target.tally().ageMax.get());
    }

    /** The nearest-rank percentile of a sorted list, 0 when it is empty. */
    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    private static String one(Map<String, List<String>> options, String key, String fallback) {
        List<String> given = options.get(key);
        return given == null ? fallback : given.get(given.size() - 1);
    }
}
