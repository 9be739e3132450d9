package vn.childprotection.casetracker.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.childprotection.casetracker.local.LocalApplication;
import vn.childprotection.casetracker.local.hostile.Mutation.Variant;
import vn.childprotection.casetracker.local.hostile.RawHttp.Answer;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.TestProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input over the whole API: for every operation of the running service's OpenAPI document
 * ({@code /v3/api-docs}), requests that must be refused, each a valid request with one mutation that breaks a
 * rule of the input gate (issue 9): a wrong JSON type, a value outside its enum, a required field missing or null,
 * text with NUL, other control characters, non-characters or unpaired surrogates, over-long text, instants and dates
 * that are not ISO-8601 text or lie far in the past or future, numbers and booleans that need coercion, duplicate
 * keys, invalid or overlong UTF-8, another declared charset, wrong content types, malformed headers, path values
 * with {@code %2F}, {@code %2e%2e} or {@code %00}, malformed or unbounded query parameters and a future
 * {@code asOf}. Each is sent as a user whose role may make the valid request, on a case in the state where the
 * valid request would be accepted (checked once per operation before the run: "controls").
 *
 * <p>Asserted over the run: no answer is a 5xx; no invalid request succeeds (2xx/3xx); every refusal is
 * {@code application/problem+json}; no refused request appends an event (rows of {@code domain_event_entry}
 * written by users, counted after each request; time limits missed by user {@code system} are left out).
 * On failure the message groups what went wrong by (operation, mutation kind, status, fault) with a count and
 * the smallest request of each group, instead of listing every request; the same report, with each operation's
 * statuses and the time spent, is written to {@code target/hostile-input-summary.txt}.
 *
 * <p>A request that succeeds (or appends events) may change its case, so the operation's case is prepared again
 * before its next try; if that fails (a stopped projection hides the case from break-the-glass), later tries reuse
 * the last case and the report says so.
 *
 * <p>Every mutation of the catalogue is sent in turn (the try number picks it); then, with at most
 * {@value #TOP_UP} more tries, the mutations of kinds that have not yet sent each of the equivalent hostile values
 * they pick among (each control character, charset, malformed date...: {@link PickCoverage}); further tries go
 * through the catalogue again. jqwik draws each try's {@link Variant} (where in the string, how far past a bound,
 * which value a kind starts from). Both coverages are asserted, not hoped for: every mutation of the catalogue was
 * sent, and every hostile value of every kind. Shrinking is off: the summary keeps the smallest example per group.
 * Deterministic by default with seed {@value #SEED}; override with {@code -Dcasetracker.fuzz.seed=...} and
 * {@code -Dcasetracker.fuzz.tries=...} (more tries draw more variants; too few fail the coverage).
 */
@PropertyDefaults(shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
class HostileInputPropertyTest {

    static final String SEED = "20261129";
    /**
     * Tries beyond one pass over the catalogue: enough for the kinds whose uses in one pass are fewer than their
     * hostile values to send the rest (the run asserts they did).
     */
    static final int TOP_UP = 50;

    private static ConfigurableApplicationContext context;
    private static RawHttp http;
    private static CaseFixtures fixtures;
    private static EventLedger ledger;
    private static List<Mutation> catalogue;
    private static final Map<String, Map<String, String>> pathValues = new HashMap<>();
    private static final Set<String> stale = new HashSet<>();
    private static final List<String> controlFailures = new ArrayList<>();
    /** Operations whose case could not be prepared again (e.g. a projection stopped): later tries reuse the last. */
    private static final Set<String> frozen = new HashSet<>();
    private static final List<String> fixtureProblems = new ArrayList<>();
    private static long fixtureNanos;
    private static long setupNanos;
    private static final FailureSummary summary = new FailureSummary();
    private static int cursor;
    /** The mutations of the catalogue sent so far (a mutation is a record of lambdas: equal only to itself). */
    private static final Set<Mutation> sent = new HashSet<>();
    private static int tries;
    private static long startedAt;

    @BeforeContainer
    static void start() {
        long started = System.nanoTime();
        context = new SpringApplicationBuilder(LocalApplication.class).initializers(TestProperties.first(
                "server.port=0", "casetracker.database.embedded.ephemeral=true",
                "logging.level.root=ERROR")).run();
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        http = new RawHttp(port);
        ApiClient api = new ApiClient(port);
        fixtures = new CaseFixtures(api);
        List<ApiOperation> operations = ApiOperation.read(JsonMapper.builder().build()
                .readTree(api.get("/v3/api-docs", null).body()));
        catalogue = HostileRequests.catalogue(operations);
        for (ApiOperation op : operations) {
            control(op);
        }
        ledger = new EventLedger(new JdbcTemplate(context.getBean(javax.sql.DataSource.class)));
        startedAt = System.nanoTime();
        setupNanos = startedAt - started;
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Property(seed = SEED)
    @AddLifecycleHook(Overrides.class)
    void every_invalid_request_is_refused_with_a_problem_and_writes_nothing(@ForAll("variants") Variant variant) {
        Mutation mutation = next();
        tries++;
        ApiOperation op = mutation.operation();
        RequestDraft draft = HostileRequests.valid(op, values(op));
        PickCoverage.sending(mutation);
        mutation.apply().accept(draft, variant);
        sent.add(mutation);
        long sent = System.nanoTime();
        Answer answer = http.send(draft);
        long answered = System.nanoTime() - sent;
        long events = ledger.appendedSinceLastLook();
        summary.record(mutation, draft, answer, events, answered);
        if (!op.method().equals("GET") && (answer.status() / 100 == 2 || events > 0)) {
            stale.add(op.label());
            ledger.appendedSinceLastLook();
        }
    }

    /**
     * The catalogue in turn, once; then mutations of kinds that have not sent all their hostile values yet; then
     * the catalogue again.
     */
    private static Mutation next() {
        if (cursor < catalogue.size()) {
            return catalogue.get(cursor++);
        }
        Mutation missing = PickCoverage.nextMissing();
        return missing != null ? missing : catalogue.get(cursor++ % catalogue.size());
    }

    @Provide
    Arbitrary<Variant> variants() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 1000), Arbitraries.longs()).as(Variant::new);
    }

    @AfterProperty
    void no_invalid_request_was_accepted_and_every_refusal_was_clean() {
        Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
        String report = "catalogue of " + catalogue.size() + " mutations, " + tries + " tries in " + took.toSeconds()
                + " s (of which preparing cases again after a request changed them: " + fixtureNanos / 1_000_000_000
                + " s; start and controls before: " + setupNanos / 1_000_000_000 + " s)"
                + (fixtureProblems.isEmpty() ? "" : "; cases that could not be prepared again: " + fixtureProblems)
                + "\n" + summary.render();
        writeReport(report + "\nStatuses by operation:\n" + summary.statusesByOperation());
        assertThat(controlFailures).as("valid requests the mutations start from are accepted").isEmpty();
        assertThat(summary.requests()).as("hostile requests sent").isEqualTo(tries);
        assertThat(catalogue).as("every mutation of the catalogue was sent").allMatch(sent::contains);
        assertThat(PickCoverage.kinds()).as("kinds of mutation picking among several hostile values")
                .isGreaterThan(20);
        assertThat(PickCoverage.missed()).as("kinds of mutation of which some hostile value was never sent "
                + "(the number sent)").isEmpty();
        assertThat(summary.clean()).as(report).isTrue();
    }

    /** Keeps the whole report in {@code target/hostile-input-summary.txt} beside the test output. */
    private static void writeReport(String report) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "hostile-input-summary.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the operation's valid request once, on a case of its own: it must succeed, or the mutations prove little. */
    private static void control(ApiOperation op) {
        Map<String, String> values = fixtures.prepare(op.path());
        RequestDraft draft = HostileRequests.valid(op, values);
        Answer[] answer = {http.send(draft)};
        pathValues.put(op.label(), values);
        if (!op.method().equals("GET")) {
            stale.add(op.label());
        } else if (answer[0].status() == 404) {
            try {
                await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                        .until(() -> (answer[0] = http.send(draft)).status() != 404);
            } catch (ConditionTimeoutException e) {
                // reported below with the last answer
            }
        }
        if (answer[0].status() / 100 != 2) {
            controlFailures.add(op.label() + " -> " + answer[0].status() + " " + answer[0].body());
        }
    }

    /** The path values for the operation, from a case prepared again after a request changed the last one. */
    private static Map<String, String> values(ApiOperation op) {
        String label = op.label();
        if ((stale.remove(label) || !pathValues.containsKey(label)) && !frozen.contains(label)) {
            long started = System.nanoTime();
            try {
                pathValues.put(label, fixtures.prepare(op.path()));
            } catch (RuntimeException e) {
                frozen.add(label);
                fixtureProblems.add(label + ": " + e.getMessage());
            }
            fixtureNanos += System.nanoTime() - started;
            ledger.appendedSinceLastLook();
        }
        return pathValues.get(label);
    }

    /**
     * Seed and tries from {@code -Dcasetracker.fuzz.seed} and {@code -Dcasetracker.fuzz.tries}, when given; tries
     * otherwise the catalogue and {@link #TOP_UP} (known once the service is started, before the property runs).
     */
    static class Overrides implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String seed = System.getProperty("casetracker.fuzz.seed", "");
            if (!seed.isBlank()) {
                context.attributes().setSeed(seed);
            }
            String tries = System.getProperty("casetracker.fuzz.tries", "");
            context.attributes().setTries(tries.isBlank() ? catalogue.size() + TOP_UP : Integer.parseInt(tries));
            return property.execute();
        }

        @Override
        public int aroundPropertyProximity() {
            return -100;
        }
    }
}
