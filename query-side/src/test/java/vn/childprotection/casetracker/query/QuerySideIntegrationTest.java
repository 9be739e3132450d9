package vn.childprotection.casetracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.events.CaseReviewed;
import vn.childprotection.casetracker.events.DeadlineScheduled;
import vn.childprotection.casetracker.events.DetailedAssessmentRecorded;
import vn.childprotection.casetracker.events.EmergencyMeasuresTaken;
import vn.childprotection.casetracker.events.InitialAssessmentRecorded;
import vn.childprotection.casetracker.events.InterventionStatusChanged;
import vn.childprotection.casetracker.events.SupportPlanApproved;
import vn.childprotection.casetracker.events.SupportPlanDrafted;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.DeadlineRule;
import vn.childprotection.casetracker.values.EmergencyMeasure;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.InterventionMeasure;
import vn.childprotection.casetracker.values.InterventionStatus;
import vn.childprotection.casetracker.values.PlannedIntervention;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.ReviewOutcome;
import vn.childprotection.casetracker.values.RiskLevel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;
import vn.childprotection.casetracker.values.TemporaryRemoval;

/**
 * The query side as it runs: embedded PostgreSQL, Axon's JDBC event store, the pooled processors and the HTTP API.
 * Tests append events straight to the event store, as the command side would, and read over real HTTP. Every test
 * class extends this one so the whole module starts a single Spring context (and a single PostgreSQL); tests use
 * their own case ids and communes so they do not see each other's cases.
 */
@SpringBootTest(classes = {QuerySideApplication.class, QuerySideIntegrationTest.TestClock.class,
        TestAnchorWitness.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"casetracker.database.embedded.ephemeral=true",
                // Reads with minVersion wait at most this long (ReadYourWritesTest waits it out).
                "casetracker.read.consistency-wait=PT3S",
                // Users the demo set lacks, for the access rules: a dashboard, a worker of another commune than the
                // demo one, and a second auditor (a grant is reviewed by another auditor than its holder).
                "casetracker.security.users[0].username=dashboard",
                "casetracker.security.users[0].password-hash={noop}dashboard",
                "casetracker.security.users[0].org-unit=313",
                "casetracker.security.users[0].role=DASHBOARD",
                "casetracker.security.users[1].username=worker.anthai",
                "casetracker.security.users[1].password-hash={noop}worker.anthai",
                "casetracker.security.users[1].org-unit=313-an-thai",
                "casetracker.security.users[1].role=COMMUNE_WORKER",
                "casetracker.security.users[2].username=auditor.two",
                "casetracker.security.users[2].password-hash={noop}auditor.two",
                "casetracker.security.users[2].org-unit=313",
                "casetracker.security.users[2].role=AUDITOR"})
public abstract class QuerySideIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        // A test awaiting a projection's row by key ("SELECT version … WHERE case_id = ?") asks before the row
        // exists: that is "not yet", not a failure. The wait still fails, naming the exception, at PATIENCE.
        Awaitility.ignoreExceptionByDefault(EmptyResultDataAccessException.class);
    }

    /**
     * "Now" for the whole module: what the overdue register measures lateness against. A test may move the clock
     * ({@link #moveClockTo}); it is set back to this after every test.
     */
    protected static final Instant NOW = Instant.parse("2025-09-01T00:00:00Z");

    /**
     * The reader of tests about what the projections hold rather than who may read them: the coordinator reads
     * every case file in full, every history, register, work queue and the audit trail.
     */
    protected static final String READER = "coordinator";

    protected static final Actor WORKER = new Actor("worker.anlao", "313-tt-an-lao", Role.COMMUNE_WORKER);
    protected static final Actor CHAIR = new Actor("chair.anlao", "313-tt-an-lao", Role.COMMUNE_CHAIR);
    protected static final Actor HEALTH = new Actor("health", "313-health-centre", Role.AGENCY_STAFF);
    protected static final Actor POLICE = new Actor("police", "313-police", Role.AGENCY_STAFF);
    protected static final Actor COORDINATOR = new Actor("coordinator", "313-labour-office", Role.COORDINATOR);
    /** A test user: the worker of another commune than the demo one. */
    protected static final Actor AN_THAI_WORKER = new Actor("worker.anthai", "313-an-thai", Role.COMMUNE_WORKER);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected PersonalDataCipher cipher;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    private TestClock.MutableClock clock;

    /**
     * Moves the module's clock, e.g. past a break-the-glass grant's expiry, without waiting.
     */
    protected void moveClockTo(Instant instant) {
        clock.set(instant);
    }

    @AfterEach
    void setTheClockBack() {
        clock.set(NOW);
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * Appends the next event of its case, as the command side's aggregate would: aggregate type {@code CaseFile},
     * the next sequence number, the actor in the metadata, recorded at {@code recordedAt}.
     */
    protected void append(Actor actor, Instant recordedAt, CaseEvent event) {
        append(actor.username(), actor.orgUnit(), actor.role().name(), recordedAt, event);
    }

    /**
     * Appends an event the service records itself, as the command side does for a missed deadline: user
     * {@code system}, role {@code SYSTEM}, the org unit that had to meet it.
     */
    protected void appendBySystem(String orgUnit, Instant recordedAt, CaseEvent event) {
        append("system", orgUnit, "SYSTEM", recordedAt, event);
    }

    private void append(String userId, String orgUnit, String role, Instant recordedAt, CaseEvent event) {
        long next = eventStore.lastSequenceNumberFor(event.caseId()).map(n -> n + 1).orElse(0L);
        Map<String, Object> who = Map.of(ActorMetaData.USER, userId, ActorMetaData.ORG_UNIT, orgUnit,
                ActorMetaData.ROLE, role);
        eventStore.publish(new GenericDomainEventMessage<>("CaseFile", event.caseId(), next, event, who,
                UUID.randomUUID().toString(), recordedAt));
    }

    /**
     * A deadline scheduled at {@code at}; the only place a test builds this event.
     */
    protected static DeadlineScheduled scheduled(String caseId, Instant at, String deadlineId, DeadlineRule rule,
                                                 Instant dueAt, String responsibleOrgUnit, String interventionId) {
        return new DeadlineScheduled(caseId, at, deadlineId, rule, dueAt, responsibleOrgUnit, interventionId,
                "schedule-" + UUID.randomUUID());
    }

    protected EncryptedText seal(String childId, String plainText) {
        return cipher.seal(childId, plainText);
    }

    /**
     * A report of an abused girl of 9, with every personal field filled in and sealed under the child's key.
     */
    protected CaseReported reported(String caseId, String childId, String communeCode, Instant occurredAt) {
        return new CaseReported(caseId, childId, occurredAt, communeCode, "313-tt-an-lao", CaseCategory.ABUSED,
                ReportChannel.HOTLINE_111, Set.of(AbuseForm.NEGLECT, AbuseForm.VIOLENCE), AbuseSetting.FAMILY,
                Set.of(SpecialCircumstanceGroup.I_HARMED_BY_VIOLENCE), Sex.FEMALE, 9, false, "Kinh",
                seal(childId, "Nguyễn Thị Test"), seal(childId, "2015-06-01"),
                seal(childId, "Thôn Thử Nghiệm, xã An Thái"), true, seal(childId, "Trần Văn Báo Tin"),
                seal(childId, "Hàng xóm nghe tiếng khóc kéo dài"));
    }

    /**
     * The procedure up to a first review, one event an hour from {@code t0} (its report received then), with the
     * worker, the chair and the health centre acting:
     * 0 reported, 1 initial assessment HIGH with emergency, 2 emergency measures with a temporary removal,
     * 3 detailed assessment MEDIUM, 4 plan v1 drafted (i-1 therapy by the health centre, i-2 legal aid by the
     * justice office), 5 plan v1 approved, 6 i-1 in progress, 7 review LOW, continue.
     */
    protected void appendProcedureUpToFirstReview(String caseId, String childId, String communeCode, Instant t0) {
        append(WORKER, t0, reported(caseId, childId, communeCode, t0));
        append(WORKER, t0.plus(Duration.ofHours(1)), new InitialAssessmentRecorded(caseId,
                t0.plus(Duration.ofHours(1)), RiskLevel.HIGH, true, seal(childId, "Vết bầm trên cánh tay trái")));
        append(CHAIR, t0.plus(Duration.ofHours(2)), new EmergencyMeasuresTaken(caseId, t0.plus(Duration.ofHours(2)),
                List.of(EmergencyMeasure.TEMPORARY_REMOVAL, EmergencyMeasure.SAFE_PLACE),
                new TemporaryRemoval(day("2025-03-03"), day("2025-03-17")), seal(childId, "Đưa về nhà bà ngoại")));
        append(WORKER, t0.plus(Duration.ofHours(3)), new DetailedAssessmentRecorded(caseId,
                t0.plus(Duration.ofHours(3)), RiskLevel.MEDIUM, seal(childId, "Cha thường xuyên say rượu")));
        append(WORKER, t0.plus(Duration.ofHours(4)), new SupportPlanDrafted(caseId, t0.plus(Duration.ofHours(4)), 1,
                List.of(new PlannedIntervention("i-1", InterventionMeasure.PSYCHOLOGICAL_THERAPY,
                                "313-health-centre", day("2025-04-01"), seal(childId, "Tham vấn tâm lý hằng tuần")),
                        new PlannedIntervention("i-2", InterventionMeasure.LEGAL_AID, "313-justice-office",
                                day("2025-04-15"), seal(childId, "Trợ giúp pháp lý cho mẹ"))),
                seal(childId, "Trẻ an toàn và đi học lại")));
        append(CHAIR, t0.plus(Duration.ofHours(5)), new SupportPlanApproved(caseId, t0.plus(Duration.ofHours(5)), 1));
        append(HEALTH, t0.plus(Duration.ofHours(6)), new InterventionStatusChanged(caseId,
                t0.plus(Duration.ofHours(6)), "i-1", "313-health-centre", InterventionStatus.ASSIGNED,
                InterventionStatus.IN_PROGRESS, seal(childId, "Buổi tham vấn đầu tiên đã diễn ra")));
        append(WORKER, t0.plus(Duration.ofHours(7)), new CaseReviewed(caseId, t0.plus(Duration.ofHours(7)),
                RiskLevel.LOW, ReviewOutcome.CONTINUE, seal(childId, "Trẻ đã ổn định hơn")));
    }

    /**
     * Every plain text {@link #appendProcedureUpToFirstReview} seals (or a telling part of it).
     */
    protected static List<String> procedurePlainTexts() {
        return List.of("Nguyễn Thị Test", "2015-06-01", "Thôn Thử Nghiệm", "Trần Văn Báo Tin",
                "Hàng xóm nghe tiếng khóc", "Vết bầm", "Đưa về nhà bà ngoại", "say rượu", "Tham vấn tâm lý hằng tuần",
                "Trợ giúp pháp lý cho mẹ", "đi học lại", "Buổi tham vấn đầu tiên", "ổn định hơn");
    }

    /**
     * Every plain text {@link #reported} seals.
     */
    protected static List<String> reportedPlainTexts() {
        return List.of("Nguyễn Thị Test", "2015-06-01", "Thôn Thử Nghiệm", "Trần Văn Báo Tin",
                "Hàng xóm nghe tiếng khóc");
    }

    protected static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /**
     * GET as the {@link #READER}.
     */
    protected HttpResponse<String> get(String path) {
        return getAs(READER, path);
    }

    protected HttpResponse<String> getAccepting(String accept, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(READER, READER))
                .header("Accept", accept).GET().build());
    }

    /**
     * GET as a user whose password is its user name (the demo users and the test users above).
     */
    protected HttpResponse<String> getAs(String user, String path) {
        return getAs(user, user, path);
    }

    /**
     * POST of a JSON body as a user whose password is its user name.
     */
    protected HttpResponse<String> postAs(String user, String path, String jsonBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build());
    }

    protected HttpResponse<String> getWithoutSignIn(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    protected HttpResponse<String> getAs(String user, String password, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET().build());
    }

    /**
     * GET that must answer 200; the body as JSON.
     */
    protected JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /**
     * Waits until the case file holds {@code version} events (read as the {@link #READER}), and answers it.
     */
    protected JsonNode awaitCaseFile(String caseId, long version) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/cases/" + caseId);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body(response).get("version").asLong()).isEqualTo(version);
        });
        return getJson("/api/v1/cases/" + caseId);
    }

    /**
     * A refused read: 403 problem+json naming the rule, and nothing of what was asked for in the body.
     *
     * @param mustNotMention what the body must not hold: the case id, its commune, a child's name...
     */
    protected void assertRefused(HttpResponse<String> response, String rule, String... mustNotMention) {
        assertThat(response.statusCode()).as("answer %s", response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("rule").asString()).isEqualTo(rule);
        for (String text : mustNotMention) {
            assertThat(response.body()).doesNotContain(text);
        }
    }

    /**
     * The access log rows of a case, oldest first, as "user resource purpose" (read from the table, not the API).
     */
    protected List<String> accessLogOf(String caseId) {
        return jdbc.queryForList("SELECT user_id || ' ' || resource || ' ' || purpose FROM access_log "
                + "WHERE case_id = ? ORDER BY entry_id", String.class, caseId);
    }

    /**
     * GET as the {@link #READER}, the body as bytes (a spreadsheet, say); anything but 200 fails the test.
     */
    protected byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic(READER, READER)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HTTP request interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The module's one clock, standing still at {@link #NOW} unless a test moves it; primary, so it wins over the
     * platform's own.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {

        @Bean
        @Primary
        public MutableClock testClock() {
            return new MutableClock(NOW);
        }

        /**
         * A clock that stands still where it is set.
         */
        public static final class MutableClock extends Clock {

            private volatile Instant now;

            MutableClock(Instant now) {
                this.now = now;
            }

            void set(Instant instant) {
                this.now = instant;
            }

            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }
        }
    }

    /** Sends a request built by a test (e.g. with headers of its own) and reads its answer as UTF-8 text. */
    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
