package vn.childprotection.casetracker.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The generator against a stand-in for the service that accepts or refuses what it is sent: what goes over the
 * wire, what is recorded, and how a refusal stops the run.
 */
class CaseGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, String> caseIdByKey = new ConcurrentHashMap<>();
    private final AtomicInteger versions = new AtomicInteger();
    private volatile Predicate<Sent> refuse = s -> false;
    private volatile Predicate<Sent> rollBack = s -> false;

    record Sent(String path, String user, String idempotencyKey, JsonNode body) {
    }

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String user = new String(Base64.getDecoder().decode(auth.substring("Basic ".length())),
                StandardCharsets.UTF_8).split(":")[0];
        JsonNode body = GenerationRecord.JSON.readTree(exchange.getRequestBody().readAllBytes());
        String path = exchange.getRequestURI().getPath();
        Sent request = new Sent(path, user, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
        sent.add(request);
        if (refuse.test(request)) {
            respond(exchange, 409, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"Approval needs a drafted plan.\",\"rule\":\"approval-needs-draft\"}");
            return;
        }
        if (rollBack.test(request)) {
            respond(exchange, 500, "application/problem+json", "{\"title\":\"Internal error\",\"status\":500,"
                    + "\"detail\":\"The request could not be completed; nothing was recorded.\"}");
            return;
        }
        if (path.equals("/api/v1/cases")) {
            String caseId = caseIdByKey.computeIfAbsent(request.idempotencyKey(), k -> UUID.randomUUID().toString());
            respond(exchange, 201, "application/json", "{\"caseId\":\"" + caseId + "\",\"version\":1}");
        } else {
            String caseId = path.split("/")[4];
            respond(exchange, 200, "application/json", "{\"caseId\":\"" + caseId + "\",\"version\":"
                    + versions.incrementAndGet() + "}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private GeneratorOptions options(URI url, int cases) {
        return new GeneratorOptions(url, cases, LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31), 42,
                dir.resolve("generated-cases.jsonl"), 4);
    }

    private static CaseGenerator generator(GeneratorOptions options, PrintStream progress) {
        return new CaseGenerator(options, Clock.fixed(NOW, ZoneOffset.UTC), progress, false);
    }

    @Test
    void every_planned_step_is_sent_by_its_user_and_recorded() throws IOException {
        URI url = start();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        GeneratorOptions options = options(url, 120);
        GenerationRecord record = generator(options, new PrintStream(progress, true, StandardCharsets.UTF_8))
                .generate();

        List<PlannedCase> plans = new CasePlanner(42, options.from(), options.to(), NOW).planAll(120);
        int planned = plans.stream().mapToInt(p -> p.steps().size()).sum();
        assertThat(sent).hasSize(planned);
        assertThat(record.requests()).isEqualTo(planned);
        assertThat(record.cases()).hasSize(120);
        for (int i = 0; i < plans.size(); i++) {
            PlannedCase plan = plans.get(i);
            GeneratedCase generated = record.cases().get(i);
            assertThat(generated.communeCode()).isEqualTo(plan.communeCode());
            assertThat(generated.steps().stream().map(StepRecord::step).toList())
                    .isEqualTo(plan.steps().stream().map(PlannedStep::step).toList());
            assertThat(generated.helpedInTime()).isEqualTo(plan.helpedInTime());
            String caseId = generated.caseId();
            List<Sent> ofCase = sent.stream().filter(s -> s.path().contains(caseId) || s.idempotencyKey() != null
                    && caseId.equals(caseIdByKey.get(s.idempotencyKey()))).toList();
            assertThat(ofCase.stream().map(Sent::user).toList())
                    .isEqualTo(plan.steps().stream().map(PlannedStep::user).toList());
            assertThat(ofCase.get(0).path()).isEqualTo("/api/v1/cases");
            assertThat(ofCase.get(0).idempotencyKey()).isNotBlank();
            assertThat(ofCase.get(0).body().get("child").get("name").asString())
                    .isEqualTo(String.format("Trẻ Thử %05d", i + 1));
            assertThat(ofCase.subList(1, ofCase.size())).allSatisfy(s -> assertThat(s.idempotencyKey()).isNull());
        }
        assertThat(sent.stream().map(Sent::idempotencyKey).filter(k -> k != null).distinct()).hasSize(120);
        assertThat(GenerationRecord.read(options.out()).cases()).isEqualTo(record.cases());
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertThat(lines.lines()).hasSize(10).last().asString().contains("120/120 cases (100%)");
    }

    @Test
    void a_refusal_stops_the_run_with_the_problem_and_nothing_personal() throws IOException {
        URI url = start();
        refuse = s -> s.path().endsWith("/plan/approval");
        GeneratorOptions options = options(url, 200);
        assertThatThrownBy(() -> generator(options, new PrintStream(new ByteArrayOutputStream())).generate())
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("HTTP 409").hasMessageContaining("rule=approval-needs-draft")
                .hasMessageContaining("step PLAN_APPROVED as chair.31")
                .hasMessageNotContaining("Trẻ Thử")
                .satisfies(e -> {
                    GenerationRecord partial = ((GenerationException) e).partialRecord();
                    assertThat(partial.cases()).isNotEmpty().hasSizeLessThan(200);
                    assertThat(partial.cases()).allSatisfy(c -> assertThat(c.steps().stream()
                            .map(StepRecord::step)).doesNotContain(Step.PLAN_APPROVED));
                    assertThat(GenerationRecord.read(options.out()).cases()).isEqualTo(partial.cases());
                });
        assertThat(sent.stream().filter(s -> s.path().endsWith("/plan/approval")).count())
                .as("the first refusal stops every worker; in-flight requests may finish").isLessThanOrEqualTo(4);
    }

    @Test
    void a_step_the_service_rolled_back_whole_is_sent_again() throws IOException {
        URI url = start();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        rollBack = s -> s.path().endsWith("/emergency-measures") && rolledBack.add(s.path());
        GeneratorOptions options = options(url, 60);
        CaseGenerator generator = generator(options, new PrintStream(new ByteArrayOutputStream()));
        GenerationRecord record = generator.generate();
        long measures = record.byStep().get(Step.EMERGENCY_MEASURES);
        assertThat(measures).isPositive();
        assertThat(generator.serverRetries()).isEqualTo(measures);
        assertThat(record.requests()).isEqualTo(sent.size()).isEqualTo(record.cases().stream()
                .mapToLong(c -> c.steps().size()).sum() + measures);
    }

    @Test
    void an_unreachable_service_is_retried_then_reported() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        GeneratorOptions options = new GeneratorOptions(URI.create("http://127.0.0.1:" + port), 3,
                LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31), 1, dir.resolve("none.jsonl"), 1);
        assertThatThrownBy(() -> generator(options, new PrintStream(new ByteArrayOutputStream())).generate())
                .isInstanceOf(GenerationException.class).hasMessageContaining("could not reach the service");
        assertThat(GenerationRecord.read(options.out()).cases()).isEmpty();
    }
}
