import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches how far the live projections are behind the event store, for the benchmark {@code deploy/bench/scale.sh}:
 * polls {@code GET /api/v1/admin/projections} every {@code --interval-ms} for {@code --delay} seconds not counted, then
 * for {@code --seconds} counted, and prints the lag in time of every projection as percentiles. No dependency beyond
 * the JDK.
 * <p>
 * The service gives each projection's lag in events ({@code lag}, the head's global index minus its position) and
 * the age of its oldest unprocessed event in whole seconds ({@code secondsBehind}). Whole seconds are too coarse for
 * a limit of one second, so the lag in time is taken from the polls themselves: at a poll at time t where a
 * projection is at position p = head − lag &gt; 0 events behind, its oldest unprocessed event (p + 1) was not yet in
 * the store at the latest earlier poll whose head was at most p, at time t'; the lag is then less than t − t', which
 * is what is counted (an upper bound, at most one interval too high). The polls not counted serve as that history;
 * where it does not reach back far enough, the service's {@code secondsBehind} is used. A caught-up projection has
 * lag 0.
 * <p>
 * Prints {@code projection=all samples=... p50_ms=... p99_ms=... max_ms=... max_events=...} (at each poll the
 * largest lag of all projections) and one such line per projection, plus {@code max_seconds_behind=...} as the
 * service reported it.
 */
public final class ProjectionLag {

    private static final Pattern PROJECTION = Pattern.compile("\"name\":\"([^\"]+)\".*?\"headGlobalIndex\":(\\d+),"
            + "\"lag\":(\\d+),\"secondsBehind\":(\\d+)");

    private ProjectionLag() {
    }

    /**
     * @param args {@code --url} base URL (default {@code http://localhost:8080}), {@code --seconds} how long to watch
     *             (default 12), {@code --delay} seconds polled first and not counted (default 0), {@code
     *             --interval-ms} (default 200), {@code --user} a coordinator or auditor (default {@code
     *             coordinator.haiphong})
     * @throws Exception when interrupted
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://localhost:8080").replaceFirst("/$", "");
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "12"));
        double delay = Double.parseDouble(options.getOrDefault("delay", "0"));
        long interval = Long.parseLong(options.getOrDefault("interval-ms", "200"));
        String user = options.getOrDefault("user", "coordinator.haiphong");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/projections"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();

        long start = System.nanoTime();
        long countFrom = start + (long) (delay * 1e9);
        long end = countFrom + (long) (seconds * 1e9);
        List<long[]> heads = new ArrayList<>(); // {nanos, head}
        Map<String, List<Long>> lags = new LinkedHashMap<>();
        List<Long> worst = new ArrayList<>();
        long maxEvents = 0;
        long maxSecondsBehind = 0;
        int failures = 0;
        for (long next = start; next < end; next += interval * 1_000_000L) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            long sent = System.nanoTime();
            String body;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures++;
                    continue;
                }
                body = response.body();
            } catch (java.io.IOException e) {
                failures++;
                continue;
            }
            long now = (sent + System.nanoTime()) / 2;
            boolean counted = sent >= countFrom;
            long pollWorst = 0;
            long head = 0;
            Matcher m = PROJECTION.matcher(body);
            while (m.find()) {
                head = Math.max(head, Long.parseLong(m.group(2)));
                long lag = Long.parseLong(m.group(3));
                long behind = Long.parseLong(m.group(4));
                if (!counted) {
                    continue;
                }
                long nanos = lag == 0 ? 0 : lagNanos(heads, Long.parseLong(m.group(2)) - lag, now, behind);
                lags.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(nanos);
                pollWorst = Math.max(pollWorst, nanos);
                maxEvents = Math.max(maxEvents, lag);
                maxSecondsBehind = Math.max(maxSecondsBehind, behind);
            }
            heads.add(new long[] {now, head});
            if (counted) {
                worst.add(pollWorst);
            }
        }
        System.out.println(line("all", worst) + String.format(Locale.ROOT,
                " max_events=%d max_seconds_behind=%d failed_polls=%d", maxEvents, maxSecondsBehind, failures));
        lags.forEach((name, values) -> System.out.println(line(name, values)));
    }

    /** The lag in time of a projection at {@code position}, from the heads seen at earlier polls. */
    private static long lagNanos(List<long[]> heads, long position, long now, long secondsBehind) {
        for (int i = heads.size() - 1; i >= 0; i--) {
            if (heads.get(i)[1] <= position) {
                return now - heads.get(i)[0];
            }
        }
        return secondsBehind * 1_000_000_000L;
    }

    private static String line(String name, List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "projection=%s samples=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f", name,
                sorted.size(), percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
