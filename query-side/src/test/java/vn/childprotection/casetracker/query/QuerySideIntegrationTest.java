package vn.childprotection.casetracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.childprotection.casetracker.events.CaseEvent;
import vn.childprotection.casetracker.events.CaseReported;
import vn.childprotection.casetracker.platform.axon.ActorMetaData;
import vn.childprotection.casetracker.platform.crypto.PersonalDataCipher;
import vn.childprotection.casetracker.platform.security.Actor;
import vn.childprotection.casetracker.platform.security.Role;
import vn.childprotection.casetracker.values.AbuseForm;
import vn.childprotection.casetracker.values.AbuseSetting;
import vn.childprotection.casetracker.values.CaseCategory;
import vn.childprotection.casetracker.values.EncryptedText;
import vn.childprotection.casetracker.values.ReportChannel;
import vn.childprotection.casetracker.values.Sex;
import vn.childprotection.casetracker.values.SpecialCircumstanceGroup;

/**
 * The query side as it runs: embedded PostgreSQL, Axon's JDBC event store, the pooled processors and the HTTP API.
 * Tests append events straight to the event store, as the command side would, and read over real HTTP. Every test
 * class extends this one so the whole module starts a single Spring context (and a single PostgreSQL); tests use
 * their own case ids and communes so they do not see each other's cases.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "casetracker.database.embedded.ephemeral=true")
public abstract class QuerySideIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    protected static final Actor WORKER = new Actor("worker.anlao", "313-tt-an-lao", Role.COMMUNE_WORKER);
    protected static final Actor CHAIR = new Actor("chair.anlao", "313-tt-an-lao", Role.COMMUNE_CHAIR);
    protected static final Actor HEALTH = new Actor("health", "313-health-centre", Role.AGENCY_STAFF);

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

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /**
     * Appends the next event of its case, as the command side's aggregate would: aggregate type {@code CaseFile},
     * the next sequence number, the actor in the metadata, recorded at {@code recordedAt}.
     */
    protected void append(Actor actor, Instant recordedAt, CaseEvent event) {
        long next = eventStore.lastSequenceNumberFor(event.caseId()).map(n -> n + 1).orElse(0L);
        Map<String, Object> who = Map.of(ActorMetaData.USER, actor.username(),
                ActorMetaData.ORG_UNIT, actor.orgUnit(),
                ActorMetaData.ROLE, actor.role().name());
        eventStore.publish(new GenericDomainEventMessage<>("CaseFile", event.caseId(), next, event, who,
                UUID.randomUUID().toString(), recordedAt));
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
     * Every plain text {@link #reported} seals.
     */
    protected static List<String> reportedPlainTexts() {
        return List.of("Nguyễn Thị Test", "2015-06-01", "Thôn Thử Nghiệm", "Trần Văn Báo Tin",
                "Hàng xóm nghe tiếng khóc");
    }

    protected static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("worker.anlao", "worker.anlao"))
                .GET().build());
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

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
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
