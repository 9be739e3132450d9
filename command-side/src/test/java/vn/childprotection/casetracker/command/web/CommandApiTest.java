package vn.childprotection.casetracker.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childprotection.casetracker.platform.testing.ApiClient.json;
import static vn.childprotection.casetracker.platform.testing.ApiClient.object;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;
import vn.childprotection.casetracker.command.deadlines.TolerantDbSchedulerDeadlineManager;
import vn.childprotection.casetracker.platform.axon.AuthenticatingEventStorageEngine;
import vn.childprotection.casetracker.platform.axon.ClassCachingJackson3Serializer;
import vn.childprotection.casetracker.platform.testing.ApiClient;
import vn.childprotection.casetracker.platform.testing.ApiClient.Response;

/**
 * The command side alone, over real HTTP, on a real (embedded) PostgreSQL.
 */
class CommandApiTest extends CommandHttpTest {

    private static final String WORKER = "worker.31-xa-an-lao";

    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    DeadlineManager deadlineManager;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    static Map<String, Object> report(String name) {
        return object(
                "communeCode", "31-xa-an-lao",
                "category", "ABUSED",
                "channel", "HOTLINE_111",
                "abuseForms", List.of("VIOLENCE"),
                "setting", "FAMILY",
                "child", object("name", name, "birthDate", "2016-02-03", "sex", "FEMALE",
                        "ethnicity", "Kinh", "address", "Xóm Đê Thử Nghiệm " + name),
                "reporter", object("consentToRecordIdentity", true, "identity", "Người Báo " + name),
                "narrative", "Tường thuật riêng tư " + name);
    }

    String newCase() {
        Response created = api.post("/api/v1/cases", WORKER, json(report("Trẻ Mẫu")));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("caseId").asString();
    }

    @Test
    void axon_runs_on_spring_transactions_jdbc_storage_and_jackson() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class)
                .as("authenticates each event's chain row as it appends")
                .isInstanceOf(AuthenticatingEventStorageEngine.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class)
                .as("resolves each stored type name once").isInstanceOf(ClassCachingJackson3Serializer.class);
        assertThat(deadlineManager).as("persistent deadlines").isInstanceOf(DbSchedulerDeadlineManager.class)
                .as("tolerant of cancelling a running schedule").isInstanceOf(TolerantDbSchedulerDeadlineManager.class);
    }

    @Test
    void a_stored_event_is_authenticated_in_its_transaction_then_sealed_into_the_store_chain() {
        String caseId = newCase();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain WHERE aggregate_identifier = ? "
                + "AND link_mac IS NOT NULL", Long.class, caseId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM event_chain WHERE aggregate_identifier = ? AND chain_position IS NOT NULL "
                        + "AND store_mac IS NOT NULL", Long.class, caseId)).isEqualTo(1));
    }

    @Test
    void a_report_is_stored_as_readable_json_without_personal_data_and_with_who_did_it() {
        Response created = api.post("/api/v1/cases", WORKER, json(report("Lê Thị Bí Mật")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        String caseId = created.json().get("caseId").asString();
        Map<String, Object> row = jdbc.queryForMap("SELECT convert_from(payload, 'UTF8') AS payload, "
                + "convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry WHERE aggregate_identifier = ?",
                caseId);
        String payload = (String) row.get("payload");
        assertThat(payload).contains("\"category\":\"ABUSED\"", "\"ageYears\":");
        assertThat(payload).doesNotContain("Lê Thị Bí Mật", "Xóm Đê Thử Nghiệm", "Người Báo", "Tường thuật riêng tư",
                "2016-02-03");
        assertThat((String) row.get("meta")).contains("\"userId\":\"worker.31-xa-an-lao\"",
                "\"orgUnit\":\"31-xa-an-lao\"", "\"role\":\"COMMUNE_WORKER\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_key", Long.class)).isPositive();
    }

    @Test
    void the_same_idempotency_key_never_creates_a_second_case() {
        String body = json(report("Trẻ Lặp"));
        Map<String, String> key = Map.of("Idempotency-Key", "report-key-1");
        long before = eventCount();

        Response first = api.post("/api/v1/cases", WORKER, body, key);
        Response again = api.post("/api/v1/cases", WORKER, body, key);
        Response other = api.post("/api/v1/cases", WORKER, json(report("Trẻ Khác")), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("caseId").asString()).isEqualTo(first.json().get("caseId").asString());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.json().get("rule").asString()).isEqualTo("idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void if_match_makes_a_write_conditional_on_the_version() {
        String caseId = newCase();
        String assessment = json(object("riskLevel", "HIGH", "emergency", true));

        Response stale = api.post("/api/v1/cases/" + caseId + "/initial-assessment", WORKER, assessment,
                Map.of("If-Match", "\"7\""));
        Response current = api.post("/api/v1/cases/" + caseId + "/initial-assessment", WORKER, assessment,
                Map.of("If-Match", "\"1\""));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).as("assessment and its 12-hour limit").isEqualTo(3);
        assertThat(current.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void a_step_out_of_order_is_refused_with_409_naming_the_rule_and_writes_nothing() {
        String caseId = newCase();
        long before = eventCount();

        Response refused = api.post("/api/v1/cases/" + caseId + "/plan/approval", "chair.31-xa-an-lao",
                json(object("planVersion", 1)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("rule").asString()).isEqualTo("approval-needs-draft");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_step_dated_before_the_step_it_follows_is_refused_with_409_naming_the_rule_and_both_instants() {
        // Before the 2025 reform: Thị trấn An Lão and its worker.
        Map<String, Object> body = new java.util.LinkedHashMap<>(report("Trẻ Thứ Tự"));
        body.put("occurredAt", "2025-03-01T08:00:00Z");
        body.put("communeCode", "313-tt-an-lao");
        String caseId = api.post("/api/v1/cases", "worker.anlao", json(body)).json().get("caseId").asString();
        long before = eventCount();

        Response refused = api.post("/api/v1/cases/" + caseId + "/initial-assessment", "worker.anlao",
                json(object("riskLevel", "LOW", "emergency", false, "occurredAt", "2025-03-01T07:59:00Z")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("rule").asString()).isEqualTo("step-before-previous-step");
        assertThat(refused.json().get("detail").asString()).contains("2025-03-01T07:59:00Z", "2025-03-01T08:00:00Z");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_step_outside_ones_role_or_commune_is_refused_with_403_and_reveals_nothing() {
        String caseId = newCase();
        long before = eventCount();

        Response byPolice = api.post("/api/v1/cases/" + caseId + "/initial-assessment", "police",
                json(object("riskLevel", "HIGH", "emergency", false)));
        Response byAuditor = api.post("/api/v1/cases/" + caseId + "/closure", "auditor",
                json(object("reasonCode", "MOVED_AWAY")));
        Response closedByWorker = api.post("/api/v1/cases/" + caseId + "/closure", WORKER,
                json(object("reasonCode", "MOVED_AWAY")));
        Response reportByPolice = api.post("/api/v1/cases", "police", json(report("Trẻ Báo Bởi Công An")));

        for (Response refused : List.of(byPolice, byAuditor, closedByWorker)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).doesNotContain("31-xa-an-lao", "Trẻ Mẫu", caseId);
            assertThat(refused.json().get("rule").asString()).isEqualTo("role-not-allowed");
        }
        assertThat(closedByWorker.json().get("detail").asString()).contains("chair");
        assertThat(reportByPolice.status()).as("reporting is never blocked").isEqualTo(201);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void an_erasure_deletes_the_childs_key_and_records_why() {
        String caseId = newCase();
        String childKeys = "SELECT count(*) FROM child_key";
        long keys = jdbc.queryForObject(childKeys, Long.class);

        Response badBasis = api.post("/api/v1/cases/" + caseId + "/erasure", "chair.31-xa-an-lao",
                json(object("legalBasis", "BORED", "authorisationReference", "QĐ 1/2026")));
        Response erased = api.post("/api/v1/cases/" + caseId + "/erasure", "chair.31-xa-an-lao",
                json(object("legalBasis", "PURPOSE_FULFILLED", "authorisationReference", "QĐ 1/2026")));
        Response noteAfter = api.post("/api/v1/cases/" + caseId + "/initial-assessment", WORKER,
                json(object("riskLevel", "LOW", "emergency", false, "notes", "ghi chú mới")));

        assertThat(badBasis.status()).isEqualTo(400);
        assertThat(erased.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(childKeys, Long.class)).isEqualTo(keys - 1);
        assertThat(noteAfter.status()).isEqualTo(409);
        assertThat(noteAfter.json().get("rule").asString()).isEqualTo("identity-erased");
        assertThat(jdbc.queryForObject(childKeys, Long.class)).as("no key made again").isEqualTo(keys - 1);
    }

    @Test
    void only_the_assigned_agency_changes_an_intervention() {
        // A commune may be assigned an intervention like an agency; its worker then reports on it.
        final String assigned = "31-xa-an-hung";
        String caseId = newCase();
        String base = "/api/v1/cases/" + caseId;
        assertThat(api.post(base + "/initial-assessment", WORKER,
                json(object("riskLevel", "MEDIUM", "emergency", false))).status()).isEqualTo(200);
        assertThat(api.post(base + "/detailed-assessment", WORKER,
                json(object("riskLevel", "MEDIUM"))).status()).isEqualTo(200);
        assertThat(api.post(base + "/plan", WORKER, json(object("interventions", List.of(
                object("interventionId", "iv-health", "measure", "PSYCHOLOGICAL_THERAPY",
                        "agencyCode", assigned, "dueDate", "2030-01-31"))))).status()).isEqualTo(200);
        assertThat(api.post(base + "/plan/approval", "chair.31-xa-an-lao", json(object("planVersion", 1))).status())
                .isEqualTo(200);

        Response byPolice = api.post(base + "/interventions/iv-health/status", "police",
                json(object("status", "ACCEPTED")));
        Response byAssigned = api.post(base + "/interventions/iv-health/status", "worker." + assigned,
                json(object("status", "ACCEPTED")));
        Response unknown = api.post(base + "/interventions/iv-none/status", "worker." + assigned,
                json(object("status", "ACCEPTED")));

        // The police has no intervention on this case: it is outside the case, refused before any rule.
        assertThat(byPolice.status()).isEqualTo(403);
        assertThat(byPolice.json().get("rule").asString()).isEqualTo("role-not-allowed");
        assertThat(byAssigned.status()).isEqualTo(200);
        // report, initial assessment, detailed assessment + drafting limit, plan + drafting met + approval limit,
        // approval + approval limit met + intervention limit + review limit, then the status change.
        assertThat(byAssigned.json().get("version").asLong()).isEqualTo(12);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void bad_input_of_every_kind_gets_a_4xx_problem_and_appends_nothing() {
        String caseId = newCase();
        String cases = "/api/v1/cases";
        Map<String, Object> unknownEnum = report("X");
        unknownEnum.put("category", "KIDNAPPED");
        Map<String, Object> wrongType = report("X");
        wrongType.put("child", object("sex", "MALE", "ageYears", "nine"));
        Map<String, Object> missing = report("X");
        missing.remove("communeCode");
        missing.remove("channel");
        Map<String, Object> unknownCommune = report("X");
        unknownCommune.put("communeCode", "999-nowhere");
        Map<String, Object> tooOld = report("X");
        tooOld.put("child", object("sex", "MALE", "ageYears", 17));
        Map<String, Object> noConsent = report("X");
        noConsent.put("reporter", object("consentToRecordIdentity", false, "identity", "Tên Người Báo"));
        Map<String, Object> unknownField = report("X");
        unknownField.put("favouriteColour", "blue");
        String oversized = json(object("communeCode", "31-xa-an-lao", "narrative", "x".repeat(300_000)));
        long before = eventCount();

        record Case(String name, Response response, int status, String field) {
        }
        List<Case> answers = List.of(
                new Case("malformed JSON", api.post(cases, WORKER, "{\"communeCode\": "), 400, "body"),
                new Case("empty body", api.post(cases, WORKER, ""), 400, "body"),
                new Case("missing fields", api.post(cases, WORKER, json(missing)), 400, "communeCode"),
                new Case("wrong type", api.post(cases, WORKER, json(wrongType)), 400, "child.ageYears"),
                new Case("unknown enum", api.post(cases, WORKER, json(unknownEnum)), 400, "category"),
                new Case("unknown field", api.post(cases, WORKER, json(unknownField)), 400, "favouriteColour"),
                new Case("unknown commune", api.post(cases, WORKER, json(unknownCommune)), 400, "communeCode"),
                new Case("not a child", api.post(cases, WORKER, json(tooOld)), 400, "child.ageYears"),
                new Case("identity without consent", api.post(cases, WORKER, json(noConsent)), 400, null),
                new Case("future time", api.post(cases + "/" + caseId + "/initial-assessment", WORKER,
                        json(object("riskLevel", "LOW", "emergency", false, "occurredAt", "2999-01-01T00:00:00Z"))),
                        400, "occurredAt"),
                new Case("bad If-Match", api.post(cases + "/" + caseId + "/initial-assessment", WORKER,
                        json(object("riskLevel", "LOW", "emergency", false)), Map.of("If-Match", "yesterday")),
                        400, "If-Match"),
                new Case("unknown closing reason", api.post(cases + "/" + caseId + "/closure", WORKER,
                        json(object("reasonCode", "BORED"))), 400, "reasonCode"),
                new Case("removal without dates", api.post(cases + "/" + caseId + "/emergency-measures", WORKER,
                        json(object("measures", List.of("TEMPORARY_REMOVAL")))), 400, null),
                new Case("unknown agency", api.post(cases + "/" + caseId + "/plan", WORKER,
                        json(object("interventions", List.of(object("measure", "LEGAL_AID",
                                "agencyCode", "31-xa-an-lao-nope", "dueDate", "2030-01-01"))))),
                        400, "interventions[0].agencyCode"),
                new Case("unknown case", api.post(cases + "/no-such-case/initial-assessment", WORKER,
                        json(object("riskLevel", "LOW", "emergency", false))), 404, null),
                new Case("oversized body", api.post(cases, WORKER, oversized), 413, null),
                new Case("wrong content type", api.postRaw(cases, WORKER, "text/plain",
                        "hello".getBytes(StandardCharsets.UTF_8)), 415, null),
                new Case("no credentials", api.post(cases, null, json(report("X"))), 401, null),
                new Case("wrong password", new ApiClient(port).post(cases, "nobody", json(report("X"))), 401, null));

        for (Case c : answers) {
            assertThat(c.response().status()).as(c.name()).isEqualTo(c.status());
            assertThat(c.response().isProblem()).as(c.name() + " is problem+json: " + c.response().contentType())
                    .isTrue();
            JsonNode problem = c.response().json();
            assertThat(problem.get("status").asInt()).as(c.name()).isEqualTo(c.status());
            assertThat(problem.get("detail").asString()).as(c.name()).isNotBlank();
            assertThat(c.response().body()).as(c.name()).doesNotContain("Exception", "\tat ");
            if (c.field() != null) {
                assertThat(problem.get("errors").findValuesAsString("field")).as(c.name()).contains(c.field());
            }
        }
        assertThat(eventCount()).isEqualTo(before);
    }
}
