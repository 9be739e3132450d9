package vn.childprotection.casetracker.generator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the generator's requests over HTTP/1.1 with HTTP Basic (the demo users' password is their name).
 * <p>
 * Retries only what cannot duplicate anything: a request that never reached the service (connection refused or
 * timed out while connecting); any attempt of a report, which carries an {@code Idempotency-Key} so that a repeat
 * returns the case already opened; and a 5xx answer whose problem says that nothing was recorded. The last one is
 * a transient race on the service: a step that ends a time limit which came due while it was being scheduled (a
 * step entered late) can meet the limit's missed-deadline job still running, and the step is rolled back. Every
 * other answer than 2xx is a {@link Refused}.
 */
final class HttpApi {

    static final int ATTEMPTS = 5;
    /** The service's own words for a request it rolled back whole (problem detail of its 500 answers). */
    static final String NOTHING_RECORDED = "nothing was recorded";

    private final HttpClient http;
    private final URI baseUrl;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong connectionRetries = new AtomicLong();
    private final AtomicLong serverRetries = new AtomicLong();

    HttpApi(URI baseUrl, JsonMapper json, Clock clock) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * @return the wall-clock instant the 2xx answer arrived, and its JSON body
     * @throws Refused          on any other answer
     * @throws IOException      when the service could not be reached after {@link #ATTEMPTS} attempts
     */
    Answer post(String path, String user, Object body, Map<String, String> headers, boolean idempotent)
            throws IOException, InterruptedException, Refused {
        byte[] bytes = json.writeValueAsBytes(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            try {
                requests.incrementAndGet();
                HttpResponse<String> response = http.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Instant respondedAt = clock.instant();
                if (response.statusCode() / 100 != 2) {
                    String problem = describeProblem(response.body());
                    if (response.statusCode() >= 500 && problem.contains(NOTHING_RECORDED) && attempt < ATTEMPTS) {
                        serverRetries.incrementAndGet();
                        Thread.sleep(100L << attempt);
                        continue;
                    }
                    throw new Refused(response.statusCode(), problem);
                }
                return new Answer(respondedAt, json.readTree(response.body()));
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (attempt >= ATTEMPTS || !(neverSent || idempotent)) {
                    throw e;
                }
                connectionRetries.incrementAndGet();
                Thread.sleep(200L << attempt);
            }
        }
    }

    long requests() {
        return requests.get();
    }

    /**
     * @return requests sent again after a connection failure
     */
    long connectionRetries() {
        return connectionRetries.get();
    }

    /**
     * @return requests sent again after a 5xx answer saying nothing was recorded
     */
    long serverRetries() {
        return serverRetries.get();
    }

    /**
     * Keeps only the problem's standard and rule fields: the service never echoes personal data there, and
     * nothing else of the body is printed.
     */
    private String describeProblem(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem == null || !problem.isObject()) {
                return "(no problem document, " + body.length() + " characters)";
            }
            List<String> parts = new ArrayList<>();
            for (String field : List.of("title", "detail", "rule")) {
                JsonNode value = problem.get(field);
                if (value != null && !value.isNull()) {
                    parts.add(field + "=" + value.asString());
                }
            }
            JsonNode errors = problem.get("errors");
            if (errors != null && errors.isArray()) {
                List<String> fields = new ArrayList<>();
                errors.forEach(e -> fields.add(text(e.get("field")) + ": " + text(e.get("problem"))));
                parts.add("errors=" + fields);
            }
            return String.join("; ", parts);
        } catch (JacksonException e) {
            return "(no problem document, " + body.length() + " characters)";
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "?" : node.asString();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(Instant respondedAt, JsonNode body) {
    }

    /**
     * A non-2xx answer.
     */
    static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        private final int status;

        Refused(int status, String problem) {
            super("HTTP " + status + " " + problem);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
